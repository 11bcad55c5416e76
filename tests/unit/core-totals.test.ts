import { describe, expect, it } from 'vitest';
import {
  holdsTotalWord,
  holdsWholeTotalWord,
  isAssetTotalName,
  isGrandTotalName,
  isPartTotalName,
  isScoreTotalName,
  SIDE_GRAND_TOTAL,
  sideOfTotal,
  totalRole,
} from '../../src/core/totals.ts';

// Issue 10, "each idea once": a table's total rows are known by name in src/core/totals.ts, for every reader.
// Each name below is printed so in the file named beside it.
describe('total rows by name', () => {
  it('tell a total from a part total', () => {
    // ../shared/samples/national-final-accounts-template.txt lines 126 (本年收入合计) and 323 (人员经费合计).
    expect(totalRole('本年收入合计')).toBe('total');
    expect(totalRole('人员经费合计')).toBe('subtotal');
    expect(totalRole('合    计')).toBe('total');
    // The 部门整体 form's table of tasks closes with 金额合计 (西安 交通运输局 2022, L2477).
    expect(totalRole('金额合计')).toBe('total');
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
    // The table's total column, not a group's 小计 (the same two lines).
    expect(holdsWholeTotalWord('本年支出合计')).toBe(true);
    expect(holdsWholeTotalWord('小计')).toBe(false);
  });

  it('tell which side of a 收支总表 a total closes', () => {
    // ../shared/samples/other-provinces/jiangsu-cppcc-office-2018-budget-tables.txt lines 29 (当年收入小计 … 当年支出小计)
    // and 31 (收入合计 … 支出合计); national-final-accounts-template.txt line 126 (本年收入合计 … 本年支出合计);
    // shanghai-putuo-social-welfare-home-2024-budget.txt line 107 (收入总计 … 支出总计).
    expect(sideOfTotal('当年收入小计')).toBe('income');
    expect(sideOfTotal('当年支出小计')).toBe('expenditure');
    expect(sideOfTotal('支出合计')).toBe('expenditure');
    expect(sideOfTotal('本年收入合计')).toBe('income');
    expect(sideOfTotal('收 入 总 计')).toBe('income');
    // Line 30, the carry-over between them, is no total; nor is 当年收入小计 a total row of the table.
    expect(sideOfTotal('上年结转资金')).toBeNull();
    expect(totalRole('当年收入小计')).toBeNull();
  });

  it('name the total of a 固定资产占用情况表', () => {
    // seeds/julu-county-poverty-office-2021-budget.txt line 869 (资产总额 -- 34.860245), items at lines 871–879.
    expect(isAssetTotalName('资产总额')).toBe(true);
    expect(isAssetTotalName('2、车辆（台、辆）')).toBe(false);
  });

  it('close a score table', () => {
    // seeds/kashgar-2021-poverty-monitoring-project-evaluation.txt lines 215 and 506 (合计 of the 评分表).
    expect(isScoreTotalName('合计')).toBe(true);
    expect(isScoreTotalName('总分')).toBe(true);
    expect(isScoreTotalName('综合得分')).toBe(true);
    expect(isScoreTotalName('得分')).toBe(false);
  });
});
