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
    expect(rows.map((r) => [r.code, r.name, r.lines.first, r.lines.last])).toEqual([
      ['208', '社会保障和就业支出', 4, 4],
      ['20805', '行政事业单位养老支出', 5, 5],
      ['2080505', '机关事业单位基本养老保险缴费支出', 6, 8],
      ['2080506', '机关事业单位职业年金缴费支出', 9, 11],
      [null, '合计', 12, 12],
    ]);
    expect(rows[2].values).toEqual({ total: 60, basic: 60, project: 0 });
    expect(rows[3].values).toEqual({ total: 30, basic: 30, project: 0 });
    expect(result.unparsed).toEqual([]);
  });
});

// The same table continued on a new page that repeats its three header lines but not its title (广州 L340–L342).
describe('a header printed again on a later page', () => {
  const result = parse([
    '支出总体情况表',
    '单位：万元',
    ' 功能分类科目',
    ' 合计 基本支出 项目支出',
    ' 科目编码 科目名称',
    '212 城乡社区支出 40.00 0.00 40.00',
    '21214 污水处理费安排的支出 40.00 0.00 40.00',
    '2121401 污水处理设施建设和运营 30.00 0.00 30.00',
    ' - 8 -',
    ' 功能分类科目',
    ' 合计 基本支出 项目支出',
    ' 科目编码 科目名称',
    '2121402 代征手续费 10.00 0.00 10.00',
    '合计 40.00 0.00 40.00',
  ]);
  const rows = result.tables[0].rows;

  it('is no row, and the row after it keeps its code and is summed into its 款', () => {
    expect(rows.map((r) => r.code)).toEqual(['212', '21214', '2121401', '2121402', null]);
    expect(rows[3]).toMatchObject({ name: '代征手续费', lines: { first: 13, last: 13 }, values: { total: 10, basic: 0, project: 10 } });
  });
});

// The print of pdftotext -raw (佛山 支出决算表, L195–L198 of its raw text): a whole code alone on its line, the
// name wrapped under it, the amounts on the line after.
describe('a whole code printed alone on its line above its name', () => {
  const result = parse([
    '支出决算表',
    '单位：万元',
    '科目编码 科目名称 合计 基本支出 项目支出',
    '208 社会保障和就业支出 76.23 76.23 0.00',
    '20805 行政事业单位离退休 76.23 76.23 0.00',
    '2080505',
    '机关事业单位基本养',
    '老保险缴费支出',
    '53.45 53.45 0.00',
    '2080506 机关事业单位职业年金缴费支出 22.78 22.78 0.00',
  ]);

  it('is the code of the row under it, not an amount', () => {
    const row = result.tables[0].rows[2];
    expect(row).toMatchObject({ code: '2080505', name: '机关事业单位基本养老保险缴费支出', lines: { first: 6, last: 9 } });
    expect(row.values).toEqual({ total: 53.45, basic: 53.45, project: 0 });
    expect(result.tables[0].rows).toHaveLength(4);
    expect(result.unparsed).toEqual([]);
  });
});
