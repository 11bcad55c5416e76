import type { BlockLayout, BlockRow, GridBlock, ProseBlock, ProseRow } from '../layout/blocks.ts';
import { cellsOf } from '../layout/blocks.ts';
import { columnOf, columnsOf, type AlignedColumns, type GridRow } from '../layout/grid.ts';
import { isBlank, type SourceLine } from '../source-lines.ts';
import { onPage } from './aligned.ts';
import { isOutlineHeading } from './level-state.ts';

/**
 * An evaluation report's own tables (评分汇总表, 评分表, 资金使用表) as grid blocks (layout/blocks.ts), made from the
 * prose block their header stands in — the report's text that no budget table, nor the report's card or a table read
 * before, took — so that a table never runs on into a line another reader holds. Each row is cut once, by its
 * layout's cutter (blocks.ts cellsOf), and its page furniture is the prose block's mark, decided once from the whole
 * text; the readers (evaluation-tables.ts, evaluation-aligned.ts) read the rows and never cut a line again. The
 * header is the line its finder found (a header stacked over narrow columns, its lines), not the budget tables' rule
 * (tables/shared/header-rows.ts), whose header words are a budget's, none of 一级指标 / 分值 / 得分.
 *
 * A tab-separated header makes a tabbed block, whatever the document is (a Word or web page table); any other, an
 * aligned one. A tabbed table ends at the first printed line without a tab that is not page furniture, so that a page
 * number between two pages' rows no longer ends it; an aligned table at an outline heading or a line of prose across
 * its columns, as a target table does (performance/aligned.ts), a stacked 评分表 at an outline heading or an 附件
 * line. Blank and furniture lines under the last row are not the table's.
 */

/** A table's header and rows under its columns: one string a column, '' where a row prints none. */
export interface ColumnGrid {
  header: GridRow;
  rows: GridRow[];
}

/** Where a header was found: its prose block, its row there, and how many lines it takes. */
export interface HeaderAt {
  prose: ProseBlock;
  at: number;
  lines: number;
}

/**
 * The first header in the blocks: `heads` is asked of each row's line (`lines[i]`, the block's lines) and gives the
 * number of lines the header takes, or null where none starts.
 */
export function findHeader(blocks: readonly ProseBlock[], heads: (lines: readonly SourceLine[], i: number) => number | null): HeaderAt | null {
  for (const prose of blocks) {
    const lines = prose.rows.map((r) => r.line);
    for (let i = 0; i < lines.length; i++) {
      const n = heads(lines, i);
      if (n != null) return { prose, at: i, lines: n };
    }
  }
  return null;
}

/**
 * The table whose header is at `found` as a grid block; `titled`, its caption is the title over it (the nearest short
 * line above ending in 表) and a project line just above that, else it has none.
 */
export function evaluationBlock({ prose, at, lines: headerRows }: HeaderAt, titled: boolean): GridBlock {
  const layout: BlockLayout = prose.rows[at].card ? 'tabbed' : 'aligned';
  const cut = (r: ProseRow): BlockRow => ({ line: r.line, cells: cellsOf(layout, r.line), furniture: r.furniture });
  const header = prose.rows.slice(at, at + headerRows).map(cut);
  const under = prose.rows.slice(at + headerRows);
  const cutUnder = under.map(cut);
  const body = cutUnder.slice(0, tableEnd(layout, headerRows, header[0], under, cutUnder));
  while (body.length && (isBlank(body[body.length - 1].line) || standsAlone(body[body.length - 1]))) body.pop();
  const from = titled ? captionStart(prose.rows, at) : at;
  const caption = prose.rows.slice(from, at).map((r) => r.line);
  const title = caption.find((l) => /表$/.test(l.text.trim()))?.text.trim() ?? null;
  const rows = [...header, ...body];
  return {
    type: 'grid',
    layout,
    caption,
    title,
    rows,
    headerRows,
    notesFrom: rows.length,
    lines: { first: prose.rows[from].line.no, last: rows[rows.length - 1].line.no },
  };
}

/** How many of the lines under the header are the table's (see the module's comment). */
function tableEnd(layout: BlockLayout, headerRows: number, header: BlockRow, under: readonly ProseRow[], cut: readonly BlockRow[]): number {
  if (layout === 'tabbed') {
    const end = under.findIndex((r) => !r.card && !isBlank(r.line) && !r.furniture);
    return end < 0 ? under.length : end;
  }
  if (headerRows > 1) {
    const end = under.findIndex((r) => isOutlineHeading(r.line.text) || /^附[件表]\s*\d/.test(r.line.text.trim()));
    return end < 0 ? under.length : end;
  }
  return placed(header, cut).end;
}

/**
 * Page furniture standing alone on its line (a page number between two pages' rows): no row of the grid. A rule a
 * converter draws across the columns (`-----	-----`) prints cells, and is a row its reader passes by.
 */
function standsAlone(row: BlockRow): boolean {
  return row.furniture && row.cells.length <= 1;
}

const textsOf = (row: BlockRow): GridRow => ({ no: row.line.no, cells: row.cells.map((c) => c.text) });

/**
 * The block's header and data rows under its columns: a tab slot is its column; an aligned cell goes to the column
 * its middle falls in, where the row's page prints the columns (a later page may move them, aligned.ts onPage). Blank
 * rows and furniture standing alone are left out.
 */
export function gridOf(block: GridBlock): ColumnGrid {
  const header = block.rows[0];
  const body = block.rows.slice(block.headerRows, block.notesFrom);
  if (block.layout === 'tabbed') return { header: textsOf(header), rows: body.filter((r) => !isBlank(r.line) && !standsAlone(r)).map(textsOf) };
  return { header: { no: header.line.no, cells: header.cells.map((c) => c.text) }, rows: placed(header, body).rows };
}

/**
 * Aligned rows under the header's columns, up to the first that ends the table (an outline heading or a cell across
 * the columns: prose under the grid), with its index.
 */
function placed(header: BlockRow, body: readonly BlockRow[]): { rows: GridRow[]; end: number } {
  const headerColumns = columnsOf(header.cells);
  let columns = headerColumns;
  const rows: GridRow[] = [];
  for (const [k, row] of body.entries()) {
    if (/^\f/.test(row.line.raw)) columns = onPage(headerColumns, body.slice(k).map((r) => r.line));
    if (isOutlineHeading(row.line.text) || spans(columns, row)) return { rows, end: k };
    if (isBlank(row.line) || standsAlone(row)) continue;
    rows.push(placedRow(columns, row));
  }
  return { rows, end: body.length };
}

/** True when a cell of the row reaches across more than two of the columns. */
function spans({ starts }: AlignedColumns, row: BlockRow): boolean {
  return starts.length > 2 && row.cells.some((c) => c.start < starts[1] && c.end > starts[2] + 2);
}

/**
 * A row's cells in their columns, those of one column joined in print order: by a space where the line prints one
 * between them, as the run they were cut from (a code cut from the name it touches, `123项目`, rejoins as printed).
 * A row printing a cell for each label, two of which fall in one column, is read in order: its cells stand left in
 * their columns under labels centred over them (a Word table printed to PDF), so that a cell's middle falls short of
 * the midpoint between its label and the one before.
 */
function placedRow(columns: AlignedColumns, row: BlockRow): GridRow {
  const cells = columns.labels.map(() => '');
  const ends = columns.labels.map(() => -1);
  const at = row.cells.map((c) => columnOf(columns, c));
  const inOrder = row.cells.length === columns.labels.length && at.some((j, k) => k > 0 && j === at[k - 1]);
  for (const [k, c] of row.cells.entries()) {
    const j = inOrder ? k : at[k];
    cells[j] = cells[j] ? `${cells[j]}${ends[j] === c.start ? '' : ' '}${c.text}` : c.text;
    ends[j] = c.end;
  }
  return { no: row.line.no, cells };
}

/**
 * The first row of a table's caption: its title (the nearest short line above its header ending in 表) and a
 * project-name line just above that, within the header's prose block, so a line another reader took ends the look.
 */
function captionStart(rows: readonly ProseRow[], at: number): number {
  let start = at;
  let seenTitle = false;
  for (let k = at - 1; k >= 0 && k >= at - 6; k--) {
    const t = rows[k].line.text.trim();
    if (!t) continue;
    if (t.length > 40 || /[，。；]/.test(t)) break;
    if (!seenTitle && /表$/.test(t)) {
      seenTitle = true;
      start = k;
      continue;
    }
    if (seenTitle && /项目$/.test(t)) start = k;
    break;
  }
  return start;
}
