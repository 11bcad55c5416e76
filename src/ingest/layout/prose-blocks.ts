import { isBlank, type SourceLine } from '../source-lines.ts';
import { isPageFurnitureAt } from '../page-furniture.ts';
import type { ProseBlock, ProseRow } from './blocks.ts';

/**
 * The document's prose blocks (layout/blocks.ts): the runs of lines that no grid holds, each from the text's edge or
 * a grid's last line to the next grid's first. `held` is every line a table or target reader took as its grid's,
 * caption and notes included, so that whether a line is table or running text is decided here, once, from what the
 * grid readers took: a reader after it reads the blocks, never the grids' lines, and a sentence never runs on from
 * one block into the next across the grid between them. A run with nothing printed is no block.
 *
 * `lines` is the whole text: a bare number is page furniture only by the page breaks around it
 * (page-furniture.ts), which may stand outside its block.
 */
export function proseBlocks(lines: readonly SourceLine[], held: ReadonlySet<number>): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let rows: ProseRow[] = [];
  let printed = false;
  const close = () => {
    if (printed) blocks.push({ type: 'prose', rows, lines: { first: rows[0].line.no, last: rows[rows.length - 1].line.no } });
    rows = [];
    printed = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (held.has(line.no)) {
      close();
      continue;
    }
    const blank = isBlank(line);
    printed ||= !blank;
    rows.push({ line, furniture: !blank && isPageFurnitureAt(lines, i + 1) });
  }
  close();
  return blocks;
}
