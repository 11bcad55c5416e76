import type { z } from 'astro/zod';
import { disclosure, type Disclosure } from '../schema/disclosure.ts';
import { validatedReader } from '../schema/validated.ts';
import { jsonMembers } from './json-members.ts';
import type { SummarySource } from './summary.ts';

/** A disclosure JSON file's text, validated by the schema; an error names the file and the first offending field. */
export function readDisclosureJson(text: string, path: string): Disclosure {
  return readJson(text, path, disclosure);
}

/**
 * A disclosure the schema has accepted before (JSON.parse'd), read as its parse would give it without the checks:
 * 2.5–3 instead of 6–8 CPU-ms a synthetic disclosure (docs/benchmarks.md). Only for a text the content loader has
 * validated, in this build or, with the same schema, in an earlier one (scripts/validation-record.ts).
 */
export const readValidatedDisclosure = validatedReader(disclosure);

const readAllButChecks = validatedReader(disclosure.omit({ checks: true }));

/**
 * What a disclosure's summary reads (summary.ts `SummarySource`) from a text the schema has accepted before: the
 * document as readValidatedDisclosure reads it but its checks, left as the file holds them. The summary only counts
 * their statuses, and the compact form's blocks read are a check for each row's column: ~0.7 of the ~3 CPU-ms a
 * synthetic disclosure's read takes, and the garbage (docs/benchmarks.md, "astro build: the loader counts the checks").
 */
export function readValidatedSummarySource(text: string): SummarySource {
  const json = JSON.parse(text);
  return { ...readAllButChecks(json), checks: json.checks };
}

/**
 * Some members of such a disclosure, read from the file's bytes without decoding or parsing the rest (json-members.ts):
 * a reader of `fields`, a pick of the schema. Bytes that are not one object as far as jsonMembers reads go to
 * JSON.parse, for its message.
 */
export function validatedMembersReader<S extends z.ZodObject>(fields: S): (bytes: Buffer) => z.infer<S> {
  const keys = Object.keys(fields.shape);
  const read = validatedReader(fields);
  return (bytes) => read(jsonMembers(bytes, keys) ?? JSON.parse(bytes.toString('utf8')));
}

/** A JSON file's text, validated by a schema; an error names the file and the first offending field. */
export function readJson<S extends z.ZodType>(text: string, path: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}：不是有效的 JSON（${(error as Error).message}）`);
  }
  return checkedValue(raw, path, schema);
}

/** A value read from a JSON file, validated by a schema; an error names the file and the first offending field. */
export function checkedValue<S extends z.ZodType>(raw: unknown, path: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // The field's path stays as the schema names it (tables.3.rows.0.values): it is what docs/schema.md documents.
  const where = issue.path.length > 0 ? `字段 ${issue.path.join('.')} ` : '整个文件';
  throw new Error(`${path}：${where}不符合数据格式：${issue.message}`);
}
