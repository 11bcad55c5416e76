import type { DisclosureSansChecks } from '../schema/disclosure.ts';

/**
 * The disclosure's headline amount with its unit: total expenditure of the summary tables (in the table's unit), or
 * an evaluation's budget (evaluation reports state amounts in 万元).
 */
export function headlineAmount(doc: DisclosureSansChecks): { value: number; label: string; unit: string } | null {
  for (const kind of ['expenditure-summary', 'general-budget-expenditure'] as const) {
    const table = doc.tables.find((t) => t.kind === kind);
    const total = table?.rows.find((r) => r.role === 'total' && r.group === null)?.values.total;
    if (total != null) return { value: total, label: '支出合计', unit: table?.unit ?? doc.unit ?? '' };
  }
  if (doc.evaluation?.budgetAmount != null) return { value: doc.evaluation.budgetAmount, label: '预算金额', unit: '万元' };
  return null;
}
