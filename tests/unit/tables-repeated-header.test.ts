import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { spacedBlocks } from '../../src/ingest/tables/table-blocks.ts';
import { continuedHeaderEnd } from '../../src/ingest/tables/shared/repeated-header.ts';

// A made-up 一般公共预算支出情况表 in single-space text over two pages: the second page prints the header's two lines
// again under the page number (L10–L11), and its first row's name is wrapped over two lines (L12–L13).
const text = [
  '表3', //                                                  L1
  '一般公共预算支出情况表',
  '编制部门：某区教育局 单位：万元',
  '功能分类科目 2026年预算数',
  '科目编码 科目名称 合计 基本支出 项目支出', //            L5
  '205 教育支出 120.00 100.00 20.00',
  '20502 普通教育 120.00 100.00 20.00',
  '2050201 学前教育 30.00 30.00 0.00',
  '- 12 -',
  '功能分类科目 2026年预算数', //                           L10
  '科目编码 科目名称 合计 基本支出 项目支出',
  '其他普通教育',
  '2050299 （含小学） 90.00 70.00 20.00',
  '合计 120.00 100.00 20.00',
];

describe('the column header a table continued over pages prints again', () => {
  const blocks = spacedBlocks(toSourceLines(text.join('\n')));
  const lineNos = (rows: readonly { line: { no: number } }[]) => rows.map((r) => r.line.no);

  it('parts the single-space table where its header is printed again, each part with that header marked', () => {
    expect(blocks.map((b) => [b.lines, b.region.continued, lineNos(b.rows), b.headerRows])).toEqual([
      [{ first: 1, last: 9 }, false, [4, 5, 6, 7, 8, 9], 2],
      [{ first: 10, last: 14 }, true, [10, 11, 12, 13, 14], 2],
    ]);
  });

  // The table's rows in print order: rows[6] is L10, rows[8] L12, rows[9] L13.
  const rows = [...blocks[0].rows, ...blocks[1].rows];

  it('ends the repeated header after its last line, and finds none at a wrapped name or a row', () => {
    expect(continuedHeaderEnd(rows, 6)).toBe(8);
    expect(continuedHeaderEnd(rows, 8)).toBe(-1);
    expect(continuedHeaderEnd(rows, 9)).toBe(-1);
  });

  it('counts the header by the reader\'s own rule where it passes one, and still asks a line of two labels', () => {
    expect(continuedHeaderEnd(rows, 6, { headerRows: () => 1 })).toBe(7);
    expect(continuedHeaderEnd(rows, 6, { headerRows: () => 0 })).toBe(-1);
    // A reader taking the wrapped name for a header line: it prints no two labels, so no header is printed there …
    expect(continuedHeaderEnd(rows, 8, { headerRows: () => 1 })).toBe(-1);
    // … unless the reader knows the lines for the first header's printed again.
    expect(continuedHeaderEnd(rows, 8, { headerRows: () => 1, printedAgain: true })).toBe(9);
  });
});
