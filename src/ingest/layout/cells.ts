import { cleanLine, type SourceLine } from '../source-lines.ts';
import { keepingResults } from '../../core/recent-results.ts';
import { cellAmount, codeRunIntoName, opensItem } from './cell-text.ts';
import { markerOf } from '../../core/outline.ts';
import { foldFigures } from '../../core/width.ts';
import { className } from '../../core/codes.ts';
import { printedDecimals } from '../numbers.ts';
import { MARKED_AMOUNT_SOURCE, MONEY_UNIT_SOURCE, WHOLE_SOURCE } from '../../core/amounts.ts';

/**
 * The one place where a line of text becomes cells. Every extraction prints a table row as one line; how its cells
 * are separated is the layout (detect.ts), and each layout has exactly one cutter here, which every reader (tables,
 * performance targets, evaluation tables, cover fields) uses:
 * - `tabbed`: the slots between tabs (a workbook, a web page's table, a tab-separated export). Exact: a slot's index
 *   is its column, and an empty slot is an empty cell.
 * - `aligned`: runs of text separated by two or more spaces, with their character positions (one JS character per
 *   printed column: `pdftotext -layout` and the PDF reader pad CJK text with spaces, not with half columns), so that
 *   a cell's window can be compared with its header's. `alignedCells` also cuts amounts and codes that touch a name
 *   by one space; `runsOf` keeps a run whole (a target's `≥ 95 %` stays with its words).
 * - `spaced`: words separated by any white space (text copied out of a PDF). Uncertain by nature: a word is not a
 *   cell, and the readers of this layout place words by the table's identities, never by their position.
 */

/** A cell of an aligned line: its text and the window of character columns it was printed in, end exclusive. */
export interface Cell {
  text: string;
  start: number;
  end: number;
  /** An amount cut from others printed with no space between them (gluedParts): where it stands says less of its column. */
  glued?: true;
}

/**
 * A tab-separated line's cells, kept: the block stage cuts a table's lines and the target and evaluation readers cut
 * them again, and each cut read a converter's HTML in the line anew (a third of the cutting's time on the synthetic
 * corpus, CPU profile: docs/benchmarks.md). Frozen, as a kept result is shared.
 */
const keptTabCells = keepingResults((raw: string): readonly string[] =>
  Object.freeze(cleanLine(raw.replace(/\t/g, '\uE000')).replace(/\uE000/g, '\t').split('\t')),
);

/** The cells of a tab-separated line, trailing empty ones included (`text` drops trailing tabs, `raw` keeps them). */
export function tabCells(line: SourceLine): string[] {
  // The caller's own copy: readers write merged cells into their rows.
  return keptTabCells(line.raw).slice();
}

export function hasTabCells(line: SourceLine): boolean {
  return line.raw.includes('\t');
}

/** A tab with text on both sides of it (spaces between allowed). */
const TAB_BETWEEN_TEXTS = /\S\s*\t\s*\S/;

/**
 * Whether a tab stands between two texts of a line: what shows a line to be a grid's row where a document is not
 * tab-separated throughout (tables/index.ts). Within a grid a leading tab places a text in its column, but a
 * `-layout` or hand-edited text may hold a stray tab that only indents a title or the line under it.
 */
export function tabSeparatesTexts(text: string): boolean {
  return text.includes('\t') && TAB_BETWEEN_TEXTS.test(text);
}

/** The words of a single-space line. */
export function wordsOf(text: string): string[] {
  // Trimmed, a line splits into no empty word; only an empty line would give one, and it has none.
  const t = text.trim();
  return t === '' ? [] : t.split(/\s+/);
}

/**
 * Each match of a global pattern (one that never matches empty text) in a line as a cell, with the window it was
 * printed in. An exec loop, not matchAll, which copies the pattern on every call: every line of a table is cut here,
 * several times, and on the synthetic corpus's lines the loop takes a third of matchAll's time.
 */
function cellsMatching(text: string, pattern: RegExp): Cell[] {
  const out: Cell[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const WORD = /\S+/g;
const RUN = /\S+(?: \S+)*/g;

/** The words of an aligned line with their windows, for a reader that groups words under its header's columns. */
export function wordCells(text: string): Cell[] {
  return cellsMatching(text, WORD);
}

/** The words of a cell, each at its own place: labels a header packed one space apart into one cell (`合计 出`). */
export function cellWords(cell: Cell): Cell[] {
  return wordCells(cell.text).map((w) => ({ text: w.text, start: cell.start + w.start, end: cell.start + w.end }));
}

/**
 * The cells a run prints: its words where `share` of them or more (all by default) are cells alone by `isCell` (labels
 * or figures printed one space apart, as `pdftotext -layout` gives a browser's print: `年度指标值 实际完成值 分值 得分`,
 * `171.00 10 95.00%`), each where it stands, else the run whole (a value's words: `≥ 95 %`, `30 天`).
 */
export function splitRun(run: Cell, isCell: (word: string) => boolean, share = 1): Cell[] {
  const words = cellWords(run);
  return words.length > 1 && words.filter((w) => isCell(w.text)).length >= share * words.length ? words : [run];
}

/** An amount that stands as its own cell when a single space separates it from a name (`9,501,164 一、…`). */
const EDGE_AMOUNT = new RegExp(`^-?${MARKED_AMOUNT_SOURCE}$`);

/** Runs of text separated by two or more spaces, as printed: the cells of a line before any amount is peeled off. */
export function runsOf(text: string): Cell[] {
  return cellsMatching(text, RUN);
}

/** The cells of a line: its runs, with amounts and codes that touch a name by one space cut off as cells of their own. */
export function alignedCells(text: string): Cell[] {
  const out: Cell[] = [];
  // One test a line: only a line with amounts glued together, or run on into text or a code, has its runs read for them.
  const glued = GLUED_PRINTED.test(text);
  const runOn = RUN_ON_PRINTED.test(text);
  const runs = runsOf(text);
  const intoItem = RUN_INTO_ITEM_PRINTED.test(text) ? runIntoItem(runs) : null;
  const decimals = LONG_DECIMALS_PRINTED.test(text) ? fewestDecimals(runs) : null;
  for (const run of runs) {
    const m = (runOn ? runOnAmount(run) : null) ?? intoItem?.exec(foldFigures(run.text));
    const code = decimals === null || m ? null : codeRunOn(run, decimals);
    if (code) {
      out.push({ ...slice(run, 0, code), glued: true });
      pushRun(slice(run, code, run.text.length), glued, out);
    } else if (!m) pushRun(run, glued, out);
    else {
      const [amount, rest] = cutRunOn(run, m[0]);
      out.push(amount);
      pushRun(rest, glued, out);
    }
  }
  return out;
}

/** Five decimals or more, in either width: a line that may print an amount run on into a code. */
const LONG_DECIMALS_PRINTED = /[.．][\d０-９]{5,}/;

/** The fewest decimals any of a line's amounts prints, or null where it prints none with decimals. */
function fewestDecimals(runs: readonly Cell[]): number | null {
  const decimals = amountDecimals(runs);
  return decimals.length > 0 ? Math.min(...decimals) : null;
}

/** The decimals each of a line's runs prints that is an amount with a decimal point (`2243.55`: 2), in either width. */
function amountDecimals(runs: readonly Cell[]): number[] {
  return runs.flatMap((r) => {
    const plain = foldFigures(r.text);
    return EDGE_AMOUNT.test(plain) && plain.includes('.') ? [printedDecimals(plain)] : [];
  });
}

/**
 * Where an amount run on into the code of the cell right of it ends (its length), or null: at a coarser character
 * pitch than the print (`pdftotext -layout -fixed 6`) a two-panel table's left amount touches the right panel's
 * economic code (普陀 规划资源局 2024 基本支出决算表 L467: `537.6430201` for 537.64 and 30201 办公费). The line's other
 * amounts say how many decimals an amount prints; the digits past them must be a whole code of a known 类 (3 or 5
 * digits, 7 for a 功能分类 项).
 */
function codeRunOn(run: Cell, decimals: number): number | null {
  const m = /^(-?[\d,]*\d\.\d+)$/.exec(foldFigures(run.text));
  if (!m) return null;
  const point = m[1].indexOf('.');
  const tail = m[1].slice(point + 1 + decimals);
  return [3, 5, 7].includes(tail.length) && className(tail) !== null ? point + 1 + decimals : null;
}

/** A run's cells: amounts glued together cut apart (where the line has any), items and codes peeled off. */
function pushRun(run: Cell, glued: boolean, out: Cell[]): void {
  const parts = glued ? gluedParts(run) : [run];
  const from = out.length;
  for (const part of parts) for (const item of itemParts(part)) cutRun(item.text, item.start, out);
  if (parts.length > 1) markGlued(out, from, parts);
}

/** Marks the cells from `from` on that a glued amount's cut bounds (one ends where the next of `parts` starts). */
function markGlued(out: Cell[], from: number, parts: readonly Cell[]): void {
  const cuts = new Set(parts.slice(1).map((p) => p.start));
  for (let k = from; k < out.length; k++) if (cuts.has(out[k].start) || cuts.has(out[k].end)) out[k] = { ...out[k], glued: true };
}

/**
 * A decimal point, then digits running on into another amount's decimal point, with no space between the two; or a
 * whole amount's group of thousands running on into the next amount's first digits (`6,958,4146,958,414`).
 */
const GLUED = /\.\d+-?\d[\d,]*\.|\d,\d{4}/;
/** GLUED as printed, in either width (`０．００２１０．００`): what a line is tested for before any run is folded. */
const GLUED_PRINTED = /[.．][\d０-９]+[-－]?[\d０-９][\d０-９,，]*[.．]|[\d０-９][,，][\d０-９]{4}/;

/**
 * A run cut between amounts printed with no space between them (`0.00210.00`, `665964.37648105.52`): an extraction at
 * a coarser character pitch than the PDF's (`pdftotext -layout -fixed 6`, 西安 交通运输局 2022 “三公”经费表, 杭州
 * 交通运输局 2026 收入总表) sets the next amount's first digit right after the last decimal of the one before it. A
 * table prints its amounts with the same number of decimals, so the last amount's count tells where each ends; a word
 * not cut wholly into amounts that way (a date `2024.01.15`, a version `1.2.3`) is left whole.
 */
function gluedParts(run: Cell): Cell[] {
  // Read width-folded, one character for one (`０．００２１０．００`).
  const plain = foldFigures(run.text);
  if (!GLUED.test(plain)) return [run];
  const cuts = wordCells(plain).flatMap((w) => gluedCuts(w.text).map((k) => w.start + k));
  if (cuts.length === 0) return [run];
  const bounds = [0, ...cuts, run.text.length];
  return bounds.slice(0, -1).map((from, k) => slice(run, from, bounds[k + 1]));
}

/** An amount with exactly `decimals` decimals opening a word; one pattern a count, made once. */
function gluedAmount(decimals: number): RegExp {
  let pattern = GLUED_AMOUNTS.get(decimals);
  if (!pattern) {
    pattern = new RegExp(`^-?${WHOLE_SOURCE}\\.\\d{${decimals}}`);
    GLUED_AMOUNTS.set(decimals, pattern);
  }
  return pattern;
}
const GLUED_AMOUNTS = new Map<number, RegExp>();

/** Where a word of amounts glued together is cut (offsets in the word), or none where it is not wholly such amounts. */
function gluedCuts(word: string): number[] {
  if (!word.includes('.')) return groupedCuts(word);
  const decimals = word.length - word.lastIndexOf('.') - 1;
  if (decimals === 0 || !/^-?\d[\d,.-]*$/.test(word)) return [];
  const amount = gluedAmount(decimals);
  const cuts: number[] = [];
  for (let at = 0; ; ) {
    const m = amount.exec(word.slice(at));
    if (!m) return [];
    at += m[0].length;
    if (at === word.length) return cuts;
    cuts.push(at);
  }
}

/**
 * Where a word of whole amounts grouped by thousands and glued together is cut (`6,958,4146,958,414`, 普陀 社会福利院
 * 2024 基本支出经济分类表 in 元 at `pdftotext -layout -fixed 6`): each amount but the last prints a group, so each ends
 * after its last group's three digits; the last may be under a thousand. None where the word is not wholly such
 * amounts: one under a thousand before another (`12345,678`) could end after any of its digits.
 */
function groupedCuts(word: string): number[] {
  if (!/^\d[\d,]*$/.test(word)) return [];
  const cuts: number[] = [];
  for (let at = 0; ; ) {
    const m = GROUPED_AMOUNT.exec(word.slice(at));
    if (!m) return cuts.length > 0 && /^\d{1,3}$/.test(word.slice(at)) ? cuts : [];
    at += m[0].length;
    if (at === word.length) return cuts;
    cuts.push(at);
  }
}
const GROUPED_AMOUNT = /^\d{1,3}(?:,\d{3})+/;

/** An amount of two decimals or more opening a cell, run on with no space into an ideograph (`107.515237提供`). */
const RUN_ON = new RegExp(`^-?${WHOLE_SOURCE}\\.(\\d{2,})(?=\\p{Script=Han})`, 'u');
/** RUN_ON anywhere in a line as printed, in either width, after a space or at its start: what a line is tested for. */
const RUN_ON_PRINTED = /(?:^|\s)[-－]?[\d０-９][\d０-９,，]*[.．][\d０-９]{2,}\p{Script=Han}/u;
/** What follows an amount as its unit (`25.00万元`): then the cell is an amount with its unit. */
const UNIT_AFTER = new RegExp(`^${MONEY_UNIT_SOURCE}`);
/** The shortest text run on after an amount that is read as the next cell's: shorter, it may be the amount's unit (`30.00平方米`). */
const RUN_ON_TEXT = 4;

/**
 * The amount opening a cell whose text runs on into the next cell's with no space, or null: at a coarser character
 * pitch than the print (`pdftotext -layout -fixed 6`) a row's amount touches the text of the cell right of it, a
 * prose cell's first line (北京 民政局 2026 预算表12: `649.444919  107.515237提供相应条件，`) or the other side's item
 * (杭州 交通运输局 2026 表4: `414883.38一般公共服务支出`). Not before a money unit or a text too short to be a cell.
 */
function runOnAmount(cell: Cell): RegExpExecArray | null {
  const m = RUN_ON.exec(foldFigures(cell.text));
  const rest = m ? cell.text.slice(m[0].length) : '';
  return m && rest.length >= RUN_ON_TEXT && !UNIT_AFTER.test(rest) ? m : null;
}

/** An amount's decimals running on into the number of an item (`74868.341、一般公共服务支出`), in either width. */
const RUN_INTO_ITEM_PRINTED = /[.．][\d０-９]{3,4}、\p{Script=Han}/u;

/**
 * The pattern of an amount run on into the next cell's numbered item with no space (`74868.341、一般公共服务支出`: at
 * `pdftotext -layout -fixed 6` the income side's amount touches the expenditure side's `1、`, 西安 交通运输局 2022
 * 收支总表 L354), or null. The printed digits do not say where the decimals end and the item's number begins: the
 * line's amounts standing alone do, where they all print one number of decimals (`2243.55`: two); a line with none
 * is left as printed.
 */
function runIntoItem(runs: readonly Cell[]): RegExp | null {
  const counts = new Set(amountDecimals(runs));
  if (counts.size !== 1) return null;
  return new RegExp(`^-?${WHOLE_SOURCE}\\.\\d{${[...counts][0]}}(?=\\d{1,2}、\\p{Script=Han})`, 'u');
}

/** A cell cut after the amount opening it (runOnAmount), the amount marked glued: where it stands says less of its column. */
function cutRunOn(cell: Cell, amount: string): Cell[] {
  return [{ ...slice(cell, 0, amount.length), glued: true }, slice(cell, amount.length, cell.text.length)];
}

/**
 * A line's words (single spaces part no cells) with an amount that runs on into the next cell's text cut from it
 * (runOnAmount), where the word before it is an amount of its decimals: a row's amounts print alike, and a word
 * alone says nothing of where a cell starts.
 */
export function amountsRunOn(words: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const w of words) {
    const before = out.length > 0 ? foldFigures(out[out.length - 1].text) : '';
    const m = before && cellAmount(before) != null ? runOnAmount(w) : null;
    if (m && before.length - before.lastIndexOf('.') - 1 === m[1].length) out.push(...cutRunOn(w, m[0]));
    else out.push(w);
  }
  return out;
}

const ITEM_MARKERS = ['digit', 'cn', 'paren'] as const;
const MID_AMOUNT = new RegExp(`\\S -?${MARKED_AMOUNT_SOURCE} \\S`);

/**
 * A run cut around each amount that a name precedes and an outline marker follows, all one space apart: one side's
 * row ends in its amount and the other side's item begins (上海 普陀区政府办公室 2025 单位预算 -layout L245, the
 * 财政拨款收支预算总表: `一、一般公共预算资金 91,016,775.35 一、一般公共服务支出`). Within one cell no numbered item
 * follows an amount.
 */
function itemParts(run: Cell): Cell[] {
  // Every run of every line is asked: only one with a decimal or grouped number between two words is cut into words.
  // Read width-folded (the same length: one character for one): a word processor prints `１，２３４．５６`.
  const plain = foldFigures(run.text);
  if (!MID_AMOUNT.test(plain)) return [run];
  const words = wordCells(plain);
  const parts: Cell[] = [];
  let from = 0;
  for (let i = 1; i + 1 < words.length; i++) {
    const [before, after] = [words[i - 1].text, words[i + 1].text];
    // A label's value after its colon (`年度资金总额： 22.33 其中：财政拨`) stays with its label.
    if (!EDGE_AMOUNT.test(words[i].text) || cellAmount(before) != null || /[：:]$/.test(before) || !markerOf(after, ITEM_MARKERS)) continue;
    if (i > from) parts.push(slice(run, words[from].start, words[i - 1].end));
    parts.push(slice(run, words[i].start, words[i].end));
    from = i + 1;
  }
  if (from === 0) return [run];
  parts.push(slice(run, words[from].start, words[words.length - 1].end));
  return parts;
}

function slice(run: Cell, from: number, to: number): Cell {
  return { text: run.text.slice(from, to), start: run.start + from, end: run.start + to };
}

/**
 * One run of words separated by single spaces, cut into cells. Amounts are peeled off either end one word at a time
 * in a loop over word indices (not by recursing on the rest of the text), so that a label followed by thousands of
 * amounts costs time linear in the run and no stack.
 */
function cutRun(run: string, start: number, out: Cell[]): void {
  // Most runs are one word (an amount, a code, a name): nothing to peel, only a code run into a name to cut.
  if (!run.includes(' ')) {
    cutRest(run, start, out);
    return;
  }
  const words = run.split(' ');
  // The words as the patterns read them, width-folded, one character for one (`１，２３４．５６` an amount too).
  const folded = foldFigures(run);
  const plain = folded === run ? words : folded.split(' ');
  const at: number[] = [];
  for (let i = 0, pos = start; i < words.length; pos += words[i].length + 1, i++) at.push(pos);
  const amount = words.map((w) => cellAmount(w) != null);
  let others = amount.filter((a) => !a).length;
  const word = (i: number): Cell => ({ text: words[i], start: at[i], end: at[i] + words[i].length });
  const peeled: Cell[] = [];
  let lo = 0;
  let hi = words.length - 1;
  while (hi > lo) {
    if (others === 0) {
      // A run of amounts separated by single spaces: each is a cell.
      for (let i = lo; i <= hi; i++) peeled.push(word(i));
      lo = hi + 1;
      break;
    }
    // An amount and a name that touch with a single space (`9,501,164 一、一般公共服务支出`) are two cells, the name's
    // outline marker a digit or not (长沙 教育 2026 -layout L212 `656.73 1、一般公共服务支出`: the amount the other
    // side's item's).
    let take: number;
    if (EDGE_AMOUNT.test(plain[lo]) && (/^\D/.test(plain[lo + 1]) || opensItem(words[lo + 1]))) take = lo++;
    else if (EDGE_AMOUNT.test(plain[hi]) || headsGroups(plain, hi)) take = hi--;
    else break;
    peeled.push(word(take));
    if (!amount[take]) others--;
  }
  if (lo <= hi) cutRest(words.slice(lo, hi + 1).join(' '), at[lo], peeled);
  out.push(...peeled.sort((a, b) => a.start - b.start));
}

const GROUP_HEAD = /^\d{1,3}$/;
const GROUP = /^\d{3}(?:\.\d+)?$/;

/**
 * Whether word `i` of a run, left of the words peeled off its end, heads an amount grouped by thousands with spaces
 * (`1 234.56`, core/amounts.ts SPACED_AMOUNT_SOURCE): then it is a cell of its own, as every word of a run of amounts
 * is, for the reader that knows the columns to join or keep apart (aligned/draft.ts joinSpacedThousands).
 */
function headsGroups(plain: readonly string[], i: number): boolean {
  return i + 1 < plain.length && GROUP_HEAD.test(plain[i]) && GROUP.test(plain[i + 1]);
}

/**
 * What is left of a run once its amounts are peeled off, as cells in printed order: a code run into its name
 * (`30207邮电费`) or codes with single spaces (`208 05 01`) cut from the name; not an amount, a year or a list of
 * years that starts the name (`2020、2021依法破产…`, `2023下乡援助…`: cell-text.ts opensWithYear).
 */
function cutRest(rest: string, restAt: number, out: Cell[]): void {
  // The cells keep the text as printed: folding keeps one character for one.
  const lead = codeRunIntoName(rest);
  if (lead) {
    let pos = restAt;
    for (const w of lead.pieces) {
      out.push({ text: rest.slice(pos - restAt, pos - restAt + w.length), start: pos, end: pos + w.length });
      pos += w.length + 1;
    }
    out.push({ text: rest.slice(lead.length), start: restAt + lead.length, end: restAt + rest.length });
  } else out.push({ text: rest, start: restAt, end: restAt + rest.length });
}

/**
 * A cell cut before each of its words (after the first) that starts where one of `starts` is, give or take a column:
 * cells one space apart that other lines show to be two (names-around.ts: a row's cell wrapped above its line).
 */
export function cutAtStarts(cell: Cell, starts: readonly number[]): Cell[] {
  const cuts = cellWords(cell).filter((w, i) => i > 0 && starts.some((s) => Math.abs(s - w.start) <= 1));
  if (cuts.length === 0) return [cell];
  const bounds = [cell.start, ...cuts.map((w) => w.start), cell.end + 1];
  return bounds.slice(0, -1).map((from, k) => {
    const text = cell.text.slice(from - cell.start, bounds[k + 1] - 1 - cell.start).trimEnd();
    return { text, start: from, end: from + text.length };
  });
}

export function center(s: Cell): number {
  return (s.start + s.end) / 2;
}

export function isAmountCell(s: Cell): boolean {
  return cellAmount(s.text) != null;
}

/** A cell of a code's digits (or a 序号), in either width: a word processor prints `２０１`. */
export function isCodeCell(s: Cell): boolean {
  return /^\d{1,7}$/.test(foldFigures(s.text));
}

/**
 * Whether a line's cells `below` go on the row of the line `above` as the next step of a staircase: where an
 * extraction's character pitch is coarser than the print, cells of one row that would overlap on one line are set
 * each on a line of its own, lower and further right (`pdftotext -layout -fixed 5`, 北京 民政局 2026 预算02表 L44–L50:
 * `71,094.166056` at columns 10–23, `67,538.364392` at 19–32 on the line below). The first below starts right of where
 * the last above starts, ends past its end, and starts no more than a space after it: the two could not stand on one
 * line as two cells. A last cell set one space after the one before it was itself pushed right of its column, and
 * the step below may end short of it (西安 2022 “三公” table at `-fixed 6` L2149–L2150: `117.49` at 36–42 one space
 * after `346.73`, `0.00` at 37–41 under it); otherwise a narrower cell ending under it is the same column's next
 * row. The table reader (tables/aligned/draft.ts) and the form readers (performance/activity-form.ts) join a row's
 * steps by it.
 */
export function stepsRight(above: readonly Cell[], below: readonly Cell[]): boolean {
  if (above.length === 0 || below.length === 0) return false;
  const last = above[above.length - 1];
  const first = below[0];
  if (first.start <= last.start || first.start > last.end + 1) return false;
  const before = above[above.length - 2];
  return first.end > last.end || (before !== undefined && last.start - before.end <= 1);
}
