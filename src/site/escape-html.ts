/**
 * Text made safe to put in HTML or XML markup (a page, an SVG, the sitemap, the review report), as an element's text
 * or an attribute's value: every character that could end either, written as Astro writes them on the pages
 * (`&#39;`, not `&apos;`, which HTML 4 does not know), so that a page's hand-written markup and Astro's agree.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
