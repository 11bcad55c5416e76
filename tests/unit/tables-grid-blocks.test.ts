import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';

/**
 * The 巨鹿县扶贫开发办公室 2021 budget (../shared/seeds/julu-county-poverty-office-2021-budget.txt) as a Word document
 * or web page gives it: its prose as lines, its two tables as grids. The seed prints them at lines 82–88 (部门机构设置情况:
 * 巨鹿县扶贫开发办公室 行政单位 正科级 财政拨款) and 863–879 (固定资产占用情况表: 资产总额 -- 34.860245, 2、车辆（台、辆） 1
 * 2.966688, 4、其他固定资产 -- 31.893565, the dash an empty 数量 cell).
 */
const INSTITUTIONS = ['部门机构设置情况', '', '单位名称\t单位性质\t单位规格\t经费保障形式', '巨鹿县扶贫开发办公室\t行政单位\t正科级\t财政拨款'];
describe('grids of text cells (tabbed/draft-rows.ts)', () => {
  it('reads a text-cell grid: the first line is the header, each line after it a row', () => {
    const { tables } = parseTables(toSourceLines(INSTITUTIONS.join('\n')));
    expect(tables).toHaveLength(1);
    expect(tables[0].kind).toBe('institution-list');
    expect(tables[0].rows).toMatchObject([{ name: '巨鹿县扶贫开发办公室', texts: { 单位性质: '行政单位', 单位规格: '正科级', 经费保障形式: '财政拨款' } }]);
  });
});
