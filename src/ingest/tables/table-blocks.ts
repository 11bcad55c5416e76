import { isBlank, type SourceLine } from '../source-lines.ts';
import { blockRow, type BlockLayout, type GridBlock } from '../layout/blocks.ts';
import { hasTabCells } from '../layout/cells.ts';
import { statedUnit } from '../../core/units.ts';
import { isCompilerLine, isNoteLine } from './shared/region-text.ts';
import { proseTakenOut } from './shared/text-column.ts';
import { rowMarks } from './shared/header-rows.ts';
import { findAlignedRegions, type AlignedRegion } from './aligned/regions.ts';
import { findRegions, type Region } from './spaced/regions.ts';
import { findTabbedRegions, findUntitledGrids, type TableRegion } from './tabbed/regions.ts';

/**
 * The block stage of the table readers: a document's table regions as grid blocks (layout/blocks.ts), each row cut
 * once by its layout's cutter (blocks.ts cellsOf), which the readers then read and never cut again (the single-space
 * finder cuts its rows as it finds them: spacedBlocks). Each block keeps what its region finder read of it (kind,
 * title; the single-space finder's label and page parts), since the finders are still one a layout: each reads the
 * evidence its layout leaves of where a table starts and ends (a tab grid's run of tabbed lines, an aligned title
 * over a unit line, a single-space title or 编制部门 line over a header of header words), and they share the title
 * finder (shared/region-title.ts) and the shape of a title's caption lines (shared/region-text.ts,
 * core/table-numbers.ts, core/units.ts). Which of a block's rows are its header, its data and its notes is decided
 * here too, once, by one rule for every layout (shared/header-rows.ts), which every reader reads (the aligned one
 * with its cells' columns: aligned/header-marks.ts).
 */

export interface TabbedBlock extends GridBlock {
  layout: 'tabbed';
  /** A grid's region has the kind `other`, and its caption or an empty title (tabbed/regions.ts findUntitledGrids). */
  region: TableRegion;
}

export interface AlignedBlock extends GridBlock {
  layout: 'aligned';
  region: AlignedRegion;
  /**
   * A column of prose right of the amounts (绩效目标), taken out of the rows before they were cut: its text by line
   * number and its column's key, or null (shared/text-column.ts).
   */
  prose: { key: string | null; texts: Map<number, string> };
}

export interface SpacedBlock extends GridBlock {
  layout: 'spaced';
  /** One part of a table (a page of it after a repeated header is a part of its own: spaced/regions.ts pagesOf). */
  region: Region;
}

/** The titled tables of a tab-separated document and its untitled grids, titled first, each in print order. */
export function tabbedBlocks(lines: readonly SourceLine[]): TabbedBlock[] {
  const titled = findTabbedRegions(lines);
  return [...titled, ...findUntitledGrids(lines, titled)].map((region) => {
    // The rows start at the first tab-separated line under the title: the lines above name the table.
    let first = region.titleIndex + 1;
    while (first <= region.end && !hasTabCells(lines[first])) first++;
    const rows = rowsOf('tabbed', lines, first, region.end);
    return {
      type: 'grid',
      layout: 'tabbed',
      caption: lines.slice(region.start, first),
      title: region.title || null,
      rows,
      ...rowMarks(rows),
      lines: { first: lines[region.start].no, last: lines[region.end].no },
      region,
    };
  });
}

/**
 * The tables of a `pdftotext -layout` extraction. A region's caption is its title and the compiler and unit lines
 * under it, blank lines between (a line that is both a unit line and a note is the notes', as the reader reads it).
 */
export function alignedBlocks(lines: readonly SourceLine[]): AlignedBlock[] {
  return findAlignedRegions(lines).map((region) => {
    const { lines: read, prose, key } = region.proseColumn
      ? proseTakenOut(lines, region.proseColumn.cells, region.proseColumn.key)
      : { lines, prose: new Map<number, string>(), key: null };
    let first = region.bodyStart;
    while (first <= region.end && (isBlank(read[first]) || isCaptionLine(read[first].text.trim()))) first++;
    const rows = rowsOf('aligned', read, first, region.end, lines);
    return {
      type: 'grid',
      layout: 'aligned',
      caption: read.slice(region.titleIndex, first),
      title: region.title,
      rows,
      ...rowMarks(rows),
      lines: { first: lines[region.titleIndex].no, last: lines[region.end].no },
      region,
      prose: { key, texts: prose },
    };
  });
}

function isCaptionLine(text: string): boolean {
  return (isCompilerLine(text) || statedUnit(text) != null) && !isNoteLine(text);
}

/**
 * The tables of single-space text, one block a part, its rows the body lines the finder kept (blank ones left out),
 * each a row of words: the finder cut them (spaced/regions.ts findRegions), since it reads their words to part a
 * table at a header printed again on a later page. `repeatedTitles`, as findRegions takes it.
 */
export function spacedBlocks(lines: readonly SourceLine[], repeatedTitles = true): SpacedBlock[] {
  return findRegions(lines, repeatedTitles).map((region) => {
    const from = region.rows[0]?.line.no ?? region.last + 1;
    const caption = lines.slice(region.first - 1, from - 1).filter((l) => !isBlank(l));
    // In `-raw` text the unit line may stand over the title, outside the lines the region takes.
    if (region.unitLine && !caption.includes(region.unitLine)) caption.unshift(region.unitLine);
    return {
      type: 'grid',
      layout: 'spaced',
      caption,
      title: region.title,
      rows: region.rows,
      ...rowMarks(region.rows, region.titleKind),
      lines: { first: region.first, last: region.last },
      region,
    };
  });
}

function rowsOf(layout: BlockLayout, lines: readonly SourceLine[], from: number, to: number, printed = lines) {
  const rows = [];
  for (let i = from; i <= to; i++) rows.push(blockRow(layout, lines, i, printed));
  return rows;
}
