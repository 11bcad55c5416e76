#!/usr/bin/env node
/**
 * Builds the scale benchmark's floor sites (scripts/bench-scale.ts writeFloorSite) as a sharded build runs its shards:
 * each an Astro build and then a Pagefind index, --jobs at a time, the largest first. Started by the benchmark as one
 * process, so that one sample of its process tree is the floor's CPU, wall time and memory.
 *   node scripts/bench-floor.ts [--jobs N] ROOT…
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';

const run = promisify(execFile);
const { values, positionals } = parseArgs({ allowPositionals: true, options: { jobs: { type: 'string' } } });
const jobs = Math.max(1, Number(values.jobs ?? availableParallelism()) || 1);
const node = resolve('node_modules/.bin/node');
const astro = resolve('node_modules/astro/bin/astro.mjs');
const entries = (root: string) => readdirSync(join(root, 'entries')).length;
const queue = positionals.map((root) => resolve(root)).sort((a, b) => entries(b) - entries(a));

// Large buffers: a failed build's output is what the benchmark shows of it.
const options = { maxBuffer: 64 * 2 ** 20 };
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let root = queue.shift(); root; root = queue.shift()) {
      await run(node, [astro, 'build', '--root', root], { ...options, cwd: root });
      await run(node, ['scripts/index-search.ts', join(root, 'dist')], options);
    }
  }),
);
