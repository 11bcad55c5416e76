import { describe, expect, it } from 'vitest';
import { figureRules } from '../../src/review/figures.ts';
import { compareFigures, comparePercent } from '../../src/review/rounding.ts';
import { check, ctx, row, table } from './review-fixtures.ts';

describe('rounding', () => {
  it('agrees within 0.01, rounds within the coarser printed place, differs beyond', () => {
    expect(compareFigures(12.34, 12.35)).toBe('agree');
    expect(compareFigures(12.3, 12.34)).toBe('rounding');
    expect(compareFigures(7113, 7113.05)).toBe('rounding');
    expect(compareFigures(12.3, 12.44)).toBe('differs');
  });

  it('judges a percentage within the interval its rounded figures allow', () => {
    expect(comparePercent(98.61, 2, 446.11, 2, 452.4, 2)).toBe('agree');
    expect(comparePercent(95.45, 2, 9746.5, 2, 10210.34, 2)).toBe('rounding');
    expect(comparePercent(90, 2, 446.11, 2, 452.4, 2)).toBe('differs');
  });

  it('makes a difference in the last printed place a 提示, never an 错误', () => {
    const fiscal = table({ kind: 'fiscal-appropriation-summary', first: 256, last: 297, title: '财政拨款收支预算总体情况表', rows: [row({ name: '收入总计', line: 297, role: 'total', values: { total: 7113 } })] });
    // The edz seed: L597 财政拨款收支总预算 7113.05 万元; 表4 prints 7113.0 (L297).
    const c = check({ id: 'narrative:fiscal-total', status: 'fail', expected: 7113, actual: 7113.05, lines: [{ first: 597, last: 597 }, { first: 256, last: 297 }] });
    const findings = figureRules(ctx({ tables: [fiscal], checks: [c] }));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['rounding.table', '提示']]);
  });
});
