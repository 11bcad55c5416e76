import type { Check, LineRange, Unparsed } from '../schema/common.ts';
import type { Layout } from './layout/detect.ts';
import { isPageFurnitureAt } from './page-furniture.ts';
import { isBlank, type SourceLine } from './source-lines.ts';

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

/**
 * A set of claimed line numbers for quick membership tests: those of `ranges`, after those of `before` if given (a
 * later stage's set grows the earlier one's instead of adding every range of the stages before it again).
 */
export function claimedSet(ranges: readonly LineRange[], before?: ReadonlySet<number>): Set<number> {
  const set = new Set<number>(before);
  for (const r of ranges) for (let n = r.first; n <= r.last; n++) set.add(n);
  return set;
}

/** A line of a block as printed, for the text that no structured field of the block holds. */
export interface PrintedLine {
  text: string;
  lines: LineRange;
}

/**
 * The non-blank lines of `block` that none of `held` covers and that are not in `unparsed`: a table's title, unit
 * and column headers, a target table's contact and fund-source lines. Kept as printed, so that a block's range
 * never claims text the document then drops (issue 16: a phone number and two fund amounts were lost this way).
 * `apart` is text a parser read apart from the rest of its line (a grid's label in its margin): on a held line it
 * is kept as printed by itself; a line not held is kept whole anyway. `layout` is the document's (page-furniture.ts:
 * which bare number is a page's).
 */
export function printedRest(
  lines: readonly SourceLine[],
  block: LineRange,
  held: readonly LineRange[],
  unparsed: readonly Unparsed[],
  layout: Layout,
  apart: ReadonlyArray<{ text: string; line: number }> = [],
): PrintedLine[] {
  // Only the ranges that reach into the block: the table reader passes every table's unparsed lines with each table.
  const within = (r: LineRange) => r.first <= block.last && r.last >= block.first;
  const skip = claimedSet([...held.filter(within), ...unparsed.map((u) => u.lines).filter(within)]);
  const out: PrintedLine[] = [];
  for (let n = block.first; n <= Math.min(block.last, lines.length); n++) {
    const line = lines[n - 1];
    if (skip.has(n)) {
      for (const a of apart) if (a.line === n) out.push({ text: a.text, lines: { first: n, last: n } });
      continue;
    }
    if (isBlank(line) || isPageFurnitureAt(lines, n, layout)) continue;
    out.push({ text: line.text.trim(), lines: { first: n, last: n } });
  }
  return out;
}
