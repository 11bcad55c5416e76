import { parseAmount, printedDecimals } from '../numbers.ts';
import { compact, foldFigures, foldWidth, opensWithDigit } from '../../core/width.ts';
import { markerKind, markerOf } from '../../core/outline.ts';
import { schemeOf } from '../../core/codes.ts';
import { FIGURE_WHOLE_SOURCE, SPACED_AMOUNT_SOURCE } from '../../core/amounts.ts';

/** Reading single cells: amounts (whole or split by extraction), code pieces, names broken by wrapping. */

export interface CellAmount {
  value: number;
  split: boolean;
}

/** An amount's pieces, split by white space inside its cell: `1971.5 9`, `7127. 71`. */
const SPLIT_AMOUNT = new RegExp(`^${FIGURE_WHOLE_SOURCE}(?:\\.\\d*)?(?:\\s+\\d+)+$`);

const SPACED_AMOUNT = new RegExp(`^${SPACED_AMOUNT_SOURCE}$`);

/**
 * An amount cell. `1 234.56`, grouped by spaces, is read whole: a cell the reader's geometry made one (the aligned
 * reader's joinSpacedThousands, a line of one cell). `1971.5 9` (an amount split inside its cell) is read as its joined
 * value, marked split.
 */
export function cellAmount(cell: string): CellAmount | null {
  const t = cell.trim();
  const whole = parseAmount(t);
  if (whole != null) return { value: whole, split: false };
  // Both patterns below open with a digit: most cells that are no amount are names, ruled out before they are folded.
  if (!opensWithDigit(t)) return null;
  const plain = foldFigures(t);
  if (t.includes(' ') && SPACED_AMOUNT.test(plain)) return { value: parseAmount(t.replace(/\s/g, ''))!, split: false };
  if (SPLIT_AMOUNT.test(plain)) {
    const joined = parseAmount(t.replace(/\s+/g, ''));
    if (joined != null) return { value: joined, split: true };
  }
  return null;
}

/** How a table prints its amounts: the digits after the point, and whether the whole part is grouped by commas. */
/** Digits of a code cell (`21 5` → `215`), or null when the cell holds something else. */
export function codePiece(cell: string): string | null {
  const t = compact(cell);
  return /^\d*$/.test(t) ? t : null;
}

/**
 * Code pieces run into the name after them, with no space or one (`30207邮电费`, `208 05 01 行政运行`, `201一般公共服务支出`):
 * the pieces, and how many characters they take with the space after them. Not an amount, a year or a list of years
 * opening a name (`2020、2021依法破产…`, `2022年度…`, `2023下乡援助…`: opensWithYear; `600元/人/月`). Read width-folded (`２０１０１行政运行`).
 */
export function codeRunIntoName(text: string): { pieces: string[]; length: number } | null {
  const plain = foldFigures(text);
  const lead = /^(\d{3,7}(?: \d{2}){0,2}) ?(?=[^\x00-\x7f])/.exec(plain);
  if (!lead || /^\d+(?:\.\d+)? ?(?:[万元%％年]|、\d)/.test(plain) || opensWithYear(plain)) return null;
  return { pieces: lead[1].split(' '), length: lead[0].length };
}

/**
 * Wrapping inserts spaces between the characters of a name (`一般公 共服 务支 出`); ASCII words keep theirs. A digit is
 * a digit in either width (`２０２２ 年` as `2022 年`): two numbers keep the space between them.
 */
export function cleanName(cell: string): string {
  const t = cell.trim();
  // The replacements only take white space out, and most names hold none once trimmed.
  if (!/\s/.test(t)) return t;
  return t
    .replace(/(?<=[^\x00-\x7f０-９])\s+(?=[^\x00-\x7f０-９])/g, '')
    .replace(/(?<=[^\x00-\x7f０-９])\s+(?=[\d０-９(（])/g, '')
    .replace(/(?<=[\d０-９)）])\s+(?=[^\x00-\x7f０-９])/g, '');
}

/** A header cell as a label: the cell compacted (core/width.ts), whose results are kept, since each reader asks again. */
export function headerLabel(cell: string): string {
  return compact(cell);
}

const OF_WHICH = /^其中[:：]\s*/;

/** An item marker opening a row's name (`1、`, `一、`, `（一）`, `其中：`): a new row, even where the row before printed no amount. */
export function opensItem(name: string): boolean {
  return markerOf(name, ['digit', 'cn', 'paren']) !== null || OF_WHICH.test(name);
}

/**
 * A table numbers its items 一、 and their parts 1. (a 收支总表's sides, a 固定资产 table's 1、房屋 2、车辆): the depth a
 * row's name gives it, or null for a row its name does not number.
 */
export function itemDepth(name: string): 1 | 2 | null {
  const kind = markerKind(name);
  return kind === 'cn' ? 1 : kind === 'digit' ? 2 : null;
}

/**
 * A row's name without the item markers before it, however many (`其中：（一）因公出国（境）支出`, `1.公务用车购置费`,
 * `（2）…`): where a reader names a row by its words, as the “三公” readers of a table set row-wise do.
 */
export function withoutItemMarkers(name: string): string {
  let t = name.trim();
  for (;;) {
    const cut = OF_WHICH.exec(t)?.[0].length ?? markerOf(t, ['cn', 'paren', 'paren-digit', 'digit'])?.length;
    if (!cut) return t;
    t = t.slice(cut).trimStart();
  }
}

/**
 * A year opening a name (`2022年度…`, `2020、2021…`, `2023下乡援助…`): 19xx or 20xx run into the words after it. Its
 * first three digits may be a 类 (202 外交支出), but a code run into its name is a whole 类, 款 or 项 (3, 5 or 7 digits),
 * never four. Only before words: a year closing a span wrapped onto a line of its own (广州 水务局 2026 -layout L998
 * `2028）专题策划`) is still cut off as a code, which reassembly flags; the aligned reader's wrapped names lean on it.
 */
export function opensWithYear(text: string): boolean {
  return /^(?:19|20)\d{2}\s?(?=[、\u4e00-\u9fff])/.test(foldFigures(text.trim()));
}

/** A code joined to its name by a hyphen (`2050802-干部教育`, 北京): the code (3, 5 or 7 digits), then the name's first character. */
const HYPHENED_CODE = /^(\d{3}|\d{5}|\d{7}) ?[-－—–] ?(?=[^\x00-\x7f])/;

/** A code in brackets before its name (`[30101]基本工资`, 广州): the code (3, 5 or 7 digits), then the name. */
const BRACKETED_CODE = /^\[(\d{3}|\d{5}|\d{7})\]\s*(?=[^\x00-\x7f])/;

/**
 * A classification code joined to the name in one word, by a hyphen or in brackets (HYPHENED_CODE, BRACKETED_CODE):
 * the code, whether a hyphen joins it, and how many characters it takes with its joint. Null where the word opens with
 * no such code or the code is of no classification.
 */
export function joinedCode(word: string): { code: string; hyphened: boolean; length: number } | null {
  const folded = foldWidth(word);
  const hyphened = HYPHENED_CODE.exec(folded);
  const m = hyphened ?? BRACKETED_CODE.exec(folded);
  return m && schemeOf(m[1]) !== null ? { code: m[1], hyphened: hyphened !== null, length: m[0].length } : null;
}

/**
 * A classification code and its name in one cell, as a workbook typed by hand or a finance system's export prints
 * them where the table has no code column: `2010301 行政运行`, `[20103]政府办公厅（室）及相关机构事务`, `30101-基本工资`.
 * The code is a whole 类, 款 or 项 of a classification (3, 5 or 7 digits) set apart from the name by a space, a
 * hyphen or brackets; digits run into the name (`2022年度…`) are no code.
 */
export function codeOpeningName(cell: string): { code: string; name: string } | null {
  const t = foldWidth(cell.trim());
  const m = BRACKETED_CODE.exec(t) ?? /^(\d{3}|\d{5}|\d{7})(?:\s*-\s*|\s+)(?=[^\x00-\x7f])/.exec(t.replace(/[－—–]/g, '-'));
  const code = m?.[1];
  if (!m || !code || schemeOf(code) === null) return null;
  return { code, name: cell.trim().slice(m[0].length) };
}

/**
 * Whether amounts as printed are one row's 合计 and its parts: two or more, the first not 0 and the sum of the others
 * to the precision printed (half a unit of the last printed decimal a term). The standard templates print a row's 合计
 * first and its parts after it (合计 = 基本支出 + 项目支出, = 人员经费 + 公用经费, = the sources of its income), and an
 * empty cell prints nothing, so a row printed whole sums this way whichever of its parts it prints.
 */
export function firstSumsTheRest(amounts: readonly string[]): boolean {
  if (amounts.length < 2) return false;
  const values = amounts.map((t) => cellAmount(t)?.value ?? NaN);
  const decimals = Math.max(0, ...amounts.map(printedDecimals));
  const [whole, ...parts] = values;
  const tolerance = (amounts.length * 10 ** -decimals) / 2 + 1e-9;
  return whole !== 0 && Math.abs(whole - parts.reduce((a, b) => a + b, 0)) <= tolerance;
}

/** Joins wrapped pieces of one cell: CJK text is joined directly, Latin words and numbers keep a space. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    if (!out) out = part;
    else if (/[A-Za-z0-9０-９]$/.test(out) && /^[A-Za-z0-9０-９]/.test(part)) out += ` ${part}`;
    else out += part;
  }
  return out;
}

/**
 * A workbook cell holding a formula saved without its result (sources/xlsx.ts): the reader cannot know its amount and
 * writes this in its place, naming the cell, so that it is read as an amount nobody knows, neither blank nor zero.
 */
const UNCOMPUTED_MARK = '〔公式未计算：([A-Z]{1,3}\\d+)〕';
const UNCOMPUTED = new RegExp(UNCOMPUTED_MARK, 'g');
const ONLY_UNCOMPUTED = new RegExp(`^${UNCOMPUTED_MARK}$`);

/** What a workbook reader writes for a formula cell saved without its result, at `address` (`C4`). */
export function uncomputedCell(address: string): string {
  return `〔公式未计算：${address}〕`;
}

/** Whether a cell holds only such a formula. */
export function isUncomputed(cell: string): boolean {
  return ONLY_UNCOMPUTED.test(cell.trim());
}

/** The addresses of such formulas a text holds (a row's text in an amount column). */
export function uncomputedAddresses(text: string): string[] {
  return [...text.matchAll(UNCOMPUTED)].map((m) => m[1]);
}

/** What a reader says of such cells, named as Excel names them (a row's flag, a check's note). */
export function uncomputedSaying(addresses: readonly string[]): string {
  return `${addresses.join('、')} 单元格是公式，文件中没有保存计算结果`;
}
