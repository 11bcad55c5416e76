import type { Section } from '../../schema/narrative.ts';
import type { SourceLine } from '../source-lines.ts';
import { headingLevel, isCentredTitle, isTitlePhrase, lineMarker } from './headings.ts';
import { afterMarker, type MarkerKind, type OutlineLevel } from '../../core/outline.ts';
import { proseOf, toProseLines, type ProseLine, type ProseText } from './prose.ts';
import { hasLeader, readContents } from './contents.ts';
import { proseBlocks } from '../layout/prose-blocks.ts';
import type { ProseBlock } from '../layout/blocks.ts';
import type { Layout as CellLayout } from '../layout/detect.ts';
import { isLoneStatedAmount } from '../numbers.ts';
import { foldFigures } from '../../core/width.ts';

/** A section with its text still traceable to source lines, for the parsers that read facts out of the prose. */
export interface ProseSection {
  section: Section;
  heading: ProseText | null;
  paragraphs: ProseText[];
}

/** A sentence's end, also where a remark in brackets follows its full stop (`…9.952万元。（分值2分，得分2分）`). */
const SENTENCE_END = /(?:[。！？!?：:]|[。！？!?][（(][^（）()]*[）)])$/;
const OPEN_END = /[，、（(“《,]$/;

/**
 * The width at which the extraction wrapped prose lines: most wrapped lines are about as wide as the page, so a
 * high percentile of line widths finds it whatever the font and margins.
 */
function wrapWidth(lines: readonly ProseLine[]): number {
  // A table of contents' line is as wide as its dot leader makes it, which text prints a character a dot: wider than the
  // page's prose (a Word document's 目录 printed to PDF), and no wrapped line.
  const widths = lines.filter((l) => !hasLeader(l.text)).map((l) => l.width).filter((w) => w >= 8).sort((a, b) => a - b);
  if (widths.length === 0) return Infinity;
  return widths[Math.floor(widths.length * 0.8)];
}

/** The indentation of wrapped lines: the most common one, since most lines of prose continue a paragraph. */
function marginOf(lines: readonly ProseLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(l.indent, (counts.get(l.indent) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** Whether paragraphs are marked by indentation: some but not all lines stand in from the margin. */
function usesIndentation(lines: readonly ProseLine[], margin: number): boolean {
  if (lines.length === 0) return false;
  const indented = lines.filter((l) => l.indent >= margin + 2).length / lines.length;
  return indented > 0.1 && indented < 0.9;
}

/**
 * How far a paragraph's first line stands in from the margin: the most common inset of a line that follows a sentence's
 * end and runs on, unfinished, into a line at the margin (a title ends where its words do, and is followed by a
 * heading or a paragraph of its own). It is two characters as typeset, and as many columns as the extraction's
 * character grid makes of them.
 */
function paragraphInset(lines: readonly ProseLine[], margin: number): number {
  const counts = new Map<number, number>();
  const wraps = (i: number) =>
    i + 1 < lines.length && !SENTENCE_END.test(lines[i].text) && lines[i + 1].indent === margin && lineMarker(lines[i + 1].text) === null;
  for (let i = 1; i < lines.length; i++) {
    const inset = lines[i].indent - margin;
    if (inset > 0 && SENTENCE_END.test(lines[i - 1].text) && wraps(i)) counts.set(inset, (counts.get(inset) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

interface Layout {
  full: number;
  margin: number;
  indents: boolean;
  /** A paragraph's first-line inset (paragraphInset). */
  inset: number;
}

/**
 * A centred title stands in further than a paragraph's first line, by more than twice its inset: at a finer character
 * pitch the page's margin and a paragraph's indent print many columns wide, and a wrapped sentence's first line
 * (`佛山市轨道交通局        2019 年度“三公”经费…`) or a table's header line stands as far in as a title did.
 */
function isCentred(line: ProseLine, layout: Layout): boolean {
  // Centred counts from the prose's margin: at a finer character pitch than the PDF's the page's margin and a
  // paragraph's first-line indentation both print deeper (深圳 水务局 2026, `pdftotext -layout -fixed 4` L1780: a
  // paragraph opening at 30 over a margin of 22).
  const inset = line.indent - layout.margin;
  return isCentredTitle(line.text, inset) && inset > 2 * layout.inset;
}

function isFull(line: ProseLine, layout: Layout): boolean {
  return line.width >= layout.full;
}

function startsParagraph(line: ProseLine, previous: ProseLine | null, layout: Layout): boolean {
  if (previous === null) return true;
  // A unit, a closing bracket or punctuation cannot open a paragraph: the line was split inside a sentence.
  if (/^[万元、，。；：）)%％]/.test(line.text)) return false;
  // A sentence does not run on across a grid: lines of two prose blocks have one between them.
  if (SENTENCE_END.test(previous.text) || previous.block !== line.block) return true;
  // A row of cells is not wrapped prose: the next row is not its continuation (…3.改造 ☐ / 计划投资额 56.38 万元).
  if (previous.cells || line.cells) return true;
  if (lineMarker(line.text) !== null) return true;
  if (layout.indents ? line.indent >= layout.margin + 2 : line.indent >= 2 && line.indent > previous.indent + 1) return true;
  // A line that stops well short of the page width was not wrapped: its paragraph ends there. Some extractions
  // wrap at varying widths, so a line of middling width ends its paragraph only where a labelled one follows.
  if (isFull(previous, layout) || OPEN_END.test(previous.text)) return false;
  return previous.width < layout.full / 1.5 || /^[\u4e00-\u9fa5]{2,8}[：:]/.test(line.text);
}

interface Heading {
  level: OutlineLevel;
  lines: ProseLine[];
}

/**
 * Reads a heading at `i`: a marked line that is not a sentence, possibly wrapped onto one short following line
 * (`一、关于…办公室` / `2021年收支预算情况的总体说明`), a lone marker with its title on the next line, or a centred
 * title. A marked line that wraps into a long continuation is the start of a numbered paragraph instead.
 */
function readHeading(lines: readonly ProseLine[], i: number, layout: Layout, listKind: MarkerKind | null): Heading | null {
  const line = lines[i];
  const next = lines[i + 1] as ProseLine | undefined;
  const marker = lineMarker(line.text);
  const previous = lines[i - 1] as ProseLine | undefined;
  if (marker && (marker.kind === listKind || (previous && /[：:]$/.test(previous.text)))) return null;
  if (marker && line.text.replace(/\s/g, '').length <= marker.length + 1 && next && lineMarker(next.text) === null) {
    return { level: marker.level, lines: [line, next] };
  }
  const level = headingLevel(line.text);
  if (level !== null) {
    // A part title whose last words the layout centred on a line of their own (`第三部分 …部门决算` / `情况说明`).
    if (marker?.kind === 'part' && next && next.text.length <= 8 && isCentred(next, layout)) {
      return { level, lines: [line, next] };
    }
    const continues = next && isFull(line, layout) && !startsParagraph(next, line, layout);
    if (!continues) return { level, lines: [line] };
    if (!/[，。；、,;]/.test(next.text) && headingLevel(line.text + next.text) !== null) return { level, lines: [line, next] };
    // A sentence runs on: the marked line opens a numbered paragraph (a term and its definition, a wrapped item
    // whose next line hangs back) rather than titling what follows.
    if (/[：:，、,]/.test(afterMarker(line.text) ?? '') || (layout.indents && next.indent < line.indent)) return null;
    return { level, lines: [line] };
  }
  // An amount alone on its line (`六、年度预算安排` / `120万元`) closes its item as a sentence would: the centred title of
  // the next 项目经费情况说明 follows it where the target reader took the first one's 绩效目标.
  const afterSentence = !previous || /[。！？!?]$/.test(previous.text) || headingLevel(previous.text) !== null || isLoneStatedAmount(previous.text);
  if (afterSentence && !/\d\.\d/.test(foldFigures(line.text)) && isCentred(line, layout)) return { level: 1, lines: [line] };
  // Text without indentation (plain pdftotext) cannot centre a title: it is told by what follows instead, the first
  // chapter or item of what it titles (人民调解项目经费情况说明 / 一、项目概述; 名词解释 / （一）财政拨款收入：…).
  const nextKind = next === undefined ? undefined : lineMarker(next.text)?.kind;
  const opensChapters = (nextKind === 'cn' || nextKind === 'paren') && /^[（(]?\s*一/.test(next?.text.trim() ?? '');
  if (afterSentence && !layout.indents && opensChapters && !/\d\.\d/.test(foldFigures(line.text)) && isTitlePhrase(line.text)) return { level: 1, lines: [line] };
  return null;
}

/** A table of contents prints the page after each title (`一、基本情况 1`); the title is the heading, the page is kept. */
function splitPageReference(heading: string): { heading: string; pageReference?: number } {
  const m = /(\S)\s+(\d{1,3})$/.exec(foldFigures(heading));
  return m ? { heading: heading.slice(0, m.index + 1), pageReference: Number(m[2]) } : { heading };
}

/** The id of a document's 目录 (contents.ts), which stands outside the outline's numbering; a second one (of a joined volume) is `contents-2`. */
const CONTENTS_ID = /^contents(?:-\d+)?$/;

export const isContents = (s: Section) => CONTENTS_ID.test(s.id);

function contentsId(sections: readonly ProseSection[]): string {
  const n = sections.filter((s) => isContents(s.section)).length;
  return n === 0 ? 'contents' : `contents-${n + 1}`;
}

/** Outline position of each heading, so that ids follow the document's structure (`s3-7`, `s3-10-2`). */
class OutlineIds {
  private counters = [0, 0, 0, 0, 0];

  next(level: OutlineLevel): string {
    this.counters[level]++;
    for (let l = level + 1; l < this.counters.length; l++) this.counters[l] = 0;
    return `s${this.counters.slice(1, level + 1).join('-')}`;
  }
}

/**
 * Builds the document's sections from its prose blocks (layout/prose-blocks.ts): each heading opens a section, and
 * the lines under it are rejoined into paragraphs (PDF extraction breaks lines mid-sentence and mid-number).
 */
export function buildProseSections(blocks: readonly ProseBlock[]): ProseSection[] {
  const prose = toProseLines(blocks);
  const margin = marginOf(prose);
  const layout: Layout = { full: wrapWidth(prose) * 0.75, margin, indents: usesIndentation(prose, margin), inset: paragraphInset(prose, margin) };
  const ids = new OutlineIds();
  const sections: ProseSection[] = [];
  let current: ProseSection | null = null;
  let paragraph: ProseLine[] = [];
  let listKind: MarkerKind | null = null;

  const flush = () => {
    if (current && paragraph.length > 0) {
      const p = proseOf(paragraph);
      current.paragraphs.push(p);
      current.section.paragraphs.push(p.text);
      current.section.lines.last = p.lines.last;
    }
    paragraph = [];
  };
  const open = (heading: ProseText | null, level: OutlineLevel, first: number): ProseSection => {
    flush();
    // Text after a 目录 that no heading opens is headless too, and its id must differ from the title page's.
    const id = heading ? ids.next(level) : sections.length === 0 ? 's0' : `after-${sections[sections.length - 1].section.id}`;
    const s: ProseSection = {
      section: { id, ...(heading ? splitPageReference(heading.text) : { heading: null }), level, paragraphs: [], lines: { first, last: heading?.lines.last ?? first } },
      heading,
      paragraphs: [],
    };
    sections.push(s);
    return s;
  };

  for (let i = 0; i < prose.length; i++) {
    const line = prose[i];
    const contents = readContents(prose, i);
    if (contents) {
      flush();
      // Its entries repeat the document's headings: one section of its own, outside the outline's numbering, so that
      // the headings after it keep their ids and none is made from an entry.
      const heading = proseOf([contents.heading]);
      const paragraphs = contents.entries.map((e) => ({ ...proseOf(e.lines), text: e.text }));
      if (contents.note) paragraphs.push(proseOf([contents.note]));
      const last = paragraphs[paragraphs.length - 1].lines.last;
      sections.push({
        section: { id: contentsId(sections), heading: heading.text, level: 1, paragraphs: paragraphs.map((p) => p.text), lines: { first: line.no, last } },
        heading,
        paragraphs,
      });
      current = null;
      listKind = null;
      i = contents.last;
      continue;
    }
    const heading = readHeading(prose, i, layout, listKind);
    if (heading) {
      current = open(proseOf(heading.lines), heading.level, line.no);
      listKind = null;
      i += heading.lines.length - 1;
      continue;
    }
    const previous = paragraph[paragraph.length - 1] ?? null;
    const marker = lineMarker(line.text);
    if (startsParagraph(line, previous, layout)) {
      if (marker && previous && /[：:]$/.test(previous.text)) listKind = marker.kind;
      else if (!marker || marker.kind !== listKind) listKind = null;
      flush();
    }
    current ??= open(null, 1, line.no);
    paragraph.push(line);
  }
  flush();
  return sections;
}

export function buildSections(lines: readonly SourceLine[], taken: ReadonlySet<number>, layout: CellLayout): Section[] {
  return buildProseSections(proseBlocks(lines, taken, layout)).map((s) => s.section);
}
