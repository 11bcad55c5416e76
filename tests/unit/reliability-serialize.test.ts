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
});
