import type { Table } from '../../schema/table.ts';
import { blanked, type SourceLine } from '../source-lines.ts';
import { detectLayout, type Layout } from '../layout/detect.ts';
import { tabSeparatesTexts } from '../layout/cells.ts';
import { claimedSet, printedRest, type Claims } from '../claims.ts';
import type { LayoutTables } from './layout-result.ts';
import { readAlignedBlocks } from './aligned/index.ts';
import { readSpacedBlocks } from './spaced/index.ts';
import type { StatedFigures } from './spaced/stated-figures.ts';
import { parseStackedTables } from './stacked.ts';
import { readTabbedBlocks } from './tabbed/index.ts';
import { alignedBlocks, spacedBlocks, tabbedBlocks } from './table-blocks.ts';
import { checkTables } from './table-checks.ts';
import { declaredEmptyKinds, isTableFurniture } from './shared/region-text.ts';
import { isPageFurnitureAt } from '../page-furniture.ts';

export interface TablesResult extends Claims {
  tables: Table[];
}

/**
 * The reader of the blocks of each layout but tabbed, found on the lines given; `elsewhere`, the figures a companion
 * 说明 volume states, which only the single-space readers need: the other layouts keep the columns.
 */
const READERS: Readonly<Record<Exclude<Layout, 'tabbed'>, (lines: readonly SourceLine[], elsewhere: StatedFigures) => LayoutTables>> = {
  aligned: (lines) => readAlignedBlocks(alignedBlocks(lines)),
  spaced: (lines, elsewhere) => readSpacedBlocks(spacedBlocks(lines), lines, undefined, undefined, elsewhere),
  // Text printed one cell a line has blocks only once its rows are joined into single-space lines.
  stacked: parseStackedTables,
};

/**
 * A document's tables, read block by block, each block in the layout the block stage (table-blocks.ts) gave it,
 * decided once. A run of tab-separated lines (a workbook's sheet, a Word document's or web page's table among its
 * prose), under a title or untitled where its header or rows show a standard table (tabbed/regions.ts
 * findUntitledGrids), gives its cells exactly: it is a tabbed block whatever the rest of the document looks like.
 * Every other block takes the document's layout (layout/detect.ts says why the document decides, not the page) and is
 * found with the grids read as tables blanked, so that line numbers and the rest's blank lines stay as printed.
 * Without this, prose that prints amounts one space apart would send
 * the grids to the single-space reader, which guesses cells the source gave.
 */
function tablesOf(lines: readonly SourceLine[], layout: Layout, elsewhere: StatedFigures): LayoutTables {
  // A grid is lines whose texts tabs separate, so a document without one, as every text extraction is, has none: the
  // tabbed stage's pass over its lines is not made (2.6 ms a document of the synthetic corpus, about 2 % of its parse).
  const tabbed = layout === 'tabbed';
  const separated = new Set<number>();
  for (const l of lines) if (tabSeparatesTexts(l.text)) separated.add(l.no);
  const read = tabbed || separated.size > 0 ? readTabbedBlocks(tabbedBlocks(lines)) : null;
  // In a document of another layout, what the grid reader read stands only where a table of it has a row of texts
  // tabs separate: it also takes a title with no grid under it (a grid document's empty table), and a few stray lines
  // of tabs (the document's title, its 目录: `npm run fuzz`) would have it take every table's title in the document as
  // a grid of no rows, blanking the titles for their own reader.
  const grids = tabbed || read?.tables.some((t) => t.rows.some((r) => separated.has(r.lines.first))) ? read : null;
  // A document is decided tabbed only by its tab-separated lines (detect.ts), so it has grids, and no other blocks.
  if (tabbed) return grids!;
  // Which grids are tables is known once they are read: a grid that is none (a list of names) is the rest's, as printed.
  if (!grids || grids.tables.length === 0) return READERS[layout](lines, elsewhere);
  const inGrid = claimedSet(grids.claimed);
  const rest = READERS[layout](lines.map((l) => (inGrid.has(l.no) ? blanked(l) : l)), elsewhere);
  return {
    // Ids number the tables in the order they are printed, as one reader numbers its own.
    tables: [...grids.tables, ...rest.tables].sort((a, b) => a.lines.first - b.lines.first).map((t, i) => ({ ...t, id: `t${i + 1}` })),
    claimed: [...grids.claimed, ...rest.claimed],
    unparsed: [...grids.unparsed, ...rest.unparsed],
    warnings: [...grids.warnings, ...rest.warnings],
  };
}

/**
 * The table's number (`表6`, `公开03表`, `续表`) printed on a line within a row's lines: every reader passes over it as
 * the page's repeat of the number, not the row's words, so the row holds none of it. A number that is another table's
 * (a text cut off under the next table's number and the first line of its title: `npm run fuzz`) is kept as printed by
 * itself; a page's number is dropped as everywhere (page-furniture.ts).
 */
function numbersWithinRows(lines: readonly SourceLine[], t: Table, layout: Layout): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  for (const r of t.rows) {
    for (let n = r.lines.first; n <= r.lines.last && n <= lines.length; n++) {
      const text = lines[n - 1].text;
      if (isTableFurniture(text) && !isPageFurnitureAt(lines, n, layout)) out.push({ text: text.trim(), line: n });
    }
  }
  return out;
}

/**
 * Whether a table prints no amount but zeros, nor was left without one (a row flagged for amounts it could not place):
 * only then is it empty as a note under it (本表无数据, or a note on every table of the set: 此表如无数字则表示单位无该项
 * 支出) or the text elsewhere (the 情况说明's “政府性基金预算支出表为空表”) declares it. A table of zeros is read with
 * its rows all the same.
 */
const printsNoAmount = (t: Table) => t.rows.every((r) => r.flag === null && Object.values(r.values).every((v) => v === null || v === 0));

/**
 * Finds the standard budget / final-account tables in the document and parses them into normalized rows: the block
 * stage cuts each table's rows once (table-blocks.ts), and each block is read by its layout's reader (tablesOf).
 * `layout` is the document's (layout/detect.ts), which the parse decides once for every stage; `elsewhere`, what the
 * disclosure's 说明 volume states, where that is a file of its own (companions.ts).
 */
export function parseTables(lines: readonly SourceLine[], layout: Layout = detectLayout(lines), elsewhere: StatedFigures = {}): TablesResult {
  const found = tablesOf(lines, layout, elsewhere);
  // Read from the whole text only where a table printing no amount has no note saying so.
  let emptyKinds: Set<Table['kind']> | undefined;
  const declaredElsewhere = (t: Table) => (emptyKinds ??= declaredEmptyKinds(lines.map((l) => l.text))).has(t.kind);
  const tables = found.tables.map((t) => ({
    ...t,
    declaredEmpty: printsNoAmount(t) && (t.declaredEmpty || declaredElsewhere(t)),
    printed: printedRest(lines, t.lines, t.rows.map((r) => r.lines), found.unparsed, layout, numbersWithinRows(lines, t, layout)),
  }));
  return {
    tables,
    claimed: found.claimed,
    unparsed: found.unparsed,
    warnings: found.warnings,
    checks: checkTables(tables),
  };
}
