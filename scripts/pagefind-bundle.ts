/** Writing a Pagefind bundle the way the site serves it: the full-text index of a site, or a sharded site's catalog. */
import { rm } from 'node:fs/promises';
import type { PagefindIndex } from 'pagefind';

// Pagefind's own result interfaces, which the site does not load (src/site/search-ui.ts draws its results with
// pagefind.js and its worker): seven files, 434 KB, that a static host would count.
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/** Writes the index's bundle into `outputPath` without the unused interfaces; returns Pagefind's errors. */
export async function writeBundle(index: PagefindIndex, outputPath: string): Promise<string[]> {
  const written = await index.writeFiles({ outputPath });
  await Promise.all(UNUSED.map((file) => rm(`${outputPath}/${file}`, { force: true })));
  return written.errors;
}
