import { inViewUnit } from '../core/units.ts';
import type { Disclosure } from '../schema/disclosure.ts';

const decimalFormats = new Map<number, Intl.NumberFormat>();

/**
 * A number's shortest decimal (String's) with at most six decimals and no exponent: what Intl.NumberFormat prints
 * as it is, only grouped.
 */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d{1,6})?$/;

/** Thousands separators and the decimals the document printed (at least the value's own). */
export function formatAmount(value: number | null | undefined): string {
  if (value == null) return '';
  const text = String(value);
  // Grouped here as zh-CN's Intl.NumberFormat groups it (1,234,567.8, a minus sign as "-"), with the same digits: a
  // table's every cell is formatted, and ICU's formatting was ~0.7 CPU-ms a synthetic disclosure's page
  // (docs/benchmarks.md, "astro build: table rows, amounts and the downloads' read"). -0, an exponent or
  // more decimals (rounded to six) are left to Intl.
  if (PLAIN_DECIMAL.test(text) && !Object.is(value, -0)) return groupThousands(text);
  const decimals = Math.min((text.split('.')[1] ?? '').length, 6);
  let format = decimalFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    decimalFormats.set(decimals, format);
  }
  return format.format(value);
}

function groupThousands(text: string): string {
  const start = text.startsWith('-') ? 1 : 0;
  const point = text.indexOf('.');
  const end = point < 0 ? text.length : point;
  let out = text.slice(0, start);
  for (let at = start; at < end; ) {
    const next = at === start ? start + ((end - start) % 3 || 3) : at + 3;
    out += (at === start ? '' : ',') + text.slice(at, next);
    at = next;
  }
  return out + text.slice(end);
}

export const KIND_LABELS: Readonly<Record<Disclosure['kind'], string>> = {
  budget: '预算',
  'final-account': '决算',
  'performance-target': '绩效目标',
  'performance-evaluation': '绩效评价',
  other: '其他',
};

export const CHECK_LABELS = {
  pass: '通过',
  fail: '未通过',
  'not-applicable': '不适用',
  'not-checkable': '无法校验',
} as const;

/**
 * What a department's files cover, as its card in the department list and its search result show it: the years
 * (2021, or 2021–2023 from the first to the last) and the kinds in the order first met (预算、决算).
 */
export function filesSpan(docs: ReadonlyArray<Pick<Disclosure, 'year' | 'kind'>>): { years: string | null; kinds: string } {
  const years = [...new Set(docs.map((doc) => doc.year).filter((y): y is number => y != null))].sort();
  return {
    years: years.length === 0 ? null : `${years[0]}${years.length > 1 ? `–${years.at(-1)}` : ''}`,
    kinds: [...new Set(docs.map((doc) => KIND_LABELS[doc.kind]))].join('、'),
  };
}

export function regionLabel(region: readonly string[]): string {
  return region.length > 0 ? region.join(' · ') : '地区不详';
}

/** An amount as a view in 万元 shows it; an amount whose unit is unknown keeps its printed figure, marked so. */
export function formatInViewUnit(amount: number | null | undefined, unit: string | null | undefined): string {
  if (amount == null) return '';
  const converted = inViewUnit(amount, unit);
  return converted !== null ? formatAmount(converted) : `${formatAmount(amount)}（单位未注明）`;
}
