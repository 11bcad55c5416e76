import { catalogBundle } from './search-catalog.ts';

/**
 * Every site's search page searches a catalog first (search-catalog.ts: one small index, not Pagefind's, of the
 * disclosure, department and 功能分类 类 pages), and its Pagefind full-text index for the words of the 正文 when asked
 * or when the catalog has nothing. A site built alone has a catalog of its own pages at its base path, which
 * scripts/index-search.ts writes beside its full-text index. A sharded build (scripts/shard.ts) is several sites under
 * one origin sharing one catalog: SEARCH_CATALOG is its path, and SEARCH_SHARDS every shard's bundle path, this one's
 * included, comma-separated, whose full-text indexes are merged into this one's (Pagefind's `mergeIndex`); a merged
 * index's results link under its own site's path, which Pagefind derives from the bundle path, so links work across
 * shards.
 */
export function otherShardBundles(ownBundle: string, shards = process.env.SEARCH_SHARDS ?? ''): string[] {
  return shards
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== ownBundle);
}

/** The catalog's bundle path: the sharded build's (SEARCH_CATALOG), or the site's own under its base path. */
export function searchCatalog(catalog = process.env.SEARCH_CATALOG ?? '', base = import.meta.env.BASE_URL): string {
  return catalog.trim() || catalogBundle(base);
}

/**
 * Pages a fragment file of a shard's full-text index holds (scripts/index-search.ts `--group`, Pagefind's
 * maxFragments): two, in a sharded build only. There the full text is searched on demand, after the catalog, and
 * already fetches every shard's index chunks with the words (1.3 MiB at N = 1,000); pairs add the second page of each
 * of its ten results' files (人员工资增加: 1,536 → 1,723 KiB in all, the catalog's larger files included) and take
 * 0.93 files a disclosure off the site at N = 1,000 (docs/benchmarks.md, "Fewer files a disclosure in a sharded
 * build"). A site built alone, whose full text is one index of its own, keeps one file a page.
 */
export const SHARD_FRAGMENT_GROUP = 2;
