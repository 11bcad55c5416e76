import { once } from 'node:events';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { APIRoute } from 'astro';
import { allDepartments } from '../../site/collection.ts';
import { csvLines } from '../../site/csv.ts';
import { SERIES_CSV_HEADER, seriesCsvRows } from '../../site/department-view.ts';

/**
 * Every department's figures by year, one file for the corpus (DEPARTMENT_SERIES_RESOURCE), gzip-compressed like
 * all-rows.csv.gz: the lines each department page offers, from the summaries the collection holds (no document read).
 * Each department's lines go into the compressor as they are made, waiting while its buffer is full, so the file's
 * text is never one string. Astro keeps an endpoint's body as one buffer before writing it: the compressed bytes
 * (~0.1 KiB a department), where all-rows.csv.gz, which reads every document, is written to disk after the build
 * (scripts/downloads-integration.ts).
 */
export const GET: APIRoute = async () => {
  const gzip = createGzip({ level: 9 });
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const fill = async () => {
    await write(`\uFEFF${csvLines([SERIES_CSV_HEADER])}`);
    for (const department of await allDepartments()) await write(csvLines(seriesCsvRows(department)));
    gzip.end();
  };
  fill().catch((error: unknown) => gzip.destroy(error as Error));
  return new Response(Readable.toWeb(gzip) as ReadableStream<Uint8Array>, { headers: { 'Content-Type': 'application/gzip' } });
};
