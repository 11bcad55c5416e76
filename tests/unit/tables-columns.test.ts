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

describe('template columns beside the usual parts', () => {
  // 江苏政协 2018 “三公”经费、会议费、培训费支出预算表 (tables -layout L241–250): 合计 1,656.86 = “三公”经费 小计 675.10
  // + 会议费 884.16 + 培训费 97.60, and 小计 675.10 = 因公出国（境）费 106.00 + 公务用车 156.60 + 公务接待费 412.50.
  it('会议费 and 培训费 add to the 三公 subtotal in 合计; the subtotal is the sum of the three items', () => {
    const keys = ['total', 'three-public', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception', 'meeting', 'training'];
    expect(['合计', '“三公”经费小计', '因公出国（境）费', '公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', '公务接待费', '会议费', '培训费'].map(columnKeyFor)).toEqual(keys);
    expect(columnIdentities(keys)).toEqual([
      { whole: 'vehicles', parts: ['vehicle-purchase', 'vehicle-operation'] },
      { whole: 'three-public', parts: ['outbound-travel', 'vehicles', 'reception'] },
      { whole: 'total', parts: ['three-public', 'meeting', 'training'] },
    ]);
  });

  // 江苏政协 2018 支出预算总表 (L68–69): 合计 10,150.48 = 基本支出 5,678.17 + 项目支出 3,314.68 + 单位预留机动经费
  // 1,157.63, 结转下年资金 blank; 烟台 2026 支出总体情况表 (L423–426) prints 结转下年 beside 基本支出 and 项目支出 the same way.
  it('单位预留机动经费 and 结转下年 are parts of an expenditure total', () => {
    expect(['单位预留机动经费', '结转下年资金', '结转下年'].map(columnKeyFor)).toEqual(['reserve', 'carryover-next', 'carryover-next']);
    expect(columnIdentities(['total', 'basic', 'project', 'reserve', 'carryover-next'])).toEqual([
      { whole: 'total', parts: ['basic', 'project', 'reserve', 'carryover-next'] },
    ]);
  });

  // 广州水务 2026 收入总体情况表 (L278–284): 财政专户拨款收入 over 教育收费 and 其他专户收入拨款, with no 小计 of its own.
  it('教育收费 and 其他专户收入拨款 break 财政专户 down; 其它收入 is 其他收入', () => {
    expect(['教育收费', '其他专户收入拨款', '其它收入'].map(columnKeyFor)).toEqual(['education-fees', 'special-account-other', 'other-income']);
    expect(columnIdentities(['total', 'general', 'fund', 'education-fees', 'special-account-other', 'business'])).toEqual([
      { whole: 'total', parts: ['general', 'fund', 'education-fees', 'special-account-other', 'business'] },
    ]);
  });
});

describe('template columns under other names', () => {
  // 北京民政 2026 预算09表 (tables -layout L482–489): “三公”经费财政拨款预算总额 282.168541 = 因公出国（境）费用 159.000000
  // + 公务接待费 1.355554 + 公务用车购置及运行维护费 121.812987.
  it('“三公”经费财政拨款预算总额 is the 三公 total: the sum of the three items', () => {
    expect(columnKeyFor('“三公”经费财政拨款预算总额')).toBe('three-public');
    expect(columnIdentities(['three-public', 'outbound-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation'])).toEqual([
      { whole: 'vehicles', parts: ['vehicle-purchase', 'vehicle-operation'] },
      { whole: 'three-public', parts: ['outbound-travel', 'reception', 'vehicles'] },
    ]);
  });

  // 长沙教育 2026 一般公共预算基本支出情况表 (L262–266): 总计 386.73 = 人员类 356.76 + 公用经费 29.97; its 收入总体情况表
  // (L171–174) prints 事业单位经营 / 服务收入 where other templates print 事业单位经营收入.
  it('人员类 is 人员经费, 事业单位经营服务收入 is 经营收入', () => {
    expect(['人员类', '事业单位经营服务收入'].map(columnKeyFor)).toEqual(['personnel', 'operating']);
    expect(columnIdentities(['total', 'personnel', 'public'])).toEqual([{ whole: 'total', parts: ['personnel', 'public'] }]);
  });
});
