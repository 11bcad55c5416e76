import type { APIRoute, GetStaticPaths } from 'astro';
import type { Table } from '../../../schema/table.ts';
import { allDisclosures } from '../../../site/collection.ts';
import { tableCsv } from '../../../site/csv.ts';

export const getStaticPaths = (async () => {
  const docs = await allDisclosures();
  return docs.flatMap((doc) => doc.tables.map((table) => ({ params: { slug: doc.slug, table: table.id }, props: { table } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ table: Table }> = ({ props }) =>
  new Response(tableCsv(props.table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
