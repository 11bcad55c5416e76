import type { TableKind } from '../../../schema/table.ts';
import { kindOfTitle } from '../kinds.ts';
import { compact, foldWidth } from '../../../core/width.ts';
import { isPageNumber, isSiteFooter } from '../../page-furniture.ts';
import { leadingLabel, readLabel } from '../../metadata.ts';
import { statedUnit } from '../../../core/units.ts';
import { isTableNumber } from '../../../core/table-numbers.ts';
import { markerKind } from '../../../core/outline.ts';

/** The words around a table that are not rows: its title, number, unit, compiler and notes. */

const TITLE_WORD = /[表况]/;

/** A standard table's title line: short, one phrase, naming a known kind (not a sentence that mentions one). */
export function titleKind(text: string): TableKind | null {
  // Asked of most lines by the region finders: a title names a table (表) or a 情况, and a line holding neither
  // character is ruled out before it is folded and normalized (folding makes no CJK character).
  if (!TITLE_WORD.test(text)) return null;
  const t = foldWidth(text).trim();
  if (t.length === 0 || t.length > 45 || /[，。；;,]/.test(t)) return null;
  if (/说明$|^(?:备注|注|说明)[:：]/.test(t)) return null;
  // An empty table's statement (本表无数据) holds 表 but names none: under the header of an empty table, the two lines
  // read as a wrapped title naming the header's 基本支出 column (a portal page printed by Chromium, PDF and -layout).
  if (declaresEmpty(t)) return null;
  return kindOfTitle(t);
}

const FURNITURE_MARK = /[表页\-—–－]/;

/**
 * What a page adds around a table printed over several pages: the page number (`- 55 -`, `第 3 页`), and the
 * table's number repeated at the top of the page (`表1`, `预算01表`, `公开03表`, `公开表10`, `续表`), and a web
 * portal's footer printed with the page (page-furniture.ts).
 */
export function isTableFurniture(text: string): boolean {
  if (isSiteFooter(text)) return true;
  // Each other kind holds 表, 页 or a dash (－ folds to -): a line without one is ruled out before it is folded.
  if (!FURNITURE_MARK.test(text)) return false;
  const t = foldWidth(text).trim();
  return (
    isPageNumber(t) ||
    isTableNumber(t) ||
    // 续表 is no number but the page's word that its table goes on; a table's furniture only, never its label.
    /^续表\s*\d*$/.test(t)
  );
}

/**
 * The line above a table that names its compiler and/or its unit: one opening with a label of the bodies' vocabulary
 * (编制部门：, 单位名称：, 部门：, 填报单位：, 主管部门： …, metadata.ts). A bare 部门：/单位： also heads a column or
 * starts a sentence, so it counts only where a body's name or a unit of money follows (`部门： 佛山市轨道交通局 …
 * 单位：万元`, `单位：万元`).
 */
export function isCompilerLine(text: string): boolean {
  const label = leadingLabel(text);
  if (label === null) return false;
  if (label !== '部门' && label !== '单位') return true;
  return readLabel(text) !== null || statedUnit(text) !== null;
}

/**
 * A line where a document's tables stop, in every layout: the title of a target form, which the performance reader
 * takes (项目支出绩效目标表, or the form's `预算单位 … 项目名称` line where no title is printed over it), or a heading of
 * the prose after the tables: a part's (第三部分), an explanation's (…情况说明, 名词解释) or a chapter's on a 情况
 * (三、部门收支总体情况). A chapter on anything else is no end: a table prints its items the same way, without their
 * amounts where a label wraps (`二十一、灾害防治及应急管理支` / `出`) or the amounts stand a line apart
 * (`三、单位预留机动经费`). Asked only of a line that prints no row (no cells, no amount): the finder says which.
 */
export function endsTablePart(text: string): boolean {
  // Asked of many lines under every title: each ending holds one of these characters (绩效, 预算单位, 部分, 情况,
  // 解释), and a line holding none is ruled out before it is folded.
  if (!/[绩预部情释]/.test(text)) return false;
  const t = foldWidth(text).trim();
  const c = compact(t);
  // A note under a table may name the target tables (`注：…详见项目支出绩效目标表。`): it stays the table's.
  if (/绩效目标表|绩效目标申报表|^预算单位\S+.*项目名称/.test(c)) return !isNoteLine(t);
  // A form's title names itself one: short, no sentence (not `…详见项目支出绩效表。`).
  if (/绩效.*表$/.test(c) && t.length <= 32 && !/[。，；,;]/.test(t)) return true;
  const kind = markerKind(t);
  return kind === 'part' || /情况说明$|名词解释$/.test(t) || (kind === 'cn' && /情况$/.test(t));
}

/** Notes under a table (注：… / 备注：… / 说明：…). */
export function isNoteLine(text: string): boolean {
  // Asked of every line of a table's body (TableNotes): a line whose first printed character is none of 注, 备 and 说
  // (folding makes none of them, nor any white space) is ruled out before it is folded.
  return NOTE_START.test(text) && /^(?:注|备注|说明)\s*\d*\s*[:：]/.test(foldWidth(text).trim());
}

const NOTE_START = /^\s*[注备说]/;

/** The length of a line under a table that says it is empty and is a note with no 注： (longer, it is a paragraph). */
const EMPTY_STATEMENT_LENGTH = 80;

/**
 * The notes under a table, read line by line: a note (注：…, or a short line saying the table is empty: 本表无数据)
 * runs on over a line that goes on with its sentence (the line before ends in no full stop), over one saying the
 * table is empty (为空表) and over one ending in a colon (a list of notes follows it); a line opening a row of the
 * table goes on with no note, nor does the next table's number (`公开11表` under `注：本部门无该项目`). Whatever else
 * follows a note is not the table's.
 */
export class TableNotes {
  /** Whether a note has been read. */
  started = false;
  private open = false;
  private readonly linesWrap: boolean;

  /**
   * `linesWrap`: whether the layout wraps a sentence over lines (a PDF's text). Where a line is a whole paragraph (a
   * Word document's, a web page's, a workbook's cell: tab-separated text), a note without a full stop is no sentence
   * going on in the next line.
   */
  constructor(linesWrap = true) {
    this.linesWrap = linesWrap;
  }

  /** Whether the line (its text trimmed) is a note or goes on with one; `opensRow` asks the layout. */
  take(text: string, opensRow: () => boolean): boolean {
    const goesOn = this.started && ((this.open && this.linesWrap) || declaresEmpty(text) || /[:：]$/.test(text)) && !isTableFurniture(text) && !opensRow();
    if (!goesOn && !isNoteLine(text) && !(text.length < EMPTY_STATEMENT_LENGTH && declaresEmpty(text) && !opensRow())) return false;
    this.started = true;
    this.open = !/[。.]$/.test(text);
    return true;
  }
}

/**
 * A note or a row says its table has no data (空表 / 本表无数据 / 不涉及 / 本单位无此项支出 / 本部门无该项目 / 本表本年无
 * 发生额 / 没有使用政府性基金预算拨款安排的支出, or 无 alone in the row's one cell), also where extraction spaced the
 * words out (`空 表`).
 */
export function declaresEmpty(text: string): boolean {
  // Asked of every line of a table's body (TableNotes): one without 空, 无, 涉 or 没 is ruled out before it is compacted.
  if (!/[空无涉没]/.test(text)) return false;
  return /空表|无数据|本表无|不涉及|无此项|无该项|无发生额|没有使用|^无$/.test(compact(text));
}

const EMPTY_STATEMENT = /([^。；;，,：:]{2,40}?表)(?:为|是)?$/;

/**
 * Kinds of table the document declares empty anywhere, the 情况说明 too (“…支出情况表为空表”): a table printed apart
 * from its note still counts as declared empty.
 */
export function declaredEmptyKinds(texts: readonly string[]): Set<TableKind> {
  const text = texts.map(compact).join('');
  const kinds = new Set<TableKind>();
  // Only the words just before each 空表 can name the table, so the pattern runs on that window alone.
  for (let at = text.indexOf('空表'); at >= 0; at = text.indexOf('空表', at + 2)) {
    const m = EMPTY_STATEMENT.exec(text.slice(Math.max(0, at - 45), at));
    const kind = m ? kindOfTitle(m[1]) : null;
    if (kind) kinds.add(kind);
  }
  return kinds;
}
