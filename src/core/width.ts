import { keepingResults } from './recent-results.ts';

const FULL_WIDTH = /[\uFF01-\uFF5E]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E]/g;

const halfWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** Chinese text nearly always holds full-width `：，（）`, and every reader that matches a line folds it again. */
const folded = keepingResults((s) => s.replace(FULL_WIDTH_ALL, halfWidth));

/**
 * Folds full-width ASCII (digits, letters, brackets, punctuation) to half-width, the way NFKC does for those
 * characters, without touching CJK punctuation such as 、。“”, so that matching does not depend on the typesetter.
 */
export function foldWidth(s: string): string {
  // Most text has no full-width ASCII; a test is cheaper than a replace that calls back for nothing.
  return FULL_WIDTH.test(s) ? folded(s) : s;
}

/**
 * Text as a key: width-folded, without any whitespace, for labels extraction spaced out (`收 入 总 计`) or printed with
 * either width of bracket spacing (`项目资金 (万元)` / `项目资金（万元）`).
 */
export const compact = keepingResults((text) => foldWidth(text).replace(/\s+/g, ''));
