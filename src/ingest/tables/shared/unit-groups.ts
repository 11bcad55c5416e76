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
  /** The row's first printed amount (its 合计 / 支出总计), null when it prints none. */
  amount: number | null;
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

function isUnitName(name: string): boolean {
  return UNIT_NAME.test(compact(name));
}

/** Rounding per row: each printed part may be off by half a cent of the unit. */
function agrees(whole: number, parts: readonly number[]): boolean {
  return amountsAgree(whole, sumAmounts(parts), 0.01 * Math.max(1, parts.length));
}

/**
 * A unit row is an uncoded row whose amount equals the sum of the 类 rows after it (up to the next such row); an
 * uncoded 款 or 项 (杭州 prints names without codes) sums its own children, never the 类 after it. Where no identity
 * holds, a row named like a unit still heads the rows below it. An uncoded row that equals the sum of two or more
 * units after it is the department's own total.
 */
export function readUnits(rows: readonly UnitCandidate[]): UnitReading {
  const group: (string | null)[] = rows.map(() => null);
  const role: UnitRole[] = rows.map(() => null);
  if (!rows.some((r) => r.coded)) return { group, role };
  // `其中：…` breaks down the row above it; it heads nothing.
  const candidate = (r: UnitCandidate) => !r.coded && !r.total && r.name.trim() !== '' && !/^其中/.test(r.name.trim());
  const stops = (r: UnitCandidate) => r.total || (candidate(r) && (r.amount !== null || isUnitName(r.name)));

  rows.forEach((r, i) => {
    if (!candidate(r)) return;
    let end = i + 1;
    while (end < rows.length && !stops(rows[end])) end++;
    const classes = rows.slice(i + 1, end).filter((c) => c.coded && c.level === 1 && c.amount !== null);
    const first = rows.slice(i + 1, end).find((c) => c.coded);
    if (r.amount !== null && classes.length > 0 && first?.level === 1 && agrees(r.amount, classes.map((c) => c.amount!))) role[i] = 'unit';
    else if (isUnitName(r.name) && first) role[i] = r.amount === null ? 'unit-header' : 'unit';
  });

  // The department's row heads the units that follow it, up to a total row.
  rows.forEach((r, i) => {
    if (!candidate(r) || role[i] !== null || r.amount === null) return;
    const units: number[] = [];
    for (let j = i + 1; j < rows.length && !rows[j].total; j++) {
      if (role[j] === 'department') break;
      if (role[j] === 'unit' && rows[j].amount !== null) units.push(rows[j].amount!);
    }
    if (units.length >= 2 && role[i + 1] === 'unit' && agrees(r.amount, units)) role[i] = 'department';
  });

  let current: string | null = null;
  rows.forEach((r, i) => {
    if (r.total || role[i] === 'department') current = null;
    else if (role[i] === 'unit' || role[i] === 'unit-header') current = r.name;
    group[i] = current;
  });
  return { group, role };
}
