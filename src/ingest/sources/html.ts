/**
 * HTML pages from a government portal, and the HTML fragments inside converter Markdown. Parsed by a real HTML
 * parser (parse5 through hast-util-from-html), so entities are decoded and markup never reaches a line: the lines
 * hold the text a reader of the page sees, in reading order, and each data table as grid lines (see grid.ts).
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { cellText, joinSplitTables, blocksText, expandGrid, type Block, type GridCell } from './grid.ts';
import { formControlText } from './inline-html.ts';
import type { SourceRead } from './index.ts';

/** Content a reader never sees: code, styling, embedded objects, form controls' option lists. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'head']);

/** Elements that start a new line of text (HTML's block-level and line-breaking elements). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Server-template tags a portal's publishing system failed to fill in (Mustache/Vue `{{…}}`, Jinja `{%…%}`, JSP/ASP
 * `<%…%>`, JavaScript / EL `${…}`, FreeMarker `[#…]` `<#…>` `<@…>`). An HTML parser keeps them as text, since they
 * are not tags; they are no part of the document.
 */
const TEMPLATE_DEBRIS =
  /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|<%[\s\S]*?%>|\$\{[^{}]*\}|\[\/?[#@][^\]]*\]|<\/?[#@][^<>]*>/g;

export function withoutTemplateDebris(text: string): string {
  return text.replace(TEMPLATE_DEBRIS, ' ');
}

type Node = Root | RootContent | ElementContent;

function isElement(node: Node): node is Element {
  return node.type === 'element';
}

function isHidden(el: Element): boolean {
  if (HIDDEN_CONTENT.has(el.tagName) || el.properties.hidden != null && el.properties.hidden !== false) return true;
  const style = String(el.properties.style ?? '').replace(/\s/g, '').toLowerCase();
  return /display:none|visibility:hidden/.test(style);
}

function hasTable(el: Element): boolean {
  return el.children.some((c) => isElement(c) && !isHidden(c) && (c.tagName === 'table' || hasTable(c)));
}

/** The text of a node as one line: block boundaries inside it become spaces. */
function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if (!isElement(node) || isHidden(node)) return '';
  const control = formControlText(node);
  if (control !== null) return control;
  const inner = node.children.map(textOf).join('');
  return BLOCK.has(node.tagName) ? ` ${inner} ` : inner;
}

const line = (text: string) => cellText(withoutTemplateDebris(text));

/** The rows of a table that holds no other table: `tr` of the table itself and of its head, bodies and foot. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child) || isHidden(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...tableRows(child));
  }
  return rows;
}

function span(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function gridOf(table: Element): GridCell[][] {
  return tableRows(table).map((tr) =>
    tr.children
      .filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && !isHidden(c))
      .map((cell) => ({ text: line(textOf(cell)), rowSpan: span(cell.properties.rowSpan), colSpan: span(cell.properties.colSpan) })),
  );
}

/** Walks the page in reading order, collecting prose lines and data tables. */
class BlockCollector {
  readonly blocks: Block[] = [];
  private lines: string[] = [];
  private current = '';
  private readonly skip: ReadonlySet<Element>;

  constructor(skip: ReadonlySet<Element>) {
    this.skip = skip;
  }

  private breakLine(): void {
    const text = line(this.current);
    if (text) this.lines.push(text);
    this.current = '';
  }

  private flush(): void {
    this.breakLine();
    if (this.lines.length > 0) this.blocks.push({ kind: 'text', lines: this.lines });
    this.lines = [];
  }

  walk(node: Node): void {
    if (node.type === 'text') {
      this.current += node.value;
      return;
    }
    if (node.type !== 'root' && !isElement(node)) return;
    if (isElement(node) && (isHidden(node) || this.skip.has(node))) return;
    const control = isElement(node) ? formControlText(node) : null;
    if (control !== null) {
      this.current += control;
      return;
    }
    if (isElement(node) && node.tagName === 'table' && !hasTable(node)) {
      this.flush();
      const caption = node.children.find((c): c is Element => isElement(c) && c.tagName === 'caption');
      if (caption) this.blocks.push({ kind: 'text', lines: [line(textOf(caption))] });
      this.blocks.push({ kind: 'grid', rows: expandGrid(gridOf(node)) });
      return;
    }
    const block = isElement(node) && BLOCK.has(node.tagName);
    if (block) this.breakLine();
    for (const child of node.children) this.walk(child);
    if (block) this.breakLine();
    // A paragraph or heading is a block of its own; a `div` or cell only ends a line.
    if (isElement(node) && /^(?:p|h[1-6]|table|ul|ol|section|article|pre|blockquote)$/.test(node.tagName)) this.flush();
  }

  finish(): Block[] {
    this.flush();
    return this.blocks;
  }
}

/** The first element that passes `test`, in document order; `<head>` and hidden content only when `all`. */
function find(node: Root | Element, test: (el: Element) => boolean, all = false): Element | null {
  for (const child of node.children) {
    if (!isElement(child) || (!all && isHidden(child))) continue;
    if (test(child)) return child;
    const inner = find(child, test, all);
    if (inner) return inner;
  }
  return null;
}

/** The chain of elements from the root down to `target`. */
function pathTo(node: Root | Element, target: Element): Element[] | null {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child === target) return [child];
    const inner = pathTo(child, target);
    if (inner) return [child, ...inner];
  }
  return null;
}

const textLength = (node: Root | Element) => line(node.children.map(textOf).join('')).length;

/**
 * The page's title: its main heading where it has one, else the part of `<title>` that names the disclosure, split
 * at the portal's separators (`XX局2025年部门预算公开_XX区人民政府`); the portal's name (the other parts) is the
 * portal's own text, read after the article like its menus and footer.
 */
function titleOf(tree: Root): { lines: string[]; portal: string[]; h1: Element | null } {
  const h1 = find(tree, (el) => el.tagName === 'h1' && line(textOf(el)) !== '');
  if (h1) return { lines: [line(textOf(h1))], portal: [], h1 };
  const title = find(tree, (el) => el.tagName === 'title', true);
  const parts = title ? line(textOf(title)).split(/\s+[-|–—]\s+|[_｜|]/).map((p) => p.trim()).filter(Boolean) : [];
  const named = parts.findIndex((p) => /预算|决算|绩效|公开/.test(p));
  const at = named < 0 ? 0 : named;
  return { lines: parts.slice(at, at + 1), portal: parts.filter((_, i) => i !== at), h1: null };
}

/**
 * The article of a portal page: `<main>` or `<article>`, else the innermost element around the main heading that
 * holds most of the page's text. What lies outside it (menus, breadcrumbs of the site, footer) is the portal's.
 */
function articleOf(tree: Root, h1: Element | null): Element | null {
  const marked = find(tree, (el) => el.tagName === 'main' || el.tagName === 'article');
  if (marked) return marked;
  if (!h1) return null;
  const whole = textLength(tree);
  const path = pathTo(tree, h1) ?? [];
  for (let i = path.length - 2; i >= 0; i--) if (textLength(path[i]) * 2 >= whole) return path[i];
  return null;
}

/**
 * The blocks of an HTML document or fragment, split tables joined. A page reads as its title, its article in
 * reading order, then the portal's own text (menus, footer): so the menus above the article are neither read as
 * part of the title nor lost.
 */
export function htmlBlocks(html: string, fragment: boolean): Block[] {
  const tree = fromHtml(html, { fragment });
  if (fragment) {
    const collector = new BlockCollector(new Set());
    collector.walk(tree);
    return joinSplitTables(collector.finish());
  }
  const title = titleOf(tree);
  const article = articleOf(tree, title.h1);
  const inArticle = new BlockCollector(new Set(title.h1 ? [title.h1] : []));
  if (article) inArticle.walk(article);
  const aroundArticle = new BlockCollector(new Set([...(title.h1 ? [title.h1] : []), ...(article ? [article] : [])]));
  aroundArticle.walk(tree);
  const head: Block[] = title.lines.length > 0 ? [{ kind: 'text', lines: title.lines }] : [];
  const portal: Block[] = title.portal.length > 0 ? [{ kind: 'text', lines: title.portal }] : [];
  return joinSplitTables([...head, ...inArticle.finish(), ...aroundArticle.finish(), ...portal]);
}

/** An inline HTML fragment that is only a line break (`<br>`, `<br/>`). */
export function isLineBreak(html: string): boolean {
  const tree = fromHtml(html, { fragment: true });
  return tree.children.length > 0 && tree.children.every((c) => isElement(c) && c.tagName === 'br');
}

export function readHtml(html: string, encoding: string): SourceRead {
  const text = blocksText(htmlBlocks(html, false));
  if (text === '') return { ok: false, reason: '这个网页中没有可读的正文文字', line: null };
  return { ok: true, text, format: 'html', encoding, pageStarts: [] };
}
