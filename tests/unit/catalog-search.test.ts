import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogFiles, catalogOrder } from '../../src/site/catalog-index.ts';
import { Catalog, excerptOf } from '../../src/site/catalog-search.ts';
import { CATALOG_MANIFEST, fromRuns, queryTerms, termsOf, toRuns } from '../../src/site/catalog-terms.ts';
import { classificationRecord, type CatalogRecord } from '../../src/site/search-catalog.ts';

// Records as a shard's build writes them (search-catalog.ts): a department and three documents of two departments.
const dept: CatalogRecord = {
  url: '/r-1/departments/d-1/',
  content: '青东县财政局\n青东县部门\n共 2 份文件\n2021年青东县财政局部门预算\n2022年青东县财政局部门预算',
  meta: { title: '青东县财政局', 年度: '2021–2022', 类型: '部门' },
  filters: { 文件类型: ['部门'] },
};
const doc = (year: number, department: string, body: string, url: string): CatalogRecord => ({
  url,
  content: `${year}年${department}部门预算\n${department}\n${year}年预算\n${body}`,
  meta: { title: `${year}年${department}部门预算`, 部门: department, 年度: String(year), 类型: '预算' },
  filters: { 年度: [String(year)], 地区: ['青东县'], 文件类型: ['预算'] },
});
const q2021 = doc(2021, '青东县财政局', '住房公积金 120.5 万元。PPP 项目', '/r-1/d/q-2021/');
const q2022 = doc(2022, '青东县财政局', '住房公积金 130.0 万元。', '/r-1/d/q-2022/');
const p2022 = doc(2022, '平溪县医疗保障局', '住房保障支出 <script>alert(1)</script> 公积', '/r-2/d/p-2022/');
const records = [dept, q2021, q2022, p2022];

/** The catalog's files served as a host would, gzip-compressed as scripts/search-catalog.ts writes them. */
function serve(given = records): Catalog {
  const { manifest, files } = catalogFiles(given);
  vi.stubGlobal('fetch', async (url: string) => {
    const path = url.replace(/^\/search-catalog\//, '');
    if (path === CATALOG_MANIFEST) return new Response(JSON.stringify(manifest));
    const text = files.get(path);
    return text === undefined ? new Response('', { status: 404 }) : new Response(gzipSync(text));
  });
  return new Catalog('/search-catalog/', manifest);
}

const urls = async (catalog: Catalog, query: string | null, filters = {}) => {
  const { results } = await catalog.search(query, { filters });
  return Promise.all(results.map(async (r) => (await r.data()).url));
};

afterEach(() => vi.unstubAllGlobals());

describe('the catalog’s terms', () => {
  it('are the characters and pairs of each run of letters and digits, width-folded and in lower case', () => {
    expect([...termsOf('住房 Ｐp（2）')]).toEqual(['住', '房', '住房', 'p', 'pp', '2']);
    expect(queryTerms('住房公积金')).toEqual(['住房', '房公', '公积', '积金']);
    expect(queryTerms('医')).toEqual(['医']);
    expect(queryTerms('208 05')).toEqual(['208', '05']);
  });

  it('hold a number of three digits or more whole, and a code by its 类, 款 and 项', () => {
    // 208 05 05 机关事业单位基本养老保险缴费支出 and 205 08 03 培训支出: pairs of digits would have 2080505 in both.
    expect([...termsOf('2080505 机关事业单位基本养老保险缴费支出')]).toEqual(expect.arrayContaining(['2080505', '208', '20805']));
    expect([...termsOf('2050803 培训支出')]).not.toContain('2080505');
    expect(queryTerms('2080505')).toEqual(['2080505']);
    expect(queryTerms('２０８０５０５')).toEqual(['2080505']);
    // Within a run of Han characters, the number is whole and the pairs around it stay.
    expect(queryTerms('2021年预算')).toEqual(['1年', '年预', '预算', '2021']);
  });

  it('writes a sorted list of records as gaps and lengths of runs', () => {
    expect(toRuns([0, 1, 2, 5, 7, 8])).toEqual([0, 3, 2, 1, 1, 2]);
    expect(fromRuns([0, 3, 2, 1, 1, 2])).toEqual([0, 1, 2, 5, 7, 8]);
    expect(toRuns([])).toEqual([]);
  });
});

describe('the catalog: built from the records, searched as the search page does', () => {
  it('numbers the department pages first, then the documents, the newest year first', () => {
    expect(catalogOrder(records).map((r) => r.url)).toEqual(['/r-1/departments/d-1/', '/r-1/d/q-2022/', '/r-2/d/p-2022/', '/r-1/d/q-2021/']);
  });

  it('finds the records holding every pair of the query, not those holding its characters apart', async () => {
    const catalog = serve();
    // p-2022 holds 住房 and 公积 but not 住房公积金.
    expect(await urls(catalog, '住房公积金')).toEqual(['/r-1/d/q-2022/', '/r-1/d/q-2021/']);
    expect(await urls(catalog, '医')).toEqual(['/r-2/d/p-2022/']);
    expect(await urls(catalog, '公积金 2021')).toEqual(['/r-1/d/q-2021/']);
    expect(await urls(catalog, '住房公积金贷款')).toEqual([]);
  });

  it('puts a 类 page first when the query names the 类 or one of its 款 and 项, by name or code', async () => {
    // Shard r-1's page of 221 住房保障支出, whose documents print 221 02 住房改革支出 and 221 02 01 住房公积金.
    const housing = classificationRecord({
      url: '/r-1/functions/221/',
      code: '221',
      name: '住房保障支出',
      items: [
        { code: '22102', name: '住房改革支出' },
        { code: '2210201', name: '住房公积金' },
      ],
      departments: 1,
      documents: 2,
      regions: ['青东县'],
    });
    expect(housing.meta).toEqual({ title: '221 住房保障支出', 类型: '支出功能分类', 部门: '1 个（2 份文件）', 地区: '青东县' });
    const given = [...records, housing];
    expect(catalogOrder(given)[0]).toBe(housing);
    const catalog = serve(given);
    expect(await urls(catalog, '住房公积金')).toEqual(['/r-1/functions/221/', '/r-1/d/q-2022/', '/r-1/d/q-2021/']);
    expect(await urls(catalog, '2210201')).toEqual(['/r-1/functions/221/']);
    expect(await urls(catalog, '住房保障支出')).toEqual(['/r-1/functions/221/', '/r-2/d/p-2022/']);
  });

  it('puts the records whose title holds the query first', async () => {
    const catalog = serve();
    // The department's title is 青东县财政局, its documents' 20xx年青东县财政局部门预算; p-2022's title is another's.
    expect(await urls(catalog, '青东县财政局')).toEqual(['/r-1/departments/d-1/', '/r-1/d/q-2022/', '/r-1/d/q-2021/']);
    expect(await urls(catalog, '部门预算')).toEqual(['/r-1/d/q-2022/', '/r-2/d/p-2022/', '/r-1/d/q-2021/', '/r-1/departments/d-1/']);
  });

  it('matches any width and case', async () => {
    const catalog = serve();
    expect(await urls(catalog, 'ｐｐｐ')).toEqual(['/r-1/d/q-2021/']);
  });

  it('narrows by the filters: any of a filter’s values, every filter; filters alone list their records', async () => {
    const catalog = serve();
    expect(await urls(catalog, '住房', { 年度: { any: ['2021'] } })).toEqual(['/r-1/d/q-2021/']);
    expect(await urls(catalog, '住房', { 年度: { any: ['2021', '2022'] }, 文件类型: { any: ['预算'] } })).toEqual(['/r-1/d/q-2022/', '/r-2/d/p-2022/', '/r-1/d/q-2021/']);
    expect(await urls(catalog, null, { 文件类型: { any: ['部门'] } })).toEqual(['/r-1/departments/d-1/']);
    expect(await urls(catalog, '住房', { 年度: { any: ['2019'] } })).toEqual([]);
  });

  it('gives each result its page, tags and text, with an excerpt around the first hit', async () => {
    const catalog = serve();
    const [first] = (await catalog.search('住房公积金')).results;
    const data = await first.data();
    expect(data.meta).toEqual(q2022.meta);
    expect(data.content).toBe(q2022.content);
    expect(data.excerpt).toBe('2022年青东县财政局部门预算 青东县财政局 2022年预算 <mark>住房公积金</mark> 130.0 万元。');
  });

  it('gives a project the query names as a section of its result, linked to its heading, with its amount', async () => {
    const withProjects: CatalogRecord = {
      ...doc(2022, '平溪县水利局', '河道整治项目\n水资源监测项目', '/r-2/d/w-2022/'),
      sections: [
        { title: '河道整治项目', anchor: 'project-p1-h', amount: '1,200 万元' },
        { title: '水资源监测项目', anchor: 'project-p2-h' },
      ],
    };
    const catalog = serve([...records, withProjects]);
    const [found] = (await catalog.search('河道整治')).results;
    const data = await found.data();
    expect(data.sub_results).toEqual([
      { title: '河道整治项目', url: '/r-2/d/w-2022/#project-p1-h', excerpt: '<mark>河道整治</mark>项目', anchor: { id: 'project-p1-h' } },
    ]);
    // Under the key a disclosure page gives Pagefind for that heading's amount (search-meta.ts).
    expect(data.meta['amount@project-p1-h']).toBe('1,200 万元');
    expect((await (await catalog.search('水资源监测')).results[0].data()).sub_results?.map((r) => r.url)).toEqual(['/r-2/d/w-2022/#project-p2-h']);
    expect((await (await catalog.search('平溪县水利局')).results[0].data()).sub_results).toEqual([]);
  });

  it('writes an excerpt escaped, the query’s words marked in any width', () => {
    expect(excerptOf('住房保障支出 <script>alert(1)</script> 公积', '住房 公积')).toBe(
      '<mark>住房</mark>保障支出 &lt;script&gt;alert(1)&lt;/script&gt; <mark>公积</mark>',
    );
    expect(excerptOf('PPP 项目', 'ｐｐｐ')).toBe('<mark>PPP</mark> 项目');
    const long = `${'甲'.repeat(100)}住房公积金${'乙'.repeat(100)}`;
    expect(excerptOf(long, '住房公积金')).toBe(`${'甲'.repeat(20)}<mark>住房公积金</mark>${'乙'.repeat(55)}`);
  });

  it('names its files by a hash of their contents, and holds no file listing every record', () => {
    const { manifest, files } = catalogFiles(records);
    expect(manifest).toMatchObject({ buckets: 1, records: 4, group: 8 });
    expect([...files.keys()]).toEqual([`fragments/0.${manifest.build}.json.gz`, `terms/0.${manifest.build}.json.gz`]);
    expect(catalogFiles([...records]).manifest.build).toBe(manifest.build);
    expect(catalogFiles([dept, q2021]).manifest.build).not.toBe(manifest.build);
  });
});
