/**
 * Pagefind for a site's full-text index: started with its allocator set for a run that ends with the bundle, the
 * bundle written the way the site serves it, and closed so that its work is counted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import type { NewIndexResponse, PagefindIndex, PagefindServiceConfig } from 'pagefind';

/**
 * Pagefind's binary allocates with jemalloc, which hands memory that stayed free for 10 s back to the kernel and then
 * takes fresh zeroed pages again as it writes the bundle: a quarter of the binary's CPU on a 500-document shard, most
 * of it kernel time (docs/benchmarks.md, "The shard build: Pagefind's allocator, and where the dist's bytes go"). The
 * binary exits once its bundle is written, so it keeps what it frees for reuse instead: the same bundle, its peak
 * memory ~0.1 GiB higher. `_RJEM_MALLOC_CONF` is jemalloc's MALLOC_CONF under the prefix Rust's jemallocator builds it
 * with; a setting the caller's environment already has is left as it is.
 */
const KEEP_FREED_MEMORY = 'dirty_decay_ms:-1,muzzy_decay_ms:-1';

/** pagefind.createIndex, its binary started with the allocator setting above (the binary inherits this environment). */
export function createIndex(config: PagefindServiceConfig): Promise<NewIndexResponse> {
  process.env._RJEM_MALLOC_CONF ??= KEEP_FREED_MEMORY;
  return pagefind.createIndex(config);
}

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
