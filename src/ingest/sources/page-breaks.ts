import { bareNumber, isPageNumber } from '../page-furniture.ts';
import { UNICODE_SPACES } from '../source-lines.ts';

/**
 * The page breaks of a plain text that prints its page numbers but no form feed. `pdftotext` opens each page after
 * the first with a form feed, and every reader knows a page turned by it: a table's header repeated over its next
 * page, a page number printed last on a page, a target form going on over a page. Text from another extractor (or
 * copied out of a viewer) loses them, and then a table's repeated header reads as its rows, a page's number as a row
 * of one amount, and a long table ends at its first page turn (广州 水务局 2026's 项目支出表 without its form feeds: 9
 * rows of 270).
 * Where the text holds no form feed at all, a line printing its page's number ends its page, as disclosures print it
 * at the foot, and the next printed line opens the next page with a form feed, as `pdftotext` would have printed it.
 * A page's number is
 * - a number printed by its shape (`- 5 -`, `第5页`, `第 5 页 共 40 页`: page-furniture.ts isPageNumber), two of them
 *   at least, so that one number-shaped line is not taken for the document's way of printing pages; or
 * - a bare number (`5`) in a run of three or more that count up by one, each alone on its line, printed away from the
 *   left margin (centred or at the right, as a page foot is; a table printed one cell a line prints its 序号 `1`, `2`,
 *   `3` at the margin), and lines apart as pages are. A run starts at a number under a blank line; one printed
 *   straight under the page's last row or chart label (杭州 2026 `25` under a row's amounts) only goes on with a run,
 *   as the number the run needs next.
 * Nothing printed changes: the line numbers stay, and each line keeps its text after the form feed.
 */
export function withPageBreaks(text: string): { text: string; breaks: number } {
  if (text.includes('\f')) return { text, breaks: 0 };
  const lines = text.split('\n');
  const shaped = lines.flatMap((line, i) => (isPageNumber(line.trim()) ? [i] : []));
  const feet = [...(shaped.length >= 2 ? shaped : []), ...countingFeet(lines)].sort((a, b) => a - b);
  let breaks = 0;
  for (const foot of feet) {
    let next = foot + 1;
    while (next < lines.length && lines[next].trim() === '') next++;
    // The text's last page ends with its number; a number straight under another (`- 5 -` / `第5页`) is the same foot.
    if (next >= lines.length || lines[next].startsWith('\f') || isPageNumber(lines[next].trim())) continue;
    lines[next] = `\f${lines[next]}`;
    breaks++;
  }
  return { text: lines.join('\n'), breaks };
}

/** How far from the left margin a page's bare number is printed, at least. */
const FOOT_INDENT = new RegExp(`^[ ${UNICODE_SPACES}]{8}`);
/** The fewest lines a page of a disclosure prints, and the fewest numbers counting up that show pages. */
const PAGE_LINES = 10;
const RUN = 3;

/** The lines (indices) of the bare numbers that count the pages up by one (withPageBreaks). */
function countingFeet(lines: readonly string[]): number[] {
  const candidates: Array<{ at: number; n: number; underBlank: boolean }> = [];
  for (let i = 1; i < lines.length; i++) {
    const n = FOOT_INDENT.test(lines[i]) ? bareNumber(lines[i]) : null;
    if (n !== null) candidates.push({ at: i, n, underBlank: lines[i - 1].trim() === '' });
  }
  // Runs in print order, each number one more than the one before it and a page's lines below it; a number under a
  // blank line that continues no run starts one. Each run waits under the number it needs next: one lookup a candidate.
  type Foot = (typeof candidates)[number];
  const runs: Foot[][] = [];
  const waiting = new Map<number, { runs: Foot[][]; first: number }>();
  for (const c of candidates) {
    // The runs waiting for a number ended in print order, so the first is the one a page's lines above, if any is.
    const open = waiting.get(c.n);
    const first = open && open.first < open.runs.length ? open.runs[open.first] : null;
    const goesOn = first !== null && c.at - first[first.length - 1].at >= PAGE_LINES;
    if (!goesOn && !c.underBlank) continue;
    const run = goesOn ? first : [];
    if (goesOn) open!.first++;
    else runs.push(run);
    run.push(c);
    const next = waiting.get(c.n + 1);
    if (next) next.runs.push(run);
    else waiting.set(c.n + 1, { runs: [run], first: 0 });
  }
  return runs.filter((r) => r.length >= RUN).flatMap((r) => r.map((c) => c.at));
}
