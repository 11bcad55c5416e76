import type { LineRange } from '../../../schema/common.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { compact } from '../../../core/width.ts';
import { FIGURE_SOURCE, MONEY_UNIT_SOURCE } from '../../../core/amounts.ts';
import { parseAmount } from '../../numbers.ts';

/**
 * The “三公” items the 情况说明 states (`因公出国（境）费0万元，公务用车购置0万元，公务用车运行费63.00万元`), by the
 * column key of the “三公” table. A row of that table that prints fewer amounts than it has columns can leave the
 * identities (合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行) with more than one placement; the stated items are
 * figures of the same document that decide between them. An item stated with two different amounts decides nothing,
 * nor does one whose figure is printed out of shape (`1,23`: numbers.ts parseAmount reads no amount there).
 */

const ITEMS: ReadonlyArray<readonly [key: string, label: string]> = [
  ['vehicles', '公务用车购置及运(?:行|维)(?:维护)?费?'],
  ['vehicle-purchase', '公务用车购置(?!及)费?'],
  ['vehicle-operation', '公务用车运(?:行|维)(?:维护)?费?'],
  ['outbound-travel', '因公出[国境](?:[（(]境[）)])?费'],
  ['reception', '(?:国内)?公务接待费?'],
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

export function statedThreePublic(lines: readonly SourceLine[], tables: readonly LineRange[]): Map<string, StatedItem> {
  const text = prose(lines, tables);
  const stated = new Map<string, StatedItem>();
  const conflicting = new Set<string>();
  for (const [key, label] of ITEMS) {
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
