import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { disclosure } from '../../src/schema/disclosure.ts';
import { parse } from '../fixtures/fuzz/disclosure-mutations.ts';

const SEEDS = 'content/sources';

describe('the JSON ingest writes (issue 16: big documents stay proportionate)', () => {
  it.each(readdirSync(SEEDS).map((n) => [n]))('%s: compact, without schema defaults, and read back to the same document', (name) => {
    const doc = parse(readFileSync(join(SEEDS, name), 'utf8'));
    const json = serializeDisclosure(doc);
    expect(json).not.toContain('\n');
    expect(json.length).toBeLessThan(JSON.stringify(doc).length);
    // Through the schema, as the content collection reads it: every left-out field comes back as it was.
    expect(JSON.parse(JSON.stringify(disclosure.parse(JSON.parse(json))))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('writes line ranges compactly and the checks of one relation as one run (administrative office seed)', () => {
    const doc = parse(readFileSync(join(SEEDS, 'kashgar-administrative-office-2021-budget.txt'), 'utf8'));
    const json = serializeDisclosure(doc);
    expect(json).not.toContain('"first":');
    const written = JSON.parse(json) as { checks: Array<{ lines: unknown[]; shared: [string, string]; checks: unknown[][] }> };
    // 201 一般公共服务支出 (line 205) against its 款 20103 (lines 207–208) and 20199 (line 216), in the nine amount
    // columns of 部门收入总表: nine checks, one list of lines.
    const run = written.checks.find((r) => r.shared[0] === 't2:parent-sum:g1:201:');
    expect(run?.lines).toEqual([205, [207, 208], 216]);
    expect(run?.checks).toHaveLength(9);
    expect(run?.checks[0]).toEqual(['total', 'pass', '合计）', 3533.48, 3533.48]);
    expect(doc.checks.filter((c) => c.id.startsWith('t2:parent-sum:g1:201:'))).toHaveLength(9);
    // A row with an amount or a blank in each column of its table writes them as a list in the columns' order
    // (财政拨款收支总表, line 503: 201 一般公共服务支出 4564.64 in 合计 and 一般公共预算, the fund columns blank); the
    // income side of the same line has the 合计 column only and keeps its key.
    const t4 = (JSON.parse(json) as { tables: Array<{ id: string; rows: Array<{ code: string | null; lines: unknown; values: unknown }> }> }).tables.find((t) => t.id === 't4');
    expect(t4?.rows.find((r) => r.code === '201')?.values).toEqual([4564.64, 4564.64, null, null]);
    expect(t4?.rows.find((r) => r.lines === 503 && r.code === null)?.values).toEqual({ total: 5005.17 });
    expect(disclosure.parse(JSON.parse(json)).tables.find((t) => t.id === 't4')?.rows.find((r) => r.code === '201')?.values).toEqual({
      total: 4564.64,
      general: 4564.64,
      fund: null,
      'state-capital': null,
    });
    expect(JSON.parse(JSON.stringify(disclosure.parse(JSON.parse(json)).checks))).toEqual(JSON.parse(JSON.stringify(doc.checks)));
  });
});
