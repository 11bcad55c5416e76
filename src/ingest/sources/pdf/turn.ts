/**
 * The direction a page's text reads in. An office prints a landscape table onto a portrait page, so that its text
 * runs down (or up) the page as a viewer shows it, and no /Rotate turns it upright: read in the viewer's frame, its
 * lines are columns and its columns lines. The page is read in the frame where most of its text runs left to right
 * instead: the direction of each text item's baseline (its matrix's first column), by the share of characters.
 */

/** [a, b, c, d, e, f] as pdf.js writes an affine map: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

/** Quarter turns clockwise (0–3) of a baseline direction (x, y) in a y-downwards frame: 0 reads left to right, 1 downwards. */
function quarterTurns(x: number, y: number): number {
  if (Math.abs(x) >= Math.abs(y)) return x >= 0 ? 0 : 2;
  return y > 0 ? 1 : 3;
}

/** What the reader needs of a pdf.js text item here: its text and its matrix (text space to PDF user space). */
export interface TurnedItem {
  str: string;
  transform: readonly number[];
}

/**
 * The quarter turns of a page's text as the viewer shows it (`viewport`: user space to the viewer's frame): the
 * direction most characters read in. Upright unless another direction holds more characters than upright text: a
 * vertical note in a margin or a stamp does not turn a page of upright text, and a page holding as much of each
 * stays as the viewer shows it.
 */
export function turnsOfPage(items: ReadonlyArray<TurnedItem | object>, viewport: readonly number[]): number {
  const [va, vb, vc, vd] = viewport;
  const chars = [0, 0, 0, 0];
  for (const item of items) {
    if (!('str' in item)) continue;
    const [a, b] = item.transform;
    chars[quarterTurns(va * a + vc * b, vb * a + vd * b)] += item.str.length;
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (chars[k] > chars[best]) best = k;
  return best;
}

/**
 * The map from the page as a viewer shows it (width × height points, origin top left, y downwards) to the frame
 * where text of `turns` quarter turns reads left to right, origin again at the top left of the turned page.
 */
export function turning(turns: number, width: number, height: number): Matrix {
  if (turns === 1) return [0, -1, 1, 0, 0, width];
  if (turns === 2) return [-1, 0, 0, -1, width, height];
  if (turns === 3) return [0, 1, -1, 0, height, 0];
  return [1, 0, 0, 1, 0, 0];
}

/** The map back from the turned page to the page as the viewer shows it: the rest of the full turn, of the turned page. */
export function turningBack(turns: number, width: number, height: number): Matrix {
  const [w, h] = turns % 2 === 1 ? [height, width] : [width, height];
  return turning((4 - turns) % 4, w, h);
}
