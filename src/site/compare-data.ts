/**
 * What the compare view needs of one department, as a small JSON its page carries and the browser fetches only for the
 * departments a reader picks: each year's figures in 万元, the 功能分类 mix with the 类 names, and staff where parsed. The
 * browser code reads this shape and imports nothing else of the site's build-time modules.
 */
import { FUNCTION_CLASSES } from '../core/codes.ts';
import { type Department, SCOPE_LABELS } from './departments.ts';
import { KIND_LABELS } from './format.ts';

export interface CompareYear {
  year: number | null;
  kind: string;
  title: string;
  slug: string;
  income: number | null;
  expenditure: number | null;
  basic: number | null;
  project: number | null;
  threePublic: number | null;
  /** 功能分类 类 "code name" → amount in 万元. */
  classes: Record<string, number>;
  authorized: number | null;
  actualStaff: number | null;
}

export interface CompareDepartment {
  slug: string;
  name: string;
  scope: string;
  region: string[];
  years: CompareYear[];
}

export function compareData(department: Department): CompareDepartment {
  return {
    slug: department.identity.slug,
    name: department.identity.name,
    scope: SCOPE_LABELS[department.identity.scope],
    region: department.identity.region,
    years: department.docs
      .filter((d) => d.kind === 'budget' || d.kind === 'final-account')
      .map((doc) => {
        const f = doc.figures;
        return {
          year: doc.year,
          kind: KIND_LABELS[doc.kind],
          title: doc.title,
          slug: doc.slug,
          income: f.income,
          expenditure: f.expenditure,
          basic: f.basic,
          project: f.project,
          threePublic: f.threePublic,
          classes: Object.fromEntries(f.byClass.map(([code, v]) => [`${code} ${FUNCTION_CLASSES[code] ?? ''}`.trim(), v])),
          authorized: doc.staff.authorized,
          actualStaff: doc.staff.actual,
        };
      }),
  };
}
