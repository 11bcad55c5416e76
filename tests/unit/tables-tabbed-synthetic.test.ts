import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTabbedTables } from '../../src/ingest/tables/tabbed/index.ts';

// A tab-separated extraction unlike the edz seed: 表一 numbering, codes run together in one cell, the unit on its own
// line, a table-of-contents entry that must not start a table, and a row one cell short after a page break.
const text = [
  '目录',
  '三、部门支出总体情况表',
  '',
  '表三',
  '部门支出总体情况表',
  '单位：万元',
  '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '208\t社会保障和就业支出\t120.50\t100.50\t20.00',
  '20805\t行政事业单位养老支出\t120.50\t100.50\t20.00',
  '2080505\t机关事业单位基本养老保险缴费支出\t100.50\t100.50\t',
  '',
  '2080599\t其他行政事业单位养老支出\t20.00\t20.00',
  '\t合计\t120.50\t100.50\t20.00',
  '',
  '三、关于2024年支出预算情况说明',
  '支出预算120.50万元。',
].join('\n');

describe('tabbed tables beyond the seed', () => {
  const r = parseTabbedTables(toSourceLines(text));

  it('finds the table by its title, not by the table of contents, and stops before the narrative', () => {
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ kind: 'expenditure-summary', unit: '万元', lines: { first: 4, last: 13 } });
  });

  it('cuts run-together codes into 类/款/项', () => {
    expect(r.tables[0].rows.map((x) => [x.code, x.level])).toEqual([
      ['208', 1],
      ['20805', 2],
      ['2080505', 3],
      ['2080599', 3],
      [null, null],
    ]);
  });

  it('places the amounts of a row one cell short by the parent sum: 20.00 is 项目支出, not 基本支出', () => {
    // Line 12 prints `20.00	20.00` in four cells; 合计 = 基本支出 + 项目支出 fits both readings, and 20805's
    // 项目支出 20.00 = 0 + x (line 9, line 10) decides.
    expect(r.tables[0].rows[3]).toMatchObject({ values: { total: 20, basic: null, project: 20 }, flag: null });
    expect(r.tables[0].rows[4]).toMatchObject({ role: 'total', values: { total: 120.5, basic: 100.5, project: 20 } });
  });
});

describe('a tab-separated table split at a page break', () => {
  // A converter's Markdown or web page keeps a page's number between the two parts of a table (the second part
  // without the header, as the PDF printed it): the table goes on after the number.
  it('goes on after the page number standing between its parts', () => {
    const parts = [
      '一般公共预算支出情况表',
      '单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '201\t一般公共服务支出\t100.00\t80.00\t20.00',
      '20103\t政府办公厅（室）及相关机构事务\t100.00\t80.00\t20.00',
      '',
      '4',
      '',
      '208\t社会保障和就业支出\t20.00\t20.00\t',
      '20805\t行政事业单位养老支出\t20.00\t20.00\t',
    ].join('\n');
    const [t] = parseTabbedTables(toSourceLines(parts)).tables;
    expect(t.rows.map((r) => [r.code, r.values.total])).toEqual([
      ['201', 100],
      ['20103', 100],
      ['208', 20],
      ['20805', 20],
    ]);
    expect(t.rows[2].lines).toEqual({ first: 9, last: 9 });
  });
});

describe('a two-sided table whose expenditure side prints its code in a cell of its own', () => {
  // The 喀什地区行政公署办公室 seed's 收支总体情况表 written as a Word table the way a workbook lays it out: 功能分类
  // heads two cells (a merged header cell), the code and the name; the seed prints them in one (`201 一般公共服务支出`).
  // The code cell was read as the row's name (name 201) and the name as a text under the amount column.
  const text = [
    '部门（单位）收支总体情况表',
    '单位：万元',
    '收入\t\t支出\t\t',
    '项目\t预算数\t功能分类\t\t预算数',
    '财政拨款（补助）\t5005.17\t201\t一般公共服务支出\t4564.64',
    '一般公共预算\t5005.17\t208\t社会保障和就业支出\t244.63',
    '\t\t221\t住房保障支出\t195.9',
    '收入总计\t5005.17\t支出总计\t\t5005.17',
  ].join('\n');

  it('reads the code and the name as the row’s name, and the amount after them as its 预算数', () => {
    const [t] = parseTabbedTables(toSourceLines(text)).tables;
    expect(t.rows.filter((r) => r.texts.side === 'expenditure').map((r) => [r.code, r.name, r.values.total])).toEqual([
      ['201', '一般公共服务支出', 4564.64],
      ['208', '社会保障和就业支出', 244.63],
      ['221', '住房保障支出', 195.9],
      [null, '支出总计', 5005.17],
    ]);
    expect(t.rows.filter((r) => r.texts.side === 'income').map((r) => [r.name, r.values.total])).toEqual([
      ['财政拨款（补助）', 5005.17],
      ['一般公共预算', 5005.17],
      ['收入总计', 5005.17],
    ]);
  });
});

describe('a 上年结转结余 table whose projects are named from a year or a number', () => {
  // Lines 4–6 print no code column: `2023下乡…` opens with a year (2023, whose 202 would be 外交支出), `211工程…` with
  // three digits run into words that are not 211's name (节能环保支出); neither is a 类 code.
  const text = [
    '上年结转结余情况明细表',
    '单位：万元',
    '项目\t总计\t财政拨款\t非财政拨款',
    '2023下乡援助工作专项经费\t0.56\t0.56\t',
    '211工程配套经费\t1.00\t1.00\t',
    '合计\t1.56\t1.56\t',
  ].join('\n');

  it('keeps the digits in the project names and gives the rows no code', () => {
    const t = parseTabbedTables(toSourceLines(text)).tables[0];
    expect(t.rows.map((x) => [x.code, x.name, x.values.total])).toEqual([
      [null, '2023下乡援助工作专项经费', 0.56],
      [null, '211工程配套经费', 1],
      [null, '合计', 1.56],
    ]);
  });
});
