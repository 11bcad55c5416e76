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
});

export const check = checkObject;

/**
 * A big document makes tens of thousands of checks: a parent row against its children in every amount column, each
 * citing the same lines and saying the same but for the column, and one row after another with the same relation.
 * The JSON ingest writes a run of checks that cite the same lines as one entry (src/ingest/serialize.ts): the lines
 * once (compact); the start the ids and the messages share, each as a change from the previous run's
 * (`[kept start, new middle, kept end]`, or the text where that is no shorter: `201 一般公共服务支出 = 下级科目之和（`
 * after `20103 … = 下级科目之和（` keeps the end); then each check's rest as a row `[id rest, status, message rest,
 * expected, actual]`, `[id rest, message rest, amount]` for a pass whose two figures are equal, or, when the ids'
 * and messages' rests are the previous run's in its order (the same columns), its results only (`amount`, or
 * `[status, expected, actual]`). Read back, the list is the checks again: the types and the site see only those.
 */
type Figure = number | string | null;
type SharedText = string | [number, string, number];
type CheckRow = [string, CheckStatus, string, Figure, Figure] | [string, string, Figure];
type CheckResult = Figure | [CheckStatus, Figure, Figure];

export interface CheckRun {
  lines: CompactLineRange[];
  id: SharedText;
  message: SharedText;
  checks?: CheckRow[];
  results?: CheckResult[];
}

function commonStart(texts: readonly string[]): string {
  let start = texts[0];
  for (const t of texts) while (!t.startsWith(start)) start = start.slice(0, -1);
  return start;
}

/** `text` as a change from `previous`: how much of its start and end it keeps, and what is new between. */
function changeFrom(previous: string, text: string): SharedText {
  let start = 0;
  while (start < previous.length && start < text.length && previous[start] === text[start]) start++;
  let end = 0;
  while (end < previous.length - start && end < text.length - start && previous[previous.length - 1 - end] === text[text.length - 1 - end]) end++;
  const change: SharedText = [start, text.slice(start, text.length - end), end];
  return JSON.stringify(change).length < JSON.stringify(text).length ? change : text;
}

function applyChange(previous: string, shared: SharedText): string {
  return typeof shared === 'string' ? shared : previous.slice(0, shared[0]) + shared[1] + previous.slice(previous.length - shared[2]);
}

const sameLines = (a: Check, b: Check) =>
  a.lines.length === b.lines.length && a.lines.every((l, i) => l.first === b.lines[i].first && l.last === b.lines[i].last && l.part === b.lines[i].part);

const isEqualPass = (c: { status: CheckStatus; expected: Figure; actual: Figure }) => c.status === 'pass' && c.expected === c.actual;

export function compactChecks(checks: readonly Check[]): CheckRun[] {
  const runs: CheckRun[] = [];
  let previous = { id: '', message: '', rests: [] as string[] };
  for (let i = 0; i < checks.length; ) {
    let end = i + 1;
    while (end < checks.length && sameLines(checks[end], checks[i])) end++;
    const run = checks.slice(i, end);
    const id = commonStart(run.map((c) => c.id));
    const message = commonStart(run.map((c) => c.message));
    // An id rest and a message rest, one string, to compare a run's columns with the previous run's.
    const rests = run.map((c) => `${c.id.slice(id.length)}\u0000${c.message.slice(message.length)}`);
    const out: CheckRun = { lines: checks[i].lines.map(compactLineRange), id: changeFrom(previous.id, id), message: changeFrom(previous.message, message) };
    if (rests.length === previous.rests.length && rests.every((r, k) => r === previous.rests[k])) {
      out.results = run.map((c) => (isEqualPass(c) ? c.expected : [c.status, c.expected, c.actual]));
    } else {
      out.checks = run.map((c) =>
        isEqualPass(c)
          ? [c.id.slice(id.length), c.message.slice(message.length), c.expected]
          : [c.id.slice(id.length), c.status, c.message.slice(message.length), c.expected, c.actual],
      );
    }
    runs.push(out);
    previous = { id, message, rests };
    i = end;
  }
  return runs;
}

function isCheckRun(value: unknown): value is CheckRun {
  return !!value && typeof value === 'object' && 'id' in value && 'message' in value && ('checks' in value || 'results' in value);
}

function expandChecks(value: unknown): unknown {
  if (!Array.isArray(value) || !value.some(isCheckRun)) return value;
  let previous = { id: '', message: '', rests: [] as Array<[string, string]> };
  return value.flatMap((run) => {
    if (!isCheckRun(run)) return [run];
    const id = applyChange(previous.id, run.id);
    const message = applyChange(previous.message, run.message);
    const rows: Array<[string, string, CheckStatus, Figure, Figure]> = run.results
      ? run.results.map((r, k) => {
          const [idRest, messageRest] = previous.rests[k] ?? ['', ''];
          return Array.isArray(r) ? [idRest, messageRest, r[0], r[1], r[2]] : [idRest, messageRest, 'pass', r, r];
        })
      : (run.checks ?? []).map((c) => (c.length === 3 ? [c[0], c[1], 'pass', c[2], c[2]] : [c[0], c[2], c[1], c[3], c[4]]));
    previous = { id, message, rests: rows.map(([idRest, messageRest]) => [idRest, messageRest]) };
    return rows.map(([idRest, messageRest, status, expected, actual]) => ({
      id: id + idRest,
      status,
      message: message + messageRest,
      expected,
      actual,
      lines: run.lines,
    }));
  });
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
export type Check = z.infer<typeof check>;
export type CheckStatus = z.infer<typeof checkStatus>;
export type Unparsed = z.infer<typeof unparsed>;
