/**
 * What a 项目支出绩效自评表 (the finance ministry's template for final accounts) prints beside its indicators: the
 * funds block (项目资金（万元）: columns 年初预算数 全年预算数 全年执行数 分值 执行率 得分, rows 年度资金总额 / 其中：当年财政拨款 /
 * 上年结转资金 / 其他资金) and the 总分 row under the indicators. Read by where the cells stand under their labels, in
 * aligned text; a tab-separated cell's slot is its column (a PDF's drawn rows, drawn-fields.ts). Pure.
 */
import type { SelfEvaluationFunds } from '../../schema/performance.ts';
import type { SourceLine } from '../source-lines.ts';
import { alignedCells, center, hasTabCells, tabCells, type Cell } from '../layout/cells.ts';
import { parseAmount } from '../numbers.ts';
import { compact } from './text.ts';

type Column = 'planned' | 'budget' | 'spent' | 'weight' | 'rate' | 'score';

const COLUMNS: ReadonlyArray<readonly [Column, RegExp]> = [
  ['planned', /^年初预算数?$/],
  ['budget', /^全年预算数?$/],
  ['spent', /^全年执行数?$/],
  ['weight', /^分值$/],
  ['rate', /^执行率$/],
  ['score', /^得分$/],
];

const columnOf = (text: string): Column | null => COLUMNS.find(([, p]) => p.test(compact(text)))?.[0] ?? null;

/** The labels over the block's rows, each a line of its own or left of a row (项目资金 / （万元）): no item. */
const GROUP = /^(?:项目资金|资金情况)?[（(]?万元[)）]?$|^项目资金$/;

/** A cell of a row's figures: an amount, a rate, or a dash for none. */
function figure(text: string): { value: number | null } | null {
  if (/^[-－—–]+$/.test(text) || text === '/') return { value: null };
  const rate = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (rate) return { value: Number(rate[1]) };
  const amount = parseAmount(text);
  return amount == null ? null : { value: amount };
}

/** A line's cells: a tab-separated line's by their slots, each slot its column, so that a figure goes to its label's slot. */
function cellsOf(line: SourceLine): Cell[] {
  if (!hasTabCells(line)) return alignedCells(line.text);
  return tabCells(line).flatMap((text, slot) => (text.trim() ? [{ text: text.trim(), start: slot, end: slot + 1 }] : []));
}

export interface FundsBlock {
  funds: SelfEvaluationFunds[];
  /** The lines its header and rows are printed on. */
  held: Set<number>;
}

/**
 * The funds block among a form's lines above its indicators: its column header (two of 年初预算数, 全年预算数,
 * 全年执行数 at the least) and the rows under it down to the first line that is neither a row nor a group label.
 * A figure goes to the label its middle stands nearest; a row's words before its first figure are its item. Null when
 * the lines print no such block.
 */
export function readFundsBlock(lines: readonly SourceLine[]): FundsBlock | null {
  const at = lines.findIndex((l) => cellsOf(l).filter((c) => ['planned', 'budget', 'spent'].includes(columnOf(c.text) ?? '')).length >= 2);
  if (at < 0) return null;
  const labels = cellsOf(lines[at]).map((c) => ({ cell: c, column: columnOf(c.text) })).filter((l): l is { cell: Cell; column: Column } => l.column != null);
  const nearest = (c: Cell) => labels.reduce((best, l) => (Math.abs(center(l.cell) - center(c)) < Math.abs(center(best.cell) - center(c)) ? l : best)).column;
  const funds: SelfEvaluationFunds[] = [];
  const held = new Set([lines[at].no]);
  for (const line of lines.slice(at + 1)) {
    const cells = cellsOf(line);
    const first = cells.findIndex((c) => figure(c.text) != null);
    if (first < 0) {
      if (cells.length > 0 && cells.every((c) => GROUP.test(compact(c.text)))) continue;
      break;
    }
    const item = cells
      .slice(0, first)
      .map((c) => compact(c.text))
      .filter((t) => !GROUP.test(t))
      .join('')
      .replace(/^其中[:：]?/, '')
      .replace(/[:：]$/, '');
    const row: SelfEvaluationFunds = { item, planned: null, budget: null, spent: null, weight: null, rate: null, score: null, lines: { first: line.no, last: line.no } };
    for (const c of cells.slice(first)) {
      const f = figure(c.text);
      // A word among the figures is no figure: the line is no row of the block.
      if (!f) return funds.length ? { funds, held } : null;
      row[nearest(c)] = f.value;
    }
    funds.push(row);
    held.add(line.no);
  }
  return funds.length ? { funds, held } : null;
}

/** The 总分 row under a 自评表's indicators: its label and figures only. */
export function isTotalRow(text: string): boolean {
  return /^总分/.test(compact(text)) && compact(text).replace(/^总分[:：]?/, '').replace(/[\d.\s%]/g, '') === '';
}

/** The funds' amounts the target's `funds` holds: each of the rows' 全年预算数, the year's budget the execution is measured against. */
export function targetFunds(funds: readonly SelfEvaluationFunds[]): { total: number | null; fiscal: number | null; other: number | null } {
  const budgetOf = (p: RegExp) => funds.find((r) => p.test(r.item))?.budget ?? null;
  return { total: budgetOf(/总额|合计|总计/), fiscal: budgetOf(/财政拨款/), other: budgetOf(/其他资金/) };
}
