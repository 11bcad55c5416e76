import { totalRole } from '../../../core/totals.ts';
import { FUNCTION_CLASSES, schemeOf } from '../../../core/codes.ts';
import type { CodeScheme } from '../../../core/codes.ts';
import type { BlockRow } from '../../layout/blocks.ts';
import { isTableFurniture } from '../shared/region-text.ts';
import { fillsLine, wrapWidth } from '../shared/wrapped-label.ts';
import { isUnitName, readUnits, rowRoleOfUnit } from '../shared/unit-groups.ts';
import { ECONOMIC_CODE_FROM_NAME, economicCodesByName, namesEconomicEntry, namesHold } from '../shared/economic-names.ts';
import { functionClassNamed } from '../shared/class-names.ts';
import { compact, foldFigures, foldWidth, printedWidth } from '../../../core/width.ts';
import { isClassCode, isCodePiece } from '../shared/code-reassembly.ts';
import { joinFragments, leadingPieces, readCodePrefix, splitTrailingNumbers, wordsIn, type CodePrefix, type NumberToken } from './tokens.ts';
import { subtractAmounts, sumAmounts } from '../../../core/decimal.ts';
import { codeRunIntoName, firstSumsTheRest, joinedCode, opensItem } from '../../layout/cell-text.ts';
import { FIGURE_WHOLE_SOURCE } from '../../../core/amounts.ts';

/** One logical row of a spaced table, before its numbers are placed in columns. */
export interface RawRow {
  first: number;
  last: number;
  code: string | null;
  scheme: CodeScheme | null;
  level: 1 | 2 | 3 | null;
  name: string;
  /** The name's text per printed line, for telling a 科目 name from a project name in 项目支出 tables. */
  fragments: string[];
  numbers: NumberToken[];
  role: 'data' | 'total' | 'subtotal' | 'group-header';
  group: string | null;
  side: 'income' | 'expenditure' | null;
  /** The one amount column a row of a two-list table fills (index into the table's columns). */
  column?: number;
  texts: Record<string, string>;
  /** What the reader could not settle of the row, for the person reading it (a two-sided line it could not part). */
  flag?: string;
}

const HAN_START = /^[\u3400-\u9fff（(]/;


/** A 款 or 项 code of 5 or 7 digits in one piece (`20805`, `2080505`) under a 类 of a classification. */
function isWholeCode(token: string): boolean {
  return /^\d{5}$|^\d{7}$/.test(foldWidth(token)) && leadingPieces([token])?.used === 1;
}

/**
 * A 类 code, alone or before its pieces or name, or a whole 款 or 项 code before its name (`30101 基本工资 …`): a row
 * before it that printed no amount (`301 工资福利支出`) ends there.
 */
function startsCodedRow(tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  const next = tokens[1];
  if (isWholeCode(tokens[0])) return next !== undefined && HAN_START.test(next);
  if (!isClassCode(tokens[0])) return false;
  return next === undefined || isCodePiece(next) || /[\u3400-\u9fff]/.test(next);
}

/** A function code joined to its name by a hyphen opening a line (`2080505-机关事业单位基本养老保险缴费`). */
function opensHyphenedCode(tokens: readonly string[]): boolean {
  return codeOpening(tokens[0] ?? '')?.hyphened === true;
}

/**
 * A line that prints a row's whole code and its amounts and nothing else (`2080505 1,845.30 1,845.30 0.00`): the
 * row's name, wrapped over two (or four …) lines, was centred on it, half above and half below. A 类 code
 * (`208 76.23 76.23 0.00`, 佛山 收入决算表) counts only with the name going on below it (`nameBelow`): three digits
 * before an amount may be a count (西安 政府采购: 数量 `214`, then `320.01`).
 */
function isCodeAndAmounts(tokens: readonly string[], nameBelow: boolean): boolean {
  if (!isWholeCode(tokens[0] ?? '') && !(nameBelow && isClassCode(foldWidth(tokens[0] ?? '')))) return false;
  const rest = tokens.slice(1);
  return rest.length > 0 && splitTrailingNumbers(rest).head.length === 0;
}

/** An amount cut at a line's end after its first decimal (`811,669.9`), its last digit alone on the next line (`7`). */
const CUT_AMOUNT = new RegExp(`^${FIGURE_WHOLE_SOURCE}\\.\\d$`);
const LAST_DIGIT = /^\d$/;
const isCutAmount = (token: string) => CUT_AMOUNT.test(foldFigures(token));
const isLastDigit = (token: string) => LAST_DIGIT.test(foldFigures(token));

/**
 * Whether a line ends in an amount its cell wrapped (pdftotext -raw): the amounts print two decimals, so an amount
 * of one decimal followed by a line of one digit alone is one amount printed over two lines.
 */
function endsInCutAmount(tokens: readonly string[], next: readonly string[] | undefined): boolean {
  return isCutAmount(tokens[tokens.length - 1] ?? '') && next?.length === 1 && isLastDigit(next[0]);
}

/** A line's words with the amount cut at its end joined to its last digit on the next line (see endsInCutAmount). */
function withCutAmountsJoined(perLine: readonly string[][]): string[][] {
  const out = perLine.map((tokens) => [...tokens]);
  for (let i = 0; i + 1 < out.length; i++) {
    if (!endsInCutAmount(out[i], out[i + 1])) continue;
    out[i][out[i].length - 1] += out[i + 1][0];
    out[i + 1] = [];
  }
  return out.filter((tokens) => tokens.length > 0);
}

/**
 * A row's words with the amount its narrow cell wrapped around its line (`-layout` text with its spaces collapsed: the
 * piece cut after its first decimal on the line above, ` 576,171.1`, the last digit below, ` 1`; 杭州 表3 L658-L660,
 * 深圳 项目支出总表 L4740-L4742) put among its amounts. The columns that placed it are lost: it goes first where it is
 * the 合计 of the others, last where the row's first amount is the 合计 of the others with it (firstSumsTheRest).
 * Null where neither, or both with the amounts in different orders: the pieces then stay lines of their own.
 */
function withWrappedAmount(tokens: readonly string[], cut: string, digit: string): string[] | null {
  const { head, numbers } = splitTrailingNumbers(tokens);
  const amounts = numbers.map((n) => n.text);
  const whole = cut + digit;
  if (head.length === 0 || amounts.length === 0 || !isCutAmount(cut) || !isLastDigit(digit)) return null;
  const first = [whole, ...amounts];
  const last = [...amounts, whole];
  const fits = [first, last].filter(firstSumsTheRest);
  if (fits.length === 0 || (fits.length === 2 && first.join() !== last.join())) return null;
  return [...head, ...fits[0]];
}

/**
 * The lines of a row whose amount wrapped around its line (see withWrappedAmount) in reading order: its name's pieces
 * above (` 深圳市深圳河湾流域`), the line's own words before its amounts, the name's pieces below (`圳河办公室）`), then
 * the amounts (深圳 项目支出总表 L4906–L4910).
 */
function wrappedAroundInReadingOrder(perLine: string[][]): string[][] {
  const k = perLine.findIndex((tokens, i) => tokens.length === 1 && perLine[i + 2]?.length === 1 && isCutAmount(tokens[0]));
  if (k < 0 || ![...perLine.slice(0, k), ...perLine.slice(k + 3)].every(isNameOnly)) return perLine;
  const row = withWrappedAmount(perLine[k + 1], perLine[k][0], perLine[k + 2][0]);
  if (!row) return perLine;
  const { head, numbers } = splitTrailingNumbers(row);
  return [...perLine.slice(0, k), head, ...perLine.slice(k + 3), numbers.map((n) => n.text)];
}

/** A line of name text only: no amount, no code opening it. */
function isNameOnly(tokens: readonly string[]): boolean {
  return tokens.length > 0 && HAN_START.test(tokens[0]) && splitTrailingNumbers(tokens).numbers.length === 0 && !opensItem(tokens[0]);
}

/** The cells a row prints before its name under a header opening with them: 序号, and 单位编码 after it. */
export interface RowCounter {
  /** How many of the line's words they are. */
  words: number;
  texts: Record<string, string>;
}

/**
 * The printed row numbers of a table whose header's stub opens with 序号 (西安's tables): the lines that open with the next
 * number, 1, 2, 3 … in turn, each the first line of a row (a row printing no amount, `7 2080501 行政单位离退休`, is one
 * all the same). Where 单位编码 follows 序号, the digits after the number are the unit's code (`3 222001`, `2 222`),
 * not a classification code. Keyed by line number; empty where the header does not open with 序号.
 */
export function rowCounters(header: readonly BlockRow[], data: readonly BlockRow[]): Map<number, RowCounter> {
  const counters = new Map<number, RowCounter>();
  // The stub's first label opens a header line (the unit's line may come before it).
  const from = header.findIndex((r) => r.cells[0]?.text === '序号');
  if (from < 0) return counters;
  const opening = compact(header.slice(from).map((r) => r.line.text).join(''));
  const unitCodes = /^序号单位(?:编码|代码)/.test(opening);
  let next = 1;
  for (const row of data) {
    const [first, second] = wordsIn(row);
    // Numbers read width-folded (a word processor's `３ ２２２００１`); the row keeps them as printed.
    if (foldFigures(first ?? '') !== String(next)) continue;
    const unitCode = unitCodes && second !== undefined && /^\d{1,9}$/.test(foldFigures(second));
    counters.set(row.line.no, { words: unitCode ? 2 : 1, texts: unitCode ? { rowNumber: first, unitCode: second } : { rowNumber: first } });
    next++;
  }
  return counters;
}

/** Rows grouped so far, the row being read, and what the lines before ask of the next one. */
interface Grouping {
  groups: BlockRow[][];
  pending: BlockRow[];
  /** Name lines still to come below a row printed on the middle line of its name (its name's second half). */
  tail: number;
  /** The last digit of an amount cut at the line before: the row's amounts go on after it. */
  cut: boolean;
  /** Lines still to come of a row whose amount wrapped around its line (see takesWrappedAround). */
  around: number;
}

/** One printed row as the steps of groupLines ask it: its words, the next row's, and whether a counter opens it. */
interface LineAt {
  row: BlockRow;
  tokens: string[];
  next: string[] | undefined;
  /** The words of the row k rows below. */
  below: (k: number) => string[] | undefined;
  /** The next row's first word, its counter's included, for a code printed alone on its line with its name on the next. */
  nextFirst: string;
  /** How far the next row's line is indented. */
  nextIndent: number;
  counted: boolean;
}

function flush(g: Grouping): void {
  if (g.pending.length > 0) g.groups.push(g.pending);
  g.pending = [];
}

function hasAmounts(tokens: readonly string[]): boolean {
  return splitTrailingNumbers(tokens).numbers.length > 0;
}

/** Whether every line of the row being read is name text only: the first half of a name centred on a later line. */
function pendingIsNameOnly(g: Grouping): boolean {
  return g.pending.length > 0 && g.pending.every((r) => isNameOnly(wordsIn(r)));
}

/** The rows of a table that hold a row's words, each with its words once (after its counter's words). */
function printedRows(rows: readonly BlockRow[], counters: ReadonlyMap<number, RowCounter>): { printed: BlockRow[]; words: string[][] } {
  // What a page adds around a table continued on it (`- 60 -`, `表 3` above the repeated title) is no row.
  // Each row's words once: a row is asked as itself and, a row before, as the next one.
  const printed: BlockRow[] = [];
  const words: string[][] = [];
  for (const r of rows) {
    if (isTableFurniture(r.line.text)) continue;
    const w = wordsIn(r).slice(counters.get(r.line.no)?.words ?? 0);
    if (w.length === 0 && !counters.has(r.line.no)) continue;
    printed.push(r);
    words.push(w);
  }
  return { printed, words };
}

/** The last digit of an amount cut at the line before (see endsInCutAmount) goes to that amount's row. */
function joinsCutDigit(g: Grouping, at: LineAt): boolean {
  if (!g.cut || at.counted) return false;
  g.cut = false;
  // No row open: the amount was the row's above (see continuesRowAbove).
  (g.pending.length > 0 ? g.pending : g.groups[g.groups.length - 1]).push(at.row);
  if (!at.next || splitTrailingNumbers(at.next).head.length > 0) flush(g);
  return true;
}

/** A name line below the line a row's name is centred on: the name's second half (see startsCodedOrMarkedRow). */
function takesNameBelow(g: Grouping, at: LineAt, atPartStart: boolean): boolean {
  if (g.tail === 0 || at.counted || !isNameOnly(at.tokens) || atPartStart) return false;
  g.groups[g.groups.length - 1].push(at.row);
  g.tail--;
  return true;
}

/**
 * A row's number starts the row, its name and amounts on this line or after it (`2 222`, then `西安市交通运`), or in
 * -layout text its name centred on it: the first half above, as many lines below (`西安市交通运` / `2 222 346.73 …` /
 * `输局`).
 */
function startsCountedRow(g: Grouping, at: LineAt): boolean {
  if (!at.counted) return false;
  if (pendingIsNameOnly(g) && hasAmounts(at.tokens)) g.tail = g.pending.length;
  else flush(g);
  g.pending.push(at.row);
  if (at.tokens.length > 0 && hasAmounts(at.tokens)) flush(g);
  return true;
}

/** A 款 code, or a whole code (`2080505`, pdftotext -raw), printed alone on its line, its name on the next: a code, not an amount. */
function startsAtLoneCode(g: Grouping, at: LineAt): boolean {
  const code = isCodePiece(at.tokens[0]) || isWholeCode(at.tokens[0]);
  if (g.pending.length > 0 || at.tokens.length !== 1 || !code || !HAN_START.test(at.nextFirst)) return false;
  g.pending.push(at.row);
  return true;
}

/**
 * An amount of the row above wrapped onto lines of its own after the row's other amounts (杭州 表3's 合计 `…
 * 15868.83`, then `576,171.1` and `1`): amounts alone, no row open, the last cut after its first decimal. The row's
 * identities then check it.
 */
function continuesRowAbove(g: Grouping, at: LineAt, newPart: boolean): boolean {
  if (g.pending.length > 0 || g.groups.length === 0 || newPart) return false;
  if (splitTrailingNumbers(at.tokens).head.length > 0 || !endsInCutAmount(at.tokens, at.next)) return false;
  g.groups[g.groups.length - 1].push(at.row);
  g.cut = true;
  return true;
}

/**
 * How many name lines below this line end the name of the row's code cell, a code joined to its name, wrapped over
 * the lines above and below the line of its other cells and amounts (北京 民政局 2026 预算03表, spaces collapsed,
 * L201–L203: `2080505-机关事业单位基本养老保险缴费` / ` 50102-社会保障缴费 30108-… 1,686.524358 1,686.524358` /
 * `支出`): at most as many as there are above, and only where the next row opens with its code right after them, so
 * that they cannot be the first half of the next row's name. Not below a line of amounts alone: a name there may be
 * the next row's, its code and amounts read into that line (西安 2022 plain pdftotext L3354–L3357 `83 312`, `84`,
 * `对企业补助`), or a header's label (上海 普陀 2025 L1056–L1058 `21,170,337.81 21,170,337.81`, `公用经费`).
 */
function codeCellTail(g: Grouping, at: LineAt): number {
  if (g.pending.length === 0 || !opensHyphenedCode(wordsIn(g.pending[0]))) return 0;
  const { head, numbers } = splitTrailingNumbers(at.tokens);
  if (head.length === 0 || numbers.length === 0) return 0;
  let k = 1;
  while (k <= g.pending.length && isNameOnly(at.below(k) ?? [])) k++;
  const after = at.below(k);
  return k > 1 && (after === undefined || opensCodedRow(after)) ? k - 1 : 0;
}

function opensCodedRow(tokens: readonly string[]): boolean {
  return startsCodedRow(tokens) || codeOpening(tokens[0] ?? '') !== null;
}

/**
 * Any other line: a classification code or an item marker starts a new row (the one before it printed no amounts);
 * a line of a whole code and amounts after name lines is the middle of a centred name, whose lines below it the
 * row takes (see takesNameBelow), as is a row's line of amounts under its code cell's first line (codeCellTail); a
 * line ending in amounts ends its row.
 */
function startsCodedOrMarkedRow(g: Grouping, at: LineAt): void {
  const { tokens, next } = at;
  if (endsUnitNameAbove(g, tokens)) {
    g.groups[g.groups.length - 1].push(...g.pending);
    g.pending = [];
  }
  const coded = startsCodedRow(tokens);
  if (coded || codeOpening(tokens[0] ?? '') || opensItem(tokens[0])) flush(g);
  const nameBelow = next !== undefined && isNameOnly(next);
  if (isCodeAndAmounts(tokens, nameBelow) && pendingIsNameOnly(g)) g.tail = g.pending.length;
  // `pdftotext -layout` with its spaces collapsed keeps a line's indent as one space: a name centred on a line of
  // amounts alone prints its first half at its level's indent above and its second half at the cell's edge below.
  else if (nameBelow && pendingIsNameOnly(g) && isAmountsAlone(tokens) && at.nextIndent < indentOf(g.pending[0])) g.tail = g.pending.length;
  else g.tail = codeCellTail(g, at);
  g.pending.push(at.row);
  g.cut = endsInCutAmount(tokens, next);
  if (!g.cut && hasAmounts(tokens.slice(coded ? leadingPieces(tokens)!.used : 0))) flush(g);
}

/**
 * Name lines that end the unit's name above them, not open the next row's (spaces collapsed, 广州 水务局 2026 部门预算
 * 基本支出预算表 L636–L639: `广州市南部水网流域事务` / its amounts / `中心` / `工资福利支出 739.42 …`): the row after them
 * names a classification's whole entry (a 支出功能分类 类, a 支出经济分类 类 or 款) and would name none with them, and
 * they make the name above a unit's (…中心, …局) where it was none.
 */
function endsUnitNameAbove(g: Grouping, tokens: readonly string[]): boolean {
  if (!pendingIsNameOnly(g) || g.groups.length === 0) return false;
  const { head, numbers } = splitTrailingNumbers(tokens);
  if (head.length === 0 || numbers.length === 0) return false;
  const name = head.join('');
  const piece = g.pending.flatMap(wordsIn).join('');
  const names = (text: string) => functionClassNamed(text) !== null || namesEconomicEntry(text);
  if (!names(name) || names(piece + name)) return false;
  const above = g.groups[g.groups.length - 1].flatMap((r) => splitTrailingNumbers(wordsIn(r)).head).join('');
  return !isUnitName(above) && isUnitName(above + piece);
}

/**
 * The piece of an amount cut above a row's line, the row's line and the amount's last digit below it (see
 * withWrappedAmount): one row, with the pieces of its name printed above them, if any, and as many below (its name
 * centred on the row's line). Not across the start of a table's later part (`partStart`: the first line of the part,
 * if one of the three is).
 */
function takesWrappedAround(g: Grouping, at: LineAt, partStart: (k: number) => boolean): boolean {
  if (g.around > 0) {
    g.pending.push(at.row);
    if (--g.around > 0) return true;
    // The name's pieces below, as many as above (takesNameBelow).
    g.tail = g.pending.length - 3;
    flush(g);
    return true;
  }
  const [row, digit] = [at.next, at.below(2)];
  if ((g.pending.length > 0 && !pendingIsNameOnly(g)) || at.counted || at.tokens.length !== 1 || !row || digit?.length !== 1) return false;
  if (partStart(1) || partStart(2) || !withWrappedAmount(row, at.tokens[0], digit[0])) return false;
  g.pending.push(at.row);
  g.around = 2;
  return true;
}

/**
 * Groups printed lines into rows: a wrapped row continues until a line ends in amounts; a line starting with a
 * classification code or an item marker starts a new row (the one before it printed no amounts). A row whose code
 * and amounts, or amounts alone with the next line indented less than its name's first, stand on a line of their own,
 * its name's first half above, takes as many name lines after it as there were before. `partStarts`: the first line of each later part of a table continued over pages.
 * `pageOf`: the page of a line, where the text's page breaks are known (withNameEndsOverPages).
 */
export function groupLines(
  rows: readonly BlockRow[],
  partStarts: readonly number[] = [],
  counters: ReadonlyMap<number, RowCounter> = new Map(),
  pageOf?: (no: number) => number,
): BlockRow[][] {
  const bounds = [...partStarts].sort((x, y) => x - y);
  let b = 0;
  const g: Grouping = { groups: [], pending: [], tail: 0, cut: false, around: 0 };
  const { printed, words } = printedRows(rows, counters);
  printed.forEach((row, i) => {
    const { line } = row;
    const after = printed[i + 1];
    const at: LineAt = {
      row,
      tokens: words[i],
      next: words[i + 1],
      below: (k) => words[i + k],
      nextFirst: after?.cells[0]?.text ?? '',
      nextIndent: after ? indentOf(after) : Infinity,
      counted: counters.has(line.no),
    };
    if (joinsCutDigit(g, at) || takesNameBelow(g, at, b < bounds.length && line.no >= bounds[b])) return;
    g.tail = 0;
    g.cut = false;
    // A table continued on a later page is read as one, but no row runs on from one part into the next: the lines
    // between (the next page's title and header, or whatever stood between) belong to no row.
    let newPart = false;
    while (b < bounds.length && line.no >= bounds[b]) {
      flush(g);
      b++;
      newPart = true;
    }
    const partStart = (k: number) => printed[i + k] !== undefined && bounds.includes(printed[i + k].line.no);
    if (takesWrappedAround(g, at, partStart) || startsCountedRow(g, at) || startsAtLoneCode(g, at) || continuesRowAbove(g, at, newPart)) return;
    startsCodedOrMarkedRow(g, at);
  });
  flush(g);
  return pageOf ? withNameEndsOverPages(g.groups, pageOf, counters) : g.groups;
}

/**
 * A name's last line carried over a page break. `pdftotext -raw` prints a row's name and then its amounts, so that the
 * piece the break carried opens the next page, before the next row's name (杭州 表2 -raw L607–L615: `杭州市综合` /
 * `交通运输研究` / the amounts, the page's number `\f24`, then `中心` / `杭州市交通` / `运输发展保障` / `中心` / the
 * amounts), and is read into that name. It ends the row before the break where that row's last name line is full
 * (shared/wrapped-label.ts wrapWidth) and the piece cannot open the next name: the line after it is wider and not that
 * name's last (a name printed over several lines fills each line but its last, so that none is wider than its first).
 * A piece as wide may open it (深圳 收入总表 -raw L1765–L1766: `深圳市龙岗河坪山河流域管` / `理中心` after the header
 * printed again): it stays where it is.
 */
function withNameEndsOverPages(groups: BlockRow[][], pageOf: (no: number) => number, counters: ReadonlyMap<number, RowCounter>): BlockRow[][] {
  const textOf = (r: BlockRow) => wordsIn(r).join('');
  const nameLines = (group: readonly BlockRow[]) => group.filter((r) => isNameOnly(wordsIn(r)));
  const width = wrapWidth(groups.map((group) => nameLines(group).map(textOf)));
  if (width === 0) return groups;
  for (let k = 1; k < groups.length; k++) {
    const [above, group] = [groups[k - 1], groups[k]];
    const [piece, next, after] = group;
    if (!after || counters.has(piece.line.no) || pageOf(piece.line.no) <= pageOf(above[above.length - 1].line.no)) continue;
    if (![piece, next, after].every((r) => isNameOnly(wordsIn(r))) || printedWidth(textOf(piece)) >= printedWidth(textOf(next))) continue;
    const own = nameLines(above);
    if (own.length === 0 || !fillsLine(textOf(own[own.length - 1]), width) || !above.some((r) => hasAmounts(wordsIn(r)))) continue;
    above.push(piece);
    group.shift();
  }
  return groups;
}

/** A 款 of 支出功能分类 read with its amount, and the sum of the 项 read under it so far. */
interface OpenBranch {
  code: string;
  total: number;
  sum: number;
}

/**
 * A two-digit code printed alone before a name is a 款 under the current 类, or a 项 under the current 款:
 * single-space text keeps no indent to tell them apart (`08 进修及培训 6.20` then `03 培训支出 6.20`). The identity
 * 款 = sum of its 项 does: while the 项 read so far under the open 款 fall short of its amount and this row's
 * amount still fits, the code is one more 项 of it. 经济分类 has no 项, so its codes are never read this way.
 */
function itemOfOpenBranch(prefix: CodePrefix | null, printed: string | undefined, open: OpenBranch | null, total: number | null): CodePrefix | null {
  if (!prefix || !open || total == null || prefix.level !== 2 || prefix.scheme !== 'function' || prefix.code.length !== 5) return prefix;
  if (prefix.code.slice(0, 3) !== open.code.slice(0, 3) || !/^\d{2}$/.test(foldWidth(printed ?? ''))) return prefix;
  const remaining = subtractAmounts(open.total, open.sum);
  if (remaining <= 0.005 || total > remaining + 0.005) return prefix;
  return { ...prefix, code: open.code + prefix.code.slice(3), level: 3 };
}

/** The open 款 after a coded row: a new 款 opens, a 项 of it adds to its sum, a 类 or another scheme closes it. */
function nextOpenBranch(prefix: CodePrefix, open: OpenBranch | null, total: number | null): OpenBranch | null {
  if (prefix.scheme !== 'function' || prefix.level === 1) return null;
  if (prefix.level === 2) return total != null ? { code: prefix.code, total, sum: 0 } : null;
  if (open && prefix.code.startsWith(open.code) && total != null) open.sum = sumAmounts([open.sum, total]);
  return open;
}

/**
 * A row's words in the order a row is read (code, name, amounts), for a row printed with its code and amounts, or its
 * amounts alone, on a line between the halves of its name (see groupLines): the code first, the amounts last.
 */
function inReadingOrder(perLine: string[][]): string[][] {
  const middle = perLine.findIndex((tokens, i) => i > 0 && isCodeAndAmounts(tokens, i + 1 < perLine.length && isNameOnly(perLine[i + 1])));
  const alone = perLine.findIndex((tokens, i) => i > 0 && i < perLine.length - 1 && isAmountsAlone(tokens));
  const at = middle >= 0 ? middle : alone;
  if (at < 0 || !perLine.every((tokens, i) => i === at || isNameOnly(tokens))) return perLine;
  if (middle < 0) return centredOnCounter(perLine, alone);
  const [code, ...amounts] = perLine[middle];
  return [[code], ...perLine.filter((_, i) => i !== middle), amounts];
}

/** The spaces a row's line opens with (single-space text keeps no columns: a word's place is its count). */
function indentOf(row: BlockRow): number {
  return row.line.text.length - row.line.text.trimStart().length;
}

/** A line of amounts and nothing else. */
function isAmountsAlone(tokens: readonly string[]): boolean {
  return tokens.length > 0 && splitTrailingNumbers(tokens).head.length === 0;
}

/**
 * A row's words in reading order where its code cell wrapped over the lines above and below the line of its other
 * cells and amounts (see codeCellTail): the code cell's lines, then that line.
 */
function codeCellInReadingOrder(perLine: string[][]): string[][] {
  const middle = perLine.findIndex((tokens) => hasAmounts(tokens));
  if (middle < 1 || middle === perLine.length - 1 || !opensHyphenedCode(perLine[0]) || !perLine.slice(middle + 1).every(isNameOnly)) return perLine;
  return [...perLine.slice(0, middle), ...perLine.slice(middle + 1), perLine[middle]];
}

/**
 * A row's words in reading order where its name is centred on the line of its number (see groupLines): the name's
 * lines above, that line's own words before its amounts, the lines below, then the amounts.
 */
function centredOnCounter(perLine: readonly string[][], middle: number): string[][] {
  const { head } = splitTrailingNumbers(perLine[middle]);
  return [...perLine.slice(0, middle), head, ...perLine.slice(middle + 1), perLine[middle].slice(head.length)];
}

/**
 * The code a row's first word opens with, joined to the name: a function code by a hyphen (an economic code so joined
 * is a text column's, withCodedTexts in index.ts), any classification's code in brackets (`[30101]基本工资`), or a
 * whole code of a classification run into the name (`201一般公共服务支出`, `30207邮电费`: layout/cell-text.ts
 * codeRunIntoName, as the other layouts' cells are cut); digits of no classification (`95128助老服务热线`) stay the name's.
 */
function codeOpening(word: string): ReturnType<typeof joinedCode> {
  const joined = joinedCode(word);
  if (joined) return !joined.hyphened || joined.code.slice(0, 3) in FUNCTION_CLASSES ? joined : null;
  const run = codeRunIntoName(word);
  const code = run?.pieces.length === 1 ? foldWidth(run.pieces[0]) : '';
  return run && /^(?:\d{3}|\d{5}|\d{7})$/.test(code) && schemeOf(code) !== null ? { code, hyphened: false, length: run.length } : null;
}

/** A row's first word with the code it opens with (codeOpening) cut off as a word of its own. */
function withJoinedCode(perLine: string[][]): string[][] {
  const first = perLine[0]?.[0] ?? '';
  const joined = codeOpening(first);
  if (!joined) return perLine;
  return [[joined.code, first.slice(joined.length), ...perLine[0].slice(1)], ...perLine.slice(1)];
}

/** Reads rows of a table whose rows carry classification codes (or none): code, name, trailing amounts. */
export function readRows(groups: readonly BlockRow[][], counters: ReadonlyMap<number, RowCounter> = new Map()): RawRow[] {
  const rows: RawRow[] = [];
  let currentClass: string | null = null;
  let open: OpenBranch | null = null;
  for (const group of groups) {
    const counted = group.findIndex((r) => counters.has(r.line.no));
    const counter = counted >= 0 ? counters.get(group[counted].line.no) : undefined;
    const own = group.map((r) => wordsIn(r).slice(counters.get(r.line.no)?.words ?? 0));
    const perLine = withJoinedCode(codeCellInReadingOrder(inReadingOrder(withCutAmountsJoined(wrappedAroundInReadingOrder(counted > 0 ? centredOnCounter(own, counted) : own)))));
    const all = perLine.flat();
    const { head, numbers } = splitTrailingNumbers(all);
    const total = numbers[0]?.value ?? null;
    const prefix = itemOfOpenBranch(readCodePrefix(head, currentClass), head[0], open, total);
    if (prefix?.level === 1) currentClass = prefix.code;
    else if (prefix) currentClass = prefix.code.slice(0, 3);
    // A row without a code (a wrapped name, a line the page adds) leaves the open 款 open.
    if (prefix) open = nextOpenBranch(prefix, open, total);
    const from = prefix?.used ?? 0;
    const fragments: string[] = [];
    let offset = 0;
    for (const tokens of perLine) {
      const lo = Math.max(from, offset);
      const hi = Math.min(head.length, offset + tokens.length);
      const text = hi > lo ? joinFragments(all.slice(lo, hi)) : '';
      if (text) fragments.push(text);
      offset += tokens.length;
    }
    const name = joinFragments(fragments);
    const label = compact(name);
    rows.push({
      first: group[0].line.no,
      last: group[group.length - 1].line.no,
      code: prefix?.code ?? null,
      scheme: prefix?.scheme ?? null,
      level: prefix?.level ?? null,
      name,
      fragments,
      numbers,
      role: totalRole(label) ?? 'data',
      group: null,
      side: null,
      texts: { ...counter?.texts },
    });
  }
  return rows;
}

/**
 * The sub-units of a table printed per unit, and the codes of a table printing none whose rows name the 支出经济分类
 * (economic-names.ts), where they hold: the rows are copied to be read with the codes, and kept as printed otherwise.
 */
export function withGroupsAndNames(rows: RawRow[]): void {
  const named = rows.map((r) => ({ name: r.name, open: r.role === 'data' && r.side === null }));
  const found = rows.some((r) => r.code !== null) ? null : economicCodesByName(named);
  if (found) {
    const coded = rows.map((r, i) => {
      const e = found[i];
      return e ? { ...r, code: e.code, scheme: e.scheme, level: e.level, texts: { ...r.texts, ...ECONOMIC_CODE_FROM_NAME } } : { ...r };
    });
    assignGroups(coded);
    if (namesHold(named, found, (i) => coded[i].role !== 'data')) {
      rows.splice(0, rows.length, ...coded);
      return;
    }
  }
  assignGroups(rows);
}

/** The sub-units of a table printed per unit (see readUnits): their rows are grouped under them. */
function assignGroups(rows: RawRow[]): void {
  const units = readUnits(
    rows.map((r) => ({ coded: r.code !== null, level: r.level, name: r.name, total: r.role === 'total', amounts: r.numbers.map((n) => n.value) })),
  );
  rows.forEach((row, i) => {
    row.role = rowRoleOfUnit(units.role[i]) ?? row.role;
    row.group = units.group[i];
  });
}
