import type { APIRoute, GetStaticPaths } from 'astro';
import { FUNCTION_CLASSES } from '../../core/codes.ts';
import { allDepartments, allSummaries } from '../../site/collection.ts';
import { spendingByFunctionClass } from '../../site/cross-department.ts';
import { SCOPE_LABELS } from '../../site/departments.ts';
import { classCounts, functionItemsByClass } from '../../site/function-items.ts';
import { disclosureHref, href } from '../../site/paths.ts';
import { shardRecords } from '../../site/search-catalog.ts';
import { searchCatalog } from '../../site/search-shards.ts';
import { isTemplate } from '../../site/templates.ts';

// Written by a shard of a sharded build only (search/records.json): its pages' records for the site-wide catalog
// (search-catalog.ts), which scripts/search-catalog.ts builds once every shard is built and then removes from the
// site: input to the catalog, not a page. A build of one shard has no catalog and writes nothing here.
export const getStaticPaths = (() => (searchCatalog() ? [{ params: { records: 'records' } }] : [])) satisfies GetStaticPaths;

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
