import type { Table, TableColumn, TableRow } from '../schema/table.ts';

export interface TablePart {
  /** 收入 / 支出 for a side of a two-sided table; null for a table of one side. */
  label: string | null;
  rows: TableRow[];
  columns: TableColumn[];
}

const SIDES = [
  ['income', '收入'],
  ['expenditure', '支出'],
] as const;

/**
 * A 收支总表 prints 收入 and 支出 side by side on one line; parsed, each line became a row per side. A reader reads
 * it as two lists: each side's rows in order, with only the columns that side fills. Rows of neither side (a title
 * line) go with the first side. A table without sides is one part.
 */
export function tableSides(table: Table): TablePart[] {
  if (!table.rows.some((r) => r.texts.side)) return [{ label: null, rows: table.rows, columns: table.columns }];
  return SIDES.map(([side, label], i) => {
    const rows = table.rows.filter((r) => r.texts.side === side || (i === 0 && !r.texts.side));
    const columns = table.columns.filter((c) => rows.some((r) => c.key in r.values));
    return { label, rows, columns };
  });
}

/** One rendered amount cell: a printed amount, or a run of blank cells drawn as one. */
export interface AmountCell {
  value: number | null;
  span: number;
}

/**
 * A row's amount cells with each run of blank cells merged into one spanning cell: a department's income table is
 * mostly blank columns, and a cell per blank would be most of the page's weight. Blank stays blank for every column
 * the span covers, so nothing is read differently.
 */
export function amountCells(row: TableRow, columns: readonly TableColumn[]): AmountCell[] {
  const cells: AmountCell[] = [];
  for (const c of columns) {
    const value = row.values[c.key] ?? null;
    const last = cells[cells.length - 1];
    if (value === null && last?.value === null) last.span++;
    else cells.push({ value, span: 1 });
  }
  return cells;
}
