import { describe, expect, it } from 'vitest';
import { readDisclosureJson } from '../../src/site/disclosure-file.ts';

// The site build and the shard tool read each disclosure JSON through this; a bad file stops them with a plain
// message naming the file and, for a schema error, the field as docs/schema.md names it.
describe('reading a disclosure JSON file', () => {
  it('names the file of text that is no JSON', () => {
    expect(() => readDisclosureJson('{"slug": ', 'content/disclosures/x.json')).toThrow(/^content\/disclosures\/x\.json：不是有效的 JSON（/);
  });

  it('names the file and the field the schema refuses', () => {
    expect(() => readDisclosureJson('{"schemaVersion": 1, "slug": 7}', 'x.json')).toThrow(/^x\.json：字段 slug 不符合数据格式：/);
    expect(() => readDisclosureJson('[]', 'y.json')).toThrow(/^y\.json：整个文件不符合数据格式：/);
  });
});
