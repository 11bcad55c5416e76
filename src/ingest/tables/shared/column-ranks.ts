import type { TableKind } from '../../../schema/table.ts';

/**
 * The order of the standard templates' columns (部门预算公开表, 部门决算公开表) by kind: a key of a lower rank comes
 * before one of a higher rank in every province's print; keys of one rank come in an order that varies (上缴上级支出,
 * 事业单位经营支出 and 对附属单位补助支出 after 项目支出; the sources of 单位资金), listed in the national template's.
 */
const EXPENDITURE_RANKS: Readonly<Record<string, number>> = {
  total: 0, basic: 1, personnel: 2, public: 3, project: 4, 'remit-superior': 5, operating: 5, 'subsidy-to-affiliated': 5,
};
const SOURCE_RANKS: Readonly<Record<string, number>> = {
  total: 0, fiscal: 1, general: 2, fund: 3, 'state-capital': 4, 'transfer-general': 5, 'transfer-fund': 5,
  'transfer-state-capital': 5, 'fiscal-special': 6, 'unit-funds': 7, business: 8, operating: 8,
  'subsidy-from-superior': 8, affiliated: 8, 'other-income': 8, carryover: 9,
};
const ECONOMIC_RANKS: Readonly<Record<string, number>> = { total: 0, personnel: 1, public: 2 };
const THREE_PUBLIC_RANKS: Readonly<Record<string, number>> = {
  total: 0, 'outbound-travel': 1, vehicles: 2, 'vehicle-purchase': 2, 'vehicle-operation': 2, reception: 2,
};

export const RANKS: Partial<Record<TableKind, Readonly<Record<string, number>>>> = {
  'expenditure-summary': EXPENDITURE_RANKS,
  'general-budget-expenditure': EXPENDITURE_RANKS,
  'government-fund-expenditure': EXPENDITURE_RANKS,
  'state-capital-expenditure': EXPENDITURE_RANKS,
  'income-summary': SOURCE_RANKS,
  // 基本支出 / 项目支出 of all funds: by source (深圳 基本支出总表) or by 人员经费 / 公用经费.
  'basic-expenditure': { ...SOURCE_RANKS, ...ECONOMIC_RANKS },
  'project-expenditure': SOURCE_RANKS,
  'general-budget-basic-expenditure': ECONOMIC_RANKS,
  'three-public-expenditure': THREE_PUBLIC_RANKS,
};

/** Whether `key` is a column of the template of tables of `kind` (false where the kind has none listed here). */
export function isTemplateColumn(kind: TableKind, key: string): boolean {
  const ranks = RANKS[kind];
  return ranks !== undefined && key in ranks;
}
