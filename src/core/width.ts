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
export function compact(text: string): string {
  return isCompact(text) ? text : compacted(text);
}

const compacted = keepingResults((text) => foldWidth(text).replace(/\s+/g, ''));

/**
 * Only printable ASCII other than the space, and CJK ideographs: nothing to fold or drop. Most labels and names a
 * reader compacts are so (a million questions on 100 synthetic documents), and this scan of a few characters costs
 * less than hashing a new string for the kept results.
 */
function isCompact(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}
