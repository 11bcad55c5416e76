#!/usr/bin/env node
/**
 * Builds a sharded site's catalog (src/site/search-catalog.ts, catalog-index.ts) once every shard is built and in its
 * place: reads the records file each shard's build wrote (<shard>/search/records.json) and writes the catalog at
 * <prefix>search-catalog/ (scripts/catalog-writer.ts), which every shard's search page searches first. A catalog built
 * again needs every shard's build output again.
 *   node scripts/search-catalog.ts SITE [PREFIX]
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogBundle } from '../src/site/search-catalog.ts';
import { RECORDS_FILE, recordsFileOf, writeCatalog } from './catalog-writer.ts';

const site = process.argv[2] ?? 'test-output/shards/site';
const prefix = process.argv[3] ?? '/';
const root = join(site, prefix);
const out = join(site, catalogBundle(prefix));

const files = [];
for (const entry of (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
  // A folder without one is not a shard (the catalog itself, or a folder of the host's).
  const path = await recordsFileOf(join(root, entry.name));
  if (path) files.push(path);
}
if (files.length === 0) {
  process.stderr.write(`search-catalog：${root} 下没有分片的 ${RECORDS_FILE}\n`);
  process.exit(1);
}
const { pages, files: written } = await writeCatalog(files, out);
process.stdout.write(`search-catalog: ${pages} pages from ${files.length} shards, ${written} files into ${out}\n`);
