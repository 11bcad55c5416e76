import type { Check, LineRange } from '../../schema/common.ts';
import type { Evaluation } from '../../schema/performance.ts';
import { compareAmounts } from '../checks.ts';
import { amountsAgree, sumAmounts, toScaled } from '../../core/decimal.ts';
import { printedDecimals } from '../numbers.ts';
import type { SourceLine } from '../source-lines.ts';
import { foldFigures } from '../../core/width.ts';

export interface GradeBand {
  grade: string;
  min: number;
}

/** 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60: the bands of 《项目支出绩效评价管理办法》 (财预〔2020〕10号). */
export const DEFAULT_BANDS: readonly GradeBand[] = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: 0 },
];

/** Bands a report states itself (`90分（含）以上为优`, `80-89分为良`); null when it states none. */
export function statedBands(lines: readonly SourceLine[]): GradeBand[] | null {
  const found = new Map<string, number>();
  for (const l of lines) {
    const text = foldFigures(l.text).replace(/\s+/g, '');
    // A score has at most three digits and starts where a digit run starts: `\d+` tried at every digit of a long run
    // made these scans quadratic in the run's length.
    for (const m of text.matchAll(/(?<!\d)(\d{1,3})分?(?:（含）|\(含\))?(?:以上|及以上)[^，。；;,]{0,4}?[为是]?[“"]?([优良中差])/g)) {
      found.set(m[2], Number(m[1]));
    }
    // A range's lower end may say it is included (`80（含）-90分为良`).
    for (const m of text.matchAll(/(?<!\d)(\d{1,3})(?:分)?(?:（含）|\(含\))?[-~—–至](\d{1,3})分[^，。；;,]{0,4}?[为是]?[“"]?([优良中差])/g)) {
      if (!found.has(m[3])) found.set(m[3], Number(m[1]));
    }
  }
  if (found.size < 2) return null;
  const bands = [...found].map(([grade, min]) => ({ grade, min })).sort((a, b) => b.min - a.min);
  if (!bands.some((b) => b.min === 0)) bands.push({ grade: '差', min: 0 });
  return bands;
}

function gradeFor(score: number, bands: readonly GradeBand[]): string | null {
  return bands.find((b) => toScaled(score) >= toScaled(b.min))?.grade ?? null;
}

export interface EvaluationCheckInput {
  evaluation: Evaluation;
  scoreTotal: { weight: number | null; score: number | null; lines: LineRange } | null;
  sheetTotal: { weight: number | null; score: number | null; lines: LineRange } | null;
  rateText: string | null;
  fieldLines: Partial<Record<'score' | 'grade' | 'rate', LineRange>>;
  bands: readonly GradeBand[];
  bandsStated: boolean;
  /** The 一级 scores are those the 指标分析 chapter's headings state, the report printing no 评分汇总表. */
  scoresStated?: boolean;
}

/** The arithmetic an evaluation report must satisfy; failures are reported, never corrected. */
export function evaluationChecks(input: EvaluationCheckInput): Check[] {
  const { evaluation: e, fieldLines } = input;
  const summary = input.scoresStated ? '指标分析各节标题' : '评分汇总表';
  const checks: Check[] = [];
  const lines = (...ranges: (LineRange | undefined)[]) => ranges.filter((r): r is LineRange => r != null);

  e.indicators.forEach((ind, i) => {
    const id = `evaluation:indicator-${i + 1}:score-within-weight`;
    // A row whose names the reader could not place (evaluation-aligned.ts, evaluation-centred.ts: a warning says so)
    // is named by its place and its 一级.
    const name = ind.name || `评分表第 ${i + 1} 项指标${ind.level1 ? `（${ind.level1}）` : ''}`;
    const message = `${name}：得分 ≤ 分值`;
    if (ind.score == null || ind.weight == null) {
      checks.push({ id, status: 'not-checkable', message, expected: ind.weight, actual: ind.score, lines: [ind.lines] });
    } else {
      const ok = toScaled(ind.score) <= toScaled(ind.weight);
      checks.push({ id, status: ok ? 'pass' : 'fail', message, expected: ind.weight, actual: ind.score, lines: [ind.lines] });
    }
  });
  e.scores.forEach((s, i) => {
    const id = `evaluation:level1-${i + 1}:score-within-weight`;
    const message = `${s.level1}：得分 ≤ 标准分值`;
    if (s.score == null || s.weight == null) {
      checks.push({ id, status: 'not-checkable', message, expected: s.weight, actual: s.score, lines: [s.lines] });
    } else {
      const ok = toScaled(s.score) <= toScaled(s.weight);
      checks.push({ id, status: ok ? 'pass' : 'fail', message, expected: s.weight, actual: s.score, lines: [s.lines] });
    }
  });

  // Each 一级 subtotal of the 评分汇总表 against the 评分表 rows under that 一级.
  e.scores.forEach((s, i) => {
    const rows = e.indicators.filter((ind) => ind.level1 != null && ind.level1.replace(/指标$/, '') === s.level1.replace(/指标$/, ''));
    if (rows.length === 0) return;
    const scores = rows.map((r) => r.score);
    checks.push(
      compareAmounts(
        `evaluation:level1-${i + 1}:rows-sum`,
        `${s.level1}：评分表中该一级指标下各指标得分之和 = ${input.scoresStated ? '指标分析各节标题所列得分' : '评分汇总表得分'}`,
        s.score,
        scores.every((v) => v != null) ? sumAmounts(scores as number[]) : null,
        [s.lines, ...rows.map((r) => r.lines)],
      ),
    );
  });

  const indicatorScores = e.indicators.map((i) => i.score);
  if (e.indicators.length) {
    const complete = indicatorScores.every((v) => v != null);
    checks.push(
      compareAmounts(
        'evaluation:indicator-scores-sum',
        '综合评分表：各项得分之和 = 总得分',
        e.score,
        complete ? sumAmounts(indicatorScores as number[]) : null,
        lines(fieldLines.score, ...e.indicators.map((i) => i.lines)),
      ),
    );
    if (input.sheetTotal) {
      const weights = e.indicators.map((i) => i.weight);
      checks.push(
        compareAmounts(
          'evaluation:indicator-weights-sum',
          '综合评分表：各项分值之和 = 合计分值',
          input.sheetTotal.weight,
          weights.every((v) => v != null) ? sumAmounts(weights as number[]) : null,
          lines(input.sheetTotal.lines),
        ),
      );
    }
  }
  if (e.scores.length) {
    const scores = e.scores.map((s) => s.score);
    checks.push(
      compareAmounts(
        'evaluation:level1-scores-sum',
        `${summary}：各一级指标得分之和 = 总得分`,
        e.score ?? input.scoreTotal?.score,
        scores.every((v) => v != null) ? sumAmounts(scores as number[]) : null,
        lines(fieldLines.score, input.scoreTotal?.lines, ...e.scores.map((s) => s.lines)),
      ),
    );
    if (input.scoreTotal && e.score != null) {
      checks.push(
        compareAmounts('evaluation:summary-total', '评分汇总表合计 = 所述总得分', e.score, input.scoreTotal.score, lines(fieldLines.score, input.scoreTotal.lines)),
      );
    }
  }

  const gradeId = 'evaluation:grade-matches-score';
  const bandsText = input.bandsStated ? '按报告自定的等级标准' : '优 ≥ 90，良 80–89，中 60–79，差 < 60';
  if (e.score == null || e.grade == null) {
    checks.push({ id: gradeId, status: 'not-checkable', message: `评价等级与总得分相符（${bandsText}）`, expected: null, actual: e.grade, lines: lines(fieldLines.grade) });
  } else {
    const expected = gradeFor(e.score, input.bands);
    const status = expected != null && e.grade.includes(expected) ? 'pass' : 'fail';
    checks.push({ id: gradeId, status, message: `评价等级与总得分 ${e.score} 相符（${bandsText}）`, expected, actual: e.grade, lines: lines(fieldLines.score, fieldLines.grade) });
  }

  const rateId = 'evaluation:execution-rate';
  // 预算执行率 = 实际支出 / 实际到位资金 (财预〔2020〕10号's indicator); without the arrived amount, the budget.
  const base = e.arrivedAmount ?? e.budgetAmount;
  const rateMessage = e.arrivedAmount != null ? '执行率 = 执行金额 / 到位资金' : '执行率 = 执行金额 / 预算金额';
  if (e.executionRate == null || e.spentAmount == null || !base) {
    checks.push({ id: rateId, status: 'not-checkable', message: rateMessage, expected: null, actual: e.executionRate, lines: lines(fieldLines.rate) });
  } else {
    // The printed rate is rounded to its printed decimals: half a unit of its last digit is tolerated.
    const tolerance = 0.5 * 10 ** -printedDecimals((input.rateText ?? '').replace(/[%％]\s*$/, ''));
    const computed = Math.round((e.spentAmount / base) * 100 * 1e6) / 1e6;
    const status = amountsAgree(computed, e.executionRate, tolerance) ? 'pass' : 'fail';
    checks.push({ id: rateId, status, message: rateMessage, expected: computed, actual: e.executionRate, lines: lines(fieldLines.rate) });
  }
  return checks;
}
