import type { Indicator } from '../../schema/performance.ts';
import type { BlockRow } from '../layout/blocks.ts';
import { toIndicator } from './indicator-row.ts';
import { isOutlineHeading, takeLevels, type LevelState } from './level-state.ts';
import { isIndicatorHeader } from './tabbed.ts';
import { joinWrapped } from './text.ts';
import { isUnitToken, looksLikeValue, looksQualitative } from './value.ts';

export interface SpacedBody {
  indicators: Indicator[];
  flags: string[];
  last: number;
}

function nextFirstToken(body: readonly BlockRow[], k: number): string | null {
  for (let j = k + 1; j < body.length; j++) if (body[j].cells.length) return body[j].cells[0].text;
  return null;
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
  if (looksLikeValue(lastTok) && (n >= 2 || hasPending)) return { name: tokens.slice(0, n - 1), value: lastTok };
  if (looksQualitative(lastTok) && (n >= 2 || hasPending)) return { name: tokens.slice(0, n - 1), value: lastTok };
  return null;
}

/**
 * Reads the rows of a 4-column 绩效目标表 printed one row per line with single spaces (三级指标 then 指标值), with
 * 一级/二级 names on lines of their own or in front of the row, and 三级 names wrapped over several lines.
 * Stops at the next outline heading; text left without a value at the end is not part of the table. The rows are its
 * lines' words (layout/blocks.ts), page furniture marked by their block: a page number is no row, nor a piece of one.
 */
export function readSpacedBody(body: readonly BlockRow[]): SpacedBody {
  const state: LevelState = { level1: null, level2: null };
  const indicators: Indicator[] = [];
  let pending: { text: string; no: number }[] = [];
  // Lines of level names alone met while a row's name was pending, with the levels they left in force.
  let levelLines: { no: number; level1: string | null; level2: string | null }[] = [];
  let last = 0;
  for (let k = 0; k < body.length; k++) {
    const { line, cells, furniture } = body[k];
    const tokens = cells.map((c) => c.text);
    if (tokens.length === 0 || furniture || isIndicatorHeader(line.text)) continue;
    if (isOutlineHeading(line.text)) break;
    const rest = takeLevels(tokens, state, nextFirstToken(body, k));
    if (rest.length === 0) {
      if (pending.length === 0) last = line.no;
      else levelLines.push({ no: line.no, level1: state.level1, level2: state.level2 });
      continue;
    }
    const split = splitValue(rest, pending.length > 0);
    if (!split) {
      pending.push({ text: rest.join(' '), no: line.no });
      continue;
    }
    // A level name the row does not keep (经济效益指标 alone, then 社会效益指标 with the row) heads a group of no rows:
    // what was pending before it is no piece of this row's name, and stays printed.
    const replaced = levelLines.filter(
      (l) => (l.level2 !== null && l.level2 !== state.level2) || (l.level1 !== null && l.level1 !== state.level1),
    );
    const cut = replaced.length > 0 ? replaced[replaced.length - 1].no : 0;
    const own = pending.filter((p) => p.no > cut);
    const first = own.length ? own[0].no : line.no;
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
    last = line.no;
  }
  return { indicators, flags: [], last };
}
