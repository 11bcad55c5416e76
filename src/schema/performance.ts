import { z } from 'astro/zod';
import { lineRange, pageBoxes, printedLine } from './common.ts';

/** A parsed 指标值: the printed text is always kept; the parts are filled where the text allows. */
const indicatorValueObject = z.object({
  text: z.string(),
  operator: z.enum(['>=', '<=', '=', '>', '<']).nullable().default(null),
  number: z.number().nullable().default(null),
  unit: z.string().nullable().default(null),
  /** Non-numeric targets (有效提升, 长期) … */
  qualitative: z.string().nullable().default(null),
  /** … and dates (2021年12月 → `2021-12`). */
  date: z.string().nullable().default(null),
});

type IndicatorValueFields = { text?: unknown; operator?: unknown; number?: unknown; unit?: unknown; qualitative?: unknown };

/** The text the parts of a value spell out: the qualitative words, or operator, number (as JSON writes it) and unit. */
function spelledOut(v: IndicatorValueFields): string | null {
  if (typeof v.qualitative === 'string') return v.qualitative;
  if (typeof v.number !== 'number') return null;
  return `${typeof v.operator === 'string' ? v.operator : ''}${JSON.stringify(v.number)}${typeof v.unit === 'string' ? v.unit : ''}`;
}

/**
 * A value as the JSON ingest writes it (src/ingest/serialize.ts): its `text` is left out where the parts spell it out
 * exactly (`=1套` is operator `=`, number 1, unit 套; `长期` is qualitative `长期`), so that it is not written twice.
 * Read back, `text` is there again.
 */
export function compactIndicatorValue<T extends IndicatorValueFields>(v: T): T {
  if (v.text !== spelledOut(v)) return v;
  const { text: _text, ...rest } = v;
  return rest as T;
}

function expandIndicatorValue(value: unknown): unknown {
  const v = value as IndicatorValueFields | null;
  if (!v || typeof v !== 'object' || 'text' in v) return value;
  const text = spelledOut(v);
  return text === null ? value : { text, ...v };
}

export const indicatorValue = z.preprocess(expandIndicatorValue, indicatorValueObject);
/** The value as the JSON ingest walks it: the object inside the reading of a left-out text. */
export const indicatorValueFields = indicatorValueObject;

export const indicator = z.object({
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  name: z.string(),
  value: indicatorValue,
  key: z.boolean().default(false),
  description: z.string().nullable().default(null),
  weight: z.number().nullable().default(null),
  basis: z.string().nullable().default(null),
  previous: z.string().nullable().default(null),
  scoringRule: z.string().nullable().default(null),
  evidence: z.string().nullable().default(null),
  /** 绩效自评表 columns: 实际完成值, 得分, 偏差原因分析. */
  actual: z.string().nullable().default(null),
  score: z.number().nullable().default(null),
  deviation: z.string().nullable().default(null),
  lines: lineRange,
  boxes: pageBoxes,
});


type IndicatorFields = Record<string, unknown> & { level1?: unknown; level2?: unknown };

/**
 * A target table's indicators as the JSON ingest writes them (src/ingest/serialize.ts): a run of indicators under the
 * same 一级指标 and 二级指标 is one entry `{ level1, level2, indicators: [...] }`, the names written once as the table
 * prints them once; an indicator alone under its names is written as itself. Read back, the list is flat again.
 */
export function compactIndicators(indicators: readonly IndicatorFields[]): unknown[] {
  const out: Array<IndicatorFields | { level1: unknown; level2: unknown; indicators: IndicatorFields[] }> = [];
  for (let i = 0; i < indicators.length; ) {
    const { level1, level2 } = indicators[i];
    let end = i + 1;
    while (end < indicators.length && indicators[end].level1 === level1 && indicators[end].level2 === level2) end++;
    if (end - i === 1) out.push(indicators[i]);
    else out.push({ level1, level2, indicators: indicators.slice(i, end).map(({ level1: _1, level2: _2, ...rest }) => rest) });
    i = end;
  }
  return out;
}

const isIndicatorGroup = (entry: unknown) => !!entry && typeof entry === 'object' && Array.isArray((entry as { indicators?: unknown }).indicators);

function expandIndicators(value: unknown): unknown {
  if (!Array.isArray(value) || !value.some(isIndicatorGroup)) return value;
  return value.flatMap((entry) => {
    if (!isIndicatorGroup(entry)) return [entry];
    const group = entry as { level1?: unknown; level2?: unknown; indicators: unknown[] };
    return group.indicators.map((i) => ({ level1: group.level1, level2: group.level2, ...(i as object) }));
  });
}

/** A target table's indicators, read from either form. */
export const indicatorList = z.preprocess(expandIndicators, z.array(indicator));

/** A row of a 绩效自评表's funds block (项目资金: 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金), its amounts as printed. */
export const selfEvaluationFunds = z.object({
  item: z.string(),
  /** 年初预算数 */
  planned: z.number().nullable().default(null),
  /** 全年预算数 */
  budget: z.number().nullable().default(null),
  /** 全年执行数 */
  spent: z.number().nullable().default(null),
  /** 分值 */
  weight: z.number().nullable().default(null),
  /** 执行率 (%) */
  rate: z.number().nullable().default(null),
  /** 得分 */
  score: z.number().nullable().default(null),
  lines: lineRange,
});

/** What a 绩效自评表 prints beside the targets: its funds block, the goal's 实际完成情况, its 总分 row. */
export const selfEvaluation = z.object({
  funds: z.array(selfEvaluationFunds).default([]),
  /** 年度总体目标's 实际完成情况 (its 预期目标 is the target's `goal`). */
  achieved: z.string().nullable().default(null),
  /** The 总分 row's 分值 and 得分, and its line. */
  totalWeight: z.number().nullable().default(null),
  totalScore: z.number().nullable().default(null),
  totalLines: lineRange.nullable().default(null),
});

export const performanceTarget = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  scope: z.enum(['project', 'organization']),
  title: z.string(),
  unitName: z.string().nullable(),
  projectName: z.string().nullable(),
  /** The project's code where a table of many projects prints one (单位编码, 项目编码), as printed. */
  code: z.string().nullable().default(null),
  /** The id of the project in `projects[]` this target table belongs to, or null when none matched. */
  projectId: z.string().nullable(),
  owner: z.string().nullable().default(null),
  funds: z.object({
    total: z.number().nullable(),
    fiscal: z.number().nullable(),
    other: z.number().nullable(),
  }),
  goal: z.string().nullable(),
  /** The goal over the project's whole implementation period (实施期目标, 中长期目标), where a form prints it beside
   * the year's, which is `goal`. */
  periodGoal: z.string().nullable().default(null),
  indicators: indicatorList,
  flag: z.string().nullable().default(null),
  /** Where the form is a 绩效自评表 (final accounts): its funds' execution, the goal's outcome and its total score. */
  selfEvaluation: selfEvaluation.nullable().default(null),
  /** Its lines that no indicator holds (title, header, contact, fund sources), as printed. */
  printed: z.array(printedLine).optional(),
  lines: lineRange,
  /** Where the target table is printed, a box a page (a PDF source). */
  boxes: pageBoxes,
});

export const evaluationScore = z.object({
  level1: z.string(),
  weight: z.number().nullable(),
  score: z.number().nullable(),
  rate: z.number().nullable(),
  lines: lineRange,
});

export const evaluationIndicator = z.object({
  /** The indicator's code where the 评分表 prints one (A101: 一级 A, 二级 A1, 三级 A101). */
  code: z.string().nullable().default(null),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  name: z.string(),
  /** 指标解释: what the indicator measures. */
  description: z.string().nullable().default(null),
  weight: z.number().nullable(),
  score: z.number().nullable(),
  rule: z.string().nullable(),
  process: z.string().nullable(),
  deduction: z.string().nullable(),
  lines: lineRange,
});

/** One line of an evaluation report's funds-use table (项目内容, 预算金额, 实际执行金额). */
export const evaluationFundsUse = z.object({
  item: z.string(),
  budget: z.number().nullable(),
  spent: z.number().nullable(),
  lines: lineRange,
});

/** A `label → value` pair of an evaluation report's cover or summary card, as printed, with its lines. */
export const evaluationCardEntry = z.object({
  label: z.string(),
  value: z.string(),
  lines: lineRange,
});

/** A 经验 / 问题 / 建议 chapter as printed: its heading, its items, its lines. */
export const evaluationChapter = z.object({
  kind: z.enum(['experience', 'problems', 'suggestions']),
  heading: z.string(),
  items: z.array(z.string()),
  lines: lineRange,
});

/** A date as precise as the print gives it: `2023`, `2023-07`, `2023-07-01`. */
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);

/** The period a report states it evaluated (评价期间 / 评价时段, or the 年度 of its title), as printed and as dates. */
export const evaluationPeriod = z.object({
  /** The label it was printed under (评价期间, 评价时段); 评价年度 when only the title's 年度 states it. */
  label: z.string(),
  text: z.string(),
  from: partialDate.nullable(),
  to: partialDate.nullable(),
  lines: lineRange,
});

export const evaluation = z.object({
  projectName: z.string().nullable(),
  budgetUnit: z.string().nullable(),
  implementer: z.string().nullable(),
  commissioner: z.string().nullable(),
  evaluator: z.string().nullable(),
  period: evaluationPeriod.nullable().default(null),
  budgetAmount: z.number().nullable(),
  /** 实际到位资金 (万元). */
  arrivedAmount: z.number().nullable().default(null),
  spentAmount: z.number().nullable(),
  executionRate: z.number().nullable(),
  score: z.number().nullable(),
  grade: z.string().nullable(),
  /** 主要绩效 of the summary card. */
  summary: z.string().nullable().default(null),
  fundsUse: z.array(evaluationFundsUse).default([]),
  scores: z.array(evaluationScore),
  indicators: z.array(evaluationIndicator),
  experience: z.array(z.string()).default([]),
  problems: z.array(z.string()).default([]),
  suggestions: z.array(z.string()).default([]),
  /** The cover and card pairs the fields above are read from, as printed, so that each can be traced to its line. */
  card: z.array(evaluationCardEntry).default([]),
  /** Fields no cover or card gives, read from the report's sentences (基本情况): the words, the value, the line. */
  stated: z.array(evaluationCardEntry).default([]),
  /** Lines of the card and the score and funds tables that no field above holds (titles, headers), as printed. */
  printed: z.array(printedLine).default([]),
  /** The chapters that experience, problems and suggestions are read from, with their headings and lines. */
  chapters: z.array(evaluationChapter).default([]),
});

export type IndicatorValue = z.infer<typeof indicatorValue>;
export type Indicator = z.infer<typeof indicator>;
export type PerformanceTarget = z.infer<typeof performanceTarget>;
export type Evaluation = z.infer<typeof evaluation>;
export type SelfEvaluation = z.infer<typeof selfEvaluation>;
export type SelfEvaluationFunds = z.infer<typeof selfEvaluationFunds>;
export type EvaluationScore = z.infer<typeof evaluationScore>;
export type EvaluationIndicator = z.infer<typeof evaluationIndicator>;
export type EvaluationPeriod = z.infer<typeof evaluationPeriod>;
export type EvaluationFundsUse = z.infer<typeof evaluationFundsUse>;
