import type { PhrasingContent } from 'mdast';
import { escapeHtml } from './escape-html.ts';
import { htmlAttribute as attribute } from './html-attribute.ts';

/**
 * A paragraph of 正文 (its text, a glossary term linked with its definition as a tooltip) in the markup Astro wrote
 * from a component for each paragraph: a disclosure has ~130 paragraphs, and rendering a component for each was a
 * share of its page's CPU (docs/benchmarks.md, "The shard build: what a disclosure costs a builder"). Document text is
 * escaped as Astro escapes it (escapeHtml); node kinds other than text and link show nothing, as before. Ids of the
 * tooltips are `idPrefix`-index, unique on the page.
 */
export function phrasingHtml(nodes: readonly PhrasingContent[], idPrefix: string): string {
  let html = '';
  nodes.forEach((node, i) => {
    if (node.type === 'text') html += escapeHtml(node.value);
    else if (node.type === 'link') {
      const id = `${idPrefix}-${i}`;
      const text = node.children.map((c) => (c.type === 'text' ? escapeHtml(c.value) : '')).join('');
      // The tooltip repeats the glossary's definition, which is indexed once under 名词解释.
      html +=
        `<span class="term"><a${attribute('href', node.url)}${attribute('aria-describedby', id)}>${text}</a>` +
        `<span class="term-definition" role="tooltip"${attribute('id', id)} data-pagefind-ignore>${escapeHtml(node.title ?? '')}</span></span>`;
    }
  });
  return html;
}
