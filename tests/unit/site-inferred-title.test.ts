import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { basicProjectChart } from '../../src/site/chart-data.ts';
import { inferredMark, inferredSaying } from '../../src/core/inferred-title.ts';
import { disclosureRows, ROW_FIELDS } from '../../src/site/rows.ts';
import { summarize } from '../../src/site/disclosure-summary.ts';
import { pageSummary } from '../../src/site/summary.ts';
import { departmentSeries } from '../../src/site/department-view.ts';
import { groupDepartments } from '../../src/site/departments.ts';
import { headlineAmount } from '../../src/site/totals.ts';

/**
 * A table whose title the source does not print is named by its kind's standard title, and a table whose kind was
 * told from its contents has a kind the source did not name; wherever the site (and a check) names such a table, it
 * says so (issue 10). The grid is one written for this test: 205 教育支出 25 项目支出, 221 住房保障支出 17.01
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
const parse = (lines: string[], file = 't.txt') => parseDisclosure(lines.join('\n'), { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
const seed = (name: string) => parse(readFileSync(`content/sources/${name}.txt`, 'utf8').split('\n'), `${name}.txt`);

describe('what the site says of a table the source did not name so', () => {
  it('says the title is inferred before the kind, and nothing of a table the source named', () => {
    expect(inferredSaying({ titleInferred: true, kindInferred: true })).toBe('标题据表格内容推定');
    expect(inferredSaying({ titleInferred: false, kindInferred: true })).toBe('表的类别据表格内容推定');
    expect(inferredSaying({ titleInferred: false, kindInferred: false })).toBe('');
    expect(inferredSaying({})).toBe('');
    expect(inferredMark({ titleInferred: true, kindInferred: true })).toBe('（标题据表格内容推定）');
    expect(inferredMark({ titleInferred: false, kindInferred: false })).toBe('');
    expect(inferredMark(undefined)).toBe('');
  });

  it('speaks only of the kind where the site shows a figure taken from the table by its kind, not its title', () => {
    expect(inferredSaying({ titleInferred: true, kindInferred: true }, false)).toBe('表的类别据表格内容推定');
    expect(inferredMark({ titleInferred: false, kindInferred: true }, false)).toBe('（表的类别据表格内容推定）');
    expect(inferredSaying({ titleInferred: false, kindInferred: false }, false)).toBe('');
  });
});

describe('a table title or kind the source does not print, as the site names the table', () => {
  it('marks the standard title of a grid printing none as inferred in a chart’s source', () => {
    const chart = basicProjectChart(parse(['某局2024年部门预算', '', ...GRID]));
    expect(chart?.source).toBe('支出总体情况表（标题据表格内容推定）（原文第 3–8 行）');
  });

  it('gives a caption naming no standard table as it stands, and says its kind (支出总表) was told from its contents', () => {
    const doc = parse(['某局2024年部门预算', '', '2024年部门支出按功能分类占比', ...GRID]);
    expect(doc.tables.map((t) => [t.kind, t.title, t.titleInferred, t.kindInferred])).toEqual([
      ['expenditure-summary', '2024年部门支出按功能分类占比', false, true],
    ]);
    expect(basicProjectChart(doc)?.source).toBe('2024年部门支出按功能分类占比（表的类别据表格内容推定）（原文第 3–9 行）');
  });

  it('says the headline total and the opening sentence come from a table whose kind was told from its contents', () => {
    // The grid's 合计 row written for this test: 42.01 = 25 教育支出 + 17.01 住房保障支出, 基本 17.01, 项目 25.
    const doc = parse(['某局2024年部门预算', '', '2024年部门支出按功能分类占比', GRID[0], GRID[1], '\t合计\t42.01\t17.01\t25', ...GRID.slice(2)]);
    expect(headlineAmount(doc)).toEqual({ value: 42.01, label: '支出合计', unit: '万元', inferred: '（表的类别据表格内容推定）' });
    expect(pageSummary(doc, 0).sentences[0]).toBe('某局 2024 年预算支出合计 42.01 万元（表的类别据表格内容推定）。');
    const named = parse(['某局2024年部门预算', '', '部门支出总体情况表', GRID[0], GRID[1], '\t合计\t42.01\t17.01\t25', ...GRID.slice(2)]);
    expect(headlineAmount(named)).toEqual({ value: 42.01, label: '支出合计', unit: '万元' });
    expect(pageSummary(named, 0).sentences[0]).toBe('某局 2024 年预算支出合计 42.01 万元。');
  });

  it('says nothing of a table whose printed title names its kind', () => {
    const doc = parse(['某局2024年部门预算', '', '部门支出总体情况表', ...GRID]);
    expect(doc.tables.map((t) => [t.kind, t.title, t.titleInferred, t.kindInferred])).toEqual([['expenditure-summary', '部门支出总体情况表', false, false]]);
    expect(basicProjectChart(doc)?.source).toBe('部门支出总体情况表（原文第 3–9 行）');
  });
});

/**
 * 喀什地区扶贫开发办公室's 2021 budget prints no table's title (its PDF's text lost them: line 169 is the line
 * 编制部门：…单位：万元 over the 支出总表, whose 合计 at line 193 is 1439.48 = 993.81 基本支出 + 445.67 项目支出); the
 * administrative office's prints every title (部门（单位）支出总体情况表, its t3).
 */
describe('real disclosures printing no table title, or one naming no standard table, in the downloads and the checks', () => {
  const poverty = seed('kashgar-poverty-alleviation-office-2021-budget');
  const office = seed('kashgar-administrative-office-2021-budget');
  const at = (field: (typeof ROW_FIELDS)[number]) => ROW_FIELDS.indexOf(field);

  it('says in every row of all-rows.csv of the 支出总表 (t3) that its title is inferred, and in none of a printed one', () => {
    const rows = disclosureRows(poverty).filter((r) => r[at('table')] === 't3');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => [r[at('table_title')], r[at('table_inferred')]].join('|')))).toEqual(new Set(['支出总体情况表|标题据表格内容推定']));
    const total = rows.find((r) => r[at('role')] === 'total' && r[at('column')] === 'basic');
    expect(total?.[at('value')]).toBe(993.81);
    expect(new Set(disclosureRows(office).map((r) => r[at('table_inferred')]))).toEqual(new Set([null]));
  });

  it('keeps the mark in the summary the data listing reads: nine tables, each inferred', () => {
    const tables = summarize(poverty).tables;
    expect(tables).toHaveLength(9);
    expect(tables[2]).toEqual({ id: 't3', title: '支出总体情况表', titleInferred: true, kindInferred: true });
    expect(summarize(office).tables.every((t) => !('titleInferred' in t) && !('kindInferred' in t))).toBe(true);
  });

  it('says of a spaced table whose printed title names no standard table that its kind was told from its contents', () => {
    // The administrative office's line 370, 部门（单位）支出总体情况表 (its t3, lines 368–492), printed as a title naming no
    // standard table: the title stays as printed, the kind is the reader's.
    const lines = readFileSync('content/sources/kashgar-administrative-office-2021-budget.txt', 'utf8').split('\n');
    lines[369] = '部门（单位）支出明细表';
    const doc = parse(lines);
    const t3 = doc.tables.find((t) => t.id === 't3')!;
    expect([t3.title, t3.titleInferred, t3.kindInferred, t3.lines]).toEqual(['部门(单位)支出明细表', false, true, { first: 368, last: 492 }]);
    expect(new Set(disclosureRows(doc).filter((r) => r[at('table')] === 't3').map((r) => r[at('table_inferred')]))).toEqual(new Set(['表的类别据表格内容推定']));
    expect(new Set(doc.tables.filter((t) => t.id !== 't3').map((t) => t.kindInferred))).toEqual(new Set([false]));
  });

  it('says on the department page which years’ figures come from a table whose kind was told from its contents', () => {
    const [povertySeries] = departmentSeries(groupDepartments([summarize(poverty)])[0]);
    expect(povertySeries.rows.find((r) => r.id === 'expenditure')?.values).toEqual([1439.48]);
    expect(povertySeries.inferredYears).toEqual([2021]);
    expect(departmentSeries(groupDepartments([summarize(office)])[0]).map((s) => s.inferredYears)).toEqual([[]]);
  });

  it('names the table a stated figure was checked against as inferred (说明 line 448–450: 支出预算1439.48万元)', () => {
    const check = poverty.checks.find((c) => c.id === 'narrative:total-expenditure');
    expect(check?.message).toBe('说明中的支出总额（支出预算1439.48万元）= 表中合计（见《支出总体情况表》，标题据表格内容推定）');
  });
});
