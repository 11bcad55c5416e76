import { createWriteStream } from 'node:fs';
import { open, readdir, readFile, rm, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { disclosure } from '../src/schema/disclosure.ts';
import { validatedMembersReader } from '../src/site/disclosure-file.ts';
import { csvLines } from '../src/site/csv.ts';
import { ALL_ROWS_RESOURCE, datapackageHead, DEPARTMENT_SERIES_RESOURCE, disclosureResource } from '../src/site/datapackage.ts';
import { disclosureRows, ROW_FIELDS } from '../src/site/rows.ts';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * Rows of data/all-rows.csv made into one string at a time. A disclosure's part as one string (~250,000 characters)
 * is a large object of V8's heap, whose pages are faulted in anew for each disclosure, and its UTF-8 encoding for the
 * compressor cost twice what making it did; pieces of 200 rows (~40,000 characters) halve the CPU of the CSV
 * (docs/benchmarks.md, "astro build: garbage a disclosure makes").
 */
const PIECE_ROWS = 200;

/**
 * What the downloads read of a disclosure: its tables and what names it. The content collection has
 * validated every file in full against the same schema when the build loaded it, so they are read without validating
 * again; reading the checks, targets and the rest too was half the CPU of a read (docs/benchmarks.md, "astro build:
 * CPU a disclosure"). Only these members of the file's bytes are decoded and parsed (json-members.ts): the tables are
 * a third of a synthetic disclosure's bytes, and decoding and parsing the rest cost ~1.5 CPU-ms a file
 * (docs/benchmarks.md, "astro build: table rows, amounts and the downloads' read").
 */
const downloadFields = disclosure.pick({ slug: true, title: true, kind: true, department: true, region: true, year: true, unit: true, tables: true });
const readDownloadFields = validatedMembersReader(downloadFields);

/**
 * Writes the corpus-wide downloads, data/all-rows.csv.gz and datapackage.json, into the built site after Astro has
 * finished, reading one disclosure at a time and appending its part to each file: neither file is ever one string,
 * so their size is bounded by the disk, not by memory or V8's string limit. Disclosures go in file-name order
 * (the file is named by its slug), which is stable across builds.
 */
export function corpusDownloads(contentDir: string): AstroIntegration {
  let homepage: string | undefined;
  return {
    name: 'corpus-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        homepage = config.site ? new URL(config.base, config.site).href : undefined;
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const names = (await readdir(contentDir)).filter((n) => n.endsWith('.json')).sort();
        const csvPath = join(out, ALL_ROWS_RESOURCE.path);
        const pkgPath = join(out, 'datapackage.json');
        const csvFile = createWriteStream(`${csvPath}.tmp`);
        const csv = createGzip({ level: 9 });
        csv.pipe(csvFile);
        // Waits while the compressor's buffer is full, so that the corpus never sits in memory.
        const writeCsv = async (text: string) => {
          if (!csv.write(text)) await once(csv, 'drain');
        };
        const pkg = await open(`${pkgPath}.tmp`, 'w');
        try {
          await writeCsv(`\uFEFF${csvLines([ROW_FIELDS])}`);
          const head = JSON.stringify(datapackageHead(homepage), null, 2).replace(/\n\}$/, '');
          const corpusWide = [ALL_ROWS_RESOURCE, DEPARTMENT_SERIES_RESOURCE].map((r) => indent(JSON.stringify(r, null, 2), '    '));
          await pkg.write(`${head},\n  "resources": [\n    ${corpusWide.join(',\n    ')}`);
          for (const name of names) {
            const bytes = await readFile(join(contentDir, name));
            const doc = readDownloadFields(bytes);
            const rows = disclosureRows(doc);
            for (let start = 0; start < rows.length; start += PIECE_ROWS) await writeCsv(csvLines(rows.slice(start, start + PIECE_ROWS)));
            await pkg.write(`,\n    ${indent(JSON.stringify(disclosureResource(doc), null, 2), '    ')}`);
          }
          await pkg.write('\n  ]\n}\n');
          csv.end();
          await finished(csvFile);
        } catch (error) {
          csv.destroy();
          csvFile.destroy();
          await Promise.all([rm(`${csvPath}.tmp`, { force: true }), rm(`${pkgPath}.tmp`, { force: true })]);
          throw error;
        } finally {
          await pkg.close();
        }
        await rename(`${csvPath}.tmp`, csvPath);
        await rename(`${pkgPath}.tmp`, pkgPath);
      },
    },
  };
}
