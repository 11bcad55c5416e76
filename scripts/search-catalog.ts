#!/usr/bin/env node
/**
 * Builds a sharded site's catalog (src/site/search-catalog.ts, catalog-index.ts) once every shard is built and in its
 * place: reads the records file each shard's build wrote (<shard>/search/records.json) and writes the catalog's files
 * at <prefix>search-catalog/, which every shard's search page searches first, with its filters' counts beside them
 * (CATALOG_FILTER_COUNTS). Then it removes the records files: they are the catalog's input, not pages a host need
 * serve (3.1 KiB a disclosure at N = 1,000); a catalog built again needs every shard's build output again. A catalog
 * already there is replaced whole, so that no file of an earlier build is left.
 *   node scripts/search-catalog.ts SITE [PREFIX]
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { catalogFiles } from '../src/site/catalog-index.ts';
import { CATALOG_MANIFEST } from '../src/site/catalog-terms.ts';
import { CATALOG_FILTER_COUNTS, catalogBundle, filterCounts, mergeCatalogRecords } from '../src/site/search-catalog.ts';

const site = process.argv[2] ?? 'test-output/shards/site';
const prefix = process.argv[3] ?? '/';
const root = join(site, prefix);
const out = join(site, catalogBundle(prefix));

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

const { manifest, files: written } = catalogFiles(records);
await rm(out, { recursive: true, force: true });
for (const folder of new Set([...written.keys()].map((path) => dirname(join(out, path))))) await mkdir(folder, { recursive: true });
// Compressed as published, like Pagefind's files: what a first search costs does not depend on the host gzipping JSON.
for (const [path, text] of written) await writeFile(join(out, path), gzipSync(text, { level: 9 }));
await writeFile(join(out, CATALOG_FILTER_COUNTS), JSON.stringify(filterCounts(records)));
// Last: a search page reads the manifest first, and finds every file it names already in place.
await writeFile(join(out, CATALOG_MANIFEST), JSON.stringify(manifest));
await Promise.all(files.map(({ path }) => rm(path)));
process.stdout.write(`search-catalog: ${records.length} pages from ${files.length} shards, ${written.size + 2} files into ${out}\n`);
