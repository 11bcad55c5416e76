/**
 * HTML pages from a government portal, and the HTML fragments inside converter Markdown. Parsed by a real HTML
 * parser (parse5 through hast-util-from-html), so entities are decoded and markup never reaches a line: the lines
 * hold the text a reader of the page sees, in reading order, and each data table as grid lines (see grid.ts).
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { cellText, joinSplitTables, blocksText, expandGrid, lastLines, type Block, type GridCell } from './grid.ts';
import { formControlText } from './inline-html.ts';
import type { Image, SourceRead } from './index.ts';

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

/**
 * An image's address as a reader can name it: a file's path or a web address, not a `data:` image's bytes or a
 * `javascript:` link.
 */
function imageAddress(src: unknown): string | null {
  const address = String(src ?? '').trim();
  return /^(?:https?:\/\/|\/|\.{1,2}\/|[\w-]+[/.])[^\s<>"']*$/i.test(address) && !/^javascript:/i.test(address) ? address : null;
}

/** Walks the page in reading order, collecting prose lines and data tables, and the images (`images`) where given. */
class BlockCollector {
  readonly blocks: Block[] = [];
  private lines: string[] = [];
  private current = '';
  private readonly skip: ReadonlySet<Element>;
  private readonly images: Image[] | null;

  constructor(skip: ReadonlySet<Element>, images: Image[] | null = null) {
    this.skip = skip;
    this.images = images;
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
    if (isElement(node) && node.tagName === 'img' && this.images) {
      this.breakLine();
      this.images.push({ address: imageAddress(node.properties.src), after: lastLines([...this.blocks, { kind: 'text', lines: this.lines }]) });
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

const NAMES_KIND = /预算|决算|绩效/;

/**
 * The page's title: its main heading where it has one, else the part of `<title>` that names the disclosure, split
 * at the portal's separators (`XX局2025年部门预算公开_XX区人民政府`); the portal's name (the other parts) is the
 * portal's own text, read after the article like its menus and footer. An `<h1>` or a `<title>` that names only the
 * portal or its section (某市人民政府, 政务公开) gives way to a lesser heading that names the disclosure
 * (`<h2>XX局2023年度部门决算</h2>`).
 */
function titleOf(tree: Root): { lines: string[]; portal: string[]; heading: Element | null } {
  const h1 = find(tree, (el) => el.tagName === 'h1' && line(textOf(el)) !== '');
  const lesser = () => find(tree, (el) => /^h[2-6]$/.test(el.tagName) && NAMES_KIND.test(line(textOf(el))));
  // A portal's logo is often its <h1> (某市人民政府), the article's title an <h2>.
  const heading = h1 && !NAMES_KIND.test(line(textOf(h1))) ? lesser() : null;
  if (heading) return { lines: [line(textOf(heading))], portal: [], heading };
  if (h1) return { lines: [line(textOf(h1))], portal: [], heading: h1 };
  const title = find(tree, (el) => el.tagName === 'title', true);
  const parts = title ? line(textOf(title)).split(/\s+[-|–—]\s+|[_｜|]/).map((p) => p.trim()).filter(Boolean) : [];
  const named = parts.findIndex((p) => NAMES_KIND.test(p));
  const lesserHeading = named < 0 ? lesser() : null;
  if (lesserHeading) return { lines: [line(textOf(lesserHeading))], portal: parts, heading: lesserHeading };
  const at = named >= 0 ? named : Math.max(0, parts.findIndex((p) => /公开/.test(p)));
  return { lines: parts.slice(at, at + 1), portal: parts.filter((_, i) => i !== at), heading: null };
}

/**
 * The article of a portal page: `<main>` or `<article>`, else the innermost element around the main heading that
 * holds most of the page's text. What lies outside it (menus, breadcrumbs of the site, footer) is the portal's.
 */
function articleOf(tree: Root, heading: Element | null): Element | null {
  const marked = find(tree, (el) => el.tagName === 'main' || el.tagName === 'article');
  if (marked) return marked;
  if (!heading) return null;
  const whole = textLength(tree);
  const path = pathTo(tree, heading) ?? [];
  for (let i = path.length - 2; i >= 0; i--) if (textLength(path[i]) * 2 >= whole) return path[i];
  return null;
}

/** How much of an element's text is the text of its links. */
function linkLength(node: Element): number {
  if (isHidden(node)) return 0;
  if (node.tagName === 'a') return textLength(node);
  return node.children.reduce((n, c) => n + (isElement(c) ? linkLength(c) : 0), 0);
}

/**
 * The portal's own parts inside the article's element: what stands before the heading (the breadcrumbs, 当前位置：首页 >
 * …), and the blocks closing it that are mostly links (the 附件 list, 【打印本页】【关闭窗口】, 上一篇 / 下一篇).
 */
function portalPartsOf(article: Element, heading: Element | null): Element[] {
  const path = heading ? pathTo(article, heading) : null;
  if (!path) return [];
  const before: Element[] = [];
  let parent: Element = article;
  for (const child of path) {
    before.push(...parent.children.slice(0, parent.children.indexOf(child)).filter(isElement));
    parent = child;
  }
  const after = article.children.slice(article.children.indexOf(path[0]) + 1).filter(isElement);
  const closing: Element[] = [];
  for (let i = after.length - 1; i >= 0; i--) {
    const length = textLength(after[i]);
    if (length > 0 && linkLength(after[i]) * 2 < length) break;
    closing.unshift(after[i]);
  }
  return [...before, ...closing];
}

/**
 * The element that repeats the page's title in the body where no `<h1>` does (a portal's `<div class="title">`): the
 * article's heading, though no heading element.
 */
function headingOf(tree: Root, title: { lines: string[]; heading: Element | null }): Element | null {
  if (title.heading) return title.heading;
  const [text] = title.lines;
  return text ? find(tree, (el) => !hasTable(el) && line(textOf(el)) === text) : null;
}

/** The blocks of an HTML fragment (a converter's table in Markdown), split tables joined. */
export function htmlFragmentBlocks(html: string): Block[] {
  const collector = new BlockCollector(new Set());
  collector.walk(fromHtml(html, { fragment: true }));
  return joinSplitTables(collector.finish());
}

/**
 * The blocks of an HTML page, split tables joined: its title, its article in reading order, and apart from them the
 * portal's own text (menus, breadcrumbs, the 附件 list and links closing the article, footer), which is no part of
 * the disclosure: so the menus above the article are neither read as part of the title nor lost.
 */
function pageBlocks(html: string, images: Image[]): { blocks: Block[]; portal: Block[] } {
  const tree = fromHtml(html, { fragment: false });
  const title = titleOf(tree);
  const heading = headingOf(tree, title);
  const article = articleOf(tree, heading);
  const portalParts = article ? portalPartsOf(article, heading) : [];
  const inArticle = new BlockCollector(new Set([...(heading ? [heading] : []), ...portalParts]), images);
  if (article) inArticle.walk(article);
  const aroundArticle = new BlockCollector(new Set([...(heading ? [heading] : []), ...(article ? [article] : [])]));
  for (const part of portalParts) aroundArticle.walk(part);
  aroundArticle.walk(tree);
  const head: Block[] = title.lines.length > 0 ? [{ kind: 'text', lines: title.lines }] : [];
  const portal: Block[] = title.portal.length > 0 ? [{ kind: 'text', lines: title.portal }] : [];
  // Without an article nothing tells the page's text from the portal's: all of it is read as the page's.
  if (!article) return { blocks: joinSplitTables([...head, ...aroundArticle.finish()]), portal };
  return { blocks: joinSplitTables([...head, ...inArticle.finish()]), portal: joinSplitTables([...aroundArticle.finish(), ...portal]) };
}

/** An inline HTML fragment that is only a line break (`<br>`, `<br/>`). */
export function isLineBreak(html: string): boolean {
  const tree = fromHtml(html, { fragment: true });
  return tree.children.length > 0 && tree.children.every((c) => isElement(c) && c.tagName === 'br');
}

export function readHtml(html: string, encoding: string): SourceRead {
  const images: Image[] = [];
  const { blocks, portal } = pageBlocks(html, images);
  const own = blocksText(blocks);
  const portalText = blocksText(portal);
  if (own === '') return { ok: false, reason: '这个网页中没有可读的正文文字', line: null };
  const found = images.length > 0 ? { images } : {};
  if (portalText === '') return { ok: true, text: own, format: 'html', encoding, pageStarts: [], ...found };
  // The portal's text after a blank line, as blocksText parts every block.
  return { ok: true, text: `${own}\n${portalText}`, format: 'html', encoding, pageStarts: [], portalFrom: own.split('\n').length + 1, ...found };
}
