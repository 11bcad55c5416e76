/**
 * The page a source line was printed on, from the line numbers where pages 2, 3, … start (`source.pageStarts`).
 * Shared by the parser and the site; imports nothing, so the browser bundle stays free of parser modules.
 */
export function pageOfLine(pageStarts: readonly number[], line: number): number {
  let lo = 0;
  let hi = pageStarts.length;
  // Binary search: the number of page starts at or before the line.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pageStarts[mid] <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}
