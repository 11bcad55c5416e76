import { describe, expect, it } from 'vitest';
import { isPageFurniture } from '../../src/ingest/page-furniture.ts';
import { parseDisclosure, sourceInfo } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Written for this test, after a long 一般公共预算支出表 of a web page printed to PDF by Chromium with its header and
// footer: the department's budget named at the top of every page, `第 1 页 / 共 2 页` at the foot, the table's
// header printed once. The rows, as the page's HTML has them (code, name, 合计, 人员经费, 公用经费, 项目支出):
const ROWS: Array<[string | null, string, number[]]> = [
  [null, '合计', [5323.63, 78.19, 83.18, 5162.26]],
  ['201', '一般公共服务支出', [2049.4, 78.19, 48.44, 1922.77]],
  ['20132', '组织事务', [2049.4, 78.19, 48.44, 1922.77]],
  ['2013201', '行政运行', [436.59, 0, 48.44, 388.15]],
  ['2013202', '一般行政管理事务', [1612.81, 78.19, 0, 1534.62]],
  ['205', '教育支出', [3274.23, 0, 34.74, 3239.49]],
  ['20508', '进修及培训', [3274.23, 0, 34.74, 3239.49]],
  ['2050803', '培训支出', [1445.87, 0, 0, 1445.87]],
  ['2050804', '退役士兵能力提升', [1828.36, 0, 34.74, 1793.62]],
];
const HEAD = '某县农业农村局2025年部门预算';

// `pdftotext -layout` of such a print (its lines as pdftotext prints them, the form feed opening page 2).
const layoutText = [
  HEAD,
  '',
  ' 第二部分 2025年部门预算表',
  '                                                 表5 一般公共预算支出表',
  '                                                                        单位：万元',
  '  科目编码             科目名称          基本支出',
  '                            合计 人员经费 公用经费 项目支出',
  '            合计             5,323.63     78.19      83.18    5,162.26',
  '  201       一般公共服务支出       2,049.40     78.19      48.44     1,922.77',
  '  20132     组织事务           2,049.40     78.19      48.44     1,922.77',
  '  2013201   行政运行            436.59       0.00      48.44      388.15',
  '  2013202   一般行政管理事务       1,612.81     78.19       0.00     1,534.62',
  '',
  '',
  '                                                      第1页/共2页',
  `\f${HEAD}`,
  '',
  '  205       教育支出         3,274.23      0.00     34.74   3,239.49',
  '  20508     进修及培训        3,274.23      0.00     34.74   3,239.49',
  '  2050803   培训支出         1,445.87      0.00      0.00   1,445.87',
  '  2050804   退役士兵能力提升     1,828.36      0.00     34.74   1,793.62',
  '',
  '',
  '                                                      第2页/共2页',
].join('\n');

const at = (text: string, x: number, y: number): PlacedText => ({ text, x, y });
const COLUMNS = [300, 370, 430, 490];
const row = ([code, name, values]: (typeof ROWS)[number], y: number): PlacedText[] => [
  ...(code ? [at(code, 40, y)] : []),
  at(name, 100, y),
  ...values.map((v, i) => at(v.toLocaleString('en-US', { minimumFractionDigits: 2 }), COLUMNS[i], y)),
];
const pdfPages: PlacedText[][] = [
  [
    at(HEAD, 40, 40),
    at('第二部分 2025年部门预算表', 40, 80),
    at('表5 一般公共预算支出表', 220, 100),
    at('单位：万元', 480, 120),
    at('基本支出', 390, 140),
    ...['科目编码', '科目名称', '合计', '人员经费', '公用经费', '项目支出'].map((h, i) => at(h, [40, 100, 300, 370, 430, 490][i], 155)),
    ...ROWS.slice(0, 5).flatMap((r, i) => row(r, 175 + 20 * i)),
    at('第 1 页 /共2 页', 260, 800),
  ],
  [at(HEAD, 40, 40), ...ROWS.slice(5).flatMap((r, i) => row(r, 70 + 20 * i)), at('第 2 页 /共2 页', 260, 800)],
];

// The head is kept, not dropped: page 2's in the table's range as printed, page 1's (above the table) in `unparsed`
// saying what it is.
const PAGE_ONE_HEAD = { lines: { first: 1, last: 1 }, text: HEAD, reason: '各页顶端重复印出的页眉，不属于正文、表格或指标' };

const rowsOf = (doc: ReturnType<typeof parseDisclosure>) =>
  doc.tables.map((t) => t.rows.map((r) => [r.code, r.name, Object.values(r.values)]));

describe('a running head and a browser footer between the pages of a table', () => {
  it('reads `第 1 页 / 共 2 页` (a browser footer) as a page number', () => {
    expect(isPageFurniture('第1页/共2页')).toBe(true);
    expect(isPageFurniture('第 1 页 /共2 页')).toBe(true);
  });

  it('gives no row and no name to either in `pdftotext -layout` text', () => {
    const doc = parseDisclosure(layoutText, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(doc.unparsed).toEqual([PAGE_ONE_HEAD]);
  });

  it('gives no row and no name to either in a PDF read by its glyphs', async () => {
    const read = await readSource(tinyPdf(pdfPages));
    if (!read.ok) throw new Error(read.reason);
    const doc = parseDisclosure(read.text, sourceInfo(read, 't.pdf', '0'.repeat(64)));
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.unparsed).toEqual([PAGE_ONE_HEAD]);
  });

  it('is only a line opening two pages alike, one cell naming a year’s budget and no table', () => {
    // The department's name alone names no budget: it stays where the text put it (a wrapped row name here).
    const named = parseDisclosure(layoutText.replaceAll(HEAD, '某县农业农村局'), { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(JSON.stringify(named)).toContain('某县农业农村局');
    const doc = parseDisclosure(layoutText, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.title).toBe(HEAD);
  });
});
