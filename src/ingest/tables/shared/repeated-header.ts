import type { BlockRow } from '../../layout/blocks.ts';
import { headerLabel } from '../../layout/cell-text.ts';
import { compact } from '../../../core/width.ts';
import { rowMarks } from './header-rows.ts';

/** How many of a page's rows are its column header; the block stage's rule unless a reader sees more (header-marks.ts). */
export type HeaderCount = (page: BlockRow[]) => number;

export interface PageHeaderOptions {
  headerRows?: HeaderCount;
  /**
   * The table's first header (printedHeader), where the reader knows a header printed again only by its lines printed
   * again (the single-space reader: spaced/regions.ts pagesOf, spaced/index.ts).
   */
  firstHeader?: PrintedHeader;
}

/** A first header's lines as a repeat of them is compared, taken once for the many rows a reader asks about. */
export interface PrintedHeader {
  lines: readonly string[];
}

export function printedHeader(rows: readonly BlockRow[]): PrintedHeader {
  return { lines: rows.map((r) => compact(r.line.text)) };
}

const markedHeader: HeaderCount = (page) => rowMarks(page).headerRows;

/**
 * Where the column header a table continued over pages prints again over a later page's rows ends (the index after
 * its last row), or -1 where the rows from `from` print none: the rows the block stage's rule marks a header when it
 * reads the page from there (shared/header-rows.ts), known for a header and not a row's name wrapped over the page
 * break, which the rule's words alone (支出, 收入) would take for one. A wrapped name prints one label a line at most,
 * so one line of the header printing two labels or more tells it; in text printed one cell a line every label stands
 * on its own line, and only printing the first header's lines again tells it (opdef 广州 水务局 2026, L1767–L1774:
 * `功能科目名称` / `一般公共预算支出` / `小计` / `其中：基本支出` / `项目支出`), which then are the header's whatever
 * words they print (深圳 水务局 2026 opdef L3063–L3065: `中预留给` / `中小企业的项` / `目资金规模`).
 */
export function continuedHeaderEnd(rows: readonly BlockRow[], from: number, options: PageHeaderOptions = {}): number {
  const { headerRows = markedHeader, firstHeader } = options;
  if (firstHeader) return printedAgainEnd(rows, from, firstHeader);
  const page = rows.slice(from);
  const n = headerRows(page);
  const known = page.slice(0, n).some((r) => r.cells.filter((c) => isHeaderWord(c.text)).length >= 2);
  return n > 0 && known ? from + n : -1;
}

/**
 * Where the first header's lines printed again from `from` end, or -1: two of them at least in the header's order
 * (one line alone, `支出`, may end a wrapped name; a header of one line, that line), then on over any line of it, which
 * text printed in reading order may set out of the header's order.
 */
function printedAgainEnd(rows: readonly BlockRow[], from: number, { lines }: PrintedHeader): number {
  const text = (i: number) => compact(rows[i].line.text);
  let most = 0;
  for (let j = 0; j < lines.length; j++) {
    let m = 0;
    while (from + m < rows.length && j + m < lines.length && text(from + m) === lines[j + m]) m++;
    most = Math.max(most, m);
  }
  if (most === 0 || most < Math.min(2, lines.length)) return -1;
  let end = from + most;
  while (end < rows.length && lines.includes(text(end))) end++;
  return end;
}

function isHeaderWord(text: string): boolean {
  return /项目|分类|科目|编码|名称|合计|预算|决算|支出|收入|经费|[类款项]$/.test(headerLabel(text));
}
