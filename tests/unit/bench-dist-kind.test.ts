import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { distKind, fragmentPage, splitByKind } from '../../scripts/bench-scale.ts';

describe('what each built file is, for the per-disclosure breakdown', () => {
  it('names a disclosure’s files, its department’s and the search index’s', () => {
    expect(distKind('d/a-2021-budget/index.html')).toBe('disclosure page');
    expect(distKind('d/a-2021-budget/targets/index.html')).toBe('targets page');
    expect(distKind('d/a-2021-budget/text/index.html')).toBe('text page');
    expect(distKind('d/a-2021-budget/t/t12/index.html')).toBe('table page');
    expect(distKind('d/a-2021-budget/t/t12/3/index.html')).toBe('table page');
    expect(distKind('data/a-2021-budget.json')).toBe('disclosure JSON');
    expect(distKind('data/a-2021-budget.json.gz')).toBe('disclosure JSON');
    expect(distKind('data/all-rows.csv.gz')).toBe('corpus downloads (all-rows.csv.gz, department-series.csv.gz, datapackage.json)');
    expect(distKind('data/department-series.csv.gz')).toBe('corpus downloads (all-rows.csv.gz, department-series.csv.gz, datapackage.json)');
    expect(distKind('data/2/index.html')).toBe('listings and sitemap');
    expect(distKind('index.html')).toBe('listings and sitemap');
    expect(distKind('sitemap.xml')).toBe('listings and sitemap');
    expect(distKind('_astro/a.js')).toBe('shared (scripts, styles, search and compare pages, 404)');
    expect(distKind('sources/a-2021-budget.pdf')).toBe('original');
    expect(distKind('departments/d-0123456789ab/index.html')).toBe('department page');
    expect(distKind('departments/u-0123456789ab/index.html')).toBe('department page');
    expect(distKind('departments/2/index.html')).toBe('listings and sitemap');
    expect(distKind('compare/names/0.json')).toBe('compare name index');
    expect(distKind('compare/index.html')).toBe('shared (scripts, styles, search and compare pages, 404)');
    expect(distKind('pagefind/fragment/zh_1a2b.pf_fragment')).toBe('search fragment');
    // A shard's fragments, many pages a file (index-search.ts --group), as a sharded build writes them.
    expect(distKind('pagefind/fragment/zh-cn_group_e322b34.pf_fragment')).toBe('search fragment group');
    expect(distKind('pagefind/index/zh_1a2b.pf_index')).toBe('search index chunk');
  });

  it('names the page a search fragment was made from', () => {
    const fragment = (url: string) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url, content: '' })}`));
    expect(distKind(fragmentPage(fragment('/d/a-2021-budget/targets/')))).toBe('targets page');
    expect(distKind(fragmentPage(fragment('/budget/departments/d-0123456789ab/'), '/budget/'))).toBe('department page');
    expect(distKind(fragmentPage(fragment('/glossary/%E4%B8%89%E5%85%AC/')))).toBe('glossary and function pages');
  });

  it('tells what the disclosures add from the site’s own files', () => {
    const split = splitByKind({
      'disclosure page': { files: 100, kib: 10_000 },
      'search fragment of a disclosure page': { files: 100, kib: 800 },
      'search fragment of a department page': { files: 25, kib: 40 },
      'search index chunk': { files: 86, kib: 1_370 },
      'search fragment group': { files: 4, kib: 900 },
      'glossary and function pages': { files: 77, kib: 420 },
      'search fragment of a glossary and function pages': { files: 46, kib: 20 },
      'shared (scripts, styles, search and compare pages, 404)': { files: 22, kib: 300 },
    });
    expect(split).toEqual({ added: { files: 315, kib: 13_110 }, site: { files: 145, kib: 740 } });
  });
});
