/**
 * The fields above the indicator grid of a form drawn in cells narrower than their text (issue 11: 喀什经济开发区党群工作部's
 * forms printed again by LibreOffice): 项目负责人's value prints `庞` / `仁` a character a line in a cell 10 pt wide, an
 * amount `1` / `0` / `0` / `0`, and the lines of the narrow cells interleave with those of the wide ones beside them,
 * so the text cannot tell whose characters are whose (a project name read `稳就业保障项目项目庞负责仁`). The page draws the
 * cells: a character belongs to the cell between the rules around where its glyph begins, and a cell's text is its
 * characters line by line. Each drawn row is printed again as one tab-separated line of its cells, a cell drawn over
 * several rows in the first (as a tab-separated grid prints a merged cell), for the joined reading of a form's text;
 * and each label's value is the cell right of it, or, where a label or nothing stands right of a goal's head, the cell
 * under it (goals' heads over their texts). Pure.
 */
import type { PageGeometry } from '../page-geometry.ts';
import { cleanLine, type SourceLine } from '../source-lines.ts';
import { EDGE, edgesAt, edgesBefore, printed } from './drawn-header.ts';
import { labelOf, taskFunds, type FormField, type FormValue, type Funds } from './form-fields.ts';
import { parseAmount } from '../numbers.ts';
import { cleanCell, joinWrapped } from './text.ts';
import { FIGURE_WHOLE_SOURCE } from '../../core/amounts.ts';

interface DrawnCell {
  page: number;
  left: number;
  top: number;
  bottom: number;
  /** Per line it prints on (in line order): the line's number and its text in the cell. */
  pieces: Array<{ no: number; text: string }>;
}

/** A cell of a drawn row: its text ('' for a cell that prints none) and where it stands. */
interface RowCell {
  text: string;
  left: number;
  bottom: number;
  lines: number[];
}

interface DrawnRow {
  page: number;
  top: number;
  cells: RowCell[];
}

/** Where a page begins, in the PDF's coordinates read downwards. */
const PAGE_TOP = 0;

/**
 * The cells the block's characters stand in, or null when a line printing something has no glyphs or its page no
 * rules (it was not read for them): the form is then read from its text. Characters in no cell (beside the frame)
 * are no field's.
 */
function cellsOf(lines: readonly SourceLine[], geometry: PageGeometry): DrawnCell[] | null {
  const cells = new Map<string, DrawnCell>();
  for (const line of lines) {
    if (!line.text.trim()) continue;
    const xs = geometry.glyphsOf(line.no);
    const box = geometry.boxOf(line.no);
    const page = geometry.pageOf(line.no);
    const rules = geometry.rulesOf(page);
    if (!xs || !box || !rules) return null;
    const middle = (box[1] + box[3]) / 2;
    const edges = edgesAt(rules.vertical, middle);
    // Each cell's characters on this line: from the first to the last column it prints at.
    const spans = new Map<DrawnCell, { first: number; last: number }>();
    for (const { column, x } of printed(line, figuresAnchored(line.raw, xs))) {
      const at = edgesBefore(edges, x);
      if (at === 0 || at === edges.length) continue;
      const [left, centre] = [edges[at - 1], (edges[at - 1] + edges[at]) / 2];
      const across = rules.horizontal.filter((r) => r.x0 - EDGE <= centre && r.x1 + EDGE >= centre).map((r) => r.y);
      // A row the page cut before its text (a browser moves the text of a row cut at a page's foot to the next page,
      // its top rule left on the page before): between the rules at its sides, the cell is open to the page's top.
      const top = Math.max(...across.filter((y) => y < middle), PAGE_TOP);
      const bottom = Math.min(...across.filter((y) => y > middle));
      if (!Number.isFinite(top) || !Number.isFinite(bottom)) continue;
      const key = `${page}:${left}:${top}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { page, left, top, bottom, pieces: [] }));
      const span = spans.get(cell);
      spans.set(cell, { first: span?.first ?? column, last: column });
    }
    // Columns count the text's characters; the raw line has a form feed before them on a page's first line.
    const shift = line.raw.startsWith('\f') ? 1 : 0;
    for (const [cell, { first, last }] of spans) cell.pieces.push({ no: line.no, text: line.raw.slice(first + shift, last + shift + 1) });
  }
  return [...cells.values()];
}

/**
 * A figure of a form (an amount, a rate, a dash for none) ends after two decimals: a narrow cell's amount runs past its
 * right rule into the next cell's figure, and the text prints them as one (`114.00` and `10`: `114.0010`; `95.00%9.5`).
 */
const FIGURE = new RegExp(`${FIGURE_WHOLE_SOURCE}(?:\\.\\d{1,2})?%?|[—－–-]+`, 'g');

/**
 * The glyphs' x with each figure's characters at its first one's: a figure stands in the cell it begins in, its
 * characters past the cell's right rule too (the reader's x of the glyphs in a text item holding two cells' figures
 * is an estimate, runs.ts: where each figure begins is what it tells).
 */
function figuresAnchored(raw: string, xs: Float32Array): Float32Array {
  const out = Float32Array.from(xs);
  for (const m of raw.matchAll(FIGURE)) out.fill(xs[m.index], m.index, Math.min(m.index + m[0].length, xs.length));
  return out;
}

/**
 * A cell's text from its lines: a line without a space is a line its cell was too narrow for (a word or number cut
 * where the cell ends: `1` / `0` / `0` / `0`), so the next goes on without one; other lines broke at a space, and are
 * joined as wrapped text is (a space between two Latin words or numbers). A converter's markup a cell wraps over
 * lines (`<p>…` / `…</p>`) is read in the cell's text, as a line's is where one line holds a cell.
 */
function cellText(pieces: ReadonlyArray<{ text: string }>): string {
  const parts: string[] = [];
  let cut = false;
  for (const { text } of pieces) {
    const piece = text.trim();
    if (cut) parts[parts.length - 1] += piece;
    else parts.push(piece);
    cut = !/\s/.test(piece);
  }
  return cleanCell(cleanLine(joinWrapped(parts)));
}

/**
 * The drawn rows of the cells, in reading order, each with its cells left to right between the vertical rules across
 * its middle (a cell printing nothing as ''). A row a page cuts goes on in the next page's first row, which the page
 * draws with the same columns: its label cell holds the rest of the label (`项目总体` over the page, `目标`), or nothing
 * under a whole label (the value goes on); its cells' text is added to the row's.
 */
function rowsOf(cells: readonly DrawnCell[], geometry: PageGeometry): DrawnRow[] {
  const byRow = Map.groupBy(cells, (c) => `${c.page}:${c.top}`);
  const rows: DrawnRow[] = [];
  for (const group of [...byRow.values()].sort((a, b) => a[0].page - b[0].page || a[0].top - b[0].top)) {
    const { page, top } = group[0];
    const bottom = Math.min(...group.map((c) => c.bottom));
    const edges = edgesAt(geometry.rulesOf(page)!.vertical, (top + bottom) / 2);
    const row: RowCell[] = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      const cell = group.find((c) => Math.abs(c.left - edges[i]) <= EDGE);
      row.push({ text: cell ? cellText(cell.pieces) : '', left: edges[i], bottom: cell?.bottom ?? bottom, lines: cell?.pieces.map((p) => p.no) ?? [] });
    }
    const last = rows.at(-1);
    if (last && last.page < page && continues(last, row)) {
      row.forEach((c, i) => {
        last.cells[i].text = joinWrapped([last.cells[i].text, c.text]);
        last.cells[i].lines.push(...c.lines);
      });
      continue;
    }
    rows.push({ page, top, cells: row });
  }
  return rows;
}

/** A page's first row goes on from the last row of the page before (rowsOf). */
function continues(last: DrawnRow, row: readonly RowCell[]): boolean {
  if (row.length !== last.cells.length || row.some((c, i) => Math.abs(c.left - last.cells[i].left) > 2 * EDGE)) return false;
  const [before, after] = [last.cells[0].text, row[0].text];
  if (!before) return false;
  const cutLabel = after === '' ? labelOf(before) != null : labelOf(before) == null && labelOf(before + after) != null;
  // Two labels in one column are two rows (fields beside a label drawn over both, the page parting them).
  return cutLabel && !row.some((c, i) => i > 0 && c.text && last.cells[i].text && labelOf(c.text) != null && labelOf(last.cells[i].text) != null);
}

export interface DrawnForm {
  /** Each drawn row as one tab-separated line, numbered by its first line. */
  rows: SourceLine[];
  fields: Map<FormField, FormValue>;
  /** The funds its table of tasks closes with (form-fields.ts taskTable), the heads over the amounts by their cells' edges. */
  tasks: Funds | null;
}

/**
 * The form's rows and fields as its page draws them, or null when a line of the block was not read with its glyphs
 * (a text source, a page without rules) or fewer than two field labels stand in cells of their own. `header` is the
 * line of the indicator grid's header: a cell reaching down to it is the header row's (福州's `一级指` over `标`,
 * printed above the header's line), no field's.
 */
export function drawnForm(lines: readonly SourceLine[], geometry: PageGeometry, header: SourceLine): DrawnForm | null {
  const box = geometry.boxOf(header.no);
  const page = geometry.pageOf(header.no);
  const cells = cellsOf(lines, geometry)?.filter((c) => !box || c.page < page || (c.page === page && c.bottom <= (box[1] + box[3]) / 2));
  if (!cells || cells.length === 0) return null;
  const rows: DrawnRow[] = [];
  for (const row of rowsOf(cells, geometry)) if (rows.length === 0 || !goesOn(rows[rows.length - 1], row)) rows.push(row);
  const labelled = rows.flatMap((r) => r.cells).filter((c) => {
    const label = labelOf(c.text);
    return label != null && label !== 'group';
  });
  if (labelled.length < 2) return null;
  const fields = new Map<FormField, FormValue>();
  rows.forEach((row, r) => {
    row.cells.forEach((cell, i) => {
      const label = labelOf(cell.text);
      if (label == null || label === 'group' || fields.has(label)) return;
      const right = row.cells.slice(i + 1).find((c) => c.text);
      const value = right && labelOf(right.text) == null ? right : under(row, rows[r + 1], cell, rows[r + 2]);
      if (!value) return;
      const nos = [...cell.lines, ...value.lines];
      fields.set(label, { text: value.text, lines: { first: Math.min(...nos), last: Math.max(...nos) } });
    });
  });
  const printedRows = rows.map((row) => {
    const no = Math.min(...row.cells.flatMap((c) => c.lines));
    const text = row.cells.map((c) => c.text).join('\t');
    return { no, raw: text, text };
  });
  return { rows: printedRows, fields, tasks: taskFunds(rows.map((r) => r.cells), (c) => c.left) };
}

/**
 * A row that prints no label, no amount and nothing in its first cell goes on with the values of the row above, as a
 * tab-separated form's line does (header.ts mergeTabbedContinuations): its texts, in order, are added to that row's
 * value cells (`径研究项目` and `仁泉` under `丝路…实现路` and `庞`, drawn in cells of their own). True when it did.
 */
function goesOn(above: DrawnRow, row: DrawnRow): boolean {
  const texts = row.cells.filter((c) => c.text);
  if (row.cells[0].text || texts.length === 0 || texts.some((c) => labelOf(c.text) != null || parseAmount(c.text) != null)) return false;
  const values = above.cells.filter((c) => c.text && labelOf(c.text) == null);
  if (values.length < texts.length) return false;
  texts.forEach((c, k) => {
    values[k].text = joinWrapped([values[k].text, c.text]);
    values[k].lines.push(...c.lines);
  });
  return true;
}

/**
 * The value in the cell under a goal's head (实施期总目标 | 年度目标 over their texts): the cell of its column in the row
 * drawn under it, when it is no label. An amount's head (总额 | 财政拨款 | 其他资金) may stand over a column of a table
 * (西安's 部门整体 form: one amount a task, then 金额合计): its value is the amount under it only where the row after
 * prints none there (资金总额 | 财政拨款 | 其他资金 over one row of amounts, a web page's form printed by a browser).
 */
function under(row: DrawnRow, next: DrawnRow | undefined, cell: RowCell, after: DrawnRow | undefined): RowCell | null {
  const label = labelOf(cell.text);
  const amount = label === 'total' || label === 'fiscal' || label === 'other';
  if (label !== 'goal' && label !== 'periodGoal' && label !== 'achieved' && !amount) return null;
  if (!next || next.page !== row.page || Math.abs(next.top - cell.bottom) > EDGE) return null;
  const columnOf = (r: DrawnRow | undefined) => r?.cells.find((c) => Math.abs(c.left - cell.left) <= EDGE);
  const below = columnOf(next);
  if (!below?.text || labelOf(below.text) != null) return null;
  if (!amount) return below;
  const further = columnOf(after);
  return parseAmount(below.text) != null && !(further && parseAmount(further.text) != null) ? below : null;
}
