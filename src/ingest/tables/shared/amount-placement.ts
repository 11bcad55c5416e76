import { toScaled } from '../../../core/decimal.ts';
import type { ColumnIdentity } from '../columns.ts';

/**
 * Where the amounts of a row go when extraction lost or shifted its cells, for every reader (table-draft.ts's
 * buildTable is the one caller). Each placement of a row's amounts into the columns it may fill, in printed order, is
 * a candidate (in each order of the columns the header allows, where it leaves their order open; with a few amounts
 * in columns the reader did not find, where the rows print more amounts than the columns read); the table's sum
 * identities (a total column is the sum of its parts; a parent row is the sum of its children; the total row is the
 * sum of the top rows; a cell equals a figure stated elsewhere) remove the candidates that cannot be; an amount whose
 * column is left open is reported, never guessed.
 *
 * Readers differ only in what they know before the identities are asked, and say it in the input:
 * - where the print gives positions (tab index, nearest header), a row carries them: the bounds each amount may move
 *   within, the column the print suggests, and whether that column is trusted outright or kept only when the row's
 *   identities hold there. Such a row mostly keeps its print (one candidate); single-space text gives no positions,
 *   and every row of it may be open: such a row lists only the placements its own identities keep, walked to column
 *   by column (Asked), so that a wide row is listed where few of its many placements hold. An amount printed between
 *   two columns is either's as far as its place says (`either`), and a print that the identities put farther off
 *   than the search near it reaches says nothing.
 * - what a blank cell means: `zero` where a row printed each of its filled cells (single-space text drops empty
 *   cells, so a column a row does not fill is 0), `absent` where a blank is a cell the print left empty.
 * - how the rows' sums are stated: a row relation (parent = the sum of its children, read from the rows' depths)
 *   holds in all columns at once or, where the depths were misread, not at all; a cell sum states one cell, so a
 *   row missing a figure fails in some columns while the others still place its amounts (single-space text, whose
 *   relations come from codes), and its target may be a figure from elsewhere.
 * Every constraint narrows by one rule: of each of its rows, it keeps the candidates that some combination of the
 * other rows' candidates satisfying it uses; a constraint no combination satisfies is a defect of the print and
 * narrows nothing. A cell sum takes one value of each row, so it goes through the sums the other cells can reach
 * (at most MAX_SUMS of them); a relation ties a row's columns together, so it goes through the combinations of whole
 * candidates (at most MAX_COMBINATIONS of them, as where most rows keep their print). Past a bound a constraint
 * narrows nothing; nothing in a table is enumerated past its bound.
 */

/** What the print says of the column of each of a row's amounts. */
export interface PrintedColumns {
  /** The column each amount's print suggests (tab index, or nearest header by position). */
  preferred: readonly number[];
  /**
   * For each amount, the columns its place does not decide between (`preferred` and a neighbour it stands about as
   * near): a placement in any of them is as near the print as in `preferred`. Absent, or one column, where it decides.
   */
  either?: readonly (readonly number[])[];
  /** The lowest and highest column each amount may move to (extraction adds or drops cells, never reorders). */
  lo: readonly number[];
  hi: readonly number[];
  /** The printed columns are reliable (the row has exactly the cells of the header). */
  trusted: boolean;
  /** The printed columns are a hint: kept when they satisfy the row's identities, searched around otherwise. */
  positional: boolean;
}

export interface PlacementRow {
  /** The printed amounts in order; null for a placeholder dash, which takes a column but holds no amount. */
  values: readonly (number | null)[];
  /** The columns this row may fill (one side of a two-sided table, one list of a two-list table), ascending. */
  allowed: readonly number[];
  /**
   * Other orders the allowed columns may be printed in, where the header leaves their order open (single-space
   * derived columns): a placement may follow any of them, so each order's placements are more candidates of the row.
   */
  orders?: readonly (readonly number[])[];
  /**
   * How many of the row's amounts may stand in columns the reader did not find (the table's rows print more amounts
   * than it has columns, and its header names no template column the reader lacks): any of them, anywhere in the row.
   * Such an amount fills no column, and no identity counts it; its placements are more candidates of the row.
   */
  spare?: number;
  /** The identities between this row's columns. */
  identities: readonly ColumnIdentity<number>[];
  /** null where the print gives no positions (single-space text). */
  print: PrintedColumns | null;
  /**
   * Other readings of the printed words than one amount each (single-space text, where `2 700.00` is one amount grouped
   * by thousands or a count beside an amount): each a run of consecutive words read as one amount. Their placements are
   * more candidates of the row, and a word whose reading the identities leave open is placed nowhere.
   */
  readings?: readonly Reading[];
}

/**
 * A reading of a row's words: how many words each amount takes, in print order, the amount each run reads as, and
 * which runs (of one word) stand in a column the reader did not find (a count beside an amount: 数量 `2`, `166.00`).
 */
export interface Reading {
  runs: readonly number[];
  values: readonly (number | null)[];
  outside: readonly boolean[];
}

export interface Cell {
  row: number;
  column: number;
}

/** The `whole` row = the sum of the `parts` rows, in every column at once. */
export interface RowRelation {
  whole: number;
  parts: number[];
}

/** `target` = the sum of `parts`; a number target is a figure known from elsewhere (another table, the text). */
export interface CellSum {
  target: Cell | number;
  parts: readonly Cell[];
}

export interface PlacementProblem {
  /** The number of amount columns. */
  width: number;
  rows: readonly PlacementRow[];
  relations: readonly RowRelation[];
  sums: readonly CellSum[];
  /** What a cell no amount is placed in holds: 0, or nothing (see the comment at the top). */
  blank: 'zero' | 'absent';
}

export interface Placement {
  /**
   * The column of each amount, or null for an amount whose column the identities leave open; null for the whole
   * row when its amounts have no placement (more of them than the columns they may take).
   */
  columns: (number | null)[] | null;
  /** The columns an open amount could be in whose content differs between the placements left. */
  uncertain: number[];
  /** How many placements the identities leave (all of a row's placements when it has too many to list). */
  alternatives: number;
  /** Too many placements to list or walk to (MAX_CANDIDATES, MAX_STEPS): none was asked of the identities. */
  unlisted: boolean;
  /** Blank cells are 0 and no placement satisfies the row's own identities: a printed figure is missing. */
  identityFails: boolean;
  /** Left unplaced (columns null) because the table's columns are too few for its rows (see placeAmounts). */
  columnsShort: boolean;
  /**
   * A positional row whose amounts break its own identities as printed and in every placement near the print, placed
   * by the identities alone among the placements farther off that keep them (Listed.farFromPrint).
   */
  unconfirmed: boolean;
  /** For each amount, whether every placement puts it in a column the reader did not find (PlacementRow.spare). */
  outside: boolean[];
  /**
   * For each printed word, the amount its cell holds where every placement left reads it alike: the run's value for
   * the last word of a run (PlacementRow.readings), null for the words before it (`joined`), else its own value.
   */
  values: (number | null)[];
  /** For each printed word, whether every placement reads it as the thousands of the word after it. */
  joined: boolean[];
  /** The placements left read the row's words in more than one way (PlacementRow.readings): those words are open. */
  readingOpen: boolean;
}

/** Bounds on the work per table: candidates listed per row, combinations checked together, sums reached per cell. */
export const MAX_CANDIDATES = 4000;
const MAX_COMBINATIONS = 50000;
/** Steps a row's walk to the placements its identities keep may take (Asked). */
const MAX_STEPS = 50000;
const MAX_SUMS = 5000;
const MAX_ROUNDS = 30;
/** Domains up to this size are merged (k lists, k comparisons per sum); larger ones are summed into a set. */
const MERGED_DOMAIN = 8;
/** How far a positional amount may move from its print when its row has too many placements to list. */
const NEAR = 3;
const CENT = Number(toScaled(0.01));
/** The column of an amount standing in a column the reader did not find (PlacementRow.spare). */
const OUTSIDE = -1;
/** The column of a word read as part of the amount of the word after it (PlacementRow.readings). */
const JOINED = -2;

/** A row's content by column, in millionths (exact for printed amounts below 10⁹); null for an absent cell. */
type Content = (number | null)[];

interface Candidate {
  /** The column of each printed word, or OUTSIDE, or JOINED. */
  columns: number[];
  content: Content;
  /** The reading it places (0: each word an amount, k: the row's readings[k - 1]). */
  reading: number;
}

/** The tolerance of a sum of `terms` present parts: each part and the whole were rounded to the cent on their own. */
function tolerance(terms: number): number {
  return CENT * Math.max(1, Math.floor(terms / 2));
}

/** Whether `whole` agrees with a sum of `present` parts; a sum with no cell present holds. */
function agrees(whole: number | null, sum: number, present: number): boolean {
  if (whole == null && present === 0) return true;
  return Math.abs((whole ?? 0) - sum) <= tolerance(present);
}

function identitiesHold(content: Content, identities: readonly ColumnIdentity<number>[]): boolean {
  // Asked of every row's printed placement: a loop that adds the present parts, not a list of them per identity.
  for (const { whole, parts } of identities) {
    let sum = 0;
    let present = 0;
    for (const p of parts) {
      const v = content[p];
      if (v != null) {
        sum += v;
        present++;
      }
    }
    if (!agrees(content[whole], sum, present)) return false;
  }
  return true;
}

/** A row's values as cell content (scaled; a blank as `blank` says): once per row, not once per candidate placement. */
function scaledValues(values: readonly (number | null)[], blank: PlacementProblem['blank']): Content {
  const empty = blank === 'zero' ? 0 : null;
  return values.map((v) => (v == null ? empty : Number(toScaled(v))));
}

function contentOf(scaled: Content, columns: readonly number[], width: number, blank: PlacementProblem['blank']): Content {
  // Loops, not fill and forEach: made for each of up to MAX_CANDIDATES placements of every row that keeps no print.
  const empty = blank === 'zero' ? 0 : null;
  const content: Content = [];
  for (let c = 0; c < width; c++) content.push(empty);
  for (let k = 0; k < columns.length; k++) if (columns[k] >= 0) content[columns[k]] = scaled[k];
  return content;
}

/**
 * A row's identities asked of its placements as the walk fills the columns one by one (placementsOf), for a row with
 * no print to keep: a placement is dropped at the first column that completes an identity it breaks, and a partial
 * placement found to lead to none that holds is not walked again. Where the amounts are in printed order, what is
 * left to place after a column depends only on how many amounts are placed and on the sums of the identities that
 * column leaves half filled: a wide row (17 columns of 本年收入 and 上年结转结余 under 总计) is walked in as many steps
 * as those states, not in as many as its placements.
 */
interface Asked {
  identities: readonly ColumnIdentity<number>[];
  /** Each amount's cell content (scaledValues), and what a column no amount fills holds. */
  scaled: Content;
  empty: number | null;
  /** The steps the row's walks may still take (MAX_STEPS); past them its placements are not listed. */
  budget: { steps: number };
}

/** The state of a row's identities along one order of its columns, as a walk fills them (see Asked). */
interface Gate {
  /** Whether the identities none of whose columns the order fills hold (their cells are all blank). */
  holds: boolean;
  /** Puts amount i (−1: none) in the column at position j; false where that breaks an identity it completes. */
  fill: (j: number, i: number) => boolean;
  unfill: (j: number, i: number) => void;
  /** What the rest of a walk depends on, after i amounts in the columns before position j. */
  key: (i: number, j: number) => string;
  /** Takes a step of the row's budget; false once it is spent. */
  step: () => boolean;
}

function gateOf(order: readonly number[], scaled: Content, asked: Asked): Gate {
  const { identities, empty, budget } = asked;
  const at = new Map(order.map((c, j) => [c, j]));
  const sums = identities.map(() => 0);
  const present = identities.map(() => 0);
  const wholes: Content = identities.map(() => empty);
  // For each position: the identities its column is a part of, those it is the whole of, those it is the last column
  // of (asked there), and those it leaves half filled (their sums so far part of the walk's state there).
  const partsAt: number[][] = order.map(() => []);
  const wholeAt: number[][] = order.map(() => []);
  const closing: number[][] = order.map(() => []);
  const openAt: number[][] = order.map(() => []);
  const constant: number[] = [];
  identities.forEach(({ whole, parts }, id) => {
    const positions: number[] = [];
    const member = (c: number, role: number[][]) => {
      const j = at.get(c);
      if (j == null) return false;
      role[j].push(id);
      positions.push(j);
      return true;
    };
    // A column outside the order holds what a blank does in every placement (wholes start as a blank).
    member(whole, wholeAt);
    for (const p of parts) {
      if (!member(p, partsAt) && empty != null) {
        sums[id] += empty;
        present[id]++;
      }
    }
    if (positions.length === 0) return constant.push(id);
    const first = Math.min(...positions);
    const last = Math.max(...positions);
    closing[last].push(id);
    for (let j = first + 1; j <= last; j++) openAt[j].push(id);
  });
  const set = (j: number, v: number | null, sign: 1 | -1) => {
    for (const id of partsAt[j]) {
      if (v == null) continue;
      sums[id] += sign * v;
      present[id] += sign;
    }
  };
  const gate: Gate = {
    holds: constant.every((id) => agrees(wholes[id], sums[id], present[id])),
    fill: (j, i) => {
      const v = i < 0 ? empty : scaled[i];
      set(j, v, 1);
      for (const id of wholeAt[j]) wholes[id] = v;
      return closing[j].every((id) => agrees(wholes[id], sums[id], present[id]));
    },
    unfill: (j, i) => {
      set(j, i < 0 ? empty : scaled[i], -1);
      for (const id of wholeAt[j]) wholes[id] = empty;
    },
    key: (i, j) => {
      let key = `${i} ${j}`;
      if (j < order.length) for (const id of openAt[j]) key += ` ${sums[id]} ${present[id]} ${wholes[id]}`;
      return key;
    },
    step: () => --budget.steps >= 0,
  };
  return gate;
}

/**
 * Every placement of the values in printed order into the columns of each order within lo..hi, with up to `spare`
 * of them outside the columns, up to `cap` in all (fewest outside first, then by the amounts outside, then by order);
 * with `asked`, only those that satisfy the row's identities, as many as the walk reaches before it spends the row's
 * budget (which the caller reads).
 */
function placementsOf(
  n: number,
  orders: readonly (readonly number[])[],
  spare: number,
  lo: (k: number) => number,
  hi: (k: number) => number,
  cap = MAX_CANDIDATES,
  asked?: Asked,
): number[][] {
  const out: number[][] = [];
  let spent = false;
  // Each ascending choice of k of `count` positions that `fits`, in lexicographic order, until the list is full: the
  // amount next in line in each position in turn, the positions before it left blank (with a gate, each blank filled
  // and asked as it is passed, and the rest of the row blank once every amount is placed).
  const choose = (count: number, k: number, fits: (i: number, j: number) => boolean, visit: (chosen: readonly number[]) => void, gate?: Gate) => {
    const acc: number[] = [];
    const dead = new Set<string>();
    const walk = (i: number, j: number) => {
      if (out.length >= cap || spent || count - j < k - i) return;
      if (!gate) {
        if (i === k) return visit(acc);
      } else if (!gate.step()) {
        spent = true;
        return;
      }
      const key = gate?.key(i, j);
      if (key != null && dead.has(key)) return;
      const before = out.length;
      let p = j;
      for (;;) {
        if (i < k && fits(i, p)) {
          acc.push(p);
          if (!gate || gate.fill(p, i)) walk(i + 1, p + 1);
          gate?.unfill(p, i);
          acc.pop();
        }
        if (i === k && p === count) {
          visit(acc);
          break;
        }
        if (p === count - (k - i)) break;
        const holds = !gate || gate.fill(p, -1);
        p++;
        if (!holds) break;
      }
      if (gate) for (let q = p - 1; q >= j; q--) gate.unfill(q, -1);
      if (key != null && out.length === before && !spent) dead.add(key);
    };
    if (!gate || gate.holds) walk(0, 0);
  };
  const amounts = Array.from({ length: n }, (_, k) => k);
  for (let outside = 0; outside <= Math.min(spare, n); outside++) {
    choose(n, outside, () => true, (left) => {
      const inside = amounts.filter((k) => !left.includes(k));
      for (const order of orders) {
        const fits = (i: number, j: number) => order[j] >= lo(inside[i]) && order[j] <= hi(inside[i]);
        const gate = asked && gateOf(order, inside.map((k) => asked.scaled[k]), asked);
        choose(order.length, inside.length, fits, (at) => {
          const columns = new Array<number>(n).fill(OUTSIDE);
          at.forEach((j, i) => (columns[inside[i]] = order[j]));
          out.push(columns);
        }, gate);
      }
    });
  }
  return out;
}

export interface Listed {
  candidates: Candidate[];
  /** No candidate satisfies the row's own identities. */
  fails: boolean;
  /** The row has more placements than MAX_CANDIDATES and no print to choose among them. */
  unlisted: boolean;
  /**
   * A positional row listed near its print only, none of those placements satisfying its identities, whose candidates
   * are the placements farther off that do: the print is wrong by more than the search moves it, and says nothing.
   */
  farFromPrint?: boolean;
}

/**
 * A row's candidates before any relation between rows, and whether none satisfies its own identities. Trusted rows
 * keep their printed columns even when an identity fails there: that is a source defect for the checks to report,
 * not a reason to move numbers.
 */
function candidatesOf(row: PlacementRow, width: number, blank: PlacementProblem['blank']): Listed {
  const scaled = scaledValues(row.values, blank);
  const candidate = (columns: number[]): Candidate => ({ columns, content: contentOf(scaled, columns, width, blank), reading: 0 });
  const print = row.print;
  const n = row.values.length;
  if (print) {
    // The printed columns are a placement only when they are one column per amount: cells printed between two
    // header columns share the nearest one, and taking them as printed would let one amount overwrite another.
    const oneEach = print.preferred.every((p, k) => k === 0 || p > print.preferred[k - 1]);
    const printed = candidate([...print.preferred]);
    if (oneEach && print.trusted && print.preferred.every((p) => row.allowed.includes(p))) return { candidates: [printed], fails: false, unlisted: false };
    // An amount between two columns is in either as far as its place says: the identities are asked of both.
    const decided = !print.either?.some((cs) => cs.length > 1);
    if (oneEach && print.positional && decided && identitiesHold(printed.content, row.identities)) {
      return { candidates: [printed], fails: false, unlisted: false };
    }
  }
  // Listed only for a row that keeps no printed placement (most rows keep theirs, and a row can have thousands).
  const orders = [row.allowed, ...(row.orders ?? [])];
  const spare = row.spare ?? 0;
  const budget = { steps: MAX_STEPS };
  // The placements of the row's other readings after its own, up to MAX_CANDIDATES in all; null past them, or past
  // the walk's budget where the identities are asked.
  const withReadings = (candidates: Candidate[], ask?: (values: Content) => Asked): Candidate[] | null => {
    for (const [r, reading] of (row.readings ?? []).entries()) {
      const inside = reading.values.filter((_, k) => !reading.outside[k]);
      const runScaled = scaledValues(inside, blank);
      const runs = placementsOf(inside.length, orders, spare, () => -Infinity, () => Infinity, MAX_CANDIDATES, ask?.(runScaled));
      if (budget.steps < 0 || candidates.length + runs.length >= MAX_CANDIDATES) return null;
      for (const columns of runs) {
        candidates.push({ columns: wordColumns(reading, columns), content: contentOf(runScaled, columns, width, blank), reading: r + 1 });
      }
    }
    return candidates;
  };
  // Without positions there is no print to stay near, and a list cut short would be a guess. A row with more
  // placements than MAX_CANDIDATES (under all its readings) lists only those that satisfy its identities, walked to
  // (Asked); with too many of them to list, or too many steps to reach them, it is left open, and no constraint
  // through it narrows. One none of whose placements satisfies them is listed whole below, as a failing row is, and
  // so is a row with fewer placements: listing them all and asking each costs less than the walk.
  const readingsCount = (row.readings ?? []).reduce((a, r) => a + placementCount(row, insideCount(r)), 0);
  if (!print && placementCount(row) + readingsCount >= MAX_CANDIDATES) {
    const empty = blank === 'zero' ? 0 : null;
    const ask = (values: Content): Asked => ({ identities: row.identities, scaled: values, empty, budget });
    const own = placementsOf(n, orders, spare, () => -Infinity, () => Infinity, MAX_CANDIDATES, ask(scaled));
    const fitting = budget.steps >= 0 && own.length < MAX_CANDIDATES ? withReadings(own.map(candidate), ask) : null;
    if (!fitting) return { candidates: [], fails: false, unlisted: true };
    if (fitting.length > 0) return { candidates: fitting, fails: false, unlisted: false };
  }
  // A wide table leaves too many placements to list: a positional row's amounts stay within a few columns of
  // where they were printed. Its placements are counted, not listed up to MAX_CANDIDATES and dropped.
  const lo = (k: number) => print?.lo[k] ?? -Infinity;
  const hi = (k: number) => print?.hi[k] ?? Infinity;
  const near = print?.positional && placementsWithin(n, orders, spare, lo, hi) >= MAX_CANDIDATES;
  const all = near
    ? placementsOf(n, orders, spare, (k) => Math.max(print.lo[k], print.preferred[k] - NEAR), (k) => Math.min(print.hi[k], print.preferred[k] + NEAR))
    : placementsOf(n, orders, spare, lo, hi);
  // A row without positions gets here only when no placement satisfies its identities: too many to list, it is
  // left open all the same, its amounts known to be short of a figure.
  if (!print && all.length >= MAX_CANDIDATES) return { candidates: [], fails: true, unlisted: true };
  const candidates = withReadings(all.map(candidate));
  if (!candidates) return { candidates: [], fails: !print, unlisted: true };
  const fitting = candidates.filter((c) => identitiesHold(c.content, row.identities));
  const fails = candidates.length > 0 && fitting.length === 0;
  // Amounts the identities put farther from their print than NEAR (a later page fitted by a stretch that misses its
  // squeezed columns) are found among all the row's placements, where those are few enough to go through.
  const farther = near && fails ? fittingAnywhere(row, width, blank, candidate) : [];
  if (farther.length > 0) return { candidates: farther, fails: false, unlisted: false, farFromPrint: true };
  return { candidates: fitting.length > 0 ? fitting : candidates, fails, unlisted: false };
}

/**
 * The placements of a positional row's amounts anywhere in its bounds that satisfy its identities; none where the row
 * has MAX_COMBINATIONS placements or more, or more than MAX_CANDIDATES fit.
 */
function fittingAnywhere(row: PlacementRow, width: number, blank: PlacementProblem['blank'], candidate: (columns: number[]) => Candidate): Candidate[] {
  const print = row.print!;
  const orders = [row.allowed, ...(row.orders ?? [])];
  const n = row.values.length;
  const spare = row.spare ?? 0;
  const lo = (k: number) => print.lo[k];
  const hi = (k: number) => print.hi[k];
  // Counted, not listed: such a row has tens of thousands of placements (9 amounts in 17 columns: 24,310).
  if (placementsWithin(n, orders, spare, lo, hi) >= MAX_COMBINATIONS) return [];
  // Only the placements that keep the identities are walked to (Asked), in the order of the whole list, one past
  // MAX_CANDIDATES at most. The walk adds and takes back the amounts, and the list adds them up afresh: the two agree
  // where every sum is an exact integer (scaled amounts whose magnitudes add up to no more than 2⁵³), and where they
  // may not, or the walk spends its budget, the placements are listed and asked one by one.
  const scaled = scaledValues(row.values, blank);
  const budget = { steps: MAX_STEPS };
  if (scaled.reduce((a: number, v) => a + Math.abs(v ?? 0), 0) <= Number.MAX_SAFE_INTEGER) {
    const asked: Asked = { identities: row.identities, scaled, empty: blank === 'zero' ? 0 : null, budget };
    const fitting = placementsOf(n, orders, spare, lo, hi, MAX_CANDIDATES + 1, asked);
    if (fitting.length > MAX_CANDIDATES) return [];
    if (budget.steps >= 0) return fitting.map(candidate);
  }
  const fitting = placementsOf(n, orders, spare, lo, hi, MAX_COMBINATIONS)
    .map(candidate)
    .filter((c) => identitiesHold(c.content, row.identities));
  return fitting.length > MAX_CANDIDATES ? [] : fitting;
}

/**
 * How many placements placementsOf lists for these bounds when nothing caps it, counted without listing them: for
 * amount i, the placements of amounts i onward with positions j onward free and o amounts outside so far.
 */
function placementsWithin(n: number, orders: readonly (readonly number[])[], spare: number, lo: (k: number) => number, hi: (k: number) => number): number {
  const most = Math.min(spare, n);
  let total = 0;
  for (const order of orders) {
    const m = order.length;
    // after[o][j]: the placements of the amounts after i, with positions j onward free and o amounts outside so far.
    let after = Array.from({ length: most + 1 }, () => new Array<number>(m + 1).fill(1));
    for (let i = n - 1; i >= 0; i--) {
      const from = Array.from({ length: most + 1 }, () => new Array<number>(m + 1).fill(0));
      for (let o = 0; o <= most; o++) {
        for (let j = m - 1; j >= 0; j--) {
          const fits = order[j] >= lo(i) && order[j] <= hi(i);
          from[o][j] = from[o][j + 1] + (fits ? after[o][j + 1] : 0);
        }
        if (o < most) for (let j = 0; j <= m; j++) from[o][j] += after[o + 1][j];
      }
      after = from;
    }
    total += after[0][0];
  }
  return total;
}

/**
 * A placement of a reading's runs inside the columns as the column of each word: a run's last word takes its run's
 * column, the others JOINED; a run outside the columns, OUTSIDE.
 */
function wordColumns(reading: Reading, columns: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  reading.runs.forEach((length, k) => {
    for (let j = 1; j < length; j++) out.push(JOINED);
    out.push(reading.outside[k] ? OUTSIDE : columns[next++]);
  });
  return out;
}

/** What each printed word reads as under a reading: its run's value for a run's last word, null for the words before. */
function wordValues(row: PlacementRow, reading: number): (number | null)[] {
  if (reading === 0) return [...row.values];
  const { runs, values } = row.readings![reading - 1];
  return runs.flatMap((length, k) => [...new Array<null>(length - 1).fill(null), values[k]]);
}

/** How many amounts a reading places inside the columns. */
export function insideCount(reading: Reading): number {
  return reading.outside.filter((o) => !o).length;
}

/** A constraint and the rows it narrows. */
type Constraint = { relation: RowRelation; rows: number[] } | { sum: CellSum; rows: number[] };

function constraintsOf(problem: PlacementProblem): Constraint[] {
  return [
    ...problem.relations.map((relation) => ({ relation, rows: [relation.whole, ...relation.parts] })),
    ...problem.sums.map((sum) => {
      const cells = typeof sum.target === 'number' ? sum.parts : [sum.target, ...sum.parts];
      return { sum, rows: cells.map((c) => c.row) };
    }),
  ];
}

/**
 * Keeps, of each open row of a relation, the candidates some combination satisfying every column uses, listing the
 * combinations of whole candidates (a row's columns are tied together).
 */
function narrowByRelation({ whole, parts }: RowRelation, pool: Candidate[][], width: number): void {
  // Most relations of a positioned table join rows that each kept their print: nothing to narrow, and nothing listed.
  if (pool[whole].length <= 1 && parts.every((r) => pool[r].length <= 1)) return;
  const members = [whole, ...parts];
  const open = members.filter((r) => pool[r].length > 1);
  const combinations = members.reduce((acc, r) => acc * pool[r].length, 1);
  if (open.length === 0 || combinations === 0 || combinations > MAX_COMBINATIONS) return;
  const openAt = open.map((r) => members.indexOf(r));
  const pick = new Array<number>(members.length).fill(0);
  const survivors: number[][] = [];
  // The members' contents under the current pick, refilled for each combination.
  const contents: Content[] = new Array(members.length);
  // Odometer over the open rows' candidates.
  for (;;) {
    for (let m = 0; m < members.length; m++) contents[m] = pool[members[m]][pick[m]].content;
    let holds = true;
    for (let c = 0; c < width && holds; c++) {
      let sum = 0;
      let present = 0;
      for (let m = 1; m < contents.length; m++) {
        const v = contents[m][c];
        if (v != null) {
          sum += v;
          present++;
        }
      }
      holds = agrees(contents[0][c], sum, present);
    }
    if (holds) survivors.push(openAt.map((m) => pick[m]));
    let k = openAt.length - 1;
    while (k >= 0 && pick[openAt[k]] === pool[open[k]].length - 1) pick[openAt[k--]] = 0;
    if (k < 0) break;
    pick[openAt[k]]++;
  }
  if (survivors.length === 0) return;
  open.forEach((r, k) => {
    const keep = new Set(survivors.map((s) => s[k]));
    if (keep.size < pool[r].length) pool[r] = pool[r].filter((_, o) => keep.has(o));
  });
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
  if (k === 2) return sumsOfTwo(sorted, Math.min(domain[0], domain[1]), Math.max(domain[0], domain[1]));
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

/**
 * sumsWith for a domain of two values, the most common (a cell that is one of two amounts): two ascending lists
 * merged with two indices, not by a scan of the heads of k lists for each sum.
 */
function sumsOfTwo(sorted: readonly number[], low: number, high: number): number[] | null {
  const out: number[] = [];
  const n = sorted.length;
  // The sum last written, kept beside the list instead of read back from it; no sum is NaN.
  let last = NaN;
  let i = 0;
  let j = 0;
  while (i < n || j < n) {
    const a = i < n ? sorted[i] + low : Infinity;
    const b = j < n ? sorted[j] + high : Infinity;
    let least: number;
    if (a <= b) {
      least = a;
      i++;
    } else {
      least = b;
      j++;
    }
    if (least !== last) {
      if (out.length === MAX_SUMS) return null;
      out.push(least);
      last = least;
    }
  }
  return out;
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

/** A cell's possible values, each times `sign`; an absent cell adds nothing to a sum. */
function domainOf(candidates: readonly Candidate[], column: number, sign: 1 | -1): number[] {
  // Most rows keep one candidate, and every constraint through them asks: its value, without a set.
  if (candidates.length === 1) return [sign * (candidates[0].content[column] ?? 0)];
  const values = new Set<number>();
  for (const c of candidates) values.add(c.content[column] ?? 0);
  return [...values].map((v) => sign * v);
}

/**
 * Keeps, of each open cell of a cell sum, the candidates whose value some choice of the other cells' values agrees
 * with, going through the sums the other cells can reach (a cell sum takes one value of each row). The tolerance is
 * that of every part present: where cells may be absent, as loose as any combination's.
 */
function narrowByCell(constraint: CellSum, pool: Candidate[][]): void {
  const target = constraint.target;
  const cells: Array<{ cell: Cell; sign: 1 | -1 }> = constraint.parts.map((cell) => ({ cell, sign: 1 as const }));
  if (typeof target !== 'number') cells.push({ cell: target, sign: -1 });
  const rows = new Set(cells.map((c) => c.cell.row));
  if (rows.size !== cells.length || cells.some((c) => pool[c.cell.row].length === 0)) return;
  const constant = typeof target === 'number' ? Number(toScaled(target)) : 0;
  const tol = tolerance(constraint.parts.length);
  // Σ sign·value = constant, with sign +1 for parts and −1 for the target cell. Cells with one possible value are
  // folded into the constant, so that only open cells are enumerated.
  const domains = cells.map((c) => domainOf(pool[c.cell.row], c.cell.column, c.sign));
  let fixed = constant;
  for (const d of domains) if (d.length === 1) fixed -= d[0];
  const open = domains.map((d, k) => (d.length > 1 ? k : -1)).filter((k) => k >= 0);
  if (open.length === 0) return;
  // The others' sums for each open cell are the sums before it combined with the sums after it (prefix ⊕ suffix), so
  // each side is enumerated once; a side with too many sums is not enumerated (its bounds below prune instead). The sums
  // of all the open cells together are no cell's others, and the largest: prefix[j] ends before the j-th open cell and
  // suffix[j] starts after it, so neither list makes them.
  const prefix: Array<number[] | null> = [[0]];
  for (let j = 0; j < open.length - 1; j++) prefix.push(prefix[j] && sumsWith(prefix[j]!, domains[open[j]]));
  const suffix: Array<number[] | null> = new Array(open.length);
  suffix[open.length - 1] = [0];
  for (let j = open.length - 2; j >= 0; j--) suffix[j] = suffix[j + 1] && sumsWith(suffix[j + 1]!, domains[open[j + 1]]);
  // Past MAX_SUMS the others' sums are not listed, only their bounds: the least and the most the open cells can add
  // up to. A value that leaves the others more than they can reach, or less than they must, cannot be (a column whose
  // total is 0 takes no amount of a row whose amounts are all positive).
  const lowest = open.reduce((a, k) => a + Math.min(...domains[k]), 0);
  const highest = open.reduce((a, k) => a + Math.max(...domains[k]), 0);
  open.forEach((k, j) => {
    const before = prefix[j];
    const after = suffix[j];
    const lo = lowest - Math.min(...domains[k]);
    const hi = highest - Math.max(...domains[k]);
    let reachable = (t: number) => t >= lo - tol && t <= hi + tol;
    if (before && after) {
      const [small, large] = before.length <= after.length ? [before, after] : [after, before];
      reachable = (t: number) => small.some((a) => within(large, t - a, tol));
    }
    const { cell, sign } = cells[k];
    const verdict = new Map<number, boolean>();
    const kept = pool[cell.row].filter((cand) => {
      const v = cand.content[cell.column] ?? 0;
      if (!verdict.has(v)) verdict.set(v, reachable(fixed - sign * v));
      return verdict.get(v)!;
    });
    if (kept.length > 0) pool[cell.row] = kept;
  });
}

/** Narrows until nothing changes, revisiting only the constraints of rows narrowed in the round before. */
function solve(initial: readonly Candidate[][], constraints: readonly Constraint[], width: number): Candidate[][] {
  const pool = initial.map((p) => [...p]);
  let dirty: Set<number> | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sizes = pool.map((p) => p.length);
    const due = dirty ? constraints.filter((c) => c.rows.some((r) => dirty!.has(r))) : constraints;
    for (const constraint of due) {
      if ('relation' in constraint) narrowByRelation(constraint.relation, pool, width);
      else narrowByCell(constraint.sum, pool);
    }
    // Asked after every round of every table: a loop over the rows, not a list made per row.
    const narrowed = new Set<number>();
    for (let i = 0; i < pool.length; i++) if (pool[i].length !== sizes[i]) narrowed.add(i);
    if (narrowed.size === 0) break;
    dirty = narrowed;
  }
  return pool;
}

/**
 * The placement nearest the print: first the one that moves every amount by the same number of columns (a header
 * read offset shifts all of a row's cells alike), then the one that moves them least.
 */
function nearestToPrint(print: PrintedColumns, options: Candidate[]): Candidate[] {
  // An amount in a column its place does not tell from its own (PrintedColumns.either) is where it was printed: it
  // is not moved, so placements differing only there are as near the print, and stay open.
  const unmoved = (c: number, k: number) => c === print.preferred[k] || !!print.either?.[k].includes(c);
  // Each worked out once per option, not again in the filter; a row's few shifts counted in a list, not a set.
  const shifts = options.map((o) => {
    const seen: number[] = [];
    o.columns.forEach((c, k) => {
      const shift = unmoved(c, k) ? 0 : c - print.preferred[k];
      if (!seen.includes(shift)) seen.push(shift);
    });
    return seen.length;
  });
  const fewest = Math.min(...shifts);
  const even = options.filter((_, i) => shifts[i] === fewest);
  const distances = even.map((o) => o.columns.reduce((a, c, k) => a + (unmoved(c, k) ? 0 : Math.abs(c - print.preferred[k])), 0));
  const best = Math.min(...distances);
  const nearest = even.filter((_, i) => distances[i] === best);
  // Placements tied only where an amount stands between two columns keep the print's word on the row's other amounts.
  const tiedByPlace = nearest.every((o) => o.columns.every((c, k) => c === nearest[0].columns[k] || unmoved(c, k)));
  return nearest.length === 1 || tiedByPlace ? nearest : options;
}

/**
 * Each row's candidates before any relation or sum between rows (placeAmounts' first step): they depend on the rows,
 * the width and what a blank is alone, so a caller placing the same rows again under other relations lists them once.
 */
export function listRows({ rows, width, blank }: Pick<PlacementProblem, 'rows' | 'width' | 'blank'>): Listed[] {
  return rows.map((row) => candidatesOf(row, width, blank));
}

/**
 * Places the amounts of every row. Where blank cells are 0, a row whose printed figures satisfy none of its
 * identities is incomplete (a total printed without its breakdown): its blank cells are unknown, not zero.
 * Constraints through it still place its own amounts, but they must not decide the placement of other rows, which
 * is solved again without them.
 */
export function placeAmounts(problem: PlacementProblem, listed = listRows(problem)): Placement[] {
  const { rows, width, blank } = problem;
  const initial = listed.map((l) => l.candidates);
  const identityFails = listed.map((l) => blank === 'zero' && l.fails);
  const unconfirmed = listed.map((l) => !!l.farFromPrint);
  const incomplete = new Set(identityFails.flatMap((fails, i) => (fails ? [i] : [])));
  const constraints = constraintsOf(problem);
  const withAll = solve(initial, constraints, width);
  const pool = incomplete.size === 0 ? withAll : solve(initial, constraints.filter((c) => !c.rows.some((r) => incomplete.has(r))), width);
  for (const i of incomplete) pool[i] = withAll[i];
  // A row printing more amounts than it has columns shows that the header gave too few (北京 预算05表's 项目支出总数
  // and 扣除基建项目后预算数 beside the template's 合计 / 基本支出 / 项目支出). Where blank cells are 0, a row whose amounts
  // then break its identities in every placement was squeezed into columns it does not fill: it is left unplaced, not
  // placed wrong (its blank cells are other columns than these, so its figures say nothing of them).
  const columnsShort = rows.some((row) => Math.min(row.values.length, ...(row.readings ?? []).map(insideCount)) > row.allowed.length);

  return rows.map((row, i) => {
    const none = row.values.map(() => false);
    const asPrinted = { values: [...row.values], joined: none, readingOpen: false };
    if (listed[i].unlisted) {
      const alternatives = placementCount(row);
      return { columns: row.values.map(() => null), uncertain: [...row.allowed], alternatives, unlisted: true, identityFails: identityFails[i], columnsShort: false, unconfirmed: false, outside: none, ...asPrinted };
    }
    // Among placements the identities leave open, a positional row takes the one nearest its print when that one
    // is unique: the header's positions decide what arithmetic cannot (which income source an amount is). A print
    // the identities put far off decides nothing.
    const options = row.print?.positional && !unconfirmed[i] && pool[i].length > 1 ? nearestToPrint(row.print, pool[i]) : pool[i];
    if (options.length === 0) {
      return { columns: null, uncertain: [], alternatives: 0, unlisted: false, identityFails: identityFails[i], columnsShort: false, unconfirmed: false, outside: none, ...asPrinted };
    }
    if (columnsShort && identityFails[i]) {
      return { columns: null, uncertain: [], alternatives: options.length, unlisted: false, identityFails: true, columnsShort: true, unconfirmed: false, outside: none, ...asPrinted };
    }
    // One placement left, as most rows keep their print: each amount stands where it puts it, and no column is open.
    if (options.length === 1) {
      const only = options[0].columns;
      return {
        columns: only.map((c) => (c >= 0 ? c : null)),
        uncertain: [],
        alternatives: 1,
        unlisted: false,
        identityFails: identityFails[i],
        columnsShort: false,
        unconfirmed: unconfirmed[i],
        outside: only.map((c) => c === OUTSIDE),
        values: wordValues(row, options[0].reading),
        joined: only.map((c) => c === JOINED),
        readingOpen: false,
      };
    }
    // Amounts whose column is the same in every remaining placement are certain; the others stay unplaced.
    const first = options[0].columns;
    // What each word reads as under each reading the options place, once a reading.
    const read = new Map<number, (number | null)[]>();
    const valuesOf = (o: Candidate) => read.get(o.reading) ?? read.set(o.reading, wordValues(row, o.reading)).get(o.reading)!;
    // A word one placement joins to the next and another does not, or that ends runs of different values, is read
    // two ways: it is open whatever its column.
    const readAlike = (o: Candidate, k: number) => (o.columns[k] === JOINED) === (first[k] === JOINED) && valuesOf(o)[k] === valuesOf(options[0])[k];
    const readingVaries = row.values.map((_, k) => options.some((o) => !readAlike(o, k)));
    const varies = row.values.map((_, k) => readingVaries[k] || options.some((o) => o.columns[k] !== first[k]));
    // What a placement prints in a column: an amount, a dash, or nothing.
    const cell = (o: Candidate, c: number) => {
      const k = o.columns.indexOf(c);
      return k < 0 ? null : (valuesOf(o)[k] ?? '-');
    };
    // Under several orders of the columns, or with amounts outside them, an amount may stand in different columns in
    // different placements and the cells still read alike (a 0.00 in one column or another of zeros; `254.30 254.30`,
    // one 项目支出 and the other outside): its column is then the one it takes in the first placement, as long as that
    // cell reads the same in every placement.
    const sameCell = (c: number) => (!!row.orders?.length || !!row.spare) && options.every((o) => cell(o, c) === cell(options[0], c));
    const columns = row.values.map((_, k) => (first[k] >= 0 && !readingVaries[k] && (!varies[k] || sameCell(first[k])) ? first[k] : null));
    // Outside the columns read: in every placement, or wherever it is not outside, in a cell that another amount
    // fills alike in the other placements.
    const outside = row.values.map(
      (_, k) => first[k] === OUTSIDE && !readingVaries[k] && options.every((o) => o.columns[k] === OUTSIDE || sameCell(o.columns[k])),
    );
    // Where a blank is 0, a column an amount of varying column may take that holds the same figure in every placement
    // (a printed 0 or a blank) is certain all the same.
    const open = new Set(options.flatMap((o) => o.columns.filter((c, k) => varies[k] && c >= 0)));
    const differs = (c: number) => options.some((o) => o.content[c] !== options[0].content[c]);
    const uncertain = [...open].filter(differs).sort((a, b) => a - b);
    return {
      columns,
      uncertain,
      alternatives: options.length,
      unlisted: false,
      identityFails: identityFails[i],
      columnsShort: false,
      unconfirmed: unconfirmed[i],
      outside,
      values: valuesOf(options[0]),
      joined: first.map((c, k) => c === JOINED && !readingVaries[k]),
      readingOpen: readingVaries.some((v) => v),
    };
  });
}

/**
 * How many placements a row has: its `n` amounts (its words, or the runs of one of its readings) in order in the
 * columns of each order, up to `spare` of them outside.
 */
function placementCount(row: PlacementRow, n = row.values.length): number {
  let count = 0;
  for (let outside = 0; outside <= Math.min(row.spare ?? 0, n); outside++) {
    count += binomial(n, outside) * binomial(row.allowed.length, n - outside);
  }
  return (1 + (row.orders?.length ?? 0)) * count;
}

/** How many ways k amounts can take n columns in order. */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return Math.round(c);
}

/** Whether a row printing an amount in each of its columns, in order, satisfies the identities (blank cells 0). */
export function fullRowSatisfies(values: readonly (number | null)[], identities: readonly ColumnIdentity<number>[]): boolean {
  const columns = values.map((_, c) => c);
  return identitiesHold(contentOf(scaledValues(values, 'zero'), columns, values.length, 'zero'), identities);
}
