import type { Disclosure, DisclosureSansChecks } from '../schema/disclosure.ts';
import type { Fact } from '../schema/narrative.ts';
import type { Table } from '../schema/table.ts';
import { inViewUnit } from '../core/units.ts';
import { holdsWholeTotalWord } from '../core/totals.ts';
import { tableAnchor } from './anchors.ts';
import type { DisclosureSummary } from './disclosure-summary.ts';

export interface ClassSpending {
  doc: DisclosureSummary;
  amount: number;
  unit: string;
  /** The anchor of the table the amount comes from, for the link. */
  anchor: string;
}

/** For each 功能分类 类 code, the disclosures that spend in it, largest first within a unit (from their summaries). */
export function spendingByFunctionClass(docs: readonly DisclosureSummary[]): Map<string, ClassSpending[]> {
  const byCode = new Map<string, ClassSpending[]>();
  for (const doc of docs) {
    const found = doc.functionClasses;
    if (!found) continue;
    for (const [code, amount] of Object.entries(found.amounts)) {
      const entry = { doc, amount, unit: found.unit, anchor: tableAnchor(found.tableId) };
      const list = byCode.get(code);
      if (list) list.push(entry);
      else byCode.set(code, [entry]);
    }
  }
  for (const list of byCode.values()) list.sort((a, b) => a.unit.localeCompare(b.unit) || b.amount - a.amount);
  return byCode;
}

/** The 三公经费 columns in the order the national template prints them. */
export const THREE_PUBLIC_COLUMNS = [
  { key: 'total', label: '合计' },
  { key: 'outbound-travel', label: '因公出国（境）费' },
  { key: 'vehicles', label: '公务用车购置及运行费' },
  { key: 'vehicle-purchase', label: '其中：购置费' },
  { key: 'vehicle-operation', label: '其中：运行费' },
  { key: 'reception', label: '公务接待费' },
] as const;

/** One stage of a document's 三公经费: the document's own (预算 or 决算), or the 预算数 a 决算 prints beside it. */
export interface ThreePublicStage {
  label: string;
  /** Column key → amount: from the table where it prints one, else from the text (then the key is in `fromText`). */
  values: Record<string, number | null>;
  fromText: Set<string>;
}

export interface ThreePublic {
  doc: DisclosureSansChecks;
  table: Table | null;
  /** The 预算数 first where a 决算 prints both, then the document's own figures. */
  /** In 万元 whatever the document printed; a figure whose unit is unknown is left out (null). */
  stages: ThreePublicStage[];
  /** What the text states about 三公经费. */
  facts: Fact[];
}

/** Which 三公 item a row names, in tables that print the items as rows (one column per fund source). */
function itemOfRow(name: string): string | null {
  if (/因公出[国境]/.test(name)) return 'outbound-travel';
  if (/购置及运行/.test(name)) return 'vehicles';
  if (/购置费/.test(name)) return 'vehicle-purchase';
  if (/运行费/.test(name)) return 'vehicle-operation';
  if (/接待/.test(name)) return 'reception';
  if (holdsWholeTotalWord(name)) return 'total';
  return null;
}

const ITEMS = THREE_PUBLIC_COLUMNS.map((c) => c.key);

/**
 * The table's figures per item and stage: its consolidated row where items are columns (`reception`, or
 * `reception-budget` and `reception-actual` in a 决算 that prints both), or its rows where items are rows.
 */
function tableItems(table: Table): { budget: Record<string, number | null> | null; own: Record<string, number | null> } {
  const consolidated = table.rows.filter((r) => r.group === null && r.role !== 'group-header');
  const keys = new Set(table.columns.map((c) => c.key));
  const row = consolidated.find((r) => r.role === 'total') ?? (consolidated.length === 1 ? consolidated[0] : undefined);
  if (ITEMS.some((k) => keys.has(`${k}-actual`))) {
    const pick = (suffix: string) => Object.fromEntries(ITEMS.map((k) => [k, row?.values[`${k}-${suffix}`] ?? null]));
    return { budget: ITEMS.some((k) => keys.has(`${k}-budget`)) ? pick('budget') : null, own: pick('actual') };
  }
  if (keys.has('outbound-travel') || keys.has('reception')) return { budget: null, own: row ? { ...row.values } : {} };
  const key = keys.has('total') ? 'total' : table.columns[0]?.key;
  const items: Record<string, number | null> = {};
  for (const r of consolidated) {
    const item = r.role === 'total' ? 'total' : itemOfRow(r.name);
    if (item && key && !(item in items)) items[item] = r.values[key] ?? null;
  }
  return { budget: null, own: items };
}

const STAGE_LABELS: Readonly<Record<Disclosure['kind'], string>> = {
  budget: '预算',
  'final-account': '决算',
  'performance-target': '—',
  'performance-evaluation': '—',
  other: '—',
};

/**
 * Every disclosure's 三公经费, item by item: the table's figure where it prints one, else the figure the text states
 * (`three-public.<item>` facts), marked as such so that the reader knows where each number comes from. A 决算 that
 * prints the year's 预算数 beside the 决算数 gives both, so the two can be compared.
 */
export function threePublicByDisclosure(docs: ReadonlyArray<DisclosureSansChecks>): ThreePublic[] {
  const result: ThreePublic[] = [];
  for (const doc of docs) {
    const table = doc.tables.find((t) => t.kind === 'three-public-expenditure' && !t.declaredEmpty) ?? null;
    const facts = doc.facts.filter((f) => f.id.startsWith('three-public'));
    if (!table && facts.length === 0) continue;
    const printed = table ? tableItems(table) : { budget: null, own: {} };
    const convert = (items: Record<string, number | null>) =>
      Object.fromEntries(ITEMS.map((k) => [k, inViewUnit(items[k], table?.unit ?? doc.unit)]));
    const budget = printed.budget && convert(printed.budget);
    const values = convert(printed.own);
    const fromText = new Set<string>();
    for (const key of ITEMS) {
      if (values[key] != null) continue;
      const fact = facts.find((f) => f.id === `three-public.${key}` && f.value != null);
      const value = fact ? inViewUnit(fact.value, fact.unit ?? doc.unit) : null;
      if (value !== null) {
        values[key] = value;
        fromText.add(key);
      }
    }
    const stages: ThreePublicStage[] = [
      ...(budget ? [{ label: '预算', values: budget, fromText: new Set<string>() }] : []),
      { label: STAGE_LABELS[doc.kind], values, fromText },
    ];
    result.push({ doc, table, stages, facts });
  }
  return result;
}
