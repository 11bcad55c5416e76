import type { DraftRow, DraftToken } from './table-draft.ts';
import type { BlockRow } from '../../layout/blocks.ts';
import { isPageNumber } from '../../page-furniture.ts';

/**
 * A table of text cells (机构设置: 单位名称 单位性质 单位规格 经费保障形式): the header's cells are the columns and each
 * row a row, read cell by cell when it has as many cells as the header; otherwise the row is kept whole and flagged.
 * The cells are the block's (tables/table-blocks.ts): a single-space row's words, a grid row's slots (where a cell may
 * hold a space, and an empty cell keeps its place); `cellsOf` may take some of them (a grid row's up to its last
 * filled one).
 */
export function readTextTable<T extends DraftToken>(
  header: readonly BlockRow[],
  data: readonly BlockRow[],
  cellsOf: (row: BlockRow) => string[] = (row) => row.cells.map((c) => c.text),
): DraftRow<T>[] {
  const labels = header.flatMap(cellsOf);
  const rows: DraftRow<T>[] = [];
  for (const row of data) {
    const { line } = row;
    if (isPageNumber(line.text)) continue;
    const cells = cellsOf(row);
    if (cells.every((c) => c === '')) continue;
    const fits = labels.length > 1 && cells.length === labels.length;
    const texts: Record<string, string> = {};
    if (fits) labels.slice(1).forEach((label, i) => cells[i + 1] && (texts[label] = cells[i + 1]));
    rows.push({
      pieces: null,
      settled: { code: { code: null, scheme: null, level: null, printed: null, flag: null }, group: null, role: 'data' },
      name: fits ? cells[0] : cells.filter(Boolean).join(' '),
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
