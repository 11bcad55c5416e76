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
}

/** CJK ideographs, kana, full-width forms and CJK punctuation are one em wide; Latin letters and digits about half. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c >= 0x2e80 && !(c >= 0xff61 && c <= 0xffdc) && !(c >= 0xffe8 && c <= 0xffee);
}

function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch) ? 1 : 0.5;
  return n;
}

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
  // item's advance among the spaces; an item narrower than the estimate scales every glyph down evenly.
  const glyphEms = parts.reduce((n, m) => n + ems(m[0]), 0);
  const gaps = parts.length - 1;
  const total = Math.max(piece.width, 0) / size;
  const scale = total < glyphEms ? total / glyphEms : 1;
  const gapEm = total < glyphEms ? 0 : (total - glyphEms) / gaps;
  const out: Run[] = [];
  let at = e;
  for (const [i, m] of parts.entries()) {
    if (i > 0) at += gapEm * size;
    const w = ems(m[0]) * scale * size;
    out.push({ text: m[0], x0: at, x1: at + w, baseline: f, size, gapBefore: i > 0 ? gapEm : null });
    at += w;
  }
  return out;
}
