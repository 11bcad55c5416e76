/**
 * Comparisons in words: 决算数大于/小于/等于预算数, 完成预算的 N%, 比上年增加/减少 Z 万元、增长/下降 N% must agree
 * with the two figures the same sentence states. A percentage one unit of its last place off is rounding.
 */
import type { Finding } from '../schema/review.ts';
import { makeFinding, shown, type ReviewContext } from './context.ts';
import { sumAmounts, subtractAmounts } from '../core/decimal.ts';
import { comparePercent, differenceFinding } from './rounding.ts';
import { budgetActualStatements, changeStatements, type BudgetActual, type Change } from './statements.ts';

const EQUAL = new Set(['等于', '相等', '持平', '一致']);

/** The word the two figures call for. */
function expectedWord(budget: number, actual: number): '大于' | '小于' | '等于' {
  return actual > budget ? '大于' : actual < budget ? '小于' : '等于';
}

function wordAgrees(word: string, s: BudgetActual): boolean {
  const expected = expectedWord(s.budget.value, s.actual.value);
  if (word === '基本持平') return Math.abs(s.actual.value - s.budget.value) <= Math.abs(s.budget.value) * 0.05;
  return EQUAL.has(word) ? expected === '等于' : word === expected;
}

function budgetActualFindings(ctx: ReviewContext, s: BudgetActual, n: number): Finding[] {
  const findings: Finding[] = [];
  const both = `年初预算${s.budget.text}${s.unit}、决算${s.actual.text}${s.unit}`;
  if (s.word && !wordAgrees(s.word, s)) {
    findings.push(
      makeFinding(ctx.doc, {
        rule: 'wording.budget-actual',
        family: 'wording',
        severity: '错误',
        key: `${n}`,
        message: `正文说决算数“${s.word}”预算数，但同一句给出${both}，应为“${expectedWord(s.budget.value, s.actual.value)}”。`,
        stated: s.word,
        expected: expectedWord(s.budget.value, s.actual.value),
        lines: s.lines,
      }),
    );
  }
  if (s.percent && s.budget.value > 0) {
    const agreement = comparePercent(s.percent.value, s.percent.decimals, s.actual.value, s.actual.decimals, s.budget.value, s.budget.decimals);
    const computed = Math.round((s.actual.value / s.budget.value) * 10000) / 100;
    if (agreement !== 'agree') {
      findings.push(
        differenceFinding(ctx.doc, agreement, {
          rule: 'wording.completion-percent',
          family: 'wording',
          key: `${n}`,
          message: `正文说完成预算的${s.percent.text}%，按同一句的${both}计算为${computed}%`,
          stated: s.percent.value,
          expected: computed,
          lines: s.lines,
        }),
      );
    }
  }
  return findings;
}

const UP = new Set(['增加', '增长']);

function changeFindings(ctx: ReviewContext, c: Change, n: number): Finding[] {
  const findings: Finding[] = [];
  const wrong = (rule: string, message: string, stated: string | number, expected: string | number | null) =>
    findings.push(makeFinding(ctx.doc, { rule, family: 'wording', severity: '错误', key: `${n}`, message, stated, expected, lines: c.lines }));
  if (c.percentWord && c.word !== '持平' && UP.has(c.word) !== UP.has(c.percentWord)) {
    wrong('wording.change-direction', `同一句先说“${c.word}”，后说“${c.percentWord}${c.percent?.text ?? ''}%”，增减方向矛盾。`, c.percentWord, c.word);
    return findings;
  }
  if (!c.change) return findings;
  if (c.word === '持平') {
    if (c.change.value !== 0) wrong('wording.change-flat', `正文说与上年“持平”，却给出变动${c.change.text}${c.unit}。`, c.change.value, 0);
    return findings;
  }
  const up = UP.has(c.word);
  const prior = up ? subtractAmounts(c.current.value, c.change.value) : sumAmounts([c.current.value, c.change.value]);
  if (prior < 0) {
    wrong('wording.change-amount', `正文说本年${c.current.text}${c.unit}，比上年${c.word}${c.change.text}${c.unit}：增加额大于本年数，上年数将为负，增减用语或金额有误。`, c.change.value, null);
    return findings;
  }
  if (!c.percent || prior === 0) return findings;
  const priorDecimals = Math.max(c.current.decimals, c.change.decimals);
  const agreement = comparePercent(c.percent.value, c.percent.decimals, c.change.value, c.change.decimals, prior, priorDecimals);
  if (agreement === 'agree') return findings;
  const computed = Math.round((c.change.value / prior) * 10000) / 100;
  findings.push(
    differenceFinding(ctx.doc, agreement, {
      rule: 'wording.change-percent',
      family: 'wording',
      key: `${n}`,
      message: `正文说本年${c.current.text}${c.unit}，比上年${c.word}${c.change.text}${c.unit}（即上年${shown(prior)}${c.unit}），${c.percentWord ?? ''}${c.percent.text}%；按这两个数应为${computed}%`,
      stated: c.percent.value,
      expected: computed,
      lines: c.lines,
    }),
  );
  return findings;
}

export function wordingRules(ctx: ReviewContext): Finding[] {
  return [
    ...budgetActualStatements(ctx).flatMap((s, i) => budgetActualFindings(ctx, s, i + 1)),
    ...changeStatements(ctx).flatMap((c, i) => changeFindings(ctx, c, i + 1)),
  ];
}
