import type { TableColumn, TableKind } from '../../../schema/table.ts';
import type { BlockRow } from '../../layout/blocks.ts';
import { columnKeyFor, indexedIdentities, positionalKey, templateMembers } from '../columns.ts';
import { columnName } from '../column-names.ts';
import { compact } from '../../../core/width.ts';
import { fullRowSatisfies } from '../shared/amount-placement.ts';
import { COLUMN_LABELS, headerText } from './header.ts';
import type { RawRow } from './rows.ts';
import { splitTrailingNumbers, wordsIn } from './tokens.ts';
import { RANKS } from '../shared/column-ranks.ts';

/**
 * Columns of a wide table whose header, printed with single spaces, lost them: its labels wrapped over several lines
 * (`对附属单位补助支` … `出`, `一般公共` … `预算拨款`) and one space apart from their neighbours, so that the header
 * names fewer columns than its rows print amounts (issue 10, point 6). The columns are then the template columns of
 * the table's kind that the header's words name, when they are as many as the most amounts a row prints (every row,
 * or only the 合计 where blank cells are left out); their order is the template's, where the header's lines do not
 * give it; and the identities (合计 = the sum of its parts, a group = the sum of its members) must hold on the rows
 * printing every column in one order or in several; where several orders put different figures in a cell, the
 * reader leaves that cell open. Otherwise no columns are derived, and the rows' amounts stay unplaced as before.
 */

/** Past this many orders to test, the header says too little to derive columns from. */
const MAX_ORDERS = 5000;
/** Orders the reader places a table's rows in one by one, to see that they agree. */
export const MAX_ALTERNATIVES = 12;
/** A wrapped label is printed over at most this many lines, each at most this far below the one before. */
const MAX_PIECES = 4;
const MAX_GAP = 3;

/** Where a label's pieces were printed: header line and word index on it. */
type Place = readonly [line: number, word: number];

/** A column key the header names: the label first read for it, and where each reading of it was printed. */
interface Named {
  label: string;
  places: Place[];
  /** Where each reading begins: the label, or the first piece of a wrapped one. */
  starts: Place[];
}

function normalize(word: string): string {
  return compact(word).replace(/\(/g, '（').replace(/\)/g, '）').replace(/[、，,：:]/g, '');
}

/**
 * The column keys a header's words name, with where each was printed: a label inside one word (`本年支出合计`), or
 * a label wrapped over words on later lines (`对附属单` + `位补助支` + `出`). Only a 合计 or 总计 names the total:
 * a 小计 is a group's.
 */
function keysInHeader(header: readonly BlockRow[]): Map<string, Named> {
  const lines = header.map((r) => wordsIn(r).map(normalize));
  const found = new Map<string, Named>();
  const add = (label: string, places: readonly Place[]) => {
    const key = columnKeyFor(label);
    if (!key) return;
    const named = found.get(key);
    if (named) named.places.push(...places);
    else found.set(key, { label, places: [...places], starts: [] });
    const [line, word] = places[0];
    const starts = found.get(key)!.starts;
    if (!starts.some(([l, w]) => l === line && w === word)) starts.push(places[0]);
  };
  const extend = (text: string, places: Place[]) => {
    const [line] = places[places.length - 1];
    for (let next = line + 1; next <= line + MAX_GAP && next < lines.length; next++) {
      lines[next].forEach((word, w) => {
        const joined = text + word;
        const at: Place[] = [...places, [next, w]];
        if (COLUMN_LABELS.includes(joined)) add(joined, at);
        else if (at.length < MAX_PIECES && COLUMN_LABELS.some((l) => l.startsWith(joined))) extend(joined, at);
      });
    }
  };
  lines.forEach((words, line) => {
    words.forEach((word, w) => {
      for (let i = 0; i < word.length; ) {
        const label = COLUMN_LABELS.filter((l) => word.startsWith(l, i)).sort((a, b) => b.length - a.length)[0];
        if (label) add(label, [[line, w]]);
        i += label ? label.length : 1;
      }
      if (!COLUMN_LABELS.includes(word) && COLUMN_LABELS.some((l) => l.startsWith(word) && l !== word)) extend(word, [[line, w]]);
    });
  });
  for (const [[l1, w1], [l2, w2]] of halvesInRuns(lines)) add(lines[l1][w1] + lines[l2][w2], [[l1, w1], [l2, w2]]);
  return found;
}

/**
 * Labels wrapped in the cells of one header row, printed one cell a line (plain `pdftotext`): the first lines of every
 * cell, then the second lines (深圳 2026 表9, plain pdftotext L31047-L31117: `一般公共预` / `政府性基金` / `国有资本经`
 * six times, then `算` / `预算` / `营预算` six times, the -layout text's two header lines L7230-L7231). The first lines
 * may share a line, reading order joining cells that stand side by side (烟台 2026 公开表10, plain pdftotext
 * L2532-L2537: `财政专户管` / `一般公共预 政府性基金 国有资本经` / `理资金` / `算` / `预算` / `营预算`, the -layout text's
 * L842-L843). Lines whose every word starts a label, two such words at least, then as many one-word lines, each joined
 * with the word as far down among the first a label: the pairs, first half and second, each where it was printed.
 * Too far apart for a piece's next lines (extend).
 */
export function halvesInRuns(lines: readonly (readonly string[])[]): [Place, Place][] {
  const one = (i: number) => lines[i]?.length === 1;
  const opens = (i: number) => (lines[i]?.length ?? 0) > 0 && lines[i].every((w) => COLUMN_LABELS.some((l) => l.startsWith(w) && l !== w));
  const pairs: [Place, Place][] = [];
  for (let i = 0; i < lines.length; ) {
    let run = 0;
    while (opens(i + run)) run++;
    // The first halves of `m` lines, in printed order, and as many one-word lines after them.
    const firsts = (m: number): Place[] => Array.from({ length: m }, (_, j) => lines[i + j].map((_, w): Place => [i + j, w])).flat();
    const halves = (m: number) => {
      const f = firsts(m);
      return f.length >= 2 && f.every(([l, w], j) => one(i + m + j) && COLUMN_LABELS.includes(lines[l][w] + lines[i + m + j][0]));
    };
    let m = run;
    while (m >= 1 && !halves(m)) m--;
    if (m < 1) {
      i += Math.max(1, run);
      continue;
    }
    const f = firsts(m);
    f.forEach((place, j) => pairs.push([place, [i + m + j, 0]]));
    i += m + f.length;
  }
  return pairs;
}

/**
 * Whether a row prints pieces of the header's column labels only, no amount: each word a label, or the first or the
 * last piece of one wrapped (`财政专户管理`, `算拨款`, `、结转`). Reading order prints a header's cells where it
 * pleases: plain `pdftotext` sets the labels of a header's right-hand columns after the page's rows (深圳 2026 收入总表,
 * plain pdftotext L2643-L2665: `收入` / `、结转` / `其他收入` / `拨款` … `上年结余` / `单位资金` / `财政专户管理` after the
 * page's last row, the -layout text's header L2705-L2710).
 */
export function printsLabelsOnly(row: BlockRow): boolean {
  const words = wordsIn(row).map(normalize);
  const piece = (w: string) => COLUMN_LABELS.some((l) => l.startsWith(w) || l.endsWith(w));
  return words.length > 0 && splitTrailingNumbers(wordsIn(row)).numbers.length === 0 && words.every((w) => w !== '' && piece(w));
}

/** The pairs `a>b` of keys the header prints on one line with a left of b; null when its lines contradict each other. */
function printedOrder(keys: readonly string[], named: ReadonlyMap<string, Named>): Set<string> | null {
  const before = new Set<string>();
  for (const a of keys) {
    for (const b of keys) {
      if (a === b) continue;
      const at = (key: string, line: number) => named.get(key)!.places.filter(([l]) => l === line).map(([, w]) => w);
      for (const [line] of named.get(a)!.places) {
        const inA = at(a, line);
        const inB = at(b, line);
        if (inB.length > 0 && Math.max(...inA) < Math.min(...inB)) before.add(`${a}>${b}`);
      }
    }
  }
  for (const pair of before) {
    const [a, b] = pair.split('>');
    if (before.has(`${b}>${a}`)) return null;
  }
  return before;
}

/** Every order of `keys` the template's ranks, the header's lines and the groups (before their members) allow. */
function ordersOf(keys: readonly string[], ranks: Readonly<Record<string, number>>, before: ReadonlySet<string>, limit: number): string[][] | null {
  const mustPrecede = (a: string, b: string) =>
    ranks[a] < ranks[b] || before.has(`${a}>${b}`) || (templateMembers(columnName(a))?.includes(b) ?? false);
  const out: string[][] = [];
  // The first order found is the one shown: within a rank, the template's order where the header's lines allow it.
  const position = Object.keys(ranks);
  const sorted = [...keys].sort((a, b) => ranks[a] - ranks[b] || position.indexOf(a) - position.indexOf(b));
  const walk = (order: string[], rest: string[]): boolean => {
    if (rest.length === 0) {
      out.push(order);
      return out.length <= limit;
    }
    for (const key of rest) {
      if (rest.some((other) => other !== key && mustPrecede(other, key))) continue;
      if (!walk([...order, key], rest.filter((k) => k !== key))) return false;
    }
    return true;
  };
  return walk([], sorted) ? out : null;
}

/** The groups among the keys named whose members are named too: printed over them, a column (小计) or a heading only. */
function groupsOver(named: readonly string[]): string[] {
  return named.filter((key) => templateMembers(columnName(key))?.some((m) => named.includes(m)));
}

/** The sets of `k` keys among those named: a group printed over its members may be a column (小计) or a heading only. */
function keySets(named: readonly string[], k: number): string[][] {
  const optional = groupsOver(named);
  const required = named.filter((key) => !optional.includes(key));
  const out: string[][] = [];
  const choose = (from: number, chosen: string[]) => {
    if (required.length + chosen.length === k) out.push([...required, ...chosen]);
    else for (let i = from; i < optional.length; i++) choose(i + 1, [...chosen, optional[i]]);
  };
  if (required.length <= k) choose(0, []);
  return out;
}

/**
 * How many columns outside the template a header prints after the template's, as a band of its own total and its
 * parts (深圳 支出总表: 政府采购项目 小计 / 其中：…中小企业 / 其中：…小型、微型企业): a 小计 and one column per 其中.
 * Only where the template columns the header names are fewer than the amounts of the widest row, none of them is a
 * group whose members the header also names (whose 小计 that would be), and the band leaves at least a total and
 * one other template column. The identities say nothing of these columns: they are placed only in rows printing
 * every column, in the order printed. 0 where there is no such band.
 */
function memoBandWidth(header: readonly BlockRow[], named: readonly string[], k: number): number {
  const band = printedBand(header, named);
  return named.length < k && band === k - named.length ? band : 0;
}

/** The columns of the band a header prints outside the template (memoBandWidth), whatever the rows print: 0 for none. */
function printedBand(header: readonly BlockRow[], named: readonly string[]): number {
  const text = headerText(header);
  const subtotals = text.split('小计').length - 1;
  const parts = text.split('其中').length - 1;
  if (subtotals !== 1 || parts === 0 || groupsOver(named).length > 0 || named.length < 2) return 0;
  return 1 + parts;
}

/**
 * A breakdown printed under every item of the table (深圳 财政拨款“三公”经费支出表: 一般公共预算 / 政府性基金预算 /
 * 国有资本经营预算 under each of 总计, 因公出国(境)费 …): the header names the same keys, none of them a column of the
 * kind's template, in the same order over and over (read line by line, as the -layout text prints them on one line
 * and `pdftotext -raw` one a line), as many times as the widest row's amounts hold them. The keys in printed order
 * and how many times they are printed, or null.
 */
function repeatedBreakdown(inHeader: ReadonlyMap<string, Named>, ranks: Readonly<Record<string, number>>): { keys: string[]; times: number } | null {
  const starts = [...inHeader]
    .filter(([key]) => !(key in ranks))
    .flatMap(([key, named]) => named.starts.map(([line, word]) => ({ key, line, word })))
    .sort((a, b) => a.line - b.line || a.word - b.word);
  const printed = starts.map((s) => s.key);
  const keys = [...new Set(printed)];
  const times = printed.length / keys.length;
  const repeats = printed.every((key, i) => key === keys[i % keys.length]);
  return keys.length >= 2 && times >= 2 && repeats ? { keys, times } : null;
}

/**
 * The columns of a table whose rows print more amounts than its header gave columns (or than a template the header
 * contradicts), or null when the header's words, the template and the identities do not settle them. `columns`:
 * what the header gave. Several orders of the columns when the header leaves their order open: the reader places
 * each amount only where every order places it alike (index.ts).
 */
export function derivedColumns(kind: TableKind, header: readonly BlockRow[], columns: readonly TableColumn[], rows: readonly RawRow[]): TableColumn[][] | null {
  const ranks = RANKS[kind];
  const printed = rows.filter((r) => r.side !== 'income' && r.numbers.length > 0);
  const k = Math.max(0, ...printed.map((r) => r.numbers.length));
  if (!ranks) return null;
  const inHeader = keysInHeader(header);
  const named = [...inHeader.keys()].filter((key) => key in ranks);
  // Fewer amounts than columns leave the columns standing, unless they are a template's that the header contradicts:
  // it names none of some of them and as many others as the widest row prints (佛山 收入决算表, a final account's
  // sources, under the budget template's 收入总表).
  const contradicted = columns.some((c) => !inHeader.has(c.key)) && named.length === k && named.some((key) => !columns.some((c) => c.key === key));
  // Rows that print every column: the identities are tested on them.
  const full = printed.filter((r) => r.numbers.length === k && r.numbers.every((n) => n.value !== null));
  // As many amounts as columns leave the columns standing, unless a row printing every one breaks the identities in
  // the template's order: the print orders them otherwise (北京 预算09表 prints 公务接待费 before the 公务用车 group,
  // opcoll beijing-civil-affairs-2026-tables.txt L482-L489: 282.17 159.00 1.36 121.81 71.17 50.64).
  const identities = indexedIdentities(columns.map((c) => c.key));
  const broken = k === columns.length && identities.length > 0 && full.some((r) => !fullRowSatisfies(r.numbers.map((n) => n.value), identities));
  if (k <= columns.length && !contradicted && !broken) return null;
  if (full.length === 0) return null;
  // The template's 合计 leads its columns under whatever name the header prints it (“三公”经费财政拨款预算总额).
  if (broken && !named.includes('total') && columns[0]?.key === 'total') {
    inHeader.set('total', { label: columns[0].label, places: [], starts: [] });
    named.unshift('total');
  }
  if (!named.includes('total')) return null;
  const before = printedOrder(named, inHeader);
  if (!before) return null;
  const repeated = repeatedBreakdown(inHeader, ranks);
  const breakdown = repeated && repeated.keys.length * repeated.times === k ? repeated : null;
  const band = breakdown ? 0 : memoBandWidth(header, named, k);
  // The template's columns: the first `m` amounts of a row printing every column.
  const m = k - band;
  // Each item's columns: its one, or one per part of the breakdown (`reception.general`, the -layout reader's keys).
  const expand = (items: readonly string[]) => (breakdown ? items.flatMap((item) => breakdown.keys.map((part) => `${item}.${part}`)) : [...items]);
  const orders: string[][] = [];
  for (const keys of keySets(named, breakdown ? m / breakdown.keys.length : m)) {
    const some = ordersOf(keys, ranks, before, MAX_ORDERS - orders.length);
    if (!some) return null;
    orders.push(...some.map(expand));
  }
  // The orders every row satisfies that some order satisfies. A row no order satisfies is a defect of the print (or
  // a row misread), not evidence about the columns. Rows are taken one at a time, most orders failing the first.
  const withIdentities = orders.map((keys) => ({ keys, identities: indexedIdentities(keys) })).filter((o) => o.identities.length > 0);
  const holds = (o: (typeof withIdentities)[number], r: RawRow) => {
    const values = r.numbers.slice(0, m).map((n) => n.value);
    return values.length === o.keys.length && fullRowSatisfies(values, o.identities);
  };
  let kept = withIdentities;
  let confirmed = false;
  for (const r of full) {
    const left = kept.filter((o) => holds(o, r));
    if (left.length === 0) {
      // Satisfied only by orders an earlier row ruled out: the rows contradict each other.
      if (withIdentities.some((o) => holds(o, r))) return null;
      continue;
    }
    kept = left;
    // The identities confirm the columns only where a row holds a figure other than 0.
    confirmed ||= r.numbers.some((n) => n.value !== 0);
  }
  if (kept.length === 0 || !confirmed) return null;
  const [chosen, ...others] = kept.map((o) => o.keys);
  if (!others.every((keys) => chosen.every((key) => keys.includes(key)))) return null;
  const valuesIn = (keys: readonly string[], r: RawRow) => keys.map((_, c) => r.numbers[keys.indexOf(chosen[c])]?.value);
  // Whether the orders put the same figure in every column of every row printing all of them. Where they do not
  // (佛山 收入决算表: 附属单位上缴收入 and 其他收入, whose order the header's lines leave open, hold 0.00 and 0.01), every
  // order is handed on: the reader places each amount only where all of them place it alike.
  const same = full.every((r) => others.every((keys) => valuesIn(keys, r).every((v, c) => v === r.numbers[c].value)));
  const bandColumns = Array.from({ length: band }, (_, i) => ({ key: positionalKey(m + i + 1), label: i === 0 ? '小计' : '其中' }));
  const labelOf = (key: string) => key.split('.').map((part) => inHeader.get(part)!.label).join('');
  const columnsOf = (keys: readonly string[]) => [...keys.map((key) => ({ key, label: labelOf(key) })), ...bandColumns];
  // Orders that agree on the full rows may still place a row of fewer amounts differently: the reader places the
  // rows under each (a few at most, where a row of fewer amounts makes each placement a search).
  if (printed.length === full.length) return same ? [columnsOf(chosen)] : [chosen, ...others].map(columnsOf);
  return kept.length <= MAX_ALTERNATIVES ? [chosen, ...others].map(columnsOf) : null;
}

/**
 * The columns of a table whose kind has no template columns of its own (基本支出预算表, 项目支出预算表 by source of
 * funds: 烟台 公开表10/11) when its header names them: the keys its words name, the total among them, in the
 * template's order. Its rows print fewer amounts than it has columns (blank cells are left out), so no row shows the
 * order; the ranks must give it alone, one key a rank or the header's lines ordering the keys of one rank. A group
 * over its members (财政拨款 over 一般公共预算 …) is a column where the header prints a 小计 for every such group, a
 * heading where it prints none. Null where the header leaves any of this open, or a row prints more amounts than
 * the columns: the rows' amounts then stay unplaced as before.
 */
export function namedColumns(kind: TableKind, header: readonly BlockRow[], rows: readonly RawRow[]): TableColumn[] | null {
  const ranks = RANKS[kind];
  if (!ranks) return null;
  const inHeader = keysInHeader(header);
  const named = [...inHeader.keys()].filter((key) => key in ranks);
  if (!named.includes('total') || named.length < 2) return null;
  const groups = groupsOver(named);
  const subtotals = headerText(header).split('小计').length - 1;
  if (subtotals !== 0 && subtotals !== groups.length) return null;
  const keys = subtotals === 0 ? named.filter((key) => !groups.includes(key)) : named;
  const k = Math.max(0, ...rows.filter((r) => r.side !== 'income').map((r) => r.numbers.length));
  if (k > keys.length) return null;
  const before = printedOrder(keys, inHeader);
  const orders = before && ordersOf(keys, ranks, before, 1);
  if (!orders || orders.length !== 1) return null;
  return orders[0].map((key) => ({ key, label: inHeader.get(key)!.label }));
}

/**
 * Whether every column of the kind's template that the header names is among `columns`: the amounts a row prints
 * beyond them then stand in columns outside the template (北京 预算05表's 扣除基建项目后预算数), not in template
 * columns the reader missed, which the identities would count.
 */
export function namesNoOtherColumn(kind: TableKind, header: readonly BlockRow[], columns: readonly TableColumn[]): boolean {
  const ranks = RANKS[kind];
  if (!ranks) return false;
  return [...keysInHeader(header).keys()].filter((key) => key in ranks).every((key) => columns.some((c) => c.key === key));
}

/**
 * How many columns a header names: the columns of the kind's template, its wrapped labels' pieces joined (`国有资本经`
 * / `预算拨款` / `预算拨款` / `营预算拨款`), each group among them over named members (财政拨款 over 一般公共预算 …, 单位资金
 * over 事业收入 …) a column of its own (小计) or a heading only, and the band after them outside the template
 * (memoBandWidth: 小计 and one column per 其中). Every count the header leaves possible; none where the kind has no
 * template.
 */
export function headerWidths(kind: TableKind, header: readonly BlockRow[]): number[] {
  const ranks = RANKS[kind];
  if (!ranks) return [];
  const inHeader = keysInHeader(header);
  const named = [...inHeader.keys()].filter((key) => key in ranks);
  const template = Array.from({ length: groupsOver(named).length + 1 }, (_, g) => named.length - g);
  const band = printedBand(header, named);
  // A breakdown printed under every item gives each its parts' columns (repeatedBreakdown).
  const breakdown = repeatedBreakdown(inHeader, ranks);
  if (breakdown) return [breakdown.keys.length * breakdown.times];
  return band > 0 ? [...template, named.length + band] : template;
}
