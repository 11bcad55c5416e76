#!/usr/bin/env node
/** Indexes the built site with Pagefind (its extended build segments Chinese). Any Pagefind error fails the build. */
import * as pagefind from 'pagefind';
import { EXCLUDED_FROM_SEARCH } from '../src/site/search-scope.ts';
import { writeBundle } from './pagefind-bundle.ts';

const site = process.argv[2] ?? 'dist';

const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_FROM_SEARCH });
if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
const added = await index.addDirectory({ path: site });
const writeErrors = await writeBundle(index, `${site}/pagefind`);
await pagefind.close();
const errors = [...createErrors, ...added.errors, ...writeErrors];
if (errors.length > 0 || added.page_count === 0) {
  process.stderr.write(`pagefind failed: ${errors.join('; ') || 'no pages indexed'}\n`);
  process.exit(1);
}
process.stdout.write(`pagefind: indexed ${added.page_count} pages into ${site}/pagefind\n`);
