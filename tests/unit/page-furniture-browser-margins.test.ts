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
