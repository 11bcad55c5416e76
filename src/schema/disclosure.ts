import { z } from 'astro/zod';
import { checkList, unparsed } from './common.ts';
import { table } from './table.ts';
import { evaluation, performanceTarget } from './performance.ts';
import { finding } from './review.ts';
import { fact, glossaryEntry, overview, project, section, withheldProjects } from './narrative.ts';

const sourceFormat = z.enum(['text', 'pdf', 'xlsx', 'xls', 'ods', 'fods', 'csv', 'docx', 'html', 'markdown']);

/** The one description of a parsed disclosure: the ingest CLI validates against it, the content collection loads with it. */
export const disclosure = z.object({
  schemaVersion: z.literal(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  kind: z.enum(['budget', 'final-account', 'performance-target', 'performance-evaluation', 'other']),
  /** 部门 (the department with its units, consolidated) or 单位 (one unit): the same body publishes both. */
  scope: z.enum(['department', 'unit']).nullable().default(null),
  department: z.string(),
  /** A blank template (上海市 XX 局) rather than a real department's disclosure: listings leave it out. */
  isTemplate: z.boolean().default(false),
  /** Province first: ["新疆维吾尔自治区", "喀什地区"]. */
  region: z.array(z.string()),
  year: z.number().int().nullable(),
  /** The years a report covers when it covers several (2021–2024); `year` is then the last of them. */
  yearSpan: z.object({ from: z.number().int(), to: z.number().int() }).nullable().default(null),
  publishedAt: z.iso.date().nullable(),
  /** The amount unit the document states (万元, 元). */
  unit: z.string().nullable(),
  source: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: sourceFormat,
    encoding: z.string(),
    lineCount: z.number().int().nonnegative(),
    /** 1-based line numbers where page (PDF) or sheet (workbook) 2, 3, … starts: a line's page is found from them. */
    pageStarts: z.array(z.number().int().positive()).default([]),
  }),
  /**
   * The files of a disclosure published in several (说明 + 报表 volumes), in order; a line range's `part` indexes
   * this list. Empty for a disclosure in one file, which `source` describes alone.
   */
  parts: z
    .array(
      z.object({
        file: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        format: sourceFormat,
        lineCount: z.number().int().nonnegative(),
        pageStarts: z.array(z.number().int().positive()).default([]),
        /** 说明 (the text volume) or 报表 (the tables volume). */
        role: z.enum(['notes', 'tables']),
      }),
    )
    .default([]),
  overview: overview.nullable().default(null),
  sections: z.array(section),
  tables: z.array(table),
  projects: z.array(project).default([]),
  withheldProjects: withheldProjects.nullable().default(null),
  targets: z.array(performanceTarget).default([]),
  evaluation: evaluation.nullable().default(null),
  facts: z.array(fact).default([]),
  glossary: z.array(glossaryEntry),
  checks: checkList,
  /** What a reviewer would point out before publishing (src/review): contradictions, omissions, placeholders. */
  findings: z.array(finding).default([]),
  unparsed: z.array(unparsed),
  warnings: z.array(z.string()).default([]),
});

export type Disclosure = z.infer<typeof disclosure>;
/**
 * A disclosure but its checks: what its summaries, figures and listings read, since the content loader leaves an
 * accepted text's checks unread (src/site/summary.ts `SummarySource`).
 */
export type DisclosureSansChecks = Omit<Disclosure, 'checks'>;
