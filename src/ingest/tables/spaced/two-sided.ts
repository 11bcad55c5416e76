import { totalRole } from '../../../core/totals.ts';
import { FUNCTION_CLASSES, codeLevel } from '../../../core/codes.ts';
import { foldWidth } from '../../../core/width.ts';
import type { SourceLine } from '../../source-lines.ts';
import type { RawRow } from './rows.ts';
import { isPageNumber } from '../../page-furniture.ts';
import { compact } from '../../../core/width.ts';
import { isAmountToken, joinFragments, splitTrailingNumbers, type NumberToken } from './tokens.ts';
import { wordsOf } from '../../layout/cells.ts';

/**
 * Two-sided summary tables (收支总表, 财政拨款收支总表) print an income item on the left and an expenditure 类 on the
 * right of the same line. Each side becomes its own row, marked in `texts.side`.
 */

const HAN = /[\u3400-\u9fff]/;
const EXPENDITURE_LABEL = /^(?:支出(?:总计|合计)|本年支出合计|结转下年|年末结转)/;

function isFunctionClassAt(tokens: readonly string[], i: number): boolean {
  return foldWidth(tokens[i] ?? '') in FUNCTION_CLASSES && HAN.test(tokens[i + 1] ?? '');
}

/** Where the expenditure side of a line starts, or null when the line has one side only. */
function expenditureStart(tokens: readonly string[]): number | null {
  for (let i = 0; i < tokens.length; i++) if (isFunctionClassAt(tokens, i)) return i;
  for (let i = 1; i < tokens.length; i++) if (EXPENDITURE_LABEL.test(compact(tokens.slice(i).join('')))) return i;
  return null;
}

function sideRow(line: SourceLine, tokens: readonly string[], side: 'income' | 'expenditure', numbers: NumberToken[], label: string): RawRow {
  const code = side === 'expenditure' && foldWidth(tokens[0] ?? '') in FUNCTION_CLASSES ? foldWidth(tokens[0]) : null;
  const name = code ? joinFragments(tokens.slice(1)) : label;
  const key = compact(name);
  const role = totalRole(key) ?? 'data';
  return {
    first: line.no,
    last: line.no,
    code,
    scheme: code ? 'function' : null,
    level: code ? codeLevel(code, 'function') : null,
    name,
    fragments: [name],
    numbers,
    role,
    group: null,
    side,
    texts: { side },
  };
}

/**
 * Reads the rows of a two-sided table. A line of numbers only is the totals line whose labels were lost: its first
 * `incomeColumns` numbers are 收入总计, the rest 支出总计.
 */
export function readTwoSidedRows(lines: readonly SourceLine[], incomeColumns: number): RawRow[] {
  const rows: RawRow[] = [];
  for (const line of lines) {
    if (isPageNumber(line.text)) continue;
    const tokens = wordsOf(line.text);
    if (tokens.length === 0) continue;
    if (tokens.every(isAmountToken)) {
      const all = splitTrailingNumbers(tokens).numbers;
      rows.push(sideRow(line, [], 'income', all.slice(0, incomeColumns), '收入总计'));
      if (all.length > incomeColumns) rows.push(sideRow(line, [], 'expenditure', all.slice(incomeColumns), '支出总计'));
      continue;
    }
    const split = expenditureStart(tokens);
    const left = split === null ? tokens : tokens.slice(0, split);
    const right = split === null ? [] : tokens.slice(split);
    const onlyRight = split === null && EXPENDITURE_LABEL.test(compact(tokens.join('')));
    if (left.length > 0 && !onlyRight) {
      const { head, numbers } = splitTrailingNumbers(left);
      rows.push(sideRow(line, head, 'income', numbers, joinFragments(head)));
    }
    const expenditure = onlyRight ? tokens : right;
    if (expenditure.length > 0) {
      const { head, numbers } = splitTrailingNumbers(expenditure);
      rows.push(sideRow(line, head, 'expenditure', numbers, joinFragments(head)));
    }
  }
  return rows;
}

/** A table is two-sided when lines carry an income item and an expenditure 类 side by side, or both totals. */
export function looksTwoSided(lines: readonly SourceLine[]): boolean {
  let sideBySide = 0;
  for (const line of lines) {
    const tokens = wordsOf(line.text);
    const i = tokens.findIndex((_, k) => isFunctionClassAt(tokens, k));
    if (i > 0) sideBySide++;
    if (/收入总计.*支出总计/.test(compact(line.text))) sideBySide++;
  }
  return sideBySide >= 2;
}
