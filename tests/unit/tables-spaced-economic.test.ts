import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';

const read = (lines: string[]) => parseSpacedTables(toSourceLines(lines.join('\n')));

// A made-up 基本支出 table in the layout of 广州 水务局 2026 `pdftotext -raw` L364-L390: each code in brackets run into
// its name, one amount a row under the header's one word 预算. Figures: 合计 130.00 = 301 (100.00) + 302 (30.00);
// 301 = 60.00 + 40.00; 302 = 30.00.
const BRACKETED = [
  '一般公共预算基本支出情况表（按经济分类科目）',
  '单位名称：某市水务局 单位：万元',
  '部门预算支出经济科目 预算',
  '合计 130.00',
  '[301]工资福利支出 100.00',
  '[30101]基本工资 60.00',
  '[30102]津贴补贴 40.00',
  '[302]商品和服务支出 30.00',
  '[30201]办公费 30.00',
  '第三部分 情况说明',
];

describe('single-space economic tables: codes in brackets, one amount under 预算', () => {
  const { tables, unparsed } = read(BRACKETED);

  it('reads the one column the header names, not the template’s 合计 / 人员经费 / 公用经费', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0].columns.map((c) => [c.key, c.label])).toEqual([['total', '预算']]);
  });

  it('cuts each bracketed code from its name', () => {
    expect(tables[0].rows.map((r) => [r.code, r.name, r.values.total])).toEqual([
      [null, '合计', 130],
      ['301', '工资福利支出', 100],
      ['30101', '基本工资', 60],
      ['30102', '津贴补贴', 40],
      ['302', '商品和服务支出', 30],
      ['30201', '办公费', 30],
    ]);
    expect(unparsed).toEqual([]);
  });
});

// A made-up 基本支出 table, one row per 款 of the economic classification, each row printing its 合计 and the one part
// it fills (as 北京 民政局 2026 预算06表 in `pdftotext -raw`, L415-L440). 人员经费 130.00 = 100.00 + 10.00 + 20.00 (30101,
// 30102, 30302); 公用经费 50.00 = 30.00 + 20.00 (30201, 30228). By the sums alone 30201 could be 人员经费 too
// (100.00 + 30.00 = 130.00).
const PERSONNEL = [
  '一般公共预算基本支出表',
  '单位：万元',
  '科目编码 科目名称 合计 人员经费 公用经费',
  '合计 180.00 130.00 50.00',
  '30101 基本工资 100.00 100.00',
  '30102 津贴补贴 10.00 10.00',
  '30201 办公费 30.00 30.00',
  '30228 工会经费 20.00 20.00',
  '30302 退休费 20.00 20.00',
  '第三部分 情况说明',
];

describe('single-space 基本支出 table: 301 and 303 are 人员经费', () => {
  const byCode = (lines: string[]) => new Map(read(lines).tables[0].rows.map((r) => [r.code, r]));

  it('places the part of a 301 or 303 row under 人员经费, and then the 302 rows under 公用经费 by the sums', () => {
    const rows = byCode(PERSONNEL);
    expect(rows.get('30101')!.values).toEqual({ total: 100, personnel: 100, public: null });
    expect(rows.get('30302')!.values).toEqual({ total: 20, personnel: 20, public: null });
    expect(rows.get('30201')!.values).toEqual({ total: 30, personnel: null, public: 30 });
    expect(rows.get('30228')!.values).toEqual({ total: 20, personnel: null, public: 20 });
    expect([...rows.values()].every((r) => r.flag === null)).toBe(true);
  });

  it('decides nothing of a 302 row (长沙 教育 2026 counts part of 30228 工会经费 as 人员经费): one of two alike stays open', () => {
    // 人员经费 130.00 = 100.00 (30101) + 30.00, 公用经费 30.00: 30201 or 30228 is the 人员经费 one, the sums cannot say which.
    const rows = byCode(['一般公共预算基本支出表', '单位：万元', '科目编码 科目名称 合计 人员经费 公用经费', '合计 160.00 130.00 30.00',
      '30101 基本工资 100.00 100.00', '30201 办公费 30.00 30.00', '30228 工会经费 30.00 30.00', '第三部分 情况说明']);
    expect(rows.get('30101')!.values).toEqual({ total: 100, personnel: 100, public: null });
    for (const code of ['30201', '30228']) {
      expect(rows.get(code)!.values).toEqual({ total: 30, personnel: null, public: null });
      expect(rows.get(code)!.uncertain).toEqual(['personnel', 'public']);
    }
  });
});

// BRACKETED above with each code run into its name, no bracket or space (`301工资福利支出 100.00`), as the -layout text
// prints a 项's digits glued to its name (domain primer): read as where the code is printed apart.
describe('single-space tables: a code run into its name', () => {
  it('cuts a whole economic code from its name', () => {
    const { tables, unparsed } = read(BRACKETED.map((line) => line.replace(/^\[(\d+)\]/, '$1')));
    expect(tables[0].rows.map((r) => [r.code, r.name, r.values.total])).toEqual([
      [null, '合计', 130],
      ['301', '工资福利支出', 100],
      ['30101', '基本工资', 60],
      ['30102', '津贴补贴', 40],
      ['302', '商品和服务支出', 30],
      ['30201', '办公费', 30],
    ]);
    expect(unparsed).toEqual([]);
  });

  // A made-up 支出总体情况表: 201 = 20101 = 2010101 = 100.00 (合计 60.00 基本支出 + 40.00 项目支出), lines 5–7 run
  // together; line 8 opens with a hotline's number (95128), of no classification, which stays the project's name.
  it('cuts a function code of any level, and leaves digits of no classification in the name', () => {
    const { tables } = read([
      '2024年部门支出总体情况表',
      '单位：万元',
      '项目 合计 基本支出 项目支出',
      '科目编码 科目名称',
      '201一般公共服务支出 100.00 60.00 40.00',
      '20101人大事务 100.00 60.00 40.00',
      '2010101行政运行 100.00 60.00 40.00',
      '95128助老服务热线 40.00 40.00',
      '合计 100.00 60.00 40.00',
      '第三部分 情况说明',
    ]);
    expect(tables[0].rows.map((r) => [r.code, r.name])).toEqual([
      ['201', '一般公共服务支出'],
      ['20101', '人大事务'],
      ['2010101', '行政运行'],
      [null, '95128助老服务热线'],
      [null, '合计'],
    ]);
    expect(tables[0].rows[0].values).toEqual({ total: 100, basic: 60, project: 40 });
  });
});
