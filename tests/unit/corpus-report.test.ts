import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failedRow, reportCsv, type ReportRow } from '../../scripts/corpus-report.ts';

const row = (over: Partial<ReportRow>): ReportRow => ({
  file: 'a.txt',
  department: '某市某某局',
  year: 2026,
  kind: '部门预算',
  tables: 9,
  unparsedShare: 0,
  passed: 10,
  failed: 0,
  warnings: 0,
  error: null,
  ...over,
});

describe('the corpus report', () => {
  it('is UTF-8 CSV with a BOM and Chinese headers, worst first: unreadable, without department or year, then by what is unparsed or failed', () => {
    const csv = reportCsv([
      row({ file: 'good.txt' }),
      row({ file: 'half-unparsed.txt', unparsedShare: 0.5 }),
      row({ file: 'no-year.txt', year: null }),
      failedRow('empty.txt', '文件是空的'),
      row({ file: 'checks-fail.txt', passed: 5, failed: 5, unparsedShare: 0.1 }),
    ]);
    expect(csv.startsWith('\uFEFF"文件","部门","年度","类型","报表数","未解析行占比","校验通过","校验未通过","警告数","错误"\r\n')).toBe(true);
    const files = csv.trim().split('\r\n').slice(1).map((l) => JSON.parse(l.split(',')[0]));
    expect(files).toEqual(['empty.txt', 'no-year.txt', 'checks-fail.txt', 'half-unparsed.txt', 'good.txt']);
    expect(csv).toContain('"no-year.txt","某市某某局","（未识别）","部门预算",9,"0.0%",10,0,0,""');
  });
});

const OTHER = '../shared/samples/other-provinces';
const work = mkdtempSync(join(tmpdir(), 'corpus-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The two Jiangsu volumes and an empty file ingested with a report, in a folder of their own. */
function ingestJiangsu() {
  mkdirSync(join(work, 'in'));
  for (const name of ['jiangsu-cppcc-office-2018-budget.txt', 'jiangsu-cppcc-office-2018-budget-tables.txt']) copyFileSync(join(OTHER, name), join(work, 'in', name));
  writeFileSync(join(work, 'in', 'empty.txt'), '');
  return spawnSync(resolve('node_modules/.bin/node'), [resolve('scripts/ingest.ts'), '--quiet', '--out', 'out', '--report', 'report.csv', 'in'], {
    cwd: work,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.skipIf(!existsSync(OTHER))(`ingest --report and companion volumes${existsSync(OTHER) ? '' : ' — skipped: ../shared/samples is absent'}`, () => {
  // Vitest runs a skipped suite's body to collect its tests: the samples are read only where they are.
  const run = existsSync(OTHER) ? ingestJiangsu() : null!;
  const out = join(work, 'out');
  const report = join(work, 'report.csv');

  it('publishes the two Jiangsu volumes as one document and says which files it joined and why', () => {
    expect(readdirSync(out)).toEqual(['jiangsu-cppcc-office-2018-budget.json']);
    expect(run.stdout).toContain('合并：in/jiangsu-cppcc-office-2018-budget.txt + in/jiangsu-cppcc-office-2018-budget-tables.txt → jiangsu-cppcc-office-2018-budget.json（同一部门“江苏省政协办公厅”、同一年度 2018');
    const doc = JSON.parse(readFileSync(join(out, 'jiangsu-cppcc-office-2018-budget.json'), 'utf8'));
    expect(doc.parts.map((p: { file: string; role: string }) => `${p.file}:${p.role}`)).toEqual([
      'jiangsu-cppcc-office-2018-budget.txt:notes',
      'jiangsu-cppcc-office-2018-budget-tables.txt:tables',
    ]);
  });

  it('writes one row per document, the unreadable file first', () => {
    const lines = readFileSync(report, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"in\/empty\.txt","（未识别）","（未识别）","",0,"",0,0,0,"/);
    expect(lines[2]).toMatch(/^"in\/jiangsu-cppcc-office-2018-budget\.txt \+ in\/jiangsu-cppcc-office-2018-budget-tables\.txt","江苏省政协办公厅",2018,"部门预算",12,/); // 12 printed tables, 收支预算总表 (L3) … 政府采购预算表 (L307)
  });
});
