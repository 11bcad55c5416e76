import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinWrittenCompanions, type WrittenDocument } from '../../scripts/companion-step.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';

// Found at N = 10,000 of the synthetic corpus: 48 joins whose parts' names start alike (syn-07355-… + syn-09070-…)
// were all named syn-0.json, each written over the one before.
const dir = mkdtempSync(join(tmpdir(), 'companion-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function written(slug: string, department: string, volume: 'notes' | 'tables'): WrittenDocument {
  const doc = parseDisclosure(`${department}2026年部门预算\n一、部门职责\n负责相关工作。\n`, { file: `${slug}.txt`, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8', slug });
  writeFileSync(join(dir, `${slug}.json`), `${serializeDisclosure(doc)}\n`);
  const notes = volume === 'notes';
  return { slug, file: `${slug}.txt`, label: `${slug}.txt`, department, year: 2026, kind: 'budget', scope: notes ? 'department' : null, isTemplate: false, budgetTables: notes ? 0 : 9, paragraphs: notes ? 40 : 3, stated: {}, open: [], nonBlankLines: 3 };
}

describe('joining companions', () => {
  it('gives two joins whose parts share the start of their names two files', async () => {
    const parts = [written('syn-01-notes', '甲市某某局', 'notes'), written('syn-02-tables', '甲市某某局', 'tables'), written('syn-03-notes', '乙市某某局', 'notes'), written('syn-04-tables', '乙市某某局', 'tables')];
    const slugs = new Map(parts.map((p) => [p.slug, p.label]));
    const log: string[] = [];
    const joined = await joinWrittenCompanions(parts, dir, slugs, async (path, content) => writeFileSync(path, content), (line) => log.push(line));
    expect(joined.map((j) => j.doc.slug)).toEqual(['syn-01-notes', 'syn-03-notes']);
    expect(readdirSync(dir).sort()).toEqual(['syn-01-notes.json', 'syn-03-notes.json']);
    expect(log.map((l) => l.replace(/（.*$/, ''))).toEqual(['合并：syn-01-notes.txt + syn-02-tables.txt → syn-01-notes.json', '合并：syn-03-notes.txt + syn-04-tables.txt → syn-03-notes.json']);
  });
});
