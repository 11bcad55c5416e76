/**
 * How a corpus too large for one build is split: into shards by region (the default) or by year, each built as its
 * own site under its own path of one origin, with its own search index, and searched as one site (each search page
 * merges the others' indexes: src/site/search-shards.ts). Region is the default because everything that joins
 * documents stays inside a region: a department's years, its 部门/单位 pair, the same project elsewhere. A split by
 * year would cut a department's history into pieces. Pure: the CLI (scripts/shard.ts) reads and writes the files.
 */
import { createHash } from 'node:crypto';

export type ShardBy = 'region' | 'year';

export interface ShardDoc {
  slug: string;
  region: string[];
  year: number | null;
}

export interface Shard {
  /** URL-safe and stable: derived from the label only. */
  name: string;
  /** What the shard holds, as a reader reads it (河北省, 2024年). */
  label: string;
  /** The shard's site path, under the site's prefix. */
  base: string;
  slugs: string[];
}

function shardOf(doc: ShardDoc, by: ShardBy, depth: number): { name: string; label: string } {
  if (by === 'year') return doc.year === null ? { name: 'y-unknown', label: '年度不详' } : { name: `y-${doc.year}`, label: `${doc.year}年` };
  const label = doc.region.slice(0, depth).join('') || '地区不详';
  return { name: `r-${createHash('sha256').update(label).digest('hex').slice(0, 10)}`, label };
}

/** The shards of a corpus, in name order, each with its documents in slug order; `prefix` is where shards live. */
export function planShards(docs: readonly ShardDoc[], by: ShardBy, depth = 1, prefix = '/'): Shard[] {
  const root = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const byName = new Map<string, Shard>();
  for (const doc of docs) {
    const { name, label } = shardOf(doc, by, depth);
    const shard = byName.get(name) ?? { name, label, base: `${root}${name}/`, slugs: [] };
    shard.slugs.push(doc.slug);
    byName.set(name, shard);
  }
  for (const shard of byName.values()) shard.slugs.sort();
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The environment one shard's build runs with: its content, its path, and every shard's search bundle. */
export function shardBuildEnv(shard: Shard, shards: readonly Shard[], contentDir: string): Record<string, string> {
  return { CONTENT_DIR: contentDir, BASE: shard.base, SEARCH_SHARDS: shards.map((s) => `${s.base}pagefind/`).join(',') };
}
