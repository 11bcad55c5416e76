/**
 * The page a source line was printed on, from the line numbers where pages 2, 3, … start (`source.pageStarts`).
 * Shared by the parser and the site; imports nothing, so the browser bundle stays free of parser modules.
 */
export function pageOfLine(pageStarts: readonly number[], line: number): number {
  return countUpTo(pageStarts, line) + 1;
}

/** How many of the ascending numbers are at most the value (a binary search). */
export function countUpTo(ascending: readonly number[], value: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ascending[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The pages (or sheets) lines were printed on, in order; none for a source without pages. A row, a table or a check
 * records its lines; its page follows from them, so the page is derived here rather than stored beside the lines.
 */
export function pagesOfLines(pageStarts: readonly number[], lines: ReadonlyArray<{ first: number; last: number }>): number[] {
  if (pageStarts.length === 0) return [];
  const pages = new Set<number>();
  for (const l of lines) for (let p = pageOfLine(pageStarts, l.first); p <= pageOfLine(pageStarts, l.last); p++) pages.add(p);
  return [...pages].sort((a, b) => a - b);
}
