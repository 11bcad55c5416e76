#!/usr/bin/env node
/**
 * The long fuzz run: the property of tests/unit/fuzz-parser.test.ts (never throws, bounded time, every line accounted
 * for) over many more mutated disclosures than CI runs. A failure prints the shrunk case and the text to replay it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { caseText, checkCase, fuzzCase, loadSeeds } from '../tests/fixtures/fuzz/disclosure-mutations.ts';

const HELP = `Usage: npm run fuzz -- [--runs N] [--seed S] [--sources DIR]

Feeds the parser mutated disclosures (lines dropped, duplicated, swapped, truncated; digits
and codes corrupted; random Unicode; very long lines) made from the seed texts.

Options:
  --runs N       number of cases (default 2000)
  --seed S       fast-check seed (default: random; printed so that a run can be repeated)
  --sources DIR  folder of seed *.txt files (default content/sources)
  -h, --help     show this help

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
      sources: { type: 'string', default: 'content/sources' },
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
if (!Number.isInteger(runs) || runs < 1) usageError(`--runs must be a positive integer, not '${args.values.runs}'`);
if (!Number.isInteger(seed)) usageError(`--seed must be an integer, not '${args.values.seed}'`);

const seeds = loadSeeds(args.values.sources);
if (seeds.length === 0) usageError(`no *.txt seeds in ${args.values.sources}`);

const started = performance.now();
let done = 0;
let slowest = 0;
let untraceableCases = 0;
const result = fc.check(
  fc.property(fuzzCase(seeds.length), (c) => {
    const stats = checkCase(seeds, c);
    slowest = Math.max(slowest, stats.milliseconds);
    if (stats.untraceableLines > 0) untraceableCases++;
    if (++done % 100 === 0 && process.stderr.isTTY) process.stderr.write(`\r${done}/${runs}`);
  }),
  { seed, numRuns: runs },
);
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `fuzz: ${result.numRuns} cases from ${seeds.length} seeds, seed ${seed}, ${seconds} s, slowest parse ${slowest.toFixed(0)} ms; ` +
    `${untraceableCases} case(s) with lines taken into a field that records no line range\n`,
);
const failing = result.counterexample?.[0];
if (result.failed && failing) {
  const error = result.errorInstance as Error;
  mkdirSync('test-output', { recursive: true });
  writeFileSync('test-output/fuzz-failure.txt', caseText(seeds, failing));
  process.stdout.write(
    `FAILED after ${result.numShrinks} shrinks: ${JSON.stringify(failing)}\n${error?.stack ?? String(error)}\n` +
      `the failing text is in test-output/fuzz-failure.txt\n`,
  );
  process.exitCode = 1;
}
