/**
 * The arithmetic of the benchmark's comparisons, kept apart from the files and threads so that it can be tested:
 * which documents of a large corpus are parsed, and how the two sides' CPU times become ratios.
 */

/**
 * At most `count` of the names, every k-th by name (k = ⌊n / count⌋, starting with the k-th), so that the subset
 * is the same on every machine and spread over the corpus instead of its first files: a synthetic corpus is
 * written template by template, and its first names would all be one template.
 */
export function everyKth(names: readonly string[], count: number): string[] {
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const step = Math.max(1, Math.floor(sorted.length / Math.max(1, count)));
  return sorted.filter((_, i) => (i + 1) % step === 0).slice(0, count);
}

/** The median; of an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One pass over the documents: each document's CPU milliseconds on the reference side and on this side. */
export interface PassTimes {
  reference: number[];
  current: number[];
}

/**
 * A pass's ratio is its total on this side over its total on the reference side. Over several passes the median
 * pass ratio is quoted; the median of the documents' own ratios (each document's time summed over the passes)
 * beside it tells whether a change is broad or a few large documents'.
 */
export function compareFigures(passes: readonly PassTimes[]): { passRatios: number[]; medianPassRatio: number; medianDocumentRatio: number } {
  const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);
  const passRatios = passes.map((p) => sum(p.current) / sum(p.reference));
  const documents = passes[0]?.reference.length ?? 0;
  const documentRatios = Array.from({ length: documents }, (_, d) => sum(passes.map((p) => p.current[d])) / sum(passes.map((p) => p.reference[d])));
  return { passRatios, medianPassRatio: median(passRatios), medianDocumentRatio: median(documentRatios.filter(Number.isFinite)) };
}
