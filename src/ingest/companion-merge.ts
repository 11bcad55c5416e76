import { disclosure, type Disclosure } from '../schema/disclosure.ts';
import type { Check } from '../schema/common.ts';
import { threePublicFactChecks } from './narrative/fact-checks.ts';

/**
 * The parts of one disclosure (see companions.ts) merged into one document. A module of its own: it validates the
 * merged document, and the CLI's main thread loads the schema for that only when a batch has parts to join.
 */

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
 * The text volume's checks with its “三公” figures compared again, now with the tables volumes' “三公” table (北京 民政局
 * 2026: the notes state 282.16 万元, 预算09表 prints it); a check keeps the boxes of its text's lines, the only ones
 * drawn on the text volume's pages. Where the text volume has a “三公” table of its own, its checks stand.
 */
function notesChecks(notes: Disclosure, tables: readonly Disclosure[]): Check[] {
  const own = (c: Check) => c.id.startsWith('fact:three-public:');
  if (notes.tables.some((t) => t.kind === 'three-public-expenditure') || !notes.checks.some(own)) return notes.checks;
  const before = new Map(notes.checks.filter(own).map((c) => [c.id, c]));
  const again = threePublicFactChecks(notes.facts, tables.flatMap((t) => t.tables)).map((c) => {
    const boxes = before.get(c.id)?.boxes;
    return boxes ? { ...c, boxes } : c;
  });
  const at = notes.checks.findIndex(own);
  return [...notes.checks.slice(0, at).filter((c) => !own(c)), ...again, ...notes.checks.slice(at).filter((c) => !own(c))];
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
    checks: [notesChecks(parts[0], parts.slice(1)), ...parts.slice(1).map((p) => p.checks)].flat(),
    unparsed: parts.flatMap((p) => p.unparsed),
    warnings: parts.flatMap((p) => p.warnings),
  });
}
