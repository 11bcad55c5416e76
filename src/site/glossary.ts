import type { Disclosure } from '../schema/disclosure.ts';

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
export function collectGlossary(docs: readonly Disclosure[]): GlossaryTerm[] {
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
  return [...terms.values()].sort((a, b) => a.term.localeCompare(b.term, 'zh-CN'));
}

/** The path segment of a term's page: the term itself, so that links are readable and stable. */
export function termPath(term: string): string {
  return `glossary/${encodeURIComponent(term)}/`;
}
