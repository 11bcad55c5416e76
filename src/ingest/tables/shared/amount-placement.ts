import { amountsAgree, sumAmounts, toScaled } from '../../../core/decimal.ts';

/**
 * Where the amounts of a row go when extraction lost or shifted the cells: every order-preserving placement of the
 * row's amounts into the table's amount columns is a candidate; the table's identities (a total column is the sum
 * of its parts; a parent row is the sum of its children; the total row is the sum of the top rows) remove the
 * candidates that cannot be; a row left with more than one candidate is flagged instead of guessed.
 * A draft whose amounts have no positions (text printed with single spaces) is placed by sum-placement.ts instead,
 * whose comment says why that is a solver of its own; table-draft.ts's buildTable chooses between the two.
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
  /**
   * The column of each value, or null for a value whose column the identities leave open; null for the whole row
   * when its values have no placement (more of them than the columns they may take).
   */
  columns: (number | null)[] | null;
  /** Columns an unplaced value could be in. */
  open: number[];
  /** How many placements the identities leave. */
  alternatives: number;
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

const NEAR = 3;

function nearPrinted(row: PlacementRow): PlacementRow {
  return {
    ...row,
    lo: row.preferred.map((p, i) => Math.max(row.lo[i], p - NEAR)),
    hi: row.preferred.map((p, i) => Math.min(row.hi[i], p + NEAR)),
  };
}

/**
 * The placement nearest the print: first the one that moves every amount by the same number of columns (a header
 * read offset shifts all of a row's cells alike), then the one that moves them least.
 */
function nearestToPrint(row: PlacementRow, options: number[][]): number[][] {
  const shifts = (o: readonly number[]) => new Set(o.map((c, k) => c - row.preferred[k])).size;
  const distance = (o: readonly number[]) => o.reduce((a, c, k) => a + Math.abs(c - row.preferred[k]), 0);
  const fewest = Math.min(...options.map(shifts));
  const even = options.filter((o) => shifts(o) === fewest);
  const best = Math.min(...even.map(distance));
  const nearest = even.filter((o) => distance(o) === best);
  return nearest.length === 1 ? nearest : options;
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

/** An option's values as scaled integers (absent = null), computed once so that combinations only add. */
type ScaledValues = (bigint | null)[];

function scaledAt(row: PlacementRow, columns: readonly number[], width: number): ScaledValues {
  return valuesAt(row, columns, width).map((v) => (v == null ? null : toScaled(v)));
}

const CENT = toScaled(0.01);

function relationHolds(whole: ScaledValues, parts: readonly ScaledValues[], width: number): boolean {
  for (let c = 0; c < width; c++) {
    let sum = 0n;
    let present = 0;
    for (const p of parts) {
      const v = p[c];
      if (v != null) {
        sum += v;
        present++;
      }
    }
    if (whole[c] == null && present === 0) continue;
    const diff = (whole[c] ?? 0n) - sum;
    if ((diff < 0n ? -diff : diff) > CENT * BigInt(Math.max(1, present))) return false;
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
    // The printed columns are a placement only when they are one column per amount: cells printed between two
    // header columns share the nearest one, and taking them as printed would let one amount overwrite another.
    const oneEach = row.preferred.every((p, k) => k === 0 || p > row.preferred[k - 1]);
    if (row.trusted && oneEach && row.preferred.every((p) => row.allowed.includes(p))) return [[...row.preferred]];
    if (row.positional && oneEach && identitiesHold(valuesAt(row, row.preferred, width), identities)) return [[...row.preferred]];
    // Listed only for a row that keeps no printed placement (most rows keep theirs, and a row can have thousands).
    // A wide table leaves too many placements to list: a positional row's amounts stay within a few columns of
    // where they were printed.
    const listed = candidatesOf(row);
    const all = row.positional && listed.length >= MAX_CANDIDATES ? candidatesOf(nearPrinted(row)) : listed;
    const fitting = all.filter((c) => identitiesHold(valuesAt(row, c, width), identities));
    return fitting.length > 0 ? fitting : all;
  });
  const combinations = (relation: RowRelation) =>
    [relation.whole, ...relation.parts].reduce((acc, m) => acc * options[m].length, 1);
  let progress = true;
  for (let pass = 0; progress && pass < 12; pass++) {
    progress = false;
    for (const relation of [...relations].sort((a, b) => combinations(a) - combinations(b))) {
      const members = [relation.whole, ...relation.parts];
      const open = members.filter((m) => options[m].length > 1);
      // A member with no placement at all (more amounts than its columns) decides nothing: it stays unplaced.
      const count = combinations(relation);
      if (open.length === 0 || count === 0 || count > MAX_COMBINATIONS) continue;
      const scaled = members.map((m) => options[m].map((cols) => scaledAt(rows[m], cols, width)));
      const openAt = open.map((m) => members.indexOf(m));
      const pick = new Array<number>(members.length).fill(0);
      const survivors: number[][] = [];
      // Odometer over the open members' options.
      for (;;) {
        const vectors = members.map((_, k) => scaled[k][pick[k]]);
        if (relationHolds(vectors[0], vectors.slice(1), width)) survivors.push(openAt.map((k) => pick[k]));
        let k = openAt.length - 1;
        while (k >= 0 && pick[openAt[k]] === options[open[k]].length - 1) pick[openAt[k--]] = 0;
        if (k < 0) break;
        pick[openAt[k]]++;
      }
      if (survivors.length === 0) continue;
      open.forEach((m, k) => {
        const keep = new Set(survivors.map((s) => s[k]));
        const kept = options[m].filter((_, o) => keep.has(o));
        if (kept.length < options[m].length) {
          options[m] = kept;
          progress = true;
        }
      });
    }
  }

  return rows.map((row, i) => {
    // Among placements the identities leave open, a positional row takes the one nearest its print when that one
    // is unique: the header's positions decide what arithmetic cannot (which income source an amount is).
    if (row.positional && options[i].length > 1) options[i] = nearestToPrint(row, options[i]);
    if (row.values.length === 0 || options[i].length === 1) return { columns: options[i][0] ?? [], open: [], alternatives: 1 };
    if (options[i].length === 0) return { columns: null, open: [], alternatives: 0 };
    // Values whose column is the same in every remaining placement are certain; the others stay unplaced.
    const columns = row.values.map((_, k) => {
      const c = options[i][0][k];
      return options[i].every((o) => o[k] === c) ? c : null;
    });
    const open = [...new Set(options[i].flatMap((o) => o.filter((_, k) => columns[k] === null)))].sort((a, b) => a - b);
    return { columns, open, alternatives: options[i].length };
  });
}
