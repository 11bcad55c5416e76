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
  /**
   * The key of the column this one is a part of, where the header prints it under that column's group (一般公共预算
   * under 上年结转结余 / 小计 is part of that 小计): the row's identities then need not know the column's label. Left out
   * where no header tree says (a one-line header; single-space text but where its header numbers the columns of its
   * groups: spaced/header.ts groupedColumns).
   */
  parent: z.string().nullable().optional(),
  /**
   * The label is the standard template's, not printed in the table's header (single-space text whose header names
   * no column legibly: spaced/header.ts amountColumns). The site marks it; left out where the header printed it.
   */
  fromTemplate: z.literal(true).optional(),
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
  /**
   * Column keys whose cells stay null because more than one placement of the printed numbers was possible, or because
   * the source does not give the amount (a workbook formula saved without its result, kept in `texts`).
   */
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
  /**
   * The kind was told from the table's columns, rows and place among the tables, not read from its title (none printed,
   * or a caption naming no standard table); always so where `titleInferred`.
   */
  kindInferred: z.boolean().default(false),
  unit: z.string().nullable(),
  columns: z.array(tableColumn),
  rows: z.array(tableRow),
  /** The document declares the table empty (空表说明 / 本表无数据): still a table of its kind. */
  declaredEmpty: z.boolean().default(false),
  /**
   * How the source gave the table's cells: `exact` (a workbook's or web page's cells, tab-separated text), `positioned`
   * (each amount where it is printed: a PDF, `pdftotext -layout`), or `placed` (single-space text keeps no positions:
   * the amounts were put in columns by the table's identities, and a row left open says so in `flag`).
   */
  cells: z.enum(['exact', 'positioned', 'placed']).default('positioned'),
  notes: z.array(z.string()).default([]),
  /** Its lines that no row holds (title, unit, column headers, notes), as printed. */
  printed: z.array(printedLine).optional(),
  lines: lineRange,
  /** Where the table is printed, a box a page: its lines but the page furniture (page numbers) between them. */
  boxes: pageBoxes,
});

type Columns = ReadonlyArray<{ key: string }>;
type Row = Record<string, unknown> & { values: Record<string, unknown> | unknown[] };
type CompactTable = Record<string, unknown> & { columns: Columns; rows: Row[] };

/** A row's amounts keyed by exactly the table's columns, in their order: then the keys need not be written. */
function inColumnOrder(values: Record<string, unknown>, columns: Columns): boolean {
  const keys = Object.keys(values);
  return keys.length === columns.length && keys.every((k, i) => k === columns[i].key);
}

/** The level a classification code's length gives: 3 digits 类 (1), 5 digits 款 (2), 7 digits 项 (3). */
const LEVEL_OF_LENGTH: Readonly<Record<number, number>> = { 3: 1, 5: 2, 7: 3 };

/** Row fields a table may state once for all its rows (`rowDefaults`), with the value a row has when none is given. */
const ROW_DEFAULTS: ReadonlyArray<[string, unknown]> = [
  ['codeScheme', null],
  ['flag', null],
  ['uncertain', []],
];

/** The value most rows have in a field (a field left out counts as `absent`), as JSON text. */
function mostCommon(rows: readonly Row[], key: string, absent: unknown): string {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = JSON.stringify(key in r ? r[key] : absent);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best = JSON.stringify(absent);
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * A table as the JSON ingest writes it (src/ingest/serialize.ts), from the table without its default fields:
 * - a row's amounts are a list in the order of the table's columns where the row has an amount or a blank for each
 *   (`[5005.17, 5005.17, null, null]`), else the keyed record;
 * - `rowDefaults` holds the `codeScheme`, `flag` or `uncertain` most of the table's rows have, where that is not the
 *   schema's default: a row states the field only where its value differs (`null` or `[]` included);
 * - a row's `level` is left out where its code's length gives it (3 digits 1, 5 digits 2, 7 digits 3);
 * - in a table of several sub-units, `groups` lists their names once and a row's `group` is its sub-unit's place in
 *   that list (0 for the first).
 * Read back, the rows are as the schema describes them again: the types and the site see only that.
 */
export function compactTable<T extends CompactTable>(t: T): T {
  const defaults: Record<string, unknown> = {};
  // Each default's JSON, written once for the table, not again for each row it is compared with.
  const defaultJson = new Map<string, string>();
  for (const [key, absent] of ROW_DEFAULTS) {
    const common = mostCommon(t.rows, key, absent);
    if (common !== JSON.stringify(absent)) {
      defaults[key] = JSON.parse(common);
      defaultJson.set(key, common);
    }
  }
  const groups = [...new Set(t.rows.map((r) => r.group as string | undefined).filter((g) => g !== undefined))];
  // Each row is built field by field, not copied and then pruned: an object a field is deleted from takes V8's slow
  // form, several times the size, and a big document's serialization holds all of them at once (issue 16).
  const rows = t.rows.map((r) => {
    const row: Record<string, unknown> = {};
    const implied = typeof r.code === 'string' ? LEVEL_OF_LENGTH[r.code.length] : undefined;
    for (const key of Object.keys(r)) {
      const v = r[key];
      const common = defaultJson.get(key);
      if (common !== undefined && JSON.stringify(v) === common) continue;
      if (key === 'level' && v === implied) continue;
      if (key === 'values' && !Array.isArray(v) && inColumnOrder(r.values as Record<string, unknown>, t.columns)) row.values = Object.values(r.values);
      else if (key === 'group' && groups.length > 0) row.group = groups.indexOf(v as string);
      else row[key] = v;
    }
    for (const [key, absent] of ROW_DEFAULTS) if (key in defaults && !(key in r)) row[key] = absent;
    if (implied !== undefined && !('level' in r)) row.level = null;
    return row as Row;
  });
  // The table-level fields go before `rows`, where a reader meets them first.
  const { rows: _rows, ...rest } = t;
  return {
    ...rest,
    ...(Object.keys(defaults).length > 0 ? { rowDefaults: defaults } : {}),
    ...(groups.length > 0 ? { groups } : {}),
    rows,
  } as T;
}

function expandTable(value: unknown): unknown {
  const t = value as { columns?: unknown; rows?: unknown; rowDefaults?: unknown; groups?: unknown } | null;
  if (!t || typeof t !== 'object' || !Array.isArray(t.columns) || !Array.isArray(t.rows)) return value;
  const columns = t.columns as Columns;
  const groups = Array.isArray(t.groups) ? (t.groups as unknown[]) : null;
  const defaults = t.rowDefaults && typeof t.rowDefaults === 'object' ? (t.rowDefaults as Record<string, unknown>) : {};
  const levelLeftOut = (r: Record<string, unknown>) => !('level' in r) && typeof r.code === 'string' && LEVEL_OF_LENGTH[r.code.length] !== undefined;
  const compactRow = (r: unknown) => !!r && typeof r === 'object' && (Array.isArray((r as Row).values) || levelLeftOut(r as Row));
  const compact = t.rowDefaults !== undefined || groups !== null || t.rows.some(compactRow);
  // A table in full (as the parsers hand it to the schema) is read as it is: no copy of a big document's rows.
  if (!compact) return value;
  const { rowDefaults: _defaults, groups: _groups, ...rest } = t;
  return {
    ...rest,
    rows: t.rows.map((r) => {
      if (!r || typeof r !== 'object') return r;
      const row = { ...(r as Record<string, unknown>) };
      const values = row.values;
      if (Array.isArray(values) && values.length === columns.length) row.values = Object.fromEntries(columns.map((c, i) => [c.key, values[i]]));
      for (const [key, v] of Object.entries(defaults)) if (!(key in row)) row[key] = Array.isArray(v) ? [...v] : v;
      if (levelLeftOut(row)) row.level = LEVEL_OF_LENGTH[(row.code as string).length];
      if (groups !== null && typeof row.group === 'number') row.group = groups[row.group];
      return row;
    }),
  };
}

export const table = z.preprocess(expandTable, tableObject);
/** The table as the JSON ingest walks it: the object inside the reading of compact row values. */
export const tableFields = tableObject;

export type TableKind = z.infer<typeof tableKind>;
export type TableColumn = z.infer<typeof tableColumn>;
export type TableRow = z.infer<typeof tableRow>;
export type Table = z.infer<typeof table>;
