/**
 * An indicator grid drawn in cells narrower than their labels (issue 11: 喀什经济开发区党群工作部's forms
 * printed again by LibreOffice): each label wraps a character or two a line (`一` / `级` / `指` / `标`), so no line
 * of the text reads as a header, and the characters of neighbouring cells stand a column or two apart, too near for
 * the text to tell whose they are. The page draws the cells: a character belongs to the cell between the vertical
 * rules its glyph stands between, and a cell's label is its characters read top to bottom, line by line, within the
 * header's row (the horizontal rules above and below it). The header is printed again as one line, each label
 * centred where its cell's characters stand, as a header wrapped in a single column is (aligned.ts `wrappedHeader`).
 * Its body is read by the same cells (drawnRows): its values wrap too (`>` / `=` / `5` / `1` / `8` / `人`).
 * Pure.
 */
import type { PageGeometry } from '../page-geometry.ts';
import type { SourceLine } from '../source-lines.ts';
import type { GridRow } from '../layout/grid.ts';
import type { LinePiece } from './level-cells.ts';
import { completesLevelName, isLevelName } from './levels.ts';
import { isGridLabel, roleOfHeader } from './header-roles.ts';
import { columnRoles, holdsMarginLabel, isIndicatorHeader } from './tabbed.ts';

/** Points: a rule drawn this little off a cell's edge or a line's middle still bounds it. */
export const EDGE = 1;
/** A label printed a character a line on this many lines at least is wrapped by its cell, not by a line break. */
const STACKED = 3;
/**
 * The most lines a label wraps over that the text's readers join (stacked-header.ts: two or three); a label over
 * more (a 绩效自评表's 偏差原因分析及改进措施 over six, 分值 and 得分 centred between two of them) is read by its cell.
 */
const WRAPPED_LINES = 3;

interface DrawnCell {
  text: string;
  /** First and last text column of its characters. */
  first: number;
  last: number;
}

/**
 * The character columns and x (where each glyph begins) of a line's printed characters (the text has no form feed;
 * the glyphs do).
 */
export function printed(line: SourceLine, xs: Float32Array): Array<{ ch: string; column: number; x: number }> {
  const shift = line.raw.startsWith('\f') ? 1 : 0;
  const out: Array<{ ch: string; column: number; x: number }> = [];
  for (let i = 0; i < line.raw.length && i < xs.length; i++) {
    const ch = line.raw[i];
    if (!/\s/.test(ch) && !Number.isNaN(xs[i])) out.push({ ch, column: i - shift, x: xs[i] });
  }
  return out;
}

/**
 * The header row that `lines[k]` is printed in, read by its drawn cells as one line (`k`'s number, the labels at
 * their cells' columns), and the indexes of the other lines of the row (their characters are in the labels); null
 * when the line is no part of a drawn row whose cells read as an indicator grid's header, or a line of the row alone
 * reads as one already (the text's own readers read it) and no cell wraps its label a character a line (`二` / `级` /
 * `指` / `标` under a line `指 标  二  三 级 指 标  指 标 值 …`: the text would read `二` as the label).
 */
export function drawnHeader(lines: readonly SourceLine[], k: number, geometry: PageGeometry): { header: SourceLine; labels: string[]; rest: number[] } | null {
  const line = lines[k];
  const box = geometry.boxOf(line.no);
  const page = geometry.pageOf(line.no);
  const rules = geometry.rulesOf(page);
  if (!box || !rules || !geometry.glyphsOf(line.no)) return null;
  const middle = (box[1] + box[3]) / 2;
  // The row: between the nearest rules above and below the line's middle that cross its first character's cell.
  const across = rules.horizontal.filter((r) => r.x0 - EDGE <= box[0] && r.x1 + EDGE >= box[0]).map((r) => r.y);
  const top = Math.max(...across.filter((y) => y < middle));
  const bottom = Math.min(...across.filter((y) => y > middle));
  if (!Number.isFinite(top) || !Number.isFinite(bottom)) return null;
  const inRow = (j: number) => {
    const b = geometry.boxOf(lines[j].no);
    return b != null && geometry.pageOf(lines[j].no) === page && (b[1] + b[3]) / 2 > top && (b[1] + b[3]) / 2 < bottom;
  };
  const row: number[] = [];
  for (let j = k; j >= 0 && (inRow(j) || !lines[j].text.trim()) && geometry.pageOf(lines[j].no) === page; j--) if (inRow(j)) row.unshift(j);
  for (let j = k + 1; j < lines.length && (inRow(j) || !lines[j].text.trim()) && geometry.pageOf(lines[j].no) === page; j++) if (inRow(j)) row.push(j);
  if (row.length < 2) return null;
  const edges = edgesAt(rules.vertical, middle);
  if (edges.length < 2) return null;
  const cells = new Map<number, DrawnCell>();
  // How many lines print a single character of each cell, and the lines each cell prints on.
  const stacked = new Map<number, number>();
  const cellLines = new Map<number, Set<number>>();
  for (const j of row) {
    const xs = geometry.glyphsOf(lines[j].no);
    if (!xs) return null;
    const onLine = new Map<number, number>();
    for (const { ch, column, x } of printed(lines[j], xs)) {
      const at = edgesBefore(edges, x);
      const cell = cells.get(at);
      if (cell) cells.set(at, { text: cell.text + ch, first: Math.min(cell.first, column), last: Math.max(cell.last, column) });
      else cells.set(at, { text: ch, first: column, last: column });
      onLine.set(at, (onLine.get(at) ?? 0) + 1);
      cellLines.set(at, (cellLines.get(at) ?? new Set()).add(j));
    }
    for (const [at, n] of onLine) if (n === 1) stacked.set(at, (stacked.get(at) ?? 0) + 1);
  }
  let text = '';
  for (const [, c] of [...cells].sort(([a], [b]) => a - b)) {
    const at = Math.max(text.length + 2, Math.round((c.first + c.last) / 2 - c.text.length / 2));
    text = text.padEnd(at) + c.text;
  }
  if (!isIndicatorHeader(text)) return null;
  const first = lines[row[0]];
  // Every cell the row draws between its outer rules has a label, an empty one where it prints none.
  const labels = edges.slice(1).map((_, c) => cells.get(c + 1)?.text ?? '');
  // A header with a label wrapped over more lines than the text joins, whose every cell names a column of the grid (or
  // is its label), is read by its cells; one that heads other columns too (长沙's units with their funds beside their
  // indicators) by the text.
  const grid = labels.every((label) => !label || roleOfHeader(label) != null || isGridLabel(label));
  const beyondText = grid && [...cellLines.values()].some((onLines) => onLines.size > WRAPPED_LINES);
  if (!beyondText && row.some((j) => isIndicatorHeader(lines[j].text)) && ![...stacked.values()].some((n) => n >= STACKED)) return null;
  return { header: { ...first, text, raw: `${first.raw.startsWith('\f') ? '\f' : ''}${text}` }, labels, rest: row.slice(1) };
}

/**
 * The lines with every drawn header row read as one line (drawnHeader) and its other lines left blank, for the
 * readers of the text, and the labels of each of those header lines' drawn cells by its number (their grids are read
 * by their cells, drawnRows); the same lines where no row so reads. Only lines printing a header's words are asked.
 */
export function withDrawnHeaders(lines: readonly SourceLine[], geometry: PageGeometry): { lines: readonly SourceLine[]; headers: ReadonlyMap<number, string[]> } {
  let out: SourceLine[] | null = null;
  const headers = new Map<number, string[]>();
  for (let k = 0; k < lines.length; k++) {
    if (!/[级指标值]/.test(lines[k].text) || !geometry.glyphsOf(lines[k].no)) continue;
    const read = drawnHeader(lines, k, geometry);
    if (!read) continue;
    out ??= [...lines];
    const first = lines.findIndex((l) => l.no === read.header.no);
    out[first] = read.header;
    headers.set(read.header.no, read.labels);
    for (const j of read.rest) out[j] = { ...lines[j], text: '', raw: lines[j].raw.startsWith('\f') ? '\f' : '' };
    k = Math.max(k, ...read.rest);
  }
  return { lines: out ?? lines, headers };
}

/**
 * How many of a row's edges stand left of a glyph beginning at `x`: the cell it is printed in is the one it begins
 * in. A glyph wider than what is left of a narrow cell runs past the cell's right rule (LibreOffice sets the `二` of
 * 二级指标 from 61.5 to 69.5 pt in a cell from 56.0 to 65.1), while none begins left of its cell.
 */
export function edgesBefore(edges: readonly number[], x: number): number {
  return edges.filter((e) => e < x + EDGE).length;
}

/** The vertical rules crossing height `y` of the page, one edge for a border drawn in pieces. */
export function edgesAt(vertical: readonly { x: number; y0: number; y1: number }[], y: number): number[] {
  return vertical
    .filter((r) => r.y0 - EDGE <= y && r.y1 + EDGE >= y)
    .map((r) => r.x)
    .sort((a, b) => a - b)
    .filter((x, i, xs) => i === 0 || x - xs[i - 1] > 2 * EDGE);
}

/**
 * The rows of a grid whose header row `header` (its text's line, as drawnHeader read it, `labels` those of its drawn
 * cells) is drawn, read by the cells the page draws. The columns' roles are the labels', or where the labels do not
 * account for every drawn column (a header printed a column off its rows, or without one of its labels: 8 labels in
 * 9 cells) the national template's for that many columns, as for a grid of text (tabbed.ts columnRoles). A row is
 * the band between the rules across the value column, each column's cell holds the characters between its vertical
 * rules, read top to bottom, and a cell drawn over several rows (一级, 二级) stands in the first of them, as a
 * tab-separated grid prints a merged cell. A row's line is the first it prints on (`lastLines`: its last, by its
 * first); a later page's first row without a name or a weight, and a row of neither name, value, weight nor level,
 * are the rest of the row before. Characters standing in no cell of a row (left or right of the grid) are `apart`,
 * kept as printed. Lines above a page's first row are no row (the header's own lines, what a later page prints above
 * its grid); the grid ends at the first line below its page's last row, or on a page that draws no rows across the
 * value column or another number of columns (the next form). A page after the header's takes its columns from its
 * own rules. Null when the header's line draws another number of cells than its row has labels, or no value column.
 */
export function drawnRows(lines: readonly SourceLine[], header: number, geometry: PageGeometry, labels: readonly string[]): DrawnRows | null {
  // The grid's label in a column of its own left of the levels (a 绩效自评表's 绩效指标 over its rows) heads no column:
  // its characters are read apart, and the grid is the columns right of it. Printed in the header's cell, it says so
  // at once; centred on the rows below an empty one (a cell merged over the header and the rows), the column's cells
  // say so once read (tabbed.ts holdsMarginLabel, the rule of the text's grids), and the rows are read again without it.
  if (labels.length > 0 && isGridLabel(labels[0])) return rowsOf(lines, header, geometry, labels, 1);
  const read = rowsOf(lines, header, geometry, labels, 0);
  return read && holdsMarginLabel(read.header, read.body) ? rowsOf(lines, header, geometry, labels, 1) : read;
}

interface DrawnRows {
  header: GridRow;
  body: GridRow[];
  lastLines: Map<number, number>;
  apart: LinePiece[];
}

/** The rows of drawnRows, the first `margin` columns the grid's label, read apart. */
function rowsOf(lines: readonly SourceLine[], header: number, geometry: PageGeometry, labels: readonly string[], margin: 0 | 1): DrawnRows | null {
  const headerNo = lines[header].no;
  const box = geometry.boxOf(headerNo);
  const rules = geometry.rulesOf(geometry.pageOf(headerNo));
  if (!box || !rules) return null;
  const columns = edgesAt(rules.vertical, (box[1] + box[3]) / 2);
  if (columns.length !== labels.length + 1) return null;
  const roles: Array<ReturnType<typeof columnRoles>[number] | null> = [...(margin ? [null] : []), ...columnRoles(labels.slice(margin), labels.length - margin)];
  const valueAt = roles.indexOf('value');
  if (valueAt < 0) return null;
  const body: GridRow[] = [];
  const lastLines = new Map<number, number>();
  const apart = new Map<number, string>();
  let page = geometry.pageOf(headerNo);
  let edges = columns;
  let pageTop = (box[1] + box[3]) / 2;
  let current: { rows: number[]; byColumn: number[][]; cells: Map<string, string>; firstLine: Map<number, number>; lastLine: Map<number, number> } | null =
    null;
  const nameAt = roles.indexOf('name');
  const weightAt = roles.indexOf('weight');
  const levelsAt = [roles.indexOf('level1'), roles.indexOf('level2')].filter((c) => c >= 0);
  const flush = () => {
    if (!current) return;
    let firstOnPage = page !== geometry.pageOf(headerNo);
    for (let r = 0; r < current.rows.length - 1; r++) {
      const no = current.firstLine.get(r);
      if (no == null) continue;
      const cells = labels.map((_, c) => current!.cells.get(`${r}:${c}`) ?? '');
      const last = body[body.length - 1];
      // A later page's first row without a name, or without the weight a row prints at its top, is the rest of the
      // row the page before cut off (`质量合格率` under `服务`, `益指标` under `效`); a row of neither name, value,
      // weight nor level is the rest of the row above, wrapped past a rule drawn across it. A row that prints its
      // own weight is a row, its name or value left blank by the form.
      const to = current.lastLine.get(r)!;
      const weightless = weightAt < 0 || !cells[weightAt];
      const rest = firstOnPage
        ? !cells[nameAt] || (weightAt >= 0 && weightless)
        : !cells[nameAt] && !cells[valueAt] && weightless && levelsAt.every((c) => !cells[c]);
      const cut = last != null && rest;
      firstOnPage = false;
      if (cut) {
        last.cells = last.cells.map((t, c) => t + cells[c]);
        lastLines.set(last.no, to);
      } else {
        body.push({ no, cells });
        lastLines.set(no, to);
      }
    }
    current = null;
  };
  for (let k = header + 1; k < lines.length; k++) {
    const no = lines[k].no;
    const b = geometry.boxOf(no);
    if (!b) continue;
    if (geometry.pageOf(no) !== page) {
      flush();
      page = geometry.pageOf(no);
      pageTop = -Infinity;
    }
    const pageRules = geometry.rulesOf(page);
    const xs = geometry.glyphsOf(no);
    if (!pageRules || !xs) break;
    if (!current) {
      const valueX = (edges[valueAt] + edges[valueAt + 1]) / 2;
      const rows = pageRules.horizontal.filter((r) => r.x0 - EDGE <= valueX && r.x1 + EDGE >= valueX && r.y > pageTop + EDGE).map((r) => r.y).sort((a, b) => a - b);
      // A header at the foot of its page has its rows on the next.
      if (rows.length < 2 && page === geometry.pageOf(headerNo)) continue;
      if (rows.length < 2) break;
      if (page !== geometry.pageOf(headerNo)) edges = edgesAt(pageRules.vertical, (rows[0] + rows[1]) / 2);
      if (edges.length !== labels.length + 1) break;
      // A row a page break cuts has its top rule on the page before: on the next page its cells' walls reach above the
      // first rule, up to where the grid begins on the page.
      const walls = pageRules.vertical.filter((r) => edges.some((x) => Math.abs(r.x - x) <= EDGE) && r.y1 + EDGE >= rows[0]).map((r) => r.y0);
      const wallsTop = walls.length > 0 ? Math.min(...walls) : rows[0];
      if (page !== geometry.pageOf(headerNo) && wallsTop < rows[0] - EDGE) rows.unshift(wallsTop);
      const byColumn = labels.map((_, c) => {
        const x = (edges[c] + edges[c + 1]) / 2;
        return pageRules.horizontal.filter((r) => r.x0 - EDGE <= x && r.x1 + EDGE >= x).map((r) => r.y).sort((a, b) => a - b);
      });
      current = { rows, byColumn, cells: new Map(), firstLine: new Map(), lastLine: new Map() };
    }
    const { rows, byColumn, cells, firstLine, lastLine } = current;
    const middle = (b[1] + b[3]) / 2;
    // Above the first row: the header's own lines, or what a later page prints above its grid.
    if (middle < rows[0]) continue;
    if (middle > rows[rows.length - 1]) break;
    for (const { ch, x } of printed(lines[k], xs)) {
      const c = edgesBefore(edges, x) - 1;
      if (c >= 0 && c < margin) {
        apart.set(no, (apart.get(no) ?? '') + ch);
        continue;
      }
      // The cell of its column the character is in, and the row that cell's top begins.
      const cellTop = c < 0 || c >= labels.length ? NaN : Math.max(...byColumn[c].filter((y) => y < middle));
      const r = rows.findIndex((y, i) => i < rows.length - 1 && y >= cellTop - EDGE);
      if (r < 0) {
        apart.set(no, (apart.get(no) ?? '') + ch);
        continue;
      }
      const key = `${r}:${c}`;
      cells.set(key, (cells.get(key) ?? '') + ch);
      if (!firstLine.has(r) || firstLine.get(r)! > no) firstLine.set(r, no);
      lastLine.set(r, Math.max(lastLine.get(r) ?? no, no));
    }
  }
  flush();
  // A level name centred over rows the drawing parts with a rule (a merged cell drawn with its rows' borders) is
  // printed across the rule: its pieces in two rows' cells (`成本指` over `标`) are one name, in the first.
  for (const c of levelsAt) {
    for (let r = 0; r + 1 < body.length; r++) {
      const [head, tail] = [body[r].cells[c], body[r + 1].cells[c]];
      if (head && tail && !isLevelName(head) && completesLevelName(head, tail)) {
        body[r].cells[c] = head + tail;
        body[r + 1].cells[c] = '';
        lastLines.set(body[r].no, Math.max(lastLines.get(body[r].no)!, lastLines.get(body[r + 1].no)!));
      }
    }
  }
  const grid = body.map((row) => ({ ...row, cells: row.cells.slice(margin) }));
  return { header: { no: headerNo, cells: labels.slice(margin) }, body: grid, lastLines, apart: [...apart].map(([line, text]) => ({ text, line })) };
}
