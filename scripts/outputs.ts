/**
 * The ingest CLI's care of its output folder: whose output a JSON file is (so that one source never overwrites
 * another's), outputs whose source is gone, and temporary files an interrupted run left behind.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The `source.file` an output records; null when there is no such file, '' when it is not a disclosure JSON. */
export async function sourceOfOutput(path: string): Promise<string | null> {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const file = (JSON.parse(text) as { source?: { file?: unknown } }).source?.file;
    return typeof file === 'string' ? file : '';
  } catch {
    return '';
  }
}

/** Removes the disclosure JSON files whose source file is not among `sources`; returns their paths. */
export async function removeStale(outDir: string, sources: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const name of (await readdir(outDir)).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(outDir, name);
    const source = await sourceOfOutput(path);
    // Only outputs that name their source are this program's to remove.
    if (source && !sources.has(source)) {
      await rm(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes `<name>.json.<pid>.tmp` files (scripts/ingest.ts writeAtomically) of processes that no longer run: what a
 * killed run left. A running process's temporary file is its write in progress and is left alone.
 */
export async function removeStaleTemporaries(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    const pid = /\.json\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) await rm(join(outDir, name), { force: true });
  }
}
