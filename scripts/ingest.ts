#!/usr/bin/env node
/**
 * The ingest CLI: disclosure text files in, one validated JSON per file out. Files and processes live here; the
 * parsing itself is the pure `parseDisclosure`.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_INPUT_BYTES } from '../src/ingest/decode.ts';
import { readSource, SOURCE_EXTENSIONS } from '../src/ingest/sources/index.ts';
import { parseDisclosure } from '../src/ingest/parse-disclosure.ts';
import { addToSummary, emptySummary, formatSummary } from '../src/ingest/summary.ts';
import { addRecordedSummary, IngestCache } from './ingest-cache.ts';

const HELP = `Usage: npm run ingest -- [options] [FILE|DIR ...]

Parses disclosure text files (预算/决算公开, 绩效评价报告) into JSON documents validated
against the schema (docs/schema.md), one per input, named after the input file.

Arguments:
  FILE|DIR        text files, or folders whose *.txt files are read
                  (default: content/sources)

Options:
  --out DIR       where the JSON files go (default: content/disclosures)
  --strict        exit 1 when any input failed or left unparsed text
  --quiet         no progress line, only errors and the summary
  -h, --help      show this help

Inputs may be UTF-8 (with or without BOM), GB18030/GBK or UTF-16, with LF or CRLF;
files over 8 MiB, PDFs, images and other binary files are refused with the reason.
A file that cannot be read or parsed is reported with its path and skipped; the
rest of the batch goes on, and its previous JSON output is left untouched.
Writes are atomic. Exit status: 0 done; 1 --strict and a failure or unparsed
text; 2 usage error.`;

function usageError(message: string): never {
  process.stderr.write(`ingest: ${message}\nTry 'npm run ingest -- --help'.\n`);
  process.exit(2);
}

async function expandInputs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      files.push(p); // reported as unreadable in the batch, so that one bad path does not stop the rest
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(p)).filter((n) => SOURCE_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e))).sort();
      files.push(...names.map((n) => join(p, n)));
    } else files.push(p);
  }
  return files;
}

/**
 * At most `limit + 1` bytes of a file: enough to tell an oversized input from a good one without holding it in
 * memory, even when the file grew after it was measured.
 */
async function readBounded(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= limit) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    return Buffer.concat(chunks, length);
  } finally {
    await handle.close();
  }
}

const ERRNO_MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'the file does not exist (a dangling link, or it was removed during the batch)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'an input/output error',
};

function readFailure(code: string): string {
  return `cannot read the file: ${ERRNO_MESSAGES[code] ?? 'a system error'} (${code})`;
}

/** Write to a temporary file beside the target, then rename: a crash mid-write leaves the old file intact. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        strict: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    usageError((error as Error).message);
  }
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const outDir = resolve(args.values.out ?? 'content/disclosures');
  const inputs = await expandInputs(args.positionals.length > 0 ? args.positionals : ['content/sources']);
  if (inputs.length === 0) usageError('no input files found');
  await mkdir(outDir, { recursive: true });
  const cache = await IngestCache.open(outDir);
  let reused = 0;

  const showProgress = process.stderr.isTTY && !args.values.quiet;
  const summary = emptySummary();
  const slugs = new Map<string, string>();
  let unparsedDocs = 0;

  for (const [i, file] of inputs.entries()) {
    const label = relative(process.cwd(), file) || file;
    if (showProgress) process.stderr.write(`\r\x1b[K[${i + 1}/${inputs.length}] ${label}`);
    const fail = (message: string, line: number | null = null) => {
      summary.failed++;
      if (showProgress) process.stderr.write('\r\x1b[K');
      process.stderr.write(`error: ${label}${line ? `:${line}` : ''}: ${message}\n`);
    };
    try {
      const info = await stat(file);
      if (!info.isFile()) {
        fail(info.isDirectory() ? 'it is a directory, not a file' : 'not a regular file');
        continue;
      }
      if (info.size > MAX_INPUT_BYTES) {
        fail(`the file is ${info.size} bytes, over the ${MAX_INPUT_BYTES}-byte limit for one disclosure`);
        continue;
      }
      const bytes = await readBounded(file, MAX_INPUT_BYTES);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const unchanged = await cache.reusable(basename(file), sha256);
      if (unchanged && !slugs.has(unchanged.slug)) {
        slugs.set(unchanged.slug, label);
        addRecordedSummary(summary, unchanged.summary);
        reused++;
        continue;
      }
      const read = await readSource(bytes);
      if (!read.ok) {
        fail(read.reason, read.line);
        continue;
      }
      const doc = parseDisclosure(read.text, {
        file: basename(file),
        sha256,
        format: read.format,
        encoding: read.encoding,
        pageStarts: read.pageStarts,
      });
      const previous = slugs.get(doc.slug);
      if (previous) {
        fail(`its output name ${doc.slug}.json is already taken by ${previous} in this batch`);
        continue;
      }
      slugs.set(doc.slug, label);
      const target = join(outDir, `${doc.slug}.json`);
      try {
        await writeAtomically(target, `${JSON.stringify(doc, null, 2)}\n`);
      } catch (error) {
        fail(`cannot write ${relative(process.cwd(), target) || target} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        continue;
      }
      addToSummary(summary, doc);
      const own = emptySummary();
      addToSummary(own, doc);
      cache.record(doc.slug, basename(file), sha256, own);
      if (doc.unparsed.length > 0) unparsedDocs++;
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      fail(err.code ? readFailure(err.code) : `the parser failed: ${err.message}`);
    }
  }
  if (showProgress) process.stderr.write('\r\x1b[K');
  await cache.save();
  process.stdout.write(`${formatSummary(summary)}\nreused: ${reused} unchanged (same source and parser, not parsed again)\noutput: ${relative(process.cwd(), outDir) || outDir}\n`);
  return args.values.strict && (summary.failed > 0 || unparsedDocs > 0) ? 1 : 0;
}

process.exitCode = await main();
