import { describe, expect, it } from 'vitest';
import { table, type Table } from '../../src/schema/table.ts';
import { fact, narrativeOf, narrativeOfText, SAMPLES, samplesPresent, seed } from './narrative-seed.ts';

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

function basicTable(publicCosts: number, unit = '万元'): Table {
  return table.parse({
    id: 't6',
    kind: 'general-budget-basic-expenditure',
    title: '一般公共预算基本支出情况表',
    unit,
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
  const r = narrativeOfText(THREE_PUBLIC_TEXT, tables);
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
    const withInstitution = narrativeOfText(THREE_PUBLIC_TEXT.replace('0家事业单位', '1家事业单位'), [basicTable(48.1)]);
    expect(withInstitution.checks.find((c) => c.id === 'fact:operating-costs:table:public')?.status).toBe('not-applicable');
  });

  // 上海 普陀区司法局 2026 部门预算: the 基本支出 table prints 元 (公用经费 2,178,324.44), the 说明 万元 (机关运行经费
  // 217.83 万元); the table's figure is compared in 万元 (217.832444), not as printed.
  it('compares 机关运行经费 with a 元 table’s 公用经费 in the text’s 万元', () => {
    const r = narrativeOfText(THREE_PUBLIC_TEXT, [basicTable(481000.4, '元')]);
    expect(r.checks.find((c) => c.id === 'fact:operating-costs:table:public')).toMatchObject({
      status: 'pass',
      expected: 48.10004,
      actual: 48.1,
      message: '说明中的机关运行经费 = 基本支出表中的公用经费（表中以元列示，折合为万元）',
    });
    expect(narrativeOfText(THREE_PUBLIC_TEXT, [basicTable(500000, '元')]).checks.find((c) => c.id === 'fact:operating-costs:table:public')?.status).toBe('fail');
  });

  it('reports a text whose parts do not add up', () => {
    const text = THREE_PUBLIC_TEXT.replace('公务接待费0万元', '公务接待费1万元');
    const r = narrativeOfText(text, []);
    expect(r.checks.find((c) => c.id === 'fact:three-public:sum-of-parts')).toMatchObject({ status: 'fail', expected: 63, actual: 64 });
  });
});

describe('“三公” items stated as outline headings or in words (issue 10: facts the reader missed)', () => {
  // 杭州 交通运输局 2026 -layout L288–L315 as printed: a justified paragraph letter-spaced in places, 公务用车购置支出 among
  // them (L307 `公 务用 车 购 置 支 出`, 421.30 万元 on L308); 421.30 + 424.80 = 846.10.
  it('a label printed letter-spaced, one space between its characters', () => {
    const text = [
      '  （七）一般公共预算“三公”经费预算情况说明（详',
      '见表7）',
      '  2026 年“三公”经费预算数为 873.20 万元， 比上年预算',
      '数增加 384.30 万元，增长 78.6%，具体如下：',
      '  1.因公出国（境）费用：根据市本级因公出国（境）',
      '费用预算管理模式，本部门年初不编制因公出国（境）费',
      '用预算，年度执行中，根据实际工作需要和因公出国',
      '',
      '',
      '',
      '                 11',
      '\x0c（境）计划审批情况，相应调增因公出国（境）费用预',
      '算。',
      '     2.公务接待费：2026 年安排公务接待费预算 27.10 万',
      '元， 比上年预算数减少 5.00 万元，下降 15.6%。主要用于',
      '接待省内外各单位调研、交流和学习等公务活动支出。减',
      '少的主要原因是执法队公务接待频次预计减少。',
      '     3.公务用车购置及运行维护费：2026 年安排公务用车',
      '购置及运行维护费预算 846.10 万元， 比上年预算数增加',
      '389.30 万 元 ，增 长 85.2% 。其 中 ，公 务用 车 购 置 支 出',
      '421.30 万元（含购置税等附加费用） ，主要用于经批准购',
      '置的 23 辆公务用车， 比上年预算数增加 421.30 万元（上',
      '年预算数为 0 万元，无法计算增减比率） ，主要原因是部',
      '分车辆报废后购置新车，部分 2025 年公务用车购置资金来',
      '源为政府性基金；公务用车运行维护费支出 424.80 万元，',
      '主要用于公务用车燃料费、新能源汽车充电费、维修费、',
      '过桥过路费、保险费、安全奖励费用等支出， 比上年预算',
      '数减少32.00 万元，下降 7.0%，主要原因是减少公务用车',
    ].join('\n');
    const r = narrativeOfText(text, []);
    expect(fact(r, 'three-public.vehicle-purchase')?.value).toBe(421.3);
    expect(fact(r, 'three-public.vehicle-operation')?.value).toBe(424.8);
    expect(r.checks.find((c) => c.id === 'fact:three-public:vehicles-sum')).toMatchObject({ status: 'pass', expected: 846.1 });
  });

  it('a heading label with its figure in the next sentence, 购置和运行 for 购置及运行 (北京 民政局 2026 notes, lines 132–147)', () => {
    const text = [
      '   四、财政拨款“三公”经费预算情况说明',
      '   2026 年财政拨款“三公”经费预算 282.16 万元，比 2025 年财政拨款“三公”经费年初预算增加 33.50 万元。其中：',
      '     （一）因公出国（境）费用。2026 年预算数 159.00 万元，主要用于境外业务培训、对外交流支出等。',
      '     （二）公务接待费。2026 年预算数 1.35 万元，主要用于国内公务接待支出。',
      '     （三）公务用车购置和运行维护费。2026 年预算数 121.81 万元，包括公务用车购置费预算 71.17 万元、公务用车运行维护费预算 50.64 万元。',
    ].join('\n');
    const r = narrativeOfText(text, []);
    expect(threePublic(r)).toEqual({
      total: [282.16, 33.5],
      'outbound-travel': [159, null],
      reception: [1.35, null],
      vehicles: [121.81, null],
      'vehicle-purchase': [71.17, null],
      'vehicle-operation': [50.64, null],
    });
    const checks = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
    expect(checks['fact:three-public:sum-of-parts']).toBe('pass');
    expect(checks['fact:three-public:vehicles-sum']).toBe('pass');
  });

  it('an item the text says is not budgeted is a nil part (西安 交通运输局 2022, lines 254–262)', () => {
    const text = [
      '  六、部门预算“三公”经费等预算情况说明',
      '  2022 年本部门当年一般公共预算“三公”经费预算支出 248.84 万元，较上年增加 131.35 万元（111.8%）。其中：',
      '因公出国（境）经费未安排，较上年无变化；公务接待费 38.84 万元，较上年减少 1.65 万元（4.08%）；公务用车运行维护费 210 万元，较上年增加 133 万元（172.7%）；公务用车购置费 0 万元，较上年无变化。',
    ].join('\n');
    const r = narrativeOfText(text, []);
    expect(threePublic(r)['outbound-travel']).toEqual([0, 0]);
    expect(r.checks.find((c) => c.id === 'fact:three-public:sum-of-parts')).toMatchObject({ status: 'pass', expected: 248.84, actual: 248.84 });
  });
});

describe('“三公” tables as other places print them (issue 10: checks too narrow)', () => {
  const text = [
    '八、“三公”经费预算情况说明',
    '    2026年“三公”经费预算数为242.29万元，其中：因公出国（境）费22.06万元，公务用车购置费96.00万元，公务用车运行费114.95万元，公务接待费9.28万元。',
  ].join('\n');
  const rowWise = (names: Array<[string, number]>) =>
    table.parse({
      id: 't8',
      kind: 'three-public-expenditure',
      title: '财政拨款安排的行政经费及“三公”经费预算表',
      unit: '万元',
      columns: [{ key: 'total', label: '合计' }],
      rows: names.map(([name, total], i) => ({ code: null, name, values: { total }, group: null, lines: { first: 574 + i, last: 574 + i } })),
      lines: { first: 570, last: 581 },
    });

  it('items as rows under outline markers (广州 水务局 2026, lines 570–581)', () => {
    const t = rowWise([
      ['行政经费', 6998.04],
      ['“三公”经费', 242.29],
      ['其中：（一）因公出国（境）支出', 22.06],
      ['（二）公务用车购置及运行维护支出', 210.95],
      ['1.公务用车购置费', 96],
      ['2.公务用车运行维护费', 114.95],
      ['（三）公务接待费支出', 9.28],
    ]);
    const r = narrativeOfText(text, [t]);
    const checks = Object.fromEntries(r.checks.map((c) => [c.id, [c.status, c.expected]]));
    expect(checks['fact:three-public:table:total']).toEqual(['pass', 242.29]);
    expect(checks['fact:three-public:table:outbound-travel']).toEqual(['pass', 22.06]);
    expect(checks['fact:three-public:table:vehicle-purchase']).toEqual(['pass', 96]);
    expect(checks['fact:three-public:table:vehicle-operation']).toEqual(['pass', 114.95]);
    expect(checks['fact:three-public:table:reception']).toEqual(['pass', 9.28]);
  });

  it('items broken down by fund, a row a year for the department and then each unit (深圳 水务局 2026, lines 7224–7241)', () => {
    const funds = (total: number, outbound: number, reception: number, vehicles: number, purchase: number, operation: number) =>
      Object.fromEntries(
        Object.entries({ total, 'outbound-travel': outbound, reception, vehicles, 'vehicle-purchase': purchase, 'vehicle-operation': operation }).flatMap(([k, v]) => [
          [`${k}.general`, v],
          [`${k}.fund`, 0],
          [`${k}.state-capital`, 0],
        ]),
      );
    const rows: Array<[string, Record<string, number>]> = [
      ['深圳市水务局2025年', funds(382.64, 5.2, 14.07, 363.37, 65.97, 297.4)],
      ['2026年', funds(242.29, 22.06, 9.28, 210.95, 96, 114.95)],
      ['增减变化金额', funds(86.53, 66, 0, 20.53, 60.03, -39.5)],
      ['深圳市水务局（本级）2025年', funds(39.87, 5.2, 14.07, 20.6, 0, 20.6)],
      ['2026年', funds(146.77, 71.2, 14.07, 61.5, 40, 21.5)],
    ];
    const t = table.parse({
      id: 't9',
      kind: 'three-public-expenditure',
      title: '财政拨款“三公”经费支出表',
      unit: '万元',
      columns: Object.keys(rows[0][1]).map((key) => ({ key, label: key })),
      rows: rows.map(([name, values], i) => ({ code: null, name, values, group: null, lines: { first: 7233 + 2 * i, last: 7233 + 2 * i } })),
      lines: { first: 7224, last: 7241 },
    });
    const checks = narrativeOfText(text, [t]).checks.filter((c) => c.id.startsWith('fact:three-public:table:'));
    expect(checks.map((c) => [c.id.slice(24), c.status, c.expected])).toEqual([
      ['vehicles', 'pass', 210.95],
      ['total', 'pass', 242.29],
      ['outbound-travel', 'pass', 22.06],
      ['vehicle-purchase', 'pass', 96],
      ['vehicle-operation', 'pass', 114.95],
      ['reception', 'pass', 9.28],
    ]);
    expect(checks[0].lines[0]).toEqual({ first: 7235, last: 7235 });
  });

  it('a blank cell is a nil where the row adds up without it, and only then (烟台 水利局 2026, lines 783–792)', () => {
    // 合计 14.20 = 公务用车购置及运行维护费 10.20 (运行维护费 10.20) + 公务接待费 4.00; 因公出国 and 购置 are blank.
    const yantai = { total: 14.2, 'outbound-travel': null, vehicles: 10.2, 'vehicle-purchase': null, 'vehicle-operation': 10.2, reception: 4 };
    const stated = [
      '八、“三公”经费预算情况说明',
      '    2026年“三公”经费预算数为14.20万元，其中：因公出国（境）费0万元，公务用车购置0万元，公务用车运行费10.20万元，公务接待费4.00万元。',
    ].join('\n');
    const statusOf = (values: Record<string, number | null>) =>
      Object.fromEntries(narrativeOfText(stated, [threePublicTable(values)]).checks.map((c) => [c.id, c.status]));
    expect(statusOf(yantai)['fact:three-public:table:outbound-travel']).toBe('pass');
    expect(statusOf(yantai)['fact:three-public:table:vehicle-purchase']).toBe('pass');
    // A 合计 the printed parts do not make up leaves the blank unknown.
    expect(statusOf({ ...yantai, total: 15 })['fact:three-public:table:outbound-travel']).toBe('not-checkable');
    expect(statusOf({ ...yantai, vehicles: 11 })['fact:three-public:table:vehicle-purchase']).toBe('not-checkable');
  });
});

describe('amounts the text states in 亿元 or 千元', () => {
  // Ours: L2 states the performance-managed funds in 亿元, L4 the “三公” figures in 千元 (63,000.00 = 0 + 0 + 63,000.00 + 0).
  const text = [
    '十一、预算绩效情况说明',
    '    2026年实行绩效目标管理的项目共3个，涉及预算金额1.2亿元。',
    '八、“三公”经费预算情况说明',
    '    2021年“三公”经费数为63,000.00千元，其中：因公出国（境）费0千元，公务用车购置0千元，公务用车运行费63,000.00千元，公务接待费0千元。',
  ].join('\n');

  it('are facts in the unit printed, as 万元 and 元 are', () => {
    const r = narrativeOfText(text);
    expect([fact(r, 'performance.projects')?.value, fact(r, 'performance.amount')?.value, fact(r, 'performance.amount')?.unit]).toEqual([3, 1.2, '亿元']);
    expect([fact(r, 'three-public.total')?.value, fact(r, 'three-public.total')?.unit]).toEqual([63000, '千元']);
    expect(fact(r, 'three-public.vehicle-operation')?.value).toBe(63000);
  });
});
