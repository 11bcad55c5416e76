import { countUpTo } from '../../../core/pages.ts';
import { CHARACTER_SPACING_EM, isWide, type Run } from './runs.ts';
import type { PageLine } from './lines.ts';
import type { VerticalRule } from './rules.ts';
import { FIGURE_SOURCE } from '../../../core/amounts.ts';

/**
 * A page as text whose character columns follow x positions, the way `pdftotext -layout` prints it, so that the
 * table readers see the same thing from either source. One column is half the page's typical CJK glyph (the width
 * of a digit), so an amount takes exactly the columns it covers; where a line's cells need more (amounts set smaller
 * than the text) the page is widened there (columnMap). CJK text, one character per column, takes half its printed
 * width. Text is printed where it starts (names, paragraphs and their indents keep their left edge), except the
 * labels of a header line (several cells, no amounts), which are centred on their printed centre so that a label
 * stays over the amounts of its column (left-aligned, `财政拨款收入` would end where the next column's amounts begin),
 * a label heading a group of columns, which is printed where it starts (groupLabels), the rest of such a label on
 * the next line of its cell, printed within it (wrappedRests), and a label alone on its line over two header cells,
 * centred as a header line's labels are (pairLabels).
 */

/**
 * pdf.js starts a new item at a gap wider than 0.6 em, so two items are two cells (two spaces at least, the way
 * the aligned reader tells cells apart: `基本支出  项目支出` one narrow gap apart stay two labels), unless they touch:
 * a change of font inside a word (`2024` in one font, `年` in another) is no gap at all.
 */
const TOUCH_EM = 0.1;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Width of one text column in page units: half the median size of runs holding CJK, else of all runs. */
export function columnUnit(runs: readonly Run[]): number {
  const cjk = runs.filter((r) => [...r.text].some(isWide)).map((r) => r.size);
  const sizes = cjk.length > 0 ? cjk : runs.map((r) => r.size);
  return (sizes.length > 0 ? median(sizes) : 12) / 2;
}

/** The widest gap pdf.js keeps inside one item (as a single space), in em. */
const WORD_SPACE_EM = 0.6;

/**
 * A label set with spaces between its characters (`合  计`, `小  计`, `项  目`) is one label: single CJK characters
 * at most this far apart (in em) are printed one space apart, as `pdftotext` prints them.
 */
const LETTER_SPACED_EM = 1.5;

/** A run of two Chinese characters or more and nothing else (no punctuation: `部门：` leads its value). */
function isCjkLabel(r: Run): boolean {
  return /^[\u4e00-\u9fff]{2,}$/.test(r.text);
}

/**
 * Both single characters: a character a letter space past a run of several set close is not spaced as they are, but
 * the rest of another cell (西安 交通运输局 2022 表12, PDF page 68 row 26: `务`, the end of `C0901技术测试和分析服`
 * wrapped, 1.2 em past the name `…绩效考核项目` wrapped beside it).
 */
function isLetterSpaced(prev: Run, run: Run): boolean {
  return prev.text.length === 1 && run.text.length === 1 && isWide(prev.text) && isWide(run.text);
}

/** Characters a column set one a line must hold to be read as such. */
const STACK_LINES = 3;
/** Em between the baselines of two characters of one vertical label, at most. */
const STACK_PITCH_EM = 1.6;

function isLoneCharacter(r: Run): boolean {
  return r.text.length === 1 && isWide(r.text);
}

/**
 * The runs that are one character of a label set vertically, a character a line (a narrow header cell: `因 / 公 /
 * 出 / 国 / …`): a lone wide character with more of them below it at the same x, each the next thing printed in its
 * column and at most STACK_PITCH_EM under the one before (the lines of other cells may fall between them), through
 * STACK_LINES characters at least. Two such columns side by side stand a letter space apart and are two cells, not one
 * label set with spaces (`合  计`), which runs across a line, not down the page.
 */
function stackedRuns(lines: readonly PageLine[]): Set<Run> {
  const stacked = new Set<Run>();
  const seen = new Set<Run>();
  const below = (r: Run, from: number): [Run, number] | null => {
    const middle = (r.x0 + r.x1) / 2;
    const reach = r.baseline + STACK_PITCH_EM * r.size;
    // Lines run down the page: past the reach of the next character nothing further is looked at.
    for (let k = from; k < lines.length && lines[k].top <= reach; k++) {
      const o = lines[k].runs.find((c) => c.x0 < r.x1 && c.x1 > r.x0);
      if (!o) continue;
      const aligned = isLoneCharacter(o) && Math.abs((o.x0 + o.x1) / 2 - middle) < Math.max(r.size, o.size) / 2;
      return aligned && o.baseline - r.baseline <= STACK_PITCH_EM * Math.max(r.size, o.size) ? [o, k] : null;
    }
    return null;
  };
  lines.forEach((line, i) => {
    for (const run of line.runs) {
      if (!isLoneCharacter(run) || seen.has(run)) continue;
      const chain = [run];
      for (let next = below(run, i + 1); next; next = below(next[0], next[1] + 1)) chain.push(next[0]);
      for (const r of chain) seen.add(r);
      if (chain.length >= STACK_LINES) for (const r of chain) stacked.add(r);
    }
  });
  return stacked;
}

/** Em by which the gaps of a line set with character spacing may differ: the same tracking, rounded. */
const TRACKING_SLACK_EM = 0.03;
/** Gaps a run of characters must show alike before it is taken for character spacing rather than chance. */
const TRACKED_GAPS = 3;

/**
 * The runs that go on a line set with character spacing across pdf.js items, printed with no space before them. A
 * producer that starts an item at each change of font (cairo sets digits amid Chinese in fonts of their own: `2 0 2 6`
 * `年 本 部 门 收 入 预 算` `3 0 0 , 1 8 5 . 1 9`, each glyph 0.12 em from the next, 广州 水务 2026 p. 71 printed again
 * by `pdftocairo -pdf`), or a glyph an item, leaves the tracking between items too, which one item's reading
 * (runs.ts) cannot see. A stretch of single characters whose gaps, inside items and between them, are all one gap
 * (within TRACKING_SLACK_EM) under CHARACTER_SPACING_EM, TRACKED_GAPS of them at least and Chinese among them, is
 * one line of words, as `pdftotext` takes a line's even spacing for character spacing. A page number (`- 1 -`) has no
 * Chinese; cells stand farther apart.
 */
function trackedRuns(line: PageLine): Run[] {
  const out: Run[] = [];
  const { runs } = line;
  const isChar = (r: Run) => [...r.text].length === 1;
  let start = 0;
  let reference = NaN;
  const close = (end: number) => {
    const stretch = runs.slice(start, end);
    if (end - start > TRACKED_GAPS && stretch.some((r) => isWide(r.text))) out.push(...stretch.slice(1));
  };
  for (let k = 1; k <= runs.length; k++) {
    const run = runs[k];
    const prev = runs[k - 1];
    const gap = run && (run.gapBefore ?? (run.x0 - prev.x1) / Math.max(prev.size, run.size));
    const linked = run !== undefined && isChar(run) && isChar(prev) && gap < CHARACTER_SPACING_EM;
    if (linked && k === start + 1) reference = gap;
    if (linked && Math.abs(gap - reference) <= TRACKING_SLACK_EM) continue;
    close(k);
    // Another gap between two characters starts a stretch of its own at the first of them.
    start = linked ? k - 1 : k;
    reference = gap;
  }
  return out;
}

/** What the spaces between a page's runs depend on beyond the two runs: see stackedRuns and trackedRuns. */
interface RunMarks {
  stacked: ReadonlySet<Run>;
  tracked: ReadonlySet<Run>;
}

/** Points: a cell border drawn this far inside a run's edge still stands between the run and the next. */
const BORDER_EDGE = 1;

/** True when a vertical rule of the page is drawn between the two runs, across the line: they are two cells. */
function borderBetween(prev: Run, run: Run, vertical: readonly VerticalRule[]): boolean {
  const middle = (prev.baseline + run.baseline) / 2 - (0.35 * (prev.size + run.size)) / 2;
  return vertical.some((r) => r.x >= prev.x1 - BORDER_EDGE && r.x <= run.x0 + BORDER_EDGE && r.y0 <= middle && r.y1 >= middle);
}

/**
 * The fewest spaces between a run and the text before it on the line: none where they touch, one for a word space,
 * two between cells, which x may widen. Two runs with a cell border drawn between them are two cells however close
 * they stand (北京's narrow 二级 and 三级 columns: `服务对象满意度` and `设备设施使用人` half an em apart; 长沙's header
 * `一级指标 二级指标`, one pdf.js item with a word space).
 */
function fewestSpaces(prev: Run, run: Run, vertical: readonly VerticalRule[], { stacked, tracked }: RunMarks): 0 | 1 | 2 {
  if (borderBetween(prev, run, vertical)) return 2;
  // A character of a vertical label is a cell of its own, even one word space from its neighbour in one pdf.js item.
  if ((stacked.has(prev) || stacked.has(run)) && run.x0 - prev.x1 >= TOUCH_EM * Math.max(prev.size, run.size)) return 2;
  if (tracked.has(run)) return 0;
  // Within one pdf.js item the gap is under 0.6 em: a word space (`1. 一般公共预算`, `预算01表 收支总表`), or none
  // where the item is set with character spacing (runs.ts).
  if (run.gapBefore !== null) return run.characterSpaced ? 0 : 1;
  const gap = (run.x0 - prev.x1) / Math.max(prev.size, run.size);
  if (gap < TOUCH_EM) return 0;
  // Chinese sets no spaces between words: two labels of several characters each, two pdf.js items apart, are two
  // cells however close (西安 支出总表, PDF page 31: 事业单位经 and 对附属单位 0.44 em apart, each wrapped onto its
  // own rest below: 营收入, 上缴收入).
  if (isCjkLabel(prev) && isCjkLabel(run)) return 2;
  // pdf.js also ends an item where the font changes (`表` then `1`): a gap it would have kept inside one item is a
  // word space here too.
  if (gap <= WORD_SPACE_EM || (gap <= LETTER_SPACED_EM && isLetterSpaced(prev, run))) return 1;
  return 2;
}

/** Spaces between a run and the text before it, given where the run would start by its position. */
function separator(prev: Run, run: Run, column: number, end: number, vertical: readonly VerticalRule[], marks: RunMarks): number {
  const fewest = fewestSpaces(prev, run, vertical, marks);
  return fewest < 2 ? fewest : Math.max(2, column - end);
}

/**
 * Where each x of the page is printed, in columns: x in units of the column, stretched where the cells of a line would
 * not fit between their edges. A cell takes a column a character, a CJK one half its printed width but an amount set
 * smaller than the page's text more than its own (西安's 三公 table, PDF page 78: 9 pt labels, 6 pt amounts, `346.73`
 * 18 pt wide and 27 pt as text); pushed right past its neighbour on its line only, each amount of a row would drift
 * further from the labels over it, column by column. The page is stretched instead, at the right edge of the cell
 * that needs it, every line alike, so that what stands over what on the page stands over it in the text, as
 * `pdftotext -layout` widens a line for its blocks. Only lines of two cells or more ask for room: a line of one cell
 * (a paragraph, a title) runs on as far as it needs. The glyphs' own x (laidOutLine's xs) are left as they are.
 */
function columnMap(
  lines: readonly PageLine[],
  left: number,
  unit: number,
  vertical: readonly VerticalRule[],
  marks: RunMarks,
): (x: number) => number {
  // [from, to, columns]: the columns the stretch of the page between from and to must give at the least: a run its
  // text, the gap between two cells two spaces. A word space inside a cell asks for none: the words after it follow
  // the ones before, wherever their x would put them.
  const needs: Array<[number, number, number]> = [];
  for (const line of lines) {
    const cellGaps = line.runs.flatMap((run, k) => (k > 0 && fewestSpaces(line.runs[k - 1], run, vertical, marks) === 2 ? [k] : []));
    if (cellGaps.length === 0) continue;
    for (const run of line.runs) needs.push([run.x0, run.x1, run.text.length]);
    for (const k of cellGaps) needs.push([line.runs[k - 1].x1, line.runs[k].x0, 2]);
  }
  // Stretch put at the right end of each span that needs it, spans taken by their right ends: the least stretch that
  // gives every span its room (a later span reaches at least as far right, so it holds the most of it there). It is
  // whole columns, a shortfall under half a column none (the separator's spaces take it up on its line), so that
  // what needs no room keeps the columns it has without: a header repeated on the next page prints alike there.
  const at: number[] = [];
  const total: number[] = [0];
  // The stretch at or before x; stretch is put at ascending x.
  const before = (x: number) => total[countUpTo(at, x)];
  for (const [from, to, columns] of needs.sort((a, b) => a[1] - b[1])) {
    const short = Math.round(columns - ((to - from) / unit + total[at.length] - before(from)));
    if (short <= 0) continue;
    at.push(to);
    total.push(total[at.length - 1] + short);
  }
  return (x) => (x - left) / unit + before(x);
}

const AMOUNT = new RegExp(`^[-(（]?(?:${FIGURE_SOURCE}|\\.\\d+)[)）%]?$`);

/** A line of several cells and no amounts: a table's header (or a line of prose that pdf.js split into items). */
function isHeaderLine(line: PageLine): boolean {
  return line.runs.length > 1 && !line.runs.some((r) => AMOUNT.test(r.text));
}

/**
 * Printed lines a header holds at most (西安's 三公 header, its labels set a character a line at several heights,
 * holds 18): the look below a label stops there, so that a page of many short pieces and no amounts costs lines × this.
 */
const HEADER_LINES = 40;

/**
 * The labels of header lines that head a group of columns: below such a label, before the first line of amounts
 * and before anything wider than it, stand two labels or more side by side, each within its printed extent (half
 * an em of slack). Squeezed to half its width and centred, a group label would no longer stand over its first
 * column (`一般公共预算拨款安排的“三公”经费预算` over `小计  因公出国（境）费用  公务接待费 …`), so it is printed
 * where it starts, as `pdftotext -layout` prints it, and the header reader sees it over the columns it heads. A line
 * of prose that pdf.js splits into several items meets the same test over the lines under it, and is printed where it
 * starts as well: its indent, which tells where a paragraph begins, is then the printed one.
 */
function groupLabels(lines: readonly PageLine[]): Set<Run> {
  const groups = new Set<Run>();
  const printsAmounts = lines.map((line) => line.runs.some((r) => AMOUNT.test(r.text)));
  lines.forEach((line, i) => {
    if (!isHeaderLine(line)) return;
    for (const run of line.runs) {
      const slack = run.size / 2;
      let firstEnd = Infinity;
      let lastStart = -Infinity;
      below: for (let k = i + 1; k < Math.min(lines.length, i + 1 + HEADER_LINES) && !printsAmounts[k]; k++) {
        for (const o of lines[k].runs) {
          if (o.x1 <= run.x0 || o.x0 >= run.x1) continue;
          // A label below reaching past this one's edges lies in a wider cell: this label's cell has ended.
          if (o.x0 < run.x0 - slack || o.x1 > run.x1 + slack) break below;
          firstEnd = Math.min(firstEnd, o.x1);
          lastStart = Math.max(lastStart, o.x0);
        }
      }
      if (firstEnd <= lastStart) groups.add(run);
    }
  });
  return groups;
}

/**
 * Labels printed alone on their line over the gap between two labels of a header line below, reaching into both and
 * past neither (长沙 收入总体情况表, PDF page 13: 本级财政拨款 over 金额 and 其中:经费拨款): the heading of a block of
 * two columns, centred over it. Alone on its line it is no header line's label, yet it is centred as they are:
 * printed where it starts, it would stand over the second column only. The two are two cells, not words of a line
 * of prose that pdf.js split (北京 预算 target form, PDF page 63: 年度目标 over `…给予补贴` `，扶持…`, a word space
 * apart); a line of prose of its own reaches past the labels under it.
 */
function pairLabels(lines: readonly PageLine[], vertical: readonly VerticalRule[], marks: RunMarks): Set<Run> {
  const pairs = new Set<Run>();
  const printsAmounts = lines.map((line) => line.runs.some((r) => AMOUNT.test(r.text)));
  lines.forEach((line, i) => {
    const [run] = line.runs;
    if (line.runs.length !== 1 || printsAmounts[i]) return;
    for (let k = i + 1; k < Math.min(lines.length, i + 1 + HEADER_LINES) && !printsAmounts[k]; k++) {
      const under = lines[k].runs.filter((o) => o.x0 < run.x1 && o.x1 > run.x0);
      if (under.length === 0) continue;
      const [a, b] = under;
      const apart = under.length === 2 && fewestSpaces(a, b, vertical, marks) === 2;
      if (apart && isHeaderLine(lines[k]) && a.x0 < run.x0 && b.x1 > run.x1) pairs.add(run);
      return;
    }
  });
  return pairs;
}

/**
 * The rest of a group label wrapped onto the next line of its cell (`一般公共预算拨款安排的“三` / `公”经费预算`): the one
 * label under it on the next printed line, at most STACK_PITCH_EM below, within its printed extent (half an em of
 * slack), with nothing else of that line under the label (two labels side by side under it are its columns). Each
 * rest maps to the label it goes on from; a rest may go on in turn.
 */
function wrappedRests(lines: readonly PageLine[], groups: ReadonlySet<Run>): Map<Run, Run> {
  const rests = new Map<Run, Run>();
  lines.forEach((line, i) => {
    for (const run of line.runs) {
      if (!groups.has(run) && !rests.has(run)) continue;
      const slack = run.size / 2;
      const next = lines.slice(i + 1, i + 1 + HEADER_LINES).find((l) => l.runs.some((o) => o.x0 < run.x1 && o.x1 > run.x0));
      const under = next?.runs.filter((o) => o.x0 < run.x1 && o.x1 > run.x0) ?? [];
      if (under.length !== 1) continue;
      const [rest] = under;
      const within = rest.x0 >= run.x0 - slack && rest.x1 <= run.x1 + slack;
      if (within && rest.baseline - run.baseline <= STACK_PITCH_EM * Math.max(run.size, rest.size)) rests.set(rest, run);
    }
  });
  return rests;
}

/** How a page's header labels are placed beyond their line: see groupLabels, wrappedRests and pairLabels. */
interface HeaderPlaces {
  groups: ReadonlySet<Run>;
  rests: ReadonlyMap<Run, Run>;
  pairs: ReadonlySet<Run>;
  /** The column each run was printed at, for the rests below it. */
  placed: Map<Run, number>;
}

export function layoutLine(line: PageLine, left: number, unit: number, vertical: readonly VerticalRule[] = []): string {
  const places = { groups: new Set<Run>(), rests: new Map<Run, Run>(), pairs: new Set<Run>(), placed: new Map<Run, number>() };
  return laidOutLine(line, (x) => (x - left) / unit, vertical, { stacked: new Set(), tracked: new Set(trackedRuns(line)) }, places).text;
}

/**
 * The line as text, and where each of its characters is printed: the x its glyph begins at (a run's width shared
 * out by the characters' ems), NaN for the spaces that place the runs. A narrow drawn cell wraps its label a
 * character a line, at columns the text cannot tell from its neighbours' (performance/drawn-header.ts); the x can.
 */
function laidOutLine(
  line: PageLine,
  columnOf: (x: number) => number,
  vertical: readonly VerticalRule[],
  marks: RunMarks,
  { groups, rests, pairs, placed }: HeaderPlaces,
): { text: string; xs: number[] } {
  const header = isHeaderLine(line);
  let text = '';
  const xs: number[] = [];
  let prev: Run | null = null;
  for (const run of line.runs) {
    const from = rests.get(run);
    const at = from && placed.has(from)
      ? restColumn(run, from, placed.get(from)!)
      : (header || pairs.has(run)) && !groups.has(run) ? columnOf((run.x0 + run.x1) / 2) - run.text.length / 2 : columnOf(run.x0);
    const column = Math.max(0, Math.round(at));
    placed.set(run, column);
    const pad = prev ? separator(prev, run, column, text.length, vertical, marks) : column;
    text += ' '.repeat(pad) + run.text;
    xs.push(...Array<number>(pad).fill(NaN), ...glyphStarts(run));
    prev = run;
  }
  return { text, xs };
}

/**
 * Where the rest of a wrapped label is printed: within the label's text, at the share of its printed extent its centre
 * stands at, as `pdftotext -layout` sets the lines of one cell into the columns of its widest line. Printed where it
 * starts, the rest of a label that is itself printed where it starts (a group label, shorter as text than on the page)
 * would stand past the label's text, over the next column.
 */
function restColumn(rest: Run, label: Run, column: number): number {
  const share = ((rest.x0 + rest.x1) / 2 - label.x0) / (label.x1 - label.x0);
  const at = column + share * label.text.length - rest.text.length / 2;
  return Math.max(column, Math.min(at, column + label.text.length - rest.text.length));
}

/** Where a run's characters begin, its width shared out by their ems (CJK one, Latin letters and digits a half). */
function glyphStarts(run: Run): number[] {
  const chars = [...run.text];
  const widths = chars.map((ch) => (isWide(ch) ? 1 : 0.5));
  const perEm = (run.x1 - run.x0) / widths.reduce((a, b) => a + b, 0);
  let at = run.x0;
  const out: number[] = [];
  for (const [i, ch] of chars.entries()) {
    // A character beyond the basic plane is two UTF-16 units of the text: both have its x.
    for (let u = 0; u < ch.length; u++) out.push(at);
    at += widths[i] * perEm;
  }
  return out;
}

/** Blank lines for a vertical gap: none between rows set at the page's usual pitch, more for wider gaps. */
function blanksBetween(gap: number, pitch: number): number {
  if (!(pitch > 0) || gap <= pitch * 1.15) return 0;
  return Math.min(3, Math.max(1, Math.round(gap / pitch) - 1));
}

/**
 * A page's lines as printed text, each with the printed line it comes from (null for the blank lines a wider gap
 * leaves), so that a text line can be traced back to its place on the page, and the x of each of its characters.
 */
export function layoutPage(lines: readonly PageLine[], vertical: readonly VerticalRule[] = []): Array<{ text: string; from: PageLine | null; xs: number[] }> {
  const runs = lines.flatMap((l) => l.runs);
  if (runs.length === 0) return [];
  const unit = columnUnit(runs);
  const left = runs.reduce((m, r) => Math.min(m, r.x0), Infinity);
  const baselines = lines.map((l) => (l.top + l.bottom) / 2);
  const pitches = baselines.slice(1).map((b, i) => b - baselines[i]).filter((p) => p > 0);
  const pitch = pitches.length > 0 ? median(pitches) : 0;
  const marks = { stacked: stackedRuns(lines), tracked: new Set(lines.flatMap(trackedRuns)) };
  const groups = groupLabels(lines);
  const places = { groups, rests: wrappedRests(lines, groups), pairs: pairLabels(lines, vertical, marks), placed: new Map<Run, number>() };
  const columnOf = columnMap(lines, left, unit, vertical, marks);
  const out: Array<{ text: string; from: PageLine | null; xs: number[] }> = [];
  lines.forEach((line, i) => {
    if (i > 0) for (let k = blanksBetween(baselines[i] - baselines[i - 1], pitch); k > 0; k--) out.push({ text: '', from: null, xs: [] });
    out.push({ ...laidOutLine(line, columnOf, vertical, marks, places), from: line });
  });
  return out;
}
