import type { Indicator } from '../../schema/performance.ts';
import { parseAmount } from '../numbers.ts';
import type { GridRow } from '../layout/grid.ts';
import { toIndicator, type RowCells } from './indicator-row.ts';
import { completesLevelName, isLevel2, isLevelName } from './levels.ts';
import { cleanCell, compact, joinWrapped } from './text.ts';
import { looksLikeValue } from './value.ts';

type Role =
  | 'level1' | 'level2' | 'name' | 'value' | 'description' | 'basis' | 'previous' | 'weight' | 'rule' | 'evidence'
  | 'actual' | 'score' | 'deviation';

/** Column order of the national templates, by their number of columns, for headers the extraction garbled. */
const STANDARD: Readonly<Record<number, readonly Role[]>> = {
  4: ['level1', 'level2', 'name', 'value'],
  6: ['level1', 'level2', 'name', 'value', 'basis', 'weight'],
  9: ['level1', 'level2', 'name', 'value', 'basis', 'previous', 'weight', 'rule', 'evidence'],
};

function roleOf(label: string): Role | null {
  const c = compact(label);
  if (c === '') return null;
  if (/^一级/.test(c)) return 'level1';
  if (/^二级/.test(c)) return 'level2';
  if (/^三级/.test(c)) return 'name';
  if (/描述|解释/.test(c)) return 'description';
  if (/依据/.test(c)) return 'basis';
  if (/上年/.test(c)) return 'previous';
  if (/实际|完成值/.test(c)) return 'actual';
  if (/^得分/.test(c)) return 'score';
  if (/偏差|原因|改进措施/.test(c)) return 'deviation';
  if (/权重|^分值$/.test(c)) return 'weight';
  if (/规则|赋则/.test(c)) return 'rule';
  if (/佐证/.test(c)) return 'evidence';
  if (/指标?值/.test(c)) return 'value';
  return null;
}

function trimmedWidth(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return n;
}

function modeWidth(rows: readonly string[][]): number {
  const counts = new Map<number, number>();
  for (const cells of rows) {
    if (!cells.some((c) => looksLikeValue(c))) continue;
    const w = trimmedWidth(cells);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [w, n] of counts) if (n > bestCount || (n === bestCount && w > best)) [best, bestCount] = [w, n];
  return best;
}

/** The roles of the columns: from the header labels when they account for every column, else the template's order. */
function columnRoles(header: readonly string[], rows: readonly string[][]): Role[] {
  const fromHeader = header.map(roleOf);
  const known = fromHeader.filter((r): r is Role => r !== null);
  const width = modeWidth(rows);
  const complete = known.length >= width && new Set(known).size === known.length && fromHeader.slice(0, known.length).every(Boolean);
  if (complete && known.length >= 4) return known;
  return [...(STANDARD[width] ?? known)];
}

export function isIndicatorHeader(text: string): boolean {
  const c = compact(text);
  return /指标?值/.test(c) && /(?:一级|二级|三级)指标|上年完成值|分值权重/.test(c) && c.length < 120;
}

interface Working {
  cells: Partial<Record<Role, string>>;
  first: number;
  last: number;
}

/**
 * Moves a cell the extraction put one column too far right (an empty 二级 cell followed by a 二级 name in the 三级
 * column) or too far left (a 三级 name in the 二级 column with the 三级 column empty) back into place. The end of a
 * wrapped 二级 name (`指标` under `服务对象满意度`) stays where it is.
 */
function realign(cells: string[], roles: readonly Role[], completes: (level2: string) => boolean): string[] {
  const i1 = roles.indexOf('level2');
  const i2 = roles.indexOf('name');
  if (i1 < 0 || i2 !== i1 + 1) return cells;
  const c1 = cells[i1] ?? '';
  if (c1 === '' && isLevel2(cells[i2] ?? '')) return [...cells.slice(0, i1), ...cells.slice(i1 + 1)];
  if ((cells[i2] ?? '') === '' && c1 !== '' && !isLevelName(c1) && !completes(c1)) {
    const out = [...cells];
    out[i2] = cells[i1];
    out[i1] = '';
    return out;
  }
  return cells;
}

export interface TabbedBody {
  indicators: Indicator[];
  flags: string[];
  last: number;
}

/**
 * A row with more cells than the header: a space inside a name (`干部培训⇥人数`) or between a value and its unit
 * (`≥24⇥人`) became a tab. The cells between the name and the first value-looking cell join the name; cells still
 * over the header's width join the value. Nothing is dropped either way.
 */
function foldSurplus(cells: readonly string[], roles: readonly Role[]): string[] {
  const ni = roles.indexOf('name');
  const vi = roles.indexOf('value');
  if (ni < 0 || vi !== ni + 1 || trimmedWidth(cells) <= roles.length) return [...cells];
  let out = cells.slice(0, trimmedWidth(cells));
  const j = out.findIndex((c, i) => i > vi && looksLikeValue(c));
  if (j > vi && j - vi <= out.length - roles.length) out = [...out.slice(0, ni), out.slice(ni, j).join(' '), ...out.slice(j)];
  const surplus = out.length - roles.length;
  if (surplus > 0) out = [...out.slice(0, vi), out.slice(vi, vi + surplus + 1).join(' '), ...out.slice(vi + surplus + 1)];
  return out;
}

/** Reads the indicator rows of a 绩效目标表 printed as a grid (4, 6 or 9 columns), tab-separated or aligned. */
export function readGridBody(header: GridRow, body: readonly GridRow[]): TabbedBody {
  const rowsCells = body.map((row) => row.cells.map(cleanCell));
  const roles = columnRoles(header.cells.map(cleanCell), rowsCells);
  const hasWeight = roles.includes('weight');
  const flags: string[] = [];
  const rows: Working[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  let last = header.no;

  const cellOf = (cells: readonly string[], role: Role): string => cells[roles.indexOf(role)] ?? '';

  body.forEach((line, k) => {
    const raw = rowsCells[k];
    const text = line.cells.join('\t');
    if (raw.every((c) => c === '') || /^[-\s]+$/.test(text) || isIndicatorHeader(text)) return;
    const prevLevel2 = rows[rows.length - 1]?.cells.level2 ?? '';
    const cells = realign(foldSurplus(raw, roles), roles, (tail) => completesLevelName(prevLevel2, tail));
    const headerContinuation =
      rows.length === 0 && !cells.some((c) => looksLikeValue(c) || parseAmount(c) != null) && /指标|值|权重|依据|规则|资料/.test(compact(text));
    if (headerContinuation) {
      last = line.no;
      return;
    }
    const value = cellOf(cells, 'value');
    const weight = hasWeight ? cellOf(cells, 'weight') : roles.includes('score') ? cellOf(cells, 'score') : '';
    const prev = rows[rows.length - 1];
    const onlyLevels = roles.every((r, i) => r === 'level1' || r === 'level2' || (cells[i] ?? '') === '');
    if (onlyLevels) {
      const l1 = cellOf(cells, 'level1');
      const l2 = cellOf(cells, 'level2');
      if (prev && ((l1 && completesLevelName(prev.cells.level1 ?? '', l1)) || (l2 && completesLevelName(prev.cells.level2 ?? '', l2)))) {
        prev.cells.level1 = joinWrapped([prev.cells.level1 ?? '', l1]);
        prev.cells.level2 = joinWrapped([prev.cells.level2 ?? '', l2]);
        level1 = prev.cells.level1 || level1;
        level2 = prev.cells.level2 || level2;
        prev.last = line.no;
      } else {
        if (l1 && l1 !== level1) level2 = null;
        if (l1) level1 = l1;
        if (l2) level2 = l2;
      }
      last = line.no;
      return;
    }
    // A row under a 二级 name whose value the print lost (its 一级 cell empty, so not the tail of a wrapped row).
    const startsOwnRow = cellOf(cells, 'level1') === '' && isLevelName(cellOf(cells, 'level2')) && cellOf(cells, 'name') !== '';
    if (prev && value === '' && weight === '' && !startsOwnRow) {
      roles.forEach((role, i) => {
        if (cells[i]) prev.cells[role] = joinWrapped([prev.cells[role] ?? '', cells[i]]);
      });
      if (prev.cells.level1) level1 = prev.cells.level1;
      if (prev.cells.level2) level2 = prev.cells.level2;
      prev.last = line.no;
      last = line.no;
      return;
    }
    const own: Partial<Record<Role, string>> = {};
    roles.forEach((role, i) => {
      if (cells[i]) own[role] = cells[i];
    });
    for (const role of ['level1', 'level2'] as const) {
      const cell = own[role];
      if (cell && prev && completesLevelName(prev.cells[role] ?? '', cell)) {
        prev.cells[role] = joinWrapped([prev.cells[role] ?? '', cell]);
        own[role] = prev.cells[role];
      }
    }
    if (own.level1) {
      if (own.level1 !== level1) level2 = null;
      level1 = own.level1;
    }
    if (own.level2) level2 = own.level2;
    own.level1 = level1 ?? '';
    own.level2 = level2 ?? '';
    rows.push({ cells: own, first: line.no, last: line.no });
    last = line.no;
  });

  const indicators = rows.map((r) => {
    const c = r.cells;
    if (!c.name) flags.push(`第 ${r.first} 行没有指标名称`);
    const cellsForRow: RowCells = {
      level1: c.level1 ?? null,
      level2: c.level2 ?? null,
      name: c.name ?? '',
      value: c.value ?? '',
      description: c.description ?? null,
      basis: c.basis ?? null,
      previous: c.previous ?? null,
      weight: c.weight ?? null,
      rule: c.rule ?? null,
      evidence: c.evidence ?? null,
      actual: c.actual ?? null,
      score: c.score ?? null,
      deviation: c.deviation ?? null,
      lines: { first: r.first, last: r.last },
    };
    return toIndicator(cellsForRow);
  });
  return { indicators, flags, last };
}
