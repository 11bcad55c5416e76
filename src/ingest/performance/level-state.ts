import { isLevel1, isLevel2, isLevelName, standsUnder } from './levels.ts';
import { compact } from './text.ts';
import { markerOf } from '../../core/outline.ts';

/** The 一级/二级 names in force: the templates print them once, in a merged cell, for several rows. */
export interface LevelState {
  level1: string | null;
  level2: string | null;
}

/** A level name a line printed, as takeLevels read it. */
export interface LevelMet {
  role: 'level1' | 'level2';
  text: string;
}

function setLevel1(state: LevelState, name: string, met?: LevelMet[]): void {
  if (name !== state.level1) state.level2 = null;
  state.level1 = name;
  met?.push({ role: 'level1', text: name });
}

function setLevel2(state: LevelState, name: string, met?: LevelMet[]): void {
  state.level2 = name;
  met?.push({ role: 'level2', text: name });
}

/**
 * A 二级 name printed without its 指标 (烟台's 经济成本, 社会成本), read as one only right after a 一级 name: were 指标
 * added, a 二级 name, and itself no level name.
 */
function isShortLevel2(t: string): boolean {
  return !isLevelName(t) && isLevel2(`${t}指标`);
}

/**
 * Consumes the level names a line starts with and updates `state`; returns the remaining tokens. 满意度指标 and
 * 成本指标 are both 一级 and 二级 names: a pair (`满意度指标 满意度指标`) is read as 一级 + 二级; a lone one is 一级
 * when a 二级 name follows it on the next line, and 二级 otherwise. Names come in the order 一级, 二级, 三级: after a
 * 二级 name the rest of the line is the row. The names read are added to `met`, each with the level it was read as.
 */
export function takeLevels(tokens: readonly string[], state: LevelState, nextLineFirst: string | null, met?: LevelMet[]): string[] {
  let i = 0;
  while (i < tokens.length) {
    const t = compact(tokens[i]);
    const next = tokens[i + 1] != null ? compact(tokens[i + 1]) : null;
    const l1 = isLevel1(t);
    const l2 = isLevel2(t);
    if (!l1 && !l2) break;
    if (l1 && next != null && (isLevel2(next) || isShortLevel2(next))) {
      setLevel1(state, t, met);
      setLevel2(state, next, met);
      i += 2;
      break;
    }
    i++;
    if (l1 && !l2) {
      setLevel1(state, t, met);
      continue;
    }
    if (l2 && !l1) {
      setLevel2(state, t, met);
      // A 二级 name the 一级 in force cannot stand over (质量指标 after 成本指标): its own 一级 is printed elsewhere (a
      // column of plain text, a merged cell centred lower), and which one the text does not tell.
      if (state.level1 != null && !standsUnder(state.level1, t)) state.level1 = null;
      break;
    }
    const followedByLevel2 = i === tokens.length && nextLineFirst != null && isLevel2(compact(nextLineFirst));
    if (followedByLevel2 || state.level1 == null) setLevel1(state, t, met);
    else {
      setLevel2(state, t, met);
      break;
    }
  }
  return tokens.slice(i);
}

/**
 * Lines that end a table in the single-space layouts: the next heading of the document's outline. A bracketed
 * number with nothing after it is a cell of the table, not a heading.
 */
export function isOutlineHeading(text: string): boolean {
  const t = text.trim();
  const marker = markerOf(t, ['part', 'cn', 'paren', 'paren-digit']);
  return marker !== null && (marker.level <= 2 || t.length > marker.length);
}

