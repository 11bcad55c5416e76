import type { Check } from '../../schema/common.ts';
import type { PerformanceTarget } from '../../schema/performance.ts';
import { compareAmounts } from '../checks.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { decimalsOf } from '../../review/rounding.ts';

/**
 * 财政拨款 + 其他资金 = 年度资金总额, and the 上年结转资金 where a 绩效自评表 prints one. A blank 其他资金 cell counts as 0; a
 * missing total or 财政拨款 is not checkable.
 */
export function fundsCheck(target: PerformanceTarget): Check {
  const { total, fiscal, other } = target.funds;
  const id = `performance:${target.id}:funds-sum`;
  const name = target.projectName ?? target.title;
  const carried = target.selfEvaluation?.funds.find((r) => /上年结转/.test(r.item));
  // Why the sum cannot be checked where it cannot: only the total was read, whether the form prints it alone (长沙 教育
  // 2026's 项目支出绩效目标表: 资金总额) or prints source columns whose amounts could not be placed; or no figure was read.
  const note =
    other == null && fiscal != null
      ? '（其他资金未填，按 0 计）'
      : fiscal == null && other == null
        ? total != null
          ? '（只读出资金总额，未读出财政拨款和其他资金）'
          : '（表中未列出或未能读出资金数）'
        : '';
  const message = `${name}：财政拨款 + ${carried ? '上年结转资金 + ' : ''}其他资金 = 年度资金总额${note}`;
  const actual = fiscal == null ? null : sumAmounts([fiscal, carried?.budget ?? 0, other ?? 0]);
  return compareAmounts(id, message, total, actual, [target.lines]);
}

/** Half a unit of a printed figure's last decimal: the tolerance of a figure rounded to it. */
function halfLastDigit(value: number): number {
  return 0.5 * 10 ** -decimalsOf(value);
}

/**
 * A 绩效自评表's sums, where it prints them: 指标得分 + 资金执行得分 = 总分 and the same of 分值 (against the 总分 row),
 * and each funds row's 执行率 = 全年执行数 ÷ 全年预算数 (to the rate's printed decimals). A failure is the form's, reported.
 */
export function selfEvaluationChecks(target: PerformanceTarget): Check[] {
  const se = target.selfEvaluation;
  if (!se) return [];
  const name = target.projectName ?? target.title;
  const checks: Check[] = [];
  const lines = [target.lines];
  const sum = (key: 'weight' | 'score', total: number | null, id: string, label: string) => {
    if (total == null) return;
    const parts = [...target.indicators.map((i) => i[key]), ...se.funds.map((r) => r[key]).filter((v) => v != null)];
    const actual = parts.some((v) => v == null) ? null : sumAmounts(parts as number[]);
    checks.push(compareAmounts(`performance:${target.id}:${id}`, `${name}：各指标${label} + 资金执行${label} = 总分行的${label}`, total, actual, lines));
  };
  sum('score', se.totalScore, 'score-sum', '得分');
  sum('weight', se.totalWeight, 'weight-sum', '分值');
  se.funds.forEach((r, k) => {
    if (r.rate == null) return;
    // To a hundredth of a percent, as a figure to quote: the tolerance is the printed rate's.
    const actual = r.spent != null && r.budget ? Math.round((r.spent / r.budget) * 10000) / 100 : null;
    const message = `${name}：${r.item || '资金'}执行率 = 全年执行数 ÷ 全年预算数`;
    checks.push(compareAmounts(`performance:${target.id}:execution-rate:${k + 1}`, message, r.rate, actual, [r.lines], halfLastDigit(r.rate)));
  });
  return checks;
}
