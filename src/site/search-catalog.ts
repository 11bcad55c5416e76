/**
 * The search catalog: one small index (catalog-index.ts) of what a search result lands on — each disclosure page,
 * department page and 功能分类 类 page — which a site's search page searches first, before its Pagefind full text.
 * Pagefind's first search fetches its script, WebAssembly and metadata and an index chunk of ~32 KB for each word of a
 * Chinese query (住房公积金: four), 130–160 KiB in 450–750 ms on a site of 5 to 1,000 disclosures; the catalog's
 * first search fetches the records that hold the query's words only (docs/benchmarks.md, "Every site searches its
 * catalog first"). In a sharded build one catalog serves every shard: searching the shards' own full-text indexes
 * together (src/site/search-shards.ts) fetches every shard's metadata and filters on load and the index chunks of
 * every shard that has the words (23 shards: 1.6 MiB for a first search).
 *
 * A build writes its records (src/pages/search/records.json.ts), and scripts/index-search.ts makes them the site's
 * catalog; in a sharded build scripts/search-catalog.ts makes one catalog of every shard's. A record holds what a
 * result shows and what a reader names a document by: its title, department, region, year and kind, the page's
 * summary sentences, its tables' titles and its projects' names (each with its heading's anchor, a project with its
 * amount, so that a table or project found lands on its heading) and its 正文 headings; not the 正文's paragraphs, which only the full-text indexes hold, nor the
 * tables' rows, which no index holds: a classification a row names is found through its 类 page's record. Its URL is
 * the page's path in its site, its metadata and filters the ones the page gives Pagefind, so a result and its filters
 * read the same from either index. Pure: no file access.
 */
import { z } from 'astro/zod';
import type { Disclosure } from '../schema/disclosure.ts';
import type { DisclosureSummary } from './disclosure-summary.ts';
import { readJson } from './disclosure-file.ts';
import { inferredMark } from '../core/inferred-title.ts';
import { projectHeadingAnchor, tableTitleAnchor } from './anchors.ts';
import { filesSpan, formatAmount, KIND_LABELS, regionLabel } from './format.ts';

export const catalogRecord = z.object({
  /** The page's path on the site, with the shard's base (/budget/r-…/d/…/). */
  url: z.string().startsWith('/'),
  content: z.string(),
  meta: z.record(z.string(), z.string()),
  filters: z.record(z.string(), z.array(z.string())),
  /**
   * A disclosure's tables and projects, each a section of its page, as Pagefind gives the headings that have an id:
   * the heading's text and anchor, and a project's amount as the page gives it (as Pagefind's metadata of the page
   * does: search-meta.ts). A result lists those its query names.
   */
  sections: z.array(z.object({ title: z.string(), anchor: z.string(), amount: z.string().optional() })).optional(),
});

export type CatalogRecord = z.infer<typeof catalogRecord>;

/** A shard's records file, which the catalog builder reads back. */
export const catalogRecords = z.array(catalogRecord);

/**
 * Records a fragment file of the catalog holds (catalog-index.ts), records that follow one another in its order. A
 * record's fragment is ~0.8 KB gzip, so one file each made the catalog ~1.9 files a disclosure for 1.5 KiB, and a
 * first search fetches the files of its ten results: 8 a file took a first search (住房公积金) from 76.0 to 92.6 KiB
 * at N = 1,000 in the Pagefind catalog this one replaced, under the 150 KB budget, and the catalog's fragments from
 * 1.98 to 0.25 files a disclosure (docs/benchmarks.md, "Fewer files a disclosure in a sharded build").
 */
export const CATALOG_FRAGMENT_GROUP = 8;

/**
 * The file in the catalog's folder that holds its filters' counts (filterCounts), which the search page draws its
 * boxes from without reading any record's filters (at N = 10,000, counting them from a Pagefind catalog's postings
 * fetched 90.4 KiB; the counts are ~1–6 KiB).
 */
export const CATALOG_FILTER_COUNTS = 'filter-counts.json';

/**
 * How many records carry each value of each filter: what Pagefind's `filters()` answers for the whole index, a page
 * counted once under each value it gives.
 */
export function filterCounts(records: readonly Pick<CatalogRecord, 'filters'>[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const { filters } of records) {
    for (const [name, values] of Object.entries(filters)) {
      const byValue = (counts[name] ??= {});
      for (const value of new Set(values)) byValue[value] = (byValue[value] ?? 0) + 1;
    }
  }
  return counts;
}

/** The catalog's folder: one for the whole site, beside the shards (`<prefix>search-catalog/`). */
export function catalogBundle(prefix: string): string {
  return `${prefix.endsWith('/') ? prefix : `${prefix}/`}search-catalog/`;
}

type DisclosureFields = Pick<Disclosure, 'title' | 'department' | 'region' | 'year' | 'kind'>;

/**
 * The Pagefind filters of a disclosure's pages: the ones a reader narrows a search by. Not the department: a
 * province has thousands, a list of boxes nobody can use, and Pagefind loads every filter's postings with the search
 * page (at N = 10,000 the 部门 filter was 80 of the catalog's 168 KiB of filters). A department is found by its name,
 * which every result's title and tags carry.
 */
export function disclosureFilters(doc: DisclosureFields): Record<string, string> {
  return {
    年度: doc.year ? String(doc.year) : '不详',
    地区: doc.region[0] ?? '不详',
    文件类型: KIND_LABELS[doc.kind],
  };
}

/** The Pagefind metadata a disclosure's result shows beside its title (besides its projects' amounts). */
export function disclosureMeta(doc: DisclosureFields): Record<string, string> {
  return { 部门: doc.department, 年度: String(doc.year ?? '不详'), 类型: KIND_LABELS[doc.kind] };
}

/** What a department page gives Pagefind as its filters. */
export const DEPARTMENT_FILTERS: Readonly<Record<string, string>> = { 文件类型: '部门' };

type DepartmentFiles = ReadonlyArray<Pick<Disclosure, 'year' | 'kind'>>;

/**
 * The Pagefind metadata a department's result shows beside its name, as a disclosure's shows 年度 and 类型: the years
 * of its files, 部门 or 单位 (SCOPE_LABELS), and how many files of which kinds.
 */
export function departmentMeta(scope: string, docs: DepartmentFiles): Record<string, string> {
  const { years, kinds } = filesSpan(docs);
  return { 年度: years ?? '不详', 类型: scope, 文件: `${docs.length} 份（${kinds}）` };
}

const asFilters = (filters: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, [v]]));

/** One line per field, so that an excerpt does not run one field into the next. */
const lines = (parts: ReadonlyArray<string | null | undefined>) => parts.filter((p): p is string => !!p?.trim()).join('\n');

/** A project's amount as a search result's section shows it, from Pagefind's metadata of the page or the catalog. */
export function projectAmountText(amount: number, unit: string | null): string {
  return `${formatAmount(amount)} ${unit ?? ''}`.trim();
}

export interface DisclosureEntry {
  url: string;
  /** The disclosure's summary (disclosure-summary.ts): its sentences are the ones the page opens with (summary.ts). */
  doc: DisclosureFields & Pick<DisclosureSummary, 'projects' | 'sentences' | 'headings' | 'unit' | 'tables'>;
}

export function disclosureRecord({ url, doc }: DisclosureEntry): CatalogRecord {
  return {
    url,
    content: lines([
      doc.title,
      doc.department,
      regionLabel(doc.region),
      `${doc.year ? `${doc.year}年` : ''}${KIND_LABELS[doc.kind]}`,
      doc.sentences.join(''),
      ...doc.projects.map((p) => p.name),
      ...doc.headings,
      ...doc.tables.map((t) => t.title),
    ]),
    meta: { title: doc.title, ...disclosureMeta(doc) },
    filters: asFilters(disclosureFilters(doc)),
    // As the page prints them: its tables' headings (an inferred title with its mark), then its projects'.
    ...((doc.tables.length > 0 || doc.projects.length > 0) && {
      sections: [
        ...doc.tables.map((t) => ({ title: `${t.title}${inferredMark(t)}`, anchor: tableTitleAnchor(t.id) })),
        ...doc.projects.map((p) => ({
          title: p.name,
          anchor: projectHeadingAnchor(p.id),
          ...(p.amount != null && { amount: projectAmountText(p.amount, doc.unit) }),
        })),
      ],
    }),
  };
}

export interface DepartmentEntry {
  url: string;
  name: string;
  /** 部门 or 单位 (SCOPE_LABELS). */
  scope: string;
  region: readonly string[];
  docs: ReadonlyArray<Pick<Disclosure, 'title' | 'year' | 'kind'>>;
}

export function departmentRecord({ url, name, scope, region, docs }: DepartmentEntry): CatalogRecord {
  return {
    url,
    content: lines([name, `${regionLabel(region)}${scope}`, `共 ${docs.length} 份文件`, ...docs.map((d) => d.title)]),
    meta: { title: name, ...departmentMeta(scope, docs) },
    filters: asFilters(DEPARTMENT_FILTERS),
  };
}

/** What the cross-department pages give Pagefind as their filters (the 类 pages, the listings of functions/ …). */
export const CROSS_DEPARTMENT_FILTERS: Readonly<Record<string, string>> = { 文件类型: '跨部门汇总' };

export interface ClassificationEntry {
  url: string;
  /** The 类 code and name. */
  code: string;
  name: string;
  /** Its 款 and 项 as the shard's documents print them (function-items.ts). */
  items: ReadonlyArray<{ code: string; name: string }>;
  departments: number;
  documents: number;
  /** The regions of those documents, most documents first. */
  regions: readonly string[];
}

/** Regions a 类 result names: a shard of small regions packed together lists several. */
const NAMED_REGIONS = 3;

/** The Pagefind metadata a 类 page's result shows beside its code and name. */
export function classificationMeta({ departments, documents, regions }: Pick<ClassificationEntry, 'departments' | 'documents' | 'regions'>): Record<string, string> {
  const named = regions.slice(0, NAMED_REGIONS).join('、');
  return {
    类型: '支出功能分类',
    部门: `${departments} 个（${documents} 份文件）`,
    ...(regions.length > 0 && { 地区: regions.length > NAMED_REGIONS ? `${named}等 ${regions.length} 个` : named }),
  };
}

/**
 * A 类's page in a shard: found by its code and name and by its 款 and 项, names and codes, which a reader searches a
 * classification by and which the full-text indexes no longer hold (search-scope.ts). Its list of departments stays
 * out, as on the page.
 */
export function classificationRecord({ url, code, name, items, ...counts }: ClassificationEntry): CatalogRecord {
  const title = `${code} ${name}`;
  return {
    url,
    content: lines([title, `${counts.departments} 个部门在此类有支出（${counts.documents} 份文件）`, ...items.map((i) => `${i.code} ${i.name}`)]),
    meta: { title, ...classificationMeta(counts) },
    filters: asFilters(CROSS_DEPARTMENT_FILTERS),
  };
}

type ShardDocument = DisclosureEntry['doc'] & { slug: string };

/**
 * A shard's records (its records file), in the order the catalog bundles their fragments: its 类 pages', each
 * department's record, then its documents' records, then the documents of no department. The catalog keeps this order within a year
 * (catalog-index.ts `catalogOrder`) and puts records that follow one another in one fragment file
 * (CATALOG_FRAGMENT_GROUP), so the results of a department's documents of one year are in one or two files.
 */
export function shardRecords(
  departments: ReadonlyArray<Omit<DepartmentEntry, 'docs'> & { docs: readonly ShardDocument[] }>,
  documents: readonly ShardDocument[],
  documentUrl: (slug: string) => string,
  classifications: readonly ClassificationEntry[] = [],
): CatalogRecord[] {
  const records: CatalogRecord[] = classifications.map(classificationRecord);
  const placed = new Set<string>();
  for (const department of departments) {
    records.push(departmentRecord(department));
    for (const doc of department.docs) {
      records.push(disclosureRecord({ url: documentUrl(doc.slug), doc }));
      placed.add(doc.slug);
    }
  }
  for (const doc of documents) if (!placed.has(doc.slug)) records.push(disclosureRecord({ url: documentUrl(doc.slug), doc }));
  return records;
}

/**
 * The catalog's records, from every shard's records file (its text and where it was read): each checked against the
 * schema, in the order given. A page in two files means two shards were built from overlapping content, and fails
 * rather than listing it twice.
 */
export function mergeCatalogRecords(files: ReadonlyArray<{ path: string; text: string }>): CatalogRecord[] {
  const byUrl = new Map<string, string>();
  const merged: CatalogRecord[] = [];
  for (const { path, text } of files) {
    for (const record of readJson(text, path, catalogRecords)) {
      const seen = byUrl.get(record.url);
      if (seen) throw new Error(`${path}：页面 ${record.url} 已在 ${seen} 中，两个分片含有同一页面`);
      byUrl.set(record.url, path);
      merged.push(record);
    }
  }
  return merged;
}
