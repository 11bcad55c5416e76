/**
 * What the department page and its CSV show, from the department's documents: the years side by side per kind,
 * with the change against the year before. One place, so that the page, the chart and the download agree.
 */
import type { Disclosure } from '../schema/disclosure.ts';
import { FUNCTION_CLASSES } from '../core/codes.ts';
import type { ChartSpec } from './chart-data.ts';
import { type Change, changeBetween, type Department, FIGURE_LABELS, history, type HistoryYear } from './departments.ts';
import { toCsv } from './csv.ts';
import { KIND_LABELS } from './format.ts';

export interface SeriesRow {
  id: string;
  label: string;
  code: string | null;
  values: Array<number | null>;
  /** Against the previous column's year; null in the first column or where the years are not consecutive. */
  changes: Array<Change | null>;
}

export interface KindSeries {
  kind: Disclosure['kind'];
  label: string;
  years: HistoryYear[];
  rows: SeriesRow[];
  /** Years whose figures come from a table whose kind the parser told from its contents (departments.ts `kindInferred`). */
  inferredYears: number[];
}

function consecutive(years: readonly HistoryYear[], i: number): boolean {
  return i > 0 && years[i - 1].year === years[i].year - 1;
}

/** The budget and final-account series of a department, each with totals first, then every 功能分类 类 it has. */
export function departmentSeries(department: Department): KindSeries[] {
  const result: KindSeries[] = [];
  for (const kind of ['budget', 'final-account'] as const) {
    const years = history(department, kind);
    if (years.length === 0) continue;
    const rows: SeriesRow[] = [];
    const push = (id: string, label: string, code: string | null, values: Array<number | null>) => {
      if (values.every((v) => v == null)) return;
      const changes = values.map((v, i) => (consecutive(years, i) ? changeBetween(values[i - 1], v) : null));
      rows.push({ id, label, code, values, changes });
    };
    for (const [key, label] of FIGURE_LABELS) push(key, label, null, years.map((y) => y.figures[key]));
    const codes = [...new Set(years.flatMap((y) => [...y.figures.byClass.keys()]))].sort();
    for (const code of codes) push(`class-${code}`, FUNCTION_CLASSES[code] ?? code, code, years.map((y) => y.figures.byClass.get(code) ?? null));
    result.push({ kind, label: KIND_LABELS[kind], years, rows, inferredYears: years.filter((y) => y.figures.kindInferred).map((y) => y.year) });
  }
  return result;
}

/** 支出合计, 基本支出 and 项目支出 by year, for the chart (its table is the same figures). */
export function seriesChart(series: KindSeries): ChartSpec | null {
  const shown = series.rows.filter((r) => ['expenditure', 'basic', 'project'].includes(r.id));
  if (shown.length === 0 || series.years.length < 2) return null;
  return {
    id: `history-${series.kind}`,
    title: `历年${series.label}支出`,
    unit: '万元',
    type: 'bar',
    labels: series.years.map((y) => `${y.year}年`),
    category: '年度',
    series: shown.map((r) => ({ label: r.label, values: r.values })),
    source: series.years.map((y) => `${y.year}年：${y.doc.title}`).join('；'),
    total: null,
  };
}

/**
 * A tidy time series: one line per kind × year × figure, amounts in 万元, with the change from the year before. The
 * department's id (its page: /departments/<id>/) tells departments of one name apart in the corpus-wide file.
 */
export function seriesCsvRows(department: Department): Array<Array<string | number | null>> {
  const lines: Array<Array<string | number | null>> = [];
  for (const s of departmentSeries(department)) {
    for (const row of s.rows) {
      s.years.forEach((y, i) => {
        if (row.values[i] == null) return;
        lines.push([department.identity.name, department.identity.slug, s.label, y.year, row.label, row.code, row.values[i], row.changes[i]?.amount ?? null, row.changes[i]?.percent ?? null, y.doc.slug]);
      });
    }
  }
  return lines;
}

export const SERIES_CSV_HEADER = ['部门', '部门标识', '文件类型', '年度', '项目', '功能分类代码', '金额（万元）', '比上年增减（万元）', '比上年增减（%）', '文件标识'];

/**
 * The department's series CSV as a link's address (`data:`), which the page's download link saves without a script
 * or a file of its own on the site; every department's lines are also in data/department-series.csv.gz. Base64: 1.33
 * bytes a byte, where percent-encoding writes a Chinese character's 3 bytes as 9 (the N = 300 bench's department
 * pages: 1.8 against 2.9 KiB a link; gzip-compressed 0.4 against 0.3 KiB, docs/benchmarks.md).
 */
export function seriesCsvHref(department: Department): string {
  return `data:text/csv;charset=utf-8;base64,${Buffer.from(toCsv(SERIES_CSV_HEADER, seriesCsvRows(department))).toString('base64')}`;
}
