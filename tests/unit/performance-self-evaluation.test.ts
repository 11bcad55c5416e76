import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { pageGeometry } from '../../src/ingest/page-geometry.ts';
import { tinyPdf, ems, type PlacedText } from '../fixtures/tiny-pdf.ts';

// A 项目支出绩效自评表 after the finance ministry's template, as `pdftotext -layout` prints it (one character a
// column): the funds block, 年度总体目标 with 预期目标 and 实际完成情况 side by side, the indicator header's 年度指标值
// and 实际完成值 stacked over two lines with the grid's label 绩效指标 left of 一级指标, merged 一级/二级 cells centred on
// their rows, a 偏差 cell wrapped over three lines (L22–L24) and the 总分 row. Written by hand; its sums add up.
const stacked = [
  '                              项目支出绩效自评表',
  '                                （2024年度）',
  '',
  '  项目名称        社区养老服务补助项目',
  '  主管部门        某市民政局                     实施单位      某市养老服务中心',
  '                          年初预算数      全年预算数      全年执行数       分值    执行率      得分',
  '          年度资金总额：           120.00     118.00     112.10     10   95.00%    9.5',
  '  项目资金',
  '  （万元）    其中：当年财政拨款         110.00     108.00     102.10     -      -        -',
  '             上年结转资金          10.00      10.00      10.00     -      -        -',
  '             其他资金             0.00       0.00       0.00     -      -        -',
  '                  预期目标                          实际完成情况',
  '  年度总体      为辖区内300名以上老人提供居家养老服             全年为286名老人提供居家养老服务，',
  '   目标       务，老人满意度达到90%以上。                 老人满意度95%。',
  '                                              年度      实际',
  '  绩效指标    一级指标      二级指标        三级指标         指标值     完成值    分值    得分    偏差原因分析及改进措施',
  '                               服务老人数         ≥300人   286人    20    18   部分老人迁出辖区',
  '                    数量指标',
  '          产出指标                 上门服务次数        ≥3600次  3650次   10    10',
  '                    时效指标       资金拨付及时率       100%    100%    10    10',
  '',
  '                                                                        个别老人需求',
  '          效益指标      社会效益指标     老人生活质量        明显改善    明显改善    30    28   未满足，下年',
  '                                                                        走访补充',
  '',
  '          满意度指标     服务对象满意     老人满意度         ≥90%    95%     20    19',
  '                    度指标',
  '                               总分                           100   94.5',
];

// The same form with its header on one line, no funds block and no margin label (L4); the 一级 cell 产出指标 is
// centred between its two rows (L6).
const oneLine = [
  '                        项目支出绩效自评表',
  '  项目名称        老年食堂运营补贴',
  '  主管部门        某市民政局                     实施单位      某街道办事处',
  '  一级指标      二级指标      三级指标        年度指标值       实际完成值       分值    得分    偏差原因分析及改进措施',
  '            数量指标      供餐人次        ≥5000人次     5200人次       30    30',
  '  产出指标',
  '            质量指标      食品抽检合格率     100%        98%          30    27   一次抽检不合格，已整改',
  '  满意度指标     满意度指标     就餐老人满意度     ≥90%        93%          40    40',
  '                      总分                                  100   97',
];

const row = (i: { level1: string | null; level2: string | null; name: string; value: { text: string }; actual: string | null; weight: number | null; score: number | null; deviation: string | null }) =>
  [i.level1, i.level2, i.name, i.value.text, i.actual, i.weight, i.score, i.deviation];

// The stacked form's indicators as printed: 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差.
const STACKED_ROWS = [
  ['产出指标', '数量指标', '服务老人数', '≥300人', '286人', 20, 18, '部分老人迁出辖区'],
  ['产出指标', '数量指标', '上门服务次数', '≥3600次', '3650次', 10, 10, null],
  ['产出指标', '时效指标', '资金拨付及时率', '100%', '100%', 10, 10, null],
  ['效益指标', '社会效益指标', '老人生活质量', '明显改善', '明显改善', 30, 28, '个别老人需求未满足，下年走访补充'],
  ['满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '95%', 20, 19, null],
];

describe('绩效自评表 in aligned text', () => {
  const r = parsePerformance(toSourceLines(stacked.join('\n')), new Set());
  const [t] = r.targets;

  it('reads each indicator by the columns its stacked header names, 一级/二级 from the cells centred on its rows', () => {
    expect(r.targets).toHaveLength(1);
    expect(t.indicators.map(row)).toEqual(STACKED_ROWS);
    expect(t.indicators[3].lines).toEqual({ first: 22, last: 24 });
  });

  it('reads the funds block row by row, the year\'s budget (全年预算数) as the target\'s funds', () => {
    expect(t.funds).toEqual({ total: 118, fiscal: 108, other: 0 });
    expect(t.selfEvaluation?.funds.map((f) => [f.item, f.planned, f.budget, f.spent, f.weight, f.rate, f.score, f.lines.first])).toEqual([
      ['年度资金总额', 120, 118, 112.1, 10, 95, 9.5, 7],
      ['当年财政拨款', 110, 108, 102.1, null, null, null, 9],
      ['上年结转资金', 10, 10, 10, null, null, null, 10],
      ['其他资金', 0, 0, 0, null, null, null, 11],
    ]);
  });

  it('keeps 预期目标 as the goal and 实际完成情况 apart, and the 总分 row as the form\'s total', () => {
    expect(t.projectName).toBe('社区养老服务补助项目');
    expect(t.unitName).toBe('某市养老服务中心');
    expect(t.goal).toBe('为辖区内300名以上老人提供居家养老服务，老人满意度达到90%以上。');
    expect(t.selfEvaluation).toMatchObject({ achieved: '全年为286名老人提供居家养老服务，老人满意度95%。', totalWeight: 100, totalScore: 94.5, totalLines: { first: 28, last: 28 } });
    expect(t.flag).toBeNull();
    expect(t.lines).toEqual({ first: 1, last: 28 });
  });

  it('checks its sums: funds with the 上年结转, scores, 分值 and the 执行率', () => {
    expect(r.checks.map((c) => [c.id, c.status, c.expected])).toEqual([
      ['performance:target-1:funds-sum', 'pass', 118],
      ['performance:target-1:score-sum', 'pass', 94.5],
      ['performance:target-1:weight-sum', 'pass', 100],
      ['performance:target-1:execution-rate:1', 'pass', 95],
    ]);
  });

  it('reports a form whose sums do not add up, and corrects nothing', () => {
    // 总分 printed 96.5 (the scores add up to 94.5), 执行率 printed 96.00% (112.10 ÷ 118.00 is 95 %).
    const wrong = stacked.map((l, k) => (k === 27 ? l.replace('94.5', '96.5') : k === 6 ? l.replace('95.00%', '96.00%') : l));
    const w = parsePerformance(toSourceLines(wrong.join('\n')), new Set());
    expect(w.targets[0].selfEvaluation).toMatchObject({ totalScore: 96.5 });
    expect(w.targets[0].selfEvaluation?.funds[0].rate).toBe(96);
    expect(w.checks.filter((c) => c.status === 'fail').map((c) => [c.id, c.expected, c.actual])).toEqual([
      ['performance:target-1:score-sum', 96.5, 94.5],
      ['performance:target-1:execution-rate:1', 96, 95],
    ]);
  });
});

// Issue 10: the stacked form with its funds block's labels wrapped in narrow columns, as `pdftotext -layout` prints a
// taller header (L6–L8): 年初 / 预算 / 数, 全年 / 执行 / 数, 执 / 行 / 率 a piece a line, each centred over its figures,
// 分值 and 得分 on the middle line; 年初预算 and 全年执行 name their columns without the 数 under them.
const tallFunds = [
  ...stacked.slice(0, 5),
  '                              年初         全年         全年              执',
  '                              预算         预算         执行       分值     行       得分',
  '                               数          数          数              率',
  ...stacked.slice(6),
];

describe('绩效自评表 whose funds block wraps its labels in narrow columns', () => {
  const r = parsePerformance(toSourceLines(tallFunds.join('\n')), new Set());
  const [t] = r.targets;

  it('reads the funds block by the labels its pieces join, its header\'s lines none of the form\'s fields', () => {
    expect(r.targets).toHaveLength(1);
    expect(t.selfEvaluation?.funds.map((f) => [f.item, f.planned, f.budget, f.spent, f.weight, f.rate, f.score, f.lines.first])).toEqual([
      ['年度资金总额', 120, 118, 112.1, 10, 95, 9.5, 9],
      ['当年财政拨款', 110, 108, 102.1, null, null, null, 11],
      ['上年结转资金', 10, 10, 10, null, null, null, 12],
      ['其他资金', 0, 0, 0, null, null, null, 13],
    ]);
    expect(t.funds).toEqual({ total: 118, fiscal: 108, other: 0 });
    expect(t.unitName).toBe('某市养老服务中心');
    expect(t.goal).toBe('为辖区内300名以上老人提供居家养老服务，老人满意度达到90%以上。');
    expect(t.selfEvaluation).toMatchObject({ achieved: '全年为286名老人提供居家养老服务，老人满意度95%。', totalWeight: 100, totalScore: 94.5 });
    expect(t.indicators.map(row)).toEqual(STACKED_ROWS);
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['performance:target-1:funds-sum', 'pass'],
      ['performance:target-1:score-sum', 'pass'],
      ['performance:target-1:weight-sum', 'pass'],
      ['performance:target-1:execution-rate:1', 'pass'],
    ]);
  });
});

// The same form as `pdftotext -layout` prints a browser's print of it (L6–L15): the header's labels squeezed into fewer
// columns than the figures under them take (a CJK label a column a character, the figures at their widths), so that
// no label stands over its figures; 全年 / 执行 / 数 wrapped, 年初预算 and 全年预算 over a 数 each; a blank line between
// the rows.
const squeezed = [
  ...stacked.slice(0, 5),
  '                                           年初预算 全年预算 全年',
  '                                                     执行 分值 执行率                      得分',
  '                                           数    数    数',
  '项目资金（万元）          年度资金总额                   120.00   118.00   112.10 10     95.00%   9.5',
  '',
  '                  其中：当年财政拨款                110.00   108.00   102.10 -      -        -',
  '',
  '                  上年结转资金                   10.00    10.00    10.00  -      -        -',
  '',
  '                  其他资金                     0.00     0.00     0.00   -      -        -',
  ...stacked.slice(11),
];

describe('绩效自评表 whose funds header -layout prints narrower than its figures', () => {
  it('reads a row\'s figures in the order of the labels, one for each, over the blank lines between the rows', () => {
    const r = parsePerformance(toSourceLines(squeezed.join('\n')), new Set());
    expect(r.targets).toHaveLength(1);
    const [t] = r.targets;
    expect(t.selfEvaluation?.funds.map((f) => [f.item, f.planned, f.budget, f.spent, f.weight, f.rate, f.score, f.lines.first])).toEqual([
      ['年度资金总额', 120, 118, 112.1, 10, 95, 9.5, 9],
      ['当年财政拨款', 110, 108, 102.1, null, null, null, 11],
      ['上年结转资金', 10, 10, 10, null, null, null, 13],
      ['其他资金', 0, 0, 0, null, null, null, 15],
    ]);
    expect(t.funds).toEqual({ total: 118, fiscal: 108, other: 0 });
    expect(t.flag).toBeNull();
    expect(t.indicators.map(row)).toEqual(STACKED_ROWS);
  });

  it('gives a row printing fewer figures each where the full rows print that column\'s', () => {
    // 分值 and 得分 left blank (L9): four figures for six labels, the first two nearest 全年预算 and 全年执行 by the
    // header's places, under 年初预算数, 全年预算数, 全年执行数 and 执行率 by the rows under it.
    const blank = squeezed.map((l, k) => (k === 8 ? '项目资金（万元）          年度资金总额                   120.00   118.00   112.10        95.00%' : l));
    const [t] = parsePerformance(toSourceLines(blank.join('\n')), new Set()).targets;
    expect(t.selfEvaluation?.funds[0]).toMatchObject({ item: '年度资金总额', planned: 120, budget: 118, spent: 112.1, weight: null, rate: 95, score: null });
    expect(t.selfEvaluation?.funds).toHaveLength(4);
  });

  it('ends the block at a row two of whose figures stand nearest one column', () => {
    // The stacked form's 其中：当年财政拨款 row (L9) printing 110.00 and 108.00 both nearest where the first row prints
    // 年初预算数's figure.
    const crowded = stacked.map((l, k) => (k === 8 ? '  （万元）    其中：当年财政拨款     110.00 108.00' : l));
    const [t] = parsePerformance(toSourceLines(crowded.join('\n')), new Set()).targets;
    expect(t.selfEvaluation?.funds.map((f) => f.item)).toEqual(['年度资金总额']);
  });
});

/** The stacked form with `header` for its indicator header's two lines (L15–L16). */
const withHeader = (header: readonly string[]) => [...stacked.slice(0, 14), ...header, ...stacked.slice(16)];

// Its indicator header centred in cells three lines high, as a PDF prints a narrower 偏差 column: 偏差原因分 / 析及改进措
// / 施 over all three lines (L15–L17), 年度指标值 and 实际完成值 over the upper two, the one-line labels on the middle line.
const threeLines = withHeader([
  '                                              年度      实际                偏差原因分',
  '  绩效指标    一级指标      二级指标        三级指标         指标值     完成值    分值    得分    析及改进措',
  '                                                                          施',
]);

// The same with 年度指标值 and 实际完成值 over the lower two lines: the middle line names no value column.
const threeLinesLow = withHeader([
  '                                                                        偏差原因分',
  '  绩效指标    一级指标      二级指标        三级指标          年度      实际    分值    得分    析及改进措',
  '                                             指标值     完成值                  施',
]);

describe('绩效自评表 with its header centred over three lines', () => {
  it('reads each column by its label whole, the pieces over and under the middle line joined', () => {
    for (const lines of [threeLines, threeLinesLow]) {
      const [t] = parsePerformance(toSourceLines(lines.join('\n')), new Set()).targets;
      expect(t.indicators.map(row)).toEqual(STACKED_ROWS);
      expect(t.indicators.map((i) => i.lines.first)).toEqual([18, 20, 21, 23, 27]);
      expect(t.selfEvaluation).toMatchObject({ totalWeight: 100, totalScore: 94.5, totalLines: { first: 29, last: 29 } });
      expect(t.flag).toBeNull();
      // No piece of a label is a row: the header's three lines are kept as printed.
      expect(t.printed!.map((p) => p.lines.first).filter((n) => n >= 15 && n <= 17)).toEqual([15, 16, 17]);
    }
  });
});

// Its header as `pdftotext -layout` prints a browser's print of narrow columns (L15–L21): 偏差原因分析及改进措施 two
// characters a line over six lines, 年度指标值, 实际完成值, 分值 and 得分 over two lines centred on the line of the
// one-line labels (L18), which prints none of their pieces.
const sevenLines = withHeader([
  '                                                                        偏差',
  '                                                                        原因',
  '                                             年度指     实际完    分     得     分析',
  '  绩效指标    一级指标      二级指标        三级指标',
  '                                             标值      成值     值     分     及改',
  '                                                                        进措',
  '                                                                        施',
]);

// The same over five lines (L15–L19), 年度 and 实际 over 指标值 and 完成值 on the line of the other labels (L17).
const fiveLines = withHeader([
  '                                                                        偏差',
  '                                              年度      实际                原因',
  '  绩效指标    一级指标      二级指标        三级指标         指标值     完成值    分值    得分    分析及',
  '                                                                        改进',
  '                                                                        措施',
]);

describe('绩效自评表 with its header centred over more than three lines', () => {
  it('reads each column by its pieces joined down it, the header\'s lines none of the form\'s fields or rows', () => {
    for (const [lines, header, rows] of [
      [sevenLines, [15, 21], [22, 24, 25, 27, 31]],
      [fiveLines, [15, 19], [20, 22, 23, 25, 29]],
    ] as const) {
      const r = parsePerformance(toSourceLines(lines.join('\n')), new Set());
      expect(r.targets).toHaveLength(1);
      const [t] = r.targets;
      expect(t.indicators.map(row)).toEqual(STACKED_ROWS);
      expect(t.indicators.map((i) => i.lines.first)).toEqual(rows);
      expect(t.selfEvaluation).toMatchObject({ achieved: '全年为286名老人提供居家养老服务，老人满意度95%。', totalWeight: 100, totalScore: 94.5 });
      expect(t.flag).toBeNull();
      expect(r.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
      // The header's lines are kept as printed.
      expect(t.printed!.map((p) => p.lines.first).filter((n) => n >= header[0] && n <= header[1])).toEqual(
        Array.from({ length: header[1] - header[0] + 1 }, (_, k) => header[0] + k),
      );
    }
  });
});

// Its header as the PDF reader prints a browser's print of it (L15–L17): 偏差原因分析及改进措施 centred over and under
// the line of the other labels, none of it on that line, its lines set apart by their characters' widths (the upper
// piece starting at character 64, left of where 得分 ends at 68, the lower at 74).
const apart = withHeader([
  '                                              年度      实际              偏差原因分析及改进',
  '  绩效指标    一级指标      二级指标        三级指标         指标值     完成值    分值    得分',
  '                                                                          措施',
]);

describe('绩效自评表 whose 偏差 label the PDF reader prints over and under its header line', () => {
  it('reads 偏差原因分析及改进措施 as a column, so that each row\'s 得分 and 偏差 stay apart', () => {
    const r = parsePerformance(toSourceLines(apart.join('\n')), new Set());
    expect(r.targets.map((t) => t.indicators.map(row))).toEqual([STACKED_ROWS]);
    expect(r.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });
});

describe('绩效自评表 with its header on one line', () => {
  const r = parsePerformance(toSourceLines(oneLine.join('\n')), new Set());
  it('reads 年度指标值, 实际完成值, 分值, 得分 and 偏差 by their labels, and the 总分 row apart', () => {
    expect(r.targets.map((t) => t.indicators.map(row))).toEqual([[
      ['产出指标', '数量指标', '供餐人次', '≥5000人次', '5200人次', 30, 30, null],
      ['产出指标', '质量指标', '食品抽检合格率', '100%', '98%', 30, 27, '一次抽检不合格，已整改'],
      ['满意度指标', '满意度指标', '就餐老人满意度', '≥90%', '93%', 40, 40, null],
    ]]);
    expect(r.targets[0].selfEvaluation).toEqual({ funds: [], achieved: null, totalWeight: 100, totalScore: 97, totalLines: { first: 9, last: 9 } });
    expect(r.checks.filter((c) => c.id.includes('sum')).map((c) => [c.id, c.status])).toEqual([
      ['performance:target-1:funds-sum', 'not-checkable'],
      ['performance:target-1:score-sum', 'pass'],
      ['performance:target-1:weight-sum', 'pass'],
    ]);
  });
});

// Issue 10: the indicator header as `pdftotext -layout` prints a browser's print of a 绩效自评表 (se-layout): its CJK
// labels in fewer columns than the rows' figures take, `分值 得分` single-spaced left of the rows' `30     30`, the 总分
// row's 100 and 97 under the rows' 分值 and 得分. Written by hand.
const squeezedGrid = [
  '                        项目支出绩效自评表',
  '  项目名称        老年食堂运营补贴',
  '  主管部门        某市民政局                     实施单位      某街道办事处',
  '  一级指标    二级指标     三级指标      年度指标 实际完成 分值 得分     偏差原因分析及改进措施',
  '                                值    值',
  '          数量指标     供餐人次      ≥5000人次  5200人次   30     30',
  '  产出指标    质量指标     食品抽检合格率   100%     98%      30     27     一次抽检不合格，已整改',
  '  满意度指标   满意度指标    就餐老人满意度   ≥90%     93%      40     40',
  '  总分                                           100    97',
];

describe('绩效自评表 whose indicator header -layout prints narrower than its rows', () => {
  it('reads the 总分 row\'s two figures as its 分值 and 得分, in turn', () => {
    const r = parsePerformance(toSourceLines(squeezedGrid.join('\n')), new Set());
    expect(r.targets.map((t) => t.selfEvaluation)).toEqual([{ funds: [], achieved: null, totalWeight: 100, totalScore: 97, totalLines: { first: 9, last: 9 } }]);
  });

  it('reads each row\'s cells from 年度指标值 on in turn, where the first row printing all of them does not print them under their labels', () => {
    // L6–L8: the rows' 分值 at characters 47–48 and 得分 at 54–55 of their lines, right of the labels 分值 (39–40) and 得分 (42–43).
    const r = parsePerformance(toSourceLines(squeezedGrid.join('\n')), new Set());
    expect(r.targets[0].indicators.map(row)).toEqual([
      ['产出指标', '数量指标', '供餐人次', '≥5000人次', '5200人次', 30, 30, null],
      ['产出指标', '质量指标', '食品抽检合格率', '100%', '98%', 30, 27, '一次抽检不合格，已整改'],
      ['满意度指标', '满意度指标', '就餐老人满意度', '≥90%', '93%', 40, 40, null],
    ]);
    // 30 + 27 + 40 = 97, the 总分 row's; before, each row's 分值 was read as its 得分 (30 + 30 + 40 = 100).
    expect(r.checks.filter((c) => c.id.endsWith('-sum')).map((c) => [c.id, c.status])).toEqual([
      ['performance:target-1:funds-sum', 'not-checkable'],
      ['performance:target-1:score-sum', 'pass'],
      ['performance:target-1:weight-sum', 'pass'],
    ]);
  });
});

const SIZE = 8;
const t = (text: string, x: number, y: number): PlacedText => ({ text, x, y, size: SIZE });
const centred = (text: string, from: number, to: number, y: number): PlacedText => t(text, (from + to) / 2 - (ems(text) * SIZE) / 2, y);
// Columns: 一级 75–130, 二级 130–195, 三级 195–265, 年度指标值 265–315, 实际完成值 315–365, 分值 365–395, 得分 395–425, 偏差 425–565.
const C = [75, 130, 195, 265, 315, 365, 395, 425, 565];
const cols = (y: number, cells: string[]) => cells.flatMap((s, i) => (s ? [t(s, C[i] + 3, y)] : []));
// The stacked form above set as a PDF page (points, y down; 8 pt glyphs), its 偏差 cell centred and wrapped over three
// lines around its row's, the rows around it further apart; no rules drawn.
const page: PlacedText[] = [
  centred('项目支出绩效自评表', 30, 565, 60),
  t('项目名称', 30, 90), t('社区养老服务补助项目', 110, 90),
  t('主管部门', 30, 104), t('某市民政局', 110, 104), t('实施单位', 330, 104), t('某市养老服务中心', 400, 104),
  centred('年初预算数', 195, 265, 118), centred('全年预算数', 265, 315, 118), centred('全年执行数', 315, 365, 118), centred('分值', 365, 395, 118), centred('执行率', 395, 450, 118), centred('得分', 450, 480, 118),
  t('项目资金', 30, 139), t('（万元）', 30, 153),
  t('年度资金总额：', 80, 132), centred('120.00', 195, 265, 132), centred('118.00', 265, 315, 132), centred('112.10', 315, 365, 132), centred('10', 365, 395, 132), centred('95.00%', 395, 450, 132), centred('9.5', 450, 480, 132),
  t('其中：当年财政拨款', 80, 146), centred('110.00', 195, 265, 146), centred('108.00', 265, 315, 146), centred('102.10', 315, 365, 146), centred('-', 365, 395, 146), centred('-', 395, 450, 146), centred('-', 450, 480, 146),
  t('上年结转资金', 104, 160), centred('10.00', 195, 265, 160), centred('10.00', 265, 315, 160), centred('10.00', 315, 365, 160), centred('-', 365, 395, 160), centred('-', 395, 450, 160), centred('-', 450, 480, 160),
  t('其他资金', 104, 174), centred('0.00', 195, 265, 174), centred('0.00', 265, 315, 174), centred('0.00', 315, 365, 174), centred('-', 365, 395, 174), centred('-', 395, 450, 174), centred('-', 450, 480, 174),
  centred('预期目标', 80, 320, 188), centred('实际完成情况', 320, 565, 188),
  t('年度总体', 30, 202), t('目标', 34, 216),
  t('为辖区内300名以上老人提供居家养老服', 80, 202), t('务，老人满意度达到90%以上。', 80, 216),
  t('全年为286名老人提供居家养老服务，', 325, 202), t('老人满意度95%。', 325, 216),
  centred('年度', 265, 315, 227), centred('实际', 315, 365, 227),
  t('绩效指标', 30, 237),
  centred('一级指标', 75, 130, 237), centred('二级指标', 130, 195, 237), centred('三级指标', 195, 265, 237), centred('指标值', 265, 315, 237), centred('完成值', 315, 365, 237),
  centred('分值', 365, 395, 237), centred('得分', 395, 425, 237), centred('偏差原因分析及改进措施', 425, 565, 237),
  ...cols(258, ['', '', '服务老人数', '≥300人', '286人', '20', '18', '部分老人迁出辖区']),
  centred('数量指标', 130, 195, 265),
  ...cols(272, ['', '', '上门服务次数', '≥3600次', '3650次', '10', '10', '']),
  centred('产出指标', 75, 130, 272),
  ...cols(286, ['', '时效指标', '资金拨付及时率', '100%', '100%', '10', '10', '']),
  ...cols(306, ['效益指标', '社会效益指标', '老人生活质量', '明显改善', '明显改善', '30', '28', '']),
  centred('个别老人需求', 425, 565, 296), centred('未满足，下年', 425, 565, 306), centred('走访补充', 425, 565, 316),
  ...cols(340, ['满意度指标', '服务对象满意', '老人满意度', '≥90%', '95%', '20', '19', '']),
  t('度指标', 133, 352),
  centred('总分', 195, 265, 370), centred('100', 365, 395, 370), centred('94.5', 395, 425, 370),
];

// The page with its 偏差 label centred over three lines (偏差原因分 / 析及改进措 / 施), its other labels as above.
const threeLinePage: PlacedText[] = page.flatMap((p) =>
  p.text === '偏差原因分析及改进措施' ? [centred('偏差原因分', 425, 565, 227), centred('析及改进措', 425, 565, 237), centred('施', 425, 565, 247)] : [p],
);

describe('绩效自评表 through the PDF route', () => {
  it('reads the same indicators, funds, goal, total and checks from a PDF', async () => {
    const source = await readSource(tinyPdf([page]));
    if (!source.ok) throw new Error(source.reason);
    const geometry = source.lineBoxes && source.pageRules ? pageGeometry(source.pageStarts, source.lineBoxes, source.pageRules, source.lineGlyphs) : undefined;
    const r = parsePerformance(toSourceLines(source.text), new Set(), geometry, true);
    expect(r.targets).toHaveLength(1);
    const [t] = r.targets;
    expect(t.indicators.map(row)).toEqual(STACKED_ROWS);
    expect(t.funds).toEqual({ total: 118, fiscal: 108, other: 0 });
    expect(t.selfEvaluation?.funds.map((f) => [f.item, f.planned, f.budget, f.spent, f.weight, f.rate, f.score])).toEqual([
      ['年度资金总额', 120, 118, 112.1, 10, 95, 9.5],
      ['当年财政拨款', 110, 108, 102.1, null, null, null],
      ['上年结转资金', 10, 10, 10, null, null, null],
      ['其他资金', 0, 0, 0, null, null, null],
    ]);
    expect(t.goal).toBe('为辖区内300名以上老人提供居家养老服务，老人满意度达到90%以上。');
    expect(t.selfEvaluation).toMatchObject({ achieved: '全年为286名老人提供居家养老服务，老人满意度95%。', totalWeight: 100, totalScore: 94.5 });
    expect(r.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('reads the columns of a header centred over three lines as the aligned text\'s', async () => {
    const source = await readSource(tinyPdf([threeLinePage]));
    if (!source.ok) throw new Error(source.reason);
    const geometry = source.lineBoxes && source.pageRules ? pageGeometry(source.pageStarts, source.lineBoxes, source.pageRules, source.lineGlyphs) : undefined;
    const r = parsePerformance(toSourceLines(source.text), new Set(), geometry, true);
    expect(r.targets.map((t) => t.indicators.map(row))).toEqual([STACKED_ROWS]);
    expect(r.targets[0].selfEvaluation).toMatchObject({ totalWeight: 100, totalScore: 94.5 });
  });
});
