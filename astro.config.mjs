import { defineConfig } from 'astro/config';

// SITE and BASE let the office host the site anywhere, e.g. BASE=/budget/ for a sub-path.
export default defineConfig({
  site: process.env.SITE ?? 'https://budget.example.org',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  outDir: './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No inlined scripts: the Content-Security-Policy allows scripts from the site's own files only.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
