import { amountsAgree, sumAmounts } from '../../decimal.ts';

/**
 * Where the amounts of a row go when extraction lost or shifted the cells: every order-preserving placement of the
 * row's amounts into the table's amount columns is a candidate; the table's identities (a total column is the sum
 * of its parts; a parent row is the sum of its children; the total row is the sum of the top rows) remove the
 * candidates that cannot be; a row left with more than one candidate is flagged instead of guessed.
 */

/** `whole` = sum of `parts`, as indices into the table's amount columns. */
export interface ColumnIdentity {
  whole: number;
  parts: number[];
}

export interface PlacementRow {
  values: readonly number[];
  /** The column of each value as the print suggests it (tab index, or nearest header by position). */
  preferred: readonly number[];
  /** Columns this row may use (one side of a two-sided table), ascending. */
  allowed: readonly number[];
  /** The printed position is reliable (the row has exactly the cells of the header). */
  trusted: boolean;
  /** The printed position is a hint: kept when it satisfies the row's identities, searched around otherwise. */
  positional: boolean;
  /** The lowest and highest column each value may move to (extraction adds or drops cells, never reorders). */
  lo: readonly number[];
  hi: readonly number[];
}

/** Rows whose sum must equal the `whole` row, column by column. */
export interface RowRelation {
  whole: number;
  parts: number[];
}

export interface Placement {
  /** The column of each value, or null for a value whose column the identities leave open. */
  columns: (number | null)[] | null;
  /** Columns an unplaced value could be in. */
  open: number[];
  /** Why the placement is uncertain, or null. */
  doubt: string | null;
}

const MAX_CANDIDATES = 4000;
const MAX_COMBINATIONS = 50000;

function candidatesOf(row: PlacementRow): number[][] {
  const out: number[][] = [];
  const n = row.values.length;
  const cols = row.allowed;
  const walk = (i: number, from: number, acc: number[]) => {
    if (out.length >= MAX_CANDIDATES) return;
    if (i === n) {
      out.push([...acc]);
      return;
    }
    for (let j = from; j <= cols.length - (n - i); j++) {
      if (cols[j] < row.lo[i] || cols[j] > row.hi[i]) continue;
      acc.push(cols[j]);
      walk(i + 1, j + 1, acc);
      acc.pop();
    }
  };
  walk(0, 0, []);
  return out;
}

function valuesAt(row: PlacementRow, columns: readonly number[], width: number): (number | null)[] {
  const v: (number | null)[] = new Array(width).fill(null);
  columns.forEach((c, i) => (v[c] = row.values[i]));
  return v;
}

function identitiesHold(values: readonly (number | null)[], identities: readonly ColumnIdentity[]): boolean {
  for (const { whole, parts } of identities) {
    const present = parts.filter((p) => values[p] != null);
    if (values[whole] == null && present.length === 0) continue;
    const sum = sumAmounts(present.map((p) => values[p]!));
    if (!amountsAgree(values[whole] ?? 0, sum, 0.01 * Math.max(1, present.length))) return false;
  }
  return true;
}

function distance(a: readonly number[], b: readonly number[]): number {
  return a.reduce((acc, c, i) => acc + Math.abs(c - b[i]), 0);
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function relationHolds(
  relation: RowRelation,
  chosen: ReadonlyMap<number, readonly (number | null)[]>,
  width: number,
): boolean {
  const whole = chosen.get(relation.whole)!;
  const parts = relation.parts.map((p) => chosen.get(p)!);
  for (let c = 0; c < width; c++) {
    const present = parts.map((p) => p[c]).filter((v): v is number => v != null);
    if (whole[c] == null && present.length === 0) continue;
    if (!amountsAgree(whole[c] ?? 0, sumAmounts(present), 0.01 * Math.max(1, present.length))) return false;
  }
  return true;
}

/**
 * Places the amounts of every row. `width` is the number of amount columns. Trusted rows keep their printed
 * columns even when an identity fails there: that is a source defect for the checks to report, not a reason to move
 * numbers.
 */
export function placeAmounts(
  rows: readonly PlacementRow[],
  identities: readonly ColumnIdentity[],
  relations: readonly RowRelation[],
  width: number,
): Placement[] {
  const options: number[][][] = rows.map((row) => {
    if (row.values.length === 0) return [[]];
    const all = candidatesOf(row);
    if (row.trusted && row.preferred.every((p) => row.allowed.includes(p))) return [[...row.preferred]];
    if (row.positional && identitiesHold(valuesAt(row, row.preferred, width), identities)) return [[...row.preferred]];
    const fitting = all.filter((c) => identitiesHold(valuesAt(row, c, width), identities));
    return fitting.length > 0 ? fitting : all;
  });
  const fallbackDoubt: (string | null)[] = rows.map((row, i) =>
    options[i].length === 0 && row.values.length > 0 ? 'more amounts than the columns they could be in' : null,
  );

  const combinations = (relation: RowRelation) =>
    [relation.whole, ...relation.parts].reduce((acc, m) => acc * options[m].length, 1);
  let progress = true;
  for (let pass = 0; progress && pass < 12; pass++) {
    progress = false;
    for (const relation of [...relations].sort((a, b) => combinations(a) - combinations(b))) {
      const members = [relation.whole, ...relation.parts];
      const open = members.filter((m) => options[m].length > 1);
      if (open.length === 0 || combinations(relation) > MAX_COMBINATIONS) continue;
      const survivors: number[][][] = [];
      const pick = (k: number, chosenCols: number[][]) => {
        if (k === open.length) {
          const chosen = new Map<number, (number | null)[]>();
          for (const m of members) {
            const cols = options[m].length === 1 ? options[m][0] : chosenCols[open.indexOf(m)];
            chosen.set(m, valuesAt(rows[m], cols, width));
          }
          if (relationHolds(relation, chosen, width)) survivors.push([...chosenCols]);
          return;
        }
        for (const cols of options[open[k]]) pick(k + 1, [...chosenCols, cols]);
      };
      pick(0, []);
      if (survivors.length === 0) continue;
      open.forEach((m, k) => {
        const kept = options[m].filter((cols) => survivors.some((s) => sameColumns(s[k], cols)));
        if (kept.length < options[m].length) {
          options[m] = kept;
          progress = true;
        }
      });
    }
  }

  return rows.map((row, i) => {
    if (row.values.length === 0 || options[i].length === 1) return { columns: options[i][0] ?? [], open: [], doubt: null };
    if (options[i].length === 0) return { columns: null, open: [], doubt: fallbackDoubt[i] };
    // Values whose column is the same in every remaining placement are certain; the others stay unplaced.
    const columns = row.values.map((_, k) => {
      const c = options[i][0][k];
      return options[i].every((o) => o[k] === c) ? c : null;
    });
    const open = [...new Set(options[i].flatMap((o) => o.filter((_, k) => columns[k] === null)))].sort((a, b) => a - b);
    return {
      columns,
      open,
      doubt: `${options[i].length} placements of the amounts fit the table's identities`,
    };
  });
}
