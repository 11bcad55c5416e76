import type { LineRange } from '../../schema/common.ts';
import { isBlank, type SourceLine } from '../source-lines.ts';
import { isPageFurnitureAt, isRunningHeadAt } from '../page-furniture.ts';
import { alignedCells, tabCells, wordsOf } from './cells.ts';
import type { Layout } from './detect.ts';

/**
 * The block model (issue 10 point 1): what the layout stage makes of a source for the readers after it. A grid block
 * is a table as printed: its caption (table number, title, compiler and unit lines) and its rows in print order, each
 * row the line it came from and its cells, each cell its text and its column window; a prose block is a run of lines
 * that no grid holds, read by the performance readers (an evaluation report's cover, card and sentences, the target
 * forms, a target stated in prose) and the narrative (prose-blocks.ts), its lines left uncut, a card's marked. A grid block's rows are cut once, here, by its layout's cutter (cells.ts); its readers take the cells
 * and never cut the line again, and a line that prints two rows side by side becomes two rows here too (rowPart).
 * A grid block also says which of its rows are its column header and which its notes, the rest its data: marked
 * once by the block stage's one rule (tables/shared/header-rows.ts), since every layout prints them alike.
 * Either block records the lines it takes and each row's line, page furniture marked by one rule (page-furniture.ts);
 * its page follows from its lines and the source's page starts (core/pages.ts), as a table's and a check's do.
 *
 * A cell's window says where it stands among the row's cells, in the unit its layout knows:
 * - `tabbed`: the slot between tabs, `[i, i + 1)`: exact, an empty slot is an empty cell and keeps its place;
 * - `aligned`: the character columns it was printed in (`pdftotext -layout`, the PDF reader), to be compared with its
 *   header's;
 * - `spaced`: its word's place in the line, `[i, i + 1)`, and `uncertain`: a word is not a cell (single-space text
 *   collapses empty cells and splits names at their spaces), so its readers place it by the table's identities.
 * Stacked text (one cell a line) has rows only once layout/stacked.ts has joined them into single-space lines.
 *
 * The other grids stay apart, each for a reason: a grid source's blocks (sources/grid.ts) are cells before there are
 * lines, written out as tab-separated lines for every reader to number; a performance table's GridRow (grid.ts) is a
 * row already put under its header's columns, one string a column, which is what a form reader asks (an evaluation
 * report's tables are grid blocks whose readers ask for such rows: performance/evaluation-blocks.ts). A table reader's
 * block keeps the cells as cut, before any column is decided, because deciding the columns is the reader's work (header
 * tree, placement).
 */
export type BlockLayout = Exclude<Layout, 'stacked'>;

export interface BlockCell {
  text: string;
  /** The window the cell stands in, end exclusive (see above for its unit in each layout). */
  start: number;
  end: number;
  /**
   * Set on a single-space word only: its edges as a cell are not known. Absent elsewhere, so that an aligned row's
   * cells are the cutter's own objects, not copies (every line of every aligned table is a row).
   */
  uncertain?: true;
}

export interface BlockRow {
  line: SourceLine;
  /** The line's cells in print order; none for a blank line, which a block keeps where a page may break. */
  cells: BlockCell[];
  /**
   * Whether the line is page furniture (page-furniture.ts): a bare number is a page's only by the page breaks around
   * it, which may lie outside the block, so the stage that has the whole text tells, by the block's layout (a grid is
   * never one cell a line). A grid's row is furniture too where it is the page header an office prints over every
   * page (isRunningHeadAt): no row of the table, which keeps it as printed.
   */
  furniture: boolean;
}

export interface GridBlock {
  type: 'grid';
  layout: BlockLayout;
  /** The lines above the rows that name the table, as printed: its number, title, compiler and unit lines. */
  caption: SourceLine[];
  /** The title as printed (a wrapped one joined), or null for a table printed without one. */
  title: string | null;
  /** Every line under the caption down to the block's last, in print order: header rows, data rows, notes. */
  rows: BlockRow[];
  /**
   * How many rows from the first are the column header, and the first row of the notes under the data (注：…;
   * `rows.length` where none): the rows between are the data. Decided once by the block stage's one rule
   * (tables/shared/header-rows.ts), not by each reader.
   */
  headerRows: number;
  notesFrom: number;
  /** A row among the data that says the table is empty, above its total row (`无`): read with the notes. */
  statement?: number;
  /** The lines the block takes in the source, caption included. */
  lines: LineRange;
}

export interface ProseBlock {
  type: 'prose';
  /** Every line of the run in print order, blank ones too; running text is not cut into cells. */
  rows: ProseRow[];
  /** The lines the block takes in the source. */
  lines: LineRange;
}

/** A line among the running text, page furniture marked by the same rule as a grid's rows. */
export interface ProseRow extends Omit<BlockRow, 'cells'> {
  /**
   * A tab-separated line among the prose: a row of a card or small table (an evaluation report's summary card, a Word
   * or web page table of label and value cells) that no table reader took, never a sentence. Decided once a document,
   * where the blocks are made (prose-blocks.ts), for every reader of them: the sentence and chapter readers pass it by,
   * the card reader reads its cells.
   */
  card: boolean;
}

export type Block = GridBlock | ProseBlock;

/** The cells of a line in a layout: the one cut each row of a block gets. */
export function cellsOf(layout: BlockLayout, line: SourceLine): BlockCell[] {
  if (isBlank(line)) return [];
  if (layout === 'aligned') return alignedCells(line.text);
  if (layout === 'tabbed') return tabCells(line).map((text, i) => ({ text, start: i, end: i + 1 }));
  return wordsOf(line.text).map((text, i) => ({ text, start: i, end: i + 1, uncertain: true }));
}

/**
 * Cells `from` to `to` of a row as a row of their own: a single-space line that prints two rows side by side (a
 * 基本支出 table printed as two lists, tables/spaced/two-list.ts) is two rows of its table. The part keeps its cells
 * as they were cut and their windows; its line is the same line of the source (its number) printing only the part's
 * words, so that a reader asking the row's text asks the part's.
 */
export function rowPart(row: BlockRow, from: number, to = row.cells.length): BlockRow {
  const cells = row.cells.slice(from, to);
  const text = cells.map((c) => c.text).join(' ');
  return { line: { no: row.line.no, raw: text, text }, cells, furniture: row.furniture };
}

/**
 * Line `i` of the whole text (`lines`) as a row of a block of the layout. Whether it is page furniture is read from
 * the text as printed (`printed`, the same lines): a table's prose column taken out of `lines` leaves blanks around
 * what remains of a line, and a number left of that column (a fuzz case's `09`) stood alone between them like a page's.
 */
export function blockRow(layout: BlockLayout, lines: readonly SourceLine[], i: number, printed: readonly SourceLine[] = lines): BlockRow {
  const line = lines[i];
  const furniture = !isBlank(line) && (isPageFurnitureAt(printed, i + 1, layout) || isRunningHeadAt(printed, i + 1));
  return { line, cells: cellsOf(layout, line), furniture };
}

