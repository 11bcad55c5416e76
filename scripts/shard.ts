#!/usr/bin/env node
/**
 * Splits the parsed corpus into shards (scripts/shard-plan.ts) and, with --build, builds each as its own site with
 * its own search index into one folder that a static host serves as one site, then the site's search catalog
 * (scripts/search-catalog.ts). Each shard's build is independent: on separate machines or CI jobs, run the printed
 * command of each shard, copy its output under its path, then run the catalog's command once. With --sources it runs
 * the ingest first (scripts/ingest-run.ts), in this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { cp, copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { packShards, planShards, shardBuildEnv, type Shard, type ShardBy, type ShardDoc } from './shard-plan.ts';
import { runIngest, type IngestedDocument } from './ingest-run.ts';
import { argumentProblem, numberOption, usageError } from './cli-messages.ts';
import { disclosure } from '../src/schema/disclosure.ts';
import { checkedValue, readJson } from '../src/site/disclosure-file.ts';
import { jsonMembers } from '../src/site/json-members.ts';
import { SHARD_FRAGMENT_GROUP } from '../src/site/search-shards.ts';
import { escapeHtml } from '../src/site/escape-html.ts';

/**
 * Documents a shard holds at least, small regions packed together. Each shard costs CPU of its own (an Astro build
 * started before its first page, a Pagefind index written), so fewer and larger shards build with less, while
 * Pagefind's memory grows with a shard (0.9 GB at 352 documents, 1.2–1.4 GB at 516, 2.5 GB at 1,000; docs/benchmarks.md,
 * "The shard build: Pagefind's share and the size of a shard"): two builders and one index at a time stay within 6 GB.
 */
const DEFAULT_MIN = 500;

const HELP = `用法：npm run shard -- [--by region|year] [--depth N] [--min N] [--prefix 路径] [--out 目录] [--build] [--jobs N] [--sources 来源 …] [数据目录]

把解析好的公开文件分成几个分片，每个分片单独构建为一个站点，各有自己的全文搜索索引，
合起来作为一个站点发布；全部分片构建完成后，再为整个站点建一个目录索引（各分片的文件与部门页面），
各分片的搜索先查目录，需要时再在全部分片的全文中搜索。并列出每个分片的构建命令和目录索引的命令。

选项：
  --by       按地区（region，默认：同一地区的文件在同一分片）或按年度（year）分片
  --depth N  用几级地区为分片命名（默认 1：省级）
  --min N    文件不到 N 份的地区（或年度）整个地并在一起，每片至少 N 份（默认 500；0：不合并）
  --prefix   各分片所在的站点路径（默认 /）
  --out 目录  分片内容、分片方案（shards.json）以及（使用 --build 时）站点的输出目录
             （默认：test-output/shards）
  --build    构建每个分片并建立搜索索引，再建立目录索引，输出到 目录/site
  --jobs N   同时构建的分片数（默认：CPU 核数，本机为 ${availableParallelism()}）；每片约 500 份时，每个同时构建约需 1.5 GB 内存，
             各构建都在进行时全文索引一次只建一个分片，另需约 1.4 GB；某个构建已没有分片可建时，
             由它接着建全文索引，同时建索引的分片数不超过 N
  --sources 来源  先把来源文件或文件夹解析到数据目录（与 npm run ingest -- --out 数据目录 来源 相同，
             可多次给出），再分片，一条命令完成解析与构建；各文件的地区和年度取自解析结果，
             不再逐个读取 JSON 文件；使用 --build 时，最后几份文件还在解析，各构建进程就已启动，
             解析一结束即开始构建。得到的站点与先解析、再分片构建的完全相同
  -h, --help 显示本说明
  数据目录   解析好的公开文件（默认：content/disclosures）`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      by: { type: 'string', default: 'region' },
      depth: { type: 'string', default: '1' },
      min: { type: 'string' },
      prefix: { type: 'string', default: '/' },
      out: { type: 'string', default: 'test-output/shards' },
      build: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      sources: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usageError('shard', argumentProblem(error));
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
if (values.by !== 'region' && values.by !== 'year') {
  usageError('shard', `--by 只能是 region（按地区）或 year（按年度），而不是“${values.by}”`);
}
const min = numberOption('shard', '--min', values.min, DEFAULT_MIN, { integer: true, atLeast: 0 });
const depth = numberOption('shard', '--depth', values.depth, 1, { integer: true });
const jobs = numberOption('shard', '--jobs', values.jobs, availableParallelism(), { integer: true });
const contentDir = resolve(positionals[0] ?? 'content/disclosures');
const out = resolve(values.out);
const node = resolve('node_modules/.bin/node');
// Astro's import.meta.env.BASE_URL takes an inherited BASE_URL (a test runner sets one to /) over the configured
// base: every link and search record of a shard would lose the shard's path.
const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'BASE_URL'));
const site = join(out, 'site');
const running = new Set<ChildProcess>();
/**
 * A build step with its output left out and its errors shown, as they happen; fails the run when the step fails, and
 * stops the steps running beside it, which would otherwise go on building for nothing after the tool has exited.
 */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(node, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    running.add(child);
    child.on('error', fail);
    child.on('exit', (code) => {
      running.delete(child);
      if (code === 0) return done();
      for (const other of running) other.kill();
      fail(new Error(`node ${args.join(' ')}：退出状态 ${code}`));
    });
  });
}
/**
 * The Astro builds of one lane of --jobs: one process (scripts/shard-builder.ts) that builds the lane's shards one after
 * another, so that Astro, Vite and the config are loaded once a lane rather than once a shard. A failed build ends the
 * process with its error shown, which fails the run and stops the steps beside it, as a failed step of run() does.
 */
function astroBuilder(): { build: (outDir: string, env: Record<string, string>) => Promise<void>; close: () => void } {
  // MIMALLOC_ARENA_EAGER_COMMIT=0: Rolldown's and Astro's compiler's allocator (mimalloc 3) otherwise commits the pages
  // of its arena as it hands them out and keeps them once freed: ~250 MiB of a builder's RSS after bundling, holding
  // ~30 MiB of allocations, for every page rendered after (a 500-document shard's builder: 790–800 → 550–590 MiB at
  // most; docs/benchmarks.md, "The shard build: memory of all processes at once").
  const env = { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', MIMALLOC_ARENA_EAGER_COMMIT: '0' };
  const child = spawn(node, ['scripts/shard-builder.ts'], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  running.add(child);
  let pending: { done: () => void; fail: (error: Error) => void } | undefined;
  const settle = (error?: Error) => {
    const waiting = pending;
    pending = undefined;
    if (error) waiting?.fail(error);
    else waiting?.done();
  };
  child.on('message', () => settle());
  child.on('error', (error) => settle(error));
  child.on('exit', (code) => {
    running.delete(child);
    if (!pending) return;
    for (const other of running) other.kill();
    settle(new Error(`node scripts/shard-builder.ts：退出状态 ${code}`));
  });
  return {
    build: (outDir, env) => new Promise((done, fail) => {
      pending = { done, fail };
      child.send({ outDir, env });
    }),
    close: () => child.disconnect(),
  };
}
/**
 * Where a shard is built before it goes to its place. Astro writes a build's prerendered chunks beside its output when
 * that is inside the project, but into the project's one .astro folder when it is not, which builds running at once
 * would share and overwrite: a shard whose place is outside the project is built in a folder of its own inside it.
 */
function buildDirOf(target: string, name: string): string {
  return target.startsWith(process.cwd() + sep) ? target : resolve('test-output', '.shard-builds', name);
}

/** Moves a built shard to its place, copying where the two are on different disks. */
async function moveTo(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/** A shard's copy of a file: a hard link where the two folders share a disk (a build only reads it), else a copy. */
async function place(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!['EXDEV', 'EPERM', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await copyFile(from, to);
  }
}

// With --sources the ingest runs first, in this process, and tells what the plan splits by of every document it wrote;
// the lanes' builders start while its last documents parse, loading Astro (2–3 CPU-s each) on the cores its last
// parses and the companion step leave idle, so that each starts its first shard as soon as the plan is made.
const early: Array<ReturnType<typeof astroBuilder>> = [];
const ingested = new Map<string, IngestedDocument>();
if (values.sources) {
  const started = () => {
    if (values.build) for (let i = 0; i < jobs; i++) early.push(astroBuilder());
  };
  const { documents } = await runIngest(['--out', contentDir, ...values.sources], { lastStarted: started });
  for (const doc of documents) ingested.set(`${doc.slug}.json`, doc);
}
const names = ((await readdir(contentDir).catch(() => [])) as string[]).filter((n) => n.endsWith('.json')).sort();
if (names.length === 0) {
  for (const builder of early) builder.close();
  usageError('shard', `${positionals[0] ?? 'content/disclosures'} 中没有解析好的公开文件（.json）：请先用 npm run ingest 解析，或用 --sources 给出来源文件`);
}
const docs = [];
const fileOf = new Map<string, string>();
// The plan reads of each file what it splits by, checked against the schema's own fields (the slug names the file
// copied into a shard's folder). The full validation is each shard's build's, as in a site of one shard: its content
// loader validates every file, names a broken one and its field, and records the texts that passed
// (scripts/validation-record.ts). Validating here as well cost a full read of the corpus on one core before any
// shard started (N = 1,000: 8–10 CPU-s; docs/benchmarks.md, "The shard build: where its time goes"); so did decoding
// and parsing each whole file for three fields (~2 CPU-ms a file): they are read from its bytes (json-members.ts).
const planFields = disclosure.pick({ slug: true, region: true, year: true });
const planKeys = Object.keys(planFields.shape);
// A file the ingest of this run did not write (an earlier run's, or every file without --sources) is read for them.
async function planFieldsOf(path: string): Promise<ShardDoc> {
  const bytes = await readFile(path);
  const members = jsonMembers(bytes, planKeys);
  return members ? checkedValue(members, path, planFields) : readJson(bytes.toString('utf8'), path, planFields);
}
for (const name of names) {
  const path = join(contentDir, name);
  const { slug, region, year } = ingested.get(name) ?? (await planFieldsOf(path));
  docs.push({ slug, region, year });
  fileOf.set(slug, path);
}
const planned = planShards(docs, values.by as ShardBy, depth, values.prefix);
const shards = min > 1 ? packShards(planned, min, values.prefix) : planned;

await rm(out, { recursive: true, force: true });
const builds: Array<{ shard: Shard; build: (astro: ReturnType<typeof astroBuilder>) => Promise<void>; index: () => Promise<void> }> = [];
for (const shard of shards) {
  const content = join(out, 'content', shard.name);
  await mkdir(content, { recursive: true });
  for (const slug of shard.slugs) await place(fileOf.get(slug)!, join(content, `${slug}.json`));
  const env = shardBuildEnv(shard, shards, content, values.prefix);
  const target = join(site, shard.base);
  const shown = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ');
  process.stdout.write(`${shard.name}（${shard.label}）：${shard.slugs.length} 份文件 → ${shard.base}\n  ${shown} astro build --outDir ${relative(process.cwd(), target)} && node scripts/index-search.ts ${relative(process.cwd(), target)} --group ${SHARD_FRAGMENT_GROUP} --shard\n`);
  builds.push({
    shard,
    // The site's pages and the shard's search/records.json, which is all the catalog reads of it.
    build: async (astro) => {
      const built = buildDirOf(target, shard.name);
      await astro.build(built, env);
      if (built !== target) await moveTo(built, target);
    },
    index: async () => {
      await run(['scripts/index-search.ts', target, '--group', String(SHARD_FRAGMENT_GROUP), '--shard']);
      process.stdout.write(`已构建：${shard.name}（${shard.label}）\n`);
    },
  });
}
await writeFile(join(out, 'shards.json'), `${JSON.stringify(shards, null, 2)}\n`);
// Once every shard is built and copied under its path: the catalog that every shard's search searches first.
process.stdout.write(`目录索引（全部分片构建完成后）：\n  node scripts/search-catalog.ts ${relative(process.cwd(), site)} ${values.prefix}\n`);
if (values.build) {
  // Each build is an Astro build of about one core (it renders pages one after another), so as many lanes run at once
  // as there are cores, each building its shards in one Astro process: a province's shards on a 2-core machine take
  // half the time they take one by one. The largest go first, so that the last to finish is a small one and no core
  // waits long for it. A built shard is indexed while its lane builds the next, one shard at a time while every lane
  // is building: Pagefind holds a shard's words in memory (~1.1 GiB at 550 documents), and two at once beside two
  // builders went over 5.6 GiB at N = 10,000 (docs/benchmarks.md, "The shard build: memory of all processes at
  // once"). Indexing takes some 45 % of a shard's CPU, so the built shards wait for it: a lane left with no shard to
  // build ends its builder and indexes in its place (the lanes' last, once every shard is built, ends its builder
  // only): one shard more is indexed at once for each lane that has ended, never more than the lanes. The largest
  // waiting shard is indexed first, so that the last indexed, alone on the cores, is a small one. The catalog needs
  // only every shard's records, which its Astro build writes: it starts once every shard is built, beside the
  // indexing.
  const queue = [...builds].sort((a, b) => b.shard.slugs.length - a.shard.slugs.length || a.shard.name.localeCompare(b.shard.name));
  const lanes = Math.min(jobs, queue.length);
  let next = 0;
  let built = 0;
  let allBuilt = () => {};
  const everyShardBuilt = new Promise<void>((done) => (allBuilt = done));
  const catalog = everyShardBuilt.then(() => run(['scripts/search-catalog.ts', site, values.prefix]));
  if (queue.length === 0) allBuilt();
  const toIndex: Array<{ documents: number; index: () => Promise<void> }> = [];
  const idle: Array<() => void> = [];
  const wakeIndexers = () => idle.splice(0).forEach((wake) => wake());
  let taken = 0;
  async function indexer(): Promise<void> {
    while (taken < queue.length) {
      if (toIndex.length === 0) {
        await new Promise<void>((woken) => idle.push(woken));
        continue;
      }
      // The indexers waiting for a shard that will not come stop once the last is taken.
      if (++taken === queue.length) wakeIndexers();
      toIndex.sort((a, b) => b.documents - a.documents);
      await toIndex.shift()!.index();
    }
  }
  let lanesEnded = 0;
  for (const unused of early.slice(lanes)) unused.close();
  await Promise.all([
    ...Array.from({ length: lanes }, async (_, lane) => {
      const astro = early[lane] ?? astroBuilder();
      while (next < queue.length) {
        const { shard, build, index } = queue[next++];
        await build(astro);
        toIndex.push({ documents: shard.slugs.length, index });
        wakeIndexers();
        if (++built === queue.length) allBuilt();
      }
      astro.close();
      if (++lanesEnded < lanes) await indexer();
    }),
    indexer(),
    catalog,
  ]);
  // The site's root lists the shards; each shard is a whole site under its path, searching all of them.
  const links = shards.map((s) => `<li><a href="${escapeHtml(s.base)}">${escapeHtml(s.label)}</a>（${s.slugs.length} 份文件）</li>`).join('\n');
  await writeFile(join(site, values.prefix, 'index.html'), `<!doctype html>\n<html lang="zh-CN"><meta charset="utf-8"><title>部门预决算公开文件</title>\n<h1>部门预决算公开文件</h1>\n<ul>\n${links}\n</ul>\n</html>\n`);
  process.stdout.write(`站点：${relative(process.cwd(), site)}\n`);
}
