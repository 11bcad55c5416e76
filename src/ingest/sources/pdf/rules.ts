/**
 * The ruling lines of a page: a table's cell borders, drawn as stroked segments or rectangles, or as thin filled
 * rectangles. They tell where a cell drawn over many rows begins and ends, which the text alone only guesses (a
 * spanning cell's text is centred on its rows, and wrapped cells push lines apart unevenly). Read from pdf.js's
 * operator list, in the same page space as the line boxes (points, origin top left, y downwards).
 */
import type { Matrix } from './turn.ts';

/** A horizontal rule at `y` from `x0` to `x1`, or a vertical one at `x` from `y0` to `y1`. */
export interface HorizontalRule {
  y: number;
  x0: number;
  x1: number;
}
export interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}
export interface PageRules {
  horizontal: HorizontalRule[];
  vertical: VerticalRule[];
}

/** What is read of `page.getOperatorList()`. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** The pdf.js operator codes (`OPS`) the reader follows. */
export interface RuleOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js's path commands inside a constructPath (`DrawOPS`). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;

/**
 * A table page draws a few hundred segments at most (a cell's four sides, each row's). Beyond this, the page is a
 * drawing (a chart, a map, a seal traced in lines): it has no rules worth reading, and reading them would cost.
 */
export const MAX_PAGE_SEGMENTS = 20_000;
/** Off the axis by less than this (points), a segment is horizontal or vertical; a filled rectangle this thin is a rule. */
const SKEW = 0.5;
const THIN = 2.5;
/** Segments shorter than this are glyph-like marks, not borders. */
const MIN_LENGTH = 2;
/** Pieces of one rule (cells drawn one by one) that meet or nearly meet are one rule. */
const JOIN = 1;


/** pdf.js's Util.transform(m, n): n applied first. */
export function multiply(m: Matrix, n: ArrayLike<number>): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The straight sides of a path's subpaths, in page space; curves only move the pen. */
function sidesOf(data: ArrayLike<number>, m: Matrix, out: Segment[]): void {
  const px = (x: number, y: number) => m[0] * x + m[2] * y + m[4];
  const py = (x: number, y: number) => m[1] * x + m[3] * y + m[5];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < data.length && out.length <= MAX_PAGE_SEGMENTS; ) {
    const op = data[i];
    if (op === MOVE) {
      [cx, cy] = [data[i + 1], data[i + 2]];
      [sx, sy] = [cx, cy];
      i += 3;
    } else if (op === LINE) {
      const [x, y] = [data[i + 1], data[i + 2]];
      out.push({ x0: px(cx, cy), y0: py(cx, cy), x1: px(x, y), y1: py(x, y) });
      [cx, cy] = [x, y];
      i += 3;
    } else if (op === CURVE) {
      [cx, cy] = [data[i + 5], data[i + 6]];
      i += 7;
    } else if (op === QUADRATIC) {
      [cx, cy] = [data[i + 3], data[i + 4]];
      i += 5;
    } else if (op === CLOSE) {
      if (cx !== sx || cy !== sy) out.push({ x0: px(cx, cy), y0: py(cx, cy), x1: px(sx, sy), y1: py(sx, sy) });
      [cx, cy] = [sx, sy];
      i += 1;
    } else break; // a command this reader does not know: the rest of the path cannot be followed
  }
}

/** A filled subpath that is a thin axis-aligned rectangle, as its middle line; other fills (backgrounds, glyphs) are none. */
function thinFills(data: ArrayLike<number>, m: Matrix, out: Segment[]): void {
  const sides: Segment[] = [];
  sidesOf(data, m, sides);
  // Subpaths are not told apart here: a rectangle is four sides, so a fill of exactly four (or five) axis-aligned
  // sides is read; a fill of many subpaths (a row of thin rectangles in one path) is read by groups of four.
  for (let k = 0; k + 4 <= sides.length; k += 4) {
    const group = sides.slice(k, k + 4);
    if (!group.every((s) => Math.abs(s.y0 - s.y1) < SKEW || Math.abs(s.x0 - s.x1) < SKEW)) continue;
    const xs = group.flatMap((s) => [s.x0, s.x1]);
    const ys = group.flatMap((s) => [s.y0, s.y1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
    else if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
  }
}

/** Horizontal pieces at one y (within SKEW) that meet are one rule; likewise vertical ones. */
function joined<T>(items: T[], at: (t: T) => number, from: (t: T) => number, to: (t: T) => number, make: (at: number, from: number, to: number) => T): T[] {
  const sorted = [...items].sort((a, b) => at(a) - at(b) || from(a) - from(b));
  const out: T[] = [];
  // Rules of one y in a band of SKEW, each band's pieces in order along the rule.
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && at(sorted[j + 1]) - at(sorted[i]) < SKEW) j++;
    const band = sorted.slice(i, j + 1).sort((a, b) => from(a) - from(b));
    const y = band.reduce((s, t) => s + at(t), 0) / band.length;
    let [a, b] = [from(band[0]), to(band[0])];
    for (const t of band.slice(1)) {
      if (from(t) <= b + JOIN) b = Math.max(b, to(t));
      else {
        out.push(make(y, a, b));
        [a, b] = [from(t), to(t)];
      }
    }
    out.push(make(y, a, b));
    i = j + 1;
  }
  return out;
}

/**
 * The rules a page draws, given its operator list and the viewport transform (`page.getViewport({ scale: 1 })`):
 * stroked straight sides along an axis and thin filled rectangles, pieces of one rule joined. Clipping paths and
 * curves are no rules. Empty for a page drawing more than MAX_PAGE_SEGMENTS segments.
 */
export function rulesOf(list: OperatorList, ops: RuleOps, viewport: readonly number[]): PageRules {
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const stack: Matrix[] = [];
  let ctm: Matrix = [...viewport] as Matrix;
  const segments: Segment[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as ArrayLike<unknown> | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args as ArrayLike<number>);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as ArrayLike<number> | null;
      if (matrix && matrix.length === 6) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      // pdf.js 5: [paint operator, [path data], bounding box].
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<ArrayLike<number>> | undefined)?.[0];
      if (!data) continue;
      if (strokes.has(paint)) sidesOf(data, ctm, segments);
      else if (fills.has(paint)) thinFills(data, ctm, segments);
      if (segments.length > MAX_PAGE_SEGMENTS) return { horizontal: [], vertical: [] };
    }
  }
  return rulesOfSegments(segments);
}

/** A path as PDFium gives it (pdfium.ts): pdf.js's path commands, the map from its space to the page's, its painting. */
export interface DrawnPath {
  data: ArrayLike<number>;
  matrix: Matrix;
  stroke: boolean;
  fill: boolean;
}

/** rulesOf for a library that hands over the page's paths rather than an operator list. */
export function rulesOfPaths(paths: Iterable<DrawnPath>): PageRules {
  const segments: Segment[] = [];
  for (const path of paths) {
    if (path.stroke) sidesOf(path.data, path.matrix, segments);
    else if (path.fill) thinFills(path.data, path.matrix, segments);
    if (segments.length > MAX_PAGE_SEGMENTS) return { horizontal: [], vertical: [] };
  }
  return rulesOfSegments(segments);
}

function rulesOfSegments(segments: readonly Segment[]): PageRules {
  const horizontal: HorizontalRule[] = [];
  const vertical: VerticalRule[] = [];
  for (const s of segments) {
    if (Math.abs(s.y0 - s.y1) < SKEW && Math.abs(s.x1 - s.x0) >= MIN_LENGTH) {
      horizontal.push({ y: (s.y0 + s.y1) / 2, x0: Math.min(s.x0, s.x1), x1: Math.max(s.x0, s.x1) });
    } else if (Math.abs(s.x0 - s.x1) < SKEW && Math.abs(s.y1 - s.y0) >= MIN_LENGTH) {
      vertical.push({ x: (s.x0 + s.x1) / 2, y0: Math.min(s.y0, s.y1), y1: Math.max(s.y0, s.y1) });
    }
  }
  return {
    horizontal: joined(horizontal, (r) => r.y, (r) => r.x0, (r) => r.x1, (y, x0, x1) => ({ y, x0, x1 })),
    vertical: joined(vertical, (r) => r.x, (r) => r.y0, (r) => r.y1, (x, y0, y1) => ({ x, y0, y1 })),
  };
}
