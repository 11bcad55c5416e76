import type { Indicator } from '../../schema/performance.ts';
import type { BlockRow } from '../layout/blocks.ts';
import { toIndicator } from './indicator-row.ts';
import type { LinePiece } from './level-cells.ts';
import { isOutlineHeading, takeLevels, type LevelState } from './level-state.ts';
import { completesLevelName, isLevel1, isLevelName, startsLevelName } from './levels.ts';
import { isIndicatorHeader } from './tabbed.ts';
import { isGridLabel } from './header-roles.ts';
import { compact, joinWrapped } from './text.ts';
import { holdsFigure, isUnitToken, looksLikeValue, looksLikeValueList, looksQualitative } from './value.ts';

export interface SpacedBody {
  indicators: Indicator[];
  flags: string[];
  last: number;
  /** The grid's label printed in front of a row's level names (烟台's 绩效指标), kept as printed on its line. */
  apart: LinePiece[];
}

/**
 * Each row's words, none for page furniture; a level name wrapped onto the next printed line (经济效益 / 指标, 服务对象 /
 * 满意度指标, 服务对象满意度 / 指标: a narrow merged cell) is joined on the line it starts, and its rest taken off the
 * line it ends.
 */
function rowWords(body: readonly BlockRow[]): string[][] {
  const words = body.map((r) => (r.furniture ? [] : r.cells.map((c) => c.text)));
  let prev = -1;
  for (let k = 0; k < words.length; k++) {
    if (words[k].length === 0) continue;
    if (prev >= 0) {
      const before = words[prev];
      const head = before[before.length - 1];
      const tail = words[k][0];
      if ((startsLevelName(head) || isLevel1(head)) && completesLevelName(head, tail)) {
        before[before.length - 1] = `${head}${tail}`;
        words[k] = words[k].slice(1);
        if (words[k].length === 0) continue;
      }
    }
    prev = k;
  }
  return words;
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
    if (pieces.every((t) => DATE_PIECE.test(t)) && /^\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?$/.test(date)) return { name: tokens.slice(0, n - k), value: date };
  }
  const lastTok = tokens[n - 1];
  if (n >= 2 && isUnitToken(lastTok) && looksLikeValue(tokens[n - 2])) {
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
  const words = rowWords(body);
  let pending: Pending[] = [];
  // Lines of level names alone met while a row's name was pending, with the levels they left in force.
  let levelLines: { no: number; level1: string | null; level2: string | null }[] = [];
  let crossed = false;
  let last = 0;
  for (let k = 0; k < body.length; k++) {
    const { line, furniture } = body[k];
    let tokens = words[k];
    if (tokens.length === 0 || furniture || isIndicatorHeader(line.text)) continue;
    if (isOutlineHeading(line.text)) break;
    if (tokens.length > 1 && isGridLabel(tokens[0]) && isLevelName(tokens[1])) {
      apart.push({ text: tokens[0], line: line.no });
      tokens = tokens.slice(1);
    }
    const next = nextWords(words, k);
    const before = { ...state };
    let rest = takeLevels(tokens, state, next?.[0] ?? null);
    // A 三级 name that repeats the 二级 name in force (服务对象满意度指标 ≥90% under 服务对象满意度指标) is the row's.
    const repeated = tokens.length >= 2 && rest.length === 1 && compact(tokens[tokens.length - 2]) === before.level2;
    if (repeated && pending.length === 0 && looksLikeValue(rest[0])) rest = tokens.slice(-2);
    // Level names met amid a row's name: a merged cell centred on its rows (text made single-space from `-layout`)
    // prints them there, a row with no value ends before them (`-raw`); which, the text does not tell.
    if (pending.length > 0 && (state.level1 !== before.level1 || state.level2 !== before.level2)) crossed = true;
    if (rest.length === 0) {
      if (pending.length === 0) last = line.no;
      else levelLines.push({ no: line.no, level1: state.level1, level2: state.level2 });
      continue;
    }
    // A lone word read as a qualitative value only for the name before it is a piece of that name when a value's line
    // follows (提供良好履职基础，提高服务 / 社会发展能力 / 有所提升); a value by its form (≥100%) is one.
    const namePiece = rest.length === 1 && !looksLikeValue(rest[0]) && !looksLikeValueList(rest[0]) && valueLine(next);
    let split = namePiece ? null : splitValue(rest, pending.length > 0);
    if (!split && rest.length >= 2 && holdsFigure(rest[rest.length - 1])) {
      split = { name: rest.slice(0, -1), value: rest[rest.length - 1] };
      flags.push(`第 ${line.no} 行的指标值「${split.value}」只凭行末的数字读出，文本无法确定它不是指标名称的一部分`);
    }
    if (!split) {
      pending.push({ text: rest.join(' '), no: line.no, words: rest.length });
      continue;
    }
    // A level name the row does not keep (经济效益指标 alone, then 社会效益指标 with the row) heads a group of no rows:
    // what was pending before it is no piece of this row's name, and stays printed.
    const replaced = levelLines.filter(
      (l) => (l.level2 !== null && l.level2 !== state.level2) || (l.level1 !== null && l.level1 !== state.level1),
    );
    const cut = replaced.length > 0 ? replaced[replaced.length - 1].no : 0;
    valueless(pending.filter((p) => p.no < cut), flags);
    const own = pending.filter((p) => p.no > cut);
    const first = own.length ? own[0].no : line.no;
    // A line of the name that prints two words, or a figure, may print a value the reader did not know by its form.
    if (own.length > 0 && ((crossed && cut === 0) || own.some((p) => p.words > 1 || holdsFigure(p.text)))) {
      flags.push(`${linesCalled(first, line.no)}的指标名称由几行拼成，其中可能夹有没能认出的指标值，文本无法确定`);
    }
    indicators.push(
      toIndicator({
        level1: state.level1,
        level2: state.level2,
        name: joinWrapped([...own.map((p) => p.text), split.name.join(' ')]),
        value: split.value,
        lines: { first, last: line.no },
      }),
    );
    pending = [];
    levelLines = [];
    crossed = false;
    last = line.no;
  }
  return { indicators, flags, last, apart };
}
