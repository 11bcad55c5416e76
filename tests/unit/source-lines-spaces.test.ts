import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../src/ingest/source-lines.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

describe('spaces other than ASCII on a line', () => {
  it('are read as ASCII spaces one for one, so that a column keeps its place', () => {
    // No-break, en, em, thin, narrow no-break and ideographic spaces between a name and its amount.
    const raw = '工资福利支出\u00a0\u00a0\u2002\u2003\u2009\u202f\u3000859.26';
    expect(cleanLine(raw)).toBe('工资福利支出       859.26');
    expect(cleanLine(raw)).toHaveLength(raw.length);
  });
});

// `pdftotext -layout` text of ../shared/samples/other-provinces (read, not committed).
const FUZHOU = '../shared/samples/other-provinces/fuzhou-science-2026-budget.txt';
const absent = !existsSync(FUZHOU);
if (absent) console.warn(`skipping the no-break-space copy of a real disclosure: ${FUZHOU} is not present`);

describe.skipIf(absent)(`a disclosure whose columns are aligned with no-break spaces${absent ? ' — skipped: samples absent' : ''}`, () => {
  it('福州 科技局 2026, every run of spaces made U+00A0 (text copied out of a web page): the same tables, amounts and checks', () => {
    const text = readFileSync(FUZHOU, 'utf8');
    const parse = (t: string) => parseDisclosure(t, { file: FUZHOU, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    const plain = parse(text);
    const copied = parse(text.replace(/ {2,}/g, (run) => '\u00a0'.repeat(run.length)));
    // L416 `301      工资福利支出                      859.26` of the 一般公共预算基本支出经济分类表.
    const row = copied.tables.flatMap((t) => t.rows).find((r) => r.lines.first === 416);
    expect(row).toMatchObject({ code: '301', name: '工资福利支出' });
    expect(Object.values(row!.values)).toContain(859.26);
    expect(copied.tables.map((t) => [t.kind, t.rows.length])).toEqual(plain.tables.map((t) => [t.kind, t.rows.length]));
    expect(copied.checks.map((c) => `${c.id}:${c.status}`)).toEqual(plain.checks.map((c) => `${c.id}:${c.status}`));
    expect(copied.unparsed).toHaveLength(0);
  });
});
