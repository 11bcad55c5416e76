import type { TableKind } from '../../../schema/table.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { statedUnit } from '../../../core/units.ts';
import { compact } from '../../../core/width.ts';
import { isTableNumber } from '../../../core/table-numbers.ts';
import { titleKind } from './region-text.ts';

/**
 * Where a standard table's title is printed, for every layout's region finder: one line naming a known kind, or a
 * long title wrapped onto a second line (`2022年部门综合预算政府采购（资产配置、购买服务）` / `预算表（不含上年结转）`).
 * What only a layout can tell is which of its lines print one phrase (no cells, no amounts): the finder says so
 * (`phraseOf`). A title starts a table where its unit line (单位：万元) near it or the header under it confirms it
 * (confirmedTitleAt): a finder tells only how far its unit line may stand and what its header is.
 */

export interface PrintedTitle {
  kind: TableKind;
  /** As the layout reads its lines, a wrapped title's two joined. */
  text: string;
  /** Index of the title's last line. */
  end: number;
}

/** A line's text as one phrase in a layout, or null where the line is none (a blank line is none either). */
export type PhraseOf = (line: SourceLine) => string | null;

/**
 * Blank lines a wrapped title may leave between its two lines, and a heading over the title: the PDF reader sets a
 * blank line for a wider gap in the print (西安 交通运输局 2022 表13: three).
 */
const TITLE_GAP = 3;

/** Index of the line printed under line `i` of a title, past the blank lines it may leave (TITLE_GAP). */
function lineUnder(lines: readonly SourceLine[], i: number): number {
  let k = i + 1;
  while (k < lines.length && k <= i + TITLE_GAP && isBlank(lines[k])) k++;
  return k;
}

/** The title line `i` of `lines` opens, or null. */
export function titleAt(lines: readonly SourceLine[], i: number, phraseOf: PhraseOf): PrintedTitle | null {
  const first = phraseOf(lines[i]);
  if (first === null) return null;
  const kind = titleKind(first);
  if (kind) return { kind, text: first, end: i };
  // A wrapped title's first line holds words enough to open one and does not yet name a table.
  if (!/[\u4e00-\u9fff]{4}/.test(first) || /表/.test(first)) return null;
  const k = lineUnder(lines, i);
  const rest = k < lines.length ? phraseOf(lines[k]) : null;
  // A title on its own (`收入预算总表` under a row `上年结转和结余资金` in `-raw` text) is no end of a wrapped one.
  if (rest === null || !/^[^\d０-９]/.test(rest) || !/表/.test(rest) || titleKind(rest) !== null) return null;
  const joined = titleKind(first + rest);
  return joined ? { kind: joined, text: first + rest, end: k } : null;
}

/**
 * Whether a title (titleAt) nothing confirms repeats the title of the table printed before it (`before`) word for
 * word: a table printed over pages repeats its title at the top of each, and the unit line that confirmed the title on
 * its first page may not be repeated with it. Unconfirmed, the title read as prose and ended the table, and the page's
 * rows under it were read as no table's (西安 交通运输局 2022 -layout L659 without L660's 预算单位 line: 18 rows). Each
 * finder says where such a repeat goes on with the table (aligned/regions.ts, spaced/regions.ts).
 */
export function repeatsTitle(printed: PrintedTitle, before: string): boolean {
  return compact(printed.text) === compact(before);
}

/** How a layout prints what confirms a title, for confirmedTitleAt. */
export interface TitleLayout {
  phraseOf: PhraseOf;
  /** Non-blank lines under the title in which its unit line is looked for. */
  reach: number;
  /** A line that may stand between the title and its unit line, no label (a compiler line, a table's number). */
  passes: (line: SourceLine) => boolean;
  /** Other lines (a subtitle, a header's first label) the unit line may follow. */
  labels: number;
  /** A line past which no unit line is the title's: another title, prose, a row. */
  stops?: (line: SourceLine) => boolean;
  /** Whether the unit line may stand over the title, past the table's number (`pdftotext -raw` prints it so). */
  unitOver: boolean;
  /** The column header under the title's last line, or null where none is printed there. */
  headerUnder: (lines: readonly SourceLine[], titleEnd: number) => readonly SourceLine[] | null;
}

export interface ConfirmedTitle extends PrintedTitle {
  /**
   * Index of the title's first line: the line asked of, or, under a heading naming the same table (headedTitle), the
   * title's line below it.
   */
  from: number;
  /** The unit line that confirms the title, or null where its header does. */
  unit: SourceLine | null;
  /** The lines over the title that are its table's (its number, the unit line), where the unit line stands there. */
  over: SourceLine[];
  /** The header that confirms the title where no unit line does. */
  header: readonly SourceLine[] | null;
}

const isUnit = (line: SourceLine): boolean => statedUnit(line.text) !== null;

/** The title line `i` opens where a unit line near it, or else the header under it, confirms it; or null. */
export function confirmedTitleAt(lines: readonly SourceLine[], i: number, layout: TitleLayout): ConfirmedTitle | null {
  const title = titleAt(lines, i, layout.phraseOf);
  return title && confirmTitle(lines, i, title, layout);
}

/**
 * `title`, printed from line `i`, where a unit line near it or else the header under it confirms it; or null. A
 * heading over the table's own title (headedTitle) is confirmed by that title, and the table starts at the heading.
 */
export function confirmTitle(lines: readonly SourceLine[], i: number, title: PrintedTitle, layout: TitleLayout): ConfirmedTitle | null {
  const headed = headedTitle(lines, title, layout.phraseOf);
  if (headed) return confirmTitle(lines, headed.from, headed, layout);
  const unit = unitUnder(lines, title.end, layout);
  if (unit) return { ...title, from: i, unit, over: [], header: null };
  const over = layout.unitOver ? linesOver(lines, i, layout) : [];
  const unitOver = over.find(isUnit);
  if (unitOver) return { ...title, from: i, unit: unitOver, over, header: null };
  const header = layout.headerUnder(lines, title.end);
  return header ? { ...title, from: i, unit: null, over: [], header } : null;
}

/**
 * The table's own title printed right under a heading that names the same table (福州 2026 -layout L223–L225: the
 * page opens with the numbered heading `二、收入预算总表`, the full title `2026 年度收入预算总表` and its unit line
 * follow), or null. Nothing confirms the heading itself (the title under it stops the search for its unit line), so
 * unless the title below confirms it, the heading is read as a row of the table before.
 */
function headedTitle(lines: readonly SourceLine[], heading: PrintedTitle, phraseOf: PhraseOf): (PrintedTitle & { from: number }) | null {
  const k = lineUnder(lines, heading.end);
  const below = k < lines.length ? titleAt(lines, k, phraseOf) : null;
  return below && below.kind === heading.kind ? { ...below, from: k } : null;
}

function unitUnder(lines: readonly SourceLine[], titleEnd: number, layout: TitleLayout): SourceLine | null {
  let seen = 0;
  let labels = 0;
  for (let j = titleEnd + 1; j < lines.length && seen < layout.reach; j++) {
    const line = lines[j];
    if (isBlank(line)) continue;
    seen++;
    if (isUnit(line)) return line;
    if (layout.passes(line)) continue;
    if (labels === layout.labels || layout.stops?.(line)) return null;
    labels++;
  }
  return null;
}

/** The lines right over a title that its layout passes, the nearest of them possibly the table's number. */
function linesOver(lines: readonly SourceLine[], title: number, layout: TitleLayout): SourceLine[] {
  const over: SourceLine[] = [];
  for (let j = title - 1; j >= 0 && over.length < layout.reach; j--) {
    const line = lines[j];
    if (isBlank(line)) continue;
    if ((isTableNumber(line.text) && over.length === 0) || isUnit(line) || layout.passes(line)) over.push(line);
    else break;
  }
  return over;
}
