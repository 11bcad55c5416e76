#!/usr/bin/env node
/** Indexes the built site with Pagefind (its extended build segments Chinese). Any Pagefind error fails the build. */
import { rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { EXCLUDED_FROM_SEARCH } from '../src/site/search-scope.ts';

const site = process.argv[2] ?? 'dist';

const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_FROM_SEARCH });
if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
const added = await index.addDirectory({ path: site });
const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
await pagefind.close();
// Pagefind's own result interfaces, which the site does not load (src/site/search-ui.ts draws its results with
// pagefind.js and its worker): seven files, 434 KB, that a static host would count.
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];
await Promise.all(UNUSED.map((file) => rm(`${site}/pagefind/${file}`, { force: true })));
const errors = [...createErrors, ...added.errors, ...written.errors];
if (errors.length > 0 || added.page_count === 0) {
  process.stderr.write(`pagefind failed: ${errors.join('; ') || 'no pages indexed'}\n`);
  process.exit(1);
}
process.stdout.write(`pagefind: indexed ${added.page_count} pages into ${site}/pagefind\n`);
