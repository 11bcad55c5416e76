import { existsSync, readFileSync } from 'node:fs';
import { parseNarrative, type NarrativeResult } from '../../src/ingest/narrative/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { proseBlocks } from '../../src/ingest/layout/prose-blocks.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import type { Table } from '../../src/schema/table.ts';

export const SAMPLES = '../shared/samples';

/** Only the narrative parser, with no lines taken by tables: the figures below do not depend on the table parsers. */
export function narrativeOf(path: string, tables: Table[] = []): NarrativeResult {
  return narrativeOfText(readFileSync(path, 'utf8'), tables);
}

/** The narrative of a text, every line of it prose. */
export function narrativeOfText(text: string, tables: readonly Table[] = []): NarrativeResult {
  const lines = toSourceLines(text);
  return parseNarrative(lines, proseBlocks(lines, new Set(), detectLayout(lines)), tables);
}

export function seed(name: string): NarrativeResult {
  return narrativeOf(`content/sources/${name}.txt`);
}

export const samplesPresent = existsSync(SAMPLES);

export function fact(result: NarrativeResult, id: string) {
  return result.facts.find((f) => f.id === id);
}
