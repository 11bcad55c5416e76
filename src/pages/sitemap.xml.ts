import type { APIRoute } from 'astro';
import { sitemapPages } from '../site/collection.ts';
import { href } from '../site/paths.ts';
import { sitemapIndexXml, sitemapXml } from '../site/site-pages.ts';

/**
 * The sitemap: the list of pages while it fits one file, else an index of the files sitemap-1.xml, sitemap-2.xml …
 * (sitemap-[part].xml.ts), so that robots.txt's one address serves a corpus of any size. Absolute URLs under the
 * configured site and base.
 */
export const GET: APIRoute = async ({ site }) => {
  const parts = await sitemapPages();
  const url = (path: string) => new URL(href(path), site ?? new URL('http://localhost/')).href;
  const xml = parts.length === 1 ? sitemapXml(parts[0].map(url)) : sitemapIndexXml(parts.map((_, i) => url(`sitemap-${i + 1}.xml`)));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
};
