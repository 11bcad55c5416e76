/**
 * A cell that spans several rows (a project's name beside its indicators, a merged 一级指标 cell) is printed by
 * `pdftotext -layout` once, vertically centred on the rows it spans. Which rows those are is not printed; it follows
 * from the centring: the rows are cut into consecutive groups, one per such cell, so that each group's middle is as
 * near as possible to its cell's line. Pure, and bounded: a group only takes rows near its cell's neighbours.
 *
 * A cell whose rows a page break cuts is printed on the first page of its rows only, among the rows it spans there
 * (Chromium prints it at the top of that part): its rows on later pages do not move where it stands, and are measured
 * by the cells printed on their own pages. Where the pages are given, a group is centred on its rows up to its cell's
 * page.
 */

export interface Span {
  first: number;
  last: number;
  /**
   * A line that is the row above's or the row below's, the print not saying which (evaluation-centred.ts): the group
   * of either, never one alone.
   */
  between?: boolean;
  /** The page it is printed on, where the cells' pages are given (centring `pages`). */
  page?: number;
}

/**
 * What it costs beyond the centring to put row `k` in one group with rows s..k-1: rows that one cell does not hold
 * together (project-table.ts: a project's rows of one 一级指标 stand together).
 */
export type Apart = (s: number, k: number) => number;

const noneApart: Apart = () => 0;

/**
 * Whether a row's wrapped cell still takes a piece printed below the row's line: a cell is centred on its row's line,
 * wrapping over as many lines below it as above, so while fewer of the lines its pieces stand on are below the line
 * than above, its lower half is still to come. The tables of many projects (project-table.ts) and the 部门整体 form
 * by activity (activity-form.ts) ask it of a piece between two rows.
 */
export function lacksLowerHalf(anchor: number, cellLines: Iterable<number>): boolean {
  let above = 0;
  let below = 0;
  for (const line of new Set(cellLines)) {
    if (line < anchor) above++;
    else if (line > anchor) below++;
  }
  return below < above;
}

/** What centring gives: the rows each anchor spans, and each row's anchors within a slack of the best. */
export interface Centring {
  /**
   * For each anchor, the indices of the rows it spans. A group may be empty (a cell over a row that has no indicator);
   * every row belongs to exactly one group.
   */
  groups: () => number[][];
  /**
   * For each row, the anchors whose group it is in in some grouping costing at most `slack` more than the best (a
   * number, or what it is for anchor `j` and row `k`): where a row has two, the centring cannot tell which cell it is
   * under. None where no grouping takes every row.
   */
  choices: (slack: number | ((j: number, k: number) => number)) => number[][];
}

/**
 * The centring of the rows under the anchors (the lines spanning cells are centred on, in order). The groups and the
 * choices are worked out from one forward pass over the (anchors × rows) table, made once when either is first asked:
 * a reader that wants both (the tables of many projects, a level column whose uncertain rows are asked) made it twice.
 */
export function centring(
  rows: readonly Span[],
  anchors: readonly number[],
  /** What it costs to put row `k` under anchor `j` beyond the centring (a row inside another cell's extent). */
  misplaced: (j: number, k: number) => number = () => 0,
  apart: Apart = noneApart,
  /** The page each anchor's cell is printed on, the rows' in their spans. */
  pages?: readonly number[],
): Centring {
  const n = rows.length;
  const m = anchors.length;
  misplaced = askedOnce(misplaced, n);
  let pruned: Band[] | undefined;
  const forwardOnce = () => (pruned ??= forward(rows, anchors, misplaced, true, apart, pages));
  const groups = (): number[][] => {
    if (m === 0) return [];
    // Where no grouping takes every row, the rows left over are measured with every state (see forward `pruned`).
    let bands = forwardOnce();
    if (costAt(bands[m], n) === Infinity) bands = forward(rows, anchors, misplaced, false, apart, pages);
    // Rows no group could take (beyond the window of every anchor) go to the nearest group by order.
    let end = n;
    while (end > 0 && costAt(bands[m], end) === Infinity) end--;
    const out: number[][] = [];
    for (let j = m, e = end; j > 0; j--) {
      const s = Math.max(0, fromAt(bands[j], e));
      out.unshift(range(s, e));
      e = s;
    }
    out[m - 1].push(...range(end, n));
    return out;
  };
  const choices = (slack: number | ((j: number, k: number) => number)): number[][] => {
    const slackOf = typeof slack === 'number' ? () => slack : slack;
    const out = rows.map((): number[] => []);
    if (m === 0) return out;
    const bands = forwardOnce();
    const least = costAt(bands[m], n);
    if (least === Infinity) return out;
    // after[j][s]: the least cost of anchors j..m-1 given rows s..n-1. Asked only where the anchors before reach s at a
    // finite cost (below), so worked out over band j's starts with a cost, and not from a state left behind (forward
    // `pruned`): any other is reached by no grouping, and its sum below is Infinity whatever it holds.
    const after = bands.map((band) => new Float64Array(band.cost.length).fill(Infinity));
    const afterAt = (j: number, e: number) => {
      const i = e - bands[j].first;
      return i >= 0 && i < after[j].length ? after[j][i] : Infinity;
    };
    after[m][n - bands[m].first] = 0;
    const behind = leftBehind(rows, anchors);
    for (let j = m - 1; j >= 0; j--) {
      const { first, cost } = bands[j];
      for (let i = 0; i < cost.length; i++) {
        if (cost[i] === Infinity || behind(j, first + i)) continue;
        steps(rows, anchors, misplaced, apart, pages, j, first + i, (e, c) => (after[j][i] = Math.min(after[j][i], c + afterAt(j + 1, e))));
      }
    }
    // For each anchor in turn, the least cost of a grouping that puts each row under it, over the rows its groups reach.
    const best = new Float64Array(n).fill(Infinity);
    for (let j = 0; j < m; j++) {
      const { first, cost } = bands[j];
      let lo = n;
      let hi = 0;
      for (let i = 0; i < cost.length; i++) {
        if (cost[i] === Infinity) continue;
        const s = first + i;
        steps(rows, anchors, misplaced, apart, pages, j, s, (e, c) => {
          const total = cost[i] + c + afterAt(j + 1, e);
          for (let k = s; k < e; k++) best[k] = Math.min(best[k], total);
          lo = Math.min(lo, s);
          hi = Math.max(hi, e);
        });
      }
      for (let k = lo; k < hi; k++) {
        if (best[k] <= least + slackOf(j, k)) out[k].push(j);
        best[k] = Infinity;
      }
    }
    return out;
  };
  return { groups, choices };
}

/**
 * What a row costs under anchor j is the same for every start of the group, and the passes ask anchor by anchor: so
 * each row keeps its last answer (the cost of a row among level cells was 2.5 % of ingest's CPU when asked per start).
 */
function askedOnce(misplaced: (j: number, k: number) => number, n: number): (j: number, k: number) => number {
  const value = new Float64Array(n);
  const forAnchor = new Int32Array(n).fill(-1);
  return (j, k) => {
    if (forAnchor[k] !== j) {
      value[k] = misplaced(j, k);
      forAnchor[k] = j;
    }
    return value[k];
  };
}

/**
 * The groups anchor `j` can take when rows 0..s-1 are taken by the anchors before it, each given to `visit` as the end
 * `e` of its rows s..e-1 and what it costs, the empty group (e = s) first.
 */
function steps(
  rows: readonly Span[],
  anchors: readonly number[],
  misplaced: (j: number, k: number) => number,
  apart: Apart,
  pages: readonly number[] | undefined,
  j: number,
  s: number,
  visit: (e: number, cost: number) => void,
): void {
  const n = rows.length;
  const m = anchors.length;
  const lo = j === 0 ? -Infinity : anchors[j - 1];
  const hi = j === m - 1 ? Infinity : anchors[j + 1];
  // An empty group costs how far its anchor stands outside the gap between the rows around it.
  const gapFrom = s > 0 ? rows[s - 1].last : -Infinity;
  const gapTo = s < n ? rows[s].first : Infinity;
  visit(s, 0.5 + Math.max(0, gapFrom - anchors[j], anchors[j] - gapTo));
  let extra = 0;
  // Where the group's rows up to its cell's page end (its last row while none of them is).
  let end = -Infinity;
  for (let e = s + 1; e <= n; e++) {
    const row = rows[e - 1];
    // A row wholly beyond a neighbour's anchor is that neighbour's or later: the group stops growing.
    if (row.first > hi || row.last < lo) break;
    extra += misplaced(j, e - 1) + apart(s, e - 1);
    if (pages == null || row.page == null || row.page <= pages[j]) end = row.last;
    if (e === s + 1 && row.between) continue;
    visit(e, extra + Math.abs((rows[s].first + (end === -Infinity ? row.last : end)) / 2 - anchors[j]));
  }
}

/**
 * Whether anchor `j`, given rows 0..s-1 taken, has a row left that no anchor from `j` on can take: row s lies wholly
 * above anchor j-1, where steps stops every group, and with the anchors in order, above every later one's neighbour
 * too. Such a state only leads, by empty groups, to states like it, and never to one where every row is taken.
 */
function leftBehind(rows: readonly Span[], anchors: readonly number[]): (j: number, s: number) => boolean {
  const inOrder = anchors.every((a, j) => j === 0 || anchors[j - 1] <= a);
  if (!inOrder) return () => false;
  return (j, s) => j > 0 && s < rows.length && rows[s].last < anchors[j - 1];
}

/** One anchor's row of the (anchors × rows) table, kept over the starts it reaches (from `first` on) only. */
interface Band {
  first: number;
  /** The least total distance with the anchors before given rows 0..e-1 (Infinity where none reaches e). */
  cost: Float64Array;
  /** Where the group of the anchor before began (-1 where none reaches e). */
  from: Int32Array;
}

function costAt(band: Band, e: number): number {
  const i = e - band.first;
  return i >= 0 && i < band.cost.length ? band.cost[i] : Infinity;
}

function fromAt(band: Band, e: number): number {
  const i = e - band.first;
  return i >= 0 && i < band.from.length ? band.from[i] : -1;
}

/**
 * Band j: the least total distance with anchors 0..j-1 given rows 0..e-1, and where group j-1 began. Each anchor
 * reaches only the rows near it, so a band holds those: a table of many rows and cells would otherwise ask for
 * (m + 1) × (n + 1) entries of each, several times per table, made and filled at more cost than the grouping.
 * `pruned`: the states left behind (leftBehind) are not followed. Every state from which all rows can still be taken
 * keeps its cost and `from`, so a grouping of every row is the same; only the rows left over where there is none need
 * the states left behind (the groups). Empty groups kept each anchor's first state at row 0, and following them
 * was most of the work in a table of many rows (640 rows under 640 level cells: 209,592 steps, most behind).
 */
function forward(rows: readonly Span[], anchors: readonly number[], misplaced: (j: number, k: number) => number, pruned: boolean, apart: Apart, pages?: readonly number[]): Band[] {
  const n = rows.length;
  const m = anchors.length;
  // The next band is worked out over all the rows, then kept over the ends reached and cleared for the one after.
  const cost = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  const bands: Band[] = [{ first: 0, cost: Float64Array.of(0), from: Int32Array.of(-1) }];
  const behind = pruned ? leftBehind(rows, anchors) : () => false;
  for (let j = 0; j < m; j++) {
    const band = bands[j];
    let first = n + 1;
    let last = -1;
    for (let i = 0; i < band.cost.length; i++) {
      const s = band.first + i;
      const before = band.cost[i];
      if (before === Infinity || behind(j, s)) continue;
      steps(rows, anchors, misplaced, apart, pages, j, s, (e, c) => {
        if (before + c < cost[e]) {
          cost[e] = before + c;
          from[e] = s;
          first = Math.min(first, e);
          last = Math.max(last, e);
        }
      });
    }
    if (last < first) {
      bands.push({ first: 0, cost: new Float64Array(0), from: new Int32Array(0) });
      continue;
    }
    bands.push({ first, cost: cost.slice(first, last + 1), from: from.slice(first, last + 1) });
    cost.fill(Infinity, first, last + 1);
    from.fill(-1, first, last + 1);
  }
  return bands;
}

function range(a: number, b: number): number[] {
  // A loop, not Array.from's callback a row: every group of every centring is listed so.
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}
