import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readValidatedSummarySource } from '../src/site/disclosure-file.ts';
import { disclosureSummary, summarize } from '../src/site/disclosure-summary.ts';
import { treeDigest } from './tree-digest.ts';
import { textDigest, ValidationRecord } from './validation-record.ts';

/** The code a summary is made by (with the schema it validates against): a change to it remakes every summary. */
const SUMMARY_CODE = ['src/site', 'src/core', 'src/schema'];

/**
 * A content loader that keeps only the summary of each disclosure JSON in `dir` (Astro puts every entry of a
 * collection into one generated module, so full documents would make it grow with the corpus). Each file is still
 * validated against the full schema here, so a broken file fails the build with its path and field, unless the same
 * text passed the same schema before or ingest wrote it (scripts/validation-record.ts: 6–7 → 3 CPU-ms a synthetic
 * disclosure).
 * Entries whose file and summarizing code are unchanged since the last build keep their cached summary without
 * being parsed again.
 */
export function summaryLoader(dir: string): Loader {
  return {
    name: 'disclosure-summaries',
    schema: disclosureSummary,
    load: async ({ store, parseData, generateDigest, config }) => {
      const projectRoot = fileURLToPath(config.root);
      const code = await treeDigest(projectRoot, SUMMARY_CODE);
      const root = resolve(dir);
      const names = (await readdir(root)).filter((n) => n.endsWith('.json')).sort();
      const cached = new Map(store.entries().map(([id, entry]) => [`${entry.filePath}\n${entry.digest}`, id]));
      const files = new Map<string, string>();
      const validated = await ValidationRecord.open();
      for (const name of names) {
        // Astro wants entry paths relative to the project root.
        const path = relative(projectRoot, join(root, name));
        const bytes = await readFile(path);
        // The file's bytes are hashed once: their SHA-256 is the validation record's key, and Astro's cache key is made
        // from it and the code's version (a string of ~110 characters, not the text again). They are decoded only for
        // a summary not cached (decoding is ~1 CPU-ms a synthetic disclosure, more than hashing).
        const sha = textDigest(bytes);
        const digest = generateDigest(`${code}\n${sha}`);
        let id = cached.get(`${path}\n${digest}`);
        if (id === undefined) {
          const text = bytes.toString('utf8');
          // A text accepted before is read without its checks, which the summary only counts.
          const doc = validated.isAccepted(sha) ? readValidatedSummarySource(text) : validated.disclosure(text, path, sha);
          id = doc.slug;
          store.set({ id, data: await parseData({ id, data: summarize(doc), filePath: path }), digest, filePath: path });
        }
        const other = files.get(id);
        if (other) throw new Error(`${path}: the slug ${id} is already used by ${other}`);
        files.set(id, path);
      }
      for (const id of store.keys()) if (!files.has(id)) store.delete(id);
      await validated.save();
    },
  };
}
