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
 * rotation, and also where its text runs sideways on it: see PageTurns in ingest/sources/index.ts), origin at the
 * top left corner and y downwards, as `pdftotext -bbox` gives it: x0 < x1 and y0 < y1, rounded outwards to 0.1 pt.
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

type Amount = number | string | null;

/**
 * A big document makes tens of thousands of checks: a parent row against its children in every amount column, each
 * saying the same but for the row and the column. The JSON ingest writes such checks as a block, a small table of
 * checks (src/ingest/serialize.ts): `columns` lists what each compared column adds to a check's id (after a `:`) and
 * to its message; each of `rows` is one relation (a parent row and its children, a row's identity) with its id,
 * message, lines, and per column its `expected` (and `actual`, left out where it equals `expected`) and status (one
 * for the row where its columns agree, else a list; left out where it is the block's `status`, the one most rows
 * have). Each cell is one check: `id` = row id + `:` + column id, `message` = row message + column message. Read
 * back, the list is the checks again: the types and the site see only those.
 */
export interface CheckBlock {
  columns: Array<[string, string]>;
  status?: CheckStatus;
  rows: CheckBlockRow[];
}

interface CheckBlockRow {
  id: string;
  message: string;
  status?: CheckStatus | CheckStatus[];
  expected: Amount[];
  actual?: Amount[];
  lines?: CompactLineRange[];
  /** The boxes of those lines (a PDF source), the same for every check of the row. */
  boxes?: PageBox[];
}

/** A check on its own as the file writes it: `actual` left out where it equals `expected`, `lines` where empty. */
interface CompactCheck {
  id: string;
  status: CheckStatus;
  message: string;
  expected: Amount;
  actual?: Amount;
  lines?: CompactLineRange[];
  boxes?: PageBox[];
}

/** Where a check's message may be cut between its relation and its column: before a space or this punctuation. */
const WORD_BOUNDARY = /[\s（(：:，,、]/;

// The common start and end are measured character by character, not by cutting a copy one character shorter until
// every text starts (ends) with it: every relation of every table's checks is cut here when a document is written.
function commonStart(texts: readonly string[]): string {
  const first = texts[0];
  let n = first.length;
  for (const t of texts) {
    let k = 0;
    while (k < n && k < t.length && t.charCodeAt(k) === first.charCodeAt(k)) k++;
    n = k;
  }
  return first.slice(0, n);
}

function commonEnd(texts: readonly string[]): string {
  const first = texts[0];
  let n = first.length;
  for (const t of texts) {
    let k = 0;
    while (k < n && k < t.length && t.charCodeAt(t.length - 1 - k) === first.charCodeAt(first.length - 1 - k)) k++;
    n = k;
  }
  return first.slice(first.length - n);
}

/** The id of a check's relation: the id up to its last `:`; null where there is none. */
function relationId(id: string): string | null {
  const at = id.lastIndexOf(':');
  return at <= 0 ? null : id.slice(0, at);
}

/** The id of a check's column within its relation: the id after its last `:`. */
const columnId = (id: string) => id.slice(id.lastIndexOf(':') + 1);

const sameBoxes = (a: readonly PageBox[] | undefined, b: readonly PageBox[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((box, i) => box.every((v, k) => v === b[i][k])));

export function sameLineRanges(a: readonly LineRange[], b: readonly LineRange[]): boolean {
  return a === b || (a.length === b.length && a.every((l, i) => l.first === b[i].first && l.last === b[i].last && l.part === b[i].part));
}

// Boxes follow from the lines in one document; compared too, so that a block row gives back exactly the checks it holds.
const sameLines = (a: Check, b: Check) => sameLineRanges(a.lines, b.lines) && sameBoxes(a.boxes, b.boxes);

/** Consecutive checks of one relation: the same id but its last part, the same lines. */
interface Relation {
  id: string | null;
  checks: Check[];
  /** Where the messages were cut: the relation's message, and each check's rest. */
  message?: string;
  ends?: string[];
}

function relationsOf(checks: readonly Check[]): Relation[] {
  const relations: Relation[] = [];
  let last: Relation | undefined;
  for (const check of checks) {
    const id = relationId(check.id);
    if (id !== null && last && last.id === id && sameLines(last.checks[0], check)) last.checks.push(check);
    else relations.push((last = { id, checks: [check] }));
  }
  for (const r of relations) {
    if (r.id === null || r.checks.length < 2) continue;
    // A relation in several columns: its checks' messages share the relation's words, up to the column's.
    const start = commonStart(r.checks.map((c) => c.message));
    let cut = start.length - 1;
    while (cut > 0 && !WORD_BOUNDARY.test(start[cut])) cut--;
    if (cut > 0) split(r, cut);
  }
  // Relations of one check each in the same column (a row's identity, row after row) share the column's words at
  // the end of their messages.
  const column = (r: Relation) => (r.id !== null && r.checks.length === 1 ? columnId(r.checks[0].id) : null);
  for (let i = 0; i < relations.length; ) {
    const key = column(relations[i]);
    let end = i + 1;
    while (key !== null && end < relations.length && column(relations[end]) === key) end++;
    if (end - i > 1) {
      const run = relations.slice(i, end);
      const common = commonEnd(run.map((r) => r.checks[0].message));
      const from = common.search(WORD_BOUNDARY);
      const cut = (r: Relation) => r.checks[0].message.length - (common.length - from);
      if (from >= 0 && run.every((r) => cut(r) > 0)) for (const r of run) split(r, cut(r));
    }
    i = end;
  }
  return relations;
}

function split(r: Relation, cut: number): void {
  r.message = r.checks[0].message.slice(0, cut);
  r.ends = r.checks.map((c) => c.message.slice(cut));
}

function compactCheck(c: Check): CompactCheck {
  const out: CompactCheck = { id: c.id, status: c.status, message: c.message, expected: c.expected };
  if (c.actual !== c.expected) out.actual = c.actual;
  if (c.lines.length > 0) out.lines = c.lines.map(compactLineRange);
  if (c.boxes) out.boxes = c.boxes;
  return out;
}

/** One cell's status for each of the relation's columns: one where they agree, else the list. */
function statusOf(r: Relation): CheckStatus | CheckStatus[] {
  const statuses = r.checks.map((c) => c.status);
  return statuses.every((s) => s === statuses[0]) ? statuses[0] : statuses;
}

/** A relation as a block's row, its status left out where it is the block's (built whole: see compactTable). */
function blockRow(r: Relation, blockStatus: CheckStatus | undefined): CheckBlockRow {
  const status = statusOf(r);
  const expected = r.checks.map((c) => c.expected);
  // Field by field in the written order, not spread from objects made for the purpose: a big document has
  // thousands of rows. `expected` follows `status`, so the row is typed whole once it has it.
  const row = { id: r.id!, message: r.message! } as CheckBlockRow;
  if (status !== blockStatus) row.status = status;
  row.expected = expected;
  if (r.checks.some((c, i) => c.actual !== expected[i])) row.actual = r.checks.map((c) => c.actual);
  if (r.checks[0].lines.length > 0) row.lines = r.checks[0].lines.map(compactLineRange);
  if (r.checks[0].boxes) row.boxes = r.checks[0].boxes;
  return row;
}

/** Two relations' columns, each its column's id and the rest of its message: a block holds relations of the same. */
function sameColumns(a: ReadonlyArray<readonly [string, string]>, b: ReadonlyArray<readonly [string, string]>): boolean {
  return a.length === b.length && a.every((c, i) => c[0] === b[i][0] && c[1] === b[i][1]);
}

export function compactChecks(checks: readonly Check[]): Array<CompactCheck | CheckBlock> {
  const out: Array<CompactCheck | CheckBlock> = [];
  const relations = relationsOf(checks);
  // Each relation's columns, made once: a block's first relation is compared again as the next one's start. Each
  // relation has its own list, so a block may take its first relation's as its own and change it.
  const columnsOf = relations.map((r) => (r.message === undefined ? null : r.checks.map((c, i): [string, string] => [columnId(c.id), r.ends![i]])));
  for (let i = 0; i < relations.length; ) {
    const columns = columnsOf[i];
    if (columns === null) {
      out.push(...relations[i].checks.map(compactCheck));
      i++;
      continue;
    }
    let end = i + 1;
    while (end < relations.length && columnsOf[end] !== null && sameColumns(columnsOf[end]!, columns)) end++;
    const members = relations.slice(i, end);
    // The status most rows have is the block's; a row states its own only where it differs.
    const counts = new Map<CheckStatus, number>();
    for (const r of members) {
      const s = statusOf(r);
      if (typeof s === 'string') counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const status = [...counts].reduce<[CheckStatus, number] | null>((best, c) => (!best || c[1] > best[1] ? c : best), null)?.[0];
    const block: CheckBlock = {
      columns,
      ...(status ? { status } : {}),
      rows: members.map((r) => blockRow(r, status)),
    };
    // Words every row's message ends in (` = 下级科目之和`) go to the columns where there are fewer columns than rows.
    const rows = block.rows;
    const common = rows.length > block.columns.length ? commonEnd(rows.map((r) => r.message)) : '';
    const from = common.search(WORD_BOUNDARY);
    if (from >= 0 && rows.every((r) => r.message.length > common.length - from)) {
      const words = common.slice(from);
      for (const r of rows) r.message = r.message.slice(0, r.message.length - words.length);
      for (const c of block.columns) c[1] = words + c[1];
    }
    out.push(block);
    i = end;
  }
  return out;
}

function isCheckBlock(value: unknown): value is CheckBlock {
  return !!value && typeof value === 'object' && Array.isArray((value as CheckBlock).columns) && Array.isArray((value as CheckBlock).rows);
}

const actualLeftOut = (entry: unknown) => !!entry && typeof entry === 'object' && !('actual' in entry) && 'expected' in entry;

function expandChecks(value: unknown): unknown {
  // The checks in full (as the parsers hand them to the schema) are read as they are: no copy of a big document's.
  if (!Array.isArray(value) || !value.some((entry) => isCheckBlock(entry) || actualLeftOut(entry))) return value;
  return value.flatMap((entry) => {
    if (isCheckBlock(entry)) {
      return entry.rows.flatMap((row) =>
        entry.columns.map(([id, message], i) => ({
          id: `${row.id}:${id}`,
          status: Array.isArray(row.status) ? row.status[i] : (row.status ?? entry.status),
          message: row.message + message,
          expected: row.expected[i],
          actual: (row.actual ?? row.expected)[i],
          lines: row.lines ?? [],
          ...(row.boxes ? { boxes: row.boxes } : {}),
        })),
      );
    }
    return actualLeftOut(entry) ? [{ ...(entry as object), actual: (entry as { expected: unknown }).expected }] : [entry];
  });
}

export type CheckCounts = Record<CheckStatus, number>;

/**
 * How many of a document's checks have each status, counted in either form without making a check: a summary needs
 * no more, and a block of the compact form is a check for each of its rows' columns (the checks are a quarter of a
 * synthetic disclosure's bytes). Counts what `expandChecks` would give.
 */
export function checkCounts(value: unknown): CheckCounts {
  const counts: CheckCounts = { pass: 0, fail: 0, 'not-applicable': 0, 'not-checkable': 0 };
  for (const entry of value as unknown[]) {
    if (!isCheckBlock(entry)) {
      counts[(entry as Check).status]++;
      continue;
    }
    const columns = entry.columns.length;
    for (const row of entry.rows) {
      if (Array.isArray(row.status)) for (let i = 0; i < columns; i++) counts[row.status[i]]++;
      else counts[row.status ?? entry.status!] += columns;
    }
  }
  return counts;
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
export type PageBox = z.infer<typeof pageBox>;
