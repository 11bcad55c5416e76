/**
 * A 部门整体支出绩效目标表 laid out by activity (北京's 预算13表; other places head the column 履职活动, 职能, 主要任务
 * or 项目): a card of 部门名称, the funds (预算支出总额, then 财政拨款 and 其他资金, each 合计/基本支出/项目支出) and the
 * 整体绩效目标, then one grid row per indicator — the activity, the indicator with its 一级 and 二级 names run into its
 * own (产出指标数量指标…), its sign (指标性质: ＝ ≥ ≤ 定性), value and unit. The indicator cell wraps around its row's
 * line, so the wrapped pieces go to the nearest row. On single spaces no position parts the cells: the indicator
 * cell opens with its 一级 name, and text in reading order prints a row's cells before its value. The form is one
 * department-wide target; each indicator keeps its activity. Pure.
 */
import type { Indicator, PerformanceTarget } from '../../schema/performance.ts';
import type { LineRange } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import type { Layout } from '../layout/detect.ts';
import type { LinePiece } from './level-cells.ts';
import { parseAmount } from '../numbers.ts';
import { alignedCells, runsOf, stepsRight, wordCells, wordsOf, type Cell } from '../layout/cells.ts';
import { toIndicator } from './indicator-row.ts';
import { splitLevels } from './levels.ts';
import { cleanCell, compact, joinWrapped } from './text.ts';
import { lacksLowerHalf } from './centred-groups.ts';
import { isGridLabel } from './header-roles.ts';

/** The grid's first column: what the indicators are grouped by. */
const ACTIVITY = /^(?:履职)?(?:活动|职能|任务|主要任务|工作任务|项目|项目名称)(?:名称)?$/;

/** Labels of the form's own fields and of its grid, printed at the left of their block (a merged cell's label). */
const FIELD_LABEL = /^(?:部门|单位)(?:（单位）)?名称$|^(?:整体|年度|年度总体)(?:绩效)?目标$|^其他说明$/;
const isLabel = (text: string) => FIELD_LABEL.test(compact(text)) || isGridLabel(text);

const SIGN = /^(?:[≥≤＝=<>＜＞]|定性)$/;

interface Run {
  text: string;
  start: number;
  centre: number;
}

/** Text runs of a line (cells are at least two spaces apart), with their centres. */
function runs(text: string): Run[] {
  return runsOf(text).map((r) => ({ text: r.text, start: r.start, centre: (r.start + r.end) / 2 }));
}

/** The grid's header: an activity column, then 绩效指标 and 指标值, with no 一级/二级/三级 columns of their own. */
export function isActivityHeader(text: string): boolean {
  const cells = runs(text).flatMap((r) => wordsOf(r.text)).map(compact);
  return cells.length >= 3 && ACTIVITY.test(cells[0]) && cells.includes('绩效指标') && cells.some((c) => /指标值$/.test(c)) &&
    !cells.some((c) => /^[一二三]级指标$/.test(c));
}

export interface ActivityForm {
  target: Omit<PerformanceTarget, 'id'>;
  /** Lines its fields hold (the goal); the others are kept as printed. */
  held: LineRange[];
  /** The goal's label (整体绩效目标) printed on a line of the goal's text: no field holds it, so it is kept as printed. */
  apart: LinePiece[];
}

/** A line's cells where it prints amounts only (run together ones cut apart: layout/cells.ts), else null. */
function amountsOnly(line: SourceLine): Cell[] | null {
  const cells = alignedCells(line.text);
  return cells.length >= 1 && cells.every((c) => parseAmount(c.text) != null) ? cells : null;
}

/**
 * The funds card: the first amount is the total; each 合计 under 财政拨款 / 其他资金 gives the amount beneath it. The
 * amounts' row may be printed as a staircase (layout/cells.ts stepsRight: 北京 预算13表 at `pdftotext -layout -fixed 6`,
 * `69,317.30520268,310.156361` over `45,537.409377` further right, over the four others): its steps are one row.
 */
function readFunds(card: readonly SourceLine[]): { funds: PerformanceTarget['funds']; line: number | null } {
  const k = card.findIndex((l) => amountsOnly(l) != null);
  if (k < 0) return { funds: { total: null, fiscal: null, other: null }, line: null };
  const row = [...amountsOnly(card[k])!];
  let last = k;
  for (let step = row; last + 1 < card.length; last++) {
    const below = amountsOnly(card[last + 1]);
    if (!below || !stepsRight(step, below)) break;
    row.push(...below);
    step = below;
  }
  const amounts = row.map((c) => ({ value: parseAmount(c.text)!, centre: (c.start + c.end) / 2 }));
  const labels = card.slice(0, k).flatMap((l) => wordCells(l.text).map((w) => ({ text: compact(w.text), centre: (w.start + w.end) / 2 })));
  const groups = labels.filter((l) => /^(?:财政拨款|财政资金|一般公共预算|其他资金)/.test(l.text)).sort((a, b) => a.centre - b.centre);
  const parts = labels.filter((l) => /^(?:合计|基本支出|项目支出)$/.test(l.text)).sort((a, b) => a.centre - b.centre);
  const totals = parts.filter((l) => l.text === '合计');
  // With one amount for each label after the total, the k-th label's is the (k + 1)-th: the order holds where single
  // spaces leave no amount under its label (北京 预算13表 read raw gave 财政拨款 the total).
  const byOrder = amounts.length === parts.length + 1;
  const under = (t: (typeof parts)[number]) =>
    byOrder ? amounts[parts.indexOf(t) + 1].value : amounts.reduce((b, a) => (Math.abs(a.centre - t.centre) < Math.abs(b.centre - t.centre) ? a : b)).value;
  let fiscal: number | null = null;
  let other: number | null = null;
  totals.forEach((t, i) => {
    const group = groups[i]?.text ?? '';
    if (/^其他资金/.test(group)) other = under(t);
    else if (group) fiscal = under(t);
  });
  return { funds: { total: amounts[0].value, fiscal, other }, line: card[last].no };
}

interface Piece {
  text: string;
  line: number;
  activity: boolean;
}

interface Row {
  anchor: number;
  sign: string;
  value: string[];
  pieces: Piece[];
}

/**
 * A wrapped piece goes to the nearest row; halfway between two, to the upper one while its cell lacks its lower
 * half (centred-groups.ts lacksLowerHalf).
 */
function placeNearest(rows: Row[], loose: readonly Piece[]): void {
  for (const p of loose) {
    let k = rows.findIndex((r) => r.anchor > p.line);
    if (k < 0) k = rows.length;
    const above = rows[k - 1];
    const below = rows[k];
    let row = !above ? below : !below ? above : p.line - above.anchor < below.anchor - p.line ? above : below.anchor - p.line < p.line - above.anchor ? below : null;
    row ??= lacksLowerHalf(above.anchor, above.pieces.filter((q) => q.activity === p.activity).map((q) => q.line)) ? above : below;
    row.pieces.push(p);
  }
}

/** A piece that opens the indicator cell: its 一级 name run in (产出指标数量指标…). */
const opensCell = (p: Piece) => splitLevels(compact(p.text)).level1 !== null;

/**
 * A grid line's pieces on single spaces, where no position parts the activity from the indicator cell: what stands
 * before the word opening the cell is the activity; on a row's line with no such word, its first word (the cell
 * wraps around its row's line, the activity stands on it).
 */
function singleSpacedPieces(words: readonly string[], no: number, anchor: boolean): Piece[] {
  const pieces = words.filter((w) => !isLabel(w)).map((text) => ({ text, line: no, activity: false }));
  const k = pieces.findIndex(opensCell);
  pieces.forEach((p, i) => (p.activity = k >= 0 ? i < k : anchor && i === 0));
  return pieces;
}

/**
 * Text in reading order (`pdftotext -raw`) prints a row's cells before its value: each row's line holds its whole
 * row or its value alone, and the lines before it since the row above are its own, the activity before the word
 * opening the cell. False, placing nothing, when a row's line holds words but not the cell's opening: `-layout` lines
 * with their spaces collapsed, whose wrapped cells stand around their row's line.
 */
function placeInReadingOrder(rows: Row[], loose: readonly Piece[]): boolean {
  if (!rows.every((r) => r.pieces.length === 0 || r.pieces.some(opensCell))) return false;
  for (const p of loose) (rows.find((r) => r.anchor > p.line) ?? rows[rows.length - 1]).pieces.push(p);
  for (const r of rows) {
    r.pieces.sort((a, b) => a.line - b.line);
    const k = r.pieces.findIndex(opensCell);
    r.pieces.forEach((p, i) => (p.activity = i < k));
  }
  return true;
}

/**
 * A line of the goal's cells: on single spaces the whole line, but for the goal's label where it opens the line (the
 * merged cell's label printed on its middle line: 整体绩效目标 署，立足职责定位…).
 */
function goalCells(text: string, single: boolean): string[] {
  if (!single) return runs(text).map((r) => r.text);
  const [first = '', ...rest] = wordsOf(text);
  return isLabel(first) ? [first, rest.join(' ')] : [text.trim()];
}

/**
 * Reads the form from its title through `region`'s end, laid out as `layout` says. Null when the region holds no
 * activity grid with an indicator row.
 */
export function readActivityForm(title: string, region: readonly SourceLine[], layout: Layout = 'aligned'): ActivityForm | null {
  const single = layout === 'spaced';
  const h = region.findIndex((l) => isActivityHeader(l.text));
  if (h < 0) return null;
  const header = wordCells(region[h].text).map((w) => ({ text: compact(w.text), centre: (w.start + w.end) / 2 }));
  const activityAt = header[0].centre;
  const indicatorAt = header.find((c) => c.text === '绩效指标')!.centre;
  // Activities stand left of the middle between the two headers, the indicator cells right of it.
  const boundary = (activityAt + indicatorAt) / 2;

  const rows: Row[] = [];
  const loose: Piece[] = [];
  for (const line of region.slice(h + 1)) {
    const words = runs(line.text);
    const tokens = wordCells(line.text);
    // On single spaces a row's value may stand alone on its line.
    const s = tokens.findIndex((t, i) => SIGN.test(t.text) && (i > 0 || single));
    const signAt = s < 0 ? Infinity : tokens[s].start;
    const pieces = single ? singleSpacedPieces(tokens.filter((t) => t.start < signAt).map((t) => t.text), line.no, s >= 0) : [];
    for (const r of single ? [] : words) {
      if (r.start >= signAt) continue;
      const text = r.start + r.text.length > signAt ? r.text.slice(0, signAt - r.start).trim() : r.text;
      if (!text || isLabel(text)) continue;
      pieces.push({ text, line: line.no, activity: r.start < boundary });
    }
    if (s >= 0) rows.push({ anchor: line.no, sign: tokens[s].text, value: tokens.slice(s + 1).map((t) => t.text), pieces });
    else loose.push(...pieces);
  }
  if (rows.length === 0) return null;
  if (!(single && placeInReadingOrder(rows, loose))) placeNearest(rows, loose);
  const activityLabel = cleanCell(wordsOf(region[h].text)[0] ?? '');
  const indicators: Indicator[] = rows.map((r) => {
    const sorted = [...r.pieces].sort((a, b) => a.line - b.line);
    const cell = joinWrapped(sorted.filter((p) => !p.activity).map((p) => p.text));
    const activity = joinWrapped(sorted.filter((p) => p.activity).map((p) => p.text));
    const { level1, level2, name } = splitLevels(cleanCell(cell));
    const lines = sorted.map((p) => p.line).concat(r.anchor);
    return toIndicator({
      level1,
      level2,
      name,
      value: `${r.sign}${r.value.join('')}`,
      description: activity ? `${activityLabel}：${activity}` : null,
      lines: { first: Math.min(...lines), last: Math.max(...lines) },
    });
  });

  // The card above the grid: 部门名称, the funds and the 整体绩效目标 paragraph.
  const card = region.slice(0, h);
  const unitLine = card.find((l) => /^(?:部门|单位)(?:（单位）)?名称/.test(compact(l.text)));
  const unitName = unitLine ? cleanCell(unitLine.text.trim().replace(/^\S+\s*/, '').replace(/^[:：]/, '')) || null : null;
  const { funds, line: fundsLine } = readFunds(card);
  const goalStart = card.findIndex((l) => l.no > (fundsLine ?? 0) && l.text.trim() !== '');
  const goalLines: SourceLine[] = [];
  for (const l of goalStart < 0 ? [] : card.slice(goalStart)) {
    const c = compact(l.text);
    if (/^其他说明/.test(c)) break;
    if (c) goalLines.push(l);
  }
  const goalCellsOf = goalLines.map((l) => goalCells(l.text, single));
  const goalText = goalCellsOf.map((cells) => cells.filter((c) => !isLabel(c)).join(''));
  const goal = cleanCell(joinWrapped(goalText)) || null;

  // The grid's lines are kept as printed as well: its cells run the level names into the indicator's
  // (产出指标数量指标…), which the indicator holds apart, and a merged cell's label (整体绩效目标) stands among them.
  // A line of the goal's label alone (read raw, 整体绩效目标 stands on a line of its own) is kept as printed.
  const held: LineRange[] = goalLines.filter((_, i) => goalText[i] !== '').map((l) => ({ first: l.no, last: l.no }));
  const apart = goalLines.flatMap((l, i) => (goalText[i] === '' ? [] : goalCellsOf[i].filter(isLabel).map((text) => ({ text, line: l.no }))));
  return {
    target: {
      scope: 'organization',
      title,
      unitName,
      projectName: null,
      code: null,
      projectId: null,
      owner: null,
      funds,
      goal,
      periodGoal: null,
      indicators,
      flag: null,
      selfEvaluation: null,
      lines: { first: region[0].no, last: region[region.length - 1].no },
    },
    held,
    apart,
  };
}
