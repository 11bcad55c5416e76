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

/** Projects in other disclosures whose name core contains, or is contained in, the given project's. */
export function relatedProjects(name: string, region: readonly string[], docs: ReadonlyArray<Pick<DisclosureSummary, 'slug' | 'title' | 'region' | 'unit' | 'projects'>>, exceptSlug: string): RelatedProject[] {
  const core = projectNameCore(name, region);
  if (core.length < MIN_CORE_LENGTH) return [];
  return docs
    .filter((doc) => doc.slug !== exceptSlug)
    .flatMap((doc) =>
      doc.projects
        .filter((p) => {
          const other = projectNameCore(p.name, doc.region);
          return other.length >= MIN_CORE_LENGTH && (other.includes(core) || core.includes(other));
        })
        .map((p) => ({ slug: doc.slug, title: doc.title, projectId: p.id, name: p.name, amount: p.amount, unit: doc.unit })),
    );
}
