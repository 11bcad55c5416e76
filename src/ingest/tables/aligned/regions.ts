import type { TableKind } from '../../../schema/table.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { foldWidth } from '../../../core/width.ts';
import { endsTablePart, isCompilerLine, TableNotes, titleKind } from '../shared/region-text.ts';
import { statedUnit } from '../../../core/units.ts';
import { isAmountCell, alignedCells, wordsOf } from '../../layout/cells.ts';
import { ProseColumn, type ProseCells } from '../shared/text-column.ts';
import { confirmTitle, repeatsTitle, titleAt, type PhraseOf, type TitleLayout } from '../shared/region-title.ts';
import { headerLabel } from '../../layout/cell-text.ts';
import { isKnownLabel } from './header.ts';
import { isTableNumber } from '../../../core/table-numbers.ts';

/**
 * Where each standard table of a `pdftotext -layout` extraction starts and ends. A title (shared region-title.ts)
 * is followed by the unit line, or repeats the title of the table it continues (repeatsTitle); the table runs until
 * the next title, a line where the tables stop (shared endsTablePart), the first line of prose (a long single run of
 * text that is not a note), or the end of its notes (shared TableNotes).
 */

export interface AlignedRegion {
  kind: TableKind;
  title: string;
  titleIndex: number;
  /** The first line after the title. */
  bodyStart: number;
  end: number;
  /**
   * The prose column (绩效目标) that some line up to `end` labels, or null: its key, and its cells on each line as the
   * finder read them, which the draft takes out of the rows (text-column.ts proseTakenOut) without reading them again.
   */
  proseColumn: { key: string; cells: ProseCells[] } | null;
}

/**
 * A line printed as one phrase (no run of spaces inside), trimmed; a year run into the words (`2022部门…`) stays. A
 * table's number set a column apart from the title it opens is the title's (北京 民政局 2026 报表 at a character pitch
 * of 3 points, `pdftotext -layout -fixed 3` L1: `预算01表          收支总表`), read as printed one space apart.
 */
function phraseOf(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/\s{2,}/.test(t)) return t;
  const numbered = /^(\S+)\s{2,}(\S.*)$/.exec(t);
  return numbered && !/\s{2,}/.test(numbered[2]) && isTableNumber(numbered[1]) ? `${numbered[1]} ${numbered[2]}` : null;
}

const phrase: PhraseOf = (line) => phraseOf(line.text);

/**
 * What confirms a title (shared confirmedTitleAt): its unit line, within three lines and before another title. The
 * header under it confirms none here: no title of the corpora's aligned text prints cells under it and no unit line,
 * and a title's unit line tells it from a mention of the table in a list (a table of contents) without guessing
 * which of the lines under it are cells.
 */
const titleLayout: TitleLayout = {
  phraseOf: phrase,
  reach: 3,
  passes: (line) => isCompilerLine(line.text),
  labels: 2,
  stops: (line) => titleKind(phraseOf(line.text) ?? '') !== null,
  unitOver: false,
  headerUnder: () => null,
};

/** A line that reads as running text rather than a table row: one long run of words, or a sentence. */
function isProse(text: string): boolean {
  // Two runs (white space other than one space inside the line) are two cells or more: most lines of a table are
  // ruled out without being cut into cells, which is asked of every line below every title.
  if (/[^\S ]| {2}/.test(text.trim())) return false;
  const segs = alignedCells(text);
  if (segs.length !== 1 || isAmountCell(segs[0])) return false;
  const s = foldWidth(segs[0].text);
  // The 编制单位 and 单位 line of a table is long when both stand in one run (…党群工作部单位：万元), and no prose.
  if (isCompilerLine(s) || statedUnit(s)) return false;
  // Nor is a header's labels printed one space apart (`合计 上年结转 一般公共预算拨款 政府性基金 事业收入 其他收入`
  // over narrow columns, a web page's table printed by a browser).
  const words = wordsOf(s);
  if (words.length > 1 && words.every((w) => isKnownLabel(headerLabel(w)))) return false;
  return s.length >= 24 || /[。；]/.test(s) || (/[，,]/.test(s) && s.length > 12);
}

/**
 * A cell's text wrapped onto the line above its row's amounts reads as one long run of words when two cells of that
 * line are one space apart (北京 预算11表 -layout L613–L615: `0209-机关工作人员培训服 其他适合通过市场化方式提供的` /
 * `02-政府履职辅助性服务  251.300000` / `务  机关工作人员培训服务`): no sentence, and the next line prints amounts.
 */
function opensRowBelow(lines: readonly SourceLine[], j: number, text: string): boolean {
  if (/[。；;，,：:]/.test(text)) return false;
  const next = lines.slice(j + 1, j + 3).find((line) => !isBlank(line));
  return next !== undefined && alignedCells(next.text).some(isAmountCell);
}

/** Whether lines `from` to `to` (not included) are all blank. */
function blankBetween(lines: readonly SourceLine[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isBlank(lines[k])) return false;
  return true;
}

export function findAlignedRegions(lines: readonly SourceLine[]): AlignedRegion[] {
  const regions: AlignedRegion[] = [];
  for (let i = 0; i < lines.length; i++) {
    const printed = titleAt(lines, i, phrase);
    if (!printed) continue;
    const last = regions.at(-1);
    // A repeated title opens a region only where the table before ended at it (blank lines between).
    const title =
      confirmTitle(lines, i, printed, titleLayout) ??
      (last && blankBetween(lines, last.end + 1, i) && repeatsTitle(printed, last.title) ? printed : null);
    if (!title) continue;
    const bodyStart = title.end + 1;
    let end = bodyStart - 1;
    const notes = new TableNotes();
    let proseKey: string | null = null;
    const prose = new ProseColumn();
    const proseCells: ProseCells[] = [];
    for (let j = bodyStart; j < lines.length; j++) {
      const line = lines[j];
      // Every line is read for the prose column's edge, the blank ones too: a form feed opens a page.
      const { rest, prose: cells } = prose.read(line);
      if (cells.length > 0 && prose.key !== null) proseCells.push({ index: j, cells });
      if (isBlank(line)) continue;
      // A title, and where the tables stop, are each one phrase: a line of cells (nearly every line of a table) is
      // read as one once, not once for each.
      const phrase = phraseOf(line.text);
      const printedTitle = phrase === null ? null : titleAt(lines, j, titleLayout.phraseOf);
      if (printedTitle && (repeatsTitle(printedTitle, title.text) || confirmTitle(lines, j, printedTitle, titleLayout))) break;
      const t = line.text.trim();
      // Where the tables stop (shared endsTablePart); but a line of a prose column (绩效目标) wrapped right of the
      // amounts is the table's, however it reads.
      if (rest.length > 0 && phrase && endsTablePart(t)) break;
      if (notes.take(t, () => alignedCells(t).some(isAmountCell))) {
        end = j;
        proseKey = prose.key;
        continue;
      }
      // A line of the prose column alone (nothing left of it) is the table's: it is not read as prose of the page.
      if (notes.started || (rest.length > 0 && isProse(t) && !opensRowBelow(lines, j, t))) break;
      end = j;
      proseKey = prose.key;
    }
    const proseColumn = proseKey === null ? null : { key: proseKey, cells: proseCells.filter((c) => c.index <= end) };
    regions.push({ kind: title.kind, title: title.text, titleIndex: i, bodyStart, end, proseColumn });
    i = end;
  }
  return regions;
}
