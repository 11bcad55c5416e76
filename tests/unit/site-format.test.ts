import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../src/site/format.ts';

/** What formatAmount printed with ICU alone, before it grouped plain decimals itself: its definition. */
function byIntl(value: number): string {
  const decimals = Math.min((String(value).split('.')[1] ?? '').length, 6);
  return new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

describe('formatAmount', () => {
  it('groups thousands and keeps the decimals the value has', () => {
    // Checked by hand: three digits a group from the point, the sign before the first group.
    expect(formatAmount(123)).toBe('123');
    expect(formatAmount(1000)).toBe('1,000');
    expect(formatAmount(1234567.89)).toBe('1,234,567.89');
    expect(formatAmount(-98765.4)).toBe('-98,765.4');
    expect(formatAmount(0.05)).toBe('0.05');
    expect(formatAmount(100000)).toBe('100,000');
    expect(formatAmount(null)).toBe('');
    expect(formatAmount(undefined)).toBe('');
  });

  it('leaves to Intl what it rounds or writes its own way: -0, exponents, more than six decimals', () => {
    expect(formatAmount(-0)).toBe('-0');
    expect(formatAmount(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(formatAmount(1e-7)).toBe('0');
    expect(formatAmount(1.0000005)).toBe('1.000001');
  });

  it('prints what Intl.NumberFormat prints for any number', () => {
    const amounts = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -1e12, max: 1e12 }).chain((n) => fc.integer({ min: 0, max: 8 }).map((d) => n / 10 ** d)),
    );
    fc.assert(
      fc.property(amounts, (value) => formatAmount(value) === byIntl(value)),
      { seed: 20261205, numRuns: 20000 },
    );
  });
});
