/**
 * What the catalog's builder (catalog-index.ts) and the search page (catalog-search.ts) must agree on: which terms a
 * text has, which file holds a term, and how a list of records is written. A term is a character or two characters
 * that follow one another inside a run of letters and digits, width-folded and in lower case: Chinese is written
 * without spaces, so pairs find any word of two characters or more wherever it stands (住房公积金 is 住房, 房公, 公积,
 * 积金), with no dictionary to miss a department's or a project's name; a query of one character is looked up as that
 * character. A number of three digits or more is a term whole, and so are its first 3, 5 and 7 digits, the 类, 款 and
 * 项 of a classification code: pairs of digits would find 2080505 in any text holding 20, 08, 80, 05 and 50 (a 类
 * page listing 2050803 and 2080501), where a code names one classification and its parents. A term's file is chosen
 * by a hash of the term, so a query fetches the few files of its own terms, however many records the catalog holds,
 * and no list of terms is loaded first.
 */
import { foldWidth } from '../core/width.ts';
import type { CatalogRecord } from './search-catalog.ts';

const RUN = /[\p{L}\p{N}]+/gu;

/** The runs of letters and digits a text or a query is made of, width-folded and in lower case. */
export function runsOf(text: string): string[] {
  return foldWidth(text).toLowerCase().match(RUN) ?? [];
}

/** A number a term whole: three digits or more (a run is width-folded, so its digits are ASCII). */
const NUMBER = /\d{3,}/g;

/** The first digits of a code that name its 类 and 款 (and of a longer number, its 项). */
const CODE_LEVELS = [3, 5, 7];

/** Every term of a text: its characters, its pairs of neighbouring characters, and its numbers with their code levels. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const run of runsOf(text)) {
    const chars = [...run];
    for (const [i, c] of chars.entries()) {
      terms.add(c);
      if (i > 0) terms.add(chars[i - 1] + c);
    }
    for (const [number] of run.matchAll(NUMBER)) {
      terms.add(number);
      for (const level of CODE_LEVELS) if (level < number.length) terms.add(number.slice(0, level));
    }
  }
  return terms;
}

/**
 * The terms a record must hold to match a query: each run's pairs, or the run itself when it is one character; a
 * number in it whole instead of its pairs, so that a code matches itself, its 项 and 款 (and longer numbers it begins).
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const run of runsOf(query)) {
    const chars = [...run];
    if (chars.length === 1) terms.add(chars[0]);
    const isDigit = chars.map((c) => c >= '0' && c <= '9');
    for (let i = 1; i < chars.length; i++) {
      // The pair's two digits are inside a number the query holds whole.
      if (isDigit[i - 1] && isDigit[i] && numberLength(isDigit, i) >= 3) continue;
      terms.add(chars[i - 1] + chars[i]);
    }
    for (const [number] of run.matchAll(NUMBER)) terms.add(number);
  }
  return [...terms];
}

/** The length of the run of digits that holds position i. */
function numberLength(isDigit: readonly boolean[], i: number): number {
  let from = i;
  let to = i;
  while (from > 0 && isDigit[from - 1]) from--;
  while (to + 1 < isDigit.length && isDigit[to + 1]) to++;
  return to - from + 1;
}

/** FNV-1a over the UTF-16 code units: the same number in Node and in the browser, with no library. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** What the search page reads first (CATALOG_MANIFEST): how the catalog's files are named and how many there are. */
export interface CatalogManifest {
  /** A hash of every file, in their names: the files never change under a name, and a host may cache them for good. */
  build: string;
  /** How many term files (a power of two): a term is in file hashOf(term) % buckets. */
  buckets: number;
  records: number;
  /** Records a fragment file holds (CATALOG_FRAGMENT_GROUP): record id / group. */
  group: number;
}

export const CATALOG_MANIFEST = 'catalog.json';

export const termFile = (m: CatalogManifest, term: string) => `terms/${hashOf(term) % m.buckets}.${m.build}.json.gz`;
export const fragmentFile = (m: CatalogManifest, id: number) => `fragments/${Math.floor(id / m.group)}.${m.build}.json.gz`;
/**
 * The term of a filter's value, whose records are those the filter keeps: in the term files like a word's, so that a
 * filter costs no file of its own. It starts with a character no run of text has.
 */
export const filterTerm = (name: string, value: string) => `\u0000${name}\u0000${value}`;

/**
 * A sorted list of record ids as runs: the gap before each run and its length, one after the other. Records are
 * numbered so that the documents of one year follow one another (catalog-index.ts), and a common term is in most of
 * them: its list is a few runs rather than thousands of ids.
 */
export function toRuns(ids: readonly number[]): number[] {
  const runs: number[] = [];
  let end = 0;
  for (let i = 0; i < ids.length; ) {
    let j = i + 1;
    while (j < ids.length && ids[j] === ids[j - 1] + 1) j++;
    runs.push(ids[i] - end, j - i);
    end = ids[j - 1] + 1;
    i = j;
  }
  return runs;
}

export function fromRuns(runs: readonly number[]): number[] {
  const ids: number[] = [];
  let next = 0;
  for (let k = 0; k + 1 < runs.length; k += 2) {
    next += runs[k];
    for (let n = 0; n < runs[k + 1]; n++) ids.push(next++);
  }
  return ids;
}

/**
 * A term file: each term's records ([0]) and, when there are any, those whose title holds it ([1]), as runs; a
 * filter's value (filterTerm) has its records only.
 */
export type TermFile = Record<string, [number[], number[]?]>;

/** A fragment file: what a result shows of each of its records, in id order. */
export type FragmentFile = Array<Omit<CatalogRecord, 'filters'>>;
