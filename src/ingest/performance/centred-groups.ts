/**
 * A cell that spans several rows (a project's name beside its indicators, a merged 一级指标 cell) is printed by
 * `pdftotext -layout` once, vertically centred on the rows it spans. Which rows those are is not printed; it follows
 * from the centring: the rows are cut into consecutive groups, one per such cell, so that each group's middle is as
 * near as possible to its cell's line. Pure, and bounded: a group only takes rows near its cell's neighbours.
 */

export interface Span {
  first: number;
  last: number;
}

/**
 * For each anchor (the line a spanning cell is centred on, in order), the indices of the rows it spans. A group may
 * be empty (a cell over a row that has no indicator); every row belongs to exactly one group.
 */
export function centredGroups(
  rows: readonly Span[],
  anchors: readonly number[],
  /** What it costs to put row `k` under anchor `j` beyond the centring (a row inside another cell's extent). */
  misplaced: (j: number, k: number) => number = () => 0,
): number[][] {
  const n = rows.length;
  const m = anchors.length;
  if (m === 0) return [];
  const { cost, from } = forward(rows, anchors, askedOnce(misplaced, n));
  // Rows no group could take (beyond the window of every anchor) go to the nearest group by order.
  let end = n;
  while (end > 0 && cost[m][end] === Infinity) end--;
  const groups: number[][] = [];
  for (let j = m, e = end; j > 0; j--) {
    const s = Math.max(0, from[j][e]);
    groups.unshift(range(s, e));
    e = s;
  }
  groups[m - 1].push(...range(end, n));
  return groups;
}

/**
 * For each row, the anchors whose group it is in in some grouping costing at most `slack` more than the best: where
 * a row has two, the centring cannot tell which cell it is under. None where no grouping takes every row.
 */
export function centredChoices(
  rows: readonly Span[],
  anchors: readonly number[],
  misplaced: (j: number, k: number) => number = () => 0,
  slack = 0,
): number[][] {
  const n = rows.length;
  const m = anchors.length;
  const choices = rows.map((): number[] => []);
  if (m === 0) return choices;
  misplaced = askedOnce(misplaced, n);
  const { cost } = forward(rows, anchors, misplaced);
  if (cost[m][n] === Infinity) return choices;
  // after[j][s]: the least cost of anchors j..m-1 given rows s..n-1.
  const after = Array.from({ length: m + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  after[m][n] = 0;
  for (let j = m - 1; j >= 0; j--) {
    for (let s = 0; s <= n; s++) steps(rows, anchors, misplaced, j, s, (e, c) => (after[j][s] = Math.min(after[j][s], c + after[j + 1][e])));
  }
  const best = rows.map(() => new Float64Array(m).fill(Infinity));
  for (let j = 0; j < m; j++) {
    for (let s = 0; s <= n; s++) {
      if (cost[j][s] === Infinity) continue;
      steps(rows, anchors, misplaced, j, s, (e, c) => {
        const total = cost[j][s] + c + after[j + 1][e];
        for (let k = s; k < e; k++) best[k][j] = Math.min(best[k][j], total);
      });
    }
  }
  best.forEach((b, k) => b.forEach((c, j) => c <= cost[m][n] + slack && choices[k].push(j)));
  return choices;
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
  for (let e = s + 1; e <= n; e++) {
    const row = rows[e - 1];
    // A row wholly beyond a neighbour's anchor is that neighbour's or later: the group stops growing.
    if (row.first > hi || row.last < lo) break;
    extra += misplaced(j, e - 1);
    visit(e, extra + Math.abs((rows[s].first + row.last) / 2 - anchors[j]));
  }
}

/**
 * cost[j][e]: the least total distance with anchors 0..j-1 given rows 0..e-1; from[j][e]: where group j-1 began.
 * Typed arrays: a table of many rows and cells asks for (m + 1) × (n + 1) of each, several times per table.
 */
function forward(rows: readonly Span[], anchors: readonly number[], misplaced: (j: number, k: number) => number): { cost: Float64Array[]; from: Int32Array[] } {
  const n = rows.length;
  const m = anchors.length;
  const cost = Array.from({ length: m + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  const from = Array.from({ length: m + 1 }, () => new Int32Array(n + 1).fill(-1));
  // The first and last e where cost[j][e] is finite: each anchor reaches only the rows near it, so the rows outside
  // are not visited only to be skipped.
  const reached = Array.from({ length: m + 1 }, () => ({ first: n + 1, last: -1 }));
  cost[0][0] = 0;
  reached[0] = { first: 0, last: 0 };
  for (let j = 0; j < m; j++) {
    for (let s = reached[j].first; s <= reached[j].last; s++) {
      if (cost[j][s] === Infinity) continue;
      steps(rows, anchors, misplaced, j, s, (e, c) => {
        if (cost[j][s] + c < cost[j + 1][e]) {
          cost[j + 1][e] = cost[j][s] + c;
          from[j + 1][e] = s;
          reached[j + 1].first = Math.min(reached[j + 1].first, e);
          reached[j + 1].last = Math.max(reached[j + 1].last, e);
        }
      });
    }
  }
  return { cost, from };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}
