import { inlineHtmlText } from './sources/inline-html.ts';
import { latexText } from './sources/latex.ts';

/** One line of the source text. `no` is 1-based; `text` is the line as parsers should read it. */
export interface SourceLine {
  no: number;
  raw: string;
  text: string;
}

// Zero-width and bidi-control characters carry no content in a disclosure but can hide or reorder text.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
// Other C0/C1 controls except tab, which separates cells in some extractions.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Spaces other than ASCII's, each one character wide on the line: the ideographic space, and the no-break, en, em,
// thin and narrow spaces that text copied out of a web page or a word processor holds where a layout has ASCII ones.
// Every reader splits cells at runs of ASCII spaces, so a line aligned with these would read as one cell.
export const UNICODE_SPACES = '\u00A0\u2000-\u200A\u202F\u205F\u3000';
const UNICODE_SPACE = new RegExp(`[${UNICODE_SPACES}]`, 'g');
/** Any character of INVISIBLE, CONTROL or UNICODE_SPACE. */
const REMOVED_OR_SPACE = new RegExp(`${INVISIBLE.source}|${CONTROL.source}|${UNICODE_SPACE.source}`);

/**
 * The line as its reader sees it: invisibles and controls removed, other spaces made ASCII one for one (so that
 * positions stay), a converter's inline HTML and LaTeX read into the text they print (sources/inline-html.ts,
 * sources/latex.ts: a text file from a converter holds them as a Markdown or HTML source would), trailing space
 * dropped.
 */
export function cleanLine(raw: string): string {
  // Most lines hold none of these: one scan instead of three replacements that find nothing.
  const kept = REMOVED_OR_SPACE.test(raw) ? raw.replace(INVISIBLE, '').replace(CONTROL, '').replace(UNICODE_SPACE, ' ') : raw;
  return latexText(inlineHtmlText(kept)).trimEnd();
}

export function toSourceLines(text: string): SourceLine[] {
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  if (rawLines.length > 1 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  return rawLines.map((raw, i) => ({ no: i + 1, raw, text: cleanLine(raw) }));
}

/** The line with nothing printed on it, its number kept: a reader given it in place of the line sees a blank line. */
export function blanked(line: SourceLine): SourceLine {
  return { ...line, raw: '', text: '' };
}

const PRINTED = /\S/;

export function isBlank(line: SourceLine): boolean {
  // Asked of most lines by most readers: a test, not a trimmed copy of the line (the same white space either way).
  // A line opening with printable ASCII or a CJK ideograph, none of them white space, prints: no pattern is run.
  const c = line.text.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return !PRINTED.test(line.text);
}

/** The first `count` lines that print anything, read no further than they reach (a title among a document's opening lines). */
export function openingLines(lines: readonly SourceLine[], count: number): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length && out.length < count; i++) if (!isBlank(lines[i])) out.push(lines[i]);
  return out;
}

/** A printed character and the rest of its line: one match for each line that is not blank. */
const PRINTED_LINE = /\S[^\n]*/g;

/**
 * How many of the text's `\n`-separated lines print anything (what `trim` would leave non-empty: `\s` is the white
 * space `trim` removes). Counted by matching, not by splitting every document into trimmed copies of its lines.
 */
export function printedLineCount(text: string): number {
  let count = 0;
  PRINTED_LINE.lastIndex = 0;
  while (PRINTED_LINE.test(text)) count++;
  return count;
}

const MARKUP_OR_RUN = /\*\*|[ \t]{2}/;

/**
 * Strips a converter's Markdown emphasis (`**bold**`) and runs of spaces; its HTML and LaTeX were read already, with
 * the line (cleanLine).
 */
export function stripMarkup(s: string): string {
  // Asked of most lines by several readers; a line without `**` or a run of spaces only needs the trim.
  if (!MARKUP_OR_RUN.test(s)) return s.trim();
  return s
    .replace(/\*\*/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
