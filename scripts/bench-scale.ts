/**
 * The scale benchmark (`npm run bench -- --n N`): a synthetic corpus of N disclosures goes through ingest, astro
 * build and Pagefind, each step a child process measured by /usr/bin/time (wall and CPU seconds, peak RSS), beside a
 * floor: N plain pages of the same text through an Astro content collection and Pagefind, built in the same run.
 * With --shards the site is built as a province's is, in one command (`npm run shard -- --build --sources`), and the
 * floor as the same shards of plain pages, as many at once as the shard build runs: an Astro site of one collection
 * cannot hold N = 10,000 texts, the floor's either (its data store is one string; docs/benchmarks.md). Then the output is measured (files and bytes per disclosure, the largest page gzipped) and, with Chromium, the
 * bytes and time of a first and a second search.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { measureSearch, type SearchFigures } from './bench-search.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';
import { slugFor } from '../src/ingest/slug.ts';

export interface StepFigures {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
}

const NODE = resolve('node_modules/.bin/node');
const ASTRO = resolve('node_modules/astro/bin/astro.mjs');

/**
 * The process tree under `root` from /proc: resident memory summed over the tree now, and CPU seconds per process
 * (kept per pid, since a child's time is gone from /proc once it exits). Pagefind's indexer is a separate binary
 * that its Node API starts, so the tree is what a step costs, not the Node process alone.
 */
function sampleTree(root: number, cpu: Map<number, number>): number {
  const parents = new Map<number, number>();
  const stats = new Map<number, string[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      stats.set(Number(name), fields);
    } catch {
      // the process ended between the listing and the read
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  let rssPages = 0;
  for (const [pid, fields] of stats) {
    if (!inTree(pid)) continue;
    rssPages += Number(fields[21]);
    cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
  }
  return (rssPages * PAGE_BYTES) / 2 ** 20;
}

/** Linux's USER_HZ: /proc gives CPU times in these ticks. */
export const CLOCK_TICKS = 100;
const PAGE_BYTES = 4096;

/** Runs a command, sampling its process tree every 200 ms; its own output is shown only when it fails. */
export async function timed(command: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Promise<StepFigures> {
  const start = performance.now();
  const child = spawn(command[0], command.slice(1), { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-8000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-8000)));
  const cpu = new Map<number, number>();
  let peakRssMiB = 0;
  const timer = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, sampleTree(child.pid!, cpu))), 200);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${command.join(' ')} failed:\n${output}`);
  return {
    wallSeconds: (performance.now() - start) / 1000,
    cpuSeconds: [...cpu.values()].reduce((a, b) => a + b, 0),
    peakRssMiB,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** N plain pages through a content collection and one template: what any Astro + Pagefind site of N pages costs. */
function writeFloorSite(root: string, sources: string[]): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'entries'), { recursive: true });
  mkdirSync(join(root, 'src', 'pages'), { recursive: true });
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(join(root, 'entries', `${basename(file, '.txt').toLowerCase()}.json`), JSON.stringify({ title: text.split('\n', 1)[0], text }));
  }
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ build: { format: 'directory' } });\n");
  writeFileSync(
    join(root, 'src', 'content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\n" +
      "export const collections = { pages: defineCollection({ loader: glob({ pattern: '*.json', base: './entries' }), schema: z.object({ title: z.string(), text: z.string() }) }) };\n",
  );
  writeFileSync(
    join(root, 'src', 'pages', '[slug].astro'),
    "---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('pages')).map((e) => ({ params: { slug: e.id }, props: { entry: e.data } }));\n}\nconst { entry } = Astro.props;\n---\n" +
      '<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.title}</title></head><body><main data-pagefind-body><h1>{entry.title}</h1><pre>{entry.text}</pre></main></body></html>\n',
  );
}

/** What a file of the built site is, for the per-disclosure breakdown (docs/benchmarks.md). */
export function distKind(path: string): string {
  const rules: [RegExp, string][] = [
    [/^d\/[^/]+\/index\.html$/, 'disclosure page'],
    [/^d\/[^/]+\/targets\/index\.html$/, 'targets page'],
    [/^d\/[^/]+\/text\/index\.html$/, 'text page'],
    [/^d\/[^/]+\/t\/[^/]+\/(\d+\/)?index\.html$/, 'table page'],
    [/^data\/[^/]+\.json(\.gz)?$/, 'disclosure JSON'],
    [/^sources\//, 'original'],
    [/^departments\/[du]-[0-9a-f]+\/index\.html$/, 'department page'],
    [/^compare\/names\/\d+\.json$/, 'compare name index'],
    [/^pagefind\/fragment\/[^/]*_group_/, 'search fragment group'],
    [/^pagefind\/fragment\//, 'search fragment'],
    [/^pagefind\/index\//, 'search index chunk'],
    [/^pagefind\//, 'search script, WebAssembly, metadata, filters'],
    [/^(glossary|functions)\//, 'glossary and function pages'],
    [/^(data\/(all-rows|department-series)\.csv\.gz|datapackage\.json)$/, 'corpus downloads (all-rows.csv.gz, department-series.csv.gz, datapackage.json)'],
    [/^((documents|data|departments|projects|three-public|execution)\/(\d+\/)?)?index\.html$|^sitemap(-\d+)?\.xml$/, 'listings and sitemap'],
  ];
  return rules.find(([re]) => re.test(path))?.[1] ?? 'shared (scripts, styles, search and compare pages, 404)';
}

/**
 * The kinds of file there is one of per disclosure or per department (and the search fragments of those pages, the
 * index chunks their words fill, the compare name index their names fill): what the disclosures add to a site, as
 * against the site's own files (listings, glossary and function pages, scripts, Pagefind's own), whose number does
 * not grow with the disclosures. The budget of files and bytes a disclosure (issue 15) is a question about the first.
 */
const ADDED_BY_DISCLOSURES = new Set(['disclosure page', 'disclosure JSON', 'original', 'targets page', 'text page', 'table page', 'department page', 'compare name index', 'search index chunk', 'search fragment group']);

/** What the disclosures and their departments add, and the rest, from the breakdown by kind (totals, not per disclosure). */
export function splitByKind(byKind: Record<string, { files: number; kib: number }>): Record<'added' | 'site', { files: number; kib: number }> {
  const split = { added: { files: 0, kib: 0 }, site: { files: 0, kib: 0 } };
  for (const [kind, k] of Object.entries(byKind)) {
    const part = split[ADDED_BY_DISCLOSURES.has(kind.replace(/^search fragment of a /, '')) ? 'added' : 'site'];
    part.files += k.files;
    part.kib += k.kib;
  }
  return split;
}

/** The page a Pagefind fragment was made from (its url, under the base), so that fragments are counted by page kind. */
export function fragmentPage(fragment: Buffer, base = '/'): string {
  const text = gunzipSync(fragment).toString('utf8');
  const url = (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  return `${decodeURI(url).slice(base.length)}index.html`.replace(/\.html\/?index\.html$/, '.html');
}

export interface ScaleFigures {
  n: number;
  seed: number;
  /** Consecutive years each synthetic department publishes (1: a department a document). */
  years: number;
  sourceMiB: number;
  /** One site: ingest, astro build and Pagefind each a step, and the floor's two steps beside the last two. */
  site?: {
    ingest: StepFigures & { mibPerSecond: number };
    astro: StepFigures;
    pagefind: StepFigures;
    floorAstro: StepFigures;
    floorPagefind: StepFigures;
  };
  /**
   * Shards: the whole build one step (ingest to the shard plan's write, whose wall time gives the ingest's
   * throughput), the floor's shards another.
   */
  sharded?: {
    shards: number;
    whole: StepFigures & { ingestWallSeconds: number; mibPerSecond: number };
    floor: StepFigures;
  };
  dist: { files: number; mib: number; filesPerDocument: number; kibPerDocument: number; byKind: Record<string, { files: number; kib: number }> };
  largestPage: { path: string; kib: number; gzipKib: number };
  search: SearchFigures[] | null;
}

interface PlannedShard {
  name: string;
  base: string;
  slugs: string[];
}

/** A run's name: N, -yK for K years a department, -shards for a sharded build. */
function scaleName(n: number, years: number, shards: boolean): string {
  return `${n}${years > 1 ? `-y${years}` : ''}${shards ? '-shards' : ''}`;
}

/** The caches a run before would leave and a first build on a new machine has not: each run is measured cold. */
const CACHES = ['node_modules/.cache/ingest', 'node_modules/.cache/validated', 'node_modules/.astro-content'];

/** The whole run for one N; the work folder is test-output/bench-scale/ and the run's name. */
export async function runScaleBench(n: number, seed: number, withSearch: boolean, years = 1, shards = false): Promise<ScaleFigures> {
  const work = resolve('test-output', 'bench-scale', scaleName(n, years, shards));
  const sources = join(work, 'sources');
  const disclosures = join(work, 'disclosures');
  const floor = join(work, 'floor');
  const log = (line: string) => process.stderr.write(`[bench n=${n}] ${line}\n`);

  log('generating the corpus');
  const corpus = writeSyntheticCorpus(sources, n, seed, years);
  const sourceMiB = corpus.bytes / 2 ** 20;
  rmSync(disclosures, { recursive: true, force: true });
  for (const cache of CACHES) rmSync(cache, { recursive: true, force: true });
  let site: ScaleFigures['site'];
  let sharded: ScaleFigures['sharded'];
  let dist: string;
  let plan: PlannedShard[] = [];
  if (shards) {
    const out = join(work, 'shards');
    log('the whole build (npm run shard -- --build --sources)');
    const started = Date.now();
    const whole = await timed([NODE, 'scripts/shard.ts', '--out', out, '--build', '--sources', sources, disclosures]);
    const ingestWallSeconds = (statSync(join(out, 'shards.json')).mtimeMs - started) / 1000;
    plan = JSON.parse(readFileSync(join(out, 'shards.json'), 'utf8')) as PlannedShard[];
    dist = join(out, 'site');
    log(`floor: ${plan.length} shards of plain pages`);
    const sourceOf = new Map(corpus.files.map((file) => [slugFor(basename(file), ''), file]));
    rmSync(floor, { recursive: true, force: true });
    const roots = plan.map((shard) => {
      const root = join(floor, shard.name);
      writeFloorSite(
        root,
        shard.slugs.map((slug) => sourceOf.get(slug) ?? fail(`no source of ${slug}`)),
      );
      return root;
    });
    const floorStep = await timed([NODE, 'scripts/bench-floor.ts', '--jobs', String(availableParallelism()), ...roots]);
    sharded = { shards: plan.length, whole: { ...whole, ingestWallSeconds, mibPerSecond: sourceMiB / ingestWallSeconds }, floor: floorStep };
  } else {
    dist = join(work, 'dist');
    log('ingest');
    const ingest = await timed([NODE, 'scripts/ingest.ts', '--quiet', '--out', disclosures, sources]);
    log('astro build');
    const astro = await timed([NODE, ASTRO, 'build', '--outDir', dist], { CONTENT_DIR: disclosures });
    log('pagefind');
    const pagefind = await timed([NODE, 'scripts/index-search.ts', dist]);
    log('floor: astro build');
    writeFloorSite(floor, corpus.files);
    const floorAstro = await timed([NODE, ASTRO, 'build', '--root', floor], {}, floor);
    log('floor: pagefind');
    const floorPagefind = await timed([NODE, 'scripts/index-search.ts', join(floor, 'dist')]);
    site = { ingest: { ...ingest, mibPerSecond: sourceMiB / ingest.wallSeconds }, astro, pagefind, floorAstro, floorPagefind };
  }

  const files = filesUnder(dist);
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  const byKind: Record<string, { files: number; kib: number }> = {};
  for (const f of files) {
    // A shard's files are kinds of file under its path.
    let path = f.slice(dist.length + 1);
    const shard = plan.find((s) => path.startsWith(`${s.name}/`));
    if (shard) path = path.slice(shard.name.length + 1);
    let name = distKind(path);
    if (name === 'search fragment') name = `search fragment of a ${distKind(fragmentPage(readFileSync(f), shard?.base))}`;
    const kind = (byKind[name] ??= { files: 0, kib: 0 });
    kind.files++;
    kind.kib += statSync(f).size / 1024;
  }
  // The budget is on the compressed page (60 KB gzip), and the largest file is not always the largest once gzipped:
  // a table's repeated markup compresses far better than prose.
  const largest = files
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const bytes = readFileSync(f);
      return { path: f, size: bytes.length, gzip: gzipSync(bytes).length };
    })
    .reduce((a, b) => (b.gzip > a.gzip ? b : a));
  log('search');
  // A sharded site's search page is each shard's; the first shard's searches them all.
  const search = withSearch ? await measureSearch(dist, undefined, plan[0]?.base.replace(/^\//, '') ?? '') : null;
  return {
    n,
    seed,
    years,
    sourceMiB,
    site,
    sharded,
    dist: { files: files.length, mib: bytes / 2 ** 20, filesPerDocument: files.length / n, kibPerDocument: bytes / 1024 / n, byKind },
    largestPage: {
      path: largest.path.slice(dist.length + 1),
      kib: largest.size / 1024,
      gzipKib: largest.gzip / 1024,
    },
    search,
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** One table row in the shape of docs/benchmarks.md: one site's, or a sharded build's (SHARDED_TABLE_HEAD). */
export function formatScaleRow(f: ScaleFigures): string {
  const s = (step: StepFigures) => `${step.wallSeconds.toFixed(1)} s (CPU ${step.cpuSeconds.toFixed(1)} s, ${Math.round(step.peakRssMiB)} MiB)`;
  const ratio = (a: StepFigures, b: StepFigures) => `${(a.wallSeconds / b.wallSeconds).toFixed(1)}×`;
  const [load, first, second] = f.search ?? [];
  const searchCell = (x: SearchFigures | undefined) => (x ? `${(x.bytes / 1024).toFixed(0)} KiB, ${x.requests} req, ${x.milliseconds} ms` : '–');
  const built = f.sharded
    ? [
        `${s(f.sharded.whole)}; ${ratio(f.sharded.whole, f.sharded.floor)} floor (CPU ${(f.sharded.whole.cpuSeconds / f.sharded.floor.cpuSeconds).toFixed(1)}×)`,
        `${f.sharded.whole.ingestWallSeconds.toFixed(1)} s; ${f.sharded.whole.mibPerSecond.toFixed(2)} MiB/s`,
        `${f.sharded.shards} shards: ${s(f.sharded.floor)}`,
      ]
    : [
        `${s(f.site!.ingest)}; ${f.site!.ingest.mibPerSecond.toFixed(2)} MiB/s`,
        `${s(f.site!.astro)}; ${ratio(f.site!.astro, f.site!.floorAstro)} floor`,
        `${s(f.site!.pagefind)}; ${ratio(f.site!.pagefind, f.site!.floorPagefind)} floor`,
        `${s(f.site!.floorAstro)} + ${s(f.site!.floorPagefind)}`,
      ];
  return [
    `| ${f.n}`,
    ...built,
    `${f.dist.mib.toFixed(1)} MiB, ${f.dist.files} files (${f.dist.kibPerDocument.toFixed(0)} KiB, ${f.dist.filesPerDocument.toFixed(1)} files per doc)`,
    `${f.largestPage.gzipKib.toFixed(1)} KiB (${f.largestPage.path})`,
    searchCell(load),
    searchCell(first),
    `${searchCell(second)} |`,
  ].join(' | ');
}

const MEASURED_HEAD = '| dist | largest page gzip | search page load | first search | second search |';
export const SCALE_TABLE_HEAD = `| N | ingest (wall, CPU, peak RSS; throughput) | astro build | pagefind | floor: astro + pagefind ${MEASURED_HEAD}\n|---|---|---|---|---|---|---|---|---|---|`;
export const SHARDED_TABLE_HEAD = `| N | whole build (wall, CPU, peak RSS of all its processes) | ingest (to the shard plan; throughput) | floor: the same shards of plain pages ${MEASURED_HEAD}\n|---|---|---|---|---|---|---|---|---|`;

export function printScale(figures: ScaleFigures): void {
  process.stdout.write(`${figures.sharded ? SHARDED_TABLE_HEAD : SCALE_TABLE_HEAD}\n${formatScaleRow(figures)}\n`);
  const kinds = Object.entries(figures.dist.byKind).sort((a, b) => b[1].kib - a[1].kib);
  process.stdout.write(`\n| dist per disclosure (N = ${figures.n}) | files | KiB |\n|---|---|---|\n`);
  for (const [kind, k] of kinds) process.stdout.write(`| ${kind} | ${(k.files / figures.n).toFixed(2)} | ${(k.kib / figures.n).toFixed(1)} |\n`);
  const { added, site } = splitByKind(figures.dist.byKind);
  const per = (k: { files: number; kib: number }) => `${(k.files / figures.n).toFixed(2)} files, ${(k.kib / figures.n).toFixed(1)} KiB`;
  process.stdout.write(`\nWhat the disclosures and their departments add: ${per(added)} a disclosure; the site's own files: ${per(site)} a disclosure (${site.files} files).\n`);
  mkdirSync('test-output', { recursive: true });
  const name = scaleName(figures.n, figures.years, figures.sharded !== undefined);
  writeFileSync(join('test-output', `bench-scale-${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
