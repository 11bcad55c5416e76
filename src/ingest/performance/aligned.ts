import type { SourceLine } from '../source-lines.ts';
import { isOutlineHeading } from './level-state.ts';
import { isPageNumber } from '../page-furniture.ts';
// A target table's cells are whole text runs: a figure inside a cell (`≥ 95 %`) stays with its words.
import { runsOf, type Cell } from '../layout/cells.ts';

/** A target table's columns: 一级指标, 二级指标, 三级指标 and 指标值 at the least. */
const FEWEST_COLUMNS = 4;

/**
 * Rewrites an aligned table as tab-separated lines, so that the tab-separated reader can read it: each text run
 * goes to the header column its middle falls in (empty columns stay empty cells). The table ends at the next
 * outline heading or at a line of prose. Null when the header line prints fewer columns than a target table has
 * (福州's `二级指标   三级指标   指标值`, its 一级指标 on a line of its own): its runs cannot say where the cells go.
 */
export function alignedToTabbed(header: SourceLine, body: readonly SourceLine[]): { header: SourceLine; body: SourceLine[] } | null {
  const columns = runsOf(header.text);
  if (columns.length < FEWEST_COLUMNS) return null;
  const bounds = columns.map((c, i) => (i === 0 ? 0 : Math.floor((columns[i - 1].end + c.start) / 2)));
  const columnOf = (s: Cell) => {
    const mid = (s.start + s.end) / 2;
    let j = 0;
    while (j + 1 < bounds.length && mid >= bounds[j + 1]) j++;
    return j;
  };
  const toTabbed = (line: SourceLine): SourceLine => {
    const cells = columns.map(() => '');
    for (const s of runsOf(line.text)) {
      const j = columnOf(s);
      cells[j] = cells[j] ? `${cells[j]} ${s.text}` : s.text;
    }
    const raw = cells.join('\t');
    return { no: line.no, raw, text: raw.trimEnd() };
  };
  const out: SourceLine[] = [];
  // A run reaching across more than two columns is prose after the table, not a cell.
  const spansColumns = (line: SourceLine) => runsOf(line.text).some((s) => bounds.length > 2 && s.start < bounds[1] && s.end > bounds[2] + 2);
  for (const line of body) {
    if (isOutlineHeading(line.text) || spansColumns(line)) break;
    if (isPageNumber(line.text)) continue;
    out.push(line.text.trim() ? toTabbed(line) : line);
  }
  return { header: { no: header.no, raw: columns.map((c) => c.text).join('\t'), text: columns.map((c) => c.text).join('\t') }, body: out };
}
