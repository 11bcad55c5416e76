/**
 * Which disclosure texts the schema has accepted: the SHA-256 of each text ingest wrote (scripts/ingest.ts: the
 * document it serialised was validated by the schema, and its text reads back to the same document through the
 * schema, tests/unit/reliability-serialize.test.ts) and of each other text the content loader validated (in a sharded
 * build, each shard's), per version of the schema and of zod, in node_modules/.cache/validated/. A text recorded there is read
 * without validating it again (src/schema/validated.ts); any other text, or any text after a change to the schema or
 * to zod, is validated in full, so an invalid file still fails the build with its path and field. Keyed by the text, not by a file's path
 * or folder: a shard's copy of a file, a folder built under another CONTENT_DIR and a rebuild after a change to the
 * site's own code (which remakes every summary) find it.
 *
 * Not kept beside the content: a folder of disclosures comes from elsewhere (another office, a test's hostile
 * fixtures), and a record that travelled with it would let its files skip the check because the folder says so.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Disclosure } from '../src/schema/disclosure.ts';
import { readDisclosureJson, readValidatedDisclosure } from '../src/site/disclosure-file.ts';
import { treeDigest } from './tree-digest.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What decides whether a text is accepted: the schema's code and the zod it runs on. */
const VALIDATION_CODE = ['src/schema', 'node_modules/zod/package.json'];

/**
 * What the record keeps of a text: the SHA-256 of its UTF-8 bytes (the same for the text and for the file's bytes).
 * A cryptographic hash, since the record vouches for texts it is given the digest of: with a fast hash such as the
 * xxHash Astro keys its cache by, a folder could bring a text made to share the digest of one that passed, and have
 * it read unchecked. The content loader keys its cache by it too, so a text is hashed once.
 */
export function textDigest(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url');
}

export class ValidationRecord {
  private readonly path: string;
  private readonly known: Set<string>;
  private readonly added = new Set<string>();

  private constructor(path: string, known: Set<string>) {
    this.path = path;
    this.known = known;
  }

  /** The record of the schema as it is now; `dir` only for tests. */
  static async open(dir = join(ROOT, 'node_modules', '.cache', 'validated')): Promise<ValidationRecord> {
    const path = join(dir, `${(await treeDigest(ROOT, VALIDATION_CODE)).slice(0, 16)}.json`);
    let known: string[] = [];
    try {
      known = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      // no record yet for this schema, or an unreadable one: every text is validated
    }
    return new ValidationRecord(path, new Set(known));
  }

  /**
   * A disclosure file's text as the schema's parse gives it: validated in full (an error names the file and the
   * field) unless this text passed this schema before, and then recorded as passed. `digest` is the text's
   * `textDigest`, for a caller that has it already.
   */
  disclosure(text: string, path: string, digest = textDigest(text)): Disclosure {
    if (this.isAccepted(digest)) return readValidatedDisclosure(JSON.parse(text));
    const doc = readDisclosureJson(text, path);
    this.added.add(digest);
    return doc;
  }

  /** Whether the text of this `textDigest` passed this schema before: it may be read without validating it. */
  isAccepted(digest: string): boolean {
    return this.known.has(digest) || this.added.has(digest);
  }

  /**
   * Records a text the schema accepted without this record's help: one ingest wrote from a document it validated.
   * `digest` is its `textDigest`.
   */
  accepted(digest: string): void {
    if (!this.known.has(digest)) this.added.add(digest);
  }

  /**
   * Writes the record with this build's additions, re-reading it first so that builds running at once (shards) keep
   * each other's; one that wrote in between may still lose its additions, which only costs a validation next time.
   */
  async save(): Promise<void> {
    if (this.added.size === 0) return;
    let now: string[] = [];
    try {
      now = JSON.parse(await readFile(this.path, 'utf8'));
    } catch {
      // written by no one yet
    }
    const all = new Set([...now, ...this.known, ...this.added]);
    await mkdir(join(this.path, '..'), { recursive: true });
    await writeFile(`${this.path}.${process.pid}.tmp`, `${JSON.stringify([...all])}\n`);
    await rename(`${this.path}.${process.pid}.tmp`, this.path);
  }
}
