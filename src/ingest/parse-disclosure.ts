import { disclosure, type Disclosure } from '../schema/disclosure.ts';
import type { Unparsed } from '../schema/common.ts';
import { claimedSet } from './claims.ts';
import { readMetadata } from './metadata.ts';
import { regionOf } from './regions.ts';
import { parseNarrative } from './narrative/index.ts';
import { isPageFurniture } from './narrative/headings.ts';
import { linkTargets, parsePerformance } from './performance/index.ts';
import { isBlank, toSourceLines, type SourceLine } from './source-lines.ts';
import { parseTables } from './tables/index.ts';
import type { SourceFormat } from './sources/index.ts';

export interface SourceInfo {
  file: string;
  sha256: string;
  format: SourceFormat;
  encoding: string;
  pageStarts?: number[];
}

/** A slug from the file name: lower-case ASCII words, or a hash-based one where the name has none. */
export function slugFor(file: string, sha256: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.length >= 3 ? slug : `doc-${sha256.slice(0, 12)}`;
}

/**
 * Every non-blank line must end up somewhere: in a claimed (structured) range, in a section, or in `unparsed`.
 * Lines nothing accounted for are added to `unparsed`, so a parser bug can lose structure but never text.
 */
function accountForEveryLine(
  lines: readonly SourceLine[],
  covered: ReadonlySet<number>,
  unparsed: Unparsed[],
): Unparsed[] {
  const inUnparsed = claimedSet(unparsed.map((u) => u.lines));
  const missing: Unparsed[] = [];
  for (const line of lines) {
    if (isBlank(line) || covered.has(line.no) || inUnparsed.has(line.no) || isPageFurniture(line.text)) continue;
    missing.push({ lines: { first: line.no, last: line.no }, text: line.text, reason: '未能归入任何表格、指标或说明段落' });
  }
  return missing;
}

/** Text in, data out: the whole parse of one disclosure, validated against the schema. */
export function parseDisclosure(text: string, source: SourceInfo): Disclosure {
  const lines = toSourceLines(text);
  const meta = readMetadata(lines);

  const tables = parseTables(lines);
  const tableLines = claimedSet(tables.claimed);
  const performance = parsePerformance(lines, tableLines);
  const taken = claimedSet([...tables.claimed, ...performance.claimed]);
  const narrative = parseNarrative(lines, taken, tables.tables);
  // Targets name their project; only now are both the projects and the 项目支出 tables known.
  const linked = linkTargets(performance.targets, narrative.projects, tables.tables);

  const covered = claimedSet([
    ...tables.claimed,
    ...performance.claimed,
    ...narrative.claimed,
    ...narrative.sections.map((s) => s.lines),
  ]);
  const unparsed = [...tables.unparsed, ...performance.unparsed, ...narrative.unparsed];
  unparsed.push(...accountForEveryLine(lines, covered, unparsed));
  unparsed.sort((a, b) => a.lines.first - b.lines.first);

  const evaluation = performance.evaluation;
  // An evaluation report's title names the project, not the department: its 预算单位 is the department.
  const department = (meta.kind === 'performance-evaluation' && evaluation?.budgetUnit) || meta.department;
  return disclosure.parse({
    schemaVersion: 1,
    slug: slugFor(source.file, source.sha256),
    ...meta,
    department,
    region: department === meta.department ? meta.region : regionOf(department, text),
    source: { ...source, lineCount: lines.length },
    overview: narrative.overview,
    sections: narrative.sections,
    tables: tables.tables,
    projects: narrative.projects,
    withheldProjects: narrative.withheldProjects,
    targets: linked.targets,
    evaluation,
    facts: narrative.facts,
    glossary: narrative.glossary,
    checks: [...tables.checks, ...performance.checks, ...narrative.checks, ...linked.checks],
    unparsed,
    warnings: [...tables.warnings, ...performance.warnings, ...narrative.warnings, ...linked.warnings],
  });
}
