/**
 * A built page as the search index reads it: the page's markup with the elements Pagefind leaves out
 * (search-scope.ts EXCLUDED_FROM_SEARCH) cut away before it is handed over (scripts/index-search.ts). Pagefind
 * parses every byte of a page it is given, and most of a disclosure page is its tables' cells, which it then leaves
 * out: handed the pages without them, it makes the same index with about a quarter less CPU of its own
 * (docs/benchmarks.md, "The shard build: Pagefind's share and the size of a shard"). Pagefind is still given the same selectors, so a part this cut were to miss is left out
 * all the same; a part it must not cut is what tests/unit/search-markup.test.ts checks, on a built site, by comparing
 * the two indexes.
 *
 * The pages are the site's own markup, so this is not an HTML parser: it reads tags, keeps the stack of open
 * elements, and knows the one end tag the site omits (a table cell's, closed by the next cell, row or table part) and
 * the void elements. The selectors it matches are what search-scope.ts uses: tag names, classes and ids, joined by
 * descendant or child combinators.
 */

interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
}

/** A selector, rightmost compound first, each with the combinator that joins it to the next one to its left. */
type Selector = Array<{ compound: Compound; child: boolean }>;

interface Open {
  tag: string;
  id: string | null;
  classes: string[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text is not markup: their content is skipped to their end tag. */
const RAW_TEXT_END: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };
/** The start tags that close an open table cell, as HTML's omitted </td> and </th> are closed. */
const CLOSES_CELL = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']);

function parseCompound(text: string): Compound {
  const compound: Compound = { tag: null, id: null, classes: [] };
  for (const [, kind, name] of text.matchAll(/([.#]?)([\w-]+|\*)/g)) {
    if (kind === '.') compound.classes.push(name);
    else if (kind === '#') compound.id = name;
    else if (name !== '*') compound.tag = name;
  }
  return compound;
}

function parseSelector(text: string): Selector {
  const parts = text.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/);
  const selector: Selector = [];
  let child = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i] === '>') {
      child = true;
      continue;
    }
    if (selector.length > 0) selector[selector.length - 1].child = child;
    selector.push({ compound: parseCompound(parts[i]), child: false });
    child = false;
  }
  return selector;
}

function matchesCompound(element: Open, { tag, id, classes }: Compound): boolean {
  return (tag === null || tag === element.tag) && (id === null || id === element.id) && classes.every((c) => element.classes.includes(c));
}

/** Whether the element at `stack[at]` matches `selector` from its `from`th compound on, its ancestors below it. */
function matches(stack: readonly Open[], at: number, selector: Selector, from = 0): boolean {
  if (!matchesCompound(stack[at], selector[from].compound)) return false;
  if (from === selector.length - 1) return true;
  if (selector[from].child) return at > 0 && matches(stack, at - 1, selector, from + 1);
  for (let ancestor = at - 1; ancestor >= 0; ancestor--) if (matches(stack, ancestor, selector, from + 1)) return true;
  return false;
}

const ID = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const CLASS = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

function attribute(attributes: string, pattern: RegExp): string | null {
  const found = pattern.exec(attributes);
  return found ? (found[1] ?? found[2] ?? found[3]) : null;
}

const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;

/** `html` without the elements that any of `selectors` matches. */
export function withoutExcluded(html: string, selectors: readonly string[]): string {
  const parsed = selectors.map(parseSelector);
  const stack: Open[] = [];
  const kept: string[] = [];
  let keptFrom = 0;
  /** The depth of the element being cut away, while one is. */
  let cutDepth = -1;
  const close = (depth: number, at: number) => {
    stack.length = depth;
    if (cutDepth >= 0 && depth <= cutDepth) {
      keptFrom = at;
      cutDepth = -1;
    }
  };
  TAG.lastIndex = 0;
  for (let found = TAG.exec(html); found; found = TAG.exec(html)) {
    const [text, end, rawName, attributes] = found;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (end) {
      const depth = stack.findLastIndex((open) => open.tag === name);
      // An element being cut ends after its own end tag, or before the end tag of an ancestor that closes it.
      if (depth >= 0) close(depth, depth === cutDepth ? found.index + text.length : found.index);
      continue;
    }
    const top = stack[stack.length - 1];
    if (CLOSES_CELL.has(name) && (top?.tag === 'td' || top?.tag === 'th')) close(stack.length - 1, found.index);
    if (VOID.has(name)) continue;
    // Inside an element being cut, nothing needs matching: only the depth is kept.
    if (cutDepth >= 0 || attributes === '') stack.push({ tag: name, id: null, classes: [] });
    else stack.push({ tag: name, id: attribute(attributes, ID), classes: attribute(attributes, CLASS)?.split(/\s+/) ?? [] });
    if (cutDepth < 0 && parsed.some((selector) => matches(stack, stack.length - 1, selector))) {
      kept.push(html.slice(keptFrom, found.index));
      cutDepth = stack.length - 1;
    }
    const rawEnd = RAW_TEXT_END[name];
    if (rawEnd) {
      rawEnd.lastIndex = TAG.lastIndex;
      TAG.lastIndex = rawEnd.exec(html)?.index ?? html.length;
    }
  }
  if (cutDepth < 0) kept.push(html.slice(keptFrom));
  return kept.join('');
}
