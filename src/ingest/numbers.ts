import { AMOUNT_SOURCE, FIGURE_SOURCE, FIGURE_START, MONEY_SOURCE, MONEY_UNIT_SOURCE, SIGN_SOURCE } from '../core/amounts.ts';
import { keepingResults } from '../core/recent-results.ts';
import { foldWidth } from '../core/width.ts';

/** A printed amount (core/amounts.ts) and nothing else, with its sign. */
const AMOUNT_PATTERN = new RegExp(`^${SIGN_SOURCE}?${AMOUNT_SOURCE}$`);
const LEADING_MONEY = new RegExp(`^${SIGN_SOURCE}?${MONEY_SOURCE}(?=\\s|$)`);

/** The money amount a text opens with (MONEY_SOURCE), as printed, up to the white space after it; null when none. */
export function leadingMoney(text: string): string | null {
  const t = text.trimStart();
  // Asked of every line of text printed one cell a line, most of them names: the first character rules those out.
  if (t === '' || cannotOpenAmount(t.charCodeAt(0))) return null;
  return LEADING_MONEY.exec(foldWidth(t))?.[0] ?? null;
}

/** Parses one printed amount token (`1,212.12`, `7113.0`, `－3.5`); null when the token is not an amount. */
export function parseAmount(token: string): number | null {
  // Asked of nearly every word of every table, and most words are names: the first character rules them out.
  return cannotOpenAmount(token.charCodeAt(0)) ? null : amountOf(token);
}

/** The rest of parseAmount, kept (recent-results.ts): each reader of a table reads its amounts again. */
const amountOf = keepingResults((token): number | null => {
  // An amount printed in ASCII needs no trimming or folding, and a name that falls through is still checked in full.
  const t = plainAmountChars(token) ? token : foldWidth(token.trim()).replace(/[−－]/g, '-');
  if (!AMOUNT_PATTERN.test(t)) return null;
  // A run of 309 or more digits overflows to Infinity: no amount (and exact arithmetic refuses it).
  const value = Number(t.includes(',') ? t.replace(/,/g, '') : t);
  return Number.isFinite(value) ? value : null;
});

/**
 * A first character no amount token opens with, even once trimmed and folded: ASCII other than a digit, `-` or
 * white space; a CJK ideograph; full-width ASCII other than a digit or `－`.
 */
function cannotOpenAmount(c: number): boolean {
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x20 || (c >= 0x09 && c <= 0x0d));
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return c >= 0xff01 && c <= 0xff5e && c !== 0xff0d && !(c >= 0xff10 && c <= 0xff19);
}

/** Only ASCII digits, `,`, `.` and `-`: what trimming, folding and the minus signs leave as it is. */
function plainAmountChars(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e || c === 0x2d)) return false;
  }
  return true;
}

/** An amount written in a sentence with its unit (`795万元`, `1,486.42 元`, `1.2亿元`): the figure, then the unit. */
export const STATED_AMOUNT = new RegExp(`${FIGURE_START}(${FIGURE_SOURCE})\\s*(${MONEY_UNIT_SOURCE})`);
const STATED_AMOUNTS = new RegExp(STATED_AMOUNT.source, 'g');
const LONE_STATED_AMOUNT = new RegExp(`^\\s*${STATED_AMOUNT.source}\\s*$`);

/** Whether a line says nothing but one amount with its unit (`120万元`): a whole item's value, as complete as a sentence. */
export function isLoneStatedAmount(text: string): boolean {
  return LONE_STATED_AMOUNT.test(foldWidth(text));
}

/**
 * The one amount a text states, with its unit; null where it states none, or several (a plan by quarter,
 * `第一季度用款计划158.05万元，第二季度…`): no single one of those is the whole, and adding them up would be a guess.
 */
export function soleStatedAmount(text: string): { amount: number; unit: string } | null {
  const all = [...foldWidth(text).matchAll(STATED_AMOUNTS)];
  if (all.length !== 1) return null;
  const amount = parseAmount(all[0][1]);
  return amount === null ? null : { amount, unit: all[0][2] };
}

/** Parses a percentage such as `12.5%` or `100％`; null when it is not one. */
export function parsePercent(token: string): number | null {
  const m = /^([-−－]?\d+(?:\.\d+)?)\s*[%％]$/.exec(foldWidth(token.trim()));
  const value = m ? Number(m[1].replace(/[−－]/, '-')) : NaN;
  return Number.isFinite(value) ? value : null;
}

/** Whether a token prints a decimal point, in either width: a cheap test before it is read as an amount with decimals. */
export function printsPoint(token: string): boolean {
  return token.includes('.') || token.includes('．');
}

/** Counts the decimals as printed, so that values can be shown with the precision the document used. */
export function printedDecimals(token: string): number {
  const m = /\.(\d+)$/.exec(foldWidth(token.trim()));
  return m ? m[1].length : 0;
}
