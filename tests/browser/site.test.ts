import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, siteUrl, skipReason } from './browser.ts';

describe.skipIf(skipReason !== '')(`site in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => browser?.close());

  it('lists the five bundled disclosures on the home page and links to a department', async () => {
    await page.goto(siteUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const links = page.locator('main .card a');
    expect(await links.count()).toBe(5);
    await screenshot(page, 'home-1280');
    await page.getByRole('link', { name: /喀什地区行政公署办公室/ }).click();
    await page.waitForURL(/\/d\/kashgar-administrative-office-2021-budget\//);
    await expect.poll(() => page.locator('h1').textContent()).toContain('行政公署办公室');
    await screenshot(page, 'department-1280');
  });

  it('finds a project by its name with the site search', async () => {
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent('电子政务项目')}`);
    const results = page.locator('.search-result');
    await results.first().waitFor({ timeout: 15_000 });
    const text = await page.locator('.search-results').textContent();
    expect(text).toContain('行政公署办公室');
    await screenshot(page, 'search-1280');
  });

  it('links a glossary term in the narrative to its page, with the definition shown on focus', async () => {
    await page.goto(`${siteUrl}d/kashgar-poverty-alleviation-office-2021-budget/`);
    // 基本支出 is defined in the seed's 名词解释 (line 1306: "基本支出：包括人员经费、商品和服务支出…") and used in its 情况说明.
    const link = page.locator('#text .term a', { hasText: /^基本支出$/ }).first();
    const tooltip = page.locator(`#${await link.getAttribute('aria-describedby')}`);
    expect(await tooltip.isVisible()).toBe(false);
    await link.focus();
    expect(await tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain('包括人员经费、商品和服务支出');
    await link.click();
    await page.waitForURL(/\/glossary\/%E5%9F%BA%E6%9C%AC%E6%94%AF%E5%87%BA\//);
    expect(await page.locator('h1').textContent()).toBe('基本支出');
  });

  it('fits a 375 px phone: nothing but tables scrolls sideways', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await phone.goto(`${siteUrl}d/kashgar-administrative-office-2021-budget/`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'department-375');
    await phone.close();
  });
});
