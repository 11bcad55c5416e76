/**
 * Every string of a parsed disclosure that still holds markup of its source format: tags, entities, template
 * directives, Markdown heading/emphasis/table syntax, LaTeX. Shared by the HTML and Markdown source tests.
 */
const MARKUP: readonly RegExp[] = [
  /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i,
  /&(?:nbsp|lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i,
  /\{\{|\}\}|<%|%>|\$\{|\[\/?#/,
  /^#{1,6}\s/m,
  /\*\*|__/,
  /\|\s*:?-{3,}/,
  /\\%|\$[^$\n]*\d[^$\n]*\$/,
  /\u00a0/,
];

export function markupIn(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return MARKUP.some((m) => m.test(value)) ? [`${path}: ${value.slice(0, 120)}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => markupIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => markupIn(v, `${path}.${k}`));
  return [];
}
