import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { alignedBlocks } from '../../src/ingest/tables/table-blocks.ts';
import { alignedHeaderRows } from '../../src/ingest/tables/aligned/header-marks.ts';
import { parseAlignedTables } from '../../src/ingest/tables/aligned/index.ts';

/**
 * The aligned reader's header is the block stage's mark (shared/header-rows.ts) read with where the cells stand
 * (aligned/header-marks.ts). Each fixture is written the way a `pdftotext -layout` page prints its class; line 1 is the
 * title, line 2 the unit line, the rows from line 3.
 */
const headerLines = (text: string) => {
  const [block] = alignedBlocks(toSourceLines(text));
  const nos = (to: number) => block.rows.slice(0, to).filter((r) => r.cells.length > 0).map((r) => r.line.no);
  return { mark: nos(block.headerRows), read: nos(alignedHeaderRows(block)) };
};

describe('the header of an aligned table: the block mark read with the cells’ columns', () => {
  // 长沙 教育 2026 财政拨款收支总体情况表's second page (-layout L233–L241): its first item prints no amount.
  const CONTINUED = [
    '财政拨款收支总体情况表',
    '单位：万元',
    '          收           入                         支                  出',
    '           项目             金额           项目          合计      一般公共预算',
    '                                       22、其他支出',
    '         收入总计              656.73     支出总计         656.73        656.73',
  ].join('\n');

  it('an outline item without amounts opens the data, though its words (支出) are header words', () => {
    expect(headerLines(CONTINUED)).toEqual({ mark: [3, 4, 5], read: [3, 4] });
    const [t] = parseAlignedTables(toSourceLines(CONTINUED)).tables;
    expect(t.rows.map((r) => r.name)).toContain('22、其他支出');
  });

  // 深圳 水务局 2026 支出总表 (-layout L2767–L2779): the last line of a wrapped label printed over its amount column.
  const WRAPPED = [
    '支出总表',
    '单位：万元',
    '  科目编码      科目名称      支出总计    基本支出    政府采购项',
    '                                      目资金规模',
    '  201     一般公共服务支出    100.00   60.00   40.00',
  ].join('\n');

  it('a line of label pieces over the amount columns goes on the header', () => {
    expect(headerLines(WRAPPED)).toEqual({ mark: [3], read: [3, 4] });
    const [t] = parseAlignedTables(toSourceLines(WRAPPED)).tables;
    expect(t.rows.map((r) => [r.code, r.name])).toEqual([['201', '一般公共服务支出']]);
  });

  // 西安 交通运输局 2022 收支总表's last page (-layout L431–L441): numbered rows past the 合计 print no amount.
  const NUMBERED = [
    '部门收支总表',
    '单位：万元',
    '序号        项目              预算数        项目                预算数',
    '32 用事业基金弥补收支差额                    结转下年',
    '33 上年实户资金余额                          未安排支出的实户资金',
  ].join('\n');

  it('a row opening with its number under 序号 is a row', () => {
    expect(headerLines(NUMBERED)).toEqual({ mark: [3, 4, 5], read: [3] });
  });

  // 财政部 决算 template 收入决算表 (shtxt national-final-accounts-template L131–L141): printed empty, its 合计 row
  // under the stub's 项目.
  const EMPTY = [
    '收入决算表',
    '单位：万元',
    '               项目',
    '    功能分类                   本年收入合计   财政拨款收入',
    '                    科目名称',
    '    科目编码',
    '               合计',
  ].join('\n');

  it('a total’s name under the stub, left of the amount labels, is the empty table’s total row', () => {
    expect(headerLines(EMPTY)).toEqual({ mark: [3, 4, 5, 6, 7], read: [3, 4, 5, 6] });
  });
});

describe('a header printed again over a continued page: the page’s rows marked by the same rule', () => {
  // 广州 水务局 2026 项目支出表 (-layout L1372–L1381): under the header repeated on page 37, the first project's name
  // starts a line above its amounts (`黄龙带水库移民村社会` / `性工作和移民生活财政补助  100.00 …`).
  const PAGED = [
    '项目支出预算表',
    '单位：万元',
    '  项目名称                合计       基本支出     项目支出     绩效目标',
    '                                                             保障水文站点正常运行，',
    '  水文监测项目            10.00         0.00        10.00',
    '                                                             及时提供水文监测数据。',
    '\f  项目名称                合计       基本支出     项目支出     绩效目标',
    '     黄龙带水库移民村社会',
    '                                                             通过项目实施，补助黄龙带水库',
    '性工作和移民生活财政补助  100.00         0.00       100.00',
    '                                                             移民村，提高生活水平。',
    '项目',
  ].join('\n');

  it('a name’s first line under the repeated header is the row’s, not the header’s', () => {
    const { tables, unparsed } = parseAlignedTables(toSourceLines(PAGED));
    expect(unparsed).toEqual([]);
    expect(tables[0].rows.map((r) => [r.name, r.lines])).toEqual([
      ['水文监测项目', { first: 4, last: 6 }],
      ['黄龙带水库移民村社会性工作和移民生活财政补助项目', { first: 8, last: 12 }],
    ]);
  });
});
