import { gzipSync } from 'node:zlib';
import type { APIRoute } from 'astro';
import { allDepartments } from '../../site/collection.ts';
import { csvLines } from '../../site/csv.ts';
import { SERIES_CSV_HEADER, seriesCsvRows } from '../../site/department-view.ts';

/**
 * Every department's figures by year, one file for the corpus (DEPARTMENT_SERIES_RESOURCE), gzip-compressed like
 * all-rows.csv.gz: the lines each department page offers, from the summaries the collection holds (no document read).
 */
export const GET: APIRoute = async () => {
  const parts = [`\uFEFF${csvLines([SERIES_CSV_HEADER])}`];
  for (const department of await allDepartments()) parts.push(csvLines(seriesCsvRows(department)));
  return new Response(gzipSync(parts.join(''), { level: 9 }), { headers: { 'Content-Type': 'application/gzip' } });
};
