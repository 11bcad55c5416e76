import type { Table } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';
import { emptyClaims, type Claims } from '../claims.ts';

export interface TablesResult extends Claims {
  tables: Table[];
}

/** Finds the standard budget / final-account tables in the document and parses them into normalized rows. */
export function parseTables(_lines: readonly SourceLine[]): TablesResult {
  return { tables: [], ...emptyClaims() };
}
