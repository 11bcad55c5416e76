import type { SelfEvaluation, SelfEvaluationFunds } from '../schema/performance.ts';
import { formatAmount } from './format.ts';

/**
 * A 绩效自评表's funds block and 总分 as a target's card shows them. Pure: IndicatorCards renders what this returns
 * (escaped by Astro: every string here is document text or made from its figures).
 */

type FundsColumn = Exclude<keyof SelfEvaluationFunds, 'item' | 'lines'>;

/** The block's columns in the national template's order, with the labels it prints. */
const FUNDS_COLUMNS: ReadonlyArray<readonly [FundsColumn, string]> = [
  ['planned', '年初预算数'],
  ['budget', '全年预算数'],
  ['spent', '全年执行数'],
  ['weight', '分值'],
  ['rate', '执行率'],
  ['score', '得分'],
];

export interface FundsTable {
  /** The labels of the columns the form filled in one row at least: a province's form may leave 分值 out. */
  columns: string[];
  rows: Array<{ item: string; cells: string[] }>;
}

/** The funds block's rows under the columns the source has; a blank or dashed cell is empty. Null without rows. */
export function fundsTable(funds: readonly SelfEvaluationFunds[]): FundsTable | null {
  if (funds.length === 0) return null;
  const shown = FUNDS_COLUMNS.filter(([key]) => funds.some((row) => row[key] != null));
  const cell = (key: FundsColumn, value: number | null) => (value == null ? '' : key === 'rate' ? `${formatAmount(value)}%` : formatAmount(value));
  return {
    columns: shown.map(([, label]) => label),
    rows: funds.map((row) => ({ item: row.item || '资金', cells: shown.map(([key]) => cell(key, row[key])) })),
  };
}

/** The 总分 row as a reader reads it: 得分 against 分值 (96（分值 100）), either alone where the row prints one. */
export function totalScore(se: Pick<SelfEvaluation, 'totalScore' | 'totalWeight'>): string | null {
  const { totalScore: score, totalWeight: weight } = se;
  if (score == null && weight == null) return null;
  if (score == null) return `未填得分（分值 ${formatAmount(weight)}）`;
  return weight == null ? formatAmount(score) : `${formatAmount(score)}（分值 ${formatAmount(weight)}）`;
}
