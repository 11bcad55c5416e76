/**
 * Incremental ingest: a source whose bytes and parser are unchanged since its JSON was written is not parsed again.
 * The record lives in node_modules/.cache/ingest/, one file per output folder, so that the output holds disclosures
 * only: per output slug, the source's SHA-256, the parser version it was parsed with, and its share of the batch
 * summary, so that the summary line still covers the whole corpus.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugFor } from '../src/ingest/parse-disclosure.ts';
import type { BatchSummary } from '../src/ingest/summary.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARSER_DIRS = ['src/ingest', 'src/schema'];

function cacheFile(outDir: string): string {
  return join(ROOT, 'node_modules', '.cache', 'ingest', `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
}

/** The parser's version: a hash of every file of the parser and the schema, so that any change to them reparses. */
export async function parserVersion(root = ROOT): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of PARSER_DIRS) {
    const files = (await readdir(join(root, dir), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(`${relative(root, file)}\0`).update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

interface Entry {
  file: string;
  sha256: string;
  parser: string;
  summary: BatchSummary;
}

export class IngestCache {
  private readonly outDir: string;
  private readonly parser: string;
  private readonly entries: Record<string, Entry>;

  private constructor(outDir: string, parser: string, entries: Record<string, Entry>) {
    this.outDir = outDir;
    this.parser = parser;
    this.entries = entries;
  }

  static async open(outDir: string): Promise<IngestCache> {
    let entries: Record<string, Entry> = {};
    try {
      entries = JSON.parse(await readFile(cacheFile(outDir), 'utf8'));
    } catch {
      // no record yet, or an unreadable one: everything is parsed
    }
    return new IngestCache(outDir, await parserVersion(), entries);
  }

  /** The slug and summary of a source that needs no parsing: same bytes, same parser, and its JSON still there. */
  async reusable(file: string, sha256: string): Promise<{ slug: string; summary: BatchSummary } | null> {
    const slug = slugFor(file, sha256);
    const entry = this.entries[slug];
    if (!entry || entry.file !== file || entry.sha256 !== sha256 || entry.parser !== this.parser) return null;
    const output = await stat(join(this.outDir, `${slug}.json`)).catch(() => null);
    return output?.isFile() ? { slug, summary: entry.summary } : null;
  }

  record(slug: string, file: string, sha256: string, summary: BatchSummary): void {
    this.entries[slug] = { file, sha256, parser: this.parser, summary };
  }

  async save(): Promise<void> {
    const path = cacheFile(this.outDir);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(`${path}.${process.pid}.tmp`, `${JSON.stringify(this.entries)}\n`);
    await rename(`${path}.${process.pid}.tmp`, path);
  }
}

/**
 * Adds a reused document's share of the batch summary (as recorded when it was parsed) to the batch's totals; it
 * is not counted as parsed.
 */
export function addRecordedSummary(total: BatchSummary, part: BatchSummary): void {
  total.tables += part.tables;
  for (const status of Object.keys(total.checks) as Array<keyof BatchSummary['checks']>) total.checks[status] += part.checks[status];
  total.unparsedLines += part.unparsedLines;
  total.warnings += part.warnings;
  total.tokensPlaced += part.tokensPlaced;
  total.tokensUnplaced += part.tokensUnplaced;
}
