import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

const targetOf = (lines: readonly string[]) => parsePerformance(toSourceLines(lines.join('\n')), new Set()).targets[0];
const levelsOf = (lines: readonly string[]) => targetOf(lines).indicators.map((i) => [i.lines.first, i.name, i.level1, i.level2, i.value.text]);

// A form written for this test, spaces collapsed as a -layout print's are (福州 科技局 2026's 科学普及活动项目 form,
// opcoll L671–L694, its model; other names and figures). The merged level cells are printed in the middle of their
// rows: 成本指 / 标 (L9, L11) around its row L10, 数量指标 (L14) between its rows L13 and L15, 产出指 / 标 (L16, L17) in
// the middle of L13–L20, 效益指 / 标 (L21, L23) and 满意度 / 指标 with 服务对象满意 / 度指标 (L24, L26) around their one
// row each. The rows by line: L10 活动经费
// 总额 ≤60万元, L13 进校园活动次数 ≥8场, L15 进社区活动次数 ≥6场, L18 联合举办大型科普活动次数 ≥2场 (name L17–L19),
// L20 任务完成及时性 ≥95%, L22 科普统计活动次数 ≥1次, L25 服务对象投诉次数 ≤2次.
const CENTRED = [
  ' 科普活动项目绩效目标表',
  ' 项目名称 科普活动项目',
  ' 主管部门 某市科学技术局 实施单位 某市科学技术局',
  ' 资金总额 60.00',
  ' 一级指',
  ' 二级指标 三级指标 指标值',
  ' 标',
  '绩效目标指标',
  ' 成本指',
  ' 经济成本指标 活动经费总额 ≤60万元',
  ' 标',
  '',
  ' 进校园活动次数 ≥8场',
  ' 数量指标',
  ' 进社区活动次数 ≥6场',
  ' 产出指',
  ' 标 联合举办大型科',
  ' 质量指标 ≥2场',
  ' 普活动次数',
  ' 时效指标 任务完成及时性 ≥95%',
  ' 效益指',
  ' 社会效益指标 科普统计活动次数 ≥1次',
  ' 标',
  ' 满意度 服务对象满意',
  ' 服务对象投诉次数 ≤2次',
  ' 指标 度指标',
];

describe('a single-space form whose merged level cells are centred on their rows', () => {
  it('gives each row the cells centred on it, not the cell above (L13 under 产出指标 / 数量指标 printed at L14, L16–L17)', () => {
    expect(levelsOf(CENTRED)).toEqual([
      [10, '活动经费总额', '成本指标', '经济成本指标', '≤60万元'],
      [13, '进校园活动次数', '产出指标', '数量指标', '≥8场'],
      [15, '进社区活动次数', '产出指标', '数量指标', '≥6场'],
      [17, '联合举办大型科普活动次数', '产出指标', '质量指标', '≥2场'],
      [20, '任务完成及时性', '产出指标', '时效指标', '≥95%'],
      [22, '科普统计活动次数', '效益指标', '社会效益指标', '≥1次'],
      [25, '服务对象投诉次数', '满意度指标', '服务对象满意度指标', '≤2次'],
    ]);
  });

  it('keeps reading down the lines where no line keeps an indent (pdftotext -raw prints cells in reading order)', () => {
    // L14's 数量指标 read as the 二级 name of the rows after it only: L13 stays under 经济成本指标, as the text prints it.
    const raw = CENTRED.map((l) => l.trimStart());
    expect(levelsOf(raw)[1]).toEqual([13, '进校园活动次数', '成本指标', '经济成本指标', '≥8场']);
  });
});

// The same form's other shapes (福州 科技局 2026, opcoll L722–L737 and L805–L817, their model): a value alone on its line
// with its name's one line under it (L9 `数量指标 ≥1次` / L10 `会议召开次数`), a name's line before a value line that
// opens with its level names (L11 `培训计划按期完成` / L12 `产出指标 质量指标 =100%` / L13 `率`), and the grid's label
// wrapped in its margin, its first piece before a row's name (L14 `绩效目 水电费支付及时性 ≥100%` / L15 `标指标 …`).
const SHAPES = [
  ' 科技交流项目绩效目标表',
  ' 项目名称 科技交流',
  ' 主管部门 某市科学技术局 实施单位 某市科学技术局',
  ' 资金总额 20.00',
  ' 一级指标 二级指标 三级指标 指标值',
  '',
  ' 成本指标 经济成本指标 总支出成本控制率 ≤100%',
  '',
  ' 数量指标 ≥1次',
  ' 会议召开次数',
  ' 培训计划按期完成',
  ' 产出指标 质量指标 =100%',
  ' 率',
  '绩效目 水电费支付及时性 ≥100%',
  '标指标 时效指标 资料归档及时率 ≥90%',
  ' 满意度指标 服务对象满意度指标 职工满意度 ≥80%',
];

describe('a single-space form printing a value before its name and its grid label wrapped', () => {
  const read = levelsOf(SHAPES);

  it('gives a value alone on its line the name on the line under it (L9, L10)', () => {
    expect(read[1]).toEqual([9, '会议召开次数', '产出指标', '数量指标', '≥1次']);
  });

  it('reads a name’s line before a value line opening with level names as a piece of the name (L11–L13)', () => {
    expect(read[2]).toEqual([11, '培训计划按期完成率', '产出指标', '质量指标', '=100%']);
  });

  it('sets the grid label’s pieces apart (绩效目 L14, 标指标 L15), off the rows’ names', () => {
    expect(read.slice(3).map((r) => r[1])).toEqual(['水电费支付及时性', '资料归档及时率', '职工满意度']);
    const printed = (targetOf(SHAPES).printed ?? []).map((p) => [p.lines.first, p.text]);
    expect(printed).toEqual(expect.arrayContaining([[14, '绩效目'], [15, '标指标']]));
  });
});

const SAMPLES = '../shared/samples/other-provinces';
const absent = !existsSync(SAMPLES);

// 福州 科技局 2026 budget with its -layout text's runs of spaces made one (what /work/corp/opcoll holds): its 科学普及
// 活动项目 form, read against the -layout print (L680–L688): 开展科普进校园活动次数 ≥10场 (L681) and 开展科普进社区活动次数
// ≥10场 (L683) under 数量指标 (L682) and 产出指标 (L684–L685).
describe.skipIf(absent)('福州 科技局 2026 with spaces collapsed', () => {
  const file = 'fuzhou-science-2026-budget.txt';
  const text = absent ? '' : readFileSync(`${SAMPLES}/${file}`, 'utf8').replace(/ {2,}/g, ' ');
  const doc = absent ? null : parseDisclosure(text, { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });

  it('puts L681 and L683 under 产出指标 / 数量指标', () => {
    const target = doc!.targets.find((t) => t.projectName === '科学普及活动项目')!;
    const rows = target.indicators.filter((i) => i.lines.first === 681 || i.lines.first === 683);
    expect(rows.map((i) => [i.name, i.level1, i.level2, i.value.text])).toEqual([
      ['开展科普进校园活动次数', '产出指标', '数量指标', '≥10场'],
      ['开展科普进社区活动次数', '产出指标', '数量指标', '≥10场'],
    ]);
  });
});

// A form written for this test after 北京 民政局 2026's 社会保障和就业共同事权转移支付绩效目标表 (the `-layout` text's
// L3126–L3142, spaces collapsed): its 指标值 prints a figure a space before its counted unit (`18000 元/人/年`, L7),
// and the row's name is wrapped around that line (L6 and L8), so the line prints the figure and its unit only, after
// the 一级 name centred there. The -layout text reads L3129–L3131 as 毕业生一次性入职奖励第一年及第二年奖励标准（本科及以上）
// with 18000 元/人/年.
describe('a single-space form whose value prints a figure a space before its counted unit', () => {
  const lines = [
    ' 转移支付绩效目标表',
    ' 一级指标 二级指标 三级指标 指标值',
    '',
    ' 时效指标 补贴拨付及时率 100%', // 4
    '',
    ' 毕业生一次性入职奖励第一年及第二年奖励', // 6
    ' 产出指标 18000 元/人/年',
    ' 标准（本科及以上）', // 8
    '',
    ' 成本指标', // 10
    '',
    ' 中职学历毕业生补贴标准 12000 元/人/年', // 12
  ];

  it('reads 18000 元/人/年 as L7’s value, its name from L6 and L8, and 12000 元/人/年 after the name on L12', () => {
    const read = targetOf(lines).indicators.map((i) => [i.lines.first, i.lines.last, i.name, i.value.number, i.value.unit]);
    expect(read).toEqual([
      [4, 4, '补贴拨付及时率', 100, '%'],
      [6, 8, '毕业生一次性入职奖励第一年及第二年奖励标准（本科及以上）', 18000, '元/人/年'],
      [12, 12, '中职学历毕业生补贴标准', 12000, '元/人/年'],
    ]);
  });
});

// A form written for this test after the same document's 北京市社会保障和就业共同事权转移支付绩效目标表 (the `-layout`
// text's L3237–L3244, spaces collapsed): L5 prints the 二级 name and the value 优 of the row whose name is wrapped
// around it (L4 and L6, `…需求基本得到` / `满足`). The -layout text reads L3240–L3242 as
// 困境家庭服务对象入住养老机构需求基本得到满足 with 优; a grade alone is a value by its form, not a piece of the name.
describe('a single-space form whose value is a grade alone, its name wrapped around its line', () => {
  const lines = [
    ' 转移支付绩效目标表',
    ' 一级指标 二级指标 三级指标 指标值',
    '',
    ' 困境家庭服务对象入住养老机构需求基本得到', // 4
    ' 可持续影响指标 优',
    ' 满足', // 6
    ' 效益指标',
    ' 社会效益指标 推进基本公共养老服务均等化 优', // 8
  ];

  it('reads 优 as L5’s value and its name from L4 and L6', () => {
    const read = targetOf(lines).indicators.map((i) => [i.lines.first, i.lines.last, i.level2, i.name, i.value.qualitative]);
    expect(read).toEqual([
      [4, 6, '可持续影响指标', '困境家庭服务对象入住养老机构需求基本得到满足', '优'],
      [8, 8, '社会效益指标', '推进基本公共养老服务均等化', '优'],
    ]);
  });
});

// A form written for this test after 福州 科技局 2026's 科技成果转移转化服务平台运行管理费项目 form (the `-layout` text's
// L1071–L1085, spaces collapsed): names wrapped around their rows' lines (平台运营维护成本控 / L5 / 制率, 系统运行维护响应时
// / L10 / 间) between rows printing theirs whole, and a last row (L14) whose name's last piece 标 the reading takes for
// the end of the level name 服务对象满意度指标, so that no cut centres it. The -layout text reads 平台运营维护成本控制率
// ≤100% (L1073–L1075), 组织宣传活动次数 ≥1场次, 系统正常运行率 ≥90%, 系统运行维护响应时间 ≤72小时 (L1079–L1081),
// 项目公示数 ≥10项.
describe('a single-space form one of whose rows no cut of its name’s lines centres', () => {
  const lines = [
    ' 科技平台项目绩效目标表',
    ' 一级指标 二级指标 三级指标 指标值',
    '',
    ' 平台运营维护成本控', // 4
    ' 成本指标 经济成本指标 ≤100%',
    ' 制率', // 6
    ' 数量指标 组织宣传活动次数 ≥1场次',
    ' 产出指标 质量指标 系统正常运行率 ≥90%', // 8
    ' 系统运行维护响应时',
    ' 时效指标 ≤72小时', // 10
    ' 间',
    ' 效益指标 社会效益指标 项目公示数 ≥10项', // 12
    ' 服务对象满意度指',
    ' 满意度指标 服务对象满意度指标 ≥90%', // 14
    ' 标',
  ];
  const target = targetOf(lines);

  it('still shares the other rows’ lines as their centring cuts them: 制率 under L5, 间 under L10', () => {
    expect(target.indicators.slice(0, 5).map((i) => [i.lines.first, i.lines.last, i.name, i.value.text])).toEqual([
      [4, 6, '平台运营维护成本控制率', '≤100%'],
      [7, 7, '组织宣传活动次数', '≥1场次'],
      [8, 8, '系统正常运行率', '≥90%'],
      [9, 11, '系统运行维护响应时间', '≤72小时'],
      [12, 12, '项目公示数', '≥10项'],
    ]);
    expect(target.flag).toContain('第 13 行的指标名称文字属于第 12 行还是第 14 行的指标，文本无法确定');
  });
});
