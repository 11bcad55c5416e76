import { describe, expect, it } from 'vitest';
import { columnIdentities, columnKeyFor } from '../../src/ingest/tables/columns.ts';

describe('the shared column vocabulary', () => {
  // 烟台 2026 收入总体情况表 (-layout L293–305): 合计 7,157.63 = 财政拨款 … + 使用非财政拨款结余 + 上年结转. Unknown, the
  // column was keyed `c12` and kept the row identity 合计 = the parts from being asserted in four of its tables.
  it('使用非财政拨款结余 is an income source, a part of 合计', () => {
    expect(columnKeyFor('使用非财政拨款结余')).toBe('non-fiscal-balance');
    expect(columnIdentities(['total', 'fiscal', 'general', 'fund', 'non-fiscal-balance', 'carryover'])).toContainEqual({
      whole: 'total',
      parts: ['fiscal', 'non-fiscal-balance', 'carryover'],
    });
  });
});
