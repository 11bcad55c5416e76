import type { Table } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';
import { detectLayout, type Layout } from '../layout/detect.ts';
import { printedRest, type Claims } from '../claims.ts';
import type { LayoutTables } from './layout-result.ts';
import { parseAlignedTables } from './aligned/index.ts';
import { checkTablesAgainstNarrative } from './narrative-checks.ts';
import { parseSpacedTables } from './spaced/index.ts';
import { parseTabbedTables } from './tabbed/index.ts';
import { checkTables } from './table-checks.ts';

export interface TablesResult extends Claims {
  tables: Table[];
}

const READERS: Readonly<Record<Layout, (lines: readonly SourceLine[]) => LayoutTables>> = {
  tabbed: parseTabbedTables,
  aligned: parseAlignedTables,
  spaced: parseSpacedTables,
};

/**
 * Finds the standard budget / final-account tables in the document and parses them into normalized rows, with the
 * reader of the document's layout (decided once for the whole document: see layout.ts).
 */
export function parseTables(lines: readonly SourceLine[]): TablesResult {
  const found = READERS[detectLayout(lines)](lines);
  const tables = found.tables.map((t) => ({ ...t, printed: printedRest(lines, t.lines, t.rows.map((r) => r.lines), found.unparsed) }));
  return {
    tables,
    claimed: found.claimed,
    unparsed: found.unparsed,
    warnings: found.warnings,
    checks: [...checkTables(tables), ...checkTablesAgainstNarrative(lines, tables)],
  };
}
