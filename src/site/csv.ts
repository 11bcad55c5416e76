import type { Table, TableColumn } from '../schema/table.ts';
import { textKeysOf, textLabel } from './table-text.ts';

/**
 * What a spreadsheet may read as the start of a formula (OWASP CSV injection): a tab, CR or LF first, or = + - @
 * (also full-width ＝＋－＠ and the small forms ﹦﹢﹣﹫, which some spreadsheets fold) after any leading spaces, since
 * spreadsheets trim those before deciding.
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B])/;

/**
 * A cell as CSV: quoted, and with a leading apostrophe where a spreadsheet would read the text as a formula, so
 * that document text cannot run in the reader's spreadsheet.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** UTF-8 with BOM so that Excel opens Chinese text correctly; CRLF line ends as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${csvLines([header, ...rows])}`;
}

/**
 * Rows as CSV lines, each ended by CRLF: a part of a CSV file written piece by piece. A text cell is quoted once per
 * call: a disclosure's rows in data/all-rows.csv repeat its slug, department, table and row names on every value's
 * line, and quoting each again was most of the build's CSV time (docs/benchmarks.md, "astro build: CPU a disclosure").
 */
export function csvLines(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const quoted = new Map<string, string>();
  const cell = (value: string | number | null): string => {
    if (typeof value !== 'string') return csvCell(value);
    let text = quoted.get(value);
    if (text === undefined) quoted.set(value, (text = csvCell(value)));
    return text;
  };
  let out = '';
  for (const row of rows) out += `${row.map(cell).join(',')}\r\n`;
  return out;
}

/**
 * A column's label as a download names it: one the header did not print, the standard form's (schema/table.ts
 * fromTemplate), says so, as the page marks it with a star.
 */
export function downloadLabel(column: TableColumn): string {
  const label = column.label.trim();
  return label && column.fromTemplate ? `${label}（原表表头未能读出，按标准表式）` : label;
}

/**
 * A table's CSV header. A repeated or empty column label gets its printed column number (第N列) so that every field
 * name is unique and still reads as Chinese; the internal column key never reaches the reader.
 */
export function tableCsvHeader(table: Table): { fixed: string[]; textKeys: string[]; columns: string[] } {
  const textKeys = textKeysOf(table).map(textLabel);
  const seen = new Set(['分组', '科目编码', '名称', ...textKeys]);
  const columns = table.columns.map((c, i) => {
    const label = downloadLabel(c);
    const name = !label ? `第${i + 1}列` : seen.has(label) ? `${label}（第${i + 1}列）` : label;
    seen.add(name);
    return name;
  });
  return { fixed: ['分组', '科目编码', '名称'], textKeys, columns };
}

export function tableCsv(table: Table): string {
  const { fixed, textKeys, columns } = tableCsvHeader(table);
  const keys = textKeysOf(table);
  const rows = table.rows.map((r) => [
    r.group,
    r.code,
    r.name,
    ...keys.map((k) => r.texts[k] ?? null),
    ...table.columns.map((c) => r.values[c.key] ?? null),
  ]);
  return toCsv([...fixed, ...textKeys, ...columns], rows);
}
