import type { SourceLine } from '../../source-lines.ts';
import type { Table } from '../../../schema/table.ts';
import type { LayoutTables } from '../layout-result.ts';
import { hasTabCells } from '../../layout/cells.ts';
import { compact } from '../../../core/width.ts';
import { STANDARD_TITLES } from '../kinds.ts';
import { isPositionalKey } from '../columns.ts';
import { CodeDictionary } from '../shared/code-reassembly.ts';
import { inferKinds, type Shape } from '../shared/kind.ts';
import { draftTabbedTable } from './draft-rows.ts';
import { tabbedBlocks, type TabbedBlock } from '../table-blocks.ts';
import { addToDictionary, buildTable, placementWarnings, type PositionedDraft } from '../shared/table-draft.ts';

/** The labels of a grid's header lines (those above its first row), as the spaced reader's labels read. */
function headerLabelsOf(block: TabbedBlock, draft: PositionedDraft): string[] {
  const firstRow = draft.rows[0]?.lines.first ?? Infinity;
  return block.rows
    .filter((r) => r.line.no < firstRow && hasTabCells(r.line))
    .flatMap((r) => r.cells.map((c) => compact(c.text).replace(/\(/g, '（').replace(/\)/g, '）')))
    .filter(Boolean);
}

/**
 * What an untitled grid's body shows of a standard table, or null where it shows none: a header naming two columns
 * of the shared vocabulary (合计, 基本支出, 因公出国（境）费 …), or two rows carrying classification codes, and an
 * amount somewhere. A grid of anything else (a list of names, a table of targets) is no budget table.
 */
function budgetShape(block: TabbedBlock, draft: PositionedDraft, table: Table): Shape | null {
  const named = new Set(draft.columns.map((c) => c.key).filter((k) => !isPositionalKey(k)));
  const coded = table.rows.filter((r) => r.code !== null);
  const hasAmount = table.rows.some((r) => Object.values(r.values).some((v) => v !== null));
  if (!hasAmount || (named.size < 2 && coded.length < 2)) return null;
  return {
    twoSided: draft.rows.some((r) => r.side !== null),
    rows: table.rows.map((r) => ({ code: r.code, scheme: r.codeScheme, level: r.level as 1 | 2 | 3 | null, numbers: Object.values(r.values).filter((v) => v !== null) })),
    headerLabels: headerLabelsOf(block, draft),
  };
}

/**
 * The drafts of the titled tables and of the grids that are budget tables, in print order, each grid's kind named by
 * its shape and its place in the template after the tables before it (shared/kind.ts inferKinds). A grid keeps the
 * caption it prints as its title; one printing none is given the kind's standard title, `titleInferred`; a grid's kind,
 * told by its shape, is `kindInferred` either way. A grid's codes are read against the titled tables' and its own.
 */
function draftsOf(blocks: readonly TabbedBlock[]): { blocks: TabbedBlock[]; drafts: PositionedDraft[] } {
  const titled = blocks.filter((b) => !b.region.grid);
  const titledDrafts = titled.map(draftTabbedTable);
  // The titled tables' codes are gathered once, not again for each grid (a document may print dozens of grids).
  const titledCodes = new CodeDictionary();
  addToDictionary(titledCodes, titledDrafts);
  const grids = blocks
    .filter((b) => b.region.grid)
    .flatMap((block) => {
      const draft = draftTabbedTable(block);
      const dictionary = titledCodes.copy();
      addToDictionary(dictionary, [draft]);
      const shape = budgetShape(block, draft, buildTable(draft, 't0', dictionary, 'exact').table);
      return shape ? [{ block, draft, shape }] : [];
    });
  if (grids.length === 0) return { blocks: titled, drafts: titledDrafts };
  const all = [
    ...titled.map((block, i) => ({ block, draft: titledDrafts[i], shape: null })),
    ...grids,
  ].sort((a, b) => a.block.region.start - b.block.region.start);
  const empty: Shape = { twoSided: false, rows: [], headerLabels: [] };
  const kinds = inferKinds(all.map((t) => ({ titleKind: t.shape ? null : t.block.region.kind, shape: t.shape ?? empty })));
  return {
    blocks: all.map((t) => t.block),
    drafts: all.map((t, i) => {
      if (!t.shape) return t.draft;
      const printed = t.block.region.title;
      return { ...t.draft, kind: kinds[i], title: printed || STANDARD_TITLES[kinds[i]], titleInferred: printed === '', kindInferred: true };
    }),
  };
}

/** Tables whose cells are separated by tabs, with codes split across cells and vertical headers. */
export function parseTabbedTables(lines: readonly SourceLine[]): LayoutTables {
  return readTabbedBlocks(tabbedBlocks(lines));
}

/** The tables of a document's tab-separated blocks (table-blocks.ts tabbedBlocks). */
export function readTabbedBlocks(found: readonly TabbedBlock[]): LayoutTables {
  const { blocks, drafts } = draftsOf(found);
  const dictionary = new CodeDictionary();
  addToDictionary(dictionary, drafts);
  const built = drafts.map((d, i) => buildTable(d, `t${i + 1}`, dictionary, 'exact'));
  return {
    tables: built.map((b) => b.table),
    claimed: blocks.map((b) => b.lines),
    unparsed: built.flatMap((b) => b.unparsed),
    warnings: [...placementWarnings(built), ...blocks.filter((b) => b.rows.length === 0).map((b) => `表格「${b.region.title}」没有数据行`)],
  };
}
