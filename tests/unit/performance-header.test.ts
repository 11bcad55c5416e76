import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/ingest/performance/header.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// 北京 民政局 2026 tables volume, L2932–L2945: a 市对区转移支付 target table heads its funds 年度金额, not 年度资金总额.
describe('the funds of a 转移支付 target table', () => {
  it('reads 年度金额 as the year’s total', () => {
    const lines = toSourceLines(
      [
        '         社会福利彩票公益金专项转',
        '转移支付名称   移支付-养老服务补助-老年   市级主管部门                              北京市民政局',
        '          人养老服务补贴津贴方向',
        '',
        '         年度金额：                                   62400.000000',
        '',
        '          其中：中央财政资金                               0.000000',
        ' 资金情况',
        ' （万元）',
        '             市级财政资金                              62400.000000',
        '',
        '             其他资金                                 0.000000',
      ].join('\n'),
    );
    expect(readHeader(lines, '北京市社会福利彩票公益金专项转移支付绩效目标表').funds).toEqual({ total: 62400, fiscal: 62400, other: 0 });
  });
});
