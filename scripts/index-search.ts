#!/usr/bin/env node
/**
 * Indexes the built site with Pagefind (its extended build segments Chinese). Any Pagefind error fails the build.
 *   node scripts/index-search.ts [SITE] [--group N]
 * --group N: N pages a fragment file (Pagefind's maxFragments), as a shard of a sharded build is indexed
 * (src/site/search-shards.ts SHARD_FRAGMENT_GROUP); without it one file a page.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { EXCLUDED_FROM_SEARCH } from '../src/site/search-scope.ts';
import { closePagefind, writeBundle } from './pagefind-bundle.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { group: { type: 'string', default: '1' } } });
const site = positionals[0] ?? 'dist';
const group = Number(values.group);
if (!Number.isInteger(group) || group < 1) {
  process.stderr.write(`index-search: --group ${values.group}: a whole number of pages, at least 1\n`);
  process.exit(2);
}

/**
 * The pages Pagefind will index: those whose <main> is marked data-pagefind-body (src/layouts/Base.astro), since a
 * site that marks any page indexes only those. maxFragments is a number of files, so grouping needs it before the
 * index is written.
 */
async function indexedPages(dir: string): Promise<number> {
  let pages = 0;
  for (const file of await readdir(dir, { recursive: true })) {
    if (file.endsWith('.html') && (await readFile(join(dir, file), 'utf8')).includes(' data-pagefind-body')) pages++;
  }
  return pages;
}

const maxFragments = group > 1 ? Math.ceil((await indexedPages(site)) / group) : undefined;
const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_FROM_SEARCH, maxFragments });
if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
const added = await index.addDirectory({ path: site });
const writeErrors = await writeBundle(index, `${site}/pagefind`);
await closePagefind();
const errors = [...createErrors, ...added.errors, ...writeErrors];
if (errors.length > 0 || added.page_count === 0) {
  process.stderr.write(`pagefind failed: ${errors.join('; ')}\n`);
  process.exit(1);
}
process.stdout.write(`pagefind: indexed ${added.page_count} pages into ${site}/pagefind\n`);
