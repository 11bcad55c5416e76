/**
 * A table of key projects that a 说明 prints among its prose (七、重点项目预算绩效目标情况: 项目 | 预算数（单位：万元） |
 * 绩效目标), one row a project: its name wrapped over lines around the line its amount is printed on, its goal a
 * paragraph wrapped in a column of its own, the header printed again over the rows of each later page. Recognised by
 * its header's column roles alone (header-roles.ts: a project column, an amount column, a goal column, no other), and
 * read by position as the table of many projects is (project-table.ts): each piece under the column it stands under,
 * a row anchored on its amount's line, a name cell to the nearest amount line, and the goal lines cut into the runs
 * centred on the amount lines (level-cells.ts centredRows). Each row is a target without indicators: the project, its
 * amount as the 年度资金总额 (in 万元, as every target's funds) and its goal; linkTargets compares that amount with the
 * project tables'. A piece the geometry cannot give to one row is flagged on the target it is listed under.
 * Pure, linear in the table's size.
 */
import type { PerformanceTarget } from '../../schema/performance.ts';
import type { SourceLine } from '../source-lines.ts';
import type { ProseBlock, ProseRow } from '../layout/blocks.ts';
import { alignedCells, wordsOf } from '../layout/cells.ts';
import { detectLayout } from '../layout/detect.ts';
import { parseAmount } from '../numbers.ts';
import { isTotalName } from '../../core/totals.ts';
import { convertAmount, labelUnit, statedUnit } from '../../core/units.ts';
import { withoutMarker } from '../../core/outline.ts';
import { isPageNumber } from '../page-furniture.ts';
import type { Span } from './centred-groups.ts';
import { keyProjectRole, type ColumnRole } from './header-roles.ts';
import { centredRows } from './level-cells.ts';
import { isOutlineHeading } from './level-state.ts';
import { addFlag, endsTable, headerColumns, nameCellOwners, nearestAmountOf, piecesOf, type Column, type Piece, type ProjectTableTarget } from './project-table.ts';
import { cleanCell, compact, joinWrapped } from './text.ts';

/** The columns such a table prints: a code column, where there is one, is read with the name. */
const KEY_ROLES: ReadonlySet<ColumnRole> = new Set(['code', 'project', 'amount', 'goal']);

/** The column of the unit whose project a row is (杭州's 项目支出绩效表: 单位名称 | 项目名称 | 金额 | 绩效目标). */
const isUnitColumn = (label: string) => compact(label) === '单位名称';

/** A line whose words all name columns: a project, an amount and a goal column, and none of an indicator grid. */
function isKeyProjectHeader(text: string): boolean {
  const words = wordsOf(text);
  // Asked of every prose line: a project, an amount and a goal label are three words, and the roles are asked only
  // until a word names no column, since a sentence's words (no label) each cost the vocabulary's patterns.
  if (words.length < 3) return false;
  const roles: ColumnRole[] = [];
  for (const w of words) {
    const role = keyProjectRole(w);
    if (role == null || !KEY_ROLES.has(role)) return false;
    roles.push(role);
  }
  return (
    words.some((w, i) => roles[i] === 'project' && !isUnitColumn(w)) &&
    roles.includes('amount') &&
    roles.includes('goal')
  );
}

/** The tables of key projects in the prose blocks, each row a target without indicators, with the lines it holds. */
export function readKeyProjectTables(blocks: readonly ProseBlock[]): ProjectTableTarget[] {
  const out: ProjectTableTarget[] = [];
  for (const block of blocks) {
    // A tab-separated line (a card, prose-blocks.ts) has its cells, not their places: it is not read by position.
    for (let k = 0; k < block.rows.length; k++) {
      const row = block.rows[k];
      if (row.furniture || row.card || !isKeyProjectHeader(row.line.text)) continue;
      const read = readTable(block.rows, k);
      if (!read) continue;
      out.push(...read.targets);
      k = read.end;
    }
  }
  return out;
}

/** The unit the amount column's label states (预算数（单位：万元）, 金额（元）), else the line right above the header. */
function unitOf(rows: readonly ProseRow[], k: number, columns: readonly Column[]): string | null {
  const above = rows.slice(0, k).reverse().find((r) => r.line.text.trim());
  const label = columns.find((c) => c.role === 'amount')?.label ?? '';
  return labelUnit(label) ?? (above ? statedUnit(above.line.text) : null);
}

/**
 * The table's title (表11：2026年市级部门项目支出绩效表) or the heading it stands under (七、重点项目预算绩效目标情况), within
 * the three printed lines above its header.
 */
function titleOf(rows: readonly ProseRow[], k: number): string {
  const isTitle = (text: string) => isOutlineHeading(text) || compact(text).endsWith('表');
  const above = rows.slice(0, k).reverse().filter((r) => r.line.text.trim()).slice(0, 3).find((r) => isTitle(r.line.text));
  return above ? cleanCell(withoutMarker(above.line.text.trim())) : '重点项目绩效目标';
}

interface Page {
  columns: Column[];
  lines: SourceLine[];
}

function readTable(rows: readonly ProseRow[], k: number): { targets: ProjectTableTarget[]; end: number } | null {
  const header = rows[k].line;
  // Read by position only where the header stands at its columns' places (layout/detect.ts), as the table of many
  // projects is: text in reading order (pdftotext -raw) or with its runs of spaces made one says nothing by position.
  if (detectLayout([header]) !== 'aligned') return null;
  const pages: Page[] = [{ columns: headerColumns([header], keyProjectRole), lines: [] }];
  let end = k;
  for (let i = k + 1; i < rows.length; i++) {
    const { line, furniture } = rows[i];
    if (!line.text.trim() || furniture || isPageNumber(line.text)) continue;
    if (isKeyProjectHeader(line.text)) {
      // Printed again over the rows of a later page, at that page's places.
      pages.push({ columns: headerColumns([line], keyProjectRole), lines: [] });
      continue;
    }
    if (endsTable(line.text, pages[pages.length - 1].columns)) break;
    pages[pages.length - 1].lines.push(line);
    end = i;
  }
  const pieces = pages.flatMap((p) => p.lines.flatMap((l) => cellsUnder(l, piecesOf(l, p.columns), p.columns)));
  const amountAt = new Map<number, Piece>();
  for (const p of pieces) if (p.column.role === 'amount' && parseAmount(p.text) != null && !amountAt.has(p.line)) amountAt.set(p.line, p);
  const amountLines = [...amountAt.keys()].sort((a, b) => a - b);
  if (amountLines.length === 0) return null;
  const pageOf = new Map(pages.flatMap((p, n) => p.lines.map((l) => [l.no, n] as const)));
  // The table's lines in order, its pages joined: the goal cells are centred in these, not across a page's furniture.
  const order = new Map(pages.flatMap((p) => p.lines).map((l, i) => [l.no, i]));
  const at = (line: number) => order.get(line)!;
  const unit = unitOf(rows, k, pages[0].columns);
  const owners = ownersOf(pieces, amountAt, amountLines, pageOf, at);
  const title = titleOf(rows, k);
  const own = amountLines.map((): Piece[] => []);
  for (const p of pieces) {
    const j = owners.owner.get(p);
    if (j != null) own[j].push(p);
  }
  const targets = amountLines.map((line, j) => toTarget(own[j], amountAt.get(line)!, unit, title));
  const names = targets.map((t) => t.target.projectName ?? '');
  for (const { piece, choices } of owners.uncertain) {
    const listed = owners.owner.get(piece)!;
    const [a, b] = choices.map((j) => `「${names[j]}」`);
    const said = `第 ${piece.line} 行的「${piece.text}」属于${a}还是${b}，文本无法确定，暂列在${listed === choices[0] ? a : b}下`;
    addFlag(targets[listed].target, said);
  }
  // A row whose name is a total (合计) sums the projects: it is no project, and is kept as printed.
  const projects = targets.filter((t) => !isTotalName(t.target.projectName ?? ''));
  if (projects.length === 0) return null;
  // The targets share the table's lines: the header goes to the first, a line between two rows to the one above.
  projects[0].target.lines.first = header.no;
  projects.forEach((p, i) => {
    p.target.lines.last = i + 1 < projects.length ? projects[i + 1].target.lines.first - 1 : rows[end].line.no;
  });
  // A line holding pieces of two rows (a name wrapped past the next row's first goal line) is kept as printed.
  const shared = new Set<number>();
  const ownerOfLine = new Map<number, number>();
  for (const p of pieces) {
    const j = owners.owner.get(p);
    if (j == null || (ownerOfLine.has(p.line) && ownerOfLine.get(p.line) !== j)) shared.add(p.line);
    else ownerOfLine.set(p.line, j);
  }
  for (const [line, j] of ownerOfLine) {
    const { target, held } = targets[j];
    if (!shared.has(line) && line >= target.lines.first && line <= target.lines.last) held.push({ first: line, last: line });
  }
  return { targets: projects, end };
}

/** A sentence's punctuation, or an item's number (`1、`), which no project's name holds. */
const SENTENCE = /[，。；]|^\d+、/;

/**
 * A line's cells (layout/cells.ts alignedCells: its runs, an amount one space from a name cut off), each under one
 * column: the column piecesOf places the cell's longest word under. A figure one space from text (`1 通过跟踪…`, a
 * goal's numbering, 杭州 交通 2026 L1087) stays in its text's cell, so that a row's amount is a cell of its own. A
 * cell with a sentence's punctuation is the goal's, wherever it is printed: a goal's short last line (`现代化建设新能
 * 力。`) printed at the goal column's left edge stands nearer the name column's label than the goal's, whose label is
 * centred over the wide column.
 */
function cellsUnder(line: SourceLine, pieces: readonly Piece[], columns: readonly Column[]): Piece[] {
  const goal = columns.find((c) => c.role === 'goal');
  return alignedCells(line.text).flatMap((cell) => {
    const within = pieces.filter((p) => p.start >= cell.start && p.start < cell.end);
    if (within.length === 0) return [];
    const longest = within.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const column = goal && longest.column.role !== 'goal' && parseAmount(cell.text) == null && SENTENCE.test(cell.text) ? goal : longest.column;
    return [{ text: cleanCell(cell.text), line: line.no, start: cell.start, column }];
  });
}

/**
 * The row (amount line) each piece goes to: a name or code cell read whole to the amount line nearest its middle, a
 * piece of one too long to be read whole to the nearest one; the goal lines cut into consecutive runs, each centred on
 * its amount line. Where two rows are as near (a piece halfway between their amount lines) or centre alike, the
 * piece is listed under the first and said to be uncertain. Pieces of no project column (a word under the amount
 * column) go nowhere: their line is kept as printed.
 */
function ownersOf(pieces: readonly Piece[], amountAt: ReadonlyMap<number, Piece>, amountLines: readonly number[], pageOf: ReadonlyMap<number, number>, at: (line: number) => number) {
  const owner = new Map<Piece, number>();
  const uncertain: Array<{ piece: Piece; choices: number[] }> = [];
  const nearest = nearestAmountOf(amountLines, pageOf);
  const names = pieces.filter((p) => p.column.role === 'project' || p.column.role === 'code');
  const cells = nameCellOwners(names, amountLines, pageOf, nearest);
  for (const p of names) {
    const j = cells.get(p) ?? nearest(p.line);
    owner.set(p, j);
    // The amount lines are in order: only a neighbour of the nearest can be as near.
    const away = (i: number) => Math.abs(at(amountLines[i]) - at(p.line));
    const tie = [j - 1, j + 1].find((i) => i >= 0 && i < amountLines.length && away(i) === away(j));
    if (!cells.has(p) && tie != null) uncertain.push({ piece: p, choices: [Math.min(j, tie), Math.max(j, tie)] });
  }
  // The amount a row is anchored on; another under the amount column (a second one on a line) has no row of its own.
  amountLines.forEach((line, j) => owner.set(amountAt.get(line)!, j));
  const goals = pieces.filter((p) => p.column.role === 'goal');
  const goalLines = [...new Set(goals.map((p) => p.line))].sort((a, b) => a - b);
  const anchors = amountLines.map(at);
  const centred = centredRows(goalLines, [], anchors, at);
  const groups = centred.groups;
  const choices = centred.choices();
  const groupOf = new Map(groups.flatMap((g, j) => g.map((i) => [goalLines[i], j] as const)));
  const indexOf = new Map(goalLines.map((line, i) => [line, i]));
  for (const p of goals) {
    const j = groupOf.get(p.line)!;
    owner.set(p, j);
    const row = choices[indexOf.get(p.line)!];
    if (row.length > 1) uncertain.push({ piece: p, choices: row.slice(0, 2) });
  }
  return { owner, uncertain };
}

function toTarget(own: readonly Piece[], amount: Piece, unit: string | null, title: string): ProjectTableTarget {
  const byLine = [...own].sort((a, b) => a.line - b.line || a.start - b.start);
  const text = (roles: readonly ColumnRole[], ofUnit = false) =>
    joinWrapped(byLine.filter((p) => roles.includes(p.column.role) && isUnitColumn(p.column.label) === ofUnit).map((p) => p.text));
  const code = text(['code']) || null;
  const printed = parseAmount(amount.text)!;
  // Every target's funds are in 万元; an amount whose unit the table does not state is not read into them.
  const total = unit == null ? null : convertAmount(printed, unit, '万元');
  const lines: Span = { first: Math.min(...own.map((p) => p.line)), last: Math.max(...own.map((p) => p.line)) };
  const target: Omit<PerformanceTarget, 'id'> = {
    scope: 'project',
    title,
    unitName: text(['project'], true) || null,
    projectName: text(['project']) || null,
    code,
    projectId: null,
    owner: null,
    funds: { total, fiscal: null, other: null },
    goal: text(['goal']) || null,
    periodGoal: null,
    indicators: [],
    flag: unit == null ? `第 ${amount.line} 行的预算数 ${amount.text} 未注明单位，未读入资金总额` : null,
    selfEvaluation: null,
    lines,
  };
  return { target, held: [] };
}
