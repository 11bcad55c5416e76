import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packShards, planShards, shardBuildEnv } from '../../scripts/shard-plan.ts';
import { jsonMembers } from '../../src/site/json-members.ts';
import { otherShardBundles, searchCatalog } from '../../src/site/search-shards.ts';

const DOCS = [
  { slug: 'julu-county-poverty-office-2021-budget', region: ['河北省', '巨鹿县'], year: 2021 },
  { slug: 'kashgar-edz-party-mass-work-dept-2024-budget', region: ['新疆维吾尔自治区', '喀什地区'], year: 2024 },
  { slug: 'kashgar-administrative-office-2021-budget', region: ['新疆维吾尔自治区', '喀什地区'], year: 2021 },
];

describe('shards of a province-scale build', () => {
  it('by region keeps a region together (a department’s years stay in one shard)', () => {
    const shards = planShards(DOCS, 'region', 1, '/budget/');
    expect(shards.map((s) => [s.label, s.slugs])).toEqual(
      expect.arrayContaining([
        ['河北省', ['julu-county-poverty-office-2021-budget']],
        ['新疆维吾尔自治区', ['kashgar-administrative-office-2021-budget', 'kashgar-edz-party-mass-work-dept-2024-budget']],
      ]),
    );
    expect(shards).toHaveLength(2);
    for (const s of shards) expect(s.base).toMatch(/^\/budget\/r-[0-9a-f]{10}\/$/);
  });

  it('packs regions of few documents together, whole, when asked for shards of a size (--min)', () => {
    const docs = [
      ...['甲县', '乙县', '丙县', '丁县'].map((county, i) => ({ slug: `d${i}`, region: [county], year: 2024 })),
      ...Array.from({ length: 3 }, (_, i) => ({ slug: `h${i}`, region: ['河北省', '巨鹿县'], year: 2021 + i })),
    ];
    const shards = packShards(planShards(docs, 'region'), 2);
    // In the order of their names read aloud (丙 bǐng, 丁 dīng, 甲 jiǎ, 乙 yǐ), two to a pack.
    expect(shards.map((s) => [s.label, s.slugs]).sort()).toEqual([
      ['丙县等 2 个地区', ['d2', 'd3']],
      ['河北省', ['h0', 'h1', 'h2']],
      ['甲县等 2 个地区', ['d0', 'd1']],
    ]);
    for (const s of shards.filter((x) => x.label !== '河北省')) expect(s.base).toMatch(/^\/p-[0-9a-f]{10}\/$/);
    // The same regions give the same packs.
    expect(packShards(planShards([...docs].reverse(), 'region'), 2)).toEqual(shards);
  });

  it('by year names shards by the year', () => {
    expect(planShards(DOCS, 'year').map((s) => [s.name, s.base, s.slugs.length])).toEqual([
      ['y-2021', '/y-2021/', 2],
      ['y-2024', '/y-2024/', 1],
    ]);
  });

  it('every shard is built knowing every bundle, and its search merges the others', () => {
    const shards = planShards(DOCS, 'year');
    const env = shardBuildEnv(shards[0], shards, '/tmp/c');
    expect(env).toEqual({
      CONTENT_DIR: '/tmp/c',
      BASE: '/y-2021/',
      SEARCH_SHARDS: '/y-2021/pagefind/,/y-2024/pagefind/',
      SEARCH_CATALOG: '/search-catalog/',
    });
    expect(otherShardBundles('/y-2021/pagefind/', env.SEARCH_SHARDS)).toEqual(['/y-2024/pagefind/']);
    expect(otherShardBundles('/pagefind/', '')).toEqual([]);
  });

  it('every shard searches the one catalog at the site’s prefix first; a site built alone its own, under its base', () => {
    const shards = planShards(DOCS, 'region', 1, '/budget/');
    const envs = shards.map((s) => shardBuildEnv(s, shards, `/tmp/${s.name}`, '/budget/'));
    expect(envs.map((e) => searchCatalog(e.SEARCH_CATALOG))).toEqual(['/budget/search-catalog/', '/budget/search-catalog/']);
    expect(searchCatalog('', '/')).toBe('/search-catalog/');
    expect(searchCatalog('', '/budget')).toBe('/budget/search-catalog/');
  });
});

describe('npm run shard: usage errors', () => {
  const shard = (args: string[]) => spawnSync(resolve('node_modules/.bin/node'), [resolve('scripts/shard.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });

  it('exits 2 with a Chinese message and the way to the help, before reading any document', () => {
    const by = shard(['--by', 'month', '--out', '/nonexistent/shards']);
    expect(by.status).toBe(2);
    expect(by.stderr).toBe('shard：--by 只能是 region（按地区）或 year（按年度），而不是“month”\n请运行 npm run shard -- --help 查看用法。\n');
    const unknown = shard(['--frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('shard：没有 --frobnicate 这个选项\n请运行 npm run shard -- --help 查看用法。\n');
    for (const [option, value, range] of [['--depth', '0', '正整数'], ['--min', '2.5', '不小于 0 的整数'], ['--jobs', 'two', '正整数']]) {
      const bad = shard([option, value, '/nonexistent/content']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toBe(`shard：${option} 应为${range}，而不是“${value}”\n请运行 npm run shard -- --help 查看用法。\n`);
    }
  });

  it('exits 2 naming the folder when it holds no parsed disclosure, or is not there', () => {
    const empty = mkdtempSync(join(tmpdir(), 'shard-empty-'));
    try {
      for (const folder of [empty, '/nonexistent/content']) {
        const run = shard(['--out', join(empty, 'out'), folder]);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`shard：${folder} 中没有解析好的公开文件（.json）：请先用 npm run ingest 解析，或用 --sources 给出来源文件\n请运行 npm run shard -- --help 查看用法。\n`);
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  // The plan reads only the fields it splits by (each shard's build validates its files in full), but those against
  // the schema: a slug names the shard's copy of its file, and one that is a path must not place a file elsewhere.
  it('stops at a file whose slug, region or year the schema refuses, naming the file and the field, before any shard', () => {
    const work = mkdtempSync(join(tmpdir(), 'shard-plan-'));
    const content = join(work, 'in');
    mkdirSync(content);
    writeFileSync(join(content, 'a.json'), JSON.stringify({ slug: '../../escaped', region: ['河北省'], year: 2021 }));
    const slug = shard(['--out', join(work, 'out'), content]);
    expect(slug.status).toBe(1);
    expect(slug.stderr).toMatch(/in\/a\.json：字段 slug 不符合数据格式/);
    expect(existsSync(join(work, 'escaped.json'))).toBe(false);
    writeFileSync(join(content, 'a.json'), JSON.stringify({ slug: 'a', region: '河北省', year: 2021 }));
    expect(shard(['--out', join(work, 'out'), content]).stderr).toMatch(/in\/a\.json：字段 region 不符合数据格式/);
    // Broken JSON before the fields are read: JSON.parse's message, as when the plan parsed every file whole.
    writeFileSync(join(content, 'a.json'), '{"slug": "a", "region": ["河北省"');
    expect(shard(['--out', join(work, 'out'), content]).stderr).toMatch(/in\/a\.json：不是有效的 JSON/);
  });
});

// The plan reads a disclosure's slug, region and year from the file's bytes, skipping the rest of the document.
describe('the members of a JSON object, read from its bytes', () => {
  const read = (text: string) => jsonMembers(Buffer.from(text), ['slug', 'region', 'year']);

  it('reads the members asked for, skipping strings, arrays and objects that hold brackets, quotes and escapes', () => {
    const text = String.raw`{"schemaVersion":1, "title":"预算表 {一} [二] \"三\" \\", "tables":[{"rows":[[1,"}]"],{"x":"\\\""}]}],` +
      String.raw`"slug" : "a-1", "year":2021 ,"region":["河北省","巨鹿县"],"unit":null}`;
    expect(read(text)).toEqual({ slug: 'a-1', year: 2021, region: ['河北省', '巨鹿县'] });
  });

  it('leaves out a member the object lacks, and takes the last of a key given twice, as JSON.parse does', () => {
    expect(read('{"slug":"a","slug":"b","year":null}')).toEqual({ slug: 'b', year: null });
    expect(read(' {} \n')).toEqual({});
  });

  it('gives null for what is not one JSON object as far as it reads, for the caller to report', () => {
    expect(read('[{"slug":"a"}]')).toBeNull();
    expect(read('\uFEFF{"slug":"a"}')).toBeNull();
    expect(read('{"slug":"a"')).toBeNull();
    expect(read('{"slug":"a"} x')).toBeNull();
    expect(read('{"slug":,"year":1}')).toBeNull();
    expect(read('{"title":"未完}')).toBeNull();
    expect(read('{"slug":"a" "year":1}')).toBeNull();
  });
});
