import { deflateRawSync } from 'node:zlib';
import type { Table, TableRow } from '../schema/table.ts';
import { anchoredRow } from './anchors.ts';

/**
 * Which tables a disclosure page shows, and which have pages of their own: a page may weigh 60 KB gzip (issue 13,
 * tests/browser/reader-budget.test.ts), and a table has no bound of its own. 广州 水务局 2026's 部门预算项目支出及其他支出
 * 预算表 prints a 绩效目标 sentence on each of its 270 rows: 34 KB of its disclosure page's 57.6 (the N = 10,000
 * benchmark's largest page). A department with twice the projects would be over. As the long 正文 (text-page.ts) and
 * many 绩效目标 (targets-page.ts) are, the heaviest tables are moved to pages of their own (`d/<slug>/t/<id>/`) until
 * those left weigh TABLES_ON_PAGE at most; a table heavier than a page is cut between rows into pages of ROWS_A_PAGE
 * at most (`d/<slug>/t/<id>/2/` …). Made from the document alone, the same at every build and on every page that
 * asks (the disclosure page, the table's pages, the summary that lists them).
 */

/**
 * Estimated gzip bytes the tables left on a disclosure page may weigh. The estimate errs high in place (below), so
 * this is some 32–35 KB of the page; the rest of it (summary, charts, projects, up to 60 target tables and ~14 KB of
 * 正文, checks) keeps the other 25 of its 60. Of the seeds and the samples' 20 documents (-layout texts) only 广州 水务局
 * 2026 is over (51,619: its project table 39,129); 深圳 水务局 2026 is next (35,038, a page of 37 KB gzip).
 */
export const TABLES_ON_PAGE = 40_000;

/** Estimated gzip bytes of rows a table's own page holds. */
export const ROWS_A_PAGE = 40_000;

/** Markup a row costs once compressed beyond its text (`<tr><th>`, cells), and a table beyond its rows (heading,
 * caption, header, checks). */
const ROW_MARKUP = 6;
const TABLE_MARKUP = 400;

/**
 * A row's weight in a page: its text and amounts compressed alone (deflate at level 1, fast), plus its markup. Over
 * the 211 tables of the 26 templates of the N = 10,000 benchmark's corpus that weigh 2 KB gzip or more on their page,
 * the table's estimate is 0.8–1.25 times the gzip size of its section of the page (a table's text compresses better
 * in its page, beside the others, than alone, so the estimate errs high in place).
 */
function rowWeights(rows: readonly TableRow[]): number[] {
  const texts = rows.map((r) => [r.code ?? '', r.name, ...Object.values(r.texts), ...Object.values(r.values).map((v) => (v === null ? '' : String(v)))].join('\t'));
  // Compressed together, as the page compresses them, and shared out by each row's share of the text.
  const total = texts.reduce((n, t) => n + t.length, 0);
  const packed = total === 0 ? 0 : deflateRawSync(texts.join('\n'), { level: 1 }).length;
  return texts.map((t) => (total === 0 ? 0 : (packed * t.length) / total) + ROW_MARKUP);
}

/** Rows `from` (inclusive) to `to` (exclusive) of a table, on one page of its own. */
export interface RowSpan {
  from: number;
  to: number;
}

/** The tables moved off the disclosure page, by id, each with the rows of each of its pages, in order. */
export type TablePlan = ReadonlyMap<string, readonly RowSpan[]>;

export function tablePlan(tables: ReadonlyArray<Pick<Table, 'id' | 'rows'>>): TablePlan {
  const weighed = tables.map((t) => {
    const rows = rowWeights(t.rows);
    return { id: t.id, rows, weight: rows.reduce((n, w) => n + w, TABLE_MARKUP) };
  });
  let left = weighed.reduce((n, t) => n + t.weight, 0);
  const plan = new Map<string, RowSpan[]>();
  for (const t of [...weighed].sort((a, b) => b.weight - a.weight)) {
    if (left <= TABLES_ON_PAGE) break;
    plan.set(t.id, rowSpans(t.rows));
    left -= t.weight;
  }
  return plan;
}

/** Consecutive rows, as many a page as keep under ROWS_A_PAGE (one row at least). */
function rowSpans(weights: readonly number[]): RowSpan[] {
  const spans: RowSpan[] = [];
  let from = 0;
  let sum = 0;
  weights.forEach((w, i) => {
    if (i > from && sum + w > ROWS_A_PAGE) {
      spans.push({ from, to: i });
      from = i;
      sum = 0;
    }
    sum += w;
  });
  spans.push({ from, to: weights.length });
  return spans;
}

/** The site path of page `page` (from 1) of a table's own pages. */
export function tablePagePath(slug: string, tableId: string, page = 1): string {
  return `d/${slug}/t/${tableId}/${page > 1 ? `${page}/` : ''}`;
}

/**
 * Where a row anchor (`t3-L173`, check-panel.ts rowAnchor) is shown when its table has pages of its own: the table
 * and the page (from 1) holding the row that starts on that line, or null when the table is on the disclosure page
 * (or the anchor is no row's).
 */
export function rowPage(plan: TablePlan, tables: ReadonlyArray<Pick<Table, 'id' | 'rows'>>, anchor: string): { tableId: string; page: number } | null {
  const row = anchoredRow(anchor);
  const spans = row && plan.get(row.tableId);
  if (!row || !spans) return null;
  const rows = tables.find((t) => t.id === row.tableId)!.rows;
  const index = rows.findIndex((r) => r.lines.first === row.firstLine);
  if (index < 0) return null;
  return { tableId: row.tableId, page: spans.findIndex((s) => index >= s.from && index < s.to) + 1 };
}
