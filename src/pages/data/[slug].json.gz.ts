import { gzipSync } from 'node:zlib';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSummaries, disclosureFile } from '../../site/collection.ts';

export const getStaticPaths = (async () => (await allSummaries()).map((doc) => ({ params: { slug: doc.slug } }))) satisfies GetStaticPaths;

// The file ingest validated and wrote, as it is (writing the parsed document out again in full would triple it),
// gzip-compressed (disclosureDataPath).
export const GET: APIRoute = async ({ params }) =>
  new Response(gzipSync((await disclosureFile(params.slug!)).text, { level: 9 }), { headers: { 'Content-Type': 'application/gzip' } });
