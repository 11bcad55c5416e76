/**
 * What every review rule reads: the parsed document, its narrative as text segments that keep their source lines,
 * and one constructor for findings so that ids, pages and messages are made the same way everywhere.
 */
import type { LineRange } from '../schema/common.ts';
import type { Disclosure } from '../schema/disclosure.ts';
import type { Finding, FindingFamily, Severity } from '../schema/review.ts';
import { pagesOfLines } from '../core/pages.ts';
import { foldFigures } from '../core/width.ts';

/** The parsed document as the review sees it: everything but its own findings. */
export type Reviewed = Omit<Disclosure, 'findings'> & { findings?: Disclosure['findings'] };

/** A piece of the document's own wording with the lines it came from. */
export interface Segment {
  text: string;
  lines: LineRange;
  kind: 'section' | 'table-title' | 'table-note' | 'glossary' | 'project';
}

/** Segments joined by newlines, so that a pattern can span paragraphs a page break split, and be traced back. */
export interface Stream {
  text: string;
  /** Start offset of each segment in `text`. */
  starts: number[];
  segments: Segment[];
}

export interface ReviewContext {
  doc: Reviewed;
  segments: Segment[];
  /** The prose only (sections), in document order: where sentences are read. */
  prose: Stream;
}

/**
 * The document's wording: sections (heading and paragraphs), table titles and notes, glossary, project texts. Its
 * figures read as ASCII ones (core/width.ts foldFigures: a Word print's `２０２６年`, `１，２３４．５６万元`), folded once
 * here for every rule's patterns.
 */
export function segmentsOf(doc: Reviewed): Segment[] {
  const segments: Segment[] = [];
  for (const s of doc.sections) {
    const text = [s.heading ?? '', ...s.paragraphs].filter((t) => t !== '').join('\n');
    if (text) segments.push({ text, lines: s.lines, kind: 'section' });
  }
  for (const t of doc.tables) {
    if (!t.titleInferred && t.title) segments.push({ text: t.title, lines: { first: t.lines.first, last: t.lines.first }, kind: 'table-title' });
    for (const note of t.notes) segments.push({ text: note, lines: t.lines, kind: 'table-note' });
  }
  for (const g of doc.glossary) segments.push({ text: `${g.term}：${g.definition}`, lines: g.lines, kind: 'glossary' });
  for (const p of doc.projects) {
    const fields = [p.name, p.basis, p.scale, p.implementer, p.allocation, p.schedule].filter((f): f is string => !!f);
    for (const f of fields) segments.push({ text: f, lines: p.lines, kind: 'project' });
  }
  for (const s of segments) s.text = foldFigures(s.text);
  return segments;
}

export function streamOf(segments: readonly Segment[]): Stream {
  const starts: number[] = [];
  let text = '';
  for (const s of segments) {
    starts.push(text.length);
    text += `${s.text}\n`;
  }
  return { text, starts, segments: [...segments] };
}

/** The source lines of `length` characters of the stream from `index`. */
export function linesAt(stream: Stream, index: number, length = 1): LineRange[] {
  const at = (i: number) => {
    let lo = 0;
    for (let k = 0; k < stream.starts.length; k++) if (stream.starts[k] <= i) lo = k;
    return lo;
  };
  const a = at(index);
  const b = at(index + Math.max(length, 1) - 1);
  const first = stream.segments[a]?.lines;
  const last = stream.segments[b]?.lines;
  if (!first || !last) return [];
  return [{ first: first.first, last: Math.max(first.last, last.last) }];
}

export function contextOf(doc: Reviewed): ReviewContext {
  const segments = segmentsOf(doc);
  return { doc, segments, prose: streamOf(segments.filter((s) => s.kind === 'section')) };
}


export interface FindingInput {
  rule: string;
  family: FindingFamily;
  severity: Severity;
  /** What the finding concerns within the rule, to make its id stable (`2130505`, `t3`). */
  key: string;
  message: string;
  stated?: number | string | null;
  expected?: number | string | null;
  lines?: LineRange[];
}

export function makeFinding(doc: Reviewed, f: FindingInput): Finding {
  const lines = f.lines ?? [];
  return {
    id: `${f.rule}:${f.key}`,
    rule: f.rule,
    family: f.family,
    severity: f.severity,
    message: f.message,
    stated: f.stated ?? null,
    expected: f.expected ?? null,
    lines,
    pages: pagesOfLines(doc.source.pageStarts ?? [], lines),
  };
}

/**
 * A figure converted from 元 to 万元 has more decimals than any document prints: four are enough to compare. One
 * formatter for every figure: `toLocaleString` with options builds a new one for each, and the review shows thousands.
 */
const FIGURES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A figure as the document prints it: 1,234.5 → “1,234.5”; no rounding, no trailing zeros added. */
export function shown(value: number | null | undefined): string {
  return value == null ? '（空）' : FIGURES.format(value);
}
