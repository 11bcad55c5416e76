import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shard } from '../../scripts/shard-plan.ts';
import { launch, skipReason } from './browser.ts';
import { serveStatic } from './static-server.ts';

/**
 * The bundled corpus built as two shards (npm run shard -- --build: 河北省 with the 巨鹿县 budget, 新疆 with the four
 * 喀什 documents) and served as one site: a search on one shard's page finds the other's pages through the catalog,
 * fetching none of the shards' own indexes, and the full text on demand or when the catalog has nothing.
 */
describe.skipIf(skipReason !== '')(`search across shards in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'shards-search-'));
  const JULU = 'd/julu-county-poverty-office-2021-budget/';
  let server: Server;
  let siteUrl: string;
  let browser: Browser;
  let page: Page;
  let hebei: Shard;
  let xinjiang: Shard;
  let requested: string[] = [];

  beforeAll(async () => {
    // content/disclosures is the bundled corpus the browser project's build ingested; --min 0 keeps its two regions
    // apart (by default shards hold at least 500 documents).
    execFileSync(resolve('node_modules/.bin/node'), ['scripts/shard.ts', '--min', '0', '--out', work, '--build'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const shards = JSON.parse(readFileSync(join(work, 'shards.json'), 'utf8')) as Shard[];
    hebei = shards.find((s) => s.label === '河北省')!;
    xinjiang = shards.find((s) => s.label === '新疆维吾尔自治区')!;
    ({ server, url: siteUrl } = await serveStatic(join(work, 'site')));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function shown(until: (status: string) => boolean): Promise<{ status: string; hrefs: string[] }> {
    await expect.poll(() => page.textContent('.search-status'), { timeout: 120_000, interval: 200 }).toSatisfy((s: string | null) => until(s ?? ''));
    return page.evaluate(() => ({
      status: document.querySelector('.search-status')?.textContent ?? '',
      hrefs: [...document.querySelectorAll('.search-result .result-title a')].map((a) => a.getAttribute('href') ?? ''),
    }));
  }
  const done = (status: string) => /^(找到|没有)/.test(status);

  it('finds the other shard’s document through the catalog alone, then in the full text when asked', async () => {
    requested = [];
    await page.goto(`${siteUrl}${xinjiang.base.slice(1)}search/?q=${encodeURIComponent('巨鹿县')}`);
    const catalog = await shown(done);
    expect(catalog.status).toMatch(/^找到 \d+ 个与“巨鹿县”相关的文件、部门和分类。$/);
    expect(catalog.hrefs).toContain(`${hebei.base}${JULU}`);
    expect(catalog.hrefs.some((h) => h.startsWith(`${hebei.base}departments/`) && /\/departments\/[du]-/.test(h))).toBe(true);
    expect(requested.some((p) => p.startsWith('/search-catalog/terms/'))).toBe(true);
    expect(requested.filter((p) => /\/r-[0-9a-f]+\/pagefind\//.test(p))).toEqual([]);
    // The catalog is no Pagefind index: its search loads neither Pagefind's script nor its WebAssembly.
    expect(requested.filter((p) => p.includes('pagefind'))).toEqual([]);
    // The filter boxes are drawn from the catalog's counts file; a box narrows the catalog's results.
    await expect.poll(() => page.locator('.search-filters input[type="checkbox"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.locator('.search-filters').textContent()).toMatch(/河北省 \(\d+\)/);
    expect(requested).toContain('/search-catalog/filter-counts.json');
    const box = page.locator('.search-filters input[name="文件类型"][value="部门"]');
    await box.check();
    await expect.poll(() => page.url()).toContain('f.%E6%96%87%E4%BB%B6%E7%B1%BB%E5%9E%8B=%E9%83%A8%E9%97%A8');
    const departments = await shown(done);
    expect(departments.status).toMatch(/^找到 \d+ 个与“巨鹿县”相关的文件、部门和分类。$/);
    expect(departments.hrefs.length).toBeGreaterThan(0);
    expect(departments.hrefs.filter((h) => !/\/departments\/[du]-/.test(h))).toEqual([]);
    await box.uncheck();
    await expect.poll(() => page.url()).not.toContain('f.');
    expect((await shown(done)).hrefs).toEqual(catalog.hrefs);

    await page.getByRole('button', { name: /^在全文中搜索“巨鹿县”/ }).click();
    const full = await shown((s) => done(s) && s.includes('在全文中'));
    expect(full.hrefs).toContain(`${hebei.base}${JULU}`);
    // A shard's full text leaves its department pages to the catalog (src/pages/departments/[slug]/index.astro).
    expect(full.hrefs.filter((h) => /\/departments\/[du]-/.test(h))).toEqual([]);
    expect(requested).toContain(`${hebei.base}pagefind/pagefind-entry.json`);
    expect(new URL(page.url()).searchParams.get('full')).toBe('1');

    await page.locator(`.result-title a[href="${hebei.base}${JULU}"]`).first().click();
    await page.waitForURL(`**${hebei.base}${JULU}`);
    expect(await page.locator('h1').textContent()).toContain('巨鹿县扶贫开发办公室');
  }, 180_000);

  it('finds a classification on its 类 page through the catalog, first, by the name or code of the 类, 款 or 项', async () => {
    // 221 02 01 住房公积金, a 项 of 221 住房保障支出: printed by the three 喀什 budgets (行政公署办公室 L231, 经开区
    // 党群工作部 L183, 扶贫开发办公室 L166), all in the 新疆 shard; the 巨鹿县 budget prints no 221 row.
    for (const query of ['住房公积金', '2210201', '住房保障支出']) {
      requested = [];
      await page.goto(`${siteUrl}${hebei.base.slice(1)}search/?q=${encodeURIComponent(query)}`);
      const found = await shown(done);
      expect(found.status).toMatch(/相关的文件、部门和分类。$/);
      expect(found.hrefs[0]).toBe(`${xinjiang.base}functions/221/`);
      expect(requested.filter((p) => p.includes('pagefind'))).toEqual([]);
    }
    await page.locator('.result-title a').first().click();
    await page.waitForURL(`**${xinjiang.base}functions/221/`);
    expect(await page.locator('.function-items li').allTextContents()).toContain('2210201 住房公积金（3 份文件）');
  }, 180_000);

  it('searches the full text at once when the catalog has nothing: words only the 正文 holds', async () => {
    // 操作规程: the 巨鹿县 budget's opening sentence (《河北省预决算公开操作规程》, source line 4), in no title,
    // summary, project name or heading.
    await page.goto(`${siteUrl}${xinjiang.base.slice(1)}search/?q=${encodeURIComponent('操作规程')}`);
    const found = await shown(done);
    expect(found.status).toMatch(/^找到 \d+ 个与“操作规程”相关的结果（在全文中）。$/);
    expect(found.hrefs.some((h) => h.startsWith(`${hebei.base}${JULU}`))).toBe(true);
  }, 180_000);
});
