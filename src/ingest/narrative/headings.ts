import { isBlank, stripMarkup, type SourceLine } from '../source-lines.ts';
import { foldWidth } from '../../core/width.ts';

const CN_NUM = '[一二三四五六七八九十百零〇]+';

export type HeadingLevel = 1 | 2 | 3 | 4;
export type MarkerKind = 'part' | 'cn' | 'paren' | 'paren-digit' | 'digit';

/** Outline markers of the usual outline, most significant first. */
const MARKERS: ReadonlyArray<{ kind: MarkerKind; level: HeadingLevel; pattern: RegExp }> = [
  { kind: 'part', level: 1, pattern: new RegExp(`^第${CN_NUM}部分`) },
  { kind: 'cn', level: 2, pattern: new RegExp(`^${CN_NUM}\\s*[、.．]`) },
  { kind: 'paren', level: 3, pattern: new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)]`) },
  { kind: 'paren-digit', level: 4, pattern: /^[（(]\s*\d{1,2}\s*[）)]/ },
  { kind: 'digit', level: 4, pattern: /^\d{1,2}\s*[、.．](?!\d)/ },
];

/** The outline marker a line starts with (第一部分, 一、, （一）, 1.), if any. */
export function markerOf(text: string): { kind: MarkerKind; level: HeadingLevel; length: number } | null {
  const t = foldWidth(stripMarkup(text)).trim();
  for (const { kind, level, pattern } of MARKERS) {
    const m = pattern.exec(t);
    if (m) return { kind, level, length: m[0].length };
  }
  return null;
}

/** The text after a line's outline marker, or null when it has none. */
export function afterMarker(text: string): string | null {
  const t = text.trim();
  const folded = foldWidth(t);
  for (const { pattern } of MARKERS) {
    const m = pattern.exec(folded);
    if (m) return t.slice(m[0].length).trim();
  }
  return null;
}

const MAX_HEADING_LENGTH = 40;
const MAX_LONG_HEADING_LENGTH = 80;

/**
 * The outline level of a line when it reads as a heading: an outline marker followed by a phrase that neither
 * ends nor contains a sentence. Long numbered lines are list items of the prose (duties, explanations).
 */
export function headingLevel(text: string): HeadingLevel | null {
  const t = foldWidth(stripMarkup(text)).trim();
  if (t.length === 0 || t.length > MAX_LONG_HEADING_LENGTH) return null;
  if (/[。；;，,、]$/.test(t)) return null;
  if (/[：:]$/.test(t) && t.length > 24) return null;
  if (t.length > MAX_HEADING_LENGTH && /[。；;，,]/.test(t)) return null;
  if (/。/.test(t)) return null;
  return markerOf(t)?.level ?? null;
}

/**
 * A title set on its own, centred line (上海市…主要职能, 名词解释): deeply indented, short, and free of
 * punctuation. Some layouts give their chapter titles no outline marker at all.
 */
export function isCentredTitle(text: string, indent: number): boolean {
  const t = text.trim();
  return indent >= 10 && t.length >= 2 && t.length <= 30 && !/[，。；、：,;:]/.test(t) && /^[\u4e00-\u9fa5“"\d]/.test(t);
}

/**
 * Page furniture that PDF extraction leaves between lines, recognisable by its shape alone: `- 37 -`, `第 3 页`, and
 * the rule lines of Markdown tables. A bare number is not among them: see isPageFurnitureAt.
 */
export function isPageFurniture(text: string): boolean {
  const t = foldWidth(text).trim();
  return /^[-—–]\s*\d{1,4}\s*[-—–]$/.test(t) || /^第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?$/.test(t) || /^(?=.*-)[-|:\s]{3,}$/.test(t);
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
