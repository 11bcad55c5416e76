import { foldWidth } from '../core/width.ts';

/** A printed amount: optional sign, digits with optional thousands separators, optional decimals. */
export const AMOUNT_PATTERN = /^[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Parses one printed amount token (`1,212.12`, `7113.0`, `－3.5`); null when the token is not an amount. */
export function parseAmount(token: string): number | null {
  const t = foldWidth(token.trim()).replace(/[−－]/g, '-');
  if (!AMOUNT_PATTERN.test(t)) return null;
  // A run of 309 or more digits overflows to Infinity: no amount (and exact arithmetic refuses it).
  const value = Number(t.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/** Parses a percentage such as `12.5%` or `100％`; null when it is not one. */
export function parsePercent(token: string): number | null {
  const m = /^([-−－]?\d+(?:\.\d+)?)\s*[%％]$/.exec(foldWidth(token.trim()));
  const value = m ? Number(m[1].replace(/[−－]/, '-')) : NaN;
  return Number.isFinite(value) ? value : null;
}

/** Counts the decimals as printed, so that values can be shown with the precision the document used. */
export function printedDecimals(token: string): number {
  const m = /\.(\d+)$/.exec(token.trim());
  return m ? m[1].length : 0;
}
