/**
 * Grid sources (Excel sheets, HTML and Markdown tables) know their cells exactly. They become lines the way the
 * tab-separated extractions already read by the `tabbed` table reader look: one table row per line, cells joined by
 * tabs, so no cell boundary is ever guessed again from white space. Prose around the tables becomes plain lines.
 *
 * A merged cell (Excel merge, HTML rowspan/colspan) keeps its text in its top-left slot and leaves the other slots
 * empty. That is what the tabbed reader's header tree reads as a group label spanning the columns under it
 * (财政拨款 over 小计 / 一般公共预算 / …); repeating the label in every slot would turn one group into several
 * columns of the same name, and repeat an amount in a data row.
 */
import { isCompilerLine, isNoteLine } from '../tables/shared/region-text.ts';
import { statedUnit } from '../../core/units.ts';

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Rows of cells as a table states them: a cell covered by a span from an earlier row or cell is not listed. */
export type GridRows = readonly (readonly GridCell[])[];

/** What a grid source reads as: prose lines, or a table whose cells are known. */
export type Block = { kind: 'text'; lines: string[] } | { kind: 'grid'; rows: string[][] };

// Spans larger than any printed table are typing errors (colspan="1000"); they must not blow up the grid.
const MAX_SPAN = 100;

/** Cell text on one line: tabs and line breaks inside a cell would split it into cells or rows. */
export function cellText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The table as a rectangle of slots: each cell at its top-left slot, '' in the slots its spans cover. */
export function expandGrid(rows: GridRows): string[][] {
  const out: string[][] = [];
  const covered: boolean[][] = [];
  rows.forEach((cells, r) => {
    out[r] ??= [];
    covered[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (covered[r][c]) c++;
      const rowSpan = Math.min(Math.max(1, cell.rowSpan), MAX_SPAN, rows.length - r);
      const colSpan = Math.min(Math.max(1, cell.colSpan), MAX_SPAN);
      for (let dr = 0; dr < rowSpan; dr++) {
        out[r + dr] ??= [];
        covered[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) {
          covered[r + dr][c + dc] = true;
          out[r + dr][c + dc] = dr === 0 && dc === 0 ? cellText(cell.text) : '';
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...out.map((row) => row.length));
  return out.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/**
 * The last two lines of text before the blocks' end (a table's title and its unit line), where a reader finds an image
 * the text cannot show; null at the document's start.
 */
export function lastLines(blocks: readonly Block[]): string | null {
  const found: string[] = [];
  for (let i = blocks.length - 1; i >= 0 && found.length < 2; i--) {
    const block = blocks[i];
    if (block.kind === 'text') found.unshift(...block.lines.slice(-2 + found.length));
  }
  return found.length > 0 ? found.join(' ') : null;
}

/** How many cells of a row hold text. */
export const filled = (row: readonly string[]) => row.filter((c) => c !== '').length;

/**
 * Words printed above or below a table's rows inside the same grid: its title, 编制单位 and 单位 lines, notes. A
 * row of that kind at the top or bottom of a grid is a line of prose, so the table reader sees the title and unit
 * as it does in every other extraction; the same row between data rows stays a row.
 */
function isLabelRow(row: readonly string[]): boolean {
  const cells = row.filter((c) => c !== '');
  if (cells.length <= 1) return true;
  return cells.every((c) => isCompilerLine(c) || statedUnit(c) != null || isNoteLine(c));
}

/** A note under the rows (注：…, or a sentence in the first cell alone), not a last row with one cell filled. */
function isTrailingNote(row: readonly string[]): boolean {
  if (filled(row) !== 1 || row[0] === '') return false;
  return isNoteLine(row[0]) || (row[0].length > 20 && !/^[\d,.\-\s%]+$/.test(row[0]));
}

/** The lines of one grid: label rows at its edges as prose, the rows between as tab-separated cells. */
export function gridLines(grid: readonly (readonly string[])[]): string[] {
  const rows = grid.filter((row) => filled(row) > 0);
  if (rows.length === 0) return [];
  const used = (c: number) => rows.some((row) => row[c] !== '');
  const width = Math.max(...rows.map((row) => row.length));
  let first = 0;
  while (first < width && !used(first)) first++;
  let last = width - 1;
  while (last > first && !used(last)) last--;
  const trimmed = rows.map((row) => Array.from({ length: last - first + 1 }, (_, i) => row[first + i] ?? ''));
  if (trimmed[0].length === 1) return trimmed.map((row) => row[0]);
  let top = 0;
  while (top < trimmed.length && isLabelRow(trimmed[top])) top++;
  let bottom = trimmed.length;
  while (bottom > top && isTrailingNote(trimmed[bottom - 1])) bottom--;
  const prose = (row: readonly string[]) => row.filter((c) => c !== '').join('  ');
  return [
    ...trimmed.slice(0, top).map(prose),
    ...trimmed.slice(top, bottom).map((row) => row.join('\t')),
    ...trimmed.slice(bottom).map(prose),
  ];
}

/**
 * A table that a page break split, printed again with its header rows (converters keep each page's table): the
 * repeated header rows are left out and the rows continue the table above. Only grids that follow each other with
 * nothing between are joined, and only when the whole first row of the second repeats the first's.
 */
export function joinSplitTables(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (block.kind === 'grid' && previous?.kind === 'grid') {
      const repeated = repeatedHeader(previous.rows, block.rows);
      if (repeated > 0) {
        out[out.length - 1] = { kind: 'grid', rows: [...previous.rows, ...block.rows.slice(repeated)] };
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

function sameRow(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((c, i) => c === b[i]);
}

/** How many leading rows of `next` repeat the leading rows of `table` (0 when its first row is not a repeat). */
function repeatedHeader(table: readonly string[][], next: readonly string[][]): number {
  if (!sameRow(table[0], next[0]) || filled(next[0]) < 2) return 0;
  let n = 1;
  while (n < next.length - 1 && sameRow(table[n], next[n]) && !table[n].some((c) => /\d/.test(c) && /^[\d,.\-\s%]+$/.test(c))) n++;
  return n;
}

/** The source text: each block's lines, a blank line between blocks as between paragraphs of an extraction. */
export function blocksText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    const lines = block.kind === 'text' ? block.lines.map(cellText).filter(Boolean) : gridLines(block.rows);
    if (lines.length > 0) parts.push(lines.join('\n'));
  }
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : '';
}
