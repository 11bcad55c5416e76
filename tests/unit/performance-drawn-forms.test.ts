import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { pageGeometry } from '../../src/ingest/page-geometry.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Issue 11: the forms of 喀什经济开发区党群工作部 2024 that LibreOffice's reprint draws in cells narrower than their
// labels, which drawn-header.ts did not read at 9411505 (the reprint gave 26 of the seed's 29 targets). The pages
// written here are made up; each reproduces the geometry of one of them, with other names and values.

/** Points, y downwards from the top of the page (tests/fixtures/tiny-pdf.ts); 10 pt glyphs, a line every 12 pt. */
const PITCH = 12;

/** Text a piece a line, from baseline `y` down, starting at `x`. */
function down(pieces: readonly string[], x: number, y: number): PlacedText[] {
  return pieces.map((text, i) => ({ text, x, y: y + i * PITCH }));
}

/** Pieces of one line, each at its x. */
function row(y: number, pieces: ReadonlyArray<readonly [number, string]>): PlacedText[] {
  return pieces.map(([x, text]) => ({ text, x, y }));
}

const chars = (text: string) => [...text];

/** PDF drawing operators (y upwards, the page 842 pt high) for horizontal rules from x0 to x1 and vertical ones. */
const y = (top: number) => 842 - top;
const across = (tops: readonly number[], x0: number, x1: number) => tops.map((t) => `${x0} ${y(t)} m ${x1} ${y(t)} l S`);
const upright = (xs: readonly number[], top: number, bottom: number) => xs.map((x) => `${x} ${y(top)} m ${x} ${y(bottom)} l S`);

async function read(pages: ReadonlyArray<readonly PlacedText[]>, drawings: readonly string[]) {
  const source = await readSource(tinyPdf(pages, drawings.map((d) => `0.5 w ${d}`)));
  if (!source.ok) throw new Error(source.reason);
  const geometry = source.lineBoxes && source.pageRules ? pageGeometry(source.pageStarts, source.lineBoxes, source.pageRules, source.lineGlyphs) : undefined;
  return parsePerformance(toSourceLines(source.text), new Set(), geometry).targets;
}

describe('drawn target forms the EDZ reprint printed (issue 11)', () => {
  it('a narrow cell whose glyphs run past its rule, a header line that reads alone while a cell stacks its label, 8 labels in 9 cells', async () => {
    // 就业工作项目 (reprint line 1355): the line `指标 二 三级指标 指标值 …` reads as a header by itself, while the 二级
    // cell prints 二 / 级 / 指 / 标 a character a line. Its first form (line 930): the 二级 cell is 9 pt wide, its 8 pt
    // glyphs begin inside it and end past its right rule. 丝路人才… (line 3081): 8 labels in 9 drawn cells, the
    // 指标赋分规则 label missing, so 佐证资料 stands over the rules' column and the last cell has none.
    const edges = [40, 60, 69, 200, 240, 280, 310, 340, 390, 420];
    const page: PlacedText[] = [
      { text: '项目支出绩效目标表', x: 130, y: 80 },
      ...row(120, [[40, '预算单位'], [120, '某县人力资源和社会保障局']]),
      ...row(140, [[40, '项目名称'], [120, '就业培训项目']]),
      // The header row, 200–260.
      ...down(['一级', '指标'], 42, 212),
      ...down(chars('二级指标'), 65, 212),
      { text: '三级指标', x: 110, y: 212 },
      { text: '指标值', x: 205, y: 212 },
      { text: '依据', x: 250, y: 212 },
      ...down(['上年', '完成', '值'], 285, 212),
      { text: '权重', x: 315, y: 212 },
      { text: '佐证资料', x: 345, y: 212 },
      // Two rows, 260–300 and 300–340; 产出指标 and 数量指标 drawn over both.
      ...down(['产出', '指标'], 42, 275),
      ...down(chars('数量指标'), 65, 275),
      ...row(275, [[75, '培训人次'], [205, '≥300人'], [250, '计划'], [285, '新增'], [318, '60'], [395, '台账']]),
      ...down(['按照完成', '比例赋分'], 345, 275),
      ...row(315, [[75, '发放教材'], [205, '≥50册'], [250, '计划'], [285, '新增'], [318, '40'], [345, '直接赋分'], [395, '清单']]),
    ];
    const rules = [...across([200, 260, 340], 40, 420), ...across([300], 69, 420), ...upright(edges, 200, 340)].join(' ');
    const [target, ...rest] = await read([page], [rules]);
    expect(rest).toEqual([]);
    expect(target.projectName).toBe('就业培训项目');
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text, i.basis, i.weight, i.scoringRule, i.evidence])).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥300人', '计划', 60, '按照完成比例赋分', '台账'],
      ['产出指标', '数量指标', '发放教材', '≥50册', '计划', 40, '直接赋分', '清单'],
    ]);
  });

  it('a title above a form of stacked labels, its header at a page foot, a row the page cuts and a row of a weight alone', async () => {
    // 部门（单位）整体绩效目标表 (reprint lines 875–930): 55 lines from the title to the header, nearly all a character
    // of a label. 2024年度欠薪应急周转项目 (line 2467): the header the last row of its page. 信息访问项目 (lines 2053–2096):
    // a row printing a weight and no name or value (as the seed does), and `服务` / `质量合格率` cut by the page.
    const edges = [40, 60, 80, 240, 262, 284, 310];
    const labels = ['部门（单位）名称（盖章）', '部门（单位）联系人', '年度绩效目标', '年度预算（万元）', '其他资金（万元）'];
    const first: PlacedText[] = [
      { text: '部门（单位）整体绩效目标表', x: 150, y: 60 },
      { text: '(2024年)', x: 200, y: 78 },
      ...down(chars(labels.join('')), 42, 100),
      { text: '某县示范园区管理委员会', x: 120, y: 100 },
      { text: '完成产出指标、效益指标和满意度指标。', x: 120, y: 352 },
      // The header row, 640–700, every label but 三级指标 a character a line.
      ...down(chars('一级指标'), 45, 652),
      ...down(chars('二级指标'), 65, 652),
      { text: '三级指标', x: 140, y: 670 },
      ...down(chars('指标值'), 246, 658),
      ...down(chars('分值'), 268, 664),
      ...down(chars('佐证'), 292, 664),
    ];
    const second: PlacedText[] = [
      ...down(chars('产出指标'), 45, 52),
      ...down(chars('数量指标'), 65, 52),
      ...row(52, [[85, '培训人次'], [241, '≥3人'], [268, '20'], [292, '台账']]),
      // A row of a weight and evidence alone, 100–140.
      ...row(112, [[268, '10'], [292, '台账']]),
      // A row from 140 that the page ends: its name, value and evidence go on over the page.
      ...row(152, [[85, '服务'], [241, '=100'], [268, '20'], [292, '原始']]),
    ];
    const third: PlacedText[] = [
      ...row(52, [[85, '质量合格率'], [241, '%'], [292, '凭证']]),
      ...row(92, [[85, '受益满意度'], [241, '≥95%'], [268, '10'], [292, '问卷']]),
    ];
    const drawings = [
      [...across([640, 700], 40, 310), ...upright(edges, 640, 700)],
      [...across([40, 100, 140, 800], 40, 310), ...upright(edges, 40, 800)],
      [...across([40, 80, 120], 40, 310), ...upright(edges, 40, 120)],
    ].map((d) => d.join(' '));
    const [target, ...rest] = await read([first, second, third], drawings);
    expect(rest).toEqual([]);
    expect([target.title, target.scope]).toEqual(['部门（单位）整体绩效目标表', 'organization']);
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text ?? null, i.weight, i.evidence])).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥3人', 20, '台账'],
      ['产出指标', '数量指标', '', '', 10, '台账'],
      ['产出指标', '数量指标', '服务质量合格率', '=100%', 20, '原始凭证'],
      ['产出指标', '数量指标', '受益满意度', '≥95%', 10, '问卷'],
    ]);
  });

  it('fields printed a character a line in narrow drawn cells: the value of each label is the cell right of it', async () => {
    // 稳就业保障项目 (reprint lines 1010–1025, page 30): 项目负责人's cell 31 pt wide and its value's 10 pt, so `庞` /
    // `仁` print a character a line beside the project name's line; the amounts `1` / `0` / `0` / `0` likewise beside
    // 其中:财政拨款 and 其他资金 wrapped two characters a line. The text read `稳就业保障项目项目庞负责仁` as the project
    // name and no amount.
    const page: PlacedText[] = [
      { text: '项目支出绩效目标表', x: 150, y: 60 },
      ...down(['预算', '单位'], 42, 90),
      { text: '某县人力资源和社会保障局', x: 85, y: 90 },
      ...down(['项目', '名称'], 42, 114),
      { text: '就业培训补贴项目', x: 85, y: 114 },
      ...down(['项目', '负责', '人'], 341, 114),
      ...down(chars('张三丰'), 363, 114),
      ...down(['项目', '资金', '(万元)'], 42, 156),
      { text: '年度预算总额:', x: 85, y: 156 },
      ...down(chars('120'), 293, 156),
      ...down(['其中:', '财政', '拨款'], 303, 156),
      ...down(chars('100'), 335, 156),
      ...down(['其他', '资金'], 345, 156),
      ...down(chars('20'), 377, 156),
      ...down(['项目', '总体', '目标'], 42, 210),
      { text: '开展就业技能培训 120 人次，', x: 85, y: 210 },
      { text: '发放培训补贴。', x: 85, y: 222 },
      ...row(258, [[45, '一级指标'], [105, '二级指标'], [165, '三级指标'], [305, '指标值']]),
      ...row(288, [[45, '产出指标'], [105, '数量指标'], [165, '培训人次'], [305, '≥120人次']]),
    ];
    const rules = [
      ...across([80, 104, 146, 200, 240, 270, 300], 40, 400),
      ...upright([40, 80, 400], 80, 104),
      ...upright([40, 80, 340, 362, 374, 400], 104, 146),
      ...upright([40, 80, 290, 302, 332, 344, 374, 386, 400], 146, 200),
      ...upright([40, 80, 400], 200, 240),
      ...upright([40, 100, 160, 300, 400], 240, 300),
    ].join(' ');
    const [target, ...rest] = await read([page], [rules]);
    expect(rest).toEqual([]);
    expect([target.unitName, target.projectName, target.owner, target.funds, target.goal]).toEqual([
      '某县人力资源和社会保障局',
      '就业培训补贴项目',
      '张三丰',
      { total: 120, fiscal: 100, other: 20 },
      '开展就业技能培训 120 人次，发放培训补贴。',
    ]);
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text])).toEqual([['产出指标', '数量指标', '培训人次', '≥120人次']]);
  });

  it('a form whose fields a page cuts, on a page of no indicators, and a row going on with the values above it', async () => {
    // 丝路人才资本产业园…研究项目 (reprint pages 69–70): the seed prints the project name and its owner over two lines,
    // the second with no label (`径研究项目`, `仁泉`), which the reprint draws as a row of its own. 喀什经济开发区老年养护院
    // 运行保障项目 (pages 34–35): the page parts 项目总体目标's row, `项目` / `总体` over `目标` and the goal's last words.
    // The first page names no indicator: it is read for its rules by the form's title.
    const first: PlacedText[] = [
      { text: '项目支出绩效目标表', x: 150, y: 700 },
      ...down(['预算', '单位'], 42, 730),
      { text: '某市科学技术局', x: 85, y: 730 },
      ...down(['项目', '名称'], 42, 754),
      { text: '园区人才规划', x: 85, y: 754 },
      ...down(['项目', '负责', '人'], 341, 754),
      { text: '李', x: 363, y: 754 },
      { text: '研究项目', x: 85, y: 800 },
      { text: '四', x: 363, y: 800 },
      ...down(['项目', '总体'], 42, 820),
      { text: '完成园区人才', x: 85, y: 820 },
    ];
    const second: PlacedText[] = [
      { text: '目标', x: 42, y: 52 },
      { text: '规划研究。', x: 85, y: 52 },
      ...row(82, [[45, '一级指标'], [105, '二级指标'], [165, '三级指标'], [305, '指标值']]),
      ...row(112, [[45, '产出指标'], [105, '数量指标'], [165, '研究报告'], [305, '1份']]),
    ];
    const drawings = [
      [...across([720, 744, 790, 810, 836], 40, 400), ...upright([40, 80, 400], 720, 744), ...upright([40, 80, 340, 362, 374, 400], 744, 810), ...upright([40, 80, 400], 810, 836)],
      [...across([40, 64, 94, 124], 40, 400), ...upright([40, 80, 400], 40, 64), ...upright([40, 100, 160, 300, 400], 64, 124)],
    ].map((d) => d.join(' '));
    const [target, ...rest] = await read([first, second], drawings);
    expect(rest).toEqual([]);
    expect([target.unitName, target.projectName, target.owner, target.goal]).toEqual(['某市科学技术局', '园区人才规划研究项目', '李四', '完成园区人才规划研究。']);
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text])).toEqual([['产出指标', '数量指标', '研究报告', '1份']]);
  });
});
