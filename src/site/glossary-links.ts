import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { unified } from 'unified';
import type { GlossaryEntry, Section } from '../schema/narrative.ts';
import { isGlossarySection } from './glossary-paragraphs.ts';

export interface GlossaryLinkTarget {
  term: string;
  url: string;
  definition: string;
}

const MIN_TERM_LENGTH = 2;

/**
 * A remark plugin: links the first occurrence of each glossary term in the tree to its term page, longest terms
 * first so that 基本支出预算 wins over 基本支出. Only text nodes are split, so document text is never parsed as
 * Markdown or HTML: a term inside hostile text stays text.
 */
export function remarkGlossaryLinks(options: { terms: readonly GlossaryLinkTarget[] }) {
  const terms = [...options.terms]
    .filter((t) => t.term.length >= MIN_TERM_LENGTH)
    .sort((a, b) => b.term.length - a.term.length);
  return (tree: Root) => {
    const linked = new Set<string>();
    const splitText = (node: Text): PhrasingContent[] => {
      for (const target of terms) {
        if (linked.has(target.term)) continue;
        const at = node.value.indexOf(target.term);
        if (at < 0) continue;
        linked.add(target.term);
        const before: Text = { type: 'text', value: node.value.slice(0, at) };
        const after: Text = { type: 'text', value: node.value.slice(at + target.term.length) };
        return [
          ...(before.value ? splitText(before) : []),
          {
            type: 'link',
            url: target.url,
            title: target.definition,
            children: [{ type: 'text', value: target.term }],
          },
          ...(after.value ? splitText(after) : []),
        ];
      }
      return [node];
    };
    for (const block of tree.children) {
      if (block.type !== 'paragraph') continue;
      block.children = block.children.flatMap((child) => (child.type === 'text' ? splitText(child) : [child]));
    }
  };
}

/** The narrative's paragraphs as an mdast tree of plain text nodes (document text is never parsed as Markdown). */
export function narrativeTree(sections: readonly Section[]): Root {
  const children: Paragraph[] = sections.flatMap((section) =>
    section.paragraphs.map((value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  );
  return { type: 'root', children };
}

/** Paragraph contents per section id, with glossary terms linked on their first occurrence in the document. */
export function linkedParagraphs(
  sections: readonly Section[],
  terms: readonly GlossaryLinkTarget[],
): Map<string, PhrasingContent[][]> {
  const tree = unified().use(remarkGlossaryLinks, { terms }).runSync(narrativeTree(sections)) as Root;
  const owners = sections.flatMap((section) => section.paragraphs.map(() => section.id));
  const bySection = new Map<string, PhrasingContent[][]>();
  tree.children.forEach((node, i) => {
    if (node.type !== 'paragraph') return;
    bySection.set(owners[i], [...(bySection.get(owners[i]) ?? []), node.children]);
  });
  return bySection;
}

/**
 * A document's 正文 with glossary terms linked, as its disclosure page or text page shows it: the 名词解释 section
 * itself is where the terms are defined, so it links nothing (it would only point back at itself), and the
 * document's own wording of a term wins over another document's in its tooltips.
 */
export function narrativeLinks(
  doc: { sections: readonly Section[]; glossary: readonly GlossaryEntry[] },
  terms: readonly GlossaryLinkTarget[],
): Map<string, PhrasingContent[][]> {
  const prose = doc.sections.filter((s) => !isGlossarySection(s, doc.glossary));
  const ownDefinitions = new Map(doc.glossary.map((g) => [g.term, g.definition]));
  return linkedParagraphs(
    prose,
    terms.map((t) => ({ ...t, definition: ownDefinitions.get(t.term) ?? t.definition })),
  );
}
