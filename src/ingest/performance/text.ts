import { tabCells } from '../layout/cells.ts';
import { stripMarkup, type SourceLine } from '../source-lines.ts';

import { compact } from '../../core/width.ts';
import { joinWrapped } from '../layout/cell-text.ts';

export { compact, joinWrapped };

const CJK = '\\u3400-\\u9fff\\uff08\\uff09（）【】“”、，。：；';
/** Built once: every cell of every indicator table is cleaned. */
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');
const WHITE_SPACE = /\s/;

/**
 * Normalizes one cell as printed: converter emphasis removed (its HTML and LaTeX were read with the line, cleanLine),
 * and the spaces that PDF extraction puts between CJK characters (`按照完 成比例 赋分`, vertical headers `一 级 指 标`)
 * removed.
 */
export function cleanCell(s: string): string {
  const stripped = stripMarkup(s);
  // Most cells hold no white space once trimmed (a figure, a unit, a short name): nothing to collapse or remove, and a
  // test is a third of the two replacements that find nothing.
  if (!WHITE_SPACE.test(stripped)) return stripped;
  const plain = stripped.replace(/\s+/g, ' ').trim();
  return plain.replace(SPACE_IN_CJK, '');
}

/** The cells of a tab-separated line of a target or evaluation table, each cleaned as printed. */
export function cleanCells(line: SourceLine): string[] {
  return tabCells(line).map(cleanCell);
}

/** Two prints of one name, one cut short by a wrap or a page break: one begins with the other (four characters at least). */
export function samePrefix(a: string, b: string): boolean {
  const [short, long] = compact(a).length <= compact(b).length ? [compact(a), compact(b)] : [compact(b), compact(a)];
  return short.length >= 4 && long.startsWith(short);
}

/**
 * Two prints of one cell, on the two sides of a page break: the PDF draws the cell's text whole at the cell's middle
 * and each page shows (or clips) its share, so each print is the whole text or a piece of it: one holds the other, or
 * the end of the first is the beginning of the second (four characters at least, as samePrefix). The text they print
 * together, or null when they are not so.
 */
export function overlappingPrints(a: string, b: string): string | null {
  if (!a || !b) return a || b;
  if (compact(a).includes(compact(b))) return a;
  if (compact(b).includes(compact(a))) return b;
  for (let k = Math.min(a.length, b.length) - 1; k >= 4; k--) if (a.endsWith(b.slice(0, k))) return a + b.slice(k);
  return null;
}
