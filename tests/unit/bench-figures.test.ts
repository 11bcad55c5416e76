import { describe, expect, it } from 'vitest';
import { compareFigures, everyKth, median } from '../../scripts/bench-figures.ts';

describe('the benchmark comparison\'s arithmetic', () => {
  it('takes every k-th name, sorted, k = ⌊n / count⌋: every 33rd of 10,000 is syn-00033 … syn-09900', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `syn-${String(i + 1).padStart(5, '0')}.txt`).reverse();
    const subset = everyKth(names, 300);
    expect(subset).toHaveLength(300);
    expect(subset.slice(0, 3)).toEqual(['syn-00033.txt', 'syn-00066.txt', 'syn-00099.txt']);
    expect(subset.at(-1)).toBe('syn-09900.txt');
  });

  it('takes every name of a corpus no larger than the count, in order of name', () => {
    expect(everyKth(['b.txt', 'a.pdf', 'c.md'], 300)).toEqual(['a.pdf', 'b.txt', 'c.md']);
    expect(everyKth(['e', 'd', 'c', 'b', 'a'], 2)).toEqual(['b', 'd']);
  });

  it('gives the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('divides each pass\'s totals, and each document\'s time over all passes', () => {
    // Pass 1: 300 ms against 200 ms (1.5); pass 2: 180 against 200 (0.9); pass 3: 220 against 200 (1.1).
    // Documents over the passes: 60+20+40 = 120 against 100+100+100 = 300 (0.4); 240+160+180 = 580 against 300.
    const figures = compareFigures([
      { reference: [100, 100], current: [60, 240] },
      { reference: [100, 100], current: [20, 160] },
      { reference: [100, 100], current: [40, 180] },
    ]);
    expect(figures.passRatios).toEqual([1.5, 0.9, 1.1]);
    expect(figures.medianPassRatio).toBe(1.1);
    expect(figures.medianDocumentRatio).toBeCloseTo((0.4 + 580 / 300) / 2, 12);
  });
});
