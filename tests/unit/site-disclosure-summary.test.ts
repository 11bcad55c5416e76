import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { disclosureSummary, summarize } from '../../src/site/disclosure-summary.ts';

const SOURCES = 'content/sources';
const docs = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => parseDisclosure(readFileSync(join(SOURCES, f), 'utf8'), { file: f, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' }));
const summaries = docs.map(summarize);

describe('the summary the content collection holds of each disclosure', () => {
  it('validates against its schema and is a small part of the document', () => {
    for (const [i, s] of summaries.entries()) {
      expect(disclosureSummary.parse(s)).toEqual(s);
      expect(JSON.stringify(s).length).toBeLessThan(JSON.stringify(docs[i]).length / 5);
    }
  });

  it('keeps the 三公 figures the /three-public/ page shows (巨鹿扶贫办: 1.96 万元 from the text, no table)', () => {
    const julu = summaries.find((s) => s.slug === 'julu-county-poverty-office-2021-budget')!;
    expect(julu.threePublic?.tableId).toBeNull();
    expect(julu.threePublic?.stages.map((s) => [s.label, s.values.total, s.fromText.includes('total')])).toEqual([['预算', 1.96, true]]);
  });
});
