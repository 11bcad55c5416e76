import type { Table } from '../../schema/table.ts';
import { blanked, type SourceLine } from '../source-lines.ts';
import { detectLayout, type Layout } from '../layout/detect.ts';
import { hasTabCells } from '../layout/cells.ts';
import { claimedSet, printedRest, type Claims } from '../claims.ts';
import type { LayoutTables } from './layout-result.ts';
import { parseAlignedTables } from './aligned/index.ts';
import { checkTablesAgainstNarrative } from './narrative-checks.ts';
import { parseSpacedTables } from './spaced/index.ts';
import { parseStackedTables } from './stacked.ts';
import { parseTabbedTables } from './tabbed/index.ts';
import { checkTables } from './table-checks.ts';

export interface TablesResult extends Claims {
  tables: Table[];
}

const READERS: Readonly<Record<Layout, (lines: readonly SourceLine[]) => LayoutTables>> = {
  tabbed: parseTabbedTables,
  aligned: parseAlignedTables,
  spaced: parseSpacedTables,
  stacked: parseStackedTables,
};

/**
 * The tables of a document that is not tab-separated as a whole, where some of them come as grids (a Word document's
 * or web page's tables among its prose): a run of tab-separated lines under a title, or untitled where its header or
 * rows show a standard table (tabbed/regions.ts findUntitledGrids), gives its cells exactly, so it is read by the
 * tabbed reader whatever the rest of the document looks like, and only the rest by the document's layout (the
 * grids' lines blanked, so that line numbers and the rest's blank lines stay as printed). Without this, prose that
 * prints amounts one space apart sends the grids to the single-space reader, which guesses cells the source gave.
 */
function withGrids(lines: readonly SourceLine[], layout: Exclude<Layout, 'tabbed'>): LayoutTables {
  // A grid is tab-separated lines, so a document without one, as every text extraction is, has none: the tabbed
  // reader's pass over its lines is not made (2.6 ms a document of the synthetic corpus, about 2 % of its parse).
  if (!lines.some(hasTabCells)) return READERS[layout](lines);
  const grids = parseTabbedTables(lines);
  if (grids.tables.length === 0) return READERS[layout](lines);
  const inGrid = claimedSet(grids.claimed);
  const rest = READERS[layout](lines.map((l) => (inGrid.has(l.no) ? blanked(l) : l)));
  return {
    // Ids number the tables in the order they are printed, as one reader numbers its own.
    tables: [...grids.tables, ...rest.tables].sort((a, b) => a.lines.first - b.lines.first).map((t, i) => ({ ...t, id: `t${i + 1}` })),
    claimed: [...grids.claimed, ...rest.claimed],
    unparsed: [...grids.unparsed, ...rest.unparsed],
    warnings: [...grids.warnings, ...rest.warnings],
  };
}

/**
 * Finds the standard budget / final-account tables in the document and parses them into normalized rows. The layout
 * is decided once for the whole document (layout/detect.ts); in a document not decided tabbed, its grids are still
 * read as grids (withGrids).
 */
export function parseTables(lines: readonly SourceLine[]): TablesResult {
  const layout = detectLayout(lines);
  const found = layout === 'tabbed' ? parseTabbedTables(lines) : withGrids(lines, layout);
  const tables = found.tables.map((t) => ({ ...t, printed: printedRest(lines, t.lines, t.rows.map((r) => r.lines), found.unparsed) }));
  return {
    tables,
    claimed: found.claimed,
    unparsed: found.unparsed,
    warnings: found.warnings,
    checks: [...checkTables(tables), ...checkTablesAgainstNarrative(lines, tables)],
  };
}
