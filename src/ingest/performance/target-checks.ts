import type { Check } from '../../schema/common.ts';
import type { PerformanceTarget } from '../../schema/performance.ts';
import { compareAmounts } from '../checks.ts';
import { sumAmounts } from '../../core/decimal.ts';

/** 财政拨款 + 其他资金 = 年度资金总额. A blank 其他资金 cell counts as 0; a missing total or 财政拨款 is not checkable. */
export function fundsCheck(target: PerformanceTarget): Check {
  const { total, fiscal, other } = target.funds;
  const id = `performance:${target.id}:funds-sum`;
  const name = target.projectName ?? target.title;
  const message =
    `${name}：财政拨款 + 其他资金 = 年度资金总额` + (other == null && fiscal != null ? '（其他资金未填，按 0 计）' : '');
  const actual = fiscal == null ? null : sumAmounts([fiscal, other ?? 0]);
  return compareAmounts(id, message, total, actual, [target.lines]);
}
