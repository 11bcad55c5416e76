import type { GlossaryEntry } from '../../schema/narrative.ts';
import { lineMarker } from './headings.ts';
import { afterMarker } from '../../core/outline.ts';
import { scopesByHeading } from './outline.ts';
import type { ProseText } from './prose.ts';
import type { ProseSection } from './sections.ts';

const GLOSSARY_HEADING = /名词解释|名词说明|术语解释/;
/** `财政拨款：指…`: a term (no sentence punctuation) and its definition after the colon. */
const TERM_AND_DEFINITION = /^([^：:，。；,;]{1,30}?)\s*[：:]\s*(.*)$/s;

/** Reads `一、财政拨款：指…` and similar; unnumbered entries count only where their definition reads like one. */
function readEntry(p: ProseText): GlossaryEntry | null {
  const numbered = afterMarker(p.text);
  const marked = numbered !== null;
  const m = TERM_AND_DEFINITION.exec(numbered ?? p.text.trim());
  if (!m) return null;
  if (!marked && !/^(?:指|是|包括|即|反映)/.test(m[2])) return null;
  return { term: m[1].trim(), definition: m[2].trim(), lines: { ...p.lines } };
}

/**
 * Every term of the document's 名词解释 with its definition, in document order. A definition that a paragraph
 * break interrupted continues into the following unnumbered paragraph until it ends a sentence.
 */
export function readGlossary(all: readonly ProseSection[]): { entries: GlossaryEntry[]; paragraphs: Set<ProseText> } {
  const entries: GlossaryEntry[] = [];
  const paragraphs = new Set<ProseText>();
  const seen = new Set<ProseSection>();
  for (const scope of scopesByHeading(all, GLOSSARY_HEADING)) {
    let open: GlossaryEntry | null = null;
    for (const s of scope) {
      if (seen.has(s)) continue;
      seen.add(s);
      const blocks = s === scope[0] || s.heading === null ? s.paragraphs : [s.heading, ...s.paragraphs];
      for (const p of blocks) {
        const entry = readEntry(p);
        if (entry) {
          entries.push(entry);
          paragraphs.add(p);
          open = /[。.]$/.test(entry.definition) ? null : entry;
        } else if (open && lineMarker(p.text) === null) {
          open.definition += p.text;
          open.lines.last = p.lines.last;
          paragraphs.add(p);
          if (/[。.]$/.test(p.text)) open = null;
        } else {
          open = null;
        }
      }
    }
  }
  return { entries, paragraphs };
}
