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
const findingObject = z.object({
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

type FindingFields = Record<string, unknown> & { id?: unknown; rule?: unknown; family?: unknown };

/** What a finding's id says of its rule (`wording.budget-actual:2130505` → `wording.budget-actual`) and a rule of its family. */
const ruleOfId = (id: string) => id.split(':')[0];
const familyOfRule = (rule: string) => rule.split('.')[0];

/**
 * A finding as the JSON ingest writes it (src/ingest/serialize.ts): its `rule` is left out where its id begins with it
 * (up to the id's first `:`), its `family` where its rule begins with it (up to the first `.`), so that neither is
 * written twice. Read back, both are there again.
 */
export function compactFinding<T extends FindingFields>(f: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(f)) {
    if (key === 'rule' && typeof f.id === 'string' && ruleOfId(f.id) === v) continue;
    if (key === 'family' && typeof f.rule === 'string' && familyOfRule(f.rule) === v) continue;
    out[key] = v;
  }
  return out as T;
}

function expandFinding(value: unknown): unknown {
  const f = value as FindingFields | null;
  if (!f || typeof f !== 'object' || ('rule' in f && 'family' in f) || typeof f.id !== 'string') return value;
  const rule = typeof f.rule === 'string' ? f.rule : ruleOfId(f.id);
  return { ...f, rule, family: 'family' in f ? f.family : familyOfRule(rule) };
}

export const finding = z.preprocess(expandFinding, findingObject);
/** The finding as the JSON ingest walks it: the object inside the reading of a left-out rule or family. */
export const findingFields = findingObject;

export type FindingFamily = z.infer<typeof findingFamily>;
export type Finding = z.infer<typeof finding>;
export type Severity = Finding['severity'];
