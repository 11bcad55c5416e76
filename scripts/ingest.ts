#!/usr/bin/env node
/** The ingest CLI: `npm run ingest -- --help`; the run itself is scripts/ingest-run.ts, which the shard tool runs too. */
import { runIngest } from './ingest-run.ts';

process.exitCode = (await runIngest(process.argv.slice(2))).code;
