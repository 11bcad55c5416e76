import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { CATALOG_FILTER_COUNTS, CATALOG_FRAGMENT_GROUP, catalogBundle, classificationRecord, filterCounts, departmentRecord, disclosureRecord, mergeCatalogRecords, shardRecords, type CatalogRecord } from '../../src/site/search-catalog.ts';
import { CATALOG_MANIFEST } from '../../src/site/catalog-terms.ts';
import { summarize } from '../../src/site/disclosure-summary.ts';
import { classCounts, functionItemsByClass } from '../../src/site/function-items.ts';
import { spendingByFunctionClass } from '../../src/site/cross-department.ts';

function seed(name: string) {
  const file = `content/sources/${name}.txt`;
  return parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
}

describe('the catalog of a sharded site: what a result lands on', () => {
  // 喀什地区扶贫开发办公室 2021 预算: five projects (项目名称：… L564–L668), 正文 headings such as 十、其他重要事项的情况说明
  // (L754); the sentence “主要原因是本年度人员工资增加、工会经费增加” (L454) is 正文 prose, which only the full text holds.
  const doc = seed('kashgar-poverty-alleviation-office-2021-budget');
  const url = '/r-cd0c29a578/d/kashgar-poverty-alleviation-office-2021-budget/';
  const record = disclosureRecord({ url, doc: summarize(doc) });
  const lines = record.content.split('\n');

  it('holds the title, department, region, year and kind, the summary, the projects and the 正文 headings', () => {
    expect(record.url).toBe(url);
    expect(lines.slice(0, 4)).toEqual([
      '新疆维吾尔自治区喀什地区扶贫开发办公室2021年预算公开',
      '新疆维吾尔自治区喀什地区扶贫开发办公室',
      '新疆维吾尔自治区 · 喀什地区',
      '2021年预算',
    ]);
    // The seed prints no table's title (L169), so the sentence says the total's table kind is the parser's reading.
    expect(lines[4]).toMatch(/^新疆维吾尔自治区喀什地区扶贫开发办公室 2021 年预算支出合计 1,439\.48 万元（表的类别据表格内容推定）。/);
    expect(lines).toEqual(expect.arrayContaining(['扶贫资产管理专班专项', '脱贫攻坚专项', '十、其他重要事项的情况说明', '4.项目名称：扶贫宣传项目']));
    expect(lines.filter((l) => doc.projects.some((p) => p.name === l))).toHaveLength(5);
  });

  it('holds each project as a section: its heading’s anchor on the page and its amount', () => {
    // 扶贫宣传项目 110 万元 (L398, L633), one of the five projects.
    const project = doc.projects.find((p) => p.name === '扶贫宣传项目')!;
    expect(record.sections).toContainEqual({ title: '扶贫宣传项目', anchor: `project-${project.id}-h`, amount: '110 万元' });
    expect(record.sections?.filter((s) => s.anchor.startsWith('project-'))).toHaveLength(5);
  });

  it('holds each table as a section: its heading as the page prints it, and its anchor', () => {
    // 喀什地区行政公署办公室 2021: 一般公共预算“三公”经费支出情况表 (L1085), its eighth table.
    const office = summarize(seed('kashgar-administrative-office-2021-budget'));
    const officeRecord = disclosureRecord({ url: '/d/kashgar-administrative-office-2021-budget/', doc: office });
    expect(officeRecord.sections).toContainEqual({ title: '一般公共预算“三公”经费支出情况表', anchor: 'table-t8-title' });
    expect(officeRecord.content.split('\n')).toContain('一般公共预算“三公”经费支出情况表');
    // The 扶贫开发办公室 budget prints no table's title (L169): each section says its title is the parser's.
    const tables = record.sections?.filter((s) => s.anchor.startsWith('table-')) ?? [];
    expect(tables).toHaveLength(doc.tables.length);
    expect(tables.every((s) => s.title.endsWith('）'))).toBe(true);
  });

  it('leaves the 正文 paragraphs to the full text', () => {
    expect(doc.sections.some((s) => s.paragraphs.some((p) => p.includes('人员工资增加')))).toBe(true);
    expect(record.content).not.toContain('人员工资增加');
  });

  it('gives the metadata and filters the disclosure page gives Pagefind', () => {
    expect(record.meta).toEqual({ title: doc.title, 部门: '新疆维吾尔自治区喀什地区扶贫开发办公室', 年度: '2021', 类型: '预算' });
    expect(record.filters).toEqual({ 年度: ['2021'], 地区: ['新疆维吾尔自治区'], 文件类型: ['预算'] });
  });

  it('a department page: its name, region and scope, its documents’ titles, and the years and kinds its result shows', () => {
    const dept = departmentRecord({ url: '/r-cd0c29a578/departments/abc/', name: '喀什地区扶贫开发办公室', scope: '部门', region: ['新疆维吾尔自治区', '喀什地区'], docs: [doc] });
    expect(dept).toEqual({
      url: '/r-cd0c29a578/departments/abc/',
      content: '喀什地区扶贫开发办公室\n新疆维吾尔自治区 · 喀什地区部门\n共 1 份文件\n新疆维吾尔自治区喀什地区扶贫开发办公室2021年预算公开',
      meta: { title: '喀什地区扶贫开发办公室', 年度: '2021', 类型: '部门', 文件: '1 份（预算）' },
      filters: { 文件类型: ['部门'] },
    });
  });

  it('lists a shard’s records department by department, each followed by its documents, so that they share a fragment file', () => {
    const summary = summarize(doc);
    const other = { ...summary, slug: 'other-2022-budget', title: '乙单位2022年预算公开' };
    const orphan = { ...summary, slug: 'orphan-2021-budget', title: '无部门文件' };
    const department = { url: '/r/departments/abc/', name: '喀什地区扶贫开发办公室', scope: '部门', region: ['新疆维吾尔自治区', '喀什地区'], docs: [summary] };
    const unit = { url: '/r/departments/def/', name: '乙单位', scope: '单位', region: ['新疆维吾尔自治区'], docs: [other] };
    const housing = { url: '/r/functions/221/', code: '221', name: '住房保障支出', items: [{ code: '2210201', name: '住房公积金' }], departments: 1, documents: 1, regions: ['新疆维吾尔自治区'] };
    const records = shardRecords([department, unit], [orphan, other, summary], (slug) => `/r/d/${slug}/`, [housing]);
    expect(records.map((r) => r.url)).toEqual([
      '/r/functions/221/',
      '/r/departments/abc/',
      `/r/d/${summary.slug}/`,
      '/r/departments/def/',
      '/r/d/other-2022-budget/',
      '/r/d/orphan-2021-budget/',
    ]);
    expect(records[2]).toEqual(disclosureRecord({ url: `/r/d/${summary.slug}/`, doc: summary }));
    expect(records[1]).toEqual(departmentRecord(department));
  });

  it('a 类 page: its code and name, how many departments and documents spend in it, its 款 and 项; not its list of departments', () => {
    // 喀什 扶贫开发办公室 2021 预算 prints 02 住房改革支出 (L164) and 221 02 01 住房公积金 69.87 万元 (L166) under 221.
    const summary = summarize(doc);
    const items = functionItemsByClass([summary]).get('221')!;
    const counts = classCounts(spendingByFunctionClass([summary]).get('221')!);
    expect(classificationRecord({ url: '/r/functions/221/', code: '221', name: '住房保障支出', items, ...counts })).toEqual({
      url: '/r/functions/221/',
      content: '221 住房保障支出\n1 个部门在此类有支出（1 份文件）\n22102 住房改革支出\n2210201 住房公积金',
      meta: { title: '221 住房保障支出', 类型: '支出功能分类', 部门: '1 个（1 份文件）', 地区: '新疆维吾尔自治区' },
      filters: { 文件类型: ['跨部门汇总'] },
    });
  });

  it('merges the shards’ records files in order, and refuses a page two shards both hold', () => {
    const a: CatalogRecord = { url: '/a/d/x/', content: '甲', meta: { title: '甲' }, filters: {} };
    const b: CatalogRecord = { url: '/b/d/y/', content: '乙', meta: { title: '乙' }, filters: {} };
    const files = [
      { path: 'a/search/records.json', text: JSON.stringify([a]) },
      { path: 'b/search/records.json', text: JSON.stringify([b]) },
    ];
    expect(mergeCatalogRecords(files)).toEqual([a, b]);
    expect(() => mergeCatalogRecords([...files, { path: 'c/search/records.json', text: JSON.stringify([a]) }])).toThrow(
      'c/search/records.json：页面 /a/d/x/ 已在 a/search/records.json 中，两个分片含有同一页面',
    );
    expect(() => mergeCatalogRecords([{ path: 'd.json', text: '[{"url":"a"}]' }])).toThrow(/^d\.json：字段 0\.url 不符合数据格式/);
    expect(() => mergeCatalogRecords([{ path: 'e.json', text: '[' }])).toThrow(/^e\.json：不是有效的 JSON/);
  });

  it('counts each filter value once a page, as Pagefind’s filters() does', () => {
    const dept = departmentRecord({ url: '/r/departments/abc/', name: '喀什地区扶贫开发办公室', scope: '部门', region: ['新疆维吾尔自治区'], docs: [doc] });
    const twice = { ...record, filters: { ...record.filters, 年度: ['2021', '2021'] } };
    expect(filterCounts([record, dept, twice])).toEqual({
      年度: { '2021': 2 },
      地区: { 新疆维吾尔自治区: 2 },
      文件类型: { 预算: 2, 部门: 1 },
    });
  });

  it('is one folder beside the shards', () => {
    expect(catalogBundle('/')).toBe('/search-catalog/');
    expect(catalogBundle('/budget')).toBe('/budget/search-catalog/');
  });

  it('scripts/search-catalog.ts writes one catalog of every shard’s records under the prefix, then removes the records files', () => {
    const site = mkdtempSync(join(tmpdir(), 'catalog-'));
    try {
      // Nine records in one shard and one in the other: ten pages, CATALOG_FRAGMENT_GROUP (8) a fragment file.
      const shards = [
        ['r-1', Array.from({ length: 9 }, (_, i) => ({ ...record, url: `/budget/r-1/d/doc-${i}/` }))],
        ['r-2', [{ ...record, url: '/budget/r-2/d/other/' }]],
      ] as const;
      for (const [shard, recs] of shards) {
        mkdirSync(join(site, 'budget', shard, 'search'), { recursive: true });
        writeFileSync(join(site, 'budget', shard, 'search', 'records.json'), JSON.stringify(recs));
      }
      const run = spawnSync(resolve('node_modules/.bin/node'), [resolve('scripts/search-catalog.ts'), site, '/budget/'], { encoding: 'utf8', timeout: 120_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('10 pages from 2 shards');
      const out = join(site, 'budget', 'search-catalog');
      const manifest = JSON.parse(readFileSync(join(out, CATALOG_MANIFEST), 'utf8'));
      expect(manifest).toMatchObject({ records: 10, buckets: 1, group: 8 });
      expect(CATALOG_FRAGMENT_GROUP).toBe(8);
      expect(readdirSync(join(out, 'fragments')).sort()).toEqual([`0.${manifest.build}.json.gz`, `1.${manifest.build}.json.gz`]);
      // Published gzip-compressed, as the search page reads them (catalog-search.ts).
      const fragment = JSON.parse(gunzipSync(readFileSync(join(out, 'fragments', `1.${manifest.build}.json.gz`))).toString('utf8'));
      expect(fragment.map((r: CatalogRecord) => r.url)).toEqual(['/budget/r-1/d/doc-8/', '/budget/r-2/d/other/']);
      // The filters' counts for the search page's boxes: the ten records are all the 喀什 2021 budget's copies.
      expect(JSON.parse(readFileSync(join(out, CATALOG_FILTER_COUNTS), 'utf8'))).toEqual({
        年度: { '2021': 10 },
        地区: { 新疆维吾尔自治区: 10 },
        文件类型: { 预算: 10 },
      });
      expect(existsSync(join(site, 'budget', 'r-1', 'search', 'records.json'))).toBe(false);
      expect(existsSync(join(site, 'budget', 'r-2', 'search', 'records.json'))).toBe(false);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
