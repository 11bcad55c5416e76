import { printedWidth } from '../../../core/width.ts';

/**
 * A header label wrapped down its column: `pdftotext -layout` prints a narrow column's label piece by piece on the
 * lines below one another (`单位编` over `码`, `会` / `议` / `费`), with the pieces of wider labels printed on the
 * same lines. One walk for every reader of such headers (the aligned tables' vertical labels, the performance
 * tables' narrow columns): what continues a piece and what names a column belong to each table's vocabulary and
 * are the caller's; going down the column and joining the pieces is the same everywhere.
 * Pure.
 */

export interface Piece {
  text: string;
  start: number;
  end: number;
}

export interface WrappedLabel<T extends Piece> {
  /** The pieces, top to bottom, and the index of the line each stands on. */
  pieces: T[];
  lines: number[];
  /** The label read whole: the pieces joined without a space (a CJK label wraps inside a word). */
  text: string;
}

/**
 * What a line below holds for the label: the piece that continues it, `undefined` when nothing there is in its
 * column (the walk looks further down), or `null` when what is there ends the label.
 */
export type NextPiece<T extends Piece> = (sofar: readonly T[], line: readonly T[]) => T | null | undefined;

/**
 * The label whose first piece is `first` on line `at` of `lines`: each next piece is `next`'s pick on the nearest line
 * below, at most `reach` lines under the piece before; at most `most` pieces.
 */
export function wrappedLabel<T extends Piece>(
  lines: readonly (readonly T[])[],
  at: number,
  first: T,
  next: NextPiece<T>,
  reach: number,
  most = Infinity,
): WrappedLabel<T> {
  const pieces = [first];
  const on = [at];
  for (let j = at + 1; j < lines.length && j - on[on.length - 1] <= reach && pieces.length < most; j++) {
    const piece = next(pieces, lines[j]);
    if (piece === null) break;
    if (piece === undefined) continue;
    pieces.push(piece);
    on.push(j);
  }
  return { pieces, lines: on, text: pieces.map((p) => p.text).join('') };
}

/**
 * How wide a table's names run where they wrap: the widest line of the names printed over several lines (each name
 * its lines' texts), 0 where none is. A name wraps only where its line is full, so that a line as wide may go on
 * below it, and a shorter one ends its name: no name printed over several lines opens with a short line.
 */
export function wrapWidth(names: readonly (readonly string[])[]): number {
  return Math.max(0, ...names.filter((lines) => lines.length > 1).flatMap((lines) => lines.map(printedWidth)));
}

/**
 * Whether a name's line is full at the table's wrap width (wrapWidth): one character less still is, for a closing
 * bracket or mark that may not open a line goes on the next with the character before it.
 */
export function fillsLine(text: string, width: number): boolean {
  return width > 0 && printedWidth(text) >= width - 1;
}
