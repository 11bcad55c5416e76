import type { SourceLine } from '../source-lines.ts';
import { isOutlineHeading } from './level-state.ts';
import { isPageNumber } from '../page-furniture.ts';
// A target table's cells are whole text runs: a figure inside a cell (`≥ 95 %`) stays with its words.
import { alignedRow, columnOf, columnsInTurn, columnsOf, spansColumns, tabRow, type AlignedColumns, type GridRow } from '../layout/grid.ts';
import { pageFrame } from '../layout/page-frame.ts';
import { cellWords, center, runsOf, splitRun, wordCells, type Cell } from '../layout/cells.ts';
import { parseAmount } from '../numbers.ts';
import { completesLevelName, endsLevelName, isLevel1, isLevel2, isLevelName, startsLevelName } from './levels.ts';
import { centredHeaderCells, stackedHeaderCells, tallHeaderCells, type HeaderCell } from './stacked-header.ts';
import { compact } from './text.ts';
import type { LinePiece } from './level-cells.ts';
import { isIndicatorHeader, roleOf } from './tabbed.ts';
import { headerRunLabels, isGridLabel } from './header-roles.ts';

/** A target table's columns: 一级指标, 二级指标, 三级指标 and 指标值 at the least. */
const FEWEST_COLUMNS = 4;

/**
 * An aligned target table (or another form's table: `fewest` columns at the least) as rows of its header's grid, so
 * that the grid reader reads it as it reads a tab-separated one (empty columns stay empty cells). The table ends at
 * the next outline heading or at a line of prose. Page furniture is no row: `isFurniture` is given the whole text's
 * rule (a bare number is a page number only where a page's number stands, page-furniture.ts) where the caller has
 * the whole text; by default a line shaped as a page number. Null when the header line prints fewer columns than a
 * target table has (福州's `二级指标   三级指标   指标值`, its 一级指标 on a line of its own): its runs cannot say
 * where the cells go. With `marginApart`, the words printed wholly left of the grid's first column are no cell of
 * it but `margin`: the form's label of the grid (福州's `绩效目 / 标指标`, 西安's `绩 / 效 / 指 / 标`, in a column of
 * their own left of 一级指标; 烟台's `绩效指标` one space before each row's 一级 name). A level name, or the start of
 * one, stays in the grid however far left it stands.
 */
export function alignedGrid(
  header: SourceLine,
  body: readonly SourceLine[],
  fewest = FEWEST_COLUMNS,
  isFurniture: (line: SourceLine) => boolean = (line) => isPageNumber(line.text),
  marginApart = false,
): { header: GridRow; body: GridRow[]; margin: LinePiece[] } | null {
  const printedColumns = columnsOf(headerLabels(header));
  // The grid's margin label printed on its header's line (the 绩效自评表's `绩效指标` left of 一级指标) heads no column.
  const firstLevel = marginApart ? printedColumns.labels.findIndex((c) => /^一级/.test(compact(c.text))) : -1;
  const headerColumns = firstLevel > 0 ? columnsOf(printedColumns.labels.slice(firstLevel)) : printedColumns;
  if (headerColumns.labels.length < fewest) return null;
  const out: GridRow[] = [];
  const margin: LinePiece[] = [];
  let columns = partedByLevels(headerColumns, body);
  // The rows of each page as printed (their margin left out), read again where the header is narrower than they are.
  const pages: Array<{ columns: AlignedColumns; rows: Array<{ row: GridRow; runs: Cell[] }> }> = [{ columns, rows: [] }];
  // The start of a level name wrapped in the first column, till a piece completes it, maybe further left (产出指 / 标).
  let open = '';
  for (const [k, line] of body.entries()) {
    if (/^\f/.test(line.raw)) {
      columns = partedByLevels(onPage(headerColumns, body.slice(k)), body.slice(k));
      pages.push({ columns, rows: [] });
    }
    const first = columns.labels[0].start;
    // A browser's print margins run across the columns (its address, its page's number at the right): the page's
    // furniture, not the end of the grid.
    if (isFurniture(line)) continue;
    if (!line.text.trim()) {
      out.push(tabRow(line));
      continue;
    }
    const lineRuns = rowRuns(columns, line.text);
    if (isOutlineHeading(line.text) || spansColumns(columns, line, lineRuns)) break;
    const words = wordCells(line.text);
    // Told by where it stands, not by its words (header-roles.ts isGridLabel): the label is printed in pieces that
    // name nothing alone (绩 / 效 / 指 / 标, 绩效目 / 标指标).
    const inMargin = (w: { text: string; end: number }) =>
      w.end < first && !isLevelName(w.text) && !startsLevelName(w.text) && !completesLevelName(open, w.text);
    const apart = marginApart ? words.filter(inMargin) : [];
    const lead = words.find((w) => !apart.includes(w));
    if (lead && lead.start < (columns.starts[1] ?? Infinity) && startsLevelName(lead.text)) open = lead.text;
    else if (lead && completesLevelName(open, lead.text)) open = '';
    margin.push(...apart.map((r) => ({ text: r.text, line: line.no })));
    const rest = apart.reduce((t, r) => t.slice(0, r.start) + ' '.repeat(r.end - r.start) + t.slice(r.end), line.text);
    // The line's runs again only where margin words were blanked out of it.
    const runs = apart.length > 0 ? rowRuns(columns, rest) : lineRuns;
    const row = partedLevelNames(columns, alignedRow(columns, line, runs));
    out.push(row);
    pages.at(-1)!.rows.push({ row, runs });
  }
  for (const page of pages) placedInTurn(page.columns, page.rows);
  return { header: { no: header.no, cells: columns.labels.map((c) => c.text) }, body: out, margin };
}

/**
 * The cells from the value column on of a page's rows whose header `pdftotext -layout` printed narrower than they
 * are (a browser's print of a 绩效自评表: `年度指标 实际完成 分值 得分` in fewer character columns than the figures under
 * them take, so that a row's 分值 stood under 得分 and its 得分 under 偏差原因分析及改进措施), figures one space apart each
 * a cell: where the first row printing a cell for each of those columns does not print them under their labels, each
 * row's cells there are placed in turn (layout/grid.ts columnsInTurn); a row they cannot be placed so takes them
 * in the template's order from the value column where the full row's cells stand off their labels, else
 * keeps the header's places. Rewrites `rows` in place.
 */
function placedInTurn(columns: AlignedColumns, rows: ReadonlyArray<{ row: GridRow; runs: readonly Cell[] }>): void {
  const value = valueColumn(columns);
  if (value < 0 || columns.labels.length - value < 2) return;
  const runs = rows.map((row) => row.runs.filter((r) => columnOf(columns, r) >= value));
  // A value printed one space before the row's 分值 and 得分 (`1.45万元 10 10`) is a cell of its own too.
  const right = runs.map((line) => line.flatMap((run) => splitRun(run, (word) => parseAmount(word) != null, 2 / 3)));
  const full = right.find((runs) => runs.length === columns.labels.length - value);
  if (!full) return;
  const squeezed = full.some((r, k) => columnOf(columns, r) !== value + k);
  const placed = columnsInTurn(right, columns.labels.slice(value).map(center));
  rows.forEach(({ row }, k) => {
    // A row printing its cells nearer each other than the full row does (a long name pushing a browser's print of
    // them left: `≤1.5万元        1.45万元 10 10`) has them in the template's order, the last columns (偏差原因) empty.
    const at = placed[k] ?? (squeezed && right[k].length < columns.labels.length - value ? right[k].map((_, i) => i) : null);
    // Where the header stands over the full row's cells, a row two of whose cells stand under one label, or that
    // prints figures one space apart (`10 10`, a narrow pair of columns), is read in turn too.
    const shared = right[k].length > runs[k].length || right[k].some((r, i) => i > 0 && columnOf(columns, r) <= columnOf(columns, right[k][i - 1]));
    if (!at || !(squeezed || shared)) return;
    for (let i = value; i < row.cells.length; i++) row.cells[i] = '';
    right[k].forEach((run, i) => (row.cells[value + at[i]] = run.text));
  });
}

function valueColumn(columns: AlignedColumns): number {
  return columns.labels.findIndex((c) => roleOf(compact(c.text)) === 'value');
}

/**
 * The runs of a grid's row, a run printed one space apart across the columns left of the value's (a browser's print
 * of wide cells: `产出指标 质量指标 优良路率`, `时效指标 养护完成时间 11月底前`, `标 意度指标`) parted into its words where it
 * begins with a level name or a piece of one: the template's level columns come first, so its words are cells each,
 * standing in their columns.
 */
function rowRuns(columns: AlignedColumns, text: string): Cell[] {
  const value = valueColumn(columns);
  const before = value > 0 ? columns.starts[value] : -Infinity;
  return runsOf(text).flatMap((run) => {
    const words = cellWords(run);
    const lead = words[0].text;
    const levelled = isLevelName(lead) || startsLevelName(lead) || endsLevelName(lead);
    return run.start < before && levelled && new Set(words.map((w) => columnOf(columns, w))).size > 1 ? words : [run];
  });
}

/**
 * The labels of a grid's header line: labels one space apart are columns each (a browser's print: `年度指标值 实际完成值
 * 分值 得分`, one run of the line), and a piece naming no column printed after a label it completes is that label's end
 * (`偏差原因分析及改进       措施`, where a PDF sets the label's last characters apart).
 */
function headerLabels(header: SourceLine): Cell[] {
  const labels: Cell[] = [];
  for (const label of runsOf(header.text).flatMap(headerRunLabels)) {
    const last = labels.at(-1);
    const role = last && roleOf(compact(last.text));
    if (last && role && roleOf(compact(label.text)) == null && roleOf(compact(last.text + label.text)) === role) {
      labels[labels.length - 1] = { text: last.text + label.text, start: last.start, end: label.end };
    } else labels.push(label);
  }
  return labels;
}

/**
 * The row with a 一级 and a 二级 name printed one space apart in one level column (a browser's narrow 一级 column
 * filled to its edge: `满意度指标 服务对象满意度指标`, one run of the line) parted into the two level columns, the
 * other of which it leaves empty.
 */
function partedLevelNames(columns: AlignedColumns, row: GridRow): GridRow {
  if (!/^一级/.test(compact(columns.labels[0]?.text ?? '')) || !/^二级/.test(compact(columns.labels[1]?.text ?? ''))) return row;
  const [level1, level2] = row.cells;
  const joined = level1 && level2 ? null : level1 || level2;
  const pair = joined?.match(/^(\S+) (\S+)$/);
  if (!pair || !isLevel1(pair[1]) || !isLevel2(pair[2])) return row;
  return { ...row, cells: [pair[1], pair[2], ...row.cells.slice(2)] };
}

/**
 * The grid's columns where the page beginning with `lines` prints them (a page after the header's is laid out apart,
 * by several characters): the level columns say where they stand by their national names (layout/page-frame.ts).
 */
export function onPage(columns: AlignedColumns, lines: readonly SourceLine[]): AlignedColumns {
  const level = (label: string) => (/^一级/.test(compact(label)) ? 1 : /^二级/.test(compact(label)) ? 2 : 0);
  const said = columns.labels.map((): number[] => []);
  for (const [k, line] of lines.entries()) {
    if (k > 0 && /^\f/.test(line.raw)) break;
    for (const w of wordCells(line.text)) {
      const named = isLevel1(w.text) && !isLevel2(w.text) ? 1 : isLevel2(w.text) && !isLevel1(w.text) ? 2 : 0;
      const i = named ? columns.labels.findIndex((c) => level(c.text) === named) : -1;
      if (i >= 0) said[i].push((w.start + w.end) / 2);
    }
  }
  // Each label as its centre: the page moves the centres, the labels keep their widths.
  const centres = columns.labels.map((c) => ({ start: (c.start + c.end) / 2, end: (c.start + c.end) / 2 }));
  const frame = pageFrame({ columns: centres }, { said });
  if (!frame || !('moves' in frame)) return columns;
  const [[onThePage]] = frame.moves;
  return columnsOf(columns.labels.map((c, i) => {
    const by = Math.round(onThePage[i].start - centres[i].start);
    return { ...c, start: c.start + by, end: c.end + by };
  }));
}

/**
 * The grid's columns with the 一级 and 二级 columns parted where the page's level names part them. A header centred in
 * its cells over names printed from the cells' left edge (a web page's table printed by a browser: `一级指标` centred
 * over a narrow column, `数量指标` at the left of the wide one beside it) parts the columns, halfway between the
 * labels, to the right of where the 二级 names begin: they fell in the 一级 column. Only where every 一级 name on the
 * page ends before every 二级 name begins, and the header's parting puts one of them in the other's column.
 */
function partedByLevels(columns: AlignedColumns, lines: readonly SourceLine[]): AlignedColumns {
  const [first, second] = columns.labels.map((c) => compact(c.text));
  if (!/^一级/.test(first ?? '') || !/^二级/.test(second ?? '')) return columns;
  const names1: Cell[] = [];
  const names2: Cell[] = [];
  for (const [k, line] of lines.entries()) {
    if (k > 0 && /^\f/.test(line.raw)) break;
    for (const w of wordCells(line.text)) {
      // An indicator may be named as a level is (福州's 三级 `服务对象满意度指标`): the names right of both columns are none of theirs.
      if (columnOf(columns, w) > 1) continue;
      if (isLevel1(w.text) && !isLevel2(w.text)) names1.push(w);
      else if (isLevel2(w.text) && !isLevel1(w.text)) names2.push(w);
    }
  }
  if (names1.length === 0 || names2.length === 0) return columns;
  const column = (w: Cell) => columnOf(columns, w);
  if (names1.every((w) => column(w) === 0) && names2.every((w) => column(w) === 1)) return columns;
  const parting = Math.min(...names2.map((w) => w.start));
  if (names1.some((w) => w.end > parting)) return columns;
  return { ...columns, starts: columns.starts.map((s, i) => (i === 1 ? parting : s)) };
}

/** The labels of an indicator grid's columns, whole. */
function isColumnLabel(text: string): boolean {
  return /^(?:[一二三]级指标|指标值)$/.test(compact(text));
}

/**
 * True when no level name stands in the other level's column (a 二级 name under 一级指标): the header's columns are
 * where the body prints them. A header printed in a larger font can stand several characters off its columns.
 */
export function holdsOwnLevels(grid: { body: readonly GridRow[] }): boolean {
  return grid.body.every(({ cells: [level1 = '', level2 = ''] }) => !(isLevel2(level1) && !isLevel1(level1)) && !(isLevel1(level2) && !isLevel2(level2)));
}

/**
 * A header whose labels wrap around the header's line: the header line with each wrapped label printed whole where
 * its pieces stand, and whether the line below held a piece of one. Either a narrow first column's label (福州's
 * `一级指` / `二级指标   三级指标   指标值` / `标`), its columns placed from the pieces' positions only (the reader checks
 * the body against them, holdsOwnLevels), or a header a PDF centres in cells three lines high, its middle line's
 * labels completed by the pieces over and under them (stacked-header.ts `centredHeaderCells`). Null when no label
 * wraps so.
 */
export function wrappedHeader(above: SourceLine | undefined, header: SourceLine, below: SourceLine | undefined): { header: SourceLine; usesBelow: boolean } | null {
  const lines = [above ?? { ...header, text: '' }, header, below ?? { ...header, text: '' }];
  const cells = stackedHeaderCells(lines, isColumnLabel);
  if (cells.length >= FEWEST_COLUMNS && cells.some((c) => c.rows.includes(0) && c.rows.length > 1)) return placed(header, cells);
  const centred = centredHeaderCells(above, header, below, roleOf);
  return centred && placed(header, centred.cells);
}

/**
 * True when a line is an indicator grid's header whose value label ends on the line under it (a header centred over
 * three lines, `年度` over `指标值` under it): read with the pieces over and under it, it names a value column.
 */
export function headsOverValue(above: SourceLine | undefined, header: SourceLine, below: SourceLine | undefined): boolean {
  // Asked of every line: the header names 指标, and the line under it ends the value's label.
  if (!below?.text.includes('值') || !header.text.includes('指标')) return false;
  const wrapped = wrappedHeader(above, header, below);
  return wrapped != null && wrapped.usesBelow && isIndicatorHeader(wrapped.header.text);
}

/**
 * A header centred over more lines than `wrappedHeader` reads, around line `at` of `lines` (stacked-header.ts
 * tallHeaderCells: 偏差 / 原因 / … / 施 two characters a line, 年度指 / 标值 over and under the line of one-line labels):
 * the header line printing each label whole where its pieces stand, and the indexes of the header's first and last
 * lines. Null where the lines print no such header, or it names no value column and no level's.
 */
export function tallHeader(lines: readonly SourceLine[], at: number): { header: SourceLine; first: number; last: number } | null {
  // Asked of every line: the line of one-line labels names a level's column.
  if (!lines[at].text.includes('级指标')) return null;
  const tall = tallHeaderCells(lines, at, (label) => roleOf(label) != null || isGridLabel(label));
  // The level labels stand whole on the line: level columns narrower than their labels wrap the rows' level names too,
  // a character a line side by side (`产   数` / `出   量`), which the text cannot part (a PDF's drawn cells can).
  const whole = (c: HeaderCell) => !['level1', 'level2'].includes(roleOf(c.text) ?? '') || c.rows.every((r) => r === at - tall!.first);
  if (!tall || !tall.cells.every(whole)) return null;
  const { header } = placed(lines[at], tall.cells);
  return isIndicatorHeader(header.text) ? { header, first: tall.first, last: tall.last } : null;
}

/** The header line printing each cell whole, centred where its pieces stand. */
function placed(header: SourceLine, cells: readonly HeaderCell[]): { header: SourceLine; usesBelow: boolean } {
  let text = '';
  for (const c of cells) {
    const at = Math.max(text.length + 2, Math.round(c.centre - c.text.length / 2));
    text = text.padEnd(at) + c.text;
  }
  return { header: { ...header, text }, usesBelow: cells.some((c) => c.rows.includes(2)) };
}

/**
 * True when every word of the line above an aligned header is the upper piece of a label stacked over two lines, the
 * header's word under it completing it to a column's label (a 绩效自评表's `年度` over `指标值`, `实际` over `完成值`):
 * the line is the header's, not a field of the form above it.
 */
export function overHeader(above: SourceLine | undefined, header: SourceLine): boolean {
  const words = above ? wordCells(above.text) : [];
  const labels = wordCells(header.text);
  return (
    words.length > 0 &&
    words.every((w) => {
      const under = labels.find((l) => Math.abs(l.start + l.end - w.start - w.end) / 2 <= 2 || l.start === w.start);
      return under != null && roleOf(`${w.text}${under.text}`) != null;
    })
  );
}
