import type { LineRange } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import { stripMarkup } from '../source-lines.ts';
import { joinWrapped } from './text.ts';
import { CN_NUMERAL, markerKind, markerOf } from '../../core/outline.ts';

export type SectionKind = 'experience' | 'problems' | 'suggestions';

/** A chapter heading (`五、主要经验及做法`, `六、存在的问题`, `七、有关建议`) and what it holds. */
function kindOf(heading: string): SectionKind | null {
  const t = heading.replace(/\s+/g, '');
  if (markerKind(t) !== 'cn' || t.length > 30) return null;
  if (/经验|做法/.test(t)) return 'experience';
  if (/建议|改进措施|整改/.test(t)) return 'suggestions';
  if (/问题|不足/.test(t)) return 'problems';
  return null;
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

/** The 经验 / 问题 / 建议 chapters of an evaluation report, as lists of items (a numbered line and what follows it). */
export function readSections(lines: readonly SourceLine[], taken: ReadonlySet<number>): EvaluationSection[] {
  const sections: EvaluationSection[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (taken.has(lines[k].no) || lines[k].raw.includes('\t')) continue;
    const kind = kindOf(lines[k].text.trim());
    if (!kind) continue;
    const items: string[][] = [];
    let last = lines[k].no;
    let j = k + 1;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (taken.has(l.no) || endsSection(l.text) || l.raw.includes('\t')) break;
      const t = stripMarkup(l.text);
      if (!t) continue;
      if (startsItem(t) || items.length === 0) items.push([t]);
      else items[items.length - 1].push(t);
      last = l.no;
    }
    if (items.length) sections.push({ kind, heading: lines[k].text.trim(), items: items.map((parts) => joinWrapped(parts)), lines: { first: lines[k].no, last } });
    k = j - 1;
  }
  return sections;
}
