/**
 * A sharded build (scripts/shard.ts): the corpus is built as several sites under one origin, each with its own
 * Pagefind index. Every search page searches the site-wide catalog first (search-catalog.ts: one index, not Pagefind's, of the
 * disclosure and department pages of every shard), and, for the words of the 正文 and the tables, all the shards'
 * full-text indexes merged into its own (Pagefind's `mergeIndex`). A merged index's results link under its own
 * site's path, which Pagefind derives from the bundle path, so links work across shards. SEARCH_SHARDS lists every
 * shard's bundle path, this one's included, comma-separated, and SEARCH_CATALOG the catalog's; unset, the site is
 * one shard: no catalog, and its search merges nothing.
 */
export function otherShardBundles(ownBundle: string, shards = process.env.SEARCH_SHARDS ?? ''): string[] {
  return shards
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== ownBundle);
}

/** The catalog's bundle path, or null in a build of one shard. */
export function searchCatalog(catalog = process.env.SEARCH_CATALOG ?? ''): string | null {
  return catalog.trim() || null;
}

/**
 * Pages a fragment file of a shard's full-text index holds (scripts/index-search.ts `--group`, Pagefind's
 * maxFragments): two, in a sharded build only. There the full text is searched on demand, after the catalog, and
 * already fetches every shard's index chunks with the words (1.3 MiB at N = 1,000); pairs add the second page of each
 * of its ten results' files (人员工资增加: 1,536 → 1,723 KiB in all, the catalog's larger files included) and take
 * 0.93 files a disclosure off the site at N = 1,000 (docs/benchmarks.md, "Fewer files a disclosure in a sharded
 * build"). A site of one shard searches its full text first, under the 150 KB budget of a first search, and keeps
 * one file a page.
 */
export const SHARD_FRAGMENT_GROUP = 2;
