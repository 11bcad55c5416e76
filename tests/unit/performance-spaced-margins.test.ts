import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// A project form written for this test as a viewer's copy of a drawn form gives it, every run of spaces one (西安
// 交通运输局 2022's 部门专项业务经费绩效目标表, opcoll L2225–2261, its model; other names and figures). The grid's label
// 绩效指标 is set down its margin a letter a line, one space before the rows' cells (L13 绩, L14 效, L16 指, L17 标, a
// row of the grid between two of them); merged level cells wrap their names around their row's line: 社会效益 / row
// L18 / 指标, 可持续影响 / row L22 / 指标, and two columns at once, 满意度 服务对象 / row L25 / 指标 满意度指标. The
// rows, by line: L10 办公面积 ≥800平方米, L12 租赁合同履约率 100%, L13 租金 120万元, L18 群众办事便利度 有所提升,
// L22 租赁年限 3年, L25 使用人员满意度 ≥90%.
const FORM = [
  ' 2024年部门专项业务经费绩效目标表',
  ' 项目名称 执法站点用房租赁',
  ' 主管部门 某市交通运输局',
  ' 实施期资金总额 120',
  ' 其中：财政拨款 120',
  ' 其他资金',
  '',
  ' 一级指标 二级指标 指标内容 指标值',
  '',
  ' 数量指标 办公面积 ≥800平方米',
  ' 产出指标',
  ' 质量指标 租赁合同履约率 100%',
  ' 绩 成本指标 租金 120万元',
  ' 效 经济效益',
  ' 指标',
  ' 指',
  '标 社会效益',
  ' 群众办事便利度 有所提升',
  ' 指标',
  ' 效益指标',
  ' 可持续影响',
  ' 租赁年限 3年',
  ' 指标',
  ' 满意度 服务对象',
  ' 使用人员满意度 ≥90%',
  ' 指标 满意度指标',
];

const targetOf = (lines: readonly string[]) => parsePerformance(toSourceLines(lines.join('\n')), new Set()).targets[0];

describe('a single-space form whose margin label is set a letter a line', () => {
  const target = targetOf(FORM);

  it('reads no letter of the label into a row or a level (L13, L14, L16, L17: 绩 效 指 标)', () => {
    expect(target.indicators.map((i) => [i.name, i.value.text])).toEqual([
      ['办公面积', '≥800平方米'],
      ['租赁合同履约率', '100%'],
      ['租金', '120万元'],
      ['群众办事便利度', '有所提升'],
      ['租赁年限', '3年'],
      ['使用人员满意度', '≥90%'],
    ]);
  });

  it('joins a level name wrapped around its row’s line (L17 社会效益 + L19 指标, L21 + L23, L24 + L26 in two columns)', () => {
    const levels = Object.fromEntries(target.indicators.map((i) => [i.name, [i.level1, i.level2]]));
    expect(levels['群众办事便利度'][1]).toBe('社会效益指标');
    expect(levels['租赁年限']).toEqual(['效益指标', '可持续影响指标']);
    expect(levels['使用人员满意度']).toEqual(['满意度指标', '服务对象满意度指标']);
  });

  it('joins a level name that opens a row’s line and ends two lines under it (西安 opcoll L2347–L2349)', () => {
    // L24–L26 as 西安's 信息化运行维护 form prints its last rows: 满意度 / 指标 centred on two rows, 服务对象满意度指标
    // between them.
    const lines = [...FORM.slice(0, 23), ' 满意度 网络使用人满意度 ≥90%', ' 服务对象满意度指标', ' 指标 乘客满意度 ≥85%'];
    const read = targetOf(lines).indicators.slice(-2);
    expect(read.map((i) => [i.name, i.value.text])).toEqual([
      ['网络使用人满意度', '≥90%'],
      ['乘客满意度', '≥85%'],
    ]);
    expect(read[1].level2).toBe('服务对象满意度指标');
  });

  it('keeps the label’s letters as printed: 绩 apart from its row’s cells (L13), the other lines whole', () => {
    const printed = (target.printed ?? []).map((p) => [p.lines.first, p.text]);
    expect(printed).toEqual(expect.arrayContaining([[13, '绩'], [14, '效 经济效益'], [16, '指'], [17, '标 社会效益']]));
  });

  it('takes no letter off rows where the letters spell no label', () => {
    const form = FORM.map((l) => l.replace(/^ 效 经济效益$/, ' 如 经济效益'));
    expect(targetOf(form).indicators.find((i) => i.value.text === '120万元')!.name).toContain('绩');
  });
});

// A form whose every row prints the grid's label first, spaces collapsed (烟台 水利局 2026's 政策和项目预算绩效目标表,
// opcoll L1443–L1484, its model; other names and figures). Names wrap in their centred cells: L12's name ends on L13
// (`率`), L15's begins on L14; a 二级 name's rest is printed on the line after its start (L17 服务对象满意度 / L18 指标),
// or on the row's line after the grid's label and the 一级 name (L20 服务对象满意度 / L21 … 指标 …). The rows by line:
// L10 项目总成本控制 ≤50万元, L12 监测报告审核准确率 =100%, L15 监测报告按期报送率 =100%, L17 受益群众满意度 ≥90%,
// L21 受益企业满意度 ≥85%.
const EVERY_ROW = [
  ' 政策和项目预算绩效目标表',
  ' 项目名称 水资源监测',
  ' 主管部门及代码 273_某市水利局 实施单位 某市水利局',
  ' 年度预算资金总额： 50.00',
  ' 项目资金 其中：财政拨款 50.00',
  ' 其他资金 0.00',
  '总体目标 完成全年水资源监测。',
  ' 一级指标 二级指标 三级指标 指标值',
  '',
  '绩效指标 成本指标 经济成本 项目总成本控制 ≤50万元',
  '',
  '绩效指标 产出指标 质量指标 监测报告审核准确 =100%',
  ' 率',
  ' 监测报告按期报送',
  '绩效指标 产出指标 时效指标 率 =100%',
  '',
  '绩效指标 满意度指标 服务对象满意度 受益群众满意度 ≥90%',
  ' 指标',
  '',
  ' 服务对象满意度',
  '绩效指标 满意度指标 指标 受益企业满意度 ≥85%',
];

describe('a single-space form whose names and level names wrap in centred cells', () => {
  const target = targetOf(EVERY_ROW);

  it('gives a name’s lines to the row they are centred on (L13 率 to L12, L14 to L15)', () => {
    expect(target.indicators.map((i) => [i.lines.first, i.lines.last, i.name, i.value.text])).toEqual([
      [10, 10, '项目总成本控制', '≤50万元'],
      [12, 13, '监测报告审核准确率', '=100%'],
      [14, 15, '监测报告按期报送率', '=100%'],
      [17, 17, '受益群众满意度', '≥90%'],
      [21, 21, '受益企业满意度', '≥85%'],
    ]);
  });

  it('joins a 二级 name with its rest on the next line, wherever on the line it stands (L17 + L18, L20 + L21)', () => {
    expect(target.indicators.slice(3).map((i) => [i.level1, i.level2])).toEqual([
      ['满意度指标', '服务对象满意度指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
  });

  it('flags a line the centring could give to either row, and leaves it to the lower one', () => {
    // L13 alone between two rows' lines (L12, L14), each row printing a piece of its name on its own line: 监测报告
    // centres L12's name (its last line) as well as L14's (its first).
    const lines = EVERY_ROW.map((l, i) => (i === 12 ? ' 监测报告' : i === 13 ? '绩效指标 产出指标 时效指标 按期报送率 =100%' : i === 14 ? '' : l));
    const read = targetOf(lines);
    expect(read.indicators.slice(1, 3).map((i) => i.name)).toEqual(['监测报告审核准确', '监测报告按期报送率']);
    expect(read.flag).toContain('第 13 行的指标名称文字属于第 12 行还是第 14 行的指标，文本无法确定，暂归后者');
  });

  it('leaves text in reading order (pdftotext -raw: no line indented) to the row below, as printed', () => {
    const raw = EVERY_ROW.map((l) => l.trimStart());
    expect(targetOf(raw).indicators.slice(1, 3).map((i) => i.name)).toEqual(['监测报告审核准确', '率监测报告按期报送率']);
  });
});

// A form with its header's 一级指 / 标 wrapped around the header's line and the grid's label alone on a line, spaces
// collapsed (福州 科技局 2026's 科学普及活动项目 form, opcoll L651–L693, its model; other names and figures): L9 `标`
// and L10 `绩效目标指标` are the header's and the grid's; 成本指 / 标 (L11, L13) wraps around the row L12, which prints
// its own 二级 name; 产出指 / 标 (L15, L16); the name of L17's row is printed over and under it (L16, L18). The rows by
// line: L12 宣传经费总额 ≤30万元, L14 举办讲座次数 ≥6场, L17 与区县联合举办大型宣传活动次数 ≥2场, L19 活动完成及时性 ≥95%.
const WRAPPED_HEADER = [
  ' 1.项目支出绩效目标表',
  ' 项目名称 科学宣传活动',
  ' 主管部门 某市科学技术局 实施单位 某市科学技术局',
  ' 资金总额 30.00',
  ' 财政拨款 30.00',
  ' 其他资金 0.00',
  ' 一级指',
  ' 二级指标 三级指标 指标值',
  ' 标',
  '绩效目标指标',
  ' 成本指',
  ' 经济成本指标 宣传经费总额 ≤30万元',
  ' 标',
  ' 数量指标 举办讲座次数 ≥6场',
  ' 产出指',
  ' 标 与区县联合举办大型宣',
  ' 质量指标 ≥2场',
  ' 传活动次数',
  ' 时效指标 活动完成及时性 ≥95%',
];

describe('a single-space form with its header label wrapped and its grid label alone on a line', () => {
  const target = targetOf(WRAPPED_HEADER);

  it('reads the rows without the header’s 标 (L9) or the grid’s label (L10), each name centred on its row', () => {
    expect(target.indicators.map((i) => [i.lines.first, i.name, i.value.text])).toEqual([
      [12, '宣传经费总额', '≤30万元'],
      [14, '举办讲座次数', '≥6场'],
      [16, '与区县联合举办大型宣传活动次数', '≥2场'],
      [19, '活动完成及时性', '≥95%'],
    ]);
  });

  it('sets apart the grid’s label printed before a row’s name (福州 opcoll L727: `绩效目标指标 培训计划按期完成`)', () => {
    const lines = WRAPPED_HEADER.map((l, i) => (i === 13 ? '绩效目标指标 举办讲座次数 ≥6场' : l));
    expect(targetOf(lines).indicators[1]).toMatchObject({ name: '举办讲座次数', value: { text: '≥6场' } });
  });

  it('joins 成本指 / 标 around the row that prints its 二级 name (L11, L13)', () => {
    expect(target.indicators[0]).toMatchObject({ level1: '成本指标', level2: '经济成本指标' });
  });
});

const SAMPLES = '../shared/samples/other-provinces';
const absent = !existsSync(SAMPLES);

// 西安 交通运输局 2022 budget with its -layout text's runs of spaces made one (what /work/corp/opcoll holds). Its 办公场所
// 租赁 form (L2225–L2262), read against the -layout print: L2242 办公地点 6处, L2244 满足办公需要率 ≥95%, L2246 合同按期
// 执行率 100%, L2248 租房成本 78万 (绩 beside it), L2252 客运市场秩序 有所提升 under 社会效益 / 指标 (L2251, L2253),
// L2258 办公场所租赁年限 1年 under 可持续影响 / 指标 (L2257, L2259), L2261 使用人员满意度 基本满意 under 满意度 服务对象
// (L2260) / 指标 满意度指标 (L2262).
describe.skipIf(absent)('西安 交通运输局 2022’s project forms with spaces collapsed', () => {
  const file = 'xian-transport-2022-budget.txt';
  const text = absent ? '' : readFileSync(`${SAMPLES}/${file}`, 'utf8').replace(/ {2,}/g, ' ');
  const doc = absent ? null : parseDisclosure(text, { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });

  it('reads 办公场所租赁’s seven rows without the margin’s letters (L2242–L2261)', () => {
    const target = doc!.targets.find((t) => t.projectName === '办公场所租赁')!;
    expect(target.indicators.map((i) => [i.lines.first, i.name, i.value.text])).toEqual([
      [2242, '办公地点', '6处'],
      [2244, '满足办公需要率', '≥95%'],
      [2246, '合同按期执行率', '100%'],
      [2248, '租房成本', '78万'],
      [2252, '客运市场秩序', '有所提升'],
      [2258, '办公场所租赁年限', '1年'],
      [2261, '使用人员满意度', '基本满意'],
    ]);
    expect(target.indicators.find((i) => i.lines.first === 2261)).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标' });
  });
});
