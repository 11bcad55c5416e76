/**
 * The 一级 and 二级 cells of an indicator grid printed by `pdftotext -layout` (or read from a PDF's positions): a
 * merged cell is printed once, centred on the rows it spans, and a long level name wraps over lines of its column
 * (满意度指 / 标, 服务对象满意 / 度指标), with the rows' other lines between its pieces. Which rows a cell spans follows
 * from the centring (centred-groups.ts). Used by the one-project forms and the tables of many projects alike.
 */
import { centring, type Apart, type Span } from './centred-groups.ts';
import { isLevelName, standsUnder } from './levels.ts';
import { joinWrapped } from './text.ts';

/** A piece of text printed in a level column, and its line. */
export interface LinePiece {
  text: string;
  line: number;
}

/** A cell printed once over several rows: its text, its lines and its pieces as printed. */
export interface SpanningCell {
  text: string;
  lines: Span;
  pieces: LinePiece[];
}

/**
 * The level names a grid prints: whether a text is a whole one, and whether a 二级 name may stand under a 一级 one. The
 * national target templates' (产出指标 over 数量指标) by default; an evaluation's 评分表 has its own
 * (evaluation-levels.ts).
 */
export interface LevelVocabulary {
  isName: (text: string) => boolean;
  standsUnder: (level1: string, level2: string) => boolean;
}

const TARGET_LEVELS: LevelVocabulary = { isName: isLevelName, standsUnder };

/**
 * A level name wrapped over lines (经济成本指 / 标) is one cell; a whole level name ends its cell. Two pieces on the
 * value lines of two rows (`rows`) are two cells unless they join into a level name: names the national templates
 * do not know (烟台's 经济成本, 社会成本), printed on every row.
 */
export function spanningCells(pieces: readonly LinePiece[], rows: ReadonlySet<number> = new Set(), { isName }: LevelVocabulary = TARGET_LEVELS): SpanningCell[] {
  const cells: SpanningCell[] = [];
  let texts: string[] = [];
  let lines: number[] = [];
  const close = () => {
    if (texts.length === 0) return;
    cells.push(cellOf(texts.map((text, i) => ({ text, line: lines[i] }))));
    texts = [];
    lines = [];
  };
  for (const p of pieces) {
    const sofar = joinWrapped(texts);
    const before = lines[lines.length - 1];
    const near = texts.length > 0 && p.line - before <= 3;
    const twoRows = rows.has(before) && rows.has(p.line) && before !== p.line;
    const continues = near && (isName(sofar + p.text) || (!isName(sofar) && !isName(p.text) && !twoRows));
    if (!continues) close();
    texts.push(p.text);
    lines.push(p.line);
  }
  close();
  return cells;
}

/** One cell of the pieces printed in it, in order. */
function cellOf(pieces: LinePiece[]): SpanningCell {
  const span = { first: pieces[0].line, last: pieces[pieces.length - 1].line };
  return { text: joinWrapped(pieces.map((p) => p.text)), lines: span, pieces };
}

/**
 * The cells of one level column as the PDF draws them (`bandOf`: the band between the column's rules a line is
 * printed in): the pieces in one band are one cell, and it holds the rows in its band. A row in a band where the
 * column prints nothing is under the cell above it: a grid drawn with a cell in every row prints a level name on
 * the first row of its group only, its other rows' cells empty, as a tab-separated grid does (开发区's forms, a Word
 * table of unmerged cells printed by LibreOffice: 成本指标 beside the first of five rows, each row ruled across the
 * level columns); a merged cell carried over from the page before is open above the page's first row alike. Null
 * where the drawing does not say it: a row or piece without a band, or a row with no cell above it.
 */
function drawnCells(rows: readonly number[], pieces: readonly LinePiece[], bandOf: ReadonlyMap<number, number>): Array<{ cell: SpanningCell; rows: number[] }> | null {
  if (pieces.length === 0 || [...rows, ...pieces.map((p) => p.line)].some((line) => !bandOf.has(line))) return null;
  const byBand = [...Map.groupBy(pieces, (p) => bandOf.get(p.line)!)].sort(([a], [b]) => a - b);
  const cells = byBand.map(([band, inBand]) => ({ band, cell: cellOf(inBand), rows: [] as number[] }));
  for (const [k, line] of rows.entries()) {
    const band = bandOf.get(line)!;
    const above = cells.findLast((c) => c.band <= band);
    if (!above) return null;
    above.rows.push(k);
  }
  return cells.map(({ cell, rows: held }) => ({ cell, rows: held }));
}

/**
 * What it costs beyond the centring to put a row (its value's line, and its lines as printed: its extent where known,
 * else that line) under cell `j`.
 */
export type Misplaced = (j: number, line: number, span: Span) => number;

/** The page each printed line is on, and each cell's (centring `pages`). */
export interface Pages {
  of: (line: number) => number;
  anchors: readonly number[];
}

/**
 * The centring (centred-groups.ts) of the indicator rows (each measured by its value's line, `rows`: its wrapped cells
 * reach above and below it unevenly; or from its first line to its last, `extents`, where those are known) and the
 * rows without indicators, which take room too; the indices of `rows` only returned. Rows are measured where `at`
 * puts their lines (a table's pages joined); `misplaced` is given the printed line, and `apart` the indices of `rows`;
 * with `pages`, a cell is centred on its rows up to its page. `groups`: the rows each cell spans; `choices`: for each
 * row, the cells it is under in groupings centred as well as the groups' (SAME_CENTRING), or within `slack` of it (a
 * number, or what it is for cell `j` and row `k`, an index of `rows`). Both are read from one centring, measured once.
 */
export function centredRows(
  rows: readonly number[],
  empty: readonly Span[],
  anchors: readonly number[],
  at: (line: number) => number = (line) => line,
  misplaced?: Misplaced,
  apart?: Apart,
  extents?: readonly Span[],
  pages?: Pages,
): { groups: number[][]; choices: (slack?: number | ((j: number, k: number) => number)) => number[][] } {
  const { items, spans, cost, together } = measured(rows, empty, at, misplaced, apart, extents, pages);
  const centred = centring(spans, anchors, cost, together, pages?.anchors);
  const choices = (slack: number | ((j: number, k: number) => number) = SAME_CENTRING) => {
    const byRow = rows.map((): number[] => []);
    // A row without indicators is given no choices (below), so what its slack is does not matter.
    const slackOf = typeof slack === 'number' ? slack : (j: number, i: number) => (items[i].k < 0 ? 0 : slack(j, items[i].k));
    centred.choices(slackOf).forEach((js, i) => items[i].k >= 0 && byRow[items[i].k].push(...js));
    return byRow;
  };
  return { groups: centred.groups().map((g) => g.map((i) => items[i].k).filter((k) => k >= 0)), choices };
}

/**
 * The rows (each its value's line, or its `extents`) and the rows without indicators in order, where `at` puts them,
 * what `misplaced` says of each (of a row's value line and its lines as printed), and what `apart` says of a row in a
 * group from an item on (asked of the group's first row; a row without indicators is no row of a cell's, and costs
 * nothing).
 */
function measured(rows: readonly number[], empty: readonly Span[], at: (line: number) => number, misplaced?: Misplaced, apart?: Apart, extents?: readonly Span[], pages?: Pages) {
  const items = [...rows.map((r, k) => ({ span: extents?.[k] ?? { first: r, last: r }, line: r, k })), ...empty.map((span) => ({ span, line: span.first, k: -1 }))]
    .sort((a, b) => a.span.first - b.span.first || a.line - b.line);
  const cost = misplaced && ((j: number, i: number) => misplaced(j, items[i].line, items[i].span));
  const spans = items.map(({ span, line }) => ({ ...placedSpan(span, at), ...(pages && { page: pages.of(line) }) }));
  const firstRow = items.map(() => rows.length);
  for (let i = items.length - 1; i >= 0; i--) firstRow[i] = items[i].k >= 0 ? items[i].k : (firstRow[i + 1] ?? rows.length);
  const together = apart && ((s: number, i: number) => (items[i].k < 0 ? 0 : apart(firstRow[s], items[i].k)));
  return { items, spans, cost, together };
}

/** A row's extent where `at` puts its lines. */
function placedSpan(span: Span, at: (line: number) => number): Span {
  return { ...span, first: at(span.first), last: at(span.last) };
}

/**
 * Far less than any difference in centring a printed line makes (a quarter of a row, where a cell printed between two
 * rows' lines stands); more than the tie-breakers' costs (ABOVE) summed over a form's rows.
 */
const SAME_CENTRING = 0.01;

/**
 * How far off the middle of its rows `pdftotext -layout` may print a cell: a line, the lines of the other columns
 * standing among the level columns' lines unevenly (a wrapped 三级 name takes three lines where a row of one line takes
 * one), or two rows' lines run into one (a 评分表's 绩效目标 printed on its first row's line).
 */
export const LINE_OFF = 1;

/** Far more than a row's distance from its cell's middle. */
const ELSEWHERE = 50;

/**
 * Far less than any difference in centring (half a line): between two groupings that centre alike (数量指标 on the
 * first of two rows, 时效指标 on the line of the next), the one where a cell printed on a row's line takes no row
 * above it, as a cell printed at the top of its rows would.
 */
const ABOVE = 1e-4;

/**
 * The cells of one level column (spanningCells) and the rows each spans: one row each where the cell is printed on
 * every row, several under a merged cell, none under a cell over a row without indicators. `empty` are such rows found
 * before (a 二级 cell without indicators is a row of its 一级 cell).
 * A row one of whose lines a cell of the column is printed on is that cell's (满意度指标 beside the last row, not the
 * end of 效益指标's rows above).
 */
export function levelCells(
  rows: readonly number[],
  cells: readonly SpanningCell[],
  empty: readonly Span[],
  /** What it costs beyond the centring to put the row (or cell without rows) printed on `line` under `cell`. */
  misfit: (cell: SpanningCell, line: number) => number = () => 0,
  at: Position,
  /** Where asked for, filled with the rows the centring could put under either of two of the column's cells. */
  uncertain?: { rows: UncertainRow[]; role: PlacedCell['role'] },
  extents?: readonly Span[],
  /** The page each line is on: a cell is centred on its rows up to its page (centred-groups.ts). */
  pageOf?: (line: number) => number,
): Array<{ cell: SpanningCell; rows: number[] }> {
  if (cells.length === 0) return [];
  const rowLines = new Set(rows);
  // The grouping asks this for every cell, row and window, so how many cells stand on each line is counted once, over
  // the lines each cell covers, not by a scan of all cells per question or per line (each was 1–3 % of ingest's CPU).
  const covers = (c: SpanningCell, line: number) => c.lines.first <= line && line <= c.lines.last;
  const covering = new Map<number, number>();
  for (const c of cells) for (let line = c.lines.first; line <= c.lines.last; line++) covering.set(line, (covering.get(line) ?? 0) + 1);
  const cellsOn = (line: number) => covering.get(line) ?? 0;
  // Asked of every line of a row measured by its extent: `-layout` text prints a cell centred on a row of two lines on
  // the upper, not the line of the row's figures (产出质量 beside 救助对象识别准, its 分值 on the line under).
  const another = (j: number, span: Span) => {
    for (let line = span.first; line <= span.last; line++) if (cellsOn(line) > (covers(cells[j], line) ? 1 : 0)) return true;
    return false;
  };
  const elsewhere = (j: number, line: number, span: Span) =>
    (another(j, span) ? ELSEWHERE : 0) +
    (line < cells[j].lines.first && rowLines.has(cells[j].lines.first) ? ABOVE : 0) +
    misfit(cells[j], line);
  const anchors = cells.map((c) => anchorAt(c, at));
  const pages = pageOf && { of: pageOf, anchors: cells.map((c) => pageOf(c.lines.first)) };
  const centred = centredRows(rows, empty, anchors, at, elsewhere, undefined, extents, pages);
  const groups = centred.groups;
  if (uncertain) {
    centred.choices(extents ? LINE_OFF : SAME_CENTRING).forEach((js, k) => {
      const own = groups.findIndex((g) => g.includes(k));
      const other = js.find((j) => j !== own);
      if (own < 0 || other == null) return;
      const [upper, lower] = own < other ? [own, other] : [other, own];
      uncertain.rows.push({ row: k, role: uncertain.role, names: [cells[upper].text, cells[lower].text] });
    });
  }
  return cells.map((cell, j) => ({ cell, rows: groups[j] }));
}

/** Where a printed line stands among the grid's rows (tabbed.ts rowPositions); by default, its line. */
export type Position = (line: number) => number;

/** Where a cell's text is centred (the line it is anchored on), its first and last lines placed by `at`. */
function anchorAt(cell: SpanningCell, at: Position): number {
  return (at(cell.lines.first) + at(cell.lines.last)) / 2;
}

/** Far more than a row's distance from its cell's middle: a 二级 name under a 一级 name it does not belong to. */
const MISFIT = 50;

/** A level cell and the rows it spans (indices of the rows given). */
export interface PlacedCell {
  role: 'level1' | 'level2';
  cell: SpanningCell;
  rows: number[];
}

/**
 * The 二级 and 一级 cells, each with the rows it spans (`rows`: each row's value line); a 二级 cell without rows is a
 * row of its 一级 cell. A row's 二级 name stands under its 一级 name in the grid's vocabulary (`names`; in the national
 * target template 数量指标 under 产出指标, not under 成本指标 above it). Where a print centres a cell a line off, the two columns' centring disagrees; of
 * placing the 二级 cells first and fitting the 一级 cells to them, or the other way round, the one centring both
 * columns better is taken (北京's 成本指标 over six rows, not 可持续影响指标 over a row of 产出指标's). `at` measures
 * the rows' lines, `extents` (where given) each row from its first line to its last and the lines between two rows
 * that may be either's; with `unsure`, `uncertain` holds the rows whose cells the centring cannot tell (none where the
 * drawing tells them). `pageOf` (where given) says which page each line is on: a cell a page break cuts is centred on
 * its rows of its own page (centred-groups.ts).
 */
export function placeLevelCells(
  rows: readonly number[],
  pieces: Record<'level1' | 'level2', readonly LinePiece[]>,
  drawn?: Record<'level1' | 'level2', ReadonlyMap<number, number>>,
  at: Position = (line) => line,
  unsure = false,
  names: LevelVocabulary = TARGET_LEVELS,
  extents?: { rows: readonly Span[]; between: readonly Span[] },
  pageOf?: (line: number) => number,
): { placed: PlacedCell[]; uncertain: UncertainRow[] } {
  const { standsUnder } = names;
  // Where the PDF draws both columns' cells, their rules say which rows each holds.
  const level2Drawn = drawn && drawnCells(rows, pieces.level2, drawn.level2);
  const level1Drawn = drawn && drawnCells(rows, pieces.level1, drawn.level1);
  if (level2Drawn && level1Drawn) {
    return { placed: [...level2Drawn.map((p) => ({ role: 'level2' as const, ...p })), ...level1Drawn.map((p) => ({ role: 'level1' as const, ...p }))], uncertain: [] };
  }
  // The rows the centring cannot tell, where asked for, in each order of placing.
  const [unsureA, unsureB]: UncertainRow[][] = [[], []];
  const ask = (list: UncertainRow[], role: PlacedCell['role']) => (unsure ? { rows: list, role } : undefined);
  const [spans, between] = [extents?.rows, extents?.between ?? []];
  // Each column's cells, placed in both orders, are read from its pieces once.
  const rowLines = new Set(rows);
  const cells = { level1: spanningCells(pieces.level1, rowLines, names), level2: spanningCells(pieces.level2, rowLines, names) };
  const level2First = levelCells(rows, cells.level2, between, undefined, at, ask(unsureA, 'level2'), spans, pageOf).map((p) => ({ role: 'level2' as const, ...p }));
  // The 二级 cells over no row are rows of their 一级 cells, in both orders of placing.
  const level2Empty = [...level2First.filter((p) => p.rows.length === 0).map((p) => p.cell.lines), ...between];
  const byLevel2 = namesAt(rows, level2First);
  const fitLevel1 = (cell: SpanningCell, line: number) => (standsUnder(cell.text, byLevel2.get(line) ?? '') ? 0 : MISFIT);
  const a = [...level2First, ...levelCells(rows, cells.level1, level2Empty, fitLevel1, at, ask(unsureA, 'level1'), spans, pageOf).map((p) => ({ role: 'level1' as const, ...p }))];
  const level1First = levelCells(rows, cells.level1, level2Empty, undefined, at, ask(unsureB, 'level1'), spans, pageOf).map((p) => ({ role: 'level1' as const, ...p }));
  const byLevel1 = namesAt(rows, level1First);
  const fitLevel2 = (cell: SpanningCell, line: number) => (standsUnder(byLevel1.get(line) ?? '', cell.text) ? 0 : MISFIT);
  const b = [...levelCells(rows, cells.level2, between, fitLevel2, at, ask(unsureB, 'level2'), spans, pageOf).map((p) => ({ role: 'level2' as const, ...p })), ...level1First];
  const [costA, costB] = [placementCost(rows, a, at, standsUnder, spans, pageOf), placementCost(rows, b, at, standsUnder, spans, pageOf)];
  const placed = costB < costA ? b : a;
  // Where the two orders centre alike, which of them is taken is no more the print's than the other: the rows either
  // leaves uncertain are.
  const uncertain = costB < costA ? unsureB : costA < costB ? unsureA : [...unsureA, ...unsureB];
  // Measured by their extents, the rows the two orders place differently are open too (disagreeing).
  const unsettled = unsettledRows(rows, placed, extents ? [...uncertain, ...disagreeing(rows, a, b)] : uncertain, standsUnder);
  // A grid printing a cell over several rows on its first row's line, not centred on them (产出指标 over three rows,
  // printed beside the first), prints its cells at the top of their rows; one printing a cell over an even number of
  // rows, whose middle lies between two rows' lines, on the line of the upper of the two (产出指标 over four rows,
  // beside the second), sets every cell so centred on the upper line. There the tie-breaker (ABOVE) reads the print,
  // and no row is uncertain. Rows measured by their extents are no such print's: their middles are measured.
  const certain = (role: PlacedCell['role'], group: readonly number[]) => !unsettled.some((u) => u.role === role && group.includes(u.row));
  const printedHigh = (cell: SpanningCell, group: readonly number[]) => {
    const anchor = anchorAt(cell, at);
    return anchor <= at(rows[group[0]]) || (group.length % 2 === 0 && anchor === at(rows[group[group.length / 2 - 1]]));
  };
  const high = !extents && placed.some(({ role, cell, rows: group }) => group.length > 1 && certain(role, group) && printedHigh(cell, group));
  return { placed, uncertain: high ? [] : unsettled };
}

/** The rows of `open` (each row and column once) the vocabulary leaves uncertain (openRows), as placed. */
function unsettledRows(rows: readonly number[], placed: readonly PlacedCell[], open: readonly UncertainRow[], standsUnder: LevelVocabulary['standsUnder']): UncertainRow[] {
  const names = { level1: namesAt(rows, placed.filter((p) => p.role === 'level1')), level2: namesAt(rows, placed.filter((p) => p.role === 'level2')) };
  return openRows(open, (row, role) => names[role].get(rows[row]), standsUnder);
}

/**
 * The rows of `open` (each row and column once) the vocabulary leaves uncertain, each placed under `placed`'s name: a
 * row is uncertain between two cells of a column unless only the name it is placed under stands with the other
 * column's cell over it, or with either of that column's cells where that one is uncertain too (产出质量 under 产出,
 * not under 效益; 产出 or 效益 over 产出成本 or 社会效益 stays uncertain). Where both names fit, or neither, the names do
 * not say which. The other column's cell is `placed`'s where `certain` is not asked for, else only where it says so
 * (the cell printed on the row's own lines).
 */
export function openRows(
  open: readonly UncertainRow[],
  placed: (row: number, role: PlacedCell['role']) => string | undefined,
  standsUnder: LevelVocabulary['standsUnder'],
  certain = placed,
): UncertainRow[] {
  const unique = open.filter((u, i) => open.findIndex((v) => v.row === u.row && v.role === u.role) === i);
  const decided = ({ row, role, names }: UncertainRow) => {
    const other = role === 'level1' ? 'level2' : 'level1';
    const others = [certain(row, other) ?? '', ...(unique.find((v) => v.row === row && v.role !== role)?.names ?? [])];
    const fitting = names.filter((name) => others.some((o) => (role === 'level1' ? standsUnder(name, o) : standsUnder(o, name))));
    return fitting.length === 1 && fitting[0] === placed(row, role);
  };
  return unique.filter((u) => !decided(u));
}

/**
 * The rows the two orders of placing put under different cells: `-layout` text may print a cell a line off its
 * middle (two rows' lines run into one), and where the columns' centring then disagrees the text does not say which
 * is the print's.
 */
function disagreeing(rows: readonly number[], a: readonly PlacedCell[], b: readonly PlacedCell[]): UncertainRow[] {
  return (['level1', 'level2'] as const).flatMap((role) => {
    const [byA, byB] = [a, b].map((placed) => namesAt(rows, placed.filter((p) => p.role === role)));
    return rows.flatMap((line, row) => {
      const names: [string, string] = [byA.get(line) ?? '', byB.get(line) ?? ''];
      return names[0] === names[1] ? [] : [{ row, role, names }];
    });
  });
}

/** The name of the cell each row (by its line) and each cell without rows (by its first line) stands under. */
function namesAt(rows: readonly number[], placed: ReadonlyArray<{ cell: SpanningCell; rows: number[] }>): Map<number, string> {
  const at = new Map<number, string>();
  for (const { cell, rows: group } of placed) {
    if (group.length === 0) at.set(cell.lines.first, cell.text);
    for (const k of group) at.set(rows[k], cell.text);
  }
  return at;
}

/**
 * How far the cells stand from the middle of their rows, summed over both columns, a cell over no row costing half a
 * line (as centred-groups.ts has it), and a row whose 二级 name does not stand under its 一级 name far more.
 */
function placementCost(rows: readonly number[], placed: readonly PlacedCell[], at: Position, standsUnder: LevelVocabulary['standsUnder'], extents?: readonly Span[], pageOf?: (line: number) => number): number {
  let cost = 0;
  for (const { cell, rows: group } of placed) cost += offCentre(rows, group, cell, at, extents, pageOf);
  const names = (role: PlacedCell['role']) => namesAt(rows, placed.filter((p) => p.role === role));
  const level1 = names('level1');
  const level2 = names('level2');
  for (const line of rows) if (!standsUnder(level1.get(line) ?? '', level2.get(line) ?? '')) cost += MISFIT;
  return cost;
}

/**
 * How far a cell stands from the middle of its rows (up to its page, where pages are given); a cell over no row costs
 * half a line (centred-groups.ts).
 */
function offCentre(rows: readonly number[], group: readonly number[], cell: SpanningCell, at: Position, extents?: readonly Span[], pageOf?: (line: number) => number): number {
  if (group.length === 0) return 0.5;
  const page = pageOf?.(cell.lines.first);
  const first = group[0];
  const last = page == null ? group[group.length - 1] : (group.findLast((k) => pageOf!(rows[k]) <= page) ?? group[group.length - 1]);
  return Math.abs((at(extents?.[first].first ?? rows[first]) + at(extents?.[last].last ?? rows[last])) / 2 - anchorAt(cell, at));
}

/** A row the centring gives to one of two neighbouring cells of a column as well as to the other. */
export interface UncertainRow {
  row: number;
  role: PlacedCell['role'];
  names: [string, string];
}

/** The flag of an uncertain row whose value is printed on `line`: its level is left empty. */
export function uncertainFlag(line: number, { role, names }: UncertainRow): string {
  return `第 ${line} 行的指标属于「${names[0]}」还是「${names[1]}」，文本无法确定（${role === 'level1' ? '一级' : '二级'}指标单元格跨越哪些行看不出），未填`;
}

