import type { DraftRow, DraftToken } from '../shared/table-draft.ts';
import type { SourceLine } from '../../source-lines.ts';
import { isPageNumber } from '../../page-furniture.ts';
import { wordsOf } from '../../layout/cells.ts';

/**
 * A table of text cells (机构设置: 单位名称 单位性质 单位规格 经费保障形式): the header's words are the columns and each
 * line a row, read cell by cell when it has as many cells as the header; otherwise the line is kept whole and flagged.
 */
export function readTextTable(header: readonly SourceLine[], data: readonly SourceLine[]): DraftRow<DraftToken>[] {
  const labels = header.flatMap((l) => wordsOf(l.text));
  const rows: DraftRow<DraftToken>[] = [];
  for (const line of data) {
    if (isPageNumber(line.text)) continue;
    const cells = wordsOf(line.text);
    if (cells.length === 0) continue;
    const fits = labels.length > 1 && cells.length === labels.length;
    const texts: Record<string, string> = {};
    if (fits) labels.slice(1).forEach((label, i) => (texts[label] = cells[i + 1]));
    rows.push({
      pieces: null,
      settled: { code: { code: null, scheme: null, level: null, printed: null, flag: null }, group: null, role: 'data' },
      name: fits ? cells[0] : cells.join(' '),
      texts,
      tokens: [],
      trusted: false,
      side: null,
      project: false,
      outline: null,
      ...(fits ? {} : { misfit: { cells: cells.length, columns: labels.length } }),
      lines: { first: line.no, last: line.no },
    });
  }
  return rows;
}
