import type { Fact, GlossaryEntry, Overview, Project, Section } from '../../schema/narrative.ts';
import type { Disclosure } from '../../schema/disclosure.ts';
import type { Check } from '../../schema/common.ts';
import type { Table } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';
import type { ProseBlock } from '../layout/blocks.ts';
import { compareAmounts } from '../checks.ts';
import { emptyClaims, type Claims } from '../claims.ts';
import { checkFacts } from './fact-checks.ts';
import { readFacts } from './facts.ts';
import { readGlossary } from './glossary.ts';
import { readOverview } from './overview.ts';
import { readListedProjects } from './listed-projects.ts';
import { readProjects } from './projects.ts';
import { buildProseSections, isContents } from './sections.ts';
import { statedUnit } from '../../core/units.ts';

export interface NarrativeResult extends Claims {
  sections: Section[];
  overview: Overview | null;
  projects: Project[];
  withheldProjects: Disclosure['withheldProjects'];
  facts: Fact[];
  glossary: GlossaryEntry[];
}

/** The amount unit most of the document's tables use, else the one its `单位：…` lines state most often. */
export function documentUnit(lines: readonly SourceLine[], tables: readonly Table[]): string | null {
  const counts = new Map<string, number>();
  const units = tables.map((t) => t.unit).filter((u) => u !== null);
  const source = units.length > 0 ? units : lines.flatMap((l) => statedUnit(l.text) ?? []);
  for (const u of source) counts.set(u, (counts.get(u) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function officeCountCheck(overview: Overview | null, stated: number | null): Check[] {
  if (overview === null || stated === null) return [];
  return [
    compareAmounts('overview:offices:count', '列出的内设机构数 = 说明中所述个数', stated, overview.offices.length, [], 0),
  ];
}

/**
 * Reads the prose: sections from the document's prose blocks (`blocks`, layout/prose-blocks.ts: the runs of lines that
 * no table or target reader took), then the overview, projects, key facts and glossary from those sections. `lines`
 * is the whole text, for the unit it states; `tables` is given so that facts can be checked against them. Sections
 * account for every prose line, so nothing is claimed here.
 */
export function parseNarrative(lines: readonly SourceLine[], blocks: readonly ProseBlock[], tables: readonly Table[]): NarrativeResult {
  const sections = buildProseSections(blocks);
  // A 目录's entries name the topics the readers look for, with nothing under them to read.
  const prose = sections.filter((s) => !isContents(s.section));
  const unit = documentUnit(lines, tables);
  const glossary = readGlossary(prose);
  const projects = readProjects(prose, tables, unit, glossary.paragraphs);
  const listed = projects.projects.length === 0 ? readListedProjects(prose, glossary.paragraphs) : { projects: [], checks: [] };
  const { overview, statedOffices } = readOverview(prose, tables);
  const facts = readFacts(prose, new Set([...glossary.paragraphs, ...projects.paragraphs]));
  const result = emptyClaims();
  result.checks.push(
    ...checkFacts(
      facts,
      tables,
      glossary.entries,
      overview,
      prose.flatMap((s) => s.paragraphs).filter((p) => !glossary.paragraphs.has(p)),
    ),
    ...officeCountCheck(overview, statedOffices),
    ...projects.checks,
    ...listed.checks,
  );
  return {
    ...result,
    sections: sections.map((s) => s.section),
    overview,
    projects: [...projects.projects, ...listed.projects],
    withheldProjects: projects.withheld,
    facts,
    glossary: glossary.entries,
  };
}
