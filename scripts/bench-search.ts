/**
 * Search in Chromium, as a reader meets it: the search page's load, then a first and a second query, each with the
 * bytes it fetched broken down by what Pagefind fetched them for (its script, entry, WebAssembly, metadata, index
 * chunks, filters, fragments) and when each kind finished, beside the time the first result showed.
 */
import { resolve } from 'node:path';
import { chromium, type Page, type Request } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser/chromium.ts';
import { TYPING_PAUSE_MS } from '../src/site/typing-pause.ts';
import { serveStatic } from '../tests/browser/static-server.ts';

/**
 * A request for search files: a Pagefind bundle (a site's own, /pagefind/) or a sharded site's catalog
 * (/search-catalog/, src/site/catalog-index.ts; /pagefind-catalog/ for a site built before it).
 */
export function isSearchRequest(url: string): boolean {
  return /\/(pagefind|pagefind-catalog|search-catalog)\//.test(new URL(url).pathname);
}

/** What a request for search files is for, from Pagefind's file names and the catalog's. */
export type SearchPart = 'script' | 'entry' | 'wasm' | 'meta' | 'index' | 'filter' | 'fragment' | 'other';

export function searchPart(url: string): SearchPart {
  const path = new URL(url).pathname;
  if (/\/(fragment|fragments)\//.test(path)) return 'fragment';
  if (/\/(index|terms)\//.test(path)) return 'index';
  if (/\/(filter|filters)\//.test(path)) return 'filter';
  if (path.endsWith('.pf_meta') || path.endsWith('/search-catalog/catalog.json')) return 'meta';
  if (/\/wasm\.[^/]*\.pagefind$/.test(path)) return 'wasm';
  if (path.endsWith('/pagefind-entry.json')) return 'entry';
  if (path.endsWith('.js')) return 'script';
  return 'other';
}

export interface PartFigures {
  part: SearchPart;
  requests: number;
  bytes: number;
  /** When the last request of this kind had its whole response, in ms from the start of the step (below 0: before). */
  doneMs: number;
}

export interface SearchFigures {
  query: string;
  requests: number;
  bytes: number;
  /** Page load: until the search box is ready (Pagefind initialised). A query: until the status says how many. */
  milliseconds: number;
  /** A query: until the first result is on screen (null if none was found). */
  firstResultMs: number | null;
  /** A query typed into the search page's box: how long before Enter the text was in the box (the preload's start). */
  typedBeforeMs?: number;
  /** Results on screen once the network is idle (a reader scrolls for more). */
  shown: number;
  results: string;
  parts: PartFigures[];
}

/**
 * The search page's own box: the site header's box on every page submits to the search page and loads it again, which
 * is the page load measured first.
 */
const BOX = '#search input[type="search"]';

/** The benchmark's queries: a first (cold) and a second search. */
export const SEARCH_QUERIES = ['住房公积金', '一般公共服务支出'] as const;

interface Fetched {
  part: SearchPart;
  bytes: number;
  endEpochMs: number;
}

async function fetched(request: Request): Promise<Fetched> {
  const timing = request.timing();
  const sizes = await request.sizes();
  return { part: searchPart(request.url()), bytes: sizes.responseBodySize, endEpochMs: timing.startTime + timing.responseEnd };
}

function breakdown(all: Fetched[], startEpochMs: number): Pick<SearchFigures, 'requests' | 'bytes' | 'parts'> {
  const parts = new Map<SearchPart, PartFigures>();
  for (const f of all) {
    const p = parts.get(f.part) ?? { part: f.part, requests: 0, bytes: 0, doneMs: -Infinity };
    p.requests += 1;
    p.bytes += f.bytes;
    p.doneMs = Math.max(p.doneMs, Math.round(f.endEpochMs - startEpochMs));
    parts.set(f.part, p);
  }
  return {
    requests: all.length,
    bytes: all.reduce((a, f) => a + f.bytes, 0),
    parts: [...parts.values()].sort((a, b) => a.doneMs - b.doneMs),
  };
}

/**
 * The search page of a built site in Chromium: its load (what Pagefind fetches before any query, and until the box
 * is ready), then each query typed and submitted. Times are wall clock from the navigation or the key press.
 */
export async function measureSearch(
  dist: string,
  queries: readonly string[] = SEARCH_QUERIES,
  at = '',
): Promise<SearchFigures[] | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const { server, url } = await serveStatic(resolve(dist));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    let requests: Array<Promise<Fetched>> = [];
    page.on('requestfinished', (request) => {
      if (isSearchRequest(request.url())) requests.push(fetched(request));
    });
    const loadStart = Date.now();
    await page.goto(`${url}${at}search/`);
    await page.waitForSelector('#search:not([hidden])');
    const ready = Date.now() - loadStart;
    await page.waitForLoadState('networkidle');
    const figures: SearchFigures[] = [
      { query: '(page load)', milliseconds: ready, firstResultMs: null, shown: 0, results: '', ...breakdown(await Promise.all(requests), loadStart) },
    ];
    for (const query of queries) {
      requests = [];
      // Times are taken in the page, from the Enter key's event to the first result added to the list and to the
      // status line's count, so that neither the polling nor the round trip to the browser is counted. The marks are
      // set before the text goes in, so that Enter follows the typing as closely as it can.
      await page.evaluate(() => {
        const list = document.querySelector('.search-results')!;
        const status = document.querySelector('.search-status')!;
        list.replaceChildren();
        const marks = { typed: 0, enter: 0, firstResult: 0, status: 0 };
        (window as unknown as { benchMarks: typeof marks }).benchMarks = marks;
        const now = () => performance.timeOrigin + performance.now();
        const box = document.querySelector<HTMLInputElement>('#search input[type="search"]')!;
        box.addEventListener('input', (e) => (marks.typed = performance.timeOrigin + e.timeStamp), { once: true });
        box.addEventListener('keydown', (e) => (marks.enter = performance.timeOrigin + e.timeStamp), { once: true });
        const results = new MutationObserver(() => {
          if (list.querySelector('.search-result')) {
            marks.firstResult = now();
            results.disconnect();
          }
        });
        results.observe(list, { childList: true });
        const counted = new MutationObserver(() => {
          if (/^(找到|没有)/.test(status.textContent ?? '')) {
            marks.status = now();
            counted.disconnect();
          }
        });
        counted.observe(status, { childList: true, characterData: true, subtree: true });
      });
      await page.fill(BOX, query);
      await page.press(BOX, 'Enter');
      await page.waitForFunction(() => {
        const status = document.querySelector('.search-status')?.textContent ?? '';
        return status !== '' && !status.startsWith('正在') && !status.startsWith('请输入');
      }, undefined, { timeout: 300_000 });
      await page.waitForLoadState('networkidle');
      const shown = await page.evaluate(() => ({
        marks: (window as unknown as { benchMarks: { typed: number; enter: number; firstResult: number; status: number } }).benchMarks,
        count: document.querySelectorAll('.search-result').length,
        status: document.querySelector('.search-status')?.textContent ?? '',
      }));
      const start = shown.marks.enter;
      figures.push({
        query,
        milliseconds: Math.round(shown.marks.status - start),
        firstResultMs: shown.marks.firstResult ? Math.round(shown.marks.firstResult - start) : null,
        typedBeforeMs: Math.round(start - shown.marks.typed),
        shown: shown.count,
        results: shown.status,
        ...breakdown(await Promise.all(requests), start),
      });
    }
    figures.push(await measureFromHeader(await browser.newPage(), `${url}${at}`, queries[0]));
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * A reader's first search from any other page: the header's box on the home page submits to the search page, which
 * loads Pagefind, initialises it and searches. Times are from the key press.
 */
async function measureFromHeader(page: Page, url: string, query: string): Promise<SearchFigures> {
  const requests: Array<Promise<Fetched>> = [];
  await page.goto(url);
  await page.fill('#site-search-q', query);
  page.on('requestfinished', (request) => {
    if (isSearchRequest(request.url())) requests.push(fetched(request));
  });
  const start = Date.now();
  await page.press('#site-search-q', 'Enter');
  await page.waitForSelector('.search-result', { timeout: 300_000 });
  const firstResultMs = Date.now() - start;
  await page.waitForFunction(() => (document.querySelector('.search-status')?.textContent ?? '').startsWith('找到'), undefined, { timeout: 300_000 });
  const milliseconds = Date.now() - start;
  await page.waitForLoadState('networkidle');
  return {
    query: `${query} (submitted from the home page's header box)`,
    milliseconds,
    firstResultMs,
    shown: await page.locator('.search-result').count(),
    results: (await page.textContent('.search-status')) ?? '',
    ...breakdown(await Promise.all(requests), start),
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line per step, then one per kind of request: count, bytes and when the last of them finished. */
export function formatSearch(figures: readonly SearchFigures[]): string {
  return figures
    .map((f) => {
      const head =
        f.query === '(page load)'
          ? `search page load: ${kib(f.bytes)} in ${f.requests} requests, search box ready after ${f.milliseconds} ms`
          : `search ${f.query}: ${kib(f.bytes)} in ${f.requests} requests; first result after ${f.firstResultMs ?? '–'} ms, ` +
            `status after ${f.milliseconds} ms${f.typedBeforeMs === undefined ? '' : ` (text in the box ${f.typedBeforeMs} ms before Enter)`}; ` +
            `${typingSearched(f) ? 'NOT COMPARABLE: the pause in typing had already started the search; ' : ''}` +
            `${f.shown} results shown (${f.results})`;
      const parts = f.parts.map((p) => `    ${p.part.padEnd(9)} ${String(p.requests).padStart(3)} requests ${kib(p.bytes).padStart(11)}, last done at ${p.doneMs} ms`);
      return [head, ...parts].join('\n');
    })
    .join('\n');
}

/** Enter came after the search page's typing pause, so the search had started before the key press was timed. */
const typingSearched = (f: SearchFigures) => (f.typedBeforeMs ?? 0) >= TYPING_PAUSE_MS;

/**
 * Over several runs of the same steps: each step's median times (its bytes do not vary between runs), leaving out
 * runs whose search had started before Enter (a loaded machine can be that slow between the text and the key).
 */
export function formatSearchMedians(runs: readonly (readonly SearchFigures[])[]): string {
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : '–');
  const lines = runs[0].map((step, i) => {
    const all = runs.map((r) => r[i]).filter((f) => !typingSearched(f));
    const leftOut = runs.length - all.length ? ` [${runs.length - all.length} of ${runs.length} runs left out: search started before Enter]` : '';
    const list = (xs: Array<number | null>) => xs.map((x) => x ?? '–').join(', ');
    if (step.query === '(page load)') {
      return `search page load: box ready after ${median(all.map((f) => f.milliseconds))} ms (${list(all.map((f) => f.milliseconds))})`;
    }
    const first = all.map((f) => f.firstResultMs).filter((x): x is number => x !== null);
    const typed = all.map((f) => f.typedBeforeMs).filter((x): x is number => x !== undefined);
    return (
      `search ${step.query}: ${kib(step.bytes)}; first result after ${median(first)} ms ` +
      `(${list(all.map((f) => f.firstResultMs))}), status after ${median(all.map((f) => f.milliseconds))} ms (${list(all.map((f) => f.milliseconds))})` +
      (typed.length ? `; text in the box ${median(typed)} ms before Enter` : '') +
      leftOut
    );
  });
  return [`median of ${runs.length} runs (lower median)`, ...lines].join('\n');
}
