import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { compiledFields } from '../../src/schema/compiled.ts';
import { disclosure } from '../../src/schema/disclosure.ts';
import { parse } from '../fixtures/fuzz/disclosure-mutations.ts';

const SEEDS = 'content/sources';
const HASH = 'a'.repeat(64);

describe('the schema run by the code zod generates from it (ingest validates each draft with it)', () => {
  it('compiles every field: one that falls back to the interpreter is correct but as slow as before', () => {
    for (const key of Object.keys(disclosure.shape) as Array<keyof typeof disclosure.shape>) {
      expect(compiledFields[key], key).not.toBe(disclosure.shape[key]);
    }
  });

  it.each(readdirSync(SEEDS).map((n) => [n]))('%s: its written JSON read field by field as the interpreter reads it, keys in the same order', (name) => {
    const written = JSON.parse(serializeDisclosure(parse(readFileSync(join(SEEDS, name), 'utf8')))) as Record<string, unknown>;
    const bySchema = disclosure.parse(written);
    const byCompiled = Object.fromEntries(Object.entries(compiledFields).map(([key, field]) => [key, field.parse(written[key])]));
    expect(isDeepStrictEqual(byCompiled, bySchema)).toBe(true);
    expect(JSON.stringify(byCompiled)).toBe(JSON.stringify(bySchema));
  });

  it('fills a default with a new value each time, puts keys in the schema order and leaves out keys it does not know', () => {
    const draft = { extra: 1, encoding: 'utf-8', lineCount: 12, format: 'text', sha256: HASH, file: 'a.txt' };
    const first = compiledFields.source.parse(draft);
    const second = compiledFields.source.parse(draft);
    expect(first).toEqual({ file: 'a.txt', sha256: HASH, format: 'text', encoding: 'utf-8', lineCount: 12, pageStarts: [] });
    expect(Object.keys(first)).toEqual(['file', 'sha256', 'format', 'encoding', 'lineCount', 'pageStarts']);
    expect(first.pageStarts).not.toBe(second.pageStarts);
  });

  it('rejects what the schema rejects with the schema’s own issues: the field, its path, its code', () => {
    const bad = { file: 'a.txt', sha256: 'not-a-hash', format: 'text', encoding: 'utf-8', lineCount: -1 };
    const compiled = compiledFields.source.safeParse(bad);
    const interpreted = disclosure.shape.source.safeParse(bad);
    expect(compiled.success).toBe(false);
    expect(compiled.error?.issues.map((i) => [i.path, i.code])).toEqual([
      [['sha256'], 'invalid_format'],
      [['lineCount'], 'too_small'],
    ]);
    expect(compiled.error?.issues).toEqual(interpreted.error?.issues);
  });

  it('expands a block of checks as written (two columns of one relation, the second failing)', () => {
    const block = {
      columns: [['total', '（合计）'], ['general', '（一般公共预算）']],
      status: 'pass',
      rows: [{ id: 't2:parent-sum:g1:201', message: '201 一般公共服务支出 = 下级科目之和', status: ['pass', 'fail'], expected: [10, 4], actual: [10, 5], lines: [205, [207, 208]] }],
    };
    expect(compiledFields.checks.parse([block])).toEqual([
      { id: 't2:parent-sum:g1:201:total', status: 'pass', message: '201 一般公共服务支出 = 下级科目之和（合计）', expected: 10, actual: 10, lines: [{ first: 205, last: 205 }, { first: 207, last: 208 }] },
      { id: 't2:parent-sum:g1:201:general', status: 'fail', message: '201 一般公共服务支出 = 下级科目之和（一般公共预算）', expected: 4, actual: 5, lines: [{ first: 205, last: 205 }, { first: 207, last: 208 }] },
    ]);
  });
});
