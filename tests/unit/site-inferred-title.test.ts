import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { basicProjectChart } from '../../src/site/chart-data.ts';

/**
 * A table whose title the source does not print is named by its kind's standard title, and wherever the site names
 * it, it says so (issue 10). The grid is one written for this test: 205 教育支出 25 项目支出, 221 住房保障支出 17.01
 * 基本支出, by tabs, its title a line over it or none.
 */
const GRID = [
  '单位：万元',
  '功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出',
  '205\t教育支出\t25\t\t25',
  '20508\t进修及培训\t25\t\t25',
  '221\t住房保障支出\t17.01\t17.01\t',
  '22102\t住房改革支出\t17.01\t17.01\t',
];
const parse = (lines: string[]) => parseDisclosure(lines.join('\n'), { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });

describe('a table title the source does not print, as the site names the table', () => {
  it('marks the standard title of a grid printing none as inferred in a chart’s source', () => {
    const chart = basicProjectChart(parse(['某局2024年部门预算', '', ...GRID]));
    expect(chart?.source).toBe('支出总体情况表（标题据表格内容推定）（原文第 3–8 行）');
  });

  it('gives the printed title as it stands', () => {
    const chart = basicProjectChart(parse(['某局2024年部门预算', '', '2024年部门支出按功能分类占比', ...GRID]));
    expect(chart?.source).toBe('2024年部门支出按功能分类占比（原文第 3–9 行）');
  });
});
