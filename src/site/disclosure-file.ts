import { disclosure, type Disclosure } from '../schema/disclosure.ts';

/** A disclosure JSON file's text, validated by the schema; an error names the file and the first offending field. */
export function readDisclosureJson(text: string, path: string): Disclosure {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = disclosure.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
