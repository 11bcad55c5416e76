import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSummaries, disclosurePath } from '../../site/collection.ts';

export const getStaticPaths = (async () => (await allSummaries()).map((doc) => ({ params: { slug: doc.slug } }))) satisfies GetStaticPaths;

// The file ingest validated and wrote, as it is (writing the parsed document out again in full would triple it),
// gzip-compressed (disclosureDataPath): its bytes, not decoded into a string to be encoded again.
export const GET: APIRoute = async ({ params }) =>
  new Response(gzipSync(await readFile(await disclosurePath(params.slug!)), { level: 9 }), { headers: { 'Content-Type': 'application/gzip' } });
