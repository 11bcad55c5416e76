import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// Written for this test, after a web page's 部门支出总表 printed to PDF by Chromium with narrow columns: every label
// wraps in its cell and is centred down a header five lines high, `对附属` / `单位补` / `助支出` on the first, third
// and fifth lines, `上缴上` / `级支出` beside it on the second and fourth, `合计` alone on the third. The lines as the
// PDF reader prints the page (sources/pdf, in pdftotext's convention: a column a character).
const text = [
  '某县农业农村局2025年部门预算公开',
  '',
  '                                                               表3 部门支出总表',
  '',
  '                                                                                                           单位：万元',
  '',
  '                                                                   对附属',
  '  科目编                                   基本支 项目支          上缴上',
  '               科目名称             合计                                 单位补',
  '    码                                    出        出       级支出',
  '                                                                   助支出',
  '         合计                  1,450.30   350.30  1,000.00     0.00    100.00',
  '208      社会保障和就业支出            150.30    150.30      0.00     0.00      0.00',
  '         行政事业单位养老支',
  '20805                         150.30    150.30      0.00     0.00      0.00',
  '         出',
  '         机关事业单位基本养',
  '2080505                       150.30    150.30      0.00     0.00      0.00',
  '         老保险缴费支出',
  '213      农林水支出               1,200.00   100.00  1,000.00     0.00    100.00',
  '21301    农业农村                1,200.00   100.00  1,000.00     0.00    100.00',
  '2130101  行政运行                 100.00    100.00      0.00     0.00      0.00',
  '2130199  其他农业农村支出            1,100.00     0.00  1,000.00     0.00    100.00',
  '221      住房保障支出               100.00    100.00      0.00     0.00      0.00',
  '22102    住房改革支出               100.00    100.00      0.00     0.00      0.00',
  '2210201  住房公积金                100.00    100.00      0.00     0.00      0.00',
].join('\n');

// The page's HTML: code, name, 合计, 基本支出, 项目支出, 上缴上级支出, 对附属单位补助支出.
const ROWS: Array<[string | null, string, number[]]> = [
  [null, '合计', [1450.3, 350.3, 1000, 0, 100]],
  ['208', '社会保障和就业支出', [150.3, 150.3, 0, 0, 0]],
  ['20805', '行政事业单位养老支出', [150.3, 150.3, 0, 0, 0]],
  ['2080505', '机关事业单位基本养老保险缴费支出', [150.3, 150.3, 0, 0, 0]],
  ['213', '农林水支出', [1200, 100, 1000, 0, 100]],
  ['21301', '农业农村', [1200, 100, 1000, 0, 100]],
  ['2130101', '行政运行', [100, 100, 0, 0, 0]],
  ['2130199', '其他农业农村支出', [1100, 0, 1000, 0, 100]],
  ['221', '住房保障支出', [100, 100, 0, 0, 0]],
  ['22102', '住房改革支出', [100, 100, 0, 0, 0]],
  ['2210201', '住房公积金', [100, 100, 0, 0, 0]],
];

describe('a header label centred down a header five lines high', () => {
  it('is one label from its three pieces, and 合计 alone on its line is a column', () => {
    const doc = parseDisclosure(text, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.tables.map((t) => [t.kind, t.columns.map((c) => [c.key, c.label])])).toEqual([
      [
        'expenditure-summary',
        [
          ['total', '合计'],
          ['basic', '基本支出'],
          ['project', '项目支出'],
          ['remit-superior', '上缴上级支出'],
          ['subsidy-to-affiliated', '对附属单位补助支出'],
        ],
      ],
    ]);
    expect(doc.tables[0].rows.map((r) => [r.code, r.name, Object.values(r.values)])).toEqual(ROWS);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(doc.unparsed).toEqual([]);
  });
});
