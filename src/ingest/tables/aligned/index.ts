import type { SourceLine } from '../../source-lines.ts';
import type { LayoutTables } from '../layout-result.ts';

/** Tables whose columns are aligned with runs of spaces (`pdftotext -layout`). */
export function parseAlignedTables(_lines: readonly SourceLine[]): LayoutTables {
  return { tables: [], claimed: [], unparsed: [], warnings: [] };
}
