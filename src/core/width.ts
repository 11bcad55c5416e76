/**
 * Folds full-width ASCII (digits, letters, brackets, punctuation) to half-width, the way NFKC does for those
 * characters, without touching CJK punctuation such as 、。“”, so that matching does not depend on the typesetter.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E]/g;

/**
 * Lines are folded again by every reader that matches them, and Chinese text nearly always holds full-width `：，（）`:
 * the last few thousand results are kept, so that a line is folded once, not once per reader.
 */
const folded = new Map<string, string>();
const FOLDED_KEPT = 4096;

const halfWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

export function foldWidth(s: string): string {
  // Most text has no full-width ASCII; a test is cheaper than a replace that calls back for nothing.
  if (!FULL_WIDTH.test(s)) return s;
  let out = folded.get(s);
  if (out === undefined) {
    if (folded.size >= FOLDED_KEPT) folded.clear();
    out = s.replace(FULL_WIDTH_ALL, halfWidth);
    folded.set(s, out);
  }
  return out;
}

/**
 * Text as a key: width-folded, without any whitespace, for labels extraction spaced out (`收 入 总 计`) or printed with
 * either width of bracket spacing (`项目资金 (万元)` / `项目资金（万元）`).
 */
export function compact(text: string): string {
  return foldWidth(text).replace(/\s+/g, '');
}
