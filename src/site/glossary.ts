import type { DisclosureSummary } from './disclosure-summary.ts';
import { zhCompare } from './zh-compare.ts';

export interface GlossaryTerm {
  term: string;
  /** Each distinct wording once, with the documents that use it. */
  definitions: Array<{ definition: string; docs: Array<{ slug: string; title: string }> }>;
}

/** Folds the differences that do not change a definition's wording: white space and width of punctuation. */
function wordingKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/[，]/g, ',').replace(/[。．]$/, '');
}

/** Every term across all disclosures, identical definitions merged, differing ones kept side by side. */
export function collectGlossary(docs: ReadonlyArray<Pick<DisclosureSummary, 'slug' | 'title' | 'glossary'>>): GlossaryTerm[] {
  const terms = new Map<string, GlossaryTerm>();
  for (const doc of docs) {
    for (const entry of doc.glossary) {
      const term = terms.get(entry.term) ?? { term: entry.term, definitions: [] };
      terms.set(entry.term, term);
      const key = wordingKey(entry.definition);
      const same = term.definitions.find((d) => wordingKey(d.definition) === key);
      const ref = { slug: doc.slug, title: doc.title };
      if (same) {
        if (!same.docs.some((d) => d.slug === doc.slug)) same.docs.push(ref);
      } else term.definitions.push({ definition: entry.definition, docs: [ref] });
    }
  }
  return [...terms.values()].sort((a, b) => zhCompare(a.term, b.term));
}

/** FNV-1a, for a short stable suffix that keeps slugs of different terms apart. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) h = Math.imul(h ^ unit, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Characters of a term kept in its slug: a CJK character is 3 bytes of a file name, which may have at most 255. */
const SLUG_CHARACTERS = 32;

/**
 * The route segment of a term's page: the term itself where it is only letters and digits and short (readable,
 * stable links), otherwise its first letters and digits plus a hash, so that `/`, `?` or `#` in a document's term
 * cannot break the route, nor a 200-character term the file name (ENAMETOOLONG), nor either the build.
 */
export function termSlug(term: string): string {
  const safe = term.replace(/[^\p{L}\p{N}\p{M}]+/gu, '-').replace(/^-+|-+$/g, '');
  const chars = Array.from(safe);
  if (safe === term && chars.length <= SLUG_CHARACTERS) return term;
  return `${chars.slice(0, SLUG_CHARACTERS - 8).join('').replace(/-+$/, '') || 'term'}-${shortHash(term)}`;
}

export function termPath(term: string): string {
  return `glossary/${encodeURIComponent(termSlug(term))}/`;
}

/**
 * The term page's path as a link in a page: the slug's letters as they are, which the browser percent-encodes as it
 * follows the link (a slug is letters, digits and hyphens, termSlug). A CJK character is 3 bytes here, 9 as %XX
 * escapes: a disclosure page links each term of its 正文 and 名词解释.
 */
export function termLink(term: string): string {
  return `glossary/${termSlug(term)}/`;
}
