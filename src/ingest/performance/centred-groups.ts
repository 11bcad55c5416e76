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
  // cost[j][e]: the least total distance with anchors 0..j-1 given rows 0..e-1; from[j][e]: where group j-1 began.
  // Typed arrays: a table of many rows and cells asks for (m + 1) × (n + 1) of each, several times per table.
  const cost = Array.from({ length: m + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  const from = Array.from({ length: m + 1 }, () => new Int32Array(n + 1).fill(-1));
  // The first and last e where cost[j][e] is finite: each anchor reaches only the rows near it, so the rows outside
  // are not visited only to be skipped.
  const reached = Array.from({ length: m + 1 }, () => ({ first: n + 1, last: -1 }));
  cost[0][0] = 0;
  reached[0] = { first: 0, last: 0 };
  // What a row costs under anchor j is the same for every start of the group: asked once per row and anchor, not once
  // per start (the cost of a row among level cells was 2.5 % of ingest's CPU); `costFor[k]` says which anchor's it is.
  const misplacedCost = new Float64Array(n);
  const costFor = new Int32Array(n).fill(-1);
  for (let j = 0; j < m; j++) {
    const lo = j === 0 ? -Infinity : anchors[j - 1];
    const hi = j === m - 1 ? Infinity : anchors[j + 1];
    for (let s = reached[j].first; s <= reached[j].last; s++) {
      if (cost[j][s] === Infinity) continue;
      // An empty group costs how far its anchor stands outside the gap between the rows around it.
      const gapFrom = s > 0 ? rows[s - 1].last : -Infinity;
      const gapTo = s < n ? rows[s].first : Infinity;
      const emptyCost = 0.5 + Math.max(0, gapFrom - anchors[j], anchors[j] - gapTo);
      relax(j + 1, s, cost[j][s] + emptyCost, s);
      let extra = 0;
      for (let e = s + 1; e <= n; e++) {
        const row = rows[e - 1];
        // A row wholly beyond a neighbour's anchor is that neighbour's or later: the group stops growing.
        if (row.first > hi || row.last < lo) break;
        if (costFor[e - 1] !== j) {
          misplacedCost[e - 1] = misplaced(j, e - 1);
          costFor[e - 1] = j;
        }
        extra += misplacedCost[e - 1];
        const middle = (rows[s].first + row.last) / 2;
        relax(j + 1, e, cost[j][s] + extra + Math.abs(middle - anchors[j]), s);
      }
    }
  }
  function relax(j: number, e: number, c: number, s: number) {
    if (c < cost[j][e]) {
      cost[j][e] = c;
      from[j][e] = s;
      reached[j].first = Math.min(reached[j].first, e);
      reached[j].last = Math.max(reached[j].last, e);
    }
  }
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

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}
