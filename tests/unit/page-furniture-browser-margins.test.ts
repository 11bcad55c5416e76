import { describe, expect, it } from 'vitest';
import { isPageFurniture } from '../../src/ingest/page-furniture.ts';
import { parseDisclosure, sourceInfo } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';
import { at, layoutText, pdfPages, ROWS, rowsOf } from '../fixtures/printed-long-table.ts';

// A long 一般公共预算支出表 of a web page printed to PDF by Chromium with the browser's own headers and footers (the
// print of tests/fixtures/printed-long-table.ts): the date and time of printing and the page's title at the top of
// each page, its address and `1/2` at the foot; the page's own heading names the department's budget on page 1.
const HEAD = '12/5/26, 11:31 PM                                                   某县农业农村局2025年部门预算';
const FOOT = (n: number) => `file:///tmp/long1.html                                                                   ${n}/2`;
const text = layoutText(
  (n) => (n === 1 ? [HEAD, '', ' 某县农业农村局2025年部门预算'] : [HEAD, '']),
  (n) => ['', '', FOOT(n)],
);
const margins = (n: number): PlacedText[] => [
  at('12/5/26, 11:31 PM', 20, 20),
  at('某县农业农村局2025年部门预算', 250, 20),
  at('file:///tmp/long1.html', 20, 820),
  at(`${n}/2`, 540, 820),
  ...(n === 1 ? [at('某县农业农村局2025年部门预算', 40, 50)] : []),
];

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
    const doc = parseDisclosure(text, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.title).toBe('某县农业农村局2025年部门预算');
    expect(doc.unparsed).toEqual([]);
  });

  it('give no row and no name in a PDF read by its glyphs', async () => {
    const read = await readSource(tinyPdf(pdfPages(margins)));
    if (!read.ok) throw new Error(read.reason);
    const doc = parseDisclosure(read.text, sourceInfo(read, 't.pdf', '0'.repeat(64)));
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.unparsed).toEqual([]);
  });
});

// A 项目支出绩效目标表 of a web page printed by Chromium with its headers and footers on, read by `pdftotext -layout`
// (written for this test after such a print of a 36-row form): the footer's address runs across the grid's columns,
// the next page's header opens with the print time.
const targetForm = [
  '                               项目支出绩效目标表', // 1
  '项目名称   农村饮水安全维修养护项目',
  '一级指标                二级指标           三级指标                     指标值',
  '产出指标                数量指标           维修养护工程数量                 ≥30处',
  '                                   水质检测次数                   ≥12次', // 5
  '',
  ' https://www.example.gov.cn/art/2025/2/10/art_1_1.html                          1/2',
  '\f12/6/26, 2:31 AM                                    某县水利局2025年部门预算',
  '                                    巡查次数                       ≥52次',
  '效益指标                社会效益指标         受益人口                     ≥2万人', // 10
  '',
  ' https://www.example.gov.cn/art/2025/2/10/art_1_1.html                          2/2',
].join('\n');

describe("a browser's footer between the pages of a target form", () => {
  it('is furniture, not the end of the grid: the rows on the next page are the form’s', () => {
    const doc = parseDisclosure(targetForm, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.targets).toHaveLength(1);
    expect(doc.targets[0].indicators.map((i) => ('name' in i ? i.name : null))).toEqual(['维修养护工程数量', '水质检测次数', '巡查次数', '受益人口']);
  });
});
