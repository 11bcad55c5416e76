import type { LineRange } from '../../schema/common.ts';
import { isTotalName } from '../../core/totals.ts';
import { className, ECONOMIC_CLASSES, FUNCTION_CLASSES, GOVERNMENT_ECONOMIC_CLASSES, schemeOf } from '../../core/codes.ts';
import { compact, foldFigures, foldWidth } from '../../core/width.ts';
import { bareNumber, isPageFurnitureAt } from '../page-furniture.ts';
import { blanked, isBlank, type SourceLine } from '../source-lines.ts';
import { cellAmount, firstSumsTheRest, joinedCode, opensItem } from './cell-text.ts';
import { leadingMoney } from '../numbers.ts';
import { markerKind } from '../../core/outline.ts';
import { isUnitStatement } from '../../core/units.ts';
import { headsCodes, isKnownLabel } from '../tables/aligned/header.ts';
import { columnKeyFor } from '../tables/columns.ts';
import { isNoteLine, titleKind } from '../tables/shared/region-text.ts';
import { halvesInRuns } from '../tables/spaced/derived-columns.ts';
import { COLUMN_LABELS } from '../tables/spaced/header.ts';
import { isTwoSidedKind } from '../tables/kinds.ts';
import type { TableKind } from '../../schema/table.ts';

/**
 * Text extracted in reading order (`pdftotext` without `-layout`, text copied out of a browser's PDF viewer) prints a
 * table one cell a line: a code (`213`, or `204` / `06` / `01` where the code is printed in 类/款/项 columns), the
 * name (wrapped over lines of its own), then one line per amount, often with blank lines between; an empty cell prints
 * nothing. Here each such row is made the one line the single-space reader reads (`213 农林水支出 20,747.92 4,260.52`),
 * where the lines show with certainty which label the amounts are the row of:
 * - a classification code opens a row, and so do an item marker (`一、`, `（一）`, `1.`, `其中：`) and a total's name
 *   (`合计`, one line: a total's name does not wrap): the amounts that follow are that row's;
 * - a name of no more than MAX_NAME_LINES lines without any of them is a row only right after another row's amounts
 *   (reading order goes on row by row): after a table's title and header nothing tells the header's last labels from
 *   the first row's name.
 * Amounts after labels that show no row (a header's last lines, a name longer than any row's, the header a later page
 * prints again between a row's label and its amounts) are `loose`: no row can be made of them, and the reader is not
 * given them. Where amounts went loose, reading order is shown broken there: the rows after them are taken only where
 * a code opens them, their first amount is the sum of the others (printedWhole) or, in a table printing every cell,
 * zeros too, they print as many amounts as its rows (wholeRows), until the next header. A run of amounts that mixes a
 * bare small number with amounts of decimals (`634.33` / `254.53` / `37` / `43.18`) holds something that is no
 * amount of the row (the page's number, the next row's 序号, a cell of another row printed after it) and is loose too.
 * A line of an amount then a name (`96,282,213.44 一、公共安全支出`) continues a row: a two-sided table prints its
 * expenditure side after its income side's amount. A page's number (`- 60 -`, or `18` last on its page) is furniture, which no name goes on across.
 * Pure: the lines come back as many as they went in, a joined row on its first line and its other lines blank, so
 * that every line keeps its number; `joined` holds each joined row's lines, first to last.
 */
export interface StackedRows {
  lines: SourceLine[];
  joined: LineRange[];
  loose: SourceLine[];
  /** Totals' names (`合计`) no row took: their amounts are not known. */
  totals: SourceLine[];
  /** Codes' two digits printed in a 款 or 项 column (codeLinesAt) that opened a row: its code is not known. */
  pieces: SourceLine[];
  /** Codes printed one after another before a row's name (codeLinesAt): which is the row's is not known. */
  chained: SourceLine[];
  /**
   * Runs of amounts that are a row's whole print each, its name printed elsewhere (cut from a run printing more than a
   * row's count: wholeRowsAfter). Loose too: a table that shows them its rows' takes them (tables/stacked.ts).
   */
  nameless: SourceLine[][];
}

/** Lines of one row's name at most: more is a header or prose, not a name wrapped in its cell. */
const MAX_NAME_LINES = 3;

/** An item marker opens a row, and so does a bracketed number (`（2）`), which a line of its own gives as a marker. */
const opensRow = (text: string): boolean => opensItem(text) || markerKind(text) === 'paren-digit';
const HAN_START = /^[\u3400-\u9fff（(“"]/;
/**
 * The name after a money amount (numbers.ts leadingMoney: decimals however many, or thousands separators) opening a
 * line: the amount, then the next label (two-sided tables), `808.277000 二、外交支出`. Null where the line goes on with
 * no name (a bare whole number before a name is a code or a 序号, not an amount).
 */
function nameAfterMoney(text: string): string | null {
  const money = leadingMoney(text);
  const rest = money === null ? '' : text.trimStart().slice(money.length).trim();
  return /^\S*[^\x00-\x7f]/.test(foldFigures(rest)) ? rest : null;
}

/** A whole number of one to three digits alone in its cell (page-furniture.ts bareNumber): a page's, a 序号, a count. */
const isBare = (text: string) => bareNumber(text) !== null;

type Kind = 'amount' | 'money-then-name' | 'label' | 'furniture';

interface Printed {
  line: SourceLine;
  text: string;
  kind: Kind;
  /** How many lines from this one print a code and nothing else (codeLinesAt): asked of a line by several passes. */
  code: number;
}

function kindOf(lines: readonly SourceLine[], line: SourceLine): Kind {
  const text = line.text.trim();
  if (isPageFurnitureAt(lines, line.no, 'stacked')) return 'furniture';
  if (!/\s/.test(text) && cellAmount(text) != null) return 'amount';
  return nameAfterMoney(text) !== null ? 'money-then-name' : 'label';
}

/** A whole classification code: a 类 (3 digits), 款 (5) or 项 (7) of a known class. */
export function isWholeCode(text: string): boolean {
  const t = foldWidth(text);
  return /^\d{3}(?:\d{2}){0,2}$/.test(t) && schemeOf(t.slice(0, 3)) !== null;
}

/**
 * How many lines from `i` print a code and nothing else, its name on the line after: a whole code, or a 类 and up to
 * two two-digit pieces (`204` / `06` / `01`), or, under a header printing the code in 类 / 款 / 项 columns, a 款's or
 * 项's own two digits (`01` / `行政单位离退休`: 烟台 2026 支出总体情况表, plain pdftotext L768-L770, whose -layout text
 * prints `01` in the 项 column). 0 where line `i` opens no code.
 */
function codeLinesAt(printed: readonly Omit<Printed, 'code'>[], i: number, pieceColumns: boolean, chain = true): number {
  if (pieceColumns && /^\d{2}$/.test(foldWidth(printed[i].text))) return HAN_START.test(printed[i + 1]?.text ?? '') ? 1 : 0;
  if (!isWholeCode(printed[i].text)) return 0;
  let n = 1;
  while (n < 3 && i + n < printed.length && printed[i].text.length === 3 && /^\d{2}$/.test(foldWidth(printed[i + n].text))) n++;
  const next = printed[i + n];
  if (!next) return 0;
  if (HAN_START.test(next.text)) return n;
  // Two codes one after another up to a name: reading order gave a column of codes before the names. Which is the
  // name's shows only where the second is a 类 printed alone: its name is the classification's (`208` / `05` / `210` /
  // `卫生健康支出`, 烟台 2026 plain pdftotext L852-L862: 210's row) or another row's, the first code's (万里街道 2024 收入预算
  // 总表 L506-L514: `201` / `38` / `02` / `204` / `一般行政管理事务`, 2013802's name, 204 公共安全支出's printed elsewhere).
  // Then the two open the row of that name (chainedCode), neither given to it. Elsewhere the second code is the name's,
  // as where the first opens no row: a code and its own child (`201` / `201` / `合计` among a header's labels, 万里街道
  // 2024 L290-L330), a 款 or 项 after another code (`505` / `302` / `01` / `办公费`, 烟台 L2096-L2108).
  if (!chain || !isWholeCode(next.text) || foldWidth(next.text).length !== 3) return 0;
  const own = printed[i + n + 1];
  if (codeLinesAt(printed, i + n, pieceColumns, false) !== 1 || printsClassName(printed, i + n + 1, className(foldWidth(next.text)))) return 0;
  const first = printed.slice(i, i + n).map((p) => foldWidth(p.text)).join('');
  return first.startsWith(foldWidth(next.text)) || isHeaderLabel(own.text) ? 0 : n + 1;
}

/**
 * Whether the name lines from `at` print the 类's name on one of its lines: the 类 code is then its row's, whatever
 * name lines stand before it (深圳 2026 支出总表, plain pdftotext L8675-L8680: `2121401` / `213` / `污水处理设施建设和运` /
 * `营` / `农林水支出`, the two rows' codes and then their names in reading order).
 */
function printsClassName(printed: readonly Omit<Printed, 'code'>[], at: number, name: string | null): boolean {
  if (name === null) return false;
  for (let k = at; k < at + MAX_NAME_LINES && k < printed.length && HAN_START.test(printed[k].text); k++) {
    if (compact(printed[k].text) === name) return true;
  }
  return false;
}

/** Whether a row's opening code lines hold more than one code (codeLinesAt): which of them is the row's is not known. */
function chainedCode(printed: readonly Printed[], i: number): boolean {
  return printed.slice(i + 1, i + printed[i].code).some((p) => isWholeCode(p.text));
}

/**
 * For each line, whether it stands under a header that prints the code in columns of one level each, `类` / `款` /
 * `项` printed as labels of their own (烟台 2026 支出总体情况表, plain pdftotext L711-L725), from that header to the
 * next table's title: there a 款 or 项 prints only its own two digits.
 */
function underPieceColumns(printed: readonly { text: string }[]): boolean[] {
  let labels = new Set<string>();
  return printed.map(({ text }) => {
    const t = compact(text);
    if (titleKind(t) !== null) labels = new Set();
    else if (/^[类款项]$/.test(t)) labels.add(t);
    return labels.size === 3;
  });
}

/** For each line, the kind the title last printed before it names (null before any title). */
function kindsByTitle(printed: readonly { text: string }[]): (TableKind | null)[] {
  let kind: TableKind | null = null;
  return printed.map(({ text }) => (kind = titleKind(compact(text)) ?? kind));
}

/** A run of labels and the run of amounts after it (none after the last labels), as indices into the printed lines. */
interface Run {
  labels: number;
  amounts: number;
  end: number;
}

function isAmountLine(printed: readonly Printed[], i: number): boolean {
  const { kind } = printed[i];
  // A code printed alone opens labels even where it reads as a number.
  return (kind === 'amount' || kind === 'money-then-name') && printed[i].code === 0;
}

function runsOf(printed: readonly Printed[]): Run[] {
  const runs: Run[] = [];
  let labels = 0;
  let i = 0;
  while (i < printed.length) {
    if (!isAmountLine(printed, i)) {
      // A code's pieces (`204` / `06` / `01`) are the code's, not amounts.
      i += Math.max(1, printed[i].code);
      continue;
    }
    let end = i;
    while (end < printed.length && isAmountLine(printed, end)) end++;
    runs.push({ labels, amounts: i, end });
    labels = i = end;
  }
  return runs;
}

/** Runs of a section with fewer rows than this show no usual count of amounts. */
const FEW_RUNS = 3;

/** The runs from one header (a long run of labels) to the next: a table's page. */
function sectionsOf(runs: readonly Run[], long: readonly boolean[]): Run[][] {
  const sections: Run[][] = [];
  runs.forEach((run, k) => {
    if (k === 0 || long[k]) sections.push([]);
    sections[sections.length - 1].push(run);
  });
  return sections;
}

/**
 * Whether the row a run of amounts ends is a total or a code that sums other rows (a 类, a 款 of 支出功能分类), from
 * the labels just before its amounts: a row's name is a few lines after its code.
 */
function sumsRows(printed: readonly Printed[], run: Run): boolean {
  for (let j = run.amounts - 1; j >= Math.max(run.labels, run.amounts - MAX_NAME_LINES - 3); j--) {
    const { text } = printed[j];
    if (j === run.amounts - 1 && isTotalName(text)) return true;
    const pieces = printed[j].code;
    const code = pieces > 0 ? foldWidth(text) : (joinedCode(text)?.code ?? null);
    if (code === null) continue;
    // `212` / `03`: a code in 类/款/项 columns is of the level of its pieces.
    const level = pieces > 1 ? pieces : (code.length - 1) / 2;
    return level === 1 || (level === 2 && schemeOf(code.slice(0, 3)) === 'function');
  }
  return false;
}

/**
 * The runs whose amounts are not all one row's:
 * - a run printing more amounts than every other run of its section (the largest count of amounts that one run only
 *   prints, then the next largest, while one run only prints it; not a total's or a parent's, which prints every
 *   column its parts print where they print a few each): where no other row of a page prints as many, the run holds
 *   another row's amounts too (a cell printed after the next row's label, or at the page's foot);
 * - a run holding a bare small number where the section's amounts print decimals (`634.33` / `254.53` / `37`), or a
 *   类 code where they print none (`商品和服务支出` / `302` / `2,120,950`): the page's number, the next row's 序号 or a
 *   code printed after its name, not an amount.
 */
function mixedRuns(printed: readonly Printed[], sections: readonly Run[][]): { outsized: Set<Run>; bare: Set<Run> } {
  const outsized = new Set<Run>();
  const bare = new Set<Run>();
  const texts = (r: Run) => printed.slice(r.amounts, r.end).map((p) => p.text);
  const count = (r: Run) => r.end - r.amounts;
  for (const section of sections) {
    const decimals = section.some((r) => texts(r).some((t) => /\.\d/.test(foldFigures(t))));
    for (const r of section) if (texts(r).some((t) => isBare(t) && (decimals || isWholeCode(t)))) bare.add(r);
    // A total, a 类 or a 款 of 支出功能分类 prints every column its parts print; the next largest run is then asked in turn.
    let rest = section.filter((r) => !bare.has(r) && !sumsRows(printed, r));
    while (rest.length >= FEW_RUNS) {
      const most = Math.max(...rest.map(count));
      const widest = rest.filter((r) => count(r) === most);
      if (widest.length > 1) break;
      outsized.add(widest[0]);
      rest = rest.filter((r) => r !== widest[0]);
    }
  }
  return { outsized, bare };
}

/** A zero as a table prints an empty cell. */
const ZERO = /^-?0(?:\.0+)?$/;
const isZero = (text: string) => ZERO.test(foldFigures(text));

/**
 * The runs printing a whole row each: in a section (a table's page) that prints its empty cells as zeros, most runs, at
 * least FEW_RUNS, print the same count of amounts, one a column (上海 万里街道 2025 部门预算 支出预算总表 L1461-L1553:
 * `统计信息事务` / `438,300` / `0` / `438,300`, every row three amounts, the codes printed together above). After
 * a run of whole rows, one or more (广州 表3 L821-L885: `2080502` / `事业单位离退休`, then four rows' amounts, 24, then
 * `死亡抚恤` and its six, as the -layout text prints them at L327), the labels before such a run are its row's name
 * even where amounts before went loose: reading order broken elsewhere leaves a row that prints every one of its cells
 * together. Not after a run of codes read as amounts (printsWholeRows): 万里街道 2025 收入预算总表 L314-L341 prints
 * its codes (`201` / `07` / `02` …) among its header's labels, and `其他收入`, the last, before the first row's
 * amounts. So too where most runs print one amount each (oneEach below). Each such run with its count; and each run
 * printing more than its section's rows (overfull), with their count.
 */
function wholeRows(
  printed: readonly Printed[],
  sections: readonly Run[][],
  bare: ReadonlySet<Run>,
  kinds: readonly (TableKind | null)[],
): { whole: Map<Run, number>; overfull: Map<Run, number> } {
  const whole = new Map<Run, number>();
  const overfull = new Map<Run, number>();
  const count = (r: Run) => r.end - r.amounts;
  const zero = (r: Run) => printed.slice(r.amounts, r.end).some((p) => isZero(p.text));
  // The count of the rows of the section before, where they print their empty cells as zeros, and its table's kind.
  let before: { kind: TableKind | null; usual: number } | null = null;
  for (const section of sections) {
    const tally = new Map<number, number>();
    for (const r of section) tally.set(count(r), (tally.get(count(r)) ?? 0) + 1);
    const [usual, times] = [...tally].reduce((a, b) => (b[1] > a[1] ? b : a));
    const kind = kinds[section[0].amounts];
    if (times < FEW_RUNS || times * 2 <= section.length) {
      // A table's later page printing too few runs to show a count prints its rows as the page before (深圳 2026 收入总表,
      // plain pdftotext L2707-L2771: 33 amounts after the header printed again, three rows of eleven as on L2378-L2630,
      // their names among the header's labels, L2682-L2686): a run of several such rows holds them whole.
      const carried = before !== null && kind !== null && before.kind === kind ? before.usual : 0;
      if (carried > 1) for (const r of section) if (count(r) > carried && count(r) % carried === 0 && zero(r) && !bare.has(r)) overfull.set(r, carried);
      if (!carried) before = null;
      continue;
    }
    // A row of one amount prints it whatever the table's other cells: a section whose runs print one money amount
    // each (a decimal point, a thousands separator: not a 序号 or a page's number) is read row by row (北京 2026 预算11表
    // 政府购买服务明细表 L3892-L3906: `01-公共服务` / `0101-公共安全服务` / `安全风险评估服务` / `58.987200`, then the next
    // row's three labels and `34.542500`, its first row's amount loose after the header). Not:
    // - a two-sided table's, which prints one amount a side and each side's rows in their own order (北京 2026 预算01表
    //   L83-L90: `本年收入合计` / `上年结转结余` / `67,538.364392` / `本年支出合计` / `3,555.801664 年终结转结余`, the
    //   3,555.801664 上年结转结余's, -layout L35);
    // - a header printed column by column, each label before its column's amount (福州 2026 收入预算总表 L304-L317:
    //   `政府性基` / `金预算拨` / `款收入` / `0.00`, `国有资本` / `经营预算` / `拨款收入` / `0.00` …);
    // - a zero alone, a cell of a table printing its empty cells, whose other cells reading order printed elsewhere
    //   (上海 普陀 规划资源局 2024 基本支出决算表 L1175-L1190: `办公费` … `水费` / `440.90` / `电费` / `邮电费` / `236.63` /
    //   `取暖费` / `0.00`): a row of one amount, in a list of purchases or services, prints a figure.
    const rowOfOne = (r: Run) => {
      const amount = printed[r.amounts].text;
      return /[.,]/.test(foldFigures(amount)) && !isZero(amount) && !isHeaderLabel(printed.slice(r.labels, r.amounts).map((p) => p.text).join(''));
    };
    const oneEach = usual === 1 && !(kind !== null && isTwoSidedKind(kind)) && section.every((r) => count(r) !== 1 || rowOfOne(r));
    if (!oneEach && (usual < 2 || !section.some(zero))) {
      before = null;
      continue;
    }
    // A run holding a bare number among amounts of decimals mixes something else in (mixedRuns): not a row whole.
    for (const r of section) if (count(r) === usual && !bare.has(r)) whole.set(r, usual);
    // Where rows print their empty cells as zeros (FEW_RUNS of them or more, a zero among their usual count of
    // amounts), each prints every cell, and a total or a 类 no more than its parts: a run printing more holds the
    // amounts of another row, whose name reading order printed elsewhere (万里街道 2024 收入预算总表 L490-L529: `204` /
    // `一般行政管理事务` (201 38 02's) / five amounts / 公共安全支出's five, its name not printed there). Not where only
    // some rows print a zero (福州 2026 支出预算总表 L349-L541: its rows print 合计 and one of 基本支出 / 项目支出, 206
    // both, and only the columns after print `0.00`).
    const zeroRows = section.filter((r) => count(r) === usual && zero(r));
    if (zeroRows.length >= FEW_RUNS) for (const r of section) if (count(r) > usual) overfull.set(r, usual);
    before = zeroRows.length >= FEW_RUNS ? { kind, usual } : null;
  }
  return { whole, overfull };
}

/**
 * Whether a run prints whole rows of `usual` amounts: as many amounts as some rows print, money among them (a decimal
 * point, a thousands separator) or a zero, not only pieces of codes (`07` / `02` / `02` …) printed among a header's
 * labels (万里街道 2024 收入预算总表 L352-L360, five, as many as its rows print).
 */
function printsWholeRows(printed: readonly Printed[], run: Run, usual: number): boolean {
  const texts = printed.slice(run.amounts, run.end).map((p) => p.text);
  return texts.length % usual === 0 && texts.some((t) => /[.,]/.test(foldFigures(t)) || isZero(t));
}

/**
 * The 经济分类 items the column vocabulary knows too (项目支出 tables' columns by 类, the 三公 table's, 会议费 and 培训费
 * beside them): in a 基本支出 table they are rows' names (`30215` / `会议费`).
 */
const ECONOMIC_ITEM = /^econ-|^(?:outbound-travel|vehicles|vehicle-purchase|vehicle-operation|reception|meeting|training)$/;

/**
 * A label of a table's header: a row-name label (`功能分类科目名称`), a side title or a known column, not a total's name
 * (a row's, where amounts follow it: nameOf) nor an 经济分类 item's.
 */
function isHeaderLabel(text: string): boolean {
  const t = compact(text);
  return !isTotalName(t) && isKnownLabel(t) && !ECONOMIC_ITEM.test(columnKeyFor(t) ?? '');
}

/**
 * Whether a run is a row printed whole: its labels from `name` a row's name, none of them a header's (a header cut by
 * amounts prints the total row's amounts, which sum so, after its last label), and its amounts one row's, whole, its
 * 合计 first (firstSumsTheRest); amounts of several rows, or a row's first cells cut off from its last, do not sum so
 * (西安 表5 L1648-L1660: `社会保障和就业支出` / `1983.46` / `1901.46` then `行政事业单位养老支出` / `1886.00` /
 * `1886.00` / `82.00`, the 82.00 社会保障和就业支出's 项目支出).
 */
function printedWhole(printed: readonly Printed[], name: number, run: Run): boolean {
  if (printed.slice(name, run.amounts).some((p) => isHeaderLabel(p.text))) return false;
  const amounts = printed.slice(run.amounts, run.end).map((p) => p.text);
  return !amounts.some((t) => isBare(t) && !isZero(t)) && firstSumsTheRest(amounts);
}

/**
 * The labels of a run more than a row's name prints: a table's title and column header (not a total's name: `合计`
 * heads a column and names a row; not a code and the first line of its name, nor a coded cell: rows printing no
 * amount make long runs too). The next page of the table prints its header again, and its labels may stand among a row's lines there
 * (`301` / `工资福利支出` / `30101` / `支出总计` / `基本支出` / `项目支出` / the amounts of 301): no name goes on across them.
 */
function headerLabels(printed: readonly Printed[], run: Run): Set<string> | null {
  const texts = new Set<string>();
  // The labels before a page's number are the foot of the page before, not the header the next page prints: names
  // reading order put after their rows' amounts (广州 2026 表11 L2704-L2718: `对个人和家庭的补助` / `广州市南部水网流域事务`
  // … `商品和服务支出`, then `- 20 -` and the header), which would stop the next page's rows of those names.
  let top = new Set<string>();
  for (let i = run.labels; i < run.amounts; i++) {
    const code = printed[i].code;
    if (code > 0) {
      i += code;
      continue;
    }
    const { kind, text } = printed[i];
    if (kind === 'furniture') top = new Set();
    else if (!isTotalName(text) && !joinedCode(text)) {
      texts.add(compact(text));
      // The label the amounts follow is the first row's name unless it is a header's (`其他资金`).
      if (i < run.amounts - 1 || isHeaderLabel(text)) top.add(compact(text));
    }
  }
  return texts.size > MAX_NAME_LINES ? top : null;
}

/**
 * Whether the labels from `at` to the next code, item marker or `to` are all the header's (isHeaderLabel; a total's
 * name among them names a column or a row, either): a code printed before them is another row's, reading order having
 * set the header's last labels after it (上海 普陀 司法局 2026 单位预算 基本支出表, plain pdftotext L1364-L1369: `301` /
 * `一般公共预算基本支出` / `公用经费` / `301` / `01` / `基本工资`, the -layout text's L272 `301 工资福利支出`, whose name
 * and amounts were printed before the header's `款`). Not where a row's name follows them (普陀 政府办公室 2025 单位预算 L1047-L1056:
 * `301` / `一般公共预算基本支出` / `合计` / `人员经费` / `工资福利支出` and its amounts).
 */
function namesHeaderOnly(printed: readonly Printed[], at: number, to: number, code: string): boolean {
  let header = 0;
  for (let i = at; i < to && printed[i].code === 0 && !opensRow(printed[i].text) && !joinedCode(printed[i].text); i++) {
    if (isTotalName(printed[i].text)) continue;
    // The name after the header's labels is a 类's own only where it is the 类's (printsClassName): another 类's name
    // is the row of a code printed elsewhere (上海 普陀 司法局 2026 单位预算 一般公共预算支出表, plain pdftotext
    // L1196-L1207: `221` / `一般公共预算支出` / `合计` / `基本支出` / `项目支出` / `卫生健康支出` and its amounts, the
    // -layout text's L145 `210 卫生健康支出 982,692.00`, 221 住房保障支出 at L148).
    if (!isHeaderLabel(printed[i].text)) {
      const cls = code.length === 3 ? className(code) : null;
      return header > 0 && cls !== null && !printsClassName(printed, i, cls);
    }
    header++;
  }
  return header > 0;
}

/**
 * Where the name of the row after the total's name at `at` stands, where that total heads a column: the header's labels
 * (isHeaderLabel) follow it, then a label of no header, the last before `to` (上海 普陀 司法局 2026 单位预算 一般公共预算支出表, plain pdftotext L1199-L1211: `合计` / `基本支出` /
 * `项目支出` / `卫生健康支出` / `982,692.00` / `982,692.00` / `0.00`, the -layout text's L145 `210 卫生健康支出
 * 982,692.00 982,692.00 0.00`): a total's row prints its amounts after its name, and a row's name is no header label. -1 elsewhere.
 */
function nameAfterHeading(printed: readonly Printed[], at: number, to: number): number {
  let i = at + 1;
  while (i < to && printed[i].kind === 'label' && printed[i].code === 0 && isHeaderLabel(printed[i].text)) i++;
  const name = compact(printed[i]?.text ?? '');
  // One line, the amounts' own, and no label's first half (`国有资本` of 国有资本经营预算: the header goes on).
  const half = COLUMN_LABELS.some((l) => l.startsWith(name) && l !== name);
  return i > at + 1 && i === to - 1 && printed[i].kind === 'label' && printed[i].code === 0 && !isTotalName(name) && !joinedCode(name) && !half ? i : -1;
}

/**
 * Where the labels from `from` to `to` (exclusive) stop a row's name: at each code (alone on its lines, or joined to
 * its name by a hyphen), item marker or total's name (a row starts there, `coded` where at a code) and at each label of the header printed before and each page's number
 * (none does). A total's name heading the header's labels (nameAfterHeading) opens no row, the name after them does; not
 * in a run of labels long enough for a header (`headerRun`), whose last labels may be the header's too.
 */
function stopsIn(printed: readonly Printed[], from: number, to: number, header: ReadonlySet<string>, headerRun: boolean): { stops: number[]; starts: Set<number>; coded: Set<number> } {
  const stops: number[] = [];
  const starts = new Set<number>();
  const coded = new Set<number>();
  for (let i = from; i < to; i++) {
    const code = printed[i].code;
    const { text, kind } = printed[i];
    const name = printed[i + code]?.text ?? '';
    if (code > 0 && i + code < to && !header.has(compact(name)) && !isTotalName(name) && !namesHeaderOnly(printed, i + code, to, printed.slice(i, i + code).map((p) => foldWidth(p.text)).join(''))) {
      stops.push(i);
      starts.add(i);
      coded.add(i);
      i += code;
    } else if (kind === 'furniture' || header.has(compact(text)) || code > 0) {
      // A code before a total's or the header's label opens no row, but it is no piece of the name before it either:
      // a code printed apart from its name (深圳 2026 表8 L30288-L30306: `30399` / `其他对个人和家庭的补助` / `310` /
      // `支出总计` / … / `资本性支出`, the next page's header between 310 and its name).
      stops.push(i);
    } else if (joinedCode(text)) {
      // A row prints its coded cells one after another (`2050802-干部教育` / `50501-工资福利支出` / `30101-基本工资`):
      // the first opens it.
      if (i > from && joinedCode(printed[i - 1].text)) continue;
      stops.push(i);
      starts.add(i);
      coded.add(i);
    }
    else if (opensRow(text) || isTotalName(text)) {
      // `合计` / `基本支出` / `项目支出` / `卫生健康支出`: a total's name heading the header's labels, the row's name after
      // them opens the row.
      const heading = isTotalName(text) && !headerRun ? nameAfterHeading(printed, i, to) : -1;
      while (i < heading) stops.push(i++);
      stops.push(i);
      starts.add(i);
    }
  }
  return { stops, starts, coded };
}

/**
 * A run printing more amounts than its section's rows (wholeRows' overfull), as many as `usual` times some k: k rows'
 * whole prints one after another, the rows of the names reading order printed elsewhere (广州 2026 表11, plain
 * pdftotext L2448-L2490: `商品和服务支出` / 683.86 … / 1,521.14 … / 814.42 …, seven amounts each, the -layout text's
 * L634-L638 商品和服务支出 683.86, 对个人和家庭的补助 1,521.14, 广州市南部水网流域事务中心 814.42, the two names printed
 * at the page's foot, L2704-L2706; 深圳 2026 收入总表 L2540-L2560 after 深圳市西部水源管理中心's eleven). A row's label
 * is printed before its cells: the first block is the name's (`named`, where the run has one), the others nameless.
 * After a header, every block is nameless. Null where the run is no such multiple, or follows labels that are
 * neither a name nor a header.
 */
function wholeRowsAfter(
  amounts: readonly Printed[],
  usual: number,
  afterHeader: boolean,
  afterName: boolean,
): { named: Printed[] | null; nameless: Printed[][] } | null {
  // A line that goes on with a name after its amount (nameAfterMoney) opens a row there: no block ends with it.
  if (amounts.length % usual !== 0 || amounts.some((a) => a.kind !== 'amount') || (!afterName && !afterHeader)) return null;
  const blocks = Array.from({ length: amounts.length / usual }, (_, k) => amounts.slice(k * usual, (k + 1) * usual));
  return afterName ? { named: blocks[0], nameless: blocks.slice(1) } : { named: null, nameless: blocks };
}

/** A catalogue's code joined to its name by a hyphen (`0207-评审、评估和评价服`): the code. */
const LEVEL_CODE = /^(\d{2,})[-－—–](?=[^\x00-\x7f])/;

/**
 * How many lines from `start` (before `to`) print a catalogue's levels one cell a line, each code the one before it
 * and two digits more (北京 2026 预算11表 政府购买服务明细表 L4318-L4325: `02-政府履职辅助性服务` /
 * `0207-评审、评估和评价服` / `评估和评价服务` / `务` / `44.100000`, its 一级 and 二级 目录 then the 三级's name, the
 * 二级's wrapped: -layout L566 prints the three cells on one line); 1 where the line opens none.
 */
function levelCells(printed: readonly Printed[], start: number, to: number): number {
  let code = LEVEL_CODE.exec(foldWidth(printed[start].text))?.[1];
  let n = 1;
  while (code !== undefined && start + n < to) {
    const next = LEVEL_CODE.exec(foldWidth(printed[start + n].text))?.[1];
    if (next === undefined || next.length !== code.length + 2 || !next.startsWith(code)) break;
    code = next;
    n++;
  }
  return n;
}

/** The lines printing a half of a label wrapped in every cell of a header row (halvesInRuns), by index. */
function halfLines(lines: readonly Printed[]): Set<number> {
  const words = lines.map((p) => p.text.trim().split(/\s+/).map(compact));
  return new Set(halvesInRuns(words).flatMap(([[first], [second]]) => [first, second]));
}

/**
 * Where the labels after a header's last label start, in a run of labels: the line after the last that is a label of
 * the header (isHeaderLabel, a total's name, or a half of a label wrapped in every cell of a header row: halvesInRuns).
 * They may be the first row's name (深圳 2026 表9, plain pdftotext L31083-L31119: `算` / `预算` / `营预算`, the funds'
 * last halves, then `2025 年`, the first row's name, and its 18 amounts, -layout L7232) or a header label's piece the
 * vocabulary does not know (深圳 基本支出总表 L10892 `结转` of `上年结余、` / `结转`, printed there on every page: namesAfter).
 * -1 where no label of the header is known.
 */
function headerTail(printed: readonly Printed[], run: Run): number {
  const texts = printed.slice(run.labels, run.amounts).map((p) => compact(p.text));
  const halves = halfLines(printed.slice(run.labels, run.amounts));
  let last = -1;
  texts.forEach((t, i) => {
    if (isHeaderLabel(t) || isTotalName(t) || halves.has(i)) last = i;
  });
  return last < 0 ? -1 : run.labels + last + 1;
}

/**
 * Where the first row's name starts in each header's run (-1 for none): the labels after the header's last (headerTail)
 * but those the header of the page before or after (of a table of the same kind) prints there too, a header's own (深圳 基本支出总表 L10892 and
 * L11386: `结转`, then the amounts on the first page, then `物业管理费` and its amounts on the next), few enough for a
 * name, none a code.
 */
function namesAfter(printed: readonly Printed[], runs: readonly Run[], long: readonly boolean[], kinds: readonly (TableKind | null)[]): number[] {
  const tails = runs.map((run, k) => (long[k] ? headerTail(printed, run) : -1));
  const texts = (k: number) => (k < 0 || tails[k] < 0 ? [] : printed.slice(tails[k], runs[k].amounts).map((p) => compact(p.text)));
  const label = (p: Printed) => p.kind === 'label' && p.code === 0 && !joinedCode(p.text);
  return runs.map((run, k) => {
    if (tails[k] < 0) return -1;
    const own = texts(k);
    // Another table's header is no evidence: its first row may be named as this one's (上海 收入 / 支出 / 一般公共预算支出
    // 总表 each open with 公共安全支出).
    const shared = (other: number) => {
      if (other < 0 || kinds[runs[other].amounts] !== kinds[run.amounts]) return 0;
      const theirs = texts(other);
      let n = 0;
      while (n < own.length && own[n] === theirs[n]) n++;
      return n;
    };
    const before = long.slice(0, k).lastIndexOf(true);
    const after = long.indexOf(true, k + 1);
    const from = tails[k] + Math.max(shared(before), shared(after));
    const names = run.amounts - from;
    return names >= 1 && names <= MAX_NAME_LINES && printed.slice(from, run.amounts).every(label) ? from : -1;
  });
}

/**
 * Whether labels printed one after another, no amount among them, are a header's print and nothing else: two at least
 * a label of the header (isHeaderLabel), each of them one, a total's name (`合计` heads a column) or a half of one
 * wrapped in its cell (`事业单位经营` / `支出`, or the halves of a header row's cells: halvesInRuns), none the codes'
 * or names' column's (headsCodes): a page's header, whole, the reader reads (上海 普陀 万里街道 2024 部门预算 表5, plain
 * pdftotext L2992-L3000: `项目` / `一般公共预算支出` / `功能分类科目编码` / … after a 项's `17`). A row's name is
 * never made of column labels alone: joined, they would read as one row of no amounts (西安 2022 表7, plain pdftotext
 * L3640-L3646: `合计` / `人员经费支出` / `公用经费支出` / `备注` among 214's rows, the -layout text's header L926).
 */
function printsHeaderOnly(printed: readonly Printed[], group: readonly number[]): boolean {
  const texts = group.map((i) => compact(printed[i].text));
  const halves = halfLines(group.map((i) => printed[i]));
  // Not a total's name (`合` / `计`: 北京 2026 预算06表 L3771-L3773, the total row's, its amounts around it).
  const column = (t: string) => COLUMN_LABELS.includes(t) && !isTotalName(t);
  const wrapped = (n: number) => (n > 0 && column(texts[n - 1] + texts[n])) || (n + 1 < texts.length && column(texts[n] + texts[n + 1]));
  const label = (n: number) => isHeaderLabel(texts[n]) || halves.has(n) || wrapped(n);
  const labels = texts.filter((_, n) => label(n)).length;
  // A page's header prints the codes' and names' columns too (`功能分类科目编码` / `类` / `款`): the reader reads it.
  return labels >= 2 && texts.every((t, n) => (label(n) && !headsCodes(t)) || isTotalName(t) || isUnitStatement(t));
}

/**
 * The header's labels (isHeaderLabel: `款`, `功能分类科目名称`, `公用经费`) that reading order printed among a table's
 * rows, in a run of labels too short for a header (headerLabels), after a row joined with its amounts and before the
 * next title:
 * the header's text, set out of place, no row's name (上海 普陀 司法局 2026 单位预算 基本支出表, plain pdftotext L1362:
 * `款` after `工资福利支出`'s amounts, the -layout text's L271 `类     款` a header line). So too the labels of a run
 * printing the header's labels only (printsHeaderOnly), however long, whole among a table's cells after a row of it.
 * Not in a two-sided table, whose rows bear the names of columns (人员经费, 公用经费 of 收支总表).
 */
function headerAmongRows(
  printed: readonly Printed[],
  runs: readonly Run[],
  long: readonly boolean[],
  kinds: readonly (TableKind | null)[],
  joined: readonly LineRange[],
): number[] {
  const rowLines = new Set(joined.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, n) => r.first + n)));
  const inRow = (no: number) => rowLines.has(no);
  const out: number[] = [];
  let afterRow = false;
  const prints: number[] = [];
  let group: number[] = [];
  let rowSeen = false;
  // Whole, among the cells: after amounts, a code, a page's number or the header's labels taken before, and before
  // amounts, a code or a row. Not a page's header going on in labels the reader reads (广州 2026 表5, plain pdftotext
  // L1765-L1774: `- 12 -` / `功能科目名称` / `一般公共预算支出` / `小计` / `其中：基本支出` / `项目支出`).
  const cell = (i: number) => printed[i] !== undefined && (printed[i].kind !== 'label' || printed[i].code > 0);
  const closeGroup = () => {
    if (group.length === 0) return;
    const [first, last] = [group[0], group[group.length - 1]];
    const whole = (cell(first - 1) || out.includes(first - 1)) && (cell(last + 1) || inRow(printed[last + 1]?.line.no ?? 0));
    if ((afterRow || rowSeen) && whole && printsHeaderOnly(printed, group)) prints.push(...group);
    group = [];
  };
  runs.forEach((run, k) => {
    for (let i = run.labels; i < run.amounts; i++) {
      const title = titleKind(compact(printed[i].text)) !== null;
      if (title) {
        closeGroup();
        afterRow = rowSeen = false;
      }
      const kind = kinds[i];
      const twoSided = kind !== null && isTwoSidedKind(kind);
      const free = printed[i].kind === 'label' && printed[i].code === 0 && !inRow(printed[i].line.no);
      const label = free && isHeaderLabel(printed[i].text);
      // Only after amounts, a code or another such label: not after a label, whose name it may end (`支出` after
      // `50102-社会保障缴费`: 北京 2026 预算03表 L1681-L1683, 2080505's name 机关事业单位基本养老保险缴费支出 wrapped, -layout L278).
      const before = i === run.labels || printed[i - 1].code > 0 || out[out.length - 1] === i - 1;
      if (afterRow && before && !long[k] && label && !twoSided) out.push(i);
      if (free && !title && !twoSided && out[out.length - 1] !== i && !opensRow(printed[i].text) && !joinedCode(printed[i].text)) group.push(i);
      else closeGroup();
      rowSeen ||= inRow(printed[i].line.no);
    }
    closeGroup();
    // Amounts no row took (a code's pieces among the header's labels: 万里街道 2024 L347-L372) show no row before.
    afterRow ||= inRow(printed[run.amounts].line.no);
  });
  // After a table's last row, the labels up to the next title are the header's where every one of them is (a total's
  // name but heads a column or names the total row, either): runs printing the header's labels only (福州 2026 支出预算
  // 总表 L534-L545: `事业单位经营` / `支出` / `上缴上级支出`, then `单位：万元` / `对附属单位补` / `助支出`, the template's
  // last three columns) and the header's labels alone (上海 普陀 政府办公室 2025 部门预算 L938-L946: the 合计 row's amounts,
  // `合计`, `项目支出`, its last amount, the next title; 西安 2022 表6 L2275 `备注` on each page's foot, the header's last
  // column). The table's range runs on over them (tables/stacked.ts runsOn), their amounts unparsed in it. Not where
  // other labels stand among them (佛山 2019 “三公” 决算表 L2430-L2465: `因公出国` / `（境）费`, no column's label alone):
  // taken apart, those would read as a row; nor in a two-sided table, whose rows bear the columns' names.
  const rowAfter = new Set<number>();
  const printsOnly = new Set(prints);
  const tailHeader: number[] = [];
  const headerOnly = (j: number) => {
    const kind = kinds[j];
    return printsOnly.has(j) || (isHeaderLabel(printed[j].text) && !(kind !== null && isTwoSidedKind(kind)));
  };
  // The lines after a table's last row up to the next title.
  let tail: number[] = [];
  let next = false;
  for (let i = printed.length - 1; i >= 0; i--) {
    if (inRow(printed[i].line.no) && !next) {
      const labels = tail.filter((j) => printed[j].kind === 'label' && printed[j].code === 0);
      if (labels.every((j) => headerOnly(j) || isTotalName(printed[j].text))) tailHeader.push(...labels.filter(headerOnly));
      next = true;
    }
    if (next) rowAfter.add(i);
    else tail.push(i);
    if (titleKind(compact(printed[i].text)) !== null) {
      tail = [];
      next = false;
    }
  }
  return [...[...out, ...prints].filter((i) => rowAfter.has(i)), ...tailHeader];
}

/** The classes' names (`工资福利支出`, `资本性支出`): a line printing one is a name whole, not a piece of one wrapped. */
const CLASS_NAMES = new Set([FUNCTION_CLASSES, ECONOMIC_CLASSES, GOVERNMENT_ECONOMIC_CLASSES].flatMap((c) => Object.values(c)));

/**
 * The names reading order printed at a page's foot, after the page's last amounts and before its number (and a note
 * under the table: 注：…), for the runs of that page printed after another row's amounts (nameless): the rows whose
 * names went there (广州 2026 表11, plain pdftotext L2704-L2718: `对个人和家庭的补助` / `广州市南部水网流域事务` /
 * `中心` / … / `商品和服务支出`, eight names for the page's eight nameless runs, -layout L635-L659 in that order). The
 * names are told apart without the count of runs: a line printing a name a row of a table of the same kind prints
 * whole, or a class's name, is a name alone, and so is each group of lines the others make between such names and
 * blank lines (a name wrapped over lines prints them one under another, `中心` under `广州市南部水网流域事务`). Only where
 * as many names come out as the page has nameless runs, each a label of no header, code, total or marker, are they
 * paired in order; elsewhere (a name printed between the rows, a name's lines run into another's) none is.
 */
function footNames(
  printed: readonly Printed[],
  nameless: readonly SourceLine[][],
  known: ReadonlyMap<TableKind | null, ReadonlySet<string>>,
  kinds: readonly (TableKind | null)[],
): Map<number, SourceLine[]> {
  const out = new Map<number, SourceLine[]>();
  const plain = (p: Printed) =>
    p.kind === 'label' && p.code === 0 && !joinedCode(p.text) && !opensRow(p.text) && !isHeaderLabel(p.text) && !isTotalName(p.text) && titleKind(compact(p.text)) === null;
  let pageStart = 0;
  printed.forEach((p, end) => {
    if (p.kind !== 'furniture') return;
    let start = end;
    while (start > pageStart && printed[start - 1].kind === 'label' && printed[start - 1].code === 0) start--;
    const note = printed.slice(start, end).findIndex((q) => isNoteLine(q.text));
    const foot = printed.slice(start, note < 0 ? end : start + note);
    const from = printed[pageStart].line.no;
    const runs = nameless.filter((b) => from <= b[0].no && b[0].no < (foot[0]?.line.no ?? p.line.no));
    pageStart = end + 1;
    if (runs.length === 0 || foot.length === 0 || !foot.every(plain)) return;
    const whole = known.get(kinds[start]) ?? new Set<string>();
    const alone = (q: Printed) => whole.has(compact(q.text)) || CLASS_NAMES.has(compact(q.text));
    const names: Printed[][] = [];
    foot.forEach((q, n) => {
      const before = foot[n - 1];
      const goesOn = before !== undefined && before.line.no + 1 === q.line.no && !alone(before) && !alone(q);
      if (goesOn) names[names.length - 1].push(q);
      else names.push([q]);
    });
    if (names.length !== runs.length || names.some((name) => name.length > MAX_NAME_LINES)) return;
    runs.forEach((run, k) => out.set(run[0].no, names[k].map((q) => q.line)));
  });
  return out;
}

export function joinStackedRows(lines: readonly SourceLine[]): StackedRows {
  const out = [...lines];
  const joined: LineRange[] = [];
  const loose: SourceLine[] = [];
  const kinds = lines.filter((l) => !isBlank(l)).map((l) => ({ line: l, text: l.text.trim(), kind: kindOf(lines, l) }));
  const pieceColumns = underPieceColumns(kinds);
  const pieces: SourceLine[] = [];
  const chained: SourceLine[] = [];
  const nameless: SourceLine[][] = [];
  const printed: Printed[] = kinds.map((p, i) => ({ ...p, code: codeLinesAt(kinds, i, pieceColumns[i]) }));
  const titleKinds = kindsByTitle(printed);
  const kindAt = new Map(printed.map((p, i) => [p.line.no, titleKinds[i]]));
  // The names of the rows joined, by the kind of their table: a line printing one is a name whole (footNames).
  const known = new Map<TableKind | null, Set<string>>();
  const join = (rowLines: readonly Printed[]): void => {
    const first = rowLines[0].line;
    const last = rowLines[rowLines.length - 1].line;
    // A 款's or 项's own two digits open the row, but which of the two they are the print does not show (the -layout
    // text shows it by the column): given to the reader, they would be completed as the wrong level's code.
    const piece = rowLines[0].code === 1 && /^\d{2}$/.test(foldWidth(rowLines[0].text));
    if (piece) pieces.push(first);
    // Codes read one after another before the name are none of them given to the row (chainedCode).
    const chain = chainedCode(rowLines, 0) ? rowLines[0].code : 0;
    chained.push(...rowLines.slice(0, chain).map((p) => p.line));
    const text = rowLines.slice(piece ? 1 : chain).map((p) => p.text).join(' ');
    for (let n = first.no; n <= last.no; n++) out[n - 1] = blanked(lines[n - 1]);
    out[first.no - 1] = { ...first, raw: text, text };
    joined.push({ first: first.no, last: last.no });
    const name = compact(rowLines.filter((p) => p.kind === 'label' && p.code === 0 && !joinedCode(p.text)).map((p) => p.text).join(''));
    const kind = kindAt.get(first.no) ?? null;
    if (name !== '') known.set(kind, (known.get(kind) ?? new Set()).add(name));
  };
  /**
   * The lines from a row's start to `to`, where they are few enough for its name: the code's not counted, nor the cells
   * of a catalogue's levels after the first (levelCells), each a cell of its own, not a line of a name wrapped in one.
   */
  const nameOf = (start: number, to: number, coded: boolean): Printed[] | null => {
    const names = to - start - (coded ? printed[start].code : levelCells(printed, start, to) - 1);
    if (names < 1 || names > MAX_NAME_LINES || (!coded && names > 1 && isTotalName(printed[start].text))) return null;
    return printed.slice(start, to);
  };
  // A code the row before printed too has lost a piece (`212` / `03` under `212` / `03`: the 项's `99` is printed
  // nowhere): what row it is is not known.
  let previousCode = '';
  const repeatsCode = (start: number): boolean => {
    if (printed[start].code === 0) return false;
    const code = printed
      .slice(start, start + printed[start].code)
      .map((p) => foldWidth(p.text))
      .join('');
    const repeated = code === previousCode;
    previousCode = code;
    return repeated;
  };
  let afterRow = false;
  let afterLoose = false;
  // The header printed last before this run: the one a table's later page repeats.
  let header = new Set<string>();
  const runs = runsOf(printed);
  const headers = runs.map((run) => headerLabels(printed, run));
  const firstNames = namesAfter(printed, runs, headers.map((h) => h !== null), titleKinds);
  const sections = sectionsOf(runs, headers.map((h) => h !== null));
  const { outsized, bare } = mixedRuns(printed, sections);
  const { whole, overfull } = wholeRows(printed, sections, bare, titleKinds);
  // A page's number printed last on its page reads as an amount: the reader is not given it.
  for (const p of printed) if (p.kind === 'furniture' && isBare(p.text)) out[p.line.no - 1] = blanked(p.line);
  runs.forEach((run, k) => {
    const longRun = headers[k];
    if (longRun) afterLoose = false;
    const { stops, starts, coded } = stopsIn(printed, run.labels, run.amounts, header, longRun !== null);
    // Each coded row that prints no amount is a row of its own; labels before the first row stay as printed.
    stops.forEach((s, k) => {
      if (!coded.has(s) || k + 1 === stops.length) return;
      const row = nameOf(s, stops[k + 1], true);
      if (row && !repeatsCode(s)) join(row);
    });
    // Reading order holds here: no amounts went loose since the last code, or this run prints a whole row, or whole
    // rows (wholeRowsAfter), and the one before whole rows (wholeRows), whatever became of it, or its amounts show
    // themselves one row's (printedWhole): the labels between are this row's name.
    const rowCount = bare.has(run) ? undefined : overfull.get(run);
    const usual = whole.get(run) ?? (rowCount !== undefined && (run.end - run.amounts) % rowCount === 0 ? rowCount : undefined);
    const inOrder =
      !afterLoose ||
      (usual !== undefined && k > 0 && printsWholeRows(printed, runs[k - 1], usual)) ||
      printedWhole(printed, stops.length > 0 ? stops[stops.length - 1] : run.labels, run);
    // After a header, a run printing a whole row of several amounts (wholeRows: a table printing its empty cells as
    // zeros) is the row of the labels after the header's last. Not a row of one amount, which shows no such table
    // (北京 2026 预算11表 L3882-L3890: `合` / `二级` / `三级` / `计` / `8,599.543739`, the header's 合计 cut apart).
    const afterHeader = (whole.get(run) ?? 0) > 1 ? firstNames[k] : -1;
    const fromHeader = afterHeader > (stops.length > 0 ? stops[stops.length - 1] : -1);
    const last = fromHeader ? afterHeader : stops.length > 0 ? stops[stops.length - 1] : afterRow && inOrder ? run.labels : -1;
    // Rows opening with an item marker one after another, none printing an amount: the labels print as a column
    // (`合计` / `1、因公出国（境）费用` / … then the amounts), and the amounts after them are a column too, not the last
    // row's. (A header's `合计` before the total row's is a column's label.)
    const column = stops.some((s) => s !== last && starts.has(s) && !coded.has(s) && opensRow(printed[s].text));
    const certain = last >= 0 && (fromHeader || stops.length === 0 || starts.has(last)) && (coded.has(last) || (inOrder && !column));
    const name = certain ? nameOf(last, run.amounts, coded.has(last)) : null;
    const amounts = printed.slice(run.amounts, run.end);
    // A row opened by a 款's or 项's own two digits stands where its 类 and 款 may print elsewhere, their amounts after
    // its own (烟台 2026 L800-L810: `99` / `其他行政事业单位养老支出` / `1.84` / `1.84` / `237.16` / `237.16`, the last two
    // 210 卫生健康支出's): its amounts are its own only where they show a row printed whole (printedWhole).
    const piece = name !== null && coded.has(last) && (/^\d{2}$/.test(foldWidth(printed[last].text)) || chainedCode(printed, last));
    const mixed = bare.has(run) || outsized.has(run) || overfull.has(run);
    const own = !mixed && !(name && coded.has(last) && repeatsCode(last)) && (!piece || printedWhole(printed, last, run));
    const cut = rowCount === undefined ? null : wholeRowsAfter(amounts, rowCount, longRun !== null, name !== null && !piece && !(coded.has(last) && repeatsCode(last)));
    if (name && own) {
      join([...name, ...amounts]);
      if (coded.has(last)) afterLoose = false;
    } else {
      // A row whose amounts are not all its own is still a row, its amounts unknown (tables/stacked.ts).
      if (name) join(cut?.named ? [...name, ...cut.named] : name);
      if (cut) nameless.push(...cut.nameless.map((block) => block.map((p) => p.line)));
      for (const a of amounts) {
        if (cut?.named?.includes(a)) continue;
        // The name after a loose amount is the next row's label, read where it stands; the amount alone is loose.
        const after = a.kind === 'money-then-name' ? nameAfterMoney(a.text) : null;
        out[a.line.no - 1] = after === null ? blanked(a.line) : { ...a.line, raw: after, text: after };
        loose.push(after === null ? a.line : { ...a.line, text: leadingMoney(a.text)! });
      }
      afterLoose = true;
    }
    // Reading order goes on row by row: the labels after a run of amounts open the next row.
    afterRow = true;
    // Labels the next row opens with too are a row's name wrapped over more lines than a name is taken of, not a
    // header a later page repeats (北京 2026 预算11表 L4206-L4214: `02-政府履职辅助性服务` / `0202-课题研究和社会调查` /
    // `课题研究服务` / `服务` / `145.600000`, then `02-政府履职辅助性服务` / `0203-会计审计服务` / `审计服务` / `10.000000`).
    const next = runs[k + 1];
    const opensNext = next !== undefined && printed[run.labels].code === 0 && compact(printed[next.labels].text) === compact(printed[run.labels].text);
    // The row's name after the header is no label of it: later rows print the same name (深圳 2026 表9's `2025 年`).
    if (longRun && !opensNext) header = new Set([...longRun].filter((t) => !fromHeader || !printed.slice(afterHeader, run.amounts).some((p) => compact(p.text) === t)));
  });
  // A run whose name the page's foot prints is that row's, joined as any: the reader reads it (a unit's row, 深圳 2026
  // 表8 L27265-L27271, then heads the unit's rows after it).
  const feet = footNames(printed, nameless, known, titleKinds);
  const footNamed = new Set<number>();
  for (const run of nameless) {
    const name = feet.get(run[0].no);
    if (!name) continue;
    for (const l of name) out[l.no - 1] = blanked(l);
    const text = [...name, ...run].map((l) => l.text.trim()).join(' ');
    out[run[0].no - 1] = { ...run[0], raw: text, text };
    joined.push({ first: run[0].no, last: run[run.length - 1].no });
    for (const l of run) footNamed.add(l.no);
  }
  // The header's labels set among the rows are kept as the table's printed text (claims.ts printedRest), not read.
  for (const i of headerAmongRows(printed, runs, headers.map((h) => h !== null), titleKinds, joined)) out[printed[i].line.no - 1] = blanked(printed[i].line);
  // A number no row took (a code whose name went with no row, a 序号 among amounts) would read as an amount of the
  // row before it: the reader is not given it either.
  // A total's name no row took, alone among the header's labels, would read as a header naming a 合计 column.
  const inRow = new Set(joined.map((r) => r.first));
  const totals: SourceLine[] = [];
  for (const p of printed) {
    if (isBlank(out[p.line.no - 1]) || inRow.has(p.line.no)) continue;
    if (p.kind === 'amount') loose.push(p.line);
    else if (p.kind === 'label' && isTotalName(p.text)) totals.push(p.line);
    else continue;
    out[p.line.no - 1] = blanked(p.line);
  }
  return {
    lines: out,
    joined,
    loose: loose.filter((l) => !footNamed.has(l.no)).sort((a, b) => a.no - b.no),
    totals,
    pieces,
    chained,
    nameless: nameless.filter((run) => !feet.has(run[0].no)),
  };
}
