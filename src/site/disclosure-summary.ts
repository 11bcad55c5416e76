import { z } from 'astro/zod';
import { checkCounts } from '../schema/common.ts';
import { disclosure } from '../schema/disclosure.ts';
import { fact } from '../schema/narrative.ts';
import { functionClassAmounts } from './chart-data.ts';
import { threePublicByDisclosure } from './cross-department.ts';
import { printedThreePublic, statedFormerNames, storedFigures } from './departments.ts';
import { findingsOf } from './check-panel.ts';
import { pageSummary, type SummarySource } from './summary.ts';
import { headlineAmount } from './totals.ts';
import { textCharacters } from './text-page.ts';
import { indicatorCount } from './targets-page.ts';
import { tablePlan } from './table-pages.ts';
import { printedFunctionItems } from './function-items.ts';

const amounts = z.record(z.string(), z.number().nullable());

/**
 * What listings and cross-department pages need of one disclosure: the content collection holds only this, so that
 * Astro's data module grows by a few kilobytes per document, not by the whole document. A page reads its own
 * disclosure in full when it renders (`loadDisclosure`); a department's pages need none (`DepartmentDoc`).
 */
export const disclosureSummary = z.object({
  slug: disclosure.shape.slug,
  title: disclosure.shape.title,
  kind: disclosure.shape.kind,
  isTemplate: z.boolean(),
  department: z.string(),
  region: z.array(z.string()),
  year: z.number().int().nullable(),
  unit: z.string().nullable(),
  source: z.object({ file: z.string(), sha256: z.string(), format: disclosure.shape.source.shape.format, encoding: z.string() }),
  headline: z.object({ value: z.number(), label: z.string(), unit: z.string(), inferred: z.string().optional() }).nullable(),
  counts: z.object({
    checks: z.object({ pass: z.number(), fail: z.number(), 'not-applicable': z.number(), 'not-checkable': z.number() }),
    unparsed: z.number(),
    targets: z.number(),
    /** Indicators of all target tables: whether the targets have their own page (targets-page.ts). */
    indicators: z.number(),
    /** Characters of 正文: whether the text has its own page (text-page.ts). */
    text: z.number(),
  }),
  /**
   * Each table's id and title, whether the title or kind is inferred (core/inferred-title.ts), and the number of its
   * own pages where it has them (table-pages.ts), each said only where it is.
   */
  tables: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      titleInferred: z.literal(true).optional(),
      kindInferred: z.literal(true).optional(),
      pages: z.number().int().positive().optional(),
    }),
  ),
  projects: z.array(z.object({ id: z.string(), name: z.string(), amount: z.number().nullable(), code: z.string().nullable() })),
  /** The evaluated project's name, for "the same project elsewhere" links. */
  evaluatedProject: z.string().nullable(),
  glossary: z.array(z.object({ term: z.string(), definition: z.string() })),
  /** 功能分类 类 code → amount, from the table named by tableId. */
  functionClasses: z.object({ tableId: z.string(), unit: z.string(), amounts: z.record(z.string(), z.number()) }).nullable(),
  /** The 款 and 项 (code, name) its tables print: what the 类 pages list, and a search finds them by (function-items.ts). */
  functionItems: z.array(z.tuple([z.string(), z.string()])),
  /** The 三公经费 stages as `threePublicByDisclosure` reads them (in 万元), `fromText` as a list. */
  threePublic: z
    .object({
      tableId: z.string().nullable(),
      stages: z.array(z.object({ label: z.string(), values: amounts, fromText: z.array(z.string()) })),
    })
    .nullable(),
  /** Former names the document states of its own department, so that departments group from summaries alone. */
  formerNames: z.array(z.string()),
  /**
   * What the department pages, their CSV and the execution ranking read of the document (departments.ts
   * `DepartmentDoc`): the year's figures in 万元 (`yearFigures`), the facts that state a figure (the stated changes
   * are checked against the previous year's), the 三公 预算数/决算数 pairs a 决算 prints, and the staff.
   */
  figures: z.object({
    income: z.number().nullable(),
    expenditure: z.number().nullable(),
    basic: z.number().nullable(),
    project: z.number().nullable(),
    threePublic: z.number().nullable(),
    byClass: z.array(z.tuple([z.string(), z.number()])),
    kindInferred: z.boolean(),
  }),
  figureFacts: z.array(fact.pick({ id: true, label: true, value: true, unit: true, change: true, lines: true })),
  printedThreePublic: z.array(z.object({ label: z.string(), budget: z.number().nullable(), actual: z.number().nullable() })),
  staff: z.object({ authorized: z.number().nullable(), actual: z.number().nullable() }),
  /**
   * The sentences the page opens with (summary.ts) and the 正文 headings: with the title, projects and names, what
   * the search catalog of a sharded build holds of the document (search-catalog.ts `disclosureRecord`).
   */
  sentences: z.array(z.string()),
  headings: z.array(z.string()),
});

export type DisclosureSummary = z.infer<typeof disclosureSummary>;

export function summarize(doc: SummarySource): DisclosureSummary {
  const checks = checkCounts(doc.checks);
  const classes = functionClassAmounts(doc);
  const three = threePublicByDisclosure([doc])[0];
  const ownPages = tablePlan(doc.tables);
  return {
    slug: doc.slug,
    title: doc.title,
    kind: doc.kind,
    isTemplate: doc.isTemplate,
    department: doc.department,
    region: doc.region,
    year: doc.year,
    unit: doc.unit,
    source: { file: doc.source.file, sha256: doc.source.sha256, format: doc.source.format, encoding: doc.source.encoding },
    headline: headlineAmount(doc),
    counts: { checks, unparsed: doc.unparsed.length, targets: doc.targets.length, indicators: indicatorCount(doc.targets), text: textCharacters(doc.sections) },
    tables: doc.tables.map((t) => ({
      id: t.id,
      title: t.title,
      ...(t.titleInferred && { titleInferred: true as const }),
      ...(t.kindInferred && { kindInferred: true as const }),
      ...(ownPages.has(t.id) && { pages: ownPages.get(t.id)!.length }),
    })),
    projects: doc.projects.map((p) => ({ id: p.id, name: p.name, amount: p.amount, code: p.code })),
    evaluatedProject: doc.evaluation?.projectName ?? null,
    glossary: doc.glossary.map((g) => ({ term: g.term, definition: g.definition })),
    functionClasses: classes && { tableId: classes.table.id, unit: classes.unit, amounts: Object.fromEntries(classes.amounts) },
    functionItems: printedFunctionItems(doc.tables),
    threePublic: three
      ? { tableId: three.table?.id ?? null, stages: three.stages.map((s) => ({ label: s.label, values: s.values, fromText: [...s.fromText] })) }
      : null,
    formerNames: statedFormerNames(doc),
    figures: storedFigures(doc),
    figureFacts: doc.facts.filter((f) => f.value != null).map(({ id, label, value, unit, change, lines }) => ({ id, label, value, unit, change, lines })),
    printedThreePublic: printedThreePublic(doc),
    staff: { authorized: doc.overview?.staff.authorized ?? null, actual: doc.overview?.staff.actual ?? null },
    sentences: pageSummary(doc, findingsOf(doc).length).sentences,
    headings: doc.sections.map((s) => s.heading?.trim()).filter((h): h is string => !!h),
  };
}
