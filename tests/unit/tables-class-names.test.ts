import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { functionClassNamed } from '../../src/ingest/tables/shared/class-names.ts';

// A summary whose expenditure side prints the 支出功能分类's 类 by name, without codes, as 西安's 部门综合预算收支总表
// and 财政拨款收支总表 do (../shared/samples/other-provinces/xian-transport-2022-budget.txt L360 `1、一般公共服务支出`,
// L541): each such row is its 类's, the code known from the name and said to be so.

const FROM_NAME = '原文未印编码，按支出功能分类的类名确定';

/**
 * A fixture of our own in pdftotext -layout's convention: a 财政拨款收支总表 laid out as 西安's (收入 | 预算数 |
 * 支出功能分类科目（按大类） | 预算数) and its 一般公共预算支出表, with amounts of our own. Each table adds up
 * (380.00 = 100.00 + 250.00 + 30.00; 380.00 = 100.00 + 245.00 + 35.00), but 5.00 of 交通运输 in the summary is
 * 住房保障 in the 一般公共预算支出表: only the class checks see it.
 */
const SUMMARY = [
  '                          2022年部门财政拨款收支总表',
  '单位：某某局                                                        单位：万元',
  '',
  '           收    入                                 支    出',
  '    项   目               预算数      支出功能分类科目（按大类）      预算数',
  '',
  '一、一般公共预算拨款          380.00      1、一般公共服务支出',
  '二、政府性基金拨款                        2、教育支出                  100.00',
  '三、国有资本经营预算拨款                  3、交通运输支出              250.00',
  '                                          4、住房保障支出               30.00',
  '                                          5、其他支出',
  '本年收入合计                  380.00      本年支出合计                 380.00',
];
const GENERAL = [
  '',
  '                          2022年部门一般公共预算支出表',
  '单位：某某局                                                        单位：万元',
  '',
  '   科目编码        科目名称                  合计        基本支出      项目支出',
  '',
  '                   合计                     380.00        130.00        250.00',
  '205                教育支出                 100.00        100.00',
  '20508              进修及培训               100.00        100.00',
  '214                交通运输支出             245.00                      245.00',
  '21401              公路水路运输             245.00                      245.00',
  '221                住房保障支出              35.00         30.00          5.00',
  '22102              住房改革支出              35.00         30.00          5.00',
];

describe('a 类 printed by its name only', () => {
  it('is known by a 类’s whole name, outline-numbered or not, and by no 款’s or 项’s', () => {
    expect(functionClassNamed('1、一般公共服务支出')).toBe('201');
    expect(functionClassNamed('八、社会保障和就业支出')).toBe('208');
    expect(functionClassNamed('住房保障支出')).toBe('221');
    // A former year's name (207 until 2018).
    expect(functionClassNamed('文化体育与传媒支出')).toBe('207');
    // 款 and 项 names repeat under many 类; a 类's name cut or added to is not its name.
    expect(functionClassNamed('行政运行')).toBeNull();
    expect(functionClassNamed('其他一般公共服务支出')).toBeNull();
    expect(functionClassNamed('公路水路运输')).toBeNull();
    expect(functionClassNamed('教育')).toBeNull();
    expect(functionClassNamed('1、人员经费和公用经费支出')).toBeNull();
  });

  const { tables, checks } = parseTables(toSourceLines([...SUMMARY, ...GENERAL].join('\n')));
  const check = (id: string) => checks.find((c) => c.id === id);

  it('a summary’s expenditure side: each 类 row coded, saying the print gives no code; the income side not', () => {
    const summary = tables[0];
    expect(summary.kind).toBe('fiscal-appropriation-summary');
    const side = (s: string) => summary.rows.filter((r) => r.texts.side === s && r.role === 'data');
    expect(side('expenditure').map((r) => [r.lines.first, r.code, r.level, r.values.total, r.texts.codeFrom])).toEqual([
      [7, '201', 1, null, FROM_NAME],
      [8, '205', 1, 100, FROM_NAME],
      [9, '214', 1, 250, FROM_NAME],
      [10, '221', 1, 30, FROM_NAME],
      [11, '229', 1, null, FROM_NAME],
    ]);
    expect(side('income').every((r) => r.code === null && r.texts.codeFrom === undefined)).toBe(true);
    // The 一般公共预算支出表 prints its codes: nothing said of them.
    expect(tables[1].rows.some((r) => r.texts.codeFrom !== undefined)).toBe(false);
  });

  it('the checks class by class decide: 本年支出合计 = the 类 rows, each 类 against the 一般公共预算支出表', () => {
    expect(check('t1:total-sum:expenditure:total')).toMatchObject({ status: 'pass', expected: 380, actual: 380 });
    expect(check('x:fiscal-vs-general-budget:205')).toMatchObject({ status: 'pass', expected: 100, actual: 100 });
    expect(check('x:fiscal-vs-general-budget:214')).toMatchObject({ status: 'fail', expected: 250, actual: 245 });
    expect(check('x:fiscal-vs-general-budget:221')).toMatchObject({ status: 'fail', expected: 30, actual: 35 });
  });

  it('a side naming a 类 twice is no list of 类: none of its names is coded', () => {
    // Another panel's items read into the side (西安 -raw text prints its 支出经济分类's 其他支出 among the 类).
    const twice = [...SUMMARY.slice(0, 11), '                                          6、其他支出', SUMMARY[11]];
    const { tables: read, checks: decided } = parseTables(toSourceLines([...twice, ...GENERAL].join('\n')));
    expect(read[0].rows.filter((r) => r.texts.side === 'expenditure' && r.code !== null)).toEqual([]);
    expect(decided.filter((c) => c.id.startsWith('x:fiscal-vs-general-budget'))).toEqual([]);
  });
});
