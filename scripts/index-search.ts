#!/usr/bin/env node
/** Indexes the built site with Pagefind (its extended build segments Chinese). Any Pagefind error fails the build. */
import * as pagefind from 'pagefind';

const site = process.argv[2] ?? 'dist';
/**
 * What a disclosure table's rows hold besides the row's code and name (amount and text cells; the group, printed code,
 * flag and page link inside the row header) stays out of the index and the fragments (src/components/DataTable.astro).
 * Said here once rather than by data-pagefind-ignore on every cell, which was a sixth of a disclosure page's bytes.
 */
const EXCLUDED_FROM_SEARCH = ['.data-table td', '.data-table tbody th > *'];

const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_FROM_SEARCH });
if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
const added = await index.addDirectory({ path: site });
const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
await pagefind.close();
const errors = [...createErrors, ...added.errors, ...written.errors];
if (errors.length > 0 || added.page_count === 0) {
  process.stderr.write(`pagefind failed: ${errors.join('; ') || 'no pages indexed'}\n`);
  process.exit(1);
}
process.stdout.write(`pagefind: indexed ${added.page_count} pages into ${site}/pagefind\n`);
