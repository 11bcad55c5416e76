/**
 * Output names, in a module of their own: the CLI's main thread names files without loading the parser, which only
 * its parse workers need (loading it cost the main thread some 0.6 CPU-s a run, docs/benchmarks.md).
 */
import { createHash } from 'node:crypto';

/**
 * A slug from the file name: its lower-case ASCII words. Offices name their files in Chinese
 * (某某局2026年部门预算.pdf, 某某局2026年单位预算.pdf), whose ASCII words alone (2026) would give a year's files one
 * name; such a name adds a short hash of the whole name, which stays the same while the file keeps its name, whatever
 * its content. A name with no words of either kind is named by its content.
 */
export function slugFor(file: string, sha256: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const words = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (/[^\x00-\x7f]/.test(base)) {
    const tag = createHash('sha256').update(base.normalize('NFC')).digest('hex').slice(0, 10);
    return words ? `${words}-${tag}` : `doc-${tag}`;
  }
  return words.length >= 3 ? words : `doc-${sha256.slice(0, 12)}`;
}
