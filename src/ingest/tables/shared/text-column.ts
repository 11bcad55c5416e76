import type { SourceLine } from '../../source-lines.ts';
import { isBlank } from '../../source-lines.ts';
import { alignedCells, wordsOf, type Cell } from '../../layout/cells.ts';
import { cellAmount, headerLabel, joinWrapped } from '../../layout/cell-text.ts';
import { textColumnKeyFor } from '../columns.ts';
import { isCompilerLine } from './region-text.ts';
import { statedUnit } from '../../../core/units.ts';
import { WHOLE_SOURCE } from '../../../core/amounts.ts';
import { foldFigures } from '../../../core/width.ts';
import { parseAmount, printedDecimals, printsPoint } from '../../numbers.ts';
import { bareNumber, isPageFurniture } from '../../page-furniture.ts';

/**
 * A table whose last column, right of its amounts, is prose (部门预算项目支出表's 绩效目标, a 项目概述): each project's
 * text is wrapped over many lines, set in the middle of its row's tall cell, so most of its lines print nothing else
 * and read as running text, and where it shares the amount line it may follow the last amount by one space or none
 * (`0.00准确掌握…`, PDF). `pdftotext -layout` and the PDF reader move the columns from page to page; the header,
 * repeated on every page, and the page's amounts say where the amount columns end there, and what stands right of
 * that is the text column's. Pure.
 */

/** The keys of text columns that hold prose wrapped over many lines, not a word or two. */
const PROSE_KEYS: ReadonlySet<string> = new Set(['performance-goal', 'project-summary']);

/** The text column a header cell labels, when it is one of prose. */
export function proseColumnKey(text: string): string | null {
  const key = textColumnKeyFor(headerLabel(text));
  return key !== null && PROSE_KEYS.has(key) ? key : null;
}

/** What every prose column's label holds (绩效目标, 项目概述, 主要内容, 项目简介). */
const PROSE_LABEL_HINT = /目标|概述|内容|简介/;
/** The cells of a line not read: it is no prose column's, and nothing is asked of its cells. */
const UNREAD: Cell[] = [{ text: '', start: 0, end: 0 }];

/**
 * An amount with decimals at the start of a cell, with what follows it. One space after it: decimals however many
 * (`808.277000 按期完成`). None: `0.00准确掌握` → `0.00`, as many decimals as the table's amounts print, narrower than
 * the amount grammar (core/amounts.ts) on purpose: digits may run on into the text (`0.002024年`), where only the count
 * of decimals tells where the amount ends (`12.345600目标` in a table of six decimals: `12.345600`, `目标`).
 */
function leadingAmount(decimals: number): RegExp {
  let pattern = LEADING_AMOUNTS.get(decimals);
  if (!pattern) {
    pattern = new RegExp(`^-?${WHOLE_SOURCE}(?:\\.\\d{2,}(?= \\S)|\\.\\d{${decimals}}(?=\\S))`);
    LEADING_AMOUNTS.set(decimals, pattern);
  }
  return pattern;
}
const LEADING_AMOUNTS = new Map<number, RegExp>();
/** The decimals a table prints where none of its amounts has shown them yet: two, as most tables print. */
const USUAL_DECIMALS = 2;

/**
 * Walks a table's lines top to bottom and tells which of their cells stand in the prose column: right of where the
 * page's header labels and amounts end. The edge is learnt again on every page (a form feed opens one) from its
 * header, printed again there; a header line whose last label names a prose column (绩效目标) says the table has one.
 */
export class ProseColumn {
  key: string | null = null;
  private edge: number | null = null;
  private rowOnPage = false;
  /** Where the page's rows (lines of two amounts or more) print their first amount: no row's name reaches past it. */
  private amountsFrom = Infinity;
  private decimals = USUAL_DECIMALS;
  private printsDecimals = false;

  /** The line's cells, cut where an amount runs into the text beside it, split into the left part and the prose. */
  read(line: SourceLine): { rest: Cell[]; prose: Cell[] } {
    if (line.raw.startsWith('\f')) {
      this.edge = null;
      this.rowOnPage = false;
      this.amountsFrom = Infinity;
    }
    if (isBlank(line)) return { rest: [], prose: [] };
    // Until a header names a prose column, a line that cannot name one is not cut into cells: the tables without one,
    // nearly all, cost a test a line. The edge is learnt from the label's line on, and again on every later page.
    if (this.key === null && !PROSE_LABEL_HINT.test(line.text)) return { rest: UNREAD, prose: [] };
    const t = line.text.trim();
    const whole = alignedCells(line.text);
    this.learnDecimals(whole);
    const cells = whole.flatMap((c) => cutLeadingAmount(c, this.decimals));
    if (isCompilerLine(t) || statedUnit(t)) return { rest: cells, prose: [] };
    const last = cells[cells.length - 1];
    const labelled = cells.length > 1 ? proseColumnKey(last.text) : null;
    if (labelled) {
      this.key = labelled;
      this.widen(cells.slice(0, -1));
      return { rest: cells.slice(0, -1), prose: [last] };
    }
    const edge = this.edge;
    if (this.key === null || edge === null) {
      this.widen(cells);
      return { rest: cells, prose: [] };
    }
    // Which cells are amounts, asked once a cell: where the rows' amounts begin and which cells are text both ask.
    const amount = cells.map((c) => this.isAmount(c));
    // A line of text alone (no page number) below a row of the page is the prose column's from where the rows'
    // amounts begin: a row's name is printed left of them. At a coarser character pitch than the PDF's the amounts
    // print in more columns than they cover, past where the text beside them starts (广州 水务局 2026 项目支出表,
    // `pdftotext -layout -fixed 6` L730–L731: the 绩效目标 text at 92 and 91, the rows' last amounts ending at 103).
    const first = amount.indexOf(true);
    if (first >= 0 && amount.indexOf(true, first + 1) >= 0) this.amountsFrom = Math.min(this.amountsFrom, cells[first].start);
    const from = first < 0 && !isPageFurniture(t) && bareNumber(t) === null ? Math.min(edge, this.amountsFrom) : edge;
    // The page's amounts end at the edge, right-aligned in their columns: whatever starts there is text, a number
    // opening a line of it (`110个，河涌抽查…`, cut from the word it runs into) too; but an amount standing on its own
    // is the amount columns', however far right it reaches past the labels (西安's 项目金额 is narrower than 55425.00),
    // unless it lacks the decimals the table's amounts print: a figure of the text justified into a cell of its own
    // (`水源保护区   12   户企业`), which would carry the edge past the text column.
    const prose = cells.filter((c, k) => c.start >= from && !(amount[k] && cells[k + 1]?.start !== c.end));
    // Above the page's first row, short words without punctuation are the header's labels wrapped down their
    // cells (财政专户拨款 as `财政专` / `户拨款`), which reach past the labels of the line naming the prose column.
    if (!this.rowOnPage && prose.every((c) => wordsOf(c.text).every((w) => w.length <= 6) && !/[，。；、：:]/.test(c.text))) {
      this.widen(cells);
      return { rest: cells, prose: [] };
    }
    const rest = cells.filter((c) => !prose.includes(c));
    if (rest.filter((c) => cellAmount(c.text) != null).length >= 2) this.rowOnPage = true;
    this.widen(rest);
    return { rest, prose };
  }

  /** The decimals of the amounts a line prints as cells of their own: what an amount glued to text prints too. */
  private learnDecimals(cells: readonly Cell[]): void {
    for (const c of cells) {
      const decimals = printsPoint(c.text) && parseAmount(c.text) != null ? printedDecimals(c.text) : 0;
      if (decimals > 0) {
        this.decimals = decimals;
        this.printsDecimals = true;
      }
    }
  }

  /** An amount cell, printing decimals where the table's amounts have shown any. */
  private isAmount(c: Cell): boolean {
    return cellAmount(c.text) != null && (!this.printsDecimals || printedDecimals(c.text) > 0);
  }

  private widen(cells: readonly Cell[]): void {
    for (const c of cells) this.edge = Math.max(this.edge ?? 0, c.end);
  }
}

/** `0.00准确掌握…` and `0.00 0.12亿元…`: the amount and the text after it, two cells. */
function cutLeadingAmount(c: Cell, decimals: number): Cell[] {
  // Read width-folded, one character for one (`０．００准确掌握…`); the cells keep the text as printed.
  const plain = foldFigures(c.text);
  const m = leadingAmount(decimals).exec(plain);
  if (!m || m[0].length === c.text.length) return [c];
  const rest = c.text.slice(m[0].length);
  const skip = rest.startsWith(' ') ? 1 : 0;
  // Only text runs on after an amount this way: a second amount one space on is a cell of its own already.
  const after = plain.slice(m[0].length + skip);
  if (/^\d/.test(after) && !/^\S*[^\d.,%]/.test(after)) return [c];
  return [
    { text: c.text.slice(0, m[0].length), start: c.start, end: c.start + m[0].length },
    { text: rest.slice(skip), start: c.start + m[0].length + skip, end: c.end },
  ];
}

/** A line with the cells at `cut` blanked out (spaces in their place), so that what is left keeps its columns. */
function blankedCells(line: SourceLine, cut: readonly Cell[]): SourceLine {
  let text = line.text;
  for (const c of cut) text = text.slice(0, c.start) + ' '.repeat(c.end - c.start) + text.slice(c.end);
  const raw = line.raw.startsWith('\f') ? `\f${text}` : text;
  return { ...line, text: text.trimEnd(), raw };
}

export interface ProseLines {
  /** The table's lines with the prose column blanked: what the amount reader reads. */
  lines: readonly SourceLine[];
  /** The prose column's text on each line that prints some, by line number. */
  prose: Map<number, string>;
  key: string | null;
}

/** A line's cells in the prose column, as a ProseColumn read them once it knew the column's key. */
export interface ProseCells {
  /** The line's index in the document's lines. */
  index: number;
  cells: Cell[];
}

/** `lines` with the prose cells `read` of a column labelled `key` taken out, as the region finder read them. */
export function proseTakenOut(lines: readonly SourceLine[], read: readonly ProseCells[], key: string | null): ProseLines {
  const prose = new Map<number, string>();
  // The document's lines are copied only for a table that has prose to take out.
  let out: SourceLine[] | null = null;
  for (const { index: i, cells } of read) {
    // As printed, a run of spaces inside it made one (a justified line, or a number cut from the word after it).
    const text = lines[i].text.slice(cells[0].start, cells[cells.length - 1].end).replace(/\s{2,}/g, ' ');
    // The label itself is the header's, not a row's text.
    if (cells.length === 1 && proseColumnKey(text) !== null) continue;
    prose.set(lines[i].no, text);
    out ??= [...lines];
    out[i] = blankedCells(lines[i], cells);
  }
  return { lines: out ?? lines, prose, key };
}

/**
 * The lines of a tall cell's pieces that belong to each row, a row being where it prints its amounts (`anchors`, in
 * print order). A cell's text is centred on its row's amounts, as many of its lines above the amount line as below
 * (the amount line itself may print one), so the pieces between two rows' amount lines are the upper row's lower half
 * and the lower row's upper half: the upper row takes as many as it had above, the lower the rest. Before the first
 * row, all are its; after the last, all are the last's.
 */
export function centredPieces(anchors: readonly number[], pieces: readonly number[]): number[][] {
  const sorted = [...pieces].sort((a, b) => a - b);
  const out: number[][] = [];
  let k = 0;
  let above: number[] = [];
  for (let r = 0; r < anchors.length; r++) {
    const at = anchors[r];
    const next = anchors[r + 1] ?? Infinity;
    while (k < sorted.length && sorted[k] < at) above.push(sorted[k++]);
    const own = [...above];
    if (k < sorted.length && sorted[k] === at) own.push(sorted[k++]);
    const between: number[] = [];
    while (k < sorted.length && sorted[k] < next) between.push(sorted[k++]);
    const below = next === Infinity ? between : between.slice(0, above.length);
    own.push(...below);
    above = between.slice(below.length);
    out.push(own);
  }
  return out;
}

/** A row as a tall cell's pieces are given to it: the line of its amounts, its lines, its name and text cells. */
export interface Anchored {
  at: number;
  lines: { first: number; last: number };
  name: string;
  texts: Record<string, string>;
}

/**
 * Gives each row its prose (the text lines around its amount line, centredPieces) under `key`, and, where its name
 * is wrapped in its cell above and below the amount line, the name's other pieces (`names`: the lines that print a
 * piece of name and no amount). Each row's `lines` grows to cover what it is given. Rows in print order.
 */
export function giveCentred(rows: readonly Anchored[], prose: ReadonlyMap<number, string>, key: string, names: ReadonlyMap<number, string>): void {
  const anchors = rows.map((r) => r.at);
  const texts = centredPieces(anchors, [...prose.keys()]);
  const named = centredPieces(anchors, [...names.keys()]);
  rows.forEach((row, r) => {
    if (texts[r].length > 0) row.texts[key] = joinWrapped(texts[r].map((n) => prose.get(n)!));
    const before = named[r].filter((n) => n < row.at).map((n) => names.get(n)!);
    const after = named[r].filter((n) => n > row.at).map((n) => names.get(n)!);
    row.name = [...before, row.name, ...after].join('');
    for (const n of [...texts[r], ...named[r]]) {
      row.lines.first = Math.min(row.lines.first, n);
      row.lines.last = Math.max(row.lines.last, n);
    }
  });
}
