/**
 * Comma-separated tables (.csv): what portals offer as a table's download and what Excel and WPS save as "CSV (逗号分
 * 隔)", often in GBK (decode.ts finds the encoding, a BOM included). Its records are a sheet's rows, so the file is read
 * as a one-sheet workbook (workbook.ts): one block of cells per printed table, the cells exactly as the file states
 * them, never guessed again from white space. Quoted fields (RFC 4180) hold commas, quotes and line breaks.
 */
import type { GridCell } from './grid.ts';
import type { SourceRead } from './index.ts';
import { workbookRead } from './workbook.ts';

/** Separators a spreadsheet writes: the comma, and the semicolon of locales whose decimal mark is a comma. */
const DELIMITERS = [',', ';'] as const;

/**
 * Excel's first line `sep=;` (any one character after `sep=`): the delimiter the file is split at, which Excel writes
 * when asked to and honours when it opens the file, and does not show as a row. Returns the delimiter and the text
 * after the line, or null when the text has no such line.
 */
export function separatorLine(text: string): { delimiter: string; line: string; rest: string } | null {
  const m = /^sep=([^\r\n"])(\r\n|\r|\n|$)/.exec(text);
  return m ? { delimiter: m[1], line: `sep=${m[1]}`, rest: text.slice(m[0].length) } : null;
}

/** The file's records, each its fields; null when a quoted field is never closed (the text is no CSV). */
export function parseCsv(text: string, delimiter: string): string[][] | null {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted) return null;
  if (field !== '' || fields.length > 0) records.push([...fields, field]);
  return records;
}

/**
 * `="2010301"`: how finance systems write a code so that Excel keeps it as text (its leading zeros, its digits
 * beyond 15) rather than making it a number; the cell is the text between the quotes.
 */
function cellValue(field: string): string {
  const m = /^="(.*)"$/s.exec(field);
  return m ? m[1] : field;
}

const blank = (record: readonly string[]) => record.every((f) => f.trim() === '');

/**
 * The separator this text is a table of, or null when it is not one. A file named `.csv` is a table when some record
 * has two fields. Any other text has to show it itself, because `1,234.56` in an extracted text has a comma too:
 * every record the same number of fields, two or more (Excel and WPS write every row of a sheet to the width of its
 * used area, a title row too), and no tab (an extraction's cells are tab-separated, and such text is read as it is).
 */
export function csvDelimiter(text: string, namedCsv: boolean): string | null {
  // A `sep=` line declares the file a CSV and its delimiter, whatever its name: a tab too.
  const declared = separatorLine(text);
  if (declared) return parseCsv(declared.rest, declared.delimiter) ? declared.delimiter : null;
  // What every text but a CSV fails at once, before it is parsed: a title line has no separator.
  const firstLine = /^[^\n]*?\S[^\n]*/m.exec(text)?.[0] ?? '';
  if (!namedCsv && text.includes('\t')) return null;
  let best: { delimiter: string; wide: number } | null = null;
  for (const delimiter of DELIMITERS) {
    if (!namedCsv && !firstLine.includes(delimiter)) continue;
    const all = parseCsv(text, delimiter);
    if (!all) continue;
    const records = all.filter((r) => !blank(r));
    const wide = all.filter((r) => r.length >= 2).length;
    const uniform = records.length >= 2 && records.every((r) => r.length >= 2 && r.length === records[0].length);
    if (!(namedCsv ? wide > 0 : uniform)) continue;
    if (!best || wide > best.wide) best = { delimiter, wide };
  }
  return best?.delimiter ?? null;
}

/**
 * The table a CSV text states, as a workbook's single sheet is read. A `sep=` line is not a row: it is left out of
 * the text and returned as `separatorLine`, for the document to say what became of it.
 */
export function readCsv(text: string, delimiter: string, encoding: string): SourceRead {
  const declared = separatorLine(text);
  const records = parseCsv(declared?.delimiter === delimiter ? declared.rest : text, delimiter) ?? [];
  const cells: GridCell[][] = records.map((record) => record.map((field) => ({ text: cellValue(field), rowSpan: 1, colSpan: 1 })));
  // A CSV has no sheet name (the one Excel shows is the file's name): its table is titled by its own title row.
  const read = workbookRead([{ name: '', cells }], 'csv', encoding);
  return read.ok && declared?.delimiter === delimiter ? { ...read, separatorLine: declared.line } : read;
}
