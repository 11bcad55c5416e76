/**
 * The labelled fields above the indicator grid of a per-project 绩效目标 form (项目名称, 主管部门, 实施单位, 资金总额,
 * 财政拨款, 其他资金, 年度目标 …), read from a layout where each field is a cell: the label in one column, its value
 * to the right, a long value wrapped over the lines above and below the label's line (pdftotext -layout centres
 * the label vertically in its cell), a label itself sometimes printed one character per line (总 / 体 / 目 / 标).
 * Positions decide what belongs to which label; joining the lines into one string and searching it (as a plain
 * text layout must) would glue neighbouring cells together. Pure, linear in the block's size.
 */
import type { SourceLine } from '../source-lines.ts';
import type { PerformanceTarget } from '../../schema/performance.ts';
import { alignedCells, center, wordCells, type Cell } from '../layout/cells.ts';
import { compact, joinWrapped } from './text.ts';
import { isUnitStatement } from '../../core/units.ts';
import { parseAmount } from '../numbers.ts';
import { totalRole } from '../../core/totals.ts';

export type FormField = 'projectName' | 'department' | 'implementer' | 'unit' | 'owner' | 'phone' | 'period' | 'total' | 'fiscal' | 'other' | 'goal' | 'periodGoal' | 'achieved';

/** What each field's label looks like once compacted (a pattern's source); a trailing colon is allowed on all of them. */
const FIELD_LABELS: ReadonlyArray<readonly [FormField, string]> = [
  ['projectName', '项目名称|专项名称|资金名称'],
  ['department', '主管(?:部门|单位)(?:及代码)?'],
  ['implementer', '(?:项目)?(?:实施|执行)(?:单位|主体)'],
  ['unit', '预算单位|单位名称|部门[（(]单位[)）]名称|部门名称'],
  ['owner', '项目负责人|负责人|联系人'],
  ['phone', '联系电话'],
  ['period', '实施期限|项目期限|起止时间|实施周期'],
  ['total', '(?:实施期|年度|项目|年度预算|预算)?(?:资金|预算)?(?:总额|总计|合计)'],
  ['fiscal', '(?:其中[:：]?)?(?:财政拨款|财政资金|一般公共预算)'],
  ['other', '(?:其中[:：]?)?其他资金'],
  // The goal over the whole implementation period, which a form prints beside the year's (中长期目标 | 年度目标).
  ['periodGoal', '(?:项目)?(?:中长期|实施期)(?:总体?)?(?:绩效)?目标'],
  ['goal', '(?:项目|部门|单位|整体)?(?:年度|总体)*(?:绩效)?目标|预期目标'],
  // A 绩效自评表 prints the goal's outcome beside it (预期目标 | 实际完成情况).
  ['achieved', '实际完成情况'],
];

const FIELDS = FIELD_LABELS.map(([field, label]) => [field, new RegExp(`^(?:${label})$`)] as const);

/**
 * Titles of a group of fields (资金情况 over 资金总额 / 财政拨款 / 其他资金), and the heads of the 部门整体 form's table of
 * tasks (年度主要任务: 任务名称 | 主要内容 | 预算金额（万元） over 总额 / 财政拨款 / 其他资金), which label no value of their own.
 */
const GROUPS = '专项资金情况|项目资金情况|项目资金|资金金额|资金情况|年度资金|年度预算申请|预算金额|年度主要任务|任务名称|主要内容';
/** Labels of a group of fields and their wrapped pieces (a title, its unit): not values. */
const GROUP_LABEL = new RegExp(`^(?:(?:${GROUPS})[（(]?(?:万元)?[)）]?|[（(]?万元[)）]?)$`);

/**
 * Where a project's name ends in a form's text read as one string (header.ts): at the label of a field the national
 * form prints after it (its owner, 主管部门, 实施单位, the group of its funds), which starts a field of its own.
 */
export const NAME_ENDS = [...FIELD_LABELS.filter(([field]) => ['owner', 'department', 'implementer'].includes(field)).map(([, label]) => label), GROUPS].join('|');

export function labelOf(text: string): FormField | 'group' | null {
  const c = compact(text).replace(/[:：]$/, '');
  if (c === '') return null;
  for (const [field, pattern] of FIELDS) if (pattern.test(c)) return field;
  return GROUP_LABEL.test(c) ? 'group' : null;
}

/** The labels of goals, which a form may print side by side over their texts (goalColumns). */
const GOALS: ReadonlySet<FormField | 'group' | null> = new Set(['goal', 'periodGoal', 'achieved']);

/** The goal a label heads (预期目标, 实施期总目标, 实际完成情况 …), or null where it heads none. */
export function goalOf(text: string): 'goal' | 'periodGoal' | 'achieved' | null {
  const label = labelOf(text);
  return label === 'goal' || label === 'periodGoal' || label === 'achieved' ? label : null;
}

interface FieldCell extends Cell {
  line: number;
  label: FormField | 'group' | null;
  /** The cell of the line a piece of it was cut from (a goal column's piece, goalColumns). */
  source?: FieldCell;
}

export interface FormValue {
  text: string;
  lines: { first: number; last: number };
}

/** A piece of a label wrapped in a narrow column: a few CJK characters (or a bracketed 万元 piece). */
function isLabelPiece(c: FieldCell | undefined): c is FieldCell {
  return c != null && c.label == null && /^[\u4e00-\u9fff（()）:：]{1,4}$/.test(c.text);
}

/**
 * A label, or its first piece, may touch its value with a single space (`项目 市级科技创新专项…` over `名称`;
 * `项目名称 科技特派员…经费`): the label, or the piece that the next line's first cell at the same column completes to
 * a label, becomes a cell of its own.
 */
function splitTouchingPiece(rows: FieldCell[][], i: number): void {
  const first = rows[i][0];
  const m = first && first.label == null ? /^([\u4e00-\u9fff（()）]{1,10}) (\S.*)$/.exec(first.text) : null;
  if (!m) return;
  // A group's label one space from the first field's (`年度预算申请（万元） 资金总额`, a browser's cells filled to their
  // edges): two labels.
  const [head, rest] = [labelOf(m[1]), labelOf(m[2])];
  if (head === 'group' && rest != null && rest !== 'group') {
    rows[i].splice(0, 1, { ...first, text: m[1], end: first.start + m[1].length, label: head }, { ...first, text: m[2], start: first.start + m[1].length + 1, label: rest });
    return;
  }
  // A whole label one space from its value (项目名称 科技特派员…经费) is a label too, where the value is one word:
  // a line of single-space text holds a whole row of labels and values (预算单位 X 项目名称 Y), the joined text's.
  const whole = /\s/.test(m[2]) ? null : labelOf(m[1]);
  // Two goals' heads one space apart (实施期总目标 年度目标 in single-space text), whose columns the text no longer
  // shows: neither is the other's value.
  if (GOALS.has(whole) && GOALS.has(labelOf(m[2]))) return;
  const below = m[1].length <= 4 ? piecesBelow(rows, i, first.start) : [];
  let upTo = below.findIndex((_, n) => labelOf(m[1] + below.slice(0, n + 1).map((p) => p.text).join('')) != null);
  // Pieces touching their values may be the end of a label begun above (总 / 体 2022年… / 目 工程… / 标 程…): read only
  // from a label's first piece, under no piece of its column.
  if (below.slice(0, upTo + 1).some((p) => p.touching) && pieceAbove(rows, i, first.start)) upTo = -1;
  if ((whole == null || whole === 'group') && upTo < 0) return;
  cutHead(rows, i, m[1].length, whole === 'group' ? null : whole);
  for (const p of below.slice(0, upTo + 1)) if (p.touching) cutHead(rows, p.row, p.text.length, null);
}

/** True when the line right above line `i` begins at column `at` with what may be a label's piece. */
function pieceAbove(rows: readonly FieldCell[][], i: number, at: number): boolean {
  const above = rows[i - 1]?.[0];
  if (!above || Math.abs(above.start - at) > 2) return false;
  return (above.label == null && /^[\u4e00-\u9fff]{1,4} \S/.test(above.text)) || isLabelPiece(above);
}

/** The line's first cell parted after its first `length` characters into a label (or a piece of one) and its value. */
function cutHead(rows: FieldCell[][], i: number, length: number, label: FormField | 'group' | null): void {
  const cell = rows[i][0];
  rows[i].splice(0, 1, { ...cell, text: cell.text.slice(0, length), end: cell.start + length, label }, { ...cell, text: cell.text.slice(length + 1), start: cell.start + length + 1 });
}

/**
 * The pieces a label wrapped in its column may go on in, on the lines under line `i` at column `at`: each line's first
 * cell, or its first word where it touches its value too (年度 目标1… / 总体 目标2… / 目标 目标3…, single-space text);
 * a blank line between two of them, not two.
 */
function piecesBelow(rows: readonly FieldCell[][], i: number, at: number): Array<{ row: number; text: string; touching: boolean }> {
  const out: Array<{ row: number; text: string; touching: boolean }> = [];
  for (let j = i + 1, blank = 0; j < rows.length && out.length < 3 && blank < 2; j++) {
    const cell = rows[j][0];
    if (!cell) {
      blank++;
      continue;
    }
    blank = 0;
    const head = cell.label == null ? /^([\u4e00-\u9fff]{1,4}) \S/.exec(cell.text) : null;
    // The last piece may read as a label alone (年度总体 / 目标): the joined text says whether it ends this one.
    const closing = cell.label != null && cell.label !== 'group';
    if (Math.abs(cell.start - at) > 2 || !(isLabelPiece(cell) || head || closing)) break;
    out.push(head ? { row: j, text: head[1], touching: true } : { row: j, text: cell.text, touching: false });
  }
  return out;
}

/**
 * A label wrapped in its narrow column (项目 / 名称, 主管 / 部门, 总 / 体 / 目 / 标): the first cells of consecutive
 * lines at one column whose text joined is a label become that label, on the line of its first piece. Lines
 * beside it that leave the column empty (a wrapped value) do not interrupt it.
 */
function joinWrappedLabels(rows: FieldCell[][]): void {
  for (let i = 0; i < rows.length; i++) {
    splitTouchingPiece(rows, i);
    if (!isLabelPiece(rows[i][0])) continue;
    const at = rows[i][0].start;
    const run = [i];
    let found: FormField | 'group' | null = null;
    let stands = i;
    for (let j = i + 1; j < rows.length && j - i <= 8 && !found; j++) {
      const first = rows[j][0];
      if (!first || first.start > at + 2) continue;
      // The last piece may be a label alone on the next line (年度总体 / 目标, 年度 / 总体 / 目标): the whole is the label
      // where it reads as one, and stands where its cell's middle does, on its middle piece's line.
      const closes = j === run.at(-1)! + 1 && first.label != null && first.label !== 'group' && labelOf(run.map((k) => rows[k][0].text).join('') + first.text) === first.label;
      if (!(isLabelPiece(first) || closes) || Math.abs(first.start - at) > 2) break;
      run.push(j);
      found = labelOf(run.map((k) => rows[k][0].text).join(''));
      if (closes) stands = run[Math.floor((run.length - 1) / 2)];
    }
    if (!found) continue;
    const pieces = run.map((k) => rows[k].shift()!);
    rows[stands].unshift({ text: pieces.map((p) => p.text).join(''), start: at, end: Math.max(...pieces.map((p) => p.end)), line: rows[stands] === rows[i] ? pieces[0].line : pieces[run.indexOf(stands)].line, label: found });
    i = run.at(-1)!;
  }
}

/** A line of goals' heads and nothing else. */
const isHeads = (row: readonly FieldCell[]) => row.length >= 2 && row.every((c) => GOALS.has(c.label));

/**
 * The goals' heads starting at row `i`: a line of them, or one head alone on its line and the next line's last cell
 * another goal's head right of it (a browser's print of the heads' row, each head on its own baseline: `预期目标` a
 * line over `… 实际完成情况`, the left goal's text begun beside it).
 */
function headsAt(rows: readonly FieldCell[][], i: number): FieldCell[] | null {
  if (isHeads(rows[i])) return rows[i];
  const [head] = rows[i];
  const next = rows[i + 1]?.at(-1);
  if (rows[i].length !== 1 || !GOALS.has(head.label) || !next || !GOALS.has(next.label) || next.label === head.label) return null;
  return next.start > head.end ? [head, next] : null;
}

/**
 * Goal labels printed side by side over their texts (实施期总目标 | 年度目标, both in one 总体目标 cell): each text below
 * them, down to the next label of another field, is the goal of the column it is printed in. The heads' positions
 * part the columns, in the middle between neighbouring heads. `pdftotext -layout` may print the two texts one space
 * apart, as one run; and since a CJK text takes fewer of its character columns than of the page's width, the right
 * text's lines start left of that middle. So a run across a middle is cut at its space nearest to the middle, and a
 * text that needed no cut goes to the column whose cut pieces start nearest to where it starts (on average).
 * Returns each head's pieces, each naming the line's cell it is, or was cut from.
 */
function goalColumns(rows: FieldCell[][], lines: readonly SourceLine[]): Map<FieldCell, FieldCell[]> {
  const out = new Map<FieldCell, FieldCell[]>();
  for (let i = 0; i < rows.length; i++) {
    const heads = headsAt(rows, i);
    if (!heads) continue;
    const middles = heads.slice(1).map((h, k) => (heads[k].end + h.start) / 2);
    const columnAt = (x: number) => middles.filter((m) => x > m).length;
    const whole: FieldCell[] = [];
    const cut = heads.map((): FieldCell[] => []);
    let j = i + 1;
    for (; j < rows.length && !isHeads(rows[j]) && rows[j].every((c) => c.label == null || GOALS.has(c.label)); j++) {
      const words = wordCells(lines[j].text);
      for (const cell of rows[j]) {
        if (cell.label) continue;
        const own = words.filter((w) => w.start >= cell.start && w.end <= cell.end);
        // Each middle inside the run cuts it before the word that starts nearest to the middle.
        const cuts = middles
          .filter((m) => own.length > 1 && cell.start < m && m < cell.end)
          .map((m) => own.reduce((best, w, k) => (k > 0 && Math.abs(w.start - m) < Math.abs(own[best].start - m) ? k : best), 1));
        if (cuts.length === 0) {
          whole.push({ ...cell, source: cell });
          continue;
        }
        const bounds = [0, ...new Set(cuts), own.length];
        for (let k = 1; k < bounds.length; k++) {
          const [start, end] = [own[bounds[k - 1]].start, own[bounds[k] - 1].end];
          cut[Math.min(columnAt(cell.start) + k - 1, heads.length - 1)].push({ text: lines[j].text.slice(start, end), start, end, line: cell.line, label: null, source: cell });
        }
      }
    }
    const anchored = cut.every((pieces) => pieces.length > 0);
    const starts = cut.map((pieces) => pieces.reduce((sum, p) => sum + p.start, 0) / pieces.length);
    const nearest = (x: number) => starts.reduce((best, s, c) => (Math.abs(s - x) < Math.abs(starts[best] - x) ? c : best), 0);
    for (const p of whole) cut[anchored ? nearest(p.start) : columnAt(center(p))].push(p);
    heads.forEach((head, c) => out.set(head, cut[c]));
    i = j - 1;
  }
  return out;
}

/**
 * Fields found in the block, each with its value as printed (wrapped pieces joined in reading order) and its lines.
 * Returns null when the block is not laid out as a form (fewer than two labels in cells of their own), so that the
 * caller keeps reading it as plain text.
 */
export function readFormFields(lines: readonly SourceLine[]): Map<FormField, FormValue> | null {
  const rows: FieldCell[][] = lines.map((l) => alignedCells(l.text).map((s) => ({ ...s, line: l.no, label: labelOf(s.text) })));
  joinWrappedLabels(rows);
  const labels = rows.flat().filter((c) => c.label && c.label !== 'group');
  if (labels.length < 2) return null;

  const pieces = goalColumns(rows, lines);
  const placed = new Set([...pieces.values()].flat().map((p) => p.source));
  fundsTable(rows, pieces, placed);
  const labelRows = rows.map((row) => row.filter((c) => c.label));
  rows.forEach((row, i) => {
    for (const cell of row) {
      if (cell.label || placed.has(cell) || isUnitStatement(cell.text)) continue;
      const owner = ownerOf(cell, i, rows, labelRows);
      const owned = owner && pieces.get(owner);
      if (owned) owned.push(cell);
      else if (owner) pieces.set(owner, [cell]);
    }
  });

  const fields = new Map<FormField, FormValue>();
  for (const label of labels) {
    const parts = (pieces.get(label) ?? []).sort((a, b) => a.line - b.line || a.start - b.start);
    if (parts.length === 0 || fields.has(label.label as FormField)) continue;
    fields.set(label.label as FormField, {
      text: joinWrapped(parts.map((p) => p.text)),
      lines: { first: Math.min(label.line, ...parts.map((p) => p.line)), last: Math.max(label.line, ...parts.map((p) => p.line)) },
    });
  }
  return fields;
}

/** The amounts' heads of a table of tasks, where it is one, and its rows. */
export interface TaskTable<C> {
  /** Each head with the total row's amount under it (the nearest head above the amount). */
  funds: Array<readonly [head: C, amount: C]>;
  /** The tasks' amounts and the total row's: rows of the table, none a field's value. */
  amounts: C[];
  /** The total row's name (金额合计, 合计), which names a row, not a field. */
  closing: C | null;
}

const FUND_LABELS: ReadonlySet<FormField | 'group' | null> = new Set(['total', 'fiscal', 'other']);

/**
 * The amounts' heads over a table of rows closed by its total (the 部门整体 form's 年度主要任务: one row a task, each
 * with its 总额 / 财政拨款 / 其他资金, then 金额合计): the form's funds are the total row's amounts, each that of the
 * head nearest above it (`at`: where a cell stands, its middle in a layout text, its slot in a web page's row). A total
 * row printed as 合计 names a row, not a field. Where no total row closes two or more rows of amounts, no amount is
 * the form's funds: which row would be is not known. A row of heads over one row of amounts is a form's fields, and no
 * table (null). Text that keeps no places (`at` null: single-space text, `pdftotext -raw`) pairs the total row's amounts
 * with the heads in order, and only where it prints one amount a head (西安 交通运输局 2022: `总额 财政拨款 其他资金` over
 * `金额合计 45947.34 45947.34 0`); a total row printing fewer leaves an empty cell somewhere the text does not show.
 */
export function taskTable<C extends { text: string }>(rows: ReadonlyArray<readonly C[]>, at: ((c: C) => number) | null): TaskTable<C> | null {
  const label = (c: C) => labelOf(c.text);
  const start = rows.findIndex((row) => row.filter((c) => FUND_LABELS.has(label(c))).length >= 2);
  if (start < 0) return null;
  const isAmount = (c: C) => label(c) == null && parseAmount(c.text) != null;
  const isTotalName = (c: C) => (label(c) == null || label(c) === 'total') && totalRole(c.text) === 'total';
  let end = start + 1;
  for (; end < rows.length; end++) {
    const row = rows[end];
    if (row.some((c) => label(c) != null && label(c) !== 'group' && !isTotalName(c))) break;
    if (row.some(isTotalName) && row.some(isAmount)) break;
  }
  const tasks = rows.slice(start + 1, end).flatMap((row) => row.filter(isAmount));
  const closing = end < rows.length && rows[end].some(isAmount) ? (rows[end].find(isTotalName) ?? null) : null;
  if (!closing && rows.slice(start + 1, end).filter((row) => row.some(isAmount)).length < 2) return null;
  const heads = rows[start].filter((c) => FUND_LABELS.has(label(c)));
  const totals = closing ? rows[end].filter(isAmount) : [];
  const funds = at
    ? totals.map((c) => [heads.reduce((best, h) => (Math.abs(at(h) - at(c)) < Math.abs(at(best) - at(c)) ? h : best)), c] as const)
    : totals.length === heads.length
      ? totals.map((c, k) => [heads[k], c] as const)
      : [];
  return { funds: funds.filter(([head], k) => funds.findIndex(([h]) => h === head) === k), amounts: [...tasks, ...totals], closing };
}

/** A form's funds by their fields, an amount or null each: the target's (schema/performance.ts). */
export type Funds = PerformanceTarget['funds'];

/** The funds a table of tasks closes with (taskTable), by its heads; null where the rows hold no such table. */
export function taskFunds<C extends { text: string }>(rows: ReadonlyArray<readonly C[]>, at: ((c: C) => number) | null): Funds | null {
  const table = taskTable(rows, at);
  if (!table) return null;
  const funds: Funds = { total: null, fiscal: null, other: null };
  for (const [head, amount] of table.funds) funds[labelOf(head.text) as keyof typeof funds] = parseAmount(amount.text);
  return funds;
}

/** The table of tasks among the fields (taskTable): its total row's amounts the heads', its other amounts placed. */
function fundsTable(rows: FieldCell[][], pieces: Map<FieldCell, FieldCell[]>, placed: Set<FieldCell | undefined>): void {
  const table = taskTable(rows, center);
  if (!table) return;
  for (const c of table.amounts) placed.add(c);
  for (const [head, amount] of table.funds) pieces.set(head, [amount]);
  if (table.closing) table.closing.label = 'group';
}

/** How many lines under an amount another amount in its column makes the two a column of a table. */
const COLUMN_REACH = 3;

/** How many columns of horizontal distance one line of vertical distance is worth when choosing a value's label. */
const LINE_COST = 20;

/**
 * The label a value cell belongs to: of the labels to its left on its own line and up to two lines away (a wrapped
 * cell is centred on its label), the nearest, counting a line of distance as LINE_COST columns — so that a value
 * beside a label on the next line (a second label column) goes to that label, not to a far one on its own line.
 * On a line without labels, text in a label's column makes the line a row of its own: it belongs to no label.
 */
function ownerOf(cell: FieldCell, row: number, rows: FieldCell[][], labelRows: FieldCell[][]): FieldCell | null {
  // An amount printed under an amount's label, where it starts (资金总额 over 1,450.30, a browser's row of labels over
  // its row of values), is its value; not where more amounts follow in its column (西安's 部门整体 form: the label
  // heads a column of a table of tasks, one amount a task, then 金额合计).
  const atColumn = (c: FieldCell) => Math.abs(c.start - cell.start) <= 1 && parseAmount(c.text) != null;
  const over = atColumn(cell) ? labelRows[row - 1]?.find((l) => FUND_LABELS.has(l.label) && Math.abs(l.start - cell.start) <= 1) : null;
  if (over && !rows.slice(row + 1, row + 1 + COLUMN_REACH).some((r) => r.some(atColumn))) return over;
  const firstAt = labelRows[row].length === 0 ? (rows[row][0]?.start ?? Infinity) : Infinity;
  // A piece that closes a bracket continues a value above it.
  const last = /^[)）】」』”]/.test(cell.text) ? row : row + 2;
  let best: FieldCell | null = null;
  let bestCost = Infinity;
  for (let k = Math.max(0, row - 2); k <= Math.min(labelRows.length - 1, last); k++) {
    for (const label of labelRows[k]) {
      if (label.end > cell.start || (labelRows[row].length === 0 && firstAt <= label.start)) continue;
      const cost = cell.start - label.end + LINE_COST * Math.abs(k - row);
      if (cost < bestCost) [best, bestCost] = [label, cost];
    }
  }
  return best && best.label !== 'group' ? best : null;
}
