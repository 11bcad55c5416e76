import { describe, expect, it } from 'vitest';
import { figureRules } from '../../src/review/figures.ts';
import { tenThousandOff, unitRules } from '../../src/review/units.ts';
import { check, ctx, row, table } from './review-fixtures.ts';

const total = (kind: Parameters<typeof table>[0]['kind'], first: number, unit: string, value: number) =>
  table({ kind, first, last: first + 10, unit, title: kind, rows: [row({ name: '合计', line: first + 5, role: 'total', values: { total: value } })] });

describe('units', () => {
  it('tells 10,000 apart within the rounding of the smaller figure', () => {
    expect(tenThousandOff(1234.57, 12345678.9)).toBe(true);
    expect(tenThousandOff(1234.57, 12355678.9)).toBe(false);
    expect(tenThousandOff(0, 0)).toBe(false);
  });

  it('finds nothing when the tables’ totals agree after their units are applied', () => {
    expect(unitRules(ctx({ tables: [total('income-summary', 100, '万元', 1234.57), total('expenditure-summary', 200, '元', 12345678.9)] }))).toEqual([]);
  });

  it('reports a table whose unit label says 万元 over figures in 元', () => {
    const [f] = unitRules(ctx({ tables: [total('income-summary', 100, '万元', 1234.57), total('expenditure-summary', 200, '万元', 12345678.9)] }));
    expect(f).toMatchObject({ rule: 'units.table', family: 'units', severity: '错误', lines: [{ first: 100, last: 110 }, { first: 200, last: 210 }] });
  });

  it('reports a figure the text gives in 元 where the table has it in 万元', () => {
    const c = check({ id: 'narrative:expenditure-summary:basic', status: 'fail', expected: 539.99, actual: 5399900, lines: [{ first: 591, last: 591 }, { first: 200, last: 210 }] });
    const [f] = figureRules(ctx({ tables: [total('expenditure-summary', 200, '万元', 7278.68)], checks: [c] }));
    expect(f).toMatchObject({ rule: 'units.figure', family: 'units', severity: '错误' });
  });
});
