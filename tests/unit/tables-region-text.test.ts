import { describe, expect, it } from 'vitest';
import { declaredEmptyKinds, declaresEmpty, isTableNumber, unitOf } from '../../src/ingest/tables/shared/region-text.ts';

// The words around a table, as the three readers (aligned, tabbed, spaced) all read them. Every line is printed in a
// source: the file and line are given with it.
describe('shared region text', () => {
  it('reads the unit a table states, also run on to the department line', () => {
    // 杭州市交通运输局 2026 部门预算, 表1 收支预算总表 (pdftotext -raw, line 482): extraction glued the unit to the name.
    expect(unitOf('部门名称：杭州市交通运输局单位：万元')).toBe('万元');
    // 西安市交通运输局 2022 部门预算 (pdftotext -raw, line 338).
    expect(unitOf('预算单位：西安市交通运输局 金额单位：万元')).toBe('万元');
    // content/sources/julu-county-poverty-office-2021-budget.txt line 865: a compiler line without a unit.
    expect(unitOf('编制部门：巨鹿县扶贫开发办公室 截止时间：2020 年 12 月 31 日')).toBeNull();
  });

  it('takes a table number printed alone with its colon', () => {
    // content/sources/kashgar-administrative-office-2021-budget.txt lines 85 and 159.
    expect(isTableNumber('表一：')).toBe(true);
    expect(isTableNumber(' 表二：')).toBe(true);
    expect(isTableNumber('表一：部门（单位）收支总体情况表')).toBe(false);
  });

  it('finds the table a note or the 情况说明 declares empty', () => {
    // content/sources/kashgar-administrative-office-2021-budget.txt line 1109.
    const note = '备注：新疆维吾尔自治区喀什地区行政公署办公室2021年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。';
    expect(declaresEmpty(note)).toBe(true);
    expect([...declaredEmptyKinds([note])]).toEqual(['government-fund-expenditure']);
    // The same statement in the 情况说明, wrapped over lines 1690 and 1693.
    expect([...declaredEmptyKinds(['使用政府性基金预算拨款安排的支出，政府性基金预算支出', '', '情况表为空表。'])]).toEqual([
      'government-fund-expenditure',
    ]);
  });
});
