import type { APIRoute } from 'astro';
import { FUNCTION_CLASSES } from '../../core/codes.ts';
import { allDepartments, allSummaries } from '../../site/collection.ts';
import { spendingByFunctionClass } from '../../site/cross-department.ts';
import { SCOPE_LABELS } from '../../site/departments.ts';
import { classCounts, functionItemsByClass } from '../../site/function-items.ts';
import { disclosureHref, href } from '../../site/paths.ts';
import { shardRecords } from '../../site/search-catalog.ts';
import { isTemplate } from '../../site/templates.ts';

// The site's pages' records for the search catalog (search-catalog.ts): input to the catalog, not a page.
// scripts/index-search.ts makes a site's own catalog of them and removes the file; in a sharded build
// scripts/search-catalog.ts makes one catalog of every shard's, once every shard is built.

export const GET: APIRoute = async () => {
  // What a record holds of a disclosure is in its summary (the sentences its page opens with, its headings): no
  // document is read in full here.
  const summaries = await allSummaries();
  const departments = (await allDepartments()).map(({ identity, docs }) => ({
    url: href(`departments/${identity.slug}/`),
    name: identity.name,
    scope: SCOPE_LABELS[identity.scope],
    region: identity.region,
    docs,
  }));
  // The 类 pages the shard's documents spend in or print a 款 or 项 of, as src/pages/functions/[code]/ counts them.
  const counted = summaries.filter((d) => !isTemplate(d));
  const items = functionItemsByClass(counted);
  const spending = spendingByFunctionClass(counted);
  const classifications = Object.keys(FUNCTION_CLASSES)
    .filter((code) => spending.has(code) || items.has(code))
    .sort()
    .map((code) => ({ url: href(`functions/${code}/`), code, name: FUNCTION_CLASSES[code], items: items.get(code) ?? [], ...classCounts(spending.get(code) ?? []) }));
  const records = shardRecords(departments, summaries, disclosureHref, classifications);
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
