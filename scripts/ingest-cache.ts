/**
 * Incremental ingest: a source whose bytes and parser are unchanged since its JSON was written is not parsed again.
 * The record lives in node_modules/.cache/ingest/, one file per output folder, so that the output holds disclosures
 * only: per source file, its SHA-256, the parser version it was parsed with, and what the parse worker returned
 * besides the JSON (slug, summary, companion facts, report row), so that the summary line, the companion step and
 * the corpus report still cover the whole corpus.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerResult } from './parse-worker.ts';
import { treeDigest } from './tree-digest.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * Everything whose change can change a document's JSON: the parser, the review (its findings are in the same
 * document), their schema and core, and the worker around them.
 */
const PARSER_PATHS = ['src/ingest', 'src/review', 'src/schema', 'src/core', 'scripts/parse-worker-thread.ts'];

/** What a reused document stands for: the worker's result without the JSON, which is already on disk. */
export type Recorded = Omit<Extract<WorkerResult, { ok: true }>, 'json'>;

function cacheFile(outDir: string): string {
  return join(ROOT, 'node_modules', '.cache', 'ingest', `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
}

/** The parser's version: any change to its code reparses everything. */
export function parserVersion(root = ROOT): Promise<string> {
  return treeDigest(root, PARSER_PATHS);
}

interface Entry {
  sha256: string;
  parser: string;
  /** SHA-256 of the JSON written: an output edited or replaced since is not taken as this source's. */
  output: string;
  result: Recorded;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

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

  /** The recorded result of a source that needs no parsing: same bytes, same parser, and its very JSON still there. */
  async reusable(file: string, sha256: string): Promise<Recorded | null> {
    const entry = this.entries[file];
    if (!entry || entry.sha256 !== sha256 || entry.parser !== this.parser) return null;
    const output = await readFile(join(this.outDir, `${entry.result.slug}.json`)).catch(() => null);
    return output && sha256Of(output) === entry.output ? entry.result : null;
  }

  /** `output` is the SHA-256 of the JSON written, in hex. */
  record(file: string, sha256: string, output: string, result: Recorded): void {
    this.entries[file] = { sha256, parser: this.parser, output, result };
  }

  /** A source whose JSON the batch rewrote (a joined companion part): parsed again next time. */
  forget(file: string): void {
    delete this.entries[file];
  }

  async save(): Promise<void> {
    const path = cacheFile(this.outDir);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(`${path}.${process.pid}.tmp`, `${JSON.stringify(this.entries)}\n`);
    await rename(`${path}.${process.pid}.tmp`, path);
  }
}
