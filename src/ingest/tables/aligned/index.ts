import type { SourceLine } from '../../source-lines.ts';
import type { LayoutTables } from '../layout-result.ts';
import { CodeDictionary } from '../shared/code-reassembly.ts';
import { joinContinuedPages } from '../shared/continuation.ts';
import { addToDictionary, buildTable, placementWarnings } from '../shared/table-draft.ts';
import { draftAlignedTable } from './draft.ts';
import { findAlignedRegions } from './regions.ts';

/** Tables whose columns are aligned with runs of spaces (`pdftotext -layout`). */
export function parseAlignedTables(lines: readonly SourceLine[]): LayoutTables {
  const regions = findAlignedRegions(lines);
  const drafts = joinContinuedPages(regions.map((r) => draftAlignedTable(lines, r)));
  const dictionary = new CodeDictionary();
  addToDictionary(dictionary, drafts);
  const built = drafts.map((d, i) => buildTable(d, `t${i + 1}`, dictionary, 'positioned'));
  return {
    tables: built.map((b) => b.table),
    claimed: regions.map((r) => ({ first: lines[r.titleIndex].no, last: lines[r.end].no })),
    unparsed: built.flatMap((b) => b.unparsed),
    warnings: placementWarnings(built),
  };
}
