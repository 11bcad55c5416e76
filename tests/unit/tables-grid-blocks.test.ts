import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { readDocx } from '../../src/ingest/sources/docx.ts';
import { cell, docx, para, row, table } from '../fixtures/docx.ts';

/**
 * The 巨鹿县扶贫开发办公室 2021 budget (../shared/seeds/julu-county-poverty-office-2021-budget.txt) as a Word document
 * or web page gives it: its prose as lines, its two tables as grids. The seed prints them at lines 82–88 (部门机构设置情况:
 * 巨鹿县扶贫开发办公室 行政单位 正科级 财政拨款) and 863–879 (固定资产占用情况表: 资产总额 -- 34.860245, 2、车辆（台、辆） 1
 * 2.966688, 4、其他固定资产 -- 31.893565, the dash an empty 数量 cell).
 */
const INSTITUTIONS = ['部门机构设置情况', '', '单位名称\t单位性质\t单位规格\t经费保障形式', '巨鹿县扶贫开发办公室\t行政单位\t正科级\t财政拨款'];
const ASSETS = [
  '固定资产占用情况表',
  '编制部门：巨鹿县扶贫开发办公室 截止时间：2020 年 12 月 31 日',
  '项目\t数量\t价值',
  '资产总额\t\t34.860245',
  '1、房屋（平方米）\t\t',
  '其中:办公用房(平方米）\t\t',
  '2、车辆（台、辆）\t1\t2.966688',
  '3、单价在10万元以上的设备\t\t',
  '4、其他固定资产\t\t31.893565',
];
/** Prose that prints its amounts one space apart, as text copied out of a PDF does (made up for the test). */
const PROSE = Array.from({ length: 6 }, (_, i) => `第${i + 1}项 本年预算 120.5 80.25 万元，上年 100 90.5 万元。`);

describe('grids among prose: read as grids, whatever the prose looks like (tables/index.ts tablesOf)', () => {
  it('reads a text-cell grid: the first line is the header, each line after it a row', () => {
    const { tables } = parseTables(toSourceLines(INSTITUTIONS.join('\n')));
    expect(tables).toHaveLength(1);
    expect(tables[0].kind).toBe('institution-list');
    expect(tables[0].rows).toMatchObject([{ name: '巨鹿县扶贫开发办公室', texts: { 单位性质: '行政单位', 单位规格: '正科级', 经费保障形式: '财政拨款' } }]);
  });

  it('places every amount of a grid in a document whose prose prints amounts one space apart', () => {
    const lines = toSourceLines([...PROSE, '', ...ASSETS, '', ...PROSE].join('\n'));
    expect(detectLayout(lines)).toBe('spaced');
    const { tables, unparsed } = parseTables(lines);
    expect(unparsed).toEqual([]);
    expect(tables.map((t) => [t.id, t.kind, t.cells])).toEqual([['t1', 'fixed-assets', 'exact']]);
    const values = Object.fromEntries(tables[0].rows.map((r) => [r.name, r.values]));
    expect(values['资产总额']).toEqual({ quantity: null, value: 34.860245 });
    expect(values['2、车辆（台、辆）']).toEqual({ quantity: 1, value: 2.966688 });
    expect(values['4、其他固定资产']).toEqual({ quantity: null, value: 31.893565 });
  });

  it('does the same for the Word document, its tables numbered in print order', async () => {
    const grid = (lines: string[], columns: number) => table(lines.map((l) => row(l.split('\t').map((c) => cell(c)))), columns);
    const body = [
      ...PROSE.map(para),
      para(INSTITUTIONS[0]),
      grid(INSTITUTIONS.slice(2), 4),
      ...PROSE.map(para),
      para(ASSETS[0]),
      para(ASSETS[1]),
      grid(ASSETS.slice(2), 3),
    ].join('');
    const read = await readDocx(await docx(body));
    if (!read.ok) throw new Error(read.reason);
    const lines = toSourceLines(read.text);
    const { tables, unparsed } = parseTables(lines);
    expect(unparsed).toEqual([]);
    expect(tables.map((t) => [t.id, t.kind])).toEqual([
      ['t1', 'institution-list'],
      ['t2', 'fixed-assets'],
    ]);
    expect(tables[0].rows[0].name).toBe('巨鹿县扶贫开发办公室');
    expect(tables[1].rows.map((r) => r.values.value)).toEqual([34.860245, null, null, 2.966688, null, 31.893565]);
  });
});
