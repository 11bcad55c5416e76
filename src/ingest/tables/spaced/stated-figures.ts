import type { LineRange } from '../../../schema/common.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { compact } from '../../../core/width.ts';
import { FIGURE_SOURCE, MONEY_UNIT_SOURCE } from '../../../core/amounts.ts';
import { parseAmount } from '../../numbers.ts';

/**
 * Figures of a table the 情况说明 states, by the table's column key: a total row printing fewer amounts than it has
 * columns can leave the identities with more than one placement, and a stated figure of the same document decides
 * between them. An item stated with two different amounts decides nothing, nor does one whose figure is printed out
 * of shape (`1,23`: numbers.ts parseAmount reads no amount there).
 */

type Items = ReadonlyArray<readonly [key: string, label: string]>;

/**
 * The “三公” items (`因公出国（境）费0万元，公务用车购置0万元，公务用车运行费63.00万元`): the identities 合计 = 出国 +
 * 公务用车 + 接待, 公务用车 = 购置 + 运行 leave a short row open.
 */
const THREE_PUBLIC: Items = [
  ['vehicles', '公务用车购置及运(?:行|维)(?:维护)?费?'],
  ['vehicle-purchase', '公务用车购置(?!及)费?'],
  ['vehicle-operation', '公务用车运(?:行|维)(?:维护)?费?'],
  ['outbound-travel', '因公出[国境](?:[（(]境[）)])?费'],
  ['reception', '(?:国内)?公务接待费?'],
];

/**
 * The 支出总表's 基本支出 and 项目支出 (北京 民政局 2026 说明 L107 `（一）基本支出。基本支出预算 45980.56 万元`, 江苏 政协
 * 2018 `此外，基本支出预算数为5,678.17万元`): 合计 = 基本支出 + 项目支出 + the other parts holds for any two of the parts,
 * so a 合计 row printing two of them (`69,317.305202 45,980.555005 23,336.750197`) is open without them. Only a label
 * opening its clause (after punctuation, which the prose has width-folded): `一般公共预算基本支出…` is another table's
 * figure, `其中基本支出减少了…` a change.
 */
const EXPENDITURE: Items = [
  ['basic', '(?<=^|[。、,;:)])基本支出(?:预算)?数?'],
  ['project', '(?<=^|[。、,;:)])项目支出(?:预算)?数?'],
];

const AMOUNT = `(?:为|共计|合计)?(${FIGURE_SOURCE})(${MONEY_UNIT_SOURCE})`;

export interface StatedItem {
  value: number;
  unit: string;
}

/** Non-table prose as one string: paragraphs wrap anywhere, even inside a label (因公出国（境 / ）费). */
function prose(lines: readonly SourceLine[], tables: readonly LineRange[]): string {
  const inTable = (no: number) => tables.some((t) => no >= t.first && no <= t.last);
  return lines
    .filter((l) => !isBlank(l) && !inTable(l.no))
    .map((l) => compact(l.text))
    .join('');
}

function statedItems(lines: readonly SourceLine[], tables: readonly LineRange[], items: Items): Map<string, StatedItem> {
  const text = prose(lines, tables);
  const stated = new Map<string, StatedItem>();
  const conflicting = new Set<string>();
  for (const [key, label] of items) {
    for (const m of text.matchAll(new RegExp(`${label}${AMOUNT}`, 'g'))) {
      const value = parseAmount(m[1]);
      const seen = stated.get(key);
      if (value === null || (seen && (seen.value !== value || seen.unit !== m[2]))) conflicting.add(key);
      if (value !== null) stated.set(key, { value, unit: m[2] });
    }
  }
  for (const key of conflicting) stated.delete(key);
  return stated;
}

export function statedThreePublic(lines: readonly SourceLine[], tables: readonly LineRange[]): Map<string, StatedItem> {
  return statedItems(lines, tables, THREE_PUBLIC);
}

export function statedExpenditure(lines: readonly SourceLine[], tables: readonly LineRange[]): Map<string, StatedItem> {
  return statedItems(lines, tables, EXPENDITURE);
}
