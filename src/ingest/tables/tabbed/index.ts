import type { SourceLine } from '../../source-lines.ts';
import type { LayoutTables } from '../layout-result.ts';

/** Tables whose cells are separated by tabs, with codes split across cells and vertical headers. */
export function parseTabbedTables(_lines: readonly SourceLine[]): LayoutTables {
  return { tables: [], claimed: [], unparsed: [], warnings: [] };
}
