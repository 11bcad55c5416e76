import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// Written for this test: a portal page of three tables printed to PDF by Chromium, read by `pdftotext -layout`. The
// empty 政府性基金预算支出表 (表7, line 17) prints its header (line 19), then 本表无数据 in its one merged cell (line
// 20), then a note. The statement holds 表 and the header above it names 基本支出: the two lines are no table's
// wrapped title; nor is the statement a row of the table: it is its first note. The page's footer (line 28) is no row
// of the 三公 table.
const text = [
  '某县教育局2025年部门预算公开',
  '第一部分 部门概况',
  '一、主要职能',
  '负责全县教育工作。',
  '第二部分 2025年部门预算表',
  '                                                 表5 一般公共预算基本支出表',
  '单位：万元',
  '         人员经费                   公用经费',
  '经济分类科目编码    科目名称    金额 经济分类科目编码 科目名称 金额',
  '301      工资福利支出    300.00 302    商品和服务支出 50.00',
  '30101    基本工资      120.00 30201  办公费     20.00',
  '30102    津贴补贴       80.00 30205  水费       5.00',
  '30103    奖金        100.00 30211  差旅费     25.00',
  '303      对个人和家庭的补助 10.00',
  '30305    生活补助       10.00',
  '         人员经费合计    310.00        公用经费合计 50.00',
  '                                                  表7 政府性基金预算支出表', // 17
  '单位：万元',
  ' 科目编码 科目名称 合计 基本支出 项目支出', // 19
  '           本表无数据', // 20
  '注：本单位2025年无政府性基金预算拨款安排的支出，故本表无数据。',
  '                                                   表8 “三公”经费支出表',
  '单位：万元',
  '     项目                        公务用车购置及运行费',
  '          合计 因公出国（境）费 小计 公务用车购置费           公务用车运行费 公务接待费',
  ' 2024年预算数 30.00    0.00 24.00         0.00      24.00 6.00',
  ' 2025年预算数 25.00    0.00 20.00         0.00      20.00 5.00',
  '版权所有：某县人民政府 网站标识码：5678 京ICP备12345678号', // 28
  '',
].join('\n');

describe('an empty table whose statement is printed under its header', () => {
  it('is one table without amounts, its header and statement naming no other table', () => {
    const doc = parseDisclosure(text, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.tables.map((t) => [t.kind, t.title])).toEqual([
      ['general-budget-basic-expenditure', '表5 一般公共预算基本支出表'],
      ['government-fund-expenditure', '表7 政府性基金预算支出表'],
      ['three-public-expenditure', '表8 “三公”经费支出表'],
    ]);
    expect(doc.tables[1].notes).toEqual(['本表无数据', '注：本单位2025年无政府性基金预算拨款安排的支出，故本表无数据。']);
    expect(doc.tables[1].rows).toEqual([]);
    expect(doc.tables[1].declaredEmpty).toBe(true);
    expect(doc.tables[1].printed?.filter((p) => p.lines.first === 20).map((p) => p.text.trim())).toEqual(['本表无数据']);
    expect(doc.tables[2].rows.map((r) => [r.name, Object.values(r.values)])).toEqual([
      ['2024年预算数', [30, 0, 24, 0, 24, 6]],
      ['2025年预算数', [25, 0, 20, 0, 20, 5]],
    ]);
    expect(doc.unparsed).toEqual([]);
  });
});
