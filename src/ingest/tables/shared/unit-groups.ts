import { amountsAgree, sumAmounts } from '../../../core/decimal.ts';
import { compact } from '../../../core/width.ts';

/**
 * A department's tables may print per unit (支出总表 of 深圳市水务局: the department's row, then 本级 and each
 * sub-unit, each followed by its own 类 / 款 / 项 rows). Every reader hands its rows here before amounts are placed,
 * so the units are recognised once, whatever the layout.
 */

export interface UnitCandidate {
  /** The row prints a classification code (or is a project under one: never a unit). */
  coded: boolean;
  /** 1 for a 类 row. */
  level: number | null;
  name: string;
  total: boolean;
  /** The row's printed amounts in order, its 合计 / 支出总计 first; null for a placeholder dash. */
  amounts: readonly (number | null)[];
}

export type UnitRole = 'department' | 'unit' | 'unit-header' | null;

/** The role a table row takes from its unit role: the department's row totals the table, a unit's its rows. */
export function rowRoleOfUnit(role: UnitRole): 'total' | 'subtotal' | 'group-header' | null {
  return role === 'department' ? 'total' : role === 'unit' ? 'subtotal' : role === 'unit-header' ? 'group-header' : null;
}

export interface UnitReading {
  group: (string | null)[];
  role: UnitRole[];
}

/** Names of budget units (`…局`, `…中心`, `…（本级）`, `…管理处`); only a fallback where no identity speaks. */
const UNIT_NAME = /(?:局|委员会|委|办公室|办|中心|院|站|所|队|处|馆|校|园|会|本级[)）]?|机关)$/;

/** A body's second name may follow its own in brackets (`…管理中心（深圳市治理深圳河办公室）`). */
export function isUnitName(name: string): boolean {
  const n = compact(name);
  return UNIT_NAME.test(n) || UNIT_NAME.test(n.replace(/[（(][^（）()]*[）)]$/, ''));
}

function firstAmount(r: UnitCandidate): number | null {
  return r.amounts[0] ?? null;
}

/** Rounding per row: each printed part may be off by half a cent of the unit. */
function agrees(whole: number, parts: readonly number[]): boolean {
  return amountsAgree(whole, sumAmounts(parts), 0.01 * Math.max(1, parts.length));
}

/**
 * Whether a row's amounts are the sum of these rows' in every column they all print (rounding per row); where the rows
 * print different numbers of amounts (zeros left blank), which amounts share a column is not known and the first (合计)
 * alone is compared. A row of zeros sums anything of zeros and heads nothing.
 */
function sumsEveryColumn(whole: UnitCandidate, parts: readonly UnitCandidate[]): boolean {
  const width = whole.amounts.length;
  if (!whole.amounts.some((v) => v !== null && v !== 0)) return false;
  const columns = parts.every((p) => p.amounts.length === width) ? whole.amounts.map((_, k) => k) : [0];
  return columns.every((k) => {
    const amounts = parts.map((p) => p.amounts[k]);
    const total = whole.amounts[k];
    if (total == null || amounts.some((v) => v == null)) return k !== 0;
    return agrees(total, amounts as number[]);
  });
}

/**
 * A table printing no code at all (深圳 收入总表, 基本支出总表, 项目支出总表) and no 合计 opens with the department's row:
 * it is the total where its amounts are the sum of two or more rows after it in every column, either all the rows that
 * print amounts after it (a list of units) or those named as units (each over rows of its own: 工资福利支出 …, or its
 * projects). A list under a 合计 is read as a tree by the checks instead (table-checks.ts listTotalChecks).
 */
function uncodedUnits(rows: readonly UnitCandidate[], candidate: (r: UnitCandidate) => boolean): UnitRole[] {
  const role: UnitRole[] = rows.map(() => null);
  const head = rows.findIndex((r) => r.amounts.length > 0);
  if (head < 0 || rows.some((r) => r.total) || !candidate(rows[head])) return role;
  const printing = rows.map((r, i) => i).filter((i) => i > head && rows[i].amounts.length > 0);
  const named = printing.filter((i) => isUnitName(rows[i].name));
  const units = [printing, named].find(
    (list) => list.length >= 2 && list.every((i) => candidate(rows[i])) && sumsEveryColumn(rows[head], list.map((i) => rows[i])),
  );
  if (!units) return role;
  role[head] = 'department';
  for (const i of units) role[i] = 'unit';
  return role;
}

/**
 * A unit row is an uncoded row whose amount equals the sum of the 类 rows after it (up to the next such row); an
 * uncoded 款 or 项 (杭州 prints names without codes) sums its own children, never the 类 after it. Where no identity
 * holds, a row named like a unit still heads the rows below it. An uncoded row that equals the sum of two or more
 * units after it is the department's own total. A table printing no code is read by its amounts alone (uncodedUnits).
 */
export function readUnits(rows: readonly UnitCandidate[]): UnitReading {
  const group: (string | null)[] = rows.map(() => null);
  // `其中：…` breaks down the row above it; it heads nothing.
  const candidate = (r: UnitCandidate) => !r.coded && !r.total && r.name.trim() !== '' && !/^其中/.test(r.name.trim());
  const role = rows.some((r) => r.coded) ? codedUnits(rows, candidate) : uncodedUnits(rows, candidate);
  let current: string | null = null;
  rows.forEach((r, i) => {
    if (r.total || role[i] === 'department') current = null;
    else if (role[i] === 'unit' || role[i] === 'unit-header') current = r.name;
    group[i] = current;
  });
  return { group, role };
}

function codedUnits(rows: readonly UnitCandidate[], candidate: (r: UnitCandidate) => boolean): UnitRole[] {
  const role: UnitRole[] = rows.map(() => null);
  const stops = (r: UnitCandidate) => r.total || (candidate(r) && (firstAmount(r) !== null || isUnitName(r.name)));

  rows.forEach((r, i) => {
    if (!candidate(r)) return;
    let end = i + 1;
    while (end < rows.length && !stops(rows[end])) end++;
    const amount = firstAmount(r);
    const classes = rows.slice(i + 1, end).filter((c) => c.coded && c.level === 1 && firstAmount(c) !== null);
    const first = rows.slice(i + 1, end).find((c) => c.coded);
    if (amount !== null && classes.length > 0 && first?.level === 1 && agrees(amount, classes.map((c) => firstAmount(c)!))) role[i] = 'unit';
    else if (isUnitName(r.name) && first) role[i] = amount === null ? 'unit-header' : 'unit';
  });

  // The department's row heads the units that follow it, up to a total row.
  rows.forEach((r, i) => {
    const amount = firstAmount(r);
    if (!candidate(r) || role[i] !== null || amount === null) return;
    const units: number[] = [];
    for (let j = i + 1; j < rows.length && !rows[j].total; j++) {
      if (role[j] === 'department') break;
      const unit = firstAmount(rows[j]);
      if (role[j] === 'unit' && unit !== null) units.push(unit);
    }
    if (units.length >= 2 && role[i + 1] === 'unit' && agrees(amount, units)) role[i] = 'department';
  });
  return role;
}
