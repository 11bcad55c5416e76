import type { APIRoute, GetStaticPaths } from 'astro';
import { allDepartments, allSummaries } from '../../site/collection.ts';
import { SCOPE_LABELS } from '../../site/departments.ts';
import { disclosureHref, href } from '../../site/paths.ts';
import { shardRecords } from '../../site/search-catalog.ts';
import { searchCatalog } from '../../site/search-shards.ts';

// Written by a shard of a sharded build only (search/records.json): its pages' records for the site-wide catalog
// (search-catalog.ts), which scripts/search-catalog.ts builds once every shard is built and then removes from the
// site: input to the catalog, not a page. A build of one shard has no catalog and writes nothing here.
export const getStaticPaths = (() => (searchCatalog() ? [{ params: { records: 'records' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  // What a record holds of a disclosure is in its summary (the sentences its page opens with, its headings): no
  // document is read in full here.
  const departments = (await allDepartments()).map(({ identity, docs }) => ({
    url: href(`departments/${identity.slug}/`),
    name: identity.name,
    scope: SCOPE_LABELS[identity.scope],
    region: identity.region,
    docs,
  }));
  const records = shardRecords(departments, await allSummaries(), disclosureHref);
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
