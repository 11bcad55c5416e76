/**
 * A 绩效目标表 printed one cell a line (plain `pdftotext` of 长沙's forms): the header's labels each a cell of its own
 * (a label wrapped over two lines, `指标值类` / `型`, one cell), then each row's cells one after the other, blank lines
 * between them, in the header's order after the 三级 name: the project form's 指标值, 指标值内容, 评（扣）分标准,
 * 度量单位, 指标值类型, 备注; the 部门整体 form's 指标值类型, 指标值, 计量单位, 指标解释, 评（扣）分标准, 备注. The unit
 * cell is printed at the end of a line of the cell before it (`…偏离 万元` of a 评分标准, `270 万元` of a 指标值). The
 * level cells are printed after the rows they span, or wrapped around a row's name (`经济成本指` / `电费` / `标`): the
 * order says nothing about which rows they span, so the rows are read without levels and the level cells are kept
 * unparsed. A row whose name is not printed before its cells is kept unparsed too.
 * Pure.
 */
import type { Indicator } from '../../schema/performance.ts';
import type { Unparsed } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import { toIndicator } from './indicator-row.ts';
import { isLevelName } from './levels.ts';
import { roleOfHeader } from './header-roles.ts';
import type { RowCell } from './reading-order-table.ts';
import { compact, joinWrapped } from './text.ts';
import { FIGURE_SOURCE } from '../../core/amounts.ts';
import { foldFigures } from '../../core/width.ts';

const OPERATOR = /^(?:[≥≤><=＝＜＞]|>=|<=)$/;
const NUMBER = new RegExp(`^-?${FIGURE_SOURCE}$`);
/** A unit as the 度量单位 cell prints it after the line it stands on: a few characters, no figure. */
const UNIT = /^(?:%|‰|[^\d\s，。；：,;:%（）()]{1,4})$/;
/** The cells a row is found by, each a sign or a number: its 指标值类型, its 指标值 and its 备注. */
const ANCHORS: readonly RowCell[] = ['operator', 'value', 'other'];
const ROW_CELLS: ReadonlySet<string> = new Set<RowCell>(['operator', 'value', 'unit', 'description', 'rule', 'other']);

interface Cell {
  lines: SourceLine[];
  text: string;
}

export interface StackedForm {
  indicators: Indicator[];
  flags: string[];
  unparsed: Unparsed[];
  last: number;
}

/** A header printed one label a cell: the cells a row prints after its name, in order, and the 备注's label. */
export interface StackedHeader {
  cells: RowCell[];
  otherLabel: string;
  /** The index of the line after the last label. */
  end: number;
}

/**
 * The header printed one label a cell: `lines` start at the 三级指标 label; the template's labels after it, each a
 * cell of its own, up to the first cell that is none or names a column again. Null when the lines are not so printed,
 * the labels leave out a cell a row is found by, or name a figure beside the value.
 */
export function stackedHeader(lines: readonly SourceLine[]): StackedHeader | null {
  if (compact(lines[0]?.text ?? '') !== '三级指标') return null;
  const header: StackedHeader = { cells: [], otherLabel: '', end: -1 };
  for (let k = 1; ; ) {
    while (k < lines.length && !lines[k].text.trim()) k++;
    let j = k;
    while (j < lines.length && lines[j].text.trim()) j++;
    const label = compact(lines.slice(k, j).map((l) => l.text).join(''));
    const role = label ? roleOfHeader(label) : null;
    // A figure beside the value (上年完成值) is a sign or a number too: the rows could not be told by their cells.
    if (role === 'previous' || role === 'actual') return null;
    if (role == null || !ROW_CELLS.has(role) || header.cells.includes(role as RowCell)) break;
    header.cells.push(role as RowCell);
    if (role === 'other') header.otherLabel = label;
    header.end = k = j;
  }
  // The unit is printed with the cell before it: a header that starts with it has none.
  if (!ANCHORS.every((c) => header.cells.includes(c)) || header.cells[0] === 'unit') return null;
  return header;
}

/**
 * The cells: the runs of printed lines between blank lines. A page number (`isFurniture`) is no cell: it stands
 * between blank lines as every cell does (`18` at a page's foot, a 备注 to the row reader), and parts the cells it
 * stands between, which are on two pages.
 */
function cellsOf(lines: readonly SourceLine[], isFurniture: (line: SourceLine) => boolean): Cell[] {
  const cells: Cell[] = [];
  let run: SourceLine[] = [];
  const close = () => {
    if (run.length) cells.push({ lines: run, text: joinWrapped(run.map((l) => l.text.trim())) });
    run = [];
  };
  for (const line of lines) {
    if (line.text.trim() && !isFurniture(line)) run.push(line);
    else close();
  }
  close();
  return cells;
}

/** A cell without the unit printed at the end of one of its lines (`…偏离 万元`, `270 万元`), and that unit. */
function splitUnit(cell: Cell): { text: string; unit: string } | null {
  const ends = cell.lines.map((l) => /^(.*\S)\s+(\S+)$/.exec(l.text.trim()));
  const at = ends.findIndex((m) => m != null && UNIT.test(m[2]));
  if (at < 0) return null;
  const m = ends[at]!;
  const texts = cell.lines.map((l, i) => (i === at ? m[1] : l.text.trim()));
  return { text: joinWrapped(texts), unit: m[2] };
}

/** A name cell wrapped by a level cell printed around it (`经济成本指` / `电费` / `标`): the name, the level piece apart. */
function nameOf(cell: Cell): { name: string; level: SourceLine[] } {
  const [first, ...rest] = cell.lines;
  const last = rest[rest.length - 1];
  if (rest.length >= 2 && isLevelName(compact(first.text) + compact(last.text))) {
    return { name: joinWrapped(rest.slice(0, -1).map((l) => l.text.trim())), level: [first, last] };
  }
  return { name: cell.text, level: [] };
}

/** A number as printed, in either width (`２７０.００`). */
const printsNumber = (text: string) => NUMBER.test(foldFigures(text));
const isNumber = (cell: Cell | undefined) => cell != null && cell.lines.length === 1 && printsNumber(cell.text);
const isOperator = (cell: Cell | undefined) => cell != null && cell.lines.length === 1 && OPERATOR.test(cell.text);

/**
 * The text a cell holds as the row's `role` cell, and the unit printed with it where `withUnit`, or null where it
 * cannot be that cell: a sign, a value and a 备注 are a line each, a sign or a number; a text cell (指标值内容,
 * 评分标准) is neither.
 */
function fit(cell: Cell, role: RowCell, withUnit: boolean): { text: string; unit: string } | null {
  const split = withUnit ? splitUnit(cell) : { text: cell.text, unit: '' };
  if (!split) return null;
  const oneLine = cell.lines.length === 1;
  if (role === 'operator') return oneLine && OPERATOR.test(split.text) ? split : null;
  if (role === 'value' || role === 'other') return oneLine && printsNumber(split.text) ? split : null;
  return isNumber(cell) || isOperator(cell) ? null : split;
}

function unparsedOf(lines: readonly SourceLine[], reason: string): Unparsed {
  return { lines: { first: lines[0].no, last: lines[lines.length - 1].no }, text: lines.map((l) => l.text.trim()).join('\n'), reason };
}

/**
 * The rows of a form whose header is printed one label a cell (`lines` start at its 三级指标 label; the form ends with
 * them). Null when the header is not so printed or no row reads. A row is its name and then a cell for each label
 * after 三级指标 but the unit, in the header's order, its sign, value and 备注 a sign or a number each. `isFurniture`:
 * whether a line is page furniture, by its prose block's mark (layout/prose-blocks.ts, decided once from the whole
 * text).
 */
export function readStackedForm(lines: readonly SourceLine[], isFurniture: (line: SourceLine) => boolean): StackedForm | null {
  const header = stackedHeader(lines);
  if (!header) return null;
  const unitAt = header.cells.indexOf('unit');
  const shape = header.cells.flatMap((role, k) => (role === 'unit' ? [] : [{ role, withUnit: k + 1 === unitAt }]));
  const cells = cellsOf(lines.slice(header.end), isFurniture);
  const used = new Set<Cell>();
  const indicators: Indicator[] = [];
  const unparsed: Unparsed[] = [];
  const apart: SourceLine[] = [];
  for (let j = 1; j + shape.length <= cells.length; j++) {
    const row = cells.slice(j, j + shape.length);
    if (row.some((c) => used.has(c))) continue;
    const read = new Map<RowCell, { text: string; unit: string }>();
    for (let k = 0; k < shape.length; k++) {
      const text = fit(row[k], shape[k].role, shape[k].withUnit);
      if (!text) break;
      read.set(shape[k].role, text);
    }
    if (read.size < shape.length) continue;
    const nameCell = cells[j - 1];
    // The cell before a row's cells is its name, unless it is the row before's last cell (the name printed elsewhere).
    const named = !used.has(nameCell) && !isNumber(nameCell) && !isOperator(nameCell);
    for (const c of row) used.add(c);
    if (!named) {
      unparsed.push(unparsedOf(row.flatMap((c) => c.lines), '指标名称未印在本行各格之前，无法确定本行属于哪个指标'));
      continue;
    }
    used.add(nameCell);
    const { name, level } = nameOf(nameCell);
    apart.push(...level);
    const text = (role: RowCell) => read.get(role)?.text ?? '';
    const unit = [...read.values()].map((r) => r.unit).join('');
    indicators.push(
      toIndicator({
        level1: null,
        level2: null,
        name,
        value: `${text('operator')}${text('value')}${unit}`,
        description: [text('description'), `${header.otherLabel}：${text('other')}`].filter(Boolean).join('；'),
        rule: text('rule') || null,
        lines: { first: nameCell.lines[0].no, last: row[row.length - 1].lines.at(-1)!.no },
      }),
    );
  }
  if (indicators.length === 0) return null;
  for (const c of cells) if (!used.has(c)) unparsed.push(unparsedOf(c.lines, '逐格印出的表中不属于任何指标行的单元格（层级名称、项目栏等），无法确定其所跨的行'));
  for (const l of apart) unparsed.push(unparsedOf([l], '包在指标名称两侧印出的层级名称片段，无法确定其所跨的行'));
  unparsed.sort((a, b) => a.lines.first - b.lines.first);
  return {
    indicators,
    flags: ['表格逐格印出，一级、二级指标名称无法对应到各行，留在未解析文本中'],
    unparsed,
    last: cells[cells.length - 1].lines.at(-1)!.no,
  };
}
