/**
 * What every workbook format shares once its cells are read: each visible sheet becomes grid lines (grid.ts), a
 * sheet holding several printed tables one block per table, each sheet after the first a new page in `pageStarts`.
 * The readers of each file format (xlsx.ts; xls.ts, for .ods too; csv.ts) only turn their cells into `GridCell`s.
 */
import { blocksText, expandGrid, filled, type Block, type GridCell } from './grid.ts';
import { isCompilerLine } from '../tables/shared/region-text.ts';
import { statedUnit } from '../../core/units.ts';
import type { SourceRead } from './index.ts';

export interface Sheet {
  name: string;
  /** Every row of the sheet, merged ranges as one cell with its spans. */
  cells: GridCell[][];
  /** Rows and columns (0-based) the sheet hides: not shown and not printed, so not read, as hidden sheets are not. */
  hiddenRows?: ReadonlySet<number>;
  hiddenColumns?: ReadonlySet<number>;
  /**
   * Cells holding a formula saved without its result (a workbook a program wrote and Excel never saved): read as an
   * unknown amount naming its cell (layout/cell-text.ts uncomputedCell).
   */
  uncomputed?: readonly string[];
}

/** A column's letters as Excel names it: 0 → A, 26 → AA. */
export function columnName(c: number): string {
  let name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cells as a reader finds them in Excel: the first few by address, then how many in all. */
function cellList(addresses: readonly string[]): string {
  const shown = addresses.slice(0, 6).join('、');
  return addresses.length > 6 ? `${shown} 等 ${addresses.length} 个单元格` : `${shown} 单元格`;
}

/**
 * What the document says of a sheet's cells it did not read as printed: hidden rows and columns left out, and
 * formulas without a saved result, read as unknown rather than computed (the reader does not invent an amount).
 */
function sheetNotes(sheet: Sheet, grid: readonly (readonly string[])[]): string[] {
  const notes: string[] = [];
  // Only those holding text are worth a word: an empty hidden column is a sheet's spacing.
  const rows = [...(sheet.hiddenRows ?? [])].filter((r) => grid[r]?.some((c) => c !== '')).sort((a, b) => a - b);
  const columns = [...(sheet.hiddenColumns ?? [])].filter((c) => grid.some((row) => (row[c] ?? '') !== '')).sort((a, b) => a - b);
  if (rows.length > 0 || columns.length > 0) {
    const parts = [
      ...(rows.length > 0 ? [`第 ${rows.map((r) => r + 1).join('、')} 行`] : []),
      ...(columns.length > 0 ? [`第 ${columns.map(columnName).join('、')} 列`] : []),
    ];
    notes.push(`工作表“${sheet.name}”隐藏了${parts.join('和')}：隐藏的行和列在 Excel 中不显示、也不打印，没有读取`);
  }
  if (sheet.uncomputed?.length) {
    notes.push(
      `工作表“${sheet.name}”的 ${cellList(sheet.uncomputed)}是公式，文件中没有保存计算结果（工作簿由程序生成、未在 Excel 中保存过）：金额按未知读取，没有代为计算，涉及它们的校验无法进行；请在 Excel 中打开并保存后再发布`,
    );
  }
  return notes;
}

/** The grid without the rows and columns the sheet hides. */
function visibleGrid(grid: string[][], sheet: Sheet): string[][] {
  const rows = sheet.hiddenRows;
  const columns = sheet.hiddenColumns;
  if (!rows?.size && !columns?.size) return grid;
  return grid.filter((_, r) => !rows?.has(r)).map((row) => (columns?.size ? row.filter((_, c) => !columns.has(c)) : row));
}

/**
 * Rows × columns of the used area a sheet may have: a printed table of 10,000 rows and 100 columns. Each slot becomes
 * a string of the grid, so a sheet whose used area is larger (a value typed at XFD1048576, a damaged record) would
 * take gigabytes before any reader saw it; it is refused with the sheet's name instead.
 */
const MAX_SLOTS = 1_000_000;

/** Why a sheet of this used area is not read, or null when it can be. */
export function oversizeSheet(name: string, rows: number, columns: number): string | null {
  if (rows * columns <= MAX_SLOTS) return null;
  return `工作表“${name}”的使用区域有 ${rows} 行 × ${columns} 列，超过报表可能的大小（${MAX_SLOTS} 个单元格）：工作簿可能已损坏，或在远处的单元格中有内容`;
}

/** A number as stored, without binary floating-point noise: Excel itself keeps 15 significant digits. */
function storedNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/**
 * The number a cell stores (not the text its number format displays: no thousands separators, no rounding to the
 * displayed decimals). A percentage format keeps its meaning: 0.6933 formatted as 0.00% reads 69.33%.
 */
export function numberText(n: number, numFmt: string | undefined): string {
  return numFmt?.includes('%') ? `${storedNumber(n * 100)}%` : storedNumber(n);
}

export function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** A sheet's printed tables: a new one starts at a title row (one cell filled) after blank rows. */
function sheetBlocks(grid: string[][]): Block[] {
  const blocks: Block[] = [];
  let current: string[][] = [];
  let afterBlank = false;
  for (const row of grid) {
    if (filled(row) === 0) {
      afterBlank = current.length > 0;
      continue;
    }
    if (afterBlank && filled(row) === 1) {
      blocks.push({ kind: 'grid', rows: current });
      current = [];
    }
    afterBlank = false;
    current.push(row);
  }
  if (current.length > 0) blocks.push({ kind: 'grid', rows: current });
  return blocks;
}

/**
 * A sheet's first row that titles its table: one cell filled, and not the unit or compiler line a sheet titled by its
 * tab may open with above its header (`单位：万元` alone in the last column).
 */
function titleRow(row: readonly string[]): boolean {
  const cells = row.filter((c) => c !== '');
  return cells.length === 1 && statedUnit(cells[0]) == null && !isCompilerLine(cells[0]);
}

/** A sheet name an office typed (表3 一般公共预算支出表), not the one Excel made up (Sheet1, 工作表1). */
function namedSheet(name: string): boolean {
  return name.trim() !== '' && !/^(?:sheet|工作表)\s*\d*$/i.test(name.trim());
}

type WorkbookFormat = 'xlsx' | 'xls' | 'ods' | 'fods' | 'csv';

/** What each workbook format says when it holds nothing to read. */
const EMPTY: Readonly<Record<WorkbookFormat, string>> = {
  xlsx: '这个 Excel 工作簿中没有可见的、有内容的工作表',
  xls: '这个 Excel 工作簿中没有可见的、有内容的工作表',
  ods: '这个 ODS 工作簿中没有可见的、有内容的工作表',
  fods: '这个 ODS 工作簿中没有可见的、有内容的工作表',
  csv: '这个 CSV 文件中没有内容：所有单元格都是空的',
};

/**
 * The visible sheets of a workbook (hidden ones are not part of what was published: lookup lists, working copies).
 * `encoding` is that of a text format (CSV, the XML workbooks); the others store their text in UTF-8 or UTF-16 themselves.
 */
export function workbookRead(sheets: readonly Sheet[], format: WorkbookFormat, encoding = 'utf-8'): SourceRead {
  const texts: string[] = [];
  const notes: string[] = [];
  for (const sheet of sheets) {
    const grid = expandGrid(sheet.cells);
    notes.push(...sheetNotes(sheet, grid));
    const blocks = sheetBlocks(visibleGrid(grid, sheet));
    if (blocks.length === 0) continue;
    const first = blocks[0].kind === 'grid' ? blocks[0].rows[0] : [];
    // A sheet whose table has no title row is titled by its tab: the tab name is then the table's title.
    if (!titleRow(first) && namedSheet(sheet.name)) blocks.unshift({ kind: 'text', lines: [sheet.name] });
    const text = blocksText(blocks);
    if (text !== '') texts.push(text);
  }
  if (texts.length === 0) return { ok: false, reason: EMPTY[format], line: null };
  const pageStarts: number[] = [];
  let line = 1;
  texts.forEach((text, i) => {
    if (i > 0) pageStarts.push(line);
    line += text.split('\n').length;
  });
  return { ok: true, text: texts.join('\n'), format, encoding, pageStarts, ...(notes.length > 0 ? { sheetNotes: notes } : {}) };
}
