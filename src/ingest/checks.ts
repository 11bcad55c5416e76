import type { Check, LineRange } from '../schema/common.ts';
import { amountsAgree } from '../core/decimal.ts';

/** The tolerance of amount checks: printed amounts are rounded to 0.01 of the document's unit. */
export const AMOUNT_TOLERANCE = 0.01;

/**
 * Compares two amounts. A missing figure makes the check `not-checkable`, so that "not checked" never reads as
 * "passed"; a mismatch is reported with both figures, never repaired.
 */
export function compareAmounts(
  id: string,
  message: string,
  expected: number | null | undefined,
  actual: number | null | undefined,
  lines: LineRange[] = [],
  tolerance = AMOUNT_TOLERANCE,
): Check {
  if (expected == null || actual == null) {
    return { id, status: 'not-checkable', message, expected: expected ?? null, actual: actual ?? null, lines };
  }
  const status = amountsAgree(expected, actual, tolerance) ? 'pass' : 'fail';
  return { id, status, message, expected, actual, lines };
}

export function notApplicable(id: string, message: string): Check {
  return { id, status: 'not-applicable', message, expected: null, actual: null, lines: [] };
}
