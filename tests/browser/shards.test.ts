import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shard } from '../../scripts/shard-plan.ts';
import { launch, skipReason } from './browser.ts';
import { serveStatic } from './static-server.ts';

/**
 * The bundled corpus built as two shards by region (河北省: 巨鹿; 新疆: 喀什), each its own site with its own
 * Pagefind index, served under one origin: a search on one shard finds the other shard's pages, linked under the
 * other shard's path.
 */
describe.skipIf(skipReason !== '')(`two shards searched as one site${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'shards-'));
  let browser: Browser;
  let server: Server;
  let url: string;
  let shards: Shard[];

  beforeAll(async () => {
    execFileSync(resolve('node_modules/.bin/node'), ['scripts/shard.ts', '--by', 'region', '--out', work, '--build', 'content/disclosures'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    shards = JSON.parse(readFileSync(join(work, 'shards.json'), 'utf8'));
    ({ server, url } = await serveStatic(join(work, 'site')));
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    rmSync(work, { recursive: true, force: true });
  });

  it('splits the five bundled documents into 河北省 (1) and 新疆维吾尔自治区 (4)', () => {
    expect(shards.map((s) => [s.label, s.slugs.length]).sort()).toEqual([
      ['新疆维吾尔自治区', 4],
      ['河北省', 1],
    ]);
  });

  it('finds 巨鹿 from the 新疆 shard’s search, linked under the 河北 shard, and the link opens the page', async () => {
    const hebei = shards.find((s) => s.label === '河北省')!;
    const xinjiang = shards.find((s) => s.label === '新疆维吾尔自治区')!;
    const page = await browser.newPage();
    await page.goto(`${url.replace(/\/$/, '')}${xinjiang.base}search/?q=${encodeURIComponent('巨鹿县')}`);
    await page.waitForFunction(() => {
      const status = document.querySelector('.search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('正在');
    });
    const hrefs = await page.$$eval('.search-result .result-title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    const julu = hrefs.find((h) => h.startsWith(`${hebei.base}d/julu-county-poverty-office-2021-budget/`));
    expect(julu, hrefs.join('\n')).toBeDefined();
    const response = await page.goto(`${url.replace(/\/$/, '')}${julu}`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('巨鹿');
    await page.close();
  });
});
