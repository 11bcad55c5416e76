import { stripMarkup } from '../source-lines.ts';
import { foldWidth } from '../../core/width.ts';
import { markerOf, opensMarker, type Marker, type OutlineLevel } from '../../core/outline.ts';

/** The outline marker a prose line starts with (core/outline.ts), a converter's bold marks and runs of spaces aside. */
export function lineMarker(text: string): Marker | null {
  return mayOpenMarker(text) ? markerOf(stripMarkup(text)) : null;
}

/**
 * Whether a line may open with an outline marker once its markup is stripped: by its first printed character, or a
 * `*` of a bold mark. Most prose lines do not, and need neither stripping nor folding to say so.
 */
function mayOpenMarker(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('*') || opensMarker(t.charCodeAt(0));
}

const MAX_HEADING_LENGTH = 40;
const MAX_LONG_HEADING_LENGTH = 80;

/**
 * The outline level of a line when it reads as a heading: an outline marker followed by a phrase that neither
 * ends nor contains a sentence. Long numbered lines are list items of the prose (duties, explanations).
 */
export function headingLevel(text: string): OutlineLevel | null {
  if (!mayOpenMarker(text)) return null;
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
  return indent >= 10 && isTitlePhrase(text);
}

/** Short and free of punctuation, as a title is: a phrase, not a sentence, a label or a list. */
export function isTitlePhrase(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 30 && !/[，。；、：,;:]/.test(t) && /^[\u4e00-\u9fa5“"\d０-９]/.test(t);
}

