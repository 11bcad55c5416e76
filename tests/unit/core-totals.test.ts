import { describe, expect, it } from 'vitest';
import { holdsTotalWord, isGrandTotalName, isPartTotalName, isScoreTotalName, SIDE_GRAND_TOTAL, totalRole } from '../../src/core/totals.ts';

// Issue 10, "each idea once": a table's total rows are known by name in src/core/totals.ts, for every reader.
// Each name below is printed so in the file named beside it.
describe('total rows by name', () => {
  it('tell a total from a part total', () => {
    // ../shared/samples/national-final-accounts-template.txt lines 126 (本年收入合计) and 323 (人员经费合计).
    expect(totalRole('本年收入合计')).toBe('total');
    expect(totalRole('人员经费合计')).toBe('subtotal');
    expect(totalRole('合    计')).toBe('total');
    expect(totalRole('基本支出')).toBeNull();
    expect(isGrandTotalName('收 入 总 计')).toBe(true);
    expect(isGrandTotalName('本年收入合计')).toBe(false);
  });

  it('name the parts of a 基本支出表 and the grand total of each side', () => {
    // ../shared/samples/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt line 533;
    // shanghai-putuo-social-welfare-home-2024-budget.txt line 107 (收入总计 … 支出总计).
    expect(isPartTotalName('人员经费合计')).toBe(true);
    expect(isPartTotalName('公用经费合计')).toBe(true);
    expect(isPartTotalName('小计')).toBe(false);
    expect(SIDE_GRAND_TOTAL).toEqual({ income: '收入总计', expenditure: '支出总计' });
  });

  it('name the total column of a header', () => {
    // ../shared/samples/shanghai-putuo-justice-bureau-2026-department-budget.txt line 349 (小计 over 购置费 / 运行费);
    // national-final-accounts-template.txt line 163 (本年支出合计 | 基本支出 | 项目支出).
    expect(holdsTotalWord('小计')).toBe(true);
    expect(holdsTotalWord('本年支出合计')).toBe(true);
    expect(holdsTotalWord('购置费')).toBe(false);
  });

  it('close a score table', () => {
    // seeds/kashgar-2021-poverty-monitoring-project-evaluation.txt lines 215 and 506 (合计 of the 评分表).
    expect(isScoreTotalName('合计')).toBe(true);
    expect(isScoreTotalName('总分')).toBe(true);
    expect(isScoreTotalName('综合得分')).toBe(true);
    expect(isScoreTotalName('得分')).toBe(false);
  });
});
