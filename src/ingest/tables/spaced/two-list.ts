import type { TableKind } from '../../../schema/table.ts';
import { ECONOMIC_CLASSES } from '../../../core/codes.ts';
import { foldWidth } from '../../../core/width.ts';
import { rowPart, type BlockRow } from '../../layout/blocks.ts';
import { groupLines, readRows, type RawRow } from './rows.ts';
import { isAmountToken, isPlaceholder, wordsIn } from './tokens.ts';

/**
 * A 基本支出 table printed as two lists side by side: 人员经费 on the left, 公用经费 on the right (`301 工资福利支出
 * 649.20 302 商品和服务支出 94.65`, each list with its 经济分类 code, name and amount), as 广东's 决算 and others print
 * it. Each line then holds a row of each list: the right one starts at the first word after the left one's amount.
 * The line's block row is then two rows (layout/blocks.ts rowPart), each list is read as rows on its own, and each
 * row fills its list's one column.
 */

/** Kinds printed this way: their two columns are the two lists. */
const TWO_LIST_KINDS: ReadonlySet<TableKind> = new Set(['general-budget-basic-expenditure', 'basic-expenditure']);
export const TWO_LIST_COLUMNS = ['人员经费', '公用经费'] as const;

const isNumber = (t: string) => isAmountToken(t) || isPlaceholder(t);

/**
 * Where the right list starts on a line: past the left row's name, the first word after an amount that is a name, or
 * a code before a name (a code reads as a number).
 */
function rightStart(tokens: readonly string[]): number | null {
  const name = tokens.findIndex((t) => !isNumber(t));
  if (name < 0) return null;
  for (let i = name + 2; i < tokens.length; i++) {
    if (!isNumber(tokens[i - 1])) continue;
    if (!isNumber(tokens[i]) || (isEconomicCode(tokens[i]) && i + 1 < tokens.length && !isNumber(tokens[i + 1]))) return i;
  }
  return null;
}

/** A 经济分类 类 or 款 code (`302`, `30201`). */
function isEconomicCode(token: string | undefined): boolean {
  const t = foldWidth(token ?? '');
  return /^\d{3}(?:\d{2})?$/.test(t) && t.slice(0, 3) in ECONOMIC_CLASSES;
}

/** Three lines or more whose right half starts with a 经济分类 code: the table is printed as two lists. */
export function looksTwoList(kind: TableKind | null, rows: readonly BlockRow[]): boolean {
  if (!kind || !TWO_LIST_KINDS.has(kind)) return false;
  let pairs = 0;
  for (const row of rows) {
    const tokens = wordsIn(row);
    const at = rightStart(tokens);
    if (at !== null && isEconomicCode(tokens[at])) pairs++;
  }
  return pairs >= 3;
}

/** The rows of both lists, in print order: the left list's row of a line before the right one's. */
export function readTwoListRows(rows: readonly BlockRow[], partStarts: readonly number[]): RawRow[] {
  const left: BlockRow[] = [];
  const right: BlockRow[] = [];
  for (const row of rows) {
    const at = rightStart(wordsIn(row));
    if (at === null) left.push(row);
    else {
      left.push(rowPart(row, 0, at));
      right.push(rowPart(row, at));
    }
  }
  const lists = [left, right].map((list, column) => readRows(groupLines(list, partStarts)).map((row) => ({ ...row, column })));
  return [...lists[0], ...lists[1]].sort((a, b) => a.first - b.first || (a.column ?? 0) - (b.column ?? 0));
}
