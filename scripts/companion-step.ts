/**
 * The ingest step that joins companion files (a 说明 volume and its 报表 volume) after the batch is parsed: the
 * parts' JSON files are read back, merged by the pure `mergeCompanions`, written as one document, and removed. A
 * tables volume whose open tables the 说明 states figures of is parsed once more, with them (companions.ts figuresFor).
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Disclosure } from '../src/schema/disclosure.ts';
import { figuresFor, joinCompanions, type CompanionFacts } from '../src/ingest/companions.ts';
import type { StatedFigures } from '../src/ingest/tables/spaced/stated-figures.ts';
import type { BatchSummary } from '../src/ingest/summary.ts';

export interface WrittenDocument extends CompanionFacts {
  /** The input's path as the user gave it, for messages. */
  label: string;
  nonBlankLines: number;
}

/** A tables volume parsed again with its 说明's figures: its JSON, and its totals for the batch's summary. */
export interface Reparsed {
  json: Uint8Array;
  summary: BatchSummary;
}

/** Parses a tables volume again with the figures given; null where that failed, and the first parse stands. */
export type Reparse = (part: WrittenDocument, stated: StatedFigures) => Promise<Reparsed | null>;

export interface JoinedDocument {
  doc: Disclosure;
  parts: WrittenDocument[];
  /** The parts parsed again, by slug, with their new totals: they replace the first parse's in the summary. */
  reparsed: Map<string, BatchSummary>;
}

/**
 * Joins the companions among `written` in `outDir`. `slugs` maps each output name of the batch to its input, so
 * that a merged name never overwrites another document's; `write` is the CLI's atomic writer; `reparse`, the CLI's
 * parse of a tables volume with its 说明's figures (none: the parts are joined as they were parsed).
 */
export async function joinWrittenCompanions(
  written: readonly WrittenDocument[],
  outDir: string,
  slugs: Map<string, string>,
  write: (path: string, content: string) => Promise<void>,
  log: (line: string) => void,
  reparse?: Reparse,
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
  const fromJson = (text: string) => disclosure.parse(JSON.parse(text));
  const read = async (d: WrittenDocument) => fromJson(await readFile(join(outDir, `${d.slug}.json`), 'utf8'));
  // Names the joins of this batch took: two joins whose parts share a start (syn-01 + syn-02, syn-03 + syn-04 → syn-0)
  // must not write one file over the other.
  const taken = new Set<string>();
  for (const group of groups) {
    const parts = [group.notes, ...group.tables];
    const files = parts.map((p) => p.label).join(' + ');
    try {
      const reparsed = new Map<string, BatchSummary>();
      // At most one parse more a tables volume, and only where the 说明 states figures of a table it left open.
      const tablesOf = async (part: WrittenDocument) => {
        const figures = figuresFor(group.notes, part);
        const again = figures && reparse ? await reparse(part, figures) : null;
        if (!again) return read(part);
        const doc = fromJson(new TextDecoder().decode(again.json));
        reparsed.set(part.slug, again.summary);
        log(`重新解析：${part.label}：其中有的表仅凭合计关系定不下各数所在的列，按 ${group.notes.label} 说明中写明的数再解析一次`);
        return doc;
      };
      const merged = mergeCompanions(await read(group.notes), await Promise.all(group.tables.map(tablesOf)));
      const owner = slugs.get(merged.slug);
      const clash = (owner && !parts.some((p) => p.label === owner)) || taken.has(merged.slug);
      const doc = clash ? { ...merged, slug: group.notes.slug } : merged;
      taken.add(doc.slug);
      await write(join(outDir, `${doc.slug}.json`), `${serializeDisclosure(doc)}\n`);
      for (const p of parts) if (p.slug !== doc.slug) await rm(join(outDir, `${p.slug}.json`), { force: true });
      log(`合并：${files} → ${doc.slug}.json（${group.reason}）`);
      joined.push({ doc, parts, reparsed });
    } catch (error) {
      // The parts were written on their own already; they stay published as they are.
      log(`未能合并：${files}（${(error as Error).message}），各部分单独发布`);
    }
  }
  return joined;
}
