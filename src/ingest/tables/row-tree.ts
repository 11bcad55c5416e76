import { amountsAgree, subtractAmounts } from '../../core/decimal.ts';

/**
 * A table listing items without classification codes may nest them: 一、货物 over its purchases, a department over its
 * units, 工资福利支出 over 基本工资 …, with outline markers or without. Such a list is printed parent first, each parent
 * the sum of the rows under it, and only its top rows add up to the total. This finds a reading of the rows' amounts
 * (one list of amounts a row, the same columns as `total`) as such a tree, and returns the indices of its top rows; a
 * flat list is the tree of top rows only. Null where no reading adds up, or where the search grows beyond `limit` steps:
 * then which rows are parts of others is not known from the amounts.
 */
export function topRowsOfTree(amounts: readonly (readonly number[])[], total: readonly number[], limit = 20000): number[] | null {
  const n = amounts.length;
  // The search recurses a row at a time: a longer list is not searched, lest it overflow the stack.
  if (n > MAX_ROWS) return null;
  // A column with no negative amount cannot be brought back up: a remainder below zero there ends the reading.
  const unsigned = total.map((_, k) => amounts.every((a) => a[k] >= 0));
  const isZero = (v: readonly number[]) => v.every((x) => amountsAgree(x, 0));
  const overdrawn = (v: readonly number[]) => v.some((x, k) => unsigned[k] && x < 0 && !amountsAgree(x, 0));
  const minus = (a: readonly number[], b: readonly number[]) => a.map((x, k) => subtractAmounts(x, b[k]));
  // For rows from `i` summing to a remainder: each row where such a forest can end, and where the subtree of row `i`
  // ends in that reading (i + 1 for a leaf). Remainders are exact decimals, so equal ones are the same key.
  const memo = new Map<string, Map<number, number>>();
  let steps = 0;
  const keyOf = (i: number, rest: readonly number[]) => `${i}|${rest.join(',')}`;
  const ends = (i: number, rest: readonly number[]): Map<number, number> => {
    const key = keyOf(i, rest);
    const known = memo.get(key);
    if (known) return known;
    if (++steps > limit) throw new SearchTooLong();
    const out = new Map<number, number>();
    if (isZero(rest)) out.set(i, -1);
    if (i < n && !overdrawn(rest)) {
      const after = minus(rest, amounts[i]);
      for (const end of ends(i + 1, after).keys()) if (!out.has(end)) out.set(end, i + 1);
      for (const under of ends(i + 1, amounts[i]).keys()) {
        if (under === i + 1) continue;
        for (const end of ends(under, after).keys()) if (!out.has(end)) out.set(end, under);
      }
    }
    memo.set(key, out);
    return out;
  };
  try {
    if (!ends(0, total).has(n)) return null;
  } catch (e) {
    if (e instanceof SearchTooLong) return null;
    throw e;
  }
  const tops: number[] = [];
  let rest = total;
  for (let i = 0; i < n; ) {
    tops.push(i);
    const next = memo.get(keyOf(i, rest))!.get(n)!;
    rest = minus(rest, amounts[i]);
    i = next;
  }
  return tops;
}

const MAX_ROWS = 2000;

class SearchTooLong extends Error {}
