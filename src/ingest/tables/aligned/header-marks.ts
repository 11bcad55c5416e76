import { isTotalName } from '../../../core/totals.ts';
import { statedUnit } from '../../../core/units.ts';
import { foldFigures, opensWithDigit } from '../../../core/width.ts';
import { isBlank } from '../../source-lines.ts';
import { cellAmount, headerLabel, itemDepth } from '../../layout/cell-text.ts';
import type { Cell } from '../../layout/cells.ts';
import { ROW_NUMBER_LABEL } from '../../layout/row-numbers.ts';
import type { BlockRow } from '../../layout/blocks.ts';
import { columnKeyFor } from '../columns.ts';
import { isCompilerLine, isTableFurniture } from '../shared/region-text.ts';
import { startsData } from '../shared/header-rows.ts';
import type { AlignedBlock } from '../table-blocks.ts';

/**
 * How many of an aligned block's rows are its header: the block stage's mark (shared/header-rows.ts), read with what
 * only an aligned row shows, where its cells stand under the header's labels.
 * - The header ends before a row its stub opens: an outline item (`22、其他支出`, the first rows of a continued page
 *   that print no amount), a row's number under 序号 / 行次, a total row's name under the stub's label. The mark takes
 *   them for header lines by their words (支出, 收入, 合计), and the shared rule cannot tell them apart in text printed
 *   one cell a line, whose reading order may set labels after the first item.
 * - The header goes on over lines that print the last pieces of wrapped labels (`目资金规模` over 深圳 支出总表's
 *   amount columns, `大类）  （按大类）`): no amount, every cell right of where the amounts start and under a label.
 */
export function alignedHeaderRows(block: AlignedBlock): number {
  const { rows } = block;
  // The label lines above the row looked at, grown a row at a time: rebuilt for every row, they were a sixth of
  // this function's time.
  const labels: Cell[][] = [];
  for (let k = 0; k < block.headerRows; k++) {
    if (!isLabelRow(rows[k])) continue;
    if (opensStubRow(rows[k].cells, labels)) return k;
    labels.push(rows[k].cells);
  }
  let end = block.headerRows;
  const header = labels.flat();
  // Worked out only for a row that may go on the header: below most headers the first row opens the data.
  let amountsFrom: number | undefined;
  const amountsStart = () =>
    (amountsFrom ??= Math.min(...firstDecimalStarts(rows, block.headerRows, block.notesFrom), amountLabelsStart(header) ?? Infinity));
  for (let k = end; k < block.notesFrom; k++) {
    const row = rows[k];
    if (isBlank(row.line) || row.furniture) continue;
    const piece = (c: Cell) => c.start >= amountsStart() && header.some((h) => c.start < h.end && h.start < c.end);
    if (startsData(row) || opensStubRow(row.cells, labels) || !row.cells.every(piece)) break;
    end = k + 1;
    if (isLabelRow(row)) labels.push(row.cells);
  }
  return end;
}

/**
 * Where the first five amounts with a decimal point or a thousands comma below the header start, in print order:
 * only those are asked, not every cell of the table read as an amount (that was half of this function's time).
 */
function firstDecimalStarts(rows: readonly BlockRow[], from: number, to: number): number[] {
  const starts: number[] = [];
  for (let k = from; k < to && starts.length < 5; k++) {
    for (const c of rows[k].cells) {
      if (starts.length === 5) break;
      if (/[.,]/.test(c.text) && cellAmount(c.text) != null) starts.push(c.start);
    }
  }
  return starts;
}

/** A row the header's lines are read from: not blank, not page furniture, not the compiler's or the unit's line. */
function isLabelRow(row: BlockRow): boolean {
  if (isBlank(row.line) || row.furniture) return false;
  const t = row.line.text.trim();
  return !isTableFurniture(t) && !isCompilerLine(t) && !statedUnit(t);
}

/** Whether a row under the header lines `labels` opens a row of the table at its stub. */
function opensStubRow(segs: readonly Cell[], labels: readonly Cell[][]): boolean {
  if (segs.length === 0) return false;
  return itemDepth(headerLabel(segs[0].text)) !== null || isNumberedRow(segs, labels) || isTotalRowName(segs, labels);
}

/**
 * A line opening with its 序号 / 行次 under a header that prints one, then a name, is a row, amounts or not: a
 * 收支总表's rows past its 合计 (`32 用事业基金弥补收支差额 结转下年`, 西安 交通运输局 2022, txt L439) print no amount
 * where nothing is budgeted, and are no header's lines.
 */
function isNumberedRow(segs: readonly Cell[], labels: readonly Cell[][]): boolean {
  // The number and the name may stand one space apart, in one cell; a row opening with no digit (most) is ruled out
  // before its cells are joined and folded.
  return (
    opensWithDigit(segs[0].text) &&
    /^\d{1,3}\s+[\u4e00-\u9fff]/.test(foldFigures(segs.slice(0, 2).map((x) => x.text).join(' '))) &&
    labels.some((h) => h.some((x) => ROW_NUMBER_LABEL.test(headerLabel(x.text))))
  );
}

/**
 * A total's name printed under the header's row-name label (项目), left of every amount label, with no amount on its
 * line, names the table's total row, not a column: 上海's 决算 prints 本年支出's sub-labels (`合计  基本支出  项目支出`)
 * in the cells of that row, left empty when the department has no such funds.
 */
export function isTotalRowName(segs: readonly Cell[], labels: readonly Cell[][]): boolean {
  if (segs.length === 0 || !isTotalName(headerLabel(segs[0].text)) || segs.some((s) => cellAmount(s.text) != null)) return false;
  const cells = labels.flat();
  const underStub = cells.some((x) => /项目|名称/.test(headerLabel(x.text)) && x.start < segs[0].end && segs[0].start < x.end);
  const amounts = amountLabelsStart(cells);
  return underStub && amounts !== null && segs[0].end <= amounts;
}

/** Where the header's leftmost label of an amount column (a template column's) begins, or null before there is one. */
function amountLabelsStart(labels: readonly Cell[]): number | null {
  const starts = labels.filter((x) => columnKeyFor(headerLabel(x.text)) !== null).map((x) => x.start);
  return starts.length > 0 ? Math.min(...starts) : null;
}
