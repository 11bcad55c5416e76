import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/schema/common.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';

function checksOf(name: string, dir = 'content/sources'): Check[] {
  // The tables' arithmetic checks; the 情况说明's (narrative:…) are made once the target forms took their lines.
  return parseTables(toSourceLines(readFileSync(`${dir}/${name}.txt`, 'utf8'))).checks;
}

const byId = (checks: Check[], id: string) => {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};
const count = (checks: Check[], status: string) => checks.filter((c) => c.status === status).length;

describe('table checks on the spaced seeds', () => {
  it('poverty alleviation office: every checkable identity holds', () => {
    const checks = checksOf('kashgar-poverty-alleviation-office-2021-budget');
    expect(count(checks, 'fail')).toBe(0);
    expect(count(checks, 'pass')).toBe(224);
    // L171 prints 本级 基本支出 993.81; its 类 rows sum to 86.86 + 837.09 + 69.87 = 993.82 (L173, L179, L187): rounding.
    expect(byId(checks, 't3:group-sum:g1:basic')).toMatchObject({ status: 'pass', expected: 993.81, actual: 993.82 });
    // L181 21305 = L183 + L185 in the 基本支出 column.
    expect(byId(checks, 't3:parent-sum:21305:basic')).toMatchObject({ status: 'pass', expected: 837.09, actual: 837.09 });
    // 基本支出表 合计 (L340) = 一般公共预算支出表 合计's 基本支出 (L281).
    expect(byId(checks, 'x:basic-vs-general-budget:basic')).toMatchObject({ status: 'pass', expected: 993.81, actual: 993.81 });
    expect(byId(checks, 't1:income-equals-expenditure').status).toBe('pass'); // L140
    // The 三公 row's 购置/运行 split (L403), decided by the 情况说明 (L731: 购置0万元, 运行费4.20万元): 4.2 = 0 + 4.2.
    expect(byId(checks, 't8:row:r1:vehicles')).toMatchObject({ status: 'pass', expected: 4.2, actual: 4.2 });
  });

  it('administrative office: the six project rows that print a total without its breakdown fail', () => {
    const checks = checksOf('kashgar-administrative-office-2021-budget');
    const failed = checks.filter((c) => c.status === 'fail').map((c) => c.id);
    // L823–L830 `19`, L900–L907 `173`, L909–L916 `6.72`, L987–L992 `5.02`, L1077 `9.09`, L1079 `3`.
    expect(failed).toEqual(['t7:row:r4:total', 't7:row:r12:total', 't7:row:r13:total', 't7:row:r24:total', 't7:row:r31:total', 't7:row:r32:total']);
    expect(byId(checks, 't7:row:r4:total')).toMatchObject({ expected: 19, actual: 0 });
    // Yet they are the projects' totals: 2010302's 15 rows sum to 20103's 1345.48 (L821).
    expect(byId(checks, 't7:parent-sum:g1:20103:total')).toMatchObject({ status: 'pass', expected: 1345.48, actual: 1345.48 });
    // Sub-units sum to the total: 3802.15 + 576.18 + 440.93 + 61.39 + 124.52 = 5005.17 (L380…L492).
    expect(byId(checks, 't3:total-sum:total')).toMatchObject({ status: 'pass', expected: 5005.17, actual: 5005.17 });
    // 收支总表 201 = 4564.64 (L94); 支出总表's 201 rows per unit: 3533.48 + 492.53 + 382.81 + 51.85 + 103.98 = 4564.65
    // (L382, L410, L432, L452, L473): within the rounding tolerance.
    expect(byId(checks, 'x:summary-vs-expenditure:201')).toMatchObject({ status: 'pass', expected: 4564.64, actual: 4564.65 });
    expect(byId(checks, 'x:project-vs-general-budget:project')).toMatchObject({ status: 'pass', expected: 1662.5 });
    expect(count(checks, 'pass')).toBe(796);
  });
});

describe('table checks on the julu seed (固定资产占用情况表)', () => {
  it('资产总额 = the sum of its numbered items, in the 价值 column', () => {
    const checks = checksOf('julu-county-poverty-office-2021-budget');
    // L869 资产总额 34.860245; L875 2、车辆 2.966688 + L879 4、其他固定资产 31.893565 = 34.860253 (L871 房屋 and L877 设备
    // print no value): within the 0.01 tolerance. 数量 (L875 `1` 辆) is not summed.
    expect(checks.filter((c) => c.id.startsWith('t2:assets-sum:'))).toEqual([
      expect.objectContaining({ id: 't2:assets-sum:value', status: 'pass', expected: 34.860245, actual: 34.860253 }),
    ]);
  });
});

const SAMPLES = '../shared/samples';
const PLANNING = 'shanghai-putuo-planning-resources-bureau-2024-final-accounts';
const planningAbsent = !existsSync(`${SAMPLES}/${PLANNING}.txt`);
if (planningAbsent) console.warn(`skipping final-accounts check tests: ${SAMPLES}/${PLANNING}.txt is not present`);

describe.skipIf(planningAbsent)('table checks on the Shanghai final accounts (规划和自然资源局 2024 决算)', () => {
  const checks = planningAbsent ? [] : checksOf(PLANNING, SAMPLES);

  it('收入支出决算总表: the 类 rows add up to 本年支出合计, not to 总计 (which adds 年末结转和结余)', () => {
    // 类 rows L200 754.75 + L201 236.63 + L203 3845.25 + L210 4461.67 + L211 461.08 = 9759.38 = 本年支出合计 (L217);
    // 总计 9859.38 (L220) = 9759.38 + 年末结转和结余 100.00 (L219).
    expect(checks.filter((c) => c.id === 't1:total-sum:expenditure:actual')).toEqual([
      expect.objectContaining({ status: 'pass', expected: 9759.38, actual: 9759.38 }),
    ]);
  });

  it('收入总计 = 支出总计 compares the grand totals, each side in its own column', () => {
    // L220: 总计 9859.38 (收入, 决算数) and 总计 9859.38 (支出, 决算数); the year's sub-totals on L217 (9746.50 收入,
    // 9759.38 支出) differ by the carry-over and are not compared.
    expect(byId(checks, 't1:income-equals-expenditure')).toMatchObject({ status: 'pass', expected: 9859.38, actual: 9859.38 });
    // 财政拨款收入支出决算总表 L391: 收入 总计 9746.50 under 决算数, 支出 总计 9746.50 under 合计.
    expect(byId(checks, 't4:income-equals-expenditure')).toMatchObject({ status: 'pass', expected: 9746.5, actual: 9746.5 });
  });
});
