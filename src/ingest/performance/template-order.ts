/**
 * A single-space 绩效目标表 whose header prints cells after 指标值 (长沙's 指标值内容, 评（扣）分标准, 度量单位, 指标值类型,
 * 备注): a row's last words are those cells, not its value (`… 万元 ＝ 7` is a unit, a sign and a 备注 score), and the
 * single-space reader, which takes the last words for the value, would invent one. A row is read only where the
 * template's order places every word: one word a cell, as many words as the header has cells. The other lines are
 * kept as printed in `unparsed`, and the form is flagged. Pure.
 */
import type { Indicator } from '../../schema/performance.ts';
import type { Unparsed } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import type { BlockRow } from '../layout/blocks.ts';
import { wordsOf } from '../layout/cells.ts';
import { isOutlineHeading } from './level-state.ts';
import { indicatorByRole, isLabelledRole, roleOfHeader, type Role } from './project-table.ts';
import { isIndicatorHeader } from './tabbed.ts';
import { cleanCell } from './text.ts';

export interface TemplateHeader {
  /** The header's words, each a cell (one header never holds a space), with the column each names. */
  cells: { label: string; role: Role | null }[];
  /** The labels printed after the value's. */
  after: string[];
}

/** Cells an indicator row holds: a header naming a project's or an unknown column is not one row's template. */
const ROW_ROLES: ReadonlySet<Role | null> = new Set(['level1', 'level2', 'name', 'operator', 'value', 'unit', 'description', 'rule', 'weight', 'other']);

/**
 * The header's cells when it prints cells after its value's; null otherwise (the single-space reader's form). A 备注
 * column alone after the value stays the single-space reader's: 西安交通运输局 2022's leaves it empty on every row, and
 * its rows, levels printed once for several, never hold as many words as its header.
 */
export function cellsAfterValue(headerText: string): TemplateHeader | null {
  const cells = wordsOf(headerText).map((w) => ({ label: cleanCell(w), role: roleOfHeader(w) }));
  const value = cells.findIndex((c) => c.role === 'value');
  if (value < 0 || cells.slice(value + 1).every((c) => c.role === 'other')) return null;
  return { cells, after: cells.slice(value + 1).map((c) => c.label) };
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
  const ordered = header.cells.every((c) => ROW_ROLES.has(c.role)) && header.cells.some((c) => c.role === 'name');
  const reason = `表头在指标值之后还有${header.after.join('、')}列，单空格印出的这些行的词数与表头的 ${header.cells.length} 列不符，分不清哪个词是指标值，未读作指标`;
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
    if (ordered && cells.length === header.cells.length) {
      flush();
      indicators.push(byOrder(header, cells.map((c) => c.text), line));
    } else run.push(line);
  }
  flush();
  const lines = unparsed.reduce((n, u) => n + u.text.split('\n').length, 0);
  const flags = unparsed.length
    ? [`表头在指标值之后还有${header.after.join('、')}列，${lines} 行未能按列读出指标（见未解析内容）`]
    : [];
  return { indicators, flags, unparsed, last };
}
