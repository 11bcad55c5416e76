import { describe, expect, it } from 'vitest';
import { parseNarrative } from '../../src/ingest/narrative/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { table, type Table } from '../../src/schema/table.ts';
import { fact, narrativeOf, SAMPLES, samplesPresent, seed } from './narrative-seed.ts';

type Figures = Record<string, [number | null, number | null]>;

/** `[value, change]` of each 三公 fact. */
function threePublic(result: ReturnType<typeof seed>): Figures {
  return Object.fromEntries(result.facts.filter((f) => f.id.startsWith('three-public.')).map((f) => [f.id.slice(13), [f.value, f.change]]));
}

describe('三公经费 as stated in the text, every seed', () => {
  it('kashgar-administrative-office (lines 1666–1683)', () => {
    const r = seed('kashgar-administrative-office-2021-budget');
    // 数为63.00万元，其中：因公出国（境）费0万元，公务用车购置0万元，公务用车运行费63.00万元，公务接待费0万元。
    // 比上年减少2.10万元，其中：因公出国（境）费增加（减少）0万元…公务用车运行费减少2.10万元；公务接待费增加（减少）0万元
    expect(threePublic(r)).toEqual({
      total: [63, -2.1],
      'outbound-travel': [0, 0],
      'vehicle-purchase': [0, null],
      'vehicle-operation': [63, -2.1],
      reception: [0, 0],
    });
    expect(fact(r, 'three-public.total')?.lines).toEqual({ first: 1668, last: 1674 });
  });

  it('kashgar-poverty-alleviation-office (lines 727–743)', () => {
    expect(threePublic(seed('kashgar-poverty-alleviation-office-2021-budget'))).toEqual({
      total: [4.2, 0],
      'outbound-travel': [0, 0],
      'vehicle-purchase': [0, null],
      'vehicle-operation': [4.2, 0],
      reception: [0, 0],
    });
  });

  it('julu-county-poverty-office: the change belongs to 公务用车购置及运行费, outside its bracketed parts (128–134)', () => {
    expect(threePublic(seed('julu-county-poverty-office-2021-budget'))).toEqual({
      total: [1.96, null],
      'outbound-travel': [0, 0], // 0 万元,与上年相同
      vehicles: [1.96, -0.02], // 1.96 万元（其中：…），与减少 0.02 万元
      'vehicle-purchase': [0, null],
      'vehicle-operation': [1.96, null],
      reception: [0, 0],
    });
  });

  it('kashgar-edz-party-mass-work-dept: all nil, including the mangled `因公出境)费` (978–982)', () => {
    expect(threePublic(seed('kashgar-edz-party-mass-work-dept-2024-budget'))).toEqual({
      total: [0, 0],
      'outbound-travel': [0, 0],
      'vehicle-purchase': [0, 0],
      'vehicle-operation': [0, 0],
      reception: [0, 0],
    });
  });

  it('the evaluation report states none', () => {
    expect(threePublic(seed('kashgar-2021-poverty-monitoring-project-evaluation'))).toEqual({});
  });

  it.skipIf(!samplesPresent)('shanghai final accounts (samples absent: skipped): the 决算 figure, not the 年初预算 (809–833)', () => {
    const r = narrativeOf(`${SAMPLES}/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt`);
    expect(threePublic(r)).toMatchObject({ total: [0.39, -0.15], reception: [0.39, -0.15], 'outbound-travel': [0, 0] });
  });
});

describe('other key facts', () => {
  it('kashgar-administrative-office: 机关运行经费, 政府采购, 资产, 绩效 (lines 1699–1752)', () => {
    const r = seed('kashgar-administrative-office-2021-budget');
    const values = Object.fromEntries(r.facts.map((f) => [f.id, f.value]));
    expect(values).toMatchObject({
      'operating-costs': 217.79, // 1703, 比上年预算增加0.28万元
      'procurement.total': 69.32, // 1711
      'procurement.goods': 33.36,
      'procurement.works': 0,
      'procurement.services': 35.96, // 1713
      'procurement.sme-reserved': 0, // 1717
      'assets.buildings-area': 62056.07, // 1727
      'assets.vehicles': 41, // 1729
      'assets.vehicles.general-use': 0,
      'assets.vehicles.law-enforcement': 0,
      'assets.vehicles.other': 41, // 1733
      'assets.large-equipment': 2, // 1738
      'assets.large-equipment-over-100': 0, // 1740; the planned purchases of 1742–1746 are not holdings
      'performance.projects': 16,
      'performance.amount': 1446.68, // 1750–1752
    });
    expect(fact(r, 'operating-costs')?.change).toBe(0.28);
    expect(fact(r, 'assets.buildings-area')?.unit).toBe('平方米');
  });

  it('kashgar-edz-party-mass-work-dept: fiscal and non-fiscal projects under 绩效管理 apart (line 1025)', () => {
    const r = seed('kashgar-edz-party-mass-work-dept-2024-budget');
    expect(fact(r, 'performance.projects')?.value).toBe(23);
    expect(fact(r, 'performance.amount')?.value).toBe(6573.06);
    expect(fact(r, 'performance.non-fiscal-projects')?.value).toBe(8);
    expect(fact(r, 'operating-costs')).toMatchObject({ value: 95.26, change: -1.81 }); // 998–1000
    expect(fact(r, 'procurement.sme-reserved')?.value).toBe(480.8); // 1006: larger than the total, as printed
  });

  it('julu-county-poverty-office: 无政府采购 reads as nil, fixed assets from the text (853, 857)', () => {
    const r = seed('julu-county-poverty-office-2021-budget');
    expect(fact(r, 'procurement.total')?.value).toBe(0);
    expect(fact(r, 'assets.total-value')?.value).toBe(34.860245);
    expect(fact(r, 'operating-costs')?.value).toBe(21.41); // 122
  });
});

const THREE_PUBLIC_TEXT = [
  '八、“三公”经费预算情况说明',
  '    2021年“三公”经费数为63.00万元，其中：因公出国（境）费0万元，公务用车购置0万元，公务用车运行费63.00万元，公务接待费0万元。',
  '十、其他重要事项的情况说明',
  '    2021年，本级及下属0家行政单位和0家事业单位的机关运行经费财政拨款预算48.10万元。',
  '第四部分 名词解释',
  '    八、机关运行经费：指各部门（单位）的公用经费，包括办公及印刷费。',
].join('\n');

/** Built through the schema, so that defaults of fields added later fill in. */
function threePublicTable(values: Record<string, number | null>, declaredEmpty = false): Table {
  return table.parse({
    id: 't8',
    kind: 'three-public-expenditure',
    title: '“三公”经费支出情况表',
    unit: '万元',
    columns: Object.keys(values).map((key) => ({ key, label: key })),
    rows: [{ code: null, name: '', values, group: null, lines: { first: 90, last: 90 } }],
    declaredEmpty,
    lines: { first: 88, last: 90 },
  });
}

function basicTable(publicCosts: number): Table {
  return table.parse({
    id: 't6',
    kind: 'general-budget-basic-expenditure',
    title: '一般公共预算基本支出情况表',
    unit: '万元',
    columns: [
      { key: 'total', label: '合计' },
      { key: 'personnel', label: '人员经费' },
      { key: 'public', label: '公用经费' },
    ],
    rows: [
      {
        code: null,
        name: '合计',
        values: { total: 100, personnel: 100 - publicCosts, public: publicCosts },
        group: null,
        role: 'total',
        lines: { first: 70, last: 70 },
      },
    ],
    lines: { first: 68, last: 70 },
  });
}

function checksOf(tables: Table[]) {
  const r = parseNarrative(toSourceLines(THREE_PUBLIC_TEXT), new Set(), tables);
  return Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
}

describe('fact checks against hand-made tables', () => {
  it('passes when the 三公 table agrees, fails on a part that does not', () => {
    const checks = checksOf([threePublicTable({ total: 63, 'outbound-travel': 0, vehicles: 63, 'vehicle-purchase': 0, 'vehicle-operation': 62, reception: 0 })]);
    expect(checks['fact:three-public:sum-of-parts']).toBe('pass');
    expect(checks['fact:three-public:table:total']).toBe('pass');
    expect(checks['fact:three-public:table:vehicles']).toBe('pass'); // 0 + 63 in the text
    expect(checks['fact:three-public:table:vehicle-operation']).toBe('fail');
  });

  it('does not take the 合计 of a table that adds 会议费 and 培训费 for the “三公” figure', () => {
    // 西安 交通运输局 2022 三公、会议费、培训费表 (text L2155): 合计 472.89 = “三公” 248.84 + 会议费 44.89 + 培训费 179.18 (2022
    // columns). Without the “三公” subtotal column read, its 合计 is no “三公” figure to compare with the text's.
    const threePublicAndMore = { total: 63 + 5, 'outbound-travel': 0, 'vehicle-operation': 63, reception: 0, meeting: 2, training: 3 };
    expect(checksOf([threePublicTable(threePublicAndMore)])['fact:three-public:table:total']).toBe('not-checkable');
    expect(checksOf([threePublicTable({ ...threePublicAndMore, 'three-public': 63 })])['fact:three-public:table:total']).toBe('pass');
  });

  it('is not checkable without the table, and reads a declared-empty table as zeros', () => {
    expect(checksOf([])['fact:three-public:table:total']).toBe('not-checkable');
    expect(checksOf([threePublicTable({ total: null }, true)])['fact:three-public:table:total']).toBe('fail');
  });

  it('compares 机关运行经费 with 公用经费 where the glossary defines it so and no 事业单位 is included', () => {
    expect(checksOf([basicTable(48.1)])['fact:operating-costs:table:public']).toBe('pass');
    expect(checksOf([basicTable(50)])['fact:operating-costs:table:public']).toBe('fail');
    expect(checksOf([])['fact:operating-costs:table:public']).toBe('not-checkable');
    const withInstitution = parseNarrative(toSourceLines(THREE_PUBLIC_TEXT.replace('0家事业单位', '1家事业单位')), new Set(), [basicTable(48.1)]);
    expect(withInstitution.checks.find((c) => c.id === 'fact:operating-costs:table:public')?.status).toBe('not-applicable');
  });

  it('reports a text whose parts do not add up', () => {
    const text = THREE_PUBLIC_TEXT.replace('公务接待费0万元', '公务接待费1万元');
    const r = parseNarrative(toSourceLines(text), new Set(), []);
    expect(r.checks.find((c) => c.id === 'fact:three-public:sum-of-parts')).toMatchObject({ status: 'fail', expected: 63, actual: 64 });
  });
});
