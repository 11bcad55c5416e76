/**
 * HTML that a PDF converter leaves inside lines of text that are otherwise not HTML: `<p>…</p>` around a cell's
 * paragraphs, a form's tick boxes `<input type="checkbox" checked/>` (the evaluation seed's tab-separated cells). Read
 * by the HTML parser (parse5 through hast-util-from-html, as html.ts reads pages) and written back as the one line it
 * was: a paragraph boundary becomes a space, never a line break, so every line keeps its number in the file.
 *
 * A line is read only when the parser accounts for every character of it, as text or as a tag of an element a
 * converter writes; otherwise it stays as printed, so that text is never lost to a parse of something that was not
 * markup (`a<b` is a comparison; `<b级 …` would be a tag with the words after it as attributes).
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** What a tick box shows, ticked or not: the marks a printed form has. */
export const TICKED = '☑';
export const UNTICKED = '☐';

/**
 * The text a form control shows where it stands: a tick box (or radio button) its mark, a filled-in field its value,
 * null for any other element.
 */
export function formControlText(el: Element): string | null {
  if (el.tagName !== 'input') return null;
  const type = String(el.properties.type ?? 'text').toLowerCase();
  if (type === 'checkbox' || type === 'radio') return el.properties.checked ? TICKED : UNTICKED;
  if (type === 'hidden' || el.properties.value == null) return '';
  return String(el.properties.value);
}

/** Elements converters write inside a line of text; any other (`<table>`, `<foo>`) leaves the line as printed. */
const CONVERTER_ELEMENTS = new Set([
  'p', 'br', 'div', 'center', 'span', 'font', 'b', 'strong', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'big',
  'sub', 'sup', 'code', 'a', 'label', 'input',
]);
/** Elements that separate the words before and after them (a paragraph, a line break). */
const SEPARATING = new Set(['p', 'br', 'div', 'center']);

type Node = RootContent | ElementContent;

/** An element a converter writes, with attributes that are attributes (no `<` swallowed into them), all the way down. */
function isConverterMarkup(node: Node): boolean {
  if (node.type !== 'element') return node.type === 'text' || node.type === 'comment';
  if (!CONVERTER_ELEMENTS.has(node.tagName)) return false;
  const attributes = Object.entries(node.properties).every(([name, value]) => !name.includes('<') && !String(value).includes('<'));
  return attributes && node.children.every(isConverterMarkup);
}

/** Every character of the line is in a node the parser made (text or an element with its tags), blanks aside. */
function accountsForEveryCharacter(tree: Root, line: string): boolean {
  let end = 0;
  for (const node of tree.children) {
    if (!node.position || line.slice(end, node.position.start.offset).trim() !== '') return false;
    end = node.position.end.offset ?? end;
  }
  return line.slice(end).trim() === '';
}

/**
 * More tags than a converter writes in a line (a few `<p>` around cells, a form's tick boxes). Beyond it the line is
 * not read: the parse and the tree walks recurse once per level of nesting, and a hostile line of nested tags would
 * exhaust the stack and fail its whole document.
 */
const MOST_TAGS = 200;

/**
 * Where an HTML parser makes an element: `<` or `</` before a letter. Any other `<` is text to it (`<5%`, `<=`, `< 3
 * 天`, common in targets), and such a line was parsed only to be given back as it is.
 */
const OPENS_ELEMENT = /<\/?[A-Za-z]/;

/** A line of text with the converter's HTML read: its text, tick boxes as ☑/☐; the line as printed if it holds none. */
export function inlineHtmlText(line: string): string {
  if (!OPENS_ELEMENT.test(line) || tagCount(line) > MOST_TAGS) return line;
  const tree = fromHtml(line, { fragment: true });
  if (!tree.children.some((n) => n.type === 'element') || !tree.children.every(isConverterMarkup) || !accountsForEveryCharacter(tree, line)) {
    return line;
  }
  let out = '';
  let separate = false;
  const emit = (text: string) => {
    if (text === '') return;
    if (separate && out !== '' && !/\s$/.test(out) && !/^\s/.test(text)) out += ' ';
    separate = false;
    out += text;
  };
  const walk = (node: Node) => {
    if (node.type === 'text') emit(node.value);
    if (node.type !== 'element') return;
    const control = formControlText(node);
    if (control !== null) return emit(control);
    if (SEPARATING.has(node.tagName)) separate = true;
    node.children.forEach(walk);
    if (SEPARATING.has(node.tagName)) separate = true;
  };
  tree.children.forEach(walk);
  return out;
}

function tagCount(line: string): number {
  let n = 0;
  for (let i = line.indexOf('<'); i >= 0 && n <= MOST_TAGS; i = line.indexOf('<', i + 1)) n++;
  return n;
}
