import { z } from 'astro/zod';
import { lineRange } from './common.ts';

/** The families of review rules: what kind of mistake a finding reports. */
export const findingFamily = z.enum([
  'completeness',
  'identity',
  'wording',
  'figures',
  'classification',
  'units',
  'text',
  'rounding',
]);

/**
 * One thing a reviewer would point out before publishing: a source defect, stated in plain Chinese with both
 * sides of the comparison. `错误` must be fixed; `提示` is worth a look (rounding, a likely but unsure defect).
 */
export const finding = z.object({
  /** Stable within a document: the rule id and what it concerns (`wording.budget-actual:2130505`). */
  id: z.string().min(1),
  /** The rule that found it (`completeness.table`, `identity.placeholder` …). */
  rule: z.string().min(1),
  family: findingFamily,
  severity: z.enum(['错误', '提示']),
  message: z.string().min(1),
  /** What the document says here (the text's figure or word), and what the other statement of it says. */
  stated: z.union([z.number(), z.string(), z.null()]).default(null),
  expected: z.union([z.number(), z.string(), z.null()]).default(null),
  lines: z.array(lineRange).default([]),
  /** Pages (PDF) or sheets (workbook) of those lines, where the source has pages. */
  pages: z.array(z.number().int().positive()).default([]),
});

export type FindingFamily = z.infer<typeof findingFamily>;
export type Finding = z.infer<typeof finding>;
export type Severity = Finding['severity'];
