/**
 * A single-space 绩效目标表 whose header prints cells after 指标值 that its reader does not read there (长沙's 指标值内容,
 * 评（扣）分标准, 度量单位, 指标值类型, 备注; its 部门整体 form's 指标解释, 评（扣）分标准, 备注), or a figure beside the
 * value (上年完成值, 实际完成值) wherever it stands: a row's words after its name are those cells, and a reader that takes
 * the last words for the value (spaced.ts: `… 万元 ＝ 7` is a unit, a
 * sign and a 备注 score) or the first target-looking word after the name (described.ts) would invent one. A row is
 * read only where the template's order places every word: one word a cell, as many words as the header has cells.
 * The other lines are kept as printed in `unparsed`, and the form is flagged. Pure.
 */
import type { Indicator } from '../../schema/performance.ts';
import type { Unparsed } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import type { BlockRow } from '../layout/blocks.ts';
import { wordsOf } from '../layout/cells.ts';
import { isOutlineHeading } from './level-state.ts';
import { isLevel1, isLevelName } from './levels.ts';
import { roleOfHeader, type ColumnRole as Role } from './header-roles.ts';
import { indicatorByRole, isLabelledRole } from './project-table.ts';
import { isIndicatorHeader } from './tabbed.ts';
import { cleanCell } from './text.ts';

export interface TemplateHeader {
  /** The header's words, each a cell (one header never holds a space), with the column each names. */
  cells: { label: string; role: Role | null }[];
  /** The labels of the cells the reader does not read: a figure beside the value, and those after the value's. */
  after: string[];
  /** True when such a figure stands before the value: the cells are beside the value, not only after it. */
  beside: boolean;
}

/** Cells an indicator row holds: a header naming a project's or an unknown column is not one row's template. */
const ROW_ROLES: ReadonlySet<Role | null> = new Set([
  'level1', 'level2', 'name', 'operator', 'value', 'unit', 'description', 'rule', 'weight', 'other',
  'previous', 'actual', 'score', 'basis', 'evidence', 'deviation',
]);

/**
 * The cells each reader reads after a row's value. The single-space reader: a 备注 column alone, which 西安交通运输局
 * 2022's leaves empty on every row (its rows, levels printed once for several, never hold as many words as its header).
 * The described reader: the value's basis (指标值确定依据, 巨鹿 2021), the words after the value to the row's end.
 */
const READ_AFTER_VALUE: Record<'spaced' | 'described', (cell: TemplateHeader['cells'][number]) => boolean> = {
  spaced: (c) => c.role === 'other',
  described: (c) => c.role === 'basis',
};

/** Figures printed beside the value, that neither reader tells from it: a sign or a number each. */
const FIGURES: ReadonlySet<Role | null> = new Set(['previous', 'actual']);

/**
 * The header's cells when it prints cells after its value's that `reader` does not read there (READ_AFTER_VALUE), or
 * a figure before its value's; null otherwise, the header being that reader's form.
 */
export function cellsAfterValue(headerText: string, reader: keyof typeof READ_AFTER_VALUE): TemplateHeader | null {
  const cells = wordsOf(headerText).map((w) => ({ label: cleanCell(w), role: roleOfHeader(w) }));
  const value = cells.findIndex((c) => c.role === 'value');
  const before = cells.slice(0, value).filter((c) => FIGURES.has(c.role));
  const after = cells.slice(value + 1);
  if (value < 0 || (before.length === 0 && after.every(READ_AFTER_VALUE[reader]))) return null;
  return { cells, after: [...before, ...after].map((c) => c.label), beside: before.length > 0 };
}

/**
 * A row's words one a cell of the header, in its order: as many words as cells; or, a row whose level cells are
 * printed on other lines (a level cell spans the rows under it, its name centred over them, 长沙's forms with runs of
 * spaces made one), the level names it starts with, each in the cell the vocabulary gives it (levels.ts), and one word
 * for each of the other cells. Null where the words do not fill the cells so.
 */
function wordsByCell(header: TemplateHeader, words: readonly string[]): string[] | null {
  if (words.length === header.cells.length) return [...words];
  const levels = header.cells.findIndex((c) => c.role !== 'level1' && c.role !== 'level2');
  if (levels <= 0 || header.cells.slice(levels).some((c) => c.role === 'level1' || c.role === 'level2')) return null;
  const out = header.cells.map(() => '');
  let k = 0;
  for (; k < words.length && k < levels && isLevelName(words[k]); k++) {
    const cell = header.cells.findIndex((c, i) => i < levels && out[i] === '' && c.role === (isLevel1(words[k]) ? 'level1' : 'level2'));
    if (cell < 0) return null;
    out[cell] = words[k];
  }
  if (words.length - k !== header.cells.length - levels) return null;
  words.slice(k).forEach((w, i) => (out[levels + i] = w));
  return out;
}

/** A row printed one word a cell, read by the header's order; the 备注 and 分值 cells go to the description, labelled. */
function byOrder(header: TemplateHeader, words: readonly string[], line: SourceLine): Indicator {
  const cell = (role: Role) => words.filter((_, i) => header.cells[i].role === role).join('');
  const labelled = header.cells.flatMap((c, i) => (isLabelledRole(c.role) ? [`${c.label}：${words[i]}`] : []));
  return indicatorByRole(cell, labelled, { first: line.no, last: line.no });
}

/**
 * Reads the rows under such a header up to the next outline heading: page furniture and repeated headers are no rows;
 * each run of lines between rows read by order is kept as printed, one entry.
 */
export function readByTemplate(header: TemplateHeader, body: readonly BlockRow[]): { indicators: Indicator[]; flags: string[]; unparsed: Unparsed[]; last: number } {
  // A header with columns of the form's unit (长沙's 部门整体 form: 其他资金, 基本支出, 项目支出 before its levels) is
  // no row's template: no row is read by it.
  const apart = header.cells.filter((c) => !ROW_ROLES.has(c.role)).map((c) => c.label);
  const named = header.cells.some((c) => c.role === 'name');
  const ordered = apart.length === 0 && named;
  const why = apart.length
    ? `表头还有${apart.join('、')}列，不是一行指标的列`
    : !named
      ? '表头没有三级指标列'
      : `单空格印出的这些行的词数与表头的 ${header.cells.length} 列不符`;
  const where = header.beside ? '在指标值旁' : '在指标值之后';
  const reason = `表头${where}还有${header.after.join('、')}列，${why}，分不清哪个词是指标值，未读作指标`;
  const indicators: Indicator[] = [];
  const unparsed: Unparsed[] = [];
  let run: SourceLine[] = [];
  let last = 0;
  const flush = () => {
    if (run.length) unparsed.push({ lines: { first: run[0].no, last: run[run.length - 1].no }, text: run.map((l) => l.text.trim()).join('\n'), reason });
    run = [];
  };
  for (const { line, cells, furniture } of body) {
    if (cells.length === 0 || furniture || isIndicatorHeader(line.text)) continue;
    if (isOutlineHeading(line.text)) break;
    last = line.no;
    const words = ordered ? wordsByCell(header, cells.map((c) => c.text)) : null;
    if (words) {
      flush();
      indicators.push(byOrder(header, words, line));
    } else run.push(line);
  }
  flush();
  const lines = unparsed.reduce((n, u) => n + u.text.split('\n').length, 0);
  const flags = unparsed.length
    ? [`表头${where}还有${header.after.join('、')}列，${lines} 行未能按列读出指标（见未解析内容）`]
    : [];
  // A level cell spanning rows prints its name on one of their lines, or wrapped across them: which rows it spans the
  // words do not tell.
  const unlevelled = indicators.filter((i) => i.level1 == null || i.level2 == null).length;
  if (unlevelled) flags.push(`${unlevelled} 项指标的一级或二级指标不在本行，跨行的指标级别看不出属于哪几行，未填`);
  return { indicators, flags, unparsed, last };
}
