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
