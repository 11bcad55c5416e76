import type { Disclosure } from '../schema/disclosure.ts';
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
