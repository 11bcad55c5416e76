/**
 * Writes a site's search catalog (src/site/catalog-index.ts) from the records files its builds wrote
 * (src/pages/search/records.json.ts), into one folder, and then removes the records files: they are the catalog's
 * input, not pages a host need serve (3.1 KiB a disclosure at N = 1,000). A catalog already there is replaced whole,
 * so that no file of an earlier build is left. Used for the one site of `npm run build` (scripts/index-search.ts) and
 * for the shards of a sharded build together (scripts/search-catalog.ts).
 */
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { catalogFiles } from '../src/site/catalog-index.ts';
import { CATALOG_MANIFEST } from '../src/site/catalog-terms.ts';
import { CATALOG_FILTER_COUNTS, filterCounts, mergeCatalogRecords } from '../src/site/search-catalog.ts';

/** The records file a build writes under its own output folder. */
export const RECORDS_FILE = join('search', 'records.json');

/** The records file of a build's output folder, or null where there is none (not a build of this site's pages). */
export async function recordsFileOf(site: string): Promise<string | null> {
  const path = join(site, RECORDS_FILE);
  return access(path).then(
    () => path,
    () => null,
  );
}

/** Writes the catalog of the records files' pages into `out`; how many pages and files. Fails on no page at all. */
export async function writeCatalog(recordsFiles: readonly string[], out: string): Promise<{ pages: number; files: number }> {
  const files = await Promise.all(recordsFiles.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
  const records = mergeCatalogRecords(files);
  if (records.length === 0) throw new Error(`${recordsFiles.join('、') || '（没有文件）'}：目录索引没有任何页面`);
  const { manifest, files: written } = catalogFiles(records);
  await rm(out, { recursive: true, force: true });
  for (const folder of new Set([...written.keys()].map((path) => dirname(join(out, path))))) await mkdir(folder, { recursive: true });
  // Compressed as published, like Pagefind's files: what a first search costs does not depend on the host gzipping JSON.
  for (const [path, text] of written) await writeFile(join(out, path), gzipSync(text, { level: 9 }));
  await writeFile(join(out, CATALOG_FILTER_COUNTS), JSON.stringify(filterCounts(records)));
  // Last: a search page reads the manifest first, and finds every file it names already in place.
  await writeFile(join(out, CATALOG_MANIFEST), JSON.stringify(manifest));
  await Promise.all(recordsFiles.map((path) => rm(path)));
  return { pages: records.length, files: written.size + 2 };
}
