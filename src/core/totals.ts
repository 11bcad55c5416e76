/**
 * The total rows of a budget table, by their printed name compacted (core/width.ts: `合    计` is 合计).
 * One definition for every reader and for the site. A table closes with its totals: 合计 (金额合计 under columns of
 * amounts, as the 部门整体 form's table of tasks closes), or on a 收支总表 the
 * year's 本年收入合计 / 本年支出合计 and, below the carry-over lines, the grand 收入总计 / 支出总计 (the checks tell
 * the two apart by 总计). A part of a table closes with a subtotal: 小计, and 人员经费合计 / 公用经费合计 of a
 * two-sided 基本支出表. An evaluation report's 评分表 closes with its score (总分, 综合得分), and a header's total
 * column is named by the same words (本年支出合计, 财政拨款 over 小计). The same words in prose (`项目支出合计 120 万元`),
 * in a form's field labels or in the column vocabulary (tables/columns.ts) name no row and are read where they stand.
 */
import { compact } from './width.ts';

export type TotalRole = 'total' | 'subtotal';

const TOTAL = /^(?:(?:总|金额)?合计|(?:收入|支出)?总计|(?:本年)?(?:收入|支出)合计)$/;
const PART_TOTAL = /^(?:人员经费|公用经费)合计$/;
const SUBTOTAL = new RegExp(`^小计$|${PART_TOTAL.source}`);

/** The role a row's name gives it, or null for a row that is not a total. */
export function totalRole(name: string): TotalRole | null {
  const n = compact(name);
  return TOTAL.test(n) ? 'total' : SUBTOTAL.test(n) ? 'subtotal' : null;
}

/** Whether a cell or row name is a total of either kind. */
export function isTotalName(name: string): boolean {
  return totalRole(name) !== null;
}

/**
 * A label naming a whole's total, not a group's 小计: a header's total column (合计, 总计, 本年支出合计) or a 三公
 * table's total row (“三公”经费合计).
 */
export function holdsWholeTotalWord(label: string): boolean {
  return /合计|总计/.test(label);
}

/** A header label naming a total column, a table's or its group's (合计, 本年支出合计, 财政拨款 over 小计). */
export function holdsTotalWord(label: string): boolean {
  return holdsWholeTotalWord(label) || /小计/.test(label);
}

/** The closing row of a 评分表 (evaluation report's score table): 合计, 总计, or the total score, 总分 / 综合得分. */
export function isScoreTotalName(name: string): boolean {
  return /^(?:合计|总计|总分|综合得分)$/.test(compact(name));
}

/** A part's total of a two-sided 基本支出表, 人员经费合计 or 公用经费合计: the two add up to the table's whole. */
export function isPartTotalName(name: string): boolean {
  return PART_TOTAL.test(compact(name));
}

/** The printed names of each side's grand total on a 收支总表. */
export const SIDE_GRAND_TOTAL = { income: '收入总计', expenditure: '支出总计' } as const;

/** The grand total of a 收支总表 side (收入总计 / 支出总计 / 总计), which the two sides must agree on. */
export function isGrandTotalName(name: string): boolean {
  return /总计$/.test(compact(name));
}

/**
 * The side of a 收支总表 whose total a name is: its year's (本年收入合计, 江苏 公开01表's 当年收入小计 above the carry-over)
 * or its grand total (收入总计); null for any other name. Not every such name is a total row of the table: 江苏's
 * 当年收入小计 is a part of its 收入合计 as 上年结转 is the other, so totalRole leaves it out.
 */
export function sideOfTotal(name: string): 'income' | 'expenditure' | null {
  const side = /^(?:本年|当年)?(收入|支出)(?:合计|小计|总计)$/.exec(compact(name))?.[1];
  return side === '收入' ? 'income' : side === '支出' ? 'expenditure' : null;
}

/** The total row of a 固定资产占用情况表 (资产总额, 固定资产总计), which names what it totals. */
export function isAssetTotalName(name: string): boolean {
  return /^(?:固定)?资产总[额计]/.test(compact(name));
}
