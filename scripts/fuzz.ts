#!/usr/bin/env node
/**
 * The long fuzz run: the property of tests/unit/fuzz-parser.test.ts (never throws, bounded time, every line and its
 * text accounted for) over many more mutated disclosures than CI runs, each case under a watchdog. A failure prints
 * the shrunk case (a case stopped by the watchdog is not shrunk) and writes the text to replay it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { caseText, loadSeeds } from '../tests/fixtures/fuzz/disclosure-mutations.ts';
import { runFuzz } from '../tests/fixtures/fuzz/watchdog.ts';

const HELP = `Usage: npm run fuzz -- [--runs N] [--seed S] [--sources DIR] [--watchdog SECONDS]

Feeds the parser mutated disclosures (lines dropped, duplicated, swapped, truncated; digits
and codes corrupted; random Unicode; very long lines) made from the seed texts, and checks
that no line and no word or number of a line is lost.

Options:
  --runs N          number of cases (default 2000)
  --seed S          fast-check seed (default: random; printed so that a run can be repeated)
  --from N          start at case N of the seed's sequence (with --seed: go on from where a run
                    stopped; its runs count from there)
  --sources DIR     folder of seed *.txt files (default content/sources)
  --watchdog S      seconds one case may run before it is stopped and reported (default 60)
  -h, --help        show this help

Exit status: 0 no failure; 1 a failing case (its text written to test-output/fuzz-failure.txt);
2 usage error.`;

function usageError(message: string): never {
  process.stderr.write(`fuzz: ${message}\nTry 'npm run fuzz -- --help'.\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      runs: { type: 'string', default: '2000' },
      seed: { type: 'string' },
      from: { type: 'string', default: '1' },
      sources: { type: 'string', default: 'content/sources' },
      watchdog: { type: 'string', default: '60' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  usageError((error as Error).message);
}
if (args.values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const runs = Number(args.values.runs);
const seed = args.values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(args.values.seed);
const watchdog = Number(args.values.watchdog);
const from = Number(args.values.from);
if (!Number.isInteger(runs) || runs < 1) usageError(`--runs must be a positive integer, not '${args.values.runs}'`);
if (!Number.isInteger(seed)) usageError(`--seed must be an integer, not '${args.values.seed}'`);
if (!Number.isInteger(from) || from < 1) usageError(`--from must be a positive integer, not '${args.values.from}'`);
if (!(watchdog > 0)) usageError(`--watchdog must be a positive number of seconds, not '${args.values.watchdog}'`);

const seeds = loadSeeds(args.values.sources);
if (seeds.length === 0) usageError(`no *.txt seeds in ${args.values.sources}`);

// Said first, so that a run that is stopped or dies can be repeated.
process.stderr.write(`fuzz: seed ${seed}${from > 1 ? ` from case ${from}` : ''}, ${runs} cases\n`);
const started = performance.now();
// A long run is often left in the background with its output in a file: there, a progress line every 1,000 cases.
const report = await runFuzz({ runs, seed, sources: args.values.sources, from }, watchdog * 1000, (done) => {
  if (done % 100 === 0 && process.stderr.isTTY) process.stderr.write(`\r${done}/${runs}`);
  else if (done % 1000 === 0 && !process.stderr.isTTY) {
    process.stderr.write(`${done}/${runs} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `fuzz: ${report.runs} cases from ${seeds.length} seeds, seed ${seed}${from > 1 ? ` from case ${from}` : ''}, ${seconds} s, slowest parse ${report.slowest.toFixed(0)} ms; ` +
    `${report.untraceableCases} case(s) with lines taken into a field that records no line range\n`,
);
if (report.failure) {
  mkdirSync('test-output', { recursive: true });
  writeFileSync('test-output/fuzz-failure.txt', caseText(seeds, report.failure.case));
  process.stdout.write(
    `FAILED after ${report.failure.shrinks} shrinks: ${JSON.stringify(report.failure.case)}\n${report.failure.message}\n` +
      `the failing text is in test-output/fuzz-failure.txt\n`,
  );
  process.exitCode = 1;
}
