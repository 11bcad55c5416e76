import { describe, expect, it } from 'vitest';
import { figureRules } from '../../src/review/figures.ts';
import { check, ctx, row, section, table } from './review-fixtures.ts';
import type { Fact } from '../../src/schema/narrative.ts';

const fact = (id: string, label: string, value: number, line: number, unit = '万元'): Fact => ({ id, label, value, unit, change: null, text: '', lines: { first: line, last: line } });

/** A “三公” table whose one row is consistent: 10.81 = 0 + 9.98 + 0.83. */
const threePublic = (values: Record<string, number | null>) =>
  table({ kind: 'three-public-expenditure', first: 350, last: 355, title: '“三公”经费支出表', rows: [row({ name: '', line: 353, values })] });

describe('figures: stated figures against the tables', () => {
  const values = { total: 10.81, 'outbound-travel': 0, vehicles: 9.98, reception: 0.83 };

  it('finds nothing where the checks pass', () => {
    const c = check({ id: 'fact:three-public:table:total', status: 'pass', expected: 10.81, actual: 10.81, lines: [{ first: 353, last: 353 }, { first: 357, last: 357 }] });
    expect(figureRules(ctx({ tables: [threePublic(values)], facts: [fact('three-public.total', '“三公”经费', 10.81, 357)], checks: [c] }))).toEqual([]);
  });

  it('reports the text’s “三公” total against the table, both figures, as an 错误', () => {
    const c = check({ id: 'fact:three-public:table:total', status: 'fail', expected: 10.81, actual: 12.81, lines: [{ first: 353, last: 353 }, { first: 357, last: 357 }] });
    const [f] = figureRules(ctx({ tables: [threePublic(values)], facts: [fact('three-public.total', '“三公”经费', 12.81, 357)], checks: [c] }));
    expect(f).toMatchObject({ rule: 'figures.table', severity: '错误', stated: 12.81, expected: 10.81 });
    expect(f.message).toContain('“三公”经费支出表');
  });

  it('names the vehicles figure in Chinese where the text stated only its two parts', () => {
    // 购置费 3 + 运行费 9.98 stated (L357–358), 9.98 in the table's 公务用车购置及运行费: there is no 'three-public.vehicles' fact.
    const c = check({ id: 'fact:three-public:table:vehicles', status: 'fail', expected: 9.98, actual: 12.98, lines: [{ first: 353, last: 353 }, { first: 357, last: 358 }] });
    const facts = [fact('three-public.vehicle-purchase', '公务用车购置费', 3, 357), fact('three-public.vehicle-operation', '公务用车运行费', 9.98, 358)];
    const [f] = figureRules(ctx({ tables: [threePublic(values)], facts, checks: [c] }));
    expect(f.message).toBe('正文公务用车购置及运行费为12.98万元，“三公”经费支出表为9.98万元，两者不符。');
  });

  it('names a 类 the text states by its name, also where the text states it twice', () => {
    // 205 教育支出 stated as 200 万元 against 25 in the table (synthetic corpus, 党群工作部): the code, not the word class.
    for (const id of ['narrative:general-budget-expenditure:class:205', 'narrative:general-budget-expenditure:class:205:2']) {
      const c = check({ id, status: 'fail', expected: 25, actual: 200, lines: [{ first: 299, last: 299 }] });
      const [f] = figureRules(ctx({ checks: [c] }));
      expect(f.message).toMatch(/^正文教育支出（类）为200万元，/);
    }
    const twice = check({ id: 'narrative:general-budget-expenditure:general:2', status: 'fail', expected: 25, actual: 200, lines: [{ first: 299, last: 299 }] });
    expect(figureRules(ctx({ checks: [twice] }))[0].message).toMatch(/^正文一般公共预算支出为200万元，/);
  });

  it('reports a table cell left empty while the text states a figure; a blank for a stated 0 is fine', () => {
    const emptied = threePublic({ ...values, reception: null });
    const stated = check({ id: 'fact:three-public:table:reception', status: 'not-checkable', expected: null, actual: 0.83, lines: [{ first: 353, last: 353 }, { first: 358, last: 358 }] });
    const [f] = figureRules(ctx({ tables: [emptied], facts: [fact('three-public.reception', '公务接待费', 0.83, 358)], checks: [stated] }));
    expect(f).toMatchObject({ rule: 'figures.empty-cell', severity: '错误', stated: 0.83 });
    const zero = check({ ...stated, actual: 0 });
    expect(figureRules(ctx({ tables: [emptied], checks: [zero] }))).toEqual([]);
  });

  it('finds no empty cell in a row whose amounts were left out of its cells: that cell is unread', () => {
    // 西安 “三公”经费表 in pdftotext -raw (L1887): 27 amounts on the 合计 row, the columns read too few to place them.
    const unread = threePublic({ total: null, 'outbound-travel': null, vehicles: null, reception: null });
    const stated = check({ id: 'fact:three-public:table:reception', status: 'not-checkable', expected: null, actual: 0.83, lines: [{ first: 353, last: 353 }, { first: 358, last: 358 }] });
    const unparsed = [{ lines: { first: 353, last: 353 }, text: '10.81 0.00 9.98 0.83 1.00', reason: '所印数字多于本行可填的列数，无法确定各数字所在的列' }];
    expect(figureRules(ctx({ tables: [unread], facts: [fact('three-public.reception', '公务接待费', 0.83, 358)], checks: [stated], unparsed }))).toEqual([]);
  });

  it('compares 机关运行经费 in 万元 with a table in 元: the same amount is no finding', () => {
    const basic = table({ kind: 'general-budget-basic-expenditure', first: 330, last: 345, unit: '元', rows: [row({ name: '合计', line: 340, role: 'total', values: { public: 2178324.44 } })] });
    const c = check({ id: 'fact:operating-costs:table:public', status: 'fail', expected: 2178324.44, actual: 217.83, lines: [{ first: 340, last: 340 }, { first: 363, last: 363 }] });
    expect(figureRules(ctx({ tables: [basic], facts: [fact('operating-costs', '机关运行经费', 217.83, 363)], checks: [c] }))).toEqual([]);
  });

  it('reports a per-项 决算 paragraph against its row of the 一般公共预算财政拨款支出决算表', () => {
    const gb = table({
      kind: 'general-budget-expenditure',
      first: 400,
      last: 420,
      title: '一般公共预算财政拨款支出决算表',
      columns: [{ key: 'total', label: '合计' }],
      rows: [
        row({ code: '20805', codeScheme: 'function', level: 2, name: '行政事业单位养老支出', line: 405, values: { total: 754.75 } }),
        row({ code: '2080505', codeScheme: 'function', level: 3, name: '机关事业单位基本养老保险缴费支出', line: 414, values: { total: 446.11 } }),
      ],
    });
    const paragraph = (actual: string) => section(650, null, `3、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为 452.40 万元，支出决算为${actual} 万元，完成年初预算的 98.61%。`);
    expect(figureRules(ctx({ tables: [gb], sections: [paragraph('446.11')] }))).toEqual([]);
    const [f] = figureRules(ctx({ tables: [gb], sections: [paragraph('464.11')] }));
    expect(f).toMatchObject({ rule: 'figures.item', severity: '错误', stated: 464.11, expected: 446.11, lines: [{ first: 650, last: 650 }, { first: 414, last: 414 }] });
  });
});

describe('figures: a sentence that lists projects with their amounts against the 项目支出 it states', () => {
  // 巨鹿县扶贫开发办公室 2021 (seed, L104–110): 项目支出 211.47 万元，…主要是：正常公用经费 21.41 万元、… seven items
  // that add up to 232.88 万元 (正常公用经费 is the 基本支出's 日常公用经费 of L104).
  const listed = check({ id: 'narrative:listed-projects:sum', status: 'fail', message: '说明中列出的主要项目金额之和不超过所述项目支出', expected: 211.47, actual: 232.88, lines: [{ first: 104, last: 110 }] });
  const project = { id: 'p1', name: '正常公用经费', amount: 21.41, code: null, group: null, basis: null, scale: '21.41万元', implementer: null, allocation: null, schedule: null, withheld: false, lines: { first: 106, last: 106 } };

  it('says that the listed amounts exceed the total, in the sentence’s unit, and not that a table differs', () => {
    const findings = figureRules(ctx({ checks: [listed], projects: [project] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'figures.sum', severity: '错误', stated: 211.47, expected: 232.88 });
    expect(findings[0].message).toBe('正文项目支出为211.47万元，所列主要项目金额之和为232.88万元，超过了项目支出总额。');
  });
});
