import { describe, expect, it } from 'vitest';
import { placeAmounts, type PlacementRow } from '../../src/ingest/tables/shared/amount-placement.ts';

/** A row printed with `values`, free to take any of `allowed` (no print position to keep). */
const free = (values: number[], allowed: number[]): PlacementRow => ({
  values,
  preferred: values.map((_, i) => allowed[Math.min(i, allowed.length - 1)]),
  allowed,
  trusted: false,
  positional: false,
  lo: values.map(() => 0),
  hi: values.map(() => Math.max(...allowed)),
});

describe('placing amounts by the identities', () => {
  // Found on a Word table whose cells spanned uneven grid columns: a child row printed more amounts than the
  // table has columns, inside a parent relation whose other member was still open; the search indexed the child's
  // empty list of placements and the whole table stage failed.
  it('leaves a row with more amounts than columns unplaced, and still places the rest', () => {
    const rows = [free([30], [0, 1]), free([10, 20, 30, 40], [0, 1]), free([30], [0, 1])];
    const placed = placeAmounts(rows, [], [{ whole: 0, parts: [1, 2] }], 2);
    expect(placed[1]).toEqual({ columns: null, open: [], alternatives: 0 });
    expect(placed[0].alternatives).toBe(2);
    expect(placed[2].alternatives).toBe(2);
  });
});
