import type { Browser } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, siteUrl, skipReason } from './browser.ts';

/**
 * A department page on paper (issue 13): every column of every table on the A4 page, and the reading aids
 * (navigation, 数据校验, unparsed text) left out.
 */
const PAGES = ['d/kashgar-edz-party-mass-work-dept-2024-budget/', 'd/kashgar-administrative-office-2021-budget/'];
// A4 (210 mm) less the 10 mm side margins of the print style, at the 96 px per inch of CSS.
const PRINTABLE_WIDTH = Math.floor(((210 - 20) / 25.4) * 96);

/** PDF text as a reader would search it: compatibility ideographs folded (⽀ → 支), no spaces. */
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

describe.skipIf(skipReason !== '')(`printing a department page${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  for (const path of PAGES) {
    it(`${path}: every table's last column is on the A4 page; checks and navigation are not printed`, async () => {
      const page = await browser.newPage({ viewport: { width: PRINTABLE_WIDTH, height: 1100 } });
      await page.goto(`${siteUrl}${path}`);
      await page.emulateMedia({ media: 'print' });
      const tables = await page.locator('#tables table.data').evaluateAll((els) =>
        els.map((table) => {
          const last = [...table.querySelectorAll('thead th')].pop()!;
          return { right: last.getBoundingClientRect().right, label: last.textContent ?? '' };
        }),
      );
      expect(tables.length).toBeGreaterThan(5);
      const cut = tables.filter((t) => t.right > PRINTABLE_WIDTH + 1);
      expect(cut).toEqual([]);
      for (const hidden of ['#checks', '.toc', '#unparsed', '.site-header']) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }

      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
      let text = '';
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent();
        text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
      }
      const printed = fold(text);
      expect(tables.filter((t) => !printed.includes(fold(t.label))).map((t) => t.label)).toEqual([]);
      expect(printed).not.toContain(fold('数据校验'));
      await page.close();
    }, 120_000);
  }
});
