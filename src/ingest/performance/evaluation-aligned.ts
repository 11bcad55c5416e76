/**
 * A 综合评分表 printed aligned with narrow columns (a PDF's table of nine columns, read by its glyph positions or
 * by `pdftotext -layout`): the level columns and the 得分 / 扣分原因 columns are one or two characters wide, so their
 * labels stand one character a line under the header line (`一二` over `级级`, `得扣` over `分分`), the level names
 * stand one character a line down their rows, and long cells wrap inside their column over many lines. The column
 * grid shifts from page to page, so the reader takes its places from each row's own first line rather than from
 * the header: a row starts at the line printing its 分值 (the first number standing alone after the row's words) and
 * its 得分 (the last one); a 得分 wider than its column goes on digit by digit below itself. A cell's lines down to the
 * next row's first line are its own, each word placed by where the row's first line prints each cell, and a level or
 * name printed a character a line is read down its narrow column. Pure.
 */
import type { SourceLine } from '../source-lines.ts';
import { parseAmount } from '../numbers.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { runsOf, wordCells, type Cell } from '../layout/cells.ts';
import type { BlockRow, GridBlock } from '../layout/blocks.ts';
import { compact, joinWrapped } from './text.ts';
import { levelCells, sheetIndicators, type ScoreSheet, type SheetRow } from './evaluation-tables.ts';
import { isScoreTotalName } from '../../core/totals.ts';
import { roleOfHeader, rolesOfLine } from './header-roles.ts';

/** Lines under a header line that may hold its labels' further characters (`指` and `标` of a vertical 一级指标). */
const HEADER_REACH = 3;

/** A 分值 or 得分 as a row prints it: a number alone. */
export const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

/** A line of the header's stack: every word is one or two characters (the narrow columns' labels, a character each). */
function isStackLine(line: SourceLine): boolean {
  const words = wordCells(line.text);
  return words.length > 0 && words.every((w) => w.text.length <= 2);
}

/**
 * The number of lines the header takes when its 得分 label stands in a narrow column, one character a line (`得` on
 * the header line, `分` right under it); null otherwise. The labels are read down each character position.
 */
export function stackedScoreHeader(lines: readonly SourceLine[], at: number, positioned = false): number | null {
  const line = lines[at];
  // Asked of every line of every document (evaluation.ts): the words first, as namesScoreSheet does, since cutting a
  // line into runs costs more than looking for 级 in it.
  if (!line.text.includes('级') || line.text.includes('\t')) return null;
  const roles = rolesOfLine(line.text);
  // 分值 on the line or stacked as 得分 is (`分` over `值`); a 得分率 on the line is no 得分.
  if (!roles.has('name') || (roles.has('score') && !line.text.includes('得分率'))) return null;
  if (runsOf(line.text).length < 3) return null;
  let count = 1;
  while (count <= HEADER_REACH && lines[at + count] && isStackLine(lines[at + count])) count++;
  if (count === 1) return null;
  const stack = lines.slice(at, at + count).map((l) => [...l.text]);
  const width = Math.max(...stack.map((chars) => chars.length));
  const stacked = new Set<string | null>();
  for (let x = 0; x < width; x++) stacked.add(roleOfHeader(stack.map((chars) => chars[x] ?? '').join('').replace(/\s/g, '')));
  // A 分值 stacked too is read only where the characters stand where their glyphs do: a table with so many narrow
  // columns (评分标准 before 分值, 得分率 after 得分) is printed by `pdftotext -layout` with its cells a space apart, where
  // no row's 分值 can be told from its words.
  return stacked.has('score') && (roles.has('weight') || (positioned && stacked.has('weight'))) ? count : null;
}

function isTotalStart(text: string): boolean {
  // 合计 in a narrow column prints 合 on the row's line and 计 under it.
  return compact(text) === '合' || isScoreTotalName(text);
}

/**
 * The narrow level columns, by the header's labels before 三级指标 (`一二` over `级级`: a character a column): where
 * each column's character stands, and the column where they end (one column of jitter to the right).
 */
interface NarrowColumns {
  at: number[];
  end: number;
  /** The labels are printed across (`一级 二级` over `指标 指标`): a word in these columns is the cell's whole. */
  across: boolean;
  /**
   * Whether the characters stand where their glyphs do (the PDF reader's text), so that a character's column can be
   * told from its place. `pdftotext -layout` moves each page's columns by their own amounts and sets a cell's wrapped
   * lines a few columns apart, so that in its text a narrow column's characters stand where another's do: there the
   * narrow columns are not read, nor are the cells right of 分值 on a row's further lines, which may be on the next
   * page (every line stays printed).
   */
  positioned: boolean;
}

/**
 * A word printed in the narrow columns: a word as wide as all of them prints a character of each, left to right
 * (`决项`: 决 of 决策, 项 of 项目立项, set so close that they touch); a lone character is the column's it stands
 * nearest to.
 */
function narrowColumnsOf(w: Cell, narrow: NarrowColumns): number[] {
  const nearest = (x: number) => narrow.at.reduce((best, at, c) => (Math.abs(at - x) < Math.abs(narrow.at[best] - x) ? c : best), 0);
  if (narrow.across) return [...w.text].map(() => nearest(w.start));
  if (w.text.length === narrow.at.length) return narrow.at.map((_, c) => c);
  return [...w.text].map((_, k) => nearest(w.start + k));
}

interface Row {
  first: number;
  last: number;
  weight: number | null;
  /** Where the row's first line prints its cells (characters from the line's start): the name, 指标解释 (else 分值),
   * 分值, 评分过程 and 得分, Infinity where that line prints none of them (评分规则 is what stands between 分值 and
   * 评分过程). */
  nameAt: number;
  descriptionAt: number;
  weightAt: number;
  /** Where 评分标准 starts on the first line of a table printing it before 分值 (Infinity in one printing it after). */
  ruleAt: number;
  processAt: number;
  scoreAt: number;
  scoreText: string;
  /** The pieces of each cell, in print order; `narrow` a list of characters for each narrow column. */
  narrow: string[][];
  name: string[];
  description: string[];
  rule: string[];
  process: string[];
  deduction: string[];
}

/**
 * The row a line opens: its 分值 and 得分, the words before 分值 (the narrow columns' characters, the name, 指标解释),
 * and the runs between them (评分规则, then 评分过程) and after 得分 (扣分原因), which set where the row's further
 * lines print each cell.
 */
function openRow(line: SourceLine, narrow: NarrowColumns, describes: boolean, ruleFirst = false): Row | null {
  const runs = runsOf(line.text);
  const numbers = runs.filter((r) => BARE_NUMBER.test(r.text));
  if (!numbers.length || runs[0] === numbers[0]) return null;
  const weight = numbers[0];
  const score = numbers.length > 1 ? numbers[numbers.length - 1] : null;
  const before = wordCells(line.text.slice(0, weight.start));
  const rule = ruleFirst ? before.pop() : undefined;
  const description = describes ? before.pop() : undefined;
  // The name: the last word before 指标解释 right of the narrow columns.
  const name = before.length && before[before.length - 1].end > narrow.end ? before[before.length - 1] : null;
  const between = runs.filter((r) => r.start > weight.start && (score == null || r.start < score.start));
  const row: Row = {
    first: line.no,
    last: line.no,
    weight: parseAmount(weight.text),
    nameAt: name?.start ?? Infinity,
    descriptionAt: description?.start ?? rule?.start ?? weight.start,
    weightAt: weight.start,
    ruleAt: rule?.start ?? Infinity,
    processAt: between.length > 1 ? between[between.length - 1].start : Infinity,
    scoreAt: score?.start ?? Infinity,
    scoreText: score?.text ?? '',
    narrow: narrow.at.map(() => []),
    name: [],
    description: [],
    rule: [],
    process: [],
    deduction: [],
  };
  for (const w of wordCells(line.text)) {
    if (w.start === weight.start || w.start === score?.start) continue;
    // On the first line, what follows 得分 is 扣分原因, or in a table printing 评分标准 before 分值 its 得分率.
    if (w.start > row.scoreAt) {
      if (narrow.positioned && !ruleFirst) row.deduction.push(w.text);
    } else place(row, w, narrow);
  }
  return row;
}

/**
 * A word of a row, to the cell the row's first line prints at its place: left of 分值 a narrow column's characters,
 * a piece of the name or of 指标解释; right of it 评分规则, 评分过程, or past 得分 the 评分过程 going on unless the row
 * has a 扣分原因 (or no 评分过程), as the tab-separated reader reads a row's further lines.
 */
function place(row: Row, w: Cell, narrow: NarrowColumns): void {
  if (w.start >= row.ruleAt - 1 && w.start < row.weightAt) row.rule.push(w.text);
  else if (w.start > row.weightAt || (w.end <= narrow.end && w.start < row.nameAt)) {
    if (narrow.positioned) placePositioned(row, w, narrow);
  } else if (isNamePiece(row, w)) row.name.push(w.text);
  else row.description.push(w.text);
}

/** A word right of 分值, or in the narrow columns, of text whose characters stand where their glyphs do. */
function placePositioned(row: Row, w: Cell, narrow: NarrowColumns): void {
  if (w.start >= row.scoreAt - 1) (row.deduction.length || !row.process.length ? row.deduction : row.process).push(w.text);
  else if (w.start >= row.processAt - 1) row.process.push(w.text);
  else if (w.start > row.weightAt) row.rule.push(w.text);
  else narrowColumnsOf(w, narrow).forEach((c, k) => row.narrow[c].push(w.text[k]));
}

/**
 * A word between the narrow columns and 指标解释 is the name's where it stands nearer to where the row's first line
 * prints the name than to 指标解释 (`pdftotext -layout` sets wrapped lines of a cell a few columns apart); with no name
 * on that line, where it stands left of 指标解释.
 */
function isNamePiece(row: Row, w: Cell): boolean {
  if (row.nameAt === Infinity) return w.start < row.descriptionAt - 1;
  return Math.abs(w.start - row.nameAt) < Math.abs(w.start - row.descriptionAt);
}

/**
 * A line of a row after its first (a cell's lines down to the next row's first line are its own): its words placed,
 * and the 得分's further digits joined to it.
 */
function continueRow(row: Row, line: SourceLine, narrow: NarrowColumns): void {
  row.last = line.no;
  for (const w of wordCells(line.text)) {
    if (Math.abs(w.start - row.scoreAt) <= 1 && /^\d$/.test(w.text)) row.scoreText += w.text;
    else place(row, w, narrow);
  }
}

/**
 * A row's cells. Left of 指标解释 the row prints its narrow columns and then its name; a row whose name column holds
 * nothing lost its leading cell (a 一级 merged over rows), so its cells stand one column left: the last narrow
 * column holds the name. Read right to left, as the tab-separated reader reads a row that lost its leading cells.
 */
function sheetRow(row: Row, knownLevel1: readonly string[]): SheetRow {
  const left = row.narrow.map((chars) => chars.join(''));
  if (row.name.length) left.push(joinWrapped(row.name));
  const name = left.pop() ?? '';
  const level2 = left.pop() ?? '';
  return {
    cells: {
      ...levelCells(left.join(''), level2, knownLevel1),
      name,
      description: joinWrapped(row.description),
      rule: joinWrapped(row.rule),
      process: joinWrapped(row.process),
      deduction: joinWrapped(row.deduction),
    },
    weight: row.weight,
    score: null,
    first: row.first,
    last: row.last,
  };
}

/**
 * The rows under a stacked header that hold a table's text: no page furniture or blank line, nor the header a later
 * page prints again and the lines its labels stack on.
 */
export function sheetBodyRows(block: GridBlock): BlockRow[] {
  const headerText = compact(block.rows[0].line.text);
  const rows: BlockRow[] = [];
  let repeated = 0;
  for (const row of block.rows.slice(block.headerRows, block.notesFrom)) {
    if (row.furniture || !row.cells.length) continue;
    if (repeated > 0 || compact(row.line.text) === headerText) {
      repeated = repeated > 0 ? repeated - 1 : block.headerRows - 1;
      continue;
    }
    rows.push(row);
  }
  return rows;
}

export interface AlignedScoreSheet extends ScoreSheet {
  /** What could not be placed with certainty, in words for the reader. */
  warnings: string[];
}

/**
 * The rows of a 综合评分表 whose header (the block's header rows: evaluation-blocks.ts) stacks its narrow labels. Each indicator gets
 * its 分值, 得分 (digits stacked under it joined while they stay within 分值), its levels, name, 指标解释, 评分规则,
 * 评分过程 and 扣分原因 as the geometry shows them (`knownLevel1`: the 评分汇总表's 一级 names, see levelCells); the
 * 一级 is then checked against the 评分汇总表 (level1ByWeights) and every line stays printed as well. A 得分 over its
 * 分值 or missing is left empty and named in `warnings`, as is a name not found.
 */
export function readAlignedScoreSheet(block: GridBlock, knownLevel1: readonly string[], positioned: boolean): AlignedScoreSheet {
  const labels = wordCells(block.rows[0].line.text);
  const nameLabel = labels.findIndex((w) => roleOfHeader(w.text) === 'name');
  // The header's words before 三级指标 are the narrow level columns' labels, a character per column (`一二` over
  // `级级`), or each a column's label printed across (`一级`, `二级`).
  const levelLabels = labels.slice(0, Math.max(nameLabel, 0));
  const across = levelLabels.length > 0 && levelLabels.every((w) => roleOfHeader(w.text) != null);
  const at = across ? levelLabels.map((w) => w.start) : levelLabels.flatMap((w) => [...w.text].map((_, k) => w.start + k));
  const narrow: NarrowColumns = { at, end: at.length ? at[at.length - 1] + 2 : -Infinity, across, positioned };
  const describes = labels.some((w, i) => i > nameLabel && roleOfHeader(w.text) === 'description');
  // 评分标准 printed before 分值 (a 分值 label stacked under the line, or on it right of 评分标准).
  const ruleAt = labels.findIndex((w, i) => i > nameLabel && roleOfHeader(w.text) === 'rule');
  const weightAt = labels.findIndex((w) => roleOfHeader(w.text) === 'weight');
  const ruleFirst = ruleAt >= 0 && (weightAt < 0 || weightAt > ruleAt);
  const rows: Row[] = [];
  const warnings: string[] = [];
  let total: ScoreSheet['total'] = null;
  let last = block.rows[block.headerRows - 1].line.no;
  let totalRow: Row | null = null;
  for (const { line, cells } of sheetBodyRows(block)) {
    if (totalRow) {
      continueRow(totalRow, line, narrow);
      last = line.no;
      continue;
    }
    if (isTotalStart(cells[0].text)) {
      totalRow = openRow(line, narrow, false);
      if (!totalRow) break;
      last = line.no;
      continue;
    }
    const prev = rows[rows.length - 1];
    const opened = openRow(line, narrow, describes, ruleFirst);
    // 分值 stands left of 得分: a figure under the row's 得分 is its next digit, not another row's 分值.
    if (opened && !(prev && opened.weightAt >= prev.scoreAt - 1)) rows.push(opened);
    else if (prev) continueRow(prev, line, narrow);
    else continue;
    last = line.no;
  }
  const read = rows.map((row) => sheetRow(row, knownLevel1));
  read.forEach((r, i) => {
    const score = parseAmount(rows[i].scoreText);
    if (score != null && r.weight != null && score <= r.weight) r.score = score;
    else warnings.push(`评分表第 ${r.first} 行指标的得分未能读出${rows[i].scoreText ? `（读到的“${rows[i].scoreText}”大于分值 ${r.weight}）` : ''}`);
    if (!r.cells.name) warnings.push(`评分表第 ${r.first} 行的三级指标名称印在窄列中，未能读出`);
  });
  const indicators = sheetIndicators(read);
  if (totalRow) {
    // A narrow cell may cut a figure's last digits off (`1` over `0` for 100): the total's digits are taken where they
    // make the rows' sum, and otherwise left and named.
    const printed = parseAmount(totalRow.scoreText);
    const sum = indicators.every((i) => i.score != null) ? sumAmounts(indicators.map((i) => i.score as number)) : null;
    const score = printed != null && printed === sum ? printed : null;
    if (score == null) warnings.push(`评分表合计的得分未能读出（窄列中读到“${totalRow.scoreText}”，各项得分之和为 ${sum ?? '—'}）：第 ${totalRow.first} 行`);
    total = { weight: totalRow.weight, score, lines: { first: totalRow.first, last: totalRow.last } };
  }
  return { indicators, total, last, warnings };
}
