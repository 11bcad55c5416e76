import type { Disclosure, DisclosureSansChecks } from '../schema/disclosure.ts';
import type { Table, TableRow } from '../schema/table.ts';
import { sumAmounts } from '../core/decimal.ts';
import { ECONOMIC_CLASSES, FUNCTION_CLASSES, GOVERNMENT_ECONOMIC_CLASSES } from '../core/codes.ts';
import { inferredMark } from '../core/inferred-title.ts';

/** One chart's data, which is also its text equivalent: the same labels and values are printed as a table. */
export interface ChartSpec {
  id: string;
  title: string;
  /** What the values are, for the table header and the axis (万元, 分). */
  unit: string;
  type: 'bar' | 'doughnut';
  labels: string[];
  /** What the labels are, heading their column in the table and the CSV (年度); 类别 when not given. */
  category?: string;
  series: Array<{ label: string; values: Array<number | null> }>;
  /** Where the figures come from, for the reader who wants to check them. */
  source: string;
  /** The total as the document prints it, shown under the figures instead of a recomputed sum; null when not printed. */
  total: number | null;
}

/**
 * What a figure's data-chart says of its chart (Chart.astro): all but its labels and figures, which are its table's,
 * the first `rows` rows and `series` columns after the label (a chart of many bars draws the largest only).
 */
export type ChartMeta = Omit<ChartSpec, 'labels' | 'series'> & { rows: number; series: number };

/** The tables that carry expenditure by 功能分类, most complete first. */
const FUNCTION_TABLE_KINDS = ['expenditure-summary', 'general-budget-expenditure', 'income-expenditure-summary'] as const;

/** The column that holds a row's amount: 合计 where the table has one, else the single amount column. */
function amountKey(table: Table): string | null {
  const keys = table.columns.map((c) => c.key);
  return keys.includes('total') ? 'total' : keys.length === 1 ? keys[0] : null;
}

function isExpenditureRow(row: TableRow): boolean {
  return row.texts.side === undefined || row.texts.side === 'expenditure';
}

function totalRow(table: Table): TableRow | undefined {
  return table.rows.find((r) => r.role === 'total' && r.group === null && isExpenditureRow(r));
}

/**
 * Amounts per 类 code from the rows of one classification. 类 rows are used where the table prints them; where it
 * prints only 款/项 rows they are summed up to their 类. Sub-unit rows are summed when the table has no
 * consolidated rows, so that a multi-unit table still gives the department's figure.
 */
function byClass(
  table: Table,
  classes: Readonly<Record<string, string>>,
  key: string,
  consolidatedOnly = false,
): Map<string, number> {
  const rows = table.rows.filter(
    (r) => r.role === 'data' && r.code !== null && r.code.slice(0, 3) in classes && isExpenditureRow(r),
  );
  const consolidated = rows.filter((r) => r.group === null);
  if (consolidatedOnly && consolidated.length === 0) return new Map();
  const pool = consolidated.length > 0 ? consolidated : rows;
  const shallowest = Math.min(...pool.map((r) => r.code!.length));
  const sums = new Map<string, number[]>();
  for (const row of pool) {
    if (row.code!.length !== shallowest) continue;
    const value = row.values[key];
    if (value == null) continue;
    const head = row.code!.slice(0, 3);
    sums.set(head, [...(sums.get(head) ?? []), value]);
  }
  return new Map([...sums].map(([code, values]) => [code, sumAmounts(values)]));
}

function classChart(
  id: string,
  title: string,
  table: Table,
  classes: Readonly<Record<string, string>>,
  unit: string,
): ChartSpec | null {
  const key = amountKey(table);
  if (!key) return null;
  const sums = byClass(table, classes, key);
  if (sums.size === 0) return null;
  const codes = [...sums.keys()].sort();
  return {
    id,
    title,
    unit,
    type: 'bar',
    labels: codes.map((c) => `${c} ${classes[c]}`),
    series: [{ label: '金额', values: codes.map((c) => sums.get(c)!) }],
    source: `${table.title}${inferredMark(table)}（原文第 ${table.lines.first}–${table.lines.last} 行）`,
    total: totalRow(table)?.values[key] ?? null,
  };
}

function unitOf(table: Table, doc: DisclosureSansChecks): string {
  return table.unit ?? doc.unit ?? '';
}

/**
 * A disclosure's expenditure per 功能分类 类: from the first table that prints consolidated 类 rows, so that the
 * figures are the printed ones; only where every table splits them by sub-unit are the sub-units' rows added up.
 */
export function functionClassAmounts(doc: DisclosureSansChecks): { table: Table; unit: string; amounts: Map<string, number> } | null {
  for (const consolidatedOnly of [true, false]) {
    for (const kind of FUNCTION_TABLE_KINDS) {
      const table = doc.tables.find((t) => t.kind === kind);
      const key = table && amountKey(table);
      if (!table || !key) continue;
      const amounts = byClass(table, FUNCTION_CLASSES, key, consolidatedOnly);
      if (amounts.size > 0) return { table, unit: unitOf(table, doc), amounts };
    }
  }
  return null;
}

export function functionClassChart(doc: Disclosure): ChartSpec | null {
  const found = functionClassAmounts(doc);
  return found && classChart('function-classes', '支出按功能分类（类）', found.table, FUNCTION_CLASSES, found.unit);
}

/** 基本支出 vs 项目支出: from the total row of the first table that splits them, else the sum of its 类 rows. */
export function basicProjectChart(doc: Disclosure): ChartSpec | null {
  for (const kind of FUNCTION_TABLE_KINDS) {
    const table = doc.tables.find((t) => t.kind === kind && t.columns.some((c) => c.key === 'basic'));
    if (!table) continue;
    const total = totalRow(table);
    let basic = total?.values.basic ?? null;
    let project = total?.values.project ?? null;
    if (basic == null && project == null) {
      const basicByClass = byClass(table, FUNCTION_CLASSES, 'basic');
      const projectByClass = byClass(table, FUNCTION_CLASSES, 'project');
      basic = basicByClass.size > 0 ? sumAmounts([...basicByClass.values()]) : null;
      project = projectByClass.size > 0 ? sumAmounts([...projectByClass.values()]) : null;
    }
    if (basic == null && project == null) continue;
    return {
      id: 'basic-project',
      title: '基本支出与项目支出',
      unit: unitOf(table, doc),
      type: 'doughnut',
      labels: ['基本支出', '项目支出'],
      series: [{ label: '金额', values: [basic, project] }],
      source: `${table.title}${inferredMark(table)}（原文第 ${table.lines.first}–${table.lines.last} 行）`,
      total: total?.values.total ?? null,
    };
  }
  return null;
}

export function economicClassChart(doc: Disclosure): ChartSpec | null {
  const table = doc.tables.find((t) => t.kind === 'general-budget-basic-expenditure');
  if (!table) return null;
  const unit = unitOf(table, doc);
  return (
    classChart('economic-classes', '基本支出按经济分类', table, ECONOMIC_CLASSES, unit) ??
    classChart('economic-classes', '基本支出按经济分类', table, GOVERNMENT_ECONOMIC_CLASSES, unit)
  );
}

export function projectChart(doc: Disclosure): ChartSpec | null {
  const projects = doc.projects.filter((p) => p.amount != null);
  if (projects.length === 0) return null;
  const sorted = [...projects].sort((a, b) => b.amount! - a.amount!);
  return {
    id: 'projects',
    title: '项目金额',
    unit: doc.unit ?? '',
    type: 'bar',
    labels: sorted.map((p) => p.name),
    series: [{ label: '金额', values: sorted.map((p) => p.amount) }],
    source: '项目支出情况说明',
    total: null,
  };
}

/** An evaluation's score per 一级指标 beside the indicator's weight (the score it could reach). */
export function evaluationChart(doc: Disclosure): ChartSpec | null {
  const scores = doc.evaluation?.scores.filter((s) => s.score != null || s.weight != null) ?? [];
  if (scores.length === 0) return null;
  const first = Math.min(...scores.map((s) => s.lines.first));
  const last = Math.max(...scores.map((s) => s.lines.last));
  return {
    id: 'evaluation-scores',
    title: '一级指标得分',
    unit: '分',
    type: 'bar',
    labels: scores.map((s) => s.level1),
    series: [
      { label: '得分', values: scores.map((s) => s.score) },
      { label: '分值', values: scores.map((s) => s.weight) },
    ],
    source: `评分汇总（原文第 ${first}–${last} 行）`,
    total: doc.evaluation?.score ?? null,
  };
}

export function disclosureCharts(doc: Disclosure): ChartSpec[] {
  return [evaluationChart(doc), functionClassChart(doc), basicProjectChart(doc), economicClassChart(doc), projectChart(doc)].filter(
    (c): c is ChartSpec => c !== null,
  );
}
