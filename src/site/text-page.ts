import type { Section } from '../schema/narrative.ts';

/**
 * Above this many characters of 正文 (headings and paragraphs), a disclosure's text has its own page and the
 * disclosure page lists its headings instead. Chinese text gzips to about 0.7 byte a character, so 20,000 characters
 * are ~14 KB of the 60 KB a page may weigh (issue 13), and the tables and checks keep the rest. Most budgets' 说明
 * are 3,000–15,000 characters; the long ones repeat the whole 说明 for every subordinate unit.
 */
export const TEXT_PAGE_CHARACTERS = 20_000;

export function textCharacters(sections: ReadonlyArray<Pick<Section, 'heading' | 'paragraphs'>>): number {
  return sections.reduce((n, s) => n + (s.heading?.length ?? 0) + s.paragraphs.reduce((m, p) => m + p.length, 0), 0);
}

export function textHasOwnPage(characters: number): boolean {
  return characters > TEXT_PAGE_CHARACTERS;
}

/** The site path of a disclosure's text page. */
export function textPagePath(slug: string): string {
  return `d/${slug}/text/`;
}

/** The headings a disclosure page lists in place of a long text: the first two levels, those that have a heading. */
export function textOutline<S extends Pick<Section, 'id' | 'heading' | 'level'>>(sections: readonly S[]): S[] {
  return sections.filter((s) => s.level <= 2 && s.heading?.trim());
}
