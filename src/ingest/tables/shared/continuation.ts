import { normalizeTitle } from '../kinds.ts';
import type { PositionedDraft } from './table-draft.ts';

/**
 * Tables printed over several pages repeat their title (and usually their header) on every page; `pdftotext`
 * keeps each page's copy. Consecutive drafts with the same title, kind and columns are one table: its total row
 * on the last page sums the rows of every page, so only the joined table closes its identities.
 */
export function joinContinuedPages(drafts: readonly PositionedDraft[]): PositionedDraft[] {
  const out: PositionedDraft[] = [];
  for (const d of drafts) {
    const last = out[out.length - 1];
    if (last && continues(last, d)) {
      out[out.length - 1] = {
        ...last,
        unit: last.unit ?? d.unit,
        rows: [...last.rows, ...d.rows],
        declaredEmpty: last.declaredEmpty && d.declaredEmpty,
        notes: [...last.notes, ...d.notes.filter((n) => !last.notes.includes(n))],
        lines: { first: last.lines.first, last: d.lines.last },
      };
      continue;
    }
    out.push(d);
  }
  return out;
}

function continues(a: PositionedDraft, b: PositionedDraft): boolean {
  if (a.kind !== b.kind || normalizeTitle(a.title) !== normalizeTitle(b.title)) return false;
  // A page's header may read a label differently (a wrapped word lost at the page edge); the same count of columns on
  // the same sides is the same grid, and the first page's reading names it.
  return a.columns.length === b.columns.length && a.columns.every((c, i) => c.side === b.columns[i].side);
}
