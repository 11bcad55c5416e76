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

// 广州 本年支出总体情况表 (L306–L374 of its -layout text with runs of spaces made one), made up smaller: the header's
// labels one space apart and 对附属单位补助支出 wrapped over the header's first and last lines, so that the header
// gives five columns and every row prints six amounts.
const mergedHeader = (rows: string[]) =>
  parse([
    '本年支出总体情况表',
    '单位名称：某市水务局 单位：万元',
    ' 功能分类科目 对附属单位补助支',
    ' 合计 基本支出 项目支出 事业单位经营支出 上缴上级支出',
    ' 科目编码 科目名称 出',
    ...rows,
  ]);

describe('a merged header over rows of six amounts', () => {
  it('has the six template columns the header names, and every amount in its column', () => {
    const result = mergedHeader([
      ' 合计 305.00 30.00 275.00 0.00 0.00 0.00',
      '201 一般公共服务支出 5.00 0.00 5.00 0.00 0.00 0.00',
      '20111 纪检监察事务 5.00 0.00 5.00 0.00 0.00 0.00',
      '2011105 派驻派出机构 5.00 0.00 5.00 0.00 0.00 0.00',
      '213 农林水支出 300.00 30.00 270.00 0.00 0.00 0.00',
      '21303 水利 300.00 30.00 270.00 0.00 0.00 0.00',
      '2130301 行政运行 30.00 30.00 0.00 0.00 0.00 0.00',
      '2130304 水利行业业务管理 270.00 0.00 270.00 0.00 0.00 0.00',
    ]);
    const [table] = result.tables;
    // 事业单位经营支出 before 上缴上级支出 as the header's line prints them; 对附属单位补助支出 where the template has it.
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'operating', 'remit-superior', 'subsidy-to-affiliated']);
    expect(table.rows[0].values).toMatchObject({ total: 305, basic: 30, project: 275, operating: 0, 'remit-superior': 0, 'subsidy-to-affiliated': 0 });
    expect(table.rows.find((r) => r.code === '2130301')!.values).toMatchObject({ total: 30, basic: 30, project: 0 });
    expect(table.rows.every((r) => r.flag === null)).toBe(true);
    expect(result.unparsed).toEqual([]);
  });

  it('places a row of fewer amounts only as every possible order of the columns places it (佛山 L289, a page number)', () => {
    const result = mergedHeader([
      ' 合计 300.00 30.00 270.00 0.00 0.00 0.00',
      '213 农林水支出 300.00 30.00 270.00 0.00 0.00 0.00',
      ' 10',
      '21303 水利 300.00 30.00 270.00 0.00 0.00 0.00',
    ]);
    const [table] = result.tables;
    expect(table.columns).toHaveLength(6);
    expect(table.rows.find((r) => r.code === '21303')!.values).toMatchObject({ total: 300, basic: 30, project: 270 });
    expect(result.unparsed).toEqual([expect.objectContaining({ lines: { first: 8, last: 8 }, text: '10' })]);
  });

  it('leaves open the cells where the column the header cannot place holds figures: each place for it fits the sums', () => {
    // 对附属单位补助支出 may stand anywhere after 项目支出; with 7.00 printed in it, the orders put 7.00 in different columns.
    const result = mergedHeader([
      ' 合计 312.00 30.00 275.00 0.00 0.00 7.00',
      '201 一般公共服务支出 12.00 0.00 5.00 0.00 0.00 7.00',
      '213 农林水支出 300.00 30.00 270.00 0.00 0.00 0.00',
    ]);
    const [table] = result.tables;
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'operating', 'remit-superior', 'subsidy-to-affiliated']);
    // 合计, 基本支出 and 项目支出 every order places alike, and 事业单位经营支出 (0.00 whether it is the fourth amount or,
    // after 对附属单位补助支出, the fifth); the other two only in the row of zeros.
    const open = { operating: 0, 'remit-superior': null, 'subsidy-to-affiliated': null };
    expect(table.rows[0].values).toEqual({ total: 312, basic: 30, project: 275, ...open });
    expect(table.rows[1].values).toEqual({ total: 12, basic: 0, project: 5, ...open });
    expect(table.rows[2].values).toEqual({ total: 300, basic: 30, project: 270, operating: 0, 'remit-superior': 0, 'subsidy-to-affiliated': 0 });
    expect(result.unparsed.map((u) => [u.lines.first, u.text])).toEqual([
      [6, '0.00 7.00'],
      [7, '0.00 7.00'],
    ]);
  });

  it('stays unplaced when no row’s sums confirm the columns (合计 ≠ 基本支出 + 项目支出 + …)', () => {
    const result = mergedHeader([
      ' 合计 300.00 40.00 275.00 0.00 0.00 0.00',
      '213 农林水支出 300.00 40.00 270.00 0.00 0.00 0.00',
    ]);
    expect(result.tables[0].columns).toHaveLength(5);
    expect(result.unparsed).toHaveLength(2);
  });
});

// 深圳 基本支出总表 (L4059–L4065 of its -layout text, runs of spaces made one), made up smaller: source columns whose
// labels wrap over two lines (`一般公共` / `预算拨款`), 财政拨款 heading its 小计 and the funds.
describe('a 收入总表 whose labels wrap over the header lines', () => {
  it('joins the pieces of each label and places the rows under the template’s columns', () => {
    const result = parse([
      '收入总体情况表',
      '单位：万元',
      ' 财政拨款',
      ' 单位名称 合计 一般公共 政府性基金 事业收入 其他收入',
      ' 小计',
      ' 预算拨款 预算拨款',
      '某市水务局 160.00 150.00 120.00 30.00 6.00 4.00',
      '某市河湖中心 40.00 40.00 40.00 0.00 0.00 0.00',
    ]);
    const [table] = result.tables;
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'general', 'fund', 'business', 'other-income']);
    expect(table.rows[0].values).toEqual({ total: 160, fiscal: 150, general: 120, fund: 30, business: 6, 'other-income': 4 });
    expect(table.rows[1].values).toEqual({ total: 40, fiscal: 40, general: 40, fund: 0, business: 0, 'other-income': 0 });
    expect(result.unparsed).toEqual([]);
  });
});

// 福州 2026 年度支出预算总表 (L241–L255 of its -layout text, runs of spaces made one): only 合计 prints all six
// columns; the other rows leave their blank cells out.
describe('a merged header over a 合计 of six amounts and rows of fewer', () => {
  it('places the rows under the six columns wherever every order the header allows places them alike', () => {
    const result = parse([
      '2026 年度支出预算总表',
      ' 单位：万元',
      ' 事业单位经营 对附属单位补',
      '科目编码 科目名称 合计 基本支出 项目支出 上缴上级支出',
      ' 支出 助支出',
      ' 合计 1281.54 693.69 587.85 0.00 0.00 0.00',
      ' 206 科学技术支出 1281.54 693.69 587.85',
      ' 20601 科学技术管理事务 1281.54 693.69 587.85',
      '2060101 行政运行 693.69 693.69',
      '2060102 一般行政管理事务 587.85 587.85',
    ]);
    const [table] = result.tables;
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'remit-superior', 'operating', 'subsidy-to-affiliated']);
    expect(table.rows[0].values).toMatchObject({ total: 1281.54, basic: 693.69, project: 587.85, operating: 0 });
    expect(table.rows.find((r) => r.code === '20601')!.values).toMatchObject({ total: 1281.54, basic: 693.69, project: 587.85, operating: null });
    expect(table.rows.find((r) => r.code === '2060102')!.values).toMatchObject({ total: 587.85, basic: null, project: 587.85 });
    expect(result.unparsed).toEqual([]);
  });
});

// 深圳 支出总表 (L2762–L2795 and L3175–L3196 of its -layout text, runs of spaces made one), made up smaller: six
// template columns, then a band of 政府采购项目 columns outside the template (its 小计 and two 其中), whose wrapped
// labels end in two lines of no header word (`目资金规模`, `模`) that every page prints again above its first row.
describe('a 支出总表 printing a band of columns outside the template after its own', () => {
  const header = [
    '表3',
    ' 支出总表',
    '部门名称：某市水务局 单位：万元',
    ' 2026 年政府采购项目',
    ' 其中：2026 年',
    ' 其中：2026 年',
    ' 事业单位 对附属单位 政府采购项目',
    ' 预算单位 科目编码 科目名称 支出总计 基本支出 项目支出 上缴上级支出 政府采购项目',
    ' 经营支出 补助支出 中预留给小',
    ' 小计 中预留给',
    ' 型、微型企业',
    ' 中小企业的项',
    ' 的项目资金规',
    ' 目资金规模',
    ' 模',
  ];
  const result = parse([
    ...header,
    '某市水务局 160.00 60.00 100.00 0.00 0.00 0.00 50.00 20.00 5.00',
    ' 208 社会保障和就业支出 60.00 60.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00',
    ' 20805 行政事业单位养老支出 60.00 60.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00',
    ' 机关事业单位基本养老',
    ' 2080505 40.00 40.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00',
    ' 保险缴费支出',
    ' - 2 -',
    ...header,
    ' 机关事业单位职业年金',
    ' 2080506 20.00 20.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00',
    ' 缴费支出',
    ' 213 农林水支出 100.00 0.00 100.00 0.00 0.00 0.00 50.00 20.00 5.00',
  ]);
  const [table] = result.tables;

  it('has the template’s six columns, then the band’s three in the order printed', () => {
    expect(table.columns.map((c) => c.key)).toEqual([
      'total', 'basic', 'project', 'remit-superior', 'operating', 'subsidy-to-affiliated', 'c7', 'c8', 'c9',
    ]);
    expect(table.columns.slice(6).map((c) => c.label)).toEqual(['小计', '其中', '其中']);
    expect(table.rows[0]).toMatchObject({ name: '某市水务局', lines: { first: 16, last: 16 } });
    expect(table.rows[0].values).toEqual({
      total: 160, basic: 60, project: 100, 'remit-superior': 0, operating: 0, 'subsidy-to-affiliated': 0, c7: 50, c8: 20, c9: 5,
    });
  });

  it('reads the header’s last lines on a later page as header, not as the start of the next row’s name', () => {
    const row = table.rows.find((r) => r.code === '2080506')!;
    expect(row).toMatchObject({ name: '机关事业单位职业年金缴费支出', lines: { first: 38, last: 40 } });
    expect(row.values).toMatchObject({ total: 20, basic: 20, project: 0, c7: 0 });
    expect(table.rows.find((r) => r.code === '213')!.values).toMatchObject({ total: 100, project: 100, c7: 50, c8: 20, c9: 5 });
    expect(result.unparsed).toEqual([]);
  });
});

// 深圳 财政拨款“三公”经费支出表 (L7222–L7236 of its -layout text, runs of spaces made one), made up smaller: every item
// broken down by the three budgets, their labels wrapped (`一般公共预` / `算`), one header line printing them six times.
describe('a 三公 table whose every item is broken down by the same budgets', () => {
  const result = parse([
    ' 财政拨款“三公”经费支出表',
    '部门名称：某市水务局 单位：万元',
    ' 公务用车购置及运行维护费',
    ' 总计 因公出国(境)费 公务接待费',
    ' 预算单位 年度 小计 公务用车购置费 公务用车运行维护费',
    ' ' + Array(6).fill('一般公共预 政府性基金 国有资本经').join(' '),
    ' ' + Array(6).fill('算 预算 营预算').join(' '),
    '某市水务局 2025 年 40.00 0.00 0.00 5.00 0.00 0.00 10.00 0.00 0.00 25.00 0.00 0.00 20.00 0.00 0.00 5.00 0.00 0.00',
    ' 2026 年 50.00 0.00 0.00 6.00 0.00 0.00 10.00 0.00 0.00 34.00 0.00 0.00 30.00 0.00 0.00 4.00 0.00 0.00',
    ' 增减变化金额 10.00 0.00 0.00 1.00 0.00 0.00 0.00 0.00 0.00 9.00 0.00 0.00 10.00 0.00 0.00 -1.00 0.00 0.00',
  ]);
  const [table] = result.tables;

  it('has a column per item and budget, the items in the order the sums allow, keyed as the -layout reader keys them', () => {
    const items = ['total', 'outbound-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation'];
    expect(table.columns.map((c) => c.key)).toEqual(items.flatMap((item) => ['general', 'fund', 'state-capital'].map((b) => `${item}.${b}`)));
    expect(table.columns[3].label).toBe('因公出国（境）费一般公共预算');
    expect(table.rows[1].values).toMatchObject({
      'total.general': 50, 'outbound-travel.general': 6, 'reception.general': 10, 'vehicles.general': 34,
      'vehicle-purchase.general': 30, 'vehicle-operation.general': 4, 'vehicles.fund': 0,
    });
    expect(table.rows[2].values).toMatchObject({ 'vehicle-operation.general': -1 });
    expect(result.unparsed).toEqual([]);
  });
});

// 广州 部门预算基本支出预算表 (L626–L635 of its -layout text, runs of spaces made one), made up smaller: 总计 = 财政拨款
// (合计 of its three budgets) + 财政专户拨款 + 其他资金, the last one column for every source of the unit's own.
describe('a 基本支出预算表 whose sources end in 其他资金', () => {
  it('reads 其他资金 as the column of the other sources and places every row', () => {
    const result = parse([
      ' 部门预算基本支出预算表',
      '单位名称：某市水务局 单位：万元',
      '支出项目类别（资金使用 财政拨款',
      ' 总计 财政专户拨款 其他资金',
      ' 单位） 合计 一般公共预算 政府性基金预算 国有资本经营预算',
      ' 合计 110.00 100.00 100.00 0.00 0.00 0.00 10.00',
      '某市水务局（本级） 110.00 100.00 100.00 0.00 0.00 0.00 10.00',
      ' 工资福利支出 80.00 80.00 80.00 0.00 0.00 0.00 0.00',
      ' 商品和服务支出 30.00 20.00 20.00 0.00 0.00 0.00 10.00',
    ]);
    const [table] = result.tables;
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'general', 'fund', 'state-capital', 'fiscal-special', 'other-income']);
    expect(table.columns[6].label).toBe('其他资金');
    expect(table.rows[3].values).toEqual({ total: 30, fiscal: 20, general: 20, fund: 0, 'state-capital': 0, 'fiscal-special': 0, 'other-income': 10 });
    expect(result.unparsed).toEqual([]);
  });
});

// The same table as pdftotext -raw prints it (L5147–L5185 of its raw text): every label, every piece of a wrapped one,
// on a line of its own.
describe('a 三公 table broken down by the same budgets, its header one label a line', () => {
  it('reads the budgets in the order of the lines and places the rows', () => {
    const result = parse([
      '财政拨款“三公”经费支出表',
      '部门名称：某市水务局 单位：万元',
      '公务用车购置及运行维护费',
      '总计 因公出国(境)费 公务接待费',
      '小计 公务用车购置费 公务用车运行维护费',
      '预算单位 年度',
      ...Array(6).fill(['一般公共预', '算', '政府性基金', '预算', '国有资本经', '营预算']).flat(),
      '某市水务局 2026 年 50.00 0.00 0.00 6.00 0.00 0.00 10.00 0.00 0.00 34.00 0.00 0.00 30.00 0.00 0.00 4.00 0.00 0.00',
    ]);
    const [table] = result.tables;
    expect(table.columns.map((c) => c.key).slice(0, 4)).toEqual(['total.general', 'total.fund', 'total.state-capital', 'outbound-travel.general']);
    expect(table.rows[0].values).toMatchObject({ 'total.general': 50, 'reception.general': 10, 'vehicles.general': 34, 'vehicle-operation.general': 4 });
    expect(result.unparsed).toEqual([]);
  });
});

// 深圳 项目支出总表 as pdftotext -raw prints it (L3785–L3798 of its raw text), made up smaller as a 支出总表: a wide
// amount wrapped in its cell, its last digit alone on the next line (`811,669.9` / `7`), the row's other amounts on
// the line after.
describe('an amount cut after its first decimal, its last digit on the next line', () => {
  it('is one amount of its row, and the row places with the others', () => {
    const result = parse([
      '支出总表',
      '单位：万元',
      '项目 合计 基本支出 项目支出',
      '某市水务局',
      '811,669.9',
      '7',
      '300.00 811,369.97',
      '水务发展资金 5,340.10 0.00 5,340.10',
    ]);
    const [table] = result.tables;
    expect(table.rows[0]).toMatchObject({ name: '某市水务局', lines: { first: 4, last: 7 } });
    expect(table.rows[0].values).toMatchObject({ total: 811669.97, basic: 300, project: 811369.97 });
    expect(result.unparsed).toEqual([]);
  });
});

// 广州 财政拨款收支总体情况表 (L374–L385 of its -layout text, runs of spaces made one), made up smaller: one 预算 a side,
// not the template's expenditure breakdown by fund.
describe('a 财政拨款收支总表 printing one amount a side', () => {
  it('has the one column its header prints, and each side’s amount in it', () => {
    const result = parse([
      ' 财政拨款收支总体情况表',
      '单位名称：某市水务局 单位：万元',
      ' 收入 支出',
      ' 项目 预算 项目 预算',
      '一、一般公共预算 50.00 一、一般公共服务支出 5.00',
      '二、政府性基金预算 25.00 二、城乡社区支出 70.00',
      '三、国有资本经营预算 0.00 三、国防支出 0.00',
      '收入合计 75.00 支出合计 75.00',
    ]);
    const [table] = result.tables;
    expect(table.columns.map((c) => c.key)).toEqual(['total']);
    const values = table.rows.map((r) => [r.name, r.values.total]);
    expect(values).toEqual(expect.arrayContaining([['一、一般公共预算', 50], ['二、城乡社区支出', 70], ['支出合计', 75]]));
  });
});

// 佛山 一般公共预算财政拨款基本支出决算表 (L488–L496 of its -layout text, runs of spaces made one), made up smaller: the
// page's number under its last row, the next page opening with a form feed and the table's number.
describe('a page number under the last row of a page', () => {
  it('is no row and no amount', () => {
    const result = parse([
      '支出决算表',
      '单位：万元',
      '科目编码 科目名称 合计 基本支出 项目支出',
      '208 社会保障和就业支出 76.23 76.23 0.00',
      '',
      ' 17',
      '\f 表1',
      '20805 行政事业单位离退休 76.23 76.23 0.00',
    ]);
    const rows = result.tables[0].rows;
    expect(rows.map((r) => r.code)).toEqual(['208', '20805']);
    expect(rows[1].values).toMatchObject({ total: 76.23, basic: 76.23, project: 0 });
    expect(result.unparsed).toEqual([]);
  });
});

// 烟台 公开表10 基本支出预算情况表 as pdftotext -raw prints it (L540–L563 of its raw text), made up smaller: columns by
// source of funds (no template of the kind lists them), each label's pieces on lines of their own, and rows that print
// only their filled cells.
describe('a 基本支出预算表 by source of funds, its labels wrapped one piece a line', () => {
  const result = parse([
    '基本支出预算情况表',
    '部门（单位）：某市水利局 单位：万元',
    '科目编码',
    '部门预算支出经济分类',
    '科目 合计',
    '财政拨款',
    '财政专户管',
    '理资金 单位资金',
    '上年结转',
    '类 款 小计',
    '一般公共预',
    '算',
    '政府性基金',
    '预算',
    '国有资本经',
    '营预算',
    '合计 130.00 130.00 100.00 30.00',
    '301 工资福利支出 100.00 100.00 100.00',
    '301 01 基本工资 100.00 100.00 100.00',
    '302 商品和服务支出 30.00 30.00 30.00',
  ]);
  const [table] = result.tables;

  it('has the columns the header names, in the template’s order', () => {
    expect(table.kind).toBe('basic-expenditure');
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'general', 'fund', 'state-capital', 'fiscal-special', 'unit-funds', 'carryover']);
  });

  it('places 合计 and 财政拨款; which budget an amount of 财政拨款 is, the sums do not tell', () => {
    expect(table.rows[0].values).toMatchObject({ total: 130, fiscal: 130, general: null, fund: null });
    expect(table.rows.find((r) => r.code === '30101')!.values).toMatchObject({ total: 100, fiscal: 100, general: null });
    expect(result.unparsed.find((u) => u.lines.first === 18)!.reason).toMatch(/一般公共预算.*政府性基金/);
  });
});

// 佛山 收入支出决算总表 as pdftotext -raw prints it (L69–L80 of its raw text), made up smaller: final accounts print 决算数
// on each side, with the row's 行次 before its amount.
describe('a 收支决算总表 printing 决算数 on each side', () => {
  it('has one column, 决算数, and each side’s amount in it', () => {
    const result = parse([
      '收入支出决算总表',
      '部门：某市轨道交通局 单位：万元',
      '收入 支出',
      '项 目 行次 决算数 项 目 行次 决算数',
      '栏 次 1 栏 次 2',
      '一、一般公共预算财政拨款收入 1 100.00 一、一般公共服务支出 27 0.00',
      '二、上级补助收入 2 0.00 二、社会保障和就业支出 28 100.00',
      '本年收入合计 3 100.00 本年支出合计 29 100.00',
    ]);
    const [table] = result.tables;
    expect(table.columns).toEqual([{ key: 'actual', label: '决算数' }]);
    expect(table.rows.map((r) => [r.name, r.values.actual])).toEqual([
      ['一、一般公共预算财政拨款收入', 100],
      ['一、一般公共服务支出', 0],
      ['二、上级补助收入', 0],
      ['二、社会保障和就业支出', 100],
      ['本年收入合计', 100],
      ['本年支出合计', 100],
    ]);
  });
});

// 佛山 收入决算表 (final accounts), made up smaller: its sources are a final account's, not the budget template's, and
// 附属单位上缴收入 and 其他收入 are printed on lines of their own, so the header leaves their order among the unit's own
// sources open; 0.01 of the 合计 stands in the last of them (L135 of its raw text).
const INCOME_ROWS = [
  '合计 100.00 99.99 0.00 0.00 0.00 0.00 0.01',
  '208 社会保障和就业支出 60.00 60.00 0.00 0.00 0.00 0.00 0.00',
  '20805 行政事业单位离退休 60.00 60.00 0.00 0.00 0.00 0.00 0.00',
  '214 交通运输支出 40.00 39.99 0.00 0.00 0.00 0.00 0.01',
];
describe('a 收入决算表 whose header leaves the order of two sources open', () => {
  const check = (header: string[]) => {
    const result = parse(['收入决算表', '部门：某市轨道交通局 单位：万元', ...header, '栏次 1 2 3 4 5 6 7', ...INCOME_ROWS]);
    const [table] = result.tables;
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'subsidy-from-superior', 'business', 'operating', 'affiliated', 'other-income']);
    // Every order puts 0.00 in each of these columns of a row of zeros: the cells read alike.
    expect(table.rows.find((r) => r.code === '208')!.values).toEqual({
      total: 60, fiscal: 60, 'subsidy-from-superior': 0, business: 0, operating: 0, affiliated: 0, 'other-income': 0,
    });
    // Whether 0.01 is 附属单位上缴收入 or 其他收入 the header does not say: those cells stay open, the amounts reported.
    const total = table.rows[0];
    expect(total.values).toMatchObject({ total: 100, fiscal: 99.99, affiliated: null, 'other-income': null });
    expect(result.unparsed.filter((u) => u.lines.first === total.lines.first).map((u) => u.text.split(' ').pop())).toEqual(['0.01']);
    return result;
  };

  it('as pdftotext -raw prints it: each wrapped label’s pieces on lines of their own', () => {
    check(['项 目', '本年收入合', '计', '财政拨款收入 上级补助收入 事业收入 经营收入', '附属单位上缴', '收入', '其他收入', '功能分类', '科目编码', '科目名称']);
  });

  it('as -layout text with its runs of spaces made one, over the budget template’s columns it contradicts', () => {
    check([' 项 目', ' 本年收入合 附属单位上缴', '功能分类 财政拨款收入 上级补助收入 事业收入 经营收入 其他收入', ' 科目名称 计 收入', '科目编码']);
  });
});

describe('a 类 row whose name is centred on the line of its code and amounts', () => {
  it('takes the halves of the name above and below, and the 类 code', () => {
    const result = parse([
      '支出决算表',
      '单位：万元',
      '科目编码 科目名称 合计 基本支出 项目支出',
      ' 社会保障和就业支',
      '208 60.00 60.00 0.00',
      ' 出',
      '20805 行政事业单位离退休 60.00 60.00 0.00',
    ]);
    expect(result.tables[0].rows.map((r) => [r.code, r.name, r.lines.first, r.lines.last])).toEqual([
      ['208', '社会保障和就业支出', 4, 6],
      ['20805', '行政事业单位离退休', 7, 7],
    ]);
  });

  it('is not read into three digits under a name that ends above them: a count before its amount (西安 L1669–L1671)', () => {
    const result = parse([
      '政府采购预算表',
      '单位：万元',
      '序号 单位名称 数量 预算金额',
      '1 全额 214 320.01',
      '某市邮政业安全发展中',
      '心',
      '214 320.01',
    ]);
    expect(result.tables[0].rows.every((r) => r.code === null)).toBe(true);
  });
});

// 佛山's raw text: pdftotext -raw prints a page's number first, after the form feed (`\f9` between the two parts of
// 收入决算表, L160), where it reads like an amount alone on its line.
describe('a page number opening the page a table goes on to', () => {
  it('is no row and no amount, where the pages around open with the numbers before and after it', () => {
    const part = (page: number) => [`\f${page}`, '表 2', '收入决算表', '部门：某局 单位：万元', '项 目 合计 财政拨款收入 事业收入'];
    const result = parse([
      ...part(8),
      '合计 90.00 90.00 0.00',
      '208 社会保障和就业支出 60.00 60.00 0.00',
      ...part(9),
      '221 住房保障支出 30.00 30.00 0.00',
      '\f10',
      '表 3',
    ]);
    const rows = result.tables.flatMap((t) => t.rows);
    expect(rows.map((r) => r.name)).toEqual(['合计', '社会保障和就业支出', '住房保障支出']);
    expect(result.unparsed).toEqual([]);
  });
});

// 北京 预算05表 as pdftotext -raw prints it (L284–L301 of its raw text), made up smaller: 合计 / 基本支出 (小计 人员经费
// 公用经费) / 项目支出, and after them a column outside the template (扣除基建项目后预算数) that only project rows fill.
describe('a 一般公共预算支出表 printing its 基本支出 breakdown and a column outside the template', () => {
  const result = parse([
    '预算05表 一般公共预算支出表',
    '金额单位：万元',
    '功能分类科目 预算数',
    '科目编码 科目名称 合计',
    '基本支出 项目支出',
    '小计 人员经费 公用经费 项目支出总数',
    '扣除基建项目后预',
    '算数',
    '2080201 行政运行 100.00 100.00 90.00 10.00',
    '2080299 其他民政管理事务支出 40.00 40.00 40.00',
    '2150299 其他制造业支出 6.00 6.00',
    '2050803 培训支出 20.00 2.00 2.00 18.00 18.00',
    '2080206 社会组织管理 30.00 25.00 20.00 5.00 5.00 5.00',
  ]);
  const [table] = result.tables;
  const row = (code: string) => table.rows.find((r) => r.code === code)!;

  it('has the template’s columns and the breakdown the header names, though rows print one amount more', () => {
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'personnel', 'public', 'project']);
    expect(row('2080201').values).toEqual({ total: 100, basic: 100, personnel: 90, public: 10, project: null });
    // 6.00 / 6.00: 合计 = 项目支出; a 基本支出 would need its 人员经费 and 公用经费, and 合计 its 基本支出 or 项目支出.
    expect(row('2150299').values).toEqual({ total: 6, basic: null, personnel: null, public: null, project: 6 });
  });

  it('places an amount beyond the columns read nowhere, and leaves open what it makes uncertain', () => {
    // 20.00 2.00 2.00 18.00 18.00: one 18.00 stands outside the columns read; 2.00 is 人员经费 or 公用经费.
    expect(row('2050803').values).toEqual({ total: 20, basic: 2, personnel: null, public: null, project: 18 });
    expect(row('2080206').values).toEqual({ total: 30, basic: 25, personnel: 20, public: 5, project: 5 });
    // 40.00 three times: 合计, 基本支出 and 人员经费 or 公用经费 — or 合计, 项目支出 and the column outside (北京 L294).
    expect(row('2080299').values).toEqual({ total: 40, basic: null, personnel: null, public: null, project: null });
    const outside = result.unparsed.filter((u) => /没有读出的一列/.test(u.reason));
    expect(outside.map((u) => [u.lines.first, u.text])).toEqual([
      [12, '18.00'],
      [13, '5.00'],
    ]);
  });
});

// 北京 预算03表 支出总表 and 预算06表 as pdftotext -raw prints them (L66–L74 and L410–L416 of its raw text), made up
// smaller: each row prints its function code joined to its name by a hyphen, then the economic classifications the
// header names as columns of text, coded the same way.
describe('rows printing their codes joined to their names by hyphens, under columns of coded text', () => {
  it('reads the function code as the row’s code, and the other coded cells into their columns', () => {
    const result = parse([
      '预算03表 支出总表',
      '金额单位：万元',
      '支出功能分类科目 政府支出经济分类科目 部门支出经济分类科目 合计 基本支出 项目支出',
      '2050802-干部教育 50501-工资福利支出 30101-基本工资 290.66 290.66',
      '2080201-行政运行 50299-其他商品和服务支出 30299-其他商品和服务支出 490.85 443.24 47.61',
    ]);
    const rows = result.tables[0].rows;
    expect(rows.map((r) => [r.code, r.name, r.texts])).toEqual([
      ['2050802', '干部教育', { 'government-economic-subject': '50501-工资福利支出', 'economic-subject': '30101-基本工资' }],
      ['2080201', '行政运行', { 'government-economic-subject': '50299-其他商品和服务支出', 'economic-subject': '30299-其他商品和服务支出' }],
    ]);
    expect(rows[1].values).toEqual({ total: 490.85, basic: 443.24, project: 47.61 });
  });

  // 北京 预算03表 as its -layout text prints it with runs of spaces made one (L199–L208): a row's coded name wraps
  // over the line above and the line below the line of its other cells and amounts (`2080505-机关事业单位基本养老保险缴费`
  // / ` 50102-社会保障缴费 … 1,686.524358 1,686.524358` / `支出`), and the next row opens with its code.
  it('gives a coded name wrapped around the line of its amounts its end below, the next row its code', () => {
    const result = parse([
      '预算03表 支出总表',
      '金额单位：万元',
      '支出功能分类科目 政府支出经济分类科目 部门支出经济分类科目 合计 基本支出 项目支出',
      '2080502-事业单位离退休 50905-离退休费 30302-退休费 576.633200 576.633200',
      '2080505-机关事业单位基本养老保险缴费',
      ' 50102-社会保障缴费 30108-机关事业单位基本养老保险缴费 1,686.524358 1,686.524358',
      '支出',
      '2080505-机关事业单位基本养老保险缴费',
      ' 50501-工资福利支出 30108-机关事业单位基本养老保险缴费 1,367.350216 1,367.350216',
      '支出',
      '2080506-机关事业单位职业年金缴费支出 50102-社会保障缴费 30109-职业年金缴费 850.762179 850.762179',
    ]);
    const rows = result.tables[0].rows;
    expect(rows.map((r) => [r.code, r.name, r.texts['economic-subject'], r.values.total, r.lines.first, r.lines.last])).toEqual([
      ['2080502', '事业单位离退休', '30302-退休费', 576.6332, 4, 4],
      ['2080505', '机关事业单位基本养老保险缴费支出', '30108-机关事业单位基本养老保险缴费', 1686.524358, 5, 7],
      ['2080505', '机关事业单位基本养老保险缴费支出', '30108-机关事业单位基本养老保险缴费', 1367.350216, 8, 10],
      ['2080506', '机关事业单位职业年金缴费支出', '30109-职业年金缴费', 850.762179, 11, 11],
    ]);
    expect(rows[2].texts['government-economic-subject']).toBe('50501-工资福利支出');
    // Left out: only each row's second amount, 基本支出 or 项目支出 (one space tells no column).
    expect(result.unparsed.map((u) => [u.lines.first, u.text])).toEqual([
      [4, '576.633200'],
      [5, '1,686.524358'],
      [8, '1,367.350216'],
      [11, '850.762179'],
    ]);
  });

  it('keeps a row printing only coded cells of text without a name of its own', () => {
    const result = parse([
      '预算06表 一般公共预算基本支出表',
      '金额单位：万元',
      '政府支出经济分类科目 部门支出经济分类科目',
      '预算数',
      '合计 人员经费 公用经费',
      '50101-工资奖金津补贴 30101-基本工资 3,128.95 3,128.95',
    ]);
    const [row] = result.tables[0].rows;
    expect([row.code, row.name, row.texts]).toEqual([null, '', { 'government-economic-subject': '50101-工资奖金津补贴', 'economic-subject': '30101-基本工资' }]);
  });
});

// 西安 专项业务经费支出表 as pdftotext -raw prints it (L976–L984 of its raw text), made up smaller: a kind without
// template columns, whose header names one amount among columns of text (序号, 单位编码, 项目简介), one amount a row.
describe('a table of one amount column among columns of text', () => {
  const result = parse([
    '表10',
    '2022年部门综合预算专项业务经费支出表',
    '预算单位：某市交通运输局 金额单位：万元',
    '序号 单位编码 单位（项目）名称 项目金额 项目简介',
    '1 合计 300.00',
    '2 222001 某市交通运输局 300.00',
    '3 专用项目 300.00',
    '4 农村公路养护资金 200.00',
    '5 95128助老服务热线 100.00',
  ]);
  const [table] = result.tables;

  it('has that one column, and each row’s amount in it', () => {
    expect(table.kind).toBe('project-expenditure');
    expect(table.columns).toEqual([{ key: 'c1', label: '项目金额' }]);
    expect(table.rows.map((r) => r.values.c1)).toEqual([300, 300, 300, 200, 100]);
  });

  it('keeps each row’s 序号 and 单位编码 apart from its name', () => {
    expect(table.rows.map((r) => [r.name, r.texts])).toEqual([
      ['合计', { rowNumber: '1' }],
      ['某市交通运输局', { rowNumber: '2', unitCode: '222001' }],
      ['专用项目', { rowNumber: '3' }],
      ['农村公路养护资金', { rowNumber: '4' }],
      ['95128助老服务热线', { rowNumber: '5' }],
    ]);
    expect(table.rows[0].role).toBe('total');
  });

  // 北京 预算11表 财政拨款政府购买服务明细表 (L505–L512 of its raw text): 预算金额 is the template's total.
  it('keys the amount as the template does where the header names it so', () => {
    const [services] = parse([
      '预算11表 财政拨款政府购买服务明细表',
      '金额单位：万元',
      '指导性目录',
      '预算金额',
      '一级 二级 三级',
      '合 计 93.529700',
      '01-公共服务 0101-公共安全服务 安全风险评估服务 58.987200',
      '01-公共服务 0103-就业公共服务 就业招聘活动组织实施服务 34.542500',
    ]).tables;
    expect(services.columns).toEqual([{ key: 'total', label: '预算金额' }]);
    expect(services.rows.map((r) => r.values.total)).toEqual([93.5297, 58.9872, 34.5425]);
    // `一级 二级 三级` is the header's, not the start of the 合计 row's name.
    expect(services.rows[0]).toMatchObject({ name: '合计', role: 'total' });
  });

  it('is not read where a row prints more amounts than the one column', () => {
    const [wider] = parse([
      '2022年部门综合预算专项业务经费支出表',
      '金额单位：万元',
      '序号 单位（项目）名称 项目金额 项目简介',
      '1 合计 300.00 200.00',
    ]).tables;
    expect(wider.columns).toEqual([]);
  });
});

// 西安 一般公共预算支出明细表（按功能科目分） as pdftotext -raw prints it (L613–L623 of its raw text), made up smaller:
// every row opens with its 序号, and rows of a 项 with nothing budgeted print no amount.
describe('rows numbered by a 序号 column', () => {
  const result = parse([
    '2022年部门综合预算一般公共预算支出明细表（按功能科目分）',
    '预算单位：某市交通运输局 金额单位：万元',
    '序号 功能科目编码 功能科目名称 合计 人员经费支出 公用经费支出 专项业务经费支出 备注',
    '1 合计 1886.00 1886.00',
    '2 208 社会保障和就业支出 1886.00 1886.00',
    '3 20805 行政事业单位养老支出 1886.00 1886.00',
    '4 2080501 行政单位离退休',
    '5 2080502 事业单位离退休',
    '6 2080505 机关事业单位基本养老保险缴费支出 1257.33 1257.33',
    '7 2080506 机关事业单位职业年金缴费支出 628.67 628.67',
  ]);
  const [table] = result.tables;

  it('reads the code after the number, and a row without amounts as a row of its own', () => {
    expect(table.rows.map((r) => [r.texts.rowNumber, r.code, r.name])).toEqual([
      ['1', null, '合计'],
      ['2', '208', '社会保障和就业支出'],
      ['3', '20805', '行政事业单位养老支出'],
      ['4', '2080501', '行政单位离退休'],
      ['5', '2080502', '事业单位离退休'],
      ['6', '2080505', '机关事业单位基本养老保险缴费支出'],
      ['7', '2080506', '机关事业单位职业年金缴费支出'],
    ]);
    expect(table.rows[5].values).toMatchObject({ total: 1257.33 });
  });

  // 西安 “三公”经费表 (L1887–L1891): the unit's code on the line of the number, its name wrapped below, its amounts after.
  it('takes a number and unit code on a line of their own as the start of the row below them', () => {
    const [units] = parse([
      '一般公共预算拨款“三公”经费表',
      '金额单位：万元',
      '序号',
      '单位编',
      '码',
      '单位名称 合计 因公出国（境）费 公务接待费',
      '1 合计 3.00 1.00 2.00',
      '2 222',
      '某市交通运',
      '输局',
      '3.00 1.00 2.00',
    ]).tables;
    expect(units.rows.map((r) => [r.name, r.texts, r.lines])).toEqual([
      ['合计', { rowNumber: '1' }, { first: 7, last: 7 }],
      ['某市交通运输局', { rowNumber: '2', unitCode: '222' }, { first: 8, last: 11 }],
    ]);
  });

  // The same rows in -layout text with its runs of spaces made one (L2158–L2160, L2205–L2208): each name centred on
  // the line of the number, unit code and amounts, or with a piece of it on that line.
  it('takes a name centred on the line of the number, its halves above and below', () => {
    const [units] = parse([
      '一般公共预算拨款“三公”经费表',
      '金额单位：万元',
      '序号 单位编码 单位名称 合计 因公出国（境）费 公务接待费',
      '1 合计 5.00 2.00 3.00',
      '某市交通运',
      '2 222 3.00 1.00 2.00',
      '输局',
      '某市交通基本',
      '3 222008 建设工程质量 2.00 1.00 1.00',
      '监督站',
    ]).tables;
    expect(units.rows.map((r) => [r.name, r.texts, r.lines])).toEqual([
      ['合计', { rowNumber: '1' }, { first: 4, last: 4 }],
      ['某市交通运输局', { rowNumber: '2', unitCode: '222' }, { first: 5, last: 7 }],
      ['某市交通基本建设工程质量监督站', { rowNumber: '3', unitCode: '222008' }, { first: 8, last: 10 }],
    ]);
    expect(units.rows[2].values).toMatchObject({ total: 2, 'outbound-travel': 1, reception: 1 });
  });
});

// 杭州 表6 一般公共预算基本支出预算表 as pdftotext -raw prints it (L811–L835 of its raw text), made up smaller: rows of
// the economic classification by name alone, no code; each row prints its total and the one of 人员经费 / 日常公用支出
// it falls in, which its own identity (合计 = 人员 + 公用) cannot tell.
describe('rows of an economic classification named without codes', () => {
  const result = parse([
    '表6：2026年市级部门一般公共预算基本支出预算表',
    '部门名称：某市交通运输局单位：万元',
    '经济分类科目名称',
    '本年一般公共预算基本支出',
    '合计 人员经费 日常公用支出',
    '** 1 2 3',
    '合计 115.00 100.00 15.00',
    '工资福利支出 100.00 100.00',
    '基本工资 60.00 60.00',
    '津贴补贴 40.00 40.00',
    '商品和服务支出 15.00 15.00',
    '办公费 10.00 10.00',
    '印刷费 5.00 5.00',
  ]);
  const [table] = result.tables;

  it('places each amount by its 类: a 类 is the sum of the rows under it, the total the sum of the 类', () => {
    expect(table.rows.map((r) => [r.name, r.values])).toEqual([
      ['合计', { total: 115, personnel: 100, public: 15 }],
      ['工资福利支出', { total: 100, personnel: 100, public: null }],
      ['基本工资', { total: 60, personnel: 60, public: null }],
      ['津贴补贴', { total: 40, personnel: 40, public: null }],
      ['商品和服务支出', { total: 15, personnel: null, public: 15 }],
      ['办公费', { total: 10, personnel: null, public: 10 }],
      ['印刷费', { total: 5, personnel: null, public: 5 }],
    ]);
  });

  it('reads no 类 by name where a 类 name is printed twice (其他支出 is a 款 of 399 too), but by the amounts\' one tree', () => {
    const [twice] = parse([
      '一般公共预算基本支出预算表',
      '单位：万元',
      '经济分类科目名称 合计 人员经费 公用经费',
      '合计 15.00 10.00 5.00',
      '其他支出 10.00 10.00',
      '其他支出 10.00 10.00',
      '商品和服务支出 5.00 5.00',
      '办公费 5.00 5.00',
    ]).tables;
    // The names say nothing, but one tree of the rows adds up: 15 = 10 + 5, the first 其他支出 over the second and
    // 商品和服务支出 over 办公费 (no other does: 10 + 10 is past 15). 合计 = 10 + 5 in each column puts the first 其他支出's
    // 10 in 人员经费 (人员经费 10 = 10 + 0, 公用经费 5 = 0 + 5; in 公用经费 it would make 10 + 5 against 5).
    expect(twice.rows[1].values).toEqual({ total: 10, personnel: 10, public: null });
  });
});

// 杭州 表3 支出预算总表 as pdftotext -raw prints it (L633–L636 of its raw text), made up smaller: the 合计 row's last
// amount wrapped in its cell, printed after the row on two lines of its own (`576,171.1`, `1`).
describe('an amount of a row wrapped onto lines of its own after the row', () => {
  const [table] = parse([
    '支出预算总表',
    '单位：万元',
    '科目名称 合计 基本支出 项目支出',
    '合计 586,171.11 10,000.00',
    '576,171.1',
    '1',
    '一般公共服务支出 6,701.98 6,701.98',
  ]).tables;

  it('is the row’s last amount, joined again', () => {
    expect(table.rows[0]).toMatchObject({ name: '合计', values: { total: 586171.11, basic: 10000, project: 576171.11 }, lines: { first: 4, last: 6 } });
    expect(table.rows[1]).toMatchObject({ name: '一般公共服务支出', values: { total: 6701.98, basic: null, project: null }, lines: { first: 7, last: 7 } });
  });
});

// 北京 民政局 2026 预算09表 in single-space text (opcoll beijing-civil-affairs-2026-tables.txt L479–L489): 公务接待费 stands
// before the 公务用车 group, against the template's order, and the header prints no 合计. As many amounts as the
// template has columns, but in its order 公务用车购置及运行费 1.36 ≠ 121.81 + 71.17: the identities choose the order.
describe('a “三公” table whose columns the template orders otherwise than the print', () => {
  const table = (amounts: string) =>
    parse([
      ' 预算09表 财政拨款“三公”经费支出表',
      ' 金额单位：万元',
      ' 公务用车购置及运行维护费',
      '“ 三公”经费财政 因公出国（境）费',
      ' 公务接待费',
      ' 拨款预算总额 用',
      ' 小计 公务用车购置费 公务用车运行维护费',
      ` ${amounts}`,
    ]).tables[0];

  it('reads the amounts in the order the identities hold in', () => {
    const t = table('282.168541 159.000000 1.355554 121.812987 71.170000 50.642987');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'outbound-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation']);
    expect(t.rows[0].values).toEqual({ total: 282.168541, 'outbound-travel': 159, reception: 1.355554, vehicles: 121.812987, 'vehicle-purchase': 71.17, 'vehicle-operation': 50.642987 });
  });

  it('keeps the template’s order where the row holds in it', () => {
    const t = table('282.168541 159.000000 121.812987 71.170000 50.642987 1.355554');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception']);
  });
});
