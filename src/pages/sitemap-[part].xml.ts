import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapPages } from '../site/collection.ts';
import { href } from '../site/paths.ts';
import { sitemapXml } from '../site/site-pages.ts';

// Only when the site has more pages than one sitemap file lists; sitemap.xml is then their index.
export const getStaticPaths = (async () => {
  const parts = await sitemapPages();
  return parts.length === 1 ? [] : parts.map((paths, i) => ({ params: { part: String(i + 1) }, props: { paths } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { paths } = props as { paths: string[] };
  const xml = sitemapXml(paths.map((path) => new URL(href(path), site ?? new URL('http://localhost/')).href));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
};
