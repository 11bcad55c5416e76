import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, siteUrl, skipReason } from './browser.ts';

interface Shown {
  status: string;
  results: Array<{ title: string; href: string; sections: Array<{ title: string; href: string }> }>;
}

describe.skipIf(skipReason !== '')(`reader search in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => browser?.close());

  async function results(): Promise<Shown> {
    await page.waitForFunction(() => {
      const status = document.querySelector('.search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('正在');
    });
    return page.evaluate(() => ({
      status: document.querySelector('.search-status')?.textContent ?? '',
      results: [...document.querySelectorAll('.search-result')].map((li) => ({
        title: li.querySelector('.result-title a')?.textContent ?? '',
        href: li.querySelector('.result-title a')?.getAttribute('href') ?? '',
        sections: [...li.querySelectorAll('.result-sections a')].map((a) => ({
          title: a.textContent ?? '',
          href: a.getAttribute('href') ?? '',
        })),
      })),
    }));
  }

  async function search(query: string): Promise<Shown> {
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
    return results();
  }

  // Project names and amounts from three seeds, read off the sources:
  // 电子政务项目 40 万元 (kashgar-administrative-office, lines 858 and 1373–1381);
  // 扶贫宣传项目 110 万元 (kashgar-poverty-alleviation-office, lines 398 and 633);
  // 稳就业保障项目 1000 万元 (kashgar-edz-party-mass-work-dept, lines 698–704).
  const PROJECTS = [
    { name: '电子政务项目', slug: 'kashgar-administrative-office-2021-budget', amount: '40 万元' },
    { name: '扶贫宣传项目', slug: 'kashgar-poverty-alleviation-office-2021-budget', amount: '110 万元' },
    { name: '稳就业保障项目', slug: 'kashgar-edz-party-mass-work-dept-2024-budget', amount: '1,000 万元' },
  ];

  for (const project of PROJECTS) {
    it(`finds ${project.name} as the first result's first section, with its amount, and lands on it`, async () => {
      const shown = await search(project.name);
      const first = shown.results[0];
      expect(first.href).toBe(`/d/${project.slug}/`);
      expect(first.sections[0].title).toBe(`${project.name}（${project.amount}）`);
      expect(first.sections[0].href).toMatch(new RegExp(`/d/${project.slug}/#project-p\\d+-h$`));
      await page.locator('.result-sections a').first().click();
      await page.waitForURL(/#project-p\d+-h$/);
      expect(await page.locator(':target').textContent()).toBe(project.name);
      expect(await page.locator(':target').isVisible()).toBe(true);
    });
  }

  it('searches the site’s catalog first: a project found fetches none of Pagefind’s files; the full text when asked', async () => {
    const requested: string[] = [];
    const listen = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
    page.on('request', listen);
    try {
      const shown = await search('电子政务项目');
      expect(shown.status).toMatch(/^找到 \d+ 个与“电子政务项目”相关的文件、部门和分类。$/);
      expect(requested.some((p) => p.startsWith('/search-catalog/terms/'))).toBe(true);
      expect(requested.filter((p) => p.includes('pagefind'))).toEqual([]);
      await page.getByRole('button', { name: /^在全文中搜索“电子政务项目”/ }).click();
      await expect.poll(() => page.textContent('.search-status')).toContain('在全文中');
      const full = await results();
      expect(full.status).toMatch(/^找到 \d+ 个与“电子政务项目”相关的结果（在全文中）。$/);
      expect(full.results[0].href).toBe('/d/kashgar-administrative-office-2021-budget/');
      expect(requested).toContain('/pagefind/pagefind-entry.json');
    } finally {
      page.off('request', listen);
    }
  });

  it('asks for the catalog’s manifest and filter counts with the page, once each, and has the search code in the page’s own script', async () => {
    const requested: string[] = [];
    const listen = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
    page.on('request', listen);
    try {
      await search('住房公积金');
      // Preloaded in the head in fetch's own mode, so the script's fetch takes the preloaded response.
      expect(requested.filter((p) => p === '/search-catalog/catalog.json')).toHaveLength(1);
      expect(requested.filter((p) => p === '/search-catalog/filter-counts.json')).toHaveLength(1);
      expect(await page.locator('head link[rel="preload"][as="fetch"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))).toEqual([
        '/search-catalog/catalog.json',
        '/search-catalog/filter-counts.json',
      ]);
      // The search code (its full-text button's words) is in the file the page names, not one more round trip away.
      const named = await page.evaluate(async () =>
        Promise.all([...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map(async (s) => (await fetch(s.src)).text())),
      );
      expect(named.some((text) => text.includes('在全文中搜索'))).toBe(true);
    } finally {
      page.off('request', listen);
    }
  });

  it("gives a department's result the tags a disclosure's has: 年度 and 类型 first", async () => {
    await search('巨鹿县扶贫开发办公室');
    const tags = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('.search-result')].map((li) => [
          li.querySelector('.result-title a')?.getAttribute('href') ?? '',
          [...li.querySelectorAll('.result-tags li')].map((t) => t.textContent),
        ]),
      ),
    );
    // The 巨鹿县 department has one file, its 2021 budget.
    const department = Object.entries(tags).find(([href]) => href.startsWith('/departments/d-'));
    expect(department?.[1]).toEqual(['年度：2021', '类型：部门', '文件：1 份（预算）']);
    expect(tags['/d/julu-county-poverty-office-2021-budget/']).toEqual(['年度：2021', '类型：预算', '部门：巨鹿县扶贫开发办公室']);
  });

  it('finds the words of the 正文 that no table holds', async () => {
    // 人员工资增加: only in the 情况说明 of the 喀什 扶贫开发办公室 budget (source lines 454, 493, 511, 516 and 530).
    const shown = await search('人员工资增加');
    expect(shown.results.map((r) => r.href)).toContainEqual(expect.stringMatching(/^\/d\/kashgar-poverty-alleviation-office-2021-budget\//));
  });

  it('keeps the query and the filters in the URL, and a filter narrows the results', async () => {
    await search('扶贫');
    const before = (await results()).results.length;
    await page.getByRole('checkbox', { name: /^绩效评价/ }).check();
    await expect.poll(() => page.url()).toContain(`f.${encodeURIComponent('文件类型')}=${encodeURIComponent('绩效评价')}`);
    const after = await results();
    expect(after.results.map((r) => r.href)).toEqual(['/d/kashgar-2021-poverty-monitoring-project-evaluation/']);
    expect(after.results.length).toBeLessThan(before);
    expect(new URL(page.url()).searchParams.get('q')).toBe('扶贫');
    await screenshot(page, 'reader-search-filtered-1280');
    // The shared URL opens the same search.
    await page.goto(page.url());
    expect((await results()).results.map((r) => r.href)).toEqual(after.results.map((r) => r.href));
    expect(await page.getByRole('checkbox', { name: /^绩效评价/ }).isChecked()).toBe(true);
  });

  it('finds a classification on its 类 page, first by its 类 name or a code: the tables’ rows are not indexed', async () => {
    // 201 一般公共服务支出 is a 类; 221 02 01 住房公积金 a 项 of 221 住房保障支出, printed by three of the budgets
    // (喀什 行政公署办公室 L231, 喀什经开区 党群工作部 L183, 喀什 扶贫开发办公室 L166).
    expect((await search('一般公共服务支出')).results[0].href).toBe('/functions/201/');
    // By a 项's name among the budgets whose 正文 says it: Pagefind cuts 公积金 into 公 积 金, which a long page holds
    // in many words (docs/benchmarks.md, "Table rows out of the full-text index").
    expect((await search('住房公积金')).results.map((r) => r.href)).toContain('/functions/221/');
    expect((await search('2210201')).results[0].href).toBe('/functions/221/');
    await page.locator('.result-title a').first().click();
    await page.waitForURL('**/functions/221/');
    expect(await page.locator('h1').textContent()).toBe('221 住房保障支出');
    expect(await page.locator('.function-items li').allTextContents()).toContain('2210201 住房公积金（3 份文件）');
  });

  it('finds classification codes typed joined, spaced or in full-width digits alike', async () => {
    const hrefs = async (q: string) => (await search(q)).results.map((r) => r.href);
    // 208 05 05 机关事业单位基本养老保险缴费支出: 喀什 行政公署办公室 L400, a 项 of 208.
    const joined = await hrefs('2080505');
    expect(joined[0]).toBe('/functions/208/');
    expect(await hrefs('208 05 05')).toEqual(joined);
    expect(await hrefs('２０８０５０５')).toEqual(joined);
  });

  it('finds the same pages whatever the width of letters and brackets', async () => {
    const hrefs = async (q: string) => (await search(q)).results.map((r) => r.href).sort();
    const full = await hrefs('行政运行（政府办公厅（室）及相关机构事务）');
    expect(full.length).toBeGreaterThan(0);
    expect(await hrefs('行政运行(政府办公厅(室)及相关机构事务)')).toEqual(full);
    expect(await hrefs('一般公共服务支出')).toEqual(await hrefs('（一般公共服务支出）'));
  });
});
