import { z } from 'astro/zod';
import { lineRange, pageBoxes, printedLine } from './common.ts';

export const tableKind = z.enum([
  'income-expenditure-summary',
  'income-summary',
  'expenditure-summary',
  'fiscal-appropriation-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
  'general-budget-project-expenditure',
  'three-public-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
  'carryover-detail',
  'institution-list',
  'fixed-assets',
  'basic-expenditure',
  'project-expenditure',
  'fiscal-appropriation-expenditure',
  'operating-costs',
  'government-procurement',
  'government-purchase-services',
  'other',
]);

export const tableColumn = z.object({
  key: z.string().min(1),
  label: z.string(),
});

export const tableRow = z.object({
  /** Classification code as a digit string (`2080505`, `30101`), or null. */
  code: z.string().regex(/^\d+$/).nullable(),
  /** Which classification the code belongs to, and its level within it. */
  codeScheme: z.enum(['function', 'economic', 'government-economic']).nullable().default(null),
  level: z.number().int().min(1).max(3).nullable().default(null),
  name: z.string(),
  values: z.record(z.string(), z.number().nullable()),
  /** Text cells of rows that are not only amounts (e.g. a project name column), keyed by column key. */
  texts: z.record(z.string(), z.string()).default({}),
  /** The sub-unit a row belongs to in multi-unit tables. */
  group: z.string().nullable().default(null),
  role: z.enum(['data', 'total', 'subtotal', 'group-header']).default('data'),
  /** Set when the row's numbers could not be placed with certainty; the reason says why. */
  flag: z.string().nullable().default(null),
  /** Column keys whose cells stay null because more than one placement of the printed numbers was possible. */
  uncertain: z.array(z.string()).default([]),
  lines: lineRange,
  boxes: pageBoxes,
});

const tableObject = z.object({
  /** Stable within the document (`t1`, `t2` …), used for permalinks and CSV names. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: tableKind,
  /** As printed, or the standard name where the print lost it (then `titleInferred` is true). */
  title: z.string(),
  titleInferred: z.boolean().default(false),
  unit: z.string().nullable(),
  columns: z.array(tableColumn),
  rows: z.array(tableRow),
  /** The document declares the table empty (空表说明 / 本表无数据): still a table of its kind. */
  declaredEmpty: z.boolean().default(false),
  notes: z.array(z.string()).default([]),
  /** Its lines that no row holds (title, unit, column headers, notes), as printed. */
  printed: z.array(printedLine).optional(),
  lines: lineRange,
  /** Where the table is printed, a box a page: its lines but the page furniture (page numbers) between them. */
  boxes: pageBoxes,
});

type Columns = ReadonlyArray<{ key: string }>;

/** A row's amounts keyed by exactly the table's columns, in their order: then the keys need not be written. */
function inColumnOrder(values: Record<string, unknown>, columns: Columns): boolean {
  const keys = Object.keys(values);
  return keys.length === columns.length && keys.every((k, i) => k === columns[i].key);
}

/**
 * A row's amounts as the JSON ingest writes them (src/ingest/serialize.ts): a list in the order of the table's
 * columns where the row has an amount or a blank for each (`[5005.17, 5005.17, null, null]`), else the keyed record.
 * Read back, `values` is the record again: the types and the site see only that.
 */
export function compactRowValues<T extends { columns: Columns; rows: Array<{ values: Record<string, unknown> }> }>(t: T): T {
  return { ...t, rows: t.rows.map((r) => (inColumnOrder(r.values, t.columns) ? { ...r, values: Object.values(r.values) } : r)) };
}

function expandRowValues(value: unknown): unknown {
  const t = value as { columns?: unknown; rows?: unknown } | null;
  if (!t || typeof t !== 'object' || !Array.isArray(t.columns) || !Array.isArray(t.rows)) return value;
  const columns = t.columns as Columns;
  if (!t.rows.some((r) => Array.isArray((r as { values?: unknown } | null)?.values))) return value;
  return {
    ...t,
    rows: t.rows.map((r) => {
      const values = (r as { values?: unknown }).values;
      return Array.isArray(values) && values.length === columns.length
        ? { ...(r as object), values: Object.fromEntries(columns.map((c, i) => [c.key, values[i]])) }
        : r;
    }),
  };
}

export const table = z.preprocess(expandRowValues, tableObject);
/** The table as the JSON ingest walks it: the object inside the reading of compact row values. */
export const tableFields = tableObject;

export type TableKind = z.infer<typeof tableKind>;
export type TableColumn = z.infer<typeof tableColumn>;
export type TableRow = z.infer<typeof tableRow>;
export type Table = z.infer<typeof table>;
