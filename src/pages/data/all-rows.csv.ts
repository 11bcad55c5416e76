import type { APIRoute } from 'astro';
import { allDisclosures } from '../../site/collection.ts';
import { toCsv } from '../../site/csv.ts';
import { corpusRows, ROW_FIELDS } from '../../site/rows.ts';

export const GET: APIRoute = async () =>
  new Response(toCsv(ROW_FIELDS, corpusRows(await allDisclosures())), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
