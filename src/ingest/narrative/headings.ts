import { foldWidth, stripMarkup } from '../source-lines.ts';

const CN_NUM = '[一二三四五六七八九十百零〇]+';

/** Heading markers of the usual outline, most significant first. */
const MARKERS: ReadonlyArray<{ level: 1 | 2 | 3 | 4; pattern: RegExp }> = [
  { level: 1, pattern: new RegExp(`^第${CN_NUM}部分`) },
  { level: 2, pattern: new RegExp(`^${CN_NUM}[、.．]`) },
  { level: 3, pattern: new RegExp(`^[（(]${CN_NUM}[）)]`) },
  { level: 4, pattern: /^\d{1,2}[、.．](?!\d)/ },
];

const MAX_HEADING_LENGTH = 40;

/**
 * The outline level of a line when it reads as a heading: an outline marker followed by a short phrase that does
 * not end a sentence. Long numbered lines are list items of the prose (duties, explanations), not headings.
 */
export function headingLevel(text: string): 1 | 2 | 3 | 4 | null {
  const t = foldWidth(stripMarkup(text)).trim();
  if (t.length === 0 || t.length > MAX_HEADING_LENGTH) return null;
  if (/[。；;，,]$/.test(t)) return null;
  for (const { level, pattern } of MARKERS) if (pattern.test(t)) return level;
  return null;
}

/** Page furniture that PDF extraction leaves between lines: `- 37 -`, `第 3 页`, a lone page number. */
export function isPageFurniture(text: string): boolean {
  const t = foldWidth(text).trim();
  return /^[-—–]\s*\d{1,4}\s*[-—–]$/.test(t) || /^第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?$/.test(t) || /^\d{1,3}$/.test(t);
}
