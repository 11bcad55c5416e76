import { describe, expect, it } from 'vitest';
import { columnIdentities } from '../../src/ingest/tables/columns.ts';
import { placeNumbers, type SolverRow } from '../../src/ingest/tables/spaced/placement.ts';

const keys = ['total', 'basic', 'project'];
const solverRow = (...values: number[]): SolverRow => ({
  keys,
  numbers: values.map((v) => ({ text: String(v), value: v })),
  identities: columnIdentities(keys),
});

describe('placement of collapsed rows', () => {
  it('leaves a lone row with fewer numbers than columns open', () => {
    const [p] = placeNumbers([solverRow(86.86, 86.86)], []);
    expect(p.values.total).toBe(86.86);
    expect(p.uncertain).toEqual(['basic', 'project']);
    expect(p.placed).toEqual([true, false]);
  });

  it('decides by parent = sum of children', () => {
    const rows = [solverRow(1282.76, 837.09, 445.67), solverRow(837.09, 837.09), solverRow(445.67, 445.67)];
    const sum = (key: string) => ({ target: { row: 0, key }, parts: [{ row: 1, key }, { row: 2, key }] });
    const placed = placeNumbers(rows, keys.map(sum));
    expect(placed[1].values).toEqual({ total: 837.09, basic: 837.09, project: null });
    expect(placed[2].values).toEqual({ total: 445.67, basic: null, project: 445.67 });
    expect(placed.every((p) => p.uncertain.length === 0)).toBe(true);
  });

  it('flags a row whose numbers fit no placement satisfying its identity', () => {
    const [p] = placeNumbers([solverRow(19)], []);
    expect(p.identityFails).toBe(true);
  });

  it('puts nothing in a row with more numbers than columns', () => {
    const [p] = placeNumbers([solverRow(1, 2, 3, 4)], []);
    expect(p.overflow).toBe(true);
    expect(p.placed).toEqual([false, false, false, false]);
  });
});
