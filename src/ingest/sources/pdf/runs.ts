/**
 * Glyph runs of one page: pieces of text with their box in page space (points, origin top left, y downwards).
 * pdf.js hands over text items that already join glyphs closer than 0.6 em, with a single space where the gap is
 * wider than 0.1 em; an item can therefore hold two cells (`96,282,213.44 一、公共安全支出`). Items are cut at those
 * spaces here and each piece gets its own box, so that cells keep their own x extent.
 */

/** What the reader needs of a pdf.js text item (`TextItem`): its text, its matrix in page space, its advance. */
export interface TextPiece {
  str: string;
  /** [a, b, c, d, e, f]: text space to page space, already in top-left page coordinates. */
  transform: readonly number[];
  /** Advance of the whole item along the baseline, in page units. */
  width: number;
}

export interface Run {
  text: string;
  /** Left and right edges. */
  x0: number;
  x1: number;
  /** Baseline (y downwards). */
  baseline: number;
  /** Font size: the glyph box is [baseline - size × 0.85, baseline + size × 0.15]. */
  size: number;
  /** Gap to the previous piece of the same item in em, or null when the run starts an item. */
  gapBefore: number | null;
  /** A piece of an item set with character spacing (see runsOf): the gap before it is no space between words. */
  characterSpaced?: true;
}

/** CJK ideographs, kana, full-width forms and CJK punctuation are one em wide; Latin letters and digits about half. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c >= 0x2e80 && !(c >= 0xff61 && c <= 0xffdc) && !(c >= 0xffe8 && c <= 0xffee);
}

/**
 * Punctuation whose width Unicode leaves to the context (East Asian Width "ambiguous": quotation marks, the dash, the
 * ellipsis, the middle dot): a Chinese font, which sets it amid Chinese, gives it a whole em.
 */
const AMBIGUOUS = /[\u00b7\u2014\u2018\u2019\u201c\u201d\u2026]/u;

/**
 * How many ems a text takes: a wide character one, any other half; ambiguous punctuation one where Chinese is around
 * it (UAX #11's East Asian context).
 */
export function ems(text: string, amidChinese = false): number {
  let n = 0;
  for (const ch of text) n += isWide(ch) || (amidChinese && AMBIGUOUS.test(ch)) ? 1 : 0.5;
  return n;
}

/** Em between the characters of one item, at most, that is character spacing rather than a space between words. */
export const CHARACTER_SPACING_EM = 0.2;

/** Runs of one item; upright text only (rotated glyphs keep their item as one run at its origin). */
export function runsOf(piece: TextPiece): Run[] {
  const [a, b, c, d, e, f] = piece.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  if (!(size > 0) || piece.str.trim() === '') return [];
  const parts = [...piece.str.matchAll(/\S+/g)];
  const upright = Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0;
  if (parts.length === 1 || !upright) {
    const text = piece.str.trim();
    return [{ text, x0: e, x1: e + Math.max(piece.width, 0), baseline: f, size, gapBefore: null }];
  }
  // Widths of the glyphs are not in the item: estimate them as 1 em (wide) and ½ em, and share what remains of the
  // item's advance among the spaces; an item narrower than the estimate scales every glyph down evenly. Quotation
  // marks amid Chinese take an em (广州 水务 2026 p. 75: `指 除 上 述 “ 财 政 拨 款 收 入 ” 、 “ 事 业 收`, 0.11 em apart,
  // counted half an em each they left 0.2025 em a gap and the line spaced out).
  const chinese = parts.some((m) => [...m[0]].some(isWide));
  const glyphEms = parts.reduce((n, m) => n + ems(m[0], chinese), 0);
  const gaps = parts.length - 1;
  const total = Math.max(piece.width, 0) / size;
  const scale = total < glyphEms ? total / glyphEms : 1;
  const gapEm = total < glyphEms ? 0 : (total - glyphEms) / gaps;
  // Every piece one character, Chinese among them, a little apart: a line set with character spacing (justified
  // prose, 广州 水务 2026 p. 71: `2 0 2 6 年 本 部 门 收 入 预 算 3 0 0 , 1 8 5 . 1 9 万 元`, 0.12 em apart), which pdf.js
  // spaces out past 0.1 em and `pdftotext -layout` prints as the words it is. A page number `- 1 -` has no Chinese:
  // Latin glyph widths are not known here, and its word spaces could look as narrow.
  const spaced = gapEm < CHARACTER_SPACING_EM && parts.every((m) => [...m[0]].length === 1) && parts.some((m) => isWide(m[0]));
  const out: Run[] = [];
  let at = e;
  for (const [i, m] of parts.entries()) {
    if (i > 0) at += gapEm * size;
    const w = ems(m[0], chinese) * scale * size;
    out.push({ text: m[0], x0: at, x1: at + w, baseline: f, size, gapBefore: i > 0 ? gapEm : null, ...(spaced ? { characterSpaced: true as const } : {}) });
    at += w;
  }
  return out;
}
