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

/** Makes a line comparable: invisibles and controls removed, ideographic spaces made ASCII, trailing space dropped. */
export function cleanLine(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(CONTROL, '').replace(/\u3000/g, ' ').trimEnd();
}

export function toSourceLines(text: string): SourceLine[] {
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  if (rawLines.length > 1 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  return rawLines.map((raw, i) => ({ no: i + 1, raw, text: cleanLine(raw) }));
}

export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}

const MARKUP_OR_RUN = /<|\*\*|[ \t]{2}/;

/** Strips converter artefacts (`**bold**`, `<p>` fragments) that some extractions leave in the text. */
export function stripMarkup(s: string): string {
  // Asked of most lines by several readers; a line without a tag, `**` or a run of spaces only needs the trim.
  if (!MARKUP_OR_RUN.test(s)) return s.trim();
  return s
    .replace(/<\/?(?:p|br|b|strong|em|i|span|div)\b[^>]*>/gi, ' ')
    .replace(/\*\*/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
