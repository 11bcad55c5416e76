/**
 * A many-project 绩效目标表 (project-table.ts) extracted in reading order (`pdftotext -raw`, text copied from a PDF
 * viewer): each cell's text follows the cell before it, a wrapped cell on lines of its own, and no line keeps an
 * indent, so positions say nothing and the order says everything. A project prints its code and name, its amounts
 * (the amount columns' cells, side by side), its 年度目标, then its rows: 一级 and 二级 names where printed, the 三级
 * name, and the value cells in the header's order (北京 预算表12: 性质, 值, 单位); a row ends on the line of those
 * cells. A project cut by a page break is printed again after it (its code, name and amounts again) and read as one.
 * Where the header puts text columns after the value (长沙's 指标值内容 and 评（扣）分标准, then 度量单位, 指标值类型 and
 * 备注), a row ends on the line of the cells after them instead (textShapeOf, textRow).
 * Pure, and linear in the table's size.
 */
import type { Indicator, PerformanceTarget } from '../../schema/performance.ts';
import type { SourceLine } from '../source-lines.ts';
import { wordsOf } from '../layout/cells.ts';
import { parseAmount } from '../numbers.ts';
import type { Span } from './centred-groups.ts';
import { toIndicator } from './indicator-row.ts';
import { takeLevels, type LevelMet, type LevelState } from './level-state.ts';
import { completesLevelName, isLevelName, startsLevelName } from './levels.ts';
import { compact, joinWrapped, overlappingPrints, samePrefix } from './text.ts';
import { foldFigures, opensWithDigit } from '../../core/width.ts';
import { looksQualitative, parseIndicatorValue } from './value.ts';
import { FIGURE_WHOLE_SOURCE } from '../../core/amounts.ts';

/** The cells a row's value is printed in, after its 三级 name. */
export type ValueCell = 'operator' | 'value' | 'unit';

/** Columns of text a row may print after its value: the target's wording (指标值内容) and its scoring (评分标准). */
export type TextCell = 'description' | 'rule';

/** The cells after the 三级 name in the header's order: value cells, text cells, and short cells such as 备注 ('other'). */
export type RowCell = ValueCell | TextCell | 'other';

/** A header's cells after the 三级 name, and the labels of its 'other' cells (kept with the row as `备注：…`). */
export interface RowShape {
  cells: readonly RowCell[];
  otherLabels?: readonly string[];
}

export interface ReadingOrderTarget {
  target: Omit<PerformanceTarget, 'id'>;
  held: Span[];
}

/** True when no line of the table keeps an indent or a gap of two spaces: positions were not extracted. */
export function isReadingOrder(lines: readonly SourceLine[]): boolean {
  return lines.length > 0 && lines.every((l) => !/^\s|\s{2}/.test(l.text.trimEnd()));
}

const OPERATOR = /^(?:[≥≤><=＝＜＞]|>=|<=)$/;
/** A money amount as the amount columns print it: with decimals (18.853800, 270.00). */
const MONEY = new RegExp(`^${FIGURE_WHOLE_SOURCE}\\.\\d+$`);
/** A figure alone: a score printed in a remark's cell. */
const FIGURE = /^\d+(?:\.\d+)?$/;
/** A number as a value cell prints it, a percentage too (`120`, `-3.5`, `95%`). */
const NUMBER = /^-?\d+(?:\.\d+)?%?$/;
// Words are read width-folded (a word processor's `１８.８５３８００`) and kept as printed.
const isMoney = (word: string) => MONEY.test(foldFigures(word));
const isFigure = (word: string) => FIGURE.test(foldFigures(word));
const isNumber = (word: string) => NUMBER.test(foldFigures(word));
/** A code in the project column: capitals and digits, six or more (11000022T00000048, 201056). */
const CODE = /^(?=.*[\d０-９])[0-9A-Z０-９]{6,}$/;

/** Whether a word is a comparison sign alone, as a row's 指标值类型 or 性质 cell prints it. */
export const isSignWord = (word: string) => OPERATOR.test(word);

/** Whether a word is a code as the project column prints it (CODE). */
export const isProjectCode = (word: string) => CODE.test(word);

interface Line {
  first: number;
  last: number;
  words: string[];
}

/**
 * The lines with a level name wrapped across two of them or more joined (`服务对象满意度` / `指标`, `服务对象` /
 * `满意度指` / `标`): the level cells stand before the row's other cells, so a line of level names alone whose last
 * word the next lines' first words complete, each line between printing a piece alone, the start of a name.
 */
function joinLevelWraps(lines: readonly SourceLine[]): Line[] {
  const out: Line[] = lines.map((l) => ({ first: l.no, last: l.no, words: wordsOf(l.text) }));
  for (let k = 0; k + 1 < out.length; k++) {
    const line = out[k];
    const last = line.words[line.words.length - 1];
    if (!last || !line.words.slice(0, -1).every(isLevelName)) continue;
    let head = last;
    let j = k + 1;
    while (j + 1 < out.length && out[j].words.length === 1 && !completesLevelName(head, out[j].words[0]) && startsLevelName(head + out[j].words[0])) head += out[j++].words[0];
    const next = out[j];
    if (!next.words.length || !completesLevelName(head, next.words[0])) continue;
    line.words[line.words.length - 1] = compact(head + next.words[0]);
    for (let m = k + 1; m < j; m++) out[m].words = [];
    next.words.shift();
    line.last = next.first;
  }
  // A line may end one cell and start the next (`负担。 满意度指标`: a goal's last line beside the row's 一级 name):
  // level names stand at the start of a row, so the words from the first of them on are a line of their own.
  return out.filter((l) => l.words.length).flatMap((l) => {
    const at = l.words.findIndex(isLevelName);
    return at > 0 ? [{ ...l, words: l.words.slice(0, at) }, { ...l, words: l.words.slice(at) }] : [l];
  });
}

/** 定性 / 定量 in the 性质 column: the kind of target, printed where a sign stands for a number (value.ts KIND). */
const KIND = /^定[性量]$/;

/** Whether a word can be printed in a value cell; `sign` is the word printed in the 性质 cell before it, if any. */
function fits(cell: ValueCell | 'other', word: string, sign: string | undefined): boolean {
  // A remark (备注) is short, and no sign: it follows the sign in 长沙's header.
  if (cell === 'other') return word.length <= 6 && !OPERATOR.test(word) && !/[，。；]/.test(word);
  if (cell === 'operator') return OPERATOR.test(word) || KIND.test(word);
  if (cell === 'unit') return !opensWithDigit(word) && !OPERATOR.test(word) && word.length <= 6 && parseIndicatorValue(`1${word}`).unit === word;
  if (isNumber(word)) return true;
  // A qualitative target: short words after 定性, or words that say so (有效提升) after a sign or a name.
  return (sign != null && KIND.test(sign) && word.length <= 6 && !/[，。；]/.test(word)) || looksQualitative(word);
}

/**
 * The value cells at the end of a row's words, in the header's order, each printed once at most and the value itself
 * required (the fullest reading first): the words before them (the name, or its last piece) and the value as
 * printed, or null.
 */
function splitCells(words: readonly string[], cells: readonly ValueCell[]): { name: string[]; value: string } | null {
  const v = cells.indexOf('value');
  const before = cells.slice(0, v);
  const after = cells.slice(v + 1);
  // Each cell before and after the value printed or left empty: the fuller readings first.
  for (let b = before.length; b >= 0; b--) {
    for (let a = after.length; a >= 0; a--) {
      const n = b + 1 + a;
      if (n > words.length || (b === 0 && a === 0 && words.length === 1 && !opensWithDigit(words[0]))) continue;
      const tail = words.slice(words.length - n);
      const sign = b ? tail[b - 1] : undefined;
      const ok = before.slice(before.length - b).every((c, i) => fits(c, tail[i], undefined)) &&
        fits('value', tail[b], sign) && after.slice(0, a).every((c, i) => fits(c, tail[b + 1 + i], undefined));
      if (ok) return { name: words.slice(0, words.length - n), value: tail.join(' ') };
    }
  }
  return null;
}

/** A header's cells after the 三级 name parted around its text cells. */
interface TextShape {
  /** The value cells before the text (长沙: 指标值), printed on one line with the text's first words. */
  lead: ValueCell[];
  text: TextCell[];
  /** The short cells after the text (度量单位, 指标值类型, 备注): a row ends on the line that prints them. */
  tail: Array<ValueCell | 'other'>;
  otherLabels: readonly string[];
}

/** The shape's parts: undefined where it has no text cells, null where the words alone cannot part them. */
function textShapeOf(shape: RowShape): TextShape | null | undefined {
  const isText = (c: RowCell) => c === 'description' || c === 'rule';
  const from = shape.cells.findIndex(isText);
  if (from < 0) return undefined;
  const to = shape.cells.findLastIndex(isText);
  const lead = shape.cells.slice(0, from);
  const text = shape.cells.slice(from, to + 1);
  const tail = shape.cells.slice(to + 1);
  // The words alone part the cells only where the text cells stand together, after the value, and before a sign or a
  // unit (the line a row ends on is known by them).
  if (!text.every(isText) || !lead.includes('value') || lead.includes('other') || tail.some(isText)) return null;
  // A tail of a remark alone (长沙's 部门整体 form: 备注 after 指标解释 and 评（扣）分标准) ends a row only on a line
  // printing a figure alone there (splitTail), a score; a short word may end a wrapped text cell (`止`).
  if (!tail.some((c) => c === 'operator' || c === 'unit') && !(tail.length === 1 && tail[0] === 'other')) return null;
  return { lead: lead as ValueCell[], text: text as TextCell[], tail: tail as Array<ValueCell | 'other'>, otherLabels: shape.otherLabels ?? [] };
}

/**
 * The tail cells at the end of a line, each printed or left empty (the fullest reading first), a sign or a unit among
 * them: the words before them and each cell's word, or null.
 */
function splitTail(words: readonly string[], tail: ReadonlyArray<ValueCell | 'other'>): { before: string[]; cells: Map<ValueCell | 'other', string> } | null {
  const options: Array<Array<ValueCell | 'other'>> = [];
  for (let mask = (1 << tail.length) - 1; mask > 0; mask--) options.push(tail.filter((_, i) => mask & (1 << i)));
  options.sort((a, b) => b.length - a.length);
  // The sign where the header has a cell for it (a unit alone may be any short word, a name's last piece), else the unit.
  const needed = tail.includes('operator') ? 'operator' : tail.includes('unit') ? 'unit' : null;
  if (needed == null) return words.length === 1 && isFigure(words[0]) && !CODE.test(words[0]) ? { before: [], cells: new Map([['other', words[0]]]) } : null;
  for (const printed of options) {
    if (printed.length > words.length || !printed.includes(needed)) continue;
    const at = words.length - printed.length;
    if (printed.every((c, i) => fits(c, words[at + i], c === 'value' ? words[at + i - 1] : undefined))) {
      return { before: words.slice(0, at), cells: new Map(printed.map((c, i) => [c, words[at + i]])) };
    }
  }
  return null;
}

/**
 * A row of a text shape from its words (each with its line) before the tail: the name, then the lead cells at the
 * first word they fit (a number where one fits: a wrapped name's last piece, `安全率`, reads as a qualitative value
 * too), then the text cells: the first the rest of the value's line (a short cell beside the value), the second the
 * lines after it (a long cell wrapped on lines of its own). Without a value found, the words are kept as the name.
 */
function textRow(words: ReadonlyArray<{ word: string; line: number }>, tailCells: ReadonlyMap<ValueCell | 'other', string>, shape: TextShape) {
  const numeric = words.some((w, i) => i > 0 && isNumber(w.word));
  const cells = new Map<RowCell, string[]>();
  const put = (c: RowCell, w: string) => cells.set(c, [...(cells.get(c) ?? []), w]);
  let name = words.map((w) => w.word);
  let parted = true;
  // A sign or 定性 printed before the value starts the value's cells: a qualitative word of a wrapped name before it
  // (`行政管理职能` / `正常完成` / `定性 无`) is the name's, not a value.
  const signed = shape.lead[0] === 'operator' && words.some((w, i) => i > 0 && fits('operator', w.word, undefined));
  for (let i = 1; i < words.length; i++) {
    if (signed && !fits('operator', words[i].word, undefined)) continue;
    let j = i;
    let sign: string | undefined;
    const taken: Array<[ValueCell, string]> = [];
    for (const c of shape.lead) {
      if (j < words.length && fits(c, words[j].word, sign) && (c !== 'value' || !numeric || /^-?\d/.test(foldFigures(words[j].word)))) {
        taken.push([c, words[j].word]);
        if (c === 'operator') sign = words[j].word;
        j++;
      } else if (c === 'value') break;
    }
    if (!taken.some(([c]) => c === 'value')) continue;
    name = words.slice(0, i).map((w) => w.word);
    for (const [c, w] of taken) put(c, w);
    const valueLine = words[j - 1].line;
    for (const w of words.slice(j)) put(shape.text.length > 1 && w.line !== valueLine ? shape.text[1] : shape.text[0], w.word);
    // The first text cell begun on a line of its own: where it ends and the second begins, no word tells.
    parted = shape.text.length < 2 || j === words.length || words[j].line === valueLine;
    break;
  }
  for (const [c, w] of tailCells) put(c, w);
  const text = (c: RowCell) => joinWrapped(cells.get(c) ?? []);
  const others = (cells.get('other') ?? []).map((w, i) => `${shape.otherLabels[i] ?? '备注'}：${w}`);
  return {
    name: joinWrapped(name),
    value: `${text('operator')}${text('value')}${text('unit')}`,
    description: [text('description'), ...others].filter(Boolean).join('；') || null,
    rule: text('rule') || null,
    parted,
  };
}

/** Where a line prints the project's amounts: the first of them and how many (as many as the amount columns at most). */
export function amountsOf(words: readonly string[], columns: number): { at: number; count: number } | null {
  const at = words.findIndex((w) => isMoney(w) && parseAmount(w) != null);
  if (at < 0 || words.some(isLevelName)) return null;
  let count = 0;
  while (at + count < words.length && isMoney(words[at + count])) count++;
  // A row's value with its sign before it or its unit after it is no amount.
  if (count > columns || (at > 0 && OPERATOR.test(words[at - 1]))) return null;
  const after = words[at + count];
  if (after != null && parseIndicatorValue(`1${after}`).unit === after && after.length <= 4) return null;
  return { at, count };
}

interface Print {
  head: Line[];
  code: string | null;
  name: string;
  amounts: number[];
  goal: string[];
  indicators: Indicator[];
  /** The names of its rows whose two text cells could not be parted (textRow). */
  unparted: string[];
  held: Span[];
  first: number;
  last: number;
}

/**
 * Reads the table's lines (page furniture and repeated headers taken out) into one target per project, or null when
 * no project with an indicator is found, or when the header's cells after the 三级 name cannot be parted by the words
 * alone. `shape` holds those cells in the header's order; `amountColumns` how many amount columns the header names
 * (total, 财政资金, 其他资金 in order).
 */
export function readReadingOrderTable(
  title: string,
  tableLines: readonly SourceLine[],
  shape: RowShape,
  amountColumns: number,
  pageStarts: ReadonlySet<number>,
): ReadingOrderTarget[] | null {
  const withText = textShapeOf(shape);
  if (withText === null) return null;
  // Without text cells, the shape's cells are value cells only.
  const cells = shape.cells as readonly ValueCell[];
  const lines = joinLevelWraps(tableLines);
  const prints: Print[] = [];
  const state: LevelState = { level1: null, level2: null };
  let pending: Line[] = [];
  // Lines of level names alone since the last row, with the names each set: held by the first row they head. A name
  // replaced before any row heads a group of no rows (长沙 教育局 2026 `-raw` L316–L319 `社会成本指` / `标` /
  // `生态环境成` / `本指标`, then `产出指标 数量指标`): no field holds it, so its lines are kept as printed.
  let levelLines: Array<{ line: Line; met: LevelMet[] }> = [];
  const headsRow = ({ met }: { met: LevelMet[] }) => met.every((m) => state[m.role] === compact(m.text));
  let current: Print | null = null;
  let inGoal = false;
  // Whether the current project's rows have begun (a level name read since its amounts).
  let inRows = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    // A row of a text shape prints its value before text as a project prints its amounts before its goal
    // (`燃气用量 38.61 用燃气总量`): among the rows, a project's line prints its code too.
    // A unit printed again after a page break prints its code on a line of its own above its name and amounts.
    const coded = line.words.some((w) => CODE.test(w)) || pending.some((l) => l.words.some((w) => CODE.test(w)));
    const amounts = withText && inRows && !coded ? null : amountsOf(line.words, amountColumns);
    if (amounts) {
      // The lines since the last row are this project's code and name.
      const head = [...pending.flatMap((l) => l.words), ...line.words.slice(0, amounts.at)];
      const codes = head.filter((w) => CODE.test(w));
      current = {
        head: [...pending, line],
        code: codes.length ? [...new Set(codes)].join(' ') : null,
        name: joinWrapped(head.filter((w) => !CODE.test(w))),
        amounts: line.words.slice(amounts.at, amounts.at + amounts.count).map((w) => parseAmount(w)!),
        goal: line.words.slice(amounts.at + amounts.count),
        indicators: [],
        unparted: [],
        held: [...pending, line].map((l) => ({ first: l.first, last: l.last })),
        first: pending[0]?.first ?? line.first,
        last: line.last,
      };
      prints.push(current);
      pending = [];
      levelLines = [];
      inGoal = true;
      inRows = false;
      state.level1 = null;
      state.level2 = null;
      continue;
    }
    if (!current) {
      pending.push(line);
      continue;
    }
    const met: LevelMet[] = [];
    const rest = takeLevels(line.words, state, lines[k + 1]?.words[0] ?? null, met);
    if (rest.length < line.words.length) inRows = true;
    const tail = withText && rest.length ? splitTail(rest, withText.tail) : null;
    const split = tail ? { name: tail.before, value: '' } : rest.length && !withText ? splitCells(rest, cells) : null;
    // The 年度目标 runs until the first row: a line of level names or of a row's value cells.
    if (inGoal && rest.length === line.words.length && !split) {
      current.goal.push(...line.words);
      current.held.push({ first: line.first, last: line.last });
      current.last = line.last;
      continue;
    }
    inGoal = false;
    if (rest.length < line.words.length && pending.length) {
      // A row's level cells come before its name, so the lines since the last row are no row's: a project cell cut
      // by a page break. At the top of a page they continue the project's goal; at the foot of one they are the
      // next project's cells printed above its first rows, which are the next project's too (that project is
      // printed again, whole, on the next page).
      if (pageStarts.has(pending[0].first)) {
        // The cut cell is drawn on both pages, each showing its part: the two parts may share their text.
        const goal = joinWrapped(current.goal);
        const more = joinWrapped(pending.flatMap((l) => l.words));
        current.goal = [overlappingPrints(goal, more) ?? joinWrapped([goal, more])];
        current.held.push(...pending.map((l) => ({ first: l.first, last: l.last })));
      } else {
        const words = pending.flatMap((l) => l.words);
        const codes = words.filter((w) => CODE.test(w));
        current = {
          head: pending,
          code: codes.length ? [...new Set(codes)].join(' ') : null,
          name: '',
          amounts: [],
          goal: words.filter((w) => !CODE.test(w)),
          indicators: [],
          unparted: [],
          held: [],
          first: pending[0].first,
          last: line.last,
        };
        prints.push(current);
      }
      pending = [];
    }
    if (rest.length === 0) {
      levelLines.push({ line, met });
      current.last = line.last;
      continue;
    }
    if (!split) {
      // The level names the line starts with are read (takeLevels): its other words are the row's.
      pending.push({ ...line, words: rest });
      continue;
    }
    const first = pending[0]?.first ?? line.first;
    const cellsOfRow = withText && tail
      ? textRow([...pending.flatMap((l) => l.words.map((word) => ({ word, line: l.first }))), ...split.name.map((word) => ({ word, line: line.first }))], tail.cells, withText)
      : { name: joinWrapped([...pending.flatMap((l) => l.words), ...split.name]), value: split.value, parted: true };
    const { parted, ...rowCells } = cellsOfRow;
    const indicator = toIndicator({ level1: state.level1, level2: state.level2, ...rowCells, lines: { first, last: line.last } });
    current.indicators.push(indicator);
    if (!parted) current.unparted.push(indicator.name);
    current.held.push(...levelLines.filter(headsRow).map(({ line: l }) => ({ first: l.first, last: l.last })));
    levelLines = [];
    current.held.push({ first, last: line.last });
    current.last = line.last;
    pending = [];
  }
  return assemble(title, prints, amountColumns);
}

/**
 * The prints cut at the foot of a page (their cells above their first rows, no amounts) joined to the print that
 * follows on the next page: their rows first, and their text where it is the start of the goal printed there (after
 * the start of the name, which the cut print shows too). Text that is not is kept as printed.
 */
function joinCutPrints(prints: readonly Print[]): Print[] {
  const out: Print[] = [];
  for (let i = 0; i < prints.length; i++) {
    const p = prints[i];
    const next = prints[i + 1];
    if (p.amounts.length || !next?.amounts.length || (p.code != null && p.code !== next.code)) {
      out.push(p);
      continue;
    }
    let text = joinWrapped(p.goal);
    let same = 0;
    while (same < Math.min(text.length, next.name.length) && text[same] === next.name[same]) same++;
    if (same >= 4) text = text.slice(same);
    const goal = overlappingPrints(text, joinWrapped(next.goal));
    if (goal != null) {
      next.goal = [goal];
      next.held.unshift(...p.head.map((l) => ({ first: l.first, last: l.last })));
    }
    next.indicators.unshift(...p.indicators);
    next.unparted.unshift(...p.unparted);
    next.held.unshift(...p.held);
    next.first = p.first;
  }
  return out;
}

function assemble(title: string, cut: readonly Print[], amountColumns: number): ReadingOrderTarget[] | null {
  const organization = /整体/.test(title);
  const out: ReadingOrderTarget[] = [];
  const prints = joinCutPrints(cut);
  const unparted: string[][] = [];
  for (const p of prints) {
    // Columns beyond the funds' three (a 部门整体 form's 政府性基金, 财政专户, 基本支出, 项目支出) leave the order of
    // the printed amounts no guide to their columns where some cells are empty: the total, printed first, alone.
    const inOrder = amountColumns <= 3;
    const funds = {
      total: p.amounts[0] ?? null,
      fiscal: inOrder && p.amounts.length >= 2 ? p.amounts[1] : null,
      other: inOrder && p.amounts.length >= 3 && amountColumns >= 3 ? p.amounts[2] : null,
    };
    const goal = joinWrapped(p.goal);
    const previous = out[out.length - 1]?.target;
    const name = (t: Omit<PerformanceTarget, 'id'>) => t.projectName ?? t.unitName ?? '';
    // The same project printed again after a page break: its amounts, and its code or the start of its name again
    // (or neither, cut off with the rest of the cell).
    const unnamed = p.code == null && !p.name;
    if (previous && previous.funds.total === funds.total && (unnamed || (p.code != null && p.code === previous.code) || samePrefix(name(previous), p.name))) {
      previous.indicators.push(...p.indicators);
      unparted[unparted.length - 1].push(...p.unparted);
      if (goal) previous.goal = overlappingPrints(previous.goal ?? '', goal) ?? joinWrapped([previous.goal ?? '', goal]);
      if (compact(p.name).length > compact(name(previous)).length && compact(p.name).startsWith(compact(name(previous)))) {
        if (organization) previous.unitName = p.name;
        else previous.projectName = p.name;
      }
      previous.lines.last = p.last;
      out[out.length - 1].held.push(...p.held);
      continue;
    }
    // A 合计 row or a unit's row: no goal and no rows of its own, kept as printed.
    if (p.indicators.length === 0 && !goal) continue;
    out.push({
      target: {
        scope: organization ? 'organization' : 'project',
        title,
        unitName: organization ? p.name || null : null,
        projectName: organization ? null : p.name || null,
        code: p.code,
        projectId: null,
        owner: null,
        funds,
        goal: goal || null,
        periodGoal: null,
        indicators: p.indicators,
        // A print cut at a page's foot and not printed again: its rows are read, its project is not known.
        flag: p.amounts.length ? null : '项目的名称和金额在分页处被截去，本页只印出其指标',
        selfEvaluation: null,
        lines: { first: p.first, last: p.last },
      },
      held: p.held,
    });
    unparted.push([...p.unparted]);
  }
  out.forEach(({ target }, i) => {
    const names = unparted[i];
    if (!names.length) return;
    const said = `「${names.join('」「')}」的指标说明和评分标准两栏印在相连的几行里，文本看不出两栏的分界，全部列作评分标准`;
    target.flag = target.flag ? `${target.flag}；${said}` : said;
  });
  return out.some((p) => p.target.indicators.length) ? out : null;
}
