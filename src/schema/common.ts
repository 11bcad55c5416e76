import { z } from 'astro/zod';

/** 1-based, inclusive line numbers in the source text, so every datum can be traced back to the document. */
const lineRangeObject = z.object({
  first: z.number().int().positive(),
  last: z.number().int().positive(),
  /** In a disclosure published in several files: which of its `parts` the lines are in (absent for one file). */
  part: z.number().int().nonnegative().optional(),
});

/**
 * A big document cites hundreds of thousands of ranges (every row, every line a check sums), so the JSON ingest
 * writes one compactly: `12` for line 12, `[12, 14]` for lines 12–14, `[12, 14, 1]` in part 1 of a disclosure in
 * several files (src/ingest/serialize.ts). Read back, it is the object again: the types and the site see only that.
 */
export type CompactLineRange = number | [number, number] | [number, number, number];

export function compactLineRange(range: z.infer<typeof lineRangeObject>): CompactLineRange {
  if (range.part !== undefined) return [range.first, range.last, range.part];
  return range.first === range.last ? range.first : [range.first, range.last];
}

function expandLineRange(value: unknown): unknown {
  if (typeof value === 'number') return { first: value, last: value };
  if (Array.isArray(value) && (value.length === 2 || value.length === 3)) {
    return value.length === 3 ? { first: value[0], last: value[1], part: value[2] } : { first: value[0], last: value[1] };
  }
  return value;
}

export const lineRange = z.preprocess(expandLineRange, lineRangeObject);

/**
 * Where on a PDF page lines are printed: `[page, x0, y0, x1, y1]`. The page counts from 1 in the file the lines are
 * in (`#page=N` opens it). The rectangle is in points (1/72 inch) on the page as a viewer shows it (after its
 * rotation), origin at the top left corner and y downwards, as `pdftotext -bbox` gives it: x0 < x1 and y0 < y1,
 * rounded outwards to 0.1 pt.
 */
export const pageBox = z.tuple([z.number().int().positive(), z.number(), z.number(), z.number(), z.number()]);

/**
 * The boxes of a datum's lines, one a page they are printed on, in page order (a table across two pages has two;
 * a check's figures may come from several pages). Absent where the source has no pages to draw on (text, workbook,
 * web page) and for lines only page furniture or blanks.
 */
export const pageBoxes = z.array(pageBox).min(1).optional();

export const checkStatus = z.enum(['pass', 'fail', 'not-applicable', 'not-checkable']);

const checkObject = z.object({
  /** Stable within a document, e.g. `table:t3:parent-sum:2130501:total`. */
  id: z.string().min(1),
  status: checkStatus,
  message: z.string(),
  expected: z.union([z.number(), z.string(), z.null()]),
  actual: z.union([z.number(), z.string(), z.null()]),
  /** Source lines the compared figures come from. */
  lines: z.array(lineRange).default([]),
  boxes: pageBoxes,
});

export const check = checkObject;

/**
 * A big document makes tens of thousands of checks: a parent row against its children in every amount column, each
 * citing the same lines and saying the same but for the column. The JSON ingest writes a run of checks that cite the
 * same lines as one entry (src/ingest/serialize.ts): the lines once (compact), the start the ids and the messages
 * share once, then each check's rest as a row `[id rest, status, message rest, expected, actual]`. Read back, the
 * list is the checks again: the types and the site see only those.
 */
export interface CheckRun {
  lines: CompactLineRange[];
  /** The boxes of those lines (a PDF source), the same for every check of the run. */
  boxes?: PageBox[];
  /** What the ids and what the messages of the run begin with. */
  shared: [string, string];
  checks: Array<[string, CheckStatus, string, number | string | null, number | string | null]>;
}

function commonStart(texts: readonly string[]): string {
  let start = texts[0];
  for (const t of texts) while (!t.startsWith(start)) start = start.slice(0, -1);
  return start;
}

const sameBoxes = (a: readonly PageBox[] | undefined, b: readonly PageBox[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((box, i) => box.every((v, k) => v === b[i][k])));

export function sameLineRanges(a: readonly LineRange[], b: readonly LineRange[]): boolean {
  return a === b || (a.length === b.length && a.every((l, i) => l.first === b[i].first && l.last === b[i].last && l.part === b[i].part));
}

// Boxes follow from the lines in one document; compared too, so that the run gives back exactly the checks it holds.
const sameLines = (a: Check, b: Check) => sameLineRanges(a.lines, b.lines) && sameBoxes(a.boxes, b.boxes);

export function compactChecks(checks: readonly Check[]): CheckRun[] {
  const runs: CheckRun[] = [];
  for (let i = 0; i < checks.length; ) {
    let end = i + 1;
    while (end < checks.length && sameLines(checks[end], checks[i])) end++;
    const run = checks.slice(i, end);
    const id = commonStart(run.map((c) => c.id));
    const message = commonStart(run.map((c) => c.message));
    runs.push({
      lines: checks[i].lines.map(compactLineRange),
      ...(checks[i].boxes ? { boxes: checks[i].boxes } : {}),
      shared: [id, message],
      checks: run.map((c) => [c.id.slice(id.length), c.status, c.message.slice(message.length), c.expected, c.actual]),
    });
    i = end;
  }
  return runs;
}

function isCheckRun(value: unknown): value is CheckRun {
  return !!value && typeof value === 'object' && Array.isArray((value as CheckRun).shared) && Array.isArray((value as CheckRun).checks);
}

function expandChecks(value: unknown): unknown {
  if (!Array.isArray(value) || !value.some(isCheckRun)) return value;
  return value.flatMap((run) =>
    isCheckRun(run)
      ? run.checks.map(([id, status, message, expected, actual]) => ({
          id: run.shared[0] + id,
          status,
          message: run.shared[1] + message,
          expected,
          actual,
          lines: run.lines,
          ...(run.boxes ? { boxes: run.boxes } : {}),
        }))
      : [run],
  );
}

/** The checks of a document, read from either form. */
export const checkList = z.preprocess(expandChecks, z.array(check));

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
export type PageBox = z.infer<typeof pageBox>;
export type Check = z.infer<typeof check>;
export type CheckStatus = z.infer<typeof checkStatus>;
export type Unparsed = z.infer<typeof unparsed>;
