import type { SourceLine } from '../../source-lines.ts';
import { isBlank } from '../../source-lines.ts';
import type { LayoutTables } from '../layout-result.ts';
import { hasTabCells } from '../../layout/cells.ts';
import { CodeDictionary } from '../shared/code-reassembly.ts';
import { draftTabbedTable } from './draft-rows.ts';
import { findTabbedRegions } from './regions.ts';
import { addToDictionary, buildTable, placementWarnings } from '../shared/table-draft.ts';

/** Tables whose cells are separated by tabs, with codes split across cells and vertical headers. */
export function parseTabbedTables(lines: readonly SourceLine[]): LayoutTables {
  const regions = findTabbedRegions(lines);
  const drafts = regions.map((r) => draftTabbedTable(lines, r));
  const dictionary = new CodeDictionary();
  addToDictionary(dictionary, drafts);
  const built = drafts.map((d, i) => buildTable(d, `t${i + 1}`, dictionary, 'exact'));
  return {
    tables: built.map((b) => b.table),
    claimed: regions.map((r) => ({ first: lines[r.start].no, last: lines[r.end].no })),
    unparsed: built.flatMap((b) => b.unparsed),
    warnings: [
      ...placementWarnings(built),
      ...regions
        .filter((r) => lines.slice(r.start, r.end + 1).every((l) => isBlank(l) || !hasTabCells(l)))
        .map((r) => `表格「${r.title}」没有数据行`),
    ],
  };
}
