/**
 * What a 项目支出绩效自评表 (the finance ministry's template for final accounts) prints beside its indicators: the
 * funds block (项目资金（万元）: columns 年初预算数 全年预算数 全年执行数 分值 执行率 得分, rows 年度资金总额 / 其中：当年财政拨款 /
 * 上年结转资金 / 其他资金) and the 总分 row under the indicators. Read by where the cells stand under their labels, in
 * aligned text; a tab-separated cell's slot is its column (a PDF's drawn rows, drawn-fields.ts). Pure.
 */
import type { PerformanceTarget, SelfEvaluationFunds } from '../../schema/performance.ts';
import type { SourceLine } from '../source-lines.ts';
import { cellWords, center, hasTabCells, splitRun, type Cell } from '../layout/cells.ts';
import { cellsOf as layoutCells } from '../layout/blocks.ts';
import { columnsInTurn } from '../layout/grid.ts';
import { parseAmount } from '../numbers.ts';
import { compact } from './text.ts';
import { stackedHeaderCells } from './stacked-header.ts';

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

/**
 * A line's printed cells as the layout stage cuts them: a tab-separated line's by their slots, each slot its column,
 * so that a figure goes to its label's slot.
 */
function cellsOf(line: SourceLine): Cell[] {
  return layoutCells(hasTabCells(line) ? 'tabbed' : 'aligned', line).flatMap((c) => (c.text.trim() ? [{ text: c.text.trim(), start: c.start, end: c.end }] : []));
}

/** A line's cells, figures one space apart each a cell (`171.00 10 95.00%`, a browser's print of narrow columns). */
const figureCells = (line: SourceLine): Cell[] => cellsOf(line).flatMap((run) => splitRun(run, (word) => figure(word) != null));

export interface FundsBlock {
  funds: SelfEvaluationFunds[];
  /** The lines its header and rows are printed on. */
  held: Set<number>;
}

/** A column's label and where its cell's middle stands. */
interface Label {
  column: Column;
  centre: number;
}

const AMOUNTS: ReadonlySet<Column> = new Set(['planned', 'budget', 'spent']);

/** Labels that head a funds block: two of 年初预算数, 全年预算数 and 全年执行数 at the least. */
const headsBlock = (labels: readonly Label[]) => labels.filter((l) => AMOUNTS.has(l.column)).length >= 2;

/** The most lines a label wraps over in its narrow column (年初 / 预算 / 数). */
const HEADER_LINES = 3;

/**
 * The block's column header: a line naming the columns, or where none does, the lines a narrow column's labels wrap
 * over (年初 / 预算数, 执 / 行 / 率 beside 分值), each label where its widest piece stands (stacked-header.ts); with
 * the indexes of its lines. The template's block prints 全年执行数 and 执行率: where no line prints a 执, the lines
 * are not asked for wrapped labels (every target form's fields are asked for a funds block).
 */
function headerOf(lines: readonly SourceLine[]): { labels: Label[]; rows: number[] } | null {
  for (let i = 0; i < lines.length; i++) {
    if (!mayHeadBlock(lines[i])) continue;
    // Labels one space apart are columns each (`年初预算数 全年预算数 全年执行数`, a browser's print).
    const labels = cellsOf(lines[i]).flatMap((run) => splitRun(run, (word) => columnOf(word) != null)).flatMap((c) => {
      const column = columnOf(c.text);
      return column ? [{ column, centre: center(c) }] : [];
    });
    if (headsBlock(labels)) return { labels, rows: [i] };
  }
  if (!lines.some((l) => l.text.includes('执'))) return null;
  for (let i = 0; i < lines.length; i++) {
    if (hasTabCells(lines[i])) continue;
    const cells = stackedHeaderCells(lines.slice(i, i + HEADER_LINES), (text) => columnOf(text) != null);
    const labels = cells.map((c) => ({ column: columnOf(c.text)!, centre: c.centre }));
    // From the header's first line: a window starting over it finds the header's upper lines only.
    if (!headsBlock(labels) || !cells.some((c) => c.rows.includes(0))) continue;
    // Down to the last of its lines over the first row's figures: a label's last piece a label joins without
    // (年初 / 预算 / 数, 年初预算 a label too) is the header's.
    let last = i + Math.max(...cells.flatMap((c) => c.rows));
    while (last + 1 < Math.min(lines.length, i + HEADER_LINES) && !cellsOf(lines[last + 1]).some((c) => figure(c.text) != null)) last++;
    return { labels, rows: Array.from({ length: last - i + 1 }, (_, k) => i + k) };
  }
  return null;
}

/**
 * Whether a line may print two of the amounts' labels, each with a 年 (年初预算数, 全年预算数, 全年执行数): asked of every
 * field line of every form before its cells are cut. An aligned line's cells are pieces of its text; a tab-separated
 * line's are cut from its source (layout/cells.ts tabCells), and are cut whatever the text holds.
 */
function mayHeadBlock(line: SourceLine): boolean {
  if (hasTabCells(line)) return true;
  const first = line.text.indexOf('年');
  return first >= 0 && line.text.includes('年', first + 1);
}

/** A line of the block: its number, its item and its figures' cells. */
interface FundsLine {
  no: number;
  item: string;
  figures: Cell[];
}

/**
 * The funds block among a form's lines above its indicators: its column header (headerOf) and the rows under it down
 * to the first line that is neither a row nor a group label; a row's words before its first figure are its item. Its
 * figures go to the labels in turn (layout/grid.ts columnsInTurn): `pdftotext -layout` prints a header's CJK labels in
 * fewer columns than the figures under them take; a row two of whose figures stand nearest one column ends the block.
 * Null when the lines print no such block.
 */
export function readFundsBlock(lines: readonly SourceLine[]): FundsBlock | null {
  const header = headerOf(lines);
  if (!header) return null;
  const { labels } = header;
  const rows: FundsLine[] = [];
  for (const line of lines.slice(Math.max(...header.rows) + 1)) {
    const cells = figureCells(line);
    const first = cells.findIndex((c) => figure(c.text) != null);
    if (first < 0) {
      // `pdftotext -layout` prints a row's padding as blank lines between the rows.
      if (cells.every((c) => GROUP.test(compact(c.text)))) continue;
      break;
    }
    // A word among the figures is no figure: the line is no row of the block.
    if (cells.slice(first).some((c) => figure(c.text) == null)) break;
    // The group's label may touch the item by one space (`项目资金 其中：当年财政拨款`).
    const item = cells
      .slice(0, first)
      .flatMap((c) => cellWords(c).map((w) => compact(w.text)))
      .filter((t) => !GROUP.test(t))
      .join('')
      .replace(/^其中[:：]?/, '')
      .replace(/[:：]$/, '');
    rows.push({ no: line.no, item, figures: cells.slice(first) });
  }
  const columns = columnsInTurn(rows.map((r) => r.figures), labels.map((l) => l.centre));
  const funds: SelfEvaluationFunds[] = [];
  const held = new Set(header.rows.map((r) => lines[r].no));
  for (const [r, { no, item, figures }] of rows.entries()) {
    const at = columns[r];
    if (!at) break;
    const row: SelfEvaluationFunds = { item, planned: null, budget: null, spent: null, weight: null, rate: null, score: null, lines: { first: no, last: no } };
    at.forEach((k, i) => (row[labels[k].column] = figure(figures[i].text)!.value));
    funds.push(row);
    held.add(no);
  }
  return funds.length ? { funds, held } : null;
}

/** The 总分 row under a 自评表's indicators: its label and figures only. */
export function isTotalRow(text: string): boolean {
  return /^总分/.test(compact(text)) && compact(text).replace(/^总分[:：]?/, '').replace(/[\d.\s%]/g, '') === '';
}

/** The funds' amounts the target's `funds` holds: each of the rows' 全年预算数, the year's budget the execution is measured against. */
export function targetFunds(funds: readonly SelfEvaluationFunds[]): PerformanceTarget['funds'] {
  const budgetOf = (p: RegExp) => funds.find((r) => p.test(r.item))?.budget ?? null;
  return { total: budgetOf(/总额|合计|总计/), fiscal: budgetOf(/财政拨款/), other: budgetOf(/其他资金/) };
}
