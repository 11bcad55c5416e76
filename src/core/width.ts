/**
 * Folds full-width ASCII (digits, letters, brackets, punctuation) to half-width, the way NFKC does for those
 * characters, without touching CJK punctuation such as 、。“”, so that matching does not depend on the typesetter.
 */
export function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
