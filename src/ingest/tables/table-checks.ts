import { isAssetTotalName, isGrandTotalName, SIDE_GRAND_TOTAL, totalRole } from '../../core/totals.ts';
import type { Check, LineRange } from '../../schema/common.ts';
import type { Table, TableKind, TableRow } from '../../schema/table.ts';
import { compareAmounts } from '../checks.ts';
import { parentCode } from '../../core/codes.ts';
import { amountsAgree, subtractAmounts, sumAmounts } from '../../core/decimal.ts';
import { compact } from '../../core/width.ts';
import { markerKind } from '../../core/outline.ts';
import { itemDepth, uncomputedAddresses, uncomputedSaying } from '../layout/cell-text.ts';
import { columnName } from './column-names.ts';
import { balanceIdentities, columnIdentities, isPositionalKey, isTotalPart, isUnknownPart, type ColumnIdentity } from './columns.ts';
import { parentsOfTree, topRowsOfTree, type TreeReading } from './row-tree.ts';
import { rowYear } from './row-year.ts';

/**
 * The arithmetic checks of parsed tables, whatever layout they came from: within a table (parent = sum of children,
 * sub-unit = sum of its 类, total = sum of the rows, 合计 = 基本支出 + 项目支出 …, a 决算 row's 年末结转和结余 = 年初结转和结余 +
 * 本年收入 − 本年支出, 收入总计 = 支出总计) and across tables
 * (收支总表 ↔ 支出总表 ↔ 一般公共预算支出表, 基本支出表 ↔ 基本支出 column …). A cell that could not be placed makes
 * its checks `not-checkable`; a blank cell counts as zero, as printed.
 */

/** Whether a row holds a cell a workbook saved as a formula without its result. */
function holdsUnknown(row: TableRow): boolean {
  return row.uncertain.length > 0 && row.uncertain.some((k) => uncomputedAddresses(row.texts[k] ?? '').length > 0);
}

function savedWithoutResults(row: TableRow): boolean {
  return row.uncertain.length > 0 && row.uncertain.every((k) => uncomputedAddresses(row.texts[k] ?? '').length > 0);
}

function cell(row: TableRow, key: string): number | null {
  if (row.uncertain.includes(key)) return null;
  // A flagged row that placed no amount at all is unknown, not zero; but where its only unknowns are formulas a
  // workbook saved without their results, its blank cells are blank.
  if (row.flag !== null && Object.values(row.values).every((v) => v === null) && !savedWithoutResults(row)) return null;
  return row.values[key] ?? 0;
}

/**
 * Why a check of these rows in these columns cannot be made where a workbook saved a formula of theirs without its
 * result: the cells, named as Excel names them; else nothing.
 */
function unknownNote(rows: readonly TableRow[], keys: readonly string[]): string {
  const cells = rows.flatMap((r) => (r.uncertain.length === 0 ? [] : keys.filter((k) => r.uncertain.includes(k)).flatMap((k) => uncomputedAddresses(r.texts[k] ?? ''))));
  return cells.length > 0 ? `（${uncomputedSaying([...new Set(cells)])}，金额未知）` : '';
}

function sumOf(rows: readonly TableRow[], key: string): number | null {
  const values = rows.map((r) => cell(r, key));
  return values.some((v) => v === null) ? null : sumAmounts(values as number[]);
}

function linesOf(rows: readonly TableRow[]): LineRange[] {
  return rows.map((r) => r.lines);
}

function label(row: TableRow): string {
  return `${row.code ? `${row.code} ` : ''}${row.name || '（无名称行）'}`;
}

function sideOf(row: TableRow): string {
  return row.texts.side ?? '';
}

function isUnitRow(row: TableRow): boolean {
  return !row.code && row.group !== null && row.role === 'subtotal';
}

/**
 * A two-sided table may print the year's sub-total (本年收入合计 / 本年支出合计) and, below the 上年结转 / 年末结转 lines,
 * the grand total (总计, 收入总计, 支出总计). The 类 rows add up to the sub-total; 收入 = 支出 holds for the grand totals.
 * A side with one total row has it serve as both.
 */
function isGrandTotal(row: TableRow): boolean {
  return isGrandTotalName(row.name);
}

function sideTotals(table: Table, side: string): TableRow[] {
  return table.rows.filter((r) => r.role === 'total' && sideOf(r) === side);
}

function yearTotal(table: Table, side: string): TableRow | undefined {
  const totals = sideTotals(table, side);
  return totals.find((r) => !isGrandTotal(r)) ?? totals[0];
}

function grandTotal(table: Table, side: string): TableRow | undefined {
  const totals = sideTotals(table, side);
  return totals.find(isGrandTotal) ?? (totals.length === 1 ? totals[0] : undefined);
}

/** The side's own first column: the two sides of a table may key their amount columns differently (决算数 / 合计). */
function firstKey(row: TableRow, keys: readonly string[]): string | undefined {
  return keys.find((k) => k in row.values);
}

/** The text key all layouts use for a 项目支出 row's project name. */
const PROJECT_NAME = 'project-name';

function namesProject(row: TableRow): boolean {
  return (row.texts[PROJECT_NAME] ?? '').trim() !== '';
}

/**
 * 项目支出 tables may print a 项 row and then its projects under the same code. A row without a project name that
 * opens a run of same-code rows is that 项's subtotal when its 合计 equals the sum of the run; otherwise (a project
 * whose name was lost) it is one of the projects.
 */
function itemSubtotals(rows: readonly TableRow[]): Map<TableRow, TableRow[]> {
  const out = new Map<TableRow, TableRow[]>();
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i];
    if (head.level !== 3 || !head.code || namesProject(head)) continue;
    let end = i + 1;
    while (end < rows.length && rows[end].code === head.code && rows[end].group === head.group && namesProject(rows[end])) end++;
    const run = rows.slice(i + 1, end);
    const total = head.values.total;
    if (run.length === 0 || total == null) continue;
    // A project whose amount could not be placed leaves the sum open: the head is then a subtotal when the known
    // projects do not exceed it.
    const unknown = run.filter((r) => r.uncertain.includes('total') || (r.flag !== null && r.values.total == null));
    const known = sumAmounts(run.filter((r) => !unknown.includes(r)).map((r) => r.values.total ?? 0));
    if (unknown.length === 0 ? amountsAgree(total, known) : known <= total + 0.01) out.set(head, run);
  }
  return out;
}

/**
 * A summary's further expenditure panels (支出用途 beside 功能分类, rows marked `texts.panel`): each lists the same
 * expenditure again, so its top items (一、二、…, or every row when none is numbered) add up to the side's total.
 */
function panelsOf(table: Table, side: string): { label: string; rows: TableRow[] }[] {
  const rows = table.rows.filter((r) => r.texts.panel && sideOf(r) === side && r.role === 'data');
  return [...new Set(rows.map((r) => r.texts.panel))].map((label) => {
    const own = rows.filter((r) => r.texts.panel === label);
    const top = own.filter((r) => itemDepth(compact(r.name)) === 1);
    return { label, rows: top.length > 0 ? top : own };
  });
}

/**
 * The identities of every row of a table with these columns: the vocabulary's (columns.ts), and each group's 小计 =
 * the columns its header prints under it (a column's `parent`) where the vocabulary has none for that 小计. A
 * positional key (c4) is a column the vocabulary does not know: under a known column it is part of that one alone,
 * and the identities of that column and those above it, which would leave it out, are not asked; a positional column
 * under none may be part of any total, and no identity of the table holds.
 */
function rowIdentities(columns: Table['columns']): (ColumnIdentity & { less?: string[] })[] {
  const keys = columns.map((c) => c.key);
  const parentOf = new Map(columns.map((c) => [c.key, c.parent && keys.includes(c.parent) ? c.parent : null]));
  const above = (key: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf.get(key); p && !out.includes(p); p = parentOf.get(p)) out.push(p);
    return out;
  };
  const positional = keys.filter(isPositionalKey);
  if (positional.some((k) => above(k).every(isPositionalKey))) return [];
  const holding = new Set(positional.flatMap(above));
  const known = keys.filter((k) => !isPositionalKey(k));
  // Nor is an identity that would count a column twice, with the column its header prints it under.
  const vocabulary = [...columnIdentities(known), ...balanceIdentities(keys)].filter(
    (i) => !holding.has(i.whole) && !i.parts.some((p) => above(p).some((a) => i.parts.includes(a))),
  );
  // The table's own total over the header's top-level columns is the tree's guess (其中 and 小计 columns stand there
  // too, 深圳 支出总表; 机关运行经费 beside the 三公 items): only a group's 小计 over the columns printed under it is
  // asserted, and only where each of them is a part of a sum (no 上年数, no `其中：` of an unknown column).
  const groups = [...new Set(parentOf.values())].filter((p): p is string => p !== null && p !== 'total' && !vocabulary.some((i) => i.whole === p));
  const unknownParts = new Set(columns.filter(isUnknownPart).map((c) => c.key));
  const tree = groups
    .map((whole) => ({ whole, parts: keys.filter((k) => parentOf.get(k) === whole) }))
    .filter(({ parts }) => parts.every((k) => (isPositionalKey(k) && !unknownParts.has(k)) || isTotalPart(k) || groups.includes(k)));
  return [...vocabulary, ...tree];
}

function withinTable(table: Table): Check[] {
  const checks: Check[] = [];
  const keys = table.columns.map((c) => c.key);
  const groups = [...new Set(table.rows.map((r) => r.group))].filter((g) => g !== null);
  const groupTag = (g: string | null) => (groups.length > 1 && g !== null ? `g${groups.indexOf(g) + 1}:` : '');
  const codeCount = new Map<string, number>();
  for (const r of table.rows) if (r.code) codeCount.set(`${r.group}|${r.code}`, (codeCount.get(`${r.group}|${r.code}`) ?? 0) + 1);
  const ref = (r: TableRow, i: number) =>
    r.code && codeCount.get(`${r.group}|${r.code}`) === 1 ? `${groupTag(r.group)}${r.code}` : `r${i + 1}`;
  const sameBlock = (a: TableRow, b: TableRow) => a.group === b.group && sideOf(a) === sideOf(b);
  // Each column's name once per table: every check of every row names its columns.
  const names = new Map(keys.map((key) => [key, columnName(key, table.columns)]));
  const name = (key: string) => names.get(key) ?? columnName(key, table.columns);

  // Most tables hold no such cell: their checks' messages are not searched for one.
  const noted = table.rows.some(holdsUnknown);

  const itemTotals = itemSubtotals(table.rows);
  // The coded rows by their parent's code, in order, less those under an item's subtotal: each coded row's children
  // are looked up, not found by a scan of every row per row (quadratic in a table of thousands of rows).
  const underItems = new Set([...itemTotals.values()].flat());
  const byParent = Map.groupBy(
    table.rows.filter((c) => c.code && !underItems.has(c)),
    (c) => parentCode(c.code!),
  );
  table.rows.forEach((row, i) => {
    if (!row.code) return;
    const projects = itemTotals.get(row);
    if (!projects && (row.level === 3 || codeCount.get(`${row.group}|${row.code}`) !== 1)) return;
    const children = projects ?? (byParent.get(row.code) ?? []).filter((c) => c.codeScheme === row.codeScheme && sameBlock(c, row));
    if (children.length === 0) return;
    const id = `${table.id}:parent-sum:${projects ? `r${i + 1}` : ref(row, i)}:`;
    checks.push(...sumChecks(id, `${label(row)} = ${projects ? '其下各项目之和' : '下级科目之和'}`, row, children, keys, name, noted));
  });

  const topRows = (group: string | null, side: string) =>
    table.rows.filter((r) => r.level === 1 && r.group === group && sideOf(r) === side && r.role === 'data');
  const units = table.rows.filter(isUnitRow);
  for (const unit of units) {
    const parts = topRows(unit.group, sideOf(unit));
    if (parts.length === 0) {
      // A unit printing no code over rows of its own (深圳 基本支出总表: 工资福利支出 over 基本工资 …; 项目支出总表: its
      // projects) is the total of a list of them.
      const own = table.rows.filter((r) => r.group === unit.group && r !== unit && r.role !== 'group-header');
      if (!own.some((r) => r.code)) checks.push(...listTotalChecks(table, unit, own, `${table.id}:group-sum:${groupTag(unit.group) || 'g1:'}`, keys, name, noted));
      continue;
    }
    checks.push(...sumChecks(`${table.id}:group-sum:${groupTag(unit.group) || 'g1:'}`, `${unit.name} = 其下各类之和`, unit, parts, keys, name, noted));
  }
  const totals = table.rows.filter((r) => r.role === 'total' && sideOf(r) !== 'income');
  for (const total of totals.filter((r) => !isGrandTotal(r) || yearTotal(table, sideOf(r)) === r)) {
    const parts = units.length > 0 ? units : topRows(null, sideOf(total));
    if (parts.length === 0) {
      // A one-sided list of items (政府采购, 项目, 政府购买服务, 三公 by unit) has no 类 rows to add up: its rows are.
      if (totals.length === 1 && groups.length === 0 && !table.rows.some(sideOf) && table.kind !== 'fixed-assets') {
        checks.push(
          ...listTotalChecks(table, total, table.rows.filter((r) => r !== total && r.role !== 'group-header'), `${table.id}:total-sum:`, keys, name, noted),
        );
      }
      continue;
    }
    const side = sideOf(total) ? `${sideOf(total)}:` : '';
    // A row of a one-sided table whose code was not read (plain text printing the codes apart from the names) may be a
    // 类 the sum leaves out: where the 类 rows fall short of the total, what they add up to is not known.
    const codeless =
      units.length > 0 || side ? 0 : table.rows.filter((r) => r.role === 'data' && !r.code && !r.texts.panel && (r.flag !== null || keys.some((k) => r.values[k]))).length;
    const lines = linesOf([total, ...parts]);
    // On a two-sided table the other side's columns are not this total's.
    for (const key of side ? keys.filter((k) => k in total.values) : keys) {
      const check = compareAmounts(
        `${table.id}:total-sum:${side}${key}`,
        `${total.name || '合计'} = ${units.length > 0 ? '各单位之和' : '各类之和'}（${name(key)}）${noted ? unknownNote([total, ...parts], [key]) : ''}`,
        cell(total, key),
        sumOf(parts, key),
        lines,
      );
      const unread = check.status === 'fail' && codeless > 0 && check.actual! < check.expected!;
      checks.push(unread ? { ...check, status: 'not-checkable', message: `${check.message}：${codeless} 行没有读出科目编码，其中可能有类一级的行` } : check);
    }
    for (const [k, panel] of panelsOf(table, sideOf(total)).entries()) {
      const what = `${total.name || '合计'} = ${panel.label}各项之和`;
      checks.push(...sumChecks(`${table.id}:panel-sum:p${k + 2}:`, what, total, panel.rows, keys.filter((x) => x in total.values), name, noted));
    }
  }

  const identities = rowIdentities(table.columns);
  // Each identity's formula is worded once per table, not once per row.
  const formulas = identities.map(({ whole, parts, less = [] }) => `${name(whole)} = ${parts.map(name).join(' + ')}${less.map((k) => ` − ${name(k)}`).join('')}`);
  table.rows.forEach((row, i) => {
    if (sideOf(row) === 'income') return;
    if (!keys.some((k) => row.values[k] != null)) return;
    const rowRef = ref(row, i);
    const rowLabel = label(row);
    const rowLines = [row.lines];
    identities.forEach(({ whole, parts, less = [] }, j) => {
      const added = parts.map((k) => cell(row, k));
      const taken = less.map((k) => cell(row, k));
      const known = [...added, ...taken].every((v) => v !== null);
      checks.push(
        compareAmounts(
          `${table.id}:row:${rowRef}:${whole}`,
          `${rowLabel}：${formulas[j]}${noted ? unknownNote([row], [whole, ...parts, ...less]) : ''}`,
          cell(row, whole),
          known ? subtractAmounts(sumAmounts(added as number[]), sumAmounts(taken as number[])) : null,
          rowLines,
        ),
      );
    });
  });

  const income = grandTotal(table, 'income') ?? table.rows.find((r) => compact(r.name) === SIDE_GRAND_TOTAL.income);
  const spending = grandTotal(table, 'expenditure') ?? table.rows.find((r) => compact(r.name) === SIDE_GRAND_TOTAL.expenditure);
  const incomeKey = income && firstKey(income, keys);
  const spendingKey = spending && firstKey(spending, keys);
  if (income && spending && income !== spending && incomeKey && spendingKey) {
    checks.push(
      compareAmounts(
        `${table.id}:income-equals-expenditure`,
        `收入总计 = 支出总计${noted ? unknownNote([income], [incomeKey]) + unknownNote([spending], [spendingKey]) : ''}`,
        cell(income, incomeKey),
        cell(spending, spendingKey),
        linesOf([income, spending]),
      ),
    );
  }
  return checks;
}

/**
 * A table's total (合计), or a unit's row, against the rows of a list with no 类 rows (`items`: the table's rows, or
 * the unit's). The rows are read as a tree where the amounts make one (row-tree.ts: a flat list, or parents each the
 * sum of the rows under them), and the total is compared with its top rows. Where no reading adds up, a shortfall is
 * certain only when even every row added together, parts counted again with their parents, stays below the total in a
 * column without negative amounts: rows are missing or the total is wrong. Otherwise which rows are parts of others is
 * not known and the check is `not-checkable`; so it is in the other columns where the first alone makes a tree, and
 * more than one.
 */
function listTotalChecks(
  table: Table,
  total: TableRow,
  items: readonly TableRow[],
  idPrefix: string,
  keys: readonly string[],
  name: (key: string) => string,
  noted: boolean,
): Check[] {
  if (items.length === 0) return [];
  const known = keys.filter((k) => cell(total, k) !== null && items.every((r) => cell(r, k) !== null));
  const amounts = items.map((r) => known.map((k) => cell(r, k)!));
  // A row of no amount (a name's second line, an item left blank) is a leaf or a parent of nothing alike.
  const counted = items.flatMap((_, i) => (amounts[i].some((v) => v !== 0) ? [i] : []));
  const target = known.map((k) => cell(total, k)!);
  const everyRow = known.map((_, j) => sumAmounts(counted.map((i) => amounts[i][j])));
  // The columns read together, else the first (合计) alone: a reading of the first whose other columns do not add up
  // shows where they do not. Every reading of the columns read adds up in them, whichever is taken; read from the
  // first alone, where more than one does, the other columns may add up in one and not in another: their top rows are
  // not known (`firstOnly`: a reading that holds for the first column alone).
  const search = (columns: readonly number[]) => topRowsOfTree(counted.map((i) => columns.map((j) => amounts[i][j])), columns.map((j) => target[j]));
  // The first column's reading is searched once: parentChecks reads the list by it again.
  let firstReading: TreeReading | null | undefined;
  const readFirst = () => (firstReading === undefined ? (firstReading = search([0])) : firstReading);
  const treeOf = (columns: readonly number[]) => {
    if (columns.every((j) => amountsAgree(everyRow[j], target[j]))) return { tops: counted, only: true };
    const reading = columns.length === 1 && columns[0] === 0 ? readFirst() : search(columns);
    return reading && { tops: reading.tops.map((t) => counted[t]), only: reading.only };
  };
  const together = known.length === 0 ? null : treeOf(known.map((_, j) => j));
  const first = together || known.length < 2 ? null : treeOf([0]);
  const tops = together?.tops ?? (first?.only ? first.tops : undefined);
  const firstOnly = first && !first.only ? first.tops.map((i) => items[i]) : undefined;
  const topItems = tops?.map((i) => items[i]);
  // Where the amounts make no tree, a list that opens with an outline marker (一、 or 1.) numbers its top items so:
  // they alone add up to the total, whatever the rows under them.
  const opening = counted.length > 0 ? markerKind(compact(items[counted[0]].name)) : null;
  const numbered = opening ? counted.filter((i) => markerKind(compact(items[i].name)) === opening).map((i) => items[i]) : undefined;
  const shown = topItems ?? firstOnly;
  const what = `${total.name || '合计'} = ${shown && shown.length < counted.length ? '各项之和（不含其下分项）' : numbered ? '各项之和（按编号的顶层各项）' : '各行之和'}`;
  const lines = linesOf([total, ...items]);
  return [...keys.map((key): Check => {
    const id = `${idPrefix}${key}`;
    const j = known.indexOf(key);
    if (j < 0) {
      const unknown = items.filter((r) => cell(r, key) === null).length;
      const why = unknown > 0 ? `：${unknown} 行的金额未能确定${noted ? unknownNote(items, [key]) : ''}` : '';
      return compareAmounts(id, `${what}（${name(key)}）${why}`, cell(total, key), null, lines);
    }
    if (topItems) return compareAmounts(id, `${what}（${name(key)}）`, target[j], sumOf(topItems, key), linesOf([total, ...topItems]));
    if (firstOnly && j === 0) return compareAmounts(id, `${what}（${name(key)}）`, target[j], sumOf(firstOnly, key), linesOf([total, ...firstOnly]));
    if (numbered) return compareAmounts(id, `${what}（${name(key)}）`, target[j], sumOf(numbered, key), linesOf([total, ...numbered]));
    const short = everyRow[j] < target[j] && !amountsAgree(everyRow[j], target[j]) && amounts.every((a) => a[j] >= 0);
    if (short) return compareAmounts(id, `${what}（${name(key)}）：各行全部相加仍小于合计，表中缺行或合计有误`, target[j], everyRow[j], lines);
    return {
      id,
      status: 'not-checkable',
      message: firstOnly
        ? `${what}（${name(key)}）：按「${name(known[0])}」一列，不止一种上下级关系使上级行等于其下各行之和、顶层各行之和等于合计，本列按哪一种相加不能确定，无法校验`
        : `${what}（${name(key)}）：各行相加与合计不符，又看不出哪些行是其他行的分项（没有哪种上下级关系使上级行等于其下各行之和、顶层各行之和等于合计），无法校验`,
      expected: target[j],
      actual: everyRow[j],
      lines,
    };
  }), ...parentChecks(table, items, counted, amounts, target, keys, name, noted, readFirst)];
}

/**
 * Each parent row of a list read as a tree by its first known column (row-tree.ts parentsOfTree: a department's row
 * over its units, 一、货物 over its purchases) against the rows under it, in every column: the tree is the one its
 * first column makes, so the other columns check it. A department's row printing the total's amounts, its units
 * under it (杭州 表2), is the total's one top row, and its units add up to it, not to the total a second time. None
 * where the first column makes no tree, or more than one.
 */
function parentChecks(
  table: Table,
  items: readonly TableRow[],
  counted: readonly number[],
  amounts: readonly (readonly number[])[],
  target: readonly number[],
  keys: readonly string[],
  name: (key: string) => string,
  noted: boolean,
  firstReading: () => TreeReading | null,
): Check[] {
  if (target.length === 0) return [];
  const tree = parentsOfTree(counted.map((i) => [amounts[i][0]]), [target[0]], firstReading);
  return (tree ?? []).flatMap(({ whole, parts }) => {
    if (whole < 0) return [];
    const parent = items[counted[whole]];
    const children = parts.map((p) => items[counted[p]]);
    return sumChecks(`${table.id}:parent-sum:r${table.rows.indexOf(parent) + 1}:`, `${label(parent)} = 其下各行之和`, parent, children, keys, name, noted);
  });
}

/**
 * `whole` against the sum of `parts` in each column of `keys`, one check a column: `id` and `what` are the relation's
 * part of each check's id and message, and its lines the same for every column, so they are made once.
 */
function sumChecks(
  id: string,
  what: string,
  whole: TableRow,
  parts: readonly TableRow[],
  keys: readonly string[],
  name: (key: string) => string,
  noted: boolean,
): Check[] {
  const lines = linesOf([whole, ...parts]);
  return keys.map((key) =>
    compareAmounts(
      `${id}${key}`,
      `${what}（${name(key)}）${noted ? unknownNote([whole, ...parts], [key]) : ''}`,
      cell(whole, key),
      sumOf(parts, key),
      lines,
    ),
  );
}

/**
 * 固定资产占用情况表: 资产总额 (or the total row) = the sum of its numbered items (1、房屋 2、车辆 3、设备 4、其他), in
 * every amount column; `其中` rows break an item down and are not added again. 数量 adds 平方米 to 辆 and is not summed.
 */
function fixedAssetChecks(table: Table): Check[] {
  const total = table.rows.find((r) => r.role === 'total' || totalRole(r.name) === 'total' || isAssetTotalName(r.name));
  const items = table.rows.filter((r) => r !== total && itemDepth(compact(r.name)) !== null);
  if (!total || items.length === 0) return [];
  const noted = table.rows.some(holdsUnknown);
  return table.columns
    .filter((c) => c.key !== 'quantity')
    .map((c) =>
      compareAmounts(
        `${table.id}:assets-sum:${c.key}`,
        `${total.name} = 各项资产之和（${columnName(c.key, table.columns)}）${noted ? unknownNote([total, ...items], [c.key]) : ''}`,
        cell(total, c.key),
        sumOf(items, c.key),
        linesOf([total, ...items]),
      ),
    );
}

function first(tables: readonly Table[], kind: TableKind): Table | undefined {
  return tables.find((t) => t.kind === kind && !t.declaredEmpty && t.rows.length > 0);
}

/** Amount per 类 over a table's expenditure rows (summed across sub-units); null where a cell is uncertain. */
function byClass(table: Table, key: string): Map<string, number | null> {
  const coded = table.rows.filter((r) => r.code && r.codeScheme === 'function' && sideOf(r) !== 'income');
  const rows = coded.filter((r) => r.level === 1);
  const out = new Map<string, number | null>();
  if (rows.length > 0) {
    for (const code of new Set(rows.map((r) => r.code!))) out.set(code, sumOf(rows.filter((r) => r.code === code), key));
    return out;
  }
  // No 类 rows: a table of leaf rows only (北京 支出总表, one row per function × economic code pair) sums to its
  // classes, as long as no row is another's parent.
  const leaves = coded.every((r) => !coded.some((o) => o.code !== r.code && o.code!.startsWith(r.code!)));
  if (!leaves) return out;
  for (const cls of new Set(coded.map((r) => r.code!.slice(0, 3)))) out.set(cls, sumOf(coded.filter((r) => r.code!.startsWith(cls)), key));
  return out;
}

function totalRow(table: Table, side = ''): TableRow | undefined {
  return yearTotal(table, side);
}

function classChecks(id: string, what: string, a: Table, aKey: string, b: Table, bKey: string, leaveOut: ReadonlySet<string> = new Set()): Check[] {
  const left = byClass(a, aKey);
  const right = byClass(b, bKey);
  // A table without class figures decides nothing class by class.
  if (left.size === 0 || right.size === 0) return [];
  // A class one table does not print is 0 there; one whose sum holds an unknown cell (null) is unknown, not 0.
  const amount = (sums: Map<string, number | null>, code: string) => (sums.has(code) ? sums.get(code)! : 0);
  const codes = [...new Set([...left.keys(), ...right.keys()])].filter(
    (c) => !leaveOut.has(c) && (amount(left, c) !== 0 || amount(right, c) !== 0),
  );
  const ofClass = (t: Table, code: string) => t.rows.filter((r) => r.code?.startsWith(code));
  return codes.sort().map((code) =>
    compareAmounts(
      `${id}:${code}`,
      `${what}：${code} 类${unknownNote(ofClass(a, code), [aKey]) + unknownNote(ofClass(b, code), [bKey])}`,
      amount(left, code),
      amount(right, code),
      [a.lines, b.lines],
    ),
  );
}

function totalCheck(id: string, what: string, a: Table, aRow: TableRow | undefined, aKey: string, b: Table, bRow: TableRow | undefined, bKey: string): Check[] {
  if (!aRow || !bRow || !a.columns.some((c) => c.key === aKey) || !b.columns.some((c) => c.key === bKey)) return [];
  return [compareAmounts(id, `${what}${unknownNote([aRow], [aKey]) + unknownNote([bRow], [bKey])}`, cell(aRow, aKey), cell(bRow, bKey), [aRow.lines, bRow.lines])];
}

function acrossTables(tables: readonly Table[]): Check[] {
  const checks: Check[] = [];
  const summary = first(tables, 'income-expenditure-summary');
  const incomeSummary = first(tables, 'income-summary');
  const spending = first(tables, 'expenditure-summary');
  const fiscal = first(tables, 'fiscal-appropriation-summary');
  const general = first(tables, 'general-budget-expenditure');
  const basic = first(tables, 'general-budget-basic-expenditure');
  const project = first(tables, 'general-budget-project-expenditure');
  const key = (t: Table) => t.columns[0]?.key ?? 'total';
  // A 决算 table printing its budget beside what was spent (全年预算数 | 决算数 over 合计 | 基本支出 | 项目支出) is compared
  // by what was spent.
  const spent = (t: Table, k: string) => (t.columns.some((c) => c.key === `${k}-actual`) ? `${k}-actual` : k);
  if (summary && spending) {
    checks.push(...classChecks('x:summary-vs-expenditure', '收支总表与支出总表的支出', summary, key(summary), spending, 'total'));
    checks.push(
      ...totalCheck('x:summary-vs-expenditure:total', '收支总表支出总计 = 支出总表合计', summary, totalRow(summary, 'expenditure'), key(summary), spending, totalRow(spending), 'total'),
    );
  }
  if (summary && incomeSummary) {
    // A 收入总表 with a 上年结转 column totals the year's income and the carry-over (总计 = 本年收入小计 + 上年结转结余):
    // its 合计 is the summary's 收入总计. Without one it is the year's income, the summary's 本年收入合计.
    const withCarryover = incomeSummary.columns.some((c) => c.key.startsWith('carryover'));
    const income = withCarryover ? (grandTotal(summary, 'income') ?? totalRow(summary, 'income')) : totalRow(summary, 'income');
    const what = withCarryover ? '收支总表收入总计 = 收入总表合计（含上年结转）' : '收支总表本年收入合计 = 收入总表合计';
    checks.push(...totalCheck('x:summary-vs-income:total', what, summary, income, key(summary), incomeSummary, totalRow(incomeSummary), 'total'));
  }
  if (fiscal && general) {
    const fiscalKey = fiscal.columns.some((c) => c.key === 'general') ? 'general' : key(fiscal);
    // A 财政拨款 summary with one column for all funds (广州) holds 政府性基金 and 国有资本经营 spending too: its
    // classes that those tables also spend on are not the 一般公共预算 table's.
    const otherFunds = new Set(
      fiscalKey === 'general'
        ? []
        : tables
            .filter((t) => t.kind === 'government-fund-expenditure' || t.kind === 'state-capital-expenditure')
            // A 决算 fund table opens with 年初结转和结余; its spending is 本年支出's.
            .flatMap((t) => [...byClass(t, t.columns.some((c) => c.key === 'expenditure') ? 'expenditure' : key(t))].filter(([, v]) => v !== 0).map(([c]) => c)),
    );
    checks.push(...classChecks('x:fiscal-vs-general-budget', '财政拨款收支总表的一般公共预算支出与一般公共预算支出表', fiscal, fiscalKey, general, spent(general, 'total'), otherFunds));
  }
  if (general && basic) {
    checks.push(
      ...totalCheck('x:basic-vs-general-budget:basic', '基本支出表合计 = 一般公共预算支出表的基本支出', basic, totalRow(basic), 'total', general, totalRow(general), spent(general, 'basic')),
    );
  }
  if (general && project) {
    checks.push(
      ...totalCheck('x:project-vs-general-budget:project', '项目支出表合计 = 一般公共预算支出表的项目支出', project, totalRow(project), 'total', general, totalRow(general), spent(general, 'project')),
    );
  }
  return checks;
}

/**
 * A table printed a row a unit and year (深圳 三公: each unit's `2025 年`, `2026 年`, `增减变化金额`, its 年度 cell in
 * `texts.year`): each unit's change is the later year's amount less the earlier's, in every column. Only where a unit
 * prints exactly two years and one change row.
 */
function yearChangeChecks(table: Table): Check[] {
  if (!table.rows.some((r) => r.texts.year !== undefined)) return [];
  const units = Map.groupBy(table.rows.filter((r) => r.texts.year !== undefined), (r) => r.group);
  return [...units.values()].flatMap((rows, g) => {
    const years = rows.filter((r) => rowYear(r) > 0).sort((a, b) => rowYear(a) - rowYear(b));
    const changes = rows.filter((r) => /增减|变化|增长/.test(r.texts.year!));
    if (years.length !== 2 || changes.length !== 1) return [];
    const [before, after] = years;
    const change = changes[0];
    const unit = rows[0].group ?? '';
    return table.columns.map(({ key }) => {
      const a = cell(before, key);
      const b = cell(after, key);
      return compareAmounts(
        `${table.id}:year-change:g${g + 1}:${key}`,
        `${unit}：${change.texts.year!.replace(/\s/g, '')} = ${rowYear(after)}年 − ${rowYear(before)}年（${columnName(key, table.columns)}）`,
        cell(change, key),
        a === null || b === null ? null : subtractAmounts(b, a),
        linesOf([before, after, change]),
      );
    });
  });
}

export function checkTables(tables: readonly Table[]): Check[] {
  const assets = tables.filter((t) => t.kind === 'fixed-assets').flatMap(fixedAssetChecks);
  return [...tables.flatMap((t) => [...withinTable(t), ...yearChangeChecks(t)]), ...assets, ...acrossTables(tables)];
}
