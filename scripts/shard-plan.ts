/**
 * How a corpus too large for one build is split: into shards by region (the default) or by year, each built as its
 * own site under its own path of one origin, with its own search index, and searched as one site (a catalog of every
 * shard's pages first, the shards' full-text indexes merged on demand: src/site/search-shards.ts). Region is the default because everything that joins
 * documents stays inside a region: a department's years, its 部门/单位 pair, the same project elsewhere. A split by
 * year would cut a department's history into pieces. Pure: the CLI (scripts/shard.ts) reads and writes the files.
 */
import { createHash } from 'node:crypto';
import { catalogBundle } from '../src/site/search-catalog.ts';

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

/**
 * Shards of at least `min` documents: shards smaller than that (regions of a few documents: counties a corpus names
 * without their province, a province with few disclosures) are packed together in label order, whole, so that what
 * joins documents still stays inside one shard, until each pack holds `min`. Larger shards stay as they are. A
 * pack is named by its members' labels, so the same regions give the same pack; the last pack may stay smaller.
 */
export function packShards(shards: readonly Shard[], min: number, prefix = '/'): Shard[] {
  const root = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const kept = shards.filter((s) => s.slugs.length >= min);
  const small = shards.filter((s) => s.slugs.length < min).sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  const packs: Shard[][] = [];
  for (const shard of small) {
    const last = packs[packs.length - 1];
    if (last && last.reduce((n, s) => n + s.slugs.length, 0) < min) last.push(shard);
    else packs.push([shard]);
  }
  const packed = packs.map((members): Shard => {
    if (members.length === 1) return members[0];
    const label = `${members[0].label}等 ${members.length} 个${members[0].name.startsWith('y-') ? '年度' : '地区'}`;
    const name = `p-${createHash('sha256').update(members.map((m) => m.label).join('\n')).digest('hex').slice(0, 10)}`;
    return { name, label, base: `${root}${name}/`, slugs: members.flatMap((m) => m.slugs).sort() };
  });
  return [...kept, ...packed].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The environment one shard's build runs with: its content, its path, every shard's search bundle (its full-text
 * search merges them) and the site's catalog (what its search searches first), which is built after the shards.
 */
export function shardBuildEnv(shard: Shard, shards: readonly Shard[], contentDir: string, prefix = '/'): Record<string, string> {
  return {
    CONTENT_DIR: contentDir,
    BASE: shard.base,
    SEARCH_SHARDS: shards.map((s) => `${s.base}pagefind/`).join(','),
    SEARCH_CATALOG: catalogBundle(prefix),
  };
}
