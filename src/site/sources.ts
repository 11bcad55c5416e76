import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const SOURCES_DIR = 'content/sources';

/**
 * The bytes of a disclosure's original file, when the bundled copy is the very file that was parsed (same SHA-256);
 * otherwise null, so that the site never offers a source that differs from the data.
 */
export function sourceBytes(doc: { source: { file: string; sha256: string } }): Buffer | null {
  const path = join(SOURCES_DIR, basename(doc.source.file));
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return createHash('sha256').update(bytes).digest('hex') === doc.source.sha256 ? bytes : null;
}

/** The site path of the original file (`sources/<file>`), or null when it is not served. */
export function sourcePath(doc: { source: { file: string; sha256: string } }): string | null {
  return sourceBytes(doc) ? `sources/${basename(doc.source.file)}` : null;
}
