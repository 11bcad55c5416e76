import type { Disclosure } from '../schema/disclosure.ts';

/**
 * A blank template (the national 决算 template that a ministry publishes for departments to fill in) is not a
 * department's disclosure: listings leave it out of the departments and show it apart, marked as a template. The
 * parser marks it with `isTemplate`; data written before that flag existed has none, so it is read optionally.
 */
export function isTemplate(doc: Partial<Pick<Disclosure, 'isTemplate'>>): boolean {
  return doc.isTemplate === true;
}
