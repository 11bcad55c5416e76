import { pageOfLine } from '../../../core/pages.ts';
import type { SourceLine } from '../../source-lines.ts';
import type { AlignedColumn } from './header.ts';
import { isAmountCell, type Cell } from '../../layout/cells.ts';

/**
 * `pdftotext -layout` sets each page on a character grid of its own. A table continued without its header on a page
 * set at another scale (杭州 表3: on its second page the amounts end at columns 36, 48, 59 and 69, where the header's
 * page ends them at 46, 62, 73 and 87) has every cell moved towards the margin in proportion to its distance from
 * it, so the nearest header column is the wrong one. A page whose amounts fit the header's columns far better
 * stretched by one factor is read stretched; a page that fits as printed is left alone (the PDF reader sets every
 * page on one grid).
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

/**
 * Stretches, in place, the cells of the body lines on pages after the header's page that fit its columns better
 * at another scale. `pageOf` gives the page of a line number, the header's page being the first.
 */
export function scaleContinuedPages(body: BodyLine[], columns: readonly AlignedColumn[], pageOf: (no: number) => number): void {
  const pages = new Map<number, BodyLine[]>();
  for (const b of body) {
    const page = pageOf(b.line.no);
    if (page === 0) continue;
    if (!pages.has(page)) pages.set(page, []);
    pages.get(page)!.push(b);
  }
  const middles = columns.map((c) => (c.start + c.end) / 2);
  const ends = columns.map((c) => c.end);
  const firstColumn = Math.min(...columns.map((c) => c.start));
  for (const lines of pages.values()) {
    // A page's first amounts say its scale as well as all of them; the rest would only cost time.
    const amounts = lines
      .flatMap((b) => b.segs.filter((x, i) => isAmountCell(x) && !(x.start > firstColumn && isCodeOfName(b.segs, i))))
      .slice(0, MAX_AMOUNTS);
    if (amounts.length < MIN_AMOUNTS) continue;
    const n = amounts.length;
    const asPrinted = distances(amounts, middles, ends, 1);
    let best = { scale: 1, distances: asPrinted };
    for (const scale of SCALES) {
      const d = distances(amounts, middles, ends, scale, best.distances);
      if (d / n < best.distances / n) best = { scale, distances: d };
    }
    if (best.scale === 1 || best.distances / n > (asPrinted / n) * BETTER) continue;
    for (const b of lines) b.segs = b.segs.map((x) => stretched(x, best.scale));
  }
}

/** The page of each line of a region, counted from the page of its title: a form feed opens a page. */
export function pagesFrom(lines: readonly SourceLine[], titleIndex: number, end: number): (no: number) => number {
  const starts: number[] = [];
  for (let i = titleIndex + 1; i <= end; i++) if (lines[i].raw.startsWith('\f')) starts.push(lines[i].no);
  // pageOfLine counts pages from 1; the header's page is 0 here.
  return (no) => pageOfLine(starts, no) - 1;
}
