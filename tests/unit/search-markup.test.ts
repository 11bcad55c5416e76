import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCLUDED_FROM_SEARCH } from '../../src/site/search-scope.ts';
import { withoutExcluded } from '../../src/site/search-markup.ts';

describe('withoutExcluded: the elements a selector matches, cut from the markup', () => {
  it('cuts a table’s cells, whose end tags the site omits, and keeps its rows’ names', () => {
    const html = '<section class="data-table"><table><tbody><tr id="r1"><th>201 一般公共服务支出</th><td>1,200<td class="num">3</tr><tr><th>合计</th><td>9</td></tr></tbody></table></section>';
    expect(withoutExcluded(html, ['.data-table td'])).toBe(
      '<section class="data-table"><table><tbody><tr id="r1"><th>201 一般公共服务支出</th></tr><tr><th>合计</th></tr></tbody></table></section>',
    );
  });
  it('matches child and descendant combinators, ids and tag names as CSS does', () => {
    const html = '<div class="target"><p>说明</p><div><p>留下</p><ul><li>指标</li></ul></div></div><section id="overview"><ol><li>职责</li></ol><p>概况</p></section>';
    expect(withoutExcluded(html, ['.target > p', '.target ul', '#overview ol'])).toBe('<div class="target"><div><p>留下</p></div></div><section id="overview"><p>概况</p></section>');
  });
  it('reads past script text and comments, and leaves a page without matches as it was', () => {
    const html = '<main><script>if (a < b) document.write("<td>")</script><!-- <td> --><p class="muted">x</p><br><img alt=">"></main>';
    expect(withoutExcluded(html, ['.data-table td', 'td'])).toBe(html);
    expect(withoutExcluded(html, ['main .muted'])).toBe('<main><script>if (a < b) document.write("<td>")</script><!-- <td> --><br><img alt=">"></main>');
  });
});

/** A Pagefind bundle file's content: gzip, then Pagefind's 12-byte signature, then CBOR (arrays, maps, ints, strings). */
function decodeCbor(bytes: Buffer): unknown {
  let at = 12;
  const read = (): unknown => {
    const head = bytes[at++];
    const major = head >> 5;
    const extra = head & 31;
    let value = extra;
    if (extra >= 24) {
      const size = 1 << (extra - 24);
      if (size > 4) throw new Error(`CBOR length of ${size} bytes`);
      value = bytes.readUIntBE(at, size);
      at += size;
    }
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    if (major === 3) return bytes.toString('utf8', at, (at += value));
    if (major === 4) return Array.from({ length: value }, read);
    if (major === 5) return new Map(Array.from({ length: value }, () => [read(), read()]));
    throw new Error(`CBOR type ${major}`);
  };
  return read();
}
const readBundle = (dir: string, file: string) => gunzipSync(readFileSync(join(dir, file)));

/**
 * What a search can get out of a bundle, with pages named by their URLs instead of their numbers (which follow the
 * order pages were added in): each page's fragment (its text, word count, anchors that sub-results are made of,
 * filters and meta), each word's pages with the word's positions and weights on each, each filter value's pages, and
 * the index chunks' word ranges.
 */
function searchable(bundle: string) {
  const fragments = new Map<string, unknown>();
  for (const file of readdirSync(join(bundle, 'fragment'))) {
    for (const [hash, fragment] of Object.entries(JSON.parse(readBundle(bundle, `fragment/${file}`).subarray(12).toString('utf8')))) {
      fragments.set(hash, fragment);
    }
  }
  const metaFile = readdirSync(bundle).find((file) => file.endsWith('.pf_meta'))!;
  const [version, pages, chunks, filters, sorts, metaFields] = decodeCbor(readBundle(bundle, metaFile)) as [string, Array<[string, number]>, Array<[string, string, string]>, Array<[string, string]>, unknown[], string[]];
  const urls = pages.map(([hash]) => (fragments.get(hash) as { url: string }).url);
  const words: Record<string, unknown[]> = {};
  for (const [, , hash] of chunks) {
    for (const [word, entries] of (decodeCbor(readBundle(bundle, `index/${hash}.pf_index`)) as [Array<[string, Array<[number, ...unknown[]]>]>])[0]) {
      let page = 0;
      words[word] = entries.map(([delta, ...positions]) => [urls[(page += delta)], ...positions]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    }
  }
  const filterPages: Record<string, Record<string, string[]>> = {};
  for (const [name, hash] of filters) {
    const [, values] = decodeCbor(readBundle(bundle, `filter/${hash}.pf_filter`)) as [string, Array<[string, number[]]>];
    filterPages[name] = Object.fromEntries(values.map(([value, numbers]) => [value, numbers.map((n) => urls[n]).sort()]));
  }
  return {
    version,
    fragments: Object.fromEntries([...fragments.values()].map((f) => [(f as { url: string }).url, f])),
    words,
    filters: filterPages,
    chunks: chunks.map(([from, to]) => [from, to]),
    sorts,
    metaFields: [...metaFields].sort(),
    fragmentFiles: readdirSync(join(bundle, 'fragment')).length,
  };
}

/**
 * scripts/index-search.ts hands Pagefind each page with the excluded parts cut out; Pagefind given the built folder
 * (as the script did before) must make the same index of the same site: the bundled corpus, built by Astro.
 */
describe('scripts/index-search.ts on a built site: the same index as Pagefind reading the folder', () => {
  // A fresh clone has no test-output/ until a build or the browser tests make it: `vitest run --project unit` alone.
  mkdirSync(resolve('test-output'), { recursive: true });
  const work = mkdtempSync(join(resolve('test-output'), 'search-markup-'));
  const site = join(work, 'site');
  const node = resolve('node_modules/.bin/node');
  beforeAll(() => {
    const run = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
      const done = spawnSync(node, args, { encoding: 'utf8', env, stdio: ['ignore', 'ignore', 'pipe'] });
      if (done.status !== 0) throw new Error(`${args.join(' ')}: ${done.stderr}`);
    };
    run(['scripts/ingest.ts', '--quiet', '--out', join(work, 'content'), 'content/sources']);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'BASE_URL'));
    run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', site], { ...env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: join(work, 'content') });
    run(['scripts/index-search.ts', site, '--group', '2']);
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the same pages, words, positions, fragments, filters and meta', async () => {
    const pages = readdirSync(site, { recursive: true }).filter((file) => String(file).endsWith('.html') && readFileSync(join(site, String(file)), 'utf8').includes(' data-pagefind-body'));
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_FROM_SEARCH, maxFragments: Math.ceil(pages.length / 2) });
    await index!.addDirectory({ path: site });
    await index!.writeFiles({ outputPath: join(work, 'folder') });
    await pagefind.close();
    const fromFolder = searchable(join(work, 'folder'));
    const fromPages = searchable(join(site, 'pagefind'));
    // The bundled corpus's pages: its five disclosures and the pages about them, each with its words.
    expect(Object.keys(fromPages.fragments)).toHaveLength(pages.length);
    expect(Object.keys(fromPages.fragments)).toContain('/d/julu-county-poverty-office-2021-budget/');
    expect(Object.keys(fromPages.words).length).toBeGreaterThan(1000);
    // 住房公积金 is segmented; 公积 is in a row name of the 喀什 administrative office's tables (source line 231:
    // "221 02 01 住房公积金 119.48 119.48").
    expect(fromPages.words['公积'].map((page) => (page as unknown[])[0])).toContain('/d/kashgar-administrative-office-2021-budget/');
    expect(fromPages).toEqual(fromFolder);
  });
});
