import type { Table } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';
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

export type TableLayout = 'tabbed' | 'aligned' | 'spaced';

const AMOUNTS_ONE_SPACE = /(?:^|\s)[\d,]*\d(?:\.\d+)? [\d,]*\d(?:\.\d+)?(?=\s|$)/;
const AMOUNTS_SPACED_OUT = /(?:^|\s)[\d,]*\d(?:\.\d+)? {2,}[\d,]*\d(?:\.\d+)?(?=\s|$)/;

/**
 * The extraction layout of a document, from how its lines separate cells. Runs of spaces also indent names in
 * single-space extractions, so what decides between `aligned` and `spaced` is how adjacent amounts are separated.
 */
export function detectLayout(lines: readonly SourceLine[]): TableLayout {
  let tabbed = 0;
  let aligned = 0;
  let oneSpace = 0;
  let spacedOut = 0;
  let nonBlank = 0;
  for (const line of lines) {
    if (line.text.trim() !== '') nonBlank++;
    if (line.text.includes('\t')) tabbed++;
    else if (/\S {3,}\S/.test(line.text.trim())) aligned++;
    if (AMOUNTS_ONE_SPACE.test(line.text)) oneSpace++;
    if (AMOUNTS_SPACED_OUT.test(line.text)) spacedOut++;
  }
  // A short document made mostly of tab-separated lines (a small workbook or web page table) is tabbed too.
  if (tabbed >= 20 || tabbed * 2 > nonBlank) return 'tabbed';
  if (oneSpace > spacedOut) return 'spaced';
  if (aligned >= 20) return 'aligned';
  return 'spaced';
}

const READERS: Readonly<Record<TableLayout, (lines: readonly SourceLine[]) => LayoutTables>> = {
  tabbed: parseTabbedTables,
  aligned: parseAlignedTables,
  spaced: parseSpacedTables,
};

/** Finds the standard budget / final-account tables in the document and parses them into normalized rows. */
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
