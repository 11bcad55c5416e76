import type { BlockRow } from '../../layout/blocks.ts';
import { parseAmount } from '../../numbers.ts';
import { compact, foldFigures } from '../../../core/width.ts';
import { isClassCode } from './code-reassembly.ts';
import { declaresEmpty, isNoteLine } from './region-text.ts';
import { isTotalName } from '../../../core/totals.ts';
import { isUncomputed } from '../../layout/cell-text.ts';
import { columnKeyFor, textColumnKeyFor } from '../columns.ts';
import { isTemplateColumn } from './column-ranks.ts';
import type { TableKind } from '../../../schema/table.ts';

/**
 * Which rows of a grid block are its column header, which its data and which its notes (issue 10 point 1): decided
 * once, by the block stage (table-blocks.ts), from what every layout prints alike: a header of the templates' header
 * words, the column numbers (栏次) under it, the first row carrying an amount or a classification code (in a table
 * printed empty, its total row), a note line (注：, 备注：) ending the table. It reads a row's cells as cut and its
 * line's text, so it holds for a tab slot, an aligned run and a single-space word alike.
 */

/**
 * Words of column headers; a header may be split into fragments over many lines, so they are matched on the join.
 * `一级 二级 三级` heads the levels of a catalogue (北京 政府购买服务明细表's 指导性目录).
 */
const HEADER_VOCABULARY = /项目|科目|编码|名称|合计|总计|小计|预算|支出|收入|经费|类款|功能分类|经济分类|数量|价值|单位名称|单位性质|因公出国|公务|金额|^收入?$|^支出?$|^(?:[一二三]级)+$/;

/** Where a block's rows change part (GridBlock's fields of the same names). */
export interface RowMarks {
  headerRows: number;
  notesFrom: number;
  /** A row among the data saying the table is empty above its total row (`无`, then `合计`): read as a note. */
  statement?: number;
}

const textsOf = (row: BlockRow) => row.cells.map((c) => c.text).filter((t) => t !== '');

/** Whether any cell text is an amount; a year printed apart from its 年 (`2026 年政府采购项目`) is none. */
export function hasAmountToken(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => parseAmount(t) !== null && !(/^\d{4}$/.test(foldFigures(t)) && /^年/.test(tokens[i + 1] ?? '')));
}

/** What a row numbering the columns prints: a number (in either width, `３`), the stub's `**`, 栏次 (its characters apart or not) or 行次. */
const NUMBERING = /^(?:[0-9０-９]{1,2}|\*+|栏|次|栏次|行次)$/;

export function isColumnNumbering(text: string): boolean {
  return NUMBERING.test(text);
}

/** A column's printed number (`3`, a word processor's `３`), or null where the text is none. */
export function columnNumberOf(text: string): number | null {
  const t = foldFigures(text);
  return /^\d{1,2}$/.test(t) ? Number(t) : null;
}

/**
 * The column numbers a header prints under its labels (`栏次 1 2 3`, `** ** ** 1 2 … 9`, `栏 次 1 栏 次 2`, a
 * one-column table's `** 1`): consecutive numbers, with the stub's `**` or 栏次, or from 1 on without them, or null
 * where the row prints none.
 * They number the columns, not a row.
 */
export function columnNumbersOf(row: BlockRow): number[] | null {
  const tokens = textsOf(row);
  if (!tokens.every(isColumnNumbering)) return null;
  const numbers = tokens.map(columnNumberOf).filter((n) => n !== null);
  if (numbers.length === 0 || !numbers.every((n, i) => n === numbers[0] + i)) return null;
  return numbers.length < tokens.length || (numbers[0] === 1 && numbers.length >= 3) ? numbers : null;
}

/**
 * Whether a row prints header words or column numbers, or, where the table's kind is known, the label of a column of
 * its template (`财政专户拨款`, `其他资金`: text printed one cell a line prints each label on a line of its own, 广州
 * 2026 部门预算基本支出预算表 plain pdftotext L2384-L2398); not a label naming a column of another kind's template,
 * which a row of this one may be named by (`上年结转`, `年末结转和结余` in a 收支总表).
 */
function isHeaderRow(row: BlockRow, kind: TableKind | null): boolean {
  const text = compact(row.line.text);
  // A text column's label (采购组织形式, 规格型号) heads a column as an amount's does.
  if (HEADER_VOCABULARY.test(text) || textColumnKeyFor(text) !== null || columnNumbersOf(row) !== null) return true;
  if (kind === null) return false;
  const key = columnKeyFor(text);
  return key !== null && isTemplateColumn(kind, key);
}

/**
 * Whether a row opens the data: an amount (a workbook's formula whose result is unknown too) or a classification code
 * first, and no column numbers.
 */
export function startsData(row: BlockRow): boolean {
  if (columnNumbersOf(row) !== null) return false;
  const tokens = textsOf(row);
  return hasAmountToken(tokens) || tokens.some(isUncomputed) || (tokens.length > 0 && isClassCode(tokens[0]));
}

/**
 * What a note line (isNoteLine: 注, 备注, 说明) prints first: compacting only takes white space out and folds ASCII
 * width, so a row whose first printed character is none of these is no note, and is not compacted to be asked.
 */
const NOTE_START = /^\s*[注备说]/;

/**
 * The header runs to the last row with header words (or column numbers) before the first row that opens the data (in
 * a table without amounts or codes, its total row: isEmptyTotalRow); rows before that without header words are
 * already data (a sub-unit's name wrapped over several lines). The notes start at the first note line. `kind`: the
 * table's, where its title names it (isHeaderRow).
 */
export function rowMarks(rows: readonly BlockRow[], kind: TableKind | null = null): RowMarks {
  const noteAt = rows.findIndex((r) => NOTE_START.test(r.line.text) && isNoteLine(compact(r.line.text)));
  let notes = noteAt >= 0 ? noteAt : rows.length;
  // A table printed empty says so in a row of its own (本表无数据, 本单位无此项支出 across its columns, 无 in its first
  // cell): no row of data nor of its header (此项支出 holds a header word) but its statement, read as a note, and the
  // notes start there unless the table's total row follows it (上海 司法局's `无`, then `合计`), which stays its row.
  const statedAt = rows.slice(0, notes).findIndex((r) => declaresEmpty(r.line.text) && !startsData(r));
  let statement: number | undefined;
  if (statedAt >= 0 && !rows.slice(statedAt, notes).some(startsData)) {
    if (rows.slice(statedAt + 1, notes).some(isTotalRow)) statement = statedAt;
    else notes = statedAt;
  }
  const body = rows.slice(0, notes);
  let firstData = body.findIndex(startsData);
  // A table printed empty may say so in its one row (空) before its total row.
  if (firstData < 0) firstData = body.findIndex((r, i) => i === statement || /^空$/.test(compact(r.line.text)) || isEmptyTotalRow(body, i, kind));
  const scanTo = firstData >= 0 ? firstData : notes;
  let header = 0;
  for (let i = 0; i < scanTo; i++) if (isHeaderRow(rows[i], kind)) header = i + 1;
  // The last fragment of a wrapped header cell (`算` of 国有资本经营预算, `、结转` of 上年结余、结转) can follow the header words.
  while (header > 0 && header < scanTo && /^、?[\u3400-\u9fff）)]{1,2}$/.test(compact(rows[header].line.text))) header++;
  return { headerRows: header, notesFrom: notes, statement };
}

/** A cell's dash standing for no amount (`-`, `—`, `－`). */
const PLACEHOLDER = /^[-—–－]+$/;

/** A row printing a total's name and no amount: its cells blank or a dash each (`合计 - - -`). */
const isTotalRow = (row: BlockRow) => isTotalName(compact(textsOf(row).filter((t) => !PLACEHOLDER.test(t)).join('')));

/**
 * A table printed empty (a department without 政府性基金 or 三公 spending) still prints its total row under its
 * header: its name and no amount. The data open there, though the name is a header word, where the line above is a
 * header's line of two cells or more (labels, `类 款 项`, column numbers). Under a line of one label, a total's name
 * alone is one more label of a header printed one label a line (`-raw` and one-cell-a-line text); in a table with
 * amounts it may be a header's total column on a line of its own beside labels wrapped below (北京 预算02表's 合计):
 * so rowMarks asks this only where no row opens the data by an amount or a code.
 */
function isEmptyTotalRow(rows: readonly BlockRow[], i: number, kind: TableKind | null): boolean {
  if (!isTotalRow(rows[i])) return false;
  const above = rows.slice(0, i).findLast((r) => r.cells.length > 0);
  return above !== undefined && textsOf(above).length >= 2 && isHeaderRow(above, kind);
}
