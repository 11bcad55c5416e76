import type { DisclosureSummary } from './disclosure-summary.ts';
import { FUNCTION_CLASSES } from '../core/codes.ts';
import { collectGlossary, termPath } from './glossary.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * Every content page of the site, as paths relative to the base: what the sitemap lists. A split listing is listed
 * by its first page, whose links lead to the others.
 */
export function contentPages(
  docs: ReadonlyArray<Pick<DisclosureSummary, 'slug' | 'title' | 'glossary'>>,
  departmentSlugs: readonly string[] = [],
): string[] {
  return [
    '',
    'documents/',
    'departments/',
    ...departmentSlugs.map((slug) => `departments/${slug}/`),
    'execution/',
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

/** The sitemap protocol's list of pages, for absolute URLs. */
export function sitemapXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `  <url><loc>${escapeHtml(url)}</loc></url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</urlset>\n`;
}

/** The sitemap protocol's index of sitemap files, for absolute URLs. */
export function sitemapIndexXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `  <sitemap><loc>${escapeHtml(url)}</loc></sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}
