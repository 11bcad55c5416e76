/**
 * A sharded build (scripts/shard.ts): the corpus is built as several sites under one origin, each with its own
 * Pagefind index. Every search page searches the site-wide catalog first (search-catalog.ts: one small index of the
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
