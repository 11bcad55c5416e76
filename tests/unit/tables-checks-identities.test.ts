import { describe, expect, it } from 'vitest';
import type { Table, TableRow } from '../../src/schema/table.ts';
import { checkTables } from '../../src/ingest/tables/table-checks.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseAlignedTables } from '../../src/ingest/tables/aligned/index.ts';

function r(partial: Partial<TableRow> & { values: TableRow['values'] }): TableRow {
  return {
    code: null, codeScheme: null, level: null, name: '', texts: {}, group: null, role: 'data', flag: null, uncertain: [],
    lines: { first: 1, last: 1 }, ...partial,
  };
}

const table = (rows: TableRow[]): Table => ({
  id: 't1', kind: 'expenditure-summary', title: '支出总体情况表', titleInferred: false, kindInferred: false, unit: '万元', declaredEmpty: false, cells: 'positioned', notes: [],
  columns: [{ key: 'total', label: '合计' }, { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }],
  rows, lines: { first: 1, last: 5 },
});

describe('checkTables on a synthetic table', () => {
  const rows = [
    r({ code: '213', codeScheme: 'function', level: 1, name: '农林水支出', values: { total: 100, basic: 60, project: 40 } }),
    r({ code: '21305', codeScheme: 'function', level: 2, name: '扶贫', values: { total: 100, basic: 60, project: 40 } }),
    r({ code: '2130501', codeScheme: 'function', level: 3, name: '行政运行', values: { total: 60, basic: 60, project: null } }),
    r({ code: '2130502', codeScheme: 'function', level: 3, name: '一般行政管理事务', values: { total: 41, basic: null, project: 41 } }),
    r({ name: '合计', role: 'total', values: { total: 100, basic: null, project: 40 }, uncertain: ['basic'] }),
  ];
  const checks = checkTables([table(rows)]);
  const status = (id: string) => checks.find((c) => c.id === id)?.status;

  it('reports a child that does not add up, per column', () => {
    expect(status('t1:parent-sum:21305:total')).toBe('fail');
    expect(status('t1:parent-sum:21305:basic')).toBe('pass');
    expect(checks.find((c) => c.id === 't1:parent-sum:21305:project')).toMatchObject({ expected: 40, actual: 41 });
  });

  it('checks 合计 = 基本 + 项目 per row, blank cells as zero', () => {
    expect(status('t1:row:2130501:total')).toBe('pass');
    expect(status('t1:row:2130502:total')).toBe('pass');
  });

  it('an uncertain cell makes its checks not-checkable, never pass', () => {
    expect(status('t1:total-sum:basic')).toBe('not-checkable');
    expect(status('t1:row:r5:total')).toBe('not-checkable');
    expect(status('t1:total-sum:total')).toBe('pass');
  });
});

describe('checkTables on a synthetic two-sided final-accounts summary', () => {
  const income = { side: 'income' };
  const spending = { side: 'expenditure' };
  const rows = [
    r({ name: '一般公共预算财政拨款收入', texts: income, values: { actual: 90 } }),
    r({ code: '201', codeScheme: 'function', level: 1, name: '一般公共服务支出', texts: spending, values: { total: 95 } }),
    r({ name: '本年收入合计', role: 'total', texts: income, values: { actual: 90 } }),
    r({ name: '本年支出合计', role: 'total', texts: spending, values: { total: 95 } }),
    r({ name: '年初结转和结余', texts: income, values: { actual: 10 } }),
    r({ name: '年末结转和结余', texts: spending, values: { total: 5 } }),
    r({ name: '总计', role: 'total', texts: income, values: { actual: 100 } }),
    r({ name: '总计', role: 'total', texts: spending, values: { total: 100 } }),
  ];
  const summary: Table = {
    ...table(rows), kind: 'income-expenditure-summary', columns: [{ key: 'actual', label: '决算数' }, { key: 'total', label: '合计' }],
  };
  const checks = checkTables([summary]);

  it('sums the 类 rows to the year sub-total only', () => {
    expect(checks.filter((c) => c.id.startsWith('t1:total-sum:expenditure:total'))).toEqual([
      expect.objectContaining({ status: 'pass', expected: 95, actual: 95 }),
    ]);
  });

  it('compares the grand totals, each in its side\'s column', () => {
    expect(checks.find((c) => c.id === 't1:income-equals-expenditure')).toMatchObject({ status: 'pass', expected: 100, actual: 100 });
  });
});

describe('checkTables on a 三公 table with 预算数 / 决算数 under every item', () => {
  const keys = ['total', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception'];
  const columns = keys.flatMap((k) => [{ key: `${k}-budget`, label: `${k}预算数` }, { key: `${k}-actual`, label: `${k}决算数` }]);
  const row = r({
    values: {
      'total-budget': 10, 'total-actual': 8, 'outbound-travel-budget': 0, 'outbound-travel-actual': 0, 'vehicles-budget': 6,
      'vehicles-actual': 5, 'vehicle-purchase-budget': 0, 'vehicle-purchase-actual': 0, 'vehicle-operation-budget': 6,
      'vehicle-operation-actual': 4, 'reception-budget': 4, 'reception-actual': 3,
    },
  });
  const checks = checkTables([{ ...table([row]), kind: 'three-public-expenditure', columns }]);
  const byId = (id: string) => checks.find((c) => c.id === id);

  it('checks the item identities within each stage', () => {
    expect(byId('t1:row:r1:total-budget')).toMatchObject({ status: 'pass', expected: 10, actual: 10 });
    expect(byId('t1:row:r1:vehicles-budget')).toMatchObject({ status: 'pass', expected: 6, actual: 6 });
    // 5 ≠ 0 + 4: the 决算 vehicles figure does not add up.
    expect(byId('t1:row:r1:vehicles-actual')).toMatchObject({ status: 'fail', expected: 5, actual: 4 });
    expect(byId('t1:row:r1:total-actual')).toMatchObject({ status: 'pass', expected: 8, actual: 8 });
  });
});

describe('checkTables on a 固定资产占用情况表', () => {
  const rows = [
    r({ name: '资产总额', values: { quantity: null, value: 100 } }),
    r({ name: '1、房屋（平方米）', values: { quantity: 500, value: 60 } }),
    r({ name: '其中:办公用房(平方米）', values: { quantity: 300, value: 40 } }),
    r({ name: '2、车辆（台、辆）', values: { quantity: 2, value: 30 } }),
    r({ name: '3、其他固定资产', values: { quantity: null, value: 9 } }),
  ];
  const assets: Table = {
    ...table(rows), kind: 'fixed-assets', columns: [{ key: 'quantity', label: '数量' }, { key: 'value', label: '价值' }],
  };

  it('sums the numbered items only (其中 is part of an item), and not the 数量 column', () => {
    const checks = checkTables([assets]).filter((c) => c.id.startsWith('t1:assets-sum'));
    // 60 + 30 + 9 = 99 ≠ 100.
    expect(checks).toEqual([expect.objectContaining({ id: 't1:assets-sum:value', status: 'fail', expected: 100, actual: 99 })]);
  });
});

describe('checkTables: 收支总表 against 收入总表, with and without a 上年结转 column', () => {
  const income = { side: 'income' };
  const spending = { side: 'expenditure' };
  const summary: Table = {
    ...table([
      r({ name: '一般公共预算', texts: income, values: { total: 90 } }),
      r({ code: '201', codeScheme: 'function', level: 1, name: '一般公共服务支出', texts: spending, values: { total: 100 } }),
      r({ name: '本年收入合计', role: 'total', texts: income, values: { total: 90 } }),
      r({ name: '本年支出合计', role: 'total', texts: spending, values: { total: 100 } }),
      r({ name: '上年结转结余', texts: income, values: { total: 10 } }),
      r({ name: '收入总计', role: 'total', texts: income, values: { total: 100 } }),
      r({ name: '支出总计', role: 'total', texts: spending, values: { total: 100 } }),
    ]),
    kind: 'income-expenditure-summary',
    columns: [{ key: 'total', label: '预算数' }],
  };
  const incomeTable = (columns: Table['columns'], values: TableRow['values']): Table => ({
    ...table([r({ name: '合计', role: 'total', values })]),
    id: 't2',
    kind: 'income-summary',
    columns,
  });

  it('a 总计 that adds 上年结转结余 (杭州 表2) is the summary’s 收入总计', () => {
    const t2 = incomeTable(
      [{ key: 'total', label: '总计' }, { key: 'general', label: '一般公共预算' }, { key: 'carryover', label: '上年结转结余' }],
      { total: 100, general: 90, carryover: 10 },
    );
    expect(checkTables([summary, t2]).find((c) => c.id === 'x:summary-vs-income:total')).toMatchObject({ status: 'pass', expected: 100, actual: 100 });
  });

  it('a 合计 of the year’s income only (上海 收入决算表 本年收入合计) is the summary’s 本年收入合计', () => {
    const t2 = incomeTable([{ key: 'total', label: '本年收入合计' }, { key: 'general', label: '一般公共预算' }], { total: 90, general: 90 });
    expect(checkTables([summary, t2]).find((c) => c.id === 'x:summary-vs-income:total')).toMatchObject({ status: 'pass', expected: 90, actual: 90 });
  });
});

// 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (tables-checks-balance.test.ts reads it from text).
const BALANCE = ['opening-balance', 'income', 'expenditure', 'basic', 'project', 'closing-balance'];

const fundTable = (keys: readonly string[], rows: TableRow[]): Table => ({
  id: 't1', kind: 'government-fund-expenditure', title: '政府性基金预算财政拨款收入支出决算表', titleInferred: false, kindInferred: false, unit: '万元',
  declaredEmpty: false, cells: 'positioned', notes: [], columns: keys.map((key) => ({ key, label: key })), rows, lines: { first: 1, last: 5 },
});

describe('the balance check on parsed rows', () => {
  const values = { 'opening-balance': 10, income: 60, expenditure: 50, basic: 0, project: 50, 'closing-balance': 20 };

  it('a cell not placed with certainty makes it not-checkable, never a guess', () => {
    const row = r({ code: '2120801', name: '征地和拆迁补偿支出', values: { ...values, income: null }, uncertain: ['income'] });
    const [check] = checkTables([fundTable(BALANCE, [row])]).filter((c) => c.id.endsWith(':closing-balance'));
    expect(check).toMatchObject({ status: 'not-checkable', expected: 20, actual: null });
  });

  it('not asserted beside a column that moves the balance or that no template names', () => {
    // 用事业基金弥补收支差额 (a template's column between 本年收入 and 本年支出) reads as no template column: c3.
    const keys = ['opening-balance', 'income', 'c3', 'expenditure', 'basic', 'project', 'closing-balance'];
    const checks = checkTables([fundTable(keys, [r({ name: '合计', role: 'total', values: { ...values, c3: 5 } })])]);
    expect(checks.filter((c) => c.id.includes(':row:'))).toEqual([]);
  });

  it('not asserted without one of its columns', () => {
    const keys = BALANCE.filter((k) => k !== 'income');
    const checks = checkTables([fundTable(keys, [r({ name: '合计', role: 'total', values })])]);
    expect(checks.filter((c) => c.id.endsWith(':closing-balance'))).toEqual([]);
  });
});

describe('the 财政拨款 summary against the 一般公共预算 table, class by class', () => {
  // A 决算 whose 财政拨款收入支出决算表 prints one column for all funds holds the 政府性基金 spending too: a class that the
  // 政府性基金 table spends on is left out of the comparison. That table opens with 年初结转和结余 (0 here), and its
  // spending is 本年支出's (佛山 2019 决算 表8, foshan-rail-transit-bureau-2019-final-accounts.txt L632–L644).
  const at = (kind: Table['kind'], columns: string[], rows: TableRow[]): Table => ({
    ...table(rows), id: kind, kind, columns: columns.map((key) => ({ key, label: key })),
  });
  const fn = (code: string, values: TableRow['values']) => r({ code, codeScheme: 'function', level: 1, values });
  const fiscal = at('fiscal-appropriation-summary', ['total'], [fn('201', { total: 10 }), fn('212', { total: 50 })]);
  const general = at('general-budget-expenditure', ['total', 'basic', 'project'], [fn('201', { total: 10, basic: 10, project: 0 })]);
  const fund = at('government-fund-expenditure', ['opening-balance', 'income', 'expenditure', 'basic', 'project', 'closing-balance'], [
    fn('212', { 'opening-balance': 0, income: 50, expenditure: 50, basic: 0, project: 50, 'closing-balance': 0 }),
  ]);

  it('leaves out the classes a 决算 fund table spends on, by its 本年支出', () => {
    const checks = checkTables([fiscal, general, fund]);
    expect(checks.find((c) => c.id === 'x:fiscal-vs-general-budget:201')?.status).toBe('pass');
    expect(checks.find((c) => c.id === 'x:fiscal-vs-general-budget:212')).toBeUndefined();
  });
});

describe('checkTables where the header prints columns the vocabulary does not know under a group', () => {
  // A `pdftotext -layout` 收入总表 written for this test: 上年结转 over 小计 | 基本结余 | 项目结余, labels no vocabulary
  // knows (c6, c7). Line 6 甲单位 leaves 项目结余 blank; line 7 乙单位 prints 上年结转 小计 20.00 over 10.00 + 5.00.
  const text = (lastLabel: string) =>
    [
      '部门收入总表',
      '单位：万元',
      '                                       本年收入                               上年结转',
      `  单位名称         合计         小计     一般公共预算     事业收入         小计     基本结余     ${lastLabel}`,
      '  合计           160.00       130.00       100.00        30.00        30.00        20.00        10.00',
      '  甲单位         110.00       100.00        80.00        20.00        10.00        10.00',
      '  乙单位          50.00        30.00        20.00        10.00        20.00        10.00         5.00',
    ].join('\n');
  const { tables } = parseAlignedTables(toSourceLines(text('项目结余')));
  const checks = checkTables(tables);
  const check = (id: string) => checks.find((c) => c.id === id);

  it("records each column's group from the header", () => {
    expect(tables[0].columns.map((c) => [c.key, c.parent])).toEqual([
      ['total', undefined], ['income', 'total'], ['general', 'income'], ['business', 'income'],
      ['carryover', 'total'], ['c6', 'carryover'], ['c7', 'carryover'],
    ]);
  });

  it("checks the group's 小计 against the columns under it, per row", () => {
    expect(check('t1:row:r1:carryover')).toMatchObject({ status: 'pass', expected: 30, actual: 30, message: '合计：上年结转结余 = 基本结余 + 项目结余' });
    expect(check('t1:row:r2:carryover')).toMatchObject({ status: 'pass', expected: 10, actual: 10 });
    expect(check('t1:row:r3:carryover')).toMatchObject({ status: 'fail', expected: 20, actual: 15 });
  });

  it('still checks the identities the unknown columns are no part of', () => {
    expect(check('t1:row:r1:income')).toMatchObject({ status: 'pass', expected: 130, actual: 130, message: '合计：本年收入 = 一般公共预算 + 事业收入' });
    expect(check('t1:row:r3:income')).toMatchObject({ status: 'pass', expected: 30, actual: 30 });
  });

  it('checks no identity of a row where an unknown column stands under no group', () => {
    // 合计 | 基本支出 | 项目支出 | 备用金 with no header tree over them: 备用金 (c4) may be part of 合计 or not.
    const row = r({ name: '甲单位', values: { total: 100, basic: 60, project: 30, c4: 10 } });
    const t: Table = { ...table([row]), columns: [...table([]).columns, { key: 'c4', label: '备用金' }] };
    expect(checkTables([t]).filter((c) => c.id.includes(':row:'))).toEqual([]);
  });
});
