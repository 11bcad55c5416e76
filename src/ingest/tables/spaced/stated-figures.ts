import type { LineRange } from '../../../schema/common.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { compact } from '../../../core/width.ts';
import { FIGURE_SOURCE, MONEY_UNIT_SOURCE } from '../../../core/amounts.ts';
import { parseAmount } from '../../numbers.ts';

/**
 * Figures of a table the 情况说明 states, by the table's column key: a total row printing fewer amounts than it has
 * columns can leave the identities with more than one placement, and a stated figure of the same document (or of its
 * 说明 volume, where the disclosure is published as two files) decides between them. An item stated with two different amounts decides nothing, nor does one whose figure is printed out
 * of shape (`1,23`: numbers.ts parseAmount reads no amount there).
 */

type Items = ReadonlyArray<readonly [key: string, label: string]>;

/**
 * The “三公” items (`因公出国（境）费0万元，公务用车购置0万元，公务用车运行费63.00万元`): the identities 合计 = 出国 +
 * 公务用车 + 接待, 公务用车 = 购置 + 运行 leave a short row open.
 */
const THREE_PUBLIC: Items = [
  ['vehicles', '公务用车购置及运(?:行|维)(?:维护)?费?'],
  ['vehicle-purchase', '公务用车购置(?!及)费?'],
  ['vehicle-operation', '公务用车运(?:行|维)(?:维护)?费?'],
  ['outbound-travel', '因公出[国境](?:[（(]境[）)])?费'],
  ['reception', '(?:国内)?公务接待费?'],
];

/**
 * The 支出总表's 基本支出 and 项目支出 (北京 民政局 2026 说明 L107 `（一）基本支出。基本支出预算 45980.56 万元`, 江苏 政协
 * 2018 `此外，基本支出预算数为5,678.17万元`): 合计 = 基本支出 + 项目支出 + the other parts holds for any two of the parts,
 * so a 合计 row printing two of them (`69,317.305202 45,980.555005 23,336.750197`) is open without them. Only a label
 * opening its clause (after punctuation, which the prose has width-folded): `一般公共预算基本支出…` is another table's
 * figure, `其中基本支出减少了…` a change.
 */
const EXPENDITURE: Items = [
  ['basic', '(?<=^|[。、,;:)])基本支出(?:预算)?数?'],
  ['project', '(?<=^|[。、,;:)])项目支出(?:预算)?数?'],
];

const AMOUNT = `(?:为|共计|合计)?(${FIGURE_SOURCE})(${MONEY_UNIT_SOURCE})`;

export interface StatedItem {
  value: number;
  unit: string;
}

/** Non-table prose as one string: paragraphs wrap anywhere, even inside a label (因公出国（境 / ）费). */
function prose(lines: readonly SourceLine[], tables: readonly LineRange[]): string {
  const inTable = (no: number) => tables.some((t) => no >= t.first && no <= t.last);
  return lines
    .filter((l) => !isBlank(l) && !inTable(l.no))
    .map((l) => compact(l.text))
    .join('');
}

interface Statement {
  key: string;
  /** null: printed out of shape. */
  value: number | null;
  unit: string;
}

function statements(text: string, items: Items): Statement[] {
  return items.flatMap(([key, label]) => [...text.matchAll(new RegExp(`${label}${AMOUNT}`, 'g'))].map((m) => ({ key, value: parseAmount(m[1]), unit: m[2] })));
}

/** The items stated with one amount each. */
function decided(all: readonly Statement[]): Map<string, StatedItem> {
  const stated = new Map<string, StatedItem>();
  const conflicting = new Set<string>();
  for (const { key, value, unit } of all) {
    const seen = stated.get(key);
    if (value === null || (seen && (seen.value !== value || seen.unit !== unit))) conflicting.add(key);
    if (value !== null) stated.set(key, { value, unit });
  }
  for (const key of conflicting) stated.delete(key);
  return stated;
}

/** The tables whose figures a 说明 states, with the items of each. */
const ITEMS = { 'three-public-expenditure': THREE_PUBLIC, 'expenditure-summary': EXPENDITURE } as const;
export type StatedKind = keyof typeof ITEMS;
export const STATED_KINDS = Object.keys(ITEMS) as StatedKind[];

/**
 * What a 说明 states, by table kind and column key, as plain data: a companion 说明 volume's figures travel with its
 * parse to its tables volume's (companions.ts), which states none of its own.
 */
export type StatedFigures = Partial<Record<StatedKind, Record<string, StatedItem>>>;

/** The figures of `kind` the text states, with those `elsewhere` (a companion volume) states: one statement more each. */
export function statedFor(kind: StatedKind, lines: readonly SourceLine[], tables: readonly LineRange[], elsewhere: StatedFigures = {}): Map<string, StatedItem> {
  const other = Object.entries(elsewhere[kind] ?? {}).map(([key, item]) => ({ key, ...item }));
  return decided([...statements(prose(lines, tables), ITEMS[kind]), ...other]);
}

/** Every figure the text states, of the kinds it states any. */
export function statedFigures(lines: readonly SourceLine[], tables: readonly LineRange[]): StatedFigures {
  const text = prose(lines, tables);
  const figures: StatedFigures = {};
  for (const kind of STATED_KINDS) {
    const stated = decided(statements(text, ITEMS[kind]));
    if (stated.size > 0) figures[kind] = Object.fromEntries(stated);
  }
  return figures;
}
