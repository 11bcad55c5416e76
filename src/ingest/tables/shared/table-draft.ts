import { isGrandTotalName, isTotalName, totalRole } from '../../../core/totals.ts';
import type { LineRange, Unparsed } from '../../../schema/common.ts';
import type { Table, TableKind, TableRow } from '../../../schema/table.ts';
import { FUNCTION_CLASSES } from '../../../core/codes.ts';
import { foldFigures } from '../../../core/width.ts';
import { amountsAgree, sumAmounts } from '../../../core/decimal.ts';
import { columnNames } from '../column-names.ts';
import { CodeDictionary, reassembleCodes, type ResolvedCode } from './code-reassembly.ts';
import { indexedIdentities, type ColumnIdentity } from '../columns.ts';
import { listRows, placeAmounts, type CellSum, type Placement, type PlacementRow, type Reading, type RowRelation } from './amount-placement.ts';
import { readUnits, rowRoleOfUnit, type UnitReading } from './unit-groups.ts';
import { CODE_FROM_NAME, functionClassNamed, namesClass } from './class-names.ts';
import { ECONOMIC_CODE_FROM_NAME, economicCodesByName, namesHold } from './economic-names.ts';
import { opensWithYear } from '../../layout/cell-text.ts';
import { parentsOfTree } from '../row-tree.ts';

/**
 * The layout-independent end of table reading: every reader (tabbed, aligned, single-space) turns its lines into a
 * draft — rows with printed code pieces or codes it settled itself, names, amounts — and buildTable here turns the
 * draft into a schema table: it rebuilds codes the reader left as pieces, places amounts (amount-placement.ts) with
 * what the draft's placement says the print gives, and writes every flag and unparsed entry, in one wording for all
 * readers.
 */

export type Side = 'income' | 'expenditure';

/** Two texts that fall in one column are both kept, in print order (a text cell and a split amount alike). */
export function addText(texts: Record<string, string>, key: string, cell: string): void {
  texts[key] = texts[key] ? `${texts[key]} ${cell}` : cell;
}

export interface DraftColumn {
  key: string;
  label: string;
  side: Side | null;
  /** The label is the template's, not printed (schema/table.ts). */
  fromTemplate?: true;
}

export interface DraftToken {
  text: string;
  /** null for a placeholder dash (`--`): it takes a column but holds no amount. */
  value: number | null;
  /** The amount was printed split inside its cell (`1971.5 9`); kept only when an identity confirms it. */
  split: boolean;
  /** The line the amount is printed on; null where the reader knows only its row's lines. */
  line: number | null;
}

/** An amount whose print suggests its column (tab index, nearest header). */
export interface PositionedToken extends DraftToken {
  value: number;
  line: number;
  /** Index into the table's draft columns that the print suggests. */
  preferred: number;
  /** The columns the print cannot tell apart, `preferred` among them, where it does not decide (PrintedColumns.either). */
  either?: number[];
  /** The columns the amount may move to when the row's cells do not line up with the header. */
  lo: number;
  hi: number;
}

/**
 * A row whose code, sub-unit and role the reader settled while reading: single-space text tells a 款 from a 项 only
 * by the open 款's sum, and its row constraints need the sub-units before any amount is placed.
 */
export interface SettledRow {
  code: ResolvedCode;
  group: string | null;
  role: TableRow['role'];
}

export interface DraftRow<T extends DraftToken = PositionedToken> {
  /** Other readings of the tokens than one amount each (amount-placement.ts PlacementRow.readings). */
  readings?: Reading[];
  /** Printed code pieces (类, 款, 项), digits only; null when the table has no code columns. */
  pieces: string[] | null;
  /** Set when the reader settled the row's code itself; `pieces` is then null and the dictionary not asked. */
  settled?: SettledRow;
  name: string;
  texts: Record<string, string>;
  tokens: T[];
  trusted: boolean;
  /** Positions are a hint only (aligned layout): the printed placement is kept when it satisfies the identities. */
  positional?: boolean;
  /** Columns the row may use, when narrower than its side (one list of a two-list table). */
  allowed?: number[];
  side: Side | null;
  /** A project row under its 项 row (项目支出 tables). */
  project: boolean;
  /** Depth in a two-sided table's outline (一、 = 1, 1. = 2, 其中 = 3; layout/cell-text.ts itemDepth), used for its identities. */
  outline: number | null;
  /** A row of a text table printed with another number of cells than the header has columns. */
  misfit?: { cells: number; columns: number };
  /** What the reader could not settle of the row's print (a two-sided line whose names it could not part). */
  flag?: string;
  /** Columns whose amount the source does not give (a workbook formula saved without its result): unknown, not blank. */
  unknown?: number[];
  lines: LineRange;
}

/** What a reader knows of a table apart from its grid. */
interface TableHead {
  kind: TableKind;
  title: string;
  titleInferred: boolean;
  kindInferred: boolean;
  unit: string | null;
  declaredEmpty: boolean;
  notes: string[];
  lines: LineRange;
}

/** Amounts placed near the columns their print suggests, by the header tree's identities. */
export interface PositionedDraft extends TableHead {
  placement: 'position';
  columns: DraftColumn[];
  identities: ColumnIdentity<number>[];
  rows: DraftRow[];
}

/**
 * Amounts with no position, only their print order (single-space text): placed by sums alone, under the template's
 * column identities and the row constraints the reader built, whose targets may be figures from outside the table.
 */
export interface SummedDraft extends TableHead {
  placement: 'sums';
  columns: DraftColumn[];
  /** Other orders of the columns' keys the print allows (amount-placement.ts PlacementRow.orders); the columns' own is one. */
  orders?: string[][];
  /** Amounts a row may print in columns the reader did not find (amount-placement.ts PlacementRow.spare). */
  spare?: number;
  /**
   * The header tree's identities, where the header prints its groups over their columns (spaced/header.ts
   * groupedColumns): they, not the template's by key, hold the columns the vocabulary does not know.
   */
  identities?: ColumnIdentity<number>[];
  constraints: CellSum[];
  rows: DraftRow<DraftToken>[];
}

export type DraftTable = PositionedDraft | SummedDraft;

/**
 * The column each column is a part of by the header tree's identities (a group's 小计 over the group's other columns,
 * the table's total over the top-level ones): what the checks need of a column the vocabulary does not know. A key
 * printed twice (two sides, two lists) names no one column, and is nobody's part or whole.
 */
function columnParents(columns: readonly DraftColumn[], identities: readonly ColumnIdentity<number>[]): Map<string, string> {
  const once = (k: number) => columns[k] !== undefined && columns.filter((c) => c.key === columns[k].key).length === 1;
  const out = new Map<string, string>();
  for (const { whole, parts } of identities) {
    if (!once(whole)) continue;
    for (const part of parts) if (once(part) && part !== whole && !out.has(columns[part].key)) out.set(columns[part].key, columns[whole].key);
  }
  return out;
}

/** A 类 code printed in a summary row's name cell (`201 一般公共服务`), apart from the name; else null. */
function printedClass(name: string): { code: string; name: string } | null {
  // Read width-folded (`２０１ 一般公共服务`); the name is kept as printed.
  const m = /^(\d{3})(\d*)(\s*)/.exec(foldFigures(name));
  if (!m || !(m[1] in FUNCTION_CLASSES) || opensWithYear(name)) return null;
  const rest = name.slice(m[0].length);
  // Only a 类 code standing apart leaves the name (`201 一般公共服务`); `2050802-干部教育` keeps its own. Three digits
  // run into the name are its 类 only where the words are that 类's name (`201一般公共服务支出`, not `211工程…`).
  if (!m[2] && !m[3] && !namesClass(rest, m[1])) return null;
  return { code: m[1], name: m[2] ? name : rest };
}

export function addToDictionary(dictionary: CodeDictionary, tables: readonly DraftTable[]): void {
  for (const t of tables) for (const r of t.rows) if (r.pieces && !r.project) dictionary.add(r.pieces, r.name);
}

function depthOf(row: DraftRow, code: ResolvedCode): number | null {
  if (isTotalName(row.name)) return 0;
  if (row.side === 'expenditure') return code.code ? 1 : null;
  if (row.side) return row.outline;
  if (row.project) return 4;
  return code.level;
}

/** Parent = sum of children, and the total row = sum of the top rows, within each side. */
function relationsOf(depths: readonly (number | null)[], rows: readonly DraftRow[]): RowRelation[] {
  const relations: RowRelation[] = [];
  const sides = new Set(rows.map((r) => r.side));
  for (const side of sides) {
    const idx = rows.map((_, i) => i).filter((i) => rows[i].side === side && depths[i] != null);
    for (const [at, i] of idx.entries()) {
      const d = depths[i]!;
      if (d === 0) {
        const top = Math.min(...idx.filter((j) => depths[j]! > 0).map((j) => depths[j]!));
        const parts = idx.filter((j) => depths[j] === top);
        if (parts.length > 0) relations.push({ whole: i, parts });
        continue;
      }
      // The children are the next level present below the row: a project may sit directly under its 款.
      const block: number[] = [];
      // The rows after this one, from its place in idx on: a filter of all of idx per row was quadratic in the rows.
      for (let k = at + 1; k < idx.length && depths[idx[k]]! > d; k++) block.push(idx[k]);
      if (block.length === 0) continue;
      const childDepth = Math.min(...block.map((j) => depths[j]!));
      relations.push({ whole: i, parts: block.filter((j) => depths[j] === childDepth) });
    }
  }
  return relations;
}

/**
 * The relations of a list's rows read as a tree (row-tree.ts) from the columns the total and every row with placed
 * amounts fill; none where the list is two-sided, has no one total row, or its amounts make no tree.
 */
function treeRelations(rows: readonly DraftRow[], depths: readonly (number | null)[], placements: readonly Placement[]): RowRelation[] {
  const totals = depths.flatMap((d, i) => (d === 0 ? [i] : []));
  if (totals.length !== 1 || rows.some((r) => r.side)) return [];
  const byColumn = placements.map((p, i) => {
    const cells = new Map<number, number>();
    p.columns?.forEach((c, k) => {
      const v = rows[i].tokens[k].value;
      if (c != null && v != null) cells.set(c, v);
    });
    return cells;
  });
  const items = rows.flatMap((_, i) => (i !== totals[0] && byColumn[i].size > 0 ? [i] : []));
  const known = [...byColumn[totals[0]].keys()].filter((c) => items.every((i) => byColumn[i].has(c)));
  if (items.length === 0 || known.length === 0) return [];
  const amountsOf = (i: number) => known.map((c) => byColumn[i].get(c)!);
  const tree = parentsOfTree(items.map(amountsOf), amountsOf(totals[0]));
  return (tree ?? []).map(({ whole, parts }) => ({ whole: whole < 0 ? totals[0] : items[whole], parts: parts.map((p) => items[p]) }));
}

export interface BuiltTable {
  table: Table;
  unparsed: Unparsed[];
  tokens: number;
  placed: number;
}

/** The document warning of a reader whose tables left amounts out of their cells. */
export function placementWarnings(built: readonly BuiltTable[]): string[] {
  const tokens = built.reduce((a, b) => a + b.tokens, 0);
  const placed = built.reduce((a, b) => a + b.placed, 0);
  return tokens > placed ? [`表格：${tokens} 个数中有 ${placed} 个填入了单元格`] : [];
}

function identitiesOfSide(identities: readonly ColumnIdentity<number>[], allowed: readonly number[]): ColumnIdentity<number>[] {
  return identities.filter((id) => allowed.includes(id.whole));
}

/** Where one row's amounts went, whichever solver placed them. */
interface RowPlacement {
  /** The draft column of each amount, null where its column stays open; null for the row when none fits. */
  columns: (number | null)[] | null;
  /** Keys of the columns an open amount could be in. */
  uncertain: string[];
  alternatives: number;
  /** Too many placements to go through: `alternatives` counts them all (Placement.unlisted). */
  unlisted: boolean;
  /** No placement satisfies the row's own column identities. */
  identityFails: boolean;
  /** Left unplaced because the table's columns are too few for its rows (amount-placement.ts placeAmounts). */
  columnsShort: boolean;
  /** Placed by the row's identities alone, its print contradicted by them (Placement.unconfirmed). */
  printBreaks: boolean;
  /** Amounts every placement puts in a column the reader did not find (amount-placement.ts PlacementRow.spare). */
  outside: boolean[];
  /** Amounts printed split in their cell that no identity confirms. */
  unconfirmed: boolean[];
  /** What each amount's cell holds, and the words read as the thousands of the word after them (Placement.values). */
  values: (number | null)[];
  joined: boolean[];
  /** The row's words are read more than one way (Placement.readingOpen). */
  readingOpen: boolean;
}

const FLAG_IDENTITY = '所印数字在任何排列下都不满足本行的合计关系（合计 = 各分项之和），可能有数字缺失';
const FLAG_OVERFLOW = '所印数字多于本行可填的列数，无法确定各数字所在的列';
const OUTSIDE = '表中有的行所印数字多于读出的列数；这个数在读出的各列之外，属于表头中没有读出的一列';
const READING = '单个空格隔开的数字可能是按千位分组的一个数（如「2 700.00」），也可能是相邻两列的数（如数量与金额），表内的合计关系定不下来';
const FLAG_PRINT_BREAKS =
  '所印数字按所在的列及其附近的列都不满足本行的合计关系（合计 = 各分项之和），挪到更远的列才满足：所印的位置不可靠，各数的列只按合计关系确定';
const FLAG_SHORT = '表中有的行所印数字多于读出的列数，本表的列没有读全；本行的数字在读出的列中不合合计关系，无法确定各数字所在的列';

const NO_CODE: ResolvedCode = { code: null, scheme: null, level: null, printed: null, flag: null };
const classRow = (code: string): ResolvedCode => ({ code, scheme: 'function', level: 1, printed: null, flag: null });

/**
 * Codes and names of the rows: settled by the reader, or rebuilt from the printed pieces with the dictionary; a 类
 * printed by its name alone, by the name (class-names.ts), `named` holding those rows.
 */
function codesOf(rows: readonly DraftRow<DraftToken>[], dictionary: CodeDictionary): { codes: ResolvedCode[]; names: string[]; named: Set<number> } {
  const coded = rows.filter((r) => r.pieces && !r.side && !r.settled);
  const resolvedCoded = reassembleCodes(
    coded.map((r) => ({ pieces: r.pieces!, name: r.name, projectOf: r.project })),
    dictionary,
  );
  // A table that prints names without codes (杭州's 支出预算总表) still names its 类 rows by the national list.
  const uncoded = rows.every((r) => !r.pieces);
  let lastClass: string | null = null;
  let nextCoded = 0;
  const names = rows.map((r) => r.name);
  const named = new Set<number>();
  const codes: ResolvedCode[] = rows.map((r, i) => {
    if (r.settled) return r.settled.code;
    if (r.side === 'expenditure' || (r.side === null && !r.pieces)) {
      if (!r.side && !uncoded) return NO_CODE;
      // A 类 code printed in the name cell (`201 一般公共服务支出`) is the row's code, not part of its name.
      const printed = printedClass(r.name);
      // A side's names are read below, the side's rows together.
      let code = printed?.code ?? (r.side ? null : functionClassNamed(r.name));
      // A 款 named like its 类 (229 其他支出 / 22999 其他支出) follows it: it is not a second 类.
      if (!r.side && code === lastClass) code = null;
      if (!code) return NO_CODE;
      if (!r.side) lastClass = code;
      if (printed) names[i] = printed.name;
      else named.add(i);
      return classRow(code);
    }
    if (r.side === 'income') {
      // No income row has a code; one printed on the side (a header printed again over another table's rows) stays
      // in the name as printed rather than dropped.
      const printed = r.pieces?.join('');
      if (printed) names[i] = r.name ? `${printed} ${r.name}` : printed;
      return NO_CODE;
    }
    // The rows left are the coded ones, met in their order: not looked up among them (quadratic in a long table).
    return resolvedCoded[nextCoded++];
  });
  // A summary's expenditure side printing its 类 by name (西安 部门综合预算收支总表 -layout L360 `1、一般公共服务支出`):
  // each is its 类's row, where the side names no 类 twice. One named twice is no list of 类: another panel's items
  // read into the side (西安 -raw text, its 支出经济分类's 其他支出 and 转移性支出 among the 类).
  const side = rows.flatMap((r, i) => (r.side === 'expenditure' && r.texts.panel === undefined ? [i] : []));
  const byName = side.flatMap((i) => {
    const code = codes[i].code === null ? functionClassNamed(names[i]) : null;
    return code ? [{ i, code }] : [];
  });
  const classes = [...side.flatMap((i) => (codes[i].level === 1 ? [codes[i].code] : [])), ...byName.map((n) => n.code)];
  if (new Set(classes).size === classes.length) {
    for (const { i, code } of byName) {
      codes[i] = classRow(code);
      named.add(i);
    }
  }
  return { codes, names, named };
}

/** Placement by the columns the print suggests, searched around where the identities fail; a blank cell is absent. */
function placeByPosition(draft: PositionedDraft, codes: readonly ResolvedCode[], allowed: readonly number[][]): RowPlacement[] {
  const rows: PlacementRow[] = draft.rows.map((r, i) => ({
    values: r.tokens.map((t) => t.value),
    allowed: allowed[i],
    identities: draft.identities,
    print: {
      preferred: r.tokens.map((t) => t.preferred),
      either: r.tokens.map((t) => t.either ?? [t.preferred]),
      lo: r.tokens.map((t) => t.lo),
      hi: r.tokens.map((t) => t.hi),
      trusted: r.trusted,
      positional: r.positional ?? false,
    },
  }));
  const depths = draft.rows.map((r, i) => depthOf(r, codes[i]));
  const stated = relationsOf(depths, draft.rows);
  const problem = { width: draft.columns.length, rows, sums: [], blank: 'absent' } as const;
  // The rows' candidates are listed once: the second placing below asks the same rows under other relations.
  const listed = listRows(problem);
  let placements = placeAmounts({ ...problem, relations: stated }, listed);
  // A list of units or items with neither codes nor outline states no parent rows, yet its amounts make a tree (a
  // department over its units, each parent the sum of the rows under it): a row its print leaves open (杭州 表2's
  // later page, squeezed) is placed again under that tree's relations, read from the amounts the first placing put.
  const tree = stated.length === 0 && placements.some((p) => p.columns?.includes(null)) ? treeRelations(draft.rows, depths, placements) : [];
  if (tree.length > 0) placements = placeAmounts({ ...problem, relations: tree }, listed);
  const relations = tree.length > 0 ? tree : stated;
  return placements.map((p, i) => {
    const r = draft.rows[i];
    const byColumn: (number | null)[] = new Array(draft.columns.length).fill(null);
    p.columns?.forEach((c, k) => {
      if (c != null) byColumn[c] = r.tokens[k].value;
    });
    const identities = identitiesOfSide(draft.identities, allowed[i]);
    return {
      ...placed(draft, p),
      unconfirmed: r.tokens.map(
        (t, k) => t.split && p.columns?.[k] != null && !splitConfirmed(p.columns[k]!, i, byColumn, draft, relations, placements, identities),
      ),
    };
  });
}

/** Placement by sums alone, every row open, under the header's or else the template's column identities; a blank cell is 0. */
function placeBySums(draft: SummedDraft, allowed: readonly number[][]): RowPlacement[] {
  const rows: PlacementRow[] = draft.rows.map((r, i) => ({
    values: r.tokens.map((t) => t.value),
    allowed: allowed[i],
    orders: draft.orders?.map((order) => order.flatMap((key) => allowed[i].filter((c) => draft.columns[c].key === key))),
    spare: r.side === 'income' ? 0 : draft.spare,
    identities: draft.identities ?? indexedIdentities(allowed[i].map((c) => draft.columns[c].key), allowed[i]),
    print: null,
    readings: r.readings,
  }));
  const placements = placeAmounts({ width: draft.columns.length, rows, relations: [], sums: draft.constraints, blank: 'zero' });
  return placements.map((p, i) => ({ ...placed(draft, p), unconfirmed: draft.rows[i].tokens.map(() => false) }));
}

/** A placement by the draft's column keys. */
function placed(draft: DraftTable, p: Placement): Omit<RowPlacement, 'unconfirmed'> {
  return {
    columns: p.columns,
    uncertain: p.uncertain.map((c) => draft.columns[c].key),
    alternatives: p.alternatives,
    unlisted: p.unlisted,
    identityFails: p.identityFails,
    columnsShort: p.columnsShort,
    printBreaks: p.unconfirmed,
    outside: p.outside,
    values: p.values,
    joined: p.joined,
    readingOpen: p.readingOpen,
  };
}

/**
 * Turns a draft into a schema table: the one step every reader ends in. `id` is the table's stable id in the
 * document; `cells` how the reader's layout gives a table's cells (schema `Table.cells`).
 */
export function buildTable(draft: DraftTable, id: string, dictionary: CodeDictionary, cells: Table['cells']): BuiltTable {
  const printed = codesOf(draft.rows, dictionary);
  const { names, named } = printed;
  const economic = economicNamed(draft.rows, printed.codes, names);
  const codes = economic?.codes ?? printed.codes;
  const units = economic?.units ?? unitsOf(draft.rows, codes, names);

  const allColumns = draft.columns.map((_, i) => i);
  // A side's columns once per table, not once per row of it.
  const sideColumns = new Map<Side, number[]>();
  const columnsOfSide = (side: Side) => {
    let columns = sideColumns.get(side);
    if (!columns) sideColumns.set(side, (columns = allColumns.filter((c) => draft.columns[c].side === side)));
    return columns;
  };
  const allowed = draft.rows.map((r) => r.allowed ?? (r.side ? columnsOfSide(r.side) : allColumns));
  const placements = draft.placement === 'position' ? placeByPosition(draft, codes, allowed) : placeBySums(draft, allowed);

  const unparsed: Unparsed[] = [];
  let tokens = 0;
  let placed = 0;
  const rows: TableRow[] = draft.rows.map((r, i) => {
    const values: Record<string, number | null> = {};
    for (const c of allowed[i]) values[draft.columns[c].key] = null;
    const texts = { ...r.texts };
    const flags: string[] = [];
    if (codes[i].flag) flags.push(codes[i].flag!);
    if (codes[i].printed) texts.printedCode = codes[i].printed!;
    if (named.has(i)) Object.assign(texts, CODE_FROM_NAME);
    if (economic?.rows.has(i)) Object.assign(texts, ECONOMIC_CODE_FROM_NAME);
    if (r.misfit) flags.push(`本行有 ${r.misfit.cells} 格，表头有 ${r.misfit.columns} 列`);
    if (r.flag) flags.push(r.flag);
    const p = placements[i];
    tokens += r.tokens.length;
    if (p.identityFails && !p.columnsShort) flags.push(FLAG_IDENTITY);
    if (p.printBreaks) flags.push(FLAG_PRINT_BREAKS);
    // Why an amount stayed out of its cell, the same for all of a row's open amounts.
    const rowName = `「${r.name || '（无名称行）'}」行`;
    // A row with too many placements to go through had none asked of the sums, and a row whose own sums fail keeps
    // every placement, none of them narrowed by the table's: they are counted, not said to hold.
    const ways = p.unlisted
      ? `这些数有 ${p.alternatives} 种填法，多于能逐一核对的数目，表内的合计关系未能用来确定各数的列`
      : p.identityFails
        ? `这些数有 ${p.alternatives} 种填法，本行的合计关系不成立，不能用来确定各数的列`
        : `这些数有 ${p.alternatives} 种填法都符合表内的合计关系`;
    const why = (count: number): string => {
      const these = count > 1 ? '这些数' : '这个数';
      if (!p.columns) return `${rowName}的数字：${p.columnsShort ? FLAG_SHORT : FLAG_OVERFLOW}`;
      if (p.readingOpen) return `${rowName}的${these}：${READING}`;
      if (p.uncertain.length === 0) return `${rowName}的${these}无法确定所在的列`;
      return `${rowName}的${these}可能属于${columnNames(p.uncertain, draft.columns)}中的任一列：${ways}`;
    };
    // An amount printed on a line of its own is reported on that line; a reader that knows only the row's lines
    // reports the row's open amounts together.
    const open: DraftToken[] = [];
    const leaveOut = (token: DraftToken) => {
      if (token.line == null) open.push(token);
      else unparsed.push({ lines: { first: token.line, last: token.line }, text: token.text, reason: why(1) });
    };
    if (p.columns) {
      p.columns.forEach((c, k) => {
        const token = r.tokens[k];
        // The thousands of the amount after it: that amount's cell holds the two.
        if (p.joined[k]) {
          placed++;
          return;
        }
        if (c == null && p.outside[k]) {
          const lines = token.line == null ? r.lines : { first: token.line, last: token.line };
          unparsed.push({ lines, text: token.text, reason: `${rowName}的数字：${OUTSIDE}` });
          return;
        }
        if (c == null) return leaveOut(token);
        const key = draft.columns[c].key;
        if (p.unconfirmed[k]) {
          addText(texts, key, token.text);
          flags.push(`「${token.text}」在单元格内断开，没有合计关系能确认它是 ${token.value}`);
          const lines = token.line == null ? r.lines : { first: token.line, last: token.line };
          unparsed.push({ lines, text: token.text, reason: '数字在单元格内断开，没有合计关系能确认' });
          return;
        }
        values[key] = p.values[k];
        placed++;
      });
      if (p.readingOpen) flags.push(`${READING}；这些数未填入（见未解析内容）`);
      else if (p.uncertain.length > 0) flags.push(`${ways}；列位置不确定的数未填入（见未解析内容）`);
    } else {
      r.tokens.forEach(leaveOut);
      flags.push(p.columnsShort ? FLAG_SHORT : FLAG_OVERFLOW);
    }
    if (open.length > 0) unparsed.push({ lines: r.lines, text: open.map((t) => t.text).join(' '), reason: why(open.length) });
    // 人员经费合计 and 公用经费合计 each total one list of a two-list table, not the table.
    const role = r.settled?.role ?? rowRoleOfUnit(units.role[i]) ?? totalRole(r.name) ?? 'data';
    return {
      code: codes[i].code,
      codeScheme: codes[i].scheme,
      level: codes[i].level,
      name: names[i],
      values,
      texts: r.side ? { ...texts, side: r.side } : texts,
      group: r.settled ? r.settled.group : units.group[i],
      role,
      flag: flags.length > 0 ? flags.join('；') : null,
      uncertain: r.unknown ? [...new Set([...p.uncertain, ...r.unknown.map((c) => draft.columns[c].key)])] : p.uncertain,
      lines: r.lines,
    };
  });

  if (draft.placement === 'sums' && !namedClassesAddUp(rows, named)) {
    for (const i of named) {
      if (rows[i].texts.side !== 'expenditure') continue;
      const { codeFrom: _said, ...texts } = rows[i].texts;
      rows[i] = { ...rows[i], code: null, codeScheme: null, level: null, texts };
    }
  }

  const parents = draft.identities ? columnParents(draft.columns, draft.identities) : new Map<string, string>();
  const columns: Table['columns'] = [];
  for (const c of draft.columns) {
    if (columns.some((x) => x.key === c.key)) continue;
    const parent = parents.get(c.key);
    columns.push({ key: c.key, label: c.label, ...(parent ? { parent } : {}), ...(c.fromTemplate ? { fromTemplate: c.fromTemplate } : {}) });
  }

  const table: Table = {
    id,
    kind: draft.kind,
    title: draft.title,
    titleInferred: draft.titleInferred,
    kindInferred: draft.kindInferred,
    unit: draft.unit,
    columns,
    rows,
    declaredEmpty: draft.declaredEmpty,
    cells,
    notes: draft.notes,
    lines: draft.lines,
  };
  return {
    table,
    unparsed,
    tokens,
    placed,
  };
}

/**
 * Whether the 类 a summary's expenditure side names (codesOf) account for the side's total of the year in each of its
 * columns: a list of 类 read whole. Asked of single-space text only, whose sides are parted by their words: a row lost
 * there (佛山 2019 决算 -raw, its 类 after 文化旅游体育与传媒支出 read as no row) would be a 类 the class checks take for
 * zero. Where rows are read where they are printed, a list that does not add up is the source's (杭州 交通运输局 2026
 * 表1 L529 `一般公共服务支出 6651.38`, its lines making 6,701.98).
 */
function namedClassesAddUp(rows: readonly TableRow[], named: ReadonlySet<number>): boolean {
  const side = rows.filter((r) => r.texts.side === 'expenditure' && r.texts.panel === undefined);
  if (![...named].some((i) => rows[i].texts.side === 'expenditure')) return true;
  const totals = side.filter((r) => r.role === 'total');
  const total = totals.find((r) => !isGrandTotalName(r.name)) ?? totals[0];
  if (!total) return false;
  const classes = side.filter((r) => r.level === 1 && r.role === 'data');
  // A total whose amount is unknown confirms nothing (广州 水务局 2026 in reading order: 本年支出合计 prints none).
  return Object.entries(total.values).every(
    ([key, amount]) => amount !== null && amountsAgree(amount, sumAmounts(classes.map((r) => r.values[key] ?? 0))),
  );
}

/** The codes of a table printing none whose rows name the 支出经济分类 (economic-names.ts), with the units they show. */
function economicNamed(
  rows: readonly DraftRow<DraftToken>[],
  codes: readonly ResolvedCode[],
  names: readonly string[],
): { codes: ResolvedCode[]; rows: Set<number>; units: UnitReading } | null {
  if (codes.some((c) => c.code !== null) || rows.some((r) => r.side || r.settled || r.project || r.pieces?.some((p) => p !== ''))) return null;
  const named = rows.map((r, i) => ({ name: names[i], open: totalRole(r.name) === null }));
  const found = economicCodesByName(named);
  if (!found) return null;
  const economic = new Set(found.flatMap((c, i) => (c ? [i] : [])));
  const withNames = codes.map((c, i): ResolvedCode => {
    const e = found[i];
    return e ? { code: e.code, scheme: e.scheme, level: e.level, printed: null, flag: null } : c;
  });
  const units = unitsOf(rows, withNames, names, economic);
  return namesHold(named, found, (i) => units.role[i] !== null) ? { codes: withNames, rows: economic, units } : null;
}

/**
 * The units of a table printed per unit (unit-groups.ts); a two-sided table has none. `named`: rows whose code is their
 * economic name's.
 */
function unitsOf(
  rows: readonly DraftRow<DraftToken>[],
  codes: readonly ResolvedCode[],
  names: readonly string[],
  named: ReadonlySet<number> = new Set(),
): UnitReading {
  if (rows.some((r) => r.side)) return { group: rows.map(() => null), role: rows.map(() => null) };
  // A table by unit and year (a 年度 column: 深圳 三公, a unit's name on its first year's row, the next years' and the
  // change's rows under it printing none) has one row a unit and year: the rows below a name are that unit's, and none
  // is a sum of the rows after it.
  if (rows.some((r) => r.texts.year !== undefined)) {
    let unit: string | null = null;
    return { group: names.map((n) => (unit = n.trim() || unit)), role: rows.map(() => null) };
  }
  return readUnits(
    rows.map((r, i) => ({
      coded: r.project || named.has(i) || (r.pieces?.some((p) => p !== '') ?? false),
      level: codes[i].level,
      name: names[i],
      total: isTotalName(r.name),
      amounts: r.tokens.map((t) => t.value),
    })),
  );
}

/** A split amount is kept when an identity of its row, or a parent/child relation in its column, holds with it. */
function splitConfirmed(
  column: number,
  rowIndex: number,
  byColumn: readonly (number | null)[],
  draft: PositionedDraft,
  relations: readonly RowRelation[],
  placements: readonly { columns: (number | null)[] | null }[],
  identities: readonly ColumnIdentity<number>[],
): boolean {
  for (const id of identities) {
    const members = [id.whole, ...id.parts];
    if (!members.includes(column)) continue;
    const parts = id.parts.map((p) => byColumn[p]).filter((v): v is number => v != null);
    if (byColumn[id.whole] != null && parts.length > 0 && amountsAgree(byColumn[id.whole]!, sumAmounts(parts), 0.01 * parts.length)) {
      return true;
    }
  }
  const valueAt = (row: number): number | null => {
    const cols = placements[row].columns;
    const k = cols ? cols.indexOf(column) : -1;
    return k >= 0 ? draft.rows[row].tokens[k].value : null;
  };
  for (const rel of relations) {
    if (rel.whole !== rowIndex && !rel.parts.includes(rowIndex)) continue;
    const parts = rel.parts.map(valueAt).filter((v): v is number => v != null);
    const whole = valueAt(rel.whole);
    if (whole != null && parts.length > 1 && amountsAgree(whole, sumAmounts(parts), 0.01 * parts.length)) return true;
    if (whole != null && parts.length === 1 && rel.parts.length === 1 && amountsAgree(whole, parts[0])) return true;
  }
  return false;
}
