import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';
import { thousandsReadings } from '../../src/ingest/tables/spaced/tokens.ts';
import { rowMarks } from '../../src/ingest/tables/shared/header-rows.ts';
import { blockRow } from '../../src/ingest/layout/blocks.ts';

// A made-up county disclosure in the same single-space layout: another department, other 类, a title with a `2024年`
// prefix, a 款 printed as `201 01`, and a 项 whose 项目支出 cell must be told from its 基本支出 cell by the sums.
const text = [
  '第二部分 部门预算公开表',
  '2024年部门支出总体情况表',
  '编制单位：某县农业农村局 单位：万元',
  '项目 合计 基本支出 项目支出',
  '科目编码 科目名称',
  '205 教育支出 30 30',
  '205 08 进修及培训 30 30',
  '205 08 03 培训支出 30 30',
  '213 农林水支出 170 100 70',
  '213 01 农业农村 170 100 70',
  '213 01 01 行政运行 100 100',
  '213 01 99 其他农业农村支出 70 70',
  '合 计 200 100 100',
  '第三部分 情况说明',
];

describe('spaced tables beyond the seeds', () => {
  const result = parseSpacedTables(toSourceLines(text.join('\n')));
  const [table] = result.tables;

  it('reads the title, unit and codes', () => {
    expect(result.tables).toHaveLength(1);
    expect(table).toMatchObject({ kind: 'expenditure-summary', unit: '万元', titleInferred: false });
    expect(table.rows.map((r) => r.code)).toEqual(['205', '20508', '2050803', '213', '21301', '2130101', '2130199', null]);
    expect(result.claimed).toEqual([{ first: 2, last: 13 }]);
  });

  it('places collapsed cells by the sums: 205 is 项目支出 because 基本支出 adds up without it', () => {
    const byCode = (c: string) => table.rows.find((r) => r.code === c)!;
    expect(byCode('205').values).toEqual({ total: 30, basic: null, project: 30 });
    expect(byCode('2130101').values).toEqual({ total: 100, basic: 100, project: null });
    expect(byCode('2130199').values).toEqual({ total: 70, basic: null, project: 70 });
    expect(table.rows.every((r) => r.flag === null)).toBe(true);
    expect(result.unparsed).toEqual([]);
  });
});

// A made-up “三公” table in the layout of the administrative-office seed (L1085–L1096): its one row prints three
// amounts for six columns, so 合计 = 出国 + 公务用车 + 接待 and 公务用车 = 购置 + 运行 leave 购置 vs 运行 open.
const threePublic = (statement: string[]) =>
  [
    '表八：',
    '一般公共预算“三公”经费支出情况表',
    '编制部门（单位）：某县农业农村局 单位：万元',
    '合计 因公出国',
    '（境）费',
    '公务用车购置及运行费',
    '公务接待费',
    '合计 公务用车购置费 公务用车运行费',
    '12.5 12.5 12.5',
    '第三部分 情况说明',
    ...statement,
  ].join('\n');

describe('spaced “三公” table: a collapsed row placed by the items the text states', () => {
  const rowOf = (statement: string[]) => parseSpacedTables(toSourceLines(threePublic(statement))).tables[0].rows[0];

  it('the text stating 购置 0 and 运行 12.50 places the third amount under 运行费', () => {
    const row = rowOf(['“三公”经费预算数为12.50万元，其中：因公出国（境）费0万元，公务用车购置费0万元，公务用车运行', '费12.50万元，公务接待费0万元。']);
    expect(row.values).toEqual({
      total: 12.5, 'outbound-travel': null, vehicles: 12.5, 'vehicle-purchase': null, 'vehicle-operation': 12.5, reception: null,
    });
    expect(row).toMatchObject({ flag: null, uncertain: [] });
  });

  it('without such a statement, or with two different amounts for 购置费, the row stays flagged', () => {
    for (const statement of [[], ['公务用车购置费0万元，上年公务用车购置费12.50万元。']]) {
      const row = rowOf(statement);
      expect(row.values).toMatchObject({ 'vehicle-purchase': null, 'vehicle-operation': null });
      expect(row.uncertain).toEqual(['vehicle-purchase', 'vehicle-operation']);
      expect(row.flag).toMatch(/种填法都符合表内的合计关系/);
    }
  });

  it('运行费 stated 12.50 places the row; stated with a comma out of place (`1,2.50`) it decides nothing', () => {
    expect(rowOf(['公务用车运行费12.50万元。']).values).toMatchObject({ 'vehicle-purchase': null, 'vehicle-operation': 12.5 });
    const row = rowOf(['公务用车运行费1,2.50万元。']);
    expect(row.values).toMatchObject({ 'vehicle-purchase': null, 'vehicle-operation': null });
    expect(row.uncertain).toEqual(['vehicle-purchase', 'vehicle-operation']);
  });
});

// A made-up 支出总表 in the layout of 北京 民政局 2026 预算03表 as `pdftotext -raw` prints it (L66-L247): five parts
// after 合计, no 类 or 款 rows, and a 合计 row printing two of its parts. 合计 = the sum of the parts holds for any two
// of them, so only a figure stated in the text tells which: here 基本支出 100.00 and 项目支出 50.00 (lines 9-10).
const flatSummary = (statement: string[]) =>
  [
    '2026年部门支出总表',
    '单位：万元',
    '科目编码 科目名称 合计 基本支出 项目支出 事业单位经营支出 上缴上级支出 对附属单位补助支出',
    '2080201 行政运行 100.00 80.00 20.00',
    '2080299 其他民政管理事务支出 30.00 30.00',
    '2101101 行政单位医疗 20.00 20.00',
    '合计 150.00 100.00 50.00',
    '第三部分 情况说明',
    ...statement,
  ].join('\n');

describe('spaced 支出总表: a 合计 row printing two of five parts, placed by the figures the text states', () => {
  const tableOf = (statement: string[]) => parseSpacedTables(toSourceLines(flatSummary(statement))).tables[0];

  it('基本支出 100.00 and 项目支出 50.00 stated: the 合计 row, and by the column sums every row, placed', () => {
    const t = tableOf(['（一）基本支出。基本支出预算 100.00 万元，占本年支出预算 66.67%。', '（二）项目支出。项目支出预算 50.00 万元。']);
    // As 长沙 教育 2026 -raw L111 states them: `其中，基本支出 386.73 万元，项目支出 270.00 万元`.
    expect(tableOf(['支出预算150.00万元，其中，基本支出 100.00 万元，项目支出 50.00 万元。']).rows.map((r) => r.values)).toEqual(t.rows.map((r) => r.values));
    const none = { operating: null, 'remit-superior': null, 'subsidy-to-affiliated': null };
    expect(t.rows.map((r) => r.values)).toEqual([
      { total: 100, basic: 80, project: 20, ...none },
      // 基本支出 100.00 = 80.00 + 20.00 (line 6), so line 5's 30.00 is 项目支出 (50.00 = 20.00 + 30.00).
      { total: 30, basic: null, project: 30, ...none },
      { total: 20, basic: 20, project: null, ...none },
      { total: 150, basic: 100, project: 50, ...none },
    ]);
    expect(t.rows.every((r) => r.flag === null)).toBe(true);
  });

  it('without the statement, or with only the figure of another table (一般公共预算基本支出), the parts stay open', () => {
    for (const statement of [[], ['2026年一般公共预算基本支出100.00万元，项目支出增加50.00万元。']]) {
      const total = tableOf(statement).rows[3];
      expect(total.values).toMatchObject({ total: 150, basic: null, project: null });
      expect(total.flag).toMatch(/种填法都符合表内的合计关系/);
    }
  });
});

// Single-space text as `pdftotext -raw` gives it for the other provinces' PDFs (福州, 烟台): no 编制部门 line, a numbered
// heading over the table's full title, `单位：万元` between the title and the header, and 款 and 项 both printed as two
// digits with nothing to tell them apart but the sums. A made-up department, in that layout.
const rawExtraction = [
  '第二部分 部门预算表',
  '一、收支预算总表',
  '2026 年度收支预算总表',
  '单位：万元',
  '收入 支出',
  '项目 预算数 项目 预算数',
  '一、一般公共预算拨款收入 100.00 一、一般公共服务支出',
  '二、政府性基金预算拨款收入 二、教育支出 60.00',
  '三、节能环保支出',
  '四、农林水支出 40.00',
  '本年收入合计 100.00 本年支出合计 100.00',
  '三、支出预算总表',
  '2026 年度支出预算总表',
  '单位：万元',
  '科目编码 科目名称 合计 基本支出 项目支出',
  '205 教育支出 60.00 60.00',
  '08 进修及培训 60.00 60.00',
  '03 培训支出 20.00 20.00',
  '99 其他进修及培训 40.00 40.00',
  '213 农林水支出 40.00 40.00',
  '01 农业农村 30.00 30.00',
  '01 行政运行 30.00 30.00',
  '03 水利 10.00 10.00',
  '01 行政运行 10.00 10.00',
  '合 计 100.00 100.00',
  '第三部分 情况说明',
];

describe('spaced tables of a raw extraction', () => {
  const result = parseSpacedTables(toSourceLines(rawExtraction.join('\n')));

  it('finds each table from its title and header, with the full title and the heading above it', () => {
    expect(result.tables.map((t) => [t.kind, t.title, t.unit, t.lines.first, t.lines.last])).toEqual([
      ['income-expenditure-summary', '2026 年度收支预算总表', '万元', 2, 11],
      ['expenditure-summary', '2026 年度支出预算总表', '万元', 12, 25],
    ]);
  });

  it('keeps an expenditure item named by its 类 (三、节能环保支出) inside the two-sided table', () => {
    const names = result.tables[0].rows.map((r) => r.name);
    expect(names).toContain('三、节能环保支出');
    expect(result.tables[0].rows.find((r) => r.name === '四、农林水支出')?.values.total).toBe(40);
  });

  it('tells a 项 from a 款 by the sums: a 款 takes 项 until they add up to it', () => {
    expect(result.tables[1].rows.map((r) => [r.code, r.level])).toEqual([
      ['205', 1],
      ['20508', 2],
      ['2050803', 3],
      ['2050899', 3],
      ['213', 1],
      ['21301', 2],
      ['2130101', 3],
      ['21303', 2],
      ['2130301', 3],
      [null, null],
    ]);
  });
});

// A 基本支出 table printed as two lists side by side, 人员经费 left and 公用经费 right, as 佛山's 2019 决算 prints its
// 一般公共预算财政拨款基本支出决算表 (L335–L359 of its `pdftotext -raw` text), with made-up amounts
// (tests/fixtures/two-lists.txt): each line holds a row of each list.
const twoLists = readFileSync(new URL('../fixtures/two-lists.txt', import.meta.url), 'utf8');

describe('a 基本支出 table printed as two lists', () => {
  const [table] = parseSpacedTables(toSourceLines(twoLists)).tables;

  it('reads a row of each list from every line, each in its list’s column', () => {
    expect(table.columns.map((c) => c.key)).toEqual(['personnel', 'public']);
    expect(table.rows.map((r) => [r.code, r.name, r.values])).toEqual([
      ['301', '工资福利支出', { personnel: 150 }],
      ['302', '商品和服务支出', { public: 30 }],
      ['30101', '基本工资', { personnel: 100 }],
      ['30201', '办公费', { public: 10 }],
      ['30102', '津贴补贴', { personnel: 50 }],
      ['30211', '差旅费', { public: 20 }],
      [null, '人员经费合计', { personnel: 150 }],
      [null, '公用经费合计', { public: 30 }],
    ]);
    expect(table.rows.map((r) => r.lines.first)).toEqual([5, 5, 6, 6, 7, 7, 8, 8]);
  });
});

// 基本支出 broken down into 人员 and 公用 beside it, as 烟台's 一般公共预算支出情况表 prints it (L369–L397 of its
// `pdftotext -raw` text: 合计 / 基本支出 小计 人员支出 日常公用支出 / 项目支出), continued on a second page whose first
// rows are 项 of the 款 the first page ended in.
const pageHead = [
  '一般公共预算支出情况表',
  '部门（单位）：某市某某局 单位：万元',
  '科目编码',
  '科目名称 合 计',
  '基本支出',
  '项目支出',
  '类 款 项 小 计 人员支出 日常公用支出',
];
const brokenDown = [
  ...pageHead,
  '合 计 100.00 60.00 50.00 10.00 40.00',
  '213 农林水支出 100.00 60.00 50.00 10.00 40.00',
  '03 水利 100.00 60.00 50.00 10.00 40.00',
  '01 行政运行 60.00 60.00 50.00 10.00',
  '公开表5',
  ...pageHead,
  '06 水利工程运行与维护 30.00 30.00',
  '99 其他水利支出 10.00 10.00',
];

describe('a spaced table whose 基本支出 is broken down beside it', () => {
  const [table] = parseSpacedTables(toSourceLines(brokenDown.join('\n'))).tables;

  it('has the parts as columns after 基本支出, and 项 after a page break still under their 款', () => {
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'personnel', 'public', 'project']);
    const byCode = (c: string) => table.rows.find((r) => r.code === c)!;
    expect(byCode('2130301').values).toEqual({ total: 60, basic: 60, personnel: 50, public: 10, project: null });
    expect(byCode('2130306').values).toMatchObject({ total: 30, project: 30 });
    expect(byCode('2130399').values).toMatchObject({ total: 10, project: 10 });
    expect(table.rows.filter((r) => r.code?.length === 5).map((r) => r.code)).toEqual(['21303']);
  });

  it('reads no row from what the page adds above the repeated title (公开表5)', () => {
    expect(table.rows.map((r) => r.name)).not.toContain('公开表5');
  });
});

describe('a year printed apart from its 年 in a header', () => {
  it('is no amount: the header line stays header (深圳 支出总表, L1777 of its pdftotext -raw text)', () => {
    const lines = toSourceLines(['2026 年政府采购项目', '科目编码 科目名称 支出总计 基本支出 项目支出', '205 教育支出 53.60 0.00 53.60'].join('\n'));
    // Lines 1–2 are the header, line 3 the data: two header rows, and no notes.
    expect(rowMarks(lines.map((_, i) => blockRow('spaced', lines, i)))).toEqual({ headerRows: 2, notesFrom: 3 });
  });
});

// A 收支总表 whose totals line lost its labels (`120 120`), and an amount on a line of its own under a wrapped
// expenditure name (`城乡社区支` / `出` / `20`): only the identities tell the one from the other.
const summaryLines = (totals: string) => [
  '2024年部门收支总表',
  '编制单位：某县住房和城乡建设局 单位：万元',
  '项目 预算数 项目 预算数',
  '一、一般公共预算拨款收入 100 201 一般公共服务支出 100',
  '城乡社区支',
  '出',
  '20',
  '本年收入合计 100 本年支出合计 120',
  '上年结转 20',
  totals,
  '第三部分 情况说明',
];

describe('a line of amounts alone in a 收支总表', () => {
  it('is the totals line when it is 本年收入合计 + 上年结转 and the table prints no labelled total', () => {
    const result = parseSpacedTables(toSourceLines(summaryLines('120 120').join('\n')));
    const totals = result.tables[0].rows.filter((r) => r.lines.first === 10);
    expect(totals.map((r) => [r.name, r.values.total])).toEqual([['收入总计', 120], ['支出总计', 120]]);
    // The lone 20 (L7) is not 本年收入合计 + 上年结转 = 120: no total, and no row can be told for it.
    expect(result.tables[0].rows.filter((r) => r.lines.first === 7)).toEqual([]);
    expect(result.unparsed).toContainEqual(expect.objectContaining({ lines: { first: 7, last: 7 }, text: '20' }));
  });

  it('is left out, with its line, when the table prints its totals with their labels', () => {
    const result = parseSpacedTables(toSourceLines(summaryLines('收入总计 120 支出总计 120').join('\n')));
    const income = result.tables[0].rows.find((r) => r.texts.side === 'income' && r.name === '收入总计')!;
    expect(income).toMatchObject({ values: { total: 120 }, lines: { first: 10 } });
    expect(result.unparsed).toContainEqual(expect.objectContaining({ lines: { first: 7, last: 7 }, text: '20' }));
  });
});

describe('a 收支总表 line printing more than two sides', () => {
  it('gives its amounts to no row when a name still holds an amount (收入 | 功能分类 | 经济分类)', () => {
    const text = [
      '2024年部门收支总表',
      '编制单位：某县交通运输局 单位：万元',
      '项目 预算数 项目 预算数',
      '1 一、财政拨款 100 一、一般公共服务支出 100 一、工资福利支出 60',
      '收入总计 100 支出总计 100',
      '第三部分 情况说明',
    ];
    const result = parseSpacedTables(toSourceLines(text.join('\n')));
    const onLine4 = result.tables[0].rows.filter((r) => r.lines.first === 4);
    expect(onLine4.map((r) => [r.texts.side, r.values.total])).toEqual([['income', 100], ['expenditure', null]]);
    expect(result.unparsed).toContainEqual(expect.objectContaining({ lines: { first: 4, last: 4 } }));
  });
});

// Made-up rows in the layout of 杭州 表3 (L658-L660) and 深圳 项目支出总表 (L4740-L4742) in -layout text with its runs of
// spaces made one: an amount too wide for its cell wrapped after its first decimal, the piece above the row's line and
// the last digit below it. 合计 800.10 = 基本支出 150.00 + 项目支出 650.10; 城乡社区支出 650.10 = 项目支出 650.10.
describe("spaced: an amount wrapped around its row's line, spaces collapsed", () => {
  const read = (rows: string[]) =>
    parseSpacedTables(toSourceLines(['2026年部门支出预算总表', '单位：万元', '科目名称 合计 基本支出 项目支出', ...rows, '第三部分 情况说明'].join('\n')));

  it("puts it last where the row's first amount is the 合计 of the others with it, and reads no row of its pieces", () => {
    const { tables, unparsed } = read([' 650.1', '合计 800.10 150.00', ' 0', '205 教育支出 150.00 150.00', ' 650.1', '212 城乡社区支出 650.10', ' 0']);
    expect(tables[0].rows.map((r) => [r.name, r.values, r.lines])).toEqual([
      ['合计', { total: 800.1, basic: 150, project: 650.1 }, { first: 4, last: 6 }],
      ['教育支出', { total: 150, basic: 150, project: null }, { first: 7, last: 7 }],
      ['城乡社区支出', { total: 650.1, basic: null, project: 650.1 }, { first: 8, last: 10 }],
    ]);
    expect(unparsed).toEqual([]);
  });

  it('puts it first where it is the 合计 of the others (811.97 = 677.00 + 134.97)', () => {
    const { tables } = read([' 811.9', '合计 677.00 134.97', ' 7']);
    expect(tables[0].rows.map((r) => [r.name, r.values])).toEqual([['合计', { total: 811.97, basic: 677, project: 134.97 }]]);
  });

  it("takes the name's pieces above and below as well, where the name is centred on the row's line", () => {
    // 深圳 L4906–L4910: ` 深圳市深圳河湾流域` / ` 235,419.2` / `管理中心（深圳市治理深 182,653.26 52,765.99 …` / ` 5` / `圳河办公室）`.
    const { tables } = read([' 某市河湾流域', ' 811.9', '管理中心（某市治理 677.00 134.97', ' 7', '河办公室）', '水务发展资金 5.00 5.00']);
    expect(tables[0].rows.map((r) => [r.name, r.values.total, r.lines])).toEqual([
      ['某市河湾流域管理中心（某市治理河办公室）', 811.97, { first: 4, last: 8 }],
      ['水务发展资金', 5, { first: 9, last: 9 }],
    ]);
  });

  it('joins nothing where it could go first or last and the cells differ (117.68 first or after 0.00)', () => {
    const { tables } = read([' 117.6', '污水处理服务费 117.68 0.00', ' 8']);
    expect(tables[0].rows.find((r) => r.name === '污水处理服务费')!.lines).toEqual({ first: 5, last: 5 });
  });
});

// A made-up 支出总表 printing names and no codes (as 杭州 表3 in pdftotext -raw): 合计 200.00 = 教育支出 30.00 +
// 农林水支出 170.00 in each column (基本支出 100.00 = 0 + 100.00, 项目支出 100.00 = 30.00 + 70.00).
describe('spaced: a table printing no code, its 类 known by their names', () => {
  const read = (classRow: string) =>
    parseSpacedTables(
      toSourceLines(
        ['2026年部门支出总体情况表', '单位：万元', '科目名称 合计 基本支出 项目支出', '合计 200.00 100.00 100.00', '教育支出 30.00 30.00', '进修及培训 30.00 30.00', classRow, '农业农村 170.00 100.00 70.00', '第三部分 情况说明'].join('\n'),
      ),
    ).tables[0];

  it('codes each 类 row, saying the print gives no code, and places its amounts by total = the sum of the 类', () => {
    const table = read('农林水支出 170.00 100.00 70.00');
    expect(table.rows.map((r) => r.code)).toEqual([null, '205', null, '213', null]);
    const education = table.rows[1];
    expect(education.texts.codeFrom).toBe('原文未印编码，按支出功能分类的类名确定');
    expect(education.values).toEqual({ total: 30, basic: null, project: 30 });
  });

  it('codes none where the rows named as 类 do not add up to the total (a 类 printed under a name of its own)', () => {
    expect(read('农林水事务 170.00 100.00 70.00').rows.every((r) => r.code === null)).toBe(true);
  });
});

// A made-up 支出总体情况表 in single-space text whose amounts are grouped by thousands with a space (`2 700.00`): the
// text cannot tell one amount from a count beside an amount (西安 2022 政府采购, spaces collapsed, L1842
// `…管理处 2 166.00`: 数量 2, 预算金额 166.00), so only the table's sums may join a group to the amount after it.
const spacedThousands = (rows: string[]) =>
  ['2024年部门支出总体情况表', '编制单位：某县农业农村局 单位：万元', '项目 合计 基本支出 项目支出', '科目编码 科目名称', ...rows, '第三部分 情况说明'].join('\n');

describe('spaced tables: amounts grouped by thousands with a space', () => {
  it('joins a group to the amount after it where the sums hold only so: 2 700.00 = 1 900.00 + 800.00', () => {
    // Lines 5–9: read apart, 700.00 ≠ 900.00 + 800.00 and 行政运行 900.00 + 800.00 ≠ 农业农村 700.00.
    const result = parseSpacedTables(
      toSourceLines(
        spacedThousands([
          '213 农林水支出 2 700.00 1 900.00 800.00',
          '213 01 农业农村 2 700.00 1 900.00 800.00',
          '213 01 01 行政运行 1 900.00 1 900.00',
          '213 01 99 其他农业农村支出 800.00 800.00',
          '合计 2 700.00 1 900.00 800.00',
        ]),
      ),
    );
    const [table] = result.tables;
    expect(table.rows.map((r) => r.values)).toEqual([
      { total: 2700, basic: 1900, project: 800 },
      { total: 2700, basic: 1900, project: 800 },
      { total: 1900, basic: 1900, project: null },
      { total: 800, basic: null, project: 800 },
      { total: 2700, basic: 1900, project: 800 },
    ]);
    expect(table.rows.every((r) => r.flag === null)).toBe(true);
    expect(result.unparsed).toEqual([]);
  });

  it('flags a row the sums read either way: 2 700.00 2 200.00 500.00 holds joined and as 2 | 700.00 2 | 200.00 500.00', () => {
    // Line 9 (合计): the groups `2` and `2` may be 2,700.00 / 2,200.00 or a column the header does not name beside
    // 700.00 / 200.00, and 700.00 = 200.00 + 500.00 as 2,700.00 = 2,200.00 + 500.00. Before, 700 / 200 / 500 were read
    // and the `2`s called another column's, unflagged.
    const result = parseSpacedTables(
      toSourceLines(
        spacedThousands([
          '213 农林水支出 2 700.00 2 200.00 500.00',
          '213 01 农业农村 2 700.00 2 200.00 500.00',
          '213 01 01 行政运行 2 200.00 2 200.00',
          '213 01 99 其他农业农村支出 500.00 500.00',
          '合计 2 700.00 2 200.00 500.00',
        ]),
      ),
    );
    const total = result.tables[0].rows[4];
    expect(total.values).toEqual({ total: null, basic: null, project: 500 });
    expect(total.flag).toMatch(/可能是按千位分组的一个数.*表内的合计关系定不下来/);
    expect(result.unparsed).toContainEqual({ lines: { first: 9, last: 9 }, text: '2 700.00 2 200.00', reason: expect.stringMatching(/^「合计」行的这些数：单个空格隔开的数字可能是按千位分组的一个数/) });
    // 其他农业农村支出 (line 8) prints no group: read as before.
    expect(result.tables[0].rows[3]).toMatchObject({ values: { total: 500, basic: null, project: 500 }, flag: null });
  });
});

describe('thousandsReadings', () => {
  const tokens = (...texts: string[]) => texts.map((text) => ({ text, value: Number(text) }));
  it('reads a run of groups ending in decimals as one amount, joined or apart', () => {
    expect(thousandsReadings(tokens('12', '345', '678.00'))).toContainEqual({ runs: [3], values: [12345678], outside: [false] });
    expect(thousandsReadings(tokens('12', '345', '678.00'))).toContainEqual({ runs: [1, 2], values: [12, 345678], outside: [false, false] });
    expect(thousandsReadings(tokens('2', '166.00'))).toEqual([
      { runs: [2], values: [2166], outside: [false] },
      { runs: [1, 1], values: [2, 166], outside: [true, false] },
    ]);
  });
  it('joins no group opening with 0, no run without decimals, and no group of four digits', () => {
    expect(thousandsReadings(tokens('0', '700.00'))).toEqual([]);
    expect(thousandsReadings(tokens('2', '166'))).toEqual([]);
    expect(thousandsReadings(tokens('1000', '166.00'))).toEqual([]);
  });
});
