import { foldWidth } from '../core/width.ts';
import { isBlank, type SourceLine } from './source-lines.ts';

/**
 * Page furniture: what a page prints around the content and PDF extraction leaves between lines. One definition for
 * every reader (tables, performance targets, narrative, metadata, the nothing-lost accounting).
 */

/** A printed page number: `- 37 -`, `第 3 页`, `第3页，共10页`, `共 10 页`. */
const PAGE_NUMBER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:[,，\s]*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页)$/;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(foldWidth(text).trim());
}

/**
 * Page furniture recognisable by its shape alone: a page number, and the rule lines of Markdown tables. A bare
 * number is not among them: see isPageFurnitureAt.
 */
export function isPageFurniture(text: string): boolean {
  const t = foldWidth(text).trim();
  return PAGE_NUMBER.test(t) || /^(?=.*-)[-|:\s]{3,}$/.test(t);
}

/**
 * Whether line `no` of the whole text (`lines[no - 1]`) is page furniture. A bare number (`37`) is a page number only
 * where one is printed: alone between two page breaks, that is with a blank line, a form feed or the edge of the
 * text on both sides. Inside prose (`预算为` / `128` / `万元`) or a table (a code on a line of its own) it is content.
 */
export function isPageFurnitureAt(lines: readonly SourceLine[], no: number): boolean {
  const line = lines[no - 1];
  if (isPageFurniture(line.text)) return true;
  if (!/^\d{1,3}$/.test(foldWidth(line.text).trim())) return false;
  const before = lines[no - 2];
  const after = lines[no];
  const breakBefore = !before || isBlank(before) || /^\f/.test(line.raw);
  const breakAfter = !after || isBlank(after) || /^\f/.test(after.raw);
  return breakBefore && breakAfter;
}
