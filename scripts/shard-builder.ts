#!/usr/bin/env node
/**
 * Builds shards one after another in one process, each as `astro build --outDir DIR` with the shard's environment
 * would, for the shard tool (scripts/shard.ts): it sends a shard's outDir and environment as a message and waits for the
 * reply. A build in a process of its own spends 2–3 CPU-s before its first page loading Astro, Vite and the config
 * (some 1,300 modules), which a later build in the same process finds loaded (docs/benchmarks.md, "The shard build:
 * its fixed CPU"); the pages are the same bytes. A failed build ends the process, its error shown.
 */
import module from 'node:module';
import { build } from 'astro';

// As the astro command does: modules compiled once are read from Node's cache by every later run, except under CI,
// whose fresh machine would only write a cache that nothing reads.
if (!process.env.CI) module.enableCompileCache?.();

process.on('message', async ({ outDir, env }: { outDir: string; env: Record<string, string> }) => {
  Object.assign(process.env, env);
  try {
    await build({ root: process.cwd(), outDir });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
  process.send!('built');
});
// The shard tool closes the channel once no shard is left for this process.
process.on('disconnect', () => process.exit(0));
