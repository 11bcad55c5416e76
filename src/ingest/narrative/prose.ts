import type { LineRange } from '../../schema/common.ts';
import { stripMarkup, UNICODE_SPACES } from '../source-lines.ts';
import type { ProseBlock } from '../layout/blocks.ts';
import { foldWidth, printedWidth } from '../../core/width.ts';
import { isPageFurniture } from '../page-furniture.ts';

/** A source line as prose: markup and bullets cleaned, with its indentation and printed width. */
export interface ProseLine {
  no: number;
  /** The prose block it stands in: a grid stands between lines of two blocks. */
  block: number;
  text: string;
  indent: number;
  width: number;
  /** Printed words part by a tab: a row of a form or table that no table reader took (项目名称\t防返贫…), not prose. */
  cells: boolean;
}

/**
 * Rejoined text that remembers which source line each part came from, so that a figure found anywhere in a
 * paragraph can be traced back to its line(s).
 */
export interface ProseText {
  text: string;
  lines: LineRange;
  /** Offset in `text` where each source line's contribution starts, with that line's number. */
  parts: ReadonlyArray<{ offset: number; no: number }>;
}

const LEADING_SPACE = new RegExp(`^[ \\t${UNICODE_SPACES}]*`);

function indentOf(raw: string): number {
  // A form feed (page break) can precede the indentation of a page's first line.
  const m = LEADING_SPACE.exec(raw.replace(/^[\f\v]+/, ''))![0];
  let n = 0;
  for (const c of m) n += c === '\t' ? 4 : c === '\u3000' ? 2 : 1;
  return n;
}

/** Cleans one line for reading: converter markup and Markdown bullets (`- `) go, the words stay. */
export function cleanProse(text: string): string {
  return stripMarkup(text)
    .replace(/^[-•·●▪]\s+(?=\S)/, '')
    .replace(/\t+/g, ' ')
    .trim();
}

/**
 * The prose lines of the document's prose blocks, in print order. Page furniture is marked by the layout stage; a
 * converter's emphasis or a bullet around a page number (`**- 3 -**`) is furniture too once the line is cleaned.
 */
export function toProseLines(blocks: readonly ProseBlock[]): ProseLine[] {
  const out: ProseLine[] = [];
  blocks.forEach((block, b) => {
    for (const { line, furniture } of block.rows) {
      // Furniture first: `- 37 -` would otherwise lose its leading dash as a Markdown bullet.
      if (furniture || isPageFurniture(stripMarkup(line.text))) continue;
      const text = cleanProse(line.text);
      if (text === '' || isPageFurniture(text)) continue;
      out.push({ no: line.no, block: b, text, indent: indentOf(line.raw), width: printedWidth(text), cells: /\S\t+\S/.test(line.text) });
    }
  });
  return out;
}

/** Joins two pieces of a wrapped line the way a reader would: no space between CJK, one between Latin words. */
export function joinWrapped(a: string, b: string): string {
  if (a === '') return b;
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

export function proseOf(lines: readonly ProseLine[]): ProseText {
  let text = '';
  const parts: Array<{ offset: number; no: number }> = [];
  for (const line of lines) {
    const joined = joinWrapped(text, line.text);
    parts.push({ offset: joined.length - line.text.length, no: line.no });
    text = joined;
  }
  return { text, lines: { first: lines[0].no, last: lines[lines.length - 1].no }, parts };
}

/** The source lines a span of the text came from. */
export function linesOfSpan(p: ProseText, from: number, to: number): LineRange {
  let first = p.parts[0].no;
  let last = first;
  for (const part of p.parts) {
    if (part.offset <= from) first = part.no;
    if (part.offset < Math.max(to, from + 1)) last = part.no;
  }
  return { first, last };
}

/** Text for matching: full-width digits and punctuation folded, same length as the original. */
export function matchable(p: ProseText): string {
  return foldWidth(p.text);
}

/** Two pieces of one paragraph that the layout broke apart, rejoined with each part still on its source line. */
export function joinProse(a: ProseText, b: ProseText): ProseText {
  const text = joinWrapped(a.text, b.text);
  const shift = text.length - b.text.length;
  return { text, lines: { first: a.lines.first, last: b.lines.last }, parts: [...a.parts, ...b.parts.map((p) => ({ offset: p.offset + shift, no: p.no }))] };
}
