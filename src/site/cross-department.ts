import type { Disclosure } from '../schema/disclosure.ts';
import type { Fact } from '../schema/narrative.ts';
import type { Table } from '../schema/table.ts';
import type { DisclosureSummary } from './summary.ts';

export interface ClassSpending {
  doc: DisclosureSummary;
  amount: number;
  unit: string;
  /** The anchor of the table the amount comes from, for the link. */
  anchor: string;
}

/** For each 功能分类 类 code, the disclosures that spend in it, largest first within a unit. */
export function spendingByFunctionClass(docs: readonly DisclosureSummary[]): Map<string, ClassSpending[]> {
  const byCode = new Map<string, ClassSpending[]>();
  for (const doc of docs) {
    const found = doc.functionClasses;
    if (!found) continue;
    for (const [code, amount] of Object.entries(found.amounts)) {
      const entry = { doc, amount, unit: found.unit, anchor: `table-${found.tableId}` };
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

export interface ThreePublic {
  table: Table | null;
  /** Column key → amount: from the table where it prints one, else from the text (then the key is in `fromText`). */
  values: Record<string, number | null>;
  fromText: Set<string>;
  unit: string;
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
  if (/合计|总计/.test(name)) return 'total';
  return null;
}

/** The table's figures per item: its consolidated row where items are columns, or its rows where items are rows. */
function tableItems(table: Table): Record<string, number | null> {
  const consolidated = table.rows.filter((r) => r.group === null && r.role !== 'group-header');
  if (table.columns.some((c) => c.key === 'outbound-travel' || c.key === 'reception')) {
    const row = consolidated.find((r) => r.role === 'total') ?? (consolidated.length === 1 ? consolidated[0] : undefined);
    return row ? { ...row.values } : {};
  }
  const key = table.columns.some((c) => c.key === 'total') ? 'total' : table.columns[0]?.key;
  const items: Record<string, number | null> = {};
  for (const row of consolidated) {
    const item = row.role === 'total' ? 'total' : itemOfRow(row.name);
    if (item && key && !(item in items)) items[item] = row.values[key] ?? null;
  }
  return items;
}

/**
 * A disclosure's 三公经费, item by item: the table's figure where it prints one, else the figure the text states
 * (`three-public.<item>` facts), marked as such so that the reader knows where each number comes from.
 */
export function threePublicOf(doc: Disclosure): ThreePublic | null {
  const table = doc.tables.find((t) => t.kind === 'three-public-expenditure') ?? null;
  const facts = doc.facts.filter((f) => f.id.startsWith('three-public'));
  if (!table && facts.length === 0) return null;
  const values = table ? tableItems(table) : {};
  const fromText = new Set<string>();
  for (const { key } of THREE_PUBLIC_COLUMNS) {
    if (values[key] != null) continue;
    const fact = facts.find((f) => f.id === `three-public.${key}` && f.value != null);
    if (fact) {
      values[key] = fact.value;
      fromText.add(key);
    }
  }
  return { table, values, fromText, unit: table?.unit ?? facts[0]?.unit ?? doc.unit ?? '', facts };
}

/** The disclosures that state 三公经费, with their figures (computed per document by `threePublicOf` at load). */
export function threePublicByDisclosure(docs: readonly DisclosureSummary[]): Array<{ doc: DisclosureSummary } & NonNullable<DisclosureSummary['threePublic']>> {
  return docs.flatMap((doc) => (doc.threePublic ? [{ doc, ...doc.threePublic }] : []));
}
