import { describe, expect, it } from 'vitest';
import { amountsAgree, subtractAmounts, sumAmounts, toScaled } from '../../src/core/decimal.ts';
import { parseAmount, soleStatedAmount } from '../../src/ingest/numbers.ts';

describe('decimal arithmetic', () => {
  it('sums printed amounts without floating-point drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts([0.1, 0.2])).toBe(0.3);
    // kashgar-poverty-alleviation-office 基本支出表: 914.17 + 48.1 + 31.54 = 993.81
    expect(sumAmounts([914.17, 48.1, 31.54])).toBe(993.81);
  });

  it('compares within the 0.01 printing tolerance, and no further', () => {
    expect(amountsAgree(7113.0, 7113.01)).toBe(true);
    expect(amountsAgree(7113.0, 7113.05)).toBe(false);
  });

  it('scales large 元 amounts exactly', () => {
    expect(toScaled(31214205.8)).toBe(31214205800000n);
  });

  it('reads every amount as the decimal it prints, by the quick route and the exact one alike', () => {
    // Six decimals or fewer (the quick route): 0.1 + 0.2 is the double 0.30000000000000004, which prints as 17 digits
    // and so rounds to 0.300000 at six decimals.
    expect(toScaled(0.1 + 0.2)).toBe(300000n);
    expect(toScaled(-1234.56)).toBe(-1234560000n);
    expect(toScaled(999999999.999999)).toBe(999999999999999n);
    // More decimals than kept: rounded half up on the printed digits (0.0000005 → 0.000001).
    expect(toScaled(0.0000005)).toBe(1n);
    expect(toScaled(123456.7890125)).toBe(123456789013n);
    // Beyond the quick route's range (1e9): 12,345,678,901.23 元 still exact.
    expect(toScaled(12345678901.23)).toBe(12345678901230000n);
  });

  it('sums, subtracts and compares alike whether the amounts take the quick route or the exact one', () => {
    // Quick: 914.17 − 48.1 = 866.07; 0.1 + 0.2 differs from 0.3 by the double's last bit only, well within 0.01.
    expect(subtractAmounts(914.17, 48.1)).toBe(866.07);
    expect(amountsAgree(0.1 + 0.2, 0.3, 0.000001)).toBe(true);
    // A BigInt has no −0: −0 − 0 is 0, by either route.
    expect(Object.is(subtractAmounts(-0, 0), 0)).toBe(true);
    // Ten times 999,999,999.999999: each amount is quick, their sum (9,999,999,999.99999) is past a double's exact
    // whole numbers once scaled, and is summed exactly as BigInts.
    expect(sumAmounts(Array(10).fill(999999999.999999))).toBe(9999999999.99999);
    // 12,345,678,901.23 元 (beyond the quick range) beside a quick amount: 12,345,678,901.23 + 0.77 = 12,345,678,902.
    expect(sumAmounts([12345678901.23, 0.77])).toBe(12345678902);
    expect(subtractAmounts(12345678901.23, 0.23)).toBe(12345678901);
    expect(amountsAgree(12345678901.23, 12345678901.24)).toBe(true);
    expect(amountsAgree(12345678901.23, 12345678901.25)).toBe(false);
  });
});

describe('parseAmount', () => {
  it('reads thousands separators, full-width digits and signs', () => {
    expect(parseAmount('31,214,205.80')).toBe(31214205.8);
    expect(parseAmount('１２３.４')).toBe(123.4);
    expect(parseAmount('－3.5')).toBe(-3.5);
  });
  it('rejects what is not an amount', () => {
    expect(parseAmount('12,34')).toBeNull();
    expect(parseAmount('2080505x')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});

describe('soleStatedAmount', () => {
  it('reads an amount stated in any unit of money, in either width', () => {
    expect(soleStatedAmount('项目总投资1.2亿元。')).toEqual({ amount: 1.2, unit: '亿元' });
    expect(soleStatedAmount('年度预算安排５００万元')).toEqual({ amount: 500, unit: '万元' });
    expect(soleStatedAmount('预算3,500千元')).toEqual({ amount: 3500, unit: '千元' });
  });
  it('reads none where the text states two, whatever their units: neither is the whole', () => {
    expect(soleStatedAmount('总投资1.2亿元，本年安排500万元')).toBeNull();
  });
});
