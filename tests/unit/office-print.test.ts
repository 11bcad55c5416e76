import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import type { Table } from '../../src/schema/table.ts';

/**
 * Documents as an office suite prints them: a workbook of the national templates (merged header cells, a title merged
 * across, print titles, a page header and footer) and a Word document, printed to PDF by LibreOffice 7.4 and read from
 * the PDF, from its `pdftotext -layout` text and from the workbook itself. The fixtures' text is pdftotext's, of the
 * PDF LibreOffice printed from a workbook written for the purpose (青山区城市管理局 2025, every figure made up and
 * checked by hand: 1,425.00 = 500.00 + 60.00 + 30.00 + 800.00 + 35.00, 基本支出 525.00 + 项目支出 900.00), and of
 * the PDF it printed from a Word document of the same budget (cover, 目录, chapters, a target form, 名词解释).
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/office-print/${name}.txt`, import.meta.url), 'utf8');
const rows = (t: Table) => t.rows.map((r) => [r.code, r.name, r.values]);
/** The first rows of the 一般公共预算支出表 both documents print, as written. */
const GENERAL_BUDGET_ROWS = [
      [null, '合计', { total: 1425, basic: 525, project: 900 }],
      ['201', '一般公共服务支出', { total: 500, basic: 400, project: 100 }],
      ['20103', '政府办公厅（室）及相关机构事务', { total: 500, basic: 400, project: 100 }],
      ['2010301', '行政运行', { total: 400, basic: 400, project: null }],
      ['2010302', '一般行政管理事务', { total: 100, basic: null, project: 100 }],
      ['208', '社会保障和就业支出', { total: 60, basic: 60, project: null }],
      ['20805', '行政事业单位养老支出', { total: 60, basic: 60, project: null }],
      ['2080505', '机关事业单位基本养老保险缴费支出', { total: 40, basic: 40, project: null }],
      ['2080506', '机关事业单位职业年金缴费支出', { total: 20, basic: 20, project: null }],
];

describe('a workbook printed to PDF, read from its -layout text', () => {
  it('reads 类, 款 and 项 codes set at their cells\' left edges under labels centred over the cells', () => {
    // `201     03       01`: the 款's 03 stands nearer the 类 label than the 款 label, the 项's 01 nearer the 款 label.
    const [table] = parseTables(toSourceLines(fixture('code-columns'))).tables;
    expect(table.kind).toBe('general-budget-expenditure');
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project']);
    expect(rows(table)).toEqual(GENERAL_BUDGET_ROWS);
    expect(table.rows.every((r) => !r.flag)).toBe(true);
  });

  it('takes the page header printed over every page for no row of the table above it, and keeps it as printed', () => {
    // Page 1 prints the 收支总表, page 2 the 支出总表; each opens with `青山区城市管理局 … 2025年部门预算`.
    const [summary, expenditure] = parseTables(toSourceLines(fixture('running-head'))).tables;
    expect(summary.kind).toBe('income-expenditure-summary');
    expect(summary.rows).toHaveLength(16);
    expect(summary.rows.map((r) => r.name).slice(-2)).toEqual(['收入总计', '支出总计']);
    expect(summary.printed?.at(-1)?.text.replace(/\s+/g, ' ')).toBe('青山区城市管理局 2025年部门预算');
    expect(expenditure.kind).toBe('expenditure-summary');
    expect(expenditure.rows).toHaveLength(19);
    expect(expenditure.rows.at(-1)?.name).toBe('住房公积金');
  });
});

describe('a workbook of the templates, read itself', () => {
  /** Two sheets as the national templates head them, merged cells as an office merges them. */
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const basic = wb.addWorksheet('表4');
    basic.getRow(1).values = ['一般公共预算基本支出表'];
    basic.mergeCells('A1:E1');
    basic.getRow(2).values = ['编制部门：某县某局', null, null, null, '单位：万元'];
    basic.getRow(3).values = ['经济分类科目', null, '一般公共预算基本支出'];
    basic.mergeCells('A3:B3');
    basic.mergeCells('C3:E3');
    basic.getRow(4).values = ['科目编码', '科目名称', '合计', '人员经费', '公用经费'];
    basic.getRow(5).values = [null, '合计', 110, 90, 20];
    basic.getRow(6).values = ['301', '工资福利支出', 90, 90];
    basic.getRow(7).values = ['30101', '基本工资', 60, 60];
    basic.getRow(8).values = ['30102', '津贴补贴', 30, 30];
    basic.getRow(9).values = ['302', '商品和服务支出', 20, null, 20];
    basic.getRow(10).values = ['30201', '办公费', 20, null, 20];
    const fund = wb.addWorksheet('表6');
    fund.getRow(1).values = ['政府性基金预算支出表'];
    fund.mergeCells('A1:E1');
    fund.getRow(2).values = ['编制部门：某县某局', null, null, null, '单位：万元'];
    fund.getRow(3).values = ['科目编码', '科目名称', '本年政府性基金预算支出'];
    fund.mergeCells('A3:A4');
    fund.mergeCells('B3:B4');
    fund.mergeCells('C3:E3');
    fund.getRow(4).values = [null, null, '合计', '基本支出', '项目支出'];
    fund.getRow(5).values = [null, '合计'];
    fund.getRow(7).values = ['注：本部门无政府性基金预算拨款，本表无数据。'];
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the code under a label naming code and name together, and a label over every amount column as the table\'s', async () => {
    const read = await readSource(await workbook());
    if (!read.ok) throw new Error(read.reason);
    const [basic, fund] = parseTables(toSourceLines(read.text)).tables;
    expect(basic.kind).toBe('general-budget-basic-expenditure');
    // As the PDF's text reads it: 合计 the table's total, not a column of 一般公共预算 beside others.
    expect(basic.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '合计'],
      ['personnel', '人员经费'],
      ['public', '公用经费'],
    ]);
    expect(rows(basic)).toEqual([
      [null, '合计', { total: 110, personnel: 90, public: 20 }],
      ['301', '工资福利支出', { total: 90, personnel: 90, public: null }],
      ['30101', '基本工资', { total: 60, personnel: 60, public: null }],
      ['30102', '津贴补贴', { total: 30, personnel: 30, public: null }],
      ['302', '商品和服务支出', { total: 20, personnel: null, public: 20 }],
      ['30201', '办公费', { total: 20, personnel: null, public: 20 }],
    ]);
    expect(fund.kind).toBe('government-fund-expenditure');
    expect(fund.declaredEmpty).toBe(true);
    expect(fund.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project']);
  });
});

describe('a Word document printed to PDF, read from its -layout text', () => {
  // Its cover, its 目录 (eleven entries, each a dot leader to its page number), its 项目支出绩效目标表 and its
  // 名词解释, four pages of the eight; every page but the cover opens with the 页眉 `青山区城市管理局 2025 年部门预算`.
  const wordPages = () => parseDisclosure(fixture('word-pages'), { file: 'x.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });

  it('reads a 类 code that its narrow cell wraps around the row\'s line, `20` over it and `1` under it', () => {
    // A Word table's 类 column too narrow for three digits, its cells centred on their rows: the name wraps the same
    // way (`政府办公厅（室）及相关机构事` over the row's line, `务` under it).
    // The page prints the whole table (19 rows, the 类 201 … 221 as the workbook's) and the 三公 table under it.
    const [table] = parseTables(toSourceLines(fixture('word-class-codes'))).tables;
    expect(table.kind).toBe('general-budget-expenditure');
    expect(table.rows.map((r) => r.code).filter((c) => c?.length === 3)).toEqual(['201', '208', '210', '212', '221']);
    expect(rows(table).slice(0, 7)).toEqual(GENERAL_BUDGET_ROWS.slice(0, 7));
    expect(table.rows).toHaveLength(19);
    expect(table.rows.every((r) => !r.flag)).toBe(true);
  });

  it('wraps the 名词解释 at the width of its prose, not at the width of the 目录\'s dot leaders', () => {
    // The 名词解释's entries after the first wrap onto a second line (`二、基本支出：指为保障机构正常运转、完成日常工作任务
    // 而发生的人员` / `支出和公用支出。`): four paragraphs of the chapter, no headings.
    const doc = wordPages();
    const glossary = doc.sections.find((s) => s.heading === '第五部分 名词解释');
    expect(glossary?.paragraphs).toEqual([
      '一、财政拨款收入：指区级财政当年拨付的资金。',
      '二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。',
      '三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。',
      '四、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。',
    ]);
    expect(doc.sections.at(-1)).toBe(glossary);
  });

  it('reads its 目录 as one section of its ten entries and their page numbers, no heading made of an entry (lines 8–18)', () => {
    const doc = wordPages();
    const contents = doc.sections.find((s) => s.id === 'contents');
    expect(contents?.lines).toEqual({ first: 8, last: 18 });
    expect(contents?.paragraphs).toEqual([
      '第一部分 部门概况 1',
      '一、部门职责 1',
      '二、机构设置 1',
      '第二部分 2025 年部门预算表 2',
      '一、部门收支总表 2',
      '二、一般公共预算支出表 3',
      '三、一般公共预算“三公”经费支出表 4',
      '第三部分 2025 年部门预算情况说明 5',
      '第四部分 项目支出绩效目标表 6',
      '第五部分 名词解释 7',
    ]);
    expect(doc.sections.filter((s) => /\.{3}/.test(s.heading ?? ''))).toEqual([]);
  });

  it('reads the page header over a target form\'s next page as no indicator\'s words, and no heading', () => {
    const doc = wordPages();
    const last = doc.targets[0].indicators.at(-1);
    expect(last && 'name' in last ? [last.level1, last.level2, last.name, last.value.text] : null).toEqual(['满意度指标', '服务对象满意度指标', '市民满意度', '≥90%']);
    expect(doc.sections.map((s) => s.heading)).not.toContain('青山区城市管理局 2025 年部门预算');
    // Kept, saying what it is, on each of the three pages that print it (lines 4, 24 and 55).
    expect(doc.unparsed.map((u) => [u.lines.first, u.text.trim(), u.reason])).toEqual(
      [4, 24, 55].map((no) => [no, '青山区城市管理局 2025 年部门预算', '各页顶端重复印出的页眉，不属于正文、表格或指标']),
    );
  });
});
