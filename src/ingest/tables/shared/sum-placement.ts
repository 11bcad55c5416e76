import { toScaled } from '../../../core/decimal.ts';
import type { ColumnIdentity } from '../columns.ts';

/**
 * Placement of collapsed rows, for a draft placed by sums (table-draft.ts's buildTable is the one caller). Extraction
 * drops empty cells, so a row that prints k numbers in a table of n columns could hold them in any k of the n columns
 * (in printed order). The arithmetic identities of the table (合计 = 基本支出
 * + 项目支出, a parent = the sum of its children, the total = the sum of the rows …) rule placements out; what is
 * left when more than one placement fits stays uncertain, and is reported, never guessed.
 *
 * Why this is not shared/amount-placement.ts (the aligned and tabbed readers' solver): both keep, of the placements
 * of a row's amounts in print order, those the sum identities allow; they differ in what is known before.
 * - Positions: there, most rows keep the columns their print gives (tab index, nearest header) and only a few are
 *   searched, so each row relation is checked over all its members' placements at once, and skipped past 50 000
 *   combinations. Here no row has a position: every row may be open, with C(n, k) placements each, so the
 *   constraints are propagated cell by cell (the values a cell can take, and the sums the other cells can reach).
 * - Figures from outside the table: here a constraint's target may be a number (收入总表's 合计 by source from the
 *   收支总表, the “三公” items the 情况说明 states), which rows cannot stand for there.
 * - Blank cells: a collapsed row printed each of its filled cells, so a column it does not fill is 0; there a blank
 *   cell is absent, and an identity none of whose cells is printed is not checked.
 * What both use alike: the column identities of columns.ts here come from the template (a single-space header keeps
 * no column tree), there from the header tree; the row relations (parent = sum of its children, total = sum of the
 * top rows) are built by the single-space reader (spaced/constraints.ts) from codes and sub-units, there in
 * table-draft.ts from depths.
 */

export interface SolverRow {
  /** The columns this row may fill, in printed order (a two-sided table's income side has fewer). */
  keys: readonly string[];
  /** The printed amounts in order; null for a placeholder dash, which takes a column but holds no amount. */
  numbers: readonly { value: number | null }[];
  identities: readonly ColumnIdentity[];
}

export interface Cell {
  row: number;
  key: string;
}

/** `target` = the sum of `parts`; a number target is a figure known from elsewhere (another table). */
export interface SumConstraint {
  target: Cell | number;
  parts: readonly Cell[];
}

export interface Placement {
  /**
   * For each printed number, the index into the row's keys of its column, or null where its column is uncertain;
   * null for the whole row when it printed more numbers than it has columns.
   */
  columns: (number | null)[] | null;
  /** Keys whose value differs between the placements left. */
  uncertain: string[];
  /** No placement satisfies the row's own identities: the printed figures are inconsistent or incomplete. */
  identityFails: boolean;
  alternatives: number;
}

interface Candidate {
  /** Column index of each printed number. */
  slots: number[];
  /** Value in millionths by column key (exact for printed amounts below 10⁹); blank cells are 0. */
  values: Map<string, number>;
}

const CENT = Number(toScaled(0.01));
const MAX_SUMS = 5000;
/** Domains up to this size are merged (k lists, k comparisons per sum); larger ones are summed into a set. */
const MERGED_DOMAIN = 8;

function tolerance(terms: number): number {
  return CENT * Math.max(1, Math.floor(terms / 2));
}

function* combinations(n: number, k: number, start = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= n - k; i++) for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
}

function candidatesOf(row: SolverRow): Candidate[] {
  const out: Candidate[] = [];
  for (const slots of combinations(row.keys.length, row.numbers.length)) {
    const values = new Map<string, number>(row.keys.map((k) => [k, 0]));
    slots.forEach((slot, i) => values.set(row.keys[slot], Number(toScaled(row.numbers[i].value ?? 0))));
    out.push({ slots, values });
  }
  return out;
}

function satisfies(c: Candidate, identity: ColumnIdentity): boolean {
  const target = c.values.get(identity.target);
  if (target === undefined) return true;
  let sum = 0;
  for (const p of identity.parts) sum += c.values.get(p) ?? 0;
  return Math.abs(target - sum) <= tolerance(identity.parts.length);
}

/**
 * The sorted distinct sums of one value from `sorted` (ascending) and one from `domain`; null when there are more
 * than MAX_SUMS. A domain holds a few values, so the sums are a merge of a few ascending lists (`sorted` shifted by
 * each value), not a set: the values are millionths, mostly beyond V8's small integers, and a set hashed a boxed
 * number per pair.
 */
function sumsWith(sorted: readonly number[], domain: readonly number[]): number[] | null {
  const k = domain.length;
  if (k > MERGED_DOMAIN) return sumsBySet(sorted, domain);
  const shifts = [...domain].sort((a, b) => a - b);
  const next = new Array<number>(k).fill(0);
  const out: number[] = [];
  for (;;) {
    let least = Infinity;
    let from = -1;
    for (let j = 0; j < k; j++) {
      if (next[j] === sorted.length) continue;
      const sum = sorted[next[j]] + shifts[j];
      if (sum < least) {
        least = sum;
        from = j;
      }
    }
    if (from < 0) return out;
    next[from]++;
    if (out.length === 0 || out[out.length - 1] !== least) {
      out.push(least);
      if (out.length > MAX_SUMS) return null;
    }
  }
}

/** A large domain: a set, which gives up as soon as it holds more than MAX_SUMS sums. */
function sumsBySet(sorted: readonly number[], domain: readonly number[]): number[] | null {
  const sums = new Set<number>();
  for (const s of sorted) {
    for (const v of domain) sums.add(s + v);
    if (sums.size > MAX_SUMS) return null;
  }
  return [...sums].sort((a, b) => a - b);
}

function within(sorted: readonly number[], x: number, tol: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x - tol) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= x + tol;
}

function domainOf(candidates: readonly Candidate[], key: string): Set<number> {
  return new Set(candidates.map((c) => c.values.get(key) ?? 0));
}

/** Narrows each participant of one constraint to the candidates some choice of the others agrees with. */
function propagate(constraint: SumConstraint, pool: Candidate[][]): boolean {
  const target = constraint.target;
  const cells: Array<{ cell: Cell; sign: 1 | -1 }> = constraint.parts.map((cell) => ({ cell, sign: 1 as const }));
  if (typeof target !== 'number') cells.push({ cell: target, sign: -1 });
  const rows = new Set(cells.map((c) => c.cell.row));
  if (rows.size !== cells.length || cells.some((c) => pool[c.cell.row].length === 0)) return false;
  const constant = typeof target === 'number' ? Number(toScaled(target)) : 0;
  const tol = tolerance(constraint.parts.length);
  let changed = false;
  // Σ sign·value = constant, with sign +1 for parts and −1 for the target cell. Participants with one possible
  // value are folded into the constant, so that only open cells are enumerated.
  const domains = cells.map((c) => [...domainOf(pool[c.cell.row], c.cell.key)].map((v) => c.sign * v));
  let fixed = constant;
  for (const d of domains) if (d.length === 1) fixed -= d[0];
  const open = domains.map((d, k) => (d.length > 1 ? k : -1)).filter((k) => k >= 0);
  if (open.length === 0) return false;
  // The others' sums for each open cell are the sums before it combined with the sums after it (prefix ⊕ suffix), so
  // each side is enumerated once; a side with too many combinations is not enumerated and prunes nothing.
  const prefix: Array<number[] | null> = [[0]];
  for (const k of open) prefix.push(prefix[prefix.length - 1] && sumsWith(prefix[prefix.length - 1]!, domains[k]));
  const suffix: Array<number[] | null> = [[0]];
  for (const k of [...open].reverse()) suffix.unshift(suffix[0] && sumsWith(suffix[0]!, domains[k]));
  open.forEach((k, j) => {
    const before = prefix[j];
    const after = suffix[j + 1];
    if (!before || !after) return;
    const [small, large] = before.length <= after.length ? [before, after] : [after, before];
    const reachable = (t: number) => small.some((a) => within(large, t - a, tol));
    const { cell, sign } = cells[k];
    const verdict = new Map<number, boolean>();
    const kept = pool[cell.row].filter((cand) => {
      const v = cand.values.get(cell.key) ?? 0;
      if (!verdict.has(v)) verdict.set(v, reachable(fixed - sign * v));
      return verdict.get(v)!;
    });
    if (kept.length > 0 && kept.length < pool[cell.row].length) {
      pool[cell.row] = kept;
      changed = true;
    }
  });
  return changed;
}

const MAX_ROUNDS = 30;

function rowsOf(constraint: SumConstraint): number[] {
  const rows = constraint.parts.map((p) => p.row);
  if (typeof constraint.target !== 'number') rows.push(constraint.target.row);
  return rows;
}

/** Propagates until nothing changes, revisiting only the constraints of rows whose candidates were narrowed. */
function solve(pool: Candidate[][], constraints: readonly SumConstraint[]): Candidate[][] {
  const current = pool.map((p) => [...p]);
  let dirty: Set<number> | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sizes = current.map((p) => p.length);
    for (const constraint of constraints) {
      if (dirty && !rowsOf(constraint).some((r) => dirty!.has(r))) continue;
      propagate(constraint, current);
    }
    const narrowed = new Set(current.flatMap((p, i) => (p.length !== sizes[i] ? [i] : [])));
    if (narrowed.size === 0) break;
    dirty = narrowed;
  }
  return current;
}

function involves(constraint: SumConstraint, rows: ReadonlySet<number>): boolean {
  const target = constraint.target;
  return (typeof target !== 'number' && rows.has(target.row)) || constraint.parts.some((p) => rows.has(p.row));
}

/**
 * A row whose printed figures satisfy none of its identities is incomplete (a total printed without its breakdown):
 * its blank cells are unknown, not zero. Constraints through it still place its own numbers, but they must not
 * decide the placement of other rows, which is solved again without them.
 */
export function placeNumbers(rows: readonly SolverRow[], constraints: readonly SumConstraint[]): Placement[] {
  const identityFails: boolean[] = [];
  const initial: Candidate[][] = rows.map((row, i) => {
    const all = row.numbers.length <= row.keys.length ? candidatesOf(row) : [];
    const consistent = all.filter((c) => row.identities.every((id) => satisfies(c, id)));
    identityFails[i] = all.length > 0 && consistent.length === 0;
    return consistent.length > 0 ? consistent : all;
  });
  const incomplete = new Set(identityFails.flatMap((fails, i) => (fails ? [i] : [])));
  const withAll = solve(initial, constraints);
  const pool = incomplete.size === 0 ? withAll : solve(initial, constraints.filter((c) => !involves(c, incomplete)));
  for (const i of incomplete) pool[i] = withAll[i];
  return rows.map((row, i) => {
    const candidates = pool[i];
    const uncertain = candidates.length > 0 ? row.keys.filter((key) => domainOf(candidates, key).size > 1) : [];
    const certain = (t: number) => candidates.every((c) => c.slots[t] === candidates[0].slots[t]);
    return {
      columns: candidates.length === 0 ? null : row.numbers.map((_, t) => (certain(t) ? candidates[0].slots[t] : null)),
      uncertain,
      identityFails: identityFails[i],
      alternatives: candidates.length,
    };
  });
}

/**
 * Whether a row that prints an amount in every one of its columns (`keys`, in order) satisfies the identities, at
 * the tolerance the placement uses: the spaced reader's test of a column order derived from the header.
 */
export function fullRowSatisfies(keys: readonly string[], numbers: readonly { value: number | null }[], identities: readonly ColumnIdentity[]): boolean {
  if (numbers.length !== keys.length) return false;
  const [only] = candidatesOf({ keys, numbers, identities });
  return identities.every((id) => satisfies(only, id));
}
