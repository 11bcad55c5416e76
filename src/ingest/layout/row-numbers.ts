import { center, type Cell } from './cells.ts';
import { foldFigures } from '../../core/width.ts';

/**
 * A table's printed row numbers (a 决算's 行次, 陕西's 序号) are neither amounts nor codes nor words of a name. Which
 * cells of an aligned line they are is decided here, for every page of the table: a later page is first moved into
 * the header page's grid (page-frame.ts), its numbers to where the header prints their label.
 *
 * A row number stands under its label (two columns of slack), or elsewhere in the label's column: nearer its label
 * than any other column of the header. LibreOffice prints a narrow 行次 column's numbers some columns left of the
 * label (a 2023 部门决算's 收入支出决算总表 as its workbook prints, `pdftotext -layout`: `行次` at 34–36 and 77–79, the
 * numbers ending at 30–31 and at 74, each read into its row's name before).
 */

/** The label of a column of row numbers. */
export const ROW_NUMBER_LABEL = /^(?:行次|序号)$/;

/** A row's number as printed alone (`27`, a word processor's `２７`): one to three digits. */
export function isRowNumber(text: string): boolean {
  return /^\d{1,3}$/.test(foldFigures(text));
}

/** A row-number column: its label where the header prints it, and the centres between which its numbers stand. */
export interface RowNumberColumn {
  label: Cell;
  from: number;
  to: number;
}

/**
 * Each row-number label's column: halfway to the centre of the header's nearest column on either side (`columns`: the
 * header's row-name labels and amount columns, the labels themselves among them or not).
 */
export function rowNumberColumns(labels: readonly Cell[], columns: readonly Pick<Cell, 'start' | 'end'>[]): RowNumberColumn[] {
  const centres = columns.map((w) => (w.start + w.end) / 2);
  return labels.map((label) => {
    const c = center(label);
    const before = Math.max(-Infinity, ...centres.filter((x) => x < c));
    const after = Math.min(Infinity, ...centres.filter((x) => x > c));
    return { label, from: (before + c) / 2, to: (c + after) / 2 };
  });
}

function isIn(s: Cell, { label, from, to }: RowNumberColumn): boolean {
  return (s.start <= label.end + 2 && s.end >= label.start - 2) || (center(s) > from && center(s) < to);
}

/**
 * A line's cells without its row numbers (`27`, or `1 一、部门预算` and `122 214` run into the name or the code), and
 * the numbers with their columns.
 */
export function withoutRowNumbers(
  segs: readonly Cell[],
  columns: readonly RowNumberColumn[],
): { segs: Cell[]; numbers: { number: Cell; column: RowNumberColumn }[] } {
  // Most tables have no 行次 / 序号 column: then no cell is a row number, and no line needs the patterns below.
  if (columns.length === 0) return { segs: [...segs], numbers: [] };
  // Each column holds one number per line: the code beside it (`122 214`) is not a second one.
  const used = new Set<RowNumberColumn>();
  const numbers: { number: Cell; column: RowNumberColumn }[] = [];
  const taken = (s: Cell) => {
    const column = columns.find((c) => !used.has(c) && isIn(s, c));
    if (column) {
      used.add(column);
      numbers.push({ number: s, column });
    }
    return column !== undefined;
  };
  const out: Cell[] = [];
  for (const s of segs) {
    if (isRowNumber(s.text) && taken(s)) continue;
    // Read width-folded, one character for one: the name after the number keeps its text as printed.
    const lead = /^(\d{1,3}) +(?=\S)/.exec(foldFigures(s.text));
    const number = lead ? { text: s.text.slice(0, lead[1].length), start: s.start, end: s.start + lead[1].length } : null;
    if (lead && number && taken(number)) {
      out.push({ text: s.text.slice(lead[0].length), start: s.start + lead[0].length, end: s.end });
    } else out.push(s);
  }
  return { segs: out, numbers };
}
