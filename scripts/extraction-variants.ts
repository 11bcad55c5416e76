#!/usr/bin/env node
/**
 * How the parser holds up on text extracted otherwise than the samples were: every sample of ../shared/samples (and
 * other-provinces/) made again as another tool or setting would hand it over — form feeds dropped, column gaps as
 * no-break spaces, full-width digits, CRLF, and (where poppler's pdftotext is installed) `pdftotext -layout -fixed N`
 * at other character pitches, which moves columns closer or further apart, as other fonts and extractors do — and the
 * PDF itself, as published and as another producer writes it (`pdftocairo -pdf`: the page printed again through
 * cairo, whose text layer sets digits amid Chinese in fonts of their own and places glyphs one by one), read by the
 * project's PDF reader; then ingested variant by variant with the CLI, and the checks passing and failing and the share of lines unparsed set
 * side by side. A failing check that the printed text does not have is a wrong reading; fewer passing, a loss.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

const HELP = `Usage: npm run variants -- [--out DIR] [--pitches 3,4,5,6]

Makes each sample of ../shared/samples and ../shared/samples/other-provinces again as other
extractions would give it, ingests each variant, and prints per document and variant the
checks passing/failing and the share of lines unparsed (a Markdown table, also written to
DIR/report.md).

Options:
  --out DIR        where the variants, their outputs and the report go (default test-output/variants)
  --pitches LIST   character pitches in points for pdftotext -layout -fixed (default 3,4,5,6;
                   empty: none). Needs pdftotext (Debian: poppler-utils); without it they are skipped.
                   The PDFs are read too, as published and printed again by pdftocairo -pdf
                   (poppler-utils as well; without it that one is skipped).
  -h, --help       show this help`;

const SAMPLE_DIRS = ['../shared/samples', '../shared/samples/other-provinces'];

/** Text variants of a `pdftotext -layout` text: the transformation each names. */
const TEXT_VARIANTS: Record<string, (text: string) => string> = {
  'as printed': (t) => t,
  'no form feeds': (t) => t.replaceAll('\f', ''),
  'no-break gaps': (t) => t.replace(/ {2,}/g, (run) => '\u00a0'.repeat(run.length)),
  'full-width digits': (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  CRLF: (t) => t.replace(/\n/g, '\r\n'),
};

interface Sample {
  name: string;
  text: string;
  pdf: string | null;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const dir of SAMPLE_DIRS.filter((d) => existsSync(d))) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      const pdf = join(dir, f.replace(/\.txt$/, '.pdf'));
      out.push({ name: f, text: join(dir, f), pdf: existsSync(pdf) ? pdf : null });
    }
  }
  return out;
}

function has(tool: string): boolean {
  return spawnSync(tool, ['-v']).status === 0;
}

/** One report row's cells: the ingest's report is a CSV of quoted texts and bare numbers, one row a line. */
function csvCells(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"|([^,]*)/g)].filter((m) => m.index === 0 || line[m.index - 1] === ',').map((m) => (m[1] ?? m[2]).replaceAll('""', '"'));
}

/** The document named by the first file of a report row, and its `passed/failed unparsed%`. */
function reportFigures(csv: string): Map<string, string> {
  const rows = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean).slice(1).map(csvCells);
  const out = new Map<string, string>();
  for (const r of rows) {
    const [file, , , , , unparsed, passed, failed, , error] = r;
    const doc = basename(file.split(' + ')[0]).replace(/\.(?:txt|pdf)$/, '');
    out.set(doc, error ? 'error' : `${passed}/${failed}${unparsed && unparsed !== '0.0%' ? ` u${unparsed}` : ''}`);
  }
  return out;
}

let args;
try {
  args = parseArgs({ options: { out: { type: 'string', default: 'test-output/variants' }, pitches: { type: 'string', default: '3,4,5,6' }, help: { type: 'boolean', short: 'h', default: false } } });
} catch (error) {
  process.stderr.write(`variants: ${(error as Error).message}\n${HELP}\n`);
  process.exit(2);
}
if (args.values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const all = samples();
if (all.length === 0) {
  process.stderr.write('variants: no samples: ../shared/samples is not beside the project\n');
  process.exit(2);
}
const out = args.values.out;
rmSync(out, { recursive: true, force: true });
const pitches = args.values.pitches.split(',').filter(Boolean);
const pdftotext = pitches.length > 0 && has('pdftotext');
if (pitches.length > 0 && !pdftotext) process.stderr.write('variants: pdftotext not found: the pitch variants are skipped\n');

const variants = new Map<string, string>();
for (const [name, transform] of Object.entries(TEXT_VARIANTS)) {
  const dir = join(out, 'inputs', name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  for (const s of all) writeFileSync(join(dir, s.name), transform(readFileSync(s.text, 'utf8')));
  variants.set(name, dir);
}
for (const p of pdftotext ? pitches : []) {
  const dir = join(out, 'inputs', `pitch-${p}`);
  mkdirSync(dir, { recursive: true });
  for (const s of all.filter((x) => x.pdf)) execFileSync('pdftotext', ['-layout', '-fixed', p, s.pdf!, join(dir, s.name)]);
  variants.set(`pitch ${p} pt`, dir);
}
const cairo = has('pdftocairo');
if (!cairo) process.stderr.write('variants: pdftocairo not found: the PDF printed again by cairo is skipped\n');
const PDF_VARIANTS: Array<[string, ((pdf: string, to: string) => void) | null]> = [
  ['PDF', (pdf, to) => writeFileSync(to, readFileSync(pdf))],
  ['PDF via cairo', cairo ? (pdf, to) => execFileSync('pdftocairo', ['-pdf', pdf, to]) : null],
];
for (const [name, make] of PDF_VARIANTS) {
  if (!make) continue;
  const dir = join(out, 'inputs', name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  for (const s of all.filter((x) => x.pdf)) make(s.pdf!, join(dir, basename(s.pdf!)));
  variants.set(name, dir);
}

const figures = new Map<string, Map<string, string>>();
for (const [name, dir] of variants) {
  const report = join(out, `${basename(dir)}.csv`);
  process.stderr.write(`variants: ingesting ${name}\n`);
  // The CLI as an office runs it, so that the 说明 and 报表 volumes of one disclosure are joined as there.
  spawnSync(process.execPath, ['scripts/ingest.ts', '--quiet', '--out', join(out, 'outputs', basename(dir)), '--report', report, dir], { stdio: 'ignore' });
  figures.set(name, existsSync(report) ? reportFigures(readFileSync(report, 'utf8')) : new Map());
}

const names = [...variants.keys()];
const docs = [...new Set([...figures.values()].flatMap((m) => [...m.keys()]))].sort();
const table = [
  `| document | ${names.join(' | ')} |`,
  `|---|${names.map(() => '---').join('|')}|`,
  ...docs.map((d) => `| ${d} | ${names.map((n) => figures.get(n)?.get(d) ?? '–').join(' | ')} |`),
].join('\n');
const legend = 'Each cell: checks passing/failing, and the share of lines unparsed where any; – not made (no PDF) or joined to another file.';
writeFileSync(join(out, 'report.md'), `${legend}\n\n${table}\n`);
process.stdout.write(`${legend}\n\n${table}\n`);
