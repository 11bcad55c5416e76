import { describe, expect, it } from 'vitest';
import { groupPages, LISTING_PAGE_SIZE, listingPagePath, pageOfIndex, pageTitle, pageWindow, sitemapParts, SITEMAP_URLS } from '../../src/site/listing.ts';
import { contentPages, sitemapIndexXml, sitemapXml } from '../../src/site/site-pages.ts';

// A province-sized corpus in listing order: 250 documents of 河北省, 30 of 山西省, 170 of 新疆维吾尔自治区 (450).
const corpus = [
  ...Array.from({ length: 250 }, (_, i) => ({ slug: `hebei-${i}`, province: '河北省' })),
  ...Array.from({ length: 30 }, (_, i) => ({ slug: `shanxi-${i}`, province: '山西省' })),
  ...Array.from({ length: 170 }, (_, i) => ({ slug: `xinjiang-${i}`, province: '新疆维吾尔自治区' })),
];

describe('a listing larger than a page is split', () => {
  it('puts 200 entries on a page: entry 0–199 on page 1, 200–399 on page 2, 400–449 on page 3', () => {
    expect(LISTING_PAGE_SIZE).toBe(200);
    expect(pageOfIndex(0)).toBe(1);
    expect(pageOfIndex(199)).toBe(1);
    expect(pageOfIndex(200)).toBe(2);
    expect(pageOfIndex(449)).toBe(3);
    expect(Math.max(...corpus.map((_, i) => pageOfIndex(i)))).toBe(3);
  });

  it('names the pages as Astro names a [...page] route: the first page keeps the listing\'s old address', () => {
    expect(listingPagePath('documents/', 1)).toBe('documents/');
    expect(listingPagePath('documents/', 3)).toBe('documents/3/');
    expect(listingPagePath('functions/208/', 2)).toBe('functions/208/2/');
  });

  it('titles a later page with its number, the first with the listing\'s name alone', () => {
    expect(pageTitle('项目目录', 1)).toBe('项目目录');
    expect(pageTitle('项目目录', 3)).toBe('项目目录（第 3 页）');
  });

  it('indexes the split list by province, with the pages each province runs over', () => {
    const groups = groupPages(corpus, (d) => d.province);
    expect(groups.map(({ key, count, firstPage, lastPage, first }) => ({ key, count, firstPage, lastPage, first: first.slug }))).toEqual([
      // 河北省 is entries 0–249: all of page 1 and the first 50 of page 2.
      { key: '河北省', count: 250, firstPage: 1, lastPage: 2, first: 'hebei-0' },
      // 山西省 is entries 250–279, inside page 2.
      { key: '山西省', count: 30, firstPage: 2, lastPage: 2, first: 'shanxi-0' },
      // 新疆 is entries 280–449: the rest of page 2 (280–399) and page 3.
      { key: '新疆维吾尔自治区', count: 170, firstPage: 2, lastPage: 3, first: 'xinjiang-0' },
    ]);
    // One listing of the same size as a page is not split.
    expect(new Set(groupPages(corpus.slice(0, 200), (d) => d.province).map((g) => g.lastPage))).toEqual(new Set([1]));
  });

  it('shows the first, the last and the pages around the current one, a gap where numbers are left out', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 50)).toEqual([1, 2, 3, null, 50]);
    expect(pageWindow(25, 50)).toEqual([1, null, 23, 24, 25, 26, 27, null, 50]);
    expect(pageWindow(50, 50)).toEqual([1, null, 48, 49, 50]);
    // No gap of one page: page 2 is shown rather than an ellipsis standing for it.
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
    expect(pageWindow(6, 10)).toEqual([1, null, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('the sitemap is split into files of at most 10,000 URLs', () => {
  it('keeps one file while the pages fit, and splits 25,001 pages into 10,000 + 10,000 + 5,001', () => {
    expect(SITEMAP_URLS).toBe(10_000);
    expect(sitemapParts(['', 'data/'])).toEqual([['', 'data/']]);
    expect(sitemapParts([])).toEqual([[]]);
    const paths = Array.from({ length: 25_001 }, (_, i) => `d/doc-${i}/`);
    const parts = sitemapParts(paths);
    expect(parts.map((p) => p.length)).toEqual([10_000, 10_000, 5_001]);
    expect(parts[1][0]).toBe('d/doc-10000/');
    expect(parts.flat()).toEqual(paths);
  });

  it('lists department pages and every disclosure page, and writes either a URL list or an index of files', () => {
    const docs = corpus.slice(0, 3).map((d) => ({ slug: d.slug, title: d.slug, glossary: [] }));
    const pages = contentPages(docs, ['d-0123456789ab']);
    expect(pages).toContain('departments/d-0123456789ab/');
    expect(pages).toContain('documents/');
    expect(pages.filter((p) => p.startsWith('d/'))).toEqual(['d/hebei-0/', 'd/hebei-1/', 'd/hebei-2/']);
    expect(sitemapXml(['https://budget.example.org/?a&b'])).toContain('<url><loc>https://budget.example.org/?a&amp;b</loc></url>');
    const index = sitemapIndexXml(['https://budget.example.org/sitemap-1.xml', 'https://budget.example.org/sitemap-2.xml']);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index.match(/<sitemap><loc>/g)).toHaveLength(2);
  });
});
