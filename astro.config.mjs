import { defineConfig } from 'astro/config';
import { corpusDownloads } from './scripts/downloads-integration.ts';
import { contentDir } from './src/site/content-dir.ts';

// SITE and BASE let the office host the site anywhere, e.g. BASE=/budget/ for a sub-path.
// CONTENT_DIR builds the site from another folder of disclosures (tests build one from hostile fixtures); such a
// build keeps its own content-layer cache so that it never overwrites the cache of the site's own content.
const otherContent = process.env.CONTENT_DIR;
export default defineConfig({
  site: process.env.SITE ?? 'https://budget.example.org',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  outDir: './dist',
  ...(otherContent ? { cacheDir: `./node_modules/.astro-content/${encodeURIComponent(otherContent)}` } : {}),
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No inlined scripts: the Content-Security-Policy allows scripts from the site's own files only.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  // data/all-rows.csv and datapackage.json are written to disk piece by piece after the pages.
  integrations: [corpusDownloads(contentDir())],
});
