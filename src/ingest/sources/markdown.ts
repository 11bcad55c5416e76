/**
 * Markdown that a PDF converter wrote: headings on many paragraphs, GFM pipe tables, HTML `<table>` blocks with
 * rowspan/colspan, tables split at page breaks with the header repeated, LaTeX for percentages (`$69.33\%$`).
 * Parsed with remark (+ GFM); the HTML inside goes through the HTML reader. A `#` marks where the converter guessed
 * a heading, not the document's title or outline level: the heading's text becomes a line like any other.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { blocksText, expandGrid, joinSplitTables, lastLines, type Block } from './grid.ts';
import { pandocTableRuns } from './pandoc-tables.ts';
import { htmlFragmentBlocks, isLineBreak } from './html.ts';
import { latexText } from './latex.ts';
import type { Image, SourceRead } from './index.ts';

/** Inline content as text; an inline `<br>` breaks the line, other inline tags are markup and leave their text. */
function inlineText(nodes: readonly PhrasingContent[], images: Image[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'break':
          return '\n';
        case 'image':
          images.push({ address: node.url || null });
          return node.alt ?? '';
        case 'html':
          return htmlFragmentBlocks(node.value)
            .flatMap((b) => (b.kind === 'text' ? b.lines : b.rows.map((r) => r.join(' '))))
            .join(' ') || (isLineBreak(node.value) ? '\n' : '');
        default:
          return 'children' in node ? inlineText(node.children as PhrasingContent[], images) : '';
      }
    })
    .join('');
}

function lines(text: string): string[] {
  return text.split('\n').map((t) => t.trim()).filter(Boolean);
}

/**
 * Where marker (`--paginate_output`) says a page of the PDF ended: `{12}` and a row of dashes, a paragraph of its own.
 * It is the converter's, not the document's: no line of the text.
 */
const PAGE_MARKER = /^\{\d+\}-{3,}$/;

/**
 * A table the page break cut, whose next page the converter wrote as a table of its own without the header (a pipe
 * table's first row is then a data row): the rows go on in the table above. One whose header is printed again is
 * joined by joinSplitTables, which leaves the repeated rows out.
 */
function continuesOverPage(previous: Block | undefined, next: string[][]): previous is Extract<Block, { kind: 'grid' }> {
  if (previous?.kind !== 'grid' || previous.rows.length === 0 || next.length === 0) return false;
  const [head] = previous.rows;
  return head.length === next[0].length && !head.every((c, i) => c === next[0][i]);
}

/** A cell of a table's body: an amount or a classification code. */
const FIGURE = /^[-\d,.%]+$/;

/**
 * A pipe table's header as the grid readers read one: a merged cell's text in its first slot only. Docling writes it
 * in every slot it covers (收入 | 收入 | 支出 | 支出; a 合计 spanning two header rows in both), which read as columns of
 * their own. Only header rows (those above the first with a figure), where a label repeated beside or under itself is
 * one cell: a body's repeated amounts are amounts.
 */
function withoutRepeatedSpans(rows: string[][]): string[][] {
  const header = rows.findIndex((row) => row.some((c) => FIGURE.test(c.trim())));
  const end = header < 0 ? 0 : header;
  return rows.map((row, r) =>
    r >= end ? row : row.map((c, i) => (c !== '' && (c === row[i - 1] || c === rows[r - 1]?.[i]) ? '' : c)),
  );
}

/** Where docling left out a picture: a comment, which is no text. */
const DOCLING_IMAGE = /^<!--\s*image\s*-->$/;

/**
 * The document's blocks in order; consecutive HTML nodes are one fragment (a table broken by blank lines). Each image
 * (a converter writes a page region it could not read as text as one, a scanned table) is listed in `images`.
 */
function markdownBlocks(nodes: readonly RootContent[], images: Image[]): Block[] {
  const blocks: Block[] = [];
  // An image is placed after the text read before the node it stands in.
  const place = () => {
    for (const image of images) if (image.after === undefined) image.after = lastLines(blocks);
  };
  let html: string[] = [];
  let pageBreak = false;
  const flushHtml = () => {
    if (html.length > 0) blocks.push(...htmlFragmentBlocks(html.join('\n')));
    html = [];
  };
  for (const node of nodes) {
    place();
    if (node.type === 'html') {
      if (DOCLING_IMAGE.test(node.value.trim())) images.push({ address: null });
      else html.push(node.value);
      continue;
    }
    flushHtml();
    const text = node.type === 'paragraph' ? inlineText(node.children, images) : null;
    if (text !== null && PAGE_MARKER.test(text.trim())) {
      pageBreak = true;
      continue;
    }
    const afterBreak = pageBreak;
    pageBreak = false;
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'text', lines: lines(inlineText(node.children, images)) });
        break;
      case 'paragraph':
        blocks.push({ kind: 'text', lines: lines(text ?? '') });
        break;
      case 'table': {
        const rows = withoutRepeatedSpans(node.children.map((row) => row.children.map((cell) => inlineText(cell.children, images).replace(/\n/g, ' '))));
        const previous = blocks[blocks.length - 1];
        if (afterBreak && continuesOverPage(previous, rows)) previous.rows.push(...rows);
        else blocks.push({ kind: 'grid', rows });
        break;
      }
      case 'list':
        node.children.forEach((item, i) => {
          const inner = markdownBlocks(item.children, images);
          // An ordered list's number is the document's own outline number (1. 2. …), part of the text.
          const first = inner[0];
          if (node.ordered && first?.kind === 'text' && first.lines.length > 0) first.lines[0] = `${(node.start ?? 1) + i}. ${first.lines[0]}`;
          blocks.push(...inner);
        });
        break;
      case 'blockquote':
      case 'footnoteDefinition':
        blocks.push(...markdownBlocks(node.children, images));
        break;
      case 'code':
        blocks.push({ kind: 'text', lines: lines(node.value) });
        break;
      case 'definition':
        blocks.push({ kind: 'text', lines: [node.title ? `${node.title} ${node.url}` : node.url] });
        break;
      default:
        break;
    }
  }
  flushHtml();
  place();
  return blocks;
}

function mapText(block: Block, f: (s: string) => string): Block {
  return block.kind === 'text' ? { kind: 'text', lines: block.lines.map(f) } : { kind: 'grid', rows: block.rows.map((r) => r.map(f)) };
}

export function readMarkdown(markdown: string, encoding: string): SourceRead {
  const images: Image[] = [];
  const read = pandocTableRuns(markdown).flatMap((run): Block[] => {
    if ('table' in run) return [{ kind: 'grid', rows: expandGrid(run.table) }];
    const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(run.markdown);
    return markdownBlocks(tree.children, images);
  });
  // The formulas are read before the grid's decisions, which look at figures (a row of figures is no repeated header).
  const blocks = joinSplitTables(read.map((b) => mapText(b, latexText)));
  const text = blocksText(blocks);
  if (text === '') return { ok: false, reason: '这个 Markdown 文件中没有可读的正文文字', line: null };
  return { ok: true, text, format: 'markdown', encoding, pageStarts: [], ...(images.length > 0 ? { images } : {}) };
}
