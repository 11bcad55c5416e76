import type { RawRow } from './rows.ts';
import { PROJECT_TEXT_KEY } from '../columns.ts';

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Lengths at which a row's wrapped name broke over lines: the 科目 name can only end at one of them. */
function boundaries(row: RawRow): number[] {
  const out: number[] = [];
  let at = 0;
  for (const f of row.fragments) out.push((at += f.length));
  return out;
}

function splitAt(row: RawRow, length: number): void {
  const project = row.name.slice(length);
  row.name = row.name.slice(0, length);
  if (project) row.texts[PROJECT_TEXT_KEY] = project;
}

/**
 * Splits a 项目支出 row's text into the 科目 name and the project name. Rows under the same 项 share the 科目 name, so
 * it is their common prefix, cut back to a line break every one of them has; a lone row whose text starts with its
 * parent's name (其他…支出) uses that. Otherwise the text stays whole as the name.
 */
export function splitProjectNames(rows: RawRow[]): void {
  const byCode = Map.groupBy(
    rows.filter((r) => r.level === 3 && r.code),
    (r) => `${r.group}|${r.code}`,
  );
  const names = new Map<string, string>();
  for (const r of rows) if (r.code && r.level !== 3) names.set(r.code, r.name);
  for (const same of byCode.values()) {
    if (same.length >= 2) {
      let prefix = same.reduce((n, r) => Math.min(n, commonPrefixLength(same[0].name, r.name)), same[0].name.length);
      const shared = same.map(boundaries).reduce((acc, b) => acc.filter((x) => b.includes(x)));
      prefix = Math.max(0, ...shared.filter((b) => b <= prefix));
      if (prefix > 0) for (const r of same) splitAt(r, prefix);
      continue;
    }
    const [row] = same;
    const parent = names.get(row.code!.slice(0, 5));
    if (parent && row.name.startsWith(parent) && row.name.length > parent.length) splitAt(row, parent.length);
  }
}
