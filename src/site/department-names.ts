/**
 * The compare view's picker finds departments by their name, or any part of it, through a split index, so that no
 * file it fetches grows with the number of departments (issue 15: one list of every name was ~190 KiB gzip at
 * 10,000 departments).
 *
 * Why not Pagefind: its metadata file lists every indexed page (a few bytes each), a filter for department pages
 * lists every page too, and it matches whole words, so 兴局 would not find 乡村振兴局.
 *
 * The keys: a name's full text (without its scope, so 乡村振兴局 finds 乡村振兴局（部门）), and every part of two and
 * of three characters of it. A name contains the typed text only if it holds each of the text's parts, so the list
 * of any one part, if complete, has every match. A department's name is region + institution (巨鹿县 + 扶贫开发办公室):
 * a part inside either is shared by many names, a part across the two (鹿县扶) by few, which is why parts of three
 * characters are keys too; a text of two characters has only its pair.
 *
 * Bounds: a part keeps the NAMES_PER_KEY shortest names that hold it (the full-name key is kept whole: a name is
 * shared by its department and its unit at most), the others are only counted; a text all of whose parts are that
 * common finds the shortest names that hold it and says there are more. Keys are spread over files by a hash, as
 * many files as FILE_CHARS of lists make: the number of files grows with the index's size and is given to the page.
 * By size, not by keys, because a small corpus has many keys of one or two names each: 16 keys a file made 67 files
 * of ~2.9 KB for 100 departments (0.67 a department, where a static host limits files), against 0.09 a department at
 * 10,000, whose keys hold up to NAMES_PER_KEY names. A lookup fetches the full-name key's file and a few rounds of
 * parts' files, each of a few KiB, whatever the corpus size.
 * Text is compared folded (width, spaces, case), so （部门） and (部门) are the same.
 */
import { foldWidth } from '../core/width.ts';
import { zhCompare } from './zh-compare.ts';

export const NAMES_PER_KEY = 24;
/** Characters of JSON a file holds on average: ~12 KB, ~2 KB gzip. */
export const FILE_CHARS = 8_000;
/** Suggestions shown under the box while typing. */
export const SHOWN_NAMES = 8;

export interface NamedDepartment {
  slug: string;
  /** As the picker shows it: the name and its scope, 喀什地区乡村振兴局（部门）. */
  name: string;
}

/** One key's entry: how many names hold it, and the shortest of them as [slug, name]. */
export interface KeyList {
  total: number;
  names: Array<[string, string]>;
}

/** One file of the index: key → its list. */
export type NameFile = Record<string, KeyList>;

export function foldName(text: string): string {
  return foldWidth(text).replace(/\s+/g, '').toLowerCase();
}

/** The full-name key: the folded name without a trailing scope such as (部门). */
function nameKey(folded: string): string {
  return `=${folded.replace(/\([^()]*\)$/, '')}`;
}

/** The distinct parts of `size` characters of folded text, in order (characters, not UTF-16 units). */
function parts(folded: string, size: number): string[] {
  const chars = Array.from(folded);
  const found = new Set<string>();
  for (let i = 0; i + size <= chars.length; i++) found.add(chars.slice(i, i + size).join(''));
  return [...found];
}

/** FNV-1a over the UTF-16 units: the same number in the build and in the browser. */
export function fileOfKey(key: string, files: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % files;
}

function byLength(a: NamedDepartment, b: NamedDepartment): number {
  return foldName(a.name).length - foldName(b.name).length || zhCompare(a.name, b.name) || a.slug.localeCompare(b.slug);
}

/** The index's files, numbered from 0; at least one, empty ones included, so that every number the browser asks for exists. */
export function nameIndex(departments: readonly NamedDepartment[]): NameFile[] {
  const holders = new Map<string, NamedDepartment[]>();
  for (const department of [...departments].sort(byLength)) {
    const folded = foldName(department.name);
    for (const key of [nameKey(folded), ...parts(folded, 2), ...parts(folded, 3)]) {
      const list = holders.get(key);
      if (list) list.push(department);
      else holders.set(key, [department]);
    }
  }
  const lists = [...holders].map(([key, list]): [string, KeyList] => {
    const kept = key.startsWith('=') ? list : list.slice(0, NAMES_PER_KEY);
    return [key, { total: list.length, names: kept.map((d) => [d.slug, d.name]) }];
  });
  const size = lists.reduce((n, [key, list]) => n + JSON.stringify({ [key]: list }).length, 0);
  const files: NameFile[] = Array.from({ length: Math.max(1, Math.ceil(size / FILE_CHARS)) }, () => ({}));
  for (const [key, list] of lists) files[fileOfKey(key, files.length)][key] = list;
  return files;
}

/** The fewest characters a lookup is made for: a part of two characters is the shortest key. */
export function isSearchable(folded: string): boolean {
  return Array.from(folded).length >= 2;
}

/** The text a reader typed, without a trailing year (司法局 2025, 司法局2025年), and that year. */
export function parseTyped(text: string): { name: string; year: string | null } {
  const trimmed = text.trim();
  const year = /(\d{4})\s*年?\s*$/.exec(trimmed);
  return { name: trimmed.replace(/\s*\d{4}\s*年?\s*$/, ''), year: year ? year[1] : null };
}

/**
 * The parts of the typed text in the order they are asked for, a round at a time until one has a complete list:
 * parts of three characters first (rarer), spread over the text, since neighbouring parts tend to be alike common.
 */
function lookupRounds(folded: string, perRound = 4): string[][] {
  const keys = parts(folded, 3).length > 0 ? parts(folded, 3) : parts(folded, 2);
  const order: string[] = [];
  const step = Math.max(1, Math.floor(keys.length / perRound));
  for (let start = 0; start < step; start++) for (let i = start; i < keys.length; i += step) order.push(keys[i]);
  const rounds: string[][] = [];
  for (let i = 0; i < order.length; i += perRound) rounds.push(order.slice(i, i + perRound));
  return rounds;
}

export interface NameMatches {
  /** The names that contain the typed text, the same name first, then the shortest. */
  matches: NamedDepartment[];
  /** False when every part asked for was in too many names: other, longer names may match too. */
  complete: boolean;
}

type Listed = KeyList | undefined;

const isComplete = (l: Listed) => l === undefined || l.total <= l.names.length;

async function askRounds(folded: string, listOf: (key: string) => Promise<Listed>): Promise<Listed[]> {
  const asked: Listed[] = [];
  for (const round of lookupRounds(folded)) {
    const lists = await Promise.all(round.map(listOf));
    asked.push(...lists);
    if (lists.some(isComplete)) break;
  }
  return asked;
}

/**
 * The names holding the folded text (at least two characters), reading keys' lists through `listOf` (undefined: no
 * name holds the key). Exactly the typed name comes first, with its scope or without (新疆…办公室 is 新疆…办公室（部门）).
 */
export async function findNames(folded: string, listOf: (key: string) => Promise<Listed>): Promise<NameMatches> {
  // Both at once, and both awaited together, so that a failed fetch is one rejection and none goes unhandled.
  const [exact, asked] = await Promise.all([listOf(nameKey(folded)), askRounds(folded, listOf)]);
  const complete = asked.some(isComplete);
  const found = new Map<string, NamedDepartment>();
  for (const list of [exact, ...(complete ? asked.filter(isComplete).slice(0, 1) : asked)]) {
    for (const [slug, name] of list?.names ?? []) {
      if (foldName(name).includes(folded)) found.set(slug, { slug, name });
    }
  }
  const rank = (d: NamedDepartment) => {
    const name = foldName(d.name);
    return name === folded ? 0 : nameKey(name) === nameKey(folded) ? 1 : 2;
  };
  return { matches: [...found.values()].sort((a, b) => rank(a) - rank(b) || byLength(a, b)), complete };
}
