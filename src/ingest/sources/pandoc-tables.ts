/**
 * Pandoc's own tables, which remark does not read (its Markdown writer chooses one of them for a table that has no
 * pipes to fit: a simple table where every cell fits its line, a multiline one where some wraps, a grid one where a
 * cell holds more than text):
 * - grid tables, drawn with `+`, `-`, `=` and `|`, each cell's text wrapped over the lines of its row, a cell
 *   spanning columns where a `|` is left out, rows where a border's dashes are;
 * - multiline tables, opening and closing with a line of dashes, the columns the dashes under the header, each row
 *   its lines up to a blank line;
 * - simple tables, a header line over the columns' dashes, a row a line, ending at a blank line.
 * Pandoc pads by display width (a CJK character two columns), so the columns are read that way; a grid table padded
 * by characters (each one column) is read so when its lines are not all one display width.
 */
import type { GridCell } from './grid.ts';

const BORDER = /^\+(?:[-=:]+\+)+$/;
const ROW = /^[|+].*[|+]$/;

const wide = (c: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c);

/** The line as display columns: each column its character ('' for the second column of a wide one). */
function columns(line: string, byWidth: boolean): string[] {
  const out: string[] = [];
  for (const c of line) {
    out.push(c);
    if (byWidth && wide(c)) out.push('');
  }
  return out;
}

/** Wrapped lines of a cell's text as one: no space where a CJK word was cut. */
function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    out += out === '' || (/[^\x00-\x7f]$/.test(out) && /^[^\x00-\x7f]/.test(part)) ? part : ` ${part}`;
  }
  return out;
}

/** The table's rows of cells (spans as spans), or null where the lines are no grid table pandoc writes. */
function readGridTable(lines: readonly string[]): GridCell[][] | null {
  if (lines.length < 3 || !BORDER.test(lines[0]) || !BORDER.test(lines[lines.length - 1])) return null;
  const width = (l: string) => columns(l, true).length;
  const byWidth = lines.every((l) => width(l) === width(lines[0]));
  if (!byWidth && !lines.every((l) => l.length === lines[0].length)) return null;
  const grid = lines.map((l) => columns(l, byWidth));
  // A border leaves out the `+` where a cell above or below it spans: the columns are where any border draws one.
  const edges = [...new Set(grid.flatMap((line) => line.flatMap((c, i) => (c === '+' && /[-=:]/.test((line[i - 1] ?? '') + (line[i + 1] ?? '')) ? [i] : []))))].sort((a, b) => a - b);
  const slots = edges.length - 1;
  // Each open cell: its first band, its slots, and its text's lines.
  type Open = { row: number; from: number; to: number; text: string[] };
  const rows: Array<Array<{ from: number; cell: GridCell }>> = [];
  let open: Open[] = [];
  const close = (cell: Open, lastRow: number) => {
    rows[cell.row].push({ from: cell.from, cell: { text: joinWrapped(cell.text), rowSpan: lastRow - cell.row + 1, colSpan: cell.to - cell.from } });
  };
  let band: string[][] = [];
  const bandRow = () => rows.length - 1;
  const segment = (line: string[], s: number) => line.slice(edges[s] + 1, edges[s + 1]).join('');
  const startBand = () => {
    rows.push([]);
    const line = band[0];
    let s = 0;
    while (s < slots) {
      const continuing = open.find((c) => c.from === s);
      if (continuing) {
        s = continuing.to;
        continue;
      }
      let to = s + 1;
      while (to < slots && line[edges[to]] !== '|') to++;
      open.push({ row: bandRow(), from: s, to, text: [] });
      s = to;
    }
    open.sort((a, b) => a.from - b.from);
  };
  for (let i = 1; i < grid.length; i++) {
    const line = grid[i];
    if (line[0] !== '+' && line[0] !== '|') return null;
    const drawn = (s: number) => /^[-=:]+$/.test(segment(line, s));
    // A border's edges are `+`, or its dashes where a cell above or below spans them; a row's are `|`.
    const isSeparator = edges.every((e) => /[-+|=:]/.test(line[e] ?? '')) && Array.from({ length: slots }, (_, s) => s).some(drawn);
    if (!isSeparator) {
      if (band.length === 0) {
        band = [line];
        startBand();
      } else band.push(line);
      for (const cell of open) cell.text.push(line.slice(edges[cell.from] + 1, edges[cell.to]).join(''));
      continue;
    }
    if (band.length === 0) return null;
    // A cell whose border under it is drawn ends here; one whose slots print text there runs on into the next band.
    const ended = open.filter((cell) => drawn(cell.from));
    for (const cell of ended) close(cell, bandRow());
    open = open.filter((cell) => !ended.includes(cell));
    for (const cell of open) cell.text.push(line.slice(edges[cell.from] + 1, edges[cell.to]).join(''));
    band = [];
  }
  if (open.length > 0) return null;
  return rows.map((cells) => cells.sort((a, b) => a.from - b.from).map((c) => c.cell));
}

type Run = { markdown: string } | { table: GridCell[][] };

/** A grid table from line `at`: its last line and its rows, or null. */
function gridTableAt(lines: readonly string[], at: number): { end: number; table: GridCell[][] } | null {
  if (!BORDER.test(lines[at])) return null;
  let end = at + 1;
  while (end < lines.length && ROW.test(lines[end]) && !(BORDER.test(lines[end]) && !ROW.test(lines[end + 1] ?? ''))) end++;
  const table = end < lines.length ? readGridTable(lines.slice(at, end + 1)) : null;
  return table ? { end, table } : null;
}

const FULL_DASHES = /^-{3,}$/;
const COLUMN_DASHES = /^ *-+(?: +-+)+ *$/;

/** The columns a line of dashes marks: each dash run's first display column. */
function columnStarts(dashes: string): number[] {
  return [...dashes.matchAll(/-+/g)].map((m) => m.index);
}

/** A row's lines cut at the columns: each column's text, a wrapped cell's lines joined. */
function rowCells(lines: readonly string[], starts: readonly number[]): GridCell[] {
  const cut = lines.map((l) => columns(l, true));
  return starts.map((start, k) => ({
    text: joinWrapped(cut.map((c) => c.slice(start, starts[k + 1] ?? c.length).join(''))),
    rowSpan: 1,
    colSpan: 1,
  }));
}

/** A multiline table from line `at` (its opening dashes): its last line and its rows, or null. */
function multilineTableAt(lines: readonly string[], at: number): { end: number; table: GridCell[][] } | null {
  if (!FULL_DASHES.test(lines[at])) return null;
  let under = at + 1;
  while (under < lines.length && lines[under].trim() !== '' && !COLUMN_DASHES.test(lines[under])) under++;
  if (under === at + 1 || under >= lines.length || !COLUMN_DASHES.test(lines[under])) return null;
  let end = under + 1;
  while (end < lines.length && !FULL_DASHES.test(lines[end])) end++;
  if (end >= lines.length) return null;
  const starts = columnStarts(lines[under]);
  const rows: string[][] = [];
  let row: string[] = [];
  for (const line of lines.slice(under + 1, end)) {
    if (line.trim() === '') {
      if (row.length > 0) rows.push(row);
      row = [];
    } else row.push(line);
  }
  if (row.length > 0) rows.push(row);
  return { end, table: [rowCells(lines.slice(at + 1, under), starts), ...rows.map((r) => rowCells(r, starts))] };
}

/** A simple table from line `at` (its header, the columns' dashes under it): its last line and its rows, or null. */
function simpleTableAt(lines: readonly string[], at: number): { end: number; table: GridCell[][] } | null {
  if (lines[at].trim() === '' || (at > 0 && lines[at - 1].trim() !== '') || !COLUMN_DASHES.test(lines[at + 1] ?? '')) return null;
  let end = at + 2;
  while (end < lines.length && lines[end].trim() !== '' && !COLUMN_DASHES.test(lines[end])) end++;
  if (end === at + 2) return null;
  const starts = columnStarts(lines[at + 1]);
  const table = [lines[at], ...lines.slice(at + 2, end)].map((l) => rowCells([l], starts));
  return { end: COLUMN_DASHES.test(lines[end] ?? '') ? end : end - 1, table };
}

/** The document as runs of Markdown and the pandoc tables between them. */
export function pandocTableRuns(markdown: string): Run[] {
  if (!markdown.includes('--')) return [{ markdown }];
  const lines = markdown.split('\n').map((l) => l.trimEnd());
  const runs: Run[] = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('-') && !lines[i + 1]?.includes('-')) continue;
    const found = gridTableAt(lines, i) ?? multilineTableAt(lines, i) ?? simpleTableAt(lines, i);
    if (!found) continue;
    if (i > from) runs.push({ markdown: lines.slice(from, i).join('\n') });
    runs.push({ table: found.table });
    from = found.end + 1;
    i = found.end;
  }
  if (from < lines.length) runs.push({ markdown: lines.slice(from).join('\n') });
  return runs;
}
