import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// Written for this test, after a web page's 部门收入总表 printed to PDF by Chromium: `pdftotext -layout` prints the
// header's labels over the amount columns one space apart (`合计 上年结转 一般公共预算拨款 …`), one run of text as
// long as a sentence, but no prose: the table goes on under it. The lines as pdftotext prints them.
const text = [
  '某县农业农村局2025年部门预算公开',
  '第二部分 2025年部门预算表',
  '                                            表2 部门收入总表',
  '                                                                             单位：万元',
  '科目编码          科目名称                             本年收入',
  '                             合计 上年结转 一般公共预算拨款 政府性基金 事业收入 其他收入',
  '        合计               1,450.30   50.00        1,150.30   200.00   30.00    20.00',
  '208     社会保障和就业支出          150.30    0.00         150.30      0.00    0.00     0.00',
  '20805   行政事业单位养老支出         150.30    0.00         150.30      0.00    0.00     0.00',
  '2080505 机关事业单位基本养老保险缴费支出   150.30    0.00         150.30      0.00    0.00     0.00',
  '213     农林水支出            1,200.00   50.00         900.00    200.00   30.00    20.00',
  '21301   农业农村             1,200.00   50.00         900.00    200.00   30.00    20.00',
  '2130101 行政运行               100.00    0.00         100.00      0.00    0.00     0.00',
  '2130199 其他农业农村支出         1,100.00   50.00         800.00    200.00   30.00    20.00',
  '221     住房保障支出             100.00    0.00         100.00      0.00    0.00     0.00',
  '22102   住房改革支出             100.00    0.00         100.00      0.00    0.00     0.00',
  '2210201 住房公积金              100.00    0.00         100.00      0.00    0.00     0.00',
].join('\n');

// The page's HTML: code, name, 合计, 上年结转, 一般公共预算拨款, 政府性基金, 事业收入, 其他收入.
const ROWS: Array<[string | null, string, number[]]> = [
  [null, '合计', [1450.3, 50, 1150.3, 200, 30, 20]],
  ['208', '社会保障和就业支出', [150.3, 0, 150.3, 0, 0, 0]],
  ['20805', '行政事业单位养老支出', [150.3, 0, 150.3, 0, 0, 0]],
  ['2080505', '机关事业单位基本养老保险缴费支出', [150.3, 0, 150.3, 0, 0, 0]],
  ['213', '农林水支出', [1200, 50, 900, 200, 30, 20]],
  ['21301', '农业农村', [1200, 50, 900, 200, 30, 20]],
  ['2130101', '行政运行', [100, 0, 100, 0, 0, 0]],
  ['2130199', '其他农业农村支出', [1100, 50, 800, 200, 30, 20]],
  ['221', '住房保障支出', [100, 0, 100, 0, 0, 0]],
  ['22102', '住房改革支出', [100, 0, 100, 0, 0, 0]],
  ['2210201', '住房公积金', [100, 0, 100, 0, 0, 0]],
];

describe("a header's labels printed one space apart", () => {
  it('are no line of prose ending the table', () => {
    const doc = parseDisclosure(text, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.tables.map((t) => [t.kind, t.columns.map((c) => c.key)])).toEqual([
      ['income-summary', ['total', 'carryover', 'general', 'fund', 'business', 'other-income']],
    ]);
    expect(doc.tables[0].rows.map((r) => [r.code, r.name, Object.values(r.values)])).toEqual(ROWS);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(doc.sections.flatMap((s) => s.paragraphs)).toEqual(['某县农业农村局2025年部门预算公开']);
  });
});
