import { isWide, type Run } from './runs.ts';
import type { PageLine } from './lines.ts';

/**
 * A page as text whose character columns follow x positions, the way `pdftotext -layout` prints it, so that the
 * table readers see the same thing from either source. One column is half the page's typical CJK glyph (the width
 * of a digit), so an amount takes exactly the columns it covers. CJK text, one character per column, takes half its
 * printed width; every run is therefore printed centred on its printed centre, so that a header label stays over
 * the amounts of its column (left-aligned, `财政拨款收入` would end where the next column's amounts begin).
 */

/**
 * CJK text has no spaces between words: a gap this wide (in em) between two CJK runs of one pdf.js item is a cell
 * boundary (`基本支出 项目支出` in narrow cells), not a word space as in `1. 一般公共预算`.
 */
const CELL_GAP_EM = 0.4;
/** Items of pdf.js are already split at gaps of 0.6 em; a gap below this between two of them is no gap at all. */
const TOUCH_EM = 0.1;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Width of one text column in page units: half the median size of runs holding CJK, else of all runs. */
export function columnUnit(runs: readonly Run[]): number {
  const cjk = runs.filter((r) => [...r.text].some(isWide)).map((r) => r.size);
  const sizes = cjk.length > 0 ? cjk : runs.map((r) => r.size);
  return (sizes.length > 0 ? median(sizes) : 12) / 2;
}

/** Spaces between a run and the text before it on the line, given where the run would start by its position. */
function separator(prev: Run, run: Run, column: number, end: number): number {
  if (run.gapBefore !== null) {
    const cells = run.gapBefore > CELL_GAP_EM && isWide(prev.text.at(-1)!) && isWide(run.text[0]);
    return cells ? Math.max(2, column - end) : 1;
  }
  const gap = (run.x0 - prev.x1) / Math.max(prev.size, run.size);
  if (gap < TOUCH_EM) return 0;
  return Math.max(2, column - end);
}

export function layoutLine(line: PageLine, left: number, unit: number): string {
  let text = '';
  let prev: Run | null = null;
  for (const run of line.runs) {
    const column = Math.max(0, Math.round(((run.x0 + run.x1) / 2 - left) / unit - run.text.length / 2));
    text += prev ? ' '.repeat(separator(prev, run, column, text.length)) : ' '.repeat(column);
    text += run.text;
    prev = run;
  }
  return text;
}

/** Blank lines for a vertical gap: none between rows set at the page's usual pitch, more for wider gaps. */
function blanksBetween(gap: number, pitch: number): number {
  if (!(pitch > 0) || gap <= pitch * 1.15) return 0;
  return Math.min(3, Math.max(1, Math.round(gap / pitch) - 1));
}

export function layoutPage(lines: readonly PageLine[]): string[] {
  const runs = lines.flatMap((l) => l.runs);
  if (runs.length === 0) return [];
  const unit = columnUnit(runs);
  const left = runs.reduce((m, r) => Math.min(m, r.x0), Infinity);
  const baselines = lines.map((l) => (l.top + l.bottom) / 2);
  const pitches = baselines.slice(1).map((b, i) => b - baselines[i]).filter((p) => p > 0);
  const pitch = pitches.length > 0 ? median(pitches) : 0;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0) for (let k = blanksBetween(baselines[i] - baselines[i - 1], pitch); k > 0; k--) out.push('');
    out.push(layoutLine(line, left, unit));
  });
  return out;
}
