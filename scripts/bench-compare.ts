/**
 * Parse CPU of this working tree against a git revision's, measured in one process: each side's parse thread (the
 * ingest's own worker, scripts/parse-worker-thread.ts of that tree) is given the same document in turn, the order
 * alternating from document to document, and its thread CPU is counted. Whole ingest runs on a shared machine
 * differ by some 10 % from run to run; two sides that alternate per document share the load, and thread CPU leaves
 * out V8's background threads and the other processes. Every document's result (JSON bytes, summary, report row,
 * companion facts) is compared: a speed change is measured on the same output.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isHiddenFile, SOURCE_EXTENSIONS } from '../src/ingest/sources/names.ts';
import { compareFigures, everyKth, type PassTimes } from './bench-figures.ts';
import { ParseWorker, type ParseOutcome } from './parse-worker.ts';

export interface CompareOptions {
  ref: string;
  /** Files and folders (a folder's documents by name, not its subfolders). */
  corpus: string[];
  /** How the corpus is named in the figures. */
  corpusName: string;
  sample: number;
  passes: number;
  allowDiff: boolean;
}

/**
 * The revision's `src/` and `scripts/` under test-output/compare/<commit>/, kept for the next comparison with it:
 * inside the repository, so that its imports find this node_modules. Extracted to a temporary name first, so that
 * an interrupted extraction is never taken for a tree.
 */
function treeOf(ref: string): { commit: string; dir: string } {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = resolve('test-output/compare', commit);
  if (existsSync(dir)) return { commit, dir };
  const partial = `${dir}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const tar = join(partial, 'tree.tar');
  execFileSync('git', ['archive', '--format=tar', '-o', tar, commit, 'package.json', 'src', 'scripts']);
  execFileSync('tar', ['-xf', tar, '-C', partial]);
  rmSync(tar);
  renameSync(partial, dir);
  return { commit, dir };
}

function documentsOf(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p, { withFileTypes: true })
          .filter((e) => e.isFile() && !isHiddenFile(e.name) && SOURCE_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x)))
          .map((e) => join(p, e.name))
      : [p],
  );
}

/** A result as text to compare: its JSON bytes, then the rest with each object's keys in order of name. */
function outcomeText(outcome: ParseOutcome): string {
  const sorted = (_: string, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value;
  if (!outcome.ok) return JSON.stringify(outcome, sorted);
  const { json, ...rest } = outcome;
  return `${Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')}${JSON.stringify(rest, sorted)}`;
}

/** Runs the comparison and prints it; false when a document's output differed and differences were not allowed. */
export async function runCompare(options: CompareOptions): Promise<boolean> {
  const { commit, dir } = treeOf(options.ref);
  const files = everyKth(documentsOf(options.corpus), options.sample);
  if (files.length === 0) throw new Error(`no documents in ${options.corpus.join(', ')}`);
  const documents = files.map((file) => {
    const bytes = readFileSync(file);
    return { file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  const megabytes = documents.reduce((a, d) => a + d.bytes.length, 0) / 1e6;
  // The ingest's budgets, so that a document stopped on one side is stopped on the other.
  const budget = { timeMs: 300_000, memoryMb: 2048 };
  const sides = [new ParseWorker(budget, pathToFileURL(join(dir, 'scripts/parse-worker-thread.ts'))), new ParseWorker(budget)];
  process.stdout.write(
    `compare: ${options.ref} (${commit.slice(0, 12)}, ${dir}) against the working tree\n` +
      `  ${documents.length} documents, ${megabytes.toFixed(2)} MB, from ${options.corpusName}; ${options.passes} passes; thread CPU of each side's parse thread, its loading left out\n`,
  );
  const passes: PassTimes[] = [];
  const differing = new Set<string>();
  try {
    for (let p = 0; p < options.passes; p++) {
      // New threads each pass: an isolate optimizes the parser its own way and keeps it over the passes (two threads
      // of the same code differed by up to 3 %), so that threads anew make each pass a draw of its own.
      if (p > 0) await Promise.all(sides.map((s) => s.close()));
      const times: PassTimes = { reference: [], current: [] };
      const loadBefore = loadavg()[0];
      for (const [i, doc] of documents.entries()) {
        const outcomes: string[] = [];
        for (const side of (i + p) % 2 === 0 ? [0, 1] : [1, 0]) {
          const worker = sides[side];
          const before = await worker.cpuMs();
          const outcome = await worker.parse({ bytes: new Uint8Array(doc.bytes).buffer, file: doc.file, sha256: doc.sha256 });
          (side === 0 ? times.reference : times.current)[i] = (await worker.cpuMs()) - before;
          outcomes[side] = outcomeText(outcome);
        }
        if (outcomes[0] !== outcomes[1]) differing.add(doc.file);
      }
      passes.push(times);
      const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
      const ratio = sum(times.current) / sum(times.reference);
      process.stdout.write(
        `  pass ${p + 1}: ${options.ref} ${sum(times.reference).toFixed(0)} ms, working tree ${sum(times.current).toFixed(0)} ms: ` +
          `${ratio.toFixed(3)} (${(megabytes / (sum(times.current) / 1000)).toFixed(2)} MB a CPU-second; load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)})\n`,
      );
    }
  } finally {
    await Promise.all(sides.map((s) => s.close()));
  }
  const figures = compareFigures(passes);
  process.stdout.write(
    `  working tree / ${options.ref}: ${figures.medianPassRatio.toFixed(3)} (median of the passes), ` +
      `${figures.medianDocumentRatio.toFixed(3)} (median of the documents)\n`,
  );
  if (differing.size === 0) {
    process.stdout.write('  every document\'s output the same on both sides\n');
    return true;
  }
  const listed = [...differing].slice(0, 10).map((f) => `    ${f}\n`).join('');
  process.stdout.write(`  ${differing.size} documents' output differs from ${options.ref}'s:\n${listed}${differing.size > 10 ? '    …\n' : ''}`);
  if (options.allowDiff) return true;
  process.stderr.write(`bench: FAILED: the working tree's output differs from ${options.ref}'s on ${differing.size} documents (--allow-diff to compare anyway)\n`);
  return false;
}
