#!/usr/bin/env node
/**
 * The ingest CLI: disclosure text files in, one validated JSON per file out. Files and processes live here; the
 * parsing itself is the pure `parseDisclosure`.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_INPUT_BYTES } from '../src/ingest/decode.ts';
import { originalsOnly, sameNameSuffixes, SOURCE_EXTENSIONS } from '../src/ingest/sources/index.ts';
import { slugFor } from '../src/ingest/parse-disclosure.ts';
import { emptySummary, formatSummary, mergeSummary } from '../src/ingest/summary.ts';
import { joinWrittenCompanions, type WrittenDocument } from './companion-step.ts';
import { IngestCache, type Recorded } from './ingest-cache.ts';
import { failedRow, reportRow, writeReport, type ReportRow } from './corpus-report.ts';
import { ParsePool, STAGE_NAMES, type ParseOutcome } from './parse-worker.ts';
import { removeStale, removeStaleTemporaries, sourceOfOutput } from './outputs.ts';

const HELP = `Usage: npm run ingest -- [options] [FILE|DIR ...]

Parses disclosure text files (预算/决算公开, 绩效评价报告) into JSON documents validated
against the schema (docs/schema.md), one per input, named after the input file.

Arguments:
  FILE|DIR        text files, or folders whose *.txt files are read
                  (default: content/sources)

Options:
  --out DIR       where the JSON files go (default: content/disclosures)
  --strict        exit 1 when any input failed or left unparsed text
  --report FILE   also write a corpus report (CSV, UTF-8 with BOM): one row per
                  document with department, year, kind, tables, unparsed share,
                  checks passed/failed and warnings, worst first
  --quiet         no progress line, only errors and the summary
  --time-limit S  CPU seconds one document may take (default 300)
  --memory-limit MB  heap one document may use (default 2048)
  --jobs N        documents parsed at once, each in its own worker thread
                  (default: the number of cores, here ${availableParallelism()});
                  the output is the same whatever N
  -h, --help      show this help

Inputs may be UTF-8 (with or without BOM), GB18030/GBK or UTF-16, with LF or CRLF;
files over 8 MiB, PDFs, images and other binary files are refused with the reason.
Symbolic links are refused, not followed. A file that cannot be read or parsed,
or that overruns its time or memory limit, is reported with its path (and the
stage it stopped in) and skipped; the rest of the batch goes on, and its
previous JSON output is left untouched. A file whose bytes and parser are unchanged
since its JSON was written is not parsed again (the summary says how many were
reused). Files of one name in several formats
(x.xlsx and x.pdf) are each read: the same name does not make them the same
disclosure. The exactest format (workbook, PDF, HTML, Markdown, text) keeps the
output name, the others get their extension added (x-pdf.json); the CLI says so.
Files that are parts of one disclosure
(a 说明 volume without tables and a 报表 volume of the same department, year and
kind, as their content states) are joined into one document listing its parts;
the CLI says which and why. An output written from another source
file is never overwritten. Writes are atomic; temporary files left by an
interrupted run are removed. The default run (content/sources into
content/disclosures) also removes outputs whose source file is gone.
Exit status: 0 done; 1 --strict and a failure or unparsed text; 2 usage error.`;

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
      const names = originalsOnly((await readdir(p)).filter((n) => SOURCE_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)))).sort();
      // Links inside the folder are listed too, so that each is refused by name (lstat, in main) rather than followed.
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
async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) usageError(`${name} must be a positive number, not '${value}'`);
  return n;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  const n = positiveNumber(name, value, fallback);
  if (!Number.isInteger(n)) usageError(`${name} must be a whole number, not '${value}'`);
  return n;
}

/** An input that was read and needs no message yet; `parsed` is its parse when it was started ahead. */
interface Ready {
  ok: true;
  file: string;
  sha256: string;
  bytes: ArrayBuffer;
  slug: string | undefined;
  /** The cache's answer, or undefined when it is asked in input order. */
  unchanged: Recorded | null | undefined;
  parsed: Promise<ParseOutcome> | null;
}

type Prepared = Ready | { ok: false; message: string };

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        strict: { type: 'boolean', default: false },
        report: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'time-limit': { type: 'string' },
        'memory-limit': { type: 'string' },
        jobs: { type: 'string' },
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
  const timeLimit = positiveNumber('--time-limit', args.values['time-limit'], 300);
  const memoryLimit = positiveNumber('--memory-limit', args.values['memory-limit'], 2048);
  const jobs = positiveInteger('--jobs', args.values.jobs, availableParallelism());
  const defaultRun = args.positionals.length === 0 && args.values.out === undefined;
  const outDir = resolve(args.values.out ?? 'content/disclosures');
  const inputs = await expandInputs(args.positionals.length > 0 ? args.positionals : ['content/sources']);
  if (inputs.length === 0) usageError('no input files found');
  await mkdir(outDir, { recursive: true });
  await removeStaleTemporaries(outDir);
  const cache = await IngestCache.open(outDir);
  let reused = 0;

  const showProgress = process.stderr.isTTY && !args.values.quiet;
  const summary = emptySummary();
  const slugs = new Map<string, string>();
  let unparsedDocs = 0;
  const pool = new ParsePool(jobs, { timeMs: timeLimit * 1000, memoryMb: memoryLimit });
  const written: WrittenDocument[] = [];
  const rows = new Map<string, ReportRow>();
  const failedRows: ReportRow[] = [];

  const sameName = sameNameSuffixes(inputs);
  // Inputs of one file name in two folders share a cache entry, so whether the later one is reused depends on what
  // the earlier one recorded: it is decided in input order, not ahead.
  const nameCounts = new Map<string, number>();
  for (const file of inputs) nameCounts.set(basename(file), (nameCounts.get(basename(file)) ?? 0) + 1);
  const parse = (ready: Ready): Promise<ParseOutcome> =>
    // Never rejects: a parse that is started ahead may fail before its result is awaited.
    pool.parse({ bytes: ready.bytes, file: basename(ready.file), sha256: ready.sha256, slug: ready.slug }).catch(
      (error: Error): ParseOutcome => ({ ok: false, kind: 'parser', reason: error.message, line: null }),
    );

  /**
   * Everything about one input that does not depend on the inputs before it: checked, read, hashed, looked up in the
   * cache, and handed to the pool when it must be parsed. It runs ahead of the loop below, which takes the results
   * in input order, so that messages, outputs and the report are the same whatever order the parses end in.
   */
  const prepare = async (file: string): Promise<Prepared> => {
    try {
      const link = await lstat(file);
      if (link.isSymbolicLink()) {
        return { ok: false, message: `这是一个符号链接（快捷方式），为防止读取并公开来源目录以外的文件，不予处理；请把原文件本身复制到此处` };
      }
      const info = await stat(file);
      if (!info.isFile()) return { ok: false, message: info.isDirectory() ? 'it is a directory, not a file' : 'not a regular file' };
      if (info.size > MAX_INPUT_BYTES) {
        return { ok: false, message: `the file is ${info.size} bytes, over the ${MAX_INPUT_BYTES}-byte limit for one disclosure` };
      }
      const read = await readBounded(file, MAX_INPUT_BYTES);
      const sha256 = createHash('sha256').update(read).digest('hex');
      // A copy of exactly the file's bytes (a Buffer can be a view into a shared pool), handed over to the worker.
      const bytes = new ArrayBuffer(read.length);
      new Uint8Array(bytes).set(read);
      const renamed = sameName.get(file);
      const slug = renamed ? `${slugFor(basename(file), sha256)}${renamed.suffix}` : undefined;
      const ready: Ready = { ok: true, file, sha256, bytes, slug, unchanged: undefined, parsed: null };
      if (nameCounts.get(basename(file)) === 1) {
        ready.unchanged = await cache.reusable(basename(file), sha256);
        if (!ready.unchanged) ready.parsed = parse(ready);
      }
      return ready;
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      return { ok: false, message: err.code ? readFailure(err.code) : `the parser failed: ${err.message}` };
    }
  };
  const ahead = new Map<number, Promise<Prepared>>();
  // Enough inputs ahead to keep every worker busy while the loop writes, few enough that memory stays flat in N.
  const lookahead = 2 * jobs;
  let started = 0;

  for (const [i, file] of inputs.entries()) {
    while (started < Math.min(inputs.length, i + lookahead)) ahead.set(started, prepare(inputs[started++]));
    const prepared = await ahead.get(i)!;
    ahead.delete(i);
    const label = relative(process.cwd(), file) || file;
    if (showProgress) process.stderr.write(`\r\x1b[K[${i + 1}/${inputs.length}] ${label}`);
    const fail = (message: string, line: number | null = null) => {
      summary.failed++;
      failedRows.push(failedRow(label, message));
      if (showProgress) process.stderr.write('\r\x1b[K');
      process.stderr.write(`error: ${label}${line ? `:${line}` : ''}: ${message}\n`);
    };
    if (!prepared.ok) {
      fail(prepared.message);
      continue;
    }
    try {
      const { sha256, slug } = prepared;
      const accept = (result: Recorded) => {
        if (result.unparsed > 0) unparsedDocs++;
        for (const w of result.failureWarnings) process.stderr.write(`warning: ${label}: ${w}\n`);
        written.push({ ...result.companion, label, nonBlankLines: result.nonBlankLines });
        rows.set(result.slug, { ...result.reportRow, file: label });
      };
      const unchanged = prepared.unchanged === undefined ? await cache.reusable(basename(file), sha256) : prepared.unchanged;
      if (unchanged && !slugs.has(unchanged.slug)) {
        slugs.set(unchanged.slug, label);
        // Its tables, checks and lines count in the totals; as a document it counts as reused, not parsed.
        mergeSummary(summary, { ...unchanged.summary, documents: 0 });
        accept(unchanged);
        reused++;
        continue;
      }
      const renamed = sameName.get(file);
      if (renamed) {
        const kept = relative(process.cwd(), renamed.keeps) || renamed.keeps;
        process.stdout.write(`${label} 与 ${kept} 同名：同名文件未必是同一份公开文件，两者分别解析；${kept} 保留原输出名，${basename(file)} 的输出名为 ${slug}.json\n`);
      }
      const outcome = await (prepared.parsed ?? parse(prepared));
      if (!outcome.ok) {
        if (outcome.kind === 'time') fail(`处理耗用的 CPU 时间超过 ${timeLimit} 秒的上限，停在“${STAGE_NAMES[outcome.stage]}”阶段；已跳过此文件，其余文件照常处理（可用 --time-limit 放宽）`);
        else if (outcome.kind === 'memory') fail(`内存占用超过 ${memoryLimit} MB 的上限，停在“${STAGE_NAMES[outcome.stage]}”阶段；已跳过此文件，其余文件照常处理（可用 --memory-limit 放宽）`);
        else if (outcome.kind === 'read') fail(outcome.reason, outcome.line);
        else if (outcome.kind === 'parser') fail(`the parser failed: ${outcome.reason}`);
        continue;
      }
      const previous = slugs.get(outcome.slug);
      if (previous) {
        fail(`its output name ${outcome.slug}.json is already taken by ${previous} in this batch`);
        continue;
      }
      slugs.set(outcome.slug, label);
      const target = join(outDir, `${outcome.slug}.json`);
      const shownTarget = relative(process.cwd(), target) || target;
      const owner = await sourceOfOutput(target);
      if (owner === '') {
        fail(`输出文件 ${shownTarget} 已存在，但不是由来源文件生成的披露数据；为免覆盖，本文件未写出，请确认后删除或移走该文件`);
        continue;
      }
      if (owner !== null && owner !== basename(file)) {
        fail(`输出文件 ${shownTarget} 已由另一个来源文件“${owner}”生成；为免覆盖其数据，本文件未写出，请给本文件改名，或确认后先删除该输出文件`);
        continue;
      }
      try {
        await writeAtomically(target, outcome.json);
      } catch (error) {
        fail(`cannot write ${shownTarget} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        continue;
      }
      mergeSummary(summary, outcome.summary);
      const { json, ...result } = outcome;
      accept(result);
      cache.record(basename(file), sha256, json, result);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      fail(err.code ? readFailure(err.code) : `the parser failed: ${err.message}`);
    }
  }
  await pool.close();
  if (showProgress) process.stderr.write('\r\x1b[K');
  const joined = await joinWrittenCompanions(written, outDir, slugs, writeAtomically, (line) => process.stdout.write(`${line}\n`));
  for (const { doc, parts } of joined) {
    for (const p of parts) rows.delete(p.slug);
    const nonBlankLines = parts.reduce((n, p) => n + p.nonBlankLines, 0);
    rows.set(doc.slug, reportRow(doc, parts.map((p) => p.label).join(' + '), nonBlankLines));
    summary.documents -= parts.length - 1;
    // The parts' own JSON files are gone: they are parsed and joined again next time.
    for (const p of parts) cache.forget(p.file);
  }
  await cache.save();
  if (args.values.report) {
    const reportPath = resolve(args.values.report);
    await writeReport(reportPath, [...rows.values(), ...failedRows]);
    process.stdout.write(`report: ${relative(process.cwd(), reportPath) || reportPath}\n`);
  }
  if (defaultRun) {
    const sources = (await readdir('content/sources')).filter((n) => SOURCE_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)));
    for (const removed of await removeStale(outDir, new Set(sources))) {
      process.stderr.write(`已删除过期输出 ${relative(process.cwd(), removed)}：其来源文件已不在 content/sources 中\n`);
    }
  }
  process.stdout.write(`${formatSummary(summary)}\nreused: ${reused} unchanged (same source and parser, not parsed again)\noutput: ${relative(process.cwd(), outDir) || outDir}\n`);
  return args.values.strict && (summary.failed > 0 || unparsedDocs > 0) ? 1 : 0;
}

process.exitCode = await main();
