import type { Indicator } from '../../schema/performance.ts';
import type { BlockRow } from '../layout/blocks.ts';
import { toIndicator } from './indicator-row.ts';
import { placeLevelCells, uncertainFlag, type LinePiece, type PlacedCell } from './level-cells.ts';
import { isOutlineHeading, takeLevels, type LevelMet, type LevelState } from './level-state.ts';
import { completesLevelName, endsLevelName, isLevel1, isLevel2, isLevelName, standsUnder, startsLevelName } from './levels.ts';
import { isIndicatorHeader } from './tabbed.ts';
import { isGridLabel } from './header-roles.ts';
import { isReadingOrder } from './reading-order-table.ts';
import { compact, joinWrapped } from './text.ts';
import { holdsFigure, isGrade, isUnitToken, looksLikeValue, looksLikeValueList, looksQualitative } from './value.ts';
import { foldFigures } from '../../core/width.ts';

export interface SpacedBody {
  indicators: Indicator[];
  flags: string[];
  last: number;
  /** The grid's label printed in front of a row's level names (烟台's 绩效指标), kept as printed on its line. */
  apart: LinePiece[];
}

/**
 * Each row's words, none for page furniture nor the letters of the grid's label set down its margin (put `apart`); a
 * level name wrapped onto the next printed line (经济效益 / 指标, 服务对象 / 满意度指标, 服务对象满意度 / 指标: a
 * narrow merged cell) is joined on the line it starts, and its rest taken off the line it ends.
 */
function rowWords(body: readonly BlockRow[], apart: LinePiece[], joins: Joins): string[][] {
  const words = body.map((r) => (r.furniture ? [] : r.cells.map((c) => c.text)));
  for (const { row, text } of stackedGridLabel(words)) apart.push({ text, line: body[row].line.no });
  const join = (from: number, head: string, to: number, tail: string, at: number) => joined(joins, body, { from, head, to, tail, at });
  joinLevelsAroundRow(words, join);
  let prev = -1;
  for (let k = 0; k < words.length; k++) {
    if (words[k].length === 0) continue;
    if (prev >= 0) {
      const before = words[prev];
      const head = before[before.length - 1];
      const tail = words[k][0];
      // The grid's label wrapped in its narrow margin cell, first on a line and before the next line's row (福州 科技局
      // 2026, spaces collapsed: `绩效目` / `标指标 产出指标 质量指标 评估通过率 ≥85%`; `绩效目 专家人次` / `标指标 …`):
      // the grid's, not the rows'.
      if (words[k].length > 1 && !isGridLabel(before[0]) && isGridLabel(`${before[0]}${tail}`)) {
        apart.push({ text: before[0], line: body[prev].line.no }, { text: tail, line: body[k].line.no });
        words[prev] = before.slice(1);
        words[k] = words[k].slice(1);
        prev = k;
        continue;
      }
      // A row's 二级 name after its 一级 one, its rest on the next line (烟台: `绩效指标 满意度指标 服务对象满意度 受益人员
      // 满意度 ≥90%` / `指标`): joined where it stands.
      const opened = before.findIndex((w, i) => i > 0 && isLevel1(before[i - 1]) && (startsLevelName(w) || isLevel1(w)) && isLevel2(`${w}${tail}`));
      if (opened > 0 && opened < before.length - 1 && completesLevelName(before[opened], tail)) {
        before[opened] = join(prev, before[opened], k, tail, prev);
        words[k] = words[k].slice(1);
        if (words[k].length === 0) continue;
      } else if ((startsLevelName(head) || isLevel1(head)) && completesLevelName(head, tail)) {
        before[before.length - 1] = join(prev, head, k, tail, prev);
        words[k] = words[k].slice(1);
        if (words[k].length === 0) continue;
      } else if (before.length === 1 && (startsLevelName(head) || isLevel1(head))) {
        // A 二级 name alone on its line, its rest on the row's line after the columns left of it, the grid's label and
        // the 一级 name (烟台: `服务对象满意度` / `绩效指标 满意度指标 指标 受益人员满意度 ≥90%`): joined where its rest
        // stands, in the row's order.
        const at = words[k].findIndex((w, i) => !(i === 0 && isGridLabel(w)) && !isLevel1(w));
        if (at > 0 && completesLevelName(head, words[k][at]) && isLevel2(`${head}${words[k][at]}`)) {
          words[k][at] = join(prev, head, k, words[k][at], k);
          words[prev] = [];
        }
      }
    }
    prev = k;
  }
  return words;
}

/**
 * The level names joined from the lines a narrow cell wraps them over, by the row they are read on and their text: the
 * pieces as printed, each on its line, for the centring of their cell (level-cells.ts).
 */
type Joins = Map<number, Map<string, LinePiece[]>>;

/** A level name's start on row `from` and its rest on row `to` joined, read on row `at`; the pieces kept in `joins`. */
function joined(joins: Joins, body: readonly BlockRow[], { from, head, to, tail, at }: { from: number; head: string; to: number; tail: string; at: number }): string {
  const text = `${head}${tail}`;
  const pieces = [...(joins.get(from)?.get(head) ?? [{ text: head, line: body[from].line.no }]), { text: tail, line: body[to].line.no }];
  joins.set(at, (joins.get(at) ?? new Map()).set(text, pieces));
  return text;
}

/** A piece of a label set down a narrow cell: a letter or a few a line. */
const LETTERS = /^[\u4e00-\u9fff]+$/;

/**
 * The grid's label (绩效指标, 年度绩效指标) set down its narrow margin cell a letter a line (西安 交通运输局 2022,
 * spaces collapsed: `绩 成本指标 租房成本 78万` / `效 经济效益` / `指 指标` / `标 社会效益`), or two a line where no
 * run of single letters spells it (福州 科技局 2026: `绩效` / `目标` / `指标`): the rows whose first words, as many
 * letters each on rows in a row (blank rows between; the last fewer at most), spell the label, those words taken off
 * them. Spelled by the letters' run, not told by one letter, which may be a row's own word. The letters, each with
 * their row.
 */
function stackedGridLabel(words: string[][]): Array<{ row: number; text: string }> {
  for (const width of [1, 2]) {
    const out = spelledLabel(words, width);
    if (out.length) return out;
  }
  return [];
}

/** stackedGridLabel with pieces of `width` letters (the last fewer). */
function spelledLabel(words: string[][], width: number): Array<{ row: number; text: string }> {
  const out: Array<{ row: number; text: string }> = [];
  let run: number[] = [];
  const close = () => {
    const letters = run.map((k) => words[k][0]);
    // The label may be the run's letters from any one of them on, up to any later one.
    for (let from = 0; from < run.length; from++) {
      for (let to = run.length; to > from + 1; to--) {
        const pieces = letters.slice(from, to);
        if (pieces.slice(0, -1).some((p) => p.length !== width) || !isGridLabel(pieces.join(''))) continue;
        for (const k of run.slice(from, to)) out.push({ row: k, text: words[k].shift()! });
        run = [];
        return;
      }
    }
    run = [];
  };
  // The letters stand centred down the rows the cell spans, so rows of the grid's own may stand between two of them.
  let since = 0;
  for (let k = 0; k < words.length; k++) {
    if (words[k].length === 0) continue;
    const first = words[k][0];
    if (LETTERS.test(first) && first.length <= width) {
      run.push(k);
      since = 0;
    } else if (++since > LETTER_GAP) close();
  }
  close();
  return out;
}

/** Rows printing no letter of the label between two that do, at most. */
const LETTER_GAP = 2;

/**
 * Level names a narrow merged cell wraps around its row's line (`可持续影响` / `办公场所租赁年限 1年` / `指标`; two
 * columns at once: `满意度 服务对象` / `使用人员满意度 基本满意` / `指标 满意度指标`): a row opening with level-name
 * starts (alone, or before a row's cells: `满意度 网络使用人满意度 >=90%` / `服务对象满意度指标` / `指标 乘客满意度
 * >=80%`), a row without a piece of a level name, then a row opening with the rest of each, one for one. Each name is
 * joined on the row it starts, and its rest taken off the row after.
 */
function joinLevelsAroundRow(words: string[][], join: (from: number, head: string, to: number, tail: string, at: number) => string): void {
  const nextRow = (k: number) => {
    for (let j = k + 1; j < words.length; j++) if (words[j].length) return j;
    return -1;
  };
  const levelWord = (w: string) => isLevelName(w) || startsLevelName(w) || endsLevelName(w);
  for (let a = 0; a < words.length; a++) {
    // 社会效益 is a 一级 name of the 部门整体 template and the start of the 二级 社会效益指标: the rest decides.
    const opens = (h: string) => startsLevelName(h) || isLevel1(h);
    // The grid's label printed before them in the margin (`绩效目标指标 产出指` / row / `标`) is no piece of a name.
    const label = words[a].length > 1 && isGridLabel(words[a][0]) ? 1 : 0;
    const count = words[a].findIndex((h, i) => i >= label && !opens(h));
    const heads = words[a].slice(label, count < 0 ? words[a].length : count);
    if (heads.length === 0) continue;
    const b = nextRow(a);
    const c = b < 0 ? -1 : nextRow(b);
    if (c < 0) continue;
    // The row between prints no piece of a level name (its own whole 二级 name may stand first: `成本指` / `经济成本指标
    // 科普活动专项业务经费总额 ≤80万元` / `标`), and does not go on with the last name (the next line's wrap, read below).
    const between = words[b].filter((w, i) => !(i === 0 && isLevelName(w)));
    if (between.some(levelWord) || completesLevelName(heads[heads.length - 1], words[b][0]) || words[c].length < heads.length) continue;
    if (!heads.every((head, i) => completesLevelName(head, words[c][i]))) continue;
    words[a] = [...words[a].slice(0, label), ...heads.map((head, i) => join(a, head, c, words[c][i], a)), ...words[a].slice(label + heads.length)];
    words[c] = words[c].slice(heads.length);
  }
}

function nextWords(words: readonly string[][], k: number): readonly string[] | null {
  for (let j = k + 1; j < words.length; j++) if (words[j].length) return words[j];
  return null;
}

/**
 * Lines of a row's name that no value followed before its group ended: they stay printed as they are (the form's
 * `printed`), and the form is flagged.
 */
function valueless(lines: readonly Pending[], flags: string[]): void {
  if (lines.length) flags.push(`${linesCalled(lines[0].no, lines[lines.length - 1].no)}没有认出指标值，按原样保留`);
}

/** 第 12 行, 第 12–14 行: lines as a flag names them. */
function linesCalled(first: number, last: number): string {
  return first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`;
}

interface Pending {
  text: string;
  no: number;
  words: number;
  /** The line's row as printed where the line prints its 二级 name before its words (readSpacedBody `ownRow`). */
  row?: { level1: string | null; level2: string | null; words: string[] };
  /** The level names the line prints before its words, each as printed (its pieces, a wrapped name's on their lines). */
  levels?: Array<LevelMet & { pieces: LinePiece[] }>;
}

/** A value cell: a value by its form, a qualitative target, or a list of them, one for each indicator a name lists. */
function isValueCell(word: string): boolean {
  return looksLikeValue(word) || looksQualitative(word) || looksLikeValueList(word);
}

/** A line of one word that is a value by its form, or a qualitative target. */
function valueLine(words: readonly string[] | null): boolean {
  return words != null && words.length === 1 && !isLevelName(words[0]) && isValueCell(words[0]);
}

/** The pieces of a date, as an extraction sets them a space apart (`2021 年 12 月`). */
const DATE_PIECE = /^(?:\d{1,4}[年月日]?|[年月日])$/;

/** Splits the target value off the end of a row's tokens: `≤210元/人/天`, `≥ 95%`, `≥135 万元`, `有效巩固`, `2021 年 12 月`. */
function splitValue(tokens: readonly string[], hasPending: boolean): { name: string[]; value: string } | null {
  const n = tokens.length;
  if (n === 0) return null;
  // A date printed in pieces: the longest run of them at the end that joins into a date (年, 月, 日 each once at most).
  for (let k = Math.min(n - (hasPending ? 0 : 1), 6); k >= 2; k--) {
    const pieces = tokens.slice(n - k);
    const date = pieces.join('');
    if (pieces.every((t) => DATE_PIECE.test(foldFigures(t))) && /^\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?$/.test(foldFigures(date))) return { name: tokens.slice(0, n - k), value: date };
  }
  const lastTok = tokens[n - 1];
  // A figure a space before its counted unit is a figure with a counted unit (北京 民政局 2026, spaces collapsed: `18000
  // 元/人/年`, its name wrapped around the line).
  if (n >= 2 && isUnitToken(lastTok) && (looksLikeValue(tokens[n - 2]) || looksLikeValue(`${tokens[n - 2]}${lastTok}`))) {
    return { name: tokens.slice(0, n - 2), value: `${tokens[n - 2]}${lastTok}` };
  }
  if (n >= 2 && /^(?:[≥≤><=＝]|>=|<=)$/.test(tokens[n - 2]) && looksLikeValue(`${tokens[n - 2]}${lastTok}`)) {
    return { name: tokens.slice(0, n - 2), value: `${tokens[n - 2]}${lastTok}` };
  }
  if (isValueCell(lastTok) && (n >= 2 || hasPending)) {
    return { name: tokens.slice(0, n - 1), value: lastTok };
  }
  return null;
}

/**
 * Reads the rows of a 4-column 绩效目标表 printed one row per line with single spaces (三级指标 then 指标值), with
 * 一级/二级 names on lines of their own or in front of the row, and 三级 names wrapped over several lines.
 * Stops at the next outline heading; text left without a value at the end is not part of the table. The rows are its
 * lines' words (layout/blocks.ts), page furniture marked by their block: a page number is no row, nor a piece of one.
 * A value is known by its form; where only a figure at a line's end tells one (部门从业人员 1318), or a name is joined
 * from lines one of which prints more than a piece of a name, the form is flagged.
 */
export function readSpacedBody(body: readonly BlockRow[]): SpacedBody {
  const state: LevelState = { level1: null, level2: null };
  const indicators: Indicator[] = [];
  const flags: string[] = [];
  const apart: LinePiece[] = [];
  const joins: Joins = new Map();
  const words = rowWords(body, apart, joins);
  // The level names as printed, each piece on its line: where the text keeps its lines, their cells are placed by it.
  const pieces: Record<LevelMet['role'], LinePiece[]> = { level1: [], level2: [] };
  // A drawn form's cells centred on their rows, where the text keeps its lines' places (a line keeps an indent): told
  // by the grid's own lines, through the last holding a value, not by the next form's title nor a header printed again
  // on a new page (喀什 2021: those indented, its forms' rows not).
  const end = body.findIndex((r) => isOutlineHeading(r.line.text));
  const within = end < 0 ? body : body.slice(0, end);
  const lastValue = within.findLastIndex((r, k) => words[k].length > 0 && isValueCell(words[k][words[k].length - 1]));
  const gridLines = within.slice(0, lastValue + 1).filter((r) => !r.furniture && !isIndicatorHeader(r.line.text));
  const centred = !isReadingOrder(gridLines.map((r) => r.line));
  const rows: RowRead[] = [];
  let pending: Pending[] = [];
  // Lines of level names alone met while a row's name was pending, with the levels they left in force.
  let levelLines: { no: number; level1: string | null; level2: string | null }[] = [];
  let crossed = false;
  // Whether a line of level names alone opened a group since the last row (reading order: its row follows it).
  let opened = false;
  let last = 0;
  for (let k = 0; k < body.length; k++) {
    const { line, furniture } = body[k];
    let tokens = words[k];
    if (tokens.length === 0 || furniture || isIndicatorHeader(line.text)) continue;
    if (isOutlineHeading(line.text)) break;
    // The grid's label alone on its line, or its wrapped header label's last piece (`一级指` over the header's line,
    // `标` under it) before any row or level: the grid's, not a piece of the first row's name.
    const headerTail = indicators.length === 0 && pending.length === 0 && state.level1 == null && state.level2 == null && tokens.every(endsLevelName);
    if ((tokens.length === 1 && isGridLabel(tokens[0])) || headerTail) {
      apart.push(...tokens.map((text) => ({ text, line: line.no })));
      continue;
    }
    // The grid's label before a row's cells, in the margin: a level name or, the levels printed elsewhere, the name
    // (福州 科技局 2026, spaces collapsed: `绩效目标指标 培训计划按期完成`).
    if (tokens.length > 1 && isGridLabel(tokens[0])) {
      apart.push({ text: tokens[0], line: line.no });
      tokens = tokens.slice(1);
    }
    const next = nextWords(words, k);
    const before = { ...state };
    const met: LevelMet[] = [];
    let rest = takeLevels(tokens, state, next?.[0] ?? null, met);
    // A 三级 name that repeats the 二级 name in force (服务对象满意度指标 ≥90% under 服务对象满意度指标) is the row's.
    const repeated = tokens.length >= 2 && rest.length === 1 && compact(tokens[tokens.length - 2]) === before.level2;
    if (repeated && pending.length === 0 && looksLikeValue(rest[0])) {
      rest = tokens.slice(-2);
      met.pop();
    }
    // Each level name as printed, its pieces on their lines (a wrapped name's), read once for both uses below.
    const levels = met.map((m) => ({ ...m, pieces: joins.get(k)?.get(m.text) ?? [{ text: m.text, line: line.no }] }));
    for (const { role, pieces: printed } of levels) pieces[role].push(...printed);
    // Level names met amid a row's name: a merged cell centred on its rows (text made single-space from `-layout`)
    // prints them there, a row with no value ends before them (`-raw`); which, the text does not tell.
    // In reading order, a row that prints its own 二级 name and two words, no value known by its form, before a line
    // printing another 二级 name is a row of its own: a qualitative value said in a phrase (烟台 水务局 2026 `-raw` L1127
    // `绩效指标 效益指标 社会效益指标 保障地方政府公信力 有效保障，避免信用风险`, then `… 生态效益指标 项目的可持续性
    // 可持续`; 西安 交通运输局 2022 `-raw` L2337 `生态效益指标 道路通行环境 绿、洁、畅、通`, then `可持续影响指标` alone),
    // the 三级 name and the value a word each. Read as a piece of the next row's name, the two rows were one, and the
    // first's 二级 name was in no field.
    const own = pending.length === 1 ? pending[0].row : undefined;
    if (own && !centred && met.some((m) => m.role === 'level2') && state.level2 !== before.level2) {
      const [name, value] = own.words;
      flags.push(`第 ${pending[0].no} 行的指标值「${value}」只凭它在行中的位置读出，文本无法确定它不是指标名称的一部分`);
      const printed = (pending[0].levels ?? []).map((l) => l.role);
      rows.push({ level1: own.level1, level2: own.level2, above: [], below: [], onLine: [name], value, line: pending[0].no, crossed: false, printed });
      last = pending[0].no;
      pending = [];
      levelLines = [];
      opened = false;
    }
    if (pending.length > 0 && (state.level1 !== before.level1 || state.level2 !== before.level2)) {
      // In reading order, lines pending under a line of level names alone (a group opened, no row read in it yet)
      // before a line of other level names and a name are the opened group's row, its value not known: kept as
      // printed and flagged, not read into the next row (烟台 水务局 2026 `-raw` L1177 `绩效指标 效益指标 社会效益指标`,
      // L1178–L1183 its row's name and value said in sentences, L1184 `绩效指标 效益指标 可持续影响指标 促进汛旱应急与
      // 节水知识宣`). Not after a row: a wrapped name may print its first lines over its row's level names (a cell
      // centred on its row); nor before level names alone: `pdftotext`'s default order prints a row's value after the
      // next row's level names (烟台 L4734–L4742).
      if (!centred && rest.length > 0 && opened) {
        valueless(pending, flags);
        pending = [];
        levelLines = [];
        opened = false;
      } else crossed = true;
    }
    if (rest.length === 0) {
      if (pending.length === 0) {
        last = line.no;
        opened = true;
      } else levelLines.push({ no: line.no, level1: state.level1, level2: state.level2 });
      continue;
    }
    // A lone word read as a qualitative value only for the name before it is a piece of that name when a value's line
    // follows (提供良好履职基础，提高服务 / 社会发展能力 / 有所提升); a value by its form (≥100%) is one, and so is a
    // grade alone (北京 民政局 2026, spaces collapsed: `…需求基本得到` / `可持续影响指标 优` / `满足`).
    // The value's line may open with its row's level names (福州 科技局 2026, spaces collapsed: `培训计划按期完成` /
    // `产出指标 质量指标 =100%` / `率`).
    const valueNext = next && takeLevels(next, { ...state }, null);
    const namePiece = rest.length === 1 && !looksLikeValue(rest[0]) && !looksLikeValueList(rest[0]) && !isGrade(rest[0]) && valueLine(valueNext);
    let split = namePiece ? null : splitValue(rest, pending.length > 0);
    if (!split && rest.length >= 2 && holdsFigure(rest[rest.length - 1])) {
      split = { name: rest.slice(0, -1), value: rest[rest.length - 1] };
      flags.push(`第 ${line.no} 行的指标值「${split.value}」只凭行末的数字读出，文本无法确定它不是指标名称的一部分`);
    }
    // A value by its form alone on its line, no line of a name before it, in a drawn form: its name's cell is printed
    // lower, beside the next row's (福州 科技局 2026, spaces collapsed: `数量指标 ≥1次` / `科技会议召开次数`), and the
    // centring gives it the lines below (centredNames).
    if (!split && centred && pending.length === 0 && rest.length === 1 && looksLikeValue(rest[0]) && next && !valueLine(next) && !isLevelName(next[0])) {
      split = { name: [], value: rest[0] };
    }
    if (!split) {
      const ownRow = pending.length === 0 && rest.length === 2 && met.some((m) => m.role === 'level2');
      pending.push({
        text: rest.join(' '),
        no: line.no,
        words: rest.length,
        ...(ownRow && { row: { level1: state.level1, level2: state.level2, words: rest } }),
        ...(levels.length > 0 && { levels }),
      });
      continue;
    }
    // A level name the row does not keep (经济效益指标 alone, then 社会效益指标 with the row) heads a group of no rows:
    // what was pending before it is no piece of this row's name, and stays printed. Not where the text keeps its
    // lines: there the cells are placed by their centring, a cell without rows among them, and so are the names' lines
    // (a 二级 name wrapped around the row's line read before its 一级 name: `服务对象满意度` / `满意度指标 职工满意度 ≥80%`
    // / `指标`).
    const replaced = centred ? [] : levelLines.filter(
      (l) => (l.level2 !== null && l.level2 !== state.level2) || (l.level1 !== null && l.level1 !== state.level1),
    );
    const cut = replaced.length > 0 ? replaced[replaced.length - 1].no : 0;
    valueless(pending.filter((p) => p.no < cut), flags);
    rows.push({
      level1: state.level1,
      level2: state.level2,
      above: pending.filter((p) => p.no > cut),
      below: [],
      onLine: split.name,
      value: split.value,
      line: line.no,
      crossed: crossed && cut === 0,
      printed: met.map((m) => m.role),
    });
    pending = [];
    levelLines = [];
    crossed = false;
    opened = false;
    last = line.no;
  }
  if (centred) flags.push(...centredNames(rows), ...centredLevels(rows, pieces).flags.map((f) => f.text));
  for (const row of rows) {
    const own = [...row.above, ...row.below];
    // A line of the name that printed level names the row does not keep (a row whose value was not known, read into
    // this one, flagged below as a name joined from lines): the names are kept as printed, in no field else.
    for (const p of own) for (const m of p.levels ?? []) if (row[m.role] !== m.text) apart.push(...m.pieces);
    const first = row.above.length ? row.above[0].no : row.line;
    const end = row.below.length ? row.below[row.below.length - 1].no : row.line;
    // A line of the name that prints two words, or a figure, may print a value the reader did not know by its form.
    if (own.length > 0 && (row.crossed || own.some((p) => p.words > 1 || holdsFigure(p.text)))) {
      flags.push(`${linesCalled(first, end)}的指标名称由几行拼成，其中可能夹有没能认出的指标值，文本无法确定`);
    }
    indicators.push(
      toIndicator({
        level1: row.level1,
        level2: row.level2,
        name: joinWrapped([...row.above.map((p) => p.text), row.onLine.join(' '), ...row.below.map((p) => p.text)]),
        value: row.value,
        lines: { first, last: end },
      }),
    );
  }
  return { indicators, flags, last: Math.max(last, ...indicators.map((i) => i.lines.last)), apart: apart.sort((a, b) => a.line - b.line) };
}

/**
 * Each row's 一级 and 二级 names from the cells centred on it (level-cells.ts), where the text keeps its lines: a merged
 * cell is printed once in the middle of its rows, below the first of them (福州 科技局 2026, spaces collapsed:
 * `开展科普进校园活动次数 ≥10场` / `数量指标` / `开展科普进社区活动次数 ≥10场`), which reading down the lines gives to
 * the cell above. A column printing no name keeps the reading's. A row the centring gives to either of two cells is
 * under neither, flagged. Mutates `rows`.
 */
export function centredLevels(rows: CentredRow[], pieces: Record<LevelMet['role'], LinePiece[]>): { flags: Array<{ row: number; text: string }>; placed: PlacedCell[] } {
  const lines = rows.map((r) => r.line);
  const { placed, uncertain } = placeLevelCells(lines, pieces, undefined, undefined, true);
  const read = rows.map(({ level1, level2 }) => ({ level1, level2 }));
  for (const { role, cell, rows: group } of placed) for (const k of group) if (!rows[k].printed.includes(role)) rows[k][role] = cell.text;
  // Where the centring puts a 二级 name under a 一级 name it cannot stand under (a form its text garbles), the reading's
  // names stay.
  for (const [k, r] of rows.entries()) if (r.level1 != null && r.level2 != null && !standsUnder(r.level1, r.level2)) Object.assign(r, read[k]);
  const flags = uncertain.filter((u) => !rows[u.row].printed.includes(u.role)).map((u) => {
    rows[u.row][u.role] = null;
    return { row: u.row, text: uncertainFlag(lines[u.row], u) };
  });
  return { flags, placed };
}

/** A row whose levels the centring places: its names as read, its value's line and the levels that line prints. */
export type CentredRow = Pick<RowRead, 'level1' | 'level2' | 'line' | 'printed'>;

/**
 * The level names each line of a grid opens with, read down its lines as the single-space reader reads them
 * (takeLevels), a name a narrow cell wraps over lines joined (rowWords), each with its pieces as printed: for a reader
 * of such a grid's rows by another template that places their cells by their centring (template-order.ts). Page
 * furniture and header lines print none.
 */
export function levelsOnLines(body: readonly BlockRow[]): { met: LevelMet[][]; pieces: Record<LevelMet['role'], LinePiece[]> } {
  const joins: Joins = new Map();
  const words = rowWords(body, [], joins);
  const state: LevelState = { level1: null, level2: null };
  const pieces: Record<LevelMet['role'], LinePiece[]> = { level1: [], level2: [] };
  const met = body.map(({ line, furniture }, k) => {
    const out: LevelMet[] = [];
    if (furniture || isIndicatorHeader(line.text)) return out;
    takeLevels(words[k], state, nextWords(words, k)?.[0] ?? null, out);
    for (const { role, text } of out) pieces[role].push(...(joins.get(k)?.get(text) ?? [{ text, line: line.no }]));
    return out;
  });
  return { met, pieces };
}

/** A row read: its levels, its value's line, the words of its name on that line and its name's lines above and below. */
interface RowRead {
  level1: string | null;
  level2: string | null;
  above: Pending[];
  below: Pending[];
  onLine: string[];
  value: string;
  line: number;
  /** Level names were met amid the lines of its name (readSpacedBody `crossed`). */
  crossed: boolean;
  /** The levels whose names its value's line prints: a cell printed on a row's line is that row's. */
  printed: LevelMet['role'][];
}

/** Lines that follow each other, the last of them at `end` (or none). */
function runEndingAt(lines: readonly Pending[], end: number): boolean {
  return lines.every((p, i) => p.no === end - (lines.length - 1 - i));
}

/**
 * Whether a row's name lies as a drawn cell centred on its row prints it: its lines one run through the value's line,
 * as many above it as below, one more on either side at most; a name not on the value's line has lines on both sides,
 * or, where the reading met its value before any line of a name, a line below.
 */
function centredOn(row: RowRead, above: readonly Pending[], below: readonly Pending[]): boolean {
  if (!runEndingAt(above, row.line - 1) || !below.every((p, i) => p.no === row.line + 1 + i)) return false;
  if (Math.abs(above.length - below.length) > 1) return false;
  return row.onLine.length > 0 || (below.length > 0 && (above.length > 0 || row.above.length === 0));
}

/**
 * The lines of names between two rows' value lines, shared between the two as a drawn cell centred on its row prints
 * them (text made single-space from a layout that keeps lines: a name's last piece printed under its value, `泵站运行
 * 电费统计真实准确 =100%` / `率`, the next name's first over its own). The reading puts every such line under the row
 * below; each gap is cut where every reading centring all the rows cuts it, one such reading at least being there.
 * Where the centring allows several cuts of a gap, the reading's own cut is kept if it is one of them, else the one
 * giving the lower row most, and the rows are flagged: whose the lines are, the text does not tell. Mutates `rows`.
 */
function centredNames(rows: RowRead[]): string[] {
  const n = rows.length;
  if (n === 0) return [];
  // give[i]: how many of row i + 1's lines above (from the top) row i takes below it; none after the last row.
  const options = (i: number) => (i + 1 < n ? rows[i + 1].above.length : 0);
  const centres = (i: number, took: number, give: number) =>
    centredOn(rows[i], rows[i].above.slice(took), i + 1 < n ? rows[i + 1].above.slice(0, give) : []);
  // A row no cut centres (福州 科技局 2026, spaces collapsed: its name's last piece 标 read as the end of the level name
  // 服务对象满意度指标, its first left over it alone) keeps the lines the reading gave it and takes none of the next
  // gap's: the other rows are still cut by their centring.
  const range = (count: number) => Array.from({ length: count + 1 }, (_, k) => k);
  const centrable = rows.map((row, i) => range(row.above.length).some((took) => range(options(i)).some((give) => centres(i, took, give))));
  const fits = (i: number, took: number, give: number) => (centrable[i] ? centres(i, took, give) : give === 0);
  // ways[i][g]: whether rows 0..i can be centred with row i taking g lines of the next gap (and from the end, after).
  const forward: boolean[][] = [];
  for (let i = 0; i < n; i++) {
    forward.push(Array.from({ length: options(i) + 1 }, (_, g) => {
      if (i === 0) return fits(0, 0, g);
      return forward[i - 1].some((ok, took) => ok && fits(i, took, g));
    }));
  }
  if (!forward[n - 1][0]) return [];
  const backward: boolean[][] = Array.from({ length: n }, (_, i) => Array.from({ length: options(i) + 1 }, () => false));
  backward[n - 1][0] = true;
  for (let i = n - 2; i >= 0; i--) {
    for (let g = 0; g <= options(i); g++) backward[i][g] = backward[i + 1].some((ok, give) => ok && fits(i + 1, g, give));
  }
  const flags: string[] = [];
  let took = 0;
  const cuts: number[] = [];
  for (let i = 0; i < n; i++) {
    const possible = Array.from({ length: options(i) + 1 }, (_, g) => g).filter((g) => fits(i, took, g) && backward[i][g]);
    const everywhere = forward[i].flatMap((ok, g) => (ok && backward[i][g] ? [g] : []));
    const give = possible.includes(0) ? 0 : possible[0];
    if (everywhere.length > 1 && rows[i + 1]) {
      const lines = rows[i + 1].above;
      flags.push(`${linesCalled(lines[0].no, lines[lines.length - 1].no)}的指标名称文字属于第 ${rows[i].line} 行还是第 ${rows[i + 1].line} 行的指标，文本无法确定，暂归后者`);
    }
    cuts.push(give);
    took = give;
  }
  cuts.forEach((give, i) => {
    if (give === 0) return;
    rows[i].below = rows[i + 1].above.slice(0, give);
    rows[i + 1].above = rows[i + 1].above.slice(give);
  });
  return flags;
}
