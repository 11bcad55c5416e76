import { table as tableSchema } from '../schema/table.ts';
import { tableCsv } from './csv.ts';

/**
 * One table's CSV from its disclosure's published JSON (data/<slug>.json.gz unpacked, compact as ingest wrote it):
 * the table is read through the schema, which restores what the compact form leaves out, then written as the build
 * once wrote each table's file. Null when the document has no such table.
 */
export function tableCsvOf(document: unknown, tableId: string): string | null {
  const tables = (document as { tables?: unknown } | null)?.tables;
  const raw = Array.isArray(tables) ? tables.find((t: { id?: unknown }) => t?.id === tableId) : undefined;
  return raw === undefined ? null : tableCsv(tableSchema.parse(raw));
}
