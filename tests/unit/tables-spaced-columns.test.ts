import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';

const parse = (lines: string[]) => parseSpacedTables(toSourceLines(lines.join('\n')));

// A made-up 支出总表 in the print of 广州's -layout text with its runs of spaces made one: a name wrapped over two
// lines is centred on the line of its code and amounts, its first half above and its second half below (L320–L325).
describe('a row whose code and amounts stand between the halves of its name', () => {
  const result = parse([
    '支出总体情况表',
    '单位：万元',
    '科目编码 科目名称 合计 基本支出 项目支出',
    '208 社会保障和就业支出 90.00 90.00 0.00',
    '20805 行政事业单位养老支出 90.00 90.00 0.00',
    ' 机关事业单位基本养老保险缴',
    '2080505 60.00 60.00 0.00',
    ' 费支出',
    ' 机关事业单位职业年金缴费支',
    '2080506 30.00 30.00 0.00',
    ' 出',
    '合计 90.00 90.00 0.00',
  ]);
  const rows = result.tables[0].rows;

  it('reads the code as the row’s code, not as an amount, and joins the halves of the name', () => {
    expect(rows.map((r) => [r.code, r.name, r.lines])).toEqual([
      ['208', '社会保障和就业支出', 4],
      ['20805', '行政事业单位养老支出', 5],
      ['2080505', '机关事业单位基本养老保险缴费支出', [6, 8]],
      ['2080506', '机关事业单位职业年金缴费支出', [9, 11]],
      [null, '合计', 12],
    ].map(([code, name, lines]) => [code, name, typeof lines === 'number' ? { first: lines, last: lines } : { first: lines[0], last: lines[1] }]));
    expect(rows[2].values).toEqual({ total: 60, basic: 60, project: 0 });
    expect(rows[3].values).toEqual({ total: 30, basic: 30, project: 0 });
    expect(result.unparsed).toEqual([]);
  });
});
