import { z } from 'astro/zod';
import { check, unparsed } from './common.ts';
import { table } from './table.ts';
import { evaluation, performanceTarget } from './performance.ts';
import { finding } from './review.ts';
import { fact, glossaryEntry, overview, project, section, withheldProjects } from './narrative.ts';

/** The one description of a parsed disclosure: the ingest CLI validates against it, the content collection loads with it. */
export const disclosure = z.object({
  schemaVersion: z.literal(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  kind: z.enum(['budget', 'final-account', 'performance-evaluation', 'other']),
  department: z.string(),
  /** Province first: ["新疆维吾尔自治区", "喀什地区"]. */
  region: z.array(z.string()),
  year: z.number().int().nullable(),
  publishedAt: z.iso.date().nullable(),
  /** The amount unit the document states (万元, 元). */
  unit: z.string().nullable(),
  source: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(['text', 'pdf', 'xlsx', 'html', 'markdown']),
    encoding: z.string(),
    lineCount: z.number().int().nonnegative(),
    /** 1-based line numbers where page (PDF) or sheet (workbook) 2, 3, … starts: a line's page is found from them. */
    pageStarts: z.array(z.number().int().positive()).default([]),
  }),
  overview: overview.nullable().default(null),
  sections: z.array(section),
  tables: z.array(table),
  projects: z.array(project).default([]),
  withheldProjects: withheldProjects.nullable().default(null),
  targets: z.array(performanceTarget).default([]),
  evaluation: evaluation.nullable().default(null),
  facts: z.array(fact).default([]),
  glossary: z.array(glossaryEntry),
  checks: z.array(check),
  /** What a reviewer would point out before publishing (src/review): contradictions, omissions, placeholders. */
  findings: z.array(finding).default([]),
  unparsed: z.array(unparsed),
  warnings: z.array(z.string()).default([]),
});

export type Disclosure = z.infer<typeof disclosure>;
/** What parsers produce before defaults are applied. */
export type DisclosureInput = z.input<typeof disclosure>;
