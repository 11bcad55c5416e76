import { parentCode } from '../../../core/codes.ts';
import { foldWidth } from '../../../core/width.ts';
import { economicClassKey } from '../shared/economic-names.ts';
import { columnKeyFor } from '../columns.ts';
import type { CellSum } from '../shared/amount-placement.ts';
import type { RawRow } from './rows.ts';
import { parentsOfTree } from '../row-tree.ts';
import { withoutMarker } from '../../../core/outline.ts';

/**
 * The identities between rows of one table, column by column: a 类 or 款 = the sum of its children (within its
 * sub-unit), a sub-unit's row = the sum of its 类 rows, the total = the sum of the sub-units (or of the 类 rows), and
 * in two-sided tables 收入总计 = 支出总计 and each fund's income = its expenditure column's total. `keys` are the
 * table's columns. Each column is a constraint of its own: a row missing a figure (its blank cells are not 0 after
 * all) fails in some columns, and the others still place its amounts. `emptyUnknown`: a row printing no amount is
 * not known to be empty (text printed one cell a line, whose amounts may have gone loose), so no sum takes it for 0.
 */
export function rowConstraints(rows: readonly RawRow[], keys: readonly string[], emptyUnknown = false): CellSum[] {
  const out: CellSum[] = [];
  const sumOver = (whole: number, parts: readonly number[]) => {
    // A row printing no amount at all tells nothing of its columns: read as zeros, each column its parts could be 0 in
    // (人员经费 of 301's 款 where 301 prints nothing) would take their amounts, though the column of their totals fails.
    if (parts.length === 0 || rows[whole].numbers.length === 0) return;
    if (emptyUnknown && parts.some((row) => rows[row].numbers.length === 0)) return;
    keys.forEach((_, column) => out.push({ target: { row: whole, column }, parts: parts.map((row) => ({ row, column })) }));
  };
  const expenditure = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.side !== 'income');
  // The coded rows by their parent's code, in order: each row's children are looked up, not found by a scan of every
  // row per row (as table-checks.ts withinTable does).
  const byParent = Map.groupBy(
    expenditure.filter(({ r: c }) => c.code),
    ({ r: c }) => parentCode(c.code!),
  );
  for (const { r, i } of expenditure) {
    if (!r.code || r.level === 3) continue;
    const children = (byParent.get(r.code) ?? []).filter(({ r: c }) => c.group === r.group && c.scheme === r.scheme).map(({ i: c }) => c);
    sumOver(i, children);
  }
  const named = namedClasses(expenditure);
  for (const [whole, parts] of named) sumOver(whole, parts);
  const topOf = (group: string | null) => {
    const top = expenditure.filter(({ r }) => r.level === 1 && r.group === group && r.role === 'data').map(({ i }) => i);
    if (top.length > 0 || group !== null) return top;
    return named.size > 0 ? [...named.keys()] : flatRows(expenditure);
  };
  const units = expenditure.filter(({ r }) => r.role === 'subtotal' && !r.code && r.group !== null);
  for (const { r, i } of units) sumOver(i, topOf(r.group));
  const tree = units.length === 0 && topOf(null).length === 0 ? listTree(rows, emptyUnknown) : [];
  for (const { whole, parts } of tree) sumOver(whole, parts);
  for (const { r, i } of expenditure) {
    if (r.role !== 'total' || tree.length > 0) continue;
    const parts = units.length > 0 ? units.map(({ i: u }) => u) : topOf(null);
    sumOver(i, parts);
  }
  const incomeTotal = rows.findIndex((r) => r.side === 'income' && r.role === 'total');
  const expenditureTotal = rows.findIndex((r) => r.side === 'expenditure' && r.role === 'total');
  if (incomeTotal >= 0 && expenditureTotal >= 0) {
    out.push({ target: { row: incomeTotal, column: 0 }, parts: [{ row: expenditureTotal, column: 0 }] });
    out.push(...fundPins(rows, keys));
  }
  return out;
}

/**
 * The rows of a table listing only rows that sum no other (北京 预算03表: one row per 项 and 经济分类 款, the same 项
 * printed once for each 款, no 类 or 款 of its own): every data row prints a code of one classification and none is
 * the parent of another's, so the total is the sum of them all. None where a row prints no code (a total's 其中 line,
 * a sub-unit) or the codes nest (their 类 and 款 rows are the top then, topOf).
 */
function flatRows(rows: readonly { r: RawRow; i: number }[]): number[] {
  const data = rows.filter(({ r }) => r.role === 'data');
  if (data.length < 2 || data.some(({ r }) => !r.code || r.scheme !== data[0].r.scheme)) return [];
  const codes = new Set(data.map(({ r }) => r.code));
  if (data.some(({ r }) => codes.has(parentCode(r.code!)))) return [];
  return data.map(({ i }) => i);
}

/**
 * The relations of a one-sided list printing neither codes nor 类 names (杭州 表2 收入预算总表: 合计, the department's
 * row printing the same amounts, then its units, each under the one before it in no way but by its amounts): the rows
 * read as a tree by their first amount, the total column (row-tree.ts, as table-draft.ts treeRelations reads a list
 * the print places). None where the list has not one total, or more than one tree adds up: which rows are parts of
 * which is then not known. A row printing amounts and no words at all is no item of the list but a line of one broken
 * off (`pdftotext -raw` prints a unit's 上年结转 a line below its other amounts): it is left out of the tree. (A row
 * whose words are all in another text column, 江苏 2018 政府采购 -layout L337 `培训费 16.00`, is an item.)
 */
function listTree(rows: readonly RawRow[], emptyUnknown: boolean): { whole: number; parts: number[] }[] {
  const totals = rows.flatMap((r, i) => (r.role === 'total' ? [i] : []));
  if (totals.length !== 1 || rows.some((r) => r.code || r.side || r.group !== null)) return [];
  const data = rows.flatMap((r, i) => (r.role === 'data' ? [i] : []));
  if (emptyUnknown && data.some((i) => rows[i].numbers.length === 0)) return [];
  const worded = (r: RawRow) => r.name.trim() !== '' || Object.values(r.texts).some((t) => t.trim() !== '');
  const items = data.filter((i) => rows[i].numbers.length > 0 && worded(rows[i]));
  const first = (i: number) => rows[i].numbers[0]?.value ?? null;
  const total = first(totals[0]);
  if (items.length < 2 || total === null || items.some((i) => first(i) === null)) return [];
  const tree = parentsOfTree(items.map((i) => [first(i)!]), [total]);
  return (tree ?? []).map(({ whole, parts }) => ({ whole: whole < 0 ? totals[0] : items[whole], parts: parts.map((p) => items[p]) }));
}

/**
 * The 类 of an economic classification in a table printing no codes whose rows kept none (a 款 the national list does
 * not name, so that economic-names.ts coded none of them), by their names: a classification of two levels, so each 类
 * is the sum of the data rows under it down to the next 类 or total. Each 类 row (by index) with its rows; none where a row prints a
 * code, fewer than two 类 are named, or a 类 name is printed twice (399 其他支出 has a 款 named 其他支出).
 */
function namedClasses(rows: readonly { r: RawRow; i: number }[]): Map<number, number[]> {
  const classes = new Map<number, number[]>();
  if (rows.some(({ r }) => r.code)) return classes;
  const names = rows.flatMap(({ r }) => {
    const key = r.role === 'data' ? economicClassKey(r.name) : null;
    return key ? [key] : [];
  });
  if (names.length < 2 || new Set(names).size < names.length) return classes;
  let open: number[] | null = null;
  for (const { r, i } of rows) {
    if (r.role !== 'data') open = null;
    else if (economicClassKey(r.name) !== null) classes.set(i, (open = []));
    else open?.push(i);
  }
  return classes;
}

/** The column an income item of a two-sided table fills in the income table (`一、一般公共预算拨款` → its fund). */
export function incomeKeyOf(name: string): string | null {
  return columnKeyFor(withoutMarker(name, ['cn']));
}

/**
 * In a 财政拨款收支总表, each fund's income (一般公共预算 …) equals its column of the expenditure side's totals where
 * no carry-over stands between them: of 总计 (this year's expenditure and the carry-over to next year) where no
 * carry-over from last year is added to the income, of 本年支出合计 too where none is carried to next year. A
 * carry-over line that prints only 0 or nothing carries none (年初财政拨款结转和结余 0.00: its parts sum to it). The
 * funds' income is each printed before the income total and the carry-over line, under which 决算 tables name the
 * carry-over's parts by fund as well (佛山 2019 决算 -raw L282-L283: `年初财政拨款结转和结余 24 0.00` /
 * `一般公共预算财政拨款 25 0.00`).
 */
function fundPins(rows: readonly RawRow[], keys: readonly string[]): CellSum[] {
  const carries = (r: RawRow) => /结转|结余/.test(r.name);
  const carriesSome = (side: RawRow['side']) => rows.some((r) => r.side === side && carries(r) && r.numbers.some((n) => (n.value ?? 0) !== 0));
  if (carriesSome('income')) return [];
  const totals = rows.flatMap((r, i) => (r.side === 'expenditure' && r.role === 'total' ? [i] : []));
  const targets = carriesSome('expenditure') ? totals.slice(-1) : totals;
  const out: CellSum[] = [];
  for (const [i, r] of rows.entries()) {
    if (r.side !== 'income') continue;
    if (r.role === 'total' || carries(r)) break;
    const key = incomeKeyOf(r.name);
    if (!key || key === keys[0] || !keys.includes(key)) continue;
    for (const row of targets) out.push({ target: { row, column: keys.indexOf(key) }, parts: [{ row: i, column: 0 }] });
  }
  return out;
}

/**
 * Fixes the total row's cells (a table of one row: that row's) to figures known from elsewhere in the document
 * (收入总表 合计 by source = 收支总表's income items; the “三公” items the 情况说明 states). Each amount of the row
 * other than 0 needs a column no figure holds at 0, or one outside the columns read (`spare`). Where they are fewer,
 * the columns read are not the table's (烟台 水利局 2026 -raw 收入总体情况表 L151-L178: a header of labels wrapped one
 * piece a line read as 7 of its 13 columns, 6 of them sources the 收支总表 prints no amount for, and the 合计 row's 4
 * amounts): the figures at 0, each narrowing in turn, would push the amounts into the columns left, wrong ones, and
 * are left out; a figure the row prints still finds its column.
 */
export function pinTotals(rows: readonly RawRow[], known: ReadonlyMap<string, number>, keys: readonly string[], spare = 0): CellSum[] {
  const total = rows.length === 1 ? 0 : rows.findIndex((r) => r.role === 'total');
  if (total < 0) return [];
  const pins = keys.flatMap((key, column) => (known.has(key) ? [{ target: known.get(key)!, parts: [{ row: total, column }] }] : []));
  const open = keys.filter((key) => known.get(key) !== 0).length + spare;
  const amounts = rows[total].numbers.filter((n) => n.value != null && n.value !== 0).length;
  return amounts <= open ? pins : pins.filter((pin) => pin.target !== 0);
}

/**
 * The 类 of 部门预算支出经济分类 that are 人员经费 by definition: 工资福利支出 (301) and 对个人和家庭的补助 (303). Parts of
 * 302 may be counted as either (长沙 教育 2026 一般公共预算基本支出情况表 splits 30228 工会经费 between 人员类 and 公用经费),
 * so 302 and the others decide nothing.
 */
const PERSONNEL_CLASSES = new Set(['301', '303']);

/** A row's 部门预算支出经济分类 code: its own, or the text column's (北京 预算06表 `30101-基本工资`). */
function economicCodeOf(row: RawRow): string | null {
  if (row.scheme === 'economic') return row.code;
  return /^(\d{3})(?:\d{2}){0,2}[-－—–]/.exec(foldWidth(row.texts['economic-subject'] ?? ''))?.[1] ?? null;
}

/**
 * A row of 301 or 303 holds nothing under 公用经费 (PERSONNEL_CLASSES): where a row prints 合计 and one part alike
 * (`30101-基本工资 3,128.947200 3,128.947200`), its part is 人员经费. A figure of 0, so that a print that does put such an
 * amount under 公用经费 is a constraint no placement satisfies, which narrows nothing (amount-placement.ts).
 */
export function personnelPins(rows: readonly RawRow[], keys: readonly string[]): CellSum[] {
  const column = keys.indexOf('public');
  if (column < 0 || !keys.includes('personnel')) return [];
  return rows.flatMap((row, i) => {
    const code = economicCodeOf(row);
    return code && PERSONNEL_CLASSES.has(code.slice(0, 3)) ? [{ target: 0, parts: [{ row: i, column }] }] : [];
  });
}

