import type { TableColumn, TableRow } from '../../../schema/table.ts';
import type { SourceLine } from '../../source-lines.ts';
import { isPageNumber } from '../../page-furniture.ts';
import { wordsOf } from '../../layout/cells.ts';

/**
 * A table of text cells (机构设置: 单位名称 单位性质 单位规格 经费保障形式): the header's words are the columns and each
 * line a row, read cell by cell when it has as many cells as the header; otherwise the line is kept whole and flagged.
 */
export function readTextTable(header: readonly SourceLine[], data: readonly SourceLine[]): { columns: TableColumn[]; rows: TableRow[] } {
  const labels = header.flatMap((l) => wordsOf(l.text));
  const rows: TableRow[] = [];
  for (const line of data) {
    if (isPageNumber(line.text)) continue;
    const cells = wordsOf(line.text);
    if (cells.length === 0) continue;
    const fits = labels.length > 1 && cells.length === labels.length;
    const texts: Record<string, string> = {};
    if (fits) labels.slice(1).forEach((label, i) => (texts[label] = cells[i + 1]));
    rows.push({
      code: null,
      codeScheme: null,
      level: null,
      name: fits ? cells[0] : cells.join(' '),
      values: {},
      texts,
      group: null,
      role: 'data',
      flag: fits ? null : `本行有 ${cells.length} 格，表头有 ${labels.length} 列`,
      uncertain: [],
      lines: { first: line.no, last: line.no },
    });
  }
  return { columns: [], rows };
}
