import type { Check } from '../../schema/common.ts';
import type { Fact, GlossaryEntry, Overview } from '../../schema/narrative.ts';
import type { Table, TableKind } from '../../schema/table.ts';
import { AMOUNT_TOLERANCE, compareAmounts, notApplicable } from '../checks.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { THREE_PUBLIC } from './facts.ts';
import { withoutItemMarkers } from '../layout/cell-text.ts';
import { rowYear } from '../tables/row-year.ts';
import { matchable, type ProseText } from './prose.ts';
import { foldFigures } from '../../core/width.ts';
import { totalRole } from '../../core/totals.ts';
import { convertAmount, VIEW_UNIT } from '../../core/units.ts';

function byId(facts: readonly Fact[]): Map<string, Fact> {
  return new Map(facts.map((f) => [f.id, f]));
}

/** The sum of the parts when every part is stated; null otherwise (a missing part is not a zero). */
function sumOf(parts: ReadonlyArray<Fact | undefined>): number | null {
  if (parts.some((p) => p?.value == null)) return null;
  return sumAmounts(parts.map((p) => p!.value!));
}

function linesOf(...facts: Array<Fact | undefined>): Check['lines'] {
  return facts.filter((f) => f !== undefined).map((f) => f.lines);
}

/** The row that carries a table's totals: its overall total row, or its only row. */
function totalRow(table: Table): Table['rows'][number] | null {
  const totals = table.rows.filter((r) => r.role === 'total');
  return totals.find((r) => r.group === null) ?? totals[0] ?? (table.rows.length === 1 ? table.rows[0] : null);
}

function tableOf(tables: readonly Table[], kind: TableKind): Table | null {
  return tables.find((t) => t.kind === kind) ?? null;
}

/**
 * A table column's total; a table the document declares empty holds zeros. Final accounts print 预算数 and 决算数
 * side by side, and the text states the 决算数 (`-actual`).
 */
function tableTotal(table: Table | null, key: string): { value: number | null; lines: Check['lines'] } {
  if (table === null) return { value: null, lines: [] };
  const row = totalRow(table);
  const column = table.columns.some((c) => c.key === `${key}-actual`) ? `${key}-actual` : key;
  const value = row?.values[column] ?? null;
  return { value: value ?? (table.declaredEmpty ? 0 : null), lines: row ? [row.lines] : [table.lines] };
}

/**
 * Whether a blank cell of a “三公” table's row is a nil: the row's printed figures add up without it, in the identity
 * the cell is a part of (合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费; 公务用车购置及运行费 = 购置费 +
 * 运行费). Templates leave nil cells blank (长沙 2026 line 347 under the table: 此表如无数字则表示单位无该项支出, 合计 0.50 =
 * 公务接待费 0.50; 烟台 2026: 合计 14.20 = 10.20 + 4.00 with 因公出国 and 购置 blank).
 */
function blankIsNil(table: Table, row: Table['rows'][number], key: string, suffix: string): boolean {
  const at = (k: string) => row.values[`${k}${suffix}`] ?? null;
  const present = (keys: readonly string[]) => sumAmounts(keys.map(at).filter((v) => v !== null));
  const agrees = (whole: number, keys: readonly string[]) => Math.abs(whole - present(keys)) <= AMOUNT_TOLERANCE;
  const vehicles = at('vehicles');
  if ((key === 'vehicle-purchase' || key === 'vehicle-operation') && vehicles !== null) return agrees(vehicles, ['vehicle-purchase', 'vehicle-operation']);
  // A 合计 that adds 会议费 and 培训费 is no “三公” sum: only the “三公” column is.
  const adds = table.columns.some((c) => c.key === 'meeting' || c.key === 'training');
  const total = at('three-public') ?? (adds ? null : at('total'));
  if (total === null) return false;
  return agrees(total, ['outbound-travel', 'reception', ...(vehicles !== null ? ['vehicles'] : ['vehicle-purchase', 'vehicle-operation'])]);
}

/**
 * The row of the budget year in a table that prints a row a year for the department and then for each unit (深圳
 * 2026: 2025年 / 2026年 / 增减变化金额, the department's first): the first row of the latest year named (row-year.ts).
 */
function latestYearRow(table: Table): Table['rows'][number] | null {
  const latest = Math.max(0, ...table.rows.map(rowYear));
  return latest > 0 ? (table.rows.find((r) => rowYear(r) === latest) ?? null) : null;
}

/** Each “三公” rule's pattern at the start of a row's name (its item markers left out): a row of that item. */
const ITEM_ROW = new Map(THREE_PUBLIC.map((rule) => [rule.id, new RegExp(`^${rule.pattern.source}`)]));

/**
 * A “三公” figure from its table, whichever way the table is set: parts as columns of a total row, or parts as
 * rows (因公出国（境）费, 公务接待费 …) with their amount in the total column.
 */
function threePublicFromTable(table: Table | null, key: string): { value: number | null; lines: Check['lines'] } {
  // A table whose 合计 adds 会议费 and 培训费 prints the “三公” sum in its own column.
  if (key === 'total' && table?.columns.some((c) => c.key === 'three-public')) return tableTotal(table, 'three-public');
  // Without that column, such a table's 合计 is not the “三公” figure: nothing of it is compared.
  if (key === 'total' && table?.columns.some((c) => c.key === 'meeting' || c.key === 'training')) return { value: null, lines: [table.lines] };
  if (table === null) return tableTotal(table, key);
  const has = (k: string) => table.columns.some((c) => c.key === k || c.key === `${k}-actual`);
  // A table whose rows name the items holds each item's amount in its 合计 column.
  const rowWise = table.rows.some((r) => [...ITEM_ROW.values()].some((item) => item.test(withoutItemMarkers(r.name))));
  if (has(key) && !rowWise) {
    const found = tableTotal(table, key);
    const row = totalRow(table);
    const suffix = table.columns.some((c) => c.key === `${key}-actual`) ? '-actual' : '';
    return found.value === null && row && blankIsNil(table, row, key, suffix) ? { ...found, value: 0 } : found;
  }
  // An item broken down by fund beside it (深圳 2026 财政拨款“三公”经费支出表: 一般公共预算 / 政府性基金预算 / 国有资本
  // 经营预算 under each item, lines 7224–7235 of its -layout text) is the sum of its funds.
  const funds = table.columns.filter((c) => c.key.startsWith(`${key}.`)).map((c) => c.key);
  if (funds.length > 0 && !rowWise) {
    const row = totalRow(table) ?? latestYearRow(table);
    if (!row) return { value: null, lines: [table.lines] };
    const values = funds.map((k) => row.values[k] ?? null);
    return { value: values.every((v) => v !== null) ? sumAmounts(values as number[]) : null, lines: [row.lines] };
  }
  const own = ITEM_ROW.get(`three-public.${key}`)!;
  // A table set row-wise (广州 2026 行政经费及“三公”经费预算表) prints the “三公” sum as a row of that name.
  const row =
    key === 'total'
      ? (table.rows.find((r) => own.test(withoutItemMarkers(r.name))) ?? table.rows.find((r) => r.role === 'total' || totalRole(r.name) === 'total'))
      : table.rows.find((r) => own.test(withoutItemMarkers(r.name)) && !(key !== 'vehicles' && /购置[及和]运/.test(r.name)));
  if (!row) return { value: null, lines: [table.lines] };
  const value = row.values.total ?? null;
  return { value: value ?? (table.declaredEmpty ? 0 : null), lines: [row.lines] };
}

const THREE_PUBLIC_PARTS = ['outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception'] as const;

function threePublicChecks(facts: Map<string, Fact>, tables: readonly Table[]): Check[] {
  const checks: Check[] = [];
  const total = facts.get('three-public.total');
  if (!total) return checks;
  const purchase = facts.get('three-public.vehicle-purchase');
  const operation = facts.get('three-public.vehicle-operation');
  const outbound = facts.get('three-public.outbound-travel');
  const reception = facts.get('three-public.reception');
  const vehicles = facts.get('three-public.vehicles');
  const vehicleSum = vehicles?.value ?? sumOf([purchase, operation]);
  checks.push(
    compareAmounts(
      'fact:three-public:sum-of-parts',
      '说明中：“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费',
      total.value,
      outbound && reception && vehicleSum !== null ? sumAmounts([outbound.value ?? 0, vehicleSum, reception.value ?? 0]) : null,
      linesOf(total, outbound, vehicles ?? purchase, vehicles ? undefined : operation, reception),
    ),
  );
  if (vehicles && (purchase || operation)) {
    checks.push(
      compareAmounts(
        'fact:three-public:vehicles-sum',
        '说明中：公务用车购置及运行费 = 购置费 + 运行费',
        vehicles.value,
        sumOf([purchase, operation]),
        linesOf(vehicles, purchase, operation),
      ),
    );
  }
  const table = tableOf(tables, 'three-public-expenditure');
  if (!vehicles && purchase && operation) {
    const fromTable = threePublicFromTable(table, 'vehicles');
    checks.push(
      compareAmounts(
        'fact:three-public:table:vehicles',
        '说明中的公务用车购置费 + 运行费 = “三公”经费表中的公务用车购置及运行费',
        fromTable.value,
        sumOf([purchase, operation]),
        [...fromTable.lines, purchase.lines, operation.lines],
      ),
    );
  }
  for (const key of ['total', ...THREE_PUBLIC_PARTS] as const) {
    const fact = facts.get(`three-public.${key}`);
    if (!fact) continue;
    const fromTable = threePublicFromTable(table, key);
    const message = table
      ? `说明中的${fact.label} = “三公”经费表中的数`
      : `说明中的${fact.label}无从核对：没有“三公”经费表`;
    checks.push(compareAmounts(`fact:three-public:table:${key}`, message, fromTable.value, fact.value, [...fromTable.lines, fact.lines]));
  }
  return checks;
}

function procurementChecks(facts: Map<string, Fact>): Check[] {
  const total = facts.get('procurement.total');
  const parts = [facts.get('procurement.goods'), facts.get('procurement.works'), facts.get('procurement.services')];
  if (!total || parts.every((p) => p === undefined)) return [];
  return [
    compareAmounts(
      'fact:procurement:sum-of-parts',
      '说明中：政府采购 = 货物 + 工程 + 服务',
      total.value,
      sumOf(parts),
      linesOf(total, ...parts),
    ),
  ];
}

/** Wording that shows the 机关运行经费 covers fewer units than the 公用经费 of the tables (事业单位 are outside it). */
// Counts are bounded to five digits: `\d*` tried at every digit of a long run is quadratic in the run.
const HAS_INSTITUTIONS = /[1-9]\d{0,4}\s*家事业单位|事业单位\s*[1-9]\d{0,4}\s*家|下属(?:参公)?事业单位|是[^。]{0,40}事业单位/;

/**
 * 机关运行经费 against the 公用经费 of the basic-expenditure table, where the document defines the one as the other
 * and has no 事业单位 (whose 公用经费 fall outside 机关运行经费).
 */
function operatingCostChecks(
  facts: Map<string, Fact>,
  tables: readonly Table[],
  glossary: readonly GlossaryEntry[],
  overview: Overview | null,
  structure: readonly ProseText[],
): Check[] {
  const fact = facts.get('operating-costs');
  if (!fact) return [];
  const id = 'fact:operating-costs:table:public';
  const defined = glossary.find((g) => /运行经?费/.test(g.term));
  if (!defined || !/公用经费/.test(defined.definition)) {
    return [notApplicable(id, '本文件未把机关运行经费定义为公用经费，两者不作比较')];
  }
  const institutions =
    HAS_INSTITUTIONS.test(foldFigures(fact.text)) ||
    structure.some((p) => HAS_INSTITUTIONS.test(matchable(p))) ||
    (overview?.subunits ?? []).some((u) => /事业/.test(u.kind ?? ''));
  if (institutions) {
    return [notApplicable(id, '本文件含事业单位，其公用经费不计入机关运行经费，两者不应相等')];
  }
  const table = tableOf(tables, 'general-budget-basic-expenditure');
  const fromTable = tableTotal(table, 'public');
  // The 说明 states 万元 where the tables print 元 (上海 普陀区司法局 2026: 公用经费 2,178,324.44 元, 机关运行经费
  // 217.83 万元): the table's figure is compared in the text's unit; a table without a unit line prints 万元.
  const [tableUnit, factUnit] = [table?.unit ?? VIEW_UNIT, fact.unit ?? VIEW_UNIT];
  const value = convertAmount(fromTable.value, tableUnit, factUnit);
  const message = table
    ? `说明中的机关运行经费 = 基本支出表中的公用经费${tableUnit === factUnit ? '' : `（表中以${tableUnit}列示，折合为${factUnit}）`}`
    : '机关运行经费无从核对：没有基本支出表';
  return [compareAmounts(id, message, value, fact.value, [...fromTable.lines, fact.lines])];
}

/**
 * The “三公” figures of a disclosure's text volume against the table of its tables volume (companion-merge.ts): each
 * volume is parsed alone, and the text volume has no table to compare with.
 */
export function threePublicFactChecks(facts: readonly Fact[], tables: readonly Table[]): Check[] {
  return threePublicChecks(byId(facts), tables);
}

export function checkFacts(
  facts: readonly Fact[],
  tables: readonly Table[],
  glossary: readonly GlossaryEntry[],
  overview: Overview | null,
  structure: readonly ProseText[],
): Check[] {
  const map = byId(facts);
  return [
    ...threePublicChecks(map, tables),
    ...procurementChecks(map),
    ...operatingCostChecks(map, tables, glossary, overview, structure),
  ];
}
