/**
 * A project 绩效目标表 printed one cell a line (plain `pdftotext` of 长沙's form): the header's labels each on a line
 * of their own, then each row's cells one after the other, blank lines between them, in the template's order after
 * the 三级 name (指标值, 指标值内容, 评（扣）分标准, 度量单位, 指标值类型, 备注). The 度量单位 cell is printed at the end of a
 * line of the 评分标准 cell (`…偏离 万元`). The level cells are printed after the rows they span, or wrapped around a
 * row's name (`经济成本指` / `电费` / `标`): the order says nothing about which rows they span, so the rows are read
 * without levels and the level cells are kept unparsed. A row whose name is not printed before its cells is kept
 * unparsed too.
 * Pure.
 */
import type { Indicator } from '../../schema/performance.ts';
import type { Unparsed } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import { toIndicator } from './indicator-row.ts';
import { isLevelName } from './levels.ts';
import { compact, joinWrapped } from './text.ts';

/** The template's labels after 三级指标, in its order: the cells a row prints after its name. */
const ROW_LABELS = [/值$/, /(?:内容|描述|解释)$/, /(?:标准|规则)$/, /(?:度量|计量)单位$/, /(?:类型|性质|符号)$/, /^备注$/];

const OPERATOR = /^(?:[≥≤><=＝＜＞]|>=|<=)$/;
const NUMBER = /^-?\d[\d,]*(?:\.\d+)?$/;
/** A unit as the 度量单位 cell prints it after the 评分标准 line it stands on: a few characters, no figure. */
const UNIT = /^(?:%|‰|[^\d\s，。；：,;:%（）()]{1,4})$/;

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

/**
 * The header printed one label a line: `lines` start at the 三级指标 label; each label of the template after it on a
 * line of its own, in order. The index of the line after the last label, or -1 when the lines are not so printed.
 */
export function stackedHeaderEnd(lines: readonly SourceLine[]): number {
  if (compact(lines[0]?.text ?? '') !== '三级指标') return -1;
  let k = 1;
  for (const label of ROW_LABELS) {
    while (k < lines.length && !lines[k].text.trim()) k++;
    if (k >= lines.length || !label.test(compact(lines[k].text))) return -1;
    k++;
  }
  return k;
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

/** The 评分标准 cell without the unit printed at the end of one of its lines, and that unit. */
function splitUnit(rule: Cell): { rule: string; unit: string } | null {
  const ends = rule.lines.map((l) => /^(.*\S)\s+(\S+)$/.exec(l.text.trim()));
  const at = ends.findIndex((m) => m != null && UNIT.test(m[2]));
  if (at < 0) return null;
  const m = ends[at]!;
  const texts = rule.lines.map((l, i) => (i === at ? m[1] : l.text.trim()));
  return { rule: joinWrapped(texts), unit: m[2] };
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

const isNumber = (cell: Cell | undefined) => cell != null && cell.lines.length === 1 && NUMBER.test(cell.text);
const isOperator = (cell: Cell | undefined) => cell != null && cell.lines.length === 1 && OPERATOR.test(cell.text);

function unparsedOf(lines: readonly SourceLine[], reason: string): Unparsed {
  return { lines: { first: lines[0].no, last: lines[lines.length - 1].no }, text: lines.map((l) => l.text.trim()).join('\n'), reason };
}

/**
 * The rows of a form whose header is printed one label a line (`lines` start at its 三级指标 label; the form ends with
 * them). Null when the header is not so printed or no row reads. A row is found by its last cells, 指标值类型 and 备注
 * (an operator, then a number), with its name, value, 指标值内容 and 评分标准 before them. `isFurniture`: whether a
 * line is page furniture, by its prose block's mark (layout/prose-blocks.ts, decided once from the whole text).
 */
export function readStackedForm(lines: readonly SourceLine[], isFurniture: (line: SourceLine) => boolean): StackedForm | null {
  const bodyAt = stackedHeaderEnd(lines);
  if (bodyAt < 0) return null;
  const otherLabel = compact(lines.slice(0, bodyAt).filter((l) => l.text.trim()).at(-1)!.text);
  const cells = cellsOf(lines.slice(bodyAt), isFurniture);
  const used = new Set<Cell>();
  const indicators: Indicator[] = [];
  const unparsed: Unparsed[] = [];
  const apart: SourceLine[] = [];
  for (let i = 4; i + 1 < cells.length; i++) {
    if (!isOperator(cells[i]) || !isNumber(cells[i + 1])) continue;
    const [nameCell, value, content, ruleCell] = cells.slice(i - 4, i);
    const split = isNumber(value) && !isNumber(content) ? splitUnit(ruleCell) : null;
    if (!split || [value, content, ruleCell].some((c) => used.has(c))) continue;
    // The cell before a row's value is its name, unless it is the row before's last cell (the name printed elsewhere).
    const named = !used.has(nameCell) && !isNumber(nameCell) && !isOperator(nameCell);
    const row = [value, content, ruleCell, cells[i], cells[i + 1]];
    for (const c of row) used.add(c);
    if (!named) {
      unparsed.push(unparsedOf(row.flatMap((c) => c.lines), '指标名称未印在本行各格之前，无法确定本行属于哪个指标'));
      continue;
    }
    used.add(nameCell);
    const { name, level } = nameOf(nameCell);
    apart.push(...level);
    indicators.push(
      toIndicator({
        level1: null,
        level2: null,
        name,
        value: `${cells[i].text}${value.text}${split.unit}`,
        description: `${content.text}；${otherLabel}：${cells[i + 1].text}`,
        rule: split.rule,
        lines: { first: nameCell.lines[0].no, last: cells[i + 1].lines[0].no },
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
