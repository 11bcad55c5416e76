import { afterMarker } from '../core/outline.ts';
import type { GlossaryEntry, Section } from '../schema/narrative.ts';

type Narrative = { sections: readonly Section[]; glossary: readonly GlossaryEntry[] };

/**
 * The 正文's sections that hold its 名词解释: one holding an entry's first line, or headed so. Their terms are not
 * linked to the glossary (glossary-links.ts: the section is where they are defined), and the paragraphs of theirs that
 * are entries stay out of the search index (glossaryParagraphs).
 */
export function isGlossarySection(section: Section, glossary: readonly GlossaryEntry[]): boolean {
  return glossary.some((g) => g.lines.first >= section.lines.first && g.lines.first <= section.lines.last) || /名词解释/.test(section.heading ?? '');
}

/** Text as compared with an entry: ingest splits an entry's paragraph at its colon and trims both parts (src/ingest/narrative/glossary.ts). */
const comparable = (text: string) => text.replace(/[\s：:]/g, '');

/**
 * A paragraph this short is not taken for an entry's text even where a definition contains it: a line such as
 * 一般公共预算 may be a sub-heading of the section, not a definition.
 */
const SHORTEST = 8;

/**
 * The paragraphs of a document's 名词解释 sections that its glossary holds (a term with its definition, or the rest of
 * a definition a paragraph break cut off), by section id and the paragraph's index. Their wording is on the term's
 * own page, which lists each wording once with the documents using it (src/pages/glossary/[term]/), and the term
 * stays on the document's page (its 名词解释 list): indexed in every document, the same definitions were a tenth of
 * the words of a disclosure's page (docs/benchmarks.md, "Glossary definitions out of the full-text index").
 */
export function glossaryParagraphs({ sections, glossary }: Narrative): Map<string, Set<number>> {
  const entries = glossary.map((g) => comparable(g.term + g.definition));
  const held = new Map<string, Set<number>>();
  for (const section of sections) {
    if (!isGlossarySection(section, glossary)) continue;
    section.paragraphs.forEach((paragraph, i) => {
      const text = comparable(afterMarker(paragraph) ?? paragraph);
      if (text.length < SHORTEST || !entries.some((entry) => entry.includes(text))) return;
      if (!held.has(section.id)) held.set(section.id, new Set());
      held.get(section.id)!.add(i);
    });
  }
  return held;
}
