import { getCollection, getEntry } from 'astro:content';
import type { z } from 'astro/zod';
import { readFile } from 'node:fs/promises';
import { disclosure, type Disclosure } from '../schema/disclosure.ts';
import { readValidatedDisclosure, validatedMembersReader } from './disclosure-file.ts';
import { nameIndex, type NameFile } from './department-names.ts';
import { type Department, groupDepartments, SCOPE_LABELS } from './departments.ts';
import type { DisclosureSummary } from './disclosure-summary.ts';
import { sitemapParts } from './listing.ts';
import { contentPages } from './site-pages.ts';
import { zhCompare } from './zh-compare.ts';

/**
 * The one way pages reach the disclosures. Listings, department and cross-department pages use the summaries the
 * content collection holds; a disclosure's own pages read its full JSON when they render, one document at a time, so
 * that no page holds the whole corpus in memory.
 */

/** Every disclosure's summary, in a stable order (region, year, department), so that builds are reproducible. */
export async function allSummaries(): Promise<DisclosureSummary[]> {
  const entries = await getCollection('disclosures');
  return entries
    .map((e) => e.data)
    .sort(
      (a, b) =>
        zhCompare(a.region.join('/'), b.region.join('/')) ||
        (b.year ?? 0) - (a.year ?? 0) ||
        zhCompare(a.department, b.department) ||
        a.slug.localeCompare(b.slug),
    );
}

/**
 * The full disclosure, read from its JSON file as the schema reads it. The content loader has validated each file
 * against the schema before any page renders (or the same text with the same schema in an earlier build:
 * scripts/summary-loader.ts), so a page reads it without validating it a second time. Each page reads it anew: Astro
 * renders a route's pages before the next route's, so a disclosure's pages are never rendered one after another and a
 * kept last read never served a second page (docs/benchmarks.md, "astro build: garbage a disclosure makes").
 */
export async function loadDisclosure(slug: string): Promise<Disclosure> {
  // Decoded from the bytes in one piece: readFile's own decoding goes through a StringDecoder in 512 KiB reads for a
  // larger file, and JSON.parse must first flatten the string those pieces are joined into.
  return readValidatedDisclosure(JSON.parse((await readFile(await disclosurePath(slug))).toString('utf8')));
}

/**
 * Some members of a disclosure, read as loadDisclosure reads them, from the file's bytes (validatedMembersReader): a
 * targets or a text page needs a fifth of its document, and the documents that have one are the large ones (321 and
 * 569 KB of JSON on average against 155 in a synthetic shard), whose whole read was 7–10 CPU-ms a page against 2–3 for
 * these members (docs/benchmarks.md, "astro build: a targets or text page reads its members").
 */
function membersLoader<S extends z.ZodObject>(fields: S): (slug: string) => Promise<z.infer<S>> {
  const read = validatedMembersReader(fields);
  return async (slug) => read(await readFile(await disclosurePath(slug)));
}

/** What a targets page shows of its disclosure (src/pages/d/[slug]/targets.astro). */
export const loadTargetsPart = membersLoader(
  disclosure.pick({ slug: true, title: true, kind: true, department: true, year: true, unit: true, targets: true, projects: true }),
);

/** What a text page shows of its disclosure (src/pages/d/[slug]/text.astro). */
export const loadTextPart = membersLoader(
  disclosure.pick({ slug: true, title: true, kind: true, department: true, region: true, year: true, sections: true, glossary: true }),
);

/**
 * The path of a disclosure's JSON file as ingest wrote it (compact: defaults left out, line ranges, checks, tables and
 * indicators in their short forms, docs/schema.md): what the site publishes, gzip-compressed, at data/<slug>.json.gz;
 * half the size of the same document written out in full (3.66 MB against 7.43 MB over the seeds and the samples' text).
 */
export async function disclosurePath(slug: string): Promise<string> {
  const entry = await getEntry('disclosures', slug);
  if (!entry?.filePath) throw new Error(`no disclosure with the slug ${slug}`);
  return entry.filePath;
}

/** Every department, grouped from the summaries: what listings and the paths of department pages need. */
export async function allDepartments(): Promise<Array<Department<DisclosureSummary>>> {
  return groupDepartments(await allSummaries());
}

/** The compare picker's name index (department-names.ts): its files, and their number for the compare page. */
export async function departmentNameIndex(): Promise<NameFile[]> {
  const departments = (await allDepartments()).map((d) => ({ slug: d.identity.slug, name: `${d.identity.name}（${SCOPE_LABELS[d.identity.scope]}）` }));
  return nameIndex(departments);
}

/** The site's pages (paths under the base) in sitemap files of at most SITEMAP_URLS each. */
export async function sitemapPages(): Promise<string[][]> {
  const departments = (await allDepartments()).map((d) => d.identity.slug);
  return sitemapParts(contentPages(await allSummaries(), departments));
}
