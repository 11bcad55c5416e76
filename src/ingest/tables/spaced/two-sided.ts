import { isGrandTotalName, SIDE_GRAND_TOTAL, sideOfTotal, totalRole } from '../../../core/totals.ts';
import { amountsAgree, sumAmounts } from '../../../core/decimal.ts';
import { FUNCTION_CLASSES, codeLevel } from '../../../core/codes.ts';
import { compact, foldWidth } from '../../../core/width.ts';
import type { SourceLine } from '../../source-lines.ts';
import type { RawRow } from './rows.ts';
import { isPageNumber } from '../../page-furniture.ts';
import { isRowNumber } from '../../layout/row-numbers.ts';
import { hasAmountToken } from '../shared/header-rows.ts';
import { isAmountToken, isPlaceholder, joinFragments, splitTrailingNumbers, wordsIn, type NumberToken } from './tokens.ts';
import type { BlockRow } from '../../layout/blocks.ts';
import { markerKind, withoutMarker } from '../../../core/outline.ts';
import { columnKeyFor } from '../columns.ts';
import { FUNCTION_CODES, listedNames } from '../../../review/data/classification-codes.ts';

/**
 * Two-sided summary tables (收支总表, 财政拨款收支总表) print an income item on the left and an expenditure 类 on the
 * right of the same line. Each side becomes its own row, marked in `texts.side`.
 */

const HAN = /[\u3400-\u9fff]/;
// The carry-over to next year, printed below the expenditure side's total of the year.
const CARRIED_FORWARD = /^(?:结转下年|年末结转)/;
// A line printing both sides' grand totals.
const BOTH_GRAND_TOTALS = new RegExp(`${SIDE_GRAND_TOTAL.income}.*${SIDE_GRAND_TOTAL.expenditure}`);

/**
 * An item of the expenditure side by its name: every expenditure item of the template is a …支出 (the 类, 基本支出,
 * 上缴上级支出, 债务还本支出 …), and no income item is (…收入, …拨款, …资金, 上年结转). A line printing only such an
 * item (the expenditure side runs longer than the income side) belongs to the right-hand side.
 */
function isExpenditureItem(tokens: readonly string[]): boolean {
  const { head } = splitTrailingNumbers(tokens);
  return /支出$/.test(compact(joinFragments(head)));
}

/**
 * Whether the label at token `at` (up to its first amount) opens the expenditure side: one of the side's totals
 * (core/totals.ts) or its carry-over. Only the label: a 西安 total line prints the side's total once a panel
 * (`本年收入合计 74868.34 本年支出合计 74868.34 本年支出合计 74868.34 …`, -raw L426) and the side opens at the first.
 */
function opensExpenditure(tokens: readonly string[], at = 0): boolean {
  let end = at;
  while (end < tokens.length && !isAmountToken(tokens[end]) && !isPlaceholder(tokens[end])) end++;
  const label = compact(tokens.slice(at, end).join(''));
  return sideOfTotal(label) === 'expenditure' || CARRIED_FORWARD.test(label);
}

function isFunctionClassAt(tokens: readonly string[], i: number): boolean {
  return foldWidth(tokens[i] ?? '') in FUNCTION_CLASSES && HAN.test(tokens[i + 1] ?? '');
}

/**
 * Where the expenditure side of a line starts, or null when the line has one side only: at a 类 code, at a total
 * of the expenditure side, at the first name after the income side's amounts (`一、一般公共预算收入 7,132.41
 * 一、一般公共服务支出`), where the expenditure items are printed without codes, or, where the income item prints
 * no amount (its cell empty, or a dash), at an outline-numbered …支出 item after it, the amounts after that its own
 * (北京 民政局 2026 -raw L7 `三、国有资本经营预算拨款收入 三、国防支出`, 烟台 水利局 2026 -raw L125
 * `国有资本经营预算收入 四、教育支出 6.20`). Only there: an item without a number may be one name a space cuts
 * (`国有土地使用权出让收入 安排的支出`); where it is two, the line's words say so (gluedSides).
 */
function expenditureStart(tokens: readonly string[]): number | null {
  for (let i = 0; i < tokens.length; i++) if (isFunctionClassAt(tokens, i)) return i;
  for (let i = 1; i < tokens.length; i++) if (opensExpenditure(tokens, i)) return i;
  // The marker of the income item the line opens with ('' where it opens with its name), or null where it opens with
  // an expenditure item: a line of a table printing more than two sides holds no income item (西安 交通 2022 -raw L371
  // `8、社会保障和就业支出 1983.46 (2)商品和服务支出 8949.80 8、对企业资本性支出`).
  const incomeMarker = isExpenditureItem(tokens.slice(0, 1)) ? null : (markerKind(tokens[0] ?? '') ?? '');
  // The expenditure item is numbered as the income item is (长沙 教育 2026 -raw L190 `1、一般公共预算拨款收入 656.73
  // 1、一般公共服务支出`), by 一、 or 1、 where that one is not numbered.
  const numbered = (token: string) => {
    const kind = markerKind(token);
    return incomeMarker === null ? false : incomeMarker ? kind === incomeMarker : kind === 'cn' || kind === 'digit';
  };
  for (let i = 2; i < tokens.length; i++) {
    const opensName = HAN.test(tokens[i][0]) || (incomeMarker !== '' && numbered(tokens[i]));
    if (isAmountToken(tokens[i - 1]) && opensName && tokens.slice(0, i - 1).some((t) => !isAmountToken(t))) return i;
  }
  if (incomeMarker === '' && !HAN.test(tokens[0]?.[0] ?? '')) return null;
  for (let i = 1; i < tokens.length && !isAmountToken(tokens[i]); i++) {
    if (numbered(tokens[i]) && isExpenditureItem(tokens.slice(i)) && !isExpenditureItem(tokens.slice(0, i))) return i;
  }
  return null;
}

/** The words an income item's name ends in (`附属单位上缴收入`, `财政专户管理资金`, `国有资本经营预算`, `上年结转`, `使用非财政拨款结余`). */
const INCOME_ENDING_WORDS = '收入|资金|拨款|预算|结转|结余';
/** How an income item's name ends. */
const INCOME_ENDING = new RegExp(`(?:${INCOME_ENDING_WORDS})$`);
/** Each place in a word where such an ending ends (`附属单位上缴收入|对附属单位的补助支出`). */
const INCOME_ENDINGS = new RegExp(INCOME_ENDING_WORDS, 'g');
/** A note in brackets closing a name (`事业收入（不含教育收费）`). */
const CLOSING_NOTE = /[（(][^（()）]*[）)]$/;
/**
 * Words that go on with the name before them (`国有土地使用权出让收入 安排的支出` is one 项 of the expenditure side), or
 * a side's own word, which opens no item (`一般公共预算财政拨款收入 支出 决算数 9746.50`, 上海 规划资源局 2024 决算 plain
 * pdftotext L126-L130, the header's 支出 and 决算数 joined to the first row).
 */
const GOES_ON = /^(?:安排|的|及|和|与|等|支出|收入)/;

/** A name without its outline marker and closing note, compacted. */
const bareName = (words: readonly string[]) => withoutMarker(compact(joinFragments(words))).replace(CLOSING_NOTE, '');

/**
 * An income item of a 收支总表 by the column vocabulary (tables/columns.ts: 附属单位上缴收入, 国有资本经营预算 …): a
 * source it names, its name ending as an income item's does. Not a total (总计), nor the carry-over to next year.
 */
function isIncomeItem(words: readonly string[]): boolean {
  const bare = bareName(words);
  const key = columnKeyFor(bare);
  return key !== null && key !== 'total' && INCOME_ENDING.test(bare) && !CARRIED_FORWARD.test(bare);
}

/**
 * The names of the 支出功能分类's 类, 款 and 项 (the review's national list), compacted. No income item bears one (none
 * ends as an income item does), so a line printing one alone is an item of the expenditure side, which in a 收支总表
 * prints its 款 and 项 without codes and runs longer than the income side (杭州 交通运输局 2026 -raw L499
 * `人力资源和社会保障管理事务 58.84`, -layout L543 printing it in the right-hand column).
 */
const FUNCTION_NAMES = new Set(
  Object.values(FUNCTION_CODES).flatMap(listedNames).map((n) => compact(n.name)),
);

/** Whether a name is an item of the expenditure side by itself: …支出, a total or the carry-over, a 支出功能分类 name. */
function namesExpenditure(tokens: readonly string[]): boolean {
  return opensExpenditure(tokens) || isExpenditureItem(tokens) || FUNCTION_NAMES.has(bareName(splitTrailingNumbers(tokens).head));
}

/**
 * An income side's word anywhere in a name (`一、一般公共预算财政拨款收入 支出 决算数`, the header's words run in;
 * `二、政府性基金`, its name wrapped, 上海 普陀 2025 单位预算 -raw-def L678).
 */
const INCOME_WORD = new RegExp(`${INCOME_ENDING_WORDS}|基金`);

/**
 * The side of a line printing one item alone by its name: the expenditure side's for an expenditure item
 * (namesExpenditure), the income side's for a name holding an income word or a total's; null where it holds neither
 * and single-space text, which prints no column, cannot say (a 项 the list does not hold).
 */
function loneSide(tokens: readonly string[]): 'income' | 'expenditure' | null {
  if (namesExpenditure(tokens)) return 'expenditure';
  const name = compact(joinFragments(splitTrailingNumbers(tokens).head));
  return INCOME_WORD.test(name) || totalRole(name) !== null ? 'income' : null;
}

/**
 * The lines of an expenditure item whose name wraps onto a line of its own, its amounts on a third (`其他人力资源和
 * 社会保障管理事务支` / `出` / `58.84`, 杭州 交通运输局 2026 -raw L500-L502; -layout L544-L546 prints them in the
 * right-hand column): two lines of one name each, no amounts, the first no item of its own, the word 支出 cut between
 * them or the two together a 支出功能分类 name (`其他政府性基金及对应专项债务收入安` / `排的支出`, L531). Their line
 * numbers. Only so: an income item wrapped, or a header's words, read with an amountless item after them would end
 * in 支出 too (上海 普陀 2024 `二、政府性基金` / `预算财政拨款`).
 */
function wrappedExpenditure(printed: readonly BlockRow[]): Set<number> {
  const found = new Set<number>();
  const loneName = (row: BlockRow | undefined) => {
    const tokens = row ? wordsIn(row) : [];
    return tokens.length > 0 && !tokens.some((t) => isAmountToken(t) || isPlaceholder(t)) && expenditureStart(tokens) === null ? tokens : null;
  };
  for (let k = 0; k + 1 < printed.length; k++) {
    const [first, next] = [loneName(printed[k]), loneName(printed[k + 1])];
    if (!first || !next || namesExpenditure(first)) continue;
    const cut = /支$/.test(compact(joinFragments(first))) && /^出/.test(next[0]);
    if (!cut && !FUNCTION_NAMES.has(bareName([...first, ...next]))) continue;
    found.add(printed[k].line.no).add(printed[k + 1].line.no);
  }
  return found;
}

/** The flag of a line printing one item alone whose side its name does not say (loneSide): read as income. */
const LONE_FLAG = '本行只印着一个项目，名称里没有收入项目的字样，也不在支出功能分类科目中，无法确定属于收入还是支出，暂按收入读取';

/** The two ways of reading a line's names from its words: each part's words, or that it cannot be parted for certain. */
type GluedSides = { income: string[]; expenditure: string[] } | 'unsure';

/**
 * The two names of a line printing an income item and an expenditure item with no outline number or amount between
 * them, one space apart or none (`附属单位上缴收入 对附属单位的补助支出`, 烟台 水利局 2026 -raw L145;
 * `四、事业单位经营收入 国防动员 18.00`, 杭州 交通运输局 2026 -raw L491, whose expenditure side prints 款 and 项 names
 * without codes). Parted only where that is certain: after an income item the column vocabulary names (isIncomeItem),
 * before words that open a name of their own — an expenditure item by its name (…支出, 结转下年), or after a space
 * any words that end as no income item does — and at one such place only; never where the words after go on with
 * the name (`安排的支出`) or are a side's word (`国有资本经营预算支出`, a 类, is no income item and 支出). `unsure` where an expenditure item follows a
 * space after words ending as an income item that the vocabulary does not name: the line is kept whole and flagged.
 * `label` is the line's words before its amounts.
 */
function gluedSides(label: readonly string[]): GluedSides | null {
  if (label.length === 0) return null;
  const parts: { income: string[]; expenditure: string[]; spaced: boolean }[] = [];
  label.forEach((word, t) => {
    const ends = [...word.matchAll(INCOME_ENDINGS)].map((m) => m.index + m[0].length).filter((p) => p < word.length);
    if (t + 1 < label.length) ends.push(word.length);
    for (const p of ends) {
      const rest = [word.slice(p), ...label.slice(t + 1)].filter((w) => w !== '');
      parts.push({ income: [...label.slice(0, t), word.slice(0, p)], expenditure: rest, spaced: p === word.length });
    }
  });
  const opensName = (words: readonly string[]) => HAN.test(words[0][0]) && !GOES_ON.test(words[0]);
  const isExpenditureName = (words: readonly string[]) => isExpenditureItem(words) || opensExpenditure([bareName(words)]);
  // After a space, words that end as no income item does and are no column's label (决算数, 金额) open a name too;
  // inside a word only an expenditure item's whole name does (`一般公共预算|拨款74868.34`, 西安 -raw L539, an amount
  // run into its name, goes on with the income item's).
  const opensItem = (p: (typeof parts)[number]) =>
    p.spaced
      ? isExpenditureName(p.expenditure) || (!INCOME_ENDING.test(bareName(p.expenditure)) && columnKeyFor(bareName(p.expenditure)) === null)
      : isExpenditureName(p.expenditure.slice(0, 1));
  const certain = parts.filter((p) => opensName(p.expenditure) && isIncomeItem(p.income) && opensItem(p));
  if (certain.length === 1) return certain[0];
  const unsure = parts.some((p) => p.spaced && opensName(p.expenditure) && INCOME_ENDING.test(bareName(p.income)) && isExpenditureName(p.expenditure));
  return certain.length > 1 || unsure ? 'unsure' : null;
}

/** The flag of a line kept whole that may print an income item and an expenditure item side by side (gluedSides). */
const GLUED_FLAG = '本行可能并排印着收入项目和支出项目，中间没有编号或金额，无法确定从哪里分开，整行按一个项目读取';

function sideRow(line: SourceLine, tokens: readonly string[], side: 'income' | 'expenditure', numbers: NumberToken[], label: string): RawRow {
  const code = side === 'expenditure' && foldWidth(tokens[0] ?? '') in FUNCTION_CLASSES ? foldWidth(tokens[0]) : null;
  const name = code ? joinFragments(tokens.slice(1)) : label;
  const key = compact(name);
  const role = totalRole(key) ?? 'data';
  return {
    first: line.no,
    last: line.no,
    code,
    scheme: code ? 'function' : null,
    level: code ? codeLevel(code, 'function') : null,
    name,
    fragments: [name],
    numbers,
    role,
    group: null,
    side,
    texts: { side },
  };
}

/** Amounts may differ by a few hundredths from the sum of other rounded amounts. */
const ROUNDING = 0.02;

/** The amounts of a two-sided table's rows, and the lines of amounts alone that no row of it could take. */
export interface TwoSidedRead {
  rows: RawRow[];
  /** Lines of amounts alone whose row the print does not name, left out of the table (see readTwoSidedRows). */
  unlabelled: SourceLine[];
  /** Lines printing more than two sides (收入 | 功能分类 | 经济分类 …): their amounts are left out. */
  panels: SourceLine[];
}

/**
 * A side's name that holds amounts after its 序号 or code (`2`, `201 02 01`, `2010201`) holds the cells of further
 * sides, which single spaces cannot part.
 */
function holdsAmounts(head: readonly string[]): boolean {
  let from = 0;
  while (from < Math.min(3, head.length) && /^(?:\d{1,3}|\d{5}|\d{7})$/.test(foldWidth(head[from]))) from++;
  return hasAmountToken(head.slice(from));
}

const near = (a: number | null | undefined, b: number | null | undefined) => a != null && b != null && amountsAgree(a, b, ROUNDING);

/**
 * Whether a line of amounts alone is the totals line whose labels were lost, by the identities of a 收支总表:
 * 收入总计 = (本年)收入合计 + 上年结转, and 收入总计 = 支出总计 where no 收入合计 is printed. A table that prints its
 * 总计 with their labels has no unlabelled totals line. Any other such amount belongs to a row whose name wrapped
 * onto lines of its own (`其他人力资源和社会保障管理事务支` / `出` / `58.84`), or is a 序号 or a page number; which row
 * single-space text cannot tell.
 */
function isTotalsLine(numbers: readonly NumberToken[], rows: readonly RawRow[], incomeColumns: number): boolean {
  if (rows.some((r) => isGrandTotalName(r.name) && r.numbers.length > 0)) return false;
  const first = numbers[0]?.value;
  const income = rows.filter((r) => r.side === 'income');
  // The income of the year, before 上年结转 is added: the side's total that is not its grand total.
  const ofYear = income.find((r) => sideOfTotal(r.name) === 'income' && !isGrandTotalName(r.name))?.numbers[0]?.value;
  if (ofYear != null) {
    const carried = income.filter((r) => withoutMarker(compact(r.name), ['cn']).startsWith('上年结转')).map((r) => r.numbers[0]?.value ?? 0);
    return near(first, sumAmounts([ofYear, ...carried]));
  }
  return near(first, numbers[incomeColumns]?.value);
}

function numberedRow(row: RawRow, rowNumber: string): RawRow {
  return { ...row, texts: { ...row.texts, rowNumber } };
}

/**
 * Reads the rows of a two-sided table. A line of numbers only may be the totals line whose labels were lost: its
 * first `incomeColumns` numbers are then 收入总计, the rest 支出总计 (isTotalsLine decides).
 */
export function readTwoSidedRows(printed: readonly BlockRow[], incomeColumns: number, rowNumbers = false): TwoSidedRead {
  // Under a 行次 header each side prints its row's number before its amounts (`一、一般公共服务支出 28 0.00`): the
  // row's number, no amount.
  const counted = (numbers: readonly NumberToken[]) => rowNumbers && isRowNumber(numbers[0]?.text ?? '');
  const read: (RawRow[] | { line: SourceLine; numbers: NumberToken[] })[] = [];
  const panelLines: SourceLine[] = [];
  const wrapped = wrappedExpenditure(printed);
  for (const row of printed) {
    const { line } = row;
    if (isPageNumber(line.text)) continue;
    const printedWords = wordsIn(row);
    // The income side's number printed alone, its name and amount blank, before an expenditure item (`9 九、卫生健康
    // 支出 39 40.02`, the probe's 2023 部门决算 as LibreOffice prints its workbook, -raw) is that side's row, no word
    // of the item's name; a 类 code before its name (`208 社会保障和就业支出`) stays the code.
    const blankIncome = rowNumbers && isRowNumber(printedWords[0] ?? '') && HAN.test(printedWords[1]?.[0] ?? '') && !isFunctionClassAt(printedWords, 0);
    const tokens = blankIncome ? printedWords.slice(1) : printedWords;
    if (tokens.length === 0) continue;
    if (tokens.every(isAmountToken)) {
      read.push({ line, numbers: splitTrailingNumbers(tokens).numbers });
      continue;
    }
    const rows: RawRow[] = [];
    if (blankIncome) rows.push(numberedRow(sideRow(line, [], 'income', [], ''), printedWords[0]));
    let panels = false;
    const side = (part: readonly string[], which: 'income' | 'expenditure') => {
      const { head, numbers } = splitTrailingNumbers(part);
      const mixed = holdsAmounts(head);
      panels ||= mixed && numbers.length > 0;
      const own = mixed ? [] : numbers;
      const row = sideRow(line, head, which, counted(own) ? own.slice(1) : own, joinFragments(head));
      rows.push(counted(own) ? numberedRow(row, own[0].text) : row);
    };
    // After the income side's number alone the line is the expenditure side's.
    const split = blankIncome ? null : expenditureStart(tokens);
    const label = splitTrailingNumbers(tokens).head;
    const glued = split === null && !blankIncome ? gluedSides(label) : null;
    const parted = glued === 'unsure' ? null : glued;
    const left = parted ? parted.income : split === null ? tokens : tokens.slice(0, split);
    const right = parted ? [...parted.expenditure, ...tokens.slice(label.length)] : split === null ? [] : tokens.slice(split);
    const lone = blankIncome ? 'expenditure' : split === null && !parted ? (wrapped.has(line.no) ? 'expenditure' : loneSide(tokens)) : 'income';
    const onlyRight = lone === 'expenditure';
    // An expenditure total's name before the income side's amount: reading order printed the row's expenditure
    // label, then the next row's income amount and expenditure label (广州 2026 plain pdftotext L282-L284
    // `本年支出合计` / `0.00 结转结余下年`, the 0.00 上年结转结余's, -layout L264). The amount is not the label's.
    const leftName = split === null ? null : splitTrailingNumbers(left).head;
    if (leftName && opensExpenditure(leftName)) {
      rows.push(sideRow(line, leftName, 'expenditure', [], joinFragments(leftName)));
    } else if (left.length > 0 && !onlyRight) side(left, 'income');
    const expenditure = onlyRight ? tokens : right;
    if (expenditure.length > 0) side(expenditure, 'expenditure');
    if (glued === 'unsure') for (const row of rows) row.flag = GLUED_FLAG;
    else if (lone === null) rows[0].flag = LONE_FLAG;
    read.push(rows);
    if (panels) panelLines.push(line);
  }
  const named = read.flatMap((r) => (Array.isArray(r) ? r : []));
  const out: TwoSidedRead = { rows: [], unlabelled: [], panels: panelLines };
  for (const r of read) {
    if (Array.isArray(r)) out.rows.push(...r);
    else if (isTotalsLine(r.numbers, named, incomeColumns)) {
      out.rows.push(sideRow(r.line, [], 'income', r.numbers.slice(0, incomeColumns), SIDE_GRAND_TOTAL.income));
      if (r.numbers.length > incomeColumns) out.rows.push(sideRow(r.line, [], 'expenditure', r.numbers.slice(incomeColumns), SIDE_GRAND_TOTAL.expenditure));
    } else out.unlabelled.push(r.line);
  }
  return out;
}

/** A table is two-sided when lines carry an income item and an expenditure 类 side by side, or both totals. */
export function looksTwoSided(rows: readonly BlockRow[]): boolean {
  let sideBySide = 0;
  for (const row of rows) {
    const { line } = row;
    const tokens = wordsIn(row);
    const i = tokens.findIndex((_, k) => isFunctionClassAt(tokens, k));
    if (i > 0) sideBySide++;
    if (BOTH_GRAND_TOTALS.test(compact(line.text))) sideBySide++;
  }
  return sideBySide >= 2;
}
