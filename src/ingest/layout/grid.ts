import type { SourceLine } from '../source-lines.ts';
import { center, hasTabCells, runsOf, tabCells, type Cell } from './cells.ts';

/**
 * A printed row as the cells of a grid, whatever the layout it was printed in: what a reader of a grid reads. A
 * tab-separated line is a grid row as it stands; an aligned line becomes one under a header whose runs are the
 * columns, each of its runs going to the column its middle falls in. The reader then never asks how the row was
 * printed.
 */
export interface GridRow {
  /** The line the row was printed on. */
  no: number;
  /** One entry per column, '' where the row prints nothing; a tab-separated line keeps its trailing empty cells. */
  cells: string[];
}

export function tabRow(line: SourceLine): GridRow {
  return { no: line.no, cells: tabCells(line) };
}

/** The rows of a tab-separated table: its lines up to the first non-blank one without a tab, blank ones left out. */
export function tabbedRows(lines: readonly SourceLine[]): GridRow[] {
  const rows: GridRow[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (!hasTabCells(line)) break;
    rows.push(tabRow(line));
  }
  return rows;
}

/** The columns an aligned header prints: its runs, each reaching halfway to its neighbours. */
export interface AlignedColumns {
  labels: Cell[];
  /** Where each column starts; the first starts at the margin. */
  starts: number[];
}

export function alignedColumns(header: SourceLine): AlignedColumns {
  return columnsOf(runsOf(header.text));
}

/** The columns of labels standing where given (a header's runs, or runs moved to where a page prints them). */
export function columnsOf(labels: Cell[]): AlignedColumns {
  return { labels, starts: labels.map((c, i) => (i === 0 ? 0 : Math.floor((labels[i - 1].end + c.start) / 2))) };
}

/** The column a run or cell stands in: the one its middle falls in. */
export function columnOf(columns: AlignedColumns, run: Cell): number {
  const mid = (run.start + run.end) / 2;
  let j = 0;
  while (j + 1 < columns.starts.length && mid >= columns.starts[j + 1]) j++;
  return j;
}

/** An aligned line as a row of the header's grid: runs that fall in one column are joined by a space, in print order. */
export function alignedRow(columns: AlignedColumns, line: SourceLine, runs: readonly Cell[] = runsOf(line.text)): GridRow {
  const cells = columns.labels.map(() => '');
  for (const run of runs) {
    const j = columnOf(columns, run);
    cells[j] = cells[j] ? `${cells[j]} ${run.text}` : run.text;
  }
  return { no: line.no, cells };
}

/** True when a run of the line reaches across more than two of the columns: prose under the grid, not a row. */
export function spansColumns(columns: AlignedColumns, line: SourceLine, runs: readonly Cell[] = runsOf(line.text)): boolean {
  const { starts } = columns;
  return starts.length > 2 && runs.some((r) => r.start < starts[1] && r.end > starts[2] + 2);
}

/**
 * The columns each row's cells stand in, of `centres.length` columns whose labels `pdftotext -layout` may print
 * narrower than the cells under them (a CJK label takes fewer character columns than the figures under it, so that no
 * label stands over its cells): a row printing a cell for every column gives each its cell in turn, wherever they
 * stand; a row printing fewer gives each cell to the column it stands nearest, each to another, left to right, the
 * columns standing where the first such full row prints its cells, or where none does, at `centres` (the labels').
 * Null for a row two of whose cells stand nearest one column.
 */
export function columnsInTurn(rows: readonly (readonly Cell[])[], centres: readonly number[]): Array<number[] | null> {
  const full = rows.find((cells) => cells.length === centres.length);
  const places = full ? full.map(center) : centres;
  const nearest = (c: Cell) => places.reduce((best, x, k) => (Math.abs(x - center(c)) < Math.abs(places[best] - center(c)) ? k : best), 0);
  return rows.map((cells) => {
    const at = cells.length === centres.length ? cells.map((_, k) => k) : cells.map(nearest);
    return at.some((k, i) => i > 0 && k <= at[i - 1]) ? null : at;
  });
}
