import { describe, expect, it } from 'vitest';
import { foldFigures, hasDigit, opensWithDigit } from '../../src/core/width.ts';

// Texts written for this test: foldFigures (core/width.ts) reads a figure printed in full width as its ASCII print,
// and leaves the rest of the line as an ASCII print of it has it.
describe('foldFigures', () => {
  it('folds a Word print of an amount, a code and a year', () => {
    expect(foldFigures('１，２３４．５６')).toBe('1,234.56');
    expect(foldFigures('２０１０１　行政运行')).toBe('20101　行政运行');
    expect(foldFigures('２０２６年部门预算')).toBe('2026年部门预算');
  });

  it('folds a thousands comma typed with a Chinese input method between ASCII digits', () => {
    expect(foldFigures('1，234.56')).toBe('1,234.56');
  });

  it('keeps the brackets, colons and commas that are no part of a figure, as the ASCII print prints them', () => {
    // A year closing a bracket (广州 水务局 2026 -layout L998 `2028）专题策划` in its ASCII print).
    expect(foldFigures('２０２８）专题策划')).toBe('2028）专题策划');
    expect(foldFigures('共３个，其中：')).toBe('共3个，其中：');
    expect(foldFigures('１２，３４')).toBe('12，34');
  });

  it('returns a line without a full-width figure as it is', () => {
    const line = '一般公共服务支出（类）：１项';
    expect(foldFigures('一般公共服务支出（类）')).toBe('一般公共服务支出（类）');
    expect(foldFigures(line)).toBe('一般公共服务支出（类）：1项');
  });
});

describe('hasDigit and opensWithDigit', () => {
  it('see a digit of either width', () => {
    expect([hasDigit('合计２'), hasDigit('合计2'), hasDigit('合计')]).toEqual([true, true, false]);
    expect([opensWithDigit('１２０'), opensWithDigit('120'), opensWithDigit('第１２０')]).toEqual([true, true, false]);
  });
});
