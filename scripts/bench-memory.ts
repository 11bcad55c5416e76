#!/usr/bin/env node
/**
 * One document's footprint, measured in a fresh process so that nothing else is on the heap (scripts/bench.ts runs
 * it with --expose-gc and the text on stdin). Prints one JSON line: the JSON ingest writes; the worker's idle
 * baseline (heap + external memory once the parser is loaded, before the text is read) and its resident memory then;
 * what the parsed document keeps above that baseline; the process's peak resident memory. The memory the parse needs
 * is found by bench.ts: the smallest heap this process completes in, less the idle baseline.
 */
import { readFileSync } from 'node:fs';
import { parseDisclosure } from '../src/ingest/parse-disclosure.ts';
import { serializeDisclosure } from '../src/ingest/serialize.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const used = () => {
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external, rss: m.rss };
};

const idle = used();
const text = readFileSync(0, 'utf8');
const sourceBytes = Buffer.byteLength(text);
const doc = parseDisclosure(text, { file: 'bench.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
const kept = used();
const jsonBytes = Buffer.byteLength(serializeDisclosure(doc));
process.stdout.write(
  `${JSON.stringify({
    sourceBytes,
    jsonBytes,
    idleHeapBytes: gc ? idle.heap + idle.external : null,
    idleRssBytes: idle.rss,
    // The text is part of it: the document's strings are cut from it.
    retainedBytes: gc ? kept.heap + kept.external - idle.heap - idle.external : null,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
