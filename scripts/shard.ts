#!/usr/bin/env node
/**
 * Splits the parsed corpus into shards (scripts/shard-plan.ts) and, with --build, builds each as its own site with
 * its own search index into one folder that a static host serves as one site. Each shard's build is independent:
 * on separate machines or CI jobs, run the printed command of each shard and copy its output under its path.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDisclosureJson } from '../src/site/disclosure-file.ts';
import { planShards, shardBuildEnv, type ShardBy } from './shard-plan.ts';

const HELP = `Usage: npm run shard -- [--by region|year] [--depth N] [--prefix PATH] [--out DIR] [--build] [CONTENT_DIR]

  --by       split by region (default: documents of one region stay together) or by year
  --depth N  region levels that name a shard (default 1: the province)
  --prefix   the site path the shards live under (default /)
  --out DIR  where shard contents, the plan and (with --build) the site go (default test-output/shards)
  --build    build and index every shard, one after another, into DIR/site
  CONTENT_DIR  parsed disclosures (default content/disclosures)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    by: { type: 'string', default: 'region' },
    depth: { type: 'string', default: '1' },
    prefix: { type: 'string', default: '/' },
    out: { type: 'string', default: 'test-output/shards' },
    build: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
if (values.by !== 'region' && values.by !== 'year') {
  process.stderr.write(`shard: --by must be region or year, not '${values.by}'\n`);
  process.exit(2);
}
const contentDir = resolve(positionals[0] ?? 'content/disclosures');
const out = resolve(values.out);
const names = (await readdir(contentDir)).filter((n) => n.endsWith('.json')).sort();
const docs = [];
const fileOf = new Map<string, string>();
for (const name of names) {
  const path = join(contentDir, name);
  const { slug, region, year } = readDisclosureJson(await readFile(path, 'utf8'), path);
  docs.push({ slug, region, year });
  fileOf.set(slug, path);
}
const shards = planShards(docs, values.by as ShardBy, Number(values.depth), values.prefix);

await rm(out, { recursive: true, force: true });
const node = resolve('node_modules/.bin/node');
const site = join(out, 'site');
for (const shard of shards) {
  const content = join(out, 'content', shard.name);
  await mkdir(content, { recursive: true });
  for (const slug of shard.slugs) await copyFile(fileOf.get(slug)!, join(content, `${slug}.json`));
  const env = shardBuildEnv(shard, shards, content);
  const target = join(site, shard.base);
  const shown = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ');
  process.stdout.write(`${shard.name}（${shard.label}）：${shard.slugs.length} 份文件 → ${shard.base}\n  ${shown} astro build --outDir ${relative(process.cwd(), target)} && node scripts/index-search.ts ${relative(process.cwd(), target)}\n`);
  if (values.build) {
    execFileSync(node, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', target], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    execFileSync(node, ['scripts/index-search.ts', target], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
await writeFile(join(out, 'shards.json'), `${JSON.stringify(shards, null, 2)}\n`);
if (values.build) {
  // The site's root lists the shards; each shard is a whole site under its path, searching all of them.
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const links = shards.map((s) => `<li><a href="${escape(s.base)}">${escape(s.label)}</a>（${s.slugs.length} 份文件）</li>`).join('\n');
  await writeFile(join(site, values.prefix, 'index.html'), `<!doctype html>\n<html lang="zh-CN"><meta charset="utf-8"><title>部门预决算公开文件</title>\n<h1>部门预决算公开文件</h1>\n<ul>\n${links}\n</ul>\n</html>\n`);
  process.stdout.write(`site: ${relative(process.cwd(), site)}\n`);
}
