import { describe, expect, it } from 'vitest';
import { columnIdentities } from '../../src/ingest/tables/columns.ts';
import { placeNumbers, type SolverRow } from '../../src/ingest/tables/shared/sum-placement.ts';

const keys = ['total', 'basic', 'project'];
const solverRow = (...values: number[]): SolverRow => ({
  keys,
  numbers: values.map((v) => ({ text: String(v), value: v })),
  identities: columnIdentities(keys),
});

describe('placement of collapsed rows', () => {
  it('leaves a lone row with fewer numbers than columns open', () => {
    const [p] = placeNumbers([solverRow(86.86, 86.86)], []);
    // The first is 合计; the second is 基本支出 or 项目支出.
    expect(p.columns).toEqual([0, null]);
    expect(p.uncertain).toEqual(['basic', 'project']);
  });

  it('decides by parent = sum of children', () => {
    const rows = [solverRow(1282.76, 837.09, 445.67), solverRow(837.09, 837.09), solverRow(445.67, 445.67)];
    const sum = (key: string) => ({ target: { row: 0, key }, parts: [{ row: 1, key }, { row: 2, key }] });
    const placed = placeNumbers(rows, keys.map(sum));
    // 837.09 is 合计 and 基本支出, 445.67 合计 and 项目支出.
    expect(placed[1].columns).toEqual([0, 1]);
    expect(placed[2].columns).toEqual([0, 2]);
    expect(placed.every((p) => p.uncertain.length === 0)).toBe(true);
  });

  it('flags a row whose numbers fit no placement satisfying its identity', () => {
    const [p] = placeNumbers([solverRow(19)], []);
    expect(p.identityFails).toBe(true);
  });

  it('puts nothing in a row with more numbers than columns', () => {
    const [p] = placeNumbers([solverRow(1, 2, 3, 4)], []);
    expect(p.columns).toBeNull();
  });
});
