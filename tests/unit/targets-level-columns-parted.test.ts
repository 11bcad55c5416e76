import { describe, expect, it } from 'vitest';
import { parseDisclosure, sourceInfo } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Written for this test, after a web page's 项目支出绩效目标表 printed to PDF by Chromium: the grid's header labels
// centred in their cells (`一级指标` over a narrow column, `二级指标` over a wide one), the level names printed from
// their cells' left edge, a merged cell's name centred on the rows it spans (产出指标 over four rows, 数量指标 over
// two). Positions as the print has them (pdftotext -bbox, rounded), scaled. The page's HTML gives each indicator its levels:
const INDICATORS = [
  ['产出指标', '数量指标', '新建高标准农田面积'],
  ['产出指标', '数量指标', '新建灌溉渠道长度'],
  ['产出指标', '时效指标', '项目完成时间'],
  ['产出指标', '成本指标', '亩均建设成本'],
  ['效益指标', '经济效益指标', '项目区亩均粮食增产'],
  ['满意度指标', '服务对象满意度指标', '受益农户满意度'],
];

// The landscape print's positions, scaled to the portrait page the writer draws.
const at = (text: string, x: number, y: number): PlacedText => ({ text, x: x * 0.65, y, size: 8 });
const page: PlacedText[] = [
  at('某县农业农村局2025年部门预算', 11, 30),
  at('项目支出绩效目标表', 367, 60),
  at('单位：万元', 777, 85),
  at('项目名称', 11, 110),
  at('高标准农田建设项目', 95, 110),
  at('主管部门', 11, 133),
  at('某县农业农村局', 95, 133),
  at('实施单位', 306, 133),
  at('某县农业农村局', 517, 133),
  at('项目资金', 11, 156),
  at('年度资金总额', 95, 156),
  at('900.00', 306, 156),
  at('其中：财政拨款', 95, 179),
  at('900.00', 306, 179),
  at('其他资金', 95, 202),
  at('0.00', 306, 202),
  at('年度目标', 11, 225),
  at('完成高标准农田建设2000亩，新建灌溉渠道15公里。', 95, 225),
  at('一级指标', 24, 248),
  at('二级指标', 172, 248),
  at('三级指标', 383, 248),
  at('指标值', 578, 248),
  at('新建高标准农田面积', 306, 271),
  at('≥2000亩', 517, 271),
  at('数量指标', 95, 282),
  at('新建灌溉渠道长度', 306, 294),
  at('≥15公里', 517, 294),
  at('产出指标', 11, 306),
  at('时效指标', 95, 317),
  at('项目完成时间', 306, 317),
  at('2025年12月底前', 517, 317),
  at('成本指标', 95, 340),
  at('亩均建设成本', 306, 340),
  at('≤4500元/亩', 517, 340),
  at('效益指标', 11, 363),
  at('经济效益指标', 95, 363),
  at('项目区亩均粮食增产', 306, 363),
  at('≥50公斤', 517, 363),
  at('满意度指标', 11, 386),
  at('服务对象满意度指标', 95, 386),
  at('受益农户满意度', 306, 386),
  at('≥90%', 517, 386),
];

describe('a target grid whose header is centred over level names printed from the left', () => {
  it('reads each indicator under its own 一级 and 二级 names', async () => {
    const read = await readSource(tinyPdf([page]));
    if (!read.ok) throw new Error(read.reason);
    const doc = parseDisclosure(read.text, sourceInfo(read, 't.pdf', '0'.repeat(64)));
    expect(doc.targets.map((t) => t.indicators.map((i) => [i.level1, i.level2, i.name]))).toEqual([INDICATORS]);
    expect(doc.targets[0].indicators.map((i) => i.value.text)).toEqual(['≥2000亩', '≥15公里', '2025年12月底前', '≤4500元/亩', '≥50公斤', '≥90%']);
  });
});
