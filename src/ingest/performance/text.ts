import { tabCells } from '../layout/cells.ts';
import { stripMarkup, type SourceLine } from '../source-lines.ts';

export { compact } from '../../core/width.ts';

const CJK = '\\u3400-\\u9fff\\uff08\\uff09（）【】“”、，。：；';
/** Built once: every cell of every indicator table is cleaned. */
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/**
 * Normalizes one cell as printed: converter emphasis removed (its HTML and LaTeX were read with the line, cleanLine),
 * and the spaces that PDF extraction puts between CJK characters (`按照完 成比例 赋分`, vertical headers `一 级 指 标`)
 * removed.
 */
export function cleanCell(s: string): string {
  const plain = stripMarkup(s)
    .replace(/\s+/g, ' ')
    .trim();
  return plain.replace(SPACE_IN_CJK, '');
}

/** Joins wrapped pieces of one cell: CJK text is joined directly, Latin words and numbers keep a space. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    if (!out) out = part;
    else if (/[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(part)) out += ` ${part}`;
    else out += part;
  }
  return out;
}

/** The cells of a tab-separated line of a target or evaluation table, each cleaned as printed. */
export function cleanCells(line: SourceLine): string[] {
  return tabCells(line).map(cleanCell);
}
