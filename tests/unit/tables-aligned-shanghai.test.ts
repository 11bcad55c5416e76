import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Table, TableRow } from '../../src/schema/table.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseAlignedTables } from '../../src/ingest/tables/aligned/index.ts';

// `pdftotext -layout` samples in ../shared/samples; expected values read off the cited lines.
const SAMPLES = '../shared/samples';
const PLANNING = `${SAMPLES}/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt`;
const WELFARE = `${SAMPLES}/shanghai-putuo-social-welfare-home-2024-budget.txt`;
const TEMPLATE = `${SAMPLES}/national-final-accounts-template.txt`;
const absent = !existsSync(PLANNING) || !existsSync(WELFARE) || !existsSync(TEMPLATE);
if (absent) console.warn(`skipping aligned-table tests: ${SAMPLES} is not present`);

const parse = (file: string) => parseAlignedTables(toSourceLines(readFileSync(file, 'utf8')));

function row(table: Table, line: number, side?: string): TableRow {
  const found = table.rows.find((r) => r.lines.first === line && (!side || r.texts.side === side));
  if (!found) throw new Error(`${table.id}: no row on line ${line}`);
  return found;
}

describe.skipIf(absent)('Shanghai final accounts (规划和自然资源局 2024 决算), aligned layout', () => {
  const r = absent ? null : parse(PLANNING);
  const tables = r?.tables ?? [];

  it('reads the nine 决算 tables, the empty ones declared empty', () => {
    expect(tables.map((t) => [t.kind, t.rows.length, t.declaredEmpty])).toEqual([
      ['income-expenditure-summary', 40, false], // L193–L220
      ['income-summary', 25, false], // L232–L278
      ['expenditure-summary', 25, false], // L289–L335
      ['fiscal-appropriation-summary', 36, false], // L344–L391
      ['general-budget-expenditure', 25, false], // L402–L459
      ['general-budget-basic-expenditure', 67, false], // L466–L533: 27 人员 codes, 38 公用 codes, 2 合计
      ['three-public-expenditure', 1, false], // L546
      // Their one row is the 合计 printed empty beside 本年支出's sub-labels (L556, L571).
      ['government-fund-expenditure', 1, true], // L562 故本表无数据
      ['state-capital-expenditure', 1, true], // L577
    ]);
    expect(tables.every((t) => t.unit === '万元')).toBe(true);
    expect(r!.unparsed).toEqual([]);
  });

  it('收入支出决算总表: both sides of each line, 类 names read as codes', () => {
    const t = tables[0];
    expect(row(t, 220, 'income')).toMatchObject({ name: '总计', role: 'total', values: { actual: 9859.38 } });
    expect(row(t, 220, 'expenditure')).toMatchObject({ name: '总计', values: { actual: 9859.38 } });
    expect(row(t, 217, 'expenditure')).toMatchObject({ name: '本年支出合计', values: { actual: 9759.38 } });
    expect(row(t, 219, 'income')).toMatchObject({ name: '年初结转和结余', values: { actual: 112.88 } });
    expect(row(t, 210, 'expenditure')).toMatchObject({ code: '220', values: { actual: 4461.67 } });
  });

  it('收入决算表: 7-digit codes run together, wrapped names joined', () => {
    const t = tables[1];
    expect(row(t, 232)).toMatchObject({ role: 'total', values: { total: 9746.5, fiscal: 9746.5 } });
    expect(row(t, 241)).toMatchObject({ code: '2080505', level: 3, name: '机关事业单位基本养老保险缴费支出', values: { total: 446.11, fiscal: 446.11 } });
    expect(row(t, 268)).toMatchObject({ code: '2200150', values: { total: 4416.67, fiscal: 4416.67 } });
  });

  it('支出决算表: 合计 = 基本支出 + 项目支出', () => {
    const t = tables[2];
    expect(row(t, 289).values).toMatchObject({ total: 9759.38, basic: 5377.64, project: 4381.74 });
    expect(row(t, 313)).toMatchObject({ code: '21201', values: { total: 1105.68, basic: 1096.91, project: 8.77 } });
    expect(row(t, 327)).toMatchObject({ code: '2200199', values: { total: 45, basic: 0, project: 45 } });
  });

  it('一般公共预算财政拨款支出决算表: names printed above and below their code line', () => {
    const t = tables[4];
    expect(row(t, 459).values).toMatchObject({ total: 9746.5, basic: 5364.75, project: 4381.74 });
    expect(row(t, 402)).toMatchObject({ code: '208', name: '社会保障和就业支出', values: { total: 754.75, basic: 754.75, project: 0 } });
    expect(row(t, 435)).toMatchObject({ code: '2120101', name: '行政运行', values: { total: 1092.8, basic: 1084.02, project: 8.77 } });
    expect(row(t, 414)).toMatchObject({ code: '2080505', name: '机关事业单位基本养老保险缴费支出', lines: { first: 414, last: 416 } });
  });

  it('基本支出决算表: two economic code lists side by side, names under their codes', () => {
    const t = tables[5];
    expect(t.rows.filter((x) => x.role === 'subtotal').map((x) => [x.name, x.values.actual])).toEqual([
      ['人员经费合计', 4884.09], // L533
      ['公用经费合计', 480.66],
    ]);
    expect(t.rows.find((x) => x.code === '30207')).toMatchObject({ name: '邮电费', values: { actual: 8.05 } }); // L475–L476
    expect(t.rows.find((x) => x.code === '30108')).toMatchObject({ name: '机关事业单位基本养老保险缴费', values: { actual: 446.11 } }); // L472–L474
    expect(t.rows.find((x) => x.code === '31007')).toMatchObject({ name: '信息网络及软件购置更新', values: { actual: 0 } }); // L525–L527
  });
});

describe.skipIf(absent)('Shanghai final accounts: the 三公 table with 预算数 / 决算数 under every item', () => {
  const three = absent ? null : parse(PLANNING).tables[6];
  it('keys each stage by its item (L537–L546)', () => {
    // L546: 2.85 0.39 (合计) … 2.85 0.39 (公务接待费); everything between is 0.00.
    expect(three!.rows[0].values).toMatchObject({
      'total-budget': 2.85,
      'total-actual': 0.39,
      'outbound-travel-actual': 0,
      'vehicle-purchase-actual': 0,
      'vehicle-operation-actual': 0,
      'reception-budget': 2.85,
      'reception-actual': 0.39,
    });
  });

  it('the 小计 pair under 公务用车购置及运行维护费 (L538, L541) is vehicles-budget / vehicles-actual', () => {
    // L544: the 5th and 6th 预算数/决算数 sit under 小计 (L541), which sits under 公务用车购置及运行维护费 (L538).
    expect(three!.columns.map((c) => c.key)).toEqual([
      'total-budget', 'total-actual', 'outbound-travel-budget', 'outbound-travel-actual', 'vehicles-budget', 'vehicles-actual',
      'vehicle-purchase-budget', 'vehicle-purchase-actual', 'vehicle-operation-budget', 'vehicle-operation-actual',
      'reception-budget', 'reception-actual',
    ]);
    expect(three!.rows[0].values).toMatchObject({ 'vehicles-budget': 0, 'vehicles-actual': 0 });
  });
});

describe.skipIf(absent)('Shanghai unit budget (社会福利院 2024), amounts in 元', () => {
  const tables = absent ? [] : parse(WELFARE).tables;

  it('reads the nine tables with the unit each states', () => {
    expect(tables.map((t) => [t.kind, t.rows.length, t.unit])).toEqual([
      ['income-expenditure-summary', 13, '元'], // L90–L107
      ['income-summary', 15, '元'], // L117–L145
      ['expenditure-summary', 15, '元'],
      ['fiscal-appropriation-summary', 9, '元'],
      ['general-budget-expenditure', 15, '元'],
      ['government-fund-expenditure', 1, '元'],
      ['state-capital-expenditure', 1, '元'],
      ['general-budget-basic-expenditure', 27, '元'],
      ['three-public-expenditure', 1, '万元'], // L332 单位:万元
    ]);
    expect(tables[5].declaredEmpty).toBe(true); // L254 故本表为空表
  });

  it('收入预算总表: thousands separators, 类 款 项 in separate columns', () => {
    const t = tables[1];
    expect(row(t, 145).values).toMatchObject({ total: 12121164, fiscal: 9501164, business: 2620000 });
    expect(row(t, 129)).toMatchObject({ code: '20810', values: { total: 9584796, fiscal: 6964796, business: 2620000 } });
    expect(row(t, 121)).toMatchObject({ code: '2080502', name: '事业单位离退休', values: { total: 538440 } });
  });

  it('支出预算总表: `7 11 02` under 21011 rebuilt as 2101102, the print kept', () => {
    const t = tables[2];
    expect(row(t, 183).values).toMatchObject({ total: 12121164, basic: 9501164, project: 2620000 });
    expect(row(t, 175)).toMatchObject({ code: '2101102', texts: { printedCode: '7 11 02' }, values: { total: 503724, basic: 503724 } });
    expect(row(t, 169)).toMatchObject({ code: '2081005', values: { total: 9584796, basic: 6964796, project: 2620000 } });
  });

  it('财务收支预算总表: an amount touching the next name is split from it', () => {
    const t = tables[0];
    expect(row(t, 92, 'income')).toMatchObject({ name: '1、一般公共预算资金', values: { total: 9501164 } });
    expect(row(t, 92, 'expenditure')).toMatchObject({ code: '208', values: { total: 11281624, personnel: 6540674, public: 2120950, project: 2620000 } });
    expect(row(t, 107, 'expenditure').values).toMatchObject({ total: 12121164, personnel: 7380214 });
    // L94 prints 210 under its pre-2019 name 医疗卫生与计划生育支出.
    expect(row(t, 94, 'expenditure')).toMatchObject({ code: '210', values: { total: 503724, personnel: 503724 } });
  });

  it('基本支出预算表 and 三公 table', () => {
    const basic = tables[7];
    expect(row(basic, 330).values).toEqual({ total: 9501164, personnel: 7380214, public: 2120950 });
    expect(row(basic, 316)).toMatchObject({ code: '30209', name: '物业管理费', values: { public: 1206000 } });
    const three = tables[8];
    expect(three.rows[0].values).toMatchObject({ total: 6.4, 'outbound-travel': 0, reception: 0, vehicles: 6.4, 'vehicle-operation': 6.4 });
  });
});

describe.skipIf(absent)('national final-accounts template: tables with no numbers', () => {
  const tables = absent ? [] : parse(TEMPLATE).tables;

  it('finds the nine standard tables and their row names and codes', () => {
    expect(tables.map((t) => t.kind)).toEqual([
      'income-expenditure-summary',
      'income-summary',
      'expenditure-summary',
      'fiscal-appropriation-summary',
      'general-budget-expenditure',
      'general-budget-basic-expenditure',
      'three-public-expenditure',
      'government-fund-expenditure',
      'state-capital-expenditure',
    ]);
    const income = tables[1];
    expect(income.rows.map((x) => x.code)).toEqual([null, '205', '20502', '2050205', '207', '20799']); // L141–L153
    expect(income.rows.every((x) => Object.values(x.values).every((v) => v === null))).toBe(true);
    expect(tables[5].rows.find((x) => x.code === '30207')?.name).toBe('邮电费'); // L290 `30207邮电费`
    expect(tables[7].declaredEmpty).toBe(true); // L354
  });
});
