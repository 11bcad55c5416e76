import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, htmlPages, measure, pageKind, total } from '../../scripts/page-weight.ts';
import { launch, siteUrl, skipReason } from './browser.ts';

/**
 * The weight budget of every built page (issue 13): at most 60 KB of gzip-compressed HTML and 5,000 elements once
 * the page has run its scripts, so that a department page loads on a slow phone connection.
 */
const MAX_GZIP_BYTES = 60 * 1024;
const MAX_ELEMENTS = 5000;

describe.skipIf(skipReason !== '')(`page weight budget${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const pages = skipReason === '' ? htmlFiles('dist') : [];
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('every page is at most 60 KB gzip', () => {
    expect(pages.length).toBeGreaterThan(10);
    const over = pages
      .map((p) => [relative('dist', p), gzipSync(readFileSync(p)).length] as const)
      .filter(([, bytes]) => bytes > MAX_GZIP_BYTES);
    expect(over).toEqual([]);
  });

  // Issue 15: what a phone downloads to show a page, HTML, CSS and JS as a gzipping host sends them, is at most 60 KB
  // too. Charts fetch chart.js when scrolled to (chart-client.ts), so it is not counted. The search page is the one
  // exception: Pagefind's WebAssembly and scripts (~80 KB gzip) are what it searches with.
  it('every page but the search page loads at most 60 KB gzip on a phone, with an empty cache', async () => {
    const over: [string, number][] = [];
    for (const path of htmlPages('dist').filter((p) => pageKind(p) !== 'search')) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const { firstLoad } = await measure(await context.newPage(), `${siteUrl}${path}`, false);
      if (total(firstLoad) > MAX_GZIP_BYTES) over.push([path, total(firstLoad)]);
      await context.close();
    }
    expect(over).toEqual([]);
  }, 600_000);

  it('every page has at most 5,000 elements after its scripts ran', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const over: [string, number][] = [];
    for (const file of pages) {
      const path = relative('dist', file).replace(/index\.html$/, '').replace(/\.html$/, '');
      await page.goto(`${siteUrl}${path}`);
      const count = await page.evaluate(() => document.getElementsByTagName('*').length);
      if (count > MAX_ELEMENTS) over.push([path, count]);
    }
    await page.close();
    expect(over).toEqual([]);
  }, 600_000);
});
