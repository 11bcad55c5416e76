/**
 * Header cells of a table whose narrow columns wrap their labels over two or three lines (长沙's 部门整体支出绩效目标表:
 * `单位编` over `码`, `一般公共` over `预算`, `指标值类` over `型`). `pdftotext -layout` prints each piece on its own
 * line at the column's position, between the pieces of the wider headers printed on one line. A piece that means
 * nothing alone is joined to the piece under it in the same column (aligned with it) when the two together name a
 * column, even when the lower piece names one alone (`预算`, `管理资金`); pieces that join nothing (labels over
 * groups of columns: 按收入性质分, 年度预算申请) are no cell.
 * Pure.
 */
import type { SourceLine } from '../source-lines.ts';
import { wordCells } from '../layout/cells.ts';
import { wrappedLabel } from '../tables/shared/wrapped-label.ts';

export interface HeaderCell {
  text: string;
  /** The cell's middle, in characters from the line's start (the widest of its pieces). */
  centre: number;
  /** How many characters its widest piece takes. */
  width: number;
  /** Indexes of the lines its pieces stand on. */
  rows: number[];
}

interface Word {
  text: string;
  row: number;
  start: number;
  end: number;
}

/** Lines under a wrapped label's first piece that may hold its other pieces (a wider label is printed between them). */
const STACK_REACH = 2;

function wordsOf(line: SourceLine, row: number): Word[] {
  return wordCells(line.text).map((w) => ({ ...w, row }));
}

/** How far apart the pieces of one wrapped label may stand: a centred or left-aligned cell prints them aligned. */
const ALIGNED = 2;

/** The lower piece continues the upper one: aligned on their middles or their starts. */
function continues(upper: Word, lower: Word): boolean {
  return Math.abs(upper.start + upper.end - lower.start - lower.end) / 2 <= ALIGNED || upper.start === lower.start;
}

/** A stack of pieces as one cell, where its widest piece stands. */
function cellOf(stack: readonly Word[]): HeaderCell {
  const widest = stack.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return { text: stack.map((p) => p.text).join(''), centre: (widest.start + widest.end) / 2, width: widest.end - widest.start, rows: stack.map((p) => p.row) };
}

/** A label is wrapped over two lines, rarely three. */
const MOST_PIECES = 3;

/**
 * The header's cells: every stack of pieces (top to bottom, each aligned with the one above, at most STACK_REACH
 * lines apart; only the lowest may name a column alone) that `names` accepts joined, and every other word that it
 * accepts alone. Shorter stacks are taken first: a longer chain through a wrapped label would borrow the label over
 * its group of columns printed above it.
 */
export function stackedHeaderCells(lines: readonly SourceLine[], names: (label: string) => boolean): HeaderCell[] {
  const byLine = lines.map(wordsOf);
  const words = byLine.flat();
  const used = new Set<Word>();
  const cells: HeaderCell[] = [];
  for (let size = 2; size <= MOST_PIECES; size++) {
    // The first free piece in the column of the one above; only the lowest piece may name a column alone.
    const next = (sofar: readonly Word[], line: readonly Word[]) => {
      const piece = line.find((v) => !used.has(v) && continues(sofar[sofar.length - 1], v));
      return piece && sofar.length < size - 1 && names(piece.text) ? null : piece;
    };
    for (const w of words) {
      if (used.has(w) || names(w.text)) continue;
      const stack = wrappedLabel(byLine, w.row, w, next, STACK_REACH, size);
      if (stack.pieces.length < size || !names(stack.text)) continue;
      for (const p of stack.pieces) used.add(p);
      cells.push(cellOf(stack.pieces));
    }
  }
  for (const w of words) if (!used.has(w) && names(w.text)) cells.push(cellOf([w]));
  return cells.sort((a, b) => a.centre - b.centre);
}

/**
 * The cells of a header line whose labels a PDF centres in cells three lines high (a 绩效自评表's `偏差原因分` /
 * `析及改进措` / `施` beside `一级指标` and `分值` printed once on the middle line, `年度` / `指标值` over two): each word of
 * the line a cell, one that names no column alone (`roleOf`) joined with the piece printed over it, the one under it,
 * or both, where together they name one. The piece under a word that has one over it is taken only where the word is
 * as wide as that piece (the label filled the line and goes on). Where a label goes on under the line, the header is
 * printed over three lines, and a label that names a column alone may end under it too (`实际` over `完成值`). A piece
 * under the line is taken only where every word of the line under is taken so: a line that prints anything else is
 * the table's first row. Null when no word of the line is joined.
 */
export function centredHeaderCells(
  above: SourceLine | undefined,
  line: SourceLine,
  below: SourceLine | undefined,
  roleOf: (label: string) => string | null,
): { cells: HeaderCell[]; usesBelow: boolean } | null {
  const own = wordsOf(line, 1);
  // A line whose every word names a column alone joins no piece: asked of every aligned form, it answers at once.
  if (own.every((w) => roleOf(w.text) != null)) return null;
  const over = above ? wordsOf(above, 0) : [];
  const under = below ? wordsOf(below, 2) : [];
  const width = (w: Word) => w.end - w.start;
  const roleOfStack = (stack: readonly Word[]) => roleOf(stack.map((p) => p.text).join(''));
  const stacks = (withUnder: boolean): Word[][] => {
    const read = own.map((w) => {
      if (roleOf(w.text) != null) return [w];
      const up = over.find((u) => continues(u, w));
      const down = withUnder ? under.find((d) => continues(w, d)) : undefined;
      const tries = [up && down && width(w) >= width(up) ? [up, w, down] : null, up ? [up, w] : null, down ? [w, down] : null];
      return tries.find((s) => s != null && roleOfStack(s) != null) ?? [w];
    });
    if (!read.some((s) => s.some((p) => p.row === 2))) return read;
    return read.map((s) => {
      const role = s.length === 1 ? roleOf(s[0].text) : null;
      const down = role != null ? under.find((d) => continues(s[0], d)) : undefined;
      return down && roleOfStack([s[0], down]) === role ? [s[0], down] : s;
    });
  };
  let read = stacks(true);
  const taken = new Set(read.flat());
  if (!under.every((d) => taken.has(d))) read = stacks(false);
  if (!read.some((s) => s.length > 1)) return null;
  return {
    cells: read.map(cellOf),
    usesBelow: read.some((s) => s.some((p) => p.row === 2)),
  };
}

/** The most lines over and under its line of one-line labels a centred header's pieces take, each way. */
const TALL_REACH = 3;

/**
 * A line that prints pieces of labels only: words of CJK characters no longer than the longest label
 * (`偏差`, `年度指`, `标值`, `一级指标`, `偏差原因分析及改进`).
 */
function printsPieces(line: SourceLine | undefined): boolean {
  return line != null && /\S/.test(line.text) && wordsOf(line, 0).every((w) => /^[\u4e00-\u9fff（()）]{1,11}$/.test(w.text));
}

/**
 * The lower piece goes on with the upper one: aligned (continues), or within its width where a PDF's text sets a
 * label's last line apart from the line over it (`偏差原因分析及改进` over `措施`, its characters placed by their own
 * widths).
 */
function goesOn(upper: Word, lower: Word): boolean {
  return continues(upper, lower) || (lower.start >= upper.start && lower.end <= upper.end);
}

/**
 * A header whose labels a PDF centres in cells several lines high (a browser's print of narrow columns): around line
 * `at` of `lines`, its one-line labels (一级指标 …), the lines over and under it that print pieces of labels only
 * (偏差 / 原因 / 分析 / 及改 / 进措 / 施 two characters a line, 年度指 / 标值 and 分 / 值 over two lines centred on it,
 * neither on its line), each column's pieces joined top to bottom where they stand aligned (tables/shared
 * wrapped-label.ts), each joined label one that `names` accepts. A line under `at` only goes on with labels begun
 * above it: a line of a level name alone there is the grid's first row. The cells and the indexes of the header's
 * first and last lines; null where no line around `at` prints pieces, or a label cannot be read whole.
 */
export function tallHeaderCells(lines: readonly SourceLine[], at: number, names: (label: string) => boolean): { cells: HeaderCell[]; first: number; last: number } | null {
  let first = at;
  while (first > 0 && at - first < TALL_REACH && printsPieces(lines[first - 1])) first--;
  let last = at;
  while (last + 1 < lines.length && last - at < TALL_REACH && printsPieces(lines[last + 1])) last++;
  if (first === at && last === at) return null;
  // Lines over the header that print short words of their own (a field's labels: 预期目标 | 实际完成情况) are no part of it.
  for (let top = first; top <= at; top++) {
    const cells = columnLabels(lines.slice(top, last + 1), at - top, names);
    if (cells) return { cells, first: top, last };
  }
  return null;
}

/** The labels of a header's lines, each column's pieces joined down it; null where one is no label or a line under `middle` begins one. */
function columnLabels(lines: readonly SourceLine[], middle: number, names: (label: string) => boolean): HeaderCell[] | null {
  const byLine = lines.map(wordsOf);
  const used = new Set<Word>();
  const next = (sofar: readonly Word[], line: readonly Word[]) => line.find((v) => !used.has(v) && goesOn(sofar[sofar.length - 1], v));
  const cells: HeaderCell[] = [];
  for (const w of byLine.flat()) {
    if (used.has(w)) continue;
    if (w.row > middle) return null;
    const stack = wrappedLabel(byLine, w.row, w, next, STACK_REACH);
    if (!names(stack.text)) return null;
    for (const p of stack.pieces) used.add(p);
    cells.push(cellOf(stack.pieces));
  }
  return cells.sort((a, b) => a.centre - b.centre);
}

/**
 * How many of `rest`'s first lines continue the header: lines of pieces that each complete a wrapped label of the
 * header above (`预算 金拨款 管理资金 型 单位` under `一般公共 政府性基 财政专户 … 指标值类 计量`).
 */
export function headerContinuation(header: readonly SourceLine[], rest: readonly SourceLine[], names: (label: string) => boolean): number {
  let n = 0;
  for (const line of rest) {
    const above = [...header, ...rest.slice(0, n)];
    const words = wordsOf(line, 0);
    if (words.length === 0) break;
    // Each word is a label alone or completes a label wrapped from above: one cell more per word. A line of whole
    // labels only is a header line of its own, not a continuation.
    const added = stackedHeaderCells([...above, line], names).length - stackedHeaderCells(above, names).length;
    if (added !== words.length || words.every((w) => names(w.text))) break;
    n++;
  }
  return n;
}

/**
 * How many of `rest`'s first lines print only the ends of the header line's wrapped labels (`指标` under `一级`, `标`
 * under `二级指`): each word in the column of a label of the line, the two joined naming the column the label names.
 * A label that names its column alone is no stack's start (stackedHeaderCells), so its end is known by its column.
 */
export function labelTails(header: SourceLine, rest: readonly SourceLine[], roleOf: (label: string) => string | null): number {
  const labels = wordsOf(header, 0).filter((l) => roleOf(l.text) != null);
  // A wrapped label's last piece is no wider than its first: a wider word under a label is a row's cell.
  const isTail = (w: Word) => labels.some((l) => continues(l, w) && w.end - w.start <= l.end - l.start && roleOf(l.text + w.text) === roleOf(l.text));
  let n = 0;
  for (const line of rest) {
    const words = wordsOf(line, 0);
    if (!words.length || !words.every(isTail)) break;
    n++;
  }
  return n;
}

/**
 * The cells of the header's own lines: lines whose every word is a label or a piece of one. A label over a group of
 * columns or a line of other text among them names no column.
 */
export function headerLineCells(lines: readonly SourceLine[], names: (label: string) => boolean): HeaderCell[] {
  const cells = stackedHeaderCells(lines, names);
  const covered = lines.map((l, row) => {
    const words = l.text.match(/\S+/g) ?? [];
    const inCells = cells.filter((c) => c.rows.includes(row)).length;
    return words.length > 0 && inCells === words.length;
  });
  return cells.filter((c) => c.rows.every((r) => covered[r]));
}
