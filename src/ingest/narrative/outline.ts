import type { ProseText } from './prose.ts';
import type { ProseSection } from './sections.ts';

/** A section together with the sections nested under it (until the next heading of the same or a higher level). */
export function withDescendants(all: readonly ProseSection[], index: number): ProseSection[] {
  const level = all[index].section.level;
  const out = [all[index]];
  for (let i = index + 1; i < all.length && all[i].section.level > level; i++) out.push(all[i]);
  return out;
}

/** Every section whose heading matches, with its nested sections; a table of contents yields empty ones. */
export function scopesByHeading(all: readonly ProseSection[], heading: RegExp): ProseSection[][] {
  const scopes: ProseSection[][] = [];
  all.forEach((s, i) => {
    if (s.section.heading !== null && heading.test(s.section.heading)) scopes.push(withDescendants(all, i));
  });
  return scopes;
}

export function paragraphsIn(scope: readonly ProseSection[]): ProseText[] {
  return scope.flatMap((s) => s.paragraphs);
}

/** Headings that name a table (…情况表, …预算表) title the table, not prose about the topic. */
const TABLE_TITLE = /表\s*$/;

/**
 * The prose about one topic: the sections titled for it, or where the document has no such heading, the runs of
 * paragraphs that start with a mention of the topic and continue until another topic is mentioned.
 */
export function topicParagraphs(
  all: readonly ProseSection[],
  topic: { heading: RegExp; mention: RegExp; others: RegExp },
  excluded: ReadonlySet<ProseText>,
): ProseText[] {
  const titled = scopesByHeading(all, topic.heading)
    .filter((scope) => !TABLE_TITLE.test(scope[0].section.heading ?? ''))
    .flatMap(paragraphsIn)
    .filter((p) => !excluded.has(p));
  if (titled.length > 0) return [...new Set(titled)];
  const out: ProseText[] = [];
  for (const s of all) {
    let inRun = false;
    for (const p of s.paragraphs) {
      if (excluded.has(p)) {
        inRun = false;
        continue;
      }
      if (topic.mention.test(p.text)) inRun = true;
      else if (topic.others.test(p.text)) inRun = false;
      if (inRun) out.push(p);
    }
  }
  return out;
}
