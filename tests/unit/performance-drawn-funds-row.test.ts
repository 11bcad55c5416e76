import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { pageGeometry } from '../../src/ingest/page-geometry.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Written for this test, after a web page's 部门（单位）整体支出绩效目标表 printed to PDF by Chromium: its funds drawn
// as a row of labels (资金总额 | 财政拨款 | 其他资金) over a row of their amounts, beside 年度预算申请（万元） drawn
// down both rows. The page's HTML gives 1,450.30, 1,350.30 and 100.00; read from the joined text, 其他资金 took the
// first amount after it (1,450.30) and 资金总额 and 财政拨款 none.
const y = (top: number) => 842 - top;
const across = (tops: readonly number[], x0: number, x1: number) => tops.map((t) => `${x0} ${y(t)} m ${x1} ${y(t)} l S`);
const upright = (xs: readonly number[], top: number, bottom: number) => xs.map((x) => `${x} ${y(top)} m ${x} ${y(bottom)} l S`);
const at = (text: string, x: number, top: number): PlacedText => ({ text, x, y: top + 14 });

const page: PlacedText[] = [
  at('部门（单位）整体支出绩效目标表', 180, 60),
  at('部门（单位）名称', 44, 100),
  at('某县农业农村局', 164, 100),
  at('年度预算申请（万元）', 44, 130),
  at('资金总额', 164, 120),
  at('财政拨款', 284, 120),
  at('其他资金', 404, 120),
  at('1,450.30', 164, 140),
  at('1,350.30', 284, 140),
  at('100.00', 404, 140),
  at('年度总体目标', 44, 160),
  at('保障机关正常运转，完成高标准农田建设2000亩。', 164, 160),
  at('一级指标', 44, 180),
  at('二级指标', 164, 180),
  at('三级指标', 284, 180),
  at('指标值', 404, 180),
  at('产出指标', 44, 200),
  at('数量指标', 164, 200),
  at('培训高素质农民人数', 284, 200),
  at('≥500人', 404, 200),
  at('满意度指标', 44, 220),
  at('服务对象满意度指标', 164, 220),
  at('农户满意度', 284, 220),
  at('≥90%', 404, 220),
];
const rules = [
  ...across([100, 120, 140, 160, 180, 200, 220, 240], 40, 520),
  ...upright([40, 160, 520], 100, 240),
  ...upright([280, 400], 120, 160),
  ...upright([280, 400], 180, 240),
].join(' ');

describe('a drawn form whose funds are a row of labels over a row of amounts', () => {
  it('reads each amount under its label', async () => {
    const source = await readSource(tinyPdf([page], [`0.5 w ${rules}`]));
    if (!source.ok) throw new Error(source.reason);
    const geometry = source.lineBoxes && source.pageRules ? pageGeometry(source.pageStarts, source.lineBoxes, source.pageRules, source.lineGlyphs) : undefined;
    const { targets } = parsePerformance(toSourceLines(source.text), new Set(), geometry);
    expect(targets.map((t) => [t.scope, t.unitName, t.funds])).toEqual([['organization', '某县农业农村局', { total: 1450.3, fiscal: 1350.3, other: 100 }]]);
    expect(targets[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text])).toEqual([
      ['产出指标', '数量指标', '培训高素质农民人数', '≥500人'],
      ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%'],
    ]);
  });
});

// Written for this test, after a web page's 项目支出绩效目标表 printed to PDF by Chromium (/tmp/probeC10-h/perf.pdf):
// the page cut the 其他资金 row after its top rule (page 1, 822 pt down) and printed its text at the top of page 2,
// under no rule of that page. The page's HTML gives 其他资金 0.00.
const cutRow: PlacedText[][] = [
  [
    at('项目支出绩效目标表', 200, 700),
    at('项目名称', 44, 730),
    at('乡村道路养护项目', 164, 730),
    at('项目资金', 44, 775),
    at('年度资金总额', 164, 750),
    at('600.00', 404, 750),
    at('其中：财政拨款', 164, 780),
    at('580.00', 404, 780),
  ],
  [
    at('其他资金', 164, 4),
    at('20.00', 404, 4),
    at('年度目标', 44, 30),
    at('养护乡村道路120公里。', 164, 30),
    at('一级指标', 44, 60),
    at('二级指标', 164, 60),
    at('三级指标', 284, 60),
    at('指标值', 404, 60),
    at('产出指标', 44, 80),
    at('数量指标', 164, 80),
    at('养护道路里程', 284, 80),
    at('≥120公里', 404, 80),
  ],
];
const cutRules = [
  [...across([730, 750, 780, 810, 822], 40, 520), ...upright([40, 520], 730, 842), ...upright([160], 730, 842), ...upright([400], 750, 842)],
  [...across([24, 54, 76, 96], 40, 520), ...upright([40, 160, 520], 0, 96), ...upright([400], 0, 24), ...upright([280, 400], 54, 96)],
].map((r) => `0.5 w ${r.join(' ')}`);

describe('a drawn form row the page cut before its text', () => {
  it('reads the row printed at the top of the next page, under no rule there', async () => {
    const source = await readSource(tinyPdf(cutRow, cutRules));
    if (!source.ok) throw new Error(source.reason);
    const geometry = source.lineBoxes && source.pageRules ? pageGeometry(source.pageStarts, source.lineBoxes, source.pageRules, source.lineGlyphs) : undefined;
    const { targets } = parsePerformance(toSourceLines(source.text), new Set(), geometry);
    expect(targets.map((t) => [t.projectName, t.funds, t.goal])).toEqual([['乡村道路养护项目', { total: 600, fiscal: 580, other: 20 }, '养护乡村道路120公里。']]);
  });
});
