import type { SourceLine } from '../../source-lines.ts';
import type { LayoutTables } from '../layout-result.ts';

/** Tables printed one row per line with cells separated by single spaces, empty cells collapsed. */
export function parseSpacedTables(_lines: readonly SourceLine[]): LayoutTables {
  return { tables: [], claimed: [], unparsed: [], warnings: [] };
}
