import { pageOfLine } from '../../core/pages.ts';
import type { SourceLine } from '../source-lines.ts';
import { isAmountCell, isCodeCell, type Cell } from './cells.ts';

/**
 * `pdftotext -layout` sets each page on a character grid of its own, so a table continued without its header on a
 * later page prints its columns elsewhere than the header's page does. Readers take a table's column windows from
 * its header; the cells of every later page are moved here, once, into the header page's grid.
 *
 * A page is first matched column by column. Its cells, merged where they overlap from line to line, make its columns
 * (a code column, the names, each amount column); the header page's lines make its own. When both pages print the
 * same columns in the same order (numbers or words), and the header's page shows every amount column of the header,
 * each column of the page is the header page's column of the same rank, however far apart the two pages set them: a
 * continued page of a PDF that LibreOffice wrote is squeezed, not scaled (the 万里街道 2025 sample printed so: its
 * 收入预算总表's second page starts the amounts at 35, 47, 59, 63 and 67, the first page at 58, 71, 81, 88 and 104).
 *
 * A page that prints other columns than the header's page, or follows a header's page without rows, is matched to the
 * header's amount columns when it prints a column of amounts for each. Other pages (a column blank on all their rows)
 * are fitted by one stretch: a page set at another scale (杭州 表3: on its second page the amounts end at columns 36,
 * 48, 59 and 69, where the header's page ends them at 46, 62, 73 and 87) has every cell moved towards the margin in
 * proportion to its distance from it, so the nearest header column is the wrong one. A page whose amounts fit the
 * header's columns far better stretched by one factor is read stretched; a page that fits as printed is left alone
 * (the PDF reader sets every page on one grid).
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
  return /^\d+$/.test(segs[i].text) && /^[\u4e00-\u9fff]/.test(segs[i + 1]?.text ?? '');
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
 * Moves a page's cells into the header page's columns when the page prints the same columns in the same order; false
 * when it does not. A page whose columns each overlap the header page's is printed on its grid and stays as it is.
 */
function matchColumns(lines: readonly BodyLine[], header: readonly PageColumn[]): boolean {
  const own = pageColumns(lines);
  if (own.length !== header.length || own.some((c, i) => c.numeric !== header[i].numeric)) return false;
  if (own.every((c, i) => c.start < header[i].end && header[i].start < c.end)) return true;
  moveColumns(lines, own, header);
  return true;
}

/**
 * Moves a page's amounts under the header's columns when the page prints a column of numbers for each of them after
 * its names and nothing after them; false when it does not. So is read a page of other columns than the header's
 * page, such as a page holding the total row alone (万里街道 2024 收入预算总表, its text's line 350: `合计
 * 156,211,123   156,211,123   0   0   0`, the 0s read into the name as printed), and a page after a header's page
 * that shows no row. The page's columns of codes before its names go under the header's code columns (类 / 款 / 项)
 * in order likewise when there are as many; its names stay, read left of the amounts wherever they stand. Columns
 * each nearest their own header column stay as they are.
 */
function matchAmounts(lines: readonly BodyLine[], columns: readonly Window[], codeColumns: readonly Window[]): boolean {
  const own = pageColumns(lines);
  const names = own.findIndex((c) => !c.numeric);
  const amounts = own.slice(names + 1);
  if (names < 0 || amounts.length !== columns.length || amounts.some((c) => !c.numeric)) return false;
  const codes = own.slice(0, names);
  const moves: [PageColumn[], readonly Window[]][] = [[amounts, columns]];
  if (codeColumns.length > 0 && codes.length === codeColumns.length) moves.push([codes, codeColumns]);
  for (const [from, to] of moves) if (from.some((c, j) => nearest(c, to) !== j)) moveColumns(lines, from, to);
  return true;
}

/** Stretches a page's cells when they fit the header's columns far better at another scale than as printed. */
function stretchPage(lines: readonly BodyLine[], columns: readonly Window[]): void {
  const middles = columns.map((c) => (c.start + c.end) / 2);
  const ends = columns.map((c) => c.end);
  const firstColumn = Math.min(...columns.map((c) => c.start));
  // A page's first amounts say its scale as well as all of them; the rest would only cost time.
  const amounts = lines
    .flatMap((b) => b.segs.filter((x, i) => isAmountCell(x) && !(x.start > firstColumn && isCodeOfName(b.segs, i))))
    .slice(0, MAX_AMOUNTS);
  if (amounts.length < MIN_AMOUNTS) return;
  const n = amounts.length;
  const asPrinted = distances(amounts, middles, ends, 1);
  let best = { scale: 1, distances: asPrinted };
  for (const scale of SCALES) {
    const d = distances(amounts, middles, ends, scale, best.distances);
    if (d / n < best.distances / n) best = { scale, distances: d };
  }
  if (best.scale === 1 || best.distances / n > (asPrinted / n) * BETTER) return;
  for (const b of lines) b.segs = b.segs.map((x) => stretched(x, best.scale));
}

/**
 * Moves, in place, the cells of the body lines on pages after the header's page into the header page's grid: by
 * column when a page prints the header page's columns, else by amount column when it prints one for each of the
 * header's, else by one stretch when that fits its amounts far better.
 * `columns`: the header's amount columns; `codeColumns`: its 类 / 款 / 项 labels, where it prints them; `pageOf` gives
 * the page of a line number, the header's page being 0.
 */
export function toHeaderPage(
  body: BodyLine[],
  columns: readonly Window[],
  codeColumns: readonly Window[],
  pageOf: (no: number) => number,
): void {
  const pages = new Map<number, BodyLine[]>();
  for (const b of body) {
    const page = pageOf(b.line.no);
    if (!pages.has(page)) pages.set(page, []);
    pages.get(page)!.push(b);
  }
  const header = pageColumns(pages.get(0) ?? []);
  const complete = showsEvery(header, columns);
  for (const [page, lines] of pages) {
    if (page === 0 || (complete && matchColumns(lines, header)) || matchAmounts(lines, columns, codeColumns)) continue;
    stretchPage(lines, columns);
  }
}

/** The page of each line of a region, counted from the page of its title: a form feed opens a page. */
export function pagesFrom(lines: readonly SourceLine[], titleIndex: number, end: number): (no: number) => number {
  const starts: number[] = [];
  for (let i = titleIndex + 1; i <= end; i++) if (lines[i].raw.startsWith('\f')) starts.push(lines[i].no);
  // pageOfLine counts pages from 1; the header's page is 0 here.
  return (no) => pageOfLine(starts, no) - 1;
}
