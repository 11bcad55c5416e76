import type { APIRoute, GetStaticPaths } from 'astro';
import { allSummaries, loadDisclosure } from '../../site/collection.ts';

export const getStaticPaths = (async () => (await allSummaries()).map((doc) => ({ params: { slug: doc.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(`${JSON.stringify(await loadDisclosure(params.slug!), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
