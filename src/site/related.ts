import type { DisclosureSummary } from './disclosure-summary.ts';

/**
 * The core of a project's name, for matching the same project across documents: without the region and year
 * prefixes and the 项目 / 专项 / 经费 suffixes that documents add or drop, and without white space.
 */
export function projectNameCore(name: string, region: readonly string[] = []): string {
  let core = name.replace(/\s+/g, '');
  for (const place of region) core = core.split(place).join('');
  return core
    .replace(/20\d{2}年度?/g, '')
    .replace(/(?:项目|专项|经费|资金)+$/g, '')
    .replace(/(?:项目|专项|经费|资金)+$/g, '');
}

const MIN_CORE_LENGTH = 4;

export interface RelatedProject {
  slug: string;
  title: string;
  projectId: string;
  name: string;
  amount: number | null;
  unit: string | null;
}

type RelatedSource = Pick<DisclosureSummary, 'slug' | 'title' | 'region' | 'unit' | 'projects' | 'evaluatedProject'>;

/** Every run of MIN_CORE_LENGTH characters of a name core: two cores one of which contains the other share one. */
function grams(core: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + MIN_CORE_LENGTH <= core.length; i++) out.add(core.slice(i, i + MIN_CORE_LENGTH));
  return out;
}

/**
 * For each disclosure that evaluates a project (an evaluation report), the projects of other disclosures whose name
 * core contains, or is contained in, the evaluated project's, in the order of `docs` and their projects. Built once
 * for the whole corpus: the evaluated names are indexed by their runs of characters, and each project of the corpus
 * is compared only with the evaluated names it shares a run with, instead of every evaluation scanning every project.
 */
export function relatedProjectsByDocument(docs: readonly RelatedSource[]): Map<string, RelatedProject[]> {
  const related = new Map<string, RelatedProject[]>();
  const byGram = new Map<string, Array<{ slug: string; core: string }>>();
  for (const doc of docs) {
    const core = doc.evaluatedProject ? projectNameCore(doc.evaluatedProject, doc.region) : '';
    if (core.length < MIN_CORE_LENGTH) continue;
    related.set(doc.slug, []);
    for (const gram of grams(core)) {
      const queries = byGram.get(gram);
      if (queries) queries.push({ slug: doc.slug, core });
      else byGram.set(gram, [{ slug: doc.slug, core }]);
    }
  }
  if (byGram.size === 0) return related;
  for (const doc of docs) {
    for (const p of doc.projects) {
      const other = projectNameCore(p.name, doc.region);
      if (other.length < MIN_CORE_LENGTH) continue;
      const matched = new Set<string>();
      for (const gram of grams(other)) {
        for (const query of byGram.get(gram) ?? []) {
          if (query.slug === doc.slug || matched.has(query.slug)) continue;
          if (!other.includes(query.core) && !query.core.includes(other)) continue;
          matched.add(query.slug);
          related.get(query.slug)!.push({ slug: doc.slug, title: doc.title, projectId: p.id, name: p.name, amount: p.amount, unit: doc.unit });
        }
      }
    }
  }
  return related;
}
