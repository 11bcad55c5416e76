import type { DisclosureSansChecks } from '../schema/disclosure.ts';
import type { Table, TableRow } from '../schema/table.ts';
import { inferredMark } from '../core/inferred-title.ts';

/**
 * The table whose total row states the department's spending in `column` (合计, or its 基本支出/项目支出 split): the
 * 支出总表, else the 一般公共预算支出表.
 */
export function spendingTable(
  doc: Pick<DisclosureSansChecks, 'tables'>,
  column: 'total' | 'basic' | 'project' = 'total',
): { table: Table; total: TableRow } | null {
  for (const kind of ['expenditure-summary', 'general-budget-expenditure'] as const) {
    const table = doc.tables.find((t) => t.kind === kind && t.rows.length > 0);
    const total = table?.rows.find((r) => r.role === 'total' && r.group === null && r.values[column] != null);
    if (table && total) return { table, total };
  }
  return null;
}

/**
 * The disclosure's headline amount with its unit: total expenditure of the summary tables (in the table's unit), or
 * an evaluation's budget (evaluation reports state amounts in 万元). `inferred` says, where it is so, that the amount
 * was taken from a table whose kind the parser told from its contents (core/inferred-title.ts): the figure is then the
 * parser's reading of which table holds the total, not the source's word.
 */
export function headlineAmount(doc: DisclosureSansChecks): { value: number; label: string; unit: string; inferred?: string } | null {
  const found = spendingTable(doc);
  if (found) {
    const inferred = inferredMark(found.table, false);
    return { value: found.total.values.total!, label: '支出合计', unit: found.table.unit ?? doc.unit ?? '', ...(inferred && { inferred }) };
  }
  if (doc.evaluation?.budgetAmount != null) return { value: doc.evaluation.budgetAmount, label: '预算金额', unit: '万元' };
  return null;
}
