import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { hiddenLines } from '../../src/ingest/sources/ods.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import type { Table } from '../../src/schema/table.ts';
import { asXls } from '../fixtures/xls.ts';

/**
 * Workbooks in the shapes offices publish them, beyond one tidy table a sheet: sheets titled by their tab with the
 * unit line above the header, rows and columns the office hid, formulas a program saved without their results. Every
 * figure is made up here and checked by hand (a department of 1,425.00 万元: 500.00 + 60.00 + 865.00).
 */
const info = { file: 'book.xlsx', sha256: '0'.repeat(64), format: 'xlsx' as const, encoding: 'utf-8' };
const rows = (t: Table) => t.rows.map((r) => [r.code, r.name, r.values]);

async function read(bytes: Uint8Array) {
  const result = await readSource(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

describe('a sheet titled by its tab', () => {
  /** A cover, a 目录 and the 收支总表 on a sheet named 表一 部门收支总表, its first row the unit alone. */
  async function book(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('封面').getRow(3).values = ['某县某局2025年部门预算'];
    const toc = wb.addWorksheet('目录');
    toc.getRow(1).values = ['目录'];
    toc.getRow(2).values = ['表一', '部门收支总表'];
    const ws = wb.addWorksheet('表一 部门收支总表');
    ws.getRow(1).values = [null, null, null, '单位：万元'];
    ws.getRow(2).values = ['收入', null, '支出'];
    ws.mergeCells('A2:B2');
    ws.mergeCells('C2:D2');
    ws.getRow(3).values = ['项目', '预算数', '项目', '预算数'];
    ws.getRow(4).values = ['一、一般公共预算拨款收入', 1425, '一、一般公共服务支出', 500];
    ws.getRow(5).values = [null, null, '二、社会保障和就业支出', 60];
    ws.getRow(6).values = [null, null, '三、城乡社区支出', 865];
    ws.getRow(7).values = ['收入总计', 1425, '支出总计', 1425];
    return bytesOf(wb);
  }

  it('is titled by the tab where its first row is the unit line, not a title: the table is read, not prose', async () => {
    const { text } = await read(await book());
    const lines = text.split('\n');
    const at = lines.indexOf('表一 部门收支总表');
    expect(lines.slice(at - 2, at + 4)).toEqual(['表一\t部门收支总表', '', '表一 部门收支总表', '', '单位：万元', '收入\t\t支出\t']);
    const [summary] = parseTables(toSourceLines(text)).tables;
    expect(summary.kind).toBe('income-expenditure-summary');
    expect(summary.title).toBe('表一 部门收支总表');
    expect(summary.unit).toBe('万元');
    expect(summary.rows.map((r) => [r.name, r.values.total])).toEqual([
      ['一、一般公共预算拨款收入', 1425],
      ['一、一般公共服务支出', 500],
      ['二、社会保障和就业支出', 60],
      ['三、城乡社区支出', 865],
      ['收入总计', 1425],
      ['支出总计', 1425],
    ]);
  });
});

describe('rows and columns a sheet hides', () => {
  /**
   * A 支出总表 with a hidden 单位编码 column between name and amounts, a hidden check column after them, and a hidden
   * 项 row of zeros (the template's unused row); the 基本支出 group over 人员经费 / 公用经费, the total at the bottom.
   */
  async function book(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表2');
    ws.getRow(1).values = ['部门支出总表'];
    ws.mergeCells('A1:H1');
    ws.getRow(2).values = [null, null, null, null, null, null, '单位：万元'];
    ws.getRow(3).values = ['科目编码', '科目名称', '单位编码', '本年支出'];
    ws.mergeCells('D3:G3');
    ws.getRow(4).values = [null, null, null, '合计', '基本支出', null, '项目支出', '校验'];
    ws.mergeCells('E4:F4');
    ws.getRow(5).values = [null, null, null, null, '人员经费', '公用经费'];
    for (const range of ['A3:A5', 'B3:B5', 'C3:C5', 'D4:D5', 'G4:G5', 'H4:H5']) ws.mergeCells(range);
    ws.getRow(6).values = ['201', '一般公共服务支出', '101001', 500, 300, 100, 100, 0];
    ws.getRow(7).values = ['20103', '政府办公厅（室）及相关机构事务', '101001', 500, 300, 100, 100, 0];
    ws.getRow(8).values = ['2010301', '行政运行', '101001', 400, 300, 100, null, 0];
    ws.getRow(9).values = ['2010302', '一般行政管理事务', '101001', 100, null, null, 100, 0];
    ws.getRow(10).values = ['2010399', '其他政府办公厅（室）及相关机构事务支出', '101001', 0, 0, 0, 0, 0];
    ws.getRow(11).values = [null, '合计', null, 500, 300, 100, 100, 0];
    ws.getColumn(3).hidden = true;
    ws.getColumn(8).hidden = true;
    ws.getRow(10).hidden = true;
    return bytesOf(wb);
  }

  const expected = [
    ['201', '一般公共服务支出', { total: 500, personnel: 300, public: 100, project: 100 }],
    ['20103', '政府办公厅（室）及相关机构事务', { total: 500, personnel: 300, public: 100, project: 100 }],
    ['2010301', '行政运行', { total: 400, personnel: 300, public: 100, project: null }],
    ['2010302', '一般行政管理事务', { total: 100, personnel: null, public: null, project: 100 }],
    [null, '合计', { total: 500, personnel: 300, public: 100, project: 100 }],
  ];

  it('are left out as Excel shows and prints the sheet, and the document names them', async () => {
    const read1 = await read(await book());
    expect(read1.text).not.toContain('101001');
    expect(read1.text).not.toContain('校验');
    expect(read1.text).not.toContain('2010399');
    const [table] = parseTables(toSourceLines(read1.text)).tables;
    expect(table.kind).toBe('expenditure-summary');
    expect(rows(table)).toEqual(expected);
    const doc = parseDisclosure(read1.text, { ...info, ...read1 });
    expect(doc.warnings).toContain('工作表“表2”隐藏了第 10 行和第 C、H 列：隐藏的行和列在 Excel 中不显示、也不打印，没有读取');
  });

  // SheetJS's BIFF8 writer keeps the hidden columns and not the hidden row; LibreOffice's .xls of the same book keeps
  // both, and reads as the .xlsx does (checked by hand: tests must not need LibreOffice).
  it('are left out of the same workbook saved as .xls', async () => {
    const xls = await read(asXls(await book()));
    expect(xls.text).not.toContain('101001');
    expect(xls.text).not.toContain('校验');
    expect(xls.sheetNotes).toEqual(['工作表“表2”隐藏了第 C、H 列：隐藏的行和列在 Excel 中不显示、也不打印，没有读取']);
  });

  it('are found in an ODS by their visibility, repeated runs counted (content.xml as LibreOffice 7.4 writes it)', () => {
    const xml = [
      '<table:table table:name="封面" table:style-name="ta1"><table:table-column table:number-columns-repeated="3"/>',
      '<table:table-row table:visibility="collapse"><table:table-cell/></table:table-row></table:table>',
      '<table:table table:name="表2" table:style-name="ta1">',
      '<table:table-column table:style-name="co1" table:number-columns-repeated="2" table:default-cell-style-name="Default"/>',
      '<table:table-column table:style-name="co2" table:visibility="collapse" table:default-cell-style-name="Default"/>',
      '<table:table-column table:style-name="co1" table:number-columns-repeated="4" table:default-cell-style-name="Default"/>',
      '<table:table-column table:style-name="co2" table:visibility="collapse" table:default-cell-style-name="Default"/>',
      '<table:table-column table:style-name="co1" table:number-columns-repeated="16376" table:default-cell-style-name="Default"/>',
      '<table:table-header-rows><table:table-row table:style-name="ro1" table:number-rows-repeated="2"><table:table-cell/></table:table-row></table:table-header-rows>',
      '<table:table-row table:style-name="ro1" table:number-rows-repeated="7"><table:table-cell/></table:table-row>',
      '<table:table-row table:style-name="ro1" table:visibility="collapse"><table:table-cell/></table:table-row>',
      '<table:table-row table:style-name="ro1" table:visibility="filter" table:number-rows-repeated="2"><table:table-cell/></table:table-row>',
      '</table:table>',
    ].join('');
    expect(hiddenLines(xml)).toEqual([
      { rows: new Set([0]), columns: new Set() },
      { rows: new Set([9, 10, 11]), columns: new Set([2, 7]) },
    ]);
  });
});

describe('formulas in a workbook', () => {
  /** A 基本支出表 whose 合计 and 类 rows sum by formula: saved by Excel with their results, or by a program without. */
  async function book(cached: boolean): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表4');
    ws.getRow(1).values = ['一般公共预算基本支出表'];
    ws.mergeCells('A1:E1');
    ws.getRow(2).values = [null, null, null, null, '单位：万元'];
    ws.getRow(3).values = ['科目编码', '科目名称', '合计', '人员经费', '公用经费'];
    ws.getRow(4).values = [null, '合计'];
    ws.getRow(5).values = ['301', '工资福利支出'];
    ws.getRow(6).values = ['30101', '基本工资', 60, 60];
    ws.getRow(7).values = ['30102', '津贴补贴', 30, 30];
    ws.getRow(8).values = ['302', '商品和服务支出'];
    ws.getRow(9).values = ['30201', '办公费', 20, null, 20];
    // 合计 110 = 90 + 20; 人员经费 90 = 60 + 30; 公用经费 20.
    const sums: Record<string, [string, number]> = {
      C4: ['C5+C8', 110], D4: ['D5+D8', 90], E4: ['E5+E8', 20],
      C5: ['SUM(C6:C7)', 90], D5: ['SUM(D6:D7)', 90], C8: ['SUM(C9)', 20], E8: ['SUM(E9)', 20],
    };
    for (const [address, [formula, result]] of Object.entries(sums)) ws.getCell(address).value = cached ? { formula, result } : { formula } as ExcelJS.CellFormulaValue;
    return bytesOf(wb);
  }

  it('read the result Excel saved with them', async () => {
    const { text, sheetNotes } = await read(await book(true));
    expect(sheetNotes).toBeUndefined();
    expect(rows(parseTables(toSourceLines(text)).tables[0])).toEqual([
      [null, '合计', { total: 110, personnel: 90, public: 20 }],
      ['301', '工资福利支出', { total: 90, personnel: 90, public: null }],
      ['30101', '基本工资', { total: 60, personnel: 60, public: null }],
      ['30102', '津贴补贴', { total: 30, personnel: 30, public: null }],
      ['302', '商品和服务支出', { total: 20, personnel: null, public: 20 }],
      ['30201', '办公费', { total: 20, personnel: null, public: 20 }],
    ]);
  });

  it('saved without a result are read as unknown amounts naming their cells, not computed, and the document names them', async () => {
    const read1 = await read(await book(false));
    expect(read1.text.split('\n').slice(3, 5)).toEqual([
      '\t合计\t〔公式未计算：C4〕\t〔公式未计算：D4〕\t〔公式未计算：E4〕',
      '301\t工资福利支出\t〔公式未计算：C5〕\t〔公式未计算：D5〕\t',
    ]);
    const doc = parseDisclosure(read1.text, { ...info, ...read1 });
    expect(doc.warnings).toContain(
      '工作表“表4”的 C4、D4、E4、C5、D5、C8 等 7 个单元格是公式，文件中没有保存计算结果（工作簿由程序生成、未在 Excel 中保存过）：金额按未知读取，没有代为计算，涉及它们的校验无法进行；请在 Excel 中打开并保存后再发布',
    );
    const [table] = doc.tables;
    // The 合计 row, all its amounts formulas, is a row of the table (its total), not a line of its header.
    expect(table.printed?.map((p) => p.text)).toEqual(['一般公共预算基本支出表', '单位：万元', '科目编码\t科目名称\t合计\t人员经费\t公用经费']);
    expect(table.rows.map((r) => [r.code, r.name, r.role, r.values, r.uncertain])).toEqual([
      [null, '合计', 'total', { total: null, personnel: null, public: null }, ['total', 'personnel', 'public']],
      ['301', '工资福利支出', 'data', { total: null, personnel: null, public: null }, ['total', 'personnel']],
      ['30101', '基本工资', 'data', { total: 60, personnel: 60, public: null }, []],
      ['30102', '津贴补贴', 'data', { total: 30, personnel: 30, public: null }, []],
      ['302', '商品和服务支出', 'data', { total: null, personnel: null, public: null }, ['total', 'public']],
      ['30201', '办公费', 'data', { total: 20, personnel: null, public: 20 }, []],
    ]);
    expect(table.rows[1].flag).toBe('C5、D5 单元格是公式，文件中没有保存计算结果：金额未知，涉及的校验无法进行');
    expect(table.rows[1].texts).toEqual({ total: '〔公式未计算：C5〕', personnel: '〔公式未计算：D5〕' });
    // Read blank, 301's 合计 was 0 against its items' 90: a failed check where the truth is unknown.
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    const byId = new Map(doc.checks.map((c) => [c.id, c]));
    expect(byId.get('t1:parent-sum:301:total')).toMatchObject({
      status: 'not-checkable',
      message: '301 工资福利支出 = 下级科目之和（合计）（C5 单元格是公式，文件中没有保存计算结果，金额未知）',
      expected: null,
      actual: 90,
    });
    expect(byId.get('t1:total-sum:public')).toMatchObject({
      status: 'not-checkable',
      message: '合计 = 各类之和（公用经费）（E4、E8 单元格是公式，文件中没有保存计算结果，金额未知）',
    });
    // A blank beside the formulas is blank: 301's 公用经费 is 0, as its items'.
    expect(byId.get('t1:parent-sum:301:public')).toMatchObject({ status: 'pass', expected: 0, actual: 0 });
    expect(byId.get('t1:row:30101:total')).toMatchObject({ status: 'pass', expected: 60, actual: 60 });
  });
});

describe('a code and its name in one cell', () => {
  /** A 支出总表 printing no code column: each row's code before its name, as typed by hand or exported. */
  async function book(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['部门支出总表'];
    ws.mergeCells('A1:D1');
    ws.getRow(2).values = [null, null, null, '单位：万元'];
    ws.getRow(3).values = ['功能分类科目', '本年支出'];
    ws.mergeCells('A3:A4');
    ws.mergeCells('B3:D3');
    ws.getRow(4).values = [null, '合计', '基本支出', '项目支出'];
    ws.getRow(5).values = ['合计', 560, 460, 100];
    ws.getRow(6).values = ['201 一般公共服务支出', 500, 400, 100];
    ws.getRow(7).values = ['20103 政府办公厅（室）及相关机构事务', 500, 400, 100];
    ws.getRow(8).values = ['2010301 行政运行', 400, 400];
    ws.getRow(9).values = ['[2010302]一般行政管理事务', 100, null, 100];
    ws.getRow(10).values = ['208-社会保障和就业支出', 60, 60];
    ws.getRow(11).values = ['２０８０５　行政事业单位养老支出', 60, 60];
    ws.getRow(12).values = ['2080505 机关事业单位基本养老保险缴费支出', 60, 60];
    return bytesOf(wb);
  }

  it('is the row\'s code, spaced, bracketed, hyphened or full-width, and the name is what follows it', async () => {
    const [table] = parseTables(toSourceLines((await read(await book())).text)).tables;
    expect(table.kind).toBe('expenditure-summary');
    expect(rows(table)).toEqual([
      [null, '合计', { total: 560, basic: 460, project: 100 }],
      ['201', '一般公共服务支出', { total: 500, basic: 400, project: 100 }],
      ['20103', '政府办公厅（室）及相关机构事务', { total: 500, basic: 400, project: 100 }],
      ['2010301', '行政运行', { total: 400, basic: 400, project: null }],
      ['2010302', '一般行政管理事务', { total: 100, basic: null, project: 100 }],
      ['208', '社会保障和就业支出', { total: 60, basic: 60, project: null }],
      ['20805', '行政事业单位养老支出', { total: 60, basic: 60, project: null }],
      ['2080505', '机关事业单位基本养老保险缴费支出', { total: 60, basic: 60, project: null }],
    ]);
    expect(table.rows.every((r) => !r.flag)).toBe(true);
  });
});

describe('a 项目支出绩效目标表 laid out as the national form', () => {
  /** 绩效指标 merged down the grid's left margin, 一级 and 二级 cells merged over their rows. */
  async function book(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目绩效目标');
    ws.getRow(1).values = ['2025年项目支出绩效目标表'];
    ws.mergeCells('A1:F1');
    ws.getRow(2).values = [null, null, null, null, null, '单位：万元'];
    ws.getRow(3).values = ['项目名称', '城市管理综合执法'];
    ws.mergeCells('B3:F3');
    ws.getRow(4).values = ['项目资金', '年度资金总额', null, 500];
    ws.getRow(5).values = [null, '其中：财政拨款', null, 500];
    ws.getRow(6).values = [null, '其他资金', null, 0];
    for (const range of ['A4:A6', 'B4:C4', 'B5:C5', 'B6:C6', 'D4:F4', 'D5:F5', 'D6:F6']) ws.mergeCells(range);
    ws.getRow(7).values = ['年度总体目标', '巡查道路1200公里以上，查处违法案件800件以上。'];
    ws.mergeCells('B7:F7');
    ws.getRow(8).values = ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'];
    ws.getRow(9).values = [null, '产出指标', '数量指标', '巡查道路里程', '≥1200公里'];
    ws.getRow(10).values = [null, null, null, '查处违法案件数', '≥800件'];
    ws.getRow(11).values = [null, null, '质量指标', '案件办结率', '≥95%'];
    ws.getRow(12).values = [null, '满意度指标', '服务对象满意度指标', '市民满意度', '≥90%'];
    for (const range of ['A8:A12', 'B9:B11', 'C9:C10', 'E8:F8', 'E9:F9', 'E10:F10', 'E11:F11', 'E12:F12']) ws.mergeCells(range);
    return bytesOf(wb);
  }

  it('reads each indicator under its 一级 and 二级 names: the margin label heads no column', async () => {
    const read1 = await read(await book());
    const [target] = parseDisclosure(read1.text, { ...info, ...read1 }).targets;
    expect(target.projectName).toBe('城市管理综合执法');
    expect(target.funds).toEqual({ total: 500, fiscal: 500, other: 0 });
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text])).toEqual([
      ['产出指标', '数量指标', '巡查道路里程', '≥1200公里'],
      ['产出指标', '数量指标', '查处违法案件数', '≥800件'],
      ['产出指标', '质量指标', '案件办结率', '≥95%'],
      ['满意度指标', '服务对象满意度指标', '市民满意度', '≥90%'],
    ]);
  });
});
