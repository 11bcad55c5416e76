import type { TableKind } from '../../../schema/table.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { isPageFurnitureAt, isPageNumber, isRunningHeadAt } from '../../page-furniture.ts';
import { compact, foldWidth } from '../../../core/width.ts';
import { isClassCode } from '../shared/code-reassembly.ts';
import { hasAmountToken, rowMarks } from '../shared/header-rows.ts';
import { continuedHeaderEnd, printedHeader } from '../shared/repeated-header.ts';
import { wordsOf } from '../../layout/cells.ts';
import { endsTablePart, isCompilerLine, isNoteLine, isTableFurniture, TableNotes, titleKind } from '../shared/region-text.ts';
import { isTableNumber, leadingTableNumber } from '../../../core/table-numbers.ts';
import { statedUnit } from '../../../core/units.ts';
import { cellsOf, type BlockRow } from '../../layout/blocks.ts';
import { markerKind } from '../../../core/outline.ts';
import { isGrandTotalName } from '../../../core/totals.ts';
import { confirmTitle, repeatsTitle, titleAt, type PhraseOf, type TitleLayout } from '../shared/region-title.ts';

/** The lines of one printed table: its title (when printed), the 编制部门 line, and the body after it. */
export interface Region {
  /** `表二` style label, which a page continuation repeats. */
  label: string | null;
  title: string | null;
  titleKind: TableKind | null;
  /** The line naming the compiling unit and the unit of amounts, when printed. */
  unitLine: SourceLine | null;
  /**
   * The lines under the title and unit line, page numbers and blank lines left out, as rows of words: cut here, once,
   * since parting a table at its repeated header (pagesOf) reads them already.
   */
  rows: BlockRow[];
  first: number;
  last: number;
  /** The part of a table on a later page, after its repeated column header (see pagesOf). */
  continued: boolean;
}

const UNIT_LINE = /^编制(?:部门|单位)/;
const MAX_TITLE_LENGTH = 32;
const LOOK_AROUND = 4;

function cleaned(line: SourceLine): string {
  return foldWidth(line.text).trim();
}

/**
 * The 编制部门/编制单位 line a table of spaced text starts at. Not the shared isCompilerLine: that also takes 部门名称：,
 * 单位名称： and a bare 单位：万元, which spaced text prints under a table's title and over each unit's part of a
 * project table alike, so that every one of them would start a table (tried: the single-space corpora's tables rose
 * from 80 to 142 and 73 to 121, their failed checks from 143 to 402 and 141 to 249).
 */
export function isUnitLine(line: SourceLine): boolean {
  return UNIT_LINE.test(cleaned(line));
}

/** A standard table's title (shared titleKind), or another short phrase that names itself a table (机构设置表). */
export function isTitleLine(line: SourceLine): boolean {
  const t = cleaned(line);
  if (t.length === 0 || t.length > MAX_TITLE_LENGTH || /[。，；,;]/.test(t)) return false;
  if (hasAmountToken(wordsOf(t))) return false;
  return titleKind(t) !== null || /表$/.test(compact(t));
}

/** A line of single-space text as one phrase: its words, folded, where they hold no amount (a row's do). */
const phrase: PhraseOf = (line) => {
  const t = cleaned(line);
  return t !== '' && !hasAmountToken(wordsOf(t)) ? t : null;
};

/** Header words that show a line is a table's column header. */
const HEADER_WORD = /项目|科目|编码|名称|合计|总计|预算数|基本支出|项目支出|人员经费|公用经费|单位名称|单位性质|数量|价值|金额/;

function looksLikeHeader(header: readonly SourceLine[]): boolean {
  const t = header.map((l) => cleaned(l).replace(/\s+/g, '')).join('');
  return (t.match(new RegExp(HEADER_WORD.source, 'g')) ?? []).length >= 2;
}

/** Lines a column header of several bands may take between a title and the first row (深圳 支出总表 prints 12). */
const MAX_HEADER_LINES = 30;

/** A line of running text: a sentence (。；) or a clause of one (，), and no amount. No row of a table reads so. */
function isProse(line: SourceLine): boolean {
  const t = cleaned(line);
  if (hasAmountToken(wordsOf(t))) return false;
  return /[。；;]/.test(t) || (/[，,]/.test(t) && t.length > 12);
}

/** The first line of a table's rows: one that prints an amount or opens with a classification code. */
function opensRows(line: SourceLine): boolean {
  const tokens = wordsOf(cleaned(line));
  return hasAmountToken(tokens) || (tokens.length > 0 && isClassCode(tokens[0]));
}

/** A line naming the table's unit of amounts or its compiling unit (单位：万元, 部门名称：…, 编制部门：…). */
function isUnitOrCompiler(line: SourceLine): boolean {
  return statedUnit(line.text) != null || isCompilerLine(line.text) || isUnitLine(line);
}

/**
 * The column header under a table's title: the lines down to the first row (a header of several levels prints many,
 * its words broken over them), past the unit line, holding header words. An empty table's header runs to its note
 * or to the next title. A sentence is prose under a heading that names a table (`（一）机关运行经费支出情况`), a title
 * right under it the next entry of a table of contents: either means no table starts here.
 */
function headerUnder(lines: readonly SourceLine[], title: number): SourceLine[] | null {
  const header: SourceLine[] = [];
  for (let j = title + 1; j < lines.length && header.length <= MAX_HEADER_LINES; j++) {
    const line = lines[j];
    if (isBlank(line) || isUnitOrCompiler(line)) continue;
    // Another table's number (`公开03表`) under a title is where `-raw` text prints the next table.
    if (isTableFurniture(line.text) && !isPageNumber(line.text)) return null;
    const closes = opensRows(line) || isNoteLine(line.text) || titleKind(line.text) !== null || endsTables(line);
    if (closes) return looksLikeHeader(header) ? header : null;
    if (/[。，；]/.test(cleaned(line))) return null;
    header.push(line);
  }
  return null;
}

/**
 * What confirms a title (shared confirmedTitleAt): its unit line, or else the column header under it (headerUnder).
 * The unit line stands under the title, or in `pdftotext -raw` text over it, past the table's number (`单位：万元` /
 * `单位名称：…` / `表2` / `收入总体情况表`). Under it, the line naming the compiling unit may stand between, and two
 * lines of labels: a subtitle such as `（按经济分类科目）`, or in reading order the header's first label, which the page
 * prints beside the unit line (广州 2026 plain pdftotext L2378-L2383 `部门预算基本支出预算表` / `单位名称：广州市水务局`
 * / `支出项目类别（资金使用` / `单位）` / `单位：万元`).
 */
const titleLayout: TitleLayout = {
  phraseOf: phrase,
  reach: LOOK_AROUND,
  passes: isUnitOrCompiler,
  labels: 2,
  stops: (line) => isProse(line) || titleKind(line.text) !== null || opensRows(line),
  unitOver: true,
  headerUnder,
};

/**
 * Where the table part ends (shared endsTablePart), asked of a line that prints no amount and no classification code;
 * a year is none (`-raw` 第三部分 2025 年部门预算情况说明, printed under the 三公 table's row).
 * A chapter heading of another kind is no end: a table's item reads the same (`七、文化旅游体育与传媒支`, 佛山 2019 决算
 * -raw L246, its name wrapped and its amounts a line apart; `三、单位预留机动经费`, 江苏 plain pdftotext L50).
 */
export function endsTables(line: SourceLine): boolean {
  const t = cleaned(line);
  const tokens = wordsOf(t);
  return !hasAmountToken(tokens) && !tokens.some(isClassCode) && endsTablePart(t);
}

/**
 * A chapter heading (三、其他重要事项的说明) printing no amount: under a table's grand total (总计, 收入总计), which closes
 * it, no item of the table but the prose's next chapter. Above the total an item reads the same (`七、文化旅游体育与传媒支`,
 * its name wrapped and its amounts a line apart), and only endsTablePart's headings end the table there.
 */
function opensChapter(line: SourceLine): boolean {
  const t = cleaned(line);
  return markerKind(t) === 'cn' && !hasAmountToken(wordsOf(t));
}

function nonBlankNear(lines: readonly SourceLine[], index: number, step: 1 | -1): SourceLine[] {
  const found: SourceLine[] = [];
  for (let i = index + step; i >= 0 && i < lines.length && found.length < LOOK_AROUND; i += step) {
    if (!isBlank(lines[i])) found.push(lines[i]);
  }
  return found;
}

/** A table's label: its number printed over the title (`表2`), or the one its title opens with (`表1：…`). */
function labelOf(number: SourceLine | null, title: string | null): string | null {
  if (number) return cleaned(number).replace(/[：:、.\s]/g, '');
  return title ? leadingTableNumber(title) : null;
}

interface Start {
  index: number;
  label: string | null;
  title: string | null;
  unitLine: SourceLine | null;
  bodyFrom: number;
  /** Index of the title printed after the table's rows (see titlesTrail): a line of the table, no row. */
  trailingTitle?: number;
}

/** The line after `i` where it states the table's unit of amounts (`部门：… 单位：万元`), or -1. */
function unitLineAfter(lines: readonly SourceLine[], i: number): number {
  const next = nonBlankNear(lines, i, 1)[0];
  return next && statedUnit(next.text) !== null ? lines.indexOf(next) : -1;
}

/**
 * Whether the document prints each table's title after its rows, as `pdftotext -raw` gives a PDF that draws the
 * title last (江苏 公开表, opraw jiangsu-cppcc-office-2018-budget-tables.txt L1-L34: `公开01表` / `部门：… 单位：万元`
 * / rows / `收支预算总表` / header words / `公开02表`): its first table number stands right over the unit line, no
 * title over it, and a title follows before the next table number. A title over a later number is then the table's
 * above, not that number's.
 */
function titlesTrail(lines: readonly SourceLine[]): boolean {
  const first = lines.findIndex((l) => isTableNumber(l.text) && unitLineAfter(lines, lines.indexOf(l)) >= 0);
  if (first < 0) return false;
  const above = nonBlankNear(lines, first, -1)[0];
  if (above && (isTitleLine(above) || titleAt(lines, lines.indexOf(above), phrase) !== null)) return false;
  for (let i = unitLineAfter(lines, first) + 1; i < lines.length && !isTableNumber(lines[i].text); i++) if (titleAt(lines, i, phrase) !== null) return true;
  return false;
}

/**
 * The starts of a document whose titles trail their tables (titlesTrail): each table number over its unit line starts
 * a table, whose title is the first one printed after its unit line and before the next start.
 */
function trailingStarts(lines: readonly SourceLine[]): Start[] {
  const starts: Start[] = [];
  for (let i = 0; i < lines.length; i++) {
    const unit = isTableNumber(lines[i].text) ? unitLineAfter(lines, i) : -1;
    if (unit >= 0) starts.push({ index: i, label: labelOf(lines[i], null), title: null, unitLine: lines[unit], bodyFrom: unit + 1 });
  }
  starts.forEach((start, k) => {
    const limit = k + 1 < starts.length ? starts[k + 1].index : lines.length;
    for (let i = start.bodyFrom; i < limit; i++) {
      const at = titleAt(lines, i, phrase);
      if (at === null || at.end !== i) continue;
      start.title = at.text;
      start.trailingTitle = i;
      break;
    }
  });
  return starts;
}

/**
 * Whether line `i` opens a page: it, or a line above it past blank lines and what a page prints over a table (its
 * number, the page's number `-raw` prints first), starts with a form feed.
 */
function opensPage(lines: readonly SourceLine[], i: number): boolean {
  for (let k = i; k >= 0; k--) {
    if (/^\f/.test(lines[k].raw)) return true;
    if (k < i && !isBlank(lines[k]) && !isTableFurniture(cleaned(lines[k])) && !isPageFurnitureAt(lines, k + 1, 'spaced')) return false;
  }
  return false;
}

/**
 * Table starts: a 编制部门 line with the title and 表X label printed just above it, or a title with its unit line
 * (单位：万元) beside it or its column header under it. With `repeatedTitles`, also the title of the table before
 * repeated word for word at the top of a page, where the table goes on without its unit line printed again: else the
 * title ends the table and the page's rows are no table's (shared/region-title.ts repeatsTitle).
 */
function findStarts(lines: readonly SourceLine[], repeatedTitles: boolean): Start[] {
  if (titlesTrail(lines)) return trailingStarts(lines);
  const starts: Start[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (taken.has(line.no)) continue;
    if (isUnitLine(line)) {
      let index = i;
      let title: string | null = null;
      let number: SourceLine | null = null;
      for (const above of nonBlankNear(lines, i, -1)) {
        if (!title && isTitleLine(above)) {
          title = cleaned(above);
          index = lines.indexOf(above);
        } else if (!number && isTableNumber(above.text)) {
          number = above;
          index = lines.indexOf(above);
        } else break;
      }
      starts.push({ index, label: labelOf(number, title), title, unitLine: line, bodyFrom: i + 1 });
      continue;
    }
    const at = titleAt(lines, i, phrase);
    if (at !== null) {
      const below = nonBlankNear(lines, at.end, 1);
      if (below.some(isUnitLine)) continue;
      const confirmed = confirmTitle(lines, i, at, titleLayout);
      if (confirmed) {
        const { text: title, over, header } = confirmed;
        // The table's number over the title: among the unit lines over it in `-raw` text, else the line above it.
        const number = (over.length > 0 ? over : nonBlankNear(lines, i, -1).slice(0, 1)).find((l) => isTableNumber(l.text)) ?? null;
        const top = [i, ...[...over, ...(number ? [number] : [])].map((l) => lines.indexOf(l))];
        starts.push({ index: Math.min(...top), label: labelOf(number, title), title, unitLine: confirmed.unit, bodyFrom: confirmed.end + 1 });
        for (const l of header ?? []) taken.add(l.no);
        // A heading over the title (shared confirmTitle) starts the table: the title under it starts none again.
        i = confirmed.end;
      } else if (repeatedTitles) {
        const last = starts.at(-1);
        if (last?.title && repeatsTitle(at, last.title) && opensPage(lines, i)) {
          starts.push({ index: i, label: last.label, title: at.text, unitLine: null, bodyFrom: at.end + 1 });
          i = at.end;
        }
      }
    }
  }
  return starts;
}

/**
 * Where a table's lines end (the index after its last): at what ends the table part (endsTables), at a chapter
 * heading under the table's grand total (opensChapter), at the next title (one under which no table was found still
 * ends the one before), at prose, and after its notes (shared TableNotes).
 */
function bodyEnd(lines: readonly SourceLine[], from: number, limit: number, trailingTitle?: number): number {
  let end = from;
  const notes = new TableNotes();
  let closed = false;
  for (let i = from; i < limit; i++) {
    const line = lines[i];
    const t = cleaned(line);
    // A page number or the next table's number is the table's only where its lines go on after it; a title printed
    // after the rows is the table's own, and its header words may follow it.
    if (t === '' || isTableFurniture(t)) continue;
    if (i === trailingTitle) {
      end = i + 1;
      continue;
    }
    if (endsTables(line) || (closed && opensChapter(line))) return end;
    // The total's row, not a header's 总计 column (烟台 2026 L548 `总计 一般公共预算 …` over the items of the next page).
    closed ||= isGrandTotalName(wordsOf(t)[0] ?? '') && opensRows(line);
    if (!notes.take(t, () => opensRows(line)) && (notes.started || isProse(line) || titleAt(lines, i, phrase) !== null)) return end;
    end = i + 1;
  }
  return end;
}

/**
 * A table continued over pages prints its column header again on each page, under the page number and without its
 * title: the rows from each such repeat on are a part of their own, whose header is then read as a header, not as
 * rows. A form feed does not say where in single-space text (`-raw` prints a page in the order the PDF draws it, its
 * number first: page-furniture.ts isPageFurnitureAt), so a page starts where the first two lines of the table's header are printed again;
 * whether a header is printed there, and where it ends, is the rule every reader asks (shared/repeated-header.ts).
 */
function pagesOf(body: BlockRow[]): BlockRow[][] {
  const headerEnd = rowMarks(body).headerRows;
  const header = body.slice(0, headerEnd).filter((r) => !isUnitOrCompiler(r.line));
  if (header.length === 0) return [body];
  const key = (r: BlockRow | undefined) => (r ? compact(cleaned(r.line)) : '');
  const opening = header.slice(0, 2).map(key);
  const firstHeader = printedHeader(header);
  const cuts = [0];
  for (let i = headerEnd; i < body.length; i++) {
    const end = opening.every((k, n) => key(body[i + n]) === k) ? continuedHeaderEnd(body, i, { firstHeader }) : -1;
    if (end < 0) continue;
    cuts.push(i);
    i = end - 1;
  }
  return cuts.map((c, k) => body.slice(c, cuts[k + 1]));
}

/**
 * A page's number printed under its last row, the next line opening a page (佛山 `17` above the form feed and the next
 * page's `表6`): no row. A bare number between blank lines only stays an amount here (喀什's `19` under its wrapped
 * name), where the narrative would take it for a page number (page-furniture.ts).
 */
function isFootNumber(lines: readonly SourceLine[], line: SourceLine): boolean {
  return /^\f/.test(lines[line.no]?.raw ?? '') && isPageFurnitureAt(lines, line.no, 'spaced');
}

/**
 * Splits the document into table regions; each runs to the next table, or to where the tables end. `repeatedTitles`:
 * whether a title repeated at the top of a page without its unit line goes on with its table (findStarts); not in
 * text printed one cell a line (tables/stacked.ts), whose reading order scrambles such a page (西安 2022's `pdftotext`
 * default text: its header words under the title would read as rows).
 */
export function findRegions(lines: readonly SourceLine[], repeatedTitles = true): Region[] {
  const starts = findStarts(lines, repeatedTitles);
  return starts.flatMap((start, k) => {
    const limit = k + 1 < starts.length ? starts[k + 1].index : lines.length;
    const end = bodyEnd(lines, start.bodyFrom, limit, start.trailingTitle);
    const trailing = start.trailingTitle !== undefined && start.trailingTitle < end ? lines[start.trailingTitle] : undefined;
    // The page numbers known by their page breaks are left out here (isFootNumber, and a number opening its page:
    // isPageFurnitureAt), and so is the page
    // header an office prints over the pages, by the rule every layout's blocks mark it with (isRunningHeadAt: `-raw`
    // prints it on the page's first line, no blank line under it), which the table keeps as printed; so no row is
    // marked furniture; what else a page adds (`- 60 -`, `表 3`) the readers pass over by its text (isTableFurniture).
    const body = lines
      .slice(start.bodyFrom, end)
      .filter((l) => l !== trailing && !isBlank(l) && !isFootNumber(lines, l) && !(/^\f/.test(l.raw) && isPageFurnitureAt(lines, l.no, 'spaced')) && !isRunningHeadAt(lines, l.no))
      .map((line) => ({ line, cells: cellsOf('spaced', line), furniture: false }));
    const titleOf = { label: start.label, title: start.title, titleKind: start.title ? titleKind(start.title) : null };
    const parts = pagesOf(body);
    return parts.map((part, n): Region => {
      const printed = [...(n === 0 ? [lines[start.index]] : []), ...part.map((r) => r.line), ...(trailing && n === parts.length - 1 ? [trailing] : [])].sort((a, b) => a.no - b.no);
      return {
        ...titleOf,
        unitLine: n === 0 ? start.unitLine : null,
        rows: part,
        first: printed[0].no,
        last: printed[printed.length - 1].no,
        continued: n > 0,
      };
    });
  });
}
