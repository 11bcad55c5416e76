#!/usr/bin/env node
/**
 * Indexes the built site for search: its full text with Pagefind (its extended build segments Chinese), and then its
 * catalog (scripts/catalog-writer.ts), which its search page searches first, from the records its build wrote
 * (src/pages/search/records.json.ts). Any Pagefind error fails the build.
 *   node scripts/index-search.ts [SITE] [--group N] [--shard]
 * --group N: N pages a fragment file (Pagefind's maxFragments), as a shard of a sharded build is indexed
 * (src/site/search-shards.ts SHARD_FRAGMENT_GROUP); without it one file a page.
 * --shard: the site is a shard of a sharded build, whose records are left for the one catalog of every shard
 * (scripts/search-catalog.ts).
 *
 * Pagefind is handed the pages one by one, as read here, instead of the folder: only the pages it indexes, and each
 * without what it would leave out of the index (src/site/search-markup.ts). It orders the pages it is handed by
 * their paths, where it took a folder's pages in the order the disk lists them.
 */
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogBundle } from '../src/site/search-catalog.ts';
import { EXCLUDED_FROM_SEARCH } from '../src/site/search-scope.ts';
import { withoutExcluded } from '../src/site/search-markup.ts';
import { recordsFileOf, writeCatalog } from './catalog-writer.ts';
import { closePagefind, createIndex, writeBundle } from './pagefind-bundle.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { group: { type: 'string', default: '1' }, shard: { type: 'boolean', default: false } },
});
const site = positionals[0] ?? 'dist';
const group = Number(values.group);
if (!Number.isInteger(group) || group < 1) {
  process.stderr.write(`index-search: --group ${values.group}: a whole number of pages, at least 1\n`);
  process.exit(2);
}

// A site that marks any page's <main> data-pagefind-body (src/layouts/Base.astro) has Pagefind index only those, and
// only those are cut: the pages left out (a targets page, a department's) were a fifth of a shard's markup. Which
// pages those are is known before the index is made, since grouping needs their number (maxFragments is a number of
// files), from each page's start up to its <main> tag (~2 KB): about 0.1 CPU-s of a 500-document shard less than
// reading every page whole for it (docs/benchmarks.md, "Glossary definitions out of the full-text index"). Each
// marked page is then read and cut as it is handed over, so that Pagefind parses the pages handed to it while this
// process cuts the next. Cutting them all first left Pagefind waiting, a sixth of an indexing's CPU: the shard
// indexed last in a sharded build, alone on the cores, left one of them idle for it (docs/benchmarks.md, "The whole
// build: where it leaves a core idle").
const pages = (await readdir(site, { recursive: true })).filter((file) => file.endsWith('.html'));
const marked = [];
for (const path of pages) if (await marksBody(join(site, path))) marked.push(path);
const indexed = marked.length > 0 ? marked : pages;
const maxFragments = group > 1 ? Math.ceil(indexed.length / group) : undefined;
// The selectors go to Pagefind as well: the cut spares it parsing those parts, and Pagefind's rule stays what says
// they are left out.
const { index, errors: createErrors } = await createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_FROM_SEARCH, maxFragments });
if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
const adding = [];
for (const path of indexed) {
  const content = withoutExcluded(await readFile(join(site, path), 'utf8'), EXCLUDED_FROM_SEARCH);
  // Settled as it is handed over: a page Pagefind refuses is reported with the others once all are handed over.
  adding.push(index.addHTMLFile({ sourcePath: path, content }).then((page) => page.errors, (error: unknown) => [`${path}: ${String(error)}`]));
}
const added = await Promise.all(adding);
const writeErrors = await writeBundle(index, `${site}/pagefind`);
await closePagefind();
const errors = [...createErrors, ...added.flat(), ...writeErrors];
if (errors.length > 0 || indexed.length === 0) {
  process.stderr.write(`pagefind failed: ${errors.join('; ')}\n`);
  process.exit(1);
}
process.stdout.write(`pagefind: indexed ${indexed.length} pages into ${site}/pagefind\n`);

// A site without the records (one not built from this project's pages) has no catalog, and its search page, finding
// none, searches the full text (src/site/search-ui.ts).
const records = values.shard ? null : await recordsFileOf(site);
if (records) {
  const catalog = join(site, catalogBundle('/'));
  const { pages: cataloged, files } = await writeCatalog([records], catalog);
  process.stdout.write(`search-catalog: ${cataloged} pages, ${files} files into ${catalog}\n`);
}

/** Whether the page's <main> start tag carries data-pagefind-body: the page read up to the end of that tag only. */
async function marksBody(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const chunk = Buffer.alloc(8192);
    // Latin-1 keeps each byte a character, so a character cut between two reads cannot break the tag's ASCII.
    let head = '';
    for (let at = 0; ; ) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, at);
      if (bytesRead === 0) return false;
      at += bytesRead;
      head += chunk.toString('latin1', 0, bytesRead);
      const main = /<main\b[^>]*>/i.exec(head);
      if (main) return main[0].includes(' data-pagefind-body');
    }
  } finally {
    await file.close();
  }
}
