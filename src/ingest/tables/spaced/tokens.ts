import { codeLevel, schemeOf, type CodeScheme } from '../../../core/codes.ts';
import { codeInContext, isClassCode, piecesOf } from '../shared/code-reassembly.ts';
import { parseAmount } from '../../numbers.ts';
import { cleanName } from '../../layout/cell-text.ts';
import { foldWidth } from '../../../core/width.ts';
import type { BlockRow } from '../../layout/blocks.ts';

/** A printed cell that holds no amount but takes a column: `--`, `-`, `—`. */
const PLACEHOLDER = /^(?:-{1,2}|—{1,2}|－{1,2})$/;

/** A number as printed in a table row: its text, and its value (null for a placeholder dash). */
export interface NumberToken {
  text: string;
  value: number | null;
}

/**
 * A row's words: its cells as the block stage cut them (table-blocks.ts spacedBlocks), one a word, each uncertain as
 * a cell. The reader takes them and never cuts a line again.
 */
export function wordsIn(row: BlockRow): string[] {
  return row.cells.map((c) => c.text);
}

export function isAmountToken(token: string): boolean {
  return parseAmount(token) !== null;
}

export function isPlaceholder(token: string): boolean {
  return PLACEHOLDER.test(token);
}

/** The amounts (and placeholder dashes) at the end of a token list, and the tokens before them. */
export function splitTrailingNumbers(tokens: readonly string[]): { head: string[]; numbers: NumberToken[] } {
  let i = tokens.length;
  while (i > 0 && (isAmountToken(tokens[i - 1]) || isPlaceholder(tokens[i - 1]))) i--;
  const numbers = tokens.slice(i).map((text) => ({ text, value: isPlaceholder(text) ? null : parseAmount(text) }));
  return { head: tokens.slice(0, i), numbers };
}

const HAN = /[\u3400-\u9fff]/;

/** Joins the fragments of a wrapped cell as layout's cleanName joins a wrapped name: ASCII words keep their space. */
export function joinFragments(parts: readonly string[]): string {
  return cleanName(parts.join(' '));
}

export interface CodePrefix {
  code: string;
  scheme: CodeScheme;
  level: 1 | 2 | 3;
  /** How many tokens the code took. */
  used: number;
}

/**
 * The code pieces (类, 款, 项 as the shared reassembly reads them) that open a row's tokens, and how many tokens they
 * take: a 类 and the two-digit pieces after it (`213 05 01`), a whole code (`2130501`, cut into its pieces) or a
 * two-digit piece alone (`05`), which only the rows above can complete.
 */
export function leadingPieces(raw: readonly string[]): { pieces: string[]; used: number } | null {
  const tokens = raw.slice(0, 3).map(foldWidth);
  const first = tokens[0] ?? '';
  if (isClassCode(first)) {
    let used = 1;
    while (used < 3 && /^\d{2}$/.test(tokens[used] ?? '')) used++;
    return { pieces: [0, 1, 2].map((k) => (k < used ? tokens[k] : '')), used };
  }
  if (/^\d{5}$|^\d{7}$/.test(first) && isClassCode(first.slice(0, 3))) return { pieces: piecesOf([first]), used: 1 };
  if (/^\d{2}$/.test(first)) return { pieces: ['', first, ''], used: 1 };
  return null;
}

/**
 * Reads a classification code at the start of a row: `213 05 01`, `213 05`, `2130501`, or a 款 printed alone
 * (`05`) under the current 类. The token after the code must start a name, so that an amount is never read as a code.
 */
export function readCodePrefix(raw: readonly string[], currentClass: string | null): CodePrefix | null {
  const lead = leadingPieces(raw);
  if (!lead || (lead.used < raw.length && !HAN.test(foldWidth(raw[lead.used])))) return null;
  // A two-digit piece alone on its line is an amount, not a code.
  if (!lead.pieces[0] && raw.length === 1) return null;
  const code = codeInContext(lead.pieces, currentClass, null);
  const scheme = code ? schemeOf(code) : null;
  const level = code && scheme ? codeLevel(code, scheme) : null;
  return code && scheme && level ? { code, scheme, level, used: lead.used } : null;
}
