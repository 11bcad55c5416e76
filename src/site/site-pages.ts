import type { DisclosureSummary } from './disclosure-summary.ts';
import { FUNCTION_CLASSES } from '../core/codes.ts';
import { collectGlossary, termPath } from './glossary.ts';

/** Every content page of the site, as paths relative to the base: what the sitemap lists. */
export function contentPages(docs: ReadonlyArray<Pick<DisclosureSummary, 'slug' | 'title' | 'glossary'>>): string[] {
  return [
    '',
    'projects/',
    'functions/',
    ...Object.keys(FUNCTION_CLASSES).map((code) => `functions/${code}/`),
    'three-public/',
    'glossary/',
    ...collectGlossary(docs).map((t) => termPath(t.term)),
    'data/',
    ...docs.map((doc) => `d/${doc.slug}/`),
  ];
}
