/**
 * What a reader's phone downloads for each built page, as a host that gzips text would send it: every page of dist/
 * opened in Chromium at 390×844 with an empty cache, each response's body gzip-compressed (level 6, what hosts use)
 * unless it is compressed already, summed by kind (HTML, CSS, JS, other) for the first load, and again after
 * scrolling to the bottom (what loads on demand: charts). Prints the heaviest page of each page kind.
 *
 *   node scripts/page-weight.ts [DIST]        (after npm run build)
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/static-server.ts';

type Part = 'html' | 'css' | 'js' | 'other';
export type Weights = Record<Part, number>;

export interface PageWeight {
  path: string;
  kind: string;
  firstLoad: Weights;
  /** Everything fetched by the time the reader has scrolled to the bottom (first load included). */
  scrolled: Weights;
  scripts: string[];
}

/** A page's kind from its path: the rows of the table. */
export function pageKind(path: string): string {
  if (path === '') return 'home';
  if (/^d\/[^/]+\/targets\/$/.test(path)) return 'targets';
  if (/^d\/[^/]+\/text\/$/.test(path)) return 'text';
  if (/^d\/[^/]+\/$/.test(path)) return 'disclosure';
  if (/^departments\/[^/]+\/$/.test(path)) return 'department';
  if (path.startsWith('glossary/')) return 'glossary';
  if (path.startsWith('search/')) return 'search';
  return 'directory';
}

/** Every HTML file of a built site, outside Pagefind's and Astro's asset folders. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The paths of dist's pages, as their URLs end ('' for the home page, 'd/…/'). */
export function htmlPages(dir: string): string[] {
  return htmlFiles(dir)
    .filter((file) => basename(file) === 'index.html')
    .map((file) => (relative(dir, dirname(file)) === '' ? '' : `${relative(dir, dirname(file))}/`));
}

function partOf(response: Response): Part {
  const type = response.request().resourceType();
  if (type === 'document') return 'html';
  if (type === 'stylesheet') return 'css';
  if (type === 'script') return 'js';
  return 'other';
}

/** Bytes on the wire from a host that gzips text: already-compressed bodies as they are. */
function wireBytes(url: string, body: Buffer): number {
  return /\.(gz|wasm|pagefind|pf_\w+|png|jpe?g|woff2?)$/.test(new URL(url).pathname) ? body.length : gzipSync(body, { level: 6 }).length;
}

const zero = (): Weights => ({ html: 0, css: 0, js: 0, other: 0 });

/**
 * Opens url in page (a fresh context's, so that nothing is cached) and sums what it fetched until the network was
 * idle; with scroll, then scrolls to the bottom half a screen at a time and sums again, first load included.
 */
export async function measure(page: Page, url: string, scroll = true): Promise<{ firstLoad: Weights; scrolled: Weights; scripts: string[] }> {
  const pending: Array<Promise<void>> = [];
  let into = zero();
  const scripts: string[] = [];
  page.on('response', (response) => {
    const target = into;
    pending.push(
      response
        .body()
        .then((body) => {
          target[partOf(response)] += wireBytes(response.url(), body);
          if (partOf(response) === 'js') scripts.push(new URL(response.url()).pathname.replace(/^.*\//, ''));
        })
        .catch(() => undefined),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  const firstLoad = into;
  into = { ...firstLoad };
  if (!scroll) return { firstLoad, scrolled: into, scripts };
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await Promise.all(pending);
  return { firstLoad, scrolled: into, scripts };
}

export async function pageWeights(dist: string): Promise<PageWeight[]> {
  const { server, url } = await serveStatic(resolve(dist));
  const browser = await chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS });
  const results: PageWeight[] = [];
  try {
    for (const path of htmlPages(resolve(dist))) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      results.push({ path, kind: pageKind(path), ...(await measure(page, `${url}${path}`)) });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

export const total = (w: Weights) => w.html + w.css + w.js + w.other;
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const weights = await pageWeights(process.argv[2] ?? 'dist');
  const heaviest = new Map<string, { page: PageWeight; count: number }>();
  for (const w of weights) {
    const seen = heaviest.get(w.kind);
    if (!seen || total(w.firstLoad) > total(seen.page.firstLoad)) heaviest.set(w.kind, { page: w, count: (seen?.count ?? 0) + 1 });
    else seen.count += 1;
  }
  console.log('KiB gzip, heaviest page of each kind, 390×844, empty cache\n');
  console.log('| kind (pages) | heaviest page | HTML | CSS | JS | other | first load | after scrolling | scripts |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [kind, { page: w, count }] of heaviest) {
    const f = w.firstLoad;
    console.log(
      `| ${kind} (${count}) | /${w.path} | ${kib(f.html)} | ${kib(f.css)} | ${kib(f.js)} | ${kib(f.other)} | ${kib(total(f))} | ${kib(total(w.scrolled))} | ${w.scripts.length} |`,
    );
  }
}
