import type { APIRoute, GetStaticPaths } from 'astro';
import { allDepartments, allSummaries, loadDisclosure } from '../../site/collection.ts';
import { checkPanel } from '../../site/check-panel.ts';
import { SCOPE_LABELS } from '../../site/departments.ts';
import { disclosureHref, href } from '../../site/paths.ts';
import { type CatalogRecord, departmentRecord, disclosureRecord } from '../../site/search-catalog.ts';
import { searchCatalog } from '../../site/search-shards.ts';
import { pageSummary } from '../../site/summary.ts';

// Written by a shard of a sharded build only (search/records.json): its pages' records for the site-wide catalog
// (search-catalog.ts), which scripts/search-catalog.ts builds once every shard is built. A build of one shard has
// no catalog and writes nothing here.
export const getStaticPaths = (() => (searchCatalog() ? [{ params: { records: 'records' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const records: CatalogRecord[] = [];
  for (const summary of await allSummaries()) {
    // The summary sentences the page opens with need the document in full; read one at a time, as its page is.
    const doc = await loadDisclosure(summary.slug);
    records.push(disclosureRecord({ url: disclosureHref(doc.slug), doc, summary: pageSummary(doc, checkPanel(doc).findings.length).sentences }));
  }
  for (const { identity, docs } of await allDepartments()) {
    const url = href(`departments/${identity.slug}/`);
    records.push(departmentRecord({ url, name: identity.name, scope: SCOPE_LABELS[identity.scope], region: identity.region, docs }));
  }
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
