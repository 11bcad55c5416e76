/**
 * Writing a Pagefind bundle the way the site serves it (the full-text index of a site, or a sharded site's catalog),
 * and closing Pagefind so that its work is counted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';

// Pagefind's own result interfaces, which the site does not load (src/site/search-ui.ts draws its results with
// pagefind.js and its worker): seven files, 434 KB, that a static host would count.
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/**
 * Writes the index's bundle into `outputPath` without the unused interfaces; returns Pagefind's errors. A bundle already
 * there is replaced whole: Pagefind deletes nothing, so the fragment and index files of an earlier index whose names it
 * no longer writes would stay and be served, and it skips a file whose name exists, compressing nothing for it, so a
 * site indexed again took ~2 CPU-s less of a 600-page shard's ~29 than its first indexing in a build (docs/benchmarks.md,
 * "The shard build: what Pagefind's CPU grows with").
 */
export async function writeBundle(index: PagefindIndex, outputPath: string): Promise<string[]> {
  await rm(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  await Promise.all(UNUSED.map((file) => rm(`${outputPath}/${file}`, { force: true })));
  return written.errors;
}

/**
 * Closes Pagefind and waits until its binary has exited and been reaped. pagefind.close() only signals the binary,
 * and Node used to exit before reaping it: the binary's CPU, most of an indexing step's, then never reached the
 * parent's accounting, so `/usr/bin/time` of a build left it out (docs/benchmarks.md, "The shard build: where its
 * time goes"). Node reaps a child it spawned while its event loop runs; the binary is found among this process's
 * children as Linux lists them in /proc. Where there is no such list, this only closes.
 */
export async function closePagefind(): Promise<void> {
  const binaries = pagefindChildren();
  await pagefind.close();
  const until = Date.now() + 10_000;
  while (binaries.some((pid) => existsSync(`/proc/${pid}`)) && Date.now() < until) await new Promise((wait) => setTimeout(wait, 2));
}

function pagefindChildren(): string[] {
  try {
    const children = readdirSync('/proc/self/task').flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' '));
    return children.filter((pid) => pid !== '' && readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind'));
  } catch {
    return [];
  }
}
