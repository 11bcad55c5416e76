/**
 * Excel workbooks (.xlsx): offices export their tables from Excel, and some publish the workbook. exceljs reads the
 * cells; workbook.ts makes them lines as it does for every workbook format.
 */
import type ExcelJS from 'exceljs';
import type { GridCell } from './grid.ts';
import type { SourceRead } from './index.ts';
import { columnName, dateText, numberText, oversizeSheet, workbookRead, type Sheet } from './workbook.ts';
import { uncomputedCell } from '../layout/cell-text.ts';

/** The value a cell stores, as workbook.ts writes numbers and dates. */
function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue, numFmt);
  if ('error' in value) return value.error;
  // A formula: the result Excel computed and saved with the file.
  if ('result' in value) return valueText((value.result ?? null) as ExcelJS.CellValue, numFmt);
  return '';
}

/**
 * The rows and columns up to the last cell holding a value. exceljs's own counts also take rows that only carry a
 * style, which a workbook can have down to row 1,048,576.
 */
function usedExtent(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.value === null || cell.value === undefined) return;
      rows = r;
      columns = Math.max(columns, c);
    }),
  );
  return { rows, columns };
}

/** A formula saved without its result: a program wrote the workbook and Excel never computed and saved it. */
function uncomputed(value: ExcelJS.CellValue): boolean {
  return value != null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value) && (value.result === undefined || value.result === null);
}

/**
 * Every cell of the sheet's used area in rows, merged ranges as one cell with its spans; the rows and columns it hides
 * and the formulas without a result, as workbook.ts says what became of them.
 */
function sheetOf(ws: ExcelJS.Worksheet, used: { rows: number; columns: number }): Sheet {
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  const formulas: string[] = [];
  for (let c = 1; c <= used.columns; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c - 1);
  const cells = sheetCells(ws, used, (r, c, value) => {
    if (uncomputed(value)) formulas.push(`${columnName(c - 1)}${r}`);
  });
  for (let r = 1; r <= used.rows; r++) if (ws.getRow(r).hidden) hiddenRows.add(r - 1);
  return { name: ws.name, cells, hiddenRows, hiddenColumns, uncomputed: formulas };
}

/** Every cell of the sheet's used area in rows, merged ranges as one cell with its spans. */
function sheetCells(ws: ExcelJS.Worksheet, used: { rows: number; columns: number }, seen: (r: number, c: number, value: ExcelJS.CellValue) => void): GridCell[][] {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const range of ws.model.merges ?? []) {
    const [from, to = from] = range.split(':');
    const a = ws.getCell(from);
    const b = ws.getCell(to);
    spans.set(a.address, { rowSpan: Number(b.row) - Number(a.row) + 1, colSpan: Number(b.col) - Number(a.col) + 1 });
  }
  const rows: GridCell[][] = [];
  for (let r = 1; r <= used.rows; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= used.columns; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      seen(r, c, cell.value);
      const span = spans.get(cell.address) ?? { rowSpan: 1, colSpan: 1 };
      // Its amount is unknown, not blank: the tables read it so (layout/cell-text.ts).
      const text = uncomputed(cell.value) ? uncomputedCell(cell.address) : valueText(cell.value, cell.numFmt);
      cells.push({ text, ...span });
    }
    rows.push(cells);
  }
  return rows;
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
  const sheets: Sheet[] = [];
  for (const ws of workbook.worksheets.filter((w) => w.state === 'visible')) {
    const used = usedExtent(ws);
    const oversize = oversizeSheet(ws.name, used.rows, used.columns);
    if (oversize) return { ok: false, reason: oversize, line: null };
    sheets.push(sheetOf(ws, used));
  }
  return workbookRead(sheets, 'xlsx');
}
