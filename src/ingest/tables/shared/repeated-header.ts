import type { BlockRow } from '../../layout/blocks.ts';
import { headerLabel } from '../../layout/cell-text.ts';
import { rowMarks } from './header-rows.ts';

/** How many of a page's rows are its column header; the block stage's rule unless a reader sees more (header-marks.ts). */
export type HeaderCount = (page: BlockRow[]) => number;

export interface PageHeaderOptions {
  headerRows?: HeaderCount;
  /**
   * The page's rows open with the lines the table's first header opens with, printed again (the single-space reader
   * finds its pages so: spaced/regions.ts pagesOf).
   */
  printedAgain?: boolean;
}

const markedHeader: HeaderCount = (page) => rowMarks(page).headerRows;

/**
 * Where the column header a table continued over pages prints again over a later page's rows ends (the index after
 * its last row), or -1 where the rows from `from` print none: the rows the block stage's rule marks a header when it
 * reads the page from there (shared/header-rows.ts), known for a header and not a row's name wrapped over the page
 * break, which the rule's words alone (支出, 收入) would take for one. A wrapped name prints one label a line at most,
 * so one line of the header printing two labels or more tells it; in text printed one cell a line every label stands
 * on its own line, and only printing the first header's lines again tells it (opdef 广州 水务局 2026, L1767–L1774:
 * `功能科目名称` / `一般公共预算支出` / `小计` / `其中：基本支出` / `项目支出`).
 */
export function continuedHeaderEnd(rows: readonly BlockRow[], from: number, options: PageHeaderOptions = {}): number {
  const { headerRows = markedHeader, printedAgain = false } = options;
  const page = rows.slice(from);
  const n = headerRows(page);
  const known = printedAgain || page.slice(0, n).some((r) => r.cells.filter((c) => isHeaderWord(c.text)).length >= 2);
  return n > 0 && known ? from + n : -1;
}

function isHeaderWord(text: string): boolean {
  return /项目|分类|科目|编码|名称|合计|预算|决算|支出|收入|经费|[类款项]$/.test(headerLabel(text));
}
