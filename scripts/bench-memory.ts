#!/usr/bin/env node
/**
 * One document's footprint, measured in a fresh process so that nothing else is on the heap (scripts/bench.ts runs
 * it with --expose-gc and the text on stdin): the JSON ingest writes, the heap the parsed document keeps, the
 * smallest V8 heap it parses in is found by bench.ts, and the process's peak resident memory. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { parseDisclosure } from '../src/ingest/parse-disclosure.ts';
import { serializeDisclosure } from '../src/ingest/serialize.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

const text = readFileSync(0, 'utf8');
const before = heapUsed();
const doc = parseDisclosure(text, { file: 'bench.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
const retainedBytes = heapUsed() - before;
const jsonBytes = Buffer.byteLength(serializeDisclosure(doc));
process.stdout.write(
  `${JSON.stringify({ sourceBytes: Buffer.byteLength(text), jsonBytes, retainedBytes: gc ? retainedBytes : null, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);
