import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';

// A made-up county disclosure in the same single-space layout: another department, other 类, a title with a `2024年`
// prefix, a 款 printed as `201 01`, and a 项 whose 项目支出 cell must be told from its 基本支出 cell by the sums.
const text = [
  '第二部分 部门预算公开表',
  '2024年部门支出总体情况表',
  '编制单位：某县农业农村局 单位：万元',
  '项目 合计 基本支出 项目支出',
  '科目编码 科目名称',
  '205 教育支出 30 30',
  '205 08 进修及培训 30 30',
  '205 08 03 培训支出 30 30',
  '213 农林水支出 170 100 70',
  '213 01 农业农村 170 100 70',
  '213 01 01 行政运行 100 100',
  '213 01 99 其他农业农村支出 70 70',
  '合 计 200 100 100',
  '第三部分 情况说明',
];

describe('spaced tables beyond the seeds', () => {
  const result = parseSpacedTables(toSourceLines(text.join('\n')));
  const [table] = result.tables;

  it('reads the title, unit and codes', () => {
    expect(result.tables).toHaveLength(1);
    expect(table).toMatchObject({ kind: 'expenditure-summary', unit: '万元', titleInferred: false });
    expect(table.rows.map((r) => r.code)).toEqual(['205', '20508', '2050803', '213', '21301', '2130101', '2130199', null]);
    expect(result.claimed).toEqual([{ first: 2, last: 13 }]);
  });

  it('places collapsed cells by the sums: 205 is 项目支出 because 基本支出 adds up without it', () => {
    const byCode = (c: string) => table.rows.find((r) => r.code === c)!;
    expect(byCode('205').values).toEqual({ total: 30, basic: null, project: 30 });
    expect(byCode('2130101').values).toEqual({ total: 100, basic: 100, project: null });
    expect(byCode('2130199').values).toEqual({ total: 70, basic: null, project: 70 });
    expect(table.rows.every((r) => r.flag === null)).toBe(true);
    expect(result.unparsed).toEqual([]);
  });
});
