import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import type { Table } from '../../src/schema/table.ts';

/**
 * Amounts grouped by thousands with spaces, as ISO prints them (`1 200.00`), in `-layout` text: one space apart, like
 * two amounts of columns packed tight. Where the amounts stand (right-aligned in their columns) tells which it is.
 */
function layoutLine(code: string, name: string, amounts: string[], ends: number[]): string {
  let line = code.padEnd(9) + name;
  for (const [k, a] of amounts.entries()) line = line.padEnd(ends[k] - a.length) + a;
  return line.trimEnd();
}

const rowsOf = (t: Table) => t.rows.map((r) => [r.code ?? r.name, r.values.total, r.values.basic, r.values.project]);

describe('amounts grouped by thousands with spaces, in -layout text', () => {
  it('read whole where the group left of the space ends where no amount of the table ends', () => {
    // Ours: 合计 2 700.00 = 201 1 500.00 + 208 1 200.00; 基本支出 2 200.00 = 1 000.00 + 1 200.00; 项目支出 500.00.
    // Amounts end at 34, 46 and 58; the groups left of the spaces (合计's `2` at 26 and 38 …) end at 27 and 39, where none does.
    const ends = [34, 46, 58];
    const lines = [
      '2026年部门支出预算总表',
      '单位：万元',
      layoutLine('科目编码', '科目名称', ['合计', '基本支出', '项目支出'], ends),
      layoutLine('', '合计', ['2 700.00', '2 200.00', '500.00'], ends),
      layoutLine('201', '一般公共服务支出', ['1 500.00', '1 000.00', '500.00'], ends),
      layoutLine('208', '社会保障和就业支出', ['1 200.00', '1 200.00', ''], ends),
    ];
    expect(lines[5]).toBe('208      社会保障和就业支出        1 200.00    1 200.00');
    const { tables } = parseTables(toSourceLines(lines.join('\n')));
    expect(rowsOf(tables[0])).toEqual([
      ['合计', 2700, 2200, 500],
      ['201', 1500, 1000, 500],
      ['208', 1200, 1200, null],
    ]);
  });

  it('kept apart where the group ends where another row\'s amount of that column ends: two columns packed tight', () => {
    // Ours: columns ending at 30, 40 and 47. 201's 基本支出 `1` (39–40) stands one space before its 项目支出 `200.00`
    // (41–47), and ends where 208's 基本支出 `3.50` ends: 合计 204.50 = 201.00 + 3.50; 基本 4.50 = 1 + 3.50.
    const ends = [30, 40, 47];
    const lines = [
      '2026年部门支出预算总表',
      '单位：万元',
      layoutLine('科目编码', '科目名称', ['合计', '基本支出', '项目支出'], ends),
      layoutLine('', '合计', ['204.50', '4.50', '200.00'], ends),
      layoutLine('201', '一般公共服务支出', ['201.00', '1', '200.00'], ends),
      layoutLine('208', '社会保障和就业支出', ['3.50', '3.50', ''], ends),
    ];
    expect(lines[4]).toBe('201      一般公共服务支出       201.00         1 200.00');
    const { tables } = parseTables(toSourceLines(lines.join('\n')));
    expect(rowsOf(tables[0])).toEqual([
      ['合计', 204.5, 4.5, 200],
      ['201', 201, 1, 200],
      ['208', 3.5, 3.5, null],
    ]);
  });

  it('kept apart where the group ends where a whole number of that column stands alone on another row', () => {
    // As above with whole numbers in 基本支出: 合计's `4` and 201's `1` stand one space before their 项目支出 `200.00`,
    // and end at 40, where 208's `3` ends with nothing after it. 合计 204 = 201 + 3; 基本 4 = 1 + 3.
    const ends = [30, 40, 47];
    const lines = [
      '2026年部门支出预算总表',
      '单位：万元',
      layoutLine('科目编码', '科目名称', ['合计', '基本支出', '项目支出'], ends),
      layoutLine('', '合计', ['204.00', '4', '200.00'], ends),
      layoutLine('201', '一般公共服务支出', ['201.00', '1', '200.00'], ends),
      layoutLine('208', '社会保障和就业支出', ['3.00', '3', ''], ends),
    ];
    const { tables } = parseTables(toSourceLines(lines.join('\n')));
    expect(rowsOf(tables[0])).toEqual([
      ['合计', 204, 4, 200],
      ['201', 201, 1, 200],
      ['208', 3, 3, null],
    ]);
  });
});
