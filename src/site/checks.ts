import type { Check } from '../schema/common.ts';
import type { Disclosure } from '../schema/disclosure.ts';

/**
 * Checks grouped under the table they concern: check ids start with the table id (`t3:parent-sum:…`). Each table's
 * list grows in place: a large table has thousands of checks, and copying its list for each one was a tenth of all
 * the memory an astro build allocates (docs/benchmarks.md, "astro build: garbage a disclosure makes").
 */
export function checksByTable(doc: Disclosure): Map<string, Check[]> {
  const byTable = new Map<string, Check[]>();
  const ids = new Set(doc.tables.map((t) => t.id));
  for (const check of doc.checks) {
    // The id up to its first colon, without the array of every part `split` makes (a table has thousands of checks).
    const colon = check.id.indexOf(':');
    const tableId = colon < 0 ? check.id : check.id.slice(0, colon);
    if (!ids.has(tableId)) continue;
    const list = byTable.get(tableId);
    if (list) list.push(check);
    else byTable.set(tableId, [check]);
  }
  return byTable;
}
