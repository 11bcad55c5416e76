import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { isLevel1, isLevel2 } from '../../src/ingest/performance/levels.ts';

// One-project 绩效目标 forms as `pdftotext -layout` prints them: merged 一级/二级 cells centred on their rows, level
// names wrapped in their narrow columns with other rows' lines between the pieces, the grid's label (绩效目标指标)
// in a column of its own left of 一级指标. Fixtures written after the layouts of 福州's and 西安's forms, with other
// names and figures.
const wrappedNames = [
  '        社区图书馆运行项目绩效目标表', // 1
  '',
  ' 项目名称                  社区图书馆运行项目',
  '',
  '      一级指标   二级指标            三级指标           指标值', // 5
  '',
  '      成本指标   经济成本指标      图书采购成本控制率           ≤100%',
  '',
  '             数量指标      新增馆藏图书册数         ≥3000册',
  '绩效目', // 10
  '标指标   产出指标   质量指标            图书上架准确率           ≥98%',
  '',
  '             时效指标       采购任务完成及时率          ≥100%',
  '      效益指标   社会效益指标     全民阅读推广活动场次      ≥12场',
  '      满意度指   服务对象满意', // 15
  '                        读者对借阅服务的满意度          ≥90%',
  '       标      度指标',
  '备注',
].join('\n');

const levelsOf = (text: string) => {
  const [target] = parsePerformance(toSourceLines(text), new Set()).targets;
  return target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text ?? null]);
};

describe('level names of a one-project form, read by position', () => {
  it('joins a 一级 and a 二级 name wrapped around a row (满意度指 / 标, 服务对象满意 / 度指标), and keeps the grid’s label out of the levels', () => {
    expect(levelsOf(wrappedNames)).toEqual([
      ['成本指标', '经济成本指标', '图书采购成本控制率', '≤100%'],
      // 产出指标 is printed on line 11, centred on the three rows of lines 9–13.
      ['产出指标', '数量指标', '新增馆藏图书册数', '≥3000册'],
      ['产出指标', '质量指标', '图书上架准确率', '≥98%'],
      ['产出指标', '时效指标', '采购任务完成及时率', '≥100%'],
      ['效益指标', '社会效益指标', '全民阅读推广活动场次', '≥12场'],
      ['满意度指标', '服务对象满意度指标', '读者对借阅服务的满意度', '≥90%'],
    ]);
  });

  it('keeps the label printed in the grid’s margin as printed, on its lines', () => {
    const [target] = parsePerformance(toSourceLines(wrappedNames), new Set()).targets;
    const printed = (target.printed ?? []).filter((p) => p.lines.first >= 10 && p.lines.first <= 11);
    expect(printed).toEqual([
      { text: '绩效目', lines: { first: 10, last: 10 } },
      { text: '标指标', lines: { first: 11, last: 11 } },
    ]);
    expect(target.indicators[2].lines).toEqual({ first: 11, last: 11 });
  });
});

// 北京's way of printing a form (预算表 L2961–3010), other names and figures: the 二级 cell 成本指标 (L19) is centred
// a line above the middle of its rows (L16–25), so that by its column alone the row of L25 would go under
// 可持续影响指标 (L27), which then centres on L25–29; the 一级 cells centre well only with L25 under 产出指标.
const offCentre = [
  '        养老服务补贴项目绩效目标表', // 1
  '',
  ' 项目名称                  养老服务补贴项目',
  '',
  '      一级指标   二级指标            三级指标           指标值', // 5
  '',
  '',
  '',
  '',
  '                         补贴发放人数           ≥5000人', // 10
  '             数量指标',
  '                         补贴发放批次           ≥12批',
  '',
  '             时效指标        补贴按时发放率          100%',
  '', // 15
  '                         一级失能老人补贴标准       600元/人/月',
  '',
  '      产出指标               二级失能老人补贴标准       400元/人/月',
  '             成本指标',
  '                         三级失能老人补贴标准       200元/人/月', // 20
  '',
  '                         八十周岁老人补贴标准       100元/人/月',
  '',
  '',
  '                         百岁老人补贴标准         800元/人/月', // 25
  '',
  '           可持续影响指标       养老服务需求得到保障       良',
  '',
  '      效益指标               生活照料困难有效缓解       良',
  '           社会效益指标', // 30
  '                         照顾服务水平得到提高       良',
  '      备注',
].join('\n');

// 福州's L651 form (a header wrapped around its line aside): the grid goes on over a page break, and the next page
// prints its columns 4–9 characters left of where the header stands, the 二级 names under the header's 一级 column.
const overPage = [
  '        河道保洁项目绩效目标表', // 1
  '',
  ' 项目名称                  河道保洁项目',
  '',
  '    一级指标    二级指标        三级指标            指标值', // 5
  '',
  '    成本指标       经济成本指标       保洁作业成本控制率           ≤100%',
  '',
  '                        7',
  '\f                   保洁河道长度              ≥120公里', // 10
  '       数量指标',
  '                   保洁作业天数              ≥300天',
  '产出指标   质量指标        河面漂浮物清除率            ≥95%',
  '       时效指标        问题处置及时率             ≥90%',
  '效益指标  生态效益指标       河道水面整洁度             持续提升', // 15
  '满意度指标  满意度指标       沿岸居民满意度             ≥90%',
  '备注',
].join('\n');

// 烟台's forms: the grid's label before each row's 一级 name, and a long 二级 name one space from the 三级 name.
const oneSpace = [
  '        水源地保护项目绩效目标表', // 1
  '',
  ' 项目名称                  水源地保护项目',
  '',
  '      一级指标     二级指标         三级指标                  指标值', // 5
  '',
  '绩效指标 产出指标      数量指标       巡查水源地数量                =12处',
  '',
  '绩效指标 效益指标     可持续影响指标 水源地保护能力提升               持续提升',
  '                           程度', // 10
  '',
  '绩效指标 满意度指标    服务对象满意度  周边群众满意度                 ≥90%',
  '                指标',
  '备注',
].join('\n');

describe('level cells the print places off their rows', () => {
  it('places the 一级 and 二级 cells together: a row goes where both columns centre best, its 二级 name under its 一级 name', () => {
    expect(levelsOf(offCentre).slice(3, 9)).toEqual([
      ['产出指标', '成本指标', '一级失能老人补贴标准', '600元/人/月'],
      ['产出指标', '成本指标', '二级失能老人补贴标准', '400元/人/月'],
      ['产出指标', '成本指标', '三级失能老人补贴标准', '200元/人/月'],
      ['产出指标', '成本指标', '八十周岁老人补贴标准', '100元/人/月'],
      // L25: 效益指标 / 可持续影响指标 by the 二级 column alone.
      ['产出指标', '成本指标', '百岁老人补贴标准', '800元/人/月'],
      ['效益指标', '可持续影响指标', '养老服务需求得到保障', '良'],
    ]);
  });

  it('reads a page after the header’s with its columns moved to where its level names stand', () => {
    expect(levelsOf(overPage)).toEqual([
      ['成本指标', '经济成本指标', '保洁作业成本控制率', '≤100%'],
      ['产出指标', '数量指标', '保洁河道长度', '≥120公里'],
      ['产出指标', '数量指标', '保洁作业天数', '≥300天'],
      ['产出指标', '质量指标', '河面漂浮物清除率', '≥95%'],
      ['产出指标', '时效指标', '问题处置及时率', '≥90%'],
      ['效益指标', '生态效益指标', '河道水面整洁度', '持续提升'],
      ['满意度指标', '满意度指标', '沿岸居民满意度', '≥90%'],
    ]);
  });

  it('parts a whole 二级 name printed one space before the 三级 name', () => {
    expect(levelsOf(oneSpace)).toEqual([
      ['产出指标', '数量指标', '巡查水源地数量', '=12处'],
      ['效益指标', '可持续影响指标', '水源地保护能力提升程度', '持续提升'],
      ['满意度指标', '服务对象满意度指标', '周边群众满意度', '≥90%'],
    ]);
  });
});

const SAMPLES = '../shared/samples/other-provinces';
const absent = !existsSync(SAMPLES);
if (absent) console.warn(`skipping the level names of other places' forms: ${SAMPLES} is not present`);
const targetsOf = (file: string) => parsePerformance(toSourceLines(readFileSync(`${SAMPLES}/${file}`, 'utf8')), new Set()).targets;
/** The 一级 and 二级 names and the 三级 name of the indicator whose value is printed on `line`. */
const rowAt = (targets: ReturnType<typeof targetsOf>, line: number) => {
  const row = targets.flatMap((t) => t.indicators).find((i) => i.lines.first <= line && line <= i.lines.last)!;
  return [row.level1, row.level2, row.name];
};

describe.skipIf(absent)('level names of other places’ forms, as published', () => {
  it('福州 科技局 自创区 form (L809–824): 满意度指 / 标 and 服务对象满意 / 度指标 wrap around the last row; 产出指标 (L816) spans L814–818', () => {
    const targets = targetsOf('fuzhou-science-2026-budget.txt');
    expect([812, 814, 816, 818, 820, 823].map((line) => rowAt(targets, line))).toEqual([
      ['成本指标', '经济成本指标', '评估工作成本控制率'],
      ['产出指标', '数量指标', '评估园区高新技术企业总数'],
      ['产出指标', '质量指标', '评估通过率'],
      ['产出指标', '时效指标', '评估工作目标完成及时率'],
      // The name wraps around its value's line (L819–821).
      ['效益指标', '社会效益指标', '围绕国务院赋予的七大改革任务出台的创新政策措施条数'],
      ['满意度指标', '服务对象满意度指标', '园区对评估工作的满意度'],
    ]);
    // The grid's label 绩效目 / 标指标 (L815–816) is kept as printed, in no level.
    const target = targets.find((t) => t.lines.first <= 816 && 816 <= t.lines.last)!;
    expect(target.printed?.filter((p) => p.lines.first === 815 || p.lines.first === 816).map((p) => p.text)).toEqual(['绩效目', '标指标']);
  });

  it('福州 科技局: the other forms whose level names wrap the same way (L735–737, L861–863, L911–913)', () => {
    const targets = targetsOf('fuzhou-science-2026-budget.txt');
    expect(rowAt(targets, 736)).toEqual(['满意度指标', '服务对象满意度指标', '职工满意度']);
    expect(rowAt(targets, 862)).toEqual(['满意度指标', '服务对象满意度指标', '补助对象满意度']);
    expect(rowAt(targets, 912)).toEqual(['满意度指标', '服务对象满意度指标', '补助对象满意度']);
    // 产出指标 printed on L771, centred on the rows of L769–773.
    expect(rowAt(targets, 769)).toEqual(['产出指标', '数量指标', '新增仪器设备原值']);
  });

  it('福州 科技局 联席会议 form: its header wraps 一级指 / 标 around the other labels (L984–986); its rows keep their levels', () => {
    const targets = targetsOf('fuzhou-science-2026-budget.txt');
    expect([988, 990, 999].map((line) => rowAt(targets, line))).toEqual([
      ['成本指标', '经济成本指标', '科技特派员联席会议办公室工作经费总额'],
      ['产出指标', '数量指标', '组织宣传活动次数'],
      ['满意度指标', '服务对象满意度指标', '社会公众满意度'],
    ]);
  });

  it('福州 科技局: every form has national 一级 and 二级 names only (15 forms, L651–1311)', () => {
    const forms = targetsOf('fuzhou-science-2026-budget.txt').filter((t) => t.lines.first >= 651 && t.lines.first < 1320);
    expect(forms).toHaveLength(15);
    for (const i of forms.flatMap((t) => t.indicators)) expect([isLevel1(i.level1 ?? ''), isLevel2(i.level2 ?? '')]).toEqual([true, true]);
  });

  it('西安 交通运输局 办公场所租赁 (L2240–2262): 一级 names centred on their rows, 二级 names wrapped (经济效益 / 指标) or over no row', () => {
    const targets = targetsOf('xian-transport-2022-budget.txt');
    expect([2242, 2248, 2252, 2258, 2261].map((line) => rowAt(targets, line))).toEqual([
      ['产出指标', '数量指标', '办公地点'],
      ['产出指标', '成本指标', '租房成本'],
      ['效益指标', '社会效益指标', '客运市场秩序'],
      ['效益指标', '可持续影响指标', '办公场所租赁年限'],
      ['满意度指标', '服务对象满意度指标', '使用人员满意度'],
    ]);
  });

  it('福州 科技局 科学普及 form (L651–694): its grid goes on over a page break (L681), the next page’s columns 7 characters left', () => {
    const targets = targetsOf('fuzhou-science-2026-budget.txt');
    expect([676, 681, 683, 686, 688, 690, 693].map((line) => rowAt(targets, line))).toEqual([
      ['成本指标', '经济成本指标', '科普活动专项业务经费总额'],
      ['产出指标', '数量指标', '开展科普进校园活动次数'],
      ['产出指标', '数量指标', '开展科普进社区活动次数'],
      ['产出指标', '质量指标', '与市直单位共同举办大型科普活动次数'],
      ['产出指标', '时效指标', '项目任务完成及时性'],
      ['效益指标', '社会效益指标', '开展科普统计活动次数'],
      ['满意度指标', '服务对象满意度指标', '服务对象投诉次数'],
    ]);
  });

  it('北京 民政局 福利彩票公益金 form (L2961–3010): 成本指标 (L2986) spans L2977–2997, 社会效益指标 (L3004) L3003–3005', () => {
    const targets = targetsOf('beijing-civil-affairs-2026-tables.txt');
    expect([2994, 2997, 3000, 3003, 3005].map((line) => rowAt(targets, line))).toEqual([
      ['产出指标', '成本指标', '90周岁至99周岁的老年人补贴标准'],
      ['产出指标', '成本指标', '100周岁及以上的老年人补贴标准'],
      ['效益指标', '可持续影响指标', '老年人基本养老服务需求得到保障'],
      ['效益指标', '社会效益指标', '老年人生活照料困难有效缓解'],
      ['效益指标', '社会效益指标', '老年人照顾服务水平得到提高'],
    ]);
  });

  it('烟台 水利局: 可持续影响指标 printed one space before the 三级 name (L1576, L1883, L2104); 保险赔付及时率 (L1570) under 时效指标', () => {
    const targets = targetsOf('yantai-water-2026-budget.txt');
    expect([1570, 1576, 1883, 1886, 2104, 2107].map((line) => rowAt(targets, line))).toEqual([
      ['产出指标', '时效指标', '保险赔付及时率'],
      ['效益指标', '可持续影响指标', '水利工程应对自然界灾害风险能力'],
      ['效益指标', '可持续影响指标', '促进汛旱应急与节水知识宣传普及'],
      ['满意度指标', '服务对象满意度指标', '受益人员满意度'],
      ['效益指标', '可持续影响指标', '水闸安全类别评定结果和处理措施建议采纳次数'],
      ['满意度指标', '服务对象满意度指标', '水闸管理单位满意度'],
    ]);
  });

  it('西安 交通运输局: a 二级 name one run with the 三级 name beside it (质量指标    质量合格率, L2407) parts', () => {
    expect(rowAt(targetsOf('xian-transport-2022-budget.txt'), 2407)).toEqual(['产出指标', '质量指标', '质量合格率']);
  });
});
