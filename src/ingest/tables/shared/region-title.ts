import type { TableKind } from '../../../schema/table.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { titleKind } from './region-text.ts';

/**
 * Where a standard table's title is printed, for every layout's region finder: one line naming a known kind, or a
 * long title wrapped onto a second line (`2022年部门综合预算政府采购（资产配置、购买服务）` / `预算表（不含上年结转）`).
 * What only a layout can tell is which of its lines print one phrase (no cells, no amounts): the finder says so
 * (`phraseOf`). Whether a unit line, a header or the cells under the title confirm it is the finder's question too.
 */

export interface PrintedTitle {
  kind: TableKind;
  /** As the layout reads its lines, a wrapped title's two joined. */
  text: string;
  /** Index of the title's last line. */
  end: number;
}

/** A line's text as one phrase in a layout, or null where the line is none (a blank line is none either). */
export type PhraseOf = (line: SourceLine) => string | null;

/**
 * Blank lines a wrapped title may leave between its two lines: the PDF reader sets a blank line for a wider gap in
 * the print (西安 交通运输局 2022 表13: three).
 */
const TITLE_GAP = 3;

/** The title line `i` of `lines` opens, or null. */
export function titleAt(lines: readonly SourceLine[], i: number, phraseOf: PhraseOf): PrintedTitle | null {
  const first = phraseOf(lines[i]);
  if (first === null) return null;
  const kind = titleKind(first);
  if (kind) return { kind, text: first, end: i };
  // A wrapped title's first line holds words enough to open one and does not yet name a table.
  if (!/[\u4e00-\u9fff]{4}/.test(first) || /表/.test(first)) return null;
  let k = i + 1;
  while (k < lines.length && k <= i + TITLE_GAP && isBlank(lines[k])) k++;
  const rest = k < lines.length ? phraseOf(lines[k]) : null;
  // A title on its own (`收入预算总表` under a row `上年结转和结余资金` in `-raw` text) is no end of a wrapped one.
  if (rest === null || !/^[^\d]/.test(rest) || !/表/.test(rest) || titleKind(rest) !== null) return null;
  const joined = titleKind(first + rest);
  return joined ? { kind: joined, text: first + rest, end: k } : null;
}
