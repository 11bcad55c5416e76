import type { IndicatorValue } from '../../schema/performance.ts';
import { foldFigures, foldWidth, hasDigit } from '../../core/width.ts';
import { AMOUNT_SOURCE } from '../../core/amounts.ts';
import { parseAmount } from '../numbers.ts';
import { cleanCell } from './text.ts';

type Operator = NonNullable<IndicatorValue['operator']>;

const OPERATORS: ReadonlyArray<readonly [RegExp, Operator]> = [
  [/^(?:>=|≥|≧|大于等于|不低于|不少于)/, '>='],
  [/^(?:<=|≤|≦|小于等于|不高于|不超过|不多于)/, '<='],
  [/^(?:>|大于|高于)/, '>'],
  [/^(?:<|小于|低于)/, '<'],
  [/^(?:=|等于)/, '='],
];

/** Units as printed after a target number: simple (人, 万元, %) or compound (元/人/天, 万元/套). */
const UNIT = /^(?:%|‰|[\u4e00-\u9fa5A-Za-z²³]{1,4}(?:\/[\u4e00-\u9fa5A-Za-z²³]{1,4}){0,3})$/;

/**
 * Units a bare number (without operator) may carry and still be read as a target. Kept to counting and money
 * units, so that a year or a document number (`2021 年度…`, `【2018】27 号`) is never taken for a target.
 */
const COUNTED =
  '(?:元|人(?:次)?|户|家|个|个月|套|台|辆|次|场|天|日|年|月|小时|本|册|份|批|项|座|部|名|节|期|篇|条|处|所|间|平方米?|亩|公里|米|吨|张|件|类|分|家次|户次)';
/** A figure with a counted unit or a percentage, among other words (国省干线713.61公里). */
const COUNTED_FIGURE = new RegExp(`\\d(?:%|${COUNTED})`);
/** A counted unit, also in ten thousands or as 万 alone (20万辆; 78万, 万元 as a form's cell prints it short). */
const COUNT_UNIT = new RegExp(`^(?:%|‰|(?:万|亿)${COUNTED}?|${COUNTED})(?:\\/[\\u4e00-\\u9fa5]{1,3}){0,3}$`);

/**
 * Words that make a short non-numeric text a qualitative target (有效提升, 长期, 不断促进, 得到改善). Shared by all
 * templates: targets of 效益 indicators are phrased with them.
 */
const QUALITATIVE =
  /(?:有效|提升|提高|长期|长久|持续|不断|明显|显著|逐步|改善|保障|促进|满足|优化|降低|增强|良好|稳定|达标|合格|完成|及时|全面|基本|较好|好转|增加|减少|得到|确保|巩固|推动|带动|正常|规范|健全|加强|发展|达到|是|否|无|有)/;

/** A grade as a whole cell (年度目标考评 优): the 等级 an evaluation gives, one character. */
const GRADE = /^[优良中差]$/;

function detectOperator(s: string): { operator: Operator | null; rest: string } {
  for (const [pattern, op] of OPERATORS) {
    const m = pattern.exec(s);
    if (m) return { operator: op, rest: s.slice(m[0].length).trim() };
  }
  return { operator: null, rest: s };
}

function pad2(n: string): string {
  return n.padStart(2, '0');
}

/** A date a target is due by, as printed: `2026年12月前`, `2026年7月底前`, `2024年11月15日`. */
const DUE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:底|末|中|初|上旬|中旬|下旬)?\s*(?:前|以前|之前)?$/;

/** `2021年12月` → `2021-12`; `2024年11月15日前` → `2024-11-15`. */
function parseDate(s: string): string | null {
  const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(?:前|底|末|以前|之前)?$/.exec(s);
  if (!m) return null;
  return m[3] ? `${m[1]}-${pad2(m[2])}-${pad2(m[3])}` : `${m[1]}-${pad2(m[2])}`;
}

function empty(text: string): IndicatorValue {
  return { text, operator: null, number: null, unit: null, qualitative: null, date: null };
}

/**
 * The kind of a target (指标值类型 / 指标性质: 定性) printed in the column before its value, read with it (北京 `定性`
 * `优` → 定性优, 长沙 `定性` `提升`): the text keeps it, the qualitative words are the value's own.
 */
const KIND = /^定性\s*/;

/** A value's number, grouped by thousands or not (`1,200万元`, core/amounts.ts), and what follows it. */
const LEADING_NUMBER = new RegExp(`^(-?${AMOUNT_SOURCE})\\s*(.*)$`);
const BARE_NUMBER = new RegExp(`^${AMOUNT_SOURCE}$`);

/**
 * Parses a printed 指标值. The text is always kept; operator, number and unit, or the date, or the qualitative text
 * are filled where the text has that form. A text of another form keeps only `text`.
 */
export function parseIndicatorValue(printed: string): IndicatorValue {
  const text = cleanCell(printed);
  const folded = foldWidth(text).replace(/＝/g, '=');
  const { operator, rest } = detectOperator(folded);
  const date = parseDate(rest);
  if (date) return { ...empty(text), operator, date };
  const m = LEADING_NUMBER.exec(rest);
  if (m) {
    const unit = m[2].trim();
    if (unit === '' || UNIT.test(unit)) {
      return { ...empty(text), operator, number: parseAmount(m[1]), unit: unit || null };
    }
    return empty(text);
  }
  if (!operator && rest && !/\d/.test(rest) && rest.length <= 12) return { ...empty(text), qualitative: rest.replace(KIND, '') || rest };
  return empty(text);
}

/** True when a whole token reads as a target value: an operator or percent, a date, or a number with a count unit. */
export function looksLikeValue(token: string): boolean {
  // Each of the forms below reads a digit (of either width, folded first): asked of every cell of a grid's rows, most
  // of them names and phrases.
  if (!hasDigit(token)) return false;
  const t = foldWidth(token.trim()).replace(/＝/g, '=');
  // A percentage behind a mark no operator is read from (》95%, typed for ≥): a value by its form, its text kept as printed.
  if (/^[^\p{L}\p{N}\s]\d+(?:\.\d+)?%$/u.test(t)) return true;
  const { operator, rest } = detectOperator(t);
  if (DUE_DATE.test(rest)) return true;
  const m = LEADING_NUMBER.exec(rest);
  if (!m) return false;
  const unit = m[2].trim();
  if (operator) return unit === '' || UNIT.test(unit);
  return COUNT_UNIT.test(unit);
}

/** True when a short non-numeric token reads as a qualitative target (有效保障, 长期, 全面提升). */
export function looksQualitative(token: string): boolean {
  const t = token.trim();
  return t.length >= 1 && t.length <= 10 && !hasDigit(t) && !/[，。；：,;:]/.test(t) && (QUALITATIVE.test(t) || isGrade(t));
}

/** True when a token is a grade alone (优, 良): a target by its form, as a whole cell prints it. */
export function isGrade(token: string): boolean {
  return GRADE.test(token.trim());
}

/**
 * True when a cell lists a value for each of several indicators its name lists (`平稳运行；高于30%`, `1：>=95%；2：有所提升`,
 * `<=96万/年；<=4万/年；<=16.58万/年.`): every part, its number and closing stop aside, a value or a qualitative target.
 */
export function looksLikeValueList(token: string): boolean {
  const parts = token.trim().split(/[；;]/);
  if (parts.length < 2) return false;
  return parts.every((p) => {
    const part = foldFigures(p).replace(/^\d+[：:]/, '').replace(/[。.]$/, '').trim();
    return part !== '' && (looksLikeValue(part) || looksQualitative(part));
  });
}

/**
 * True when a cell holds a figure as a target prints one, but not in a target's own form: a bare number (部门从业人员
 * 1318), or a figure with a counted unit among other words (国省干线713.61公里，农村公路11713公里; 上年合同结束时间；12个月).
 */
export function holdsFigure(token: string): boolean {
  const t = foldWidth(token.trim());
  return BARE_NUMBER.test(t) || COUNTED_FIGURE.test(t);
}

/** True when a token is a unit on its own (a target number wrapped before its unit: `≥1000` / `元`). */
export function isUnitToken(token: string): boolean {
  return COUNT_UNIT.test(token.trim()) && !/^\d/.test(token.trim());
}

/** Splits a ★ key-indicator mark off a name or value. */
export function takeKeyMark(s: string): { text: string; key: boolean } {
  const key = /[★☆]/.test(s);
  return { text: s.replace(/[★☆]/g, '').trim(), key };
}
