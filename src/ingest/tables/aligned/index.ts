import type { SourceLine } from '../../source-lines.ts';
import type { LayoutTables } from '../layout-result.ts';
import { CodeDictionary } from '../shared/code-reassembly.ts';
import { joinContinuedPages } from '../shared/continuation.ts';
import { addToDictionary, buildTable, placementWarnings } from '../shared/table-draft.ts';
import { alignedBlocks, type AlignedBlock } from '../table-blocks.ts';
import { draftAlignedTable } from './draft.ts';

/** Tables whose columns are aligned with runs of spaces (`pdftotext -layout`). */
export function parseAlignedTables(lines: readonly SourceLine[]): LayoutTables {
  return readAlignedBlocks(alignedBlocks(lines));
}

/** The tables of a document's aligned blocks (table-blocks.ts alignedBlocks). */
export function readAlignedBlocks(blocks: readonly AlignedBlock[]): LayoutTables {
  const drafts = joinContinuedPages(blocks.map(draftAlignedTable));
  const dictionary = new CodeDictionary();
  addToDictionary(dictionary, drafts);
  const built = drafts.map((d, i) => buildTable(d, `t${i + 1}`, dictionary, 'positioned'));
  return {
    tables: built.map((b) => b.table),
    claimed: blocks.map((b) => b.lines),
    unparsed: built.flatMap((b) => b.unparsed),
    warnings: placementWarnings(built),
  };
}
