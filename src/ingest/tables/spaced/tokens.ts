import { codeLevel, schemeOf, type CodeScheme } from '../../../core/codes.ts';
import { codeInContext, isClassCode, piecesOf } from '../shared/code-reassembly.ts';
import { parseAmount } from '../../numbers.ts';
import { cellAmount, cleanName } from '../../layout/cell-text.ts';
import type { Reading } from '../shared/amount-placement.ts';
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

/** A group that may open an amount grouped by thousands: 1–3 digits, no leading 0 (`0 700.00` is a zero and an amount). */
const THOUSANDS_GROUP = /^[1-9]\d{0,2}$/;

/** Past this many readings of a row's amounts the row is not read (see thousandsReadings). */
const MAX_READINGS = 64;

/**
 * The readings of a row's amounts where runs of them may be one amount grouped by thousands with spaces (`2 700.00`,
 * `12 345 678.00`: layout/cell-text.ts cellAmount). Single-space text cannot tell `2 700.00` from a count `2` beside
 * an amount `700.00` (西安 政府采购 `…管理处 2 166.00`): each such run is read joined, or apart with its groups in a
 * column the reader did not find, beside the row's own reading of one amount a word (the groups in its columns); the
 * table's identities choose among them (amount-placement.ts PlacementRow.readings), and a row they leave open is
 * flagged. Empty where no run may be one amount; null where the readings are more than MAX_READINGS.
 */
export function thousandsReadings(numbers: readonly NumberToken[]): Reading[] | null {
  const texts = numbers.map((n) => foldWidth(n.text));
  // The runs that may open at each word: how many words each takes, and the amount it reads as.
  const runsAt = texts.map((text, i) => {
    const runs: { length: number; value: number }[] = [];
    if (!THOUSANDS_GROUP.test(text)) return runs;
    for (let j = i + 1; j < texts.length && /^\d{3}/.test(texts[j]); j++) {
      const joined = cellAmount(texts.slice(i, j + 1).join(' '));
      if (joined && !joined.split) runs.push({ length: j - i + 1, value: joined.value });
    }
    return runs;
  });
  if (runsAt.every((runs) => runs.length === 0)) return [];
  const readings: Reading[] = [];
  const runs: number[] = [];
  const values: (number | null)[] = [];
  const outside: boolean[] = [];
  const take = (length: number, value: number | null, out: boolean) => {
    runs.push(length);
    values.push(value);
    outside.push(out);
  };
  const drop = (n: number) => {
    runs.length -= n;
    values.length -= n;
    outside.length -= n;
  };
  // Each reading once, in order; false once there are too many.
  const walk = (i: number, other: boolean): boolean => {
    if (i === numbers.length) {
      if (other) readings.push({ runs: [...runs], values: [...values], outside: [...outside] });
      return readings.length <= MAX_READINGS;
    }
    take(1, numbers[i].value, false);
    let more = walk(i + 1, other);
    drop(1);
    for (const run of runsAt[i]) {
      if (!more) break;
      take(run.length, run.value, false);
      more = walk(i + run.length, true);
      drop(1);
      if (!more) break;
      // Apart, its groups in a column not read: the run's last word an amount of the row's columns.
      for (let k = 0; k < run.length - 1; k++) take(1, numbers[i + k].value, true);
      take(1, numbers[i + run.length - 1].value, false);
      more = walk(i + run.length, true);
      drop(run.length);
    }
    return more;
  };
  return walk(0, false) ? readings : null;
}

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
