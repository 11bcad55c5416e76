import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';

/**
 * Grids printed with no title over them, as a workbook sheet or a Word table without its heading paragraph gives them
 * (tables/tabbed/regions.ts findUntitledGrids). Their cells are those of the 喀什经济开发区党群工作部 2024 budget
 * (../shared/seeds/kashgar-edz-party-mass-work-dept-2024-budget.txt): lines 307–309 and 370–378 of its
 * 一般公共预算支出情况表 (205 教育支出 25 项目支出; 221 住房保障支出 17.01 基本支出), lines 389–395 and 415–419 of its
 * 一般公共预算基本支出情况表 (301 工资福利支出 430.09 人员经费, 302 商品和服务支出 95.26 公用经费, 合计 539.99 =
 * 444.73 + 95.26), with their titles and 编制单位 lines left out and the 302 款 rows shortened to two.
 */
const FUNCTIONS = [
  '单位：万元',
  '项目\t\t\t一般公共预算支出\t\t',
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出',
  '类\t款\t项\t\t\t\t',
  '205\t\t\t教育支出\t25\t\t25',
  '205\t08\t\t进修及培训\t25\t\t25',
  '221\t\t\t住房保障支出\t17.01\t17.01\t',
  '221\t02\t\t住房改革支出\t17.01\t17.01\t',
  '221\t02\t01\t住房公积金\t17.01\t17.01\t',
];
const ECONOMIC = [
  '单位：万元',
  '项目\t\t一般公共预算基本支出\t\t',
  '经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费',
  '类\t款\t\t\t\t',
  '301\t\t工资福利支出\t430.09\t430.09\t',
  '301\t01\t基本工资\t48.31\t48.31\t',
  '302\t\t商品和服务支出\t95.26\t\t95.26',
  '302\t01\t办公费\t11.40\t\t11.40',
  '\t\t合计\t539.99\t444.73\t95.26',
];
/** Prose between the grids (made up), and a grid of no budget table: people, not amounts by column or code. */
const PROSE = ['本部门预算公开表如下。', '', '注：以上数据来源于部门预算系统。'];
const STAFF = ['序号\t姓名\t职务', '1\t张三\t部长', '2\t李四\t副部长'];

function valuesOf(table: { rows: { code: string | null; name: string; values: Record<string, number | null> }[] }) {
  return Object.fromEntries(table.rows.map((r) => [r.code ?? r.name, r.values]));
}

describe('grids without a title: a table where their header or rows show a standard one (tables/tabbed/regions.ts findUntitledGrids)', () => {
  it('names each grid by its header and codes, in the template order, its title inferred', () => {
    const lines = toSourceLines([...PROSE, '', ...FUNCTIONS, '', ...PROSE, '', ...ECONOMIC, '', ...STAFF].join('\n'));
    const { tables } = parseTables(lines);
    expect(tables.map((t) => [t.id, t.kind, t.title, t.titleInferred, t.unit, t.cells])).toEqual([
      ['t1', 'expenditure-summary', '支出总体情况表', true, '万元', 'exact'],
      ['t2', 'general-budget-basic-expenditure', '一般公共预算基本支出情况表', true, '万元', 'exact'],
    ]);
    const functions = valuesOf(tables[0]);
    expect(functions['205']).toEqual({ total: 25, basic: null, project: 25 });
    expect(functions['2210201']).toEqual({ total: 17.01, basic: 17.01, project: null });
    const economic = valuesOf(tables[1]);
    expect(economic['301']).toEqual({ total: 430.09, personnel: 430.09, public: null });
    expect(economic['30201']).toEqual({ total: 11.4, personnel: null, public: 11.4 });
    expect(economic['合计']).toEqual({ total: 539.99, personnel: 444.73, public: 95.26 });
    // The grids' lines and the unit line above each are the tables'; the staff grid is no table.
    expect(tables.map((t) => t.lines)).toEqual([
      { first: 5, last: 13 },
      { first: 19, last: 27 },
    ]);
  });

  it('leaves a grid under a title of another table to it (a 绩效目标表 the performance reader reads)', () => {
    const targets = ['1、防贫工作补充保险经费绩效目标表', '', '项目名称\t防贫保险\t\t', '年度资金总额\t30\t财政拨款\t30', '其他资金\t0\t\t'];
    expect(parseTables(toSourceLines([...PROSE, '', ...targets].join('\n'))).tables).toEqual([]);
  });

  it('looks past the year printed under such a title (a 绩效自评表\'s （2024年度）), which is no caption of the grid', () => {
    const form = [
      '项目支出绩效自评表',
      '',
      '（2024年度）',
      '',
      '项目名称\t农村公路养护补助项目\t\t\t\t\t\t',
      '项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
      '\t年度资金总额\t200.00\t180.00\t171.00\t10\t95.00%\t9.5',
      '\t其中：当年财政拨款\t160.00\t150.00\t141.00\t—\t—\t—',
      '\t上年结转资金\t40.00\t30.00\t30.00\t—\t—\t—',
    ];
    expect(parseTables(toSourceLines([...PROSE, '', ...form].join('\n'))).tables).toEqual([]);
  });

  // Issue 10: a title is what the source prints; a kind's standard name is given only to a grid printing none.
  const CAPTION = '2024年部门支出按功能分类占比';
  const head = (lines: string[]) => {
    const { tables } = parseTables(toSourceLines(lines.join('\n')));
    return tables.map((t) => [t.kind, t.title, t.titleInferred, t.lines.first, t.lines.last]);
  };

  it('takes the line printed over a grid as its title though it does not end in 表, the kind still from its shape', () => {
    // PROSE and a blank line are lines 1–4, the caption line 5, the grid's unit line 6 and its rows 7–14.
    expect(head([...PROSE, '', CAPTION, ...FUNCTIONS])).toEqual([['expenditure-summary', CAPTION, false, 5, 14]]);
    // A blank line between caption and unit line, as a sheet's empty row leaves it.
    expect(head([CAPTION, '', ...FUNCTIONS])).toEqual([['expenditure-summary', CAPTION, false, 1, 11]]);
  });

  it('keeps a standard title ending in 表 as printed, its kind from the title', () => {
    expect(head([...PROSE, '', '2024年一般公共预算支出情况表', ...FUNCTIONS])).toEqual([
      ['general-budget-expenditure', '2024年一般公共预算支出情况表', false, 5, 14],
    ]);
  });

  it('gives a grid printing no title the standard one, marked inferred: a heading, a sentence, a note or the document’s title over it is none', () => {
    // The unit line (6) opens the table; the line over it stays in the text around the table.
    for (const over of ['三、支出情况', '以下为本部门支出按功能分类的情况，单位为万元。', '注：数据来源于预算系统', '某局2024年部门预算']) {
      expect(head([...PROSE, '', over, ...FUNCTIONS])).toEqual([['expenditure-summary', '支出总体情况表', true, 6, 14]]);
    }
  });

  it('reads a workbook sheet the same: its caption row its title, a sheet with none inferred', async () => {
    const wb = new ExcelJS.Workbook();
    const captioned = wb.addWorksheet('Sheet1');
    captioned.getRow(1).values = [CAPTION];
    captioned.getRow(2).values = [null, null, null, null, '单位：万元'];
    captioned.getRow(3).values = ['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'];
    captioned.getRow(4).values = ['205', '教育支出', 25, null, 25];
    captioned.getRow(5).values = ['20508', '进修及培训', 25, null, 25];
    captioned.getRow(6).values = ['2050803', '培训支出', 25, null, 25];
    const bare = wb.addWorksheet('Sheet2');
    bare.getRow(1).values = [null, null, null, '单位：万元'];
    bare.getRow(2).values = ['经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费'];
    bare.getRow(3).values = ['301', '工资福利支出', 430.09, 430.09, null];
    bare.getRow(4).values = ['30101', '基本工资', 430.09, 430.09, null];
    const read = await readSource(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.reason);
    const { tables } = parseTables(toSourceLines(read.text));
    expect(tables.map((t) => [t.kind, t.title, t.titleInferred])).toEqual([
      ['expenditure-summary', CAPTION, false],
      ['general-budget-basic-expenditure', '一般公共预算基本支出情况表', true],
    ]);
    expect(Object.fromEntries(tables[0].rows.map((r) => [r.code, r.values.total]))).toEqual({ '205': 25, '20508': 25, '2050803': 25 });
  });

  it('invents no title for `-layout` text: a table under a standard title is read, a caption naming none is left to the text', () => {
    const grid = [
      '                                                                    单位：万元',
      '   功能分类科目编码     功能分类科目名称         合计       基本支出     项目支出',
      '   201                  一般公共服务支出        100.00       60.00        40.00',
      '   20101                人大事务                100.00       60.00        40.00',
      '   2010101              行政运行                100.00       60.00        40.00',
    ];
    expect(head(['                          2024年一般公共预算支出情况表', ...grid])).toEqual([
      ['general-budget-expenditure', '2024年一般公共预算支出情况表', false, 1, 6],
    ]);
    expect(head([`                          ${CAPTION}`, ...grid])).toEqual([]);
  });
});
