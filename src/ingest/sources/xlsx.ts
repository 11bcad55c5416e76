/**
 * Excel workbooks (.xlsx): offices export their tables from Excel, and some publish the workbook. Every visible
 * sheet becomes grid lines (see grid.ts); a sheet holding several printed tables becomes one block per table; each
 * sheet after the first starts a new page in `pageStarts`.
 */
import type ExcelJS from 'exceljs';
import { blocksText, expandGrid, filled, type Block, type GridCell } from './grid.ts';
import type { SourceRead } from './index.ts';
import { isOfficePackage } from './office-package.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, text: string, encoding: 'latin1' | 'utf16le' = 'latin1'): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, encoding));
}

/** An xlsx package: its main part is the SpreadsheetML workbook. */
export function isXlsx(bytes: Uint8Array): boolean {
  return isOfficePackage(bytes, 'xl/workbook.xml');
}

/**
 * A legacy binary workbook (.xls): an OLE compound file with a `Workbook` (or Excel 5 `Book`) stream, named in its
 * directory in UTF-16 with a terminating NUL (so that the word in a Word document's text does not count).
 */
export function isLegacyXls(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE) && (contains(bytes, 'Workbook\0', 'utf16le') || contains(bytes, 'Book\0', 'utf16le'));
}

export const LEGACY_XLS_REASON =
  '这是旧版 Excel 工作簿（.xls），本程序只读取 .xlsx：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入';

/** A number as stored, without binary floating-point noise: Excel itself keeps 15 significant digits. */
function storedNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/**
 * The value a cell stores (not the text its number format displays: no thousands separators, no rounding to the
 * displayed decimals). A percentage format keeps its meaning: 0.6933 formatted as 0.00% reads 69.33%.
 */
function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numFmt?.includes('%') ? `${storedNumber(value * 100)}%` : storedNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue, numFmt);
  if ('error' in value) return value.error;
  // A formula: the result Excel computed and saved with the file.
  if ('result' in value) return valueText((value.result ?? null) as ExcelJS.CellValue, numFmt);
  return '';
}

/** Every cell of the sheet in rows, merged ranges as one cell with its spans. */
function sheetCells(ws: ExcelJS.Worksheet): GridCell[][] {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const range of ws.model.merges ?? []) {
    const [from, to = from] = range.split(':');
    const a = ws.getCell(from);
    const b = ws.getCell(to);
    spans.set(a.address, { rowSpan: Number(b.row) - Number(a.row) + 1, colSpan: Number(b.col) - Number(a.col) + 1 });
  }
  const rows: GridCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      const span = spans.get(cell.address) ?? { rowSpan: 1, colSpan: 1 };
      cells.push({ text: valueText(cell.value, cell.numFmt), ...span });
    }
    rows.push(cells);
  }
  return rows;
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
  return !/^(?:sheet|工作表)\s*\d*$/i.test(name.trim());
}

export async function readXlsx(bytes: Uint8Array): Promise<SourceRead> {
  // Loaded with the first workbook: exceljs takes a quarter of a second to load, which every parse thread paid at
  // start-up for a corpus that holds no workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer; the bytes are passed as they are.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    // exceljs's own words (English, about ZIP internals) tell the office nothing it can act on.
    return { ok: false, reason: '无法读取这个 Excel 工作簿：文件已损坏、不完整或已加密', line: null };
  }
  const texts: string[] = [];
  for (const ws of workbook.worksheets) {
    // A hidden sheet is not part of what was published (lookup lists, working copies).
    if (ws.state !== 'visible') continue;
    const blocks = sheetBlocks(expandGrid(sheetCells(ws)));
    if (blocks.length === 0) continue;
    const first = blocks[0].kind === 'grid' ? blocks[0].rows[0] : [];
    // A sheet whose table has no title row is titled by its tab: the tab name is then the table's title.
    if (filled(first) > 1 && namedSheet(ws.name)) blocks.unshift({ kind: 'text', lines: [ws.name] });
    const text = blocksText(blocks);
    if (text !== '') texts.push(text);
  }
  if (texts.length === 0) return { ok: false, reason: '这个 Excel 工作簿中没有可见的、有内容的工作表', line: null };
  const pageStarts: number[] = [];
  let line = 1;
  texts.forEach((text, i) => {
    if (i > 0) pageStarts.push(line);
    line += text.split('\n').length;
  });
  return { ok: true, text: texts.join('\n'), format: 'xlsx', encoding: 'utf-8', pageStarts };
}
