/**
 * The catalog's files, from its records (search-catalog.ts): the index every shard's search page searches first. A
 * Pagefind index lists every page in its metadata, which the first search loads whole (at N = 10,000, 12,313
 * records: 101 KiB of the first search's 191), so no such index of a province's pages fits a first search of 150 KB.
 * Here a query fetches a small manifest, the term files of its own terms (catalog-terms.ts), and the fragment files
 * of the ten results it shows; nothing lists every record, and a filter's records are a term of the term files,
 * fetched when the filter is chosen. Pure: files as text, written by scripts/search-catalog.ts.
 */
import { createHash } from 'node:crypto';
import { CATALOG_FRAGMENT_GROUP, type CatalogRecord, CROSS_DEPARTMENT_FILTERS, DEPARTMENT_FILTERS } from './search-catalog.ts';
import {
  type CatalogManifest,
  filterTerm,
  fragmentFile,
  type FragmentFile,
  termFile,
  type TermFile,
  termsOf,
  toRuns,
} from './catalog-terms.ts';

/**
 * About how many characters of JSON a term file holds: a query of five characters fetches four term files, and one of
 * about this size gzips to 3–5 KB. The files are as many as it takes (a power of two).
 */
const TERM_FILE_CHARS = 24_000;

/**
 * The order of the records, which is the order of results that match alike (catalog-search.ts): the 功能分类 类 pages
 * first (a query they match names a classification: its 类, 款 or 项), then the department pages, then the
 * documents, the newest year first; in the order given within each (a shard's records: each department's documents
 * together). A common term is then in long runs of ids (toRuns).
 */
export function catalogOrder(records: readonly CatalogRecord[]): CatalogRecord[] {
  const given = (r: CatalogRecord, filters: Readonly<Record<string, string>>) =>
    Object.entries(filters).every(([name, value]) => r.filters[name]?.includes(value));
  const rank = (r: CatalogRecord): [number, number] => {
    if (given(r, CROSS_DEPARTMENT_FILTERS)) return [0, 0];
    if (given(r, DEPARTMENT_FILTERS)) return [1, 0];
    const year = Number(r.filters['年度']?.[0]);
    return [2, Number.isFinite(year) ? -year : 0];
  };
  return records
    .map((record, i) => ({ record, i, rank: rank(record) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.i - b.i)
    .map(({ record }) => record);
}

export interface CatalogFiles {
  manifest: CatalogManifest;
  /** Path under the catalog's folder → text. */
  files: Map<string, string>;
}

export function catalogFiles(given: readonly CatalogRecord[]): CatalogFiles {
  const records = catalogOrder(given);
  const all = new Map<string, number[]>();
  const inTitle = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, term: string, id: number) => {
    const ids = map.get(term);
    if (ids) ids.push(id);
    else map.set(term, [id]);
  };
  let chars = 0;
  for (const [id, record] of records.entries()) {
    for (const term of termsOf(record.content)) add(all, term, id);
    for (const term of termsOf(record.meta.title ?? '')) add(inTitle, term, id);
    for (const [name, values] of Object.entries(record.filters)) {
      for (const value of new Set(values)) add(all, filterTerm(name, value), id);
    }
  }
  const runs = new Map<string, [number[], number[]?]>();
  for (const [term, ids] of all) {
    const titled = inTitle.get(term);
    const entry: [number[], number[]?] = titled ? [toRuns(ids), toRuns(titled)] : [toRuns(ids)];
    runs.set(term, entry);
    chars += term.length + 8 + JSON.stringify(entry).length;
  }
  let buckets = 1;
  while (buckets * TERM_FILE_CHARS < chars) buckets *= 2;

  // Named by a placeholder first: the build's hash is of the files' contents.
  const draft: CatalogManifest = { build: '~', buckets, records: records.length, group: CATALOG_FRAGMENT_GROUP };
  const contents = new Map<string, unknown>();
  for (const [term, entry] of runs) {
    const path = termFile(draft, term);
    const file = (contents.get(path) ?? {}) as TermFile;
    file[term] = entry;
    contents.set(path, file);
  }
  for (const [id, { url, content, meta, sections }] of records.entries()) {
    const path = fragmentFile(draft, id);
    const file = (contents.get(path) ?? []) as FragmentFile;
    file.push({ url, content, meta, ...(sections && { sections }) });
    contents.set(path, file);
  }

  const texts = [...contents].map(([path, value]) => [path, JSON.stringify(value)] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  const hash = createHash('sha256');
  for (const [path, text] of texts) hash.update(path).update('\u0000').update(text).update('\u0000');
  const build = hash.digest('hex').slice(0, 10);
  const manifest: CatalogManifest = { ...draft, build };
  const files = new Map(texts.map(([path, text]) => [path.replace('.~.', `.${build}.`), text]));
  return { manifest, files };
}
