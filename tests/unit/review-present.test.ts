import { describe, expect, it } from 'vitest';
import { orderFindings, whereOf } from '../../src/review/present.ts';
import type { Finding } from '../../src/schema/review.ts';

const finding = (partial: Partial<Finding> & Pick<Finding, 'family' | 'severity'>): Finding => ({
  id: `${partial.family}:${partial.lines?.[0]?.first ?? 0}`,
  rule: `${partial.family}.x`,
  message: '说明',
  stated: null,
  expected: null,
  lines: [],
  pages: [],
  ...partial,
});

describe('present: findings in reading order', () => {
  it('puts 错误 first, families in a fixed order, lines in document order', () => {
    const groups = orderFindings([
      finding({ family: 'text', severity: '错误', lines: [{ first: 50, last: 50 }] }),
      finding({ family: 'rounding', severity: '提示', lines: [{ first: 5, last: 5 }] }),
      finding({ family: 'figures', severity: '错误', lines: [{ first: 90, last: 90 }] }),
      finding({ family: 'figures', severity: '错误', lines: [{ first: 20, last: 20 }] }),
    ]);
    expect(groups.map((g) => [g.severity, g.count, g.families.map((f) => f.family)])).toEqual([
      ['错误', 3, ['figures', 'text']],
      ['提示', 1, ['rounding']],
    ]);
    expect(groups[0].families[0].findings.map((f) => f.lines[0].first)).toEqual([20, 90]);
  });

  it('says where a finding is: pages and lines, or the whole document', () => {
    expect(whereOf(finding({ family: 'text', severity: '错误', lines: [{ first: 12, last: 14 }], pages: [3] }))).toBe('第 3 页，第 12–14 行');
    expect(whereOf(finding({ family: 'completeness', severity: '错误' }))).toBe('全文');
  });
});
