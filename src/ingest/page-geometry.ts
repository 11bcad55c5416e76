import { pageOfLine } from '../core/pages.ts';
import type { LineBoxes, LineGlyphs, PageRules } from './sources/index.ts';

/**
 * Where a PDF's lines are printed and the rules its pages draw, for a reader that needs more than the text: a table
 * whose cells span many rows is drawn with borders that say which rows a cell holds (performance/ruled-bands.ts).
 * Text sources have none. Pages and lines are 1-based, coordinates as in LineBoxes.
 */
export interface PageGeometry {
  pageOf(line: number): number;
  /** [x0, y0, x1, y1] of a line, or null for a line that prints nothing. */
  boxOf(line: number): readonly [number, number, number, number] | null;
  /** The page's rules, or null where the page was not read for them. */
  rulesOf(page: number): PageRules | null;
  /** Where each character of a line begins (NaN for the spaces between runs), or null where they were not kept. */
  glyphsOf(line: number): Float32Array | null;
}

export function pageGeometry(
  pageStarts: readonly number[],
  lineBoxes: LineBoxes,
  pageRules: ReadonlyArray<PageRules | null>,
  lineGlyphs: LineGlyphs = [],
): PageGeometry {
  return {
    pageOf: (line) => pageOfLine(pageStarts, line),
    boxOf: (line) => {
      const at = 4 * (line - 1);
      if (at < 0 || at + 4 > lineBoxes.length || Number.isNaN(lineBoxes[at])) return null;
      return [lineBoxes[at], lineBoxes[at + 1], lineBoxes[at + 2], lineBoxes[at + 3]];
    },
    rulesOf: (page) => pageRules[page - 1] ?? null,
    glyphsOf: (line) => lineGlyphs[line - 1] ?? null,
  };
}
