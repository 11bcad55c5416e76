import { isTotalName } from '../../../core/totals.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { foldWidth } from '../../../core/width.ts';
import { hasTabCells } from '../../layout/cells.ts';
import type { BlockRow } from '../../layout/blocks.ts';
import { ROW_NUMBER_LABEL } from '../../layout/row-numbers.ts';
import { cellAmount, cleanName, codeOpeningName, codePiece, headerLabel, isUncomputed, itemDepth, uncomputedAddresses, uncomputedSaying } from '../../layout/cell-text.ts';
import { piecesOf } from '../shared/code-reassembly.ts';
import { headerColumns } from '../shared/header-tree.ts';
import { columnKeyFor, type ColumnIdentity } from '../columns.ts';
import type { TabbedBlock } from '../table-blocks.ts';
import { declaresEmpty, isCompilerLine, isNoteLine } from '../shared/region-text.ts';
import { columnNumbersOf } from '../shared/header-rows.ts';
import { isTableNumber } from '../../../core/table-numbers.ts';
import { statedUnit } from '../../../core/units.ts';
import { readTextTable } from '../shared/text-table.ts';
import { addText, type DraftColumn, type DraftRow, type PositionedDraft, type PositionedToken, type Side } from '../shared/table-draft.ts';

/**
 * From the block of one tab-separated table (its rows cut into slots once, table-blocks.ts) to a draft: header grid,
 * columns, rows with their amounts. Which rows are the header and where the notes start the block stage marked, by the
 * rule every layout shares (shared/header-rows.ts).
 */

const ROW_NAME_LABEL = /^(?:项目|功能分类|支出功能分类|科目|科目名称|功能分类科目名称|收入项目|支出项目|三公支出内容)$/;
const SEGMENT = [3, 2, 2];

interface SideLayout {
  side: Side | null;
  nameCell: number;
  /** Cells the row-name label heads: more than one where a side prints its code in a cell of its own. */
  nameCells: number;
  textCells: number[];
  /** Cells numbering the rows (a 决算's 行次), kept as the row's number, no amounts. */
  counterCells: number[];
  /** The cell of a list's own codes, where two lists stand side by side each with its 科目编码; else null. */
  codeCell: number | null;
  cells: number[];
  columnOffset: number;
}

function codeColumnCount(grid: readonly (readonly string[])[]): number {
  for (const row of grid) {
    let n = 0;
    while (n < 3 && row[n] === '类款项'[n]) n++;
    if (n >= 2) return n;
  }
  // The code's label may stand under a group naming code and name together (经济分类科目 over 科目编码 | 科目名称).
  const labelled = grid.find((row) => /编码|代码/.test(row[0] ?? ''));
  if (labelled) {
    let n = 1;
    while (n < 3 && labelled[n] === '') n++;
    return n;
  }
  return 0;
}

/**
 * The cells a side's row-name label heads: itself and the cells after it that no header line labels. A side may print
 * its code and its name in two cells under one 功能分类 (a merged header cell); they are one name as if in one cell.
 */
function labelSpan(grid: readonly (readonly string[])[], cell: number, end: number): number {
  let n = 1;
  while (cell + n < end && grid.every((row) => (row[cell + n] ?? '') === '')) n++;
  return n;
}

/** The cells from `cell` on that a header line labels 行次 (or 序号): they number the rows. */
function counterCells(grid: readonly (readonly string[])[], cell: number): number[] {
  const out: number[] = [];
  while (grid.some((row) => ROW_NUMBER_LABEL.test(row[cell + out.length] ?? ''))) out.push(cell + out.length);
  return out;
}

const CODE_LABEL = /编码$/;

/**
 * Two lists side by side (人员经费 | 公用经费 of a 决算's 基本支出表), each its own 科目编码 | 科目名称 | amount: the
 * cell where the second list's codes begin, or null.
 */
function listSplit(grid: readonly (readonly string[])[]): number | null {
  for (const row of grid) {
    if (!CODE_LABEL.test(row[0] ?? '') || !ROW_NAME_LABEL.test(row[1] ?? '')) continue;
    for (let c = 3; c + 1 < row.length; c++) if (CODE_LABEL.test(row[c]) && ROW_NAME_LABEL.test(row[c + 1])) return c;
  }
  return null;
}

/**
 * A list's amount columns (cells `first`..`last`): its label over the list (人员经费, merged over code, name and
 * amount) names a single amount column under a stage or 金额 (人员经费 / 决算数 is the personnel column).
 */
function listColumns(grid: readonly (readonly string[])[], listStart: number, first: number, last: number, offset: number) {
  const part = headerColumns(grid, first, last, null, offset);
  const label = grid.map((row) => row.slice(listStart, last + 1).find((l) => l && !CODE_LABEL.test(l) && !ROW_NAME_LABEL.test(l))).find(Boolean);
  const [only] = part.columns;
  const key = label && part.columns.length === 1 ? columnKeyFor(`${label}${only.label}`) : null;
  return key ? { ...part, columns: [{ ...only, key, label: `${label}${only.label}` }] } : part;
}

/** A second row-name label on the same header line splits the table into an income and an expenditure side. */
function sideSplit(grid: readonly (readonly string[])[]): number | null {
  for (const row of grid) {
    if (!ROW_NAME_LABEL.test(row[0] ?? '')) continue;
    for (let c = 2; c < row.length; c++) if (ROW_NAME_LABEL.test(row[c])) return c;
  }
  return null;
}

function layoutOf(grid: readonly (readonly string[])[], width: number): {
  sides: SideLayout[];
  columns: DraftColumn[];
  identities: ColumnIdentity<number>[];
  codeCells: number;
} {
  const list = listSplit(grid);
  if (list != null) {
    const left = listColumns(grid, 0, 2, list - 1, 0);
    const right = listColumns(grid, list, list + 2, width - 1, left.columns.length);
    const of = (codeCell: number, part: typeof left, columnOffset: number): SideLayout => ({
      side: null, codeCell, nameCell: codeCell + 1, nameCells: 1, textCells: [], counterCells: [], cells: part.cells, columnOffset,
    });
    return {
      sides: [of(0, left, 0), of(list, right, left.columns.length)],
      columns: [...left.columns, ...right.columns],
      identities: [...left.identities, ...right.identities],
      codeCells: 0,
    };
  }
  const split = sideSplit(grid);
  if (split != null) {
    const leftSpan = labelSpan(grid, 0, split);
    const rightSpan = labelSpan(grid, split, width);
    const leftCounters = counterCells(grid, leftSpan);
    const rightCounters = counterCells(grid, split + rightSpan);
    const left = headerColumns(grid, leftSpan + leftCounters.length, split - 1, 'income', 0);
    const right = headerColumns(grid, split + rightSpan + rightCounters.length, width - 1, 'expenditure', left.columns.length);
    return {
      sides: [
        { side: 'income', nameCell: 0, nameCells: leftSpan, textCells: [], counterCells: leftCounters, codeCell: null, cells: left.cells, columnOffset: 0 },
        {
          side: 'expenditure', nameCell: split, nameCells: rightSpan, textCells: [], counterCells: rightCounters, codeCell: null, cells: right.cells,
          columnOffset: left.columns.length,
        },
      ],
      columns: [...left.columns, ...right.columns],
      identities: [...left.identities, ...right.identities],
      codeCells: 0,
    };
  }
  const codeCells = codeColumnCount(grid);
  // A table of one row of amounts (the 三公 table: 合计, 因公出国（境）费 …) heads its first column 合计: it has no
  // row-name column, and its amounts start in the first cell.
  const nameless = codeCells === 0 && grid.some((row) => isTotalName(row[0] ?? ''));
  const nameCell = nameless ? -1 : codeCells;
  const textCells: number[] = [];
  for (let c = nameCell + 1; c < width; c++) {
    if (grid.some((row) => /名称$/.test(row[c] ?? ''))) textCells.push(c);
    else break;
  }
  const counters = counterCells(grid, nameCell + 1 + textCells.length);
  const first = nameCell + 1 + textCells.length + counters.length;
  const whole = headerColumns(grid, first, width - 1, null, 0);
  return {
    sides: [{ side: null, nameCell, nameCells: 1, textCells, counterCells: counters, codeCell: null, cells: whole.cells, columnOffset: 0 }],
    columns: whole.columns,
    identities: whole.identities,
    codeCells,
  };
}

/** Index of a cell among the amount columns; cells between or beyond columns get the nearest position. */
function columnOfCell(cells: readonly number[], cell: number): number {
  const exact = cells.indexOf(cell);
  if (exact >= 0) return exact;
  if (cell > cells[cells.length - 1]) return cells.length - 1 + (cell - cells[cells.length - 1]);
  return cells.filter((c) => c < cell).length;
}

function outlineOf(name: string, inSubItems: boolean): number | null {
  const depth = itemDepth(name);
  if (depth !== null) return depth;
  if (/^其中[:：]/.test(foldWidth(name)) || inSubItems) return 3;
  return null;
}

/** A line with no amounts that only continues the previous row: code digits, or a wrapped name or project name. */
function isContinuation(cells: readonly string[], codeCells: number, hasPrevious: boolean): boolean {
  if (!hasPrevious || codeCells === 0 || cells.slice(codeCells).some((c) => cellAmount(c) != null || isUncomputed(c))) return false;
  if (isTotalName(headerLabel(cells[codeCells] ?? ''))) return false;
  const pieces = cells.slice(0, codeCells).map(codePiece);
  if (pieces.some((p) => p === null)) return false;
  return pieces.every((p, i) => p!.length < SEGMENT[i]);
}

export function draftTabbedTable(block: TabbedBlock): PositionedDraft {
  const { region } = block;
  let unit: string | null = null;
  const notes: string[] = [];
  let declaredEmpty = false;
  const header: string[][] = [];
  const data: { line: SourceLine; cells: string[] }[] = [];
  const grid: BlockRow[] = [];
  // A line without cells names the table's unit or is its note, and so is every line from the notes' first on. The
  // caption's lines above the title print its number.
  const readLine = (t: string, note: boolean) => {
    unit ??= statedUnit(t);
    if (note || (!isCompilerLine(t) && !statedUnit(t))) {
      notes.push(t.trim());
      if (declaresEmpty(t)) declaredEmpty = true;
    }
  };
  const titleAt = region.titleIndex - region.start;
  block.caption.forEach((line, k) => {
    if (k > titleAt && !isBlank(line) && !isTableNumber(line.text)) readLine(line.text, isNoteLine(line.text));
  });
  block.rows.forEach((row, k) => {
    const { line } = row;
    // A page's number between two pages' rows is no note: the block stage marked it furniture.
    if (isBlank(line) || row.furniture || isTableNumber(line.text)) return;
    const note = k >= block.notesFrom || k === block.statement;
    if (note || !hasTabCells(line)) return readLine(line.text, note);
    grid.push(row);
    const cells = row.cells.map((c) => c.text);
    // Column numbers under the labels (栏次 1 2 3) number the columns; they are no labels.
    if (k < block.headerRows) {
      if (columnNumbersOf(row) === null) header.push(cells.map(headerLabel));
    }
    else data.push({ line, cells });
  });

  const head = {
    kind: region.kind,
    // A grid printing no title keeps none here: the reader names it only once its shape shows a kind (index.ts).
    title: region.title,
    titleInferred: false,
    kindInferred: false,
    unit,
    declaredEmpty,
    notes,
    lines: block.lines,
  };
  // A table of text cells has no amounts to tell its rows from its header: its first line is the header.
  if (region.kind === 'institution-list') {
    const rows = readTextTable<PositionedToken>(grid.slice(0, 1), grid.slice(1), filledCells);
    return { ...head, placement: 'position', columns: [], identities: [], rows };
  }

  const width = Math.max(0, ...header.map((r) => r.length));
  const layout = layoutOf(header, width);
  const rows: DraftRow[] = [];
  let subItems = false;
  for (const { line, cells } of data) {
    const previous = rows[rows.length - 1];
    if (isContinuation(cells, layout.codeCells, previous !== undefined)) {
      continueRow(previous, cells, layout.codeCells, layout.sides[0], line.no);
      continue;
    }
    const trusted = cells.length === width;
    const surplus = cells.length - width;
    for (const [k, side] of layout.sides.entries()) {
      const nextSide = layout.sides[k + 1];
      const lastCell = nextSide ? (nextSide.codeCell ?? nextSide.nameCell) - 1 : cells.length - 1;
      const printedName = cells.slice(side.nameCell, side.nameCell + side.nameCells).map((c) => c.trim()).filter(Boolean).join(' ');
      // A table without code cells may print each row's code in its name cell, which is then the row's code.
      const joined = layout.codeCells === 0 && side.side === null && side.codeCell === null ? codeOpeningName(printedName) : null;
      const nameText = joined?.name ?? printedName;
      // A list's total (人员经费合计) is printed across its code and name cells, in the code cell.
      const listTotal = side.codeCell !== null && codePiece(cells[side.codeCell] ?? '') === null ? cleanName(cells[side.codeCell]) : '';
      const name = cleanName(nameText) || listTotal || totalInCodeCells(cells, layout.codeCells);
      const texts: Record<string, string> = {};
      for (const c of side.textCells) if (cells[c]?.trim()) texts['project-name'] = cleanName(cells[c]);
      for (const c of side.counterCells) if (cells[c]?.trim()) texts.rowNumber = cells[c].trim();
      const tokens: DraftRow['tokens'] = [];
      const unknown: number[] = [];
      const addresses: string[] = [];
      const firstAmountCell = side.nameCell + side.nameCells + side.textCells.length + side.counterCells.length;
      // Cells are added or dropped in the empty stretches of a row. Where cells were added, an unbroken run of
      // filled cells from the first amount column keeps its place; where cells were dropped, a one-cell gap inside
      // such a run may have vanished, so only the first amount is sure of its column.
      let leadingRun = true;
      for (let c = firstAmountCell; c <= lastCell; c++) {
        const cell = (cells[c] ?? '').trim();
        if (!cell) {
          leadingRun = false;
          continue;
        }
        const amount = cellAmount(cell);
        const column = side.columnOffset + columnOfCell(side.cells, c);
        if (amount) {
          const pinned = trusted || (leadingRun && (surplus > 0 || c === firstAmountCell));
          tokens.push({
            text: cell,
            value: amount.value,
            split: amount.split,
            preferred: column,
            lo: pinned ? column : surplus > 0 ? column - surplus - 1 : column,
            hi: pinned ? column : surplus < 0 ? column - surplus + 1 : column,
            line: line.no,
          });
          continue;
        }
        // A formula without its result is kept as printed in its column, its amount unknown.
        if (isUncomputed(cell) && column < layout.columns.length) {
          unknown.push(column);
          addresses.push(...uncomputedAddresses(cell));
        }
        addText(texts, layout.columns[Math.min(column, layout.columns.length - 1)]?.key ?? `cell${c}`, cell);
      }
      // Text in the code cells that is not a code (a header line read as a row, a mark) is kept as printed.
      const strayCodeText = layout.codeCells > 0 && k === 0 ? nonCodeText(cells, layout.codeCells) : '';
      if (strayCodeText && strayCodeText !== totalInCodeCells(cells, layout.codeCells)) texts.strayCodeText = strayCodeText;
      const label = name || (pieces0(cells, layout.codeCells) ? '' : (texts['project-name'] ?? ''));
      if (!name && label) delete texts['project-name'];
      if (!label && tokens.length === 0 && Object.keys(texts).length === 0) continue;
      const pieces = joined
        ? piecesOf([joined.code])
        : side.codeCell !== null
          ? piecesOf([codePiece(cells[side.codeCell] ?? '') ?? ''])
          : layout.codeCells > 0 ? piecesOf(cells.slice(0, layout.codeCells).map((c) => codePiece(c) ?? '')) : null;
      if (side.side === 'income') {
        if (itemDepth(name) !== null) subItems = false;
        else if (/^其中[:：]/.test(name)) subItems = true;
      }
      rows.push({
        pieces,
        name: label,
        texts,
        tokens,
        trusted,
        side: side.side,
        project: 'project-name' in texts,
        outline: side.side === 'income' ? outlineOf(name, subItems) : null,
        ...(unknown.length > 0 ? { unknown, flag: unknownFlag(addresses) } : {}),
        lines: { first: line.no, last: line.no },
      });
    }
  }

  return { ...head, placement: 'position', columns: layout.columns, identities: layout.identities, rows };
}

/** Why a row's amounts in those cells are unknown, naming the cells as Excel does. */
function unknownFlag(addresses: readonly string[]): string {
  return `${uncomputedSaying(addresses)}：金额未知，涉及的校验无法进行`;
}

/** A row's cells up to its last filled one, each as printed without the spaces around it. */
function filledCells(row: BlockRow): string[] {
  const cells = row.cells.map((c) => c.text.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** The code cells' text that is not code digits, in print order. */
function nonCodeText(cells: readonly string[], codeCells: number): string {
  return cells
    .slice(0, codeCells)
    .filter((c) => c.trim() !== '' && codePiece(c) === null)
    .map((c) => c.trim())
    .join(' ');
}

/** A 合计 row printed in the code column (a workbook's merged code-and-name cell keeps it there). */
function totalInCodeCells(cells: readonly string[], codeCells: number): string {
  return cells.slice(0, codeCells).map((c) => headerLabel(c)).find((c) => isTotalName(c)) ?? '';
}

function pieces0(cells: readonly string[], codeCells: number): boolean {
  return cells.slice(0, codeCells).some((c) => c.trim() !== '');
}

function continueRow(row: DraftRow, cells: readonly string[], codeCells: number, side: SideLayout, lineNo: number): void {
  if (row.pieces) {
    const extra: string[] = [];
    cells.slice(0, codeCells).forEach((cell, i) => {
      const p = codePiece(cell) ?? '';
      if (!p) return;
      if (row.pieces![i].length + p.length <= SEGMENT[i]) row.pieces![i] += p;
      else extra.push(p);
    });
    if (extra.length > 0) row.texts.strayCodeDigits = (row.texts.strayCodeDigits ? `${row.texts.strayCodeDigits} ` : '') + extra.join(' ');
  }
  // A continuation line has no amounts, so a text in any other column is the text to its left run on (a wrapped cell
  // that the extraction split at its spaces: `业发⇥展专⇥项资⇥金`), appended to it rather than dropped.
  let into: 'name' | 'project-name' = 'name';
  for (let c = codeCells; c < cells.length; c++) {
    if (c === side.nameCell) into = 'name';
    else if (side.textCells.includes(c)) into = 'project-name';
    const t = cleanName(cells[c] ?? '');
    if (!t) continue;
    if (into === 'name') row.name += t;
    else row.texts['project-name'] = (row.texts['project-name'] ?? '') + t;
  }
  row.lines = { first: row.lines.first, last: lineNo };
}
