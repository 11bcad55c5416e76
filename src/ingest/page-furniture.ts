import { compact, foldFigures, foldWidth } from '../core/width.ts';
import type { Layout } from './layout/detect.ts';
import { isBlank, type SourceLine } from './source-lines.ts';

/**
 * Page furniture: what a page prints around the content and PDF extraction leaves between lines. One definition for
 * every reader (tables, performance targets, narrative, metadata, the nothing-lost accounting).
 */

/** A printed page number: `- 37 -`, `第 3 页`, `第3页，共10页`, `第 3 页 / 共 10 页` (a browser's print footer), `共 10 页`. */
const PAGE_NUMBER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:[,，/\s]*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页)$/;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER_START.test(text) && PAGE_NUMBER.test(foldWidth(text).trim());
}

/**
 * What the first printed character of page furniture can be, before folding (－ ｜ ： fold to - | :): asked of most
 * lines by several readers, a line that opens otherwise is ruled out without folding and trimming it. Folding makes
 * no white space, so the first printed character is the same either way.
 */
const PAGE_NUMBER_START = /^\s*[-—–第共－]/;
const FURNITURE_START = /^\s*[-—–第共|:－｜：]/;
const BARE_NUMBER_START = /^\s*[0-9０-９]/;

/**
 * A web portal's footer, printed under the page's content when the page is printed to PDF (`主办单位：某县人民政府
 * 网站标识码：1234`): a line opening with one of the site's own fields and naming the site by a mark only a site
 * carries (its 网站标识码, ICP or 公网安备 number, copyright). Under a table it is no row's name (the 三公 table's one
 * data row, printed without a name, took it for one).
 */
const SITE_FOOTER_START = /^\s*(?:主办单位|承办单位|网站标识码|版权所有|技术支持|Copyright|©|[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]ICP)/;
const SITE_MARK = /网站标识码|ICP备|公网安备|版权所有|Copyright|©/;

export function isSiteFooter(text: string): boolean {
  return SITE_FOOTER_START.test(text) && SITE_MARK.test(text);
}

/**
 * The margins a browser prints on each page of a web page it prints (headers and footers on): the date and time the
 * page was printed, then its title (`2025/2/10 10:31  某县农业农村局2025年部门预算`, `12/5/26, 11:31 PM  …`), and its
 * address, then the page's number of the pages' count (`https://www.example.gov.cn/art/2025/2/10/art_1.html  1/5`).
 */
const PRINT_TIME = /^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+(?:上午|下午)?\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s|$)/;
const PRINTED_ADDRESS = /^\s*(?:https?|file):\/\/\S+\s+\d{1,4}\s*\/\s*\d{1,4}\s*$/;

function isBrowserMargin(text: string): boolean {
  return PRINT_TIME.test(text) || PRINTED_ADDRESS.test(text);
}

/**
 * Page furniture recognisable by its shape alone: a page number, the rule lines of Markdown tables, a web portal's
 * footer and a browser's margins. A bare number is not among them: see isPageFurnitureAt.
 */
export function isPageFurniture(text: string): boolean {
  // Asked of most lines by several readers, and each kind's pattern opens past the line's indent (`^\s*`, which
  // -layout text makes dozens of spaces): the indent is skipped once, not once a pattern. Every pattern opens with a
  // printed character, so it matches the line as it matches the line without its indent.
  const printed = text.trimStart();
  if (!FURNITURE_START.test(printed)) return isSiteFooter(printed) || isBrowserMargin(printed);
  const t = foldWidth(printed).trim();
  return PAGE_NUMBER.test(t) || /^(?=.*-)[-|:\s]{3,}$/.test(t);
}

/**
 * Whether line `no` of the whole text (`lines[no - 1]`, numbered as every line range is) is page furniture. One rule
 * for prose and tables alike: a bare number (`37`) is the page's number only where one is printed, that is
 * - alone between two page breaks (a blank line, a form feed or the edge of the text on both sides), or
 * - on the page's last line, just under a row or a sentence (the next line opens a page with a form feed, `25`
 *   under 表3's row), where the page before or after ends with the number one less or one more, or
 * - on the page's first line, where the page before or after opens with the number one less or one more, as
 *   `pdftotext -raw` prints a number the PDF draws first (佛山 `\f9` between the two parts of 收入决算表, then `表 2`;
 *   杭州 表2 `\f24` over `中心`, the end of a name wrapped over the page break).
 * Inside prose (`预算为` / `128` / `万元`) or a table (a code alone on the last line of a page, `201` under its
 * wrapped name, the next row's) it is content.
 * `layout` is how the text separates cells (layout/detect.ts), decided once a document by the layout stage: text
 * printed one cell a line (`stacked`) prints every cell of a table or form between blank lines (长沙 2026's target
 * form: `水费` / `120`), so that there blank lines show no page break and a bare number is the page's only by the
 * numbers of the pages around it (isPageFootNumber).
 */
export function isPageFurnitureAt(lines: readonly SourceLine[], no: number, layout: Layout): boolean {
  const i = no - 1;
  const line = lines[i];
  if (isPageFurniture(line.text)) return true;
  const n = numberAt(lines, i);
  if (n === null) return false;
  if (layout === 'stacked') return isPageFootNumber(lines, i, n) || continuesPageNumbers(lines, i, n);
  const before = lines[i - 1];
  const after = lines[i + 1];
  const breakBefore = !before || isBlank(before) || /^\f/.test(line.raw);
  const breakAfter = !after || isBlank(after) || /^\f/.test(after.raw);
  if (breakBefore && breakAfter) return true;
  if (/^\f/.test(line.raw)) return isPageHeadNumber(lines, i, n);
  // Blank lines may stand between it and the next page (`pdftotext`'s default order: 福州 2026 `4`, a blank line, `\f…`).
  return (/^\f/.test(after?.raw ?? '') || (after !== undefined && isBlank(after))) && isPageFootNumber(lines, i, n);
}

/**
 * Whether line `no` of the whole text opens its page with the words that open at least two pages and half of the
 * document's: the page header an office prints over every page (`青山区城市管理局    2025年部门预算`, a workbook's or
 * Word document's 页眉 printed to PDF, as the PDF reader and `pdftotext -layout` give it), or a web page's own header
 * printed on each page (`某县农业农村局2025年部门预算`). It stands apart from the page's content, a blank line under
 * it, or is one cell naming a year's budget or accounts: the band of a table's header repeated at the top of each
 * page (`支出项目类别（资金使用单` / `位）`) goes on in the line under it and names no document. A line holding 表 is
 * never taken for one: a table's title or number repeated over the pages of its table is the table's (西安 交通运输局's
 * 政府采购 table opens only its own pages, and so not half). Not dropped: the table or target form it tops keeps it as
 * printed, not as a row nor part of a row's name; elsewhere it is kept in `unparsed` with its own reason
 * (parse-disclosure.ts), never read as prose.
 */
export function isRunningHeadAt(lines: readonly SourceLine[], no: number): boolean {
  let heads = RUNNING_HEADS.get(lines);
  if (heads === undefined) {
    heads = runningHeads(lines);
    RUNNING_HEADS.set(lines, heads);
  }
  return heads.has(no);
}

/** Asked of every row of every grid block: worked out once a document. */
const RUNNING_HEADS = new WeakMap<readonly SourceLine[], ReadonlySet<number>>();

/** One cell naming a year's budget or accounts: `某县农业农村局2025年部门预算`, `2024 年度部门决算`. */
const NAMES_DOCUMENT = /^(?=.*(?:19|20)\d{2}\s*年)(?!.*(?:\s{2}|\t)).*(?:预算|决算)\S*$/;

function runningHeads(lines: readonly SourceLine[]): ReadonlySet<number> {
  const opening = new Map<string, number[]>();
  let pages = 0;
  for (let start = 0, end = 0; start < lines.length; start = end) {
    end = pageEnd(lines, start);
    // The page's first printed line; a page of blank lines prints none.
    let i = start;
    while (i < end && isBlank(lines[i])) i++;
    if (i === end) continue;
    pages++;
    const text = compact(lines[i].text);
    if (text.includes('表')) continue;
    if (isBlank(lines[i + 1] ?? lines[i]) || NAMES_DOCUMENT.test(foldWidth(lines[i].text).trim())) opening.set(text, [...(opening.get(text) ?? []), i + 1]);
  }
  const heads = new Set<number>();
  for (const nos of opening.values()) if (nos.length >= 2 && nos.length * 2 >= pages) for (const no of nos) heads.add(no);
  return heads;
}

/**
 * Whether line `i` (an index), printing the bare number `n` (`18`), is printed last on its page (only blank lines
 * between it and the next page's form feed) where the page before or after ends with the number one less or one more:
 * the page's number. Text in reading order prints every cell between blank lines, so that a bare number there is the
 * page's only by this.
 */
function isPageFootNumber(lines: readonly SourceLine[], i: number, n: number): boolean {
  const next = pageBreakAfter(lines, i);
  if (next < 0 || !lines.slice(i + 1, next).every(isBlank)) return false;
  return footNumber(lines, pageBreakBefore(lines, i)) === n - 1 || footNumber(lines, pageBreakAfter(lines, next)) === n + 1;
}

/**
 * Whether line `i` (an index), printing the bare number `n`, is its page's number wherever on the page it stands: the
 * one bare number of its page that the page before and the page after continue, printing one less and one more (杭州
 * 2026 in reading order prints `22` under a note and `24` among a table's values, the pages around them `21` and `23`,
 * `23` and `25`), in a run of pages that reaches a page whose number is printed last on it (isPageFootNumber: 杭州's
 * `20`, page 21). Only the page's own number reaches one: the pages' numbers go up by one a page, so that 栏次 (`1` …
 * `17`) printed on every page, target values that happen to rise by one from page to page (北京 2026's `1` … `5`) or
 * codes (`301`, `302`, `303`) meet no page's foot on their way. A number printed twice on its page, once as a value, is
 * not told from its twin, and neither is taken.
 */
function continuesPageNumbers(lines: readonly SourceLine[], i: number, n: number): boolean {
  const start = Math.max(pageBreakBefore(lines, i), 0);
  const end = pageBreakAfter(lines, i);
  if (start === 0 || end < 0) return false;
  if (printing(lines, start, end, n).length !== 1) return false;
  const pageBefore = Math.max(pageBreakBefore(lines, start - 1), 0);
  if (printing(lines, pageBefore, start, n - 1).length === 0 || printing(lines, end, pageEnd(lines, end), n + 1).length === 0) return false;
  return reachesFoot(lines, start, n - 1, -1) || reachesFoot(lines, end, n + 1, 1);
}

/**
 * Whether the pages from the one before the page opening at `start` (`step` -1) or the one opening there (`step` 1)
 * on carry `n`, `n + step`, … until one prints its number last on it.
 */
function reachesFoot(lines: readonly SourceLine[], start: number, n: number, step: -1 | 1): boolean {
  for (let from = start, m = n; ; m += step) {
    const to = step < 0 ? from : pageEnd(lines, from);
    if (step < 0) {
      if (from === 0) return false;
      from = Math.max(pageBreakBefore(lines, from - 1), 0);
    }
    const carrying = printing(lines, from, to, m);
    if (carrying.length === 0) return false;
    if (carrying.some((j) => isPageFootNumber(lines, j, m))) return true;
    if (step > 0) {
      if (to >= lines.length) return false;
      from = to;
    }
  }
}

/** The lines (their indices) from `from` to `to`, end exclusive, that print the bare number `m`. */
function printing(lines: readonly SourceLine[], from: number, to: number, m: number): number[] {
  const found: number[] = [];
  for (let j = from; j < to; j++) if (numberAt(lines, j) === m) found.push(j);
  return found;
}

/** The bare number line `j` prints (`24`), or null. */
function numberAt(lines: readonly SourceLine[], j: number): number | null {
  return bareNumber(lines[j].text);
}

/**
 * The bare number a line prints alone, as a page's number can be (`24`, `２４`, whatever its indent), or null: the
 * readers' rule here, and the page breaks a text without form feeds is given (sources/page-breaks.ts).
 */
export function bareNumber(text: string): number | null {
  // Asked of most lines by most readers: a line whose first printed character is no digit is no bare number, and is
  // ruled out before it is folded (a full-width digit folds to one; folding makes no white space).
  if (!BARE_NUMBER_START.test(text)) return null;
  const folded = foldWidth(text).trim();
  // Past 999 a bare number is a year or a code (`2024` alone on a cover), not a disclosure's page.
  return /^\d{1,3}$/.test(folded) ? Number(folded) : null;
}

/** The index of the line after the last of the page opening at `start`: the next page's first, or the text's end. */
function pageEnd(lines: readonly SourceLine[], start: number): number {
  const next = pageBreakAfter(lines, start);
  return next < 0 ? lines.length : next;
}

/** The index of the line opening the page that line `i` is on (by its form feed), or -1 on the first page. */
function pageBreakBefore(lines: readonly SourceLine[], i: number): number {
  for (let j = i; j > 0; j--) if (lines[j].raw.startsWith('\f')) return j;
  return -1;
}

/** The index of the first line after line `i` that opens a page, or -1. */
function pageBreakAfter(lines: readonly SourceLine[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].raw.startsWith('\f')) return j;
  return -1;
}

/** Whether line `i` (an index), opening its page with the bare number `n`, is where the pages around it print theirs. */
function isPageHeadNumber(lines: readonly SourceLine[], i: number, n: number): boolean {
  let before = i - 1;
  while (before >= 0 && !lines[before].raw.startsWith('\f')) before--;
  const after = pageBreakAfter(lines, i);
  return (before >= 0 && numberAt(lines, before) === n - 1) || (after >= 0 && numberAt(lines, after) === n + 1);
}

/** The page number printed on the last non-blank line before the page break at `at` (`24`, `- 24 -`, `— 24 —`). */
function footNumber(lines: readonly SourceLine[], at: number): number | null {
  for (let j = at - 1; j >= 0 && at > 0; j--) {
    if (isBlank(lines[j])) continue;
    const m = /^[-—–\s]*(\d{1,4})[-—–\s]*$/.exec(foldFigures(lines[j].text));
    return m ? Number(m[1]) : null;
  }
  return null;
}
