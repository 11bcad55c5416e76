import type { TableKind } from '../../../schema/table.ts';
import type { CodeScheme } from '../../../core/codes.ts';
import { TEMPLATE_ORDER } from '../kinds.ts';

/** What a row shows about its table's kind: its code, and how many amounts it prints. */
export interface ShapeRow {
  code: string | null;
  scheme: CodeScheme | null;
  level: 1 | 2 | 3 | null;
  numbers: readonly unknown[];
}

/** What a table's body shows about its kind when its title was lost (a spaced table's or a grid's, alike). */
export interface Shape {
  twoSided: boolean;
  rows: readonly ShapeRow[];
  headerLabels: readonly string[];
}

const SPENDING_BY_FUNCTION: readonly TableKind[] = [
  'income-summary',
  'expenditure-summary',
  'general-budget-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
];

/** 项目支出 tables list projects under a 项: the same 项 code on several rows, or text after the 科目 name. */
function listsProjects(rows: readonly ShapeRow[]): boolean {
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.level !== 3 || !r.code) continue;
    if (seen.has(r.code)) return true;
    seen.add(r.code);
  }
  return false;
}

/** The kinds a table's shape allows, most specific evidence first. */
export function kindsForShape(shape: Shape): readonly TableKind[] {
  const labels = new Set(shape.headerLabels);
  if (shape.twoSided) return ['income-expenditure-summary', 'fiscal-appropriation-summary'];
  if (labels.has('因公出国（境）费') || labels.has('公务接待费')) return ['three-public-expenditure'];
  if (labels.has('人员经费')) return ['general-budget-basic-expenditure'];
  const coded = shape.rows.filter((r) => r.code);
  if (coded.length === 0) {
    if (shape.rows.length === 0) return TEMPLATE_ORDER;
    const widest = Math.max(...shape.rows.map((r) => r.numbers.length));
    return widest <= 6 ? ['three-public-expenditure'] : ['other'];
  }
  const economic = coded.filter((r) => r.scheme !== 'function').length;
  if (economic > coded.length / 2) return ['general-budget-basic-expenditure'];
  if (listsProjects(shape.rows) || labels.has('项目支出合计')) return ['general-budget-project-expenditure'];
  if (labels.has('事业收入') || labels.has('一般公共预算拨款')) return ['income-summary'];
  if (labels.has('基本支出')) return SPENDING_BY_FUNCTION.filter((k) => k !== 'income-summary');
  return SPENDING_BY_FUNCTION;
}

/**
 * Names untitled tables by the standard template's order: each takes the first kind its shape allows that comes
 * after the kind of the table before it. Titled tables keep their title's kind and move the position along.
 */
export function inferKinds(tables: ReadonlyArray<{ titleKind: TableKind | null; shape: Shape }>): TableKind[] {
  let cursor = 0;
  return tables.map(({ titleKind, shape }) => {
    let kind = titleKind;
    if (!kind) {
      const allowed = kindsForShape(shape);
      kind = TEMPLATE_ORDER.slice(cursor).find((k) => allowed.includes(k)) ?? allowed[0] ?? 'other';
    }
    const at = TEMPLATE_ORDER.indexOf(kind);
    if (at >= 0) cursor = at + 1;
    return kind;
  });
}
