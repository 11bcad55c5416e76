import { describe, expect, it } from 'vitest';
import { isPageFurniture } from '../../src/ingest/page-furniture.ts';
import { parseDisclosure, sourceInfo } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Written for this test, after a portal page printed to PDF by Chromium: a 三公 table whose one data row prints no
// name (its columns are 合计 … 公务接待费), the site's footer printed just under it. The row is 25.00 0.00 20.00 0.00
// 20.00 5.00; the footer is no part of it, in the PDF read by its glyphs' positions or in its `pdftotext -layout` text.
const FOOTER = '主办单位：某县人民政府 网站标识码：1234';
const ROW = [25, 0, 20, 0, 20, 5];

const layoutText = [
  '某县农业农村局2025年部门预算', // 1
  '                                            表3 “三公”经费支出表',
  '单位：万元',
  '                 公务用车购置及运行费',
  '合计 因公出国（境）费 小计 公务用车购置费 公务用车运行费 公务接待费', // 5
  '25.00 0.00      20.00 0.00    20.00     5.00',
  FOOTER, // 7
].join('\n');

const at = (text: string, x: number, y: number): PlacedText => ({ text, x, y });
const page: PlacedText[] = [
  at('某县农业农村局2025年部门预算', 150, 80),
  at('表3 “三公”经费支出表', 180, 100),
  at('单位：万元', 40, 120),
  at('公务用车购置及运行费', 200, 140),
  ...['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行费', '公务接待费'].map((h, i) => at(h, [40, 80, 200, 250, 340, 430][i], 155)),
  ...['25.00', '0.00', '20.00', '0.00', '20.00', '5.00'].map((v, i) => at(v, [40, 80, 200, 250, 340, 430][i], 170)),
  at('主办单位：某县人民政府', 40, 185),
  at('网站标识码：1234', 160, 185),
];

describe("a web portal's footer under a table", () => {
  it('is page furniture by its fields and the mark only a site carries', () => {
    expect(isPageFurniture(FOOTER)).toBe(true);
    expect(isPageFurniture('京ICP备12345678号 版权所有：某县人民政府')).toBe(true);
    // A field of a site's without the site's mark may be content (a project's 主办单位).
    expect(isPageFurniture('主办单位：某县人民政府')).toBe(false);
  });

  it('is no name of the 三公 row above it in `pdftotext -layout` text', () => {
    const doc = parseDisclosure(layoutText, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.tables.map((t) => t.rows.map((r) => [r.name, Object.values(r.values), r.lines.first]))).toEqual([[['', ROW, 6]]]);
    expect(doc.unparsed).toEqual([]);
  });

  it('is no name of the 三公 row above it in a PDF read by its glyphs', async () => {
    const read = await readSource(tinyPdf([page]));
    if (!read.ok) throw new Error(read.reason);
    const doc = parseDisclosure(read.text, sourceInfo(read, 't.pdf', '0'.repeat(64)));
    expect(doc.tables.map((t) => t.rows.map((r) => [r.name, Object.values(r.values)]))).toEqual([[['', ROW]]]);
  });
});
