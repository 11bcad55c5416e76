/**
 * A sharded build (scripts/shard.ts): the corpus is built as several sites under one origin, each with its own
 * Pagefind index, and each search page merges the other shards' indexes into its own (Pagefind's `mergeIndex`), so
 * that one search covers the whole corpus. A merged index's results link under its own site's path, which Pagefind
 * derives from the bundle path, so links work across shards. SEARCH_SHARDS lists every shard's bundle path, this
 * one's included, comma-separated; unset, the site is one shard and merges nothing.
 */
export function otherShardBundles(ownBundle: string, shards = process.env.SEARCH_SHARDS ?? ''): string[] {
  return shards
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== ownBundle);
}
