/**
 * The header of a table of units or projects (project-table.ts) in text extracted in reading order (`pdftotext -raw`,
 * reading-order-table.ts): each header cell's text follows the cell before it, a label its narrow cell wraps printed a
 * piece a line (`单位编` / `码`, `一般公共` / `预算`, `指标值类` / `型`), so the header is a run of lines of labels and
 * pieces of labels, one label of the level columns' line naming a column no line before it does. Read here as one
 * line of the labels each whole, in the order printed, for the readers of a header line; the labels that name no
 * column (a label over a group of columns: 按收入性质分) are left out of it, and stay as printed.
 * Pure.
 */
import type { SourceLine } from '../source-lines.ts';
import { wordsOf } from '../layout/cells.ts';
import { isGridLabel, roleOfHeader, type ColumnRole } from './header-roles.ts';
import { isReadingOrder } from './reading-order-table.ts';
import { isIndicatorHeader } from './tabbed.ts';
import { compact } from './text.ts';

/** A header's word: no figure, no sentence, no field's colon (`单位名称：…`), no title's year. */
const HEADER_WORD = /^[^\d０-９，。；：:,;、]{1,14}$/;

/**
 * A label's piece a narrow cell wraps onto the next line is as long as the cell is wide: a few characters (指标值类,
 * 财政专户). A longer word names a group of columns or none, and takes no piece after it.
 */
const PIECE = 5;

/** How many lines a header's labels may take: a label over a group, the labels under it, their wrapped pieces. */
const HEADER_LINES = 30;

const namesColumn = (label: string) => roleOfHeader(label) != null || isGridLabel(label);

/**
 * The words as labels: a word naming a column alone, or a short word joined with the fewest words after it that make
 * a label (the shortest: `指标值类` `型` is 指标值类型, and `指标值` after it a label of its own); and the indexes of the
 * words that neither name a column nor make one.
 */
function joinPieces(words: readonly string[]): { labels: string[]; unread: number[] } {
  const labels: string[] = [];
  const unread: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (namesColumn(words[i])) {
      labels.push(words[i]);
      continue;
    }
    let joined = compact(words[i]);
    let j = i;
    while (joined.length <= 2 * PIECE && j + 1 < words.length && compact(words[j]).length <= PIECE && !namesColumn(joined)) joined += compact(words[++j]);
    if (j > i && namesColumn(joined)) {
      labels.push(joined);
      i = j;
    } else unread.push(i);
  }
  return { labels, unread };
}

/** The roles a table of units or projects names: its unit or project, its amounts, the indicator's name and value. */
const TABLE_ROLES: readonly ColumnRole[] = ['project', 'amount', 'name', 'value'];

/**
 * The header around line `at` of `lines`, the line printing two or more of the level columns' labels: its lines'
 * indexes and its labels as one line; null where the lines are not in reading order or do not make a table's header.
 * Up from the line, the header takes the lines of header words (the form's title and unit line print a year or a
 * colon); down, the lines whose words all join into labels, the last of them ending the value's.
 */
function readingOrderHeader(lines: readonly SourceLine[], at: number): { first: number; last: number; text: string } | null {
  const words = (k: number) => wordsOf(lines[k].text);
  const levels = words(at).filter((w) => ['level1', 'level2', 'name'].includes(roleOfHeader(w) ?? ''));
  // A line naming the value's column too is a header line as printed (tabbed.ts), read as it is.
  if (levels.length < 2 || isIndicatorHeader(lines[at].text)) return null;
  const headerWords = (k: number) => words(k).length > 0 && words(k).every((w) => HEADER_WORD.test(w));
  let first = at;
  while (first > 0 && at - first < HEADER_LINES && headerWords(first - 1)) first--;
  const below: string[] = [];
  let joined = at;
  for (let k = at + 1; k < lines.length && k - at < HEADER_LINES && headerWords(k); k++) {
    below.push(...words(k));
    const { unread } = joinPieces(below);
    // A piece waiting for the rest of its label on the next line.
    if (unread.length === 0) joined = k;
    else if (unread.length > 1 || unread[0] !== below.length - 1) break;
  }
  const last = joined;
  const run = lines.slice(first, last + 1);
  if (!isReadingOrder(run)) return null;
  const { labels } = joinPieces(run.flatMap((l) => wordsOf(l.text)));
  const named = labels.filter((l) => roleOfHeader(l) != null);
  const roles = new Set(named.map((l) => roleOfHeader(l)));
  if (!TABLE_ROLES.every((r) => roles.has(r))) return null;
  return { first, last, text: named.join(' ') };
}

/**
 * The lines with every such header read as one line on its first (readingOrderHeader) and its other lines left
 * blank, for the readers of the forms; the same lines where none so reads. Only lines printing a level's label are
 * asked.
 */
export function withReadingOrderHeaders(lines: readonly SourceLine[]): readonly SourceLine[] {
  let out: SourceLine[] | null = null;
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k].text.includes('级指标')) continue;
    const read = readingOrderHeader(lines, k);
    if (!read) continue;
    out ??= [...lines];
    const blank = (j: number) => ({ ...lines[j], text: '', raw: lines[j].raw.startsWith('\f') ? '\f' : '' });
    for (let j = read.first; j <= read.last; j++) out[j] = blank(j);
    out[read.first] = { ...lines[read.first], text: read.text, raw: `${lines[read.first].raw.startsWith('\f') ? '\f' : ''}${read.text}` };
    k = read.last;
  }
  return out ?? lines;
}
