import type { APIRoute, GetStaticPaths } from 'astro';
import { allSummaries, loadDisclosure } from '../../../site/collection.ts';
import { tableCsv } from '../../../site/csv.ts';

export const getStaticPaths = (async () =>
  (await allSummaries()).flatMap((doc) => doc.tables.map((table) => ({ params: { slug: doc.slug, table: table.id } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const table = (await loadDisclosure(params.slug!)).tables.find((t) => t.id === params.table);
  if (!table) throw new Error(`disclosure ${params.slug} has no table ${params.table}`);
  return new Response(tableCsv(table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
