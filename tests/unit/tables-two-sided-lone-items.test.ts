import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';

/** The rows of a text's one table printed on `line`: side, name, amount and flag. */
function rowsOn(raw: string[], line: number) {
  const [table] = parseTables(toSourceLines(raw.join('\n'))).tables;
  return table.rows.filter((r) => r.lines.first === line).map((r) => [r.texts.side, r.name, r.values.total, r.flag]);
}

/**
 * A 收支预算总表 in `pdftotext -raw` text, as 杭州市交通运输局 2026 公开表1 prints it (opraw
 * hangzhou-transport-2026-budget.txt L481-L537, some 款 and 项 left out): the expenditure side prints its 款 and 项
 * without codes and runs on below the income side's last item, one item a line; one name wraps onto a line of its own,
 * its amount on a third (L500-L502); the header's 收入 支出 line left out, and line 22 written for the test. Its
 * -layout text (optxt L525-L582) prints every one of those lines in the right-hand column.
 */
const hangzhou = [
  '表1：2026年市级部门收支预算总表', // 1 (L481)
  '部门名称：杭州市交通运输局单位：万元',
  '项目 预算数 项目 预算数',
  '一、财政拨款 636376.38 一般公共服务支出 6651.38',
  '一般公共预算 414883.38 社会工作事务 1.98', // 5
  '二、财政专户管理资金 其他一般公共服务支出 6,700.00',
  '三、事业收入 9,680.97 国防支出 18.00',
  '六、附属单位上缴收入 教育支出 24,310.26',
  '七、其他收入 2,048.18 职业教育 24,280.26',
  '技校教育 24,280.26', // 10 (L495)
  '其他教育支出 30.00',
  '社会保障和就业支出 9,927.95',
  '人力资源和社会保障管理事务 58.84',
  '其他人力资源和社会保障管理事务支',
  '出', // 15
  '58.84',
  '行政事业单位养老支出 9,856.98',
  '行政单位离退休 2,553.79',
  '就业补助 12.13',
  '行政事业单位医疗 2,531.04', // 20
  '公共交通运营补助 68,000.00',
  '某某专项补助 100.00',
  '本年收入合计 648105.52 本年支出合计 665964.37',
  '上年结转结余 17,858.84 年终结转结余',
  '收入总计 665964.37 支出总计 665964.37', // 25
];

describe('a 收支总表 line printing one item alone, in single-space text', () => {
  it('is the expenditure side’s where its name is a 支出功能分类 款 or 项 (杭州 -raw L495, L499, L504, L508, L511)', () => {
    expect(rowsOn(hangzhou, 10)).toEqual([['expenditure', '技校教育', 24280.26, null]]);
    expect(rowsOn(hangzhou, 13)).toEqual([['expenditure', '人力资源和社会保障管理事务', 58.84, null]]);
    expect(rowsOn(hangzhou, 18)).toEqual([['expenditure', '行政单位离退休', 2553.79, null]]);
    expect(rowsOn(hangzhou, 19)).toEqual([['expenditure', '就业补助', 12.13, null]]);
    expect(rowsOn(hangzhou, 20)).toEqual([['expenditure', '行政事业单位医疗', 2531.04, null]]);
    expect(rowsOn(hangzhou, 21)).toEqual([['expenditure', '公共交通运营补助', 68000, null]]);
  });

  it('is the expenditure side’s where its name wraps onto a line of its own into a …支出 (L500-L501)', () => {
    expect(rowsOn(hangzhou, 14)).toEqual([['expenditure', '其他人力资源和社会保障管理事务支', null, null]]);
    expect(rowsOn(hangzhou, 15)).toEqual([['expenditure', '出', null, null]]);
  });

  it('keeps the income side’s items and totals where they are', () => {
    expect(rowsOn(hangzhou, 9)).toEqual([
      ['income', '七、其他收入', 2048.18, null],
      ['expenditure', '职业教育', 24280.26, null],
    ]);
    expect(rowsOn(hangzhou, 24)[0]).toEqual(['income', '上年结转结余', 17858.84, null]);
  });

  it('is read as income and flagged where its name is neither an income item nor a 支出功能分类 name', () => {
    const [side, name, total, flag] = rowsOn(hangzhou, 22)[0];
    expect([side, name, total]).toEqual(['income', '某某专项补助', 100]);
    expect(flag).toContain('无法确定属于收入还是支出');
  });
});
