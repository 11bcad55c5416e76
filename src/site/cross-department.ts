import type { Disclosure } from '../schema/disclosure.ts';
import type { Fact } from '../schema/narrative.ts';
import type { Table } from '../schema/table.ts';
import { functionClassAmounts } from './chart-data.ts';

export interface ClassSpending {
  doc: Disclosure;
  amount: number;
  unit: string;
  /** The anchor of the table the amount comes from, for the link. */
  anchor: string;
}

/** For each 功能分类 类 code, the disclosures that spend in it, largest first within a unit. */
export function spendingByFunctionClass(docs: readonly Disclosure[]): Map<string, ClassSpending[]> {
  const byCode = new Map<string, ClassSpending[]>();
  for (const doc of docs) {
    const found = functionClassAmounts(doc);
    if (!found) continue;
    for (const [code, amount] of found.amounts) {
      const entry = { doc, amount, unit: found.unit, anchor: `table-${found.table.id}` };
      byCode.set(code, [...(byCode.get(code) ?? []), entry]);
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
  doc: Disclosure;
  table: Table | null;
  /** Column key → amount, from the table's consolidated row. */
  values: Record<string, number | null>;
  unit: string;
  /** What the text states about 三公经费, where the table is missing or as a complement. */
  facts: Fact[];
}

/** Every disclosure's 三公经费: the table's total row (or its only row), and the figures stated in the text. */
export function threePublicByDisclosure(docs: readonly Disclosure[]): ThreePublic[] {
  const result: ThreePublic[] = [];
  for (const doc of docs) {
    const table = doc.tables.find((t) => t.kind === 'three-public-expenditure') ?? null;
    const consolidated = table?.rows.filter((r) => r.group === null && r.role !== 'group-header') ?? [];
    const row = consolidated.find((r) => r.role === 'total') ?? (consolidated.length === 1 ? consolidated[0] : undefined);
    const facts = doc.facts.filter((f) => f.id.startsWith('three-public'));
    if (!row && facts.length === 0 && !table) continue;
    result.push({ doc, table, values: row?.values ?? {}, unit: table?.unit ?? doc.unit ?? '', facts });
  }
  return result;
}
