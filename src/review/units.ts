/**
 * Units: an amount stated once in 元 and once in 万元 with the same digits is off by exactly 10,000 — the unit
 * label (单位：万元) or the unit word after a figure is wrong. Found between two statements of one figure (text and
 * table), and between the totals of the standard tables.
 */
import type { Finding } from '../schema/review.ts';
import type { Table } from '../schema/table.ts';
import { linesAt, makeFinding, shown, type ReviewContext } from './context.ts';
import { decimalsOf } from './rounding.ts';
import { inViewUnit, VIEW_UNIT } from '../core/units.ts';
import { TEMPLATE_ORDER } from '../ingest/tables/kinds.ts';
import { FIGURE_SOURCE, FIGURE_START } from '../core/amounts.ts';

/** An amount in 万元 from one in the given unit; a figure without a known unit is taken as printed in 万元. */
export function toWan(value: number, unit: string | null): number {
  return inViewUnit(value, unit ?? VIEW_UNIT) ?? value;
}

/** The widest rounding slack below: the smaller figure printed without decimals. */
const MAX_SLACK = 10000 * 0.51;

/** One figure is the other times 10,000, within the rounding of the smaller one's printed last place. */
export function tenThousandOff(a: number, b: number): boolean {
  const [small, large] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
  // Asked of every pair of two tables' totals: most pairs are far apart, and are ruled out before their digits are read.
  if (!(Math.abs(small * 10000 - large) <= MAX_SLACK)) return false;
  // A figure of fewer than three significant digits (0.01, 5) is 10,000 times too many others to tell anything.
  const significant = String(Math.abs(small)).replace('.', '').replace(/^0+/, '').length;
  if (small === 0 || large === 0 || significant < 3) return false;
  const slack = 10000 * 10 ** -Math.min(decimalsOf(small), 2) * 0.51;
  return Math.abs(small * 10000 - large) <= slack;
}

/**
 * The standard template's tables from the 收支总表 to the 一般公共预算基本支出表: their totals restate the year's
 * 收入, 支出 and 基本支出, so two of them in different units share figures off by 10,000.
 */
const TOTAL_KINDS = new Set<Table['kind']>(TEMPLATE_ORDER.slice(0, TEMPLATE_ORDER.indexOf('general-budget-basic-expenditure') + 1));

/** The figures of a table's total rows (every column), in 万元; zeros left out, since they match anything. */
function totalFigures(table: Table): number[] {
  return table.rows
    .filter((r) => r.role === 'total' || r.role === 'subtotal')
    .flatMap((r) => Object.values(r.values))
    .filter((v): v is number => v !== null && v !== 0)
    .map((v) => toWan(v, table.unit));
}

/**
 * Two tables whose total rows share figures off by exactly 10,000 and no figure in common: one of them is labelled
 * with the wrong unit. (Tables with the right units share totals such as 基本支出 directly.)
 */
function tableUnitFindings(ctx: ReviewContext): Finding[] {
  const tables = ctx.doc.tables
    .filter((t) => TOTAL_KINDS.has(t.kind) && t.unit !== null)
    .map((table) => ({ table, figures: totalFigures(table) }))
    .filter((x) => x.figures.length > 0);
  type Entry = (typeof tables)[number];
  let pairs: Array<{ a: Entry; b: Entry; x: number; y: number }> = [];
  for (let i = 0; i < tables.length; i++) {
    for (let j = i + 1; j < tables.length; j++) {
      const [a, b] = [tables[i], tables[j]];
      const off = a.figures.flatMap((x) => b.figures.filter((y) => tenThousandOff(x, y)).map((y) => ({ x, y })));
      if (off.length === 0 || a.figures.some((x) => b.figures.some((y) => Math.abs(x - y) <= 0.011))) continue;
      pairs.push({ a, b, ...off[0] });
    }
  }
  // The mislabelled table is the one off against most others; with only two, either may be.
  const findings: Finding[] = [];
  while (pairs.length > 0) {
    const count = new Map<Entry, number>();
    for (const p of pairs) for (const t of [p.a, p.b]) count.set(t, (count.get(t) ?? 0) + 1);
    const [suspect, n] = [...count].sort((p, q) => q[1] - p[1])[0];
    const first = pairs.find((p) => p.a === suspect || p.b === suspect)!;
    const partner = first.a === suspect ? first.b : first.a;
    const [mine, theirs] = first.a === suspect ? [first.x, first.y] : [first.y, first.x];
    const which = n > 1 ? `此表的单位很可能标错（与${n}张表均不符）` : '其中一张表的单位（元/万元）标错';
    findings.push(
      makeFinding(ctx.doc, {
        rule: 'units.table',
        family: 'units',
        severity: '错误',
        key: suspect.table.id,
        message: `${suspect.table.title}（单位：${suspect.table.unit}）与${partner.table.title}（单位：${partner.table.unit}）的合计数换算为万元后正好相差一万倍（${shown(mine)}万元与${shown(theirs)}万元）：${which}。`,
        stated: `${shown(mine)}万元`,
        expected: `${shown(theirs)}万元`,
        lines: [suspect.table.lines, partner.table.lines],
      }),
    );
    pairs = pairs.filter((p) => p.a !== suspect && p.b !== suspect && (n > 1 || (p.a !== partner && p.b !== partner)));
  }
  return findings;
}

// Starts only where a digit run starts, so that a long run of digits is scanned once, not once per digit.
const TEXT_AMOUNT = new RegExp(`${FIGURE_START}(${FIGURE_SOURCE})\\s*(万元|元)`, 'g');

/** A figure precise enough that the same digits elsewhere are the same amount, not a coincidence. */
function distinctive(printed: string): boolean {
  const digits = printed.replace(/[^\d]/g, '').replace(/^0+/, '');
  return /\.\d{2}$/.test(printed) ? digits.length >= 3 : digits.length >= 5;
}

/**
 * The text states an amount in 元 whose digits the text or a 万元 table gives in 万元 (or the reverse): the unit
 * word after it is wrong.
 */
function textUnitFindings(ctx: ReviewContext): Finding[] {
  const stated = [...ctx.prose.text.matchAll(TEXT_AMOUNT)].map((m) => ({ printed: m[1], value: Number(m[1].replace(/,/g, '')), unit: m[2], index: m.index! }));
  const inTables = new Map<string, Set<number>>();
  for (const t of ctx.doc.tables) {
    if (t.unit !== '元' && t.unit !== '万元') continue;
    const set = inTables.get(t.unit) ?? new Set<number>();
    for (const r of t.rows) for (const v of Object.values(r.values)) if (v) set.add(v);
    inTables.set(t.unit, set);
  }
  // How often the text states each figure in each unit: counted once, not searched again for every statement.
  const inProse = new Map<string, Map<number, number>>();
  for (const s of stated) {
    const counts = inProse.get(s.unit) ?? new Map<number, number>();
    counts.set(s.value, (counts.get(s.value) ?? 0) + 1);
    inProse.set(s.unit, counts);
  }
  const timesStated = (unit: string, value: number) => inProse.get(unit)?.get(value) ?? 0;
  const findings: Finding[] = [];
  for (const s of stated) {
    if (!distinctive(s.printed)) continue;
    const other = s.unit === '元' ? '万元' : '元';
    const inText = timesStated(other, s.value) > 0;
    const inTable = inTables.get(other)?.has(s.value) ?? false;
    // The same digits in the same unit elsewhere in the text or tables make this statement the consistent one.
    const same = timesStated(s.unit, s.value) > 1 || (inTables.get(s.unit)?.has(s.value) ?? false);
    if ((!inText && !inTable) || same) continue;
    findings.push(
      makeFinding(ctx.doc, {
        rule: 'units.text',
        family: 'units',
        severity: '错误',
        key: `${s.index}`,
        message: `正文写“${s.printed}${s.unit}”，而${inTable ? '表中' : '正文别处'}同一数字的单位是${other}：两者正好相差一万倍，单位有误。`,
        stated: `${s.printed}${s.unit}`,
        expected: `${s.printed}${other}`,
        lines: linesAt(ctx.prose, s.index, s.printed.length + s.unit.length),
      }),
    );
  }
  return findings;
}

export function unitRules(ctx: ReviewContext): Finding[] {
  return [...tableUnitFindings(ctx), ...textUnitFindings(ctx)];
}
