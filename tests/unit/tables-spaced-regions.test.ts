import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';
import { lostText } from '../fixtures/content-check.ts';
import { parse } from '../fixtures/fuzz/disclosure-mutations.ts';

// A made-up department's tables in the single-space text that `pdftotext -layout` gives once its runs of spaces are
// collapsed (the 广州 layout): a table of contents, titles under a table number with `单位名称：… 单位：万元` and no
// 编制部门 line, a two-sided 收支总表 continued on the next page under its repeated header, a 收入总表 whose header
// bands print no header word in their first lines, notes, and the 情况说明 after the last table.
const layout = [
  '目 录', //                                                        L1
  '一、收支总体情况表',
  '二、收入总体情况表',
  '三、一般公共预算“三公”经费支出情况表',
  '第二部分 部门预算表', //                                            L5
  '表1',
  '收支总体情况表',
  '单位名称：某市水务局 单位：万元',
  '收入 支出',
  '项目 预算 项目 预算', //                                           L10
  '一、预算拨款 300.00 一、一般公共服务支出 5.00',
  '二、事业收入 0.00 二、教育支出 0.00',
  '三、社会保障和就业支出 45.00',
  '-5-',
  '收入 支出', //                                                     L15
  '项目 预算 项目 预算',
  '四、农林水支出 250.00',
  '本年收入合计 300.00 本年支出合计 300.00',
  '上年结转结余 0.00 结转结余下年 0.00',
  '收入总计 300.00 支出总计 300.00', //                              L20
  '注：财政拨款收支情况包括一般公共预算、政府性基金预算拨款收支情况。',
  '本套报表金额单位转换时可能存在尾数误差。',
  '-6-',
  '表2',
  '收入总体情况表', //                                                L25
  '单位名称：某市水务局 单位：万元',
  '财政拨款收入 其他资金收入',
  '一般公共预 政府性基金',
  '单位名称 合计 事业收入',
  '算 预算', //                                                       L30
  '合计 300.00 50.00 250.00 0.00',
  '某市水务局 200.00 20.00 180.00 0.00',
  '某市水文中心 100.00 30.00 70.00 0.00',
  '注：金额转化为万元时，四舍五入可能存在尾差。',
  '-7-', //                                                           L35
  '表3',
  '一般公共预算“三公”经费支出情况表',
  '单位名称：某市水务局 单位：万元',
  '公务用车购置及运行费',
  '“三公”经 因公出国 公务用车 公务接', //                           L40
  '费合计 (境)费用 小计 购置费 运行维护 待费',
  '12.00 2.00 8.00 3.00 5.00 2.00',
  '注：本表反映一般公共预算安排的“三公”经费。',
  '第三部分 部门预算情况说明',
  '一、收支预算总体情况', //                                          L45
  '2026年收入预算300.00万元，比上年减少10.00万元。',
];

describe('single-space tables found by their titles and ended where they end', () => {
  const result = parseSpacedTables(toSourceLines(layout.join('\n')));
  const [summary, income, threePublic] = result.tables;

  it('finds the three tables under their titles and unit lines, and none in the table of contents', () => {
    expect(result.tables.map((t) => [t.kind, t.title, t.unit])).toEqual([
      ['income-expenditure-summary', '收支总体情况表', '万元'],
      ['income-summary', '收入总体情况表', '万元'],
      ['three-public-expenditure', '一般公共预算“三公”经费支出情况表', '万元'],
    ]);
    expect(result.tables.map((t) => t.lines)).toEqual([
      { first: 6, last: 21 },
      { first: 24, last: 34 },
      { first: 36, last: 43 },
    ]);
  });

  it('ends each table at its note: the sentence after it, the page numbers and the 情况说明 are claimed by none', () => {
    const claimed = new Set(result.claimed.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i)));
    for (const line of [1, 2, 3, 4, 5, 22, 44, 45, 46]) expect(claimed.has(line)).toBe(false);
    expect(summary.notes).toEqual(['注：财政拨款收支情况包括一般公共预算、政府性基金预算拨款收支情况。']);
  });

  it('reads the 收支总表 over its page break as one table: the repeated header is no row', () => {
    expect(summary.rows).toHaveLength(12);
    expect(summary.rows.some((r) => /收入|项目/.test(r.name) && r.lines.first >= 15 && r.lines.first <= 16)).toBe(false);
    const row = (name: string) => summary.rows.find((r) => r.name === name)!;
    expect(row('四、农林水支出')).toMatchObject({ values: { total: 250 }, lines: { first: 17, last: 17 } });
    expect(row('本年支出合计').values.total).toBe(300);
    expect(row('收入总计').texts.side).toBe('income');
  });

  it('puts a line printing only an expenditure item (the longer side) on the expenditure side', () => {
    const sides = (side: string) => summary.rows.filter((r) => r.texts.side === side && r.role !== 'total').map((r) => r.name);
    expect(sides('income')).toEqual(['一、预算拨款', '二、事业收入', '上年结转结余']);
    expect(sides('expenditure')).toEqual(['一、一般公共服务支出', '二、教育支出', '三、社会保障和就业支出', '四、农林水支出', '结转结余下年']);
    const expenditure = summary.rows.filter((r) => r.texts.side === 'expenditure' && r.role !== 'total' && r.values.total != null);
    expect(expenditure.reduce((sum, r) => sum + (r.values.total ?? 0), 0)).toBe(300);
  });

  it('finds the 收入总表 whose header bands start without a header word, with its three rows', () => {
    expect(income.rows.map((r) => [r.name, r.lines.first])).toEqual([
      ['合计', 31],
      ['某市水务局', 32],
      ['某市水文中心', 33],
    ]);
  });

  it('reads the “三公” table found under its unit line, its one row placed by the sums', () => {
    expect(threePublic.rows).toHaveLength(1);
    expect(threePublic.rows[0].values).toEqual({
      total: 12, 'outbound-travel': 2, vehicles: 8, 'vehicle-purchase': 3, 'vehicle-operation': 5, reception: 2,
    });
  });
});

// The same kind of pages as `pdftotext -raw` prints them: the unit lines over the table number and title; a long
// title wrapped onto a second line.
const raw = [
  '- 6 -',
  '单位：万元', //                                                   L2
  '单位名称：某市水务局',
  '表3',
  '本年支出总体情况表', //                                            L5
  '功能分类科目',
  '合计 基本支出 项目支出',
  '科目编码 科目名称',
  '合计 300.00 50.00 250.00',
  '213 农林水支出 300.00 50.00 250.00', //                            L10
  '21303 水利 300.00 50.00 250.00',
  '2130301 行政运行 50.00 50.00',
  '2130399 其他水利支出 250.00 250.00',
  '注：金额转化为万元时，四舍五入可能存在尾差。',
  '- 7 -', //                                                         L15
  '表4',
  '2022年部门综合预算政府采购（资产配置、购买服务）',
  '预算表（不含上年结转）',
  '预算单位：某市水务局 金额单位：万元',
  '序号 采购项目 数量 预算金额', //                                  L20
  '1 办公设备 2 30.00',
];

describe('single-space tables of `pdftotext -raw` text', () => {
  const result = parseSpacedTables(toSourceLines(raw.join('\n')));

  it('starts a table at the unit lines printed over its title, and at a title wrapped over two lines', () => {
    expect(result.tables.map((t) => [t.kind, t.title, t.unit, t.lines])).toEqual([
      ['expenditure-summary', '本年支出总体情况表', '万元', { first: 2, last: 14 }],
      ['government-procurement', '2022年部门综合预算政府采购(资产配置、购买服务)预算表(不含上年结转)', '万元', { first: 16, last: 21 }],
    ]);
  });

  it('reads the rows under the title and their amounts', () => {
    const [spending] = result.tables;
    expect(spending.rows.map((r) => r.code)).toEqual([null, '213', '21303', '2130301', '2130399']);
    expect(spending.rows.find((r) => r.code === '2130399')!.values).toEqual({ total: 250, basic: null, project: 250 });
  });
});

// A 类 printed by its former name alone on its line (`七、文化体育与传媒支出`, the 2018 江苏 layout) is an expenditure
// item, not a heading of the prose; a table of performance targets after the last table is the performance reader's.
const former = [
  '表1',
  '收支预算总表',
  '部门：某省某厅 单位：万元',
  '项目名称 金额 项目名称 金额',
  '一、财政拨款 100.00 一、一般公共服务支出 60.00', //                L5
  '二、其他资金 0.00 二、外交支出',
  '七、文化体育与传媒支出 40.00',
  '收入合计 100.00 支出合计 100.00',
  '表2：2026年市级部门项目支出绩效表',
  '部门名称：某省某厅 单位:万元', //                                  L10
  '单位名称 项目名称 金额 绩效目标',
];

describe('where a single-space 收支总表 ends', () => {
  const result = parseSpacedTables(toSourceLines(former.join('\n')));

  it('runs past an expenditure item named like a heading and stops at the performance table', () => {
    expect(result.tables).toHaveLength(1);
    const [summary] = result.tables;
    expect(summary.lines).toEqual({ first: 1, last: 8 });
    const item = summary.rows.find((r) => r.name === '七、文化体育与传媒支出')!;
    expect(item).toMatchObject({ values: { total: 40 }, texts: { side: 'expenditure' }, lines: { first: 7, last: 7 } });
    expect(summary.rows.find((r) => r.name === '支出合计')!.values.total).toBe(100);
  });
});

describe('a title whose unit line the compiling unit\'s line and a header label stand over (reading order)', () => {
  // Our own, as 广州 2026 prints its tables through plain pdftotext: L303-L308 `表2` / `收入总体情况表` /
  // `单位名称：广州市水务局` / `单位：万元`, and L2376-L2383 `表11` / `部门预算基本支出预算表` / `单位名称：广州市水务局` /
  // `支出项目类别（资金使用` / `单位）` / `单位：万元`: the unit line is not the line under the title, and the header's first
  // label, printed beside it on the page, comes before it in reading order. Rows as another stage joined them.
  const lines = toSourceLines(
    [
      '表6', // L1
      '一般公共预算基本支出情况表（按经济分类科目）',
      '单位名称：某市水务局',
      '单位：万元',
      '部门预算支出经济科目', // L5
      '预算',
      '合计 300.00',
      '[301]工资福利支出 300.00',
      '表11',
      '部门预算基本支出预算表', // L10
      '单位名称：某市水务局',
      '支出项目类别（资金使用',
      '单位）',
      '单位：万元',
      '财政拨款', // L15
      '一般公共预算',
      '合计 300.00 300.00',
      '工资福利支出 300.00 300.00',
    ].join('\n'),
  );

  it('finds both tables, each from its number', () => {
    expect(parseSpacedTables(lines).tables.map((t) => [t.title, t.lines.first])).toEqual([
      ['一般公共预算基本支出情况表(按经济分类科目)', 1],
      ['部门预算基本支出预算表', 9],
    ]);
  });

  it('finds none where another title or prose stands between a title and a unit line (a table of contents, the 情况说明)', () => {
    const toc = ['十一、部门预算基本支出预算表', '十二、部门预算项目支出及其他支出预算表', '本表反映部门基本支出预算，详见下表。', '单位：万元'];
    expect(parseSpacedTables(toSourceLines(toc.join('\n'))).tables).toEqual([]);
  });
});

describe('a 收支总表 line whose income side begins with an expenditure total\'s name (reading order)', () => {
  // 广州 2026 plain pdftotext L280-L284: `300,185.19` / `本年支出合计` / `0.00 结转结余下年`, joined as one row; the
  // -layout text's L263-L264 print 本年支出合计 300,185.19 and 0.00 under 上年结转结余, the line after.
  const lines = toSourceLines(
    ['表1', '收支总体情况表', '单位名称：某市水务局', '单位：万元', '收入 支出', '项目 预算 项目 预算',
      '一、预算拨款 300.00 一、一般公共服务支出 300.00', '本年支出合计 0.00 结转结余下年'].join('\n'),
  );

  it('gives the total\'s name no amount: the 0.00 is the next row\'s income item\'s', () => {
    const rows = parseSpacedTables(lines).tables[0].rows;
    expect(rows.filter((r) => r.lines.first === 8).map((r) => [r.name, r.texts.side, r.values.total])).toEqual([
      ['本年支出合计', 'expenditure', null],
      ['结转结余下年', 'expenditure', null],
    ]);
  });
});

// A table printed over pages repeats its title at the top of each, and not always the unit line that confirmed it on
// its first page. Unconfirmed, the repeated title ended the table and the page's rows were no table's.
describe('single-space text: a title repeated at the top of a continued page without its unit line', () => {
  // 深圳 水务局 2026 -layout collapsed to single spaces, L7262 (`部门名称：深圳市水务局 单位：万元`, under 表9's title
  // repeated at the top of its second page, L7261) taken out: the page's rows of the units' 2025 and 2026 figures.
  const SHENZHEN = '../shared/samples/other-provinces/shenzhen-water-2026-budget.txt';
  it.skipIf(!existsSync(SHENZHEN))('reads 深圳’s “三公” table’s second page under its title alone', () => {
    const lines = readFileSync(SHENZHEN, 'utf8').split('\n').map((l) => l.replace(/ +/g, ' '));
    expect(lines[7260].trim()).toBe('财政拨款“三公”经费支出表');
    expect(lines[7261].trim()).toBe('部门名称：深圳市水务局 单位：万元');
    const text = [...lines.slice(0, 7261), ...lines.slice(7262)].join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const table = doc.tables.find((t) => t.kind === 'three-public-expenditure')!;
    const north = table.rows.filter((r) => r.name.startsWith('深圳市北部水源工程管理处'));
    // The -layout line: `深圳市北部水源工程管理处 2025 年 40.98 … 40.98 0.00 0.00 11.98 … 29.00`.
    expect(north.map((r) => [r.name, r.values['vehicles.general'], r.values['vehicle-purchase.general'], r.values['vehicle-operation.general']])).toEqual([
      ['深圳市北部水源工程管理处2025年', 40.98, 11.98, 29],
    ]);
    expect(north[0].lines.first).toBeGreaterThan(7261);
  });
});
