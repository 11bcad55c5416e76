import { describe, expect, it } from 'vitest';
import { isPageFurniture } from '../../src/ingest/page-furniture.ts';
import { parseDisclosure, sourceInfo } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Written for this test, after a long 一般公共预算支出表 of a web page printed to PDF by Chromium with the browser's
// own headers and footers: the date and time of printing and the page's title at the top of each page, its address
// and `1/2` at the foot. The rows, as the page's HTML has them (code, name, 合计, 人员经费, 公用经费, 项目支出):
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
const HEAD = '12/5/26, 11:31 PM                                                   某县农业农村局2025年部门预算';
const FOOT = (n: number) => `file:///tmp/long1.html                                                                   ${n}/2`;

// `pdftotext -layout` of such a print (its lines as pdftotext prints them, the form feed opening page 2).
const layoutText = [
  HEAD,
  '',
  ' 某县农业农村局2025年部门预算',
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
  FOOT(1),
  `\f${HEAD}`,
  '',
  '  205       教育支出         3,274.23      0.00     34.74   3,239.49',
  '  20508     进修及培训        3,274.23      0.00     34.74   3,239.49',
  '  2050803   培训支出         1,445.87      0.00      0.00   1,445.87',
  '  2050804   退役士兵能力提升     1,828.36      0.00     34.74   1,793.62',
  '',
  '',
  FOOT(2),
].join('\n');

const at = (text: string, x: number, y: number): PlacedText => ({ text, x, y });
const COLUMNS = [300, 370, 430, 490];
const row = ([code, name, values]: (typeof ROWS)[number], y: number): PlacedText[] => [
  ...(code ? [at(code, 40, y)] : []),
  at(name, 100, y),
  ...values.map((v, i) => at(v.toLocaleString('en-US', { minimumFractionDigits: 2 }), COLUMNS[i], y)),
];
const margins = (n: number): PlacedText[] => [
  at('12/5/26, 11:31 PM', 20, 20),
  at('某县农业农村局2025年部门预算', 250, 20),
  at('file:///tmp/long1.html', 20, 820),
  at(`${n}/2`, 540, 820),
];
const pdfPages: PlacedText[][] = [
  [
    ...margins(1),
    at('某县农业农村局2025年部门预算', 40, 50),
    at('第二部分 2025年部门预算表', 40, 80),
    at('表5 一般公共预算支出表', 220, 100),
    at('单位：万元', 480, 120),
    at('基本支出', 390, 140),
    ...['科目编码', '科目名称', '合计', '人员经费', '公用经费', '项目支出'].map((h, i) => at(h, [40, 100, 300, 370, 430, 490][i], 155)),
    ...ROWS.slice(0, 5).flatMap((r, i) => row(r, 175 + 20 * i)),
  ],
  [...margins(2), ...ROWS.slice(5).flatMap((r, i) => row(r, 70 + 20 * i))],
];

const rowsOf = (doc: ReturnType<typeof parseDisclosure>) =>
  doc.tables.map((t) => t.rows.map((r) => [r.code, r.name, Object.values(r.values)]));

describe("a browser's headers and footers on the pages of a table", () => {
  it('are page furniture by their shape: a print time opening the header, an address and n/m the footer', () => {
    expect(isPageFurniture(HEAD)).toBe(true);
    expect(isPageFurniture('2025/2/10 10:31    某县农业农村局2025年部门预算')).toBe(true);
    expect(isPageFurniture(FOOT(1))).toBe(true);
    expect(isPageFurniture('https://www.example.gov.cn/art/2025/2/10/art_1_1.html   3/12')).toBe(true);
    // A date opening a sentence, or an address in one, is content.
    expect(isPageFurniture('2025年2月10日，局党组召开会议。')).toBe(false);
    expect(isPageFurniture('https://www.example.gov.cn 公开了本部门预算')).toBe(false);
  });

  it('give no row and no name in `pdftotext -layout` text', () => {
    const doc = parseDisclosure(layoutText, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.title).toBe('某县农业农村局2025年部门预算');
    expect(doc.unparsed).toEqual([]);
  });

  it('give no row and no name in a PDF read by its glyphs', async () => {
    const read = await readSource(tinyPdf(pdfPages));
    if (!read.ok) throw new Error(read.reason);
    const doc = parseDisclosure(read.text, sourceInfo(read, 't.pdf', '0'.repeat(64)));
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.unparsed).toEqual([]);
  });
});
