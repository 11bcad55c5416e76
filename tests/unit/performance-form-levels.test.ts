import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { isLevel1, isLevel2 } from '../../src/ingest/performance/levels.ts';
import { pageGeometry } from '../../src/ingest/page-geometry.ts';
import { pdfTargets } from '../fixtures/pdf-routes.ts';
import { levelsOf } from '../fixtures/target-levels.ts';

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

  it('西安 交通运输局 部门整体 form (L2483–2506): the rows whose 二级 cell the text cannot tell are flagged, the others placed', () => {
    const targets = targetsOf('xian-transport-2022-budget.txt');
    // The PDF (page 86) draws 数量指标 over L2484–2486, 质量指标 over L2487–2490, 时效指标 over L2491 and 成本指标
    // over L2493, L2495 and an empty row: by the text, 质量指标 (L2488) and 时效指标 (L2491) are centred as well on
    // their own lines' rows alone, their neighbours taking L2487, L2490 and L2493.
    expect([2484, 2486, 2487, 2488, 2490, 2491, 2493, 2495, 2497].map((line) => rowAt(targets, line))).toEqual([
      ['产出指标', '数量指标', '部门从业人员'],
      ['产出指标', '数量指标', '监管营运车辆'],
      ['产出指标', null, '年度目标考评'],
      ['产出指标', '质量指标', '年末好路率'],
      ['产出指标', null, '运输市场整治覆盖率'],
      ['产出指标', '时效指标', '工作进度'],
      ['产出指标', null, '基本支出'],
      ['产出指标', '成本指标', '专项业务支出'],
      ['效益指标', '经济效益指标', '区域经济发展'],
    ]);
    const form = targets.find((t) => t.lines.first <= 2484 && 2484 <= t.lines.last)!;
    expect(form.flag).toContain('第 2493 行的指标属于「时效指标」还是「成本指标」，文本无法确定（二级指标单元格跨越哪些行看不出），未填');
  });

  it('烟台 水利局: names wrapped over the line above their value’s, a blank line above them, and names ending on a short piece', () => {
    const targets = targetsOf('yantai-water-2026-budget.txt');
    expect([1617, 1620, 1748, 2005, 2008, 2047, 2053, 2056, 2094, 2227].map((line) => rowAt(targets, line))).toEqual([
      ['产出指标', '时效指标', '监督检查完成及时率'],
      // L1619–1620.
      ['效益指标', '社会效益指标', '对工程维护、污染防治等方面监管'],
      ['效益指标', '经济效益指标', '节约成本，满足机关网络需求'],
      // L2005–2006 end on 率; L2007 begins the next row's name.
      ['产出指标', '质量指标', '泵站运行电费统计真实准确率'],
      ['产出指标', '时效指标', '泵站运行期间电费缴纳及时率'],
      ['产出指标', '质量指标', '消除安全隐患，橡胶坝工程正常运转率'],
      ['效益指标', '经济效益指标', '保护两岸避免洪水侵害保护率'],
      ['效益指标', '生态效益指标', '提供水景观，全年河道蓄水天数'],
      ['产出指标', '质量指标', '水闸安全评价成果审查通过率'],
      ['效益指标', '可持续影响指标', '对移民后期扶持工作具有可持续影响'],
    ]);
  });
});

// One-project forms as a PDF draws them (issue 11), after 西安's 部门整体 form (PDF page 86) and 烟台's forms (page
// 49), other names and figures. Line n's box is `box(n)`; vertical rules part the grid's columns 一级 (x 0–50), 二级
// (50–100), 三级 (100–150) and 指标值 (150–200); a horizontal rule closes a cell of each column it crosses.
const grid = (boxes: Record<number, [number, number, number, number]>, horizontal: Array<[number, number]>, edges = [0, 50, 100, 150, 200]) =>
  pageGeometry(
    [],
    Float64Array.from({ length: 4 * Math.max(12, ...Object.keys(boxes).map(Number)) }, (_, i) => boxes[Math.floor(i / 4) + 1]?.[i % 4] ?? NaN),
    [{ horizontal: horizontal.map(([y, x0]) => ({ y, x0, x1: edges[edges.length - 1] })), vertical: edges.map((x) => ({ x, y0: 45, y1: 140 })) }],
  );

// The 二级 cell 成本指标 is drawn over three rows (L7, L8 and an empty one below), its name printed on L8: centred on
// L8 alone by its text, L7 would go under 时效指标.
const costOverThree = [
  '        道路养护项目绩效目标表', // 1
  '',
  ' 项目名称                  道路养护项目',
  '',
  '      一级指标   二级指标            三级指标           指标值', // 5
  '             时效指标        养护工作完成率       ≥95%',
  '      产出指标               日常养护支出         120万元',
  '             成本指标        专项维修支出         80万元',
  '      效益指标   社会效益指标     群众出行条件         明显改善',
  '备注', // 10
].join('\n');
const costOverThreeDrawn = grid(
  { 1: [40, 10, 160, 18], 3: [5, 30, 150, 38], 5: [5, 50, 195, 58], 6: [55, 62, 190, 70], 7: [5, 74, 190, 82], 8: [55, 86, 190, 94], 9: [5, 110, 190, 118], 10: [5, 122, 30, 130] },
  // The frame and the header's rules; L6's row closes 时效指标; L7's and L8's rows only their rows; the empty row
  // (y 96–108) closes 成本指标 and 产出指标.
  [[45, 0], [60, 0], [72, 50], [84, 100], [96, 100], [108, 0], [120, 0], [132, 0]],
);

// 烟台's rows whose 三级 name and value both wrap over three lines (L7–9): each line prints a piece of the value.
const wrappedValue = [
  '        水资源评估项目绩效目标表', // 1
  '',
  ' 项目名称                  水资源评估项目',
  '',
  '      一级指标   二级指标            三级指标                 指标值', // 5
  '      产出指标   时效指标        项目完成及时率               100%',
  '                          研判区域承载状况，        对承载状况研判的有效性；',
  '      效益指标   社会效益指标    形成评价成果，提出管控建  成因分析的准确性；调控建议的可行',
  '                          议。                      性。',
  '      满意度指标    服务对象满意度指标             受益人员满意度                  ≥90%', // 10
  '备注',
].join('\n');
const wrappedValueDrawn = grid(
  { 1: [40, 10, 160, 18], 3: [5, 30, 150, 38], 5: [5, 50, 195, 58], 6: [5, 62, 190, 70], 7: [100, 74, 190, 82], 8: [5, 84, 190, 92], 9: [100, 94, 190, 102], 10: [5, 106, 190, 114], 11: [5, 122, 30, 130] },
  [[45, 0], [60, 0], [72, 0], [104, 0], [116, 0]],
);

// 烟台's rows whose 三级 name wraps above its value's line (p53 L1345: 消除安全隐患，橡胶坝工程 over 正常运转率), as near
// the row above by lines; and 西安's name whose end the cell clips under its bottom rule into the next row (p81
// L2002: 性, 1.6 points under the rule).
const wrappedAbove = [
  '        泵站运行项目绩效目标表', // 1
  '',
  ' 项目名称                  泵站运行项目',
  '',
  '      一级指标   二级指标            三级指标                 指标值', // 5
  '      产出指标   数量指标        完成维修养护数量             10座',
  '                          消除安全隐患，工程',
  '      产出指标   质量指标        正常运转率                   =100%',
  '      效益指标   社会效益指标    保障泵站正常运行可持续       =100%',
  '                                  性', // 10
  '      满意度指标    服务对象满意度指标             使用人员满意度                  ≥90%',
  '备注',
].join('\n');
const wrappedAboveDrawn = grid(
  { 1: [40, 10, 160, 18], 3: [5, 30, 150, 38], 5: [5, 50, 195, 58], 6: [5, 62, 190, 70], 7: [100, 78, 150, 86], 8: [5, 88, 190, 96], 9: [5, 104, 190, 112], 10: [100, 115.6, 150, 123.6], 11: [5, 124, 190, 132], 12: [5, 140, 30, 148] },
  [[45, 0], [60, 0], [73, 0], [100, 0], [114, 0], [136, 0]],
);

// The same form set in type twice as large (glyphs 16 points high on a page twice as tall): the overflowing 性 (L10)
// stands 3.2 points under the rule, within a line gap of it (0.3 × 16 = 4.8 points).
const wrappedAboveLarger = grid(
  Object.fromEntries(
    Object.entries({ 1: [40, 10, 160, 18], 3: [5, 30, 150, 38], 5: [5, 50, 195, 58], 6: [5, 62, 190, 70], 7: [100, 78, 150, 86], 8: [5, 88, 190, 96], 9: [5, 104, 190, 112], 10: [100, 115.6, 150, 123.6], 11: [5, 124, 190, 132], 12: [5, 140, 30, 148] })
      .map(([line, [x0, y0, x1, y1]]) => [line, [x0, 2 * y0, x1, 2 * y1]]),
  ) as Record<number, [number, number, number, number]>,
  [[90, 0], [120, 0], [146, 0], [200, 0], [228, 0], [272, 0]],
);

// 开发区's 老年养护院 form (seed L1093–1099) as LibreOffice prints its Word table (the seed's re-print, PDF pages 30–31):
// columns 一级 (x 0–50), 二级 (50–100), 三级 (100–200), 指标值 (200–260), 依据 (260–330) and 分值 (330–370), every
// row ruled across all of them, a level name beside the first row of its group only (产出指标 and 成本指标 over three
// rows each), and cells that wrap: the value `=2024年11 月25日前` (L8–9), the basis `预算支出标准` and the name
// `经济成本指标` (L10–11).
const unmergedRows = [
  '        养护院运行保障项目绩效目标表', // 1
  '',
  ' 项目名称                  老年养护院运行保障项目',
  '',
  ' 一级指标  二级指标   三级指标         指标值          指标值设置依据     分值', // 5
  ' 产出指标  数量指标   购买水电气次数      >=3次         计划标准        20',
  '       质量指标   区域覆盖率        =100%        计划标准        10',
  '       时效指标   项目完成时间       =2024年       计划标准        10',
  '                           11月25日前',
  ' 成本指标  经济成本   水费成本(万元)     <=4.30万元     预算支出        5', // 10
  '       指标                               标准',
  '              电费成本(万元)     <=6.10万元     预算支出标准      5',
  '              天然气费成本(万元)   <=4万元        预算支出标准      5',
  '备注',
].join('\n');
const unmergedRowsDrawn = grid(
  { 1: [40, 10, 160, 18], 3: [5, 30, 150, 38], 5: [5, 50, 365, 58], 6: [5, 62, 350, 70], 7: [55, 74, 350, 82], 8: [55, 86, 350, 94], 9: [205, 95, 250, 103], 10: [5, 108, 350, 116], 11: [55, 118, 300, 126], 12: [105, 132, 350, 140], 13: [105, 144, 350, 152], 14: [5, 164, 30, 172] },
  [[45, 0], [60, 0], [72, 0], [84, 0], [106, 0], [130, 0], [142, 0], [154, 0]],
  [0, 50, 100, 200, 260, 330, 370],
);

// The evaluation seed's year table (L117–121) as its re-print's PDF draws it (page 4): a Word table of unmerged cells,
// every row ruled, its level names beside the first row of their groups. The source printed two rows a column off
// their labels: `质量指标 | 项目验收合格率` (L119: the 二级 name in the 三级 column, the name in the value column, no
// value) and `对脱贫户和边缘户监测` in the 二级 column (L120).
const shiftedRows = [
  '        防返贫致贫监测预警工作专项项目绩效目标表', // 1
  '',
  ' 项目名称                  防返贫致贫监测预警工作专项项目',
  '',
  '      一级指标     二级指标              三级指标               指标值', // 5
  '      产出指标     数量指标              信息系统开发数量           =1个',
  '                                 质量指标               项目验收合格率',
  '               对脱贫户和边缘户监测                           =100%',
  '               时效指标              资金发放及时性            =100%',
  '备注', // 10
].join('\n');
const shiftedRowsDrawn = grid(
  { 1: [40, 10, 160, 18], 3: [5, 30, 150, 38], 5: [5, 50, 195, 58], 6: [5, 62, 190, 70], 7: [105, 74, 190, 82], 8: [55, 86, 190, 94], 9: [55, 98, 190, 106], 10: [5, 122, 30, 130] },
  [[45, 0], [60, 0], [72, 0], [84, 0], [96, 0], [108, 0]],
);

describe('a one-project form drawn with rules', () => {
  it('reads a drawn row that prints a 二级 name and a 三级 name but no value as a row of its own, as a tab-separated grid does', () => {
    expect(levelsOf(shiftedRows, shiftedRowsDrawn)).toEqual([
      ['产出指标', '数量指标', '信息系统开发数量', '=1个'],
      ['产出指标', '质量指标', '项目验收合格率', ''],
      ['产出指标', '质量指标', '对脱贫户和边缘户监测', '=100%'],
      ['产出指标', '时效指标', '资金发放及时性', '=100%'],
    ]);
    // By the text alone, the row without a value is the end of the name above.
    expect(levelsOf(shiftedRows)[0][2]).toBe('信息系统开发数量项目验收合格率');
  });


  it('reads a grid that prints columns right of the value by its rules too: a wrapped value is one row, a level name over the rows under it', () => {
    const read = (geometry?: ReturnType<typeof pageGeometry>) =>
      parsePerformance(toSourceLines(unmergedRows), new Set(), geometry).targets[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text ?? null, i.basis, i.weight]);
    expect(read(unmergedRowsDrawn)).toEqual([
      ['产出指标', '数量指标', '购买水电气次数', '>=3次', '计划标准', 20],
      ['产出指标', '质量指标', '区域覆盖率', '=100%', '计划标准', 10],
      ['产出指标', '时效指标', '项目完成时间', '=2024年11月25日前', '计划标准', 10],
      ['成本指标', '经济成本指标', '水费成本(万元)', '<=4.30万元', '预算支出标准', 5],
      ['成本指标', '经济成本指标', '电费成本(万元)', '<=6.10万元', '预算支出标准', 5],
      ['成本指标', '经济成本指标', '天然气费成本(万元)', '<=4万元', '预算支出标准', 5],
    ]);
    // By the text alone, the value's second line (L9) is a row of its own, without a name.
    expect(read()).toHaveLength(7);
    expect(read()[3].slice(2, 4)).toEqual(['', '11月25日前']);
  });


  it('gives a 二级 cell the rows between its rules, wherever its name is centred', () => {
    expect(levelsOf(costOverThree, costOverThreeDrawn)).toEqual([
      ['产出指标', '时效指标', '养护工作完成率', '≥95%'],
      ['产出指标', '成本指标', '日常养护支出', '120万元'],
      ['产出指标', '成本指标', '专项维修支出', '80万元'],
      ['效益指标', '社会效益指标', '群众出行条件', '明显改善'],
    ]);
    // Its text alone centres 时效指标 on L6 and 成本指标 on L8: L7 could be under either, equally centred. It is
    // under neither, and flagged.
    expect(levelsOf(costOverThree)[1]).toEqual(['产出指标', null, '日常养护支出', '120万元']);
    expect(parsePerformance(toSourceLines(costOverThree), new Set()).targets[0].flag).toBe(
      '第 7 行的指标属于「时效指标」还是「成本指标」，文本无法确定（二级指标单元格跨越哪些行看不出），未填',
    );
  });

  it('reads the lines between two rules across the value column as one row, its name and value wrapped alike', () => {
    expect(levelsOf(wrappedValue, wrappedValueDrawn)).toEqual([
      ['产出指标', '时效指标', '项目完成及时率', '100%'],
      ['效益指标', '社会效益指标', '研判区域承载状况，形成评价成果，提出管控建议。', '对承载状况研判的有效性；成因分析的准确性；调控建议的可行性。'],
      ['满意度指标', '服务对象满意度指标', '受益人员满意度', '≥90%'],
    ]);
    expect(levelsOf(wrappedValue)).toHaveLength(5);
  });

  it('gives a line standing clear inside a row’s band to that row; a line at a rule, to the row its text says', () => {
    expect(levelsOf(wrappedAbove, wrappedAboveDrawn)).toEqual([
      ['产出指标', '数量指标', '完成维修养护数量', '10座'],
      ['产出指标', '质量指标', '消除安全隐患，工程正常运转率', '=100%'],
      ['效益指标', '社会效益指标', '保障泵站正常运行可持续性', '=100%'],
      ['满意度指标', '服务对象满意度指标', '使用人员满意度', '≥90%'],
    ]);
    // By the text alone, L7 ends the name above.
    expect(levelsOf(wrappedAbove)[0]).toEqual(['产出指标', '数量指标', '完成维修养护数量消除安全隐患，工程', '10座']);
    // In larger type the margin grows with the glyphs: 性, 3.2 points under the rule, may still be overflow.
    expect(levelsOf(wrappedAbove, wrappedAboveLarger)[2]).toEqual(['效益指标', '社会效益指标', '保障泵站正常运行可持续性', '=100%']);
  });
});

// 西安's 部门整体 form as `pdftotext -layout` prints it (L2483–2506): rows one line apart, 产出指标 centred between two
// rows on a line of its own (L11), the margin label 年 / 度 / 绩 / 效 / 指 / 标 on lines of its own between rows
// (L14, L16, L18); the 成本指标 cell drawn over an empty row the text does not show. Other names and figures.
const denseRows = [
  '        道路养护项目绩效目标表', // 1
  '',
  ' 项目名称                  道路养护项目',
  '',
  '            一级指标    二级指标        三级指标                指标值', // 5
  '                                    养护里程                  120公里',
  '                        数量指标    桥梁检测座数              15座',
  '                                    隧道巡查次数              52次',
  '                                    年度考核等级              优',
  '                        质量指标    路面合格率                >95%', // 10
  '            产出指标',
  '     年                             整治覆盖率                >80%',
  '     度                 时效指标    养护进度                  按计划完成',
  '     绩',
  '                                    日常养护支出              120万元', // 15
  '     效',
  '     指                 成本指标    专项维修支出              80万元',
  '     标',
  '                      社会效益指标  群众出行条件              明显改善',
  '            效益指标', // 20
  '                      生态效益指标  道路通行环境              绿、洁、畅、通',
  '备注',
].join('\n');

// 烟台's forms as `pdftotext -layout` prints them (L2042–2062, L2001–2009): a blank line between rows, a 三级 name
// wrapped over the line above its value's (L9), nearer the row above by lines than its value's line is; a name
// wrapped below its value's line ending on a short piece (L16), the next row's name beginning right under it (L17).
const blankParted = [
  '        水库维护项目绩效目标表', // 1
  '',
  ' 项目名称                  水库维护项目',
  '',
  '      一级指标     二级指标         三级指标                  指标值', // 5
  '',
  '绩效指标 产出指标      数量指标     完成水库巡查次数              12次',
  '',
  '                        消除安全隐患，闸门设备',
  '绩效指标 产出指标      质量指标         正常运转率                 =100%', // 10
  '',
  '绩效指标 产出指标      时效指标     巡查任务完成及时率              =100%',
  '',
  '绩效指标 效益指标     社会效益指标   闸门运行记录统计真实准确        =100%',
  '                              率', // 15
  '                        闸门运行期间维修费用缴纳及时',
  '绩效指标 效益指标     可持续影响指标       率                   =100%',
  '',
  '绩效指标 满意度指标      服务对象满意度指标        使用人员满意度                 ≥90%',
  '备注', // 20
].join('\n');

describe('a one-project form as `pdftotext -layout` prints it', () => {
  it('reads the lines between rows holding other text as no distance, and flags the rows the centring cannot place', () => {
    const [target] = parsePerformance(toSourceLines(denseRows), new Set()).targets;
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['产出指标', '数量指标', '养护里程'],
      ['产出指标', '数量指标', '桥梁检测座数'],
      ['产出指标', '数量指标', '隧道巡查次数'],
      // 质量指标 (L10) is centred on L9, L10 and L12 as well as on L10 alone, 时效指标 (L13) on L12, L13, L15 as well
      // as on L13 alone, 成本指标 (L17) on L15 and L17 as well as on L17 alone.
      ['产出指标', null, '年度考核等级'],
      ['产出指标', '质量指标', '路面合格率'],
      ['产出指标', null, '整治覆盖率'],
      ['产出指标', '时效指标', '养护进度'],
      ['产出指标', null, '日常养护支出'],
      ['产出指标', '成本指标', '专项维修支出'],
      ['效益指标', '社会效益指标', '群众出行条件'],
      ['效益指标', '生态效益指标', '道路通行环境'],
    ]);
    expect(target.flag).toBe(
      [
        '第 9 行的指标属于「数量指标」还是「质量指标」，文本无法确定（二级指标单元格跨越哪些行看不出），未填',
        '第 12 行的指标属于「质量指标」还是「时效指标」，文本无法确定（二级指标单元格跨越哪些行看不出），未填',
        '第 15 行的指标属于「时效指标」还是「成本指标」，文本无法确定（二级指标单元格跨越哪些行看不出），未填',
      ].join('；'),
    );
  });

  it('gives a wrapped piece to the row it is printed next to, not the row a blank line parts it from; a short piece ends a name', () => {
    expect(levelsOf(blankParted)).toEqual([
      ['产出指标', '数量指标', '完成水库巡查次数', '12次'],
      ['产出指标', '质量指标', '消除安全隐患，闸门设备正常运转率', '=100%'],
      ['产出指标', '时效指标', '巡查任务完成及时率', '=100%'],
      ['效益指标', '社会效益指标', '闸门运行记录统计真实准确率', '=100%'],
      ['效益指标', '可持续影响指标', '闸门运行期间维修费用缴纳及时率', '=100%'],
      ['满意度指标', '服务对象满意度指标', '使用人员满意度', '≥90%'],
    ]);
  });
});

// Forms of the sample PDFs read from the PDF with their rules. Line numbers are the PDF reader's.
describe.skipIf(absent)('one-project forms of other places’ PDFs, read with their rules', () => {
  it('西安 交通运输局 部门整体 form (page 86): 基本支出 (L2231) in the 成本指标 cell drawn over L2231, L2233 and an empty row', async () => {
    const targets = await pdfTargets(`${SAMPLES}/xian-transport-2022-budget.pdf`);
    expect([2229, 2231, 2233, 2236].map((line) => rowAt(targets, line))).toEqual([
      ['产出指标', '时效指标', '工作进度'],
      ['产出指标', '成本指标', '基本支出'],
      ['产出指标', '成本指标', '专项业务支出'],
      ['效益指标', '经济效益指标', '区域经济发展'],
    ]);
    // 行政执法权威 / 性 (page 81, L2000–2002): the end of the name clipped below its cell stays in it.
    expect(rowAt(targets, 2002)).toEqual(['效益指标', '社会效益指标', '1：执法程序合法率；2：执法形象；3：行政执法权威性']);
    // 8M数字电 / 路数 (page 82, L2035–2037): 路数 stands across the rule under its row, clipped; it ends the name above.
    expect(rowAt(targets, 2037)).toEqual(['产出指标', '数量指标', '2M数字电路数；光纤数；4M数字电路数；8M数字电路数']);
  });

  it('烟台 水利局 全市水资源支撑保障能力评估 (page 49): a 三级 name and value both wrapped over L1189–1191 are one row', async () => {
    // Lines of the PDF's text as PDFium reads it: page 10's header is two lines where pdf.js read three (a position
    // on half a line, rounded the other way), so every line after it is 4 fewer than pdf.js's.
    const targets = await pdfTargets(`${SAMPLES}/yantai-water-2026-budget.pdf`);
    const row = targets.flatMap((t) => t.indicators).find((i) => i.lines.first === 1189)!;
    expect(row).toMatchObject({
      level1: '效益指标',
      level2: '社会效益指标',
      name: '研判区域水资源承载状况，形成评价成果，提出管控建议.',
      value: { text: '对水资源承载状况研判的有效性；水资源承载状况成因分析的准确性；水资源调控建议的可行性。' },
      lines: { first: 1189, last: 1191 },
    });
    expect(rowAt(targets, 1188)).toEqual(['产出指标', '时效指标', '项目完成及时率']);
    // Names wrapped half a line either side of their values' lines, read onto the value's line and the next
    // (lines.ts): 泵站运行电费 (page 52, L1292–1295; `率` ends the name above it, not the next row's) and
    // 橡胶坝工程运行维护费 (page 53, L1326–1333).
    expect([1292, 1294, 1326, 1327, 1330, 1332].map((line) => rowAt(targets, line))).toEqual([
      ['产出指标', '质量指标', '泵站运行电费统计真实准确率'],
      ['产出指标', '时效指标', '泵站运行期间电费缴纳及时率'],
      ['产出指标', '数量指标', '完成橡胶坝维修养护数量'],
      ['产出指标', '质量指标', '消除安全隐患，橡胶坝工程正常运转率'],
      ['效益指标', '经济效益指标', '保护两岸避免洪水侵害保护率'],
      ['效益指标', '生态效益指标', '提供水景观，全年河道蓄水天数'],
    ]);
  });
});

// A web page's 项目支出绩效目标表 printed by Chromium, then `pdftotext -layout` (/tmp/probeC10-h/perf.html, other
// names and figures): the 一级 column is as wide as its longest name, so 满意度指标 ends one space before its row's
// 二级 name, one run of the line.
const oneSpaceApart = [
  '                               项目支出绩效目标表', // 1
  '项目名称   乡村道路养护项目',
  ' 一级指标        二级指标                三级指标                 指标值',
  '产出指标  数量指标                养护道路里程           ≥120公里',
  '效益指标  社会效益指标              群众出行条件改善           明显改善', // 5
  '满意度指标 服务对象满意度指标           沿线群众满意度            ≥92%',
].join('\n');

describe('a 一级 and a 二级 name printed one space apart', () => {
  it('reads them as the two level cells of their row, not as one 一级 cell', () => {
    expect(levelsOf(oneSpaceApart)).toEqual([
      ['产出指标', '数量指标', '养护道路里程', '≥120公里'],
      ['效益指标', '社会效益指标', '群众出行条件改善', '明显改善'],
      // Line 6: the HTML's row is 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥92%.
      ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥92%'],
    ]);
  });
});

// A browser's print of a project form (one written for this test, printed by Chromium, read by `pdftotext -layout`):
// rows one line apart, a cell over two rows or four centred between two rows' lines and printed on the upper one's
// line (数量指标 on L6 over L6 and L8, 产出指标 on L8 over L6–L10), and a blank line (L7) printed where a cell so set
// moves its line's baseline, not where the rows stand further apart.
const upperLine = [
  '                               项目支出绩效目标表', // 1
  '项目名称   农田水利建设项目',
  '主管部门   某县水利局           实施单位                  某县水利局',
  '年度目标  新建渠道12公里。',
  ' 一级指标        二级指标                三级指标                 指标值', // 5
  '      数量指标                新建高标准农田面积          ≥1500亩',
  '',
  '产出指标                      新建灌溉渠道长度           ≥12公里',
  '      时效指标                项目完成时间             2025年11月底前',
  '      成本指标                亩均建设成本             ≤4000元/亩', // 10
  '效益指标  经济效益指标              项目区亩均粮食增产          ≥40公斤',
].join('\n');

describe('a cell over an even number of rows printed on the upper of its middle rows’ lines', () => {
  it('spans the rows it is centred on, not the one the line below it holds', () => {
    expect(levelsOf(upperLine)).toEqual([
      ['产出指标', '数量指标', '新建高标准农田面积', '≥1500亩'],
      ['产出指标', '数量指标', '新建灌溉渠道长度', '≥12公里'],
      ['产出指标', '时效指标', '项目完成时间', '2025年11月底前'],
      ['产出指标', '成本指标', '亩均建设成本', '≤4000元/亩'],
      ['效益指标', '经济效益指标', '项目区亩均粮食增产', '≥40公斤'],
    ]);
    expect(parsePerformance(toSourceLines(upperLine), new Set()).targets[0].flag).toBeNull();
  });
});
