import type { APIRoute, GetStaticPaths } from 'astro';
import { allDepartments, allSummaries } from '../../site/collection.ts';
import { SCOPE_LABELS } from '../../site/departments.ts';
import { disclosureHref, href } from '../../site/paths.ts';
import { type CatalogRecord, departmentRecord, disclosureRecord } from '../../site/search-catalog.ts';
import { searchCatalog } from '../../site/search-shards.ts';

// Written by a shard of a sharded build only (search/records.json): its pages' records for the site-wide catalog
// (search-catalog.ts), which scripts/search-catalog.ts builds once every shard is built. A build of one shard has
// no catalog and writes nothing here.
export const getStaticPaths = (() => (searchCatalog() ? [{ params: { records: 'records' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const records: CatalogRecord[] = [];
  // What a record holds of a disclosure is in its summary (the sentences its page opens with, its headings): no
  // document is read in full here.
  for (const doc of await allSummaries()) records.push(disclosureRecord({ url: disclosureHref(doc.slug), doc }));
  for (const { identity, docs } of await allDepartments()) {
    const url = href(`departments/${identity.slug}/`);
    records.push(departmentRecord({ url, name: identity.name, scope: SCOPE_LABELS[identity.scope], region: identity.region, docs }));
  }
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
