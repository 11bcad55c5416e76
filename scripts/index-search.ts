#!/usr/bin/env node
/**
 * Indexes the built site with Pagefind (its extended build segments Chinese). Any Pagefind error fails the build.
 *   node scripts/index-search.ts [SITE] [--group N]
 * --group N: N pages a fragment file (Pagefind's maxFragments), as a shard of a sharded build is indexed
 * (src/site/search-shards.ts SHARD_FRAGMENT_GROUP); without it one file a page.
 *
 * Pagefind is handed the pages one by one, as read here, instead of the folder: only the pages it indexes, and each
 * without what it would leave out of the index (src/site/search-markup.ts). It orders the pages it is handed by
 * their paths, where it took a folder's pages in the order the disk lists them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXCLUDED_FROM_SEARCH } from '../src/site/search-scope.ts';
import { withoutExcluded } from '../src/site/search-markup.ts';
import { closePagefind, createIndex, writeBundle } from './pagefind-bundle.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { group: { type: 'string', default: '1' } } });
const site = positionals[0] ?? 'dist';
const group = Number(values.group);
if (!Number.isInteger(group) || group < 1) {
  process.stderr.write(`index-search: --group ${values.group}: a whole number of pages, at least 1\n`);
  process.exit(2);
}

// A site that marks any page's <main> data-pagefind-body (src/layouts/Base.astro) has Pagefind index only those, and
// only those are cut: the pages left out (a targets page, a department's) were a fifth of a shard's markup. Each is
// kept as it will be handed over: a disclosure page's cut markup is under half of it.
const marked = [];
const unmarked = [];
for (const path of (await readdir(site, { recursive: true })).filter((file) => file.endsWith('.html'))) {
  const html = await readFile(join(site, path), 'utf8');
  if (html.includes(' data-pagefind-body')) marked.push({ path, content: withoutExcluded(html, EXCLUDED_FROM_SEARCH) });
  else unmarked.push(path);
}
const indexed = marked.length > 0 ? marked : await Promise.all(unmarked.map(async (path) => ({ path, content: withoutExcluded(await readFile(join(site, path), 'utf8'), EXCLUDED_FROM_SEARCH) })));
// maxFragments is a number of files, so grouping needs their number before the index is made.
const maxFragments = group > 1 ? Math.ceil(indexed.length / group) : undefined;
// The selectors go to Pagefind as well: the cut spares it parsing those parts, and Pagefind's rule stays what says
// they are left out.
const { index, errors: createErrors } = await createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_FROM_SEARCH, maxFragments });
if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
const added = await Promise.all(indexed.map(({ path, content }) => index.addHTMLFile({ sourcePath: path, content })));
const writeErrors = await writeBundle(index, `${site}/pagefind`);
await closePagefind();
const errors = [...createErrors, ...added.flatMap((page) => page.errors), ...writeErrors];
if (errors.length > 0 || indexed.length === 0) {
  process.stderr.write(`pagefind failed: ${errors.join('; ')}\n`);
  process.exit(1);
}
process.stdout.write(`pagefind: indexed ${indexed.length} pages into ${site}/pagefind\n`);
