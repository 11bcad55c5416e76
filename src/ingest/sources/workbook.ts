/**
 * What every workbook format shares once its cells are read: each visible sheet becomes grid lines (grid.ts), a
 * sheet holding several printed tables one block per table, each sheet after the first a new page in `pageStarts`.
 * The readers of each file format (xlsx.ts; xls.ts, for .ods too; csv.ts) only turn their cells into `GridCell`s.
 */
import { blocksText, expandGrid, filled, type Block, type GridCell } from './grid.ts';
import type { SourceRead } from './index.ts';

export interface Sheet {
  name: string;
  /** Every row of the sheet, merged ranges as one cell with its spans. */
  cells: GridCell[][];
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
  for (const sheet of sheets) {
    const blocks = sheetBlocks(expandGrid(sheet.cells));
    if (blocks.length === 0) continue;
    const first = blocks[0].kind === 'grid' ? blocks[0].rows[0] : [];
    // A sheet whose table has no title row is titled by its tab: the tab name is then the table's title.
    if (filled(first) > 1 && namedSheet(sheet.name)) blocks.unshift({ kind: 'text', lines: [sheet.name] });
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
  return { ok: true, text: texts.join('\n'), format, encoding, pageStarts };
}
