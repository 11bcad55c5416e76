import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// A single-space target form whose header prints cells after 指标值 (指标值内容, 度量单位, 指标值类型, 备注), written
// for this test after 长沙职业教育基地 2026's 项目支出绩效目标表 with its spaces collapsed. The row at line 3 prints its
// rule wrapped and its 指标值内容 empty, so its last words are a unit, a sign and a 备注 score (`万元 ＝ 7`): read from
// its last words, its value was `＝7`, which the form never printed as a value (it is 水费 ＝ 120 万元).
// Line 5 prints one word a cell, nine words under nine headers: the template's order places each.
describe('a single-space target form whose header prints cells after 指标值', () => {
  const text = [
    '水电气项目绩效目标表', // 1
    '一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注',
    '成本指标 经济成本指标 水费 120 偏离目标30%得4分；偏离 万元 ＝ 7', // 3
    '10%得8分；无偏离得满分',
    '产出指标 数量指标 用水量 92.32 用水总量 偏离不得分 万吨 ＝ 7', // 5
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());
  const [target] = result.targets;

  it('reads no value from the last words of the row at line 3: lines 3–4 are unparsed', () => {
    expect(target.indicators.some((i) => i.value.text === '＝7')).toBe(false);
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last, u.text])).toEqual([
      [3, 4, '成本指标 经济成本指标 水费 120 偏离目标30%得4分；偏离 万元 ＝ 7\n10%得8分；无偏离得满分'],
    ]);
    expect(result.unparsed[0].reason).toContain('分不清哪个词是指标值');
    expect(target.flag).toContain('2 行未能按列读出指标');
  });

  it('reads line 5 by the header order: 用水量 ＝92.32万吨, its 备注 kept in the description', () => {
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.value.number, i.description, i.scoringRule, i.lines.first])).toEqual([
      ['产出指标', '数量指标', '用水量', '＝92.32万吨', 92.32, '用水总量；备注：7', '偏离不得分', 5],
    ]);
  });
});
