/**
 * The review: every rule family over one parsed document, findings in document order. Pure: the parsed document
 * in, findings out; it reads the document's fields only (tables, facts, checks, and the narrative's text).
 */
import type { Finding } from '../schema/review.ts';
import { withOwnTexts } from '../core/own-text.ts';
import { classificationRules } from './classification.ts';
import { completenessRules } from './completeness.ts';
import { contextOf, type Reviewed } from './context.ts';
import { figureRules } from './figures.ts';
import { identityRules } from './identity.ts';
import { textRules } from './text.ts';
import { unitRules } from './units.ts';
import { wordingRules } from './wording.ts';

const FAMILIES = [completenessRules, identityRules, wordingRules, figureRules, classificationRules, unitRules, textRules] as const;

export function reviewDisclosure(doc: Reviewed): Finding[] {
  const ctx = contextOf(doc);
  const findings = FAMILIES.flatMap((rules) => rules(ctx));
  const seen = new Set<string>();
  return findings
    .filter((f) => !seen.has(f.id) && seen.add(f.id))
    .sort((a, b) => (a.lines[0]?.first ?? 0) - (b.lines[0]?.first ?? 0));
}

/** The parsed document with its findings (their quotes their own, so that the review's joined prose can be freed). */
export function withReview<T extends Reviewed>(doc: T): T & { findings: Finding[] } {
  return { ...doc, findings: withOwnTexts(reviewDisclosure(doc)) };
}
