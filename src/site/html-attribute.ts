/**
 * An attribute as Astro writes one from an expression (`href={value}`), for markup a page writes as text: `&` and `"`
 * escaped (Astro's attribute escaping, narrower than escapeHtml's), an empty value as the name alone.
 */
export function htmlAttribute(name: string, value: string): string {
  return value === '' ? ` ${name}` : ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}
