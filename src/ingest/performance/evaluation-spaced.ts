/**
 * The header of a 评价指标体系及评分表 in the national template's order (一级 二级 三级 指标解释 评分标准 分值 得分 得分率)
 * as `pdftotext -layout` prints it: the 分值 and 得分 labels stacked a character a line (`分` over `值`), every cell set
 * one space from the next, the level and name cells wrapped over lines above and below the row's figures. Where a
 * cell ends cannot be told from its spaces (evaluation-aligned.ts reads this header only from positioned glyphs): a
 * row is the line ending in its 分值, 得分 and 得分率 (the row's last numbers, whatever its cells hold), and its cells
 * are read by where each word starts, as the PDF reader's centred table is (evaluation-centred.ts); where a level
 * cell is merged over rows, by what is certain (readFiguresOnly). Pure.
 */
import type { SourceLine } from '../source-lines.ts';
import type { GridBlock } from '../layout/blocks.ts';
import { runsOf, wordCells } from '../layout/cells.ts';
import { parseAmount, parsePercent } from '../numbers.ts';
import { isScoreTotalName } from '../../core/totals.ts';
import { BARE_NUMBER, sheetBodyRows, stackedScoreHeader, type AlignedScoreSheet } from './evaluation-aligned.ts';
import {
  leaveOpen, sheetIndicators, summaryLevel1, TEXT_COLUMNS, withColumns, type ColumnCell, type ScoreSheet, type SheetRow, type TextColumn,
} from './evaluation-tables.ts';
import type { EvaluationScore } from '../../schema/performance.ts';
import { roleOfHeader, rolesOfLine } from './header-roles.ts';
import { labelTails } from './stacked-header.ts';
import type { UncertainRow } from './level-cells.ts';

/** The 一级 names of the national 项目支出绩效评价指标体系 (财预〔2020〕10号). */
export const NATIONAL_LEVEL1 = ['决策', '过程', '产出', '效益'];

/**
 * The header lines of such a table, 得分率 its last label (so each row ends in its three figures): a stacked 分值 and
 * 得分 that only positioned text may be read by, the stack ending above a line opening with a national 一级 name (the
 * first row's level cells are words of one or two characters too, `决策 项目`); or 分值 得分 得分率 printed whole a
 * space apart, with the lines under it that print only the ends of its wrapped labels (`指标` under `一级`). Null
 * otherwise.
 */
export function spacedScoreHeader(lines: readonly SourceLine[], at: number): number | null {
  // Asked of every line of an evaluation report: the label first.
  if (!lines[at].text.includes('得分率')) return null;
  const labels = wordCells(lines[at].text);
  if (labels[labels.length - 1]?.text !== '得分率' || stackedScoreHeader(lines, at, false) != null) return null;
  const stacked = stackedScoreHeader(lines, at, true);
  if (stacked == null) {
    const runs = runsOf(lines[at].text);
    const whole = runs.length > 1 && runs[runs.length - 1].text === '分值 得分 得分率' && rolesOfLine(lines[at].text).has('name');
    return whole ? 1 + labelTails(lines[at], lines.slice(at + 1, at + 3), roleOfHeader) : null;
  }
  const opensRow = (k: number) => NATIONAL_LEVEL1.includes(wordCells(lines[at + k].text)[0]?.text ?? '');
  let count = 1;
  while (count < stacked && !opensRow(count)) count++;
  return count;
}

/**
 * A line's closing 分值, 得分 and 得分率, after `before` words at least (a centred row's line may print its figures
 * alone, evaluation-centred.ts).
 */
export function figuresOf(line: SourceLine, before = 1): { weight: number; score: number } | null {
  const words = wordCells(line.text);
  if (words.length < 3 + before) return null;
  const [weight, score, rate] = words.slice(-3).map((w) => w.text);
  if (!BARE_NUMBER.test(weight) || !BARE_NUMBER.test(score) || parsePercent(rate) == null) return null;
  return { weight: parseAmount(weight) as number, score: parseAmount(score) as number };
}

/**
 * The rows of a table whose cells evaluation-centred.ts cannot place (a level cell merged over rows, printed once
 * where no line says which rows it spans): each row's lines run from the line after the row before it down to the
 * line of its figures (the lines under the last row, to the 合计, are the last row's); its 一级 is the name
 * (the 评分汇总表's, `summary`, or the national ones) opening one of its lines, or each row's 一级 and 二级 as
 * `levels` places them (the merged cells' centring, evaluation-centred.ts), a level it leaves `open` (a row a page
 * break may part from its cell, cutCellRows) none's and named. A 一级 merged over rows is printed on one
 * of them only: at the top of its rows where the table's cells stand at the top (`top`), a row is under the 一级
 * nearest above; centred, a row between two rows printing the same 一级 is under it (and one above the first or under
 * the last printed, under that one), and one between two rows of different 一级 may be under either and is not given
 * one; a row given none so may be given its 一级 by the summary's weights (level1ByWeights), and is named unread only
 * where they do not. Its 三级 name, 指标解释 and 评分标准 where
 * `columns` gives them a row each (the columns whose pieces say their rows, evaluation-centred.ts). What neither gives
 * is not read, and the rows' lines stay printed.
 */
export function readFiguresOnly(
  block: GridBlock,
  summary: readonly EvaluationScore[],
  levels?: { cells: ReadonlyArray<{ level1: string; level2: string }>; open: readonly UncertainRow[] },
  columns: Partial<Record<TextColumn, readonly ColumnCell[]>> = {},
  top = false,
): AlignedScoreSheet {
  const names = [...summaryLevel1(summary), ...NATIONAL_LEVEL1];
  const rows: SheetRow[] = [];
  let total: ScoreSheet['total'] = null;
  let from = block.rows[block.headerRows - 1].line.no + 1;
  // The 一级 name opening a line of the row being read.
  let opened = '';
  let last = from - 1;
  for (const { line } of sheetBodyRows(block)) {
    const first = wordCells(line.text)[0];
    if (isScoreTotalName(first.text)) {
      const figures = figuresOf(line);
      if (rows.length) rows[rows.length - 1].last = last;
      if (rows.length && opened && !rows[rows.length - 1].cells.level1) rows[rows.length - 1].cells.level1 = opened;
      total = { weight: figures?.weight ?? null, score: figures?.score ?? null, lines: { first: line.no, last: line.no } };
      last = line.no;
      break;
    }
    if (first.start <= 1 && names.includes(first.text)) opened = first.text;
    last = line.no;
    const figures = figuresOf(line);
    if (!figures) continue;
    const empty = { level2: '', name: '', description: '', rule: '', process: '', deduction: '' };
    rows.push({ cells: { ...empty, level1: opened }, weight: figures.weight, score: figures.score, first: from, last: line.no });
    from = line.no + 1;
    opened = '';
  }
  if (rows.length && !total) rows[rows.length - 1].last = last;
  rows.forEach((r, k) => {
    const above = rows.slice(0, k).findLast((a) => a.cells.level1)?.cells.level1;
    const below = rows.slice(k + 1).find((b) => b.cells.level1)?.cells.level1;
    // Every row is under a 一级, in order: one above the first printed or under the last is that one's.
    if (!r.cells.level1) r.cells.level1 = above && below ? (top || above === below ? above : '') : (above ?? below ?? '');
  });
  const placed = levels?.cells.length === rows.length;
  if (placed) rows.forEach((r, k) => Object.assign(r.cells, levels.cells[k]));
  const given = TEXT_COLUMNS.filter((c) => columns[c]?.length === rows.length);
  const withCells = rows.map((r, k) => withColumns(r, k, Object.fromEntries(given.map((c) => [c, columns[c]!]))));
  // A row not given a 一级 is none's, not the one above it (sheetIndicators carries an empty one down).
  const carried = sheetIndicators(withCells);
  const unplaced = rows.some((r) => r.cells.level1) ? rows.flatMap((r, k) => (r.cells.level1 ? [] : [k])) : [];
  for (const k of unplaced) Object.assign(carried[k], { level1: null, level2: null });
  const { indicators, warnings: openWarnings } = leaveOpen(carried, placed ? levels.open : [], summary);
  const some = indicators.some((ind) => ind.level1);
  const every = indicators.every((ind) => ind.level1);
  // A level is said read where every row has one, the 一级 unread where none has, and otherwise row by row.
  const readNames = [...(every ? ['一级'] : []), ...(placed && indicators.every((ind) => ind.level2) ? ['二级'] : [])];
  const readLevels = readNames.length ? [`${readNames.join('、')}指标`] : [];
  const unreadLevels = [...(some ? [] : ['一级']), ...(placed ? [] : ['二级'])];
  const readColumns = [...readLevels, ...given.map((c) => COLUMN_NAMES[c])];
  const unreadColumns = [...(unreadLevels.length ? [`${unreadLevels.join('、')}指标`] : []), ...TEXT_COLUMNS.filter((c) => !given.includes(c)).map((c) => COLUMN_NAMES[c])];
  const warnings = !rows.length
    ? []
    : given.length === 0
      ? [`评分表的单元格在文本中只隔一个空格，各行只读出${readColumns.map((c) => `${c}、`).join('')}分值和得分，${unreadLevels.map((l) => `${l}、`).join('')}三级指标名称等未能读出，原文逐行保留`]
      : [`评分表的单元格在文本中只隔一个空格，各行读出${readColumns.join('、')}、分值和得分${unreadColumns.length ? `，${unreadColumns.join('、')}未能读出` : ''}，原文逐行保留`];
  // A row between two 一级 is named only where the summary's weights do not give it one either.
  const levelWarnings = unplaced.filter((k) => !indicators[k].level1)
    .map((k) => `评分表第 ${rows[k].first} 行指标的一级指标未能读出：跨行合并的一级指标单元格只印一次，该行在两个一级指标之间，不能确定属于哪一个，原文逐行保留`);
  return { indicators, total, last, warnings: [...warnings, ...levelWarnings, ...openWarnings] };
}

/** The text columns as a reader is told of them. */
export const COLUMN_NAMES: Record<TextColumn, string> = { name: '三级指标名称', description: '指标解释', rule: '评分标准' };
