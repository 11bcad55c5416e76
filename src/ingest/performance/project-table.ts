/**
 * A 项目支出绩效目标表 printed as ONE table listing many projects (北京's 预算表12, 长沙's 项目支出绩效目标表): a
 * project-name column, the project's amounts and 年度目标 in columns of their own, then the indicator columns; each
 * project's cells span all of its indicator rows. `pdftotext -layout` prints such a spanning cell once, centred on
 * its rows, and wraps every long cell around its row's line. So the table is read by position: each piece of text
 * goes to the header column it stands under; an indicator row is anchored on the line that holds its value and
 * takes the wrapped pieces nearest to it; the projects (and merged 一级/二级 cells) take the rows they are centred
 * on (centred-groups.ts). A project cut by a page break is printed again on the next page and read as one. From a
 * PDF that draws the cells' borders, the rules say which rows a project's cell holds instead (ruled-bands.ts).
 * Pure, and linear in the table's size.
 */
import type { Indicator, PerformanceTarget } from '../../schema/performance.ts';
import { holdsWholeTotalWord } from '../../core/totals.ts';
import type { SourceLine } from '../source-lines.ts';
import { amountsRunOn, runsOf, wordCells, wordsOf } from '../layout/cells.ts';
import { pageFrame } from '../layout/page-frame.ts';
import { detectLayout } from '../layout/detect.ts';
import { parseAmount } from '../numbers.ts';
import { lacksLowerHalf, type Apart, type Span } from './centred-groups.ts';
import { centredRows, LINE_OFF, placeLevelCells } from './level-cells.ts';
import { ruledBands, ruledRows } from './ruled-bands.ts';
import type { PageGeometry } from '../page-geometry.ts';
import { toIndicator } from './indicator-row.ts';
import { isLevel1, isLevel2 } from './levels.ts';
import { isOutlineHeading } from './level-state.ts';
import { isPageNumber } from '../page-furniture.ts';
import { headerContinuation, headerLineCells, stackedHeaderCells } from './stacked-header.ts';
import { cleanCell, compact, joinWrapped, overlappingPrints, samePrefix } from './text.ts';
import { edgesAt } from './drawn-header.ts';
import { isReadingOrder, readReadingOrderTable, type RowCell } from './reading-order-table.ts';
import { statedUnit } from '../../core/units.ts';
import { isGridLabel, roleOfHeader, type ColumnRole as Role } from './header-roles.ts';
import { FIGURE_WHOLE_SOURCE } from '../../core/amounts.ts';
import { countUpTo } from '../../core/pages.ts';
import { foldFigures, hasDigit } from '../../core/width.ts';

/** Labels over a group of columns: 其中：over 财政资金 / 其他资金, the grid's label (绩效指标) over the indicator columns. */
const isGroupLabel = (word: string) => /^其中[:：]?$/.test(compact(word)) || isGridLabel(word);

/** Columns whose pieces belong to the project, not to one indicator row. */
export const PROJECT_ROLES: ReadonlySet<Role> = new Set(['code', 'project', 'amount', 'goal']);

export interface Column {
  role: Role;
  label: string;
  centre: number;
}

export interface Piece {
  text: string;
  line: number;
  start: number;
  column: Column;
}

/** A line whose words are all column headers or group labels: the table's header, or its repetition on a later page. */
function isHeaderLine(text: string): boolean {
  const words = wordsOf(text);
  return words.length > 0 && words.every((w) => isGroupLabel(w) || roleOfHeader(w) != null);
}

/**
 * True when the lines are the header of a many-project table: a project-name column, an amount column and the
 * indicator columns (一级/二级/三级, a value) among the header's cells.
 */
export function isProjectTableHeader(header: readonly SourceLine[]): boolean {
  // Asked of every form's header: a project column's label prints 名称 and a value column's 值, a character of each on
  // some line however the labels wrap, and lines printing neither are not cut into stacked labels.
  if (!header.some((l) => l.text.includes('称')) || !header.some((l) => l.text.includes('值'))) return false;
  const roles = new Set(headerLineCells(header, isHeaderWord).map((c) => roleOfHeader(c.text)));
  return ['project', 'amount', 'name', 'value'].every((r) => roles.has(r as Role));
}

/** A column header or a label over a group of columns. */
function isHeaderWord(word: string): boolean {
  return roleOfHeader(word) != null || isGroupLabel(word);
}

/**
 * The columns named by the header lines: headers touching by one space (`一级指标 二级指标`) are separate columns
 * (one header never holds a space); a header wrapped over lines (`单位编` / `码`) is one (stacked-header.ts). `roleOf`:
 * the labels' view of the vocabulary (header-roles.ts), the targets' by default.
 */
export function headerColumns(header: readonly SourceLine[], roleOf: (label: string) => Role | null = roleOfHeader): Column[] {
  return stackedHeaderCells(header, (word) => roleOf(word) != null || isGroupLabel(word)).flatMap((cell) => {
    const role = roleOf(cell.text);
    return role ? [{ role, label: cleanCell(cell.text), centre: cell.centre }] : [];
  });
}

/**
 * The pieces of a body line, each under its column. The header is often printed in a larger font, so its labels
 * drift from the columns by several characters; what holds is the order: the line's text runs go to columns left to
 * right, two runs never to one column (a cell is one run), and words touching by one space may part (two cells
 * printed too close) or stay together. Of those assignments, the one nearest the header's positions.
 */
const SHARED_COLUMN = 1000;

/**
 * Text that cannot stand in a column: words in an amount column, an amount in a level column, a phrase in a
 * column of short cells (a value, its unit, its sign or 定性, the figure printed beside it).
 */
function misfit(word: string, role: Role): number {
  if (role === 'amount') return parseAmount(word) == null ? MISFIT : 0;
  if (role === 'level1' || role === 'level2') return hasDigit(word) ? MISFIT : 0;
  if (role === 'operator') return hasDigit(word) || word.length > 3 ? MISFIT : 0;
  if (role === 'unit' || role === 'value' || role === 'previous' || role === 'actual') return /[，。；,;]/.test(word) || word.length > 12 ? MISFIT : 0;
  return 0;
}

/** Far more than columns ever drift, far less than two runs under one column. */
const MISFIT = 50;

/** An amount as the amount columns print it, two decimals or more: what a page's first row shows its columns by. */
const TABLE_AMOUNT = new RegExp(`^${FIGURE_WHOLE_SOURCE}\\.\\d{2,}$`);

function nearestColumn(columns: readonly Column[], x: number): Column {
  return columns.reduce((b, c) => (Math.abs(c.centre - x) < Math.abs(b.centre - x) ? c : b));
}

/** Words whose column is known from what they say: national level names and comparison signs. */
function shapeRole(word: string): Role | null {
  if (isLevel1(word) && !isLevel2(word)) return 'level1';
  if (isLevel2(word) && !isLevel1(word)) return 'level2';
  return /^[≥≤＝=<>＜＞]$/.test(word) ? 'operator' : null;
}

/** The header's columns moved to where this page prints them (layout/page-frame.ts). */
export function calibrated(columns: readonly Column[], lines: readonly SourceLine[]): Column[] {
  const seen = new Map<Column, number[]>();
  const see = (c: Column | undefined, x: number) => {
    if (!c) return;
    const xs = seen.get(c);
    if (xs) xs.push(x);
    else seen.set(c, [x]);
  };
  const amountColumns = columns.filter((c) => c.role === 'amount');
  for (const line of lines) {
    let amounts = 0;
    for (const w of wordCells(line.text)) {
      const x = (w.start + w.end) / 2;
      const role = shapeRole(w.text);
      const only = role ? columns.filter((c) => c.role === role) : [];
      if (role && only.length === 1) see(only[0], x);
      // Amounts (two decimals or more) near the amount columns: the first of a line is under the first of them.
      else if (TABLE_AMOUNT.test(foldFigures(w.text)) && nearestColumn(columns, x).role === 'amount') see(amountColumns[amounts++], x);
    }
  }
  const frame = pageFrame({ columns: columns.map((c) => ({ start: c.centre, end: c.centre })) }, { said: columns.map((c) => seen.get(c)) });
  if (!frame || !('moves' in frame)) return [...columns];
  const [[onThePage]] = frame.moves;
  return columns.map((c, i) => ({ ...c, centre: onThePage[i].start }));
}

/**
 * For each word of a line after the first, whether the page draws it in the same cell as the word before (no column
 * rule between them), so that the two may stand in one column as words touching by one space may: the PDF's text
 * may set two runs of a cell far apart (长沙 教育 p. 23: `于90%` and `得10分，…`, a space apart in their 评（扣）分标准
 * cell, eight in the text), and as two runs they went to two columns. Null without the page's rules and glyphs, or
 * where it draws no column rules across the line (a frame alone says nothing).
 */
function sameDrawnCell(line: SourceLine, words: ReadonlyArray<{ start: number; end: number }>, geometry?: PageGeometry): boolean[] | null {
  const box = geometry?.boxOf(line.no);
  const xs = geometry?.glyphsOf(line.no);
  const rules = geometry && box ? geometry.rulesOf(geometry.pageOf(line.no)) : null;
  if (!box || !xs || !rules) return null;
  const edges = edgesAt(rules.vertical, (box[1] + box[3]) / 2);
  if (edges.length <= 2) return null;
  const shift = line.raw.startsWith('\f') ? 1 : 0;
  return words.map((w, i) => {
    if (i === 0) return false;
    const from = xs[words[i - 1].end - 1 + shift];
    const to = xs[w.start + shift];
    return !Number.isNaN(from) && !Number.isNaN(to) && !edges.some((x) => x > from && x < to);
  });
}

export function piecesOf(line: SourceLine, columns: readonly Column[], geometry?: PageGeometry): Piece[] {
  const cells = amountsRunOn(wordCells(line.text));
  const words = cells.map((w) => ({ text: w.text, start: w.start, centre: (w.start + w.end) / 2 }));
  const n = words.length;
  const m = columns.length;
  if (n === 0 || m === 0) return [];
  const drawnTogether = sameDrawnCell(line, cells, geometry);
  // best[i * m + c]: least cost with words 0..i placed and word i under column c; `back` the column of word i - 1 there.
  // Two flat arrays a line, not two arrays a word: every line of every table of many projects is placed so.
  const best = new Float64Array(n * m).fill(Infinity);
  const back = new Int32Array(n * m).fill(-1);
  const costOf = (i: number, c: number) => Math.abs(words[i].centre - columns[c].centre) + misfit(words[i].text, columns[c].role);
  for (let c = 0; c < m; c++) best[c] = costOf(0, c);
  for (let i = 1; i < n; i++) {
    const touching = words[i].start - (words[i - 1].start + words[i - 1].text.length) === 1 || drawnTogether?.[i] === true;
    for (let c = 0; c < m; c++) {
      const cost = costOf(i, c);
      for (let p = 0; p <= c; p++) {
        // Two runs under one column only when the line has more runs than there are columns.
        const total = best[(i - 1) * m + p] + cost + (p === c && !touching ? SHARED_COLUMN : 0);
        if (total < best[i * m + c]) {
          best[i * m + c] = total;
          back[i * m + c] = p;
        }
      }
    }
  }
  // The last word's cheapest column, the first of equals.
  let c = 0;
  for (let k = 1; k < m; k++) if (best[(n - 1) * m + k] < best[(n - 1) * m + c]) c = k;
  const placed: number[] = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    placed[i] = c;
    c = back[i * m + c];
  }
  const out: Piece[] = [];
  words.forEach((w, i) => {
    const column = columns[placed[i]];
    const prev = out[out.length - 1];
    if (prev && prev.column === column) prev.text = joinWrapped([prev.text, w.text]);
    else out.push({ text: w.text, line: line.no, start: w.start, column });
  });
  return out;
}

export interface ProjectTableTarget {
  target: Omit<PerformanceTarget, 'id'>;
  /** The lines of the project's indicator rows (the target's other lines are kept as printed). */
  held: Span[];
}

interface Row {
  anchor: number;
  pieces: Piece[];
  first: number;
  last: number;
}

/** Lines of a page's furniture inside the table: its title and unit line repeated after a page break. */
function isFurniture(text: string, isTitle: (t: string) => boolean): boolean {
  return isPageNumber(text) || isTitle(text) || (statedUnit(text) !== null && /元\s*$/.test(text)) || namesUnit(text);
}

/** The line above such a table naming the unit whose table it is (`单位名称：…`): no column's label. */
export function namesUnit(text: string): boolean {
  return /^\s*单位名称[:：]/.test(text);
}

/** A clause mark with twenty characters after it: prose, not a cell's words. */
const PROSE_STRETCH = /[，。；].{20,}/;

/**
 * Where the table stops: an outline heading, a note, or a line of prose running across the columns (from the left
 * margin; a long cell of prose, such as a goal, stands in its own column further right). Text in reading order
 * (`inOrder`) starts every line at the margin, a goal's too: there only the heading and the note tell.
 */
export function endsTable(text: string, columns: readonly Column[], inOrder = false): boolean {
  const t = text.trim();
  if (isOutlineHeading(t) || /^注[:：]/.test(t)) return true;
  // Asked of every line of a table: one whose text holds no such stretch has no run that does (a run is a piece of it),
  // and is not cut into runs.
  if (inOrder || !PROSE_STRETCH.test(text)) return false;
  const margin = columns.length > 1 ? columns[1].centre : Infinity;
  return runsOf(text).some((run) => run.start < margin && PROSE_STRETCH.test(run.text));
}

/**
 * Reads the table from its header lines through `body`. Returns one target per project, in order, or null when no
 * project with an indicator is found (the caller then reads the block as a single target).
 */
export function readProjectTable(
  title: string,
  header: readonly SourceLine[],
  tableBody: readonly SourceLine[],
  isTitle: (text: string) => boolean,
  geometry?: PageGeometry,
): ProjectTableTarget[] | null {
  // The header's lines (the title and the unit line aside), with the pieces of its wrapped labels printed under it.
  const headed = header.filter((l) => l.text.trim() && !isFurniture(l.text, isTitle));
  const wrapped = headerContinuation(headed, tableBody, isHeaderWord);
  const headerLines = [...headed, ...tableBody.slice(0, wrapped)];
  const body = tableBody.slice(wrapped);
  // After a page break the header is printed again, line for line.
  const printedHeader = new Set(headerLines.map((l) => compact(l.text)));
  // Pages: each begins at a form feed or at the header printed again, and is read with its own column positions.
  const pages: Array<{ columns: Column[]; lines: SourceLine[] }> = [{ columns: headerColumns(headerLines), lines: [] }];
  let lastLine = Math.max(header[header.length - 1].no, headerLines[headerLines.length - 1]?.no ?? 0);
  let repeated: SourceLine[] = [];
  let fullHeader = headerLines;
  // Text in reading order (reading-order-table.ts) prints a cell's wrapped words a line each, and a word such as
  // 北京市地方标准 (of a name) names a header too: there a header line is one printed in the header, or two labels.
  const inOrder = isReadingOrder(body.filter((l) => l.text.trim()));
  const isHeader = (text: string) => printedHeader.has(compact(text)) || (isHeaderLine(text) && (!inOrder || wordsOf(text).length > 1));
  // The lines that begin a page: after a form feed, on a line of the table or of the furniture before it.
  const pageStarts = new Set<number>();
  // The page's title and unit line repeated among the rows are read as no row's; kept as printed, not in a row's range
  // held by its fields (a line of a title and its unit, `预算01表 收支总表 … 金额单位：万元`, moved among a project's
  // rows: `npm run fuzz`, seed 444137717).
  const furniture: number[] = [];
  let broken = false;
  for (const line of body) {
    if (/^\f/.test(line.raw)) broken = true;
    if (isHeader(line.text)) {
      repeated.push(line);
      continue;
    }
    if (!line.text.trim()) continue;
    if (isFurniture(line.text, isTitle)) {
      if (!isPageNumber(line.text)) furniture.push(line.no);
      continue;
    }
    if (broken) pageStarts.add(line.no);
    broken = false;
    if (endsTable(line.text, pages[pages.length - 1].columns, inOrder)) break;
    const page = pages[pages.length - 1];
    // Header lines right under the header (财政资金 / 其他资金 under 其中：) are part of it.
    if (repeated.length && pages.length === 1 && page.lines.length === 0) {
      fullHeader = [...headerLines, ...repeated];
      page.columns = headerColumns(fullHeader);
    }
    else if (repeated.length && isProjectTableHeader(repeated)) pages.push({ columns: headerColumns(repeated), lines: [] });
    else {
      // Header words that head nothing (no header printed again) are lines of the table, read as its others are.
      page.lines.push(...repeated);
      if (/^\f/.test(line.raw) && page.lines.length) pages.push({ columns: page.columns, lines: [] });
    }
    repeated = [];
    pages[pages.length - 1].lines.push(line);
    lastLine = line.no;
  }
  const printedLines = pages.flatMap((p) => p.lines);
  const inOrderRead = inOrder ? inReadingOrder(title, header, fullHeader, printedLines, lastLine, pageStarts) : null;
  if (inOrderRead) return inOrderRead;
  // Read by position only where the header stands at its columns' places (layout/detect.ts, the rule readBody asks of
  // a form's header line): a header printed with single spaces (长沙 教育 2026's 部门整体 form, its runs of spaces
  // made one) puts its labels nowhere near their columns, and a row's words placed under them took a 备注 score, 7,
  // for a value. Such a table is read as a form (index.ts readBody), or kept as printed.
  if (detectLayout(fullHeader) !== 'aligned') return null;
  const pieces: Piece[] = [];
  for (const page of pages) {
    const columns = calibrated(page.columns, page.lines);
    for (const line of page.lines) pieces.push(...piecesOf(line, columns, geometry));
  }
  const anchorLines = [...new Set(pieces.filter(isAnchor).map((p) => p.line))].sort((a, b) => a - b);
  const tableLines = pages.flatMap((p) => p.lines.map((l) => l.no));
  const drawnRows = geometry && ruledRows(geometry, tableLines, anchorLines);
  const rows = indicatorRows(pieces, drawnRows ?? undefined);
  // A project row is the line its amount is printed on: the project's cells are centred on it.
  const amountLines = [...new Set(pieces.filter((p) => p.column.role === 'amount' && parseAmount(p.text) != null).map((p) => p.line))];
  if (rows.length === 0 || amountLines.length === 0) return null;
  const pageOf = new Map<number, number>();
  pages.forEach((p, k) => p.lines.forEach((l) => pageOf.set(l.no, k)));
  const joined = joinedLines(rows, pages.map((p) => p.lines[0]?.no ?? Infinity));
  const empty: Span[] = [];
  // Lines no field holds all of: kept as printed (`foreign` below).
  const unheld = levelCellsOfRows(rows, pieces, empty);
  const goalLines = linesOfRole(pieces, 'goal');
  const projectLines = linesOfRole(pieces, 'project');
  const goals = amountLines.map((_, j) => cellThrough(amountLines, j, goalLines));
  const centres = amountLines.map((_, j) => joined(projectCentre(amountLines, j, projectLines, goalLines), amountLines[j]));
  // A cell drawn across a break is printed on both pages at one place of the joined pages: one cell, one anchor.
  const amountsOn = amountsPrinted(pieces);
  const cells = straddlingPrints(amountLines, pieces, amountsOn, rows, pageOf);
  // A row beside another project's goal text (or a line from it) is that project's: the goal cell lies inside its
  // project's row. A page's first row is the project's whose cell is printed again above it (cellsPrintedAgain).
  const continued = cellsPrintedAgain(pieces, rows, amountLines, pageOf, { goal: goalLines, project: projectLines });
  const cellCentres = cells.map((c) => c.reduce((x, j) => x + centres[j], 0) / c.length);
  // The goal cells each line stands in or next to, listed once: the centring asks of every row under every cell near it.
  const goalsAt = new Map<number, number[]>();
  goals.forEach((g, k) => {
    if (!g) return;
    for (let line = g.first - 1; line <= g.last + 1; line++) goalsAt.set(line, [...(goalsAt.get(line) ?? []), k]);
  });
  const misplaced = (i: number, line: number) =>
    (goalsAt.get(line) ?? []).some((k) => !cells[i].includes(k)) || (continued.has(line) && !cells[i].includes(continued.get(line)!)) ? MISFIT : 0;
  const level1 = rows.map((r) => compact(r.pieces.filter((p) => p.column.role === 'level1').map((p) => p.text).join('')) || null);
  const apart = levelsApart(level1);
  const centred = centredRows(rows.map((r) => r.anchor), empty, cellCentres, joined, misplaced, apart);
  const cellGroups = centred.groups;
  // Back to one group per print: each takes the rows of its own page.
  const printed = cells.flatMap((c, i) => c.map((j, n) => cellGroups[i].filter((k) => {
    const page = pageOf.get(rows[k].anchor)!;
    return (n === 0 || page >= pageOf.get(amountLines[j])!) && (n === c.length - 1 || page < pageOf.get(amountLines[c[n + 1]])!);
  })));
  // Where the PDF draws the cells, their rules decide.
  const bands = geometry && ruledBands(geometry, tableLines, leadingProjectLines(pieces), anchorLines, amountLines);
  const ruled = bands && ruledGroups(printed, rows, amountLines, amountsOn, bands, pageOf);
  const groups = ruled?.groups ?? printed;
  // Rows the centring puts under either of two cells about as well (a cell one row lower at both ends centres alike, or
  // within the line a print sets a cell off its middle, PAGE_OFF where either cell's rows cross a page break), and rows
  // between two goal cells too close to tell them by (betweenGoals): the text cannot tell whose they are; without the
  // PDF's rules each is flagged where it is listed.
  const cellOfRow = rows.map(() => -1);
  cellGroups.forEach((g, i) => g.forEach((k) => (cellOfRow[k] = i)));
  const crosses = cellGroups.map((g) => new Set(g.map((k) => pageOf.get(rows[k].anchor))).size > 1);
  const offBy = (i: number, k: number) => (crosses[i] || crosses[cellOfRow[k]] ? PAGE_OFF : LINE_OFF);
  const centredTies = ruled ? [] : centred.choices(offBy).flatMap((is, k) =>
    is.length > 1 ? [{ row: k, amounts: is.map((i) => cells[i][0]) }] : []);
  const tiedRows = new Set(centredTies.map((t) => t.row));
  const tied = ruled ? [] : [...centredTies, ...betweenGoals(rows, goals, cells).filter((t) => !tiedRows.has(t.row))];
  const prints = ruled?.prints ?? cells;
  const spans = groups.map((g, j) => spanOfGroup(rows, g, amountLines[j]));
  // A name or code cell is short and centred on its amount's line: its pieces go to the nearest amount line (halfway
  // between two, to the upper one while its name has a piece above its line and none below). A goal cell is long:
  // its pieces go to the project whose rows hold their line, else to the nearest amount line.
  const owned: Piece[][] = groups.map(() => []);
  const nearestAmount = nearestAmountOf(amountLines, pageOf);
  // A cell's pieces on each page are joined apart, then the prints are joined as prints of one text.
  const cellText = (cell: readonly Piece[]) =>
    [...Map.groupBy(cell, (p) => pageOf.get(p.line)).values()].map((ps) => joinWrapped(ps.map((p) => p.text))).reduce(joinPrints, '');
  const cellOwner = nameCellOwners(pieces, amountLines, pageOf, nearestAmount);
  let spanOfLine: Map<number, number> | undefined;
  for (const p of pieces) {
    if (!PROJECT_ROLES.has(p.column.role)) continue;
    const owner = cellOwner.get(p);
    if (owner != null) {
      owned[owner].push(p);
      continue;
    }
    let j = p.column.role === 'goal' ? (spanOfLine ??= firstSpanOfLine(spans)).get(p.line) ?? -1 : -1;
    if (j < 0) j = nearestAmount(p.line);
    const up = j + 1 < amountLines.length && amountLines[j + 1] - p.line === p.line - amountLines[j] ? j : j - 1;
    if (p.column.role !== 'goal' && up >= 0 && amountLines[up + 1] - p.line === p.line - amountLines[up]) {
      const mine = owned[up].filter((q) => q.column.role === p.column.role);
      j = mine.some((q) => q.line < amountLines[up]) && !mine.some((q) => q.line > amountLines[up]) ? up : up + 1;
    }
    owned[j].push(p);
  }
  const organization = /整体/.test(title);

  const projects: ProjectTableTarget[] = [];
  const placed: Array<{ piece: Piece; project: number | null }> = [];
  const projectOf: Array<number | null> = [];
  groups.forEach((g, j) => {
    const own = owned[j];
    const byRole = (role: Role) => own.filter((p) => p.column.role === role);
    const codes = [...byRole('code'), ...byRole('project').filter((p) => /^[0-9A-Z０-９]{6,}$/.test(p.text))];
    const projectName = cellText(byRole('project').filter((p) => !codes.includes(p)));
    const funds = fundsOf(byRole('amount').filter((p) => p.line === amountLines[j]), pages[0].columns);
    const goal = cellText(byRole('goal'));
    const indicators = g.map((k) => toTableIndicator(rows[k]));
    const previous = projects[projects.length - 1]?.target;
    // The same project printed again after a page break (same amount, its name or code again), or the wrapped end
    // of the one above (no amount of its own): its rows continue the project above.
    const code = codes.length ? [...new Set(codes.map((c) => c.text))].join(' ') : null;
    const again = previous && previous.funds.total === funds.total &&
      ((code != null && code === previous.code) || samePrefix(nameOf(previous), projectName) || prints.some((c) => c.indexOf(j) > 0));
    if (previous && (again || funds.total == null)) {
      // A code the rows print that is not the project's (a line out of place) names no field of it: kept as printed.
      if (code != null && code !== previous.code) unheld.push(...codes.map((p) => p.line));
      previous.indicators.push(...indicators);
      projects[projects.length - 1].held.push(...indicators.map((i) => i.lines));
      previous.goal = joinPrints(previous.goal ?? '', goal) || null;
      const name = (again ? joinPrints(nameOf(previous), projectName) : joinWrapped([nameOf(previous), projectName])) || null;
      if (organization) previous.unitName = name;
      else previous.projectName = name;
      previous.lines.last = spans[j].last;
      placed.push(...own.map((piece) => ({ piece, project: projects.length - 1 })));
      projectOf[j] = projects.length - 1;
      return;
    }
    if (indicators.length === 0 && !goal) {
      placed.push(...own.map((piece) => ({ piece, project: null }))); // a 合计 or unit row: kept as printed
      projectOf[j] = null;
      return;
    }
    placed.push(...own.map((piece) => ({ piece, project: projects.length })));
    projectOf[j] = projects.length;
    projects.push({
      target: {
        scope: organization ? 'organization' : 'project',
        title,
        unitName: organization ? projectName || null : null,
        projectName: organization ? null : projectName || null,
        code,
        projectId: null,
        owner: null,
        funds,
        goal: goal || null,
        periodGoal: null,
        indicators,
        flag: null,
        selfEvaluation: null,
        lines: { ...spans[j] },
      },
      held: indicators.map((i) => i.lines),
    });
  });
  if (projects.length === 0) return null;
  flagTiedRows(projects, tied, rows, groups, projectOf);
  if (!ruled) flagLevelsApart(projects, level1, rows, groups, projectOf, new Set(tied.map((t) => t.row)));
  // The targets share the table's lines between them: the title and header go to the first, a gap to the one above.
  projects[0].target.lines.first = header[0].no;
  projects.forEach((p, i) => {
    p.target.lines.last = i + 1 < projects.length ? projects[i + 1].target.lines.first - 1 : Math.max(p.target.lines.last, lastLine);
  });
  // A line with a piece of another project (a name wrapped past the boundary) is kept as printed where it stands.
  const foreign = new Set<number>([...unheld, ...furniture]);
  for (const { piece, project } of placed) {
    const range = project == null ? null : projects[project].target.lines;
    if (!range || piece.line < range.first || piece.line > range.last) foreign.add(piece.line);
  }
  // An amount the target has no field for (基本支出, 项目支出 of a 部门整体 form), or a text in an amount's column that
  // reads as none: its line is kept as printed.
  const funded = new Set(Object.values(fundsColumns(pages[0].columns)).map((c) => c?.label));
  for (const { piece } of placed) if (piece.column.role === 'amount' && (!funded.has(piece.column.label) || parseAmount(piece.text) == null)) foreign.add(piece.line);
  // The project's own lines (name, amounts, goal) are held by its fields; any other line is kept as printed.
  for (const { piece, project } of placed) if (project != null && !foreign.has(piece.line)) projects[project].held.push({ first: piece.line, last: piece.line });
  for (const p of projects) p.held = p.held.flatMap((r) => withoutLines(r, foreign));
  return projects;
}

/**
 * Flags each row the centring could give to two projects on the project it is listed under, naming both: listed, not
 * left out (nothing lost), and said to be uncertain rather than guessed.
 */
function flagTiedRows(
  projects: readonly ProjectTableTarget[],
  tied: ReadonlyArray<{ row: number; amounts: readonly number[] }>,
  rows: readonly Row[],
  groups: readonly number[][],
  projectOf: ReadonlyArray<number | null>,
): void {
  for (const { row, amounts } of tied) {
    const own = projectOf[groups.findIndex((g) => g.includes(row))];
    const other = amounts.map((j) => projectOf[j]).find((p) => p != null && p !== own);
    if (own == null || other == null) continue;
    const [upper, lower] = [own, other].sort((a, b) => a - b).map((p) => nameOf(projects[p].target));
    flagListed(projects[own].target, `第 ${rows[row].anchor} 行的指标属于「${upper}」还是「${lower}」`);
  }
}

/**
 * How far off the middle of its rows `pdftotext -layout` may print the cells of a project whose rows cross a page
 * break: the rows are measured on the pages joined (joinedLines), the next page's first row right under the last one,
 * while each page sets its rows by its own line height and the cells are drawn where the PDF puts them. Half a row of
 * one line more than LINE_OFF (北京 民政 2026 预算表12: 6014's cell, on p. 40 with most of its rows, a line and two
 * thirds above their joined middle; 0058's, printed on pp. 45 and 46, nearly two and a half below).
 */
const PAGE_OFF = LINE_OFF + 0.5;

/**
 * Two neighbouring projects' goal cells with fewer lines between them than a row's three: a goal line next to the
 * other cell's may be the first or last line of either (北京 民政 2026 预算表12 prints 2797's first goal line, 选树10名北京“,
 * right under 2748's last, and two lines over 2797's next), so the goal text, which places a row beside it with its
 * project (misplaced), cannot tell whose a row between them is.
 */
const GOALS_CLOSE = 3;

/**
 * The rows whose value line stands between two neighbouring projects' goal cells GOALS_CLOSE lines apart or less, each
 * with the two projects (amount indices).
 */
function betweenGoals(rows: readonly Row[], goals: ReadonlyArray<Span | null>, cells: readonly number[][]): Array<{ row: number; amounts: number[] }> {
  const cellOf = new Map(cells.flatMap((c, i) => c.map((j) => [j, i] as const)));
  const out: Array<{ row: number; amounts: number[] }> = [];
  goals.forEach((upper, j) => {
    const lower = goals[j + 1];
    if (!upper || !lower || cellOf.get(j) === cellOf.get(j + 1) || lower.first - upper.last > GOALS_CLOSE) return;
    rows.forEach((r, k) => r.anchor > upper.last && r.anchor < lower.first && out.push({ row: k, amounts: [j, j + 1] }));
  });
  return out;
}

/** Adds to a target's flag that a row whose project the text cannot tell (`said`) is listed under it. */
function flagListed(target: ProjectTableTarget['target'], said: string): void {
  addFlag(target, `${said}，文本无法确定（项目单元格跨越哪些行看不出），暂列在「${nameOf(target)}」下`);
}

/** Adds a sentence to a target's flag, after those it has. */
export function addFlag(target: ProjectTableTarget['target'], said: string): void {
  target.flag = target.flag ? `${target.flag}；${said}` : said;
}

/** The cells a row may print after its 三级 name and still be read in order (reading-order-table.ts RowShape). */
const ROW_CELLS: ReadonlySet<Role> = new Set(['operator', 'value', 'unit', 'description', 'rule', 'other']);

/**
 * The table read in its cells' order (reading-order-table.ts), where the header's words, in the order printed, name
 * the cells after the 三级 name: value cells, text cells (指标值内容, 评分标准) after the value and before a sign or a
 * unit, remarks. A header with other cells there (分值) is not read so: a cell's end cannot be told from the next
 * one's start by the words alone.
 */
function inReadingOrder(
  title: string,
  header: readonly SourceLine[],
  headerLines: readonly SourceLine[],
  lines: readonly SourceLine[],
  lastLine: number,
  pageStarts: ReadonlySet<number>,
): ProjectTableTarget[] | null {
  const labelled = headerLines.flatMap((l) => wordsOf(l.text)).map((w) => ({ label: cleanCell(w), role: roleOfHeader(w) })).filter((h) => h.role != null);
  const roles = labelled.map((h) => h.role!);
  const after = labelled.slice(roles.indexOf('name') + 1).filter((h) => !PROJECT_ROLES.has(h.role!));
  if (!roles.includes('name') || !after.some((h) => h.role === 'value') || after.some((h) => !ROW_CELLS.has(h.role!))) return null;
  const shape = { cells: after.map((h) => h.role as RowCell), otherLabels: after.filter((h) => h.role === 'other').map((h) => h.label) };
  const read = readReadingOrderTable(title, lines, shape, roles.filter((r) => r === 'amount').length, pageStarts);
  if (!read) return null;
  // The targets share the table's lines as the positional reading shares them: the header to the first, a gap above.
  read[0].target.lines.first = header[0].no;
  read.forEach((p, i) => {
    p.target.lines.last = i + 1 < read.length ? read[i + 1].target.lines.first - 1 : Math.max(p.target.lines.last, lastLine);
  });
  return read;
}

function nameOf(target: Omit<PerformanceTarget, 'id'>): string {
  return target.projectName ?? target.unitName ?? '';
}

/**
 * The amount columns the funds are read from: total (总额/合计, else the first), 财政 (财政资金/财政拨款/一般公共预算,
 * else the second) and 其他资金 (else the third). Columns by kind of spending (基本支出, 项目支出) or other sources
 * (政府性基金, 财政专户) have no field: a 部门整体 form prints them beside the total.
 */
export function fundsColumns(columns: readonly Column[]): Record<keyof PerformanceTarget['funds'], Column | undefined> {
  const amounts = columns.filter((c) => c.role === 'amount');
  const labelled = (pattern: RegExp) => amounts.find((c) => pattern.test(c.label));
  const total = amounts.find((c) => /总额/.test(c.label) || holdsWholeTotalWord(c.label));
  const fiscal = labelled(/财政资金|财政拨款|一般公共预算/);
  const other = labelled(/其他资金/);
  if (total || fiscal || other) return { total, fiscal, other };
  return { total: amounts[0], fiscal: amounts[1], other: amounts[2] };
}

function fundsOf(pieces: readonly Piece[], columns: readonly Column[]): PerformanceTarget['funds'] {
  const read = fundsColumns(columns);
  const amountColumns = columns.filter((c) => c.role === 'amount').length;
  if (Object.values(read).filter((c) => c != null).length === amountColumns) {
    // Every amount column is a fund: read in order, as a blank cell drifts the others under a neighbouring header.
    const amounts = pieces.map((p) => parseAmount(p.text));
    return {
      total: amounts[0] ?? null,
      fiscal: amounts.length >= 2 ? amounts[1] : null,
      other: amounts.length >= 3 && amountColumns >= 3 ? amounts[2] : null,
    };
  }
  // Positions differ by page: a piece is matched to the first page's column by its label.
  const amount = (c: Column | undefined) => {
    const p = c && pieces.find((q) => q.column.label === c.label);
    return p ? parseAmount(p.text) : null;
  };
  return { total: amount(read.total), fiscal: amount(read.fiscal), other: amount(read.other) };
}

/**
 * The amount line (its index) a piece of a project cell on `line` goes to: the nearest. A cell is printed on the page of
 * its rows, so a piece goes to an amount line of its own page, unless that is more than twice as far as one across the
 * page break (a cell's text overflowing the break stands right at it). The amount lines of each page are listed once,
 * not per piece.
 */
export function nearestAmountOf(amountLines: readonly number[], pageOf: ReadonlyMap<number, number>): (line: number) => number {
  const everyAmount = amountLines.map((_, k) => k);
  const amountsOfPage = Map.groupBy(everyAmount, (k) => pageOf.get(amountLines[k]));
  return (line) => {
    const nearest = (ks: number[]) => ks.reduce((b, k) => (Math.abs(amountLines[k] - line) < Math.abs(amountLines[b] - line) ? k : b), ks[0]);
    const all = nearest(everyAmount);
    const own = nearest(amountsOfPage.get(pageOf.get(line)) ?? []);
    return own != null && Math.abs(amountLines[own] - line) <= 2 * Math.abs(amountLines[all] - line) ? own : all;
  };
}

/**
 * The project of each piece of a name or code cell read whole: the pieces of one column at most two lines apart on
 * one page are one cell (a name wrapped over lines, its code above it), centred on its project's amount line, so the
 * cell goes to the amount line nearest its middle. A cell that reaches over two amount lines is not known to be one:
 * its pieces are placed one by one.
 */
export function nameCellOwners(
  pieces: readonly Piece[],
  amountLines: readonly number[],
  pageOf: ReadonlyMap<number, number>,
  nearestAmount: (line: number) => number,
): Map<Piece, number> {
  const owners = new Map<Piece, number>();
  const byColumn = Map.groupBy(
    pieces.filter((p) => p.column.role === 'project' || p.column.role === 'code'),
    (p) => p.column,
  );
  for (const column of byColumn.values()) {
    const cells: Piece[][] = [];
    for (const p of [...column].sort((a, b) => a.line - b.line)) {
      const cell = cells[cells.length - 1];
      const last = cell?.[cell.length - 1];
      if (last && p.line - last.line <= 2 && pageOf.get(p.line) === pageOf.get(last.line)) cell.push(p);
      else cells.push([p]);
    }
    for (const cell of cells) {
      const [first, last] = [cell[0].line, cell[cell.length - 1].line];
      if (amountLines.filter((a) => a >= first && a <= last).length > 1) continue;
      const j = nearestAmount((first + last) / 2);
      for (const p of cell) owners.set(p, j);
    }
  }
  return owners;
}

/** A range cut around the given lines. */
function withoutLines(range: Span, lines: ReadonlySet<number>): Span[] {
  const out: Span[] = [];
  let start: number | null = null;
  for (let n = range.first; n <= range.last + 1; n++) {
    const keep = n <= range.last && !lines.has(n);
    if (keep && start == null) start = n;
    if (!keep && start != null) {
      out.push({ first: start, last: n - 1 });
      start = null;
    }
  }
  return out;
}

/**
 * The run of lines of a project column through (or next to) the amount's line: lines of one cell are at most two
 * apart, and the cell stays between the neighbouring projects' amount lines, as the rows do.
 */
function cellThrough(amountLines: readonly number[], j: number, roleLines: readonly number[]): Span | null {
  const lo = j > 0 ? amountLines[j - 1] : -Infinity;
  const hi = j + 1 < amountLines.length ? amountLines[j + 1] : Infinity;
  const a = amountLines[j];
  // The role's lines are in order and whole numbers: those between the neighbours are found by their counts, not a scan
  // of the table's lines for every project.
  const lines = roleLines.slice(countUpTo(roleLines, lo), countUpTo(roleLines, hi - 1));
  let at = lines.indexOf(a);
  if (at < 0) at = lines.findIndex((l) => Math.abs(l - a) === 1);
  if (at < 0) return null;
  let first = at;
  let last = at;
  while (first > 0 && lines[first] - lines[first - 1] <= 2) first--;
  while (last + 1 < lines.length && lines[last + 1] - lines[last] <= 2) last++;
  return { first: lines[first], last: lines[last] };
}

/** The lines a column of this role has pieces on, in order: what cellThrough reads, listed once per table. */
function linesOfRole(pieces: readonly Piece[], role: Role): number[] {
  return [...new Set(pieces.filter((p) => p.column.role === role).map((p) => p.line))].sort((x, y) => x - y);
}

/**
 * Where a project's cells are centred: the amount's line and the middles of its name and goal cells, each centred
 * on the row only roughly; their mean is steadier.
 */
function projectCentre(amountLines: readonly number[], j: number, projectLines: readonly number[], goalLines: readonly number[]): number {
  const cells = [cellThrough(amountLines, j, projectLines), cellThrough(amountLines, j, goalLines)].filter((c) => c != null);
  const middles = [amountLines[j], ...cells.map((c) => (c.first + c.last) / 2)];
  return middles.reduce((x, y) => x + y, 0) / middles.length;
}

/**
 * The project (its amount line's index) whose cell is printed again above a page's first row, by that row's line. The PDF draws a cell cut by
 * a page break on both pages at one place of the joined pages (joinedLines), and pdftotext keeps a line of it standing
 * right over the page's top edge: 北京 民政 2026 p. 30 prints `织专项工作。`, the last line of 2392's 年度目标 on p. 29,
 * above its first row (a line clipped in the PDF). A cell is drawn on a page only where it has rows, so the page's
 * first row, 残疾人免税进口企业满意度, is that project's, though the centring alone put it under the project below. A
 * line is such a print where its text in a goal or name column is the text of the last line of that column's cell
 * of the project open at the break, the last whose amount is printed before the page.
 */
function cellsPrintedAgain(
  pieces: readonly Piece[],
  rows: readonly Row[],
  amountLines: readonly number[],
  pageOf: ReadonlyMap<number, number>,
  roleLines: Readonly<Record<'goal' | 'project', readonly number[]>>,
): Map<number, number> {
  // Each column's pieces by line, grouped when a page's first row first asks (a table on one page asks none).
  const byLine: Partial<Record<'goal' | 'project', Map<number, Piece[]>>> = {};
  const text = (line: number, role: 'goal' | 'project') =>
    compact(((byLine[role] ??= Map.groupBy(pieces.filter((p) => p.column.role === role), (p) => p.line)).get(line) ?? []).map((p) => p.text).join(''));
  const firstRows = new Map<number, Row>();
  for (const row of rows) if (!firstRows.has(pageOf.get(row.anchor)!)) firstRows.set(pageOf.get(row.anchor)!, row);
  const out = new Map<number, number>();
  let j = -1;
  for (const [page, row] of firstRows) {
    while (j + 1 < amountLines.length && pageOf.get(amountLines[j + 1])! < page) j++;
    if (j < 0) continue;
    const printedAgain = (['goal', 'project'] as const).some((role) => {
      const cell = cellThrough(amountLines, j, roleLines[role]);
      const last = cell && text(cell.last, role);
      if (!last || pageOf.get(cell.last) !== page - 1) return false;
      for (let l = row.first - 1; l > cell.last && (pageOf.get(l) ?? page) === page; l--) if (text(l, role) === last) return true;
      return false;
    });
    if (printedAgain) out.set(row.anchor, j);
  }
  return out;
}

/** Two prints of one cell (overlappingPrints), or, where they are not, two parts of it joined as a wrap. */
function joinPrints(a: string, b: string): string {
  return overlappingPrints(a, b) ?? joinWrapped([a, b]);
}

/** The amounts printed on a line, as printed: two prints of one project cell repeat them. */
function amountsPrinted(pieces: readonly Piece[]): (line: number) => string {
  const onLine = Map.groupBy(pieces.filter((p) => p.column.role === 'amount'), (p) => p.line);
  return (line) => (onLine.get(line) ?? []).map((p) => p.text).join(' ');
}

/** A piece on the line of an indicator row's value (or its operator): the line the row is anchored on. */
function isAnchor(p: Piece): boolean {
  return p.column.role === 'value' || p.column.role === 'operator';
}

/** Lines whose first piece is a project's name or code: they start in the project column. */
function leadingProjectLines(pieces: readonly Piece[]): number[] {
  const first = new Map<number, Piece>();
  for (const p of pieces) if (!first.has(p.line) || p.start < first.get(p.line)!.start) first.set(p.line, p);
  return [...first.values()].filter((p) => p.column.role === 'project' || p.column.role === 'code').map((p) => p.line);
}

/**
 * The rows of each amount line, by the band of the drawn cells, and the prints of each cell. A cell cut by a page
 * break prints its amounts on both pages: each print takes its band's rows of its own page (a page without one, those
 * of the print before), so that the prints are read, then joined, as the text route joins them. A band whose amount
 * lines differ holds more than one project (a rule not drawn), and a band without amount line none: their rows stay
 * where the text put them.
 */
function ruledGroups(
  groups: readonly number[][],
  rows: readonly Row[],
  amountLines: readonly number[],
  printedAmounts: (line: number) => string,
  bands: ReadonlyMap<number, number>,
  pageOf: ReadonlyMap<number, number>,
): { groups: number[][]; prints: number[][] } {
  const inBand = Map.groupBy(amountLines.keys(), (j) => bands.get(amountLines[j]));
  const prints = new Map<number, number[]>();
  for (const [band, js] of inBand) {
    if (band != null && js.every((j) => printedAmounts(amountLines[j]) === printedAmounts(amountLines[js[0]]))) prints.set(band, js);
  }
  const ownerOf = (k: number) => {
    const js = prints.get(bands.get(rows[k].anchor) ?? NaN);
    if (!js) return undefined;
    const page = pageOf.get(rows[k].anchor)!;
    return js.findLast((j) => pageOf.get(amountLines[j])! <= page) ?? js[0];
  };
  const out = groups.map((g) => g.filter((k) => ownerOf(k) == null));
  rows.forEach((_, k) => {
    const j = ownerOf(k);
    if (j != null) out[j].push(k);
  });
  const cells = [...prints.values()].filter((js) => js.length > 1);
  const alone = amountLines.keys().filter((j) => !cells.some((c) => c.includes(j))).map((j) => [j]);
  return { groups: out.map((g) => g.sort((a, b) => a - b)), prints: [...cells, ...alone].sort((a, b) => a[0] - b[0]) };
}

function spanOfGroup(rows: readonly Row[], group: readonly number[], anchor: number): Span {
  if (group.length === 0) return { first: anchor, last: anchor };
  return { first: Math.min(anchor, rows[group[0]].first), last: Math.max(anchor, rows[group[group.length - 1]].last) };
}

/**
 * The first of the spans (in order) holding each line: a goal piece goes to the project whose rows hold its line, and a
 * table's goal pieces each asked every project in turn (a table of many projects and long goals, its pieces times its
 * projects).
 */
function firstSpanOfLine(spans: readonly Span[]): Map<number, number> {
  const out = new Map<number, number>();
  spans.forEach((s, j) => {
    for (let line = s.first; line <= s.last; line++) if (!out.has(line)) out.set(line, j);
  });
  return out;
}

/**
 * Indicator rows: each is anchored on a line holding a value (or its operator); the wrapped pieces of its other
 * indicator columns go to the nearest anchor (a cell wrapped around its row's line), a tie to the row below.
 */
function indicatorRows(pieces: readonly Piece[], drawn?: ReadonlyMap<number, number>): Row[] {
  const anchors = [...new Set(pieces.filter(isAnchor).map((p) => p.line))].sort((a, b) => a - b);
  const rows: Row[] = anchors.map((a) => ({ anchor: a, pieces: [], first: a, last: a }));
  if (rows.length === 0) return rows;
  // Where the rows are drawn, a piece in the band of one row's value is that row's (a band of two values, or of none,
  // is left to the text).
  const inBand = Map.groupBy(rows, (r) => drawn?.get(r.anchor));
  const drawnRow = (line: number) => {
    const band = drawn?.get(line);
    const found = band == null ? undefined : inBand.get(band);
    return found?.length === 1 ? found[0] : undefined;
  };
  let k = 0;
  const take = (row: Row, p: Piece) => {
    row.pieces.push(p);
    row.first = Math.min(row.first, p.line);
    row.last = Math.max(row.last, p.line);
  };
  for (const p of pieces) {
    if (PROJECT_ROLES.has(p.column.role) || p.column.role === 'level1' || p.column.role === 'level2') continue;
    const drawnAt = drawnRow(p.line);
    if (drawnAt) {
      take(drawnAt, p);
      continue;
    }
    while (k + 1 < rows.length && Math.abs(rows[k + 1].anchor - p.line) <= Math.abs(rows[k].anchor - p.line)) k++;
    while (k > 0 && Math.abs(rows[k - 1].anchor - p.line) < Math.abs(rows[k].anchor - p.line)) k--;
    // Halfway between two rows: the row above takes it when its cell in this column wraps around its line (a piece
    // above the line, none on it) and so still misses its lower half.
    const above = rows[k - 1];
    const tie = above && p.line - above.anchor === rows[k].anchor - p.line;
    const own = (r: Row) => r.pieces.filter((q) => q.column === p.column);
    let row = tie && own(above).some((q) => q.line < above.anchor) && !own(above).some((q) => q.line >= above.anchor) ? above : rows[k];
    // A name is centred on its row's line: it wraps over as many lines below the line as above, so of a name's pieces
    // between two rows, the row above takes as many as it has above its line and the row below the rest, whichever row
    // is nearer (a project's code or amount printed between the rows moves a piece off its name's lines: 北京 民政
    // 2026's 殡仪服务质量与 / 北京市地方标准 / 符合度 under 工作保障及时率, printed whole on its line).
    if (p.column.role === 'name') row = centredRow(rows, p.line < rows[k].anchor ? k - 1 : k, p, own) ?? row;
    take(row, p);
  }
  return rows;
}

/** The row a piece of a name printed between rows `k` and `k + 1` belongs to, by the pieces of row k's name before it. */
function centredRow(rows: readonly Row[], k: number, p: Piece, own: (r: Row) => Piece[]): Row | undefined {
  if (k < 0 || k + 1 >= rows.length || p.line <= rows[k].anchor) return undefined;
  const lines = own(rows[k]).map((q) => q.line);
  if (lines.includes(p.line)) return rows[k];
  return lacksLowerHalf(rows[k].anchor, lines) ? rows[k] : rows[k + 1];
}

/**
 * What it costs to put a row in one project with rows before it whose 一级 name (`level1`, by row) it shares, another
 * 一级 name between them: a project's rows of one 一级指标 stand together, the national template merging its 一级
 * cell over them (产出 产出 效益 满意度, never 满意度 产出 效益 满意度). A project's name printed a line or two off the
 * middle of its rows centres a neighbour's first or last row with it about as well as without (北京 民政 2026
 * 预算表12, printed by `pdftotext -layout`: 9984's 满意度 row under 4522, whose own 满意度 row ends it); the order
 * of the 一级 names tells them apart.
 */
function levelsApart(level1: ReadonlyArray<string | null>): Apart {
  // For each row, the last row before it with its 一级 name, and whether a row of another 一级 name stands between.
  const sameBefore = level1.map(() => -1);
  const between = level1.map(() => false);
  const last = new Map<string, number>();
  let named = -1;
  level1.forEach((name, k) => {
    if (name == null) return;
    const before = last.get(name);
    if (before != null) {
      sameBefore[k] = before;
      between[k] = named > before;
    }
    last.set(name, k);
    named = k;
  });
  return (s, k) => (between[k] && sameBefore[k] >= s ? RESTART : 0);
}

/** More than a project's cells printed off the middle of its rows cost the centring (LINE_OFF); far less than MISFIT. */
const RESTART = 2;

/**
 * Flags a project whose first row's 一级 name comes again after another's, or whose last row's came before
 * another's (`level1`, by row): that row breaks the run of its 一级 name, as a row of the neighbouring project would,
 * and the centring kept it here by more than the order of the names costs. Named with the neighbour it may belong
 * to, unless flagged as tied already; a run broken inside a project is the source's order and not flagged.
 */
function flagLevelsApart(
  projects: readonly ProjectTableTarget[],
  level1: ReadonlyArray<string | null>,
  rows: readonly Row[],
  groups: readonly number[][],
  projectOf: ReadonlyArray<number | null>,
  tied: ReadonlySet<number>,
): void {
  const rowsOf = projects.map((): number[] => []);
  groups.forEach((g, j) => projectOf[j] != null && rowsOf[projectOf[j]].push(...g));
  rowsOf.forEach((own, p) => {
    const named = own.sort((a, b) => a - b).filter((k) => level1[k] != null);
    if (named.length < 3) return;
    const edges = [
      { row: named[0], rest: named.slice(1), neighbour: projects[p - 1] },
      { row: named[named.length - 1], rest: named.slice(0, -1).reverse(), neighbour: projects[p + 1] },
    ];
    for (const { row, rest, neighbour } of edges) {
      const again = rest.findIndex((k) => level1[k] === level1[row]);
      if (!neighbour || again <= 0 || tied.has(row)) continue;
      const said = `第 ${rows[row].anchor} 行的指标（${level1[row]}）与本项目同属${level1[row]}的第 ${rows[rest[again]].anchor} 行之间隔着其他一级指标，可能属于相邻的「${nameOf(neighbour.target)}」`;
      flagListed(projects[p].target, said);
    }
  });
}

/**
 * The 一级 and 二级 cell of each row, as level-cells.ts places them; a cell of one row alone is part of the row. The
 * cells without rows are added to `empty`, and the lines their pieces are printed on returned: no field holds their
 * text (a row cut off with the end of a truncated text, its value line lost), so those lines are kept as printed.
 */
function levelCellsOfRows(rows: Row[], pieces: readonly Piece[], empty: Span[]): number[] {
  const own = { level1: pieces.filter((p) => p.column.role === 'level1'), level2: pieces.filter((p) => p.column.role === 'level2') };
  const rowless: number[] = [];
  for (const { role, cell, rows: group } of placeLevelCells(rows.map((r) => r.anchor), own).placed) {
    if (group.length === 0) {
      empty.push(cell.lines);
      rowless.push(...cell.pieces.map((p) => p.line));
    }
    for (const k of group) {
      const row = rows[k];
      row.pieces.push({ text: cell.text, line: cell.lines.first, start: 0, column: own[role][0].column });
      // A cell of this row alone is part of the row, wrapped pieces included.
      if (group.length === 1) {
        row.first = Math.min(row.first, cell.lines.first);
        row.last = Math.max(row.last, cell.lines.last);
      }
    }
  }
  return rowless;
}

/** A printed line's place in the table with its pages joined; `page` is a line of the page it is printed on. */
type Position = (line: number, page?: number) => number;

/**
 * The pages of the table joined into one. A project cell cut by a page break is drawn whole, centred on all of its
 * rows on both pages, and each page shows its part (北京 预算表12: the rules of the PDF bound the cell across the
 * break, and its text stands at the same place of the joined pages on both). So the lines between a page's last row
 * and the next page's first row (the foot and head of the pages, a header printed again) are taken out, and a line
 * keeps its distance from the rows of its own page: the text of a cut cell printed below its page's last row stands,
 * joined, among the next page's first rows, where its print on that page stands too.
 */
function joinedLines(rows: readonly Row[], pageStarts: readonly number[]): Position {
  // The last page starting at or before the line (the first where none does). Asked of every row here and by the
  // centring of every row and cell, each time of every page: a line's answer is kept.
  const pageOfLine = new Map<number, number>();
  const pageAt = (line: number) => {
    let k = pageOfLine.get(line);
    if (k === undefined) {
      k = pageStarts.length - 1;
      while (k > 0 && !(pageStarts[k] <= line)) k--;
      pageOfLine.set(line, k);
    }
    return k;
  };
  const first = pageStarts.map(() => Infinity);
  const last = pageStarts.map(() => -Infinity);
  for (const r of rows) {
    const k = pageAt(r.anchor);
    first[k] = Math.min(first[k], r.first);
    last[k] = Math.max(last[k], r.last);
  }
  const shift = pageStarts.map(() => 0);
  let before = -1;
  for (let k = 0; k < pageStarts.length; k++) {
    shift[k] = k > 0 ? shift[k - 1] : 0;
    if (first[k] === Infinity) continue;
    if (before >= 0) shift[k] = shift[before] + (first[k] - last[before] - 1);
    before = k;
  }
  return (line, page = line) => line - shift[pageAt(Math.round(page))];
}

/**
 * The prints of each project cell: one print, or two when a cell cut by a page break is drawn across the break
 * whole, centred on all its rows, and so printed on both pages, the two at one place of the joined pages: the
 * earlier below the last row of its page (clipped in the PDF) or the later above the first row of its own. Such
 * prints repeat the amounts on consecutive pages, and the code or name where both pages show one.
 */
function straddlingPrints(
  amountLines: readonly number[],
  pieces: readonly Piece[],
  amountsOn: (line: number) => string,
  rows: readonly Row[],
  pageOf: ReadonlyMap<number, number>,
): number[][] {
  // The pieces of each line, as indices in reading order, so that a line's neighbours are found without a scan.
  const onLine = Map.groupBy(
    pieces.map((_, i) => i),
    (i) => pieces[i].line,
  );
  const near = (line: number, reach: number) => {
    const found: number[] = [];
    for (let l = line - reach; l <= line + reach; l++) found.push(...(onLine.get(l) ?? []));
    return found.sort((a, b) => a - b).map((i) => pieces[i]);
  };
  const namesNear = (line: number) => near(line, 2).filter((p) => pageOf.get(p.line) === pageOf.get(line) && (p.column.role === 'code' || p.column.role === 'project')).map((p) => compact(p.text));
  const cells: number[][] = [];
  amountLines.forEach((line, j) => {
    const previous = cells[cells.length - 1];
    const before = previous?.[previous.length - 1];
    if (before != null && pageOf.get(line) === pageOf.get(amountLines[before])! + 1 && amountsOn(line) === amountsOn(amountLines[before])) {
      const page = pageOf.get(amountLines[before]);
      const beyondRows = rows.every((r) => pageOf.get(r.anchor) !== page || r.anchor < amountLines[before]) ||
        rows.every((r) => pageOf.get(r.anchor) !== page! + 1 || r.anchor > line);
      const names = namesNear(amountLines[before]);
      const again = namesNear(line);
      // The name may be cut off with the rest of the text beyond the page; a name printed twice is the same.
      if (beyondRows && (names.length === 0 || again.length === 0 || again.some((n) => n.length >= 4 && names.includes(n)))) {
        previous.push(j);
        return;
      }
    }
    cells.push([j]);
  });
  return cells;
}

function toTableIndicator(row: Row): Indicator {
  // The pieces in reading order, then by column: each column's text is asked for, and the row sorted once.
  const byRole = Map.groupBy([...row.pieces].sort((a, b) => a.line - b.line || a.start - b.start), (p) => p.column.role);
  // Most of the thirteen roles asked have no piece in a row.
  const text = (role: Role) => {
    const pieces = byRole.get(role);
    return pieces ? joinWrapped(pieces.map((p) => p.text)) : '';
  };
  const labelled = row.pieces.filter((p) => isLabelledRole(p.column.role)).map((p) => `${p.column.label}：${p.text}`);
  return indicatorByRole(text, labelled, { first: row.first, last: row.last });
}

/**
 * A 备注 or 分值 column, or a 评分表's 评分过程 or 扣分原因 printed in a target table: its cell goes to the indicator's
 * description under its label.
 */
export function isLabelledRole(role: Role | null): boolean {
  return role === 'other' || role === 'weight' || role === 'process' || role === 'deduction';
}

/**
 * An indicator from the text of its cells by the column each stands under (`text`), the labelled cells
 * (isLabelledRole, `label：text`) after the description.
 */
export function indicatorByRole(text: (role: Role) => string, labelled: readonly string[], lines: { first: number; last: number }): Indicator {
  const described = [text('description'), ...labelled].filter(Boolean).join('；');
  return toIndicator({
    level1: text('level1') || null,
    level2: text('level2') || null,
    name: text('name'),
    value: `${text('operator')}${text('value')}${text('unit')}`,
    description: described || null,
    rule: text('rule') || null,
    basis: text('basis') || null,
    previous: text('previous') || null,
    evidence: text('evidence') || null,
    actual: text('actual') || null,
    score: text('score') || null,
    deviation: text('deviation') || null,
    lines,
  });
}
