#!/usr/bin/env node
/**
 * Builds a sharded site's catalog (src/site/search-catalog.ts) once every shard is built and in its place: reads the
 * records file each shard's build wrote (<shard>/search/records.json) and writes one Pagefind index of them at
 * <prefix>pagefind-catalog/, which every shard's search page searches first, its fragments CATALOG_FRAGMENT_GROUP
 * records a file, with its filters' counts beside it (CATALOG_FILTER_COUNTS). Then it removes the records files: they are the catalog's input, not pages a host need serve (3.1
 * KiB a disclosure at N = 1,000); a catalog built again needs every shard's build output again. Any Pagefind error
 * fails the build, and leaves the records files in place.
 *   node scripts/search-catalog.ts SITE [PREFIX]
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { CATALOG_FILTER_COUNTS, CATALOG_FRAGMENT_GROUP, catalogBundle, filterCounts, mergeCatalogRecords } from '../src/site/search-catalog.ts';
import { closePagefind, writeBundle } from './pagefind-bundle.ts';

const site = process.argv[2] ?? 'test-output/shards/site';
const prefix = process.argv[3] ?? '/';
const root = join(site, prefix);

const files = [];
for (const entry of (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
  const path = join(root, entry.name, 'search', 'records.json');
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null; // not a shard (the catalog itself, or a folder of the host's)
    throw error;
  });
  if (text !== null) files.push({ path, text });
}
const records = mergeCatalogRecords(files);
if (records.length === 0) {
  process.stderr.write(`search-catalog：${root} 下没有分片的 search/records.json\n`);
  process.exit(1);
}

const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', maxFragments: Math.ceil(records.length / CATALOG_FRAGMENT_GROUP) });
if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
const errors = [...createErrors];
for (const record of records) errors.push(...(await index.addCustomRecord({ ...record, language: 'zh-cn' })).errors);
const out = join(site, catalogBundle(prefix));
errors.push(...(await writeBundle(index, out)));
await closePagefind();
if (errors.length > 0) {
  process.stderr.write(`pagefind failed: ${errors.join('; ')}\n`);
  process.exit(1);
}
await writeFile(join(out, CATALOG_FILTER_COUNTS), JSON.stringify(filterCounts(records)));
await Promise.all(files.map(({ path }) => rm(path)));
process.stdout.write(`pagefind: catalog of ${records.length} pages from ${files.length} shards into ${out}\n`);
