import type { Run } from './runs.ts';

/**
 * Runs of a page grouped into printed lines by vertical overlap of their glyph boxes, not by equal baselines: an
 * amount set a little higher or lower than its label (vertically centred in a taller cell, a different font) still
 * shares the label's line, which is where `pdftotext -layout` loses it to the line above or below.
 */

export interface PageLine {
  runs: Run[];
  top: number;
  bottom: number;
}

const ASCENT = 0.85;
const DESCENT = 0.15;
/** Share of the smaller glyph box two runs must have in common to be on one line. */
const MIN_OVERLAP = 0.5;
/**
 * Share below half at which a run is still half a line off a line, a tie that rounding settles either way: a row's
 * runs between the two lines of a cell wrapped around it, each half a line off the row's middle (烟台 水务 2026 p. 25,
 * `机关事业单位基本养老保` above and `险缴费` below 301 08). Such a run joins the upper line when that line's first
 * run has its cell's rest right under it: the row then prints on its name's first line, and the rest on the line
 * after, where a wrapped cell's rest goes, whichever way the halves round.
 */
const TIE = 0.45;

function top(r: Run): number {
  return r.baseline - r.size * ASCENT;
}
function bottom(r: Run): number {
  return r.baseline + r.size * DESCENT;
}

/**
 * The rectangle a printed line occupies on its page (points, origin top left, y downwards): from the left edge of
 * its first run to the right edge of its last, and from the top of its highest glyph box to the bottom of its lowest.
 */
export function boxOfLine(line: PageLine): [number, number, number, number] {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const r of line.runs) {
    x0 = Math.min(x0, r.x0);
    x1 = Math.max(x1, r.x1);
  }
  return [x0, line.top, x1, line.bottom];
}

export function linesOf(runs: readonly Run[]): PageLine[] {
  const sorted = [...runs].sort((a, b) => (top(a) + bottom(a)) - (top(b) + bottom(b)) || a.x0 - b.x0);
  const lines: PageLine[] = [];
  // A run joins the line whose reference box (its first, upper-most run) it overlaps enough; the reference does not
  // grow, so that a column of rows set close together never chains into one line.
  const refs: Array<{ top: number; bottom: number; wraps: boolean }> = [];
  // Runs with the rest of their cell's text right under them: a run whose top is at their bottom, overlapping in x.
  const wraps = new Set<Run>();
  for (const [i, r] of sorted.entries())
    for (let j = i + 1; j < sorted.length && top(sorted[j]) < bottom(r) + r.size; j++) {
      const s = sorted[j];
      if (Math.abs(top(s) - bottom(r)) < 0.1 * r.size && s.x0 < r.x1 && r.x0 < s.x1) wraps.add(r);
    }
  for (const r of sorted) {
    const t = top(r);
    const b = bottom(r);
    let best = -1;
    let bestShare = MIN_OVERLAP;
    // Only the last few lines can still overlap a run further down the sorted order.
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 4); i--) {
      const ref = refs[i];
      const share = (Math.min(b, ref.bottom) - Math.max(t, ref.top)) / Math.min(b - t, ref.bottom - ref.top);
      // A tie with the line above, when no line shares half: that line's, if its cell wraps under it.
      if (share >= bestShare || (best < 0 && ref.wraps && share >= TIE && t > ref.top)) {
        best = i;
        bestShare = share;
      }
    }
    if (best < 0) {
      lines.push({ runs: [r], top: t, bottom: b });
      refs.push({ top: t, bottom: b, wraps: wraps.has(r) });
    } else {
      const line = lines[best];
      line.runs.push(r);
      line.top = Math.min(line.top, t);
      line.bottom = Math.max(line.bottom, b);
    }
  }
  for (const line of lines) line.runs.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
}
