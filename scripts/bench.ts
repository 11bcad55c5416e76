#!/usr/bin/env node
/**
 * Speed and size, measured: parse time per document, batch throughput, and (with --build) build time and the size
 * of what readers download. Figures go to stdout and to test-output/bench.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { parseDisclosure } from '../src/ingest/parse-disclosure.ts';
import { serializeDisclosure } from '../src/ingest/serialize.ts';
import { readSource } from '../src/ingest/sources/index.ts';
import { openPdf } from '../src/ingest/sources/pdf/index.ts';
import { chosenLibrary } from '../src/ingest/sources/pdf/layer.ts';
import { median } from './bench-figures.ts';
import { CLOCK_TICKS, printScale, runScaleBench } from './bench-scale.ts';
import { formatSearch, formatSearchMedians, measureSearch, SEARCH_QUERIES, type SearchFigures } from './bench-search.ts';

const HELP = `Usage: npm run bench -- [--runs N] [--build] [--pdf]
       npm run bench -- --n N [--seed S] [--years K] [--shards] [--no-search]
       npm run bench -- --search DIR[,DIR2…] [--at PATH] [--runs N] [--queries Q1,Q2…]
       npm run bench -- --compare REF [--corpus DIR[,DIR2…]] [--sample K] [--passes P] [--allow-diff]

  --runs N   parse each document N times and report the median (default 15)
  --no-big   leave out the big document (every seed 27 times, about 8 MB): its JSON size, the memory its
             parse needs (smallest heap less the idle worker's), the memory the document keeps and the
             process's peak resident memory, each as a ratio to its size
  --build    also time 'npm run build' and measure dist/ (sizes raw and gzipped) and a first and a second search
             in Chromium (bytes and time)
  --pdf      also read every PDF of ../shared/samples (and other-provinces/) in pages per second, beside
             'pdftotext -layout' on the same files as the floor; then a second pass in the same process (V8
             warm, as a batch's long-lived workers read) of the reader and of pdf.js's text extraction alone;
             PDF_TEXT_LAYER=pdfium in the environment times the reader with PDFium instead
  --n N      scale: a synthetic corpus of N disclosures (seed S, default 1) through ingest, astro build and
             Pagefind beside a floor build of N plain pages; peak memory, output size, search in Chromium
             (--no-search skips the browser); work in test-output/bench-scale/N; --years K gives each
             synthetic department K consecutive years of one text (default 1: a department a document);
             --shards builds it as a province's is, in one command (npm run shard -- --build --sources:
             ingest, shards and their search indexes), beside a floor of the same shards of plain pages built
             as many at once; work in test-output/bench-scale/N-shards. Every run starts with the ingest's,
             the validation's and Astro's caches emptied: a cold build
  --search DIR  only the search in Chromium, on a site already built in DIR (e.g. dist), N times (default 1)
             with a fresh browser each, then the median of each step's times; several DIRs, comma-separated,
             are measured in turn run by run; --queries replaces the two benchmark queries; --at PATH measures
             the search page under that path of DIR (a shard of a sharded site, e.g. r-e69f6da617/)
  --compare REF  parse CPU of the working tree against git revision REF (its src/ and scripts/ extracted to
             test-output/compare/): both sides' ingest parse threads in this one process, given each document in
             turn, the order alternating per document, so that a shared machine's load falls on both alike; thread
             CPU a side and pass (new threads each pass), the ratio, and its median over the passes and over the
             documents. Fails when a document's output (JSON, summary, report row) differs, unless --allow-diff
  --corpus DIR  the documents to compare on: files, or folders' documents (default: the bundled sources and
             the texts of ../shared/samples); --sample K takes every k-th by name, at most K (default 300);
             --passes P passes over them (default 3)`;

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    build: { type: 'boolean', default: false },
    pdf: { type: 'boolean', default: false },
    'no-big': { type: 'boolean', default: false },
    n: { type: 'string' },
    seed: { type: 'string', default: '1' },
    years: { type: 'string', default: '1' },
    'no-search': { type: 'boolean', default: false },
    shards: { type: 'boolean', default: false },
    search: { type: 'string' },
    queries: { type: 'string' },
    at: { type: 'string', default: '' },
    compare: { type: 'string' },
    corpus: { type: 'string' },
    sample: { type: 'string', default: '300' },
    passes: { type: 'string', default: '3' },
    'allow-diff': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const sources = [
  ...readdirSync('content/sources').map((f) => join('content/sources', f)),
  ...(existsSync('../shared/samples')
    ? readdirSync('../shared/samples').filter((f) => f.endsWith('.txt')).map((f) => join('../shared/samples', f))
    : []),
].sort();
if (values.compare) {
  // Loaded only here: the parse worker sets the ingest's V8 flags for the whole process, which the other
  // measurements, of the parser in this thread, must not take.
  const { runCompare } = await import('./bench-compare.ts');
  const whole = (value: string) => Math.max(1, Math.floor(Number(value)) || 1);
  const same = await runCompare({
    ref: values.compare,
    corpus: values.corpus?.split(',') ?? sources,
    corpusName: values.corpus ?? 'content/sources and the texts of ../shared/samples',
    sample: whole(values.sample),
    passes: whole(values.passes),
    allowDiff: values['allow-diff'],
  });
  process.exit(same ? 0 : 1);
}
if (values.n) {
  printScale(await runScaleBench(Number(values.n), Number(values.seed), !values['no-search'], Math.max(1, Math.floor(Number(values.years)) || 1), values.shards));
  process.exit(0);
}
if (values.search) {
  // Without a build: a change to the search page's script is measured against the dist it was built into. Several
  // builds (DIR,DIR2) are measured in turn, run by run, so that a shared machine's load falls on each alike.
  const dirs = values.search.split(',');
  const times = Math.max(1, Number(values.runs ?? 1) || 1);
  const trimmed = values.at.replace(/^\/+|\/+$/g, '');
  const searchPath = trimmed ? `${trimmed}/` : '';
  const all = new Map<string, SearchFigures[][]>(dirs.map((dir) => [dir, []]));
  for (let i = 0; i < times; i++) {
    for (const dir of dirs) {
      const load = loadavg()[0].toFixed(1);
      const figures = await measureSearch(dir, values.queries?.split(',') ?? SEARCH_QUERIES, searchPath);
      if (!figures) throw new Error('no Chromium found (install Debian\'s chromium or set CHROMIUM_PATH)');
      process.stdout.write(`${dir}, run ${i + 1} of ${times}, load average ${load}\n${formatSearch(figures)}\n`);
      all.get(dir)!.push(figures);
    }
  }
  for (const [dir, runs] of all) process.stdout.write(`${dir}: ${formatSearchMedians(runs)}\n`);
  process.exit(0);
}
const runs = Math.max(1, Number(values.runs ?? 15) || 15);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const parse: Array<{ file: string; bytes: number; lines: number; medianMs: number; jsonBytes: number }> = [];
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  const source = { file, sha256: '0'.repeat(64), format: 'text' as const, encoding: 'utf-8' };
  parseDisclosure(text, source); // warm-up: JIT and regex compilation are not what a batch pays per file
  const times: number[] = [];
  let json = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const doc = parseDisclosure(text, source);
    times.push(performance.now() - start);
    json = serializeDisclosure(doc);
  }
  parse.push({ file, bytes: Buffer.byteLength(text), lines: text.split('\n').length, medianMs: median(times), jsonBytes: Buffer.byteLength(json) });
}

const totalMs = parse.reduce((a, p) => a + p.medianMs, 0);
const totalBytes = parse.reduce((a, p) => a + p.bytes, 0);
process.stdout.write(`parse (median of ${runs} runs, node ${process.version})\n`);
for (const p of parse) {
  process.stdout.write(
    `  ${p.file.padEnd(80)} ${String(p.lines).padStart(5)} lines ${p.medianMs.toFixed(1).padStart(7)} ms  JSON ${kib(p.jsonBytes)} (${(p.jsonBytes / p.bytes).toFixed(2)}×)\n`,
  );
}
process.stdout.write(`  total ${parse.length} documents, ${kib(totalBytes)} in ${totalMs.toFixed(1)} ms: ${((totalBytes / 1024 / 1024) / (totalMs / 1000)).toFixed(2)} MiB/s, ${(parse.length / (totalMs / 1000)).toFixed(1)} documents/s\n`);

interface SiteFigures {
  buildSeconds: number;
  files: number;
  totalBytes: number;
  htmlBytes: number;
  pagefindBytes: number;
  largestPage: { path: string; bytes: number; gzipBytes: number };
}
let site: SiteFigures | null = null;
let search: SearchFigures[] | null = null;
if (values.build) {
  const start = performance.now();
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const buildSeconds = (performance.now() - start) / 1000;
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else all.push(path);
    }
  };
  walk('dist');
  const size = (f: string) => statSync(f).size;
  const html = all.filter((f) => f.endsWith('.html'));
  const largest = html.reduce((a, f) => (size(f) > size(a) ? f : a), html[0]);
  site = {
    buildSeconds,
    files: all.length,
    totalBytes: all.reduce((a, f) => a + size(f), 0),
    htmlBytes: html.reduce((a, f) => a + size(f), 0),
    pagefindBytes: all.filter((f) => f.startsWith(join('dist', 'pagefind'))).reduce((a, f) => a + size(f), 0),
    largestPage: { path: largest, bytes: size(largest), gzipBytes: gzipSync(readFileSync(largest)).length },
  };
  process.stdout.write(`build: ${buildSeconds.toFixed(1)} s (npm run build: ingest + astro build + pagefind)\n`);
  process.stdout.write(`dist: ${site.files} files, ${kib(site.totalBytes)}; HTML ${kib(site.htmlBytes)}; search index ${kib(site.pagefindBytes)}\n`);
  process.stdout.write(`largest page: ${largest} ${kib(site.largestPage.bytes)} (${kib(site.largestPage.gzipBytes)} gzipped)\n`);
  search = await measureSearch('dist');
  if (search) process.stdout.write(`${formatSearch(search)}\n`);
}

interface PdfFigures {
  files: number;
  pages: number;
  pdftotextSeconds: number;
  readSeconds: number;
  ingestSeconds: number;
  /** CPU seconds of the same three: on a shared machine the wall clock counts other processes' turns too. */
  pdftotextCpuSeconds: number;
  readCpuSeconds: number;
  ingestCpuSeconds: number;
  /** The second pass: the reader again, then pdf.js's `getTextContent` on every page and nothing of ours. */
  warmReadCpuSeconds: number;
  textOnlyCpuSeconds: number;
}

/** CPU seconds of this process's ended children (pdftotext), from /proc: Node gives no rusage of children. */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/** CPU seconds of this process, all its threads (pdf.js's worker runs in this thread, as a fake worker). */
function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * PDF input against its floor: `pdftotext -layout` (a C++ program, process start included, as a batch would run it)
 * and this reader on the same files, each file once after one warm-up read; then reading plus parsing.
 */
async function benchPdf(): Promise<PdfFigures | null> {
  const dirs = ['../shared/samples', '../shared/samples/other-provinces'].filter((d) => existsSync(d));
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.toLowerCase().endsWith('.pdf')).map((f) => join(d, f))).sort();
  if (files.length === 0) {
    process.stdout.write('pdf: no PDFs in ../shared/samples\n');
    return null;
  }
  const figures: PdfFigures = {
    files: files.length,
    pages: 0,
    pdftotextSeconds: 0,
    readSeconds: 0,
    ingestSeconds: 0,
    pdftotextCpuSeconds: 0,
    readCpuSeconds: 0,
    ingestCpuSeconds: 0,
    warmReadCpuSeconds: 0,
    textOnlyCpuSeconds: 0,
  };
  await readSource(readFileSync(files[0]));
  for (const file of files) {
    const bytes = readFileSync(file);
    let start = performance.now();
    const childCpu = childrenCpuSeconds();
    execFileSync('pdftotext', ['-layout', '-q', file, '-'], { maxBuffer: 1 << 28 });
    figures.pdftotextSeconds += (performance.now() - start) / 1000;
    figures.pdftotextCpuSeconds += childrenCpuSeconds() - childCpu;
    start = performance.now();
    const cpu = ownCpuSeconds();
    const read = await readSource(bytes);
    figures.readSeconds += (performance.now() - start) / 1000;
    figures.readCpuSeconds += ownCpuSeconds() - cpu;
    if (!read.ok) throw new Error(`${file}: ${read.reason}`);
    const { format, encoding, pageStarts, lineBoxes, pageRules, lineGlyphs, pageTurns } = read;
    parseDisclosure(read.text, { file, sha256: '0'.repeat(64), format, encoding, pageStarts, lineBoxes, pageRules, lineGlyphs, pageTurns });
    figures.ingestSeconds += (performance.now() - start) / 1000;
    figures.ingestCpuSeconds += ownCpuSeconds() - cpu;
    figures.pages += read.pageStarts.length + 1;
  }
  // The reader's part that is pdf.js's own: with V8 warm, its text extraction alone against the whole reader.
  for (const file of files) {
    const bytes = readFileSync(file);
    let cpu = ownCpuSeconds();
    await readSource(bytes);
    figures.warmReadCpuSeconds += ownCpuSeconds() - cpu;
    cpu = ownCpuSeconds();
    const task = await openPdf(bytes);
    const doc = await task.promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getTextContent();
      page.cleanup();
    }
    await task.destroy();
    figures.textOnlyCpuSeconds += ownCpuSeconds() - cpu;
  }
  const READER = chosenLibrary() === 'pdfium' ? 'PDFium' : 'pdf.js';
  const rate = (s: number) => (figures.pages / s).toFixed(1).padStart(7);
  const row = (label: string, s: number, cpu: number, floor = '') => `  ${label.padEnd(27)}${rate(s)} pages/s, CPU ${rate(cpu)} pages/s${floor}\n`;
  const ratio = (s: number, cpu: number) => `  (${(s / figures.pdftotextSeconds).toFixed(2)}× the floor's time, CPU ${(cpu / figures.pdftotextCpuSeconds).toFixed(2)}×)`;
  process.stdout.write(`pdf: ${figures.files} files, ${figures.pages} pages\n`);
  process.stdout.write(row('pdftotext -layout (floor)', figures.pdftotextSeconds, figures.pdftotextCpuSeconds));
  process.stdout.write(row(`PDF reader (${READER})`, figures.readSeconds, figures.readCpuSeconds, ratio(figures.readSeconds, figures.readCpuSeconds)));
  process.stdout.write(row('PDF reader + parse', figures.ingestSeconds, figures.ingestCpuSeconds, ratio(figures.ingestSeconds, figures.ingestCpuSeconds)));
  const cpuRow = (label: string, cpu: number) => `  ${label.padEnd(27)}${' '.repeat(15)}CPU ${rate(cpu)} pages/s  (CPU ${(cpu / figures.pdftotextCpuSeconds).toFixed(2)}× the floor)\n`;
  process.stdout.write('  second pass, V8 warm:\n');
  process.stdout.write(cpuRow(`PDF reader (${READER})`, figures.warmReadCpuSeconds));
  process.stdout.write(cpuRow('pdf.js getTextContent alone', figures.textOnlyCpuSeconds));
  return figures;
}
const pdf = values.pdf ? await benchPdf() : null;

interface BigFigures {
  sourceBytes: number;
  jsonBytes: number;
  /** The worker before it reads the text, parser loaded: heap + external memory, and resident memory. */
  idleHeapBytes: number;
  idleRssBytes: number;
  retainedBytes: number;
  peakRssBytes: number;
  /** The smallest --max-old-space-size (MiB, in steps of 4) the document parses and serializes in. */
  minHeapMb: number | null;
}

/**
 * The issue-16 document: every seed 27 times, about 8 MB. Each figure comes from a fresh process
 * (scripts/bench-memory.ts) so that the bench's own heap is not counted; the smallest heap is found by halving.
 * The memory the parse needs is that heap less the same worker's idle heap: Node and the loaded parser are not the
 * parse's (the process's peak resident memory, also printed, counts them and the heap V8 grows before collecting).
 */
function benchBig(): BigFigures {
  const seeds = readdirSync('content/sources').filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join('content/sources', f), 'utf8'));
  const text = Array.from({ length: 27 }, () => seeds.join('')).join('');
  const measure = (heapMb: number | null) =>
    JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), 'scripts/bench-memory.ts'], {
        input: text,
        stdio: ['pipe', 'pipe', 'ignore'],
        maxBuffer: 1 << 20,
      }).toString(),
    ) as Omit<BigFigures, 'minHeapMb'>;
  const figures = measure(null);
  let [lo, hi] = [16, 1024];
  const fits = (mb: number) => {
    try {
      measure(mb);
      return true;
    } catch {
      return false;
    }
  };
  if (!fits(hi)) return { ...figures, minHeapMb: null };
  while (hi - lo > 4) {
    const mid = Math.round((lo + hi) / 8) * 4;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return { ...figures, minHeapMb: hi };
}

const big = values['no-big'] ? null : benchBig();
if (big) {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const ratio = (bytes: number) => `${(bytes / big.sourceBytes).toFixed(1)}×`;
  const line = (label: string, bytes: number, note = '') => process.stdout.write(`  ${label.padEnd(48)} ${mb(bytes).padStart(9)}  ${ratio(bytes)}${note}\n`);
  process.stdout.write(`big document (every seed 27 times): ${mb(big.sourceBytes)}\n`);
  line('JSON', big.jsonBytes, ' the source');
  if (big.minHeapMb) line('memory the parse needs (heap above idle worker)', big.minHeapMb * 1024 * 1024 - big.idleHeapBytes, `  (smallest heap ${big.minHeapMb} MiB, idle ${mb(big.idleHeapBytes)})`);
  line('memory the parsed document keeps', big.retainedBytes);
  line('peak resident memory above the idle worker', big.peakRssBytes - big.idleRssBytes, `  (process peak ${mb(big.peakRssBytes)})`);
}

mkdirSync('test-output', { recursive: true });
writeFileSync('test-output/bench.json', `${JSON.stringify({ node: process.version, runs, parse, big, site, search, pdf }, null, 2)}\n`);
