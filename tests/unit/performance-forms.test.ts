import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { readFormFields } from '../../src/ingest/performance/form-fields.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Per-project 绩效目标 forms as `pdftotext -layout` prints them: labelled cells, long values wrapped around their
// label's line, labels wrapped in narrow columns. Fixtures written after the layouts of several cities' forms,
// with other names and figures.
const wrappedValues = [
  '        社区养老驿站运营项目绩效目标表',
  '',
  ' 项目名称                  社区养老驿站运营项目',
  '                                                  某市民政',
  ' 主管部门      某市民政局                      实施单位',
  '                                                   局',
  '',
  '                资金总额                      120.50',
  '专项资金情况（',
  '                财政拨款                      100.50',
  '  万元）',
  '                其他资金                      20.00',
  '',
  '          为辖区老人提供助餐、助浴服务不少于3000人次，开展健康讲座',
  ' 年度目标',
  '          12场，老人满意度不低于90%',
  '',
  '          一级指',
  '                  二级指标             三级指标           指标值',
  '           标',
  '     产出指   数量指标           助餐服务人次           ≥3000人次',
  '      标    质量指标           服务对象满意度         ≥90%',
].join('\n');

const twoLabelColumns = [
  '           项目名称                       道路养护巡查',
  '           主管部门                       某市交通运输局',
  '                         实施期资金总额                       96',
  '           资金金额',
  '                           其中：财政拨款                     96',
  '           （万元）',
  '                              其他资金',
  '',
  '       总',
  '       体',
  '              巡查国省干线公路不少于200公里，及时处置路面病害。',
  '       目',
  '       标',
].join('\n');

const narrowLabels = [
  '项目 城市更新专项（旧住宅小区改造专项资金',
  '名称',
  '            ）',
  '主管                                                某市住房和城',
  '         某市住房和城乡建设局               实施单位',
  '部门                                                   乡建设局',
  '',
  '专项           资金总额                      560.00',
  '资金',
  '情况           财政拨款                      560.00',
  '（万',
  '元）           其他资金                        0.00',
].join('\n');

describe('form fields by position', () => {
  it('joins a value wrapped around its label and keeps neighbouring cells apart', () => {
    const fields = readFormFields(toSourceLines(wrappedValues).slice(2, 16))!;
    expect(Object.fromEntries([...fields].map(([k, v]) => [k, v.text]))).toEqual({
      projectName: '社区养老驿站运营项目',
      department: '某市民政局',
      implementer: '某市民政局',
      total: '120.50',
      fiscal: '100.50',
      other: '20.00',
      goal: '为辖区老人提供助餐、助浴服务不少于3000人次，开展健康讲座12场，老人满意度不低于90%',
    });
    expect(fields.get('implementer')!.lines).toEqual({ first: 4, last: 6 });
  });

  it('reads a second column of labels and a label printed one character per line', () => {
    const fields = readFormFields(toSourceLines(twoLabelColumns))!;
    expect(Object.fromEntries([...fields].map(([k, v]) => [k, v.text]))).toEqual({
      projectName: '道路养护巡查',
      department: '某市交通运输局',
      total: '96',
      fiscal: '96',
      goal: '巡查国省干线公路不少于200公里，及时处置路面病害。',
    });
  });

  it('reads labels wrapped in a narrow column, one touching its value, and a bracket closed on a later line', () => {
    const fields = readFormFields(toSourceLines(narrowLabels))!;
    expect(fields.get('projectName')!.text).toBe('城市更新专项（旧住宅小区改造专项资金）');
    expect(fields.get('department')!.text).toBe('某市住房和城乡建设局');
    expect(fields.get('implementer')!.text).toBe('某市住房和城乡建设局');
    expect([fields.get('total')!.text, fields.get('fiscal')!.text, fields.get('other')!.text]).toEqual(['560.00', '560.00', '0.00']);
  });

  it('leaves a block without labelled cells to the text reader', () => {
    expect(readFormFields(toSourceLines('项目名称 防贫保险\n项目资金 76.38'))).toBeNull();
  });

  it('gives the target its project, unit, funds and goal', () => {
    const [target] = parsePerformance(toSourceLines(wrappedValues), new Set()).targets;
    expect(target).toMatchObject({
      projectName: '社区养老驿站运营项目',
      unitName: '某市民政局',
      funds: { total: 120.5, fiscal: 100.5, other: 20 },
      goal: '为辖区老人提供助餐、助浴服务不少于3000人次，开展健康讲座12场，老人满意度不低于90%',
    });
  });
});

// A form printing its 实施期总目标 and 年度目标 side by side under one 总体目标 cell (as 西安 交通运输局's 专项资金 form,
// L2519–2524 of its -layout text), with other texts: the period's two lines, the year's three. pdftotext -layout
// prints the two texts one space apart, the right one's lines starting left of the middle between the heads, and its
// third line alone.
const PERIOD_GOAL = ['三年内完成全市主次干道养护一遍，路面病害处置率', '达到百分之九十五以上，建成养护信息平台。'];
const YEAR_GOAL = ['本年完成主干道养护四十公里，病害处置', '率达到百分之九十以上，群众满意度不低于', '百分之九十。'];
const INDICATORS = [
  '   一级指标       二级指标           三级指标                指标值',
  '   产出指标       数量指标           主干道养护里程          40公里',
  '   效益指标     社会效益指标         群众满意度              ≥90%',
];
const sideBySideGoals = [
  '                 2023年城市道路养护专项资金绩效目标表',
  '  项目名称          城市道路养护专项资金',
  '  主管部门          某市交通运输局',
  '                实施期总目标                              年度目标',
  '  总',
  `  体     ${PERIOD_GOAL[0]} ${YEAR_GOAL[0]}`,
  `  目     ${PERIOD_GOAL[1]} ${YEAR_GOAL[1]}`,
  `  标${' '.repeat(5 + PERIOD_GOAL[1].length + 1)}${YEAR_GOAL[2]}`,
  '',
  ...INDICATORS,
].join('\n');

/** The same form as a PDF: each text where a form would print it, the two goal columns one em apart. */
function sideBySidePdf(): Uint8Array {
  const at = (text: string, x: number, y: number): PlacedText => ({ text, x, y });
  const texts = [
    at('2023年城市道路养护专项资金绩效目标表', 150, 60),
    at('项目名称', 40, 90),
    at('城市道路养护专项资金', 150, 90),
    at('主管部门', 40, 110),
    at('某市交通运输局', 150, 110),
    at('实施期总目标', 160, 135),
    at('年度目标', 420, 135),
    ...['总', '体', '目', '标'].map((c, i) => at(c, 40, 152 + i * 14)),
    ...PERIOD_GOAL.map((t, i) => at(t, 70, 158 + i * 14)),
    ...YEAR_GOAL.map((t, i) => at(t, 310, 158 + i * 14)),
    ...INDICATORS.flatMap((line, i) => [...line.matchAll(/\S+/g)].map((m) => at(m[0], 40 + m.index * 7, 230 + i * 20))),
  ];
  return tinyPdf([texts]);
}

describe('goals printed side by side', () => {
  const expected = { goal: YEAR_GOAL.join(''), periodGoal: PERIOD_GOAL.join(''), projectName: '城市道路养护专项资金' };

  it('are read by their columns from -layout text, a one-space gap parting them', () => {
    const [target] = parsePerformance(toSourceLines(sideBySideGoals), new Set()).targets;
    expect(target).toMatchObject(expected);
    expect(target.indicators.map((i) => i.name)).toEqual(['主干道养护里程', '群众满意度']);
  });

  it('are read by their columns from the PDF', async () => {
    const read = await readSource(sideBySidePdf());
    if (!read.ok) throw new Error(read.reason);
    const [target] = parsePerformance(toSourceLines(read.text), new Set()).targets;
    expect(target).toMatchObject(expected);
  });

  it('a form with one goal keeps it as its goal, whatever period it names', () => {
    const fields = readFormFields(toSourceLines(['项目名称      道路养护', '实施期目标    巡查国省干线公路不少于200公里。'].join('\n')))!;
    expect(fields.get('periodGoal')!.text).toBe('巡查国省干线公路不少于200公里。');
    const [target] = parsePerformance(toSourceLines(['      道路养护绩效目标表', '项目名称      道路养护', '主管部门      某市交通运输局', '实施期目标    巡查国省干线公路不少于200公里。', '', ...INDICATORS].join('\n')), new Set()).targets;
    expect(target).toMatchObject({ goal: '巡查国省干线公路不少于200公里。', periodGoal: null });
  });
});

const SAMPLES = '../shared/samples/other-provinces';
const absent = !existsSync(SAMPLES);
if (absent) console.warn(`skipping other-province form tests: ${SAMPLES} is not present`);
const targetsOf = (file: string) => parsePerformance(toSourceLines(readFileSync(`${SAMPLES}/${file}`, 'utf8')), new Set()).targets;

describe.skipIf(absent)('forms of other places, as published', () => {
  it('福州 科技局: 项目名称 wrapped in a narrow column (L872–874), 资金总额 34070.00 (L879); the title wrapped over L870–871', () => {
    const target = targetsOf('fuzhou-science-2026-budget.txt').find((t) => t.lines.first === 870)!;
    expect(target).toMatchObject({ projectName: '市级科技创新专项（福厦泉自创区专项资金）', unitName: '福州市科学技术局', funds: { total: 34070, fiscal: 34070, other: 0 } });
    // `…（福厦泉自创区专项资金）项` / `目绩效目标表`: L871 is a title by its shape but names nothing (目 ends 项目).
    expect(target.title).toBe('市级科技创新专项(福厦泉自创区专项资金)项目绩效目标表');
  });

  it('福州 科技局: the page number under a form (40, L1320, the page breaks on L1321) is no piece of its last row; 备注 and the note below it (L1312–1315) are kept', () => {
    const target = targetsOf('fuzhou-science-2026-budget.txt').find((t) => t.lines.first === 1272)!;
    const last = target.indicators.at(-1)!;
    // Its 一级 and 二级 names wrap around its line: 满意度指 / 标 and 服务对象满意度 / 指标 (L1309–1311).
    expect(last).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', value: { text: '≥80%' }, lines: { first: 1309, last: 1311 } });
    expect(last.name).not.toMatch(/\d/);
    expect(target.lines.last).toBe(1315);
    expect(target.printed?.filter((p) => p.lines.first >= 1312).map((p) => p.text)).toEqual(['备注', '2.有关情况说明', '本单位无其他需要说明的绩效目标情况。']);
  });

  it('福州 科技局: a form whose title wraps (…项目绩效目 / 标表, L965–966) is a target; 项目名称 one space from its value (L967)', () => {
    const targets = targetsOf('fuzhou-science-2026-budget.txt');
    // 15 titles …项目绩效目标表 from L652 to L1272, five of them wrapped over two lines (L785, 965, 1051, 1132, 1221).
    expect(targets.filter((t) => t.lines.first >= 651 && t.lines.first <= 1272)).toHaveLength(15);
    const target = targets.find((t) => t.lines.first === 965)!;
    expect(target).toMatchObject({
      title: '科技特派员联席会议办公室工作经费项目绩效目标表',
      projectName: '科技特派员联席会议办公室工作经费',
      unitName: '福州市科学技术局',
      funds: { total: 50, fiscal: 50, other: 0 }, // L971, L973, L975
    });
  });

  it('烟台 水利局: 总体目标 one space from its text (L1507) takes the lines above it too (L1506–1509)', () => {
    const target = targetsOf('yantai-water-2026-budget.txt').find((t) => t.lines.first === 1490)!;
    expect(target.goal).toMatch(/^五龙河流域防洪及水资源开发大中型控制性工程建设已陆续提上日程，/);
    expect(target.goal).toMatch(/前瞻性的规划和部署。$/);
  });

  it('烟台 水利局: 实施公车统管费用, 年度预算资金总额 18.00 (L1236), page number before the form left out', () => {
    const target = targetsOf('yantai-water-2026-budget.txt').find((t) => t.lines.first === 1221)!;
    expect(target).toMatchObject({ projectName: '实施公车统管费用', unitName: '烟台市水利局', funds: { total: 18, fiscal: 18, other: 0 } });
  });

  it('西安 交通运输局: 办公场所租赁, 实施期资金总额 78 (L2228), 总体目标 printed one character per line (L2233–2238)', () => {
    const target = targetsOf('xian-transport-2022-budget.txt').find((t) => t.lines.first === 2225)!;
    expect(target).toMatchObject({ projectName: '办公场所租赁', funds: { total: 78, fiscal: 78, other: null } });
    expect(target.goal).toBe('6个运政稽查队长驻六个客运站场，保证运政稽查站的工作正常开展，以维护客运站场周边运输市场秩序。');
  });

  it('西安 交通运输局: 专项资金 form, 实施期总目标 and 年度目标 side by side one space apart (L2520–2524), the same text in each', () => {
    const target = targetsOf('xian-transport-2022-budget.txt').find((t) => t.lines.first === 2509)!;
    const text = '2022年交通运输发展专项资金用于省道107（关中环线）大中修工程、农村公路养护及安全防护工程、三条快速干道的征迁工程、周至西南塬区公路工程以及“四好农村路”创建奖补等。';
    expect(target).toMatchObject({ projectName: '西安市交通运输发展专项资金', goal: text, periodGoal: text, funds: { total: 28921, fiscal: 28921 } });
  });
});

// A web page's 部门整体支出绩效目标表 printed by Chromium, then `pdftotext -layout` (/tmp/probeC10-h/perf.html, other
// names and figures): labels one space from their values or from the group's label (the cells filled to their edges),
// the funds a row of labels over a row of amounts, each amount under its label.
const stackedFunds = [
  '部门（单位）名称 某市统计局',
  '年度预算申请（万元） 资金总额',
  '           826.40',
  '                    财政拨款',
  '                    806.40',
  '                                 其他资金',
  '                                 20.00',
  '年度总体目标     完成经济普查数据采集，按期发布统计公报。',
].join('\n');

describe('a browser-printed form’s fields', () => {
  it('reads a label one space from its value, and each amount under its label', () => {
    const fields = readFormFields(toSourceLines(stackedFunds))!;
    // The HTML's cells: 某市统计局; 资金总额 826.40, 财政拨款 806.40, 其他资金 20.00; the goal without an amount.
    expect(Object.fromEntries([...fields].map(([k, v]) => [k, v.text]))).toEqual({
      unit: '某市统计局',
      total: '826.40',
      fiscal: '806.40',
      other: '20.00',
      goal: '完成经济普查数据采集，按期发布统计公报。',
    });
    expect(fields.get('other')!.lines).toEqual({ first: 6, last: 7 });
  });
});

// 西安 交通运输局 2022's 部门整体 form with its spaces collapsed (opcoll L2469–2481), other names and figures: the
// label 年度 / 总体 / 目标 wrapped down its column, each piece one space from a line of the goal.
const collapsedGoal = [
  ' 部门（单位）名称 某市水务局',
  ' 金额合计 3210.50 3210.50 0',
  '',
  ' 年度 目标1：保障供水管网安全运行。',
  ' 总体 目标2：完成老旧管网改造12公里。',
  ' 目标 目标3：提升城区污水收集率。',
].join('\n');

describe('a label wrapped beside its value’s lines in single-space text', () => {
  it('reads the label from its first piece and the value from every line beside it', () => {
    const fields = readFormFields(toSourceLines(collapsedGoal))!;
    expect(fields.get('unit')!.text).toBe('某市水务局');
    // Lines 4–6 print the three goals in order, none of the label's pieces among them.
    expect(fields.get('goal')).toEqual({ text: '目标1：保障供水管网安全运行。目标2：完成老旧管网改造12公里。目标3：提升城区污水收集率。', lines: { first: 4, last: 6 } });
  });
});
