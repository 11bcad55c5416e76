import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from './browser.ts';
import { brokenLinks, brokenSitemapEntries } from './reader-support.ts';

// The global setup built dist/; these tests read its files (no browser needed, but they share that build).
describe.skipIf(skipReason !== '')(`built site's links${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  it('has no internal link, script or stylesheet pointing to a missing file or anchor', () => {
    const problems = brokenLinks(resolve('dist'), '/');
    expect(problems).toEqual([]);
  });

  it('has a sitemap whose every URL is a page of the site, and a 404 page', () => {
    expect(existsSync('dist/404.html')).toBe(true);
    expect(brokenSitemapEntries(resolve('dist'), 'https://budget.example.org', '/')).toEqual([]);
    const xml = readFileSync('dist/sitemap.xml', 'utf8');
    expect(xml).toContain('<loc>https://budget.example.org/d/kashgar-administrative-office-2021-budget/</loc>');
    expect(xml).toContain('<loc>https://budget.example.org/functions/201/</loc>');
  });

  it('serves every disclosure as gzip-compressed JSON, its original file byte for byte, a corpus CSV and a datapackage', () => {
    const source = readFileSync('content/sources/kashgar-administrative-office-2021-budget.txt');
    expect(readFileSync('dist/sources/kashgar-administrative-office-2021-budget.txt').equals(source)).toBe(true);
    const doc = JSON.parse(gunzipSync(readFileSync('dist/data/kashgar-administrative-office-2021-budget.json.gz')).toString('utf8'));
    expect(doc.slug).toBe('kashgar-administrative-office-2021-budget');
    const csv = gunzipSync(readFileSync('dist/data/all-rows.csv.gz')).toString('utf8');
    const fields = 'disclosure,department,department_id,year,phase,table,table_kind,table_title,table_inferred,group,code,code_scheme,name,role,column,column_label,value,unit,factor';
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${fields.split(',').map((f) => `"${f}"`).join(',')}`);
    // 合计 of 部门（单位）支出总体情况表, 基本支出 column: 3342.67 万元 (source line 492).
    // Each row names its department and the department's id (its page: /departments/<id>/).
    expect(csv).toMatch(/"kashgar-administrative-office-2021-budget","新疆维吾尔自治区喀什地区行政公署办公室","d-[0-9a-f]{12}",2021,"budget","t3","expenditure-summary"/);
    expect(csv).toMatch(/"kashgar-administrative-office-2021-budget","[^"]+","d-[0-9a-f]{12}",2021,"budget","t3",[^\r]*"合计","total","basic","基本支出",3342\.67,"万元",10000\r\n/);
    const pkg = JSON.parse(readFileSync('dist/datapackage.json', 'utf8'));
    const paths: string[] = pkg.resources.map((r: { path: string }) => r.path);
    for (const path of paths) expect(existsSync(`dist/${path}`), path).toBe(true);
    // Every department's yearly series, one file for the corpus (a department page offers its own lines).
    expect(paths.slice(0, 2)).toEqual(['data/all-rows.csv.gz', 'data/department-series.csv.gz']);
    const series = gunzipSync(readFileSync('dist/data/department-series.csv.gz')).toString('utf8');
    // 党群工作部's 2024 budget: 合计 7278.68 万元 of its 部门支出总体情况表 (source line 254).
    expect(series).toMatch(/\r\n"[^"]*党群工作部","d-[0-9a-f]{12}","预算",2024,"支出合计",,7278\.68,,,"kashgar-edz-party-mass-work-dept-2024-budget"\r\n/);
    const docs = pkg.resources.filter((r: { path: string }) => r.path.startsWith('data/') && r.path.endsWith('.json.gz'));
    expect(docs).toHaveLength(5);
    for (const doc of docs) expect(doc).toMatchObject({ compression: 'gz', phase: expect.stringMatching(/^(budget|final-account|performance-evaluation|other)$/) });
  });

  // 喀什地区扶贫开发办公室's 2021 budget prints no table's title (line 169, over its 支出总表, is 编制部门：…单位：万元;
  // its 合计 at line 193 is 1439.48 = 993.81 基本支出 + 445.67 项目支出); the administrative office's prints each.
  it('says where a table is named that its title or kind is inferred: its heading (indexed), the listing, all-rows.csv, the comparisons', () => {
    const slug = 'kashgar-poverty-alleviation-office-2021-budget';
    const page = readFileSync(`dist/d/${slug}/index.html`, 'utf8');
    expect(page).toMatch(/<h3 id="table-t3-title"[^>]*>支出总体情况表<span class="muted inferred"[^>]*>（标题据表格内容推定）<\/span>/);
    const listing = readFileSync('dist/data/index.html', 'utf8');
    expect(listing).toMatch(new RegExp(`<a href="/d/${slug}/#table-t3"[^>]*>支出总体情况表</a>（标题据表格内容推定）（CSV 在表下方下载）`));
    expect(listing).toMatch(/<a href="\/d\/kashgar-administrative-office-2021-budget\/#table-t3"[^>]*>部门\(单位\)支出总体情况表<\/a>（CSV/);
    const csv = gunzipSync(readFileSync('dist/data/all-rows.csv.gz')).toString('utf8');
    // The seed prints no header over t3's amounts (L169–L193): its columns carry the standard form's names, and say so.
    expect(csv).toContain(`"${slug}","新疆维吾尔自治区喀什地区扶贫开发办公室","`);
    expect(csv).toMatch(new RegExp(`"${slug}",[^\r]*,"t3","expenditure-summary","支出总体情况表","标题据表格内容推定",[^\r]*"合计","total","basic","基本支出（原表表头未能读出，按标准表式）",993\\.81,"万元",10000\r\n`));
    expect(csv).toMatch(/"kashgar-administrative-office-2021-budget",[^\r]*,"t3","expenditure-summary","部门\(单位\)支出总体情况表",,/);
    // The comparisons show a figure taken from a table by its kind, not its title: they say the kind is inferred (its
    // 三公 table t8, lines 401–403: 4.2 4.2 4.2; its 收支总表 t1, line 104: 213 农林水支出 1282.76).
    expect(readFileSync('dist/three-public/index.html', 'utf8')).toContain(
      `<a href="/d/${slug}/#table-t8">新疆维吾尔自治区喀什地区扶贫开发办公室</a>（2021）（表的类别据表格内容推定）`,
    );
    expect(readFileSync('dist/functions/213/index.html', 'utf8')).toContain(
      `<a href="/d/${slug}/#table-t1">新疆维吾尔自治区喀什地区扶贫开发办公室</a>（表的类别据表格内容推定）`,
    );
  });

  it("publishes no file per table: a table's CSV is made in the browser from the JSON (reader-pages test)", () => {
    const perTable = readdirSync('dist/d', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.csv'));
    expect(perTable).toEqual([]);
  });
});

describe.skipIf(skipReason !== '')(`site under a sub-path${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const out = resolve('test-output/base-build');
  beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    // Vitest puts its own import.meta.env values (BASE_URL, MODE …) into process.env; Vite would take them over.
    const { BASE_URL, MODE, DEV, PROD, SSR, ...env } = process.env;
    execFileSync('npx', ['astro', 'build', '--outDir', out], {
      env: { ...env, BASE: '/budget/', SITE: 'https://example.gov.cn', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // As `npm run build` does: the search page preloads the catalog this step writes under the base.
    execFileSync(resolve('node_modules/.bin/node'), ['scripts/index-search.ts', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  }, 300_000);

  it('built with BASE=/budget/, links only to files under /budget/ that exist', () => {
    expect(brokenLinks(out, '/budget/')).toEqual([]);
    expect(brokenSitemapEntries(out, 'https://example.gov.cn', '/budget/')).toEqual([]);
    const home = readFileSync(`${out}/index.html`, 'utf8');
    expect(home).toContain('href="/budget/d/kashgar-administrative-office-2021-budget/"');
  });
});
