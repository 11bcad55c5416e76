import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { columnKeyFor } from '../../src/ingest/tables/columns.ts';

// Templates no sample printed (issue 10): a 部门决算 in the national set and a 2016 budget, written as web pages with
// amounts of our own, printed to PDF by Chromium and read back by `pdftotext -layout` (the fixtures are that text).
// Every amount below is one we wrote.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/old-templates/${name}.txt`, import.meta.url), 'utf8');

describe('a 部门决算: 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表 and 基本支出决算表', () => {
  const { tables, checks } = parseTables(toSourceLines(fixture('final-accounts-bands-lists')));
  const [fiscal, general, basic] = tables;
  const row = (t: (typeof tables)[number], code: string) => t.rows.find((r) => r.code === code)?.values;

  it('reads 全年预算数 | 决算数, each over 合计 | 基本支出 | 项目支出, as the two stages of each column', () => {
    expect(general.kind).toBe('general-budget-expenditure');
    expect(general.columns.map((c) => c.key)).toEqual([
      'total-budget', 'basic-budget', 'project-budget', 'total-actual', 'basic-actual', 'project-actual',
    ]);
    expect(row(general, '2130122')).toEqual({
      'total-budget': 1300, 'basic-budget': 0, 'project-budget': 1300, 'total-actual': 1260, 'basic-actual': 0, 'project-actual': 1260,
    });
  });

  it('compares the 财政拨款 summary with what was spent, not with the budget', () => {
    expect(fiscal.kind).toBe('fiscal-appropriation-summary');
    const byClass = (code: string) => checks.find((c) => c.id === `x:fiscal-vs-general-budget:${code}`);
    expect(byClass('213')).toMatchObject({ status: 'pass', expected: 2476.13, actual: 2476.13 });
    expect(byClass('208')).toMatchObject({ status: 'pass', expected: 120.96, actual: 120.96 });
  });

  it('reads 人员经费 | 公用经费, each list with its own 科目编码, though the right label stands over 科目名称', () => {
    expect(basic.kind).toBe('general-budget-basic-expenditure');
    expect(basic.columns.map((c) => c.key)).toEqual(['personnel', 'public']);
    expect(row(basic, '30101')).toEqual({ personnel: 220.5 });
    expect(row(basic, '302')).toEqual({ public: 256.23 });
    expect(row(basic, '30201')).toEqual({ public: 40 });
    expect(row(basic, '31002')).toEqual({ public: 12.8 });
    expect(basic.rows.map((r) => r.code).filter((c) => c?.length === 3)).toEqual(['301', '302', '303', '307', '310']);
    expect(checks.filter((c) => c.id.startsWith('t3:') && c.status === 'fail')).toEqual([]);
  });
});

describe('a 收入支出决算总表 with 行次 and 栏次 1 | 栏次 2 on each side', () => {
  it('keeps each side\'s 总计 on its side: column 1 reaches no further than the income side', () => {
    const { tables, checks } = parseTables(toSourceLines(fixture('final-accounts-summary')));
    const totals = tables[0].rows.filter((r) => r.name === '总计');
    expect(totals.map((r) => [r.texts?.side, r.texts?.rowNumber, r.values])).toEqual([
      ['income', '28', { total: 2913.55 }],
      ['expenditure', '58', { total: 2913.55 }],
    ]);
    expect(checks.find((c) => c.id === 't1:income-equals-expenditure')).toMatchObject({ status: 'pass', expected: 2913.55, actual: 2913.55 });
  });
});

// The rows of the 收入支出决算总表 written by hand below, as side, 行次, name and amount: the amounts are ours, 1,000 +
// 200 = 1,200 and 300 + 850 = 1,150, each side 1,250 with its 结转.
const SHEET_ROWS = [
  ['income', '1', '一、一般公共预算财政拨款收入', 1000],
  ['expenditure', '31', '一、一般公共服务支出', 300],
  ['income', '2', '二、事业收入', 200],
  ['expenditure', '32', '二、教育支出', 850],
  ['income', '3', '', null],
  ['expenditure', '33', '三、农林水支出', null],
  ['income', '24', '本年收入合计', 1200],
  ['expenditure', '54', '本年支出合计', 1150],
  ['income', '26', '年初结转和结余', 50],
  ['expenditure', '56', '年末结转和结余', 100],
  ['income', '28', '总计', 1250],
  ['expenditure', '58', '总计', 1250],
];
const sheetRows = (table: ReturnType<typeof parseTables>['tables'][number]) =>
  table.rows.map((r) => [r.texts?.side, r.texts?.rowNumber, r.name, r.values.total ?? null]);

describe('a 收入支出决算总表 as LibreOffice prints its workbook, its 总计 alone on the next page', () => {
  // Written by hand (final-accounts-summary-sheet.txt) with the columns `pdftotext -layout` gives the probe's print
  // of the 2023 部门决算: 行次 at 34–36 and 77–79, the rows' numbers ending at 30–31 and at 74, the 总计 row on a
  // grid of its own (`总计   28   1,250.00 总计   58   1,250.00`).
  const { tables, checks, unparsed } = parseTables(toSourceLines(fixture('final-accounts-summary-sheet')));
  const rows = sheetRows(tables[0]);

  it('reads the numbers left of 行次 as the rows\' numbers, not as words of their names', () => {
    expect(rows.slice(0, 10)).toEqual(SHEET_ROWS.slice(0, 10));
    expect(tables[0].rows.filter((r) => r.role === 'total').map((r) => r.name)).toEqual(['本年收入合计', '本年支出合计', '总计', '总计']);
  });

  it('fits the 总计 row\'s page to the header\'s 行次 and 金额 columns', () => {
    expect(rows.slice(10)).toEqual(SHEET_ROWS.slice(10));
    expect(unparsed).toEqual([]);
    expect(checks.find((c) => c.id === 't1:income-equals-expenditure')).toMatchObject({ status: 'pass', expected: 1250, actual: 1250 });
    expect(checks.find((c) => c.id === 't1:total-sum:expenditure:total')).toMatchObject({ status: 'pass', expected: 1150 });
  });
});

describe('the same 收入支出决算总表 as `pdftotext -raw` prints it (words one space apart)', () => {
  // Written by hand in -raw's order from final-accounts-summary-sheet.txt: the income side's number printed alone
  // (`3`) opens the line of its row, before the expenditure item.
  const raw = [
    '收入支出决算总表',
    '部门：某县农业农村局 单位：万元',
    '收入 支出',
    '项目 行次 金额 项目 行次 金额',
    '栏次 1 栏次 2',
    '一、一般公共预算财政拨款收入 1 1,000.00 一、一般公共服务支出 31 300.00',
    '二、事业收入 2 200.00 二、教育支出 32 850.00',
    '3 三、农林水支出 33',
    '本年收入合计 24 1,200.00 本年支出合计 54 1,150.00',
    '年初结转和结余 26 50.00 年末结转和结余 56 100.00',
    '总计 28 1,250.00 总计 58 1,250.00',
  ].join('\n');

  it('reads each side\'s 行次 as its row\'s number, the income side\'s number alone as its row, not as words of a name', () => {
    const { tables, unparsed } = parseTables(toSourceLines(raw));
    expect(sheetRows(tables[0])).toEqual(SHEET_ROWS);
    expect(unparsed).toEqual([]);
  });
});

describe('the same 部门决算 as a workbook (tab-separated, as the workbook reader gives its sheets)', () => {
  const { tables, checks } = parseTables(toSourceLines(fixture('final-accounts-workbook')));
  const [summary, general, three] = tables;

  it('reads 行次 as the rows\' numbers and 栏次 1 2 as no labels', () => {
    expect(summary.columns.map((c) => c.key)).toEqual(['total']);
    expect(summary.rows[0]).toMatchObject({ name: '一、一般公共预算财政拨款收入', values: { total: 2692.35 }, texts: { rowNumber: '1' } });
    expect(summary.rows.find((r) => r.code === '213')).toMatchObject({ values: { total: 2646.13 }, texts: { rowNumber: '42' } });
    expect(checks.find((c) => c.id === 't1:income-equals-expenditure')).toMatchObject({ status: 'pass', expected: 2913.55, actual: 2913.55 });
  });

  it('keys 全年预算数 | 决算数 and the 三公 table\'s 预算数 | 决算数 by stage, as the text readers do', () => {
    expect(general.columns.map((c) => c.key)).toEqual([
      'total-budget', 'basic-budget', 'project-budget', 'total-actual', 'basic-actual', 'project-actual',
    ]);
    const inOrder = (t: (typeof tables)[number], r: (typeof tables)[number]['rows'][number]) => t.columns.map((c) => r.values[c.key]);
    expect(inOrder(general, general.rows.find((r) => r.code === '2130122')!)).toEqual([1300, 0, 1300, 1260, 0, 1260]);
    expect(three.columns.map((c) => c.key)).toEqual([
      'total-budget', 'outbound-travel-budget', 'vehicles-budget', 'vehicle-purchase-budget', 'vehicle-operation-budget', 'reception-budget',
      'total-actual', 'outbound-travel-actual', 'vehicles-actual', 'vehicle-purchase-actual', 'vehicle-operation-actual', 'reception-actual',
    ]);
    expect(inOrder(three, three.rows[0])).toEqual([40, 0, 30, 0, 30, 10, 27, 0, 22.4, 0, 22.4, 4.6]);
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});

describe('the 基本支出决算表 as a workbook: 人员经费 | 公用经费, each list its 科目编码 | 科目名称 | 决算数', () => {
  const { tables, checks } = parseTables(toSourceLines(fixture('final-accounts-workbook-lists')));
  const [basic] = tables;
  const row = (name: string) => basic.rows.find((r) => r.name === name);

  it('reads each list\'s codes as codes and its amounts under its own label', () => {
    expect(basic.columns.map((c) => c.key)).toEqual(['personnel', 'public']);
    expect(row('工资福利支出')).toMatchObject({ code: '301', values: { personnel: 814.22 } });
    expect(row('商品和服务支出')).toMatchObject({ code: '302', values: { public: 256.23 } });
    expect(row('办公设备购置')).toMatchObject({ code: '31002', values: { public: 12.8 } });
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('keeps each list\'s total, printed in its code cell', () => {
    expect(row('人员经费合计')?.values.personnel).toBe(862.82);
    expect(row('公用经费合计')?.values.public).toBe(269.03);
  });
});

describe('a 2016 budget: 公共财政拨款, the name of 一般公共预算拨款 before the 2015 budget law', () => {
  it('keys 公共财政拨款 as 一般公共预算', () => {
    expect(columnKeyFor('公共财政拨款')).toBe('general');
    expect(columnKeyFor('公共财政预算拨款')).toBe('general');
  });

  it('compares the 财政拨款收支预算总表 by its 公共财政拨款 column, the 政府性基金 left out', () => {
    const { tables, checks } = parseTables(toSourceLines(fixture('budget-2016-public-finance')));
    expect(tables.map((t) => t.kind)).toEqual(['fiscal-appropriation-summary', 'general-budget-expenditure']);
    expect(tables[0].columns.map((c) => c.key)).toEqual(['total', 'general', 'fund']);
    expect(checks.find((c) => c.id === 'x:fiscal-vs-general-budget:213')).toMatchObject({ status: 'pass', expected: 1275, actual: 1275 });
  });
});
