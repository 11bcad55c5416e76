import type { LineRange } from '../../schema/common.ts';
import type { ProseBlock } from '../layout/blocks.ts';
import { stripMarkup } from '../source-lines.ts';
import { joinWrapped } from './text.ts';
import { CN_NUMERAL, markerKind, markerOf } from '../../core/outline.ts';

export type SectionKind = 'experience' | 'problems' | 'suggestions';

/** The kinds a heading names, in the order of the tests below (a heading of `kind`, at most 30 characters). */
function kindsNamed(heading: string, kind: 'cn' | 'paren'): SectionKind[] {
  const t = heading.replace(/\s+/g, '');
  if (markerKind(t) !== kind || t.length > 30) return [];
  const kinds: SectionKind[] = [];
  if (/经验|做法/.test(t)) kinds.push('experience');
  if (/建议|改进措施|整改/.test(t)) kinds.push('suggestions');
  if (/问题|不足/.test(t)) kinds.push('problems');
  return kinds;
}

/** A chapter heading (`五、主要经验及做法`, `六、存在的问题`, `七、有关建议`) and what it holds. */
function kindOf(heading: string): SectionKind | null {
  return kindsNamed(heading, 'cn')[0] ?? null;
}

/**
 * A part of a chapter that names more than one kind (the national template's `五、主要经验及做法、存在的问题及原因分析`):
 * its sub-heading (`（二）存在的问题及原因分析`) naming one of them.
 */
function partOf(text: string): SectionKind | null {
  const kinds = kindsNamed(text, 'paren');
  return kinds.length === 1 ? kinds[0] : null;
}

function endsSection(text: string): boolean {
  const t = text.trim();
  return markerKind(t) === 'cn' || /^附件\s*\d*/.test(t) || /^附表/.test(t);
}

/** An item starts with its number: `1.`, `1、`, `（1）`, or the prose's own count, `一是`. */
const COUNTED = new RegExp(`^${CN_NUMERAL}是`);
function startsItem(text: string): boolean {
  const t = text.trimStart();
  return markerOf(t, ['digit', 'paren-digit']) !== null || COUNTED.test(t);
}

export interface EvaluationSection {
  kind: SectionKind;
  heading: string;
  items: string[];
  lines: LineRange;
}

/**
 * The 经验 / 问题 / 建议 chapters of an evaluation report, as lists of items (a numbered line and what follows it),
 * read from the report's prose blocks (layout/prose-blocks.ts): a chapter ends where its block does, at the next
 * chapter's heading, or at a card's line (ProseRow `card`: a tab-separated line, read elsewhere). Page furniture is
 * no item.
 */
export function readSections(blocks: readonly ProseBlock[]): EvaluationSection[] {
  const sections: EvaluationSection[] = [];
  for (const { rows } of blocks) {
    for (let k = 0; k < rows.length; k++) {
      const heading = rows[k].line;
      if (rows[k].card) continue;
      const opened = kindOf(heading.text.trim());
      if (!opened) continue;
      let kind: SectionKind = opened;
      const parted = kindsNamed(heading.text.trim(), 'cn').length > 1;
      let title = heading.text.trim();
      let first = heading.no;
      let items: string[][] = [];
      let last = heading.no;
      const close = () => {
        if (items.length) sections.push({ kind, heading: title, items: items.map((parts) => joinWrapped(parts)), lines: { first, last } });
      };
      let j = k + 1;
      for (; j < rows.length; j++) {
        const { line: l, furniture, card } = rows[j];
        if (endsSection(l.text) || card) break;
        const t = stripMarkup(l.text);
        if (!t || furniture) continue;
        const part = parted ? partOf(t) : null;
        if (part) {
          // The chapter's heading opens its first part: the part's heading is both, and the chapter's line is its.
          if (items.length) {
            close();
            title = t;
            first = l.no;
          } else title = `${title} ${t}`;
          kind = part;
          items = [];
          last = l.no;
          continue;
        }
        if (startsItem(t) || items.length === 0) items.push([t]);
        else items[items.length - 1].push(t);
        last = l.no;
      }
      close();
      k = j - 1;
    }
  }
  return sections;
}
