import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { pageGeometry } from '../../src/ingest/page-geometry.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Issue 10: a 项目支出绩效自评表 a browser printed with narrow columns (Chromium, this test's page after a print of a web
// page's form): its header row over six lines at the foot of page 1, 偏差原因分析及改进措施 wrapped two characters a
// line, 年度指标值, 实际完成值, 分值 and 得分 over two lines centred between the others; the grid's label 绩效指标 in a
// column of its own left of 一级指标; the rows on page 2, the first drawn without a rule above it (its top border is
// page 1's last rule). The names and figures are made up.

/** Points, y downwards from the top of the page (tests/fixtures/tiny-pdf.ts): the columns' rules. */
const X = [40, 70, 130, 190, 300, 340, 380, 405, 430, 470];
const PITCH = 12;

/** Pieces of a cell a line each, from baseline `y`, starting at the cell's left edge and a little in. */
function lines(pieces: readonly string[], column: number, y: number): PlacedText[] {
  return pieces.map((text, i) => ({ text, x: X[column] + 2, y: y + i * PITCH }));
}

/** The grid's header row from `top`, 80 pt high, its labels centred in it. */
const gridHeader = (top: number): PlacedText[] => [
  ...lines(['绩效', '指标'], 0, top + 34),
  ...lines(['一级指标'], 1, top + 40),
  ...lines(['二级指标'], 2, top + 40),
  ...lines(['三级指标'], 3, top + 40),
  ...lines(['年度指', '标值'], 4, top + 34),
  ...lines(['实际完', '成值'], 5, top + 34),
  ...lines(['分', '值'], 6, top + 34),
  ...lines(['得', '分'], 7, top + 34),
  ...lines(['偏差', '原因', '分析', '及改', '进措', '施'], 8, top + 10),
];

const page1: PlacedText[] = [
  { text: '项目支出绩效自评表', x: 200, y: 620 },
  { text: '项目名称', x: 40, y: 650 },
  { text: '农村饮水安全维修养护项目', x: 130, y: 650 },
  { text: '实施单位', x: 40, y: 680 },
  { text: '某县农村供水服务站', x: 130, y: 680 },
  // The header row, 700–780.
  ...gridHeader(700),
];
const page2: PlacedText[] = [
  // 40–80: cut from page 1 at its top rule.
  ...lines(['产出指标'], 1, 64),
  ...lines(['数量指标'], 2, 64),
  ...lines(['维修养护工程数量'], 3, 64),
  ...lines(['≥30处'], 4, 64),
  ...lines(['28处'], 5, 64),
  ...lines(['20'], 6, 64),
  ...lines(['18'], 7, 64),
  ...lines(['顺延'], 8, 64),
  // 80–120.
  ...lines(['效益指标'], 1, 104),
  ...lines(['社会效益指标'], 2, 104),
  ...lines(['受益人口'], 3, 104),
  ...lines(['≥2万人'], 4, 104),
  ...lines(['1.9万人'], 5, 104),
  ...lines(['15'], 6, 104),
  ...lines(['14'], 7, 104),
  // 120–160: the 总分 row.
  ...lines(['总分'], 1, 144),
  ...lines(['35'], 6, 144),
  ...lines(['32'], 7, 144),
];

/** PDF space: y upwards, the page 842 pt high. */
const y = (top: number) => 842 - top;
const across = (top: number, from = X[0]) => `${from} ${y(top)} m ${X[X.length - 1]} ${y(top)} l S`;
const walls = (top: number, bottom: number) => X.map((x) => `${x} ${y(top)} m ${x} ${y(bottom)} l S`).join(' ');
// The label's column is one cell over the rows: no rule across it between them.
const rules1 = `0.5 w ${across(700)} ${across(780)} ${walls(700, 780)}`;
const rules2 = `0.5 w ${across(80, X[1])} ${across(120, X[1])} ${across(160)} ${walls(40, 160)}`;

/** The performance stage's reading of a PDF of these pages, drawn with these rules (a page's rules, or none). */
async function performanceOf(pages: PlacedText[][], rules: string[]) {
  const source = await readSource(tinyPdf(pages, rules));
  if (!source.ok) throw new Error(source.reason);
  const geometry = source.lineBoxes && source.pageRules ? pageGeometry(source.pageStarts, source.lineBoxes, source.pageRules, source.lineGlyphs) : undefined;
  return parsePerformance(toSourceLines(source.text), new Set(), geometry);
}

async function read(drawn: boolean) {
  return (await performanceOf([page1, page2], drawn ? [rules1, rules2] : [])).targets;
}

describe('a 绩效自评表 whose header row a browser printed over six lines, its rows on the next page', () => {
  it('reads its columns by the cells the page draws, the grid’s label apart, and the row the page break cut as a row', async () => {
    const [target, ...rest] = await read(true);
    expect(rest).toEqual([]);
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text ?? null, i.actual, i.weight, i.score, i.deviation])).toEqual([
      ['产出指标', '数量指标', '维修养护工程数量', '≥30处', '28处', 20, 18, '顺延'],
      ['效益指标', '社会效益指标', '受益人口', '≥2万人', '1.9万人', 15, 14, null],
    ]);
    expect(target.selfEvaluation).toMatchObject({ totalWeight: 35, totalScore: 32 });
  });
});

// Issue 10: the same form with its funds block and 年度总体目标 over the grid, as a browser prints a web page's form with
// narrow columns: the funds block's labels wrapped in their cells (年初 / 预算 / 数, 全 / 年 / 执 / 行 / 数, 分 / 值),
// 项目资金（万元） one cell over its five rows; 全年执行数's amount wider than its cell, running past its right rule into
// 分值's figure, and 执行率's rate into 得分's (the text prints `121.6010`, `95.00%9.5`); 预期目标 | 实际完成情况 over
// their texts, beside 年度总体目标 drawn over both rows. Written by hand; its sums add up (118.00 + 10.00 + 0.00 =
// 128.00; 121.60 ÷ 128.00 = 95 %; 50 + 40 + 10 = 100; 45 + 40 + 9.5 = 94.5).

/** The funds block's and the goals' columns: label, item, then 年初预算数 … 得分. */
const F = [40, 130, 230, 265, 300, 325, 350, 370, 470];
const G = [40, 130, 300, 470];

/** Pieces of a cell a line each from baseline `y`, a little in from its left rule `x`. */
const stack = (pieces: readonly string[], x: number, y: number): PlacedText[] => pieces.map((text, i) => ({ text, x: x + 2, y: y + i * PITCH }));

/** A row of the grid, its cells from the 一级 column on, on baseline `y`. */
const gridRow = (cells: readonly string[], y: number): PlacedText[] => cells.flatMap((text, c) => (text ? lines([text], c + 1, y) : []));

/** A funds row's item and figures, each figure at its cell's left (so that a wide one runs past the cell's right rule). */
const fundsRow = (item: string, figures: readonly string[], y: number): PlacedText[] => [
  { text: item, x: F[1] + 2, y },
  ...figures.map((text, i) => ({ text, x: F[i + 2] + 2, y })),
];

const tall: PlacedText[] = [
  { text: '项目支出绩效自评表', x: 200, y: 60 },
  // 80–100: the project's name.
  { text: '项目名称', x: 42, y: 94 },
  { text: '农村饮水安全维修养护项目', x: 132, y: 94 },
  // 100–240: the funds block, its header 100–160 and a row each 20 pt.
  { text: '项目资金（万元）', x: 42, y: 174 },
  ...stack(['年初', '预算', '数'], F[2], 118),
  ...stack(['全年', '预算', '数'], F[3], 118),
  ...stack(['全', '年', '执', '行', '数'], F[4], 112),
  ...stack(['分', '值'], F[5], 124),
  ...stack(['执', '行', '率'], F[6], 118),
  ...stack(['得', '分'], F[7], 124),
  ...fundsRow('年度资金总额', ['130.00', '128.00', '121.60', '10', '95.00%', '9.5'], 174),
  ...fundsRow('其中：当年财政拨款', ['120.00', '118.00', '112.10', '—', '95.00%', '—'], 194),
  ...fundsRow('上年结转资金', ['10.00', '10.00', '9.50', '—', '—', '—'], 214),
  ...fundsRow('其他资金', ['0.00', '0.00', '0.00', '—', '—', '—'], 234),
  // 240–300: 年度总体目标 over both rows; 预期目标 and 实际完成情况 over their texts, 实际完成情况's wrapped in its cell.
  ...stack(['年度总体', '目标'], G[0], 268),
  { text: '预期目标', x: G[1] + 2, y: 254 },
  { text: '实际完成情况', x: G[2] + 2, y: 254 },
  { text: '完成农村饮水工程维修养护30处。', x: G[1] + 2, y: 284 },
  ...stack(['完成维修养护28', '处，保障1.9万人', '饮水安全。'], G[2], 272),
  // 300–380: the indicator header; 380–420, 420–460: two rows; 460–500: the 总分 row (the grid's columns X).
  ...gridHeader(300),
  ...gridRow(['产出指标', '数量指标', '维修养护工程数量', '≥30处', '28处', '50', '45', '顺延'], 404),
  ...gridRow(['满意度指标', '满意度', '受益群众满意度', '≥90%', '95%', '40', '40', ''], 444),
  ...gridRow(['总分', '', '', '', '', '100', '94.5', ''], 484),
];

const tallRules = [
  '0.5 w',
  across(80),
  across(100),
  // The funds block: its label cell over the five rows, no rule across it between them.
  ...F.map((x) => `${x} ${y(100)} m ${x} ${y(240)} l S`),
  ...[160, 180, 200, 220].map((top) => `${F[1]} ${y(top)} m ${F[F.length - 1]} ${y(top)} l S`),
  `${X[0]} ${y(80)} m ${X[0]} ${y(100)} l S ${F[1]} ${y(80)} m ${F[1]} ${y(100)} l S ${X[X.length - 1]} ${y(80)} m ${X[X.length - 1]} ${y(100)} l S`,
  across(240),
  // The goals: 年度总体目标 over both rows.
  ...G.map((x) => `${x} ${y(240)} m ${x} ${y(300)} l S`),
  `${G[1]} ${y(260)} m ${G[G.length - 1]} ${y(260)} l S`,
  across(300),
  // The grid: its label's column one cell over the header and the rows.
  walls(300, 500),
  across(380, X[1]),
  across(420, X[1]),
  across(460),
  across(500),
].join(' ');

describe('a 绩效自评表 whose funds block a browser printed in narrow columns, its figures running into each other', () => {
  it('reads the funds block by the cells the page draws, each figure in the cell it begins in', async () => {
    const r = await performanceOf([tall], [tallRules]);
    const [target, ...rest] = r.targets;
    expect(rest).toEqual([]);
    expect(target.selfEvaluation?.funds.map((f) => [f.item, f.planned, f.budget, f.spent, f.weight, f.rate, f.score])).toEqual([
      ['年度资金总额', 130, 128, 121.6, 10, 95, 9.5],
      ['当年财政拨款', 120, 118, 112.1, null, 95, null],
      ['上年结转资金', 10, 10, 9.5, null, null, null],
      ['其他资金', 0, 0, 0, null, null, null],
    ]);
    // The target's funds are the year's budget (全年预算数), not the amounts planned at its start (年初预算数).
    expect(target.funds).toEqual({ total: 128, fiscal: 118, other: 0 });
    expect(target.goal).toBe('完成农村饮水工程维修养护30处。');
    expect(target.selfEvaluation).toMatchObject({ achieved: '完成维修养护28处，保障1.9万人饮水安全。', totalWeight: 100, totalScore: 94.5 });
    expect(target.indicators.map((i) => [i.name, i.value?.text ?? null, i.actual, i.weight, i.score])).toEqual([
      ['维修养护工程数量', '≥30处', '28处', 50, 45],
      ['受益群众满意度', '≥90%', '95%', 40, 40],
    ]);
    expect(r.checks.map((c) => [c.id, c.status, c.expected])).toEqual([
      ['performance:target-1:funds-sum', 'pass', 128],
      ['performance:target-1:score-sum', 'pass', 94.5],
      ['performance:target-1:weight-sum', 'pass', 100],
      ['performance:target-1:execution-rate:1', 'pass', 95],
      ['performance:target-1:execution-rate:2', 'pass', 95],
    ]);
  });
});

// Issue 10: the grid's label 绩效指标 in a cell merged over the header and the rows (a web page's rowspan, printed by
// Chromium), centred on them: the header's cell of its column is empty and the label, wrapped in its narrow cell, stands
// by the second row.
// Written by hand: 50 + 30 + 20 = 100, 45 + 28 + 20 = 93.

/** The header's labels without the grid's: the column left of 一级指标 prints nothing in the header row. */
const unlabelledHeader = (top: number): PlacedText[] => gridHeader(top).filter((piece) => piece.x !== X[0] + 2);

const merged: PlacedText[] = [
  { text: '项目支出绩效自评表', x: 200, y: 60 },
  { text: '项目名称', x: 42, y: 94 },
  { text: '农村饮水安全维修养护项目', x: 132, y: 94 },
  // 100–180: the header; 180–220, 220–260, 260–300: the rows; 300–340: the 总分 row.
  ...unlabelledHeader(100),
  ...gridRow(['产出指标', '数量指标', '维修养护工程数量', '≥30处', '28处', '50', '45', '顺延'], 204),
  ...lines(['绩效', '指标'], 0, 238),
  ...gridRow(['效益指标', '社会效益指标', '受益人口', '≥2万人', '1.9万人', '30', '28', ''], 244),
  ...gridRow(['满意度指标', '满意度', '受益群众满意度', '≥90%', '95%', '20', '20', ''], 284),
  ...gridRow(['总分', '', '', '', '', '100', '93', ''], 324),
];

// The label's cell is one over the header and the rows: no rule across its column between them.
const mergedRules = [
  '0.5 w',
  across(80),
  `${X[0]} ${y(80)} m ${X[0]} ${y(100)} l S ${X[1]} ${y(80)} m ${X[1]} ${y(100)} l S ${X[X.length - 1]} ${y(80)} m ${X[X.length - 1]} ${y(100)} l S`,
  across(100),
  walls(100, 340),
  ...[180, 220, 260, 300].map((top) => across(top, X[1])),
  across(340),
].join(' ');

describe('a 绩效自评表 whose grid label is a cell merged over the header and the rows, printed on a row', () => {
  it('reads the label apart, not as the 一级 column, and the 总分 row by its columns', async () => {
    const r = await performanceOf([merged], [mergedRules]);
    const [target, ...rest] = r.targets;
    expect(rest).toEqual([]);
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text ?? null, i.actual, i.weight, i.score, i.deviation])).toEqual([
      ['产出指标', '数量指标', '维修养护工程数量', '≥30处', '28处', 50, 45, '顺延'],
      ['效益指标', '社会效益指标', '受益人口', '≥2万人', '1.9万人', 30, 28, null],
      ['满意度指标', '满意度', '受益群众满意度', '≥90%', '95%', 20, 20, null],
    ]);
    expect(target.printed?.map((p) => p.text)).toEqual(expect.arrayContaining(['绩效', '指标']));
    expect(target.selfEvaluation).toMatchObject({ totalWeight: 100, totalScore: 93 });
    expect(r.checks.filter((c) => /(score|weight)-sum$/.test(c.id)).map((c) => [c.id, c.status, c.expected])).toEqual([
      ['performance:target-1:score-sum', 'pass', 93],
      ['performance:target-1:weight-sum', 'pass', 100],
    ]);
  });
});
