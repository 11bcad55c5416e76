import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, siteUrl, skipReason } from './browser.ts';
import { axeViolations, horizontalOverflow, serious } from './reader-support.ts';

/** One page of each type the site has. */
const PAGES: Array<[name: string, path: string]> = [
  ['home', ''],
  ['department', 'd/kashgar-administrative-office-2021-budget/'],
  ['department-tabbed', 'd/kashgar-edz-party-mass-work-dept-2024-budget/'],
  ['department-narrative', 'd/julu-county-poverty-office-2021-budget/'],
  ['evaluation', 'd/kashgar-2021-poverty-monitoring-project-evaluation/'],
  ['targets', 'd/kashgar-administrative-office-2021-budget/targets/'],
  ['projects', 'projects/'],
  ['glossary', 'glossary/'],
  ['functions', 'functions/'],
  ['function-class', 'functions/201/'],
  ['three-public', 'three-public/'],
  ['departments', 'departments/'],
  ['execution', 'execution/'],
  ['compare', 'compare/'],
  ['data', 'data/'],
  ['search', `search/?q=${encodeURIComponent('电子政务项目')}`],
  ['not-found', 'no-such-page/'],
];

describe.skipIf(skipReason !== '')(`reader pages in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  async function open(path: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${siteUrl}${path}`);
    await page.waitForLoadState('networkidle');
    if (path.startsWith('search/')) await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
    return page;
  }

  for (const [name, path] of PAGES) {
    it(`${name}: no serious or critical axe violations; nothing but tables overflows at 375 px`, async () => {
      const violations = serious(await axeViolations(browser, `${siteUrl}${path}`, 1280));
      expect(violations).toEqual([]);
      for (const width of [375, 1280]) {
        const page = await open(path, width);
        expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
        if (width === 375) expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `reader-${name}-${width}`);
        await page.close();
      }
    }, 180_000);
  }

  it('tables scroll inside their own box with the first column kept in view', async () => {
    const page = await open('d/kashgar-administrative-office-2021-budget/', 375);
    const boxes = await page.locator('#tables .table-scroll').evaluateAll((els) =>
      els.map((el) => ({
        overflow: getComputedStyle(el).overflowX,
        wider: el.scrollWidth > el.clientWidth,
        firstColumn: el.querySelector('tbody th') ? getComputedStyle(el.querySelector('tbody th')!).position : 'sticky',
      })),
    );
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.every((b) => b.overflow === 'auto')).toBe(true);
    // At least one table is wider than a phone, and it scrolls in its box while the page itself does not.
    expect(boxes.some((b) => b.wider)).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const firstColumn = boxes.every((b) => b.firstColumn === 'sticky') ? 'sticky' : 'static';
    expect(firstColumn).toBe('sticky');
    await page.close();
  });

  it('says under a table of single-space text that its columns were inferred, and not under a tab-separated one', async () => {
    const note = '原文未保留列的位置，各数所在的列按表内勾稽关系推定';
    const spaced = await open('d/kashgar-administrative-office-2021-budget/', 1280);
    const notes = await spaced.locator('#tables .data-table > p.muted').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((t) => t.includes(note))).toBe(true);
    await spaced.close();
    const tabbed = await open('d/kashgar-edz-party-mass-work-dept-2024-budget/', 1280);
    expect((await tabbed.locator('#tables .data-table > p.muted').allTextContents()).some((t) => t.includes(note))).toBe(false);
    await tabbed.close();
  });

  it('draws a chart only when it comes near the screen, with its numbers as a table, and loads no chart code elsewhere', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${siteUrl}d/kashgar-administrative-office-2021-budget/`);
    await page.waitForLoadState('networkidle');
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBeGreaterThanOrEqual(1);
    // The charts are screens below the summary: chart.js is not fetched and nothing is drawn yet.
    expect(scripts.filter((s) => s.includes('chart-draw'))).toEqual([]);
    expect(await page.locator('.chart-canvas.drawn').count()).toBe(0);
    // 合计 5005.17 = 基本支出 3342.67 + 项目支出 1662.5: 部门（单位）支出总体情况表, source line 492.
    const split = page.locator('#chart-basic-project');
    await split.scrollIntoViewIfNeeded();
    await split.locator('.chart-canvas.drawn').waitFor();
    expect(scripts.filter((s) => s.includes('chart-draw'))).toHaveLength(1);
    // Drawn: the doughnut's two colours cover a good part of the canvas.
    const painted = await split.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let count = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count += 1;
      return count / (c.width * c.height);
    });
    expect(painted).toBeGreaterThan(0.1);
    const rows = await split.locator('tbody tr').allTextContents();
    expect(rows.join('|')).toMatch(/基本支出\s*3,342\.67.*项目支出\s*1,662\.5/);
    const bars = page.locator('#chart-function-classes');
    await bars.scrollIntoViewIfNeeded();
    await bars.locator('.chart-canvas.drawn').waitFor();
    await bars.screenshot({ path: 'test-output/screenshots/reader-chart-bars-390.png' });
    await page.close();
    // Without chart.js (offline, a failed fetch) the empty box goes and the table stays.
    const offline = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await offline.route('**/chart-draw*', (route) => route.abort());
    await offline.goto(`${siteUrl}d/kashgar-administrative-office-2021-budget/`);
    await offline.locator('#chart-basic-project').scrollIntoViewIfNeeded();
    await expect.poll(() => offline.locator('#chart-basic-project .chart-canvas').isHidden()).toBe(true);
    expect(await offline.locator('#chart-basic-project tbody tr').count()).toBe(2);
    await offline.close();
    for (const path of ['', 'glossary/', 'departments/', 'd/kashgar-edz-party-mass-work-dept-2024-budget/targets/']) {
      const other = await open(path, 390);
      const sources = await other.locator('script[src]').evaluateAll((s) => s.map((e) => e.getAttribute('src')!));
      expect(sources.filter((s) => /chart/i.test(s))).toEqual([]);
      await other.close();
    }
    const home = await open('', 1280);
    expect(await home.locator('script[src]').count()).toBe(0);
    await home.close();
  });

  it("downloads a table's CSV, made in the browser from the disclosure's JSON", async () => {
    const page = await open('d/kashgar-administrative-office-2021-budget/', 1280);
    const button = page.locator('#table-t3 button.table-csv');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('kashgar-administrative-office-2021-budget-t3.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF"分组","科目编码","名称"')).toBe(true);
    // 合计 of 部门（单位）支出总体情况表, 基本支出 column: 3342.67 万元 (source line 492).
    expect(csv).toMatch(/,"合计",[^\r]*3342\.67/);
    await page.close();
  });

  it('shows the evaluation scores per 一级指标 as a chart with a table', async () => {
    const page = await open('d/kashgar-2021-poverty-monitoring-project-evaluation/', 1280);
    const chart = page.locator('#chart-evaluation-scores');
    await expect.poll(() => chart.locator('.chart-canvas').isVisible()).toBe(true);
    // 绩效评价评分汇总表, source lines 206–215: 20 / 20 / 30 / 30 of 20 / 20 / 30 / 30.
    expect(await chart.locator('tbody th').allTextContents()).toEqual(['决策指标', '过程指标', '产出指标', '效益指标']);
    await page.close();
  });

  it('stars a column name the source does not print, and says so (喀什 扶贫办 2021: its tables print no header)', async () => {
    const page = await open('d/kashgar-poverty-alleviation-office-2021-budget/', 1280);
    // The seed prints the 收入总体情况表 (L141–L168) as its 编制部门 line, then rows, no header line (L168 `合计 1439.48
    // 1439.48`): the names are the standard form's, the total's column the table's own.
    const heads = await page.locator('#table-t2 thead th').allTextContents();
    expect(heads).toContain('合计');
    expect(heads).toContain('一般公共预算拨款*');
    expect(await page.locator('#table-t2 p.muted').first().textContent()).toContain('列名带 * 的，原表表头未能读出，按标准表式填写');
    await page.close();
  });

  it('prints a department page without navigation', async () => {
    const page = await open('d/kashgar-administrative-office-2021-budget/', 1280);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    const overflow = await page.locator('#tables .table-scroll').first().evaluate((el) => getComputedStyle(el).overflowX);
    expect(overflow).toBe('visible');
    await screenshot(page, 'reader-department-print');
    await page.close();
  });

  it('gives a table permalink a finger width on a phone', async () => {
    const page = await open('d/kashgar-administrative-office-2021-budget/', 375);
    const box = (await page.locator('#tables .permalink').first().boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24); // WCAG 2.5.8; the bare # was 10 px wide
    await page.close();
  });

  it('gives the menu, line links, row links and filter boxes a 24 px target at 390 × 844, the menu on one row', async () => {
    // WCAG 2.5.8: a check's source-line link was 20 px tall, a row's or the footer's 21 px, a filter's box 13 px.
    const smallest = async (page: Page, selector: string) => {
      const boxes = await page.locator(selector).evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).filter((b) => b.width > 0).map((b) => Math.min(b.width, b.height)),
      );
      expect(boxes.length, selector).toBeGreaterThan(0);
      return Math.min(...boxes);
    };
    const page = await open('d/kashgar-administrative-office-2021-budget/', 390);
    for (const selector of ['.site-header nav a', '.check-group details li > span a', '.table-checks a', '.site-footer a', '.chart-download', '#tables .permalink']) {
      expect(await smallest(page, selector), selector).toBeGreaterThanOrEqual(24);
    }
    // The menu's seven items on one row (wrapped, 数据 stood alone on a second), and the page no wider than the screen.
    const tops = await page.locator('.site-header nav li').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    // A disclosure's page is in the 文件 section; the projects list below is its own item's page.
    expect(await page.locator('.site-header nav a[aria-current="true"]').allTextContents()).toEqual(['文件']);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-output/screenshots/reader-header-390.png' });
    await page.close();
    const projects = await open('projects/', 390);
    expect(await projects.locator('.site-header nav a[aria-current="page"]').allTextContents()).toEqual(['项目']);
    expect(await smallest(projects, 'table.data th a')).toBeGreaterThanOrEqual(24);
    await projects.close();
    const search = await open(`search/?q=${encodeURIComponent('扶贫')}`, 390);
    await search.locator('.search-filter-panel summary').click();
    await search.locator('.search-filter label').first().waitFor();
    expect(await smallest(search, '.search-filter label')).toBeGreaterThanOrEqual(24);
    await search.close();
  });

  it('repeats an indicator value as printed only where it says more, and says so where the form printed none', async () => {
    const page = await open('d/kashgar-2021-poverty-monitoring-project-evaluation/', 375);
    const card = (name: string) => page.locator('.target > ul > li', { hasText: name });
    // Source L113: 行业部门及县市业务干部培训 人数 ≥24 人, read as ≥ 24 人: no 原文 line repeating it.
    expect(await card('行业部门及县市业务干部培训人数').locator('p').allTextContents()).toEqual(['行业部门及县市业务干部培训人数', '≥ 24 人']);
    // L119: 质量指标 项目验收合格率, its row without a value.
    expect(await card('项目验收合格率').locator('p').nth(1).textContent()).toBe('原表未列指标值');
    await page.close();
  });

  it('sets no heading of the 正文 smaller than its paragraphs', async () => {
    const page = await open('d/julu-county-poverty-office-2021-budget/', 375);
    const sizes = await page.locator('#text').evaluate((text) => ({
      paragraph: parseFloat(getComputedStyle(text.querySelector('section > p')!).fontSize),
      headings: [...text.querySelectorAll('h3, h4, h5, h6')].map((h) => parseFloat(getComputedStyle(h).fontSize)),
    }));
    expect(sizes.headings.length).toBeGreaterThan(0); // （一）总体绩效目标 is an h5
    expect(Math.min(...sizes.headings)).toBeGreaterThanOrEqual(sizes.paragraph);
    await page.close();
  });

  it('names each target table by its project, so no two of the 16 share a heading', async () => {
    const page = await open('d/kashgar-administrative-office-2021-budget/targets/', 1280);
    const headings = await page.locator('.target > h2').allTextContents();
    expect(headings).toHaveLength(16);
    expect(new Set(headings).size).toBe(16);
    // Source L1755–1758: 项 目 支 出 绩 效 目 标 表 … 项目名称 协同办公网关项目.
    expect(headings[0]).toBe('项目支出绩效目标表：协同办公网关项目');
    // The heading names the project; the link to its section does not repeat the name (it did, above the heading).
    const first = page.locator('.target').first();
    expect(await first.locator('dl.meta dd a').first().textContent()).toBe('见本项目说明');
    expect(((await first.textContent()) ?? '').split('协同办公网关项目').length - 1).toBe(1);
    await page.close();
  });

  it('works with the keyboard alone: skip link, header search, results, section', async () => {
    const page = await open('d/kashgar-administrative-office-2021-budget/', 1280);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.locator('#site-search-q').focus();
    await page.keyboard.type('电子政务项目');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
    // Tab from the search box onwards until the first result's project section link has focus.
    await page.locator('#search-q').focus();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.closest('.result-sections') != null);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#project-p\d+-h$/);
    expect(await page.locator(':target').textContent()).toContain('电子政务项目');
    await page.close();
  });
});
