/**
 * Legacy workbooks that many offices still publish as .xls: the binary format of Excel 97–2003 and WPS, and the XML
 * Spreadsheet of Excel 2003 that finance systems export under the same extension. SheetJS (the npm republication of
 * its own 0.20.3 release, @e965/xlsx: the registry's `xlsx` stops at 0.18.5, before fixes for crafted files) reads
 * them, and OpenDocument spreadsheets too (ods.ts); workbook.ts makes the cells lines as it does for .xlsx.
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import type { GridCell } from './grid.ts';
import type { SourceRead } from './index.ts';
import type { HiddenLines } from './ods.ts';
import { dateText, numberText, oversizeSheet, workbookRead, type Sheet } from './workbook.ts';

/** The parts of SheetJS's number-format library (typed `any` by SheetJS) read here. */
interface Ssf {
  parse_date_code: (serial: number, options: { date1904: boolean }) => { y: number; m: number; d: number; H: number; M: number; S: number } | null;
  is_date: (format: string) => boolean;
}

/** A date serial as a date (the 1900 or 1904 system the workbook declares), in UTC as exceljs gives it. */
function serialDate(serial: number, date1904: boolean, SSF: Ssf): Date | null {
  const d = SSF.parse_date_code(serial, { date1904 });
  return d ? new Date(Date.UTC(d.y, d.m - 1, d.d, d.H, d.M, d.S)) : null;
}

/** The value a cell stores, as workbook.ts writes numbers and dates (a formula's value is its saved result). */
function valueText(cell: CellObject | undefined, date1904: boolean, SSF: Ssf): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 'n': {
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      const date = format && SSF.is_date(format) ? serialDate(cell.v as number, date1904, SSF) : null;
      return date ? dateText(date) : numberText(cell.v as number, format);
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '';
    case 'd':
      return dateText(cell.v as Date);
    default:
      return String(cell.v);
  }
}

/** The places of the rows or columns a sheet hides (SheetJS reads them with the cells' styles). */
function hiddenOf(lines: ReadonlyArray<{ hidden?: boolean } | undefined> | undefined, known: ReadonlySet<number> = new Set()): Set<number> {
  const hidden = new Set<number>(known);
  lines?.forEach((line, i) => {
    if (line?.hidden) hidden.add(i);
  });
  return hidden;
}

type DenseRows = Array<Array<CellObject | undefined> | undefined>;

/** Rows and columns of a sheet's used area. Rows without cells are holes in SheetJS's array, which map and forEach skip. */
function extent(data: DenseRows): { rows: number; columns: number } {
  let columns = 0;
  for (let r = 0; r < data.length; r++) columns = Math.max(columns, data[r]?.length ?? 0);
  return { rows: data.length, columns };
}

/** Every cell of the sheet in rows, merged ranges as one cell with its spans. */
function sheetCells(ws: WorkSheet, data: DenseRows, width: number, date1904: boolean, SSF: Ssf): GridCell[][] {
  const spans = new Map<number, { rowSpan: number; colSpan: number }>();
  const covered = new Set<number>();
  for (const { s, e } of ws['!merges'] ?? []) {
    spans.set(s.r * width + s.c, { rowSpan: e.r - s.r + 1, colSpan: e.c - s.c + 1 });
    // Only slots that hold data matter: a merge reaching past the last row or column is cut there.
    for (let r = s.r; r <= Math.min(e.r, data.length - 1); r++) {
      for (let c = s.c; c <= Math.min(e.c, width - 1); c++) if (r !== s.r || c !== s.c) covered.add(r * width + c);
    }
  }
  return Array.from({ length: data.length }, (_, r) => {
    const row = data[r];
    const cells: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(r * width + c)) continue;
      cells.push({ text: valueText(row?.[c], date1904, SSF), ...(spans.get(r * width + c) ?? { rowSpan: 1, colSpan: 1 }) });
    }
    return cells;
  });
}

/**
 * A workbook SheetJS reads: a legacy .xls, or an OpenDocument spreadsheet (ods.ts), whose hidden sheets (by their
 * place in the workbook) that reader finds itself. `encoding` is that of an XML workbook read as text (decode.ts).
 */
export async function readXls(
  source: Uint8Array | string,
  format: 'xls' | 'ods' | 'fods' = 'xls',
  hidden: ReadonlySet<number> = new Set(),
  encoding = 'utf-8',
  /** An ODS's hidden rows and columns by sheet, which SheetJS does not read there (ods.ts). */
  hiddenLines: ReadonlyArray<HiddenLines> = [],
): Promise<SourceRead> {
  // Loaded with the first .xls, as exceljs is with the first .xlsx: most corpora hold none.
  const XLSX = await import('@e965/xlsx');
  // Excel 95 (BIFF5) stores text in the workbook's code page (GBK for a Chinese office); Excel 97 and later in UTF-16.
  XLSX.set_cptable(await import('@e965/xlsx/dist/cpexcel.full.mjs'));
  let workbook;
  // SheetJS writes a line to the console for each record type it does not know (English, record numbers): nothing an
  // office can act on, and not this program's output. The read is synchronous, so the console is only lent.
  const consoleError = console.error;
  console.error = () => {};
  try {
    workbook = XLSX.read(source, { type: typeof source === 'string' ? 'string' : 'array', dense: true, cellNF: true, cellFormula: false, cellHTML: false, cellStyles: true });
  } catch {
    // SheetJS's own words (English, about records) tell the office nothing it can act on.
    return { ok: false, reason: `无法读取这个 .${format} 工作簿：文件已损坏、不完整或已加密`, line: null };
  } finally {
    console.error = consoleError;
  }
  const date1904 = !!workbook.Workbook?.WBProps?.date1904;
  const sheets: Sheet[] = [];
  for (const [i, name] of workbook.SheetNames.entries()) {
    const ws = workbook.Sheets[name];
    // Hidden sheets (1, and 2 for "very hidden") are not part of what was published; a damaged directory can name a
    // sheet whose records are missing.
    if (workbook.Workbook?.Sheets?.[i]?.Hidden || hidden.has(i) || !ws) continue;
    const data = (ws['!data'] ?? []) as DenseRows;
    const { rows, columns } = extent(data);
    const oversize = oversizeSheet(name, rows, columns);
    if (oversize) return { ok: false, reason: oversize, line: null };
    sheets.push({ name, cells: sheetCells(ws, data, columns, date1904, XLSX.SSF as Ssf), hiddenRows: hiddenOf(ws['!rows'], hiddenLines[i]?.rows), hiddenColumns: hiddenOf(ws['!cols'], hiddenLines[i]?.columns) });
  }
  return workbookRead(sheets, format, encoding);
}
