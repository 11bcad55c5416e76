import { toScaled } from '../../core/decimal.ts';
import { AMOUNT_TOLERANCE } from '../checks.ts';

/**
 * A table listing items without classification codes may nest them: 一、货物 over its purchases, a department over its
 * units, 工资福利支出 over 基本工资 …, with outline markers or without. Such a list is printed parent first, each parent
 * the sum of the rows under it, and only its top rows add up to the total. This finds a reading of the rows' amounts
 * (one list of amounts a row, the same columns as `total`) as such a tree, and returns the indices of its top rows; a
 * flat list is the tree of top rows only. Null where no reading adds up, or where the search grows beyond `limit` steps
 * (a tenth of a second: 西安 2022 专项业务经费支出表 through `pdftotext -raw`, 184 rows five levels deep, needs more):
 * then which rows are parts of others is not known from the amounts. `only` says whether it is the one tree that adds
 * up: amounts may make two (4, 4, 4 under a total of 8: the first over the second, or the second over the third), and
 * then they do not tell which rows are parts of which, though each reading's top rows add up to the total.
 */
export function topRowsOfTree(amounts: readonly (readonly number[])[], total: readonly number[], limit = 10000): TreeReading | null {
  const n = amounts.length;
  // The search recurses a row at a time: a longer list is not searched, lest it overflow the stack.
  if (n > MAX_ROWS) return null;
  // Exact decimals, scaled once to whole numbers (core/decimal.ts): the search subtracts and compares them many times,
  // exactly while the sum of every amount stays within a double's whole numbers.
  const scaled = (v: number) => Number(toScaled(v));
  const rows = amounts.map((a) => a.map(scaled));
  const goal = total.map(scaled);
  const whole = [goal, ...rows].reduce((sum, a) => sum + a.reduce((s, x) => s + Math.abs(x), 0), 0);
  if (!Number.isSafeInteger(whole)) return null;
  const tolerance = scaled(AMOUNT_TOLERANCE);
  // A column with no negative amount cannot be brought back up: a remainder below zero there ends the reading.
  const unsigned = total.map((_, k) => rows.every((a) => a[k] >= 0));
  const isZero = (v: readonly number[]) => v.every((x) => Math.abs(x) <= tolerance);
  const overdrawn = (v: readonly number[]) => v.some((x, k) => unsigned[k] && x < -tolerance);
  const minus = (a: readonly number[], b: readonly number[]) => a.map((x, k) => x - b[k]);
  // For rows from `i` summing to a remainder: each row where such a forest can end, where the subtree of row `i` ends
  // in the first reading found (i + 1 for a leaf), and how many readings end there (counted to two: one or more than
  // one is all that is asked). Remainders are exact decimals, so equal ones are the same key. Kept in a map a row, a
  // remainder of one column (the first column's search, most of them) keyed by its number: one map keyed by
  // `row|amounts` strings made a key and hashed it at every step, and a search run to its limit (西安 2022's list)
  // spent most of its time there.
  const memo: (Map<number | string, Map<number, Ending>> | undefined)[] = [];
  let steps = 0;
  const keyOf = (rest: readonly number[]): number | string => (rest.length === 1 ? rest[0] : rest.join(','));
  const ends = (i: number, rest: readonly number[]): Map<number, Ending> => {
    const key = keyOf(rest);
    const atRow = (memo[i] ??= new Map());
    const known = atRow.get(key);
    if (known) return known;
    if (++steps > limit) throw new SearchTooLong();
    const out = new Map<number, Ending>();
    if (isZero(rest)) out.set(i, { under: -1, readings: 1 });
    if (i < n && !overdrawn(rest)) {
      const after = minus(rest, rows[i]);
      const take = (end: number, under: number, readings: number) => {
        // Each reading tried is a step: a row under many open remainders is tried as often.
        if (++steps > limit) throw new SearchTooLong();
        const had = out.get(end);
        if (had) had.readings = Math.min(2, had.readings + readings);
        else out.set(end, { under, readings: Math.min(2, readings) });
      };
      for (const [end, { readings }] of ends(i + 1, after)) take(end, i + 1, readings);
      for (const [under, parts] of ends(i + 1, rows[i])) {
        if (under === i + 1) continue;
        for (const [end, { readings }] of ends(under, after)) take(end, under, parts.readings * readings);
      }
    }
    atRow.set(key, out);
    return out;
  };
  let list: Ending | undefined;
  try {
    list = ends(0, goal).get(n);
  } catch (e) {
    if (e instanceof SearchTooLong) return null;
    throw e;
  }
  if (!list) return null;
  const tops: number[] = [];
  let rest = goal;
  for (let i = 0; i < n; ) {
    tops.push(i);
    const next = memo[i]!.get(keyOf(rest))!.get(n)!.under;
    rest = minus(rest, rows[i]);
    i = next;
  }
  return { tops, only: list.readings === 1 };
}

/** A reading of a list as a tree (topRowsOfTree): its top rows, and whether no other tree adds up. */
export interface TreeReading {
  tops: number[];
  only: boolean;
}

interface Ending {
  under: number;
  readings: number;
}

const MAX_ROWS = 2000;

class SearchTooLong extends Error {}

/**
 * Each parent of the reading of the rows as a tree (topRowsOfTree) with its children: the total's (`whole` -1) are the
 * top rows, each parent's the top rows of the rows under it read as a tree of their own. Null where no reading of the
 * list, or of the rows under one of its parents, adds up, or where more than one does: which rows are parts of which
 * is then not known. `top` is the whole list's reading where the caller has searched it already (the search is the
 * costliest step, up to its limit where it fails): it is not searched again.
 */
export function parentsOfTree(
  amounts: readonly (readonly number[])[],
  total: readonly number[],
  top: () => TreeReading | null = () => topRowsOfTree(amounts, total),
): { whole: number; parts: number[] }[] | null {
  const out: { whole: number; parts: number[] }[] = [];
  const read = (whole: number, from: number, to: number, sum: readonly number[]): boolean => {
    if (from === to) return true;
    const reading = whole === -1 ? top() : topRowsOfTree(amounts.slice(from, to), sum);
    if (!reading?.only) return false;
    const parts = reading.tops.map((t) => from + t);
    out.push({ whole, parts });
    return parts.every((p, k) => read(p, p + 1, parts[k + 1] ?? to, amounts[p]));
  };
  return read(-1, 0, amounts.length, total) ? out : null;
}
