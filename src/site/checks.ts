import type { Check } from '../schema/common.ts';
import type { Disclosure } from '../schema/disclosure.ts';

/** Checks grouped under the table they concern: check ids start with the table id (`t3:parent-sum:…`). */
export function checksByTable(doc: Disclosure): Map<string, Check[]> {
  const byTable = new Map<string, Check[]>();
  const ids = new Set(doc.tables.map((t) => t.id));
  for (const check of doc.checks) {
    const tableId = check.id.split(':')[0];
    if (!ids.has(tableId)) continue;
    byTable.set(tableId, [...(byTable.get(tableId) ?? []), check]);
  }
  return byTable;
}
