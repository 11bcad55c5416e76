import type { Disclosure } from '../schema/disclosure.ts';
import type { CheckStatus } from '../schema/common.ts';
import { FIGURE_SOURCE } from '../core/amounts.ts';

export interface BatchSummary {
  documents: number;
  failed: number;
  tables: number;
  checks: Record<CheckStatus, number>;
  unparsedLines: number;
  warnings: number;
  /** Numeric tokens placed in table cells, and those left in `unparsed` from table lines. */
  tokensPlaced: number;
  tokensUnplaced: number;
}

const NUMBER_TOKEN = new RegExp(`(?<![\\d.])${FIGURE_SOURCE}(?![\\d.])`, 'g');

export function emptySummary(): BatchSummary {
  return {
    documents: 0,
    failed: 0,
    tables: 0,
    checks: { pass: 0, fail: 0, 'not-applicable': 0, 'not-checkable': 0 },
    unparsedLines: 0,
    warnings: 0,
    tokensPlaced: 0,
    tokensUnplaced: 0,
  };
}

/** Adds one parsed document to the batch's totals. */
export function addToSummary(summary: BatchSummary, doc: Disclosure): void {
  summary.documents++;
  summary.tables += doc.tables.length;
  for (const c of doc.checks) summary.checks[c.status]++;
  summary.warnings += doc.warnings.length;
  const tableLines = new Set<number>();
  for (const t of doc.tables) {
    for (let n = t.lines.first; n <= t.lines.last; n++) tableLines.add(n);
    for (const r of t.rows) summary.tokensPlaced += Object.values(r.values).filter((v) => v !== null).length;
  }
  for (const u of doc.unparsed) {
    summary.unparsedLines += u.lines.last - u.lines.first + 1;
    if (tableLines.has(u.lines.first)) summary.tokensUnplaced += u.text.match(NUMBER_TOKEN)?.length ?? 0;
  }
}

/**
 * Adds one batch's totals to another's (the CLI sums the one-document summaries its parse worker returns), or with
 * `sign` -1 takes them out (a document parsed again, whose first parse no longer counts).
 */
export function mergeSummary(into: BatchSummary, from: BatchSummary, sign: 1 | -1 = 1): void {
  for (const key of ['documents', 'failed', 'tables', 'unparsedLines', 'warnings', 'tokensPlaced', 'tokensUnplaced'] as const) into[key] += sign * from[key];
  for (const status of Object.keys(into.checks) as CheckStatus[]) into.checks[status] += sign * from.checks[status];
}

/** The closing lines of an ingest run, for the office that runs it: plain Chinese, one figure a line. */
export function formatSummary(s: BatchSummary): string {
  const checked = s.checks.pass + s.checks.fail;
  const tokens = s.tokensPlaced + s.tokensUnplaced;
  const pct = (a: number, b: number) => (b === 0 ? '无从计算' : `${((100 * a) / b).toFixed(1)}%`);
  return [
    `文件：解析 ${s.documents} 份，失败 ${s.failed} 份`,
    `报表：${s.tables} 张`,
    `校验：通过 ${s.checks.pass} 项，未通过 ${s.checks.fail} 项，无法校验 ${s.checks['not-checkable']} 项，不适用 ${s.checks['not-applicable']} 项（通过率 ${pct(s.checks.pass, checked)}）`,
    `表格行中的数字：共 ${tokens} 个，已填入单元格 ${s.tokensPlaced} 个（${pct(s.tokensPlaced, tokens)}）`,
    `未解析的行：${s.unparsedLines} 行`,
    `警告合计：${s.warnings} 条`,
  ].join('\n');
}
