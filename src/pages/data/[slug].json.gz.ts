import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSummaries, disclosurePath } from '../../site/collection.ts';

export const getStaticPaths = (async () => (await allSummaries()).map((doc) => ({ params: { slug: doc.slug } }))) satisfies GetStaticPaths;

// The file ingest validated and wrote, as it is (writing the parsed document out again in full would triple it),
// gzip-compressed (disclosureDataPath): its bytes, not decoded into a string to be encoded again. At zlib's default
// level 6, not 9: 2.2 instead of 3.5 CPU-ms a synthetic disclosure for 1.6 % more bytes (+430 of ~26,400), a file a
// reader fetches only for a table's CSV or the JSON itself (docs/benchmarks.md, "astro build: garbage a disclosure makes").
export const GET: APIRoute = async ({ params }) =>
  new Response(gzipSync(await readFile(await disclosurePath(params.slug!)), { level: 6 }), { headers: { 'Content-Type': 'application/gzip' } });
