import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTableNumber, leadingTableNumber, withoutTableNumber } from '../../src/core/table-numbers.ts';
import { kindOfTitle, normalizeTitle } from '../../src/ingest/tables/kinds.ts';
import { spelledOutside } from '../fixtures/source-files.ts';

// Issue 10, "each idea once": a table's number (表一, 附表14, 预算01表, 公开表1) is known in one place,
// src/core/table-numbers.ts. Every example below is a line as printed, found by hand in the file named beside it.
describe('table numbers', () => {
  it('reads a number alone on its line, in each numbering', () => {
    // seeds/kashgar-administrative-office-2021-budget.txt lines 85, 159; seeds/kashgar-edz-party-mass-work-dept-2024-budget.txt line 82;
    // ../shared/samples/other-provinces/xian-transport-2022-budget.txt line 2222, jiangsu-cppcc-office-2018-budget-tables.txt line 1,
    // yantai-water-2026-budget.txt line 232.
    expect(isTableNumber('表一：')).toBe(true);
    expect(isTableNumber(' 表二：')).toBe(true);
    expect(isTableNumber('表 1')).toBe(true);
    expect(isTableNumber('附表14')).toBe(true);
    expect(isTableNumber('公开01表')).toBe(true);
    expect(isTableNumber('                                                                        公开表1')).toBe(true);
  });

  it('is no number alone where a title follows it', () => {
    // ../shared/samples/other-provinces/hangzhou-transport-2026-budget.txt line 507; beijing-civil-affairs-2026-tables.txt line 1.
    expect(isTableNumber('表1.2026年市级部门收支预算总表')).toBe(false);
    expect(isTableNumber('预算01表 收支总表')).toBe(false);
    // seeds/kashgar-administrative-office-2021-budget.txt line 85 prints the number alone; a title run on to it is no number alone.
    expect(isTableNumber('表一：部门（单位）收支总体情况表')).toBe(false);
  });

  it('takes the number off a title that opens with it', () => {
    expect(leadingTableNumber(' 表1.2026年市级部门收支预算总表')).toBe('表1');
    expect(withoutTableNumber(' 表1.2026年市级部门收支预算总表')).toBe('2026年市级部门收支预算总表');
    expect(leadingTableNumber('预算01表 收支总表')).toBe('预算01表');
    expect(normalizeTitle('预算01表 收支总表')).toBe('收支总表');
    expect(leadingTableNumber('2026年市级部门收支预算总表')).toBeNull();
  });

  it('ends a count where the title begins, also when the title opens with 一 (一般公共预算)', () => {
    // A count is Arabic or Chinese, never both, and a Chinese count is a number as written: the 一 of 一般公共预算 is the
    // title's (written here, after the numbering of the seeds and samples above: 表五 and 表2 before such a title).
    expect(normalizeTitle('表2一般公共预算支出表')).toBe('一般公共预算支出表');
    expect(normalizeTitle('表五 一般公共预算支出表')).toBe('一般公共预算支出表');
    expect(normalizeTitle('表五一般公共预算基本支出表')).toBe('一般公共预算基本支出表');
    expect(normalizeTitle('表十一 一般公共预算财政拨款支出表')).toBe('一般公共预算财政拨款支出表');
    expect(normalizeTitle('附表3 一般公共预算支出表')).toBe('一般公共预算支出表');
    expect(kindOfTitle('表六 一般公共预算基本支出表')).toBe('general-budget-basic-expenditure');
    expect(kindOfTitle('表2 一般公共预算财政拨款支出表')).toBe('general-budget-expenditure');
    expect(isTableNumber('表二十三')).toBe(true);
    expect(withoutTableNumber('表二十三 部门收支总表')).toBe('部门收支总表');
  });
});

// A reader that spells the grammar itself would drift from the others (one accepting 附表14 or 公开表1, another not).
const OWN_TABLE_NUMBER = [
  /表(?:\\s\*)?\[[^\]]*一二三/, // 表一 / 表 1 written as 表[一二三…]
  /(?<!续)表(?:\\s\*)?\\d/, // 表1 / 公开表10 (续表 2 is a page saying its table goes on, region-text.ts)
  /\\d(?:\+|\{[\d,]+\})(?:\\s\*)?表/, // 预算01表 / 公开03表
];

describe('table numbers are known in one place', () => {
  it('no reader defines its own table number pattern', () => {
    expect(spelledOutside(join('src', 'core', 'table-numbers.ts'), OWN_TABLE_NUMBER)).toEqual([]);
  });
});
