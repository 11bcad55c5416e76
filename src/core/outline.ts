import { foldWidth } from './width.ts';

/**
 * Outline markers: how an official document numbers its parts, chapters and items. GB/T 9704 (党政机关公文格式) sets
 * 一、 （一） 1. （1） as the levels of a text's structure, and a disclosure's 说明 puts its parts (第一部分) above them;
 * tables number their rows the same way (一、财政拨款收入, 1.房屋). One grammar for every reader — the narrative's
 * headings, a table's row items, a target table's end, the review's sentence starts — so that a marker one reader
 * knows is never text to another. Width is folded before matching (（一） and (一), 1． and 1.), and spaces inside a
 * marker are allowed, as extraction leaves them (`一 、`, `（ 一 ）`).
 */

/** A Chinese numeral as outlines count (一 … 十九, 二十一, 一百零一). */
export const CN_NUMERAL = '[一二三四五六七八九十百零〇]+';
const NUMERAL_CODES = new Set([...CN_NUMERAL.slice(1, -2)].map((c) => c.charCodeAt(0)));

export type MarkerKind = 'part' | 'cn' | 'paren' | 'paren-digit' | 'digit';
/** The level of a marker in the usual outline, 1 the most significant; （1） and 1. are used alike at the bottom. */
export type OutlineLevel = 1 | 2 | 3 | 4;

/**
 * Each form as a pattern source, without anchors, for a reader that finds markers inside a text (duties run
 * together in one paragraph). `digit` is not followed by a digit: `2.5` is an amount, not item 2.
 */
export const MARKER_FORMS: Readonly<Record<MarkerKind, string>> = {
  part: `第${CN_NUMERAL}部分`,
  cn: `${CN_NUMERAL}\\s*[、.．]`,
  paren: `[（(]\\s*${CN_NUMERAL}\\s*[）)]`,
  'paren-digit': '[（(]\\s*\\d{1,2}\\s*[）)]',
  digit: '\\d{1,2}\\s*[、.．](?!\\d)',
};

/** `一）`: a Chinese numeral closed by a bracket it never opened, as some lists of duties number their items. */
export const HALF_PAREN_FORM = `${CN_NUMERAL}\\s*[）)]`;

const LEVELS: Readonly<Record<MarkerKind, OutlineLevel>> = { part: 1, cn: 2, paren: 3, 'paren-digit': 4, digit: 4 };
const KINDS = Object.keys(MARKER_FORMS) as MarkerKind[];
// One pattern with a group a form, most significant first: a text is matched once, not once per form.
const MARKER = new RegExp(`^(?:${KINDS.map((k) => `(${MARKER_FORMS[k]})`).join('|')})`);

export interface Marker {
  kind: MarkerKind;
  level: OutlineLevel;
  /** Characters the marker takes at the start of the text, spaces inside it included. */
  length: number;
}

/**
 * The outline marker a text starts with (第一部分, 一、, （一）, （1）, 1.), or null; with `kinds`, null too for a
 * marker of another kind (a reader that accepts some forms only: a table's items, the 说明's headings).
 */
export function markerOf(text: string, kinds?: readonly MarkerKind[]): Marker | null {
  // Asked of every prose line by several readers, and most open with no marker: their first character says so
  // before the line is folded.
  if (!opensMarker(text.charCodeAt(0))) return null;
  const m = MARKER.exec(foldWidth(text));
  if (!m) return null;
  const kind = KINDS[m.findIndex((g, i) => i > 0 && g !== undefined) - 1];
  return kinds && !kinds.includes(kind) ? null : { kind, level: LEVELS[kind], length: m[0].length };
}

/**
 * A character a marker can open with, before width folding: 第, a Chinese numeral, a bracket or a digit (full-width
 * ones fold to `(` and to digits; no other character folds to a character that opens a marker).
 */
export function opensMarker(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x28 || c === 0xff08 || (c >= 0xff10 && c <= 0xff19) || c === 0x7b2c || NUMERAL_CODES.has(c);
}

/** The kind of a text's opening marker, or null: for a reader that accepts some forms only. */
export function markerKind(text: string): MarkerKind | null {
  return markerOf(text)?.kind ?? null;
}

/** The text after its opening marker, trimmed, or null when it opens with none (or none of `kinds`). */
export function afterMarker(text: string, kinds?: readonly MarkerKind[]): string | null {
  const t = text.trim();
  const m = markerOf(t, kinds);
  return m ? t.slice(m.length).trim() : null;
}

/** The text without its opening marker (of `kinds`, when given); the text as it is when it opens with none. */
export function withoutMarker(text: string, kinds?: readonly MarkerKind[]): string {
  return afterMarker(text, kinds) ?? text;
}

/** The marker (of `kinds`) a text is, with nothing else (`（一）`, `1.`): the number of an item whose words follow. */
export function bareMarker(text: string, kinds?: readonly MarkerKind[]): Marker | null {
  const t = text.trim();
  const m = markerOf(t, kinds);
  return m !== null && m.length === t.length ? m : null;
}
