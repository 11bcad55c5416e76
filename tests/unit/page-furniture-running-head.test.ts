import { describe, expect, it } from 'vitest';
import { isPageFurniture } from '../../src/ingest/page-furniture.ts';
import { parseDisclosure, sourceInfo } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';
import { at, layoutText, pdfPages, ROWS, rowsOf } from '../fixtures/printed-long-table.ts';

// A long 一般公共预算支出表 of a web page printed to PDF by Chromium with its header and footer (the print of
// tests/fixtures/printed-long-table.ts): the department's budget named at the top of every page, `第 1 页 / 共 2 页`
// at the foot.
const HEAD = '某县农业农村局2025年部门预算';
const top = () => [HEAD, ''];
const foot = (n: number) => ['', '', `                                                      第${n}页/共2页`];
const text = layoutText(top, foot);
const margins = (n: number): PlacedText[] => [at(HEAD, 40, 40), at(`第 ${n} 页 /共2 页`, 260, 800)];

// The head is kept, not dropped: page 2's in the table's range as printed, page 1's (above the table) in `unparsed`
// saying what it is.
const PAGE_ONE_HEAD = { lines: { first: 1, last: 1 }, text: HEAD, reason: '各页顶端重复印出的页眉，不属于正文、表格或指标' };


describe('a running head and a browser footer between the pages of a table', () => {
  it('reads `第 1 页 / 共 2 页` (a browser footer) as a page number', () => {
    expect(isPageFurniture('第1页/共2页')).toBe(true);
    expect(isPageFurniture('第 1 页 /共2 页')).toBe(true);
  });

  it('gives no row and no name to either in `pdftotext -layout` text', () => {
    const doc = parseDisclosure(text, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(doc.unparsed).toEqual([PAGE_ONE_HEAD]);
  });

  it('gives no row and no name to either in a PDF read by its glyphs', async () => {
    const read = await readSource(tinyPdf(pdfPages(margins)));
    if (!read.ok) throw new Error(read.reason);
    const doc = parseDisclosure(read.text, sourceInfo(read, 't.pdf', '0'.repeat(64)));
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.unparsed).toEqual([PAGE_ONE_HEAD]);
  });

  it('gives no row and no name to the head in `pdftotext -raw` text, where no blank line stands under it', () => {
    // The same print as `pdftotext -raw` gives it (written by hand in its convention): each page's lines in the order
    // the PDF draws them, one space between cells, the head the first line of each page with the table's next row or
    // the browser's footer right under it.
    const raw = [
      '某县农业农村局 2025年部门预算',
      '第二部分 2025年部门预算表',
      '表5 一般公共预算支出表',
      '单位：万元',
      '科目编码 科目名称 合计 基本支出 项目支出',
      '人员经费 公用经费',
      '合计 5,323.63 78.19 83.18 5,162.26',
      '201 一般公共服务支出 2,049.40 78.19 48.44 1,922.77',
      '20132 组织事务 2,049.40 78.19 48.44 1,922.77',
      '2013201 行政运行 436.59 0.00 48.44 388.15',
      '2013202 一般行政管理事务 1,612.81 78.19 0.00 1,534.62',
      '第1页/共2页',
      '\f某县农业农村局 2025年部门预算',
      '205 教育支出 3,274.23 0.00 34.74 3,239.49',
      '20508 进修及培训 3,274.23 0.00 34.74 3,239.49',
      '2050803 培训支出 1,445.87 0.00 0.00 1,445.87',
      '2050804 退役士兵能力提升 1,828.36 0.00 34.74 1,793.62',
      '第2页/共2页',
    ].join('\n');
    const doc = parseDisclosure(raw, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(rowsOf(doc)).toEqual([ROWS]);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    // Page 1's head above the table in `unparsed` saying what it is, page 2's kept by the table as printed.
    expect(doc.unparsed).toEqual([{ ...PAGE_ONE_HEAD, text: '某县农业农村局 2025年部门预算' }]);
    expect(doc.tables[0].printed).toContainEqual({ text: '某县农业农村局 2025年部门预算', lines: { first: 13, last: 13 } });
  });

  it('is only a line opening two pages alike, one cell naming a year’s budget and no table', () => {
    // The department's name alone names no budget: it stays where the text put it (a wrapped row name here).
    const named = parseDisclosure(text.replaceAll(HEAD, '某县农业农村局'), { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(JSON.stringify(named)).toContain('某县农业农村局');
    const doc = parseDisclosure(text, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.title).toBe(HEAD);
  });
});
