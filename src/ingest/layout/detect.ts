import type { SourceLine } from '../source-lines.ts';
import { foldFigures } from '../../core/width.ts';
import { AMOUNT_SOURCE, MARKED_AMOUNT_SOURCE } from '../../core/amounts.ts';

/**
 * How an extraction separates the cells of a run of lines: tabs (a workbook, a web page's table, a tab-separated
 * export), runs of spaces that keep each cell at its printed place (`pdftotext -layout`, the PDF reader), or single
 * spaces (text copied out of a PDF). One decision, from the same evidence, for the tables of a document and for a
 * performance table.
 *
 * The tables are decided per document, not per table region: the layout is a property of the tool that extracted the
 * whole file, and one region is too little evidence. Measured on the samples (../shared/samples, text route, a page
 * with three lines of three amounts or more taken as a table's region), deciding each page by this rule on its own
 * would send pages of narrowly packed columns, whose amounts stand one space apart, to the single-space reader:
 * 深圳水务局 2026 (19 pages), 广州水务局 2026 (42), 杭州交通运输局 2026 (1), 佛山轨道交通局 2019 (1) and five Shanghai
 * documents (1 to 4 pages each). Read alone, those pages give the single-space reader no table at all, where the
 * `-layout` reader reads 160 rows with 177 checks passing on 深圳's and 9 rows with 36 passing on 佛山's.
 * A performance table is decided by the same rule on its header line, and its header block (the form above the
 * indicators) on that block's lines: a line is too short a run to count to 20 of anything, so a run where most lines
 * show the evidence is decided by it (no sample document changes its decision by that).
 * Text extracted in reading order (`pdftotext` without `-layout`, a browser's PDF viewer) prints a table one cell a
 * line (`stacked`, layout/stacked.ts): its lines of a money amount alone outnumber many times its lines of two amounts,
 * which only its prose prints. Measured (a line of one amount with a decimal point or a thousands separator, against
 * lines of two amounts): the 12 other provinces' PDFs and 9 Shanghai samples through plain `pdftotext` 6.9 to 10,746
 * times as many (西安 1,313 to 189; 上海普陀区政府办公室 184 to 17); their `-layout` and `-raw` text, the PDF reader's
 * and the seeds at most 0.2 (江苏 -raw: 1 to 4) and never 20 such lines.
 * Pure.
 */
export type Layout = 'tabbed' | 'aligned' | 'spaced' | 'stacked';

/** Two amounts one space apart: a single-space extraction, or `-layout` columns packed tight. */
const AMOUNTS_ONE_SPACE = new RegExp(`(?:^|\\s)${AMOUNT_SOURCE} ${AMOUNT_SOURCE}(?=\\s|$)`);
const AMOUNTS_SPACED_OUT = new RegExp(`(?:^|\\s)${AMOUNT_SOURCE} {2,}${AMOUNT_SOURCE}(?=\\s|$)`);
/** Two amounts in cells of their own. */
const AMOUNTS_TABBED = new RegExp(`(?:^|\\t)${AMOUNT_SOURCE}\\t+${AMOUNT_SOURCE}(?=\\t|$)`);
/**
 * What each of the three patterns above holds: a digit, spaces or tabs, and a digit or comma. Most lines of a document
 * are prose or names without it, and one scan for it is cheaper than the three patterns' scans.
 */
const AMOUNT_PAIR = /\d[ \t]+[\d,]/;
/** A money amount alone on its line: one cell a line. */
const LONE_MONEY = new RegExp(`^\\s*-?${MARKED_AMOUNT_SOURCE}\\s*$`);
/** How many times the lines of two amounts a document's lines of one money amount outnumber in a stacked one. */
const STACKED_RATIO = 3;
/** Lines of a kind that decide a run by their number alone, however long the run. */
const ENOUGH = 20;
/** Rows of amounts that show how a document's tables are printed, where they are all it has. */
const FEW = 3;

/**
 * The layout of a run of lines (a whole document, a table's header), from how its lines separate cells. Runs of
 * spaces also indent names in single-space extractions, so what decides between `aligned` and `spaced` is how
 * adjacent amounts are separated.
 */
export function detectLayout(lines: readonly SourceLine[]): Layout {
  let tabbed = 0;
  let aligned = 0;
  let oneSpace = 0;
  let spacedOut = 0;
  let nonBlank = 0;
  let tabbedAmounts = 0;
  let loneMoney = 0;
  for (const line of lines) {
    // Amounts a word processor prints in full-width digits (`１，２３４．５６`) are the same evidence as ASCII ones.
    const text = foldFigures(line.text);
    // Tests, not trimmed copies: a match of \S {3,}\S lies inside the trimmed text either way.
    if (/\S/.test(text)) nonBlank++;
    const pair = AMOUNT_PAIR.test(text);
    if (!pair && LONE_MONEY.test(text)) loneMoney++;
    if (text.includes('\t')) {
      tabbed++;
      if (pair && AMOUNTS_TABBED.test(text)) tabbedAmounts++;
    } else if (/\S {3,}\S/.test(text)) aligned++;
    if (pair && AMOUNTS_ONE_SPACE.test(text)) oneSpace++;
    if (pair && AMOUNTS_SPACED_OUT.test(text)) spacedOut++;
  }
  // A short run made mostly of tab-separated lines (a small workbook or web page table) is tabbed too, and so is a
  // document whose rows of amounts are tab-separated though its prose outnumbers them (a web page with one table).
  if (tabbed >= ENOUGH || tabbed * 2 > nonBlank) return 'tabbed';
  if (tabbedAmounts >= FEW && tabbedAmounts > oneSpace + spacedOut) return 'tabbed';
  if (loneMoney >= ENOUGH && loneMoney > STACKED_RATIO * (oneSpace + spacedOut)) return 'stacked';
  if (oneSpace > spacedOut) return 'spaced';
  if (aligned >= ENOUGH || aligned * 2 > nonBlank) return 'aligned';
  return 'spaced';
}
