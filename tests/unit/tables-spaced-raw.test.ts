import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import type { Table } from '../../src/schema/table.ts';

/**
 * `pdftotext -raw` of the 江苏省政协办公厅 2018 公开表 (../shared/samples/other-provinces/jiangsu-cppcc-office-2018-budget-tables.pdf)
 * prints each table's title after its rows, where the PDF draws it: `公开04表` / `部门：… 单位：万元` / rows / `财政拨款收支预算总表`
 * / `公开05表` (its -raw text L63-L74, L127-L148, L175-L180). Lines below are those, the function and economic tables cut
 * to their 221 and 303 rows and their 合计 made the sum of the rows kept (1,499.26 and 676.06, the 类 rows' own figures).
 */
const RAW = [
  '公开04表',
  '部门：江苏省政协办公厅 单位：万元',
  '项目名称 金额',
  '一、一般公共预算 10,070.48 一、基本支出 5,598.17',
  '二、政府性基金预算 二、项目支出 3,314.68',
  '三、单位预留机动经费 1,157.63',
  '收入合计 10,070.48 支出合计 10,070.48',
  '项目名称 金额',
  '支出用途',
  '财政拨款收支预算总表',
  '收入 支出',
  '公开07表',
  '部门：江苏省政协办公厅 单位：万元',
  '功能科目代码 功能科目名称 金额',
  '合计 1,499.26',
  '221 住房保障支出 1,499.26',
  '22102 住房改革支出 1,499.26',
  '2210201 住房公积金 391.66',
  '2210202 提租补贴 1,107.60',
  '一般公共预算支出预算表',
  '公开08表',
  '部门：江苏省政协办公厅 单位：万元',
  '科目编码 科目名称 金额',
  '合计 676.06',
  '303 对个人和家庭的补助 676.06',
  '30301 离休费 219.82',
  '30302 退休费 455.74',
  '30309 奖励金 0.50',
  '一般公共预算基本支出预算表',
];

function tablesOf(lines: readonly string[]): Table[] {
  return parseTables(toSourceLines(lines.join('\n'))).tables;
}

function valuesOf(table: Table): Record<string, (number | null)[]> {
  return Object.fromEntries(table.rows.map((r) => [r.code ?? r.name, Object.values(r.values)]));
}

describe('single-space text: titles printed after their tables (-raw), headers of one amount, a fund 决算表', () => {
  it('gives each table the title printed after its rows, not the one over its number', () => {
    const tables = tablesOf(RAW);
    expect(tables.map((t) => [t.kind, t.title, t.titleInferred, t.lines.first, t.lines.last])).toEqual([
      ['fiscal-appropriation-summary', '财政拨款收支预算总表', false, 1, 11],
      ['general-budget-expenditure', '一般公共预算支出预算表', false, 12, 20],
      ['general-budget-basic-expenditure', '一般公共预算基本支出预算表', false, 21, 29],
    ]);
  });

  it('reads a header naming one amount (金额) and none of the template columns as that one column', () => {
    const [, functions, economic] = tablesOf(RAW);
    expect(functions.columns.map((c) => c.label)).toEqual(['金额']);
    expect(valuesOf(functions)).toMatchObject({ 合计: [1499.26], 221: [1499.26], 2210201: [391.66], 2210202: [1107.6] });
    expect(valuesOf(economic)).toMatchObject({ 合计: [676.06], 303: [676.06], 30301: [219.82], 30309: [0.5] });
  });

  it('reads a 财政拨款收支总表 whose header names 金额 and no fund as one amount a side', () => {
    const [summary] = tablesOf(RAW);
    expect(summary.columns.map((c) => c.key)).toEqual(['total']);
    const side = (name: string, s: string) => summary.rows.find((r) => r.name === name && r.texts.side === s)?.values.total;
    expect(side('一、一般公共预算', 'income')).toBe(10070.48);
    expect(side('一、基本支出', 'expenditure')).toBe(5598.17);
    // L4 of the lines above: 政府性基金预算 prints no amount, the 3,314.68 beside it is 项目支出's.
    expect(side('二、政府性基金预算', 'income')).toBeNull();
    expect(side('二、项目支出', 'expenditure')).toBe(3314.68);
    expect(side('收入合计', 'income')).toBe(10070.48);
    expect(side('支出合计', 'expenditure')).toBe(10070.48);
  });

  it('keeps the title over the number where the tables open with their titles (-layout order)', () => {
    const layout = ['公开07表', '一般公共预算支出预算表', '部门：江苏省政协办公厅 单位：万元', ...RAW.slice(13, 19)];
    const tables = tablesOf(layout);
    // The table opens at its number, 公开07表, on the line over the title.
    expect(tables.map((t) => [t.kind, t.title, t.lines.first])).toEqual([['general-budget-expenditure', '一般公共预算支出预算表', 1]]);
  });

  /**
   * 福州市科学技术局 2026 (../shared/samples/other-provinces/fuzhou-science-2026-budget.pdf, -raw L473-L480): the 三公
   * table printed one item a row under `项目 预算数`, not the template's six columns.
   */
  it('reads a 三公 table printed one item a row under one 预算数 in that column', () => {
    const text = [
      '2026 年度一般公共预算“三公”经费支出预算表',
      '单位：万元',
      '项目 预算数',
      '合计 9.14',
      '1、因公出国（境）费用 6.14',
      '2、公务接待费 1.00',
      '3、公务用车购置及运行费 2.00',
      '其中：（1）公务用车购置费 0.00',
      '（2）公务用车运行费 2.00',
    ];
    const [table] = tablesOf(text);
    expect(table.kind).toBe('three-public-expenditure');
    expect(table.columns.map((c) => c.label)).toEqual(['预算数']);
    expect(table.rows.map((r) => [r.name, r.values.total])).toEqual([
      ['合计', 9.14],
      ['1、因公出国（境）费用', 6.14],
      ['2、公务接待费', 1],
      ['3、公务用车购置及运行费', 2],
      ['其中：（1）公务用车购置费', 0],
      ['（2）公务用车运行费', 2],
    ]);
  });

  /**
   * 佛山市轨道交通局 2019 决算 (../shared/samples/other-provinces/foshan-rail-transit-bureau-2019-final-accounts.pdf, -raw
   * L467-L479): the 政府性基金预算财政拨款收入支出决算表 prints its header bands out of order (年末结转和结余 before 小计
   * 基本支出 项目支出) and every row all six amounts: the national final-account template's six columns.
   */
  it('reads a fund 收入支出决算表 in the final-account template columns, whatever order its header prints', () => {
    const text = [
      '表 8',
      '政府性基金预算财政拨款收入支出决算表',
      '部门： 佛山市轨道交通局 单位：万元',
      '项 目',
      '年初结转和结余 本年收入',
      '本年支出',
      '年末结转和结余',
      '功能分类',
      '科目编码',
      '科目名称 小计 基本支出 项目支出',
      '栏次 1 2 3 4 5 6',
      '合计 0.00 0.00 0.00 0.00 0.00 0.00',
      '208 社会保障和就业支出 0.00 0.00 0.00 0.00 0.00 0.00',
    ];
    const [table] = tablesOf(text);
    expect(table.kind).toBe('government-fund-expenditure');
    expect(table.columns.map((c) => c.label)).toEqual(['年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余']);
    // The 小计 is 本年支出's, the balance's columns keyed: 年末 = 年初 + 本年收入 − 本年支出 is checked.
    expect(table.columns.map((c) => c.key)).toEqual(['opening-balance', 'income', 'expenditure', 'basic', 'project', 'closing-balance']);
    expect(table.rows.map((r) => [r.code ?? r.name, Object.values(r.values)])).toEqual([
      ['合计', [0, 0, 0, 0, 0, 0]],
      ['208', [0, 0, 0, 0, 0, 0]],
    ]);
  });

  /**
   * 杭州市交通运输局 2026 表3 (../shared/samples/other-provinces/hangzhou-transport-2026-budget.pdf, -raw L617-L635): 基本支出
   * heads 人员支出 and 日常公用支出 and prints no column of its own; the header numbers seven columns (`** 1 … 7`).
   */
  it('reads a group heading its parts in place of its own column where the header numbers the columns', () => {
    const text = [
      '表3：2026年市级部门支出预算总表',
      '部门名称：杭州市交通运输局单位:万元',
      '功能分类科目名称 总计',
      '基本支出',
      '项目支出',
      '事业单位',
      '经营支出',
      '上缴上',
      '级支出',
      '对附属单',
      '位补助支',
      '出',
      '人员支出',
      '日常公用支',
      '出',
      '** 1 2 3 4 5 6 7',
      '合计 665,964.37 73,924.43 15868.83 576,171.11',
    ];
    const [table] = tablesOf(text);
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'personnel', 'public', 'project', 'operating', 'remit-superior', 'subsidy-to-affiliated']);
  });

  /**
   * 福州市科学技术局 2026 表9 (../shared/samples/other-provinces/fuzhou-science-2026-budget.pdf, -raw L358-L368, 30102 and 30103 left out): rows
   * whose cells are empty print their code and name alone (`30106 伙食补助费`); the next line's whole code starts the
   * next row, not more of that row's name.
   */
  it('ends a row printing no amount at the next line opening with a whole code and its name', () => {
    const text = [
      '2026 年度一般公共预算基本支出经济分类情况表',
      '单位：万元',
      '科目编码 科目名称 预算数',
      '合计 1151.39',
      '301 工资福利支出 859.26',
      '30101 基本工资 181.95',
      '30106 伙食补助费',
      '30107 绩效工资',
      '30108 机关事业单位基本养老保险缴费 77.65',
    ];
    const [table] = tablesOf(text);
    expect(table.rows.map((r) => [r.code ?? r.name, r.name, r.values.total])).toEqual([
      ['合计', '合计', 1151.39],
      ['301', '工资福利支出', 859.26],
      ['30101', '基本工资', 181.95],
      ['30106', '伙食补助费', null],
      ['30107', '绩效工资', null],
      ['30108', '机关事业单位基本养老保险缴费', 77.65],
    ]);
  });

  // 深圳 项目支出总表 as `pdftotext -layout` prints it with its runs of spaces made one (L4746–L4759): a name's first
  // half at its level's indent (one space) above a line of amounts alone, its second half at the cell's edge below.
  it('a name centred on a line of amounts alone takes its second half from the line below, by the indents', () => {
    const [t] = tablesOf([
      '项目支出总表',
      '部门名称：深圳市水务局 单位：万元',
      '支出项目类别 总计 一般公共预算拨款 政府性基金预算拨款',
      ' 安全生产和应急',
      ' 166.80 166.80 0.00',
      '管理专项经费',
      ' 水务发展资金 5,340.10 5,340.10 0.00',
      ' 污水处理服务费',
      ' 35,927.64 0.00 35,927.64',
      '（政府性基金）',
      ' 预算准备金 1,530.55 1,530.55 0.00',
    ]);
    expect(t.rows.map((r) => [r.name, Object.values(r.values), r.lines])).toEqual([
      ['安全生产和应急管理专项经费', [166.8, 166.8, 0], { first: 4, last: 6 }],
      ['水务发展资金', [5340.1, 5340.1, 0], { first: 7, last: 7 }],
      ['污水处理服务费（政府性基金）', [35927.64, 0, 35927.64], { first: 8, last: 10 }],
      ['预算准备金', [1530.55, 1530.55, 0], { first: 11, last: 11 }],
    ]);
  });
});

describe('single-space text: a name wrapped over a page break (-raw)', () => {
  // 杭州 表2 through `pdftotext -raw` (L607–L615): `杭州市综合` / `交通运输研究` / its amounts, the next page's number
  // `\f24`, then `中心` / `杭州市交通` / `运输发展保障` / `中心` / the next row's amounts. The fixture's rows are written
  // here in that shape: L6–L8 `市交通运输` / `综合行政执法` / 1,000.00; L9–L11 `市综合交通` / `运输研究发展` / 1,500.00;
  // L12 the page's number 24, the page before opening with 23 (L1); then `pageTop` (L13, where given) and
  // `市交通运输` / `发展保障中心` / 500.00.
  const table = (pageTop: string[]) =>
    tablesOf([
      '\f23',
      '项目支出总表',
      '部门名称：市交通运输局 单位：万元',
      '单位名称 总计 一般公共预算拨款 政府性基金预算拨款',
      '合计 3,000.00 2,500.00 500.00',
      '市交通运输',
      '综合行政执法',
      '1,000.00 1,000.00 0.00',
      '市综合交通',
      '运输研究发展',
      '1,500.00 1,000.00 500.00',
      '\f24',
      ...pageTop,
      '市交通运输',
      '发展保障中心',
      '500.00 500.00 0.00',
    ])[0];

  it('a short line opening the page, more of the next name after it, ends the name before the break whose last line is full', () => {
    expect(table(['中心']).rows.map((r) => [r.name, Object.values(r.values), r.lines])).toEqual([
      ['合计', [3000, 2500, 500], { first: 5, last: 5 }],
      ['市交通运输综合行政执法', [1000, 1000, 0], { first: 6, last: 8 }],
      ['市综合交通运输研究发展中心', [1500, 1000, 500], { first: 9, last: 13 }],
      ['市交通运输发展保障中心', [500, 500, 0], { first: 14, last: 16 }],
    ]);
  });

  // 深圳 收入总表 -raw L1765–L1766 (`深圳市龙岗河坪山河流域管` / `理中心`, its amounts on L1767): a line opening the page
  // whose name ends on the line after it may be that name's first.
  it('a line opening the page, its name ending on the next line, opens the next name', () => {
    expect(table([]).rows.map((r) => [r.name, r.lines])).toEqual([
      ['合计', { first: 5, last: 5 }],
      ['市交通运输综合行政执法', { first: 6, last: 8 }],
      ['市综合交通运输研究发展', { first: 9, last: 11 }],
      ['市交通运输发展保障中心', { first: 13, last: 15 }],
    ]);
  });
});
