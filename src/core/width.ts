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

const FULL_WIDTH_FIGURE = /[\uFF10-\uFF19\uFF0E]/;
const GROUPED_BY_FULL_WIDTH_COMMA = /\d，\d{3}(?!\d)/;

/**
 * foldWidth for the amount and code patterns of every line (layout detection, cell cutting): only a line that prints
 * a full-width digit or decimal point (`１，２３４．５６`, a Word or WPS print), or groups ASCII digits by thousands with
 * a full-width comma (`1，234.56`, typed with a Chinese input method), is folded. Nearly every line of Chinese
 * text holds a full-width `：，（）` that the patterns do not read, and folding each of those lines costs the
 * detection and cutting a third of their time (measured on the other provinces' -layout text).
 */
export function foldFigures(s: string): string {
  // A line without `，` is asked one scan, not the grouping's: most lines of a table print none.
  return FULL_WIDTH_FIGURE.test(s) || (s.includes('，') && GROUPED_BY_FULL_WIDTH_COMMA.test(s)) ? folded(s) : s;
}

/**
 * Text as a key: width-folded, without any whitespace, for labels extraction spaced out (`收 入 总 计`) or printed with
 * either width of bracket spacing (`项目资金 (万元)` / `项目资金（万元）`).
 */
export function compact(text: string): string {
  // Asked ten thousand times a document, mostly of labels that are keys already (项目支出, 合计): a scan of their few
  // characters costs less than the store's lookup, which hashes the text and compares it.
  return isKey(text) ? text : compactKept(text);
}

const compactKept = keepingResults((text) => foldWidth(text).replace(/\s+/g, ''));

/** Whether no character of a text is white space (`\s`, what `trim` removes) or full-width ASCII: compact keeps it. */
function isKey(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII, and the CJK block up to the byte order mark, first: nearly every character of a label.
    if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff)) continue;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)) return false;
    if (c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || (c >= 0xff01 && c <= 0xff5e)) return false;
  }
  return true;
}

/** Half-width characters take half the room of CJK ones on the printed line. */
export function printedWidth(text: string): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}
