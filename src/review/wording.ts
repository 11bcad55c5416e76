/**
 * Comparisons in words: 决算数大于/小于/等于预算数, 完成预算的 N%, 比上年增加/减少 Z 万元、增长/下降 N% must agree
 * with the two figures the same sentence states, and the year a comparison names must be the year before the
 * document's. A percentage one unit of its last place off is rounding.
 */
import type { Finding } from '../schema/review.ts';
import { linesAt, makeFinding, shown, type ReviewContext } from './context.ts';
import { sumAmounts, subtractAmounts } from '../core/decimal.ts';
import { compareFigures, comparePercent, differenceFinding } from './rounding.ts';
import { budgetActualStatements, changeStatements, twoYearStatements, type BudgetActual, type Change, type TwoYears } from './statements.ts';

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

/** The change in percent that a prior and a current figure give, and whether the figures bear out the stated one. */
function percentAgainst(t: TwoYears, current: { value: number; decimals: number }) {
  const difference = subtractAmounts(current.value, t.prior.value);
  const change = Math.abs(difference);
  const computed = Math.round((difference / t.prior.value) * 10000) / 100;
  const direction = current.value === t.prior.value ? null : current.value > t.prior.value;
  const agreement = comparePercent(t.percent.value, t.percent.decimals, change, Math.max(current.decimals, t.prior.decimals), t.prior.value, t.prior.decimals);
  return { computed, agrees: agreement === 'agree' && (direction === null || direction === UP.has(t.word)), agreement, direction };
}

/**
 * 2025年预算执行数为 A 万元，2026年预算安排 B 万元，比2025年增加 N%: N must be (B − A) / A in the direction the word
 * says. Where the numbered item the sentence stands in opens with another amount than B (…（01项）208.8万元 … 2026年预算安排
 * 201.50万元), the two statements of one figure disagree; when the percentage fits the headline, B is the misprint.
 */
function twoYearFindings(ctx: ReviewContext, t: TwoYears, n: number): Finding[] {
  if (t.prior.value <= 0) return [];
  const both = `${t.priorYear}${t.prior.text}${t.unit}、${t.currentYear}${t.current.text}${t.unit}`;
  const stated = `${t.word}${t.percent.text}%`;
  const findings: Finding[] = [];
  const headline = t.headline && compareFigures(t.headline.value, t.current.value, t.headline.decimals, t.current.decimals) === 'differs' ? t.headline : null;
  const byCurrent = percentAgainst(t, t.current);
  if (headline) {
    const byHeadline = percentAgainst(t, headline);
    findings.push(
      makeFinding(ctx.doc, {
        rule: 'wording.item-amount',
        family: 'wording',
        severity: '错误',
        key: `${n}`,
        message:
          `本项开头说${headline.text}${t.unit}，同一项又说${t.currentYear}${t.current.text}${t.unit}，两者不符` +
          (byHeadline.agrees && !byCurrent.agrees ? `；所说的“${stated}”按${headline.text}${t.unit}计算相符，${t.current.text}${t.unit}可能有误。` : '。'),
        stated: t.current.value,
        expected: headline.value,
        lines: t.lines,
      }),
    );
    if (byHeadline.agrees) return findings;
  }
  if (byCurrent.agrees || byCurrent.direction === null) return findings;
  const expected = `${byCurrent.direction ? '增加' : '减少'}${Math.abs(byCurrent.computed)}%`;
  const message = `正文说${t.currentYear}比${t.priorYear}${stated}，按同一句的${both}计算为${expected}`;
  if (byCurrent.direction !== UP.has(t.word)) {
    findings.push(makeFinding(ctx.doc, { rule: 'wording.two-year-change', family: 'wording', severity: '错误', key: `${n}`, message: `${message}：增减方向与金额矛盾，金额或百分比有误。`, stated, expected, lines: t.lines }));
    return findings;
  }
  findings.push(
    differenceFinding(ctx.doc, byCurrent.agreement as 'rounding' | 'differs', {
      rule: 'wording.two-year-change',
      family: 'wording',
      key: `${n}`,
      message,
      stated: t.percent.value,
      expected: byCurrent.computed,
      lines: t.lines,
    }),
  );
  return findings;
}

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

/**
 * 比2025年预算增加…、与2025年预算持平: the year a comparison names. Not 年底/年末/年初 (a date: 较2025年初, of assets),
 * but 年初预算 is the year's budget.
 */
const COMPARED_YEAR = /(比|与|较)\s*((?:19|20)\d{2})\s*年度?(?!\s*(?:底|末|初(?!\s*预算)))\s*(年初预算|预算执行数|预算|决算)?数?\s*(?:相比|比较)?[^，。；\d]{0,6}?(?:增加|减少|增长|下降|持平|相比|相同)/g;

/**
 * A budget compares with the year before (上年): 比 or 与 its own year or a later one compares the year with itself,
 * which is the template's year left unchanged or the wrong year typed (司法局 2026 部门预算: 比2026年预算增加, five
 * times, in the office's own checklist). A 决算 compares its 决算 with its own year's budget (与2024年预算相比 in a
 * 2024 决算 is right), never with its own 决算. A year two or more before is a 提示 when the sentence names a budget or
 * a 决算 of it: the year before is what the template compares with, but a document may compare further back.
 */
function comparisonYearFindings(ctx: ReviewContext): Finding[] {
  const { doc } = ctx;
  const year = doc.year;
  if (year === null || doc.yearSpan !== null || (doc.kind !== 'budget' && doc.kind !== 'final-account')) return [];
  const own = doc.kind === 'budget' ? '预算' : '决算';
  const findings: Finding[] = [];
  for (const m of ctx.prose.text.matchAll(COMPARED_YEAR)) {
    const named = Number(m[2]);
    const what = m[3] ?? '';
    const sure = named > year || (named === year && (doc.kind === 'budget' || what === '决算'));
    const earlier = named < year - 1 && what !== '';
    if (!sure && !earlier) continue;
    const excerpt = ctx.prose.text.slice(Math.max(0, m.index! - 12), m.index! + m[0].length + 8).replace(/\s+/g, '');
    findings.push(
      makeFinding(doc, {
        rule: 'wording.comparison-year',
        family: 'wording',
        severity: sure ? '错误' : '提示',
        key: `${m.index}`,
        message: sure
          ? `本文件是${year}年${own}，正文却与“${named}年${what}”比较（“…${excerpt}…”）：应与上年（${year - 1}年）比较，年份有误。`
          : `本文件是${year}年${own}，正文与“${named}年${what}”比较（“…${excerpt}…”）：上年是${year - 1}年，请核对年份。`,
        stated: named,
        expected: year - 1,
        lines: linesAt(ctx.prose, m.index!, m[0].length),
      }),
    );
  }
  return findings;
}

export function wordingRules(ctx: ReviewContext): Finding[] {
  return [
    ...comparisonYearFindings(ctx),
    ...budgetActualStatements(ctx).flatMap((s, i) => budgetActualFindings(ctx, s, i + 1)),
    ...changeStatements(ctx).flatMap((c, i) => changeFindings(ctx, c, i + 1)),
    ...twoYearStatements(ctx).flatMap((t, i) => twoYearFindings(ctx, t, i + 1)),
  ];
}
