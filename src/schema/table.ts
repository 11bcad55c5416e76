import { z } from 'astro/zod';
import { lineRange, printedLine } from './common.ts';

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
  group: z.string().nullable(),
  role: z.enum(['data', 'total', 'subtotal', 'group-header']).default('data'),
  /** Set when the row's numbers could not be placed with certainty; the reason says why. */
  flag: z.string().nullable().default(null),
  /** Column keys whose cells stay null because more than one placement of the printed numbers was possible. */
  uncertain: z.array(z.string()).default([]),
  lines: lineRange,
});

export const table = z.object({
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
});

export type TableKind = z.infer<typeof tableKind>;
export type TableColumn = z.infer<typeof tableColumn>;
export type TableRow = z.infer<typeof tableRow>;
export type Table = z.infer<typeof table>;
