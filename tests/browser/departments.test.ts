import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentIdentity } from '../../src/site/departments.ts';
import { redatedDocument, seedDocument } from '../fixtures/departments/redated.ts';
import { launch, screenshot, siteUrl, skipReason } from './browser.ts';
import { axeViolations, horizontalOverflow, serious } from './reader-support.ts';
import { serveStatic } from './static-server.ts';

/**
 * One department over two years, built as a site of its own: the seed (2021) and its re-dated copy (2022, amounts
 * × 1.5). 支出合计 1439.48 万元 (seed line 193) becomes 2159.22, a change of +719.74 (+50.0%).
 */
describe.skipIf(skipReason !== '')(`department history, compare and cite in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'departments-'));
  const seed = seedDocument();
  const slug = departmentIdentity(seed)!.slug;
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const content = join(work, 'content');
    mkdirSync(content);
    writeFileSync(join(content, `${seed.slug}.json`), JSON.stringify(seed));
    writeFileSync(join(content, 'redated.json'), JSON.stringify(redatedDocument(seed)));
    const out = join(work, 'dist');
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: content };
    execFileSync(resolve('node_modules/.bin/node'), [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    ({ server, url } = await serveStatic(out));
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    rmSync(work, { recursive: true, force: true });
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${url}${path}`);
    await page.waitForLoadState('networkidle');
    return page;
  }

  it('lists both years on one department page, with the change and the stated change checked', async () => {
    const page = await open(`departments/${slug}/`);
    expect(await page.locator('h1').textContent()).toBe('新疆维吾尔自治区喀什地区扶贫开发办公室');
    const row = page.locator('#budget-expenditure');
    expect((await row.locator('td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '1,439.48',
      '2,159.22比上年 +719.74（+50%）', // the change is a block under the figure
    ]);
    // Both years' texts print no table's title (seed L169), so their figures come from tables whose kind is the
    // parser's reading, and the series says so.
    expect((await page.locator('#history-budget > p.muted').textContent())?.replace(/\s+/g, '')).toContain('2021年、2022年的金额取自类别据表格内容推定的表。');
    // A year heads its figures at their right edge, where the digits line up.
    expect(await page.locator('#history-budget thead th').nth(1).evaluate((th) => getComputedStyle(th).textAlign)).toBe('right');
    const findings = await page.locator('#stated-changes li').allTextContents();
    expect(findings[0]).toContain('“三公”经费：2022年文件称比上年增加 3万元，但2021年文件所列为 4.2万元，按两份文件计算实为增加 2.1万元。');
    expect(findings.some((f) => f.includes('相符') && f.includes('机关运行经费'))).toBe(true);
    const chart = page.locator('#department-history-budget');
    expect(await chart.locator('thead th').first().textContent()).toBe('年度');
    await chart.locator('button.chart-download', { hasText: 'SVG' }).waitFor();
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.locator('button.chart-download', { hasText: 'SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('历年预算支出.svg');
    expect(readFileSync(await svg.path(), 'utf8')).toContain('>2159.22<');
    await screenshot(page, 'department-history-1280');
    await page.close();
  });

  it('is usable on a phone and passes axe', async () => {
    expect(serious(await axeViolations(browser, `${url}departments/${slug}/`, 1280))).toEqual([]);
    const page = await open(`departments/${slug}/`, 375);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'department-history-375');
    await page.close();
  });

  it('compares two years of the department from the URL alone, and adds a department from the picker', async () => {
    const page = await open(`compare/?d=${slug}@2021&d=${slug}@2022`);
    const table = page.locator('table.compare');
    await table.waitFor();
    const total = table.locator('tbody tr', { hasText: '支出合计' }).locator('td');
    expect(await total.allTextContents()).toEqual(['1,439.48', '2,159.22']);
    expect(serious(await axeViolations(browser, page.url(), 1280))).toEqual([]);
    await page.locator('button.compare-remove').first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`\\?d=${slug}%402022$`));
    await page.locator('#compare-input').focus();
    await page.locator('#compare-input').fill('新疆维吾尔自治区喀什地区扶贫开发办公室 2021');
    await page.locator('form[data-compare-add] button').click();
    await expect.poll(() => table.locator('thead th').count()).toBe(3);
    await screenshot(page, 'compare-1280');
    await page.close();
  });

  it('keeps the compare picker and the first figures in view on a phone', async () => {
    const page = await open(`compare/?d=${slug}@2021&d=${slug}@2022`, 375);
    const table = page.locator('table.compare');
    await table.waitFor();
    // The input had shared a row with its long label, squeezed to a sliver.
    expect((await page.locator('#compare-input').boundingBox())!.width).toBeGreaterThan(200);
    // The department's name wraps in its column head, so the first column's figures are on screen before any scrolling.
    const cell = (await table.locator('tbody tr', { hasText: '支出合计' }).locator('td').first().boundingBox())!;
    expect(cell.x + cell.width).toBeLessThanOrEqual(375);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'compare-375');
    await page.close();
  });

  it('gives names in listings a readable column on a phone: a project\'s department, a region', async () => {
    const page = await open('projects/', 375);
    const department = (await page.locator('#project-table tbody td', { hasText: '扶贫开发办公室' }).first().boundingBox())!;
    expect(department.width).toBeGreaterThanOrEqual(144); // 9rem: the name about six characters a line, not one or two
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto(`${url}functions/`);
    await page.locator('tbody th a').first().click();
    const region = (await page.locator('tbody td', { hasText: '喀什地区' }).first().boundingBox())!;
    expect(region.width).toBeGreaterThanOrEqual(144); // was 1 character wide, each row ~140 px tall
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('offers the time series as CSV in 万元, without a script and in the corpus-wide file, and a citation', async () => {
    // The page's link holds the CSV (no file per department on the site): saved as it is with scripts off too.
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const noScript = await context.newPage();
    await noScript.goto(`${url}departments/${slug}/`);
    const [download] = await Promise.all([noScript.waitForEvent('download'), noScript.locator('#dl-h + p a').first().click()]);
    expect(download.suggestedFilename()).toBe(`${slug}-series.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    await context.close();
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"部门","部门标识","文件类型","年度","项目","功能分类代码","金额（万元）","比上年增减（万元）","比上年增减（%）","文件标识"');
    const line = `"新疆维吾尔自治区喀什地区扶贫开发办公室","${slug}","预算",2022,"支出合计",,2159.22,719.74,50,"kashgar-poverty-alleviation-office-2022-fixture"`;
    expect(csv).toContain(line);
    // Every department's lines, one file for the corpus: here the one department's, the same as its page offers.
    expect(gunzipSync(readFileSync(join(work, 'dist', 'data', 'department-series.csv.gz'))).toString('utf8')).toBe(csv);
    const page = await open(`departments/${slug}/`);
    await page.locator('details.cite summary').click();
    expect(await page.locator('.cite-text').textContent()).toMatch(/^新疆维吾尔自治区喀什地区扶贫开发办公室（部门）历年预决算汇总，预决算公开，http.*\/departments\/d-[0-9a-f]{12}\/$/);
    await page.close();
  });
});

/**
 * The picker on the bundled site: it reads its split name index (src/site/department-names.ts), never one list of
 * every department. 党群工作部's 2024 budget: 支出合计 7278.68 万元 = 基本支出 539.99 + 项目支出 6738.69 (部门支出总体
 * 情况表, source line 254 of kashgar-edz-party-mass-work-dept-2024-budget.txt).
 */
describe.skipIf(skipReason !== '')(`the compare picker on the bundled site${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  async function compare(indexReadable = true): Promise<{ page: Page; fetched: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const fetched: string[] = [];
    const errors: string[] = [];
    if (!indexReadable) await page.route('**/compare/names/**', (route) => route.abort());
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${siteUrl}compare/`);
    await page.waitForLoadState('networkidle');
    return { page, fetched, errors };
  }

  it('offers a department for part of its name while typing, and adds it with its figures', async () => {
    const { page, fetched, errors } = await compare();
    const input = page.locator('#compare-input');
    await input.pressSequentially('党群工作', { delay: 30 });
    await expect
      .poll(() => page.locator('#compare-names option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)))
      .toEqual(['新疆维吾尔自治区喀什地区喀什经济开发区党群工作部（部门）']);
    await page.locator('form[data-compare-add] button').click();
    const table = page.locator('table.compare');
    await table.waitFor();
    expect(await table.locator('thead th a').allTextContents()).toEqual(['新疆维吾尔自治区喀什地区喀什经济开发区党群工作部']);
    expect(await table.locator('tbody tr', { hasText: '年度' }).locator('td').allTextContents()).toEqual(['2024年']);
    expect(await table.locator('tbody tr', { hasText: '支出合计' }).locator('td').allTextContents()).toEqual(['7,278.68']);
    expect(await table.locator('tbody tr', { hasText: '基本支出' }).first().locator('td').allTextContents()).toEqual(['539.99']);
    expect(page.url()).toMatch(/\?d=d-c4528e997d10$/);
    expect(fetched.some((p) => p.endsWith('/departments/list.json'))).toBe(false);
    expect(fetched.filter((p) => p.includes('/compare/names/')).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when no department has the name, when one character is too little, and when the index cannot be read', async () => {
    const { page, errors } = await compare();
    const input = page.locator('#compare-input');
    const status = page.locator('form[data-compare-add] [role=status]');
    await input.fill('司法局 2025');
    await page.locator('form[data-compare-add] button').click();
    await expect.poll(() => status.textContent()).toBe('没有名为“司法局 2025”的部门。');
    await input.fill('局');
    await page.locator('form[data-compare-add] button').click();
    expect(errors).toEqual([]);
    await page.close();

    const offline = await compare(false);
    await offline.page.locator('#compare-input').fill('巨鹿县扶贫开发办公室');
    await offline.page.locator('form[data-compare-add] button').click();
    await expect
      .poll(() => offline.page.locator('form[data-compare-add] [role=status]').textContent())
      .toBe('部门名称索引暂时无法加载，不能按名称查找；可从各部门页面的“加入对比”加入。');
    expect(await offline.page.locator('table.compare').count()).toBe(0);
    expect(offline.errors).toEqual([]);
    await offline.page.close();
  });
});
