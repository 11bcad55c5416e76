import { describe, expect, it } from 'vitest';
import { keepingResults } from '../../src/core/recent-results.ts';

describe('keepingResults', () => {
  it('answers as the function does, asking it once per text while the store holds it, null results too', () => {
    const asked: string[] = [];
    const amount = keepingResults((s: string) => {
      asked.push(s);
      return /^\d+$/.test(s) ? Number(s) : null;
    });
    expect([amount('12'), amount('合计'), amount('12'), amount('合计')]).toEqual([12, null, 12, null]);
    expect(asked).toEqual(['12', '合计']);
  });

  it('drops its store when full, so memory stays bounded, and answers the same after', () => {
    const asked: string[] = [];
    const upper = keepingResults((s: string) => {
      asked.push(s);
      return s.toUpperCase();
    }, 2);
    expect(['a', 'b', 'a', 'c', 'a'].map(upper)).toEqual(['A', 'B', 'A', 'C', 'A']);
    // 'c' found the store full (a, b) and emptied it, so 'a' is asked again.
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
