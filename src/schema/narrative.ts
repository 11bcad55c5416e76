import { z } from 'astro/zod';
import { lineRange } from './common.ts';

export const section = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  heading: z.string().nullable(),
  /** 1 = 第一部分 / 一、 …, 2 = （一）/ 1. …, 3 = deeper. */
  level: z.number().int().min(1).max(4),
  paragraphs: z.array(z.string()),
  /** The page a table of contents prints after the heading (`一、基本情况 1`), kept apart from the heading. */
  pageReference: z.number().int().optional(),
  lines: lineRange,
});

export const glossaryEntry = z.object({
  term: z.string().min(1),
  definition: z.string(),
  lines: lineRange,
});

export const project = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  amount: z.number().nullable(),
  /** 支出功能分类 code of the project, where a table gives it. */
  code: z.string().nullable(),
  basis: z.string().nullable(),
  scale: z.string().nullable(),
  implementer: z.string().nullable(),
  allocation: z.string().nullable(),
  schedule: z.string().nullable(),
  group: z.string().nullable().default(null),
  /** Listed by name (and amount) but its details are not published (不宜公开 / 涉密). */
  withheld: z.boolean().default(false),
  lines: lineRange,
});

export const withheldProjects = z.object({
  count: z.number().int().nullable(),
  amount: z.number().nullable(),
  text: z.string(),
  lines: lineRange,
});

export const fact = z.object({
  /** Stable id such as `three-public.total`, `operating-costs`, `procurement.goods`, `assets.vehicles`. */
  id: z.string().min(1),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  /** Change from the previous year as stated in the text (signed), where given. */
  change: z.number().nullable().default(null),
  text: z.string(),
  lines: lineRange,
});

export const overview = z.object({
  duties: z.array(z.string()),
  /** Duties listed under separate titles (the department's own, a sub-unit's), in order; empty when not grouped. */
  dutyGroups: z.array(z.object({ title: z.string(), duties: z.array(z.string()) })).default([]),
  offices: z.array(z.string()),
  subunits: z.array(z.object({ name: z.string(), kind: z.string().nullable() })),
  staff: z.object({
    authorized: z.number().nullable(),
    actual: z.number().nullable(),
    active: z.number().nullable(),
    retired: z.number().nullable(),
    retiredEarly: z.number().nullable(),
    changes: z.array(z.object({ category: z.string(), delta: z.number() })).default([]),
  }),
});

export type Section = z.infer<typeof section>;
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
export type Project = z.infer<typeof project>;
export type Fact = z.infer<typeof fact>;
export type Overview = z.infer<typeof overview>;
