import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// The balance of a 部门决算 收入支出决算表 row: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (the national
// template's 政府性基金 / 国有资本经营预算财政拨款收入支出决算表, ../shared/samples/national-final-accounts-template.txt
// L339–L368).

const BALANCE_COLUMNS = ['opening-balance', 'income', 'expenditure', 'basic', 'project', 'closing-balance'];

/**
 * A fixture of our own, laid out as 佛山市轨道交通局 2019 决算 表8 prints it (../shared/samples/other-provinces/
 * foshan-rail-transit-bureau-2019-final-accounts.txt L632–L644, pdftotext -layout), with amounts of our own: every row
 * balances except 2120801, whose 年末结转和结余 25.00 should be 10.00 + 60.00 − 50.00 = 20.00 (its 款 21208 prints the 20.00).
 */
const FIXTURE = [
  '                         政府性基金预算财政拨款收入支出决算表',
  '部门： 某某局                                                                                      单位：万元',
  '',
  '           项   目                                              本年支出',
  '',
  '功能分类                    年初结转和结余       本年收入                                            年末结转和结余',
  '               科目名称                               小计          基本支出        项目支出',
  '科目编码',
  '            栏次             1           2          3            4           5             6',
  '',
  '                 合计           30.00      100.00      110.00       40.00       70.00         20.00',
  '',
  '212       城乡社区支出                30.00      100.00      110.00       40.00       70.00         20.00',
  '21208     土地出让收入安排的支出      30.00       60.00       70.00        0.00       70.00         20.00',
  '2120801   征地和拆迁补偿支出          10.00       60.00       50.00        0.00       50.00         25.00',
  '2120802   土地开发支出                20.00        0.00       20.00        0.00       20.00          0.00',
  '21211     农业土地开发资金支出         0.00       40.00       40.00       40.00        0.00          0.00',
  '2121100   农业土地开发资金支出         0.00       40.00       40.00       40.00        0.00          0.00',
].join('\n');

describe('the balance of a 收入支出决算表 row, read from text', () => {
  const { tables, checks } = parseTables(toSourceLines(FIXTURE));
  const balance = (code: string) => checks.find((c) => c.id === `t1:row:${code}:closing-balance`);

  it('keys the template columns, 本年支出 小计 as its group', () => {
    expect(tables[0].columns.map((c) => c.key)).toEqual(BALANCE_COLUMNS);
    expect(tables[0].rows.find((r) => r.code === '2120801')?.values).toEqual({
      'opening-balance': 10, income: 60, expenditure: 50, basic: 0, project: 50, 'closing-balance': 25,
    });
  });

  it('a row that balances passes; one that does not is a finding, its figures as printed', () => {
    expect(balance('2120802')).toMatchObject({ status: 'pass', expected: 0, actual: 0 });
    expect(balance('212')).toMatchObject({ status: 'pass', expected: 20, actual: 20 });
    expect(balance('2120801')).toMatchObject({
      status: 'fail',
      expected: 25,
      actual: 20,
      message: '2120801 征地和拆迁补偿支出：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出',
    });
    // Its 款 21208 balances at 20.00, so the sum of its 项 (25.00 + 0.00) shows the misprint from the other side.
    expect(balance('21208')).toMatchObject({ status: 'pass', expected: 20, actual: 20 });
    expect(checks.find((c) => c.id === 't1:parent-sum:21208:closing-balance')).toMatchObject({ status: 'fail', expected: 20, actual: 25 });
    const rows = checks.filter((c) => c.id.includes(':row:') && c.id.endsWith(':closing-balance'));
    expect(rows.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['t1:row:2120801:closing-balance']);
    expect(rows.length).toBe(7);
  });

  it('本年支出 = 基本支出 + 项目支出 in every row', () => {
    expect(checks.filter((c) => c.id.endsWith(':row:2121100:expenditure'))).toEqual([
      expect.objectContaining({ status: 'pass', expected: 40, actual: 40, message: '2121100 农业土地开发资金支出：本年支出 = 基本支出 + 项目支出' }),
    ]);
  });
});

// 佛山市轨道交通局 2019 决算 表8 政府性基金预算财政拨款收入支出决算表 (pdftotext -layout, L632–L693): every row prints
// 0.00 six times, so each balances; the empty tables of the Shanghai 决算 (规划和自然资源局 2024 L548–L576) print none.
const SAMPLES = '../shared/samples';
const absent = !existsSync(`${SAMPLES}/other-provinces`);

describe.skipIf(absent)('the balance in the corpus 决算', () => {
  const parse = (file: string) =>
    parseDisclosure(readFileSync(`${SAMPLES}/${file}`, 'utf8'), { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });

  it('佛山 表8: the template columns keyed; 208 and 2296003 balance at 0.00', () => {
    const d = parse('other-provinces/foshan-rail-transit-bureau-2019-final-accounts.txt');
    const t = d.tables.find((x) => x.kind === 'government-fund-expenditure')!;
    expect(t.columns.map((c) => c.key)).toEqual(BALANCE_COLUMNS);
    // L644 `208 社会保障和就业支出 0.00 0.00 0.00 0.00 0.00 0.00`; L691–L693 2296003 用于体育事业的彩票公益金支出, the same.
    for (const [line, code] of [[644, '208'], [691, '2296003']] as const) {
      const row = t.rows.find((x) => x.lines.first === line)!;
      expect(row.code).toBe(code);
      expect(Object.values(row.values)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(d.checks.find((c) => c.id === `${t.id}:row:${code}:closing-balance`)).toMatchObject({ status: 'pass', expected: 0, actual: 0 });
    }
    // Both 合计 rows (L642, and L679 atop the table's second page), and the 14 coded rows: 16 balances, none failing.
    const balances = d.checks.filter((c) => c.id.startsWith(`${t.id}:row:`) && c.id.endsWith(':closing-balance'));
    expect(balances.map((c) => c.status)).toEqual(Array(16).fill('pass'));
  });

  it('上海 规划和自然资源局 2024 决算: the empty fund tables keyed alike, no balance to check', () => {
    const d = parse('shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt');
    const funds = d.tables.filter((x) => x.kind === 'government-fund-expenditure' || x.kind === 'state-capital-expenditure');
    expect(funds.map((t) => t.columns.map((c) => c.key))).toEqual([BALANCE_COLUMNS, BALANCE_COLUMNS]);
    expect(funds.map((t) => t.rows.map((row) => [row.name, row.role, row.lines.first]))).toEqual([[['合计', 'total', 556]], [['合计', 'total', 571]]]);
    expect(d.checks.filter((c) => funds.some((t) => c.id.startsWith(`${t.id}:`)))).toEqual([]);
  });
});
