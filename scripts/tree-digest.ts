import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * A hash of every file under the given paths (folders recursively), names included: the version of the code that
 * made a cached result, so that a cache entry never outlives a change to that code.
 */
export async function treeDigest(root: string, paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    const full = join(root, path);
    const files = (await stat(full)).isDirectory()
      ? (await readdir(full, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .sort()
      : [full];
    for (const file of files) hash.update(`${relative(root, file)}\0`).update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}
