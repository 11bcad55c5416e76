import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { disclosure } from '../../src/schema/disclosure.ts';
import { textDigest, ValidationRecord } from '../../scripts/validation-record.ts';
import { hostileDocument } from '../fixtures/hostile/hostile-disclosure.ts';

// The content loader (each shard's, in a sharded build) validates a disclosure text once per schema: a text recorded as passed is
// read without the checks, any other text is validated in full and fails naming its file and field.
describe('the record of texts the schema accepted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'validated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = serializeDisclosure(hostileDocument(false));
  const invalid = (() => {
    const written = JSON.parse(text) as { tables: Array<{ rows: Array<{ name: unknown }> }> };
    written.tables[0].rows[1].name = 7;
    return JSON.stringify(written);
  })();

  it('validates a text it has not seen, and records it once it passed', async () => {
    const record = await ValidationRecord.open(dir);
    expect(record.disclosure(text, 'a.json')).toEqual(disclosure.parse(JSON.parse(text)));
    await record.save();
    const [file] = readdirSync(dir);
    expect(JSON.parse(readFileSync(join(dir, file), 'utf8'))).toHaveLength(1);
  });

  it('reads a recorded text as the schema parses it, in a later build', async () => {
    const record = await ValidationRecord.open(dir);
    const read = record.disclosure(text, 'b.json');
    expect(read).toEqual(disclosure.parse(JSON.parse(text)));
    // Key order too: pages and downloads write what they read.
    expect(JSON.stringify(read)).toBe(JSON.stringify(disclosure.parse(JSON.parse(text))));
    // What a record says is believed (which is why it is kept in node_modules/.cache, not beside the content): with
    // the invalid text's digest planted, it is read without the check.
    const planted = mkdtempSync(join(tmpdir(), 'validated-planted-'));
    try {
      const [file] = readdirSync(dir);
      writeFileSync(join(planted, file), JSON.stringify([createHash('sha256').update(invalid).digest('base64url')]));
      expect((await ValidationRecord.open(planted)).disclosure(invalid, 'e.json').tables[0].rows[1].name).toBe(7);
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });

  it('keys texts by their SHA-256, the digest the content loader also makes its cache key from', async () => {
    // A cryptographic hash, not Astro's xxHash: the record vouches for any text that has a recorded digest.
    expect(textDigest(text)).toBe(createHash('sha256').update(text).digest('base64url'));
    const record = await ValidationRecord.open(dir);
    expect(record.disclosure(text, 'b.json', textDigest(text))).toEqual(disclosure.parse(JSON.parse(text)));
    expect(() => record.disclosure(invalid, 'content/invalid.json', textDigest(invalid))).toThrow(/字段 tables\.0\.rows\.1\.name/);
  });

  it('still fails on any other text, naming the file and the field, and does not record it', async () => {
    const record = await ValidationRecord.open(dir);
    expect(() => record.disclosure(invalid, 'content/invalid.json')).toThrow(/^content\/invalid\.json：字段 tables\.0\.rows\.1\.name 不符合数据格式/);
    // A recorded text with one character changed is another text.
    expect(() => record.disclosure(`${text.slice(0, -1)} }`, 'c.json')).not.toThrow();
    expect(() => record.disclosure(text.replace('"slug":"', '"slug":7,"x":"'), 'd.json')).toThrow(/^d\.json：字段 slug /);
    await record.save();
    expect(JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'))).toHaveLength(2);
  });
});

// Ingest records each text it writes (scripts/ingest.ts): the worker validated the document and its findings, and the
// text reads back to that document through the schema (tests/unit/reliability-serialize.test.ts).
describe('a text ingest wrote', () => {
  const dir = mkdtempSync(join(tmpdir(), 'validated-ingest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = serializeDisclosure(hostileDocument(false));
  const bytes = new TextEncoder().encode(text);

  it('is recorded by the digest of its bytes, the same as its text, and read in a later build without validating', async () => {
    expect(textDigest(bytes)).toBe(textDigest(text));
    const ingest = await ValidationRecord.open(dir);
    ingest.accepted(textDigest(bytes));
    await ingest.save();
    const build = await ValidationRecord.open(dir);
    expect(JSON.stringify(build.disclosure(text, 'a.json'))).toBe(JSON.stringify(disclosure.parse(JSON.parse(text))));
    // Nothing added by the build: the text was known.
    await build.save();
    expect(JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'))).toEqual([textDigest(text)]);
    // The same file edited afterwards is another text, validated in full.
    expect(() => build.disclosure(text.replace('"slug":"', '"slug":7,"x":"'), 'a.json')).toThrow(/^a\.json：字段 slug /);
  });
});
