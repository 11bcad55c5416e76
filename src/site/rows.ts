import type { Disclosure } from '../schema/disclosure.ts';
import { departmentIdentity } from './departments.ts';
import { unitFactor } from '../core/units.ts';
import { inferredSaying } from '../core/inferred-title.ts';
import { downloadLabel } from './csv.ts';

export const ROW_FIELDS = [
  'disclosure',
  'department',
  'department_id',
  'year',
  'phase',
  'table',
  'table_kind',
  'table_title',
  'table_inferred',
  'group',
  'code',
  'code_scheme',
  'name',
  'role',
  'column',
  'column_label',
  'value',
  'unit',
  'factor',
] as const;

/** Every table cell of a disclosure as one long row (one value per line): its part of the corpus-wide download. */
export function disclosureRows(doc: Pick<Disclosure, 'slug' | 'title' | 'department' | 'region' | 'year' | 'kind' | 'unit' | 'tables'>): Array<Array<string | number | null>> {
  const out: Array<Array<string | number | null>> = [];
  const identity = departmentIdentity(doc);
  for (const table of doc.tables) {
    const unit = table.unit ?? doc.unit;
    for (const row of table.rows) {
      for (const column of table.columns) {
        if (!(column.key in row.values)) continue;
        out.push([
          doc.slug,
          doc.department,
          identity?.slug ?? null,
          doc.year,
          doc.kind,
          table.id,
          table.kind,
          table.title,
          inferredSaying(table) || null,
          row.group,
          row.code,
          row.codeScheme,
          row.name,
          row.role,
          column.key,
          downloadLabel(column),
          row.values[column.key],
          unit,
          unitFactor(unit),
        ]);
      }
    }
  }
  return out;
}
