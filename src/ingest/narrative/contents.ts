import { compact, foldFigures } from '../../core/width.ts';
import { lineMarker } from './headings.ts';
import type { ProseLine } from './prose.ts';
import { isNoteLine } from '../tables/shared/region-text.ts';

/** A document's 目录: its heading line, and each entry as printed without its leader, with the lines it stands on. */
export interface Contents {
  heading: ProseLine;
  entries: Array<{ text: string; lines: ProseLine[] }>;
  /** A note printed under the entries (注：以上…), which ends the 目录. */
  note: ProseLine | null;
  /** Index of the last prose line the 目录 holds. */
  last: number;
}

const CONTENTS_HEADING = /^目\s*录$/;
/** A dot leader (`………`, `....`, `····`): longer than an ellipsis (`……`, `...`). */
const LEADER = /…{3,}|[.·．…]{4,}/;
/** A leader ending a line, and the page number a table of contents may print after it. */
const LEADER_END = new RegExp(`\\s*(?:${LEADER.source})[.·．…\\s]*(\\d{1,3})?$`);
/** A page number after a title without a leader, parted from it by a space or tab (`一、基本情况\t1`). */
const PAGE = /(\S)\s+(\d{1,3})$/;
const SENTENCE = /[。；;，,：:]/;
/** A title wrapped before its leader has more than the leader on its next line; a table of contents' title is short. */
const MAX_TITLE = 60;

/** An entry line's title and the page it prints (if any, read in ASCII digits), or null for a line that is no entry. */
function entryOf(text: string): { title: string; page: string | null } | null {
  // The page read width-folded (a word processor's `１２`), one character for one: the title is sliced as printed.
  const plain = foldFigures(text);
  const leader = LEADER_END.exec(plain);
  if (leader) {
    const title = text.slice(0, leader.index).trim();
    return title.length <= MAX_TITLE && !/[。；;]/.test(title) ? { title, page: leader[1] ?? null } : null;
  }
  const page = PAGE.exec(plain);
  if (page && lineMarker(text) !== null && !SENTENCE.test(text)) {
    return { title: text.slice(0, page.index + 1), page: page[2] };
  }
  return null;
}

/** Whether a line prints a dot leader: a table of contents' line, as wide as its leader makes it. */
export function hasLeader(text: string): boolean {
  return LEADER.test(text);
}

/** A line that may stand in a table of contents without a leader: a group title or the first part of a wrapped one. */
function mayBeTitle(line: ProseLine): boolean {
  return line.text.length <= MAX_TITLE && !SENTENCE.test(line.text) && !line.cells;
}

/**
 * Lines without a leader or page, each its own entry, but for a marked line that the page's width wrapped: a long
 * one, and the line under it with no marker (`二、关于…党群工` / `作部 2024 年收入预算情况说明`).
 */
function titleEntries(lines: readonly ProseLine[]): Contents['entries'] {
  const entries: Contents['entries'] = [];
  for (const line of lines) {
    const previous = entries[entries.length - 1];
    const head = previous?.lines[previous.lines.length - 1];
    if (previous && previous.lines.length === 1 && lineMarker(line.text) === null && lineMarker(head.text) !== null && head.text.length >= 20) {
      previous.text += line.text;
      previous.lines.push(line);
    } else entries.push({ text: line.text, lines: [line] });
  }
  return entries;
}

/**
 * Reads the table of contents whose heading is line `i`: entry lines (a title with a dot leader and/or a page
 * number), and the lines without one that lead to an entry (a group title, or a title wrapped before its leader,
 * joined to it), up to the first line that is neither. Titles printed without leader or page belong to it also where
 * the document's first chapter follows them, its heading printed as the first entry was (`第一部分 部门概况` again):
 * a 目录 of bare titles (西安, 广州), or one whose last titles have no page (杭州's 三、名词解释). A note under the
 * entries (注：…) is the 目录's, and it ends it, whatever the first chapter is titled. A 目录 heading with no entry
 * under it is no table of contents.
 */
export function readContents(lines: readonly ProseLine[], i: number): Contents | null {
  if (!CONTENTS_HEADING.test(lines[i].text)) return null;
  const entries: Contents['entries'] = [];
  let pending: ProseLine[] = [];
  let last = i;
  let first: string | null = null;
  let note: ProseLine | null = null;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j];
    const entry = entryOf(line.text);
    if (entry === null) {
      if (first !== null && compact(line.text) === first) {
        if (pending.length > 0) last = j - 1;
        entries.push(...titleEntries(pending));
        break;
      }
      // A note under the titles is the 目录's own, and nothing after it is (长沙's bare titles, then `注：以上部门预算
      // 报表中，空表表示…`, then a first chapter titled otherwise than the first entry).
      if (first !== null && isNoteLine(line.text)) {
        entries.push(...titleEntries(pending));
        note = line;
        last = j;
        break;
      }
      if (!mayBeTitle(line)) break;
      first ??= compact(line.text);
      pending.push(line);
      continue;
    }
    first ??= compact(entry.title);
    // A wrapped title's second part opens with no outline marker: it continues the line before.
    const wrapped = pending.length > 0 && lineMarker(line.text) === null && lineMarker(pending[pending.length - 1].text) !== null;
    const head = wrapped ? pending.pop()! : null;
    entries.push(...titleEntries(pending));
    pending = [];
    const previous = entries[entries.length - 1];
    if (head === null && entry.title === '' && previous) {
      // A leader printed on a line of its own, under its title's line (plain pdftotext of 上海 普陀 司法局).
      previous.lines.push(line);
      if (entry.page) previous.text += ` ${entry.page}`;
    } else {
      const title = head ? head.text + entry.title : entry.title;
      entries.push({ text: [title, entry.page].filter(Boolean).join(' '), lines: head ? [head, line] : [line] });
    }
    last = j;
  }
  return entries.length > 0 ? { heading: lines[i], entries, note, last } : null;
}
