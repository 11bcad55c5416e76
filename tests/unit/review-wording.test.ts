import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { wordingRules } from '../../src/review/wording.ts';
import { ctx, section } from './review-fixtures.ts';

const review = (...paragraphs: string[]) => wordingRules(ctx({ sections: [section(20, null, ...paragraphs)] }));

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
