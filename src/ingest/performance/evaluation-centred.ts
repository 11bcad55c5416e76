/**
 * A 评价指标体系及评分表 whose cells a PDF centres vertically in their rows (a web page's or Word table's default). The
 * header's labels are centred too: those of one line stand on its middle line (三级指标, 指标解释, 评分标准, 得分率),
 * those wrapped over two around it (`一级` over `指标`, `分` over `值`). A row's one-line cells (its 一级, 分值, 得分,
 * 得分率) stand on its middle line, and its wrapped cells (项目 / 立项, 立项依据充分 / 性) over and under it: each row is
 * the line printing its figures (closing it, or in their columns where a 评分标准 stands between 分值 and a closing
 * 得分) and the lines nearer to it than to the rows around it. The cells are left-aligned
 * under their centred labels, so a column begins where the label before it ends: every line of a cell starts at its
 * column's left edge, which lies between the label before's end and its own label's start. Each page's header says
 * where its columns are. A table whose cells stand at the top of their rows instead prints no line between its header
 * and its first row's figures: there each row is its figures' line and the lines under it. Every line stays printed.
 *
 * The PDF reader's text prints each line where its glyphs stand: a line halfway between two rows goes to the upper
 * while its cells lack their lower half (centred-groups.ts lacksLowerHalf). `pdftotext -layout` (its cells one space
 * apart, evaluation-spaced.ts finds its header) moves a row's pieces: its one-line cells stand on the row's middle
 * line or under it, with its 一级 often on the row's first line, and a wrapped name's last piece may be printed over
 * the others (`性` over `立项依据充分`). There a line opening with a 一级 name starts its row, a line halfway goes to
 * the row under it, and a wrapped name's shorter piece is its last. Pure.
 */
import type { SourceLine } from '../source-lines.ts';
import type { GridBlock } from '../layout/blocks.ts';
import { hasTabCells, runsOf, wordCells, type Cell } from '../layout/cells.ts';
import { isScoreTotalName } from '../../core/totals.ts';
import { lacksLowerHalf, type Span } from './centred-groups.ts';
import { BARE_NUMBER, stackedScoreHeader, type AlignedScoreSheet } from './evaluation-aligned.ts';
import { COLUMN_NAMES, figuresOf, NATIONAL_LEVEL1, readFiguresOnly } from './evaluation-spaced.ts';
import { evaluationLevels } from './evaluation-levels.ts';
import { LINE_OFF, openRows, placeLevelCells, spanningCells, type LevelVocabulary, type LinePiece, type UncertainRow } from './level-cells.ts';
import {
  leaveOpen, levelCells, sheetIndicators, summaryLevel1, TEXT_COLUMNS, withColumns, type ColumnCell, type ScoreSheet, type SheetRow, type TextColumn,
} from './evaluation-tables.ts';
import type { EvaluationScore } from '../../schema/performance.ts';
import { roleOfHeader, rolesOfLine, type ColumnRole } from './header-roles.ts';
import { labelTails, stackedHeaderCells, type HeaderCell } from './stacked-header.ts';
import { compact, joinWrapped } from './text.ts';
import { parseAmount } from '../numbers.ts';
import { ems } from '../sources/pdf/runs.ts';

/** A header centred over three lines: the labels of one line on the middle one. */
const HEADER_LINES = 3;

const isLabel = (text: string) => roleOfHeader(text) != null;

/**
 * The header's cells, left to right, where its first line prints only labels over the middle one (a label printed
 * whole, `一级`, or the upper piece of a wrapped one, `分`) and its last line only their ends (`指标` under `一级`,
 * `值` under `分`).
 */
function headerCells(lines: readonly SourceLine[]): HeaderCell[] | null {
  const cells = stackedHeaderCells(lines, isLabel);
  const on = (row: number) => cells.filter((c) => c.rows.includes(row));
  const top = on(0);
  if (top.length === 0 || top.length !== wordCells(lines[0].text).length || on(1).length === 0) return null;
  const ends = wordCells(lines[2].text).filter((w) => !on(2).some((c) => c.rows.length > 1 && Math.abs(c.centre - (w.start + w.end) / 2) <= 1));
  return ends.every((w) => top.some((c) => Math.abs(c.centre - (w.start + w.end) / 2) <= 1)) ? cells : null;
}

/** The roles of a header's columns, and where its figures stand. */
interface SheetColumns {
  roles: ColumnRole[];
  weight: number;
  score: number;
  /** 分值, 得分 and 得分率 close the header, so each row's line ends in its figures. */
  closing: boolean;
}

/**
 * The columns of the header's cells in order: the levels, 三级指标, 指标解释 and 评分标准 at most, then 分值, 得分 (指标解释
 * or 评分标准 between them at most) and 得分率 or 扣分原因 after it at most; null otherwise.
 */
function sheetColumns(cells: readonly HeaderCell[]): SheetColumns | null {
  const roles = cells.map((c) => roleOfHeader(c.text));
  const texts = cells.map((c) => c.text.replace(/\s/g, ''));
  const weight = roles.indexOf('weight');
  const score = texts.findIndex((t, k) => roles[k] === 'score' && t !== '得分率');
  if (!roles.includes('level1') || !roles.includes('name') || weight < 0 || score < weight) return null;
  const isText = (r: ColumnRole | null) => r === 'description' || r === 'rule';
  const ordered =
    roles.slice(0, weight).every((r) => r === 'level1' || r === 'level2' || r === 'name' || isText(r)) &&
    roles.slice(weight + 1, score).every(isText) &&
    texts.slice(score + 1).every((t, k) => t === '得分率' || roles[score + 1 + k] === 'deduction');
  if (!ordered) return null;
  return { roles: roles as ColumnRole[], weight, score, closing: texts.slice(weight).join('|') === '分值|得分|得分率' };
}

/**
 * A row's 分值 and 得分 on its line: the three figures closing it where the header closes with them (figuresOf), else
 * a number alone in each of the two columns.
 */
function rowFigures(line: SourceLine, starts: readonly number[], columns: SheetColumns, before = 0): { weight: number; score: number } | null {
  if (columns.closing) return figuresOf(line, before);
  const words = wordCells(line.text);
  const inColumn = (k: number) => words.filter((w) => starts.findLastIndex((s) => w.start >= s) === k);
  const [weight, score] = [inColumn(columns.weight), inColumn(columns.score)];
  if (weight.length !== 1 || score.length !== 1 || words.length < 2 + before) return null;
  const [w, sc] = [parseAmount(weight[0].text), parseAmount(score[0].text)];
  return BARE_NUMBER.test(weight[0].text) && BARE_NUMBER.test(score[0].text) && w != null && sc != null ? { weight: w, score: sc } : null;
}

/**
 * The number of lines of such a header opening at `at` (its first line holding the upper pieces of the wrapped
 * labels, `一级 二级 分 得`), in text whose characters stand where their glyphs do; null otherwise, and where the
 * narrow-column reader (evaluation-aligned.ts) reads the header.
 */
export function centredScoreHeader(lines: readonly SourceLine[], at: number): number | null {
  // Asked of every line of an evaluation report that no other header reader takes: the middle line's label first.
  const middle = lines[at + 1];
  if (!middle || !lines[at + 2] || !lines[at].text.includes('级') || !middle.text.includes('三级')) return null;
  if (!rolesOfLine(middle.text).has('name') || stackedScoreHeader(lines, at, true) != null) return null;
  const cells = headerCells(lines.slice(at, at + HEADER_LINES));
  return cells && sheetColumns(cells) ? HEADER_LINES : null;
}

/**
 * The number of lines of a header that `pdftotext -layout` prints with its labels in runs apart (`一级指 二级指标
 * 三级指标   分值   评分标准   得分`) and the ends of its wrapped labels on the lines under it (`标` under `一级指`),
 * where its 分值 and 得分 stand apart (a text column between them, or 扣分原因 after 得分): whatever the order of the
 * standard labels, each row's figures are then found by where they stand in the body (layoutGrid). A header closing with
 * 分值 得分 得分率 is spacedScoreHeader's. Null otherwise, and in text whose runs of spaces were made one (no place
 * is kept).
 */
export function layoutScoreHeader(lines: readonly SourceLine[], at: number): number | null {
  // Asked of every line of an evaluation report: the label first.
  const line = lines[at];
  if (!line.text.includes('得分') || hasTabCells(line) || runsOf(line.text).length < 3) return null;
  const count = 1 + labelTails(line, lines.slice(at + 1, at + 3), roleOfHeader);
  const cells = stackedHeaderCells(lines.slice(at, at + count), isLabel);
  if (cells.filter((c) => c.rows.includes(0)).length !== wordCells(line.text).length) return null;
  const columns = sheetColumns(cells);
  return columns && !columns.closing ? count : null;
}

/** Where each column begins (characters from the line's start): where the label before it ends. */
function columnStarts(cells: readonly HeaderCell[]): number[] {
  return cells.map((c, k) => (k === 0 ? -Infinity : cells[k - 1].centre + cells[k - 1].width / 2));
}

/** The text a score sheet is read from: the PDF reader's, or `pdftotext -layout`'s. */
export type Printed = 'positioned' | 'layout';

interface Row {
  anchor: number;
  weight: number;
  score: number | null;
  lines: SourceLine[];
}

/** A line of the table's body and where its page's header begins each column. */
interface BodyLine {
  line: SourceLine;
  starts: readonly number[];
  /** How many page breaks stand above it in the table. */
  page: number;
}

/**
 * Each line to the row whose figures' line is nearest. A line halfway between two goes to the upper row while that
 * row's lines lack their lower half, in `-layout` text to the lower; there a line opening with a 一级 name (`opens`)
 * starts the row under it, and so do the lines after it. The lines of `-layout` text placed halfway, with the rows
 * above and below them: which of the two such a line is, is the text's usual print, not certain.
 */
function placeLines(rows: Row[], loose: readonly SourceLine[], printed: Printed, opens: (line: SourceLine) => boolean): Array<{ line: number; rows: [Row, Row] }> {
  const halfway: Array<{ line: number; rows: [Row, Row] }> = [];
  let opened: Row | null = null;
  for (const line of loose) {
    const k = rows.findIndex((r) => r.anchor > line.no);
    const above = rows[(k < 0 ? rows.length : k) - 1];
    const below = k < 0 ? undefined : rows[k];
    if (printed === 'layout' && below && opens(line)) opened = below;
    const up = line.no - (above?.anchor ?? -Infinity);
    const down = (below?.anchor ?? Infinity) - line.no;
    let row: Row;
    if (opened && opened === below) row = below;
    else if (!above || down < up) row = below!;
    else if (!below || up < down) row = above;
    else {
      row = printed === 'layout' || !lacksLowerHalf(above.anchor, above.lines.map((l) => l.no)) ? below : above;
      if (printed === 'layout') halfway.push({ line: line.no, rows: [above, below] });
    }
    row.lines.push(line);
  }
  for (const r of rows) r.lines.sort((a, b) => a.no - b.no);
  return halfway;
}

/**
 * A wrapped name's pieces in reading order: as printed, and in `-layout` text with its shorter pieces last (every
 * line of a wrapped cell but its last is as wide as the column).
 */
function namePieces(pieces: readonly string[], printed: Printed): string[] {
  if (printed === 'positioned' || pieces.length < 2) return [...pieces];
  const widest = Math.max(...pieces.map((p) => p.length));
  return [...pieces.filter((p) => p.length === widest), ...pieces.filter((p) => p.length < widest)];
}

/** A row's cells: each word in the column it starts in, the pieces of a column joined in print order. */
function sheetRow(row: Row, { roles, closing }: SheetColumns, startsOf: ReadonlyMap<number, readonly number[]>, knownLevel1: readonly string[], printed: Printed): SheetRow {
  const pieces = new Map<ColumnRole, string[]>();
  for (const line of row.lines) {
    const words = wordCells(line.text);
    const starts = startsOf.get(line.no)!;
    // The figures closing the row's own line are read already.
    const own: Cell[] = closing && line.no === row.anchor ? words.slice(0, -3) : words;
    for (const w of own) {
      const role = roles[starts.findLastIndex((s) => w.start >= s)];
      if (role === 'weight' || role === 'score') continue;
      pieces.set(role, [...(pieces.get(role) ?? []), w.text]);
    }
  }
  const cell = (role: ColumnRole) => joinWrapped(pieces.get(role) ?? []);
  const name = (role: ColumnRole) => joinWrapped(namePieces(pieces.get(role) ?? [], printed));
  return {
    cells: {
      ...levelCells(cell('level1'), name('level2'), knownLevel1),
      name: name('name'),
      description: cell('description'),
      rule: cell('rule'),
      process: '',
      deduction: cell('deduction'),
    },
    weight: row.weight,
    score: row.score,
    first: row.lines[0].no,
    last: row.lines[row.lines.length - 1].no,
  };
}

/** What each line of the body prints in the `wanted` columns, a piece a line. */
function columnPieces<R extends ColumnRole>(body: readonly SourceLine[], roles: readonly ColumnRole[], startsOf: ReadonlyMap<number, readonly number[]>, wanted: readonly R[]): Record<R, LinePiece[]> {
  const pieces = Object.fromEntries(wanted.map((role) => [role, []])) as unknown as Record<R, LinePiece[]>;
  for (const line of body) {
    const starts = startsOf.get(line.no)!;
    const words = Map.groupBy(wordCells(line.text), (w) => roles[starts.findLastIndex((s) => w.start >= s)]);
    for (const role of wanted) {
      const text = joinWrapped((words.get(role) ?? []).map((w) => w.text));
      if (text) pieces[role].push({ text, line: line.no });
    }
  }
  return pieces;
}

/** How many lines from its figures' line `-layout` text may print a row's cell (the figures may stand a line off its middle). */
const NEAR = 2;

/** How many lines a page break counts for, between two rows' lines. */
const PAGE_GAP = 2 * NEAR + 1;

/** How much nearer (twice the lines) the cutting read must stand than any other. */
const MARGIN = 3;

/**
 * Whether a wrapped cell's line fills its column (the column's widest line): within half an em (a Latin letter or
 * digit), or an em short where the line-breaking rule moved its last character on with the punctuation that may
 * not open a line (`情` / `况。`).
 */
function fills(piece: LinePiece, next: LinePiece | undefined, width: number): boolean {
  const short = width - ems(piece.text);
  return short <= 0.5 || (short <= 1 && next != null && /^.[，。、；：！？）”’》」』]/.test(next.text));
}

/**
 * One column's cells in `-layout` text, one a row, where its pieces say which row each is: a row's cell is printed
 * in order on the lines around its middle (`anchors`, none more than NEAR lines off), centred on it, and every line of a
 * wrapped cell but its last fills the column (fills), so a shorter line ends its cell. Of the cuttings of the pieces
 * into the rows' cells that keep to that, the one whose cells stand nearest their middles (the sum of each
 * cell's middle's distance), each cell the pieces from `from` to before `to`; null where there is none, or another
 * stands within MARGIN as near. `line` is where a piece stands among the body's lines.
 */
function columnCells(pieces: readonly LinePiece[], anchors: readonly number[]): Array<{ from: number; to: number }> | null {
  const width = Math.max(...pieces.map((p) => ems(p.text)));
  const full = pieces.map((p, i) => fills(p, pieces[i + 1], width));
  const n = pieces.length;
  const rows = anchors.length;
  // For pieces i… cut into the cells of rows k…: the least distance and the next least of another cutting (twice
  // each, whole numbers), and where the first cell of the least ends.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(rows + 1).fill(Infinity));
  const next = Array.from({ length: n + 1 }, () => new Array<number>(rows + 1).fill(Infinity));
  const end = Array.from({ length: n + 1 }, () => new Array<number>(rows + 1).fill(-1));
  best[n][rows] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let k = rows - 1; k >= 0; k--) {
      if (pieces[i].line > anchors[k] + NEAR) continue;
      for (let j = i + 1; j <= n; j++) {
        if (pieces[j - 1].line >= anchors[k] - NEAR && best[j][k + 1] < Infinity) {
          const off = Math.abs(pieces[i].line + pieces[j - 1].line - 2 * anchors[k]);
          const [a, b] = [off + best[j][k + 1], off + next[j][k + 1]];
          if (a < best[i][k]) [next[i][k], best[i][k], end[i][k]] = [Math.min(best[i][k], b), a, j];
          else next[i][k] = Math.min(next[i][k], a);
        }
        if (!full[j - 1]) break;
      }
    }
  }
  if (best[0][0] === Infinity || next[0][0] - best[0][0] < MARGIN) return null;
  const cells: Array<{ from: number; to: number }> = [];
  for (let from = 0, k = 0; k < rows; k++) {
    cells.push({ from, to: end[from][k] });
    from = end[from][k];
  }
  return cells;
}

/**
 * Each row's 一级 and 二级 cells placed by their centring, as a target form's are: null where a cell stands over no
 * row (every level cell of a 评分表 holds indicators), or is joined of pieces into no name of the vocabulary (two
 * neighbouring cells' names may be such a cell's lines as well). Where the centring leaves a row uncertain, its cell
 * is left empty and listed (`unsure`) where each row's words are read from its own lines (the PDF reader's text, and
 * `-layout` text whose 分值 and 得分 stand apart); `-layout` text read by its figures (readFiguresOnly) reads such a
 * table by the lines its levels stand on instead (null). A cell a page break cuts is centred on its rows of its own
 * page (`pageOf`, centred-groups.ts). The PDF reader's text prints each row's figures on its middle line. `-layout`
 * text whose figures close each row prints them on the upper of the two lines its middle falls between, and so the
 * rest of that line: there a row's line stands half a line lower. Where its 分值 and 得分 stand apart it prints them on
 * any of a row's lines, and a row is measured from its first line to its last (`extents`, rowExtents).
 */
function mergedLevels(
  rows: readonly Row[],
  pieces: Record<'level1' | 'level2', LinePiece[]>,
  names: LevelVocabulary,
  printed: Printed,
  pageOf: ReadonlyMap<number, number>,
  extents?: { rows: Span[]; between: Span[] },
): { levels: Array<{ level1: string; level2: string }>; unsure: UncertainRow[] } | null {
  const anchors = rows.map((r) => r.anchor);
  const rowLines = new Set(anchors);
  const at = (line: number) => (printed === 'layout' && !extents && rowLines.has(line) ? line + 0.5 : line);
  const partial = printed === 'positioned' || extents != null;
  // Rows measured by their extents are still measured across a page break: so measured by page, the two orders of
  // placing cut.layout.txt's cells tie, and the rows either leaves open are three 二级 more, each read right before.
  const { placed, uncertain } = placeLevelCells(anchors, pieces, undefined, at, true, names, extents, extents ? undefined : (line) => pageOf.get(line) ?? 0);
  if (uncertain.length && !partial) return null;
  const levels = rows.map(() => ({ level1: '', level2: '' }));
  for (const { role, cell, rows: group } of placed) {
    if (group.length === 0 || (cell.pieces.length > 1 && !names.isName(cell.text))) return null;
    for (const k of group) if (!uncertain.some((u) => u.row === k && u.role === role)) levels[k][role] = cell.text;
  }
  return { levels, unsure: uncertain };
}

/**
 * The rows' extents in `-layout` text: each row from the first of its lines printing a word outside the level columns
 * (`ownLines`; a line printing only a level cell's piece is no row's) to the last, its figures' line among them; a
 * line placed halfway between two rows (placeLines) is the upper's or the lower's, which the centring tells (a line
 * printing a level cell's piece is its rows', level-cells.ts) or leaves uncertain.
 */
function rowExtents(rows: readonly Row[], halfway: ReadonlyArray<{ line: number }>, ownLines: ReadonlySet<number>): { rows: Span[]; between: Span[] } {
  const either = new Set(halfway.map((h) => h.line).filter((line) => ownLines.has(line)));
  return {
    rows: rows.map((row) => {
      const own = [row.anchor, ...row.lines.map((l) => l.no).filter((line) => ownLines.has(line) && !either.has(line))];
      return { first: Math.min(...own), last: Math.max(...own) };
    }),
    between: [...either].map((line) => ({ first: line, last: line, between: true })),
  };
}

/**
 * The first rows of the table's later pages that print no piece of a level column on their page at or above their
 * figures' line: a merged cell a page break cuts is printed on one page only (Chromium prints it at the top of its
 * first part), off the middle of its rows, so whether such a row is under it or under a cell printed below the row
 * the centring cannot see.
 */
function cutByPage(rows: readonly Row[], pieces: Record<'level1' | 'level2', LinePiece[]>, pageOf: ReadonlyMap<number, number>): number[] {
  return rows
    .filter((row, k) => k > 0 && pageOf.get(rows[k - 1].anchor) !== pageOf.get(row.anchor))
    .filter((row) => !printsAbove(row, pieces.level1, pageOf) || !printsAbove(row, pieces.level2, pageOf))
    .map((row) => row.anchor);
}

/** Whether a level column prints a piece on a row's page at or above the row's figures. */
function printsAbove(row: Row, pieces: readonly LinePiece[], pageOf: ReadonlyMap<number, number>): boolean {
  return pieces.some((p) => pageOf.get(p.line) === pageOf.get(row.anchor) && p.line <= row.anchor);
}

/**
 * The rows of a page that may be the merged cell's a page break cuts (its rows going on to the next page, whose first
 * row prints no piece of the column on its page at or above its figures, cutByPage) or the cell's above it: printed
 * on one page only, the cut cell stands off the middle of its rows (Chromium at the top of its first part), so the
 * rows of its group above the line it is printed on are under it only by a centring that does not hold for it (where
 * the cell stands off the middle of the rows it was given on that page: 过程 printed on 资金到位率's first line, given
 * 资金分配合理性 above it as well); and the rows of the next page above the first piece it prints in the column, each
 * of which may be the cut cell's or the next cell's.
 */
function cutCellRows(
  rows: readonly Row[],
  levels: ReadonlyArray<{ level1: string; level2: string }>,
  pieces: Record<'level1' | 'level2', LinePiece[]>,
  pageOf: ReadonlyMap<number, number>,
  names: LevelVocabulary,
): UncertainRow[] {
  const page = (row: Row) => pageOf.get(row.anchor);
  const anchors = new Set(rows.map((r) => r.anchor));
  return (['level1', 'level2'] as const).flatMap((role) => rows.flatMap((row, k) => {
    if (k === 0 || page(rows[k - 1]) === page(row) || printsAbove(row, pieces[role], pageOf)) return [];
    const last = rows[k - 1];
    const name = levels[k - 1][role];
    const onPage = pieces[role].filter((p) => pageOf.get(p.line) === page(last));
    const lines = name ? spanningCells(onPage, anchors, names).findLast((c) => c.text === name)?.lines : undefined;
    let first = k - 1;
    while (first > 0 && levels[first - 1][role] === name && page(rows[first - 1]) === page(last)) first--;
    const above = first > 0 ? levels[first - 1][role] : '';
    // A cell centred on the rows it was given on its page (within a line: a row is measured by its figures' line, not
    // its middle) is read as placed: uncut, or centred on its first part.
    const offMiddle = lines != null && Math.abs((rows[first].anchor + last.anchor) / 2 - (lines.first + lines.last) / 2) > LINE_OFF;
    const over = above && lines && offMiddle ? rows.slice(first, k).flatMap((r, i) => (r.anchor < lines.first ? [{ row: first + i, role, names: [above, name] as [string, string] }] : [])) : [];
    // The rows of this page above the first piece the column prints on it are the cut cell's, then the first cell
    // printed below them; the centring, thrown off by the cut cell, may give a row either (资金使用合规性 given 组织实施,
    // its 资金管理 printed on the page before), wherever the cut cell stands on its page. That cell is centred on its
    // rows: where they begin is told by the beginnings that centre it within a line of the nearest, and a row is read
    // as placed where each of those puts it where the centring did.
    const below = spanningCells(pieces[role].filter((p) => pageOf.get(p.line) === page(row) && p.line > row.anchor), anchors, names)[0];
    // How many rows of the page stand above the first piece the column prints on it.
    const bare = rows.slice(k).findIndex((r) => page(r) !== page(row) || printsAbove(r, pieces[role], pageOf));
    const end = rows.findLastIndex((r, j) => j > k && page(r) === page(row) && levels[j][role] === below?.text);
    if (!below || below.text === name || end < 0) return over;
    const off = (from: number) => Math.abs((rows[from].anchor + rows[end].anchor) / 2 - (below.lines.first + below.lines.last) / 2);
    // A cell whose rows go on to the next page may be cut as well, and is centred on none.
    const centred = end === rows.length - 1 || page(rows[end + 1]) === page(row);
    const starts = Array.from({ length: Math.min(bare < 0 ? rows.length - k : bare, end - k) + 1 }, (_, i) => k + i);
    const nearest = Math.min(...starts.map(off));
    const fit = centred ? starts.filter((s) => off(s) - nearest <= LINE_OFF) : starts;
    const cut = starts.slice(0, -1).flatMap((j) => {
      const placed = levels[j][role];
      const said = new Set(fit.map((s) => (j < s ? name : below.text)));
      return placed && (said.size > 1 || !said.has(placed)) ? [{ row: j, role, names: [name, below.text] as [string, string] }] : [];
    });
    return [...over, ...cut];
  }));
}

/**
 * The rows whose level cell the text does not say, whichever way the table is read: those the centring leaves
 * (mergedLevels) and those a page break may part from the merged cell the centring gave them (cutCellRows), unless
 * the vocabulary says which of the two cells is the row's (openRows), by the other column's cell only where that is
 * printed on the row's own lines (产出时效 beside 救助资金发放及时率, under 产出, not 效益): a page break throws the
 * centring of both columns off.
 */
function openLevels(
  rows: readonly Row[],
  merged: { levels: ReadonlyArray<{ level1: string; level2: string }>; unsure: readonly UncertainRow[] },
  pieces: Record<'level1' | 'level2', LinePiece[]>,
  pageOf: ReadonlyMap<number, number>,
  vocabulary: LevelVocabulary,
): UncertainRow[] {
  const anchors = new Set(rows.map((r) => r.anchor));
  const cells = { level1: spanningCells(pieces.level1, anchors, vocabulary), level2: spanningCells(pieces.level2, anchors, vocabulary) };
  // A row the centring leaves is placed under no cell.
  const placed = (row: number, role: 'level1' | 'level2') => merged.levels[row][role] || undefined;
  const printedOn = (row: number, role: 'level1' | 'level2') => {
    const own = new Set(rows[row].lines.map((l) => l.no));
    return cells[role].some((c) => c.text === placed(row, role) && c.pieces.some((p) => own.has(p.line))) ? placed(row, role) : undefined;
  };
  const open = openRows([...merged.unsure, ...cutCellRows(rows, merged.levels, pieces, pageOf, vocabulary)], placed, vocabulary.standsUnder, printedOn);
  // A row left between two 一级 is left between two 二级 as well where the one it was given stands under one of them
  // only (资金分配合理性, 决策's or the cut 过程's, given 资金管理): the other is the 二级 of the nearest row under the
  // 一级 it does not stand under.
  const level2s = open.flatMap(({ row, role, names }) => {
    const level2 = placed(row, 'level2');
    if (role !== 'level1' || !level2 || open.some((u) => u.row === row && u.role === 'level2')) return [];
    const other = names.find((n) => !vocabulary.standsUnder(n, level2));
    if (other == null) return [];
    const near = merged.levels.map((l, j) => ({ ...l, j })).filter((l) => l.level1 === other && l.level2).sort((a, b) => Math.abs(a.j - row) - Math.abs(b.j - row))[0];
    return near ? [{ row, role: 'level2' as const, names: (near.j < row ? [near.level2, level2] : [level2, near.level2]) as [string, string] }] : [];
  });
  return [...open, ...level2s];
}

/** The warning for a row a page break parts from the merged level cell above (cutByPage). */
const cutWarning = (line: number) => `评分表第 ${line} 行在新的一页上，其上没有本页的一级、二级指标单元格，跨页合并的单元格所跨的行按居中位置推定，请核对原文`;

/**
 * The cells of the text columns (`columns`) that `cut` leaves to the line-by-line reading and that print a piece on a
 * line placed halfway (placeLines): each such column of the two rows around the line, the first such line for each.
 */
function halfwayCells(
  halfway: ReadonlyArray<{ line: number; rows: readonly [Row, Row] }>,
  pieces: Partial<Record<TextColumn, readonly LinePiece[]>>,
  cut: Partial<Record<TextColumn, unknown>>,
): Array<{ row: Row; column: TextColumn; line: number }> {
  const out: Array<{ row: Row; column: TextColumn; line: number }> = [];
  for (const [column, own] of Object.entries(pieces) as Array<[TextColumn, readonly LinePiece[]]>) {
    if (cut[column]) continue;
    for (const { line, rows } of halfway) {
      if (!own.some((p) => p.line === line)) continue;
      for (const row of rows) if (!out.some((c) => c.row === row && c.column === column)) out.push({ row, column, line });
    }
  }
  return out.sort((a, b) => a.row.anchor - b.row.anchor);
}

/**
 * The text columns of a table in `-layout` text, each where its pieces say which row each is (columnCells): its
 * names by their rows' figures, the longer cells by the names' middles (a short name is centred on its row as its
 * figures are, and tells the row's middle better than the figures, which may stand a line or two off it).
 */
function textColumns(rows: readonly Row[], body: readonly SourceLine[], roles: readonly ColumnRole[], startsOf: ReadonlyMap<number, readonly number[]>, pageOf: ReadonlyMap<number, number>): Partial<Record<TextColumn, ColumnCell[]>> {
  // Where a line stands among the body's lines: a page's header printed again takes no room between two rows, and a
  // page break parts them further than a row's lines stand apart, so a cell is read across one only where its row is.
  const position = new Map(body.map((l, i) => [l.no, i + pageOf.get(l.no)! * PAGE_GAP]));
  const pieces = columnPieces(body, roles, startsOf, TEXT_COLUMNS);
  const placed = (role: TextColumn, middles: readonly number[]) => {
    const own = pieces[role];
    const cuts = own.length ? columnCells(own.map((p) => ({ text: p.text, line: position.get(p.line)! })), middles) : null;
    return cuts?.map(({ from, to }) => ({
      text: joinWrapped(own.slice(from, to).map((p) => p.text)),
      first: own[from].line,
      last: own[to - 1].line,
      middle: (position.get(own[from].line)! + position.get(own[to - 1].line)!) / 2,
    }));
  };
  const figures = rows.map((r) => position.get(r.anchor)!);
  const names = placed('name', figures);
  const middles = names?.map((c) => c.middle) ?? figures;
  const out: Partial<Record<TextColumn, ColumnCell[]>> = {};
  for (const role of TEXT_COLUMNS) {
    const cells = role === 'name' ? names : placed(role, middles);
    if (cells) out[role] = cells;
  }
  return out;
}

/**
 * The lines of the table's body, each with where its page's header begins the columns (the first page's where a
 * later one's header is read into other cells) and its page: no page furniture or blank line, nor the header a
 * later page prints again.
 */
function bodyLines(block: GridBlock): BodyLine[] {
  const headerOf = (from: number) => stackedHeaderCells(block.rows.slice(from, from + block.headerRows).map((r) => r.line), isLabel);
  const headerText = compact(block.rows[0].line.text);
  const first = headerOf(0);
  let starts = columnStarts(first);
  const out: BodyLine[] = [];
  let page = 0;
  for (let k = block.headerRows; k < block.notesFrom; k++) {
    const { line, cells, furniture } = block.rows[k];
    if (/^\f/.test(line.raw)) page++;
    if (furniture || !cells.length) continue;
    if (compact(line.text) === headerText) {
      const again = headerOf(k);
      if (again.map((c) => c.text).join() === first.map((c) => c.text).join()) starts = columnStarts(again);
      k += block.headerRows - 1;
      continue;
    }
    out.push({ line, starts, page });
  }
  return out;
}

/** How far from the others of its column `-layout` text may print a figure (a wide character). */
const SLACK = 2;

/** The characters a column's figures take, give or take SLACK. */
interface Band {
  from: number;
  to: number;
}

/**
 * The columns of `count` left-aligned cells whose words start at `starts`: cut at the widest gaps between the places,
 * each wider than a character (pdftotext moves a line's words a character or so) and wider than any gap left uncut.
 * The places where the columns after the first begin; null where the gaps do not say.
 */
function columnEdges(starts: readonly number[], count: number): number[] | null {
  if (count <= 1) return [];
  const at = [...new Set(starts)].sort((a, b) => a - b);
  const gaps = at.slice(1).map((start, i) => ({ width: start - at[i], start })).sort((a, b) => b.width - a.width);
  const cut = gaps.slice(0, count - 1);
  const narrowest = cut[cut.length - 1]?.width ?? 0;
  if (cut.length < count - 1 || narrowest < 2 || (gaps[count - 1]?.width ?? 0) >= narrowest) return null;
  return cut.map((g) => g.start).sort((a, b) => a - b);
}

/** A line's 分值 and 得分 in a `-layout` 评分表 whose 分值 and 得分 stand apart, where it prints them. */
interface LineFigures {
  weight: Cell | null;
  score: Cell | null;
}

/** Which columns of a 评分表 a word stands among: those before 分值, between 分值 and 得分, after 得分. */
type Region = 'left' | 'middle' | 'right';

/**
 * A `-layout` 评分表 whose 分值 and 得分 stand apart (layoutScoreHeader): where each line's columns begin, from the
 * body, since the labels are centred over their columns and pdftotext moves a line's words as its wide characters
 * fill it (one row's 评分标准 starting where another's 分值 stands). The lines printing two bare numbers mark the
 * 分值 and 得分 columns (the first and second, as the header orders them): a bare number within one of their bands is
 * that column's. A line's figures part its words: before its 分值 the columns before 分值, after its 得分 those after
 * 得分, between the two those between. A word of a line that lacks a figure stands where the words so parted do: at
 * most as far right as a word before a 分值 stands, or at least as far as one after it (likewise about 得分), one of
 * the two. Text cells are left-aligned, so the words of one region start at a few places, cut into the header's
 * columns at the widest gaps (columnEdges). Null where the figures, the places or the gaps do not say which column
 * a word is, or a line prints two figures in one column.
 */
function layoutGrid(body: readonly SourceLine[], { roles, weight, score }: SheetColumns): { startsOf: (line: SourceLine) => number[]; figures: (line: SourceLine) => LineFigures } | null {
  const numbers = (line: SourceLine) => wordCells(line.text).filter((w) => BARE_NUMBER.test(w.text));
  const pairs = body.map(numbers).filter((ns) => ns.length === 2);
  if (!pairs.length) return null;
  const band = (cells: readonly Cell[]): Band => ({ from: Math.min(...cells.map((c) => c.start)) - SLACK, to: Math.max(...cells.map((c) => c.end)) + SLACK });
  const [weights, scores] = [band(pairs.map((p) => p[0])), band(pairs.map((p) => p[1]))];
  if (weights.to >= scores.from) return null;
  const within = (w: Cell, b: Band) => w.start >= b.from && w.end <= b.to;
  if (body.some((line) => numbers(line).filter((c) => within(c, weights)).length > 1 || numbers(line).filter((c) => within(c, scores)).length > 1)) return null;
  const figures = (line: SourceLine): LineFigures => {
    const ns = numbers(line);
    return { weight: ns.find((w) => within(w, weights)) ?? null, score: ns.find((w) => within(w, scores)) ?? null };
  };
  const counts: Record<Region, number> = { left: weight, middle: score - weight - 1, right: roles.length - score - 1 };
  const lines = body.map((line) => {
    const { weight: w, score: s } = figures(line);
    return { line, w, s, words: wordCells(line.text).filter((c) => c.start !== w?.start && c.start !== s?.start) };
  });
  // Where the figures part the words.
  const parted = (w: Cell | null, s: Cell | null, c: Cell): Region | null =>
    w && c.start < w.start ? 'left'
    : s && c.start > s.start ? 'right'
    : w && (s || counts.right === 0) && c.start > w.start ? 'middle'
    : null;
  const seen: Record<Region, number[]> = { left: [], middle: [], right: [] };
  for (const { w, s, words } of lines) for (const c of words) {
    const region = parted(w, s, c);
    if (region) seen[region].push(c.start);
  }
  const [leftEnd, middleFrom] = [Math.max(...seen.left), Math.min(...seen.middle)];
  const [middleEnd, rightFrom] = [Math.max(...seen.middle), Math.min(...seen.right)];
  // A word no figure of its line parts: the side whose words stand where it does, if only one's.
  const placed = (w: Cell | null, s: Cell | null, c: Cell): Region | null => {
    const region = parted(w, s, c);
    if (region) return region;
    const sides = ([
      ['left', !w && c.start <= leftEnd],
      ['middle', (w ? c.start > w.start : c.start >= middleFrom) && (s ? c.start < s.start : counts.right === 0 || c.start <= middleEnd)],
      ['right', !s && c.start >= rightFrom],
    ] as const).filter(([, on]) => on);
    return sides.length === 1 ? sides[0][0] : null;
  };
  const regions = new Map<number, Region[]>();
  for (const { line, w, s, words } of lines) {
    const own = words.map((c) => placed(w, s, c));
    const order = own.map((r) => (r ? ['left', 'middle', 'right'].indexOf(r) : -1));
    if (order.some((k, i) => k < 0 || (i > 0 && k < order[i - 1]))) return null;
    if (own.some((r) => counts[r!] === 0)) return null;
    regions.set(line.no, own as Region[]);
  }
  const starts = (region: Region) => lines.flatMap(({ line, words }) => words.filter((_, i) => regions.get(line.no)![i] === region).map((c) => c.start));
  const edges = { left: columnEdges(starts('left'), counts.left), middle: columnEdges(starts('middle'), counts.middle), right: columnEdges(starts('right'), counts.right) };
  if (!edges.left || !edges.middle || !edges.right) return null;
  const byLine = new Map(lines.map((l) => [l.line.no, l]));
  const startsOf = (line: SourceLine) => {
    const { weight: fw, score: fs } = figures(line);
    const { w, s, words } = byLine.get(line.no) ?? { w: fw, s: fs, words: [] };
    const own = regions.get(line.no) ?? [];
    const firstOf = (region: Region) => words.find((_, i) => own[i] === region)?.start ?? Infinity;
    // A figure column the line leaves empty is no wider than nothing, at the next word.
    const middleAt = w ? w.end : Math.min(firstOf('middle'), firstOf('right'));
    const weightAt = w ? w.start : middleAt;
    const rightAt = s ? s.end : firstOf('right');
    const scoreAt = s ? s.start : rightAt;
    const within = (list: readonly number[], from: number, to: number) => list.map((e) => Math.min(Math.max(e, from), to));
    const part = (region: Region, from: number, to: number) => (counts[region] === 0 ? [] : [from, ...within(edges[region]!, from, to)]);
    return [...part('left', -Infinity, weightAt), weightAt, ...part('middle', middleAt, scoreAt), scoreAt, ...part('right', rightAt, Infinity)];
  };
  return { startsOf, figures };
}

/**
 * The pieces of a text column that `-layout` text prints apart from their lines: a cell's lines are left-aligned, so
 * each line's first word in the column starts at its left edge, give or take the characters pdftotext moves a line
 * by; a piece starting further right (past a gap wider than that among the column's starts) is the end of a line
 * printed on a line of its own (`；②审批文` under the rest of its line), where the order of the cell's pieces is lost.
 */
function strayPieces(body: readonly SourceLine[], roles: readonly ColumnRole[], startsOf: ReadonlyMap<number, readonly number[]>): Array<{ line: number; column: TextColumn }> {
  return TEXT_COLUMNS.flatMap((column) => {
    const firsts = body.flatMap((line) => {
      const starts = startsOf.get(line.no)!;
      const word = wordCells(line.text).find((c) => roles[starts.findLastIndex((s) => c.start >= s)] === column);
      return word ? [{ line: line.no, start: word.start }] : [];
    });
    const at = [...new Set(firsts.map((f) => f.start))].sort((a, b) => a - b);
    const gap = at.findIndex((start, i) => i > 0 && start - at[i - 1] > 2 * SLACK);
    return gap < 0 ? [] : firsts.filter((f) => f.start >= at[gap]).map((f) => ({ line: f.line, column }));
  });
}

/**
 * The rows of a `-layout` 评分表 whose 分值 and 得分 stand apart (layoutGrid): one a 分值, each line printing one its
 * row's figures' line. A row's 得分 may stand a line off its 分值 (the upper of the lines its 评分标准 wraps over): the
 * k-th 得分 is the k-th row's where there are as many as 分值 and each stands within NEAR lines of its own; otherwise
 * no row's 得分 is read, and the reader is told. More 得分 than 分值 say a row's 分值 was not printed apart (run into
 * the text before it): which lines are which row's is then unknown, and no row is read (null).
 */
function layoutRows(body: readonly SourceLine[], figures: (line: SourceLine) => LineFigures): { rows: Map<number, { weight: number; score: number | null; scoreLine: number }>; warning: string | null } | null {
  const weights = body.flatMap((line) => (figures(line).weight ? [{ line: line.no, value: parseAmount(figures(line).weight!.text)! }] : []));
  const scores = body.flatMap((line) => (figures(line).score ? [{ line: line.no, value: parseAmount(figures(line).score!.text)! }] : []));
  if (scores.length > weights.length) return null;
  const paired = weights.length === scores.length && weights.every((w, k) => Math.abs(w.line - scores[k].line) <= NEAR);
  const rows = new Map(weights.map((w, k) => [w.line, { weight: w.value, score: paired ? scores[k].value : null, scoreLine: paired ? scores[k].line : w.line }]));
  const warning = paired ? null : `评分表的分值与得分不能逐行对应（分值 ${weights.length} 个，得分 ${scores.length} 个），各行得分未能读出，原文逐行保留`;
  return { rows, warning };
}

/**
 * The rows of the table whose header (the block's header rows) centredScoreHeader found in the PDF reader's text, or
 * spacedScoreHeader in `pdftotext -layout`'s: one indicator a line printing its 分值 and 得分 (rowFigures), its levels, name,
 * 指标解释 and 评分标准 read from the lines around it by where each word starts; a 一级 or 二级 left empty is the one
 * above (a cell merged over rows, sheetIndicators). `summary`: the 评分汇总表's rows, whose 一级 names and weights
 * place the rows' 一级 where the table's text cannot (readFiguresOnly).
 */
export function readCentredScoreSheet(block: GridBlock, summary: readonly EvaluationScore[], printed: Printed): AlignedScoreSheet {
  const knownLevel1 = summaryLevel1(summary);
  const columns = sheetColumns(stackedHeaderCells(block.rows.slice(0, block.headerRows).map((r) => r.line), isLabel)) ?? { roles: [], weight: -1, score: -1, closing: true };
  const { roles } = columns;
  const level1Names = [...knownLevel1, ...NATIONAL_LEVEL1];
  const opens = (line: SourceLine) => {
    const first = wordCells(line.text)[0];
    return first != null && first.start <= 1 && level1Names.includes(first.text);
  };
  const rows: Row[] = [];
  let loose: SourceLine[] = [];
  const startsOf = new Map<number, readonly number[]>();
  let total: ScoreSheet['total'] = null;
  let last = block.rows[block.headerRows - 1].line.no;
  const body: SourceLine[] = [];
  const pageOf = new Map<number, number>();
  const lines = bodyLines(block);
  const isTotal = (line: SourceLine) => isScoreTotalName(wordCells(line.text)[0].text);
  const tableLines = lines.slice(0, (lines.findIndex((l) => isTotal(l.line)) + 1 || lines.length + 1) - 1).map((l) => l.line);
  // `-layout` text whose 分值 and 得分 stand apart: its columns from where its body prints its words (layoutGrid).
  const grid = printed === 'layout' && !columns.closing ? layoutGrid(tableLines, columns) : null;
  const laid = grid ? layoutRows(tableLines, grid.figures) : null;
  if (printed === 'layout' && !columns.closing && !laid) {
    return { indicators: [], total: null, last: lines[lines.length - 1]?.line.no ?? last, warnings: ['评分表的各列在文本中未能按表头分开（分值、得分或文字列的位置不一），未能读出，原文逐行保留'] };
  }
  const totalFigures = (line: SourceLine, starts: readonly number[]) => {
    if (!grid) return rowFigures(line, starts, columns, 1);
    const { weight, score } = grid.figures(line);
    return { weight: weight && parseAmount(weight.text), score: score && parseAmount(score.text) };
  };
  for (const { line, starts: printedStarts, page } of lines) {
    const starts = grid?.startsOf(line) ?? printedStarts;
    pageOf.set(line.no, page);
    last = line.no;
    startsOf.set(line.no, starts);
    if (isTotal(line)) {
      const figures = totalFigures(line, starts);
      total = { weight: figures?.weight ?? null, score: figures?.score ?? null, lines: { first: line.no, last: line.no } };
      break;
    }
    body.push(line);
    const figures = laid ? laid.rows.get(line.no) : rowFigures(line, starts, columns);
    if (figures) rows.push({ anchor: line.no, weight: figures.weight, score: figures.score, lines: [line] });
    else loose.push(line);
  }
  // A row's 得分 printed off its 分值's line: the lines from the one to the other are the row's.
  for (const row of laid ? rows : []) {
    const scoreLine = laid!.rows.get(row.anchor)!.scoreLine;
    const [from, to] = [Math.min(row.anchor, scoreLine), Math.max(row.anchor, scoreLine)];
    row.lines.push(...loose.filter((l) => l.no >= from && l.no <= to));
    loose = loose.filter((l) => l.no < from || l.no > to);
  }
  // A table whose cells stand at the top of their rows (each row's figures on its first line) prints no line between
  // its header and its first row's figures, and its 一级 cells on their first rows' lines only: there each row is its
  // figures' line and the lines under it. (`-layout` text may print a centred table's first row on its first line,
  // but not the 一级 cell merged over it and the rows under it, nor a row's 一级 over its figures' line.)
  const level1Lines = roles.includes('level1') ? columnPieces(body, roles, startsOf, ['level1']).level1.map((p) => p.line) : [];
  const topAligned = rows.length > 0 && !loose.some((l) => l.no < rows[0].anchor) &&
    (!roles.includes('level1') || (level1Lines.includes(rows[0].anchor) && level1Lines.every((l) => rows.some((r) => r.anchor === l))));
  if (topAligned) for (const line of loose) rows.findLast((r) => r.anchor < line.no)!.lines.push(line);
  const halfway = !topAligned && rows.length ? placeLines(rows, loose, printed, opens) : [];
  let read = rows.map((r) => sheetRow(r, columns, startsOf, knownLevel1, printed));
  // A level cell merged over rows is printed once, centred on the rows it spans (a row without a piece of its own in
  // a level column): the target forms' rule places such cells (level-cells.ts). A row whose cell it cannot tell keeps
  // its other cells, its level left open and named (leaveOpen); `-layout` text read by its figures is read by the lines
  // its levels stand on instead (readFiguresOnly). Where a cell stands over no row, the table is read by what is
  // certain, in `-layout` text each row's figures and 一级 by the line they stand on; in the PDF reader's, whose lines
  // part a row's figures from its words, none.
  const levels = (['level1', 'level2'] as const).filter((role) => roles.includes(role));
  // The level cells the centring leaves uncertain (mergedLevels), in the PDF reader's text or a `-layout` table whose
  // 分值 and 得分 stand apart.
  let unsure: UncertainRow[] = [];
  const lacksLevel = () => read.some((r, k) => levels.some((role) => !r.cells[role] && !unsure.some((u) => u.row === k && u.role === role)));
  const levelPieces = columnPieces(body, roles, startsOf, ['level1', 'level2']);
  const others = Object.values(columnPieces(body, roles, startsOf, roles.filter((role) => role !== 'level1' && role !== 'level2')));
  const extents = grid ? rowExtents(rows, halfway, new Set(others.flat().map((p) => p.line))) : undefined;
  const vocabulary = evaluationLevels(knownLevel1);
  const merged = rows.length > 0 && lacksLevel() ? mergedLevels(rows, levelPieces, vocabulary, printed, pageOf, extents) : null;
  const open = merged ? openLevels(rows, merged, levelPieces, pageOf, vocabulary) : [];
  // A row a page break parts from its cell is said to be placed by the centring where a level of it is.
  const guessed = (merged ? cutByPage(rows, levelPieces, pageOf) : []).filter((line) => {
    const k = rows.findIndex((r) => r.anchor === line);
    return levels.some((role) => !printsAbove(rows[k], levelPieces[role], pageOf) && !open.some((u) => u.row === k && u.role === role));
  });
  // `-layout` text prints a table's rows with their lines above and below the figures unevenly (资金到位率's four
  // lines over its figures, the next row's under them): which row a line is cannot be told from the line, and each
  // text column's cells are read where its pieces say which row each is (textColumns); a merged table's levels as
  // placed, or by the line they open.
  const cut = printed === 'layout' && rows.length && !topAligned ? textColumns(rows, body, roles, startsOf, pageOf) : {};
  if (printed === 'layout' && rows.length && lacksLevel() && !grid) {
    const sheet = readFiguresOnly(block, summary, merged ? { cells: merged.levels, open } : undefined, cut, topAligned);
    return { ...sheet, warnings: [...sheet.warnings, ...guessed.map(cutWarning)] };
  }
  if (printed === 'layout') read = read.map((r, k) => withColumns(r, k, cut));
  // 指标解释 and 评分标准 run over many lines, ending above or below their row's figures: a piece of such a column that
  // its pieces do not cut (textColumns), printed on a line halfway between two rows' figures, may be either row's, and
  // both rows' cells are left empty rather than one given the other's text. So do the 三级 names: a row's figures may
  // stand on the upper or the lower of the lines its name wraps over (layoutRows; 救助资金发放及时率's on the upper), and
  // a name's piece halfway may be either row's.
  const uncertain = printed === 'layout' ? halfwayCells(halfway, columnPieces(body, roles, startsOf, TEXT_COLUMNS), cut) : [];
  for (const { row, column } of uncertain) read[rows.indexOf(row)].cells[column] = '';
  const stray = grid ? strayPieces(body, roles, startsOf).flatMap(({ line, column }) => {
    const row = rows.find((r) => r.lines.some((l) => l.no === line));
    return row && !cut[column] ? [{ row, column, line }] : [];
  }) : [];
  for (const { row, column } of stray) read[rows.indexOf(row)].cells[column] = '';
  if (merged) read = read.map((r, k) => ({ ...r, cells: { ...r.cells, ...merged.levels[k] } }));
  unsure = open;
  // A table whose 分值 and 得分 stand apart keeps what its lines say of the other columns, as an unmerged one does;
  // its level cells merged over rows where they cannot be placed are no row's.
  const unplaced = grid != null && rows.length > 0 && lacksLevel();
  if (unplaced) read = read.map((r) => ({ ...r, cells: { ...r.cells, level1: '', level2: '' } }));
  if (!rows.length || (lacksLevel() && !unplaced)) {
    if (printed === 'layout') return readFiguresOnly(block, summary, undefined, {}, topAligned);
    return { indicators: [], total: null, last, warnings: ['评分表的一级、二级指标单元格跨行合并，未能确定各行所属的指标，原文逐行保留'] };
  }
  const { indicators, warnings: openWarnings } = leaveOpen(sheetIndicators(read), unsure, summary);
  const level1Read = indicators.every((ind) => ind.level1);
  const unreadLevels = level1Read ? '二级' : '一级、二级';
  const warnings = [
    ...(laid?.warning ? [laid.warning] : []),
    ...(unplaced ? [`评分表的${unreadLevels}指标单元格跨行合并，在文本中未能确定各行所属的${unreadLevels}指标，未能读出，原文逐行保留`] : []),
    ...guessed.map(cutWarning),
    ...openWarnings,
    ...uncertain.map(({ row, column, line }) => `评分表第 ${read[rows.indexOf(row)].first} 行指标的${COLUMN_NAMES[column]}未能读出：第 ${line} 行在两行的分值、得分之间正中，不能确定属于哪一行，原文逐行保留`),
    ...stray.map(({ row, column, line }) => `评分表第 ${read[rows.indexOf(row)].first} 行指标的${COLUMN_NAMES[column]}未能读出：第 ${line} 行的文字不在该列的左端，是文本拆开另印的一段，前后次序不能确定，原文逐行保留`),
    ...read.filter((r, k) => !r.cells.name && !uncertain.some((u) => u.row === rows[k] && u.column === 'name')).map((r) => `评分表第 ${r.first} 行的三级指标名称未能读出`),
  ];
  return { indicators, total, last, warnings };
}
