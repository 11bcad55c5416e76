import type { TextPiece } from './runs.ts';

/**
 * Text drawn twice over itself: a bold face the font lacks, made by printing the same text again a fraction of a point
 * off (report engines and virtual printers do it to 合计 rows and headers), or a drop shadow. Read twice, `合计` became
 * `合计合计` and `70109.24` `70109.2470109.24`. A piece with the same characters and size as one already on the page,
 * less than a tenth of an em along its baseline and a fifth of an em across from it, is that one again, as `pdftotext`
 * drops it (poppler's dupMaxPriDelta and dupMaxSecDelta). pdf.js keeps both copies; PDFium's text page drops them and
 * so hands such a page to pdf.js (pdfium.ts dropsText), which makes this the one place they are read once.
 */
const ALONG_EM = 0.1;
const ACROSS_EM = 0.2;

/** The pieces of one page (in the frame it is read in) without the copies of pieces drawn over themselves. */
export function withoutOverprints(pieces: readonly TextPiece[]): TextPiece[] {
  const seen = new Map<string, TextPiece[]>();
  const out: TextPiece[] = [];
  for (const piece of pieces) {
    const same = seen.get(piece.str);
    if (same?.some((o) => overprints(piece, o))) continue;
    if (same) same.push(piece);
    else seen.set(piece.str, [piece]);
    out.push(piece);
  }
  return out;
}

function overprints(piece: TextPiece, other: TextPiece): boolean {
  const [a, b, c, d, e, f] = piece.transform;
  const [oa, ob, oc, od, oe, of] = other.transform;
  const size = Math.hypot(c, d);
  // The same size and direction: a copy, not the same words set again elsewhere in another size or turned.
  if (!(size > 0) || Math.abs(size - Math.hypot(oc, od)) > 0.01 * size || Math.abs(a - oa) + Math.abs(b - ob) > 0.01 * size) return false;
  // Along and across the baseline, whose direction is the matrix's first column.
  const run = Math.hypot(a, b) || 1;
  const [ux, uy] = [a / run, b / run];
  const [dx, dy] = [e - oe, f - of];
  return Math.abs(dx * ux + dy * uy) < ALONG_EM * size && Math.abs(-dx * uy + dy * ux) < ACROSS_EM * size;
}
