import type { Indicator } from '../../schema/performance.ts';
import { parseAmount } from '../numbers.ts';
import type { GridRow } from '../layout/grid.ts';
import { toIndicator, type RowCells } from './indicator-row.ts';
import { placeLevelCells, uncertainFlag, type LinePiece, type Position } from './level-cells.ts';
import type { DrawnGrid } from './ruled-bands.ts';
import { completesLevelName, isLevel1, isLevel2, isLevelName, splitLevel2, startsLevelName } from './levels.ts';
import { cleanCell, compact, joinWrapped } from './text.ts';
import { isUnitToken, looksLikeValue } from './value.ts';
import { isGridLabel, rolesOfLine, viewOf, type ColumnRole } from './header-roles.ts';

/**
 * The columns the grid reads: each role's text goes to the indicator's field of that name, but the sign and the unit
 * (指标性质, 度量单位), read into the value as the table of many projects reads them, and a 备注, kept in the
 * description under its label.
 */
const READ = [
  'level1', 'level2', 'name', 'operator', 'value', 'unit', 'description', 'basis', 'previous', 'weight', 'rule', 'evidence', 'actual', 'score',
  'deviation', 'other',
] as const satisfies readonly ColumnRole[];
type Role = (typeof READ)[number];

/** Column order of the national templates, by their number of columns, for headers the extraction garbled. */
const STANDARD: Readonly<Record<number, readonly Role[]>> = {
  4: ['level1', 'level2', 'name', 'value'],
  6: ['level1', 'level2', 'name', 'value', 'basis', 'weight'],
  9: ['level1', 'level2', 'name', 'value', 'basis', 'previous', 'weight', 'rule', 'evidence'],
};

export const roleOf = viewOf(READ);

function trimmedWidth(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return n;
}

function modeWidth(rows: readonly string[][]): number {
  const counts = new Map<number, number>();
  for (const cells of rows) {
    if (!cells.some((c) => looksLikeValue(c))) continue;
    const w = trimmedWidth(cells);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [w, n] of counts) if (n > bestCount || (n === bestCount && w > best)) [best, bestCount] = [w, n];
  return best;
}

/**
 * The roles of a grid's `width` columns: from the header labels when they account for every column, else the
 * template's order for that many columns where the header names no column the template lacks, else the labels'.
 */
export function columnRoles(header: readonly string[], width: number): Role[] {
  const fromHeader = header.map(roleOf);
  const known = fromHeader.filter((r): r is Role => r !== null);
  const complete = known.length >= width && new Set(known).size === known.length && fromHeader.slice(0, known.length).every(Boolean);
  if (complete && known.length >= 4) return known;
  // A header naming a column the template has not (实际完成值, 得分, 偏差原因 of a 绩效自评表) is another form's: read in the
  // template's order, its cells would go to columns it does not print.
  const template = STANDARD[width];
  return template && known.every((r) => template.includes(r)) ? [...template] : known;
}

/**
 * The columns that make a line naming a value column an indicator grid's header: its levels, or last year's figure.
 * Not a weight alone: the second line of a header wrapped over two (`成 值`, `值 权 重`) names a value and a weight.
 */
const BESIDE_VALUE: readonly ColumnRole[] = ['level1', 'level2', 'name', 'previous'];

/** A line that is an indicator grid's header: it names a value column and a level's or last year's figure's. */
export function isIndicatorHeader(text: string): boolean {
  // Asked of every line: one without 值 is no header, and is not cut into cells to learn it.
  if (!text.includes('值') || compact(text).length >= 120) return false;
  const roles = rolesOfLine(text);
  return roles.has('value') && BESIDE_VALUE.some((r) => roles.has(r));
}

interface Working {
  cells: Partial<Record<Role, string>>;
  first: number;
  last: number;
}

/**
 * Moves a cell the extraction put one column too far right (an empty 二级 cell followed by a 二级 name in the 三级
 * column) or too far left (a 三级 name in the 二级 column with the 三级 column empty) back into place. The end of a
 * wrapped 二级 name (`指标` under `服务对象满意度`) stays where it is; so does a 三级 name that reads as a 二级 name
 * (服务对象满意度指标) on a line where a wrapped 二级 name goes on (`wrapping`): its 二级 cell is not empty.
 */
function realign(cells: string[], roles: readonly Role[], completes: (level2: string) => boolean, wrapping = false): string[] {
  const i1 = roles.indexOf('level2');
  const i2 = roles.indexOf('name');
  if (i1 < 0 || i2 !== i1 + 1) return cells;
  const c1 = cells[i1] ?? '';
  if (c1 === '' && !wrapping && isLevel2(cells[i2] ?? '')) return [...cells.slice(0, i1), ...cells.slice(i1 + 1)];
  if ((cells[i2] ?? '') === '' && c1 !== '' && !isLevelName(c1) && !completes(c1)) {
    const out = [...cells];
    out[i2] = cells[i1];
    out[i1] = '';
    return out;
  }
  return cells;
}

/** The cells with the level columns' text taken out into `pieces`, each with its line. */
function withoutLevels(cells: readonly string[], roles: readonly Role[], line: number, pieces: Record<'level1' | 'level2', LinePiece[]>): string[] {
  const out = [...cells];
  for (const role of ['level1', 'level2'] as const) {
    const i = roles.indexOf(role);
    if (i < 0 || !out[i]) continue;
    pieces[role].push({ text: out[i], line });
    out[i] = '';
  }
  return out;
}

/**
 * Each row's 一级 and 二级 names from the cells it is centred under (level-cells.ts), measured by its value's line
 * (`anchors`). A cell over one row alone is part of that row, wrapped pieces included. Returns the pieces of the
 * cells over no row (a 二级 name without indicators), which are kept as printed.
 */
function placeLevels(
  rows: Working[],
  anchors: readonly number[],
  pieces: Record<'level1' | 'level2', LinePiece[]>,
  flags: string[],
  drawn?: DrawnGrid,
  at?: Position,
): LinePiece[] {
  const alone: LinePiece[] = [];
  const { placed, uncertain } = placeLevelCells(anchors, pieces, drawn, at, true);
  for (const { role, cell, rows: group } of placed) {
    if (group.length === 0) alone.push(...cell.pieces);
    for (const k of group) {
      rows[k].cells[role] = cell.text;
      if (group.length > 1) continue;
      rows[k].first = Math.min(rows[k].first, cell.lines.first);
      rows[k].last = Math.max(rows[k].last, cell.lines.last);
    }
  }
  // A row the centring could give to either of two cells is under neither: flagged, its level left empty.
  for (const u of uncertain) {
    rows[u.row].cells[u.role] = '';
    flags.push(uncertainFlag(anchors[u.row], u));
  }
  return alone;
}

/**
 * In an aligned grid, a 二级 name and the 三级 name printed closer to it than the columns stand under the header
 * (西安's `质量指标    质量合格率`, its header in a larger font) fall in one cell: what follows the 二级 name goes to
 * the 三级 column, in front of what it holds. A long 二级 name printed one space before the 三级 name (烟台's
 * `可持续影响指标 水利工程应对…`) is one run, which may fall in the 三级 column: a whole 二级 name printed as the run's
 * first word, the 二级 cell empty, goes back to the 二级 column (`printedName`: the 三级 cell before cleaning).
 */
function splitLevelRun(cells: readonly string[], roles: readonly Role[], printedName = ''): string[] {
  const i1 = roles.indexOf('level2');
  const i2 = roles.indexOf('name');
  if (i1 < 0 || i2 !== i1 + 1) return [...cells];
  const out = [...cells];
  const first = /^\s*(\S+)\s+\S/.exec(printedName)?.[1] ?? '';
  if ((cells[i1] ?? '') === '' && isLevel2(first) && !isLevel1(first) && (cells[i2] ?? '').startsWith(first)) {
    out[i1] = first;
    out[i2] = cells[i2].slice(first.length);
    return out;
  }
  const run = splitLevel2(cells[i1] ?? '');
  if (run.level2 == null || run.name === '') return out;
  out[i1] = run.level2;
  out[i2] = joinWrapped([run.name, cells[i2] ?? '']);
  return out;
}

/** A line of a centred grid, its level columns taken out; `anchor` when it holds a value (or a weight or score). */
interface PrintedRow {
  no: number;
  cells: string[];
  anchor: boolean;
}

/**
 * A row printed a column left of its labels (`shifted`: a 二级 name in the 三级 column, its 三级 name in the value
 * column, no value: the evaluation seed's `质量指标 | 项目验收合格率`, L119) starts a row of its own where the PDF
 * draws it as one, no line of its drawn row holding a value or weight, as a tab-separated row does (readGridBody
 * `startsOwnRow`); by the text alone it is read as the end of the name above. A drawn row's other lines without a
 * value go on with a row as in the text: the same seed's `质保金` under its header printed again (L131–132, the end of
 * `脱贫攻坚大数据平台二期项目质保金`), a name's end clipped into the row below its cell beside the next 二级 name
 * (西安's `性`).
 */
function startsDrawnRow(line: PrintedRow, lines: readonly PrintedRow[], shifted: ReadonlySet<number>, drawn?: DrawnGrid): boolean {
  const band = drawn?.row.get(line.no);
  return band != null && shifted.has(line.no) && lines.every((l) => drawn!.row.get(l.no) !== band || !l.anchor);
}

/**
 * The rows of a centred grid: each is anchored on a line holding its value, and each cell printed on another line
 * goes to the nearest anchor: a long cell wraps around its row's line, above it and below. Halfway between two rows,
 * a piece goes to the row above when that row's cell in its column so far lies above the row's line only (it still
 * misses its lower half), else to the row below, unless that row's name is printed whole on and above its line.
 * Lines before the first value belong to the first row; the end of a wrapped value, to the value above it. Where a
 * PDF draws the rows (`drawn`), a line standing clear inside a row's band is that row's whatever its distances (烟台's
 * `消除安全隐患，橡胶坝工程` over its row's `正常运转率`, nearer the row above by lines). Without a drawing, so do the
 * blank lines (`blank`) around a piece.
 */
function anchoredRows(
  lines: readonly PrintedRow[],
  roles: readonly Role[],
  drawn?: DrawnGrid,
  blank: (line: number) => boolean = () => false,
  /** The lines of rows printed a column left of their labels, a 二级 name in the 三级 column and no value. */
  shiftedLines: ReadonlySet<number> = new Set(),
): { rows: Working[]; anchors: number[] } {
  const anchorLines = lines.filter((l) => l.anchor || startsDrawnRow(l, lines, shiftedLines, drawn)).map((l) => l.no);
  if (anchorLines.length === 0 && lines.length > 0) anchorLines.push(lines[0].no);
  // The first row of each band, by its value's line.
  const rowOfBand = new Map<number, number>();
  anchorLines.forEach((line, k) => {
    const band = drawn?.row.get(line);
    if (band != null && !rowOfBand.has(band)) rowOfBand.set(band, k);
  });
  const drawnRow = (line: number) => (drawn?.rowClear.has(line) ? rowOfBand.get(drawn.row.get(line)!) : undefined);
  const pieces = anchorLines.map(() => new Map<Role, LinePiece[]>());
  const nameLines = lines.filter((l) => (l.cells[roles.indexOf('name')] ?? '') !== '').map((l) => l.no);
  const widest = (role: Role) => Math.max(0, ...lines.map((l) => (l.cells[roles.indexOf(role)] ?? '').length));
  const blankBetween = (a: number, b: number) => {
    for (let l = a + 1; l < b; l++) if (blank(l)) return true;
    return false;
  };
  let k = 0;
  for (const line of lines) {
    while (k + 1 < anchorLines.length && anchorLines[k + 1] <= line.no) k++;
    const drawnJ = drawnRow(line.no);
    line.cells.forEach((text, i) => {
      if (!text) return;
      const role = roles[i];
      let j = drawnJ ?? k;
      // The rest of a wrapped value goes on from the value above.
      const below = drawnJ == null && k + 1 < anchorLines.length && anchorLines[k] < line.no && role !== 'value' ? k + 1 : -1;
      if (below >= 0) {
        const up = line.no - anchorLines[k];
        const down = anchorLines[below] - line.no;
        const own = pieces[k].get(role) ?? [];
        const upperHalfOnly = own.length > 0 && own.every((p) => p.line < anchorLines[k]);
        if (down < up || (down === up && !upperHalfOnly)) j = below;
        // A cell centred on its row covers the row's line: a piece over a row that prints nothing in its column on its
        // line is the end of the cell above, however near the row below (a browser's print of wide cells:
        // `部分路段因雨季推迟` / `养护`, the next row's line under it printing no 偏差原因).
        const begins = lines.some((l) => l.no === anchorLines[below] && (l.cells[roles.indexOf(role)] ?? '') !== '');
        if (j === below && role !== 'name' && !begins) j = k;
        // A name above a row whose name has nothing below its line: a centred name would, so the piece ends the
        // name above (names are short), unless that name has ended: a wrapped name fills its column on every line
        // but its last, so a piece below its line as short as half the column's widest ends it (烟台's
        // `泵站运行电费统计真实准确` / `率` over `泵站运行期间电费缴纳及时`, the next row's).
        const next = anchorLines[below + 1] ?? Infinity;
        const centredBelow = nameLines.some((l) => l > anchorLines[below] && l < next && l - anchorLines[below] <= down);
        const ended = (pieces[k].get(role) ?? []).some((p) => p.line > anchorLines[k] && 2 * p.text.length <= widest(role));
        if (j === below && role === 'name' && !centredBelow && !ended) j = k;
        // Nor does a piece as short begin a name that goes on at its row's line: it ends the name above, unended
        // (烟台's `泵站运行电费统计真实准确` / `率` over `泵站运行期间电费缴纳及时` / `率`, each name's first line on its row's).
        if (j === below && role === 'name' && begins && 2 * text.length <= widest(role) && !ended) j = k;
        // The lines of one cell follow each other, no blank line between them: a piece parted by a blank line from
        // the row above and not from the row below is the lower row's, and the other way round (烟台's names wrapped
        // over the line above their value's, a blank line above them: `消除安全隐患，橡胶坝工程` / `正常运转率`).
        const lastAbove = Math.max(anchorLines[k], ...[...pieces[k].values()].flat().map((p) => p.line));
        const partedAbove = blankBetween(lastAbove, line.no);
        if (partedAbove !== blankBetween(line.no, anchorLines[below])) j = partedAbove ? below : k;
      }
      const list = pieces[j].get(role);
      if (list) list.push({ text, line: line.no });
      else pieces[j].set(role, [{ text, line: line.no }]);
    });
  }
  const rows = pieces.map((byRole, j) => {
    const cells: Partial<Record<Role, string>> = {};
    let first = anchorLines[j];
    let last = anchorLines[j];
    for (const [role, list] of byRole) {
      cells[role] = joinWrapped(list.map((p) => p.text));
      first = Math.min(first, list[0].line);
      last = Math.max(last, list[list.length - 1].line);
    }
    return { cells, first, last };
  });
  return { rows, anchors: anchorLines };
}

/**
 * Where each line of a centred grid stands, measured in lines between its rows' lines (`rowLines`: the lines holding
 * a row's text): `pdftotext -layout` prints a line for every baseline, and a blank line only where two baselines lie
 * further apart than a line. A level name centred between two rows, or the grid's margin label, is printed on a line
 * of its own between the rows' lines, so the lines between two rows count how much text stands between them, not how
 * far apart they are (西安's 部门整体 form: 产出指标 on L2489 between rows one line apart, L2488 and L2490). Between two
 * rows' lines with such a line between them, the rows stand as far apart as the grid's rows with nothing between
 * them (`anchors`: its rows' value lines; the gap seen most often, the narrower of two as often), or further where
 * more blank lines stand between; the lines between are spread evenly over it. Elsewhere, a line is its number.
 */
function rowPositions(rowLines: readonly number[], anchors: readonly number[], blank: (line: number) => boolean): Position {
  const printedBetween = (a: number, b: number) => {
    let n = 0;
    for (let l = a + 1; l < b; l++) if (!blank(l)) n++;
    return n;
  };
  const seen = new Map<number, number>();
  for (let k = 1; k < anchors.length; k++) {
    const gap = anchors[k] - anchors[k - 1];
    if (printedBetween(anchors[k - 1], anchors[k]) === 0) seen.set(gap, (seen.get(gap) ?? 0) + 1);
  }
  const pitch = [...seen].reduce((best, [gap, n]) => (n > best[1] || (n === best[1] && gap < best[0]) ? [gap, n] : best), [1, 0])[0];
  const lines = [...new Set(rowLines)].sort((a, b) => a - b);
  const at = new Map<number, number>();
  lines.forEach((line, k) => {
    if (k === 0) return at.set(line, line);
    const before = lines[k - 1];
    const printed = printedBetween(before, line);
    const apart = printed === 0 ? Math.min(pitch, line - before) : Math.max(pitch, line - before - printed);
    const from = at.get(before)!;
    for (let l = before + 1; l <= line; l++) at.set(l, from + (apart * (l - before)) / (line - before));
  });
  const first = lines[0];
  const last = lines[lines.length - 1];
  return (line) => at.get(line) ?? (line < first ? at.get(first)! - (first - line) : (at.get(last) ?? line) + (line - last));
}

/**
 * The rows of a centred grid joined as the PDF draws them (`row`: each line's band between the rules across the value
 * column): rows whose value lines lie in one band are one row, its 三级 name and value both wrapped over lines (烟台's
 * three lines of each).
 */
function joinDrawnRows(anchored: { rows: Working[]; anchors: number[] }, row: ReadonlyMap<number, number>): { rows: Working[]; anchors: number[] } {
  const rows: Working[] = [];
  const anchors: number[] = [];
  anchored.rows.forEach((r, j) => {
    const band = row.get(anchored.anchors[j]);
    const prev = rows[rows.length - 1];
    if (prev && band != null && band === row.get(anchors[anchors.length - 1])) {
      for (const [role, text] of Object.entries(r.cells) as Array<[Role, string]>) prev.cells[role] = joinWrapped([prev.cells[role] ?? '', text]);
      prev.last = Math.max(prev.last, r.last);
      prev.first = Math.min(prev.first, r.first);
      return;
    }
    rows.push({ cells: { ...r.cells }, first: r.first, last: r.last });
    anchors.push(anchored.anchors[j]);
  });
  return { rows, anchors };
}

/**
 * Where a PDF draws an indicator grid: its bands (ruled-bands.ts drawnGrid) for the grid's `lines`, its rows measured
 * by `anchors`, its level columns standing `before` cells left of the value column.
 */
export type DrawnGridOf = (anchors: readonly number[], lines: readonly number[], before: Record<'level1' | 'level2', number>) => DrawnGrid | null;

export interface TabbedBody {
  indicators: Indicator[];
  flags: string[];
  last: number;
  /** Text of the grid that no indicator holds, kept as printed: the level cells over no row. */
  apart: LinePiece[];
}

/**
 * The drawn grid of a centred grid whose columns run 一级, 二级, …, 指标值 and maybe more (依据, 分值, 佐证资料 …).
 * The drawing finds the column the rows' lines end in (the median line's last cell, as ruled-bands.ts measures the
 * median right edge of their boxes) and counts the level columns from it: the value column of a grid that prints
 * nothing right of it, else the last column the rows print. A grid of nine columns whose cells all wrap over lines
 * (开发区's forms printed by LibreOffice, a value such as `=2024` / `年 11 月` / `25 日前` over three lines) is read as
 * drawn too, not as a row per printed line.
 */
function drawnGridOf(drawnOf: DrawnGridOf, lines: readonly PrintedRow[], pieces: Record<'level1' | 'level2', LinePiece[]>, roles: readonly Role[]): DrawnGrid | null {
  const value = roles.indexOf('value');
  const level1 = roles.indexOf('level1');
  const level2 = roles.indexOf('level2');
  if (value < 0 || level1 < 0 || level2 < 0 || level1 > value || level2 > value) return null;
  const anchors = lines.filter((l) => l.anchor);
  const ends = anchors.map((l) => l.cells.findLastIndex((c) => c !== '')).sort((a, b) => a - b);
  const end = ends[Math.floor(ends.length / 2)];
  if (end == null || end < value) return null;
  const all = [...new Set([...lines.map((l) => l.no), ...pieces.level1.map((p) => p.line), ...pieces.level2.map((p) => p.line)])].sort((a, b) => a - b);
  return drawnOf(anchors.map((l) => l.no), all, { level1: end - level1, level2: end - level2 });
}

/**
 * A row with more cells than the header: a space inside a name (`干部培训⇥人数`) or between a value and its unit
 * (`≥24⇥人`) became a tab. The cells between the name and the first value-looking cell join the name; cells still
 * over the header's width join the value. Nothing is dropped either way.
 */
function foldSurplus(cells: readonly string[], roles: readonly Role[]): string[] {
  const ni = roles.indexOf('name');
  const vi = roles.indexOf('value');
  if (ni < 0 || vi !== ni + 1 || trimmedWidth(cells) <= roles.length) return [...cells];
  let out = cells.slice(0, trimmedWidth(cells));
  const j = out.findIndex((c, i) => i > vi && looksLikeValue(c));
  if (j > vi && j - vi <= out.length - roles.length) out = [...out.slice(0, ni), out.slice(ni, j).join(' '), ...out.slice(j)];
  const surplus = out.length - roles.length;
  if (surplus > 0) out = [...out.slice(0, vi), out.slice(vi, vi + surplus + 1).join(' '), ...out.slice(vi + surplus + 1)];
  return out;
}

/**
 * 绩效指标 in the grid's left margin, one cell down the rows (a web page's rowspan, a workbook's merge): no column of
 * the grid, which prints nothing but the label, in the header's cell or, where the header's is empty, in a row's (a
 * page's cell merged over the header and the rows prints it centred on them), and again where a merge was filled
 * down. Read as a column, it made every row's 一级 name its 二级 name.
 */
export function holdsMarginLabel(header: GridRow, body: readonly GridRow[]): boolean {
  const printed = [header, ...body].map((row) => cleanCell(row.cells[0] ?? '')).filter((cell) => cell !== '');
  return printed.length > 0 && printed.every(isGridLabel);
}

/** A row without its margin cell (holdsMarginLabel). */
export function outOfMargin(row: GridRow): GridRow {
  return { ...row, cells: row.cells.slice(1) };
}

/**
 * Reads the indicator rows of a 绩效目标表 printed as a grid (4, 6 or 9 columns), tab-separated or aligned. A
 * tab-separated grid prints a merged 一级/二级 cell on the first of its rows. An aligned one (`centred`) prints it
 * centred on its rows, its name wrapped over lines with other rows' lines between the pieces: its level columns are
 * read apart, as cells of their own placed on the rows they are centred on (level-cells.ts).
 */
export function readGridBody(
  header: GridRow,
  body: readonly GridRow[],
  centred = false,
  drawnOf?: DrawnGridOf,
  /** The lines of a centred grid printing anything, a label in its margin too: the others are printed blank. */
  printing?: ReadonlySet<number>,
): TabbedBody {
  if (!centred && holdsMarginLabel(header, body)) return readGridBody(outOfMargin(header), body.map(outOfMargin));
  const rowsCells = body.map((row) => row.cells.map(cleanCell));
  const roles = columnRoles(header.cells.map(cleanCell), modeWidth(rowsCells));
  const otherLabel = cleanCell(header.cells[roles.indexOf('other')] ?? '备注');
  const hasWeight = roles.includes('weight');
  const flags: string[] = [];
  const rows: Working[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  let last = header.no;

  const cellOf = (cells: readonly string[], role: Role): string => cells[roles.indexOf(role)] ?? '';
  // The level columns' pieces and the other lines, read apart in a centred grid.
  const levelPieces: Record<'level1' | 'level2', LinePiece[]> = { level1: [], level2: [] };
  const printedLines: PrintedRow[] = [];
  const shiftedLines = new Set<number>();

  body.forEach((line, k) => {
    const raw = rowsCells[k];
    const text = line.cells.join('\t');
    if (raw.every((c) => c === '') || /^[-\s]+$/.test(text) || isIndicatorHeader(text)) return;
    // A piece in the 二级 column that starts a wrapped name, or ends the one above, is no 三级 name out of place.
    const prevLevel2 = centred ? (levelPieces.level2.at(-1)?.text ?? '') : (rows[rows.length - 1]?.cells.level2 ?? '');
    const completes = (tail: string) => completesLevelName(prevLevel2, tail) || (centred && startsLevelName(tail));
    const wrapping = centred && startsLevelName(prevLevel2);
    const surplus = foldSurplus(raw, roles);
    const split = centred ? splitLevelRun(surplus, roles, line.cells[roles.indexOf('name')]) : surplus;
    const printed = realign(split, roles, completes, wrapping);
    // A row under a 二级 name whose value the print lost (its 一级 cell empty, so not the tail of a wrapped row).
    const startsOwnRow = cellOf(printed, 'level1') === '' && isLevelName(cellOf(printed, 'level2')) && cellOf(printed, 'name') !== '';
    // Such a row printed a column left of its labels: its 二级 name in the 三级 column.
    if (startsOwnRow && cellOf(split, 'level2') === '' && cellOf(split, 'name') === cellOf(printed, 'level2')) shiftedLines.add(line.no);
    const cells = centred ? withoutLevels(printed, roles, line.no, levelPieces) : printed;
    const headerContinuation =
      rows.length === 0 && printedLines.length === 0 && !cells.some((c) => looksLikeValue(c) || parseAmount(c) != null) && /指标|值|权重|依据|规则|资料/.test(compact(text));
    if (headerContinuation) {
      last = line.no;
      return;
    }
    const value = cellOf(cells, 'value');
    const weight = hasWeight ? cellOf(cells, 'weight') : roles.includes('score') ? cellOf(cells, 'score') : '';
    if (centred) {
      // A unit alone in the value column is the end of a value wrapped before its unit (`=2275.75平方` / `米`).
      const anchor = (value !== '' && !isUnitToken(value)) || weight !== '';
      if (cells.some((c) => c !== '')) printedLines.push({ no: line.no, cells, anchor });
      last = line.no;
      return;
    }
    const prev = rows[rows.length - 1];
    const onlyLevels = roles.every((r, i) => r === 'level1' || r === 'level2' || (cells[i] ?? '') === '');
    if (onlyLevels) {
      const l1 = cellOf(cells, 'level1');
      const l2 = cellOf(cells, 'level2');
      if (prev && ((l1 && completesLevelName(prev.cells.level1 ?? '', l1)) || (l2 && completesLevelName(prev.cells.level2 ?? '', l2)))) {
        prev.cells.level1 = joinWrapped([prev.cells.level1 ?? '', l1]);
        prev.cells.level2 = joinWrapped([prev.cells.level2 ?? '', l2]);
        level1 = prev.cells.level1 || level1;
        level2 = prev.cells.level2 || level2;
        prev.last = line.no;
      } else {
        if (l1 && l1 !== level1) level2 = null;
        if (l1) level1 = l1;
        if (l2) level2 = l2;
      }
      last = line.no;
      return;
    }
    if (prev && value === '' && weight === '' && !startsOwnRow) {
      roles.forEach((role, i) => {
        if (cells[i]) prev.cells[role] = joinWrapped([prev.cells[role] ?? '', cells[i]]);
      });
      if (prev.cells.level1) level1 = prev.cells.level1;
      if (prev.cells.level2) level2 = prev.cells.level2;
      prev.last = line.no;
      last = line.no;
      return;
    }
    const own: Partial<Record<Role, string>> = {};
    roles.forEach((role, i) => {
      if (cells[i]) own[role] = cells[i];
    });
    for (const role of ['level1', 'level2'] as const) {
      const cell = own[role];
      if (cell && prev && completesLevelName(prev.cells[role] ?? '', cell)) {
        prev.cells[role] = joinWrapped([prev.cells[role] ?? '', cell]);
        own[role] = prev.cells[role];
      }
    }
    if (own.level1) {
      if (own.level1 !== level1) level2 = null;
      level1 = own.level1;
    }
    if (own.level2) level2 = own.level2;
    own.level1 = level1 ?? '';
    own.level2 = level2 ?? '';
    rows.push({ cells: own, first: line.no, last: line.no });
    last = line.no;
  });

  const apart: LinePiece[] = [];
  if (centred) {
    const drawn = drawnOf && drawnGridOf(drawnOf, printedLines, levelPieces, roles);
    const blank = (line: number) => printing != null && !printing.has(line);
    const printed = anchoredRows(printedLines, roles, drawn ?? undefined, blank, shiftedLines);
    const anchored = drawn ? joinDrawnRows(printed, drawn.row) : printed;
    rows.push(...anchored.rows);
    const at = printing && rowPositions(printedLines.map((l) => l.no), anchored.anchors, blank);
    apart.push(...placeLevels(rows, anchored.anchors, levelPieces, flags, drawn ?? undefined, at));
  }
  const indicators = rows.map((r) => {
    const c = r.cells;
    if (!c.name) flags.push(`第 ${r.first} 行没有指标名称`);
    const cellsForRow: RowCells = {
      level1: c.level1 ?? null,
      level2: c.level2 ?? null,
      name: c.name ?? '',
      value: `${c.operator ?? ''}${c.value ?? ''}${c.unit ?? ''}`,
      description: [c.description, c.other && `${otherLabel}：${c.other}`].filter(Boolean).join('；') || null,
      basis: c.basis ?? null,
      previous: c.previous ?? null,
      weight: c.weight ?? null,
      rule: c.rule ?? null,
      evidence: c.evidence ?? null,
      actual: c.actual ?? null,
      score: c.score ?? null,
      deviation: c.deviation ?? null,
      lines: { first: r.first, last: r.last },
    };
    return toIndicator(cellsForRow);
  });
  return { indicators, flags, last, apart };
}
