import { describe, expect, it } from 'vitest';
import { classificationRules } from '../../src/review/classification.ts';
import type { TableRow } from '../../src/schema/table.ts';
import { ctx, row, table } from './review-fixtures.ts';

const tableOf = (rows: TableRow[]) => [table({ kind: 'general-budget-expenditure', first: 400, last: 430, title: '一般公共预算支出表', rows })];
const fn = (code: string, name: string, line: number) => row({ code, codeScheme: 'function', level: code.length === 3 ? 1 : code.length === 5 ? 2 : 3, name, line });

describe('classification', () => {
  it('accepts codes printed with their national names, including wrapped and qualified forms', () => {
    const rows = [
      fn('208', '社会保障和就业支出', 401),
      fn('2080505', '机关事业单位基本养老保险缴费支出', 402),
      fn('2010301', '行政运行（政府办公厅（室）及相关机构事务）', 403),
      fn('2080599', '其他行政事业单位养老支', 404),
      row({ code: '30108', codeScheme: 'economic', level: 2, name: '机关事业单位基本养老保险缴费', line: 405 }),
    ];
    expect(classificationRules(ctx({ tables: tableOf(rows) }))).toEqual([]);
  });

  it('reports a code printed with another code’s name', () => {
    const [f] = classificationRules(ctx({ tables: tableOf([fn('2080505', '行政运行', 402)]) }));
    expect(f).toMatchObject({ rule: 'classification.name', severity: '错误', stated: '2080505 行政运行', expected: '2080505 机关事业单位基本养老保险缴费支出', lines: [{ first: 402, last: 402 }] });
  });

  it('accepts a renamed 类 in its year and reports it in a later year', () => {
    expect(classificationRules(ctx({ year: 2018, tables: tableOf([fn('207', '文化体育与传媒支出', 401)]) }))).toEqual([]);
    const [f] = classificationRules(ctx({ year: 2024, tables: tableOf([fn('207', '文化体育与传媒支出', 401)]) }));
    expect(f.message).toContain('其他年度的名称');
    expect(f.severity).toBe('错误');
  });

  it('does not judge a code it does not list', () => {
    expect(classificationRules(ctx({ tables: tableOf([fn('2089901', '任意名称', 401)]) }))).toEqual([]);
  });
});

describe('classification: codes the 情况说明 names', () => {
  const prose = (text: string) => [{ id: 's1', heading: null, level: 1, paragraphs: [text], lines: { first: 130, last: 131 } }];
  // 上海市普陀区司法局 2026 department budget, line 130 (its own checklist: 科目名称前后不一致 with its tables' 卫生健康支出).
  const item11 = '11、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。';

  it('reports a 类 called by its name of other years, and says what the tables print', () => {
    const [f] = classificationRules(ctx({ year: 2026, sections: prose(item11), tables: tableOf([fn('210', '卫生健康支出', 401)]) }));
    expect(f).toMatchObject({ rule: 'classification.narrative-name', severity: '错误', stated: '210 医疗卫生与计划生育支出', expected: '210 卫生健康支出', lines: [{ first: 130, last: 131 }] });
    expect(f.message).toContain('本文件的表中也印作“卫生健康支出”');
  });

  it('accepts the same words in a year the name was in force, and 款 and 项 names under their 类', () => {
    expect(classificationRules(ctx({ year: 2018, sections: prose(item11) }))).toEqual([]);
    expect(classificationRules(ctx({ year: 2026, sections: prose('6、公共安全支出（204类）司法（06款）其他司法支出（99项）3845.49万元。') }))).toEqual([]);
  });

  it('reports a 项 name that is another code’s', () => {
    const [f] = classificationRules(ctx({ year: 2026, sections: prose('公共安全支出（204类）司法（06款）行政运行（07项）686万元。') }));
    expect(f).toMatchObject({ rule: 'classification.narrative-name', stated: '2040607 行政运行', expected: '2040607 公共法律服务' });
  });
});
