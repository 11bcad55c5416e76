import type { Section } from '../../schema/narrative.ts';
import type { SourceLine } from '../source-lines.ts';
import { stripMarkup } from '../source-lines.ts';
import { headingLevel, isPageFurniture } from './headings.ts';

const SENTENCE_END = /[。！？!?：:；;]$/;

/** Joins two pieces of a wrapped line the way a reader would: no space between CJK, one between Latin words. */
export function joinWrapped(a: string, b: string): string {
  if (a === '') return b;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

function startsNewParagraph(line: SourceLine): boolean {
  return /^[ \t\u3000]{2,}\S/.test(line.raw) || /^[（(]?[一二三四五六七八九十\d]+[）)、.．]/.test(line.text.trim());
}

/**
 * Builds the document's sections from the lines no table parser claimed: each heading opens a section, and the
 * lines under it are rejoined into paragraphs (PDF extraction breaks lines mid-sentence and mid-number).
 */
export function buildSections(lines: readonly SourceLine[], taken: ReadonlySet<number>): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let paragraph = '';

  const flushParagraph = () => {
    if (current && paragraph.trim()) current.paragraphs.push(paragraph.trim());
    paragraph = '';
  };
  const open = (heading: string | null, level: 1 | 2 | 3 | 4, no: number): Section => {
    flushParagraph();
    const section: Section = { id: `s${sections.length + 1}`, heading, level, paragraphs: [], lines: { first: no, last: no } };
    sections.push(section);
    return section;
  };

  for (const line of lines) {
    if (taken.has(line.no)) {
      flushParagraph();
      continue;
    }
    const text = stripMarkup(line.text);
    if (text === '' || isPageFurniture(text)) continue;
    const level = headingLevel(text);
    if (level !== null) {
      current = open(text, level, line.no);
      continue;
    }
    current ??= open(null, 1, line.no);
    current.lines.last = line.no;
    if (startsNewParagraph(line) || SENTENCE_END.test(paragraph)) flushParagraph();
    paragraph = joinWrapped(paragraph, text);
  }
  flushParagraph();
  return sections;
}
