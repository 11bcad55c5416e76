/**
 * The search page's side of the site's catalog (catalog-index.ts): the records that hold every term of a query
 * (catalog-terms.ts), those whose title holds them all first, then in the catalog's order (功能分类 类 pages,
 * departments, then the newest year first); each result's page, excerpt and tags from its fragment file when it is shown. It answers as
 * Pagefind's `search` and `preload` do, so that the page draws the catalog's results and the full text's alike
 * (search-ui.ts). Every file is fetched once and kept.
 */
import { foldWidth } from '../core/width.ts';
import { escapeHtml } from './escape-html.ts';
import { gunzippedText } from './gzip-text.ts';
import {
  CATALOG_MANIFEST,
  type CatalogManifest,
  filterTerm,
  fragmentFile,
  type FragmentFile,
  fromRuns,
  queryTerms,
  runsOf,
  termFile,
  type TermFile,
} from './catalog-terms.ts';
import { projectAmountMetaKey } from './search-meta.ts';
import type { ResultData } from './search-ui.ts';

export interface CatalogResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}

type Filters = Record<string, { any: string[] }>;

/** Characters of the record's text an excerpt shows around the first hit. */
const EXCERPT_CHARS = 80;

/**
 * An excerpt as Pagefind writes one: the text around the first place that holds a word of the query, escaped, with
 * <mark> around each such word. Words are compared width-folded and in lower case, which keep the text's length.
 */
export function excerptOf(content: string, query: string): string {
  const text = content.replace(/\s+/g, ' ');
  const lower = foldWidth(text).toLowerCase();
  const words = runsOf(query).sort((a, b) => b.length - a.length);
  const sameLength = lower.length === text.length;
  const hits = sameLength ? words.map((w) => lower.indexOf(w)).filter((i) => i >= 0) : [];
  const first = hits.length > 0 ? Math.min(...hits) : 0;
  const start = Math.max(0, Math.min(first - EXCERPT_CHARS / 4, text.length - EXCERPT_CHARS));
  const end = Math.min(text.length, start + EXCERPT_CHARS);
  let html = '';
  let at = start;
  while (sameLength && at < end) {
    let next = -1;
    let word = '';
    for (const w of words) {
      const i = lower.indexOf(w, at);
      if (i >= 0 && i < end && (next < 0 || i < next)) [next, word] = [i, w];
    }
    if (next < 0) break;
    const stop = Math.min(next + word.length, end);
    html += `${escapeHtml(text.slice(at, next))}<mark>${escapeHtml(text.slice(next, stop))}</mark>`;
    at = stop;
  }
  return html + escapeHtml(text.slice(at, end));
}

const intersect = (a: readonly number[], b: ReadonlySet<number>) => a.filter((id) => b.has(id));

export class Catalog {
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly bundle: string;
  private readonly manifest: CatalogManifest;

  constructor(bundle: string, manifest: CatalogManifest) {
    this.bundle = bundle;
    this.manifest = manifest;
  }

  static async open(bundle: string): Promise<Catalog> {
    const response = await fetch(`${bundle}${CATALOG_MANIFEST}`);
    if (!response.ok) throw new Error(`${bundle}${CATALOG_MANIFEST}: ${response.status}`);
    return new Catalog(bundle, (await response.json()) as CatalogManifest);
  }

  /** A file of the catalog (published gzip-compressed), or null if it cannot be read. */
  private file<T>(path: string): Promise<T | null> {
    let loaded = this.files.get(path);
    if (!loaded) {
      loaded = fetch(`${this.bundle}${path}`).then(async (r) =>
        r.ok ? JSON.parse(await gunzippedText(new Uint8Array(await r.arrayBuffer()))) : null,
      );
      this.files.set(path, loaded);
    }
    return loaded as Promise<T | null>;
  }

  /** Fetches the term files of a query, so that its search finds them loaded (typing, before the pause). */
  async preload(query: string): Promise<void> {
    await Promise.all(queryTerms(query).map((term) => this.file<TermFile>(termFile(this.manifest, term))));
  }

  /** The records of the chosen filters: any of a filter's values, every filter. */
  private async filtered(filters: Filters): Promise<Set<number> | null> {
    let ids: number[] | null = null;
    for (const [name, { any }] of Object.entries(filters)) {
      const terms = any.map((value) => filterTerm(name, value));
      const files = await Promise.all(terms.map((term) => this.file<TermFile>(termFile(this.manifest, term))));
      const union = new Set(terms.flatMap((term, i) => fromRuns(files[i]?.[term]?.[0] ?? [])));
      ids = ids ? intersect(ids, union) : [...union];
    }
    return ids && new Set(ids);
  }

  async search(query: string | null, options: { filters?: Filters } = {}): Promise<{ results: CatalogResult[] }> {
    const terms = query ? queryTerms(query) : [];
    const [chosen, files] = await Promise.all([
      this.filtered(options.filters ?? {}),
      Promise.all(terms.map((term) => this.file<TermFile>(termFile(this.manifest, term)))),
    ]);
    let ids: number[];
    let titled = new Set<number>();
    if (terms.length === 0) {
      ids = chosen ? [...chosen].sort((a, b) => a - b) : [];
    } else {
      const found = terms.map((term, i) => files[i]?.[term]);
      if (found.some((list) => !list)) return { results: [] };
      const lists = found as Array<NonNullable<(typeof found)[number]>>;
      ids = lists.reduce<number[] | null>((acc, [all]) => (acc ? intersect(acc, new Set(fromRuns(all))) : fromRuns(all)), null) ?? [];
      if (chosen) ids = intersect(ids, chosen);
      titled = new Set(ids);
      for (const [, title] of lists) titled = new Set(title ? intersect([...titled], new Set(fromRuns(title))) : []);
    }
    const count = this.manifest.records + 1;
    const results = ids
      .map((id) => ({ id: String(id), score: (titled.has(id) ? 2 : 1) - id / count, data: () => this.data(id, query ?? '') }))
      .sort((a, b) => b.score - a.score);
    return { results };
  }

  private async data(id: number, query: string): Promise<ResultData> {
    const file = await this.file<FragmentFile>(fragmentFile(this.manifest, id));
    const record = file?.[id % this.manifest.group];
    if (!record) throw new Error(`${this.bundle}${fragmentFile(this.manifest, id)}: 缺少第 ${id} 条`);
    // A project whose name holds every word of the query is a section of the result, as Pagefind gives a heading
    // that holds them, its amount under its anchor's metadata key (search-meta.ts) as the page gives it to Pagefind.
    const words = runsOf(query);
    const named = (record.sections ?? []).filter((s) => words.length > 0 && words.every((w) => runsOf(s.title).join(' ').includes(w)));
    const meta = { ...record.meta };
    for (const s of named) if (s.amount) meta[projectAmountMetaKey(s.anchor)] = s.amount;
    return {
      url: record.url,
      content: record.content,
      meta,
      excerpt: excerptOf(record.content, query),
      sub_results: named.map((s) => ({ title: s.title, url: `${record.url}#${s.anchor}`, excerpt: excerptOf(s.title, query), anchor: { id: s.anchor } })),
    };
  }
}
