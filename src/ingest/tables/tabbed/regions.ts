import type { TableKind } from '../../../schema/table.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { hasTabCells } from '../../layout/cells.ts';
import { isPageFurnitureAt } from '../../page-furniture.ts';
import { isCompilerLine, isNoteLine, TableNotes } from '../shared/region-text.ts';
import { markerOf } from '../../../core/outline.ts';
import { confirmedTitleAt, type ConfirmedTitle, type PhraseOf, type TitleLayout } from '../shared/region-title.ts';
import { isTableNumber, isYearLine } from '../../../core/table-numbers.ts';
import { statedUnit } from '../../../core/units.ts';
import { compact } from '../../../core/width.ts';

/**
 * Where each standard table of a tab-separated extraction starts and ends: a title (shared confirmedTitleAt); the
 * table runs over its cells, compiler, unit and number lines until the next title or the end of its notes (shared
 * TableNotes).
 */

export interface TableRegion {
  kind: TableKind;
  /** As printed; empty for a grid printed without a title (see findUntitledGrids). */
  title: string;
  /**
   * A grid under no standard title (findUntitledGrids): its title, where it prints one, names no kind, which the
   * tabbed reader gives it from its header and rows instead (`kind` is `other` until then).
   */
  grid: boolean;
  /** Index (0-based, into `lines`) of the first line (the 表 N line when printed) and of the last line. */
  start: number;
  end: number;
  titleIndex: number;
}

function nextNonBlank(lines: readonly SourceLine[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i])) i++;
  return i;
}

/** The first line under a title past its number, compiler and unit lines, where it has cells: the header. */
function cellsUnder(lines: readonly SourceLine[], titleEnd: number): SourceLine[] | null {
  let j = nextNonBlank(lines, titleEnd + 1);
  for (let k = 0; k < 6 && j < lines.length; k++) {
    const t = lines[j].text;
    if (hasTabCells(lines[j])) return [lines[j]];
    if (!(isTableNumber(t) || isCompilerLine(t) || statedUnit(t))) return null;
    j = nextNonBlank(lines, j + 1);
  }
  return null;
}

/** A line of tab-separated text as one phrase: one without cells, trimmed. */
const phrase: PhraseOf = (line) => {
  const t = line.text.trim();
  return t !== '' && !hasTabCells(line) ? t : null;
};

/**
 * What confirms a title (shared confirmedTitleAt): its unit line, past the table's number and compiler lines, or
 * the cells under it. A Word table's title stands right over its grid: no line of labels comes between.
 */
const titleLayout: TitleLayout = {
  phraseOf: phrase,
  reach: 6,
  passes: (line) => isTableNumber(line.text) || isCompilerLine(line.text),
  labels: 0,
  unitOver: false,
  headerUnder: cellsUnder,
};

/** A confirmed title, or null; `i` may be past the end (a table number on the last line). */
function titleStartingAt(lines: readonly SourceLine[], i: number): ConfirmedTitle | null {
  return i < lines.length ? confirmedTitleAt(lines, i, titleLayout) : null;
}

export function findTabbedRegions(lines: readonly SourceLine[]): TableRegion[] {
  const regions: TableRegion[] = [];
  for (let i = 0; i < lines.length; i++) {
    const title = titleStartingAt(lines, i);
    if (!title) continue;
    let start = i;
    for (let p = i - 1; p >= 0 && p >= i - 3; p--) {
      if (isBlank(lines[p])) continue;
      if (isTableNumber(lines[p].text)) start = p;
      break;
    }
    let end = title.end;
    const notes = new TableNotes(false);
    for (let j = end + 1; j < lines.length; j++) {
      if (isBlank(lines[j])) continue;
      const t = lines[j].text;
      if (titleStartingAt(lines, j) || (isTableNumber(t) && titleStartingAt(lines, nextNonBlank(lines, j + 1)))) break;
      if (notes.take(t.trim(), () => hasTabCells(lines[j]))) {
        end = j;
        continue;
      }
      if (notes.started) break;
      if (hasTabCells(lines[j]) || isCompilerLine(t) || statedUnit(t) || isTableNumber(t)) {
        end = j;
        continue;
      }
      // A page's number between two parts of a table split at a page break (a converter's Markdown or web page
      // keeps it): the table goes on after it.
      if (isPageFurnitureAt(lines, j + 1, 'tabbed') && hasTabCells(lines[nextNonBlank(lines, j + 1)] ?? lines[j])) continue;
      break;
    }
    regions.push({ kind: title.kind, title: title.text, grid: false, start, end, titleIndex: title.from });
    i = end;
  }
  return regions;
}

/** A line that names a table of its own (`项目支出绩效目标表`): a grid under it is that table, titled. */
function namesATable(text: string): boolean {
  return /表$/.test(compact(text).replace(/[(（][^)）]*[)）]$/, ''));
}

/**
 * A line printed alone over a grid that is its title though it names no standard table (`2024年部门支出按功能分类
 * 占比`): one phrase with no amount (a year is none), not a note, no sentence, no heading of the text around the
 * table (an outline marker: `三、…`) and not the whole document's title (`某局2024年部门预算` over a sheet's only
 * grid), which stay in the narrative.
 */
function isCaption(text: string): boolean {
  const t = compact(text);
  return (
    t.length <= CAPTION_LENGTH &&
    /[\u4e00-\u9fff]/.test(t) &&
    !/\d/.test(t.replace(/\d{4}年度?/g, '')) &&
    !/[。；;：:]/.test(t) &&
    !isNoteLine(t) &&
    markerOf(t) === null &&
    !DOCUMENT_TITLE.test(t)
  );
}

/** How a disclosure's own title ends: its budget or accounts, published. */
const DOCUMENT_TITLE = /(?:预算|决算)(?:信息)?(?:公开)?$/;

/** The longest caption: a title is a phrase; a longer line is a sentence of the text around the table. */
const CAPTION_LENGTH = 40;

/**
 * Grids printed without a standard title (a workbook sheet, or a Word table whose title is a paragraph apart or
 * missing): each run of consecutive tab-separated lines outside the titled regions, with the unit and compiler lines
 * just above it and the caption over them where one is printed (isCaption), the grid's title as printed. A run under a line that names another table (a 绩效目标表, whose
 * grid the performance reader reads) is left to that table. Its kind is not known here: the tabbed reader gives it
 * one from its header and rows, or none (tabbed/index.ts).
 */
export function findUntitledGrids(lines: readonly SourceLine[], titled: readonly TableRegion[]): TableRegion[] {
  const taken = new Set<number>();
  for (const r of titled) for (let i = r.start; i <= r.end; i++) taken.add(i);
  const grids: TableRegion[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i) || !hasTabCells(lines[i])) continue;
    // A grid's rows follow one another: a blank line ends it (the next grid, if any, is another table).
    let end = i;
    while (end + 1 < lines.length && !taken.has(end + 1) && hasTabCells(lines[end + 1])) end++;
    let start = i;
    let above = i - 1;
    for (; above >= 0 && !taken.has(above); above--) {
      const t = lines[above].text;
      if (isBlank(lines[above])) continue;
      if (!(statedUnit(t) || isCompilerLine(t) || isTableNumber(t) || isYearLine(t))) break;
      start = above;
    }
    const free = above >= 0 && !taken.has(above) && !hasTabCells(lines[above]);
    if (free && namesATable(lines[above].text)) {
      i = end;
      continue;
    }
    if (free && isCaption(lines[above].text)) grids.push({ kind: 'other', title: lines[above].text.trim(), grid: true, start: above, end, titleIndex: above });
    else grids.push({ kind: 'other', title: '', grid: true, start, end, titleIndex: start - 1 });
    i = end;
  }
  return grids;
}
