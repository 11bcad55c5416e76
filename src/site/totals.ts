import type { Disclosure } from '../schema/disclosure.ts';

/** The disclosure's headline amount: total expenditure of the summary tables, or an evaluation's budget. */
export function headlineAmount(doc: Disclosure): { value: number; label: string } | null {
  for (const kind of ['expenditure-summary', 'general-budget-expenditure'] as const) {
    const table = doc.tables.find((t) => t.kind === kind);
    const total = table?.rows.find((r) => r.role === 'total' && r.group === null)?.values.total;
    if (total != null) return { value: total, label: '支出合计' };
  }
  if (doc.evaluation?.budgetAmount != null) return { value: doc.evaluation.budgetAmount, label: '预算金额' };
  return null;
}
