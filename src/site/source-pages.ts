import type { Disclosure } from '../schema/disclosure.ts';
import type { Table } from '../schema/table.ts';
import { pageOfLine } from '../core/pages.ts';
import { sourcePath } from './sources.ts';

/**
 * Where a source line can be seen as published: the original PDF opened at the line's page (`…pdf#page=N`, which
 * every PDF viewer honours), or null when the source is not a PDF or is not served beside the data.
 */
export function sourcePageLink(doc: Disclosure, line: number): { path: string; page: number } | null {
  if (doc.source.format !== 'pdf') return null;
  const path = sourcePath(doc);
  if (!path) return null;
  const page = pageOfLine(doc.source.pageStarts, line);
  return { path: `${path}#page=${page}`, page };
}

/**
 * The rows of a table printed over several PDF pages that open a page: each with the link to that page, keyed by the
 * row's first line, so that a reader sees where the printed table turns the page. Empty for a one-page table.
 */
export function rowPageBreaks(doc: Disclosure, table: Table): Map<number, { path: string; page: number }> {
  const breaks = new Map<number, { path: string; page: number }>();
  let page = sourcePageLink(doc, table.lines.first)?.page;
  for (const row of table.rows) {
    const link = sourcePageLink(doc, row.lines.first);
    if (!link || link.page === page) continue;
    breaks.set(row.lines.first, link);
    page = link.page;
  }
  return breaks;
}
