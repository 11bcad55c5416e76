#!/usr/bin/env node
/** The ingest CLI: `npm run ingest -- --help`; the run itself is scripts/ingest-run.ts, which the shard tool runs too. */
import module from 'node:module';

// As the astro command does: the CLI's modules, loaded after this, come from Node's compile cache on every later run
// (the parse threads take it from their environment: parse-worker.ts), except under CI, whose fresh machine would only
// write a cache that nothing reads.
if (!process.env.CI) module.enableCompileCache?.();
const { runIngest } = await import('./ingest-run.ts');

process.exitCode = (await runIngest(process.argv.slice(2))).code;
