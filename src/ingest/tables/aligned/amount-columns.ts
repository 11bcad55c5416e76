import { center, type Cell } from '../../layout/cells.ts';
import type { AlignedColumn } from './header.ts';

/**
 * Which column each amount of an aligned table's row is in: one row's amounts by nearest column, and the columns'
 * windows read off the amounts of every row together.
 */

/** How far an amount stands from a column: amounts sit right-aligned or centred under their labels, the nearer counts. */
function offsetFrom(amount: Cell, column: AlignedColumn): number {
  return Math.min(Math.abs(center(amount) - (column.start + column.end) / 2), Math.abs(amount.end - column.end));
}

/**
 * How far a group of right-aligned amounts stands from a column (rightEdgeWindows), as offsetFrom says, but out of reach
 * when they end before the column's label begins: an amount set flush right ends at its cell's right edge and the
 * label lies within the cell, so it ends past the label's start, however far left of its end the label drifts. At a
 * finer character pitch than the PDF's a label prints a third as wide as its cell, and an amount of the column before
 * may end nearer its end than its own label's (烟台 水利局 2026 项目支出预算情况表, `pdftotext -layout -fixed 4`
 * L1032: 373.37 at 118–124 under 一般公共预 / 算 at 111–117, 政府性基金 at 124–129).
 */
function edgeOffset(edge: Cell, column: AlignedColumn): number {
  return edge.end <= column.start ? OUT_OF_REACH : offsetFrom(edge, column);
}

/** An offset no column within a line's width reaches, yet finite: a sum of them still compares. */
const OUT_OF_REACH = 10_000;

/** Order-preserving assignment of amounts to columns, nearest by position (dynamic programming). */
export function nearestColumns(
  amounts: readonly Cell[],
  columns: readonly AlignedColumn[],
  offset: (amount: Cell, column: AlignedColumn) => number = offsetFrom,
): number[] {
  const n = amounts.length;
  const m = columns.length;
  if (n === 0 || n > m) return amounts.map((_, i) => Math.min(i, m - 1));
  // An amount in every column (a row printing its 0.00s) has one order-preserving assignment.
  if (n === m) return amounts.map((_, i) => i);
  const cost = (i: number, j: number) => offset(amounts[i], columns[j]);
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

/**
 * How much nearer its column an amount must stand than a neighbouring one for its place to decide between them:
 * `pdftotext -layout` rounds each glyph to a character cell, so one position either way says nothing.
 */
const CLEAR_MARGIN = 2;

/**
 * For each amount of each row, assigned to `preferred` (nearestColumns), the columns its place cannot tell apart. An
 * amount stands between two columns when it ends outside its column's window, no other row's amount assigned there
 * ends with it (a column of amounts set alike is a column, wherever its label prints), and a free neighbour (no other
 * amount of its row assigned there) is about as near, by less than CLEAR_MARGIN: it is either's. Its own column alone
 * where the place decides.
 */
export function undecidedColumns(
  rows: readonly (readonly Cell[])[],
  columns: readonly AlignedColumn[],
  preferred: readonly (readonly number[])[],
): number[][][] {
  // Where each column's amounts end, and on which row: asked only of amounts outside their window.
  const edges: Array<Array<{ end: number; row: number }>> = columns.map(() => []);
  rows.forEach((amounts, row) => amounts.forEach((a, k) => edges[preferred[row][k]]?.push({ end: a.end, row })));
  const alike = (a: Cell, own: number, row: number) => edges[own].some((e) => e.row !== row && Math.abs(e.end - a.end) <= EDGE_SLACK);
  return rows.map((amounts, r) =>
    amounts.map((a, k) => {
      const own = preferred[r][k];
      if (own >= columns.length || (a.end >= columns[own].start - EDGE_SLACK && a.end <= columns[own].end + EDGE_SLACK) || alike(a, own, r)) return [own];
      const near = offsetFrom(a, columns[own]) + CLEAR_MARGIN;
      const free = (j: number) => j >= 0 && j < columns.length && j !== preferred[r][k - 1] && j !== preferred[r][k + 1];
      return [own - 1, own, own + 1].filter((j) => j === own || (free(j) && offsetFrom(a, columns[j]) < near));
    }),
  );
}

/**
 * The rows' amounts grouped by where they end, left to right: right-aligned amounts ending together (within
 * EDGE_SLACK) are one column's, each group spanning its widest amount. `edgeOf` gives each amount's group.
 */
export function amountEdges(amounts: readonly Cell[]): { edges: Cell[]; edgeOf: Map<Cell, number> } {
  // The amounts ending at one place are one group's, in whatever order they come: only their distinct ends are sorted,
  // as numbers, each with the leftmost start of the amounts that end there (sorting the cells themselves by a
  // comparison was most of this function's time, asked of every amount of a table).
  const startAt = new Map<number, number>();
  for (const a of amounts) {
    const start = startAt.get(a.end);
    if (start === undefined || a.start < start) startAt.set(a.end, a.start);
  }
  const edges: Cell[] = [];
  const edgeAt = new Map<number, number>();
  for (const end of Float64Array.from(startAt.keys()).sort()) {
    const start = startAt.get(end)!;
    const last = edges[edges.length - 1];
    if (last && end - last.end <= EDGE_SLACK) {
      last.start = Math.min(last.start, start);
      last.end = end;
    } else edges.push({ text: '', start, end });
    edgeAt.set(end, edges.length - 1);
  }
  return { edges, edgeOf: new Map(amounts.map((a) => [a, edgeAt.get(a.end)!])) };
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
  // Amounts cut from a run printed with no space between them (glued) stand where the cut puts them, edge to edge: the
  // amounts printed apart say where the columns end (烟台 水利局 2026 收入总体情况表, `pdftotext -layout -fixed 6`
  // L304: `7,157.637,157.637,132.41` at 34–58). The sums place the glued ones (draft.ts eitherOf).
  const printed = rows.some((r) => r.some((a) => a.glued)) ? rows.map((r) => r.filter((a) => !a.glued)) : rows;
  const { edges, edgeOf } = amountEdges(printed.flat());
  if (edges.length === 0 || edges.length > columns.length) return null;
  if (printed.some((r) => new Set(r.map((a) => edgeOf.get(a))).size < r.length)) return null;
  if (edges.some((e, k) => k > 0 && edges[k - 1].end >= e.start)) return null;
  const windows = [...columns];
  const matched = nearestColumns(edges, columns, edgeOffset);
  matched.forEach((j, k) => (windows[j] = { start: edges[k].start, end: edges[k].end, side: columns[j].side }));
  // A column no amount is printed in keeps its label's place clear of the amounts before it, which at a coarser
  // character pitch than the PDF's print wider than they are and reach past its label's start (烟台 水利局 2026
  // 收入总体情况表, `pdftotext -layout -fixed 5` L304: 25.22 at 72–77 under 政府性基金 at 67–72, 国有资本经 at 77–82;
  // `-fixed 6`: at 60–65 under 56–61, 国有资本经 at 64–69). Its label must keep a part of its own.
  for (let j = 1; j < windows.length; j++) {
    const before = windows[j - 1].end;
    if (!matched.includes(j) && windows[j].start <= before && windows[j].end > before + 1) windows[j] = { ...windows[j], start: before + 1 };
  }
  return windows.every((w, j) => j === 0 || windows[j - 1].end < w.start) ? windows : null;
}
