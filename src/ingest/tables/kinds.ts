import type { TableKind } from '../../schema/table.ts';
import { compact, foldWidth } from '../../core/width.ts';
import { afterMarker } from '../../core/outline.ts';
import { withoutTableNumber } from '../../core/table-numbers.ts';

/**
 * Table kinds by the words of their titles, most specific first: data, not code — docs/table-templates.md lists
 * the printed titles each pattern was written for and where they come from. Titles carry prefixes (表一、/ 表 1 /
 * 预算01表 / 公开01表 / （一）/ 2025年部门) and quotes in several styles, which `normalizeTitle` removes first.
 */
const KIND_PATTERNS: ReadonlyArray<readonly [TableKind, RegExp]> = [
  ['carryover-detail', /上年结转结余.*明细表/],
  ['three-public-expenditure', /三公.*经费/],
  ['government-procurement', /政府采购/],
  ['government-purchase-services', /政府购买服务/],
  ['operating-costs', /机关运行经费/],
  ['government-fund-expenditure', /政府性基金(?:预算)?.*(?:支出|收支)/],
  ['state-capital-expenditure', /国有资本经营预算.*(?:支出|收支)/],
  ['general-budget-basic-expenditure', /一般公共预算.*基本支出/],
  ['general-budget-project-expenditure', /一般公共预算.*项目支出/],
  ['general-budget-expenditure', /一般公共预算.*支出/],
  ['fiscal-appropriation-summary', /财政拨款收(?:入)?支(?:出)?.*总/],
  ['income-expenditure-summary', /收(?:入)?支(?:出)?.*总|收支总体|财务收支/],
  ['income-summary', /收入.*(?:总体|总表|决算表|预算表)/],
  // 基本支出 / 项目支出 of all funds (深圳 基本支出总表, 广州 部门预算基本支出预算表, 陕西 专项业务经费支出表).
  ['basic-expenditure', /基本支出.*表/],
  ['project-expenditure', /项目支出.*表|专项业务经费.*支出表/],
  ['fiscal-appropriation-expenditure', /财政拨款.*支出.*表/],
  ['expenditure-summary', /支出.*(?:总体|总表|决算表|预算表)/],
  ['institution-list', /机构设置/],
  ['fixed-assets', /固定资产|资产占用/],
];

/** Tables of performance targets (绩效目标表) belong to the performance reader, whatever else their titles name. */
const NOT_AMOUNT_TABLES = /绩效/;

/** The standard name of each kind, used as the title where the print lost it. */
export const STANDARD_TITLES: Readonly<Record<TableKind, string>> = {
  'income-expenditure-summary': '收支总体情况表',
  'income-summary': '收入总体情况表',
  'expenditure-summary': '支出总体情况表',
  'fiscal-appropriation-summary': '财政拨款收支总体情况表',
  'general-budget-expenditure': '一般公共预算支出情况表',
  'general-budget-basic-expenditure': '一般公共预算基本支出情况表',
  'general-budget-project-expenditure': '一般公共预算项目支出情况表',
  'three-public-expenditure': '“三公”经费支出情况表',
  'government-fund-expenditure': '政府性基金预算支出情况表',
  'state-capital-expenditure': '国有资本经营预算支出情况表',
  'carryover-detail': '上年结转结余情况明细表',
  'institution-list': '机构设置情况表',
  'fixed-assets': '固定资产占用情况表',
  'basic-expenditure': '基本支出表',
  'project-expenditure': '项目支出表',
  'fiscal-appropriation-expenditure': '财政拨款支出表',
  'operating-costs': '机关运行经费支出表',
  'government-procurement': '政府采购预算表',
  'government-purchase-services': '政府购买服务预算表',
  other: '其他表',
};

/** The summaries printed in two halves side by side, income items on the left and expenditure on the right. */
export function isTwoSidedKind(kind: TableKind): boolean {
  return kind === 'income-expenditure-summary' || kind === 'fiscal-appropriation-summary';
}

/** The order of the standard template (部门预算公开表), used to name tables whose titles were lost. */
export const TEMPLATE_ORDER: readonly TableKind[] = [
  'income-expenditure-summary',
  'income-summary',
  'expenditure-summary',
  'fiscal-appropriation-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
  'general-budget-project-expenditure',
  'three-public-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
  'carryover-detail',
];

// A title may also open with a bare count (`3部门收支总表`): no table number (alone on a line a count is an amount),
// so only a title loses it.
const TITLE_COUNT = /^\d+/;

// The number is cut before the spaces are: the space after it is where a Chinese count ends and the title begins
// (`表五 一般公共预算支出表`, whose 五一 run together once compacted).
function withoutCount(title: string): string {
  const t = foldWidth(title).trim();
  const rest = withoutTableNumber(t);
  return compact(rest !== t ? rest : t.replace(TITLE_COUNT, ''));
}

export function normalizeTitle(title: string): string {
  // A title opens with an outline marker (（三）, 五、, 1.) or its table's number (表一, 预算01表, 3); neither names it.
  return (afterMarker(compact(title), ['cn', 'paren', 'paren-digit', 'digit']) ?? withoutCount(title)).replace(/["“”'‘’「」]/g, '');
}

/** The kind of a table from its printed title, or null when the title names none of the standard tables. */
export function kindOfTitle(title: string): TableKind | null {
  const t = normalizeTitle(title);
  if ((!/表$|表[(（]|情况$/.test(t) && !/表/.test(t)) || NOT_AMOUNT_TABLES.test(t)) return null;
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(t)) return kind;
  return null;
}
