/**
 * The project cells of a many-project target table as the PDF draws them (issue 11): a rule across the project
 * column closes a project's cell; rules across the indicator columns only separate its indicator rows. A line belongs
 * to the band between the closing rules around it. A page whose last rule across the indicator columns closes no
 * project leaves its last cell open: the cell goes on at the top of the next page, whatever is drawn above that
 * page's first row (a header printed again, the frame's top). Text a cell clipped at the page's edge prints beyond
 * the frame (北京 预算表12) lies above the first or below the last rule, in the first or last band.
 */
import type { PageGeometry } from '../page-geometry.ts';
import type { HorizontalRule } from '../sources/pdf/rules.ts';

/** Points: rules drawn a little off a column's edge still cross it; a line's middle this close to a rule is not beyond it. */
const EDGE = 1;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const crosses = (r: HorizontalRule, x: number) => r.x0 - EDGE <= x && r.x1 + EDGE >= x;

const boxesOf = (geometry: PageGeometry, lines: readonly number[]) => lines.map((l) => geometry.boxOf(l)).filter((b) => b != null);

/** Inside the indicator columns: just left of where the rows' values end. Null when no value line has a box. */
function indicatorX(geometry: PageGeometry, anchorLines: readonly number[]): number | null {
  const boxes = boxesOf(geometry, anchorLines);
  return boxes.length === 0 ? null : median(boxes.map((b) => b[2])) - EDGE;
}

/** How many of the rules (their y) lie above the middle of the line's box: its band on the page, or null without a box. */
function bandOnPage(geometry: PageGeometry, line: number, ys: readonly number[]): number | null {
  const box = geometry.boxOf(line);
  if (!box) return null;
  const middle = (box[1] + box[3]) / 2;
  return ys.filter((y) => y < middle).length;
}

/**
 * The band of each of the table's `lines`, numbered down the table, or null when the table is not drawn with rules
 * on every page it is printed on (its text then decides). `projectLines` start with a project's name or code (the
 * left edge of their box stands in the project column); `anchorLines` are the indicator rows' lines (the right edge
 * of theirs in the indicator columns); above a page's first anchor or amount line, rules are the header's or the
 * frame's top.
 */
export function ruledBands(
  geometry: PageGeometry,
  lines: readonly number[],
  projectLines: readonly number[],
  anchorLines: readonly number[],
  amountLines: readonly number[],
): Map<number, number> | null {
  const projectBoxes = boxesOf(geometry, projectLines);
  const indicators = indicatorX(geometry, anchorLines);
  if (projectBoxes.length === 0 || indicators == null) return null;
  const projectX = median(projectBoxes.map((b) => b[0])) + EDGE;
  const byPage = Map.groupBy(lines, (l) => geometry.pageOf(l));
  const firsts = Map.groupBy([...anchorLines, ...amountLines], (l) => geometry.pageOf(l));
  const bands = new Map<number, number>();
  let band = -1;
  let open = false;
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    const rules = geometry.rulesOf(page);
    const rows = rules?.horizontal.filter((r) => crosses(r, indicators)) ?? [];
    if (!rules || rows.length === 0) return null;
    const tops = boxesOf(geometry, firsts.get(page) ?? []).map((b) => b[1]);
    const top = tops.length > 0 ? Math.min(...tops) : Infinity;
    const closing = rules.horizontal.filter((r) => crosses(r, projectX) && r.y > top - EDGE).map((r) => r.y).sort((a, b) => a - b);
    if (!open) band++;
    const start = band;
    for (const line of byPage.get(page)!) {
      const at = bandOnPage(geometry, line, closing);
      if (at != null) bands.set(line, start + at);
    }
    band = start + closing.length;
    const lowest = Math.max(...rows.map((r) => r.y));
    open = closing.length === 0 || closing[closing.length - 1] < lowest - EDGE;
  }
  return bands;
}

/**
 * A line standing clear of a rule cannot be text that the cell across the rule overflows into this one, clipped: such
 * text goes on at its cell's leading from the cell's last line, which stands inside the border, so it begins within
 * one line gap (the leading less the glyph height) of the rule. At the leading of body text, 1.2 to 1.3 times the
 * glyph height, a line gap is at most 0.3 of a glyph's height (西安's 9-point text on an 11.3-point leading: its
 * overflowing `性` 1.6 points under the rule, the gap 2.3). Nearer a rule, the text decides: a cell's own lines may
 * stand as near its border (西安's `本、创新引领的理念`, page 86, 0.5 points above the rule under it), so no nearer
 * margin parts the two. The glyph height is the median height of the grid's line boxes on the page (a box spanning
 * runs on two baselines is taller); the leading is not measured, as the boxes span whole printed lines.
 */
const LINE_GAP = 0.3;

/**
 * The band between the rules across `x` of each of the `lines`, numbered down the table (a page's bands after the
 * page before's), and the lines standing clear of both rules of their band; null when a page the lines are printed
 * on was not read for rules or draws none across `x`.
 */
function bandsAcross(geometry: PageGeometry, lines: readonly number[], x: number): { bands: Map<number, number>; clear: Set<number> } | null {
  const bands = new Map<number, number>();
  const clear = new Set<number>();
  let offset = 0;
  for (const [page, onPage] of [...Map.groupBy(lines, (l) => geometry.pageOf(l))].sort(([a], [b]) => a - b)) {
    const rules = geometry.rulesOf(page)?.horizontal.filter((r) => crosses(r, x)).map((r) => r.y) ?? [];
    if (rules.length === 0) return null;
    const heights = boxesOf(geometry, onPage).map((b) => b[3] - b[1]);
    const margin = heights.length > 0 ? LINE_GAP * median(heights) : 0;
    for (const line of onPage) {
      const at = bandOnPage(geometry, line, rules);
      if (at == null) continue;
      bands.set(line, offset + at);
      const [, top, , bottom] = geometry.boxOf(line)!;
      if (rules.every((y) => y <= top - margin || y >= bottom + margin)) clear.add(line);
    }
    offset += rules.length + 1;
  }
  return { bands, clear };
}

/**
 * The indicator row of each of the table's `lines` as drawn: the band between the rules across the indicator columns
 * around the line, numbered down the table (a page's bands after the page before's), or null when a page the table
 * is printed on was not read for rules or draws none there. `anchorLines` are the lines of the rows' values.
 */
export function ruledRows(geometry: PageGeometry, lines: readonly number[], anchorLines: readonly number[]): Map<number, number> | null {
  const indicators = indicatorX(geometry, anchorLines);
  return indicators == null ? null : (bandsAcross(geometry, lines, indicators)?.bands ?? null);
}

/**
 * The cells of a one-project form's indicator grid as drawn: each line's band across the value column (and the lines
 * standing clear of its rules, `rowClear`) and across each level column.
 */
export interface DrawnGrid {
  row: ReadonlyMap<number, number>;
  rowClear: ReadonlySet<number>;
  level1: ReadonlyMap<number, number>;
  level2: ReadonlyMap<number, number>;
}

/**
 * The bands of a one-project form's indicator grid (issue 11): a rule across a level column closes that level's cell,
 * one across the value column only an indicator row, so a 二级 cell drawn over three rows holds the rows between its
 * rules wherever its name is centred (西安's 成本指标 over two rows and an empty one). The columns are the cells
 * between the vertical rules across the header line: the rows' lines end in one of them (the value column, or the
 * last column a grid prints right of it: 依据, 分值, 佐证资料; a rule across it parts rows as one across the value
 * does), and a level column stands `before[level]` cells left of that one. Null when a page of the grid draws no
 * such rules, or its header no cell that far left.
 */
export function drawnGrid(
  geometry: PageGeometry,
  header: number,
  lines: readonly number[],
  anchorLines: readonly number[],
  before: Record<'level1' | 'level2', number>,
): DrawnGrid | null {
  const valueX = indicatorX(geometry, anchorLines);
  const box = geometry.boxOf(header);
  const rules = geometry.rulesOf(geometry.pageOf(header));
  if (valueX == null || !box || !rules) return null;
  const y = (box[1] + box[3]) / 2;
  // One border drawn in pieces (a cell's sides one by one) is one edge.
  const edges = rules.vertical
    .filter((r) => r.y0 - EDGE <= y && r.y1 + EDGE >= y)
    .map((r) => r.x)
    .sort((a, b) => a - b)
    .filter((x, i, xs) => i === 0 || x - xs[i - 1] > 2 * EDGE);
  const value = edges.findIndex((x, i) => i > 0 && edges[i - 1] <= valueX && valueX <= x);
  const middleOf = (k: number) => (value - k >= 1 ? (edges[value - k - 1] + edges[value - k]) / 2 : null);
  const x1 = middleOf(before.level1);
  const x2 = middleOf(before.level2);
  if (value < 0 || x1 == null || x2 == null) return null;
  const row = bandsAcross(geometry, lines, valueX);
  const level1 = bandsAcross(geometry, lines, x1);
  const level2 = bandsAcross(geometry, lines, x2);
  return row && level1 && level2 ? { row: row.bands, rowClear: row.clear, level1: level1.bands, level2: level2.bands } : null;
}
