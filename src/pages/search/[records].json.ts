import type { APIRoute, GetStaticPaths } from 'astro';
import { allDepartments, allSummaries } from '../../site/collection.ts';
import { hasOwnPage, SCOPE_LABELS } from '../../site/departments.ts';
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
  // A department of one document has no page: its document's record is where its name leads.
  for (const { identity, docs, page } of (await allDepartments()).filter(hasOwnPage)) {
    records.push(departmentRecord({ url: href(page), name: identity.name, scope: SCOPE_LABELS[identity.scope], region: identity.region, docs }));
  }
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
