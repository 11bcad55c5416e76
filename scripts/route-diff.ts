/**
 * Issue 10, point 5: a sample PDF read from the PDF itself and from its `pdftotext -layout` text beside it should give
 * the same tables, cells, target forms and check results. `node scripts/route-diff.ts [DIR…]` reads every PDF of the
 * folders (default ../shared/samples and its other-provinces) that has its .txt, both ways as the ingest CLI reads
 * them, and prints every difference a line, then their count per document; tests/unit/pdf-parity*.test.ts list and
 * explain each one that remains.
 *
 * A difference reads `missing X` (the text route has it, the PDF route not), `extra X` (the PDF route only),
 * `differs X: text → pdf`, or `check ID: text → pdf` (a check whose status differs). Tables go by kind and title
 * (`#2` for the second of the same), rows by code or name (and side), cells by column key, target forms by project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDisclosure, sourceInfo } from '../src/ingest/parse-disclosure.ts';
import { readSource } from '../src/ingest/sources/index.ts';
import type { Disclosure } from '../src/schema/disclosure.ts';

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/** `name #k` for the k-th of the same name in a list. */
function numbered<T>(items: readonly T[], name: (t: T) => string): Array<[string, T]> {
  const seen = new Map<string, number>();
  return items.map((t) => {
    const n = name(t);
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return [k > 1 ? `${n} #${k}` : n, t];
  });
}

/** Everything compared, `where` → what it says; a key with value '' is only there or not. */
function factsOf(doc: Disclosure): Map<string, string> {
  const out = new Map<string, string>();
  for (const [table, t] of numbered(doc.tables, (t) => `${t.kind} ${norm(t.title)}`)) {
    out.set(`table ${table}`, '');
    for (const c of t.columns) out.set(`column ${table} | ${c.key}`, norm(c.label));
    for (const [row, r] of numbered(t.rows, (r) => `${r.code ?? norm(r.name)}${r.texts.side ? ` (${r.texts.side})` : ''}`)) {
      out.set(`row ${table} | ${row}`, r.code ? norm(r.name) : '');
      for (const [key, v] of Object.entries(r.values)) if (v !== null) out.set(`cell ${table} | ${row} | ${key}`, String(v));
    }
  }
  for (const [form, t] of numbered(doc.targets, (t) => `${t.scope} ${norm(t.projectName ?? t.title)}`)) {
    out.set(`form ${form}`, '');
    for (const [field, v] of Object.entries({ ...t.funds, goal: t.goal, periodGoal: t.periodGoal, unitName: t.unitName, code: t.code }))
      if (v !== null) out.set(`form ${form} | ${field}`, norm(String(v)));
    for (const [ind, i] of numbered(t.indicators, (i) => `${norm(i.level1)}/${norm(i.level2)}/${norm(i.name)}`))
      out.set(`indicator ${form} | ${ind}`, norm(i.value.text));
  }
  return out;
}

/** Every difference between a document read from its PDF and from its text, in the order of the text's own. */
export function routeDifferences(pdf: Disclosure, text: Disclosure): string[] {
  const fromPdf = factsOf(pdf);
  const fromText = factsOf(text);
  const out: string[] = [];
  const said = (k: string, v: string) => (v === '' ? k : `${k} = ${v}`);
  for (const [k, v] of fromText) {
    if (!fromPdf.has(k)) out.push(`missing ${said(k, v)}`);
    else if (fromPdf.get(k) !== v) out.push(`differs ${k}: ${v} → ${fromPdf.get(k)}`);
  }
  for (const [k, v] of fromPdf) if (!fromText.has(k)) out.push(`extra ${said(k, v)}`);
  const status = (d: Disclosure) => new Map(d.checks.map((c) => [c.id, c.status]));
  const pdfStatus = status(pdf);
  for (const [id, s] of status(text)) if (s !== (pdfStatus.get(id) ?? 'absent')) out.push(`check ${id}: ${s} → ${pdfStatus.get(id) ?? 'absent'}`);
  for (const [id, s] of pdfStatus) if (s === 'fail' && !text.checks.some((c) => c.id === id)) out.push(`check ${id}: absent → fail`);
  return out;
}

/** The PDFs of a folder that have their `pdftotext -layout` text beside them (none if the folder is absent). */
export function pdfsWithText(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.pdf') && existsSync(join(dir, f.replace(/\.pdf$/, '.txt')))).sort();
}

/** One document read both ways, the PDF with everything the CLI passes the parser (boxes, rules, glyphs, turns). */
export async function routesOf(dir: string, f: string): Promise<{ pdf: Disclosure; text: Disclosure }> {
  const read = await readSource(readFileSync(join(dir, f)));
  if (!read.ok) throw new Error(`${f}: ${read.reason}`);
  const sha256 = '0'.repeat(64);
  return {
    pdf: parseDisclosure(read.text, sourceInfo(read, f, sha256)),
    text: parseDisclosure(readFileSync(join(dir, f.replace(/\.pdf$/, '.txt')), 'utf8'), { file: f, sha256, format: 'text', encoding: 'utf-8' }),
  };
}

if (import.meta.main) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['../shared/samples', '../shared/samples/other-provinces'];
  let total = 0;
  const counts: string[] = [];
  for (const dir of dirs)
    for (const f of pdfsWithText(dir)) {
      const { pdf, text } = await routesOf(dir, f);
      const diffs = routeDifferences(pdf, text);
      for (const d of diffs) console.log(`${f}: ${d}`);
      counts.push(`${diffs.length}\t${f}`);
      total += diffs.length;
    }
  console.log(`\n${counts.join('\n')}\n${total}\t共计`);
}
