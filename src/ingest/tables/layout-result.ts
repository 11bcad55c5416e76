import type { Table } from '../../schema/table.ts';
import type { Unparsed, LineRange } from '../../schema/common.ts';

/** What a layout-specific table reader returns; checks are run afterwards on the tables of every layout alike. */
export interface LayoutTables {
  tables: Table[];
  claimed: LineRange[];
  unparsed: Unparsed[];
  warnings: string[];
}
