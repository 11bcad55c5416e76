import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { wordingRules } from '../../src/review/wording.ts';
import { ctx, section } from './review-fixtures.ts';

const review = (...paragraphs: string[]) => wordingRules(ctx({ sections: [section(20, null, ...paragraphs)] }));
/** The same prose in a 2026 budget, the document the 司法局's sentences below are from. */
const review2026 = (...paragraphs: string[]) => wordingRules(ctx({ kind: 'budget', year: 2026, title: '2026年部门预算', sections: [section(20, null, ...paragraphs)] }));

describe('wording: 决算数 against 预算数', () => {
  it('accepts a word and a percentage that fit the two figures', () => {
    expect(review('年初预算为 452.40 万元，支出决算为446.11 万元，完成年初预算的 98.61%。决算数小于预算数的主要原因：基数变更。')).toEqual([]);
    expect(review('年初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的100.00%。决算数同预算数持平。')).toEqual([]);
  });

  it('reports 大于 where 决算 is below 预算, with both figures', () => {
    const [f] = review('年初预算为 452.40 万元，支出决算为446.11 万元，完成年初预算的 98.61%。决算数大于预算数的主要原因：基数变更。');
    expect(f).toMatchObject({ rule: 'wording.budget-actual', severity: '错误', stated: '大于', expected: '小于', lines: [{ first: 20, last: 20 }] });
    expect(f.message).toContain('452.40');
    expect(f.message).toContain('446.11');
  });

  it('reports a completion percentage the figures do not give; one unit off is rounding', () => {
    const [wrong] = review('年初预算为 100.00 万元，支出决算为 90.00 万元，完成年初预算的 80.00%。');
    expect(wrong).toMatchObject({ rule: 'wording.completion-percent', severity: '错误', stated: 80, expected: 90 });
    // 9746.50 / 10210.34 = 95.457 %: printed 95.45 % is truncated, not wrong.
    const [rounding] = review('年初预算为 10210.34 万元，支出决算为 9746.50 万元，完成年初预算的 95.45%。');
    expect(rounding).toMatchObject({ family: 'rounding', severity: '提示' });
  });
});

describe('wording: 比上年', () => {
  it('accepts an increase whose percentage fits (120 = 100 + 20, 20 %)', () => {
    expect(review('2025年支出预算120.00万元，比上年增加20.00万元，增长20.00%。')).toEqual([]);
  });

  it('reports 增加 followed by 下降', () => {
    const [f] = review('2025年支出预算120.00万元，比上年增加20.00万元，下降20.00%。');
    expect(f).toMatchObject({ rule: 'wording.change-direction', severity: '错误' });
  });

  it('reports the edz seed: 25 万元, 比上年预算增加 26 万元 (line 644)', () => {
    const text = readFileSync('content/sources/kashgar-edz-party-mass-work-dept-2024-budget.txt', 'utf8');
    const doc = parseDisclosure(text, { file: 'edz.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    const f = doc.findings.find((x) => x.rule === 'wording.change-amount');
    expect(f).toMatchObject({ severity: '错误', stated: 26 });
    expect(f!.lines[0].first).toBeLessThanOrEqual(644);
    expect(f!.lines[0].last).toBeGreaterThanOrEqual(644);
  });
});

// The 司法局 2026 budgets' 财政拨款支出主要内容 (../shared/samples, -layout text): each item states its 2025 execution,
// its 2026 budget and the change in percent. The office's own checklist of that budget (the .xlsx beside it) lists
// items 6 and 12 below as errors.
describe('wording: two years’ figures and the change between them', () => {
  it('accepts a percentage the two figures give (item 4, department budget line 110: 679.12 → 686, 1.01 %)', () => {
    expect(review2026('4、公共安全支出（204类）司法（06款）公共法律服务（07项）686万元。主要用于：公共法律服务业务支出。2025年当年预算执行数为679.12万元，2026年预算安排686万元，比2025年预算执行数增加1.01%。')).toEqual([]);
  });

  it('reports 增加 where the figures fall (item 6, department budget line 115: 43269.3 → 3845.49, 增加17.62%)', () => {
    const [f] = review2026('6、公共安全支出（204类）司法（06款）其他司法支出（99项）3845.49万元。主要用于：依法治区、法制业务经费等支出。2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。');
    expect(f).toMatchObject({ rule: 'wording.two-year-change', severity: '错误', stated: '增加17.62%', expected: '减少91.11%' });
  });

  it('reports a percentage copied from the item before (item 9, department budget line 124: 77.99 → 91.97 is 17.93 %, printed 17.66 %)', () => {
    const [f] = review2026('9、社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位职业年金缴费支出（06项）91.97万元。主要用于：支付职业年金。2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%。');
    expect(f).toMatchObject({ rule: 'wording.two-year-change', severity: '错误', stated: 17.66, expected: 17.93 });
  });

  it('reports an item whose heading and sentence state two budgets, naming the one the percentage fits (item 12, line 133–134)', () => {
    const findings = review2026('12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。');
    // 208.8 / 198.34 = +5.27 %: the percentage was worked out from the heading's figure, so 201.50 is the odd one out.
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'wording.item-amount', severity: '错误', stated: 201.5, expected: 208.8 });
    expect(findings[0].message).toContain('201.50万元可能有误');
  });

  it('does not take the heading of the item before (items 10 and 11 in one paragraph)', () => {
    expect(
      review2026('10、其他（99项）0.64万元。主要用于：退休人员支出。11、行政单位医疗（01项）114.97万元。主要用于：行政单位医疗保险缴费经费。2025年当年预算执行数为59.43万元，2026年预算安排114.97万元，比2025年预算执行数增加93.45%。'),
    ).toEqual([]);
  });
});

// 司法局 2026 部门预算 (-layout text lines 90–94): the office's checklist (the .xlsx beside it) finds 5 处 comparisons of
// the 2026 budget with “2026年预算”, the year itself, where the year before was meant.
describe('wording: the year a comparison names', () => {
  it('reports a budget compared with its own year, each time', () => {
    const findings = review2026(
      '2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元；事业收入0万元。',
      '政府性基金拨款支出预算0万元，与2026年预算持平；国有资本经营预算拨款支出预算0万元，与2026年预算持平。',
    ).filter((f) => f.rule === 'wording.comparison-year');
    expect(findings.map((f) => [f.severity, f.stated, f.expected])).toEqual([
      ['错误', 2026, 2025],
      ['错误', 2026, 2025],
      ['错误', 2026, 2025],
    ]);
    expect(findings[0].message).toBe(
      '本文件是2026年预算，正文却与“2026年预算”比较（“…收入9628.22万元，比2026年预算增加793.14万元…”）：应与上年（2025年）比较，年份有误。',
    );
    // Findings in prose carry the lines of their section (docs/review.md, Limits).
    expect(findings[0].lines).toEqual([{ first: 20, last: 21 }]);
  });

  it('accepts the year before, a 决算 against its own year’s budget, and a date of the year', () => {
    // Lines 357–360 of the same budget, and the 规划和自然资源局 2024 决算's comparisons with 2023.
    expect(review2026('2026年“三公”经费预算数为10.81万元，比2025年预算持平。其中：因公出国（境）费0万元，与2025年预算持平。')).toEqual([]);
    expect(review('2024年度收入决算1000万元，与2023年度相比增加100万元。决算数与2024年预算相比增加5万元。')).toEqual([]);
    expect(review2026('截至2025年8月31日共有车辆3辆，较2026年初计划减少1辆。')).toEqual([]);
  });

  it('reports a 决算 compared with its own 决算, and a year two back as a 提示', () => {
    expect(review('本年支出决算1000万元，比2024年决算增加100万元。')[0]).toMatchObject({ rule: 'wording.comparison-year', severity: '错误', stated: 2024, expected: 2023 });
    expect(review2026('财政拨款收入9628.22万元，比2024年预算增加793.14万元。')[0]).toMatchObject({ rule: 'wording.comparison-year', severity: '提示', stated: 2024, expected: 2025 });
    // A year further back without a budget or 决算 named: a plan's base year, not the comparison of the template.
    expect(review2026('污水处理能力比2020年增长30%。')).toEqual([]);
  });
});
