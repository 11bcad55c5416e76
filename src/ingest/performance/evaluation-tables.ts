import type { EvaluationFundsUse, EvaluationIndicator, EvaluationScore } from '../../schema/performance.ts';
import type { LineRange } from '../../schema/common.ts';
import { parseAmount, parsePercent } from '../numbers.ts';
import { toScaled } from '../../core/decimal.ts';
import type { SourceLine } from '../source-lines.ts';
import { hasTabCells, runsOf } from '../layout/cells.ts';
import type { GridRow } from '../layout/grid.ts';
import type { GridBlock } from '../layout/blocks.ts';
import { gridOf, type ColumnGrid } from './evaluation-blocks.ts';
import { cleanCell, compact, joinWrapped } from './text.ts';
import { isScoreTotalName } from '../../core/totals.ts';
import { rolesOfLine, viewOf, type ColumnRole } from './header-roles.ts';
import type { UncertainRow } from './level-cells.ts';

/** A header printed as cells: tab-separated, or aligned in three runs or more. */
function printsCells(line: SourceLine): boolean {
  return hasTabCells(line) || runsOf(line.text).length >= 3;
}

const cellsOf = (row: GridRow) => row.cells.map(cleanCell);
const textOf = (row: GridRow) => row.cells.join('\t');

function isSeparator(row: GridRow): boolean {
  return /^[-\s|]+$/.test(textOf(row));
}

/** 一级指标, 分值 and 得分 columns, no 三级指标 one. */
function namesScoreSummary(text: string): boolean {
  // 得分 needs its 得 in the line as printed; most lines have none, and are not cut into cells for nothing.
  if (!text.includes('得')) return false;
  const roles = rolesOfLine(text);
  return roles.has('level1') && roles.has('weight') && roles.has('score') && !roles.has('name');
}

/** 三级指标, 分值 and 得分 columns. */
function namesScoreSheet(text: string): boolean {
  if (!text.includes('得')) return false;
  const roles = rolesOfLine(text);
  return roles.has('name') && roles.has('weight') && roles.has('score');
}

// The words first: every line of every document is asked whether it heads a score table (isEvaluationReport), and
// cutting a line into runs costs more than looking for 得分 in it.
export function isScoreSummaryHeader(line: SourceLine): boolean {
  return namesScoreSummary(line.text) && printsCells(line);
}

export function isScoreSheetHeader(line: SourceLine): boolean {
  return namesScoreSheet(line.text) && printsCells(line);
}

export function isFundsUseHeader(line: SourceLine): boolean {
  if (!printsCells(line)) return false;
  const c = compact(line.text);
  return /预算(?:金额|数)/.test(c) && /(?:执行|支出|使用)(?:金额|数)/.test(c) && !/指标/.test(c);
}

export interface ScoreSummary {
  scores: EvaluationScore[];
  total: { weight: number | null; score: number | null; lines: LineRange } | null;
  last: number;
}

/** 评分汇总表: one row per 一级指标 (标准分值, 得分, 得分率) and a 合计 row. */
export function readScoreSummary(block: GridBlock): ScoreSummary {
  const { header, rows: body } = gridOf(block);
  const scores: EvaluationScore[] = [];
  let total: ScoreSummary['total'] = null;
  let last = header.no;
  for (const line of body) {
    last = line.no;
    if (isSeparator(line) || namesScoreSummary(textOf(line))) continue;
    const [name, weight, score, rate] = cellsOf(line);
    const lines = { first: line.no, last: line.no };
    // The 合计 row closes the table (an aligned one has no tab to end it).
    if (isScoreTotalName(name)) {
      total = { weight: parseAmount(weight ?? ''), score: parseAmount(score ?? ''), lines };
      break;
    }
    scores.push({
      level1: name,
      weight: parseAmount(weight ?? ''),
      score: parseAmount(score ?? ''),
      rate: parsePercent(rate ?? '') ?? parseAmount(rate ?? ''),
      lines,
    });
  }
  return { scores, total, last };
}

export interface ScoreSheet {
  indicators: EvaluationIndicator[];
  total: { weight: number | null; score: number | null; lines: LineRange } | null;
  last: number;
}

/** A 评分表 row's cells as printed (empty where the row prints none) and its figures, whatever the layout. */
export interface SheetRow {
  cells: { level1: string; level2: string; name: string; description: string; rule: string; process: string; deduction: string };
  weight: number | null;
  score: number | null;
  first: number;
  last: number;
}

interface AnchoredRow extends SheetRow {
  anchor: number;
  scoreAt: number;
}

/**
 * A row's 一级 and 二级 cells: where the row lost its 一级 cell and its 二级 cell is a 一级 name of the 评分汇总表
 * (`效益`) or starts with one (`产出数量`), that name is 一级.
 */
export function levelCells(level1: string, level2: string, knownLevel1: readonly string[]): { level1: string; level2: string } {
  const named = knownLevel1.find((l1) => level2.startsWith(l1));
  if (level1 || !named) return { level1, level2 };
  return { level1: named, level2: level2 === named ? '' : level2 };
}

/** A row's own text columns, which a merged table's `-layout` text may give a column at a time. */
export const TEXT_COLUMNS = ['name', 'description', 'rule'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

/** A row's cell of a text column and the lines its pieces stand on. */
export interface ColumnCell {
  text: string;
  first: number;
  last: number;
}

/** A row with the text columns' cells of row `k` in place of its own, its lines reaching theirs. */
export function withColumns(row: SheetRow, k: number, columns: Partial<Record<TextColumn, readonly ColumnCell[]>>): SheetRow {
  const cells = Object.entries(columns).map(([role, column]) => [role, column[k]] as const);
  return {
    ...row,
    cells: { ...row.cells, ...Object.fromEntries(cells.map(([role, c]) => [role, c.text])) },
    first: Math.min(row.first, ...cells.map(([, c]) => c.first)),
    last: Math.max(row.last, ...cells.map(([, c]) => c.last)),
  };
}

/** The indicators of a 评分表's rows in print order: a 一级 or 二级 a row leaves empty is the one above (a merged cell). */
export function sheetIndicators(rows: readonly SheetRow[]): EvaluationIndicator[] {
  let level1: string | null = null;
  let level2: string | null = null;
  return rows.map((r): EvaluationIndicator => {
    if (r.cells.level1) {
      if (r.cells.level1 !== level1) level2 = null;
      level1 = r.cells.level1;
    }
    if (r.cells.level2) level2 = r.cells.level2;
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    return {
      code: null,
      level1,
      level2,
      name: r.cells.name,
      description: orNull(r.cells.description),
      weight: r.weight,
      score: r.score,
      rule: orNull(r.cells.rule),
      process: orNull(r.cells.process),
      deduction: orNull(r.cells.deduction),
      lines: { first: r.first, last: r.last },
    };
  });
}

/**
 * 综合评分表 (一级, 二级, 三级, 指标解释, 分值, 评分规则, 评分过程, 得分, 扣分原因). Extraction drops empty leading
 * cells in some rows, so each row is aligned on its first number (分值): the four cells before it are 一级, 二级,
 * 三级 and 指标解释 read from right to left, the number after 评分规则 and 评分过程 is 得分. Lines without a 分值
 * continue the row above, cell by cell at the same offsets; missing 一级/二级 are carried down. Where a row lost its
 * 一级 cell and its 二级 cell is a 一级 name of the 评分汇总表 (`效益`) or starts with one (`产出数量`), that name is 一级.
 */
export function readScoreSheet(block: GridBlock, knownLevel1: readonly string[]): ScoreSheet {
  const grid = gridOf(block);
  const byColumn = readScoreSheetByColumn(grid);
  if (byColumn) return byColumn;
  const { header, rows: body } = grid;
  const rows: AnchoredRow[] = [];
  let total: ScoreSheet['total'] = null;
  let last = header.no;
  for (const line of body) {
    last = line.no;
    if (isSeparator(line) || namesScoreSheet(textOf(line))) continue;
    const cells = cellsOf(line);
    if (isScoreTotalName(cells[0] ?? '')) {
      const numbers = cells.map((c) => parseAmount(c)).filter((v): v is number => v != null);
      total = { weight: numbers[0] ?? null, score: numbers[numbers.length - 1] ?? null, lines: { first: line.no, last: line.no } };
      break;
    }
    const anchor = cells.findIndex((c, i) => i >= 2 && parseAmount(c) != null);
    const prev = rows[rows.length - 1];
    if (anchor < 0) {
      if (!prev) continue;
      cells.forEach((cell, i) => {
        if (!cell) return;
        const off = i - prev.anchor;
        // Past 得分, a row without 扣分原因 is continuing its 评分过程 (the extraction dropped an empty cell).
        const pastScore = i > prev.scoreAt ? (prev.cells.deduction || !prev.cells.process ? 'deduction' : 'process') : null;
        const key =
          off <= -4 ? 'level1' : off === -3 ? 'level2' : off === -2 ? 'name' : off === -1 ? 'description'
          : (pastScore ?? (off === 1 ? 'rule' : 'process'));
        prev.cells[key] = joinWrapped([prev.cells[key], cell]);
      });
      prev.last = line.no;
      continue;
    }
    let scoreAt = -1;
    for (let i = cells.length - 1; i > anchor; i--) {
      if (parseAmount(cells[i]) != null) {
        scoreAt = i;
        break;
      }
    }
    const at = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    // A row printed without its 得分 (the line cut after its rule's first words) keeps every cell after 分值.
    const end = scoreAt >= 0 ? scoreAt : cells.length;
    rows.push({
      cells: {
        ...levelCells(anchor >= 4 ? cells.slice(0, anchor - 3).filter(Boolean).join('') : '', at(anchor - 3), knownLevel1),
        name: at(anchor - 2),
        description: at(anchor - 1),
        rule: end > anchor + 1 ? at(anchor + 1) : '',
        process: end > anchor + 2 ? cells.slice(anchor + 2, end).filter(Boolean).join('') : '',
        deduction: scoreAt >= 0 ? cells.slice(scoreAt + 1).filter(Boolean).join('') : '',
      },
      weight: parseAmount(cells[anchor]),
      score: scoreAt >= 0 ? parseAmount(cells[scoreAt]) : null,
      anchor,
      scoreAt: scoreAt >= 0 ? scoreAt : cells.length,
      first: line.no,
      last: line.no,
    });
  }
  const indicators = sheetIndicators(rows);
  return { indicators, total, last };
}

/** The funds-use table (项目内容, 预算金额, 实际执行金额). */
export function readFundsUse(block: GridBlock): { rows: EvaluationFundsUse[]; last: number } {
  const { header, rows: body } = gridOf(block);
  const rows: EvaluationFundsUse[] = [];
  let last = header.no;
  for (const line of body) {
    last = line.no;
    if (isSeparator(line)) continue;
    const cells = cellsOf(line).filter(Boolean);
    if (cells.length < 2) continue;
    const numbers = cells.map((c) => parseAmount(c));
    const firstNumber = numbers.findIndex((v) => v != null);
    // A row is its item, then amounts (a rate, a unit): a line with words after its first amount is not one (a card
    // line met inside the block); it stays in the block's printed lines rather than losing the words.
    if (firstNumber >= 0 && cells.slice(firstNumber + 1).some((c, k) => numbers[firstNumber + 1 + k] == null && !/^(?:[\d.]+\s*%|万元|元)$/.test(c))) continue;
    rows.push({
      item: cells.slice(0, firstNumber < 0 ? cells.length : firstNumber).join(''),
      budget: firstNumber >= 0 ? numbers[firstNumber] : null,
      spent: firstNumber >= 0 ? (numbers[firstNumber + 1] ?? null) : null,
      lines: { first: line.no, last: line.no },
    });
  }
  return { rows, last };
}

/** The columns a 评分表 read by its labels reads; any other label is no 评分表 read so. */
const SHEET_COLUMNS = ['code', 'level1', 'level2', 'name', 'description', 'weight', 'rule', 'process', 'score', 'deduction'] as const satisfies readonly ColumnRole[];
type SheetColumn = (typeof SHEET_COLUMNS)[number];
const sheetColumnOf = viewOf(SHEET_COLUMNS);

/** The text cells of a 评分表 row that wrap onto further lines. */
const WRAPPING = ['description', 'rule', 'process', 'deduction'] as const;

/**
 * A 评分表 whose cells are exact (a workbook, web page or converter table: every row has the header's cells) is
 * read by its header labels, whatever order and columns the place prints (a code column, no 指标解释, …); cells a
 * row span left empty (一级, 二级) are carried down. Null when the header is not all known labels or a row's cells
 * do not line up with it, as in text extractions: those are read by the 分值 anchor.
 */
function readScoreSheetByColumn({ header, rows: body }: ColumnGrid): ScoreSheet | null {
  const labels = cellsOf(header).map(compact);
  const columns = new Map<SheetColumn, number>();
  for (const [i, label] of labels.entries()) {
    const key = sheetColumnOf(label);
    if (!key) return null;
    // A weight column per level (一级 分值, 二级 分值, 三级 分值): the one after the 三级 name is the indicator's.
    if (!columns.has(key) || (key === 'weight' && !columns.has('score'))) columns.set(key, i);
  }
  if (!columns.has('name') || !columns.has('weight') || !columns.has('score')) return null;
  const rows = body.filter((l) => !isSeparator(l) && !namesScoreSheet(textOf(l)));
  if (rows.some((l) => l.cells.length !== labels.length)) return null;

  const indicators: EvaluationIndicator[] = [];
  let total: ScoreSheet['total'] = null;
  let level1: string | null = null;
  let level2: string | null = null;
  let last = body.length ? body[body.length - 1].no : header.no;
  for (const line of rows) {
    const cells = cellsOf(line);
    const cell = (key: SheetColumn) => (columns.has(key) ? cells[columns.get(key)!] : '');
    const lines = { first: line.no, last: line.no };
    if (cells.some((c, i) => isScoreTotalName(c) && i <= (columns.get('name') ?? 0))) {
      total = { weight: parseAmount(cell('weight')), score: parseAmount(cell('score')), lines };
      last = line.no;
      break;
    }
    if (cell('level1')) {
      if (cell('level1') !== level1) level2 = null;
      level1 = cell('level1');
    }
    if (cell('level2')) level2 = cell('level2');
    const previous = indicators[indicators.length - 1];
    if (!cell('name') && previous && !cell('level1') && !cell('level2') && !cell('weight') && !cell('score')) {
      // A cell wrapped onto a line of its own (an aligned print: the row's other cells are on the line above).
      for (const key of WRAPPING) if (cell(key)) previous[key] = joinWrapped([previous[key] ?? '', cell(key)]);
      previous.lines = { first: previous.lines.first, last: line.no };
      continue;
    }
    if (!cell('name')) continue;
    const orNull = (key: SheetColumn) => cell(key) || null;
    indicators.push({
      code: orNull('code'),
      level1,
      level2,
      name: cell('name'),
      description: orNull('description'),
      weight: parseAmount(cell('weight')),
      score: parseAmount(cell('score')),
      rule: orNull('rule'),
      process: orNull('process'),
      deduction: orNull('deduction'),
      lines,
    });
  }
  return { indicators, total, last };
}

/**
 * The indicators with each level cell in `open` (a merged cell the text does not say is the row's) none's, not the
 * one its reader gave it nor the one above (sheetIndicators carries an empty one down): the summary's weights may yet
 * give such a row its 一级 (level1ByWeights), and each one still empty is named.
 */
export function leaveOpen(indicators: readonly EvaluationIndicator[], open: readonly UncertainRow[], summary: readonly EvaluationScore[]): { indicators: EvaluationIndicator[]; warnings: string[] } {
  const left = indicators.map((ind, k) => ({ ...ind, ...Object.fromEntries(open.filter((u) => u.row === k).map((u) => [u.role, null])) }));
  const weighed = level1ByWeights(left, summary);
  const warnings = open.filter(({ row, role }) => !weighed[row][role]).map(({ row, role, names }) =>
    `评分表第 ${weighed[row].lines.first} 行指标的${role === 'level1' ? '一级' : '二级'}指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“${names[0]}”，也可属“${names[1]}”，原文逐行保留`);
  return { indicators: weighed, warnings };
}

/** The 一级 names a 评分汇总表 prints, as the 评分表's cells print them (`决策`, not `决策指标`). */
export function summaryLevel1(scores: readonly EvaluationScore[]): string[] {
  return scores.map((s) => s.level1.replace(/指标$/, '')).filter(Boolean);
}

/**
 * The 一级 of each 评分表 row from the 评分汇总表: rows are printed in 一级 order, and each 一级's rows add up to its
 * 标准分值. A text extraction prints a merged 一级 cell's label on whichever row of its span the text happened to
 * fall (and drops the cells around it), so where the weights partition the rows exactly, the partition decides;
 * a row printed under another 一级, its 二级 lost with it, takes the 二级 above it within the same 一级.
 */
export function level1ByWeights(indicators: EvaluationIndicator[], scores: readonly EvaluationScore[]): EvaluationIndicator[] {
  const names: string[] = [];
  let k = 0;
  let sum = 0n;
  for (const ind of indicators) {
    const target = scores[k]?.weight;
    if (ind.weight == null || target == null) return indicators;
    names.push(scores[k].level1.replace(/指标$/, ''));
    sum += toScaled(ind.weight);
    if (sum === toScaled(target)) {
      k++;
      sum = 0n;
    } else if (sum > toScaled(target)) return indicators;
  }
  if (k !== scores.length) return indicators;
  let previous: EvaluationIndicator | null = null;
  return indicators.map((ind, i) => {
    const printed = indicators.find((x) => x.level1?.replace(/指标$/, '') === names[i])?.level1 ?? names[i];
    const moved = ind.level1?.replace(/指标$/, '') !== names[i];
    // A row its reader left without a 一级 (a merged cell the centring could not place, evaluation-centred.ts) lost no
    // 二级 with it: its 二级 is as unknown as its 一级 was.
    const level2 = ind.level2 ?? (moved && ind.level1 != null && previous?.level1 === printed ? previous.level2 : null);
    const out = { ...ind, level1: printed, level2 };
    previous = out;
    return out;
  });
}
