/**
 * The ingest step that joins companion files (a 说明 volume and its 报表 volume) after the batch is parsed: the
 * parts' JSON files are read back, merged by the pure `mergeCompanions`, written as one document, and removed.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Disclosure } from '../src/schema/disclosure.ts';
import { joinCompanions, type CompanionFacts } from '../src/ingest/companions.ts';

export interface WrittenDocument extends CompanionFacts {
  /** The input's path as the user gave it, for messages. */
  label: string;
  nonBlankLines: number;
}

export interface JoinedDocument {
  doc: Disclosure;
  parts: WrittenDocument[];
}

/**
 * Joins the companions among `written` in `outDir`. `slugs` maps each output name of the batch to its input, so
 * that a merged name never overwrites another document's; `write` is the CLI's atomic writer.
 */
export async function joinWrittenCompanions(
  written: readonly WrittenDocument[],
  outDir: string,
  slugs: Map<string, string>,
  write: (path: string, content: string) => Promise<void>,
  log: (line: string) => void,
): Promise<JoinedDocument[]> {
  const groups = joinCompanions(written);
  const joined: JoinedDocument[] = [];
  if (groups.length === 0) return joined;
  // Loaded only for a batch with parts to join: the schema and the serializer are otherwise the parse workers' alone,
  // and loading them cost the main thread some 0.3 CPU-s a run (docs/benchmarks.md).
  const [{ disclosure }, { mergeCompanions }, { serializeDisclosure }] = await Promise.all([
    import('../src/schema/disclosure.ts'),
    import('../src/ingest/companion-merge.ts'),
    import('../src/ingest/serialize.ts'),
  ]);
  const read = async (d: WrittenDocument) => disclosure.parse(JSON.parse(await readFile(join(outDir, `${d.slug}.json`), 'utf8')));
  // Names the joins of this batch took: two joins whose parts share a start (syn-01 + syn-02, syn-03 + syn-04 → syn-0)
  // must not write one file over the other.
  const taken = new Set<string>();
  for (const group of groups) {
    const parts = [group.notes, ...group.tables];
    const files = parts.map((p) => p.label).join(' + ');
    try {
      const merged = mergeCompanions(await read(group.notes), await Promise.all(group.tables.map(read)));
      const owner = slugs.get(merged.slug);
      const clash = (owner && !parts.some((p) => p.label === owner)) || taken.has(merged.slug);
      const doc = clash ? { ...merged, slug: group.notes.slug } : merged;
      taken.add(doc.slug);
      await write(join(outDir, `${doc.slug}.json`), `${serializeDisclosure(doc)}\n`);
      for (const p of parts) if (p.slug !== doc.slug) await rm(join(outDir, `${p.slug}.json`), { force: true });
      log(`合并：${files} → ${doc.slug}.json（${group.reason}）`);
      joined.push({ doc, parts });
    } catch (error) {
      // The parts were written on their own already; they stay published as they are.
      log(`未能合并：${files}（${(error as Error).message}），各部分单独发布`);
    }
  }
  return joined;
}
