import type { Check, LineRange, Unparsed } from '../schema/common.ts';

/**
 * What every domain parser returns besides its data: the source lines it took responsibility for (so that the
 * remaining lines go to the narrative, and no line is lost or read twice), what it could not place, its checks and
 * its warnings.
 */
export interface Claims {
  claimed: LineRange[];
  unparsed: Unparsed[];
  checks: Check[];
  warnings: string[];
}

export function emptyClaims(): Claims {
  return { claimed: [], unparsed: [], checks: [], warnings: [] };
}

/** A set of claimed line numbers for quick membership tests. */
export function claimedSet(ranges: readonly LineRange[]): Set<number> {
  const set = new Set<number>();
  for (const r of ranges) for (let n = r.first; n <= r.last; n++) set.add(n);
  return set;
}
