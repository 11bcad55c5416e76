import type { APIRoute } from 'astro';
import { allSummaries } from '../site/collection.ts';
import { href } from '../site/paths.ts';
import { contentPages } from '../site/site-pages.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sitemap protocol's XML, with absolute URLs under the configured site and base. */
export const GET: APIRoute = async ({ site }) => {
  const origin = site ?? new URL('http://localhost/');
  const urls = contentPages(await allSummaries()).map((path) => `  <url><loc>${escapeXml(new URL(href(path), origin).href)}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
};
