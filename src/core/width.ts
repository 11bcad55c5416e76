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
 * What a figure prints in full width: a digit, a decimal point between digits, a comma grouping three digits (digits
 * of either width around them).
 */
const FIGURE_CHARACTERS = /[\uFF10-\uFF19]|(?<=[0-9\uFF10-\uFF19])(?:\uFF0E(?=[0-9\uFF10-\uFF19])|\uFF0C(?=[0-9\uFF10-\uFF19]{3}(?![0-9\uFF10-\uFF19])))/g;

const figuresFolded = keepingResults((s) => s.replace(FIGURE_CHARACTERS, halfWidth));

/**
 * The text with its figures read as ASCII ones, for the amount, code and number patterns of every reader (layout
 * detection, cell cutting, row and column numbers, page numbers): a Word or WPS print (`１，２３４．５６`, `２０１０１`)
 * or ASCII digits grouped by a full-width comma (`1，234.56`, typed with a Chinese input method) read as `1,234.56`.
 * Only the figures fold, one character for one: the rest of the line stays as an ASCII print of it has it (`２０２８）`
 * as `2028）`, whose bracket a pattern may read as the text's), and so do the offsets into it. A line printing no
 * full-width digit or point and no such grouping is returned as it is: nearly every line of Chinese text holds a
 * full-width `：，（）` that the patterns do not read, and scanning each of those lines for figures costs the detection
 * and cutting a third of their time (measured on the other provinces' -layout text).
 */
export function foldFigures(s: string): string {
  // A line without `，` is asked one scan, not the grouping's: most lines of a table print none.
  return FULL_WIDTH_FIGURE.test(s) || (s.includes('，') && GROUPED_BY_FULL_WIDTH_COMMA.test(s)) ? figuresFolded(s) : s;
}

const DIGIT = /[0-9\uFF10-\uFF19]/;
const OPENING_DIGIT = /^[0-9\uFF10-\uFF19]/;

/** Whether a text prints a digit, in either width (`１`): a scan as cheap as `\d`'s, where no figure is read. */
export function hasDigit(s: string): boolean {
  return DIGIT.test(s);
}

/** Whether a text opens with a digit, in either width: one character asked, before a figure is read or ruled out. */
export function opensWithDigit(s: string): boolean {
  return OPENING_DIGIT.test(s);
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
