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
