import type { GlossaryEntry } from '../../schema/narrative.ts';
import { lineMarker } from './headings.ts';
import { afterMarker } from '../../core/outline.ts';
import { scopesByHeading } from './outline.ts';
import { joinProse, type ProseText } from './prose.ts';
import type { ProseSection } from './sections.ts';

const GLOSSARY_HEADING = /名词解释|名词说明|术语解释/;
/**
 * `财政拨款：指…`: a term and its definition after the colon. The term is told by its shape, not its length: no
 * sentence punctuation before the colon. A term may be a whole 功能分类 path (`社会保障和就业支出（类）行政事业单位养老
 * 支出（款）机关事业单位职业年金缴费支出（项）`), longer than many definitions.
 */
const TERM = '[^：:，。；,;！？!?]+';
const TERM_AND_DEFINITION = new RegExp(`^(${TERM}?)\\s*[：:]\\s*(.*)$`, 's');
const TERM_ONLY = new RegExp(`^${TERM}$`);
/** How a definition opens: an unnumbered paragraph with a colon is an entry only where it reads like one. */
const DEFINITION_OPENING = /^(?:指|是|包括|即|反映)/;

/** Reads `一、财政拨款：指…` and similar; unnumbered entries count only where their definition reads like one. */
function readEntry(p: ProseText): GlossaryEntry | null {
  const numbered = afterMarker(p.text);
  const m = TERM_AND_DEFINITION.exec(numbered ?? p.text.trim());
  if (!m) return null;
  if (numbered === null && !DEFINITION_OPENING.test(m[2])) return null;
  return { term: m[1].trim(), definition: m[2].trim(), lines: { ...p.lines } };
}

/**
 * A term whose definition the layout put in the next paragraph: a numbered item that has not reached its colon yet (a
 * long term wrapped, broken there), or a term and its colon alone (`上级补助收入：` / `指事业单位…`), which a colon ends as
 * it ends a sentence.
 */
function isOpenTerm(p: ProseText): boolean {
  const after = afterMarker(p.text);
  if (after !== null && TERM_ONLY.test(after)) return true;
  return TERM_AND_DEFINITION.exec(after ?? p.text.trim())?.[2] === '';
}

/** An open term (isOpenTerm) with the paragraphs it was rejoined from. */
interface OpenTerm {
  text: ProseText;
  paragraphs: ProseText[];
}

/**
 * Every term of the document's 名词解释 with its definition, in document order. A definition that a paragraph
 * break interrupted continues into the following unnumbered paragraph until it ends a sentence; so does a numbered
 * term broken before its colon (`17.教育支出（类）其他教育支出（款）其他教育支出` / `（项）：反映…`), which would otherwise
 * leave its last words (`（项）`) to read as a term of their own, and a term whose colon ended its paragraph.
 */
export function readGlossary(all: readonly ProseSection[]): { entries: GlossaryEntry[]; paragraphs: Set<ProseText> } {
  const entries: GlossaryEntry[] = [];
  const paragraphs = new Set<ProseText>();
  const seen = new Set<ProseSection>();
  for (const scope of scopesByHeading(all, GLOSSARY_HEADING)) {
    let open: GlossaryEntry | null = null;
    let term: OpenTerm | null = null;
    for (const s of scope) {
      if (seen.has(s)) continue;
      seen.add(s);
      const blocks = s === scope[0] || s.heading === null ? s.paragraphs : [s.heading, ...s.paragraphs];
      for (const p of blocks) {
        const unmarked = lineMarker(p.text) === null;
        const joined: OpenTerm | null = term && unmarked ? { text: joinProse(term.text, p), paragraphs: [...term.paragraphs, p] } : null;
        const entry = readEntry(joined?.text ?? p);
        term = null;
        if (entry) {
          entries.push(entry);
          for (const q of joined?.paragraphs ?? [p]) paragraphs.add(q);
          open = /[。.]$/.test(entry.definition) ? null : entry;
        } else if (joined && isOpenTerm(joined.text)) {
          term = joined;
        } else if (open && unmarked) {
          // A definition not ended goes on, even into words shaped as a term (长沙 2026 prints its term twice).
          open.definition += p.text;
          open.lines.last = p.lines.last;
          paragraphs.add(p);
          if (/[。.]$/.test(p.text)) open = null;
        } else if (isOpenTerm(p)) {
          term = { text: p, paragraphs: [p] };
          open = null;
        } else {
          open = null;
        }
      }
    }
  }
  return { entries, paragraphs };
}
