import type { Disclosure } from '../schema/disclosure.ts';
import type { TableKind } from '../schema/table.ts';
import { compact } from '../core/width.ts';
import { toSourceLines } from './source-lines.ts';
import { STATED_KINDS, statedFigures, type StatedFigures, type StatedKind } from './tables/spaced/stated-figures.ts';

/**
 * A disclosure may be published as several files: a text volume (情况说明) and a tables volume (报表 / 公开表), as
 * Beijing and Jiangsu publish them. Each is parsed on its own; this module finds the files that are parts of one
 * disclosure from what their content says (department, year, kind); companion-merge.ts merges them into one document.
 */

/** What joining needs to know of a parsed file; small, so that a batch of hundreds need not be kept in memory. */
export interface CompanionFacts {
  slug: string;
  file: string;
  department: string;
  year: number | null;
  kind: Disclosure['kind'];
  scope: Disclosure['scope'];
  isTemplate: boolean;
  /** Tables of the national set, not the small 机构设置 / 资产 tables a text volume may also print. */
  budgetTables: number;
  paragraphs: number;
  /** What a file that may be a text volume states of the tables (stated-figures.ts); nothing for any other file. */
  stated: StatedFigures;
  /** The tables of those kinds whose amounts the identities left open: what a text volume's figures may settle. */
  open: StatedKind[];
}

export interface CompanionGroup<T extends CompanionFacts> {
  notes: T;
  tables: T[];
  /** Why these files were joined, in Chinese, for the CLI to print. */
  reason: string;
}

const PERIPHERAL_TABLES: ReadonlySet<TableKind> = new Set(['other', 'institution-list', 'fixed-assets']);

/** `text`: the document's as parsed, for what it states. */
export function companionFacts(doc: Disclosure, text: string): CompanionFacts {
  const budgetTables = doc.tables.filter((t) => !PERIPHERAL_TABLES.has(t.kind)).length;
  const paragraphs = doc.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  return {
    slug: doc.slug,
    file: doc.source.file,
    department: doc.department,
    year: doc.year,
    kind: doc.kind,
    scope: doc.scope,
    isTemplate: doc.isTemplate,
    budgetTables,
    paragraphs,
    stated: isTextVolume({ budgetTables, paragraphs }) ? statedFigures(toSourceLines(text), doc.tables.map((t) => t.lines)) : {},
    open: STATED_KINDS.filter((kind) => doc.tables.some((t) => t.kind === kind && t.rows.some((r) => r.uncertain.length > 0))),
  };
}

/** A file that prints no table of the national set, but prose: a text volume, if another file holds its tables. */
function isTextVolume(facts: Pick<CompanionFacts, 'budgetTables' | 'paragraphs'>): boolean {
  return facts.budgetTables === 0 && facts.paragraphs > 0;
}

/**
 * What the text volume states of the tables a tables volume left open (北京 民政局 2026: the 说明 states 基本支出
 * 45980.56 万元, 项目支出 23336.75 万元; the 报表's 预算03表 合计 row, read without positions, prints two of five
 * parts): a parse of that volume with them places those tables as a single file would be placed. Null where they
 * settle nothing, and the volume is not parsed again.
 */
export function figuresFor(notes: CompanionFacts, tables: CompanionFacts): StatedFigures | null {
  const kinds = tables.open.filter((kind) => notes.stated[kind]);
  return kinds.length > 0 ? Object.fromEntries(kinds.map((kind) => [kind, notes.stated[kind]])) : null;
}

/** A 绩效目标表 volume belongs with its budget; accounts only with accounts. Evaluation reports stand alone. */
function kindFamily(kind: Disclosure['kind']): string | null {
  if (kind === 'budget' || kind === 'performance-target') return 'budget';
  if (kind === 'final-account') return 'final-account';
  return null;
}

const KIND_WORDS: Readonly<Record<string, string>> = { budget: '预算', 'final-account': '决算' };

/** The department as both volumes print it, whatever the spacing, and with or without a qualifier such as (本级). */
function normalisedDepartment(department: string): string {
  return compact(department).replace(/\([^)]{1,8}\)$/, '');
}

/**
 * Groups the files that are parts of one disclosure: the same department, year and kind family, exactly one text
 * volume (no tables of the national set, some prose) and at least one tables volume of a compatible scope (部门 with
 * 部门, or a volume that does not say). Two complete disclosures (a 部门预算 and a 单位预算 of one body) are never
 * joined, since neither lacks its tables. Pure: the inputs are not modified.
 */
export function joinCompanions<T extends CompanionFacts>(docs: readonly T[]): CompanionGroup<T>[] {
  const byKey = new Map<string, T[]>();
  for (const doc of docs) {
    const family = kindFamily(doc.kind);
    const department = normalisedDepartment(doc.department);
    if (!family || !department || doc.year === null || doc.isTemplate) continue;
    const key = `${department}|${doc.year}|${family}`;
    byKey.set(key, [...(byKey.get(key) ?? []), doc]);
  }
  const groups: CompanionGroup<T>[] = [];
  for (const members of byKey.values()) {
    const notes = members.filter(isTextVolume);
    if (notes.length !== 1) continue;
    const [text] = notes;
    const tables = members.filter((d) => d.budgetTables > 0 && (d.scope === null || text.scope === null || d.scope === text.scope));
    if (tables.length === 0) continue;
    const tableCount = tables.reduce((n, d) => n + d.budgetTables, 0);
    groups.push({
      notes: text,
      tables,
      reason:
        `同一部门“${text.department}”、同一年度 ${text.year}、同为${KIND_WORDS[kindFamily(text.kind)!]}：` +
        `${text.file} 是文字说明（没有报表），${tables.map((d) => d.file).join('、')} 含报表 ${tableCount} 张`,
    });
  }
  return groups;
}
