/**
 * Units: an amount stated once in 元 and once in 万元 with the same digits is off by exactly 10,000 — the unit
 * label (单位：万元) or the unit word after a figure is wrong. Found between two statements of one figure (text and
 * table), and between the totals of the standard tables.
 */
import type { Finding } from '../schema/review.ts';
import type { Table } from '../schema/table.ts';
import { makeFinding, shown, type ReviewContext } from './context.ts';
import { decimalsOf } from './rounding.ts';

/** An amount in 万元 from one in the given unit; null when the unit is unknown. */
export function toWan(value: number, unit: string | null): number {
  return unit === '元' ? value / 10000 : unit === '千元' ? value / 10 : unit === '亿元' ? value * 10000 : value;
}

/** One figure is the other times 10,000, within the rounding of the smaller one's printed last place. */
export function tenThousandOff(a: number, b: number): boolean {
  const [small, large] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
  if (small === 0 || large === 0) return false;
  const slack = 10000 * 10 ** -Math.min(decimalsOf(small), 2) * 0.51;
  return Math.abs(small * 10000 - large) <= slack;
}

const TOTAL_KINDS = new Set<Table['kind']>([
  'income-expenditure-summary',
  'income-summary',
  'expenditure-summary',
  'fiscal-appropriation-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
]);

/** A table's grand total as printed, in its own unit. */
function grandTotal(table: Table): number | null {
  const row = table.rows.find((r) => r.role === 'total' && r.group === null) ?? table.rows.find((r) => r.role === 'total');
  if (!row) return null;
  for (const key of ['total', 'actual', 'total-actual']) if (row.values[key] != null) return row.values[key]!;
  const first = table.columns.find((c) => row.values[c.key] != null);
  return first ? row.values[first.key]! : null;
}

function tableUnitFindings(ctx: ReviewContext): Finding[] {
  const totals = ctx.doc.tables
    .filter((t) => TOTAL_KINDS.has(t.kind) && t.unit !== null)
    .map((t) => ({ table: t, printed: grandTotal(t) }))
    .filter((x): x is { table: Table; printed: number } => x.printed !== null && x.printed !== 0);
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (let i = 0; i < totals.length; i++) {
    for (let j = i + 1; j < totals.length; j++) {
      const [a, b] = [totals[i], totals[j]];
      if (reported.has(a.table.id) || reported.has(b.table.id)) continue;
      if (!tenThousandOff(toWan(a.printed, a.table.unit), toWan(b.printed, b.table.unit))) continue;
      reported.add(b.table.id);
      findings.push(
        makeFinding(ctx.doc, {
          rule: 'units.table',
          family: 'units',
          severity: '错误',
          key: `${a.table.id}:${b.table.id}`,
          message: `${a.table.title}合计${shown(a.printed)}（单位：${a.table.unit}）与${b.table.title}合计${shown(b.printed)}（单位：${b.table.unit}）换算后正好相差一万倍：其中一张表的单位（元/万元）标错。`,
          stated: `${shown(b.printed)}${b.table.unit}`,
          expected: `${shown(a.printed)}${a.table.unit}`,
          lines: [a.table.lines, b.table.lines],
        }),
      );
    }
  }
  return findings;
}

export function unitRules(ctx: ReviewContext): Finding[] {
  return tableUnitFindings(ctx);
}
