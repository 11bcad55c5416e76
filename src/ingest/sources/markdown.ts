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
import { blocksText, joinSplitTables, type Block } from './grid.ts';
import { htmlBlocks, isLineBreak } from './html.ts';
import { latexText } from './latex.ts';
import type { SourceRead } from './index.ts';

/** Inline content as text; an inline `<br>` breaks the line, other inline tags are markup and leave their text. */
function inlineText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'break':
          return '\n';
        case 'image':
          return node.alt ?? '';
        case 'html':
          return htmlBlocks(node.value, true)
            .flatMap((b) => (b.kind === 'text' ? b.lines : b.rows.map((r) => r.join(' '))))
            .join(' ') || (isLineBreak(node.value) ? '\n' : '');
        default:
          return 'children' in node ? inlineText(node.children as PhrasingContent[]) : '';
      }
    })
    .join('');
}

function lines(text: string): string[] {
  return text.split('\n').map((t) => t.trim()).filter(Boolean);
}

/** The document's blocks in order; consecutive HTML nodes are one fragment (a table broken by blank lines). */
function markdownBlocks(nodes: readonly RootContent[]): Block[] {
  const blocks: Block[] = [];
  let html: string[] = [];
  const flushHtml = () => {
    if (html.length > 0) blocks.push(...htmlBlocks(html.join('\n'), true));
    html = [];
  };
  for (const node of nodes) {
    if (node.type === 'html') {
      html.push(node.value);
      continue;
    }
    flushHtml();
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        blocks.push({ kind: 'text', lines: lines(inlineText(node.children)) });
        break;
      case 'table':
        blocks.push({ kind: 'grid', rows: node.children.map((row) => row.children.map((cell) => inlineText(cell.children).replace(/\n/g, ' '))) });
        break;
      case 'list':
        node.children.forEach((item, i) => {
          const inner = markdownBlocks(item.children);
          // An ordered list's number is the document's own outline number (1. 2. …), part of the text.
          const first = inner[0];
          if (node.ordered && first?.kind === 'text' && first.lines.length > 0) first.lines[0] = `${(node.start ?? 1) + i}. ${first.lines[0]}`;
          blocks.push(...inner);
        });
        break;
      case 'blockquote':
      case 'footnoteDefinition':
        blocks.push(...markdownBlocks(node.children));
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
  return blocks;
}

function mapText(block: Block, f: (s: string) => string): Block {
  return block.kind === 'text' ? { kind: 'text', lines: block.lines.map(f) } : { kind: 'grid', rows: block.rows.map((r) => r.map(f)) };
}

export function readMarkdown(markdown: string, encoding: string): SourceRead {
  const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  // The formulas are read before the grid's decisions, which look at figures (a row of figures is no repeated header).
  const blocks = joinSplitTables(markdownBlocks(tree.children).map((b) => mapText(b, latexText)));
  const text = blocksText(blocks);
  if (text === '') return { ok: false, reason: '这个 Markdown 文件中没有可读的正文文字', line: null };
  return { ok: true, text, format: 'markdown', encoding, pageStarts: [] };
}
