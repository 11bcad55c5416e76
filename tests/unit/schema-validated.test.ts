import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { disclosure } from '../../src/schema/disclosure.ts';
import { validatedReader } from '../../src/schema/validated.ts';
import { hostileDocument } from '../fixtures/hostile/hostile-disclosure.ts';
import { parse } from '../fixtures/fuzz/disclosure-mutations.ts';

const SEEDS = 'content/sources';
const read = validatedReader(disclosure);

/** The same value, with the same keys in the same order. */
function expectSameRead(json: string): void {
  const bySchema = disclosure.parse(JSON.parse(json));
  const byReader = read(JSON.parse(json));
  expect(isDeepStrictEqual(byReader, bySchema)).toBe(true);
  expect(JSON.stringify(byReader)).toBe(JSON.stringify(bySchema));
}

describe('a disclosure the schema validated, read again without validating (the site pages and downloads)', () => {
  it.each(readdirSync(SEEDS).map((n) => [n]))('%s: as ingest writes it (compact), the same as the schema reads it', (name) => {
    expectSameRead(serializeDisclosure(parse(readFileSync(join(SEEDS, name), 'utf8'))));
  });

  it('the hostile document written in full: the same as the schema reads it', () => {
    expectSameRead(JSON.stringify(hostileDocument(false)));
  });

  it('expands the compact forms: a row of amounts as a list, line ranges, a block of checks (administrative office seed)', () => {
    const doc = read(JSON.parse(serializeDisclosure(parse(readFileSync(join(SEEDS, 'kashgar-administrative-office-2021-budget.txt'), 'utf8')))));
    // 财政拨款收支总表, line 503: 201 一般公共服务支出 4564.64 in 合计 and 一般公共预算, the fund columns blank.
    const row = doc.tables.find((t) => t.id === 't4')?.rows.find((r) => r.code === '201');
    expect(row?.values).toEqual({ total: 4564.64, general: 4564.64, fund: null, 'state-capital': null });
    expect(row?.lines).toEqual({ first: 503, last: 503 });
    expect(row?.level).toBe(1);
    // 201 一般公共服务支出 (line 205) against its 款 20103 (lines 207–208) and 20199 (line 216), 合计 column.
    expect(doc.checks.find((c) => c.id === 't2:parent-sum:g1:201:total')).toEqual({
      id: 't2:parent-sum:g1:201:total',
      status: 'pass',
      message: '201 一般公共服务支出 = 下级科目之和（合计）',
      expected: 3533.48,
      actual: 3533.48,
      lines: [{ first: 205, last: 205 }, { first: 207, last: 208 }, { first: 216, last: 216 }],
    });
  });

  it('fills in each default as a new value, puts keys in the schema order and leaves out keys the schema does not know', () => {
    const schema = z.object({ a: z.string(), list: z.array(z.number()).default([]), box: z.tuple([z.number(), z.number()]).optional() });
    const twice = validatedReader(z.array(schema))([{ extra: 1, a: 'x' }, { box: [1, 2], a: 'y' }]);
    expect(twice).toEqual([{ a: 'x', list: [] }, { a: 'y', list: [], box: [1, 2] }]);
    expect(Object.keys(twice[1])).toEqual(['a', 'list', 'box']);
    expect(twice[0].list).not.toBe(twice[1].list);
  });

  it('reads a picked schema (the downloads) as that schema reads it', () => {
    const picked = disclosure.pick({ slug: true, region: true, tables: true });
    const json = serializeDisclosure(parse(readFileSync(join(SEEDS, 'julu-county-poverty-office-2021-budget.txt'), 'utf8')));
    expect(JSON.stringify(validatedReader(picked)(JSON.parse(json)))).toBe(JSON.stringify(picked.parse(JSON.parse(json))));
  });

  it('refuses, when it is made, a schema whose value it could not read without validating', () => {
    expect(() => validatedReader(z.union([z.object({ a: z.string() }), z.number()]))).toThrow('a schema of type union is not read');
    expect(() => validatedReader(z.object({ m: z.map(z.string(), z.number()) }))).toThrow('a schema of type map is not read');
  });
});
