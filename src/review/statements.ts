/**
 * The sentences of a 情况说明 that compare two figures: 年初预算为 X 万元，支出决算为 Y 万元，完成年初预算的 N%，决算数小于
 * 预算数; and A 万元，比上年增加 Z 万元，增长 N%. Read from the prose once, used by the wording and the figures rules.
 */
import { linesAt, type ReviewContext } from './context.ts';
import { readFigure } from './rounding.ts';
import type { LineRange } from '../schema/common.ts';
import { MARKER_FORMS } from '../core/outline.ts';
import { FIGURE_SOURCE, FIGURE_START } from '../core/amounts.ts';

export interface Figure {
  value: number;
  decimals: number;
  text: string;
}

// A number starts where a digit run starts: tried from inside a long run, each start would rescan the rest of it
// (quadratic on a hostile line of digits).
const NUM = `${FIGURE_START}(${FIGURE_SOURCE})`;
const S = String.raw`\s*`;

function figure(text: string | undefined): Figure | null {
  if (text === undefined) return null;
  const f = readFigure(text);
  return f ? { ...f, text: text.replace(/\s/g, '') } : null;
}

export interface BudgetActual {
  budget: Figure;
  actual: Figure;
  unit: string;
  /** 完成预算的 N%. */
  percent: Figure | null;
  /** 大于 / 小于 / 等于 / 持平 / 基本持平 as written (决算数…预算数). */
  word: string | null;
  /** The 类/款/项 the statement is about, where the paragraph names them. */
  names: { cls: string; kuan: string; xiang: string } | null;
  sentence: string;
  lines: LineRange[];
}

const BUDGET_ACTUAL = new RegExp(
  String.raw`(?:年初)?预算(?:数)?(?:为|是)?${S}${NUM}${S}(万元|元)[，,；;\s]*(?:[^。；\d]{0,12}?)决算(?:数)?(?:为|是)?${S}${NUM}${S}(万元|元)`,
  'g',
);
const PERCENT = new RegExp(String.raw`完成(?:年初)?(?:预算|计划)(?:数)?的?${S}${NUM}${S}[%％]`);
const WORD = /决算数?\s*(?:同|与|和|较)?\s*(?:年初)?预算数?\s*(?:相比)?\s*(基本持平|大于|小于|等于|相等|持平|一致)(?!\s*[（(])/;
const WORD_BEFORE = /决算数?\s*(大于|小于|等于)\s*(?:年初)?预算数?/;
const NAMES = /([\u4e00-\u9fa5、]+)[（(]类[）)]\s*([\u4e00-\u9fa5、（）()]+?)[（(]款[）)]\s*([\u4e00-\u9fa5、（）()]+?)[（(]项[）)]/g;
/** A numbered item on a line of its own (`\n2、…`): where one statement's tail ends. */
const NEXT_ITEM = new RegExp(`\\n\\s*${MARKER_FORMS.digit}`);

export function budgetActualStatements(ctx: ReviewContext): BudgetActual[] {
  const text = ctx.prose.text;
  const matches = [...text.matchAll(BUDGET_ACTUAL)];
  return matches.map((m, i) => {
    const start = m.index!;
    const end = start + m[0].length;
    const nextStart = matches[i + 1]?.index ?? text.length;
    // The tail up to the next statement or numbered item holds the percentage and the word.
    let tail = text.slice(end, Math.min(nextStart, end + 160));
    const item = NEXT_ITEM.exec(tail);
    if (item) tail = tail.slice(0, item.index);
    const percent = PERCENT.exec(tail);
    const word = WORD.exec(tail) ?? WORD_BEFORE.exec(tail);
    const previousEnd = i > 0 ? matches[i - 1].index! + matches[i - 1][0].length : 0;
    const head = text.slice(Math.max(previousEnd, start - 200), start);
    const named = [...head.matchAll(NAMES)].pop();
    const sentenceEnd = end + (percent ? percent.index + percent[0].length : 0);
    return {
      budget: figure(m[1])!,
      actual: figure(m[3])!,
      unit: m[2],
      percent: figure(percent?.[1]),
      word: word?.[1] ?? null,
      names: named ? { cls: named[1], kuan: named[2], xiang: named[3] } : null,
      sentence: text.slice(start, Math.max(sentenceEnd, end)).replace(/\s+/g, ''),
      lines: linesAt(ctx.prose, start, Math.max(sentenceEnd, end) - start),
    };
  });
}

export interface Change {
  current: Figure;
  unit: string;
  /** 增加 / 减少 / 增长 / 下降 / 持平, as written after 比上年. */
  word: string;
  change: Figure | null;
  /** The word before the percentage (增长 / 下降) and the percentage. */
  percentWord: string | null;
  percent: Figure | null;
  sentence: string;
  lines: LineRange[];
}

const CHANGE = new RegExp(
  String.raw`${NUM}${S}(万元|元)[，,\s]*(?:[^，。；\d]{0,8}?)比(?:上年|上一年度?|(?:19|20)\d{2}${S}年度?)(?:[^，。；\d]{0,8}?)(增加|减少|增长|下降|持平)${S}(?:${NUM}${S}(万元|元))?(?:[，,\s]*(增长|下降|增加|减少)${S}(?:[（(][^）)]{0,4}[）)])?${S}${NUM}${S}[%％])?`,
  'g',
);

export function changeStatements(ctx: ReviewContext): Change[] {
  const text = ctx.prose.text;
  return [...text.matchAll(CHANGE)].map((m) => ({
    current: figure(m[1])!,
    unit: m[2],
    word: m[3],
    change: figure(m[4]),
    percentWord: m[6] ?? null,
    percent: figure(m[7]),
    sentence: m[0].replace(/\s+/g, ''),
    lines: linesAt(ctx.prose, m.index!, m[0].length),
  }));
}

export interface TwoYears {
  /** The earlier year's figure and how the sentence names that year (`2025年`, `上年`). */
  prior: Figure;
  priorYear: string;
  current: Figure;
  currentYear: string;
  unit: string;
  /** 增加 / 减少 / 增长 / 下降, as written before the percentage. */
  word: string;
  percent: Figure;
  /** The amount the numbered item this sentence stands in opens with (…（01项）208.8万元), when it does. */
  headline: Figure | null;
  sentence: string;
  lines: LineRange[];
}

const YEAR = String.raw`(?:(?:19|20)\d{2}${S}年度?|上年度?|上一年度?|本年度?|今年)`;
/** 2025年当年预算执行数为 A 万元，2026年预算安排 B 万元，比2025年预算执行数增加 N%: both figures, then the change in percent only. */
const TWO_YEARS = new RegExp(
  String.raw`(${YEAR})[^，。；\d]{0,12}?(?:为|是)?${S}${NUM}${S}(万元|元)[，,；;]${S}(${YEAR})[^，。；\d]{0,12}?(?:为|是)?${S}${NUM}${S}(万元|元)[，,；;]?${S}比[^，。；]{0,16}?(增加|减少|增长|下降)${S}${NUM}${S}[%％]`,
  'g',
);
/** Where a numbered item of a 情况说明 starts: the amount its heading states belongs to that item only. */
const ITEM_START = new RegExp(`(?:^|\\n|。)\\s*(?:${MARKER_FORMS.digit}|${MARKER_FORMS['paren-digit']})`, 'g');
const HEADLINE = new RegExp(String.raw`[（(](?:\d{2,3})?[类款项][）)][”"]?${S}${NUM}${S}(?:万元|元)`, 'g');

function yearOf(label: string, other: string): number | null {
  const m = /(?:19|20)\d{2}/.exec(label);
  if (m) return Number(m[0]);
  const y = /(?:19|20)\d{2}/.exec(other);
  if (!y) return null;
  return /上/.test(label) ? Number(y[0]) - 1 : Number(y[0]) + 1;
}

export function twoYearStatements(ctx: ReviewContext): TwoYears[] {
  const text = ctx.prose.text;
  const out: TwoYears[] = [];
  for (const m of text.matchAll(TWO_YEARS)) {
    const a = yearOf(m[1], m[4]);
    const b = yearOf(m[4], m[1]);
    // The first figure must be the earlier year's: two figures of one year, or in the other order, are not a change.
    if (a === null || b === null || b <= a || m[3] !== m[6]) continue;
    const start = m.index!;
    const head = text.slice(Math.max(0, start - 300), start);
    let itemAt = 0;
    for (const i of head.matchAll(ITEM_START)) itemAt = i.index!;
    const headline = [...head.slice(itemAt).matchAll(HEADLINE)].pop();
    out.push({
      prior: figure(m[2])!,
      priorYear: m[1].replace(/\s/g, ''),
      current: figure(m[5])!,
      currentYear: m[4].replace(/\s/g, ''),
      unit: m[3],
      word: m[7],
      percent: figure(m[8])!,
      headline: headline ? figure(headline[1]) : null,
      sentence: m[0].replace(/\s+/g, ''),
      lines: linesAt(ctx.prose, start, m[0].length),
    });
  }
  return out;
}
