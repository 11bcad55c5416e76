import { pageOfLine } from '../../core/pages.ts';
import { totalRole } from '../../core/totals.ts';
import { foldFigures } from '../../core/width.ts';
import type { SourceLine } from '../source-lines.ts';
import { isAmountCell, isCodeCell, type Cell } from './cells.ts';

/**
 * `pdftotext -layout` sets each page on a character grid of its own, so a table continued without its header on a
 * later page prints its columns elsewhere than the header's page does. Readers take a table's column windows from
 * its header; where a later page prints them is worked out here, once, for every reader (pageFrame): a budget table's
 * cells of every later page are moved into the header page's grid (toHeaderPage), a form's columns to where the
 * page prints them (performance/aligned.ts, project-table.ts).
 *
 * A form's reader knows the column of some cells by what they say (national level names, signs, amounts): its page is
 * placed by them (bySaid). A budget table's page is matched by its cells' places, first column by column. Its cells,
 * merged where they overlap from line to line, make its columns (a code column, the names, each amount column); the
 * header page's lines make its own. When both pages print the same columns in the same order (numbers or words), and
 * the header's page shows every amount column of the header, each column of the page is the header page's column of the
 * same rank, however far apart the two pages set them: a continued page of a PDF that LibreOffice wrote is squeezed,
 * not scaled (the 万里街道 2025 sample printed so: its 收入预算总表's second page starts the amounts at 35, 47, 59, 63 and 67,
 * the first page at 58, 71, 81, 88 and 104).
 *
 * A page that prints other columns than the header's page, or follows a header's page without rows, is matched to the
 * header's amount columns when it prints a column of amounts for each. A column that the table's one total row, on the
 * header's page, leaves blank no row fills: later pages are matched to the columns rows fill (filledColumns).
 * Other pages (a column blank on all their rows) are fitted by one stretch: a page set at another scale (杭州 表3: on
 * its second page the amounts end at columns 36, 48, 59 and 69, where the header's page ends them at 46, 62, 73 and
 * 87) has every cell moved towards the margin in proportion to its distance from it, so the nearest header column is
 * the wrong one. A page whose amounts fit the header's columns far better stretched by one factor is read stretched;
 * a page that fits as printed is left alone (the PDF reader sets every page on one grid). A page squeezed to the
 * columns its rows fill tells their order and nothing more: 杭州 表2's second page sets its amounts 3 characters apart
 * whatever their distance on the PDF page (4,390.27 ends at x 410.6, the next amount starts at 597.5, 8 characters on,
 * the page number between them), so no match of their places, stretched or column by column, says which columns they
 * are; its row is placed by its list's sums (table-draft.ts treeRelations).
 */

interface BodyLine {
  line: SourceLine;
  segs: Cell[];
}

/** A cell moved to the grid `scale` times as wide: an amount keeps its right edge's place, text its left edge's. */
function stretched(s: Cell, scale: number): Cell {
  if (isAmountCell(s)) {
    const end = Math.round(s.end * scale);
    return { text: s.text, start: end - s.text.length, end };
  }
  const start = Math.round(s.start * scale);
  return { text: s.text, start, end: start + s.text.length };
}

/**
 * How far a page's amounts sit from the nearest column once stretched (capped per amount), added up: the misfit is
 * that over the number of amounts. Called for every scale tried, so the amounts (all amounts: no need to ask again)
 * and the columns' middles come worked out. Infinity as soon as the distances reach `worse` (the best scale's so
 * far): that scale cannot be the best, and the page's other amounts are not measured.
 */
function distances(amounts: readonly Cell[], middles: readonly number[], ends: readonly number[], scale: number, worse = Infinity): number {
  let sum = 0;
  for (const printed of amounts) {
    if (sum >= worse) return Infinity;
    // As `stretched` moves an amount: its right edge keeps its place.
    const end = Math.round(printed.end * scale);
    const middle = (end - printed.text.length + end) / 2;
    let best = MISFIT_CAP;
    for (let k = 0; k < ends.length; k++) best = Math.min(best, Math.abs(middle - middles[k]), Math.abs(end - ends[k]));
    sum += best;
  }
  return sum;
}

/**
 * A whole number right before a name is the name's code. Among the amount columns (a two-sided table's expenditure
 * code, `203 国防支出` after an income row that printed no amount) a page of such codes fits an amount column better
 * at another scale, so they are no evidence of the page's scale; left of every amount column they fit none at any.
 */
function isCodeOfName(segs: readonly Cell[], i: number): boolean {
  return /^\d+$/.test(foldFigures(segs[i].text)) && /^[\u4e00-\u9fff]/.test(segs[i + 1]?.text ?? '');
}

const MISFIT_CAP = 8;
/** Scales tried: pdftotext's grids of one document differ by well under a factor of two. */
const SCALES = Array.from({ length: 161 }, (_, i) => 0.6 + i * 0.005);
/** Amounts a page needs before its scale is judged, and how much better a stretched page must fit. */
const MIN_AMOUNTS = 6;
const MAX_AMOUNTS = 200;
const BETTER = 0.5;

/** Where a column prints: a header's amount column, or a page's column of cells. */
type Window = Pick<Cell, 'start' | 'end'>;

/** A column of a page: the window its cells fill from line to line, and whether they are all numbers (codes, amounts). */
interface PageColumn extends Window {
  numeric: boolean;
}

function isNumber(s: Cell): boolean {
  return isAmountCell(s) || isCodeCell(s);
}

/** A page's columns: its lines' cells merged where they overlap, left to right. */
function pageColumns(lines: readonly BodyLine[]): PageColumn[] {
  const out: PageColumn[] = [];
  for (const s of lines.flatMap((b) => b.segs).sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    // Cells that touch are one column's: a column's cells stand apart from the next column's.
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      last.numeric &&= isNumber(s);
    } else out.push({ start: s.start, end: s.end, numeric: isNumber(s) });
  }
  return out;
}

/** How far a column of numbers stands from a header's column: amounts are centred under their label or end with it. */
function distance(c: Window, w: Window): number {
  return Math.min(Math.abs(c.start + c.end - w.start - w.end) / 2, Math.abs(c.end - w.end));
}

/** The index of the header's column nearest a column of numbers. */
function nearest(c: Window, columns: readonly Window[]): number {
  return columns.reduce((best, w, j) => (distance(c, w) < distance(c, columns[best]) ? j : best), 0);
}

/**
 * Whether the header's page prints every one of the header's amount columns: each column's nearest column of numbers
 * on the page is its own. A column blank on every row of the header's page leaves the page's columns one short, and
 * then a later page's columns of the same rank need not be the same columns.
 */
function showsEvery(page: readonly PageColumn[], columns: readonly Window[]): boolean {
  const numbers = page.filter((c) => c.numeric);
  if (columns.length === 0 || numbers.length === 0) return false;
  return new Set(columns.map((w) => numbers[nearest(w, numbers)])).size === columns.length;
}

/**
 * A cell of a page's column moved into the header page's column of the same rank. A word keeps its indent from the
 * column's left edge; a number keeps the edge it is set flush against (left as LibreOffice sets amounts, right as
 * most producers do), else its place across the column.
 */
function moved(s: Cell, from: Window, to: Window): Cell {
  const width = s.end - s.start;
  let start: number;
  if (!isNumber(s) || s.start === from.start) start = to.start + s.start - from.start;
  else if (s.end === from.end) start = to.end - width;
  else {
    const t = from.end - from.start > width ? (s.start - from.start) / (from.end - from.start - width) : 0;
    start = Math.round(to.start + t * Math.max(0, to.end - to.start - width));
  }
  return { text: s.text, start, end: start + width };
}

/** Moves each cell of a page's columns `from` into the column of the same rank of `to`; other cells stay. */
function moveColumns(lines: readonly BodyLine[], from: readonly Window[], to: readonly Window[]): void {
  for (const b of lines) {
    b.segs = b.segs.map((s) => {
      const k = from.findIndex((c) => s.start >= c.start && s.end <= c.end);
      return k < 0 ? s : moved(s, from[k], to[k]);
    });
  }
}

/**
 * The page matched to the header page's columns by rank when it prints the same columns in the same order: null when
 * it does not, no moves when its columns each overlap the header page's (it is printed on that page's grid).
 */
function byRank(own: readonly PageColumn[], header: readonly PageColumn[]): Move[] | null {
  if (own.length !== header.length || own.some((c, i) => c.numeric !== header[i].numeric)) return null;
  if (own.every((c, i) => c.start < header[i].end && header[i].start < c.end)) return [];
  return [[own, header]];
}

/**
 * The page's amounts matched to the header's columns when the page prints a column of numbers for each of them after
 * its names and nothing after them; null when it does not. So is read a page of other columns than the header's
 * page, such as a page holding the total row alone (万里街道 2024 收入预算总表, its text's line 350: `合计
 * 156,211,123   156,211,123   0   0   0`, the 0s read into the name as printed), and a page after a header's page
 * that shows no row. The page's columns of codes before its names go under the header's code columns (类 / 款 / 项)
 * in order likewise when there are as many; its names stay, read left of the amounts wherever they stand. Columns
 * each nearest their own header column stay as they are.
 *
 * A page that prints the row numbers too (行次) matches its numbers to the header's row-number and amount columns in
 * order, and a two-sided table's names between them (a 收支决算总表's 总计 row alone on its page, LibreOffice's print:
 * `总计   28   2,913.55 总计   58   2,913.55`) keep their place after the column of numbers before them.
 */
function byAmounts(
  own: readonly PageColumn[],
  columns: readonly Window[],
  codeColumns: readonly Window[],
  counters: readonly Window[],
): Move[] | null {
  const names = own.findIndex((c) => !c.numeric);
  if (names < 0) return null;
  const after = own.slice(names + 1);
  const codes = own.slice(0, names);
  const codeMove: Move[] = codeColumns.length > 0 && codes.length === codeColumns.length ? [[codes, codeColumns]] : [];
  const moves: Move[] =
    after.length === columns.length && after.every((c) => c.numeric)
      ? [[after, columns], ...codeMove]
      : counters.length > 0
        ? withRowNumbers(after, [...columns, ...counters].sort((a, b) => a.start - b.start))
        : [];
  if (moves.length === 0) return null;
  return moves.filter(([from, to]) => from.some((c, j) => nearest(c, to) !== j));
}

/**
 * The columns after a page's first names matched to the header's row-number and amount columns in order, the names
 * among them moved as far as the numbers before them; none when the page prints another count of numbers.
 */
function withRowNumbers(after: readonly PageColumn[], numbers: readonly Window[]): Move[] {
  if (after.filter((c) => c.numeric).length !== numbers.length || !after[0]?.numeric) return [];
  const from: Window[] = [];
  const to: Window[] = [];
  let k = 0;
  for (const c of after) {
    if (c.numeric) {
      from.push(c);
      to.push(numbers[k++]);
      continue;
    }
    const shift = to[to.length - 1].end - from[from.length - 1].end;
    from.push(c);
    to.push({ start: c.start + shift, end: c.end + shift });
  }
  return [[from, to]];
}

/**
 * The header's columns where the page prints them, told by the cells that say their column (`said[k]`: where the
 * page prints cells of column k). Pages of one table are laid out apart by several characters, and not by one
 * shift: each column whose cells say what they are moves to where most of them stand on the page; the others move as
 * their nearest such neighbours do (in proportion between two). Null when no column's cells say where it stands: the
 * columns stay as they are.
 */
function bySaid(columns: readonly Window[], said: ReadonlyArray<readonly number[] | undefined>): Move[] | null {
  const centres = columns.map((c) => (c.start + c.end) / 2);
  const shift = centres.map((centre, i) => {
    const xs = said[i];
    if (!xs || xs.length < 2) return null;
    const sorted = [...xs].sort((a, b) => a - b);
    const x = sorted[Math.floor(sorted.length / 2)];
    // Most cells must agree: a level name printed in a neighbouring column (一级 and 二级 share names) is not where
    // its column moved to.
    return xs.filter((v) => Math.abs(v - x) <= 1).length * 2 > xs.length ? x - centre : null;
  });
  if (shift.every((d) => d == null)) return null;
  const moved = centres.map((centre, i) => {
    if (shift[i] != null) return centre + shift[i]!;
    const left = shift.slice(0, i).findLastIndex((d) => d != null);
    const right = shift.findIndex((d, k) => k > i && d != null);
    if (left < 0 || right < 0) return centre + shift[left < 0 ? right : left]!;
    const t = (centre - centres[left]) / (centres[right] - centres[left]);
    return centre + shift[left]! + t * (shift[right]! - shift[left]!);
  });
  const half = columns.map((c) => (c.end - c.start) / 2);
  return [[columns.map((_, i) => ({ start: moved[i] - half[i], end: moved[i] + half[i] })), columns]];
}

/** The scale at which a page's cells fit the header's columns far better than as printed; null when none does. */
function stretchOf(lines: readonly BodyLine[], columns: readonly Window[]): number | null {
  const middles = columns.map((c) => (c.start + c.end) / 2);
  const ends = columns.map((c) => c.end);
  const firstColumn = Math.min(...columns.map((c) => c.start));
  // A page's first amounts say its scale as well as all of them; the rest would only cost time.
  const amounts = lines
    .flatMap((b) => b.segs.filter((x, i) => isAmountCell(x) && !(x.start > firstColumn && isCodeOfName(b.segs, i))))
    .slice(0, MAX_AMOUNTS);
  if (amounts.length < MIN_AMOUNTS) return null;
  const n = amounts.length;
  const asPrinted = distances(amounts, middles, ends, 1);
  let best = { scale: 1, distances: asPrinted };
  for (const scale of SCALES) {
    const d = distances(amounts, middles, ends, scale, best.distances);
    if (d / n < best.distances / n) best = { scale, distances: d };
  }
  return best.scale === 1 || best.distances / n > (asPrinted / n) * BETTER ? null : best.scale;
}

/** Columns of a page (`from`) and the header page's columns they are (`to`), rank for rank. */
type Move = readonly [from: readonly Window[], to: readonly Window[]];

/**
 * How a later page of a table stands against the page of its header: columns of the page that are the header
 * page's, moved in turn (`moves`), or one stretch of the whole page (`scale`); null when the page is read as printed.
 */
type PageFrame = { moves: readonly Move[] } | { scale: number };

/** The header's columns a later page is matched to. */
interface HeaderColumns {
  /** A budget table's amount columns, a form's every column (its label's place). */
  columns: readonly Window[];
  /** A budget table's 类 / 款 / 项 labels, where the header prints them. */
  codeColumns?: readonly Window[];
  /** A budget table's row-number labels (行次), where the header prints them. */
  counters?: readonly Window[];
  /** The columns of the header's page, when they show each of `columns`: a page printing the same is matched by rank. */
  headerPage?: readonly PageColumn[];
}

/**
 * A later page: its lines' cells, or, where the reader knows the column of cells by what they say (a form's national
 * level names, its signs and amounts), where the page prints them (`said[k]`: the places of column k's cells).
 */
type LaterPage = { lines: readonly BodyLine[] } | { said: ReadonlyArray<readonly number[] | undefined> };

/**
 * The one correction of a later page of a table (a budget table's, a form's): where it prints the header's columns.
 * Told by the cells that say their column where the reader knows them (bySaid), else by the header page's columns
 * printed in the same order (byRank), else by a column of amounts for each of the header's (byAmounts), else by one
 * stretch when that fits its amounts far better (stretchOf).
 */
export function pageFrame(header: HeaderColumns, page: LaterPage): PageFrame | null {
  const { columns, codeColumns = [], counters = [], headerPage } = header;
  if ('said' in page) {
    const moves = bySaid(columns, page.said);
    return moves && { moves };
  }
  // The page's columns, made once for both matches.
  const own = pageColumns(page.lines);
  const moves = (headerPage && byRank(own, headerPage)) ?? byAmounts(own, columns, codeColumns, counters);
  if (moves) return { moves };
  const scale = stretchOf(page.lines, columns);
  return scale == null ? null : { scale };
}

/**
 * The header's amount columns that any row can fill, when not all. A table whose one total row stands on its header's
 * page (合计 over a 项目支出表's projects) leaves blank on it each column none of its rows fills: no later page prints
 * an amount there, so a later page is matched to the columns the header's page fills alone, and the header's page,
 * when it prints each of them, is a page of the same columns (杭州 表10: 合计 fills 总计, 一般公共预算, 政府性基金
 * and 单位资金, not 国有资本经营预算 nor 财政专户管理资金, and its second page, squeezed, prints those four in order).
 * The page's other rows count too: a total's amount wrapped onto the lines around it (杭州 表5's `350,034.4` over
 * its 合计 line, `2` under it) leaves its column blank on the total's line alone. Null when the header's page fills
 * every column, the table has another total row (one per unit, a 收支总表's 合计 and 总计), or the header's page
 * holds none with amounts.
 */
function filledColumns(
  body: readonly BodyLine[],
  headerPage: readonly BodyLine[],
  columns: readonly Window[],
): readonly Window[] | null {
  const totals = body.filter((b) => b.segs.length > 0 && totalRole(b.segs[0].text) === 'total');
  if (totals.length !== 1 || !headerPage.includes(totals[0]) || !totals[0].segs.some(isAmountCell)) return null;
  const hit = new Set(headerPage.flatMap((b) => b.segs.filter(isAmountCell).map((s) => nearest(s, columns))));
  return hit.size === columns.length ? null : columns.filter((_, j) => hit.has(j));
}

/**
 * Moves, in place, the cells of the body lines on pages after the header's page into the header page's grid, as
 * each page's frame says (pageFrame). `columns`: the header's amount columns; `codeColumns`: its 类 / 款 / 项 labels,
 * and `counters` its 行次 labels, where it prints them; `pageOf` gives the page of a line number, the header's page
 * being 0.
 */
export function toHeaderPage(
  body: BodyLine[],
  columns: readonly Window[],
  codeColumns: readonly Window[],
  counters: readonly Window[],
  pageOf: (no: number) => number,
): void {
  const pages = new Map<number, BodyLine[]>();
  for (const b of body) {
    const page = pageOf(b.line.no);
    if (!pages.has(page)) pages.set(page, []);
    pages.get(page)!.push(b);
  }
  // Most tables print on one page: the header page's columns are only asked of by later pages.
  if (![...pages.keys()].some((page) => page !== 0)) return;
  const header = pageColumns(pages.get(0) ?? []);
  const matchedTo = (amountColumns: readonly Window[]): HeaderColumns => {
    const headerPage = showsEvery(header, amountColumns) ? header : undefined;
    // Where the header's page prints each column's amounts, when it prints them all: labels set one position a letter
    // drift left of their amounts (北京 预算06表: 人员经费 at 61–65, its amounts ending at 72–73), and a later page
    // fitted to the labels is squeezed, its amounts then nearer the column left of their own on the header's page.
    const numbers = headerPage?.filter((c) => c.numeric) ?? [];
    const printed = headerPage ? amountColumns.map((w) => numbers[nearest(w, numbers)]) : amountColumns;
    return { columns: printed, codeColumns, counters, headerPage };
  };
  const all = matchedTo(columns);
  // A total row printing its 行次 holds a number that is no amount of a column: such a table keeps all its columns.
  const filled = counters.length > 0 ? null : filledColumns(body, pages.get(0) ?? [], columns);
  const onlyFilled = filled && matchedTo(filled);
  for (const [page, lines] of pages) {
    if (page === 0) continue;
    // A page is matched column for column to the columns rows fill; one that is not is fitted as any other:
    // a stretch tells no more which of them a page's amounts are than which of all the header's.
    const byFilled = onlyFilled && pageFrame(onlyFilled, { lines });
    const frame = byFilled && 'moves' in byFilled ? byFilled : pageFrame(all, { lines });
    if (frame && 'scale' in frame) for (const b of lines) b.segs = b.segs.map((x) => stretched(x, frame.scale));
    else if (frame) for (const [from, to] of frame.moves) moveColumns(lines, from, to);
  }
}

/**
 * The page of each line of a table, counted from the page of its title: a form feed opens a page. `lines`: the
 * table's lines under its title.
 */
export function pagesFrom(lines: readonly SourceLine[]): (no: number) => number {
  const starts: number[] = [];
  for (const line of lines) if (line.raw.startsWith('\f')) starts.push(line.no);
  // pageOfLine counts pages from 1; the header's page is 0 here.
  return (no) => pageOfLine(starts, no) - 1;
}
