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

/**
 * Whether line `i` (0-based) of a table region is the page's number. Inside a table a page number may stand right
 * under a row, where isPageFurnitureAt would take it for a cell: after a blank line a lone whole number is the page's
 * number. On the page's last line just under a row (the next line opens a page with a form feed, `25` under 表3's
 * row) it is only where the page before or after ends with the number one less or one more: a code printed alone on
 * the last line of a page (`201` under its wrapped name) is the next row's.
 */
export function isPageNumberUnderTable(lines: readonly SourceLine[], i: number): boolean {
  const text = lines[i].text.trim();
  if (!/^\d{1,4}$/.test(text) || i === 0) return false;
  if (isBlank(lines[i - 1])) return true;
  if (!/^\f/.test(lines[i + 1]?.raw ?? '')) return false;
  const n = Number(text);
  return footNumber(lines, pageBreakBefore(lines, i)) === n - 1 || footNumber(lines, pageBreakAfter(lines, i + 1)) === n + 1;
}

/** The index of the line opening the page that line `i` is on (by its form feed), or -1 on the first page. */
function pageBreakBefore(lines: readonly SourceLine[], i: number): number {
  for (let j = i; j > 0; j--) if (lines[j].raw.startsWith('\f')) return j;
  return -1;
}

/** The index of the first line after line `i` that opens a page, or -1. */
function pageBreakAfter(lines: readonly SourceLine[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].raw.startsWith('\f')) return j;
  return -1;
}

/** The page number printed on the last non-blank line before the page break at `at` (`24`, `- 24 -`, `— 24 —`). */
function footNumber(lines: readonly SourceLine[], at: number): number | null {
  for (let j = at - 1; j >= 0 && at > 0; j--) {
    if (isBlank(lines[j])) continue;
    const m = /^[-—–\s]*(\d{1,4})[-—–\s]*$/.exec(lines[j].text);
    return m ? Number(m[1]) : null;
  }
  return null;
}
