import { center, type Cell } from '../../layout/cells.ts';
import type { AlignedColumn } from './header.ts';

/**
 * Which column each amount of an aligned table's row is in: one row's amounts by nearest column, and the columns'
 * windows read off the amounts of every row together.
 */

/** Order-preserving assignment of amounts to columns, nearest by position (dynamic programming). */
export function nearestColumns(amounts: readonly Cell[], columns: readonly AlignedColumn[]): number[] {
  const n = amounts.length;
  const m = columns.length;
  if (n === 0 || n > m) return amounts.map((_, i) => Math.min(i, m - 1));
  // An amount in every column (a row printing its 0.00s) has one order-preserving assignment.
  if (n === m) return amounts.map((_, i) => i);
  // Amounts sit right-aligned or centred under their labels: the nearer of the two readings counts.
  const cost = (i: number, j: number) =>
    Math.min(
      Math.abs(center(amounts[i]) - (columns[j].start + columns[j].end) / 2),
      Math.abs(amounts[i].end - columns[j].end),
    );
  // One typed array for the (n + 1) × (m + 1) table, row i at i * (m + 1): every line of every aligned table asks.
  const w = m + 1;
  const best = new Float64Array((n + 1) * w).fill(Infinity);
  best.fill(0, 0, w);
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) best[i * w + j] = Math.min(best[i * w + j - 1], best[(i - 1) * w + j - 1] + cost(i - 1, j - 1));
  }
  const out: number[] = new Array(n);
  let j = m;
  for (let i = n; i >= 1; i--) {
    while (j > i && best[i * w + j] === best[i * w + j - 1]) j--;
    out[i - 1] = j - 1;
    j--;
  }
  return out;
}

/** How far apart the right edges of one column's amounts may print (`pdftotext -layout` rounds glyph positions). */
const EDGE_SLACK = 1;

/**
 * The columns' windows where the rows' amounts are right-aligned: the amounts of one column end at one place whatever
 * their width, so amounts ending together are one column's, in every row at once. A row printing one amount alone
 * between two labels (2016 收入预算总表: 100.00 at 67–73 between 政府性基金拨款 at 60–67 and 事业收入 at 73–77, every
 * amount some 5 columns right of its label's end) is nearer the wrong label by itself; the rows printing it beside
 * the next column's amount say which it is. The edges go to the columns in order, nearest to their labels all
 * together, and each such column's window is its amounts' span. Null where the edges do not read as columns: more of
 * them than columns, two amounts of a row at one edge, or spans that overlap (centred amounts, columns narrower than
 * their amounts).
 */
export function rightEdgeWindows(columns: readonly AlignedColumn[], rows: readonly (readonly Cell[])[]): AlignedColumn[] | null {
  const edges: Cell[] = [];
  const edgeOf = new Map<Cell, number>();
  for (const a of rows.flat().sort((x, y) => x.end - y.end)) {
    const last = edges[edges.length - 1];
    if (last && a.end - last.end <= EDGE_SLACK) {
      last.start = Math.min(last.start, a.start);
      last.end = a.end;
    } else edges.push({ text: '', start: a.start, end: a.end });
    edgeOf.set(a, edges.length - 1);
  }
  if (edges.length === 0 || edges.length > columns.length) return null;
  if (rows.some((r) => new Set(r.map((a) => edgeOf.get(a))).size < r.length)) return null;
  if (edges.some((e, k) => k > 0 && edges[k - 1].end >= e.start)) return null;
  const windows = [...columns];
  nearestColumns(edges, columns).forEach((j, k) => (windows[j] = { start: edges[k].start, end: edges[k].end, side: columns[j].side }));
  return windows.every((w, j) => j === 0 || windows[j - 1].end < w.start) ? windows : null;
}
