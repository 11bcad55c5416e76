#!/usr/bin/env node
/**
 * Measured recall of the review: copies of the seeds and samples, each with one planted error of one family at a
 * random place (fixed seed), are parsed and reviewed; a plant counts as flagged when a finding of its family
 * appears that the unmutated document did not have (for rounding: a 提示 and no new 错误). Also lists every 错误
 * on the unmutated documents, for a person to judge. Prints Markdown for docs/review.md.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDisclosure } from '../src/ingest/parse-disclosure.ts';
import { readSource } from '../src/ingest/sources/index.ts';
import type { Disclosure } from '../src/schema/disclosure.ts';
import type { Finding, FindingFamily } from '../src/schema/review.ts';
import { FAMILY_LABELS } from '../src/review/present.ts';
import { MUTATORS, type Mutation } from './review-mutations.ts';
import { seededRandom } from './seeded-random.ts';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '3' }, seed: { type: 'string', default: '20261202' }, verbose: { type: 'boolean', default: false } } });
const COPIES = Number(values.copies);

async function textFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) files.push(...(await textFiles(join(dir, e.name))));
    else if (e.name.endsWith('.txt')) files.push(join(dir, e.name));
  }
  return files;
}

function parse(text: string, file: string): Disclosure {
  const sha256 = createHash('sha256').update(text).digest('hex');
  return parseDisclosure(text, { file, sha256, format: 'text', encoding: 'utf-8' });
}

const key = (f: Finding) => `${f.id}|${f.message}`;

function flagged(family: FindingFamily, before: ReadonlySet<string>, after: readonly Finding[]): boolean {
  const fresh = after.filter((f) => !before.has(key(f)));
  if (family === 'rounding') return fresh.some((f) => f.family === 'rounding') && !fresh.some((f) => f.severity === '错误');
  return fresh.some((f) => f.family === family);
}

const families = Object.keys(MUTATORS) as FindingFamily[];
const tally = new Map(families.map((f) => [f, { planted: 0, flagged: 0, missed: [] as string[] }]));
const falseAlarms: Array<{ doc: string; finding: Finding }> = [];
const rng = seededRandom(Number(values.seed));
const files = [...(await textFiles('content/sources')), ...(await textFiles('../shared/samples'))];

for (const file of files) {
  const read = await readSource(await readFile(file));
  if (!read.ok) continue;
  const name = basename(file);
  const base = parse(read.text, name);
  for (const f of base.findings) if (f.severity === '错误') falseAlarms.push({ doc: name, finding: f });
  const before = new Set(base.findings.map(key));
  for (const family of families) {
    for (let copy = 0; copy < COPIES; copy++) {
      const mutation: Mutation | null = MUTATORS[family](read.text, base, rng);
      if (!mutation) break;
      const t = tally.get(family)!;
      t.planted++;
      const after = parse(mutation.text, name).findings;
      if (flagged(family, before, after)) t.flagged++;
      else t.missed.push(`${name}: ${mutation.what}`);
    }
  }
  process.stderr.write(`${name}\n`);
}

const percent = (a: number, b: number) => (b === 0 ? '—' : `${((a / b) * 100).toFixed(1)} %`);
const out = [
  `Documents: ${files.length} (seeds and samples), ${COPIES} copies per document and family, seed ${values.seed}.`,
  '',
  '| family | planted | flagged | recall | 错误 on unmutated documents |',
  '| --- | ---: | ---: | ---: | ---: |',
];
for (const family of families) {
  const t = tally.get(family)!;
  const alarms = falseAlarms.filter((a) => a.finding.family === family).length;
  out.push(`| ${family} (${FAMILY_LABELS[family]}) | ${t.planted} | ${t.flagged} | ${percent(t.flagged, t.planted)} | ${alarms} |`);
}
out.push('', `错误 on the unmutated documents: ${falseAlarms.length}`);
for (const a of falseAlarms) out.push(`- ${a.doc}: [${a.finding.rule}] ${a.finding.message}`);
if (values.verbose) {
  out.push('', 'Missed plants:');
  for (const family of families) for (const m of tally.get(family)!.missed) out.push(`- ${family}: ${m}`);
}
process.stdout.write(`${out.join('\n')}\n`);
