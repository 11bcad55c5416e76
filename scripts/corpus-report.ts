/**
 * The corpus report (`--report FILE.csv`): one row per document, worst first, so that an office can find the
 * documents that need attention across hundreds. Headers and values are plain Chinese; the CSV is UTF-8 with BOM.
 */
import { writeFile } from 'node:fs/promises';
import type { Disclosure } from '../src/schema/disclosure.ts';
import { toCsv } from '../src/site/csv.ts';
import { KIND_LABELS } from '../src/site/format.ts';

export interface ReportRow {
  file: string;
  department: string;
  year: number | null;
  kind: string;
  tables: number;
  /** Unparsed lines over non-blank lines, 0–1; null for a file that could not be read. */
  unparsedShare: number | null;
  passed: number;
  failed: number;
  warnings: number;
  error: string | null;
}

const HEADER = ['文件', '部门', '年度', '类型', '报表数', '未解析行占比', '校验通过', '校验未通过', '警告数', '错误'];

/** 部门预算, 单位决算 …: the scope word where the document has one. */
export function kindLabel(doc: Pick<Disclosure, 'kind' | 'scope'>): string {
  const scope = doc.scope === 'department' ? '部门' : doc.scope === 'unit' ? '单位' : '';
  return `${scope}${KIND_LABELS[doc.kind]}`;
}

/** A parsed document's row; `nonBlankLines` is counted from the text, which the document does not keep. */
export function reportRow(doc: Disclosure, files: string, nonBlankLines: number): ReportRow {
  const unparsed = doc.unparsed.reduce((n, u) => n + u.lines.last - u.lines.first + 1, 0);
  return {
    file: files,
    department: doc.department,
    year: doc.year,
    kind: kindLabel(doc),
    tables: doc.tables.length,
    unparsedShare: nonBlankLines > 0 ? Math.min(1, unparsed / nonBlankLines) : 0,
    passed: doc.checks.filter((c) => c.status === 'pass').length,
    failed: doc.checks.filter((c) => c.status === 'fail').length,
    warnings: doc.warnings.length,
    error: null,
  };
}

export function failedRow(file: string, error: string): ReportRow {
  return { file, department: '', year: null, kind: '', tables: 0, unparsedShare: null, passed: 0, failed: 0, warnings: 0, error };
}

/**
 * How badly a document needs attention: a file that failed, then one without department or year, then by the
 * share of its text left unparsed plus the share of its decided checks that failed.
 */
function badness(r: ReportRow): number {
  if (r.error !== null) return 3;
  const missing = r.department === '' || r.year === null ? 2 : 0;
  const decided = r.passed + r.failed;
  return missing + (r.unparsedShare ?? 0) + (decided > 0 ? r.failed / decided : 0);
}

/** Whether a file is a report this program wrote (its header row), so that a folder's report is not read as a source. */
export function isReport(bytes: Uint8Array): boolean {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, 512)).startsWith(toCsv(HEADER, []));
}

export function reportCsv(rows: readonly ReportRow[]): string {
  const sorted = [...rows].sort((a, b) => badness(b) - badness(a) || a.file.localeCompare(b.file));
  return toCsv(
    HEADER,
    sorted.map((r) => [
      r.file,
      r.department || '（未识别）',
      r.year ?? '（未识别）',
      r.kind,
      r.tables,
      r.unparsedShare === null ? '' : `${(100 * r.unparsedShare).toFixed(1)}%`,
      r.passed,
      r.failed,
      r.warnings,
      r.error ?? '',
    ]),
  );
}

export async function writeReport(path: string, rows: readonly ReportRow[]): Promise<void> {
  await writeFile(path, reportCsv(rows));
}
