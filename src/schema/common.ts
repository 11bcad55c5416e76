import { z } from 'astro/zod';

/** 1-based, inclusive line numbers in the source text, so every datum can be traced back to the document. */
export const lineRange = z.object({
  first: z.number().int().positive(),
  last: z.number().int().positive(),
  /** In a disclosure published in several files: which of its `parts` the lines are in (absent for one file). */
  part: z.number().int().nonnegative().optional(),
});

export const checkStatus = z.enum(['pass', 'fail', 'not-applicable', 'not-checkable']);

export const check = z.object({
  /** Stable within a document, e.g. `table:t3:parent-sum:2130501:total`. */
  id: z.string().min(1),
  status: checkStatus,
  message: z.string(),
  expected: z.union([z.number(), z.string(), z.null()]),
  actual: z.union([z.number(), z.string(), z.null()]),
  /** Source lines the compared figures come from. */
  lines: z.array(lineRange).default([]),
});

/** Text that could not be placed in a structured field, kept verbatim so that nothing is lost. */
export const unparsed = z.object({
  lines: lineRange,
  text: z.string(),
  reason: z.string(),
});

/**
 * A line of a block (table, target table) that no structured field of the block holds, as printed: a title, the
 * unit, column headers, a contact or fund-source line. The block's range claims it, so its text is kept here.
 */
export const printedLine = z.object({
  text: z.string(),
  lines: lineRange,
});

export type LineRange = z.infer<typeof lineRange>;
export type Check = z.infer<typeof check>;
export type CheckStatus = z.infer<typeof checkStatus>;
export type Unparsed = z.infer<typeof unparsed>;
