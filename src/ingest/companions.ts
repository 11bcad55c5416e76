import { disclosure, type Disclosure } from '../schema/disclosure.ts';
import type { Check } from '../schema/common.ts';
import type { TableKind } from '../schema/table.ts';
import { foldWidth } from '../core/width.ts';

/**
 * A disclosure may be published as several files: a text volume (情况说明) and a tables volume (报表 / 公开表), as
 * Beijing and Jiangsu publish them. Each is parsed on its own; this module finds the files that are parts of one
 * disclosure from what their content says (department, year, kind), and merges them into one document.
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
}

export type PartRole = Disclosure['parts'][number]['role'];

export interface CompanionGroup<T extends CompanionFacts> {
  notes: T;
  tables: T[];
  /** Why these files were joined, in Chinese, for the CLI to print. */
  reason: string;
}

const PERIPHERAL_TABLES: ReadonlySet<TableKind> = new Set(['other', 'institution-list', 'fixed-assets']);

export function companionFacts(doc: Disclosure): CompanionFacts {
  return {
    slug: doc.slug,
    file: doc.source.file,
    department: doc.department,
    year: doc.year,
    kind: doc.kind,
    scope: doc.scope,
    isTemplate: doc.isTemplate,
    budgetTables: doc.tables.filter((t) => !PERIPHERAL_TABLES.has(t.kind)).length,
    paragraphs: doc.sections.reduce((n, s) => n + s.paragraphs.length, 0),
  };
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
  return foldWidth(department).replace(/\s+/g, '').replace(/\([^)]{1,8}\)$/, '');
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
    const notes = members.filter((d) => d.budgetTables === 0 && d.paragraphs > 0);
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

/** Every line range in a part's data, marked with the part it is in: line numbers stay relative to their file. */
function inPart<T>(value: T, part: number): T {
  if (Array.isArray(value)) return value.map((v) => inPart(v, part)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  // A line range is the schema's only object of exactly `first` and `last` numbers.
  const isRange = entries.length === 2 && typeof (value as { first?: unknown }).first === 'number' && typeof (value as { last?: unknown }).last === 'number';
  if (isRange) return { ...value, part };
  return Object.fromEntries(entries.map(([k, v]) => [k, inPart(v, part)])) as T;
}

/** Ids already taken by an earlier part get the part's number appended, so that anchors and CSV names stay unique. */
function renamer(taken: Set<string>, part: number) {
  return (id: string): string => {
    const renamed = taken.has(id) ? `${id}-p${part}` : id;
    taken.add(renamed);
    return renamed;
  };
}

interface IdSpaces {
  tables: Set<string>;
  sections: Set<string>;
  projects: Set<string>;
  targets: Set<string>;
  facts: Set<string>;
  checks: Set<string>;
}

/** One part's data with its ids made unique against the parts before it; a renamed table's checks follow it. */
function withUniqueIds(doc: Disclosure, part: number, spaces: IdSpaces): Disclosure {
  const tableIds = new Map(doc.tables.map((t) => [t.id, renamer(spaces.tables, part)(t.id)]));
  const projectIds = new Map(doc.projects.map((p) => [p.id, renamer(spaces.projects, part)(p.id)]));
  const sectionId = renamer(spaces.sections, part);
  const targetId = renamer(spaces.targets, part);
  const factId = renamer(spaces.facts, part);
  const checkId = renamer(spaces.checks, part);
  const renameCheck = (c: Check): Check => {
    const [head, ...rest] = c.id.split(':');
    const id = tableIds.has(head) ? [tableIds.get(head), ...rest].join(':') : c.id;
    return { ...c, id: checkId(id) };
  };
  return {
    ...doc,
    tables: doc.tables.map((t) => ({ ...t, id: tableIds.get(t.id)! })),
    projects: doc.projects.map((p) => ({ ...p, id: projectIds.get(p.id)! })),
    sections: doc.sections.map((s) => ({ ...s, id: sectionId(s.id) })),
    targets: doc.targets.map((t) => ({ ...t, id: targetId(t.id), projectId: t.projectId && (projectIds.get(t.projectId) ?? t.projectId) })),
    facts: doc.facts.map((f) => ({ ...f, id: factId(f.id) })),
    checks: doc.checks.map(renameCheck),
  };
}

/**
 * The words the parts' slugs start with (beijing-civil-affairs-2026 from …-notes and …-tables), else the text
 * volume's slug. Only whole words, and most of the text volume's name: two files that share a year or a batch
 * prefix (syn-01…, syn-02…; 2026-<hash of a Chinese name>) are not named by it.
 */
function sharedSlug(slugs: readonly string[]): string {
  const words = slugs.map((s) => s.split('-'));
  let n = 0;
  while (n < words[0].length && words.every((w) => w[n] === words[0][n])) n++;
  const shared = words[0].slice(0, n).join('-');
  return shared.length * 2 >= slugs[0].length ? shared : slugs[0];
}

/**
 * One disclosure from its parts: the text volume's cover (title, department, kind) with what only the tables
 * volume states (year, unit, scope) filled in; the tables, targets and checks of the tables volumes and the
 * sections, overview, projects, facts and glossary of the text, each datum's lines marked with the part it is in
 * (part 0 is the text volume), so nothing of either file is lost. Pure.
 */
export function mergeCompanions(notes: Disclosure, tables: readonly Disclosure[]): Disclosure {
  const spaces: IdSpaces = { tables: new Set(), sections: new Set(), projects: new Set(), targets: new Set(), facts: new Set(), checks: new Set() };
  const parts = [notes, ...tables].map((doc, i) => withUniqueIds(inPart(doc, i), i, spaces));
  const first = <K extends keyof Disclosure>(key: K): Disclosure[K] => parts.map((p) => p[key]).find((v) => v !== null && v !== '') ?? notes[key];
  return disclosure.parse({
    ...notes,
    slug: sharedSlug(parts.map((p) => p.slug)),
    scope: first('scope'),
    year: first('year'),
    // The tables volume states the unit above its tables; the text volume only writes amounts with it.
    unit: tables.find((t) => t.unit !== null)?.unit ?? notes.unit,
    publishedAt: first('publishedAt'),
    parts: [notes, ...tables].map((doc, i) => ({
      file: doc.source.file,
      sha256: doc.source.sha256,
      format: doc.source.format,
      lineCount: doc.source.lineCount,
      pageStarts: doc.source.pageStarts,
      role: i === 0 ? 'notes' : 'tables',
    })),
    overview: first('overview'),
    withheldProjects: first('withheldProjects'),
    evaluation: first('evaluation'),
    tables: parts.flatMap((p) => p.tables),
    sections: parts.flatMap((p) => p.sections),
    projects: parts.flatMap((p) => p.projects),
    targets: parts.flatMap((p) => p.targets),
    facts: parts.flatMap((p) => p.facts),
    glossary: parts.flatMap((p) => p.glossary),
    checks: parts.flatMap((p) => p.checks),
    unparsed: parts.flatMap((p) => p.unparsed),
    warnings: parts.flatMap((p) => p.warnings),
  });
}
