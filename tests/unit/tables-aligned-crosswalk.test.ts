import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/schema/table.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseAlignedTables } from '../../src/ingest/tables/aligned/index.ts';

// `pdftotext -layout` fixtures in the shape of two templates that other provinces print (烟台 2026 公开表10 and
// 公开表7, lines 839–859 and 783–792 of ../shared/samples/other-provinces/yantai-water-2026-budget.txt), with this
// file's own numbers.
const parse = (text: string): Table[] => parseAlignedTables(toSourceLines(text)).tables;

describe('a crosswalk table: 部门预算支出经济分类 beside 政府预算支出经济分类 on each row', () => {
  const text = [
    '                                                       基本支出预算情况表',
    '部门（单位）：某某局                                                                     单位：万元',
    '',
    '科目编码               科目编码                                                      财政拨款',
    '        部门预算支出经济分类      政府预算支出经济分类',
    '            科目              科目                    合计          小计',
    '类     款            类 款',
    '',
    '           合计                                     500.00      500.00',
    '',
    '301        工资福利支出         501        机关工资福利支出     400.00      400.00',
    '',
    '301   01    基本工资          501   01   工资奖金津补贴        150.00      150.00',
    '',
    '            机关事业单位基本养老保',
    '301   08                  501   02   社会保障缴费         250.00      250.00',
    '           险缴费',
    '',
    '                                                          公开表10',
    '302        商品和服务支出        502        机关商品和服务支出     100.00      100.00',
  ].join('\n');

  it('is one table of one side: each line is one row with its own code and the other classification beside it', () => {
    const [t] = parse(text);
    expect(t.rows.map((r) => [r.code, r.name])).toEqual([
      [null, '合计'],
      ['301', '工资福利支出'],
      ['30101', '基本工资'],
      ['30108', '机关事业单位基本养老保险缴费'],
      ['302', '商品和服务支出'],
    ]);
    expect(t.rows[2].texts).toEqual({ 'crosswalk-code': '50101', 'crosswalk-name': '工资奖金津补贴' });
    // The code line prints no name of its own; the name wraps above and below it, the second classification's beside.
    expect(t.rows[3].texts).toEqual({ 'crosswalk-code': '50102', 'crosswalk-name': '社会保障缴费' });
    expect(t.rows[3].values).toMatchObject({ total: 250 });
    expect(t.rows[3].lines).toEqual({ first: 15, last: 17 });
  });

  it('does not read a table number repeated at the top of a page (公开表10) as a row', () => {
    const [t] = parse(text);
    expect(t.rows.some((r) => r.name.includes('公开表'))).toBe(false);
  });

  it('reads both classifications\' codes printed in full-width digits (a word processor\'s print) as the ASCII ones', () => {
    // Every code piece (`301`, `01`, `501`) full-width, the amounts left ASCII: the same rows, codes and crosswalk.
    const fullWidth = text.replace(/(?<![\d.])\d{2,3}(?![\d.])/g, (d) => d.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    expect(fullWidth).toContain('５０１   ０１   工资奖金津补贴');
    const [t] = parse(fullWidth);
    expect(t.rows.map((r) => r.code)).toEqual([null, '301', '30101', '30108', '302']);
    expect(t.rows[1].texts).toEqual({ 'crosswalk-code': '501', 'crosswalk-name': '机关工资福利支出' });
    expect(t.rows[2].texts).toEqual({ 'crosswalk-code': '50101', 'crosswalk-name': '工资奖金津补贴' });
    expect(t.rows[3].texts).toEqual({ 'crosswalk-code': '50102', 'crosswalk-name': '社会保障缴费' });
  });
});

describe('a 三公 table printing last year beside this year', () => {
  const [t] = parse(
    [
      '                                           一般公共预算“三公”经费支出情况表',
      '部门（单位）：某某局                                                                                                           单位：万元',
      '',
      '                       2025年预算数                                                          2026年预算数',
      '                        公务用车购置及运行维护费                                                     公务用车购置及运行维护费',
      '               因公出国                                                              因公出国',
      '  合计           （境）经费                公务用车购置 公务用车运行     公务接待费        合计           （境）经费                公务用车购置 公务用车运行     公务接待费',
      '                       小计             经费    维护费                                         小计             经费    维护费',
      '',
      '       20.00                15.00             15.00      5.00           12.50                 9.50              9.50       3.00',
    ].join('\n'),
  );

  it('keeps the document year under the standard keys and last year apart, each labelled with its year', () => {
    expect(t.kind).toBe('three-public-expenditure');
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].values).toMatchObject({ total: 12.5, vehicles: 9.5, 'vehicle-operation': 9.5, reception: 3 });
    expect(t.rows[0].values).toMatchObject({ 'total-previous': 20, 'vehicles-previous': 15, 'reception-previous': 5 });
    expect(t.columns.find((c) => c.key === 'total')?.label).toBe('2026年预算数合计');
  });

  it('places the vehicles amount by the template (小计 = 购置 + 运行), not by a group label drawn off-centre', () => {
    // 公务用车购置及运行维护费 is printed over 因公出国 and 小计, not over 购置 and 运行: the amount under 维护费 is 运行费.
    expect(t.rows[0].values['vehicle-purchase'] ?? null).toBeNull();
    expect(t.rows[0].values['vehicle-operation-previous']).toBe(15);
    expect(t.rows[0].values['vehicle-purchase-previous'] ?? null).toBeNull();
  });
});

describe('a header word spread letter by letter across its column, as PDFs print 收 入 / 项 目', () => {
  it('is one label however far apart its letters are, so the two sides of a summary are found', () => {
    // The shape of 长沙 2026's 部门收支总体情况表 as read from its PDF (page 5): 收 and 入 27 columns apart.
    const [t] = parse(
      [
        '                                                            2026年部门收支总体情况表',
        '          单位名称：某某办公室                                                                                      单位：万元',
        '                         收                           入                                                       支                    出',
        '                 项          目                                本年预算                                项          目                                本年预算',
        '一、本级财政拨款收入                                                               600.00 一、基本支出                                                                   400.00',
        '二、事业收入                                                                       50.00 二、项目支出                                                                   250.00',
        '               收 入 总 计                                                 650.00                   支 出 总 计                                                650.00',
      ].join('\n'),
    );
    expect(t.kind).toBe('income-expenditure-summary');
    expect(t.columns.map((c) => c.key)).toEqual(['total']);
    const bySide = (side: string) => t.rows.filter((r) => r.texts.side === side).map((r) => [r.name, Object.values(r.values)[0]]);
    expect(bySide('income')).toEqual([['一、本级财政拨款收入', 600], ['二、事业收入', 50], ['收入总计', 650]]);
    expect(bySide('expenditure')).toEqual([['一、基本支出', 400], ['二、项目支出', 250], ['支出总计', 650]]);
  });
});
