import { pageOfLine } from '../core/pages.ts';
import { sameLineRanges, type Check, type LineRange, type PageBox } from '../schema/common.ts';
import type { PerformanceTarget } from '../schema/performance.ts';
import type { Table } from '../schema/table.ts';
import type { Layout } from './layout/detect.ts';
import { isPageFurnitureAt } from './page-furniture.ts';
import type { SourceLine } from './source-lines.ts';
import type { LineBoxes, PageTurns } from './sources/index.ts';

/**
 * Where a PDF's tables, rows, target tables, indicators and checks are printed (issue 10, point 4): the PDF reader gives each text line its box
 * on its page; a datum's boxes are the union of its lines' boxes, one a page, from the lines it records. Done once,
 * after the readers, so that no reader needs to know of positions.
 */

/** Outwards to 0.1 pt: the box still holds the lines' boxes, and a coordinate takes at most one decimal in the JSON. */
const down = (v: number) => Math.floor(v * 10 + 1e-6) / 10;
const up = (v: number) => Math.ceil(v * 10 - 1e-6) / 10;

export type BoxesOf = (ranges: readonly LineRange[]) => PageBox[] | undefined;

/**
 * The boxes of line ranges of one source: per page the lines are on, the union of the boxes of those lines, leaving
 * out blank lines and page furniture (a page number between a table's rows is not the table). Undefined where no
 * line has a box. On a page read turned (PageTurns), the union is turned back to the page as a viewer shows it: a
 * quarter turn takes a rectangle on the axes to one on the axes, so the union of the turned boxes is the same.
 */
export function boxesOfLines(lines: readonly SourceLine[], layout: Layout, pageStarts: readonly number[], lineBoxes: LineBoxes, pageTurns?: PageTurns): BoxesOf {
  return (ranges) => {
    const byPage = new Map<number, [number, number, number, number]>();
    for (const { first, last } of ranges) {
      for (let no = first; no <= last && no <= lines.length; no++) {
        const at = 4 * (no - 1);
        if (Number.isNaN(lineBoxes[at]) || isPageFurnitureAt(lines, no, layout)) continue;
        const page = pageOfLine(pageStarts, no);
        const box = byPage.get(page);
        if (!box) byPage.set(page, [lineBoxes[at], lineBoxes[at + 1], lineBoxes[at + 2], lineBoxes[at + 3]]);
        else {
          box[0] = Math.min(box[0], lineBoxes[at]);
          box[1] = Math.min(box[1], lineBoxes[at + 1]);
          box[2] = Math.max(box[2], lineBoxes[at + 2]);
          box[3] = Math.max(box[3], lineBoxes[at + 3]);
        }
      }
    }
    if (byPage.size === 0) return undefined;
    return [...byPage]
      .sort(([a], [b]) => a - b)
      .map(([page, box]): PageBox => {
        const [x0, y0, x1, y1] = asShown(box, pageTurns?.[page - 1]);
        return [page, down(x0), down(y0), up(x1), up(y1)];
      });
  };
}

/** A box on a page turned upright, on the page as the viewer shows it (`turn` as in PageTurns); as it is without one. */
function asShown(box: [number, number, number, number], turn: readonly number[] | null | undefined): [number, number, number, number] {
  if (!turn) return box;
  const [a, b, c, d, e, f] = turn;
  const xs = [a * box[0] + c * box[1] + e, a * box[2] + c * box[3] + e];
  const ys = [b * box[0] + d * box[1] + f, b * box[2] + d * box[3] + f];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A table (or a target table) and each of its rows (indicators), with their boxes. */
export function tableWithBoxes(table: Table, boxesOf: BoxesOf): Table {
  return { ...located(table, boxesOf), rows: table.rows.map((row) => located(row, boxesOf)) };
}

export function targetWithBoxes(target: PerformanceTarget, boxesOf: BoxesOf): PerformanceTarget {
  return { ...located(target, boxesOf), indicators: target.indicators.map((i) => located(i, boxesOf)) };
}

function located<T extends { lines: LineRange }>(item: T, boxesOf: BoxesOf): T {
  return withBoxes(item, boxesOf([item.lines]));
}

/** Checks with their boxes; a run of checks citing the same lines (a parent row against its children in every column) shares one. */
export function checksWithBoxes(checks: readonly Check[], boxesOf: BoxesOf): Check[] {
  let previous: Check | null = null;
  let boxes: PageBox[] | undefined;
  return checks.map((check) => {
    if (!previous || !sameLineRanges(previous.lines, check.lines)) boxes = boxesOf(check.lines);
    previous = check;
    return withBoxes(check, boxes);
  });
}

/** The field is left out rather than undefined where there is no box, so that a text source's data are unchanged. */
function withBoxes<T extends object>(item: T, boxes: PageBox[] | undefined): T {
  return boxes ? { ...item, boxes } : item;
}
