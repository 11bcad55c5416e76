/**
 * The 款 and 项 of the 支出功能分类 under each 类, as the site's documents print them: what a 类's page
 * (src/pages/functions/[code]/) lists, so that a search for a 款 or 项 by its name or code (住房公积金, 2210201) finds
 * the page of its 类 — the one page about a classification — where the tables' rows are no longer in the full-text
 * index (src/site/search-scope.ts). Only 类 have a page. The names are the documents' own, the one most documents
 * print for a code: the national list of 款 and 项 changes every year, and the project holds only its common entries,
 * for the review (src/review/data/classification-codes.ts), so a page lists every code its documents print.
 */
import { codeLevel, FUNCTION_CLASSES, schemeOf } from '../core/codes.ts';
import type { Table } from '../schema/table.ts';
import { namesPurchases } from '../core/purchase-tables.ts';
import type { ClassSpending } from './cross-department.ts';
import type { DisclosureSummary } from './disclosure-summary.ts';

/**
 * The 款 and 项 codes the tables print and their names, once each (as first printed), in print order; not a purchase
 * table's, whose rows are named for what is bought.
 */
export function printedFunctionItems(tables: ReadonlyArray<Pick<Table, 'rows' | 'kind'>>): Array<[string, string]> {
  const items = new Map<string, string>();
  for (const { code, name } of tables.filter((t) => !namesPurchases(t.kind)).flatMap((t) => t.rows)) {
    if (!code || items.has(code) || schemeOf(code) !== 'function') continue;
    const level = codeLevel(code, 'function');
    // A row's name may print its code before it (DataTable.astro shows the code once).
    const own = (name.startsWith(code) ? name.slice(code.length) : name).trim();
    if ((level === 2 || level === 3) && own) items.set(code, own);
  }
  return [...items];
}

export interface FunctionItem {
  code: string;
  name: string;
  /** Documents that print it. */
  documents: number;
}

/** For each 类 code, its 款 and 项 that any of the documents prints, by code; each under the name most of them print. */
export function functionItemsByClass(docs: ReadonlyArray<Pick<DisclosureSummary, 'functionItems'>>): Map<string, FunctionItem[]> {
  const names = new Map<string, Map<string, number>>();
  for (const doc of docs) {
    for (const [code, name] of doc.functionItems) {
      const counts = names.get(code) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      names.set(code, counts);
    }
  }
  const byClass = new Map<string, FunctionItem[]>();
  for (const code of [...names.keys()].sort()) {
    const head = code.slice(0, 3);
    if (!(head in FUNCTION_CLASSES)) continue;
    const counts = [...names.get(code)!];
    const [name] = counts.reduce((best, next) => (next[1] > best[1] ? next : best));
    const item = { code, name, documents: counts.reduce((sum, [, n]) => sum + n, 0) };
    const list = byClass.get(head);
    if (list) list.push(item);
    else byClass.set(head, [item]);
  }
  return byClass;
}

/** What a 类's page says of its spending, and its search result shows (search-catalog.ts `classificationMeta`). */
export function classCounts(list: readonly ClassSpending[]): { departments: number; documents: number; regions: string[] } {
  const regions = new Map<string, number>();
  for (const { doc } of list) if (doc.region[0]) regions.set(doc.region[0], (regions.get(doc.region[0]) ?? 0) + 1);
  return {
    departments: new Set(list.map((s) => s.doc.department)).size,
    documents: list.length,
    regions: [...regions].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([region]) => region),
  };
}
