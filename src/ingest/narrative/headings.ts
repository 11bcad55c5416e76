import { stripMarkup } from '../source-lines.ts';
import { foldWidth } from '../../core/width.ts';

const CN_NUM = '[一二三四五六七八九十百零〇]+';

export type HeadingLevel = 1 | 2 | 3 | 4;
export type MarkerKind = 'part' | 'cn' | 'paren' | 'paren-digit' | 'digit';

/** Outline markers of the usual outline, most significant first. */
const MARKERS: ReadonlyArray<{ kind: MarkerKind; level: HeadingLevel; pattern: RegExp }> = [
  { kind: 'part', level: 1, pattern: new RegExp(`^第${CN_NUM}部分`) },
  { kind: 'cn', level: 2, pattern: new RegExp(`^${CN_NUM}\\s*[、.．]`) },
  { kind: 'paren', level: 3, pattern: new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)]`) },
  { kind: 'paren-digit', level: 4, pattern: /^[（(]\s*\d{1,2}\s*[）)]/ },
  { kind: 'digit', level: 4, pattern: /^\d{1,2}\s*[、.．](?!\d)/ },
];

/** The outline marker a line starts with (第一部分, 一、, （一）, 1.), if any. */
export function markerOf(text: string): { kind: MarkerKind; level: HeadingLevel; length: number } | null {
  const t = foldWidth(stripMarkup(text)).trim();
  for (const { kind, level, pattern } of MARKERS) {
    const m = pattern.exec(t);
    if (m) return { kind, level, length: m[0].length };
  }
  return null;
}

/** The text after a line's outline marker, or null when it has none. */
export function afterMarker(text: string): string | null {
  const t = text.trim();
  const folded = foldWidth(t);
  for (const { pattern } of MARKERS) {
    const m = pattern.exec(folded);
    if (m) return t.slice(m[0].length).trim();
  }
  return null;
}

const MAX_HEADING_LENGTH = 40;
const MAX_LONG_HEADING_LENGTH = 80;

/**
 * The outline level of a line when it reads as a heading: an outline marker followed by a phrase that neither
 * ends nor contains a sentence. Long numbered lines are list items of the prose (duties, explanations).
 */
export function headingLevel(text: string): HeadingLevel | null {
  const t = foldWidth(stripMarkup(text)).trim();
  if (t.length === 0 || t.length > MAX_LONG_HEADING_LENGTH) return null;
  if (/[。；;，,、]$/.test(t)) return null;
  if (/[：:]$/.test(t) && t.length > 24) return null;
  if (t.length > MAX_HEADING_LENGTH && /[。；;，,]/.test(t)) return null;
  if (/。/.test(t)) return null;
  return markerOf(t)?.level ?? null;
}

/**
 * A title set on its own, centred line (上海市…主要职能, 名词解释): deeply indented, short, and free of
 * punctuation. Some layouts give their chapter titles no outline marker at all.
 */
export function isCentredTitle(text: string, indent: number): boolean {
  const t = text.trim();
  return indent >= 10 && t.length >= 2 && t.length <= 30 && !/[，。；、：,;:]/.test(t) && /^[\u4e00-\u9fa5“"\d]/.test(t);
}

