import type { Indicator } from '../../schema/performance.ts';
import type { BlockRow } from '../layout/blocks.ts';
import { toIndicator } from './indicator-row.ts';
import { isLevel2 } from './levels.ts';
import { isOutlineHeading, takeLevels, type LevelState } from './level-state.ts';
import { isIndicatorHeader } from './tabbed.ts';
import { compact, joinWrapped } from './text.ts';
import { foldFigures } from '../../core/width.ts';
import { isUnitToken, looksLikeValue } from './value.ts';

export interface DescribedBody {
  indicators: Indicator[];
  flags: string[];
  last: number;
}

interface Token {
  text: string;
  line: number;
}

/** The first target value in a token stream: an operator/percent/date token, or a number with a count unit. */
function findValue(tokens: readonly Token[]): { start: number; end: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    const next = tokens[i + 1]?.text;
    const withUnit = next != null && isUnitToken(next) && /\d$/.test(foldFigures(t));
    if (withUnit && looksLikeValue(`${t}${next}`)) return { start: i, end: i + 1 };
    if (looksLikeValue(t)) return { start: i, end: i };
  }
  return null;
}

function joinTokens(tokens: readonly Token[]): string {
  const parts: string[] = [];
  tokens.forEach((t, i) => {
    if (i > 0 && tokens[i - 1].line === t.line) parts.push(`${parts.pop()} ${t.text}`);
    else parts.push(t.text);
  });
  return joinWrapped(parts);
}

/**
 * A row without a numeric target: the description column wraps at a fixed width, so the description ends with
 * its first line shorter than the one before; the next line starts with the value, the basis follows.
 */
function qualitativeSplit(
  tail: readonly Token[],
  lines: readonly Token[][],
): { description: Token[]; value: Token[]; basis: Token[] } | null {
  if (tail.length > 0) {
    if (lines.length === 0) return null;
    return { description: [...tail], value: lines[0].slice(0, 1), basis: [...lines[0].slice(1), ...lines.slice(1).flat()] };
  }
  for (let k = 1; k < lines.length - 1; k++) {
    const width = (l: readonly Token[]) => compact(l.map((t) => t.text).join(''));
    if (width(lines[k]).length < width(lines[k - 1]).length) {
      const valueLine = lines[k + 1];
      return {
        description: lines.slice(0, k + 1).flat(),
        value: valueLine.slice(0, 1),
        basis: [...valueLine.slice(1), ...lines.slice(k + 2).flat()],
      };
    }
  }
  return null;
}

/**
 * Reads a 6-column 绩效目标表 (三级指标, 绩效指标描述, 指标值, 指标值确定依据) whose cells wrap over several lines:
 * a row starts with a 二级 name; the value is the first target-looking token after the 三级 name; the description
 * is what lies before it and the basis what follows. The rows are its lines' words (layout/blocks.ts), page furniture
 * marked by their block: a page number is no row, nor a piece of one.
 */
export function readDescribedBody(body: readonly BlockRow[]): DescribedBody {
  const state: LevelState = { level1: null, level2: null };
  const indicators: Indicator[] = [];
  const flags: string[] = [];
  let last = 0;
  interface Row {
    level1: string | null;
    level2: string | null;
    name: string;
    tail: Token[];
    lines: Token[][];
    first: number;
    last: number;
  }
  let row: Row | null = null;

  const finish = () => {
    if (!row) return;
    const stream = [...row.tail, ...row.lines.flat()];
    const found = findValue(stream);
    let description: Token[];
    let value: Token[];
    let basis: Token[];
    if (found) {
      description = stream.slice(0, found.start);
      value = stream.slice(found.start, found.end + 1);
      basis = stream.slice(found.end + 1);
    } else {
      const q = qualitativeSplit(row.tail, row.lines);
      if (q) ({ description, value, basis } = q);
      else {
        description = stream;
        value = [];
        basis = [];
        flags.push(`第 ${row.first} 行「${row.name}」：无法从指标说明中分出指标值`);
      }
    }
    indicators.push(
      toIndicator({
        level1: row.level1,
        level2: row.level2,
        name: row.name,
        value: value.map((t) => t.text).join(''),
        description: joinTokens(description),
        basis: joinTokens(basis),
        lines: { first: row.first, last: row.last },
      }),
    );
    last = row.last;
    row = null;
  };

  for (let k = 0; k < body.length; k++) {
    const { line, cells, furniture } = body[k];
    const tokens = cells.map((c) => c.text);
    if (tokens.length === 0 || furniture) continue;
    if (isIndicatorHeader(line.text)) {
      finish();
      continue;
    }
    if (isOutlineHeading(line.text)) break;
    const startsLevel = tokens.some((t, i) => i < 2 && (isLevel2(t) || compact(t).endsWith('指标')));
    if (startsLevel) {
      const before = { ...state };
      const rest = takeLevels(tokens, state, null);
      if (rest.length < tokens.length) {
        finish();
        if (rest.length === 0 && state.level2 === before.level2) {
          last = line.no;
          continue;
        }
        if (rest.length > 0) {
          row = {
            level1: state.level1,
            level2: state.level2,
            name: rest[0],
            tail: rest.slice(1).map((text) => ({ text, line: line.no })),
            lines: [],
            first: line.no,
            last: line.no,
          };
        }
        continue;
      }
    }
    if (!row) continue;
    row.lines.push(tokens.map((text) => ({ text, line: line.no })));
    row.last = line.no;
  }
  finish();
  return { indicators, flags, last };
}
