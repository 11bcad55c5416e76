import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_SLUG, hostileDocument, hostileSource, INVISIBLE_VECTORS, SCRIPT_VECTORS } from '../fixtures/hostile/hostile-disclosure.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { launch, skipReason } from './browser.ts';
import { axeViolations, serious } from './reader-support.ts';
import { serveStatic } from './static-server.ts';

/**
 * A site built from one hostile disclosure (tests/fixtures/hostile): every page is loaded in Chromium and must run
 * no injected script, open no dialog, request nothing from another origin, and show the vectors as text.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The script-src directive of a CSP, or null. */
function scriptSrc(policy: string): string | null {
  return policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? null;
}

/** RFC 4180 cells (quoted or bare), enough for the CSV the site writes. */
function csvCells(csv: string): Array<{ quoted: boolean; value: string }> {
  const cells: Array<{ quoted: boolean; value: string }> = [];
  const re = /(?:^|,|\r\n)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/g;
  for (const m of csv.replace(/^\uFEFF/, '').matchAll(re)) {
    if (m[1] !== undefined) cells.push({ quoted: true, value: m[1].replace(/""/g, '"') });
    else if (m[2]) cells.push({ quoted: false, value: m[2] });
  }
  return cells;
}

/**
 * A 项目支出绩效自评表 in the national template, written by hand (tests/fixtures/self-evaluation/national-form.txt; its
 * figures in tests/unit/site-self-evaluation.test.ts), built beside the hostile disclosure: no bundled document prints
 * one, and this site is built from fixtures already.
 */
const FORM_SLUG = 'self-evaluation-form';
const formDocument = () =>
  parseDisclosure(readFileSync('tests/fixtures/self-evaluation/national-form.txt', 'utf8'), { file: `${FORM_SLUG}.txt`, sha256: 'c'.repeat(64), format: 'text', encoding: 'utf-8', slug: FORM_SLUG });

describe.skipIf(skipReason !== '')(`hostile content${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'hostile-site-'));
  const content = join(work, 'content');
  const out = join(work, 'dist');
  let server: Server;
  let url: string;
  let browser: Browser;
  let pages: string[];

  beforeAll(async () => {
    mkdirSync(content);
    writeFileSync(join(content, `${HOSTILE_SLUG}.json`), `${JSON.stringify(hostileDocument(), null, 2)}\n`);
    writeFileSync(join(content, `${FORM_SLUG}.json`), `${JSON.stringify(formDocument())}\n`);
    const env = { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' };
    execFileSync(resolve('node_modules/.bin/node'), [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync(resolve('node_modules/.bin/node'), ['scripts/index-search.ts', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    pages = filesUnder(out).filter((f) => f.endsWith('.html')).map((f) => relative(out, f));
    ({ server, url } = await serveStatic(out));
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    rmSync(work, { recursive: true, force: true });
  });

  /** Loads a page and reports what ran: the flag the vectors set, dialogs, requests to other origins. */
  async function visit(path: string, act?: (page: Page) => Promise<void>) {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const foreign: string[] = [];
    const origin = new URL(url).origin;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(new URL(path, url).href, { waitUntil: 'load' });
    if (act) await act(page);
    await page.waitForTimeout(100);
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
    const dom = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
        scriptUrls: all.flatMap((el) =>
          ['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href']
            .map((name) => el.getAttribute(name))
            .filter((v): v is string => !!v && /^\s*javascript:/i.test(v) ),
        ),
        injected: document.querySelectorAll('iframe, object, embed, main svg[onload], main img[src="x"]').length,
        // Scripts the HTML itself carries without src (JSON data blocks are not code).
        inlineScripts: [...document.scripts]
          .filter((s) => !s.src && !/^application\/(?:ld\+)?json$/.test(s.type))
          .map((s) => s.outerHTML.slice(0, 120)),
        text: document.body.innerText,
      };
    });
    return { page, pwned, dialogs, foreign, dom };
  }

  it('builds the hostile disclosure into pages of every kind', () => {
    expect(pages).toContain(`d/${HOSTILE_SLUG}/index.html`);
    expect(pages).toContain('projects/index.html');
    expect(pages).toContain('glossary/index.html');
    expect(pages.filter((p) => p.startsWith('glossary/') && p !== 'glossary/index.html').length).toBeGreaterThanOrEqual(7);
  });

  it('runs no injected script, opens no dialog, has no inline script and requests nothing from another origin on any page', async () => {
    for (const path of pages) {
      const { page, pwned, dialogs, foreign, dom } = await visit(path);
      const { handlers, scriptUrls, injected, inlineScripts } = dom;
      expect({ path, pwned, dialogs, foreign, handlers, scriptUrls, injected, inlineScripts }).toEqual({
        path,
        pwned: null,
        dialogs: [],
        foreign: [],
        handlers: [],
        scriptUrls: [],
        injected: 0,
        inlineScripts: [],
      });
      await page.close();
    }
  }, 180_000);

  it('shows every script vector as literal text on the disclosure page', async () => {
    const { page, dom } = await visit(`d/${HOSTILE_SLUG}/`);
    for (const vector of SCRIPT_VECTORS) expect(dom.text, vector).toContain(vector.replace(/\s+/g, ' ').trim());
    await page.close();
  });

  // The card's two-goal branch (IndicatorCards): only a target with a 实施期目标 renders it, and no bundled one has.
  it('shows a target’s 实施期目标 and 年度目标 under their headings, as text', async () => {
    const [target] = hostileDocument().targets;
    const { page } = await visit(`d/${HOSTILE_SLUG}/`);
    const card = page.locator(`[id="target-${target.id}"]`);
    const shown: Array<Record<string, unknown>> = [];
    for (const heading of ['实施期目标：', '年度目标：']) {
      const goal = card.locator('p', { has: page.locator('strong', { hasText: heading }) });
      shown.push({
        visible: await goal.isVisible(),
        text: await goal.textContent(),
        heading: await goal.locator('strong').textContent(),
        elements: await goal.evaluate((p) => [...p.querySelectorAll('*')].map((e) => e.tagName)),
      });
    }
    expect(shown).toEqual([
      { visible: true, text: `实施期目标：${target.periodGoal}`, heading: '实施期目标：', elements: ['STRONG'] },
      { visible: true, text: `年度目标：${target.goal}`, heading: '年度目标：', elements: ['STRONG'] },
    ]);
    expect(target.periodGoal).toContain('<iframe');
    await page.close();
  });

  it('shows a 绩效自评表 on a phone: 总分, 实际完成情况, the funds table scrolling in its box, and each indicator\'s result', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(new URL(`d/${FORM_SLUG}/`, url).href);
    const card = page.locator('[id="target-target-1"]');
    const shown = await card.evaluate((el) => ({
      // The 总分 row, L22: 分值 100, 得分 96.
      total: el.querySelector('dl.meta dt:last-of-type + dd')?.textContent,
      // L11–L13: 实际完成情况 right of 预期目标.
      achieved: [...el.querySelectorAll(':scope > p')].map((p) => p.textContent).find((t) => t?.startsWith('实际完成情况')),
      // L5–L10: the funds block.
      funds: [...el.querySelectorAll('table.data tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      box: (({ scrollWidth, clientWidth }) => scrollWidth > clientWidth)(el.querySelector('.table-scroll')!),
      page: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(shown).toEqual({
      total: '96（分值 100）',
      achieved: '实际完成情况：新建社区助餐点4个，全年提供助餐服务21500人次，老年人满意度92%。',
      funds: [
        ['资金来源', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', '80', '76', '68.4', '10', '90%', '9'],
        ['当年财政拨款', '70', '66', '58.4', '', '', ''],
        ['上年结转资金', '10', '10', '10', '', '', ''],
        ['其他资金', '0', '0', '0', '', '', ''],
      ],
      box: true,
      page: 0,
    });
    // L19: 新建社区助餐点 6个 4个 20 16 两个助餐点选址未定，下年督促开放.
    expect(await card.locator('li', { hasText: '新建社区助餐点' }).locator('p').allTextContents()).toEqual([
      '新建社区助餐点', '6 个', '实际完成值：4个', '分值权重：20', '得分：16', '偏差原因：两个助餐点选址未定，下年督促开放',
    ]);
    // The 总分 printed 96 where the scores add up to 95: the failed check links to the form.
    const link = page.locator('#checks-fail-h + details a');
    expect(await link.getAttribute('href')).toBe('#target-target-1');
    await link.click();
    expect(await card.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await page.close();
    expect(serious(await axeViolations(browser, new URL(`d/${FORM_SLUG}/`, url).href, 375))).toEqual([]);
  });

  it('shows a hostile 绩效自评表 as text', async () => {
    const [target] = hostileDocument().targets;
    const { page } = await visit(`d/${HOSTILE_SLUG}/`);
    const card = page.locator(`[id="target-${target.id}"]`);
    const achieved = card.locator('p', { has: page.locator('strong', { hasText: '实际完成情况：' }) });
    expect(await achieved.textContent()).toBe(`实际完成情况：${target.selfEvaluation!.achieved}`);
    expect(await card.locator('table.data tbody th').first().textContent()).toBe(target.selfEvaluation!.funds[0].item);
    expect(await card.locator('table.data *:is(img, svg, script, iframe), li *:is(img, svg, script, iframe, a)').count()).toBe(0);
    expect(await card.locator('li').first().locator('p').allTextContents()).toEqual(
      expect.arrayContaining([`实际完成值：${target.indicators[0].actual}`, `偏差原因：${target.indicators[0].deviation}`]),
    );
    await page.close();
  });

  it('shows hostile project names and glossary terms as text on the projects and glossary pages', async () => {
    const projects = await visit('projects/');
    expect(projects.dom.text).toContain(`项目${SCRIPT_VECTORS[0]}`);
    await projects.page.close();
    const glossary = await visit('glossary/');
    // The term's `/` is made full-width by the fixture (see hostileDocument), hence only the opening tag here.
    expect(glossary.dom.text).toContain(`名词0<script>window.__pwned='script'`);
    await glossary.page.close();
  });

  it('keeps hostile text inert in search results, excerpts and filters', async () => {
    // `pwned` is a word only the vectors contain, so every result's excerpt is hostile text.
    const { page, pwned, dialogs, foreign } = await visit(`search/?q=pwned`, async (p) => {
      await p.locator('.search-results .search-result').first().waitFor({ timeout: 15_000 });
      await p.locator('.search-results .search-result a').first().hover();
      // The region filter's value is the hostile region name itself.
      await p.locator('.search-filter label', { hasText: 'onerror' }).first().locator('input').check();
      await p.locator('.search-results .search-result').first().waitFor({ timeout: 15_000 });
    });
    const results = page.locator('.search-results');
    expect(await results.locator('script, img, svg, iframe, [onerror], [onload]').count()).toBe(0);
    expect(await page.locator('.search-filter').first().locator('script, img, svg, iframe').count()).toBe(0);
    expect(await results.innerText()).toContain('pwned');
    expect({ pwned, dialogs, foreign }).toEqual({ pwned: null, dialogs: [], foreign: [] });
    await page.close();
  });

  // Pagefind's excerpts are already escaped; escaping them again once showed readers `&lt;script&gt;`.
  it('shows hostile text in search excerpts as typed, escaped once', async () => {
    const { page } = await visit(`search/?q=pwned`, (p) => p.locator('.search-results .search-result').first().waitFor({ timeout: 15_000 }));
    const excerpts = await page.locator('.search-results .excerpt').allInnerTexts();
    await page.close();
    expect(excerpts.join('\n')).not.toMatch(/&(?:lt|gt|quot|amp|#\d+);/);
  });

  it('strips bidi controls and zero-width characters from names the parser reads from the source', () => {
    const doc = parseDisclosure(hostileSource(), { file: 'h.txt', sha256: 'b'.repeat(64), format: 'text', encoding: 'utf-8' });
    // The seed's department line (line 1) carried U+202E … U+202C after the replacement; the parsed name must not.
    expect(doc.department).toContain(SCRIPT_VECTORS[0]);
    expect(doc.department).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/);
    expect(INVISIBLE_VECTORS[0]).toMatch(/\u202E/);
  });

  it('escapes CSV cells a spreadsheet would read as formulas (= + - @)', async () => {
    // Every CSV a reader gets: the built files, the corpus table (gzip) and each table's CSV, made in the browser.
    const built = filesUnder(out).filter((f) => f.endsWith('.csv')).map((f) => readFileSync(f, 'utf8'));
    const allRows = gunzipSync(readFileSync(join(out, 'data', 'all-rows.csv.gz'))).toString('utf8');
    const { page } = await visit(`d/${HOSTILE_SLUG}/`);
    const buttons = page.locator('button.table-csv');
    expect(await buttons.count()).toBeGreaterThan(0);
    const tables: string[] = [];
    for (const button of await buttons.all()) {
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      tables.push(readFileSync((await download.path())!, 'utf8'));
    }
    await page.close();
    const cells = [...built, allRows, ...tables].flatMap((csv) => csvCells(csv));
    const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c.value) && !(!c.quoted && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(c.value)));
    expect(formulas).toEqual([]);
    const escaped = cells.filter((c) => c.quoted && c.value.startsWith(`'=HYPERLINK(`));
    expect(escaped.length).toBeGreaterThan(0);
    for (const start of ["'+SUM(", "'-2+3", "'@SUM("]) expect(cells.some((c) => c.value.startsWith(start)), start).toBe(true);
  });

  it('sends a CSP without unsafe-inline scripts on every page, the same policy as public/_headers', () => {
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    const headerPolicy = /Content-Security-Policy:\s*(.+)/.exec(headers)?.[1].trim();
    for (const path of pages) {
      const html = readFileSync(join(out, path), 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(policy, path).toBeDefined();
      expect(scriptSrc(policy!), path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/);
      expect(policy, path).toBe(headerPolicy);
    }
  });

});
