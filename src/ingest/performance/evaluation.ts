import type { Check, LineRange } from '../../schema/common.ts';
import type { Evaluation } from '../../schema/performance.ts';
import { compareAmounts } from '../checks.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { parseAmount, parsePercent } from '../numbers.ts';
import type { SourceLine } from '../source-lines.ts';
import { openingLines, stripMarkup } from '../source-lines.ts';
import { DEFAULT_BANDS, evaluationChecks, statedBands } from './evaluation-checks.ts';
import { readFields, readStatedResult, type FieldKey } from './evaluation-fields.ts';
import { isReportTitle, readProseFields } from './evaluation-prose.ts';
import { periodOf, readStatedPeriod } from './evaluation-period.ts';
import { readSections } from './evaluation-sections.ts';
import { readStatedScores } from './evaluation-stated-scores.ts';
import { proseLeft } from '../layout/prose-blocks.ts';
import type { ProseBlock } from '../layout/blocks.ts';
import type { Layout } from '../layout/detect.ts';
import { readAlignedScoreSheet, stackedScoreHeader } from './evaluation-aligned.ts';
import { spacedScoreHeader } from './evaluation-spaced.ts';
import { centredScoreHeader, layoutScoreHeader, readCentredScoreSheet } from './evaluation-centred.ts';
import {
  isFundsUseHeader, isScoreSheetHeader, isScoreSummaryHeader, level1ByWeights, readFundsUse, readScoreSheet, readScoreSummary, summaryLevel1,
} from './evaluation-tables.ts';
import { evaluationBlock, findHeader } from './evaluation-blocks.ts';
import { compact } from './text.ts';
import { foldFigures } from '../../core/width.ts';
import { printedRest } from '../claims.ts';
import { FIGURE_SOURCE } from '../../core/amounts.ts';

export interface EvaluationResult {
  evaluation: Evaluation;
  claimed: LineRange[];
  checks: Check[];
  warnings: string[];
}

/**
 * An evaluation report names itself in its title — a department's own (部门整体支出绩效自评报告) as a third party's —,
 * or carries both a 评分汇总表 and a 评价等级.
 */
function isEvaluationReport(lines: readonly SourceLine[]): boolean {
  if (openingLines(lines, 10).some((l) => isReportTitle(compact(l.text)))) return true;
  return lines.some((l) => isScoreSummaryHeader(l)) && lines.some((l) => /^(?:评价等级|绩效等级)/.test(compact(l.text)));
}

const LEADING_FIGURE = new RegExp(`^\\s*(-?${FIGURE_SOURCE})`);

/** A number printed with its unit (`56.38 万元`, `100 分`). */
function leadingAmount(s: string): number | null {
  const m = LEADING_FIGURE.exec(foldFigures(s));
  return m ? parseAmount(m[1]) : null;
}

/**
 * Parses an evaluation report (绩效评价报告): cover and summary card, funds-use table, 评分汇总表, 综合评分表, and
 * the 经验 / 问题 / 建议 chapters. The year's indicator table is a 绩效目标表 and is left to the target parser.
 * `sentences` is the text that no budget table (`taken`) holds, the document's prose blocks (layout/prose-blocks.ts),
 * made once for the card reader and every sentence reader; `layout`, the document's (layout/detect.ts), by which
 * the lines kept as printed leave its page numbers out.
 */
export function parseEvaluation(
  lines: readonly SourceLine[],
  taken: ReadonlySet<number>,
  sentences: readonly ProseBlock[],
  layout: Layout,
  positioned = false,
): EvaluationResult | null {
  if (!isEvaluationReport(lines)) return null;
  const claimed: LineRange[] = [];
  const blocked = new Set(taken);
  const claim = (r: LineRange) => {
    claimed.push(r);
    for (let n = r.first; n <= r.last; n++) blocked.add(n);
  };

  const fields = readFields(sentences);
  const statedResult = readStatedResult(sentences);
  const labelledPeriod = fields.get('period');
  const period = labelledPeriod
    ? periodOf(labelledPeriod.label, stripMarkup(labelledPeriod.value), labelledPeriod.lines)
    : readStatedPeriod(sentences, lines);
  // What the cover and card leave out, the report's sentences may state (基本情况: amounts, who evaluated what).
  const prose = readProseFields(sentences);
  const stated = [...prose].filter(([key]) => !fields.get(key)?.value);
  const proseText = (key: FieldKey) => stated.find(([k]) => k === key)?.[1].value ?? null;
  const text = (key: FieldKey) => (fields.get(key)?.value ? stripMarkup(fields.get(key)!.value) : proseText(key));
  const card = [...fields.values()].sort((a, b) => a.lines.first - b.lines.first);
  for (const f of card) claim(f.lines);

  let scores: Evaluation['scores'] = [];
  let scoreTotal: ReturnType<typeof readScoreSummary>['total'] = null;
  let indicators: Evaluation['indicators'] = [];
  let sheetTotal: ReturnType<typeof readScoreSheet>['total'] = null;
  let fundsUse: Evaluation['fundsUse'] = [];
  // Each table is found in the text that no table, nor the report's card or a table read before it, holds.
  const summaryAt = findHeader(proseLeft(sentences, blocked), (ls, i) => (isScoreSummaryHeader(ls[i]) ? 1 : null));
  if (summaryAt) {
    const block = evaluationBlock(summaryAt, true);
    const read = readScoreSummary(block);
    scores = read.scores;
    scoreTotal = read.total;
    claim({ first: block.lines.first, last: read.last });
  }
  // Without a 评分汇总表, the 一级 scores the 指标分析 chapter's headings state (evaluation-stated-scores.ts).
  const scoresStated = !summaryAt && (scores = readStatedScores(proseLeft(sentences, blocked))).length > 0;
  let regrouped: LineRange[] = [];
  const warnings: string[] = [];
  // One header line, or the first line of a header stacked over narrow columns (evaluation-aligned.ts).
  // A header over cells centred in their rows, in text whose cells stand one space apart (`pdftotext -layout`,
  // evaluation-spaced.ts) or centred over three lines in the PDF reader's: its rows read by where each word stands
  // (evaluation-centred.ts).
  const spacedAt = (ls: readonly SourceLine[], i: number) => (positioned ? null : (spacedScoreHeader(ls, i) ?? layoutScoreHeader(ls, i)));
  const centredAt = (ls: readonly SourceLine[], i: number) => (positioned ? centredScoreHeader(ls, i) : null);
  const sheetAt = findHeader(proseLeft(sentences, blocked), (ls, i) =>
    spacedAt(ls, i) ?? (isScoreSheetHeader(ls[i]) ? 1 : (stackedScoreHeader(ls, i, positioned) ?? centredAt(ls, i))));
  if (sheetAt) {
    const block = evaluationBlock(sheetAt, true);
    const known = summaryLevel1(scores);
    const headerLines = sheetAt.prose.rows.map((r) => r.line);
    const spaced = spacedAt(headerLines, sheetAt.at) != null;
    const centred = block.headerRows > 1 && !spaced && centredAt(headerLines, sheetAt.at) != null;
    const aligned = spaced ? readCentredScoreSheet(block, scores, 'layout')
      : centred ? readCentredScoreSheet(block, scores, 'positioned')
      : block.headerRows > 1 ? readAlignedScoreSheet(block, known, positioned) : null;
    const read = aligned ?? readScoreSheet(block, known);
    indicators = level1ByWeights(read.indicators, scores);
    // A row given another 一级 than the one printed on its line keeps that line as printed, so the print is not lost;
    // so does every row of a table printed in narrow columns, whose cells are pieced together from where each
    // character stands.
    regrouped = indicators.filter((ind, i) => aligned || ind.level1 !== read.indicators[i].level1).map((ind) => ind.lines);
    warnings.push(...(aligned?.warnings ?? []));
    sheetTotal = read.total;
    claim({ first: block.lines.first, last: read.last });
  }
  const fundsAt = findHeader(proseLeft(sentences, blocked), (ls, i) => (isFundsUseHeader(ls[i]) ? 1 : null));
  if (fundsAt) {
    const read = readFundsUse(evaluationBlock(fundsAt, false));
    fundsUse = read.rows;
    claim({ first: fundsAt.prose.rows[fundsAt.at].line.no, last: read.last });
  }

  // The chapters are read from the text that neither a table nor the report's own card and tables hold.
  const sections = readSections(proseLeft(sentences, blocked));
  for (const s of sections) claim(s.lines);
  const itemsOf = (kind: 'experience' | 'problems' | 'suggestions') => sections.filter((s) => s.kind === kind).flatMap((s) => s.items);
  const cardExperience = text('experience');
  const experience = itemsOf('experience');

  const rateText = text('executionRate');
  const scoreText = text('score');
  const bands = statedBands(lines);
  const evaluation: Evaluation = {
    projectName: text('projectName'),
    budgetUnit: text('budgetUnit'),
    implementer: text('implementer'),
    commissioner: text('commissioner'),
    evaluator: text('evaluator'),
    period,
    budgetAmount: leadingAmount(text('budgetAmount') ?? ''),
    arrivedAmount: leadingAmount(text('arrivedAmount') ?? ''),
    spentAmount: leadingAmount(text('spentAmount') ?? ''),
    executionRate: rateText ? (parsePercent(rateText) ?? leadingAmount(rateText)) : null,
    score: scoreText ? leadingAmount(scoreText) : (statedResult.score?.value ?? scoreTotal?.score ?? null),
    grade: text('grade')?.replace(/[“”"]/g, '') ?? statedResult.grade?.value ?? null,
    summary: text('summary'),
    fundsUse,
    scores,
    indicators,
    experience: experience.length ? experience : cardExperience ? cardExperience.split('\n').map((s) => s.trim()).filter(Boolean) : [],
    problems: itemsOf('problems'),
    suggestions: itemsOf('suggestions'),
    card: card.map((f) => ({ label: f.label, value: stripMarkup(f.value), lines: f.lines })),
    stated: stated.map(([, f]) => f),
    chapters: sections.map((s) => ({ kind: s.kind, heading: s.heading, items: s.items, lines: s.lines })),
    printed: [],
  };
  // A card line can hold pairs whose labels are not fields (项目性质 …): card lines are kept as printed too.
  const regroupedLines = new Set(regrouped.map((r) => r.first));
  const held = [...scores, ...indicators.filter((ind) => !regroupedLines.has(ind.lines.first)), ...fundsUse, ...sections].map((x) => x.lines);
  // Card fields on one line (预算金额 … 执行率) claim it each: it is printed once.
  evaluation.printed = claimed
    .flatMap((block) => printedRest(lines, block, held, [], layout))
    .filter((p, i, all) => all.findIndex((q) => q.lines.first === p.lines.first) === i);

  const checks = evaluationChecks({
    evaluation,
    scoreTotal,
    sheetTotal,
    rateText,
    fieldLines: {
      score: fields.get('score')?.lines ?? statedResult.score?.lines,
      grade: fields.get('grade')?.lines ?? statedResult.grade?.lines,
      rate: fields.get('executionRate')?.lines ?? prose.get('executionRate')?.lines,
    },
    bands: bands ?? DEFAULT_BANDS,
    bandsStated: bands != null,
    scoresStated,
  });
  if (fundsUse.length) {
    const budgets = fundsUse.map((r) => r.budget);
    const spent = fundsUse.map((r) => r.spent);
    const fundLines = fundsUse.map((r) => r.lines);
    checks.push(
      compareAmounts('evaluation:funds-use-budget-sum', '资金使用表：各项预算金额之和 = 预算金额', evaluation.budgetAmount,
        budgets.every((v) => v != null) ? sumAmounts(budgets as number[]) : null, fundLines),
      compareAmounts('evaluation:funds-use-spent-sum', '资金使用表：各项实际执行金额之和 = 执行金额', evaluation.spentAmount,
        spent.every((v) => v != null) ? sumAmounts(spent as number[]) : null, fundLines),
    );
  }
  return { evaluation, claimed, checks, warnings };
}
