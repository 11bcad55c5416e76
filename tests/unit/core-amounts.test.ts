import { describe, expect, it } from 'vitest';
import { AMOUNT_SOURCE, FIGURE_SOURCE, FIGURE_START, MARKED_AMOUNT_SOURCE, MONEY_SOURCE, MONEY_UNIT_SOURCE } from '../../src/core/amounts.ts';

/** The one grammar of a printed amount (src/core/amounts.ts), each source anchored here the way a cell reader anchors it. */
const whole = (source: string) => new RegExp(`^${source}$`);

describe('the amount grammar', () => {
  it('an amount: grouped by thousands or plain, decimals however many', () => {
    const amount = whole(AMOUNT_SOURCE);
    for (const t of ['1,234', '31,214,205.80', '7113.0', '808.277000', '213']) expect(amount.test(t)).toBe(true);
    for (const t of ['12,34', '1,2345', '1.', '.5', '1 234.56']) expect(amount.test(t)).toBe(false);
  });

  it('money: thousands separators, or two decimals or more; not a code, a count or `1.1`', () => {
    const money = whole(MONEY_SOURCE);
    for (const t of ['1,234', '0.00', '3.2500', '66,197.668103']) expect(money.test(t)).toBe(true);
    for (const t of ['213', '2024', '1.1', '12.5']) expect(money.test(t)).toBe(false);
  });

  it('a marked amount: a decimal point or a thousands separator, one decimal enough', () => {
    const marked = whole(MARKED_AMOUNT_SOURCE);
    for (const t of ['1,234', '12.5', '0.00', '9,501,164']) expect(marked.test(t)).toBe(true);
    for (const t of ['213', '2010101', '12,34']) expect(marked.test(t)).toBe(false);
  });

  it('a figure in a sentence starts where its digits start, a comma out of place found for the reader to refuse', () => {
    const stated = new RegExp(`${FIGURE_START}(${FIGURE_SOURCE})\\s*(${MONEY_UNIT_SOURCE})`);
    expect(stated.exec('项目总投资1.2亿元')?.slice(1)).toEqual(['1.2', '亿元']);
    expect(stated.exec('预算3,500千元')?.slice(1)).toEqual(['3,500', '千元']);
    expect(stated.exec('安排 795 万元')?.slice(1)).toEqual(['795', '万元']);
    expect(stated.exec('共1,23万元')?.slice(1)).toEqual(['1,23', '万元']);
    expect(stated.exec('.5万元')).toBeNull();
  });
});
