import type { TableKind } from '../../../schema/table.ts';
import type { SourceLine } from '../../source-lines.ts';
import { kindOfTitle } from '../kinds.ts';
import { compact } from './tokens.ts';

const EMPTY_STATEMENT = /([^。；;，,：:]{2,40}?表)(?:为|是)?$/;
const EMPTY_NOTE = /空表|本表无数据|无数据/;

/** Kinds of table the document declares empty anywhere (the 情况说明 says “…支出情况表为空表”). */
export function declaredEmptyKinds(lines: readonly SourceLine[]): Set<TableKind> {
  const text = lines.map((l) => compact(l.text)).join('');
  const kinds = new Set<TableKind>();
  // Only the words just before each 空表 can name the table, so the pattern runs on that window alone.
  for (let at = text.indexOf('空表'); at >= 0; at = text.indexOf('空表', at + 2)) {
    const m = EMPTY_STATEMENT.exec(text.slice(Math.max(0, at - 45), at));
    const kind = m ? kindOfTitle(m[1]) : null;
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/** A note under the table itself that says it is empty. */
export function declaresEmpty(notes: readonly SourceLine[]): boolean {
  return notes.some((l) => EMPTY_NOTE.test(compact(l.text)));
}
