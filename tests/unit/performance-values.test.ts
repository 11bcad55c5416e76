import { describe, expect, it } from 'vitest';
import { looksLikeValue, looksQualitative, parseIndicatorValue } from '../../src/ingest/performance/value.ts';
import { cleanLine } from '../../src/ingest/source-lines.ts';

describe('indicator values', () => {
  it('reads operator, number and unit, in Unicode and ASCII forms', () => {
    expect(parseIndicatorValue('≤210元/人/天')).toMatchObject({ operator: '<=', number: 210, unit: '元/人/天' });
    expect(parseIndicatorValue('>=518 人')).toMatchObject({ operator: '>=', number: 518, unit: '人' });
    expect(parseIndicatorValue('=100%')).toMatchObject({ operator: '=', number: 100, unit: '%' });
    expect(parseIndicatorValue('<=0.10万元')).toMatchObject({ operator: '<=', number: 0.1, unit: '万元', text: '<=0.10万元' });
    expect(parseIndicatorValue('30000 人')).toMatchObject({ operator: null, number: 30000, unit: '人' });
    expect(parseIndicatorValue('＞5')).toMatchObject({ operator: '>', number: 5, unit: null });
  });

  it('reads a number grouped by thousands, in either width of comma (core/amounts.ts)', () => {
    expect(parseIndicatorValue('≥1,200万元')).toMatchObject({ operator: '>=', number: 1200, unit: '万元' });
    expect(parseIndicatorValue('≤12，345.6元')).toMatchObject({ operator: '<=', number: 12345.6, unit: '元' });
    expect(parseIndicatorValue('1,318人')).toMatchObject({ operator: null, number: 1318, unit: '人' });
    expect(looksLikeValue('≥1,200万元')).toBe(true);
    // Not a grouping: a list of items keeps its text alone.
    expect(parseIndicatorValue('1,2,3项')).toMatchObject({ number: null, text: '1,2,3项' });
  });

  it('reads LaTeX-converted comparisons, as the line reader gives them (cleanLine reads the LaTeX)', () => {
    expect(parseIndicatorValue(cleanLine('$\\leq 100\\%$'))).toMatchObject({ text: '≤100%', operator: '<=', number: 100, unit: '%' });
    expect(parseIndicatorValue(cleanLine('$\\geq 95\\%$'))).toMatchObject({ text: '≥95%', operator: '>=', number: 95, unit: '%' });
  });

  it('reads dates to year-month or year-month-day, keeping the printed text', () => {
    expect(parseIndicatorValue('2021年12月')).toMatchObject({ date: '2021-12', operator: null, number: null });
    expect(parseIndicatorValue('=2024 年 11 月 15 日前')).toMatchObject({ date: '2024-11-15', operator: '=', text: '=2024 年 11 月 15 日前' });
  });

  it('keeps non-numeric targets as qualitative text', () => {
    expect(parseIndicatorValue('有效提升')).toMatchObject({ qualitative: '有效提升', number: null });
    expect(parseIndicatorValue('长期')).toMatchObject({ qualitative: '长期' });
    // 北京 预算13表 L3678 (PDF): 指标性质 定性 and 指标值 优 read as one cell; the text keeps both.
    expect(parseIndicatorValue('定性优')).toMatchObject({ text: '定性优', qualitative: '优' });
    expect(parseIndicatorValue('定性')).toMatchObject({ qualitative: '定性' });
  });

  it('does not take years or document numbers for targets', () => {
    expect(looksLikeValue('2021')).toBe(false);
    expect(looksLikeValue('27')).toBe(false);
    expect(looksLikeValue('30000人')).toBe(true);
    expect(looksLikeValue('≥2')).toBe(true);
    expect(looksQualitative('有效巩固')).toBe(true);
    expect(looksQualitative('调研频次')).toBe(false);
  });

  it('reads a standard a target is to reach as a qualitative value (烟台 水务局 2026 opcoll L1701: 调水水质 达到地表水Ⅲ类标准)', () => {
    expect(looksQualitative('达到地表水Ⅲ类标准')).toBe(true);
  });
});
