/**
 * Rounding: printed amounts and percentages are rounded, so two statements of one figure may differ in the last
 * printed place. Such a difference is a 提示, never an 错误; everything else that differs is for the rule to report.
 */
import { amountsAgree } from '../core/decimal.ts';
import type { Finding } from '../schema/review.ts';
import { makeFinding, type FindingInput, type Reviewed } from './context.ts';

export type Agreement = 'agree' | 'rounding' | 'differs';

/** Decimals of a figure as printed (`12.30` → 2); from a number, as JavaScript writes it (12.3 → 1). */
export function decimalsOf(printed: string | number): number {
  const m = /\.(\d+)$/.exec(String(printed).replace(/,/g, '').trim());
  return m ? m[1].length : 0;
}

/** Reads a printed amount (`1,234.50`, `1 234.5`): the value and its decimals; null when it is not a number. */
export function readFigure(printed: string): { value: number; decimals: number } | null {
  const t = printed.replace(/[,，\s]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  return { value: Number(t), decimals: decimalsOf(t) };
}

/**
 * Two statements of one amount. Within 0.01 they agree (the arithmetic checks' tolerance); within one unit of the
 * coarser printed place (12.3 against 12.34) they differ by rounding; otherwise they differ.
 */
export function compareFigures(a: number, b: number, aDecimals = decimalsOf(a), bDecimals = decimalsOf(b)): Agreement {
  if (amountsAgree(a, b, 0.01)) return 'agree';
  const place = 10 ** -Math.min(aDecimals, bDecimals, 2);
  return Math.abs(a - b) <= place + 1e-9 ? 'rounding' : 'differs';
}

/**
 * A printed percentage against the share two printed amounts give. The amounts are rounded to their last printed
 * place, so the share can be anywhere in an interval; the percentage agrees when it rounds into that interval, is
 * a rounding difference when it is one unit of its last place outside, and differs otherwise.
 */
export function comparePercent(
  percent: number,
  percentDecimals: number,
  part: number,
  partDecimals: number,
  whole: number,
  wholeDecimals: number,
): Agreement {
  const dp = 0.5 * 10 ** -partDecimals;
  const dw = 0.5 * 10 ** -wholeDecimals;
  if (whole - dw <= 0) return 'agree';
  const low = (Math.max(part - dp, 0) / (whole + dw)) * 100;
  const high = ((part + dp) / (whole - dw)) * 100;
  const half = 0.5 * 10 ** -percentDecimals + 1e-9;
  if (percent >= low - half && percent <= high + half) return 'agree';
  const unit = 10 ** -percentDecimals + 1e-9;
  return percent >= low - half - unit && percent <= high + half + unit ? 'rounding' : 'differs';
}

/**
 * The finding for two statements that do not agree: a rounding 提示 (rule `rounding.<name>`) when they differ in
 * the last printed place, else the rule's own 错误. The message ends with the verdict.
 */
export function differenceFinding(doc: Reviewed, agreement: 'rounding' | 'differs', f: Omit<FindingInput, 'severity'>): Finding {
  if (agreement === 'differs') return makeFinding(doc, { ...f, severity: '错误', message: `${f.message}，两者不符。` });
  return makeFinding(doc, {
    ...f,
    rule: `rounding.${f.rule.split('.').pop()}`,
    family: 'rounding',
    severity: '提示',
    message: `${f.message}，差在末位，属四舍五入。`,
  });
}
