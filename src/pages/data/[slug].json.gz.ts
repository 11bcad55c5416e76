import type { APIRoute, GetStaticPaths } from 'astro';
import { allSummaries, disclosureFile } from '../../site/collection.ts';

export const getStaticPaths = (async () => (await allSummaries()).map((doc) => ({ params: { slug: doc.slug } }))) satisfies GetStaticPaths;

// The file ingest validated and wrote, as it is: writing the parsed document out again in full would triple it.
export const GET: APIRoute = async ({ params }) =>
  new Response((await disclosureFile(params.slug!)).text, { headers: { 'Content-Type': 'application/json' } });
