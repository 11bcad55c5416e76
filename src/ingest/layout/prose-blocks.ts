import { isBlank, type SourceLine } from '../source-lines.ts';
import { isPageFurnitureAt, isRunningHeadAt } from '../page-furniture.ts';
import { hasTabCells } from './cells.ts';
import type { Layout } from './detect.ts';
import type { ProseBlock, ProseRow } from './blocks.ts';

/**
 * The document's prose blocks (layout/blocks.ts): the runs of lines that no grid holds, each from the text's edge or
 * a grid's last line to the next grid's first. `held` is every line the table readers took as a grid's, caption
 * and notes included, so that whether a line is table or running text is decided here, once, from what the
 * grid readers took: a reader after it reads the blocks, never the grids' lines, and a sentence never runs on from
 * one block into the next across the grid between them. A run with nothing printed is no block.
 *
 * `lines` is the whole text and `layout` the document's (layout/detect.ts): a bare number is page furniture only by the
 * page breaks around it, which may stand outside its block, and in text printed one cell a line only by the numbers of
 * the pages around it (page-furniture.ts). A page header printed over the pages is marked too, so that no sentence,
 * heading or indicator takes its words (the document keeps it in `unparsed`, saying what it is: parse-disclosure.ts).
 * A tab-separated line among the prose is marked a card's
 * (ProseRow `card`) here, once, so that no reader of the blocks decides it again.
 *
 * The blocks are made once a document, when the tables are read (parse-disclosure.ts); a reader after them that takes
 * lines of its own (an evaluation report's card, tables and chapters, a target form) hands on the blocks with those
 * lines cut out (`proseLeft`), so the target forms read the text the evaluation report left, and the narrative the text
 * that no reader before it took.
 */
export function proseBlocks(lines: readonly SourceLine[], held: ReadonlySet<number>, layout: Layout): ProseBlock[] {
  return runsOf(
    lines.map((line, i) => {
      if (held.has(line.no)) return null;
      const furniture = !isBlank(line) && (isPageFurnitureAt(lines, i + 1, layout) || isRunningHeadAt(lines, i + 1));
      return { line, furniture, card: hasTabCells(line) };
    }),
  );
}

/**
 * The blocks with the lines a later reader took (`taken`) cut out: the same blocks `proseBlocks` makes with those lines
 * held too, because a row's furniture mark was read from the whole text and its card mark from its own line: neither
 * changes with what is held.
 */
export function proseLeft(blocks: readonly ProseBlock[], taken: ReadonlySet<number>): ProseBlock[] {
  // A block no later reader took a line of is kept as it is, not copied: most blocks of a document, at each of the
  // readers that cut them (the target forms, the prose targets, the narrative).
  return blocks.flatMap((block) =>
    block.rows.some((row) => taken.has(row.line.no)) ? runsOf(block.rows.map((row) => (taken.has(row.line.no) ? null : row))) : [block],
  );
}

/** The runs of rows between the held lines (null), each a block unless nothing in it is printed. */
function runsOf(rows: ReadonlyArray<ProseRow | null>): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let run: ProseRow[] = [];
  let printed = false;
  const close = () => {
    if (printed) blocks.push({ type: 'prose', rows: run, lines: { first: run[0].line.no, last: run[run.length - 1].line.no } });
    run = [];
    printed = false;
  };
  for (const row of rows) {
    if (row === null) close();
    else {
      printed ||= !isBlank(row.line);
      run.push(row);
    }
  }
  close();
  return blocks;
}
