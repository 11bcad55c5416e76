import type { LineRange, Unparsed } from '../../schema/common.ts';
import type { Table } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';
import { joinStackedRows } from '../layout/stacked.ts';
import type { LayoutTables } from './layout-result.ts';
import { parseSpacedTables } from './spaced/index.ts';
import { columnKeys, isPositionalKey } from './columns.ts';
import { findRegions } from './spaced/regions.ts';
import { splitTrailingNumbers } from './spaced/tokens.ts';
import { wordsOf } from '../layout/cells.ts';
import { isBlank } from '../source-lines.ts';

const LOOSE = '逐格一行打印的表格中，这个数字前后没有可确定的科目编码或名称（表头、页眉之后，或阅读顺序被打乱），无法确定它属于哪一行、哪一栏，未填入';

const TOTAL = '逐格一行打印的表格中，这一合计行后面没有可确定属于它的金额（印在别处，或阅读顺序被打乱），未作为表格行读出';

const NONE_PRINTED =
  '逐格一行打印的表格中，这一行没有印出金额，而本表有金额无法确定属于哪一行（见未解析的行或其他有标记的行），不能断定这一行的各栏为空';

/**
 * A table some of whose amounts no row could take (loose, or more than a row's columns): a row of it printing no
 * amount may be the row they belong to, so it is unknown, not zero (table-checks.ts reads a blank cell as zero); and
 * the table prints amounts, whatever a note under it says (`本表为空表` under 万里街道 2024's 三公 table, whose
 * amounts all went loose): it is not declared empty, or its figures would be read as zeros.
 */
function withUnplacedAmounts(table: Table, loose: readonly SourceLine[]): Table {
  const within = (no: number) => table.lines.first <= no && no <= table.lines.last;
  const looseIn = loose.some((l) => within(l.no));
  if (!looseIn && !table.rows.some((r) => r.flag !== null)) return table;
  const amountless = (row: Table['rows'][number]) => row.flag === null && Object.values(row.values).every((v) => v === null);
  return {
    ...table,
    declaredEmpty: table.declaredEmpty && !looseIn,
    rows: table.rows.map((row) => (amountless(row) ? { ...row, flag: NONE_PRINTED } : row)),
  };
}

/** Rows printing as many amounts as the header names columns, at least, before their count is taken as the columns'. */
const FEW_ROWS = 3;

/**
 * The totals' names no row took that head a column: the first of a header's labels printed one a line (广州 表3
 * L700-L711 `合计` / `基本支出` / `项目支出` / `事业单位经营支出` / `对附属单位补助支` / `出` / `上缴上级支出`), given back to
 * the reader, which then reads the header's columns. Elsewhere it stays out (layout/stacked.ts): a header printing
 * only some of its labels before the rows (上海 规划资源局 收入决算表: `本年收入合计` / `财政拨款收入`, the other sources
 * printed after) would read as fewer columns than the table has, and in reading order an empty cell prints nothing
 * (北京 预算03表's rows print 合计 and one of 基本支出 / 项目支出), so a row's count of amounts does not show them either.
 * Given back only where the table (its page) prints its empty cells, as zeros (`0.00`), and most of its rows print as
 * many amounts as the lines from the total's name to the first row name columns (a line a label or a piece of one,
 * `出` naming none), at least FEW_ROWS, none fewer (more: other rows' amounts joined to one where reading order broke,
 * which the reader leaves unplaced).
 */
function columnTotals(lines: readonly SourceLine[], totals: readonly SourceLine[], rowStarts: ReadonlySet<number>): SourceLine[] {
  const regions = findRegions(lines);
  return totals.filter((total) => {
    const region = regions.find((r) => r.first <= total.no && total.no <= r.last);
    if (!region) return false;
    const after = region.body.filter((l) => l.no > total.no && !isBlank(l));
    const firstRow = after.findIndex((l) => rowStarts.has(l.no));
    if (firstRow < 0) return false;
    // Each line a label or a piece of one: the columns its lines name (a piece naming none: `出` of `对附属单位补助支 / 出`).
    const named = new Set(columnKeys([total, ...after.slice(0, firstRow)].map((l) => l.text.trim())).filter((k) => !isPositionalKey(k)));
    const amounts = after
      .slice(firstRow)
      .filter((l) => rowStarts.has(l.no))
      .map((l) => splitTrailingNumbers(wordsOf(l.text)).numbers);
    const zeros = amounts.some((row) => row.some((n) => n.value === 0));
    const counts = amounts.map((row) => row.length).filter((n) => n > 0);
    const exact = counts.filter((n) => n === named.size).length;
    return zeros && named.size > 1 && exact >= FEW_ROWS && exact * 2 > counts.length && counts.every((n) => n >= named.size);
  });
}

/**
 * Tables printed one cell a line (layout/stacked.ts): their rows joined into single-space lines, read by the
 * single-space reader, whose rows, tables and claims then cover every line a joined row was made of, with the totals'
 * names that head a header's columns (columnTotals). Amounts no row could be made of are unparsed where they stand in a
 * table.
 */
export function parseStackedTables(lines: readonly SourceLine[]): LayoutTables {
  const joinedRows = joinStackedRows(lines);
  const heads = new Set(columnTotals(joinedRows.lines, joinedRows.totals, new Set(joinedRows.joined.map((r) => r.first))));
  const stacked = {
    ...joinedRows,
    lines: joinedRows.lines.map((l, i) => (heads.has(lines[i]) ? lines[i] : l)),
    totals: joinedRows.totals.filter((t) => !heads.has(t)),
  };
  const lastOf = new Map(stacked.joined.map((r) => [r.first, r.last]));
  const widen = (r: LineRange): LineRange => ({ first: r.first, last: lastOf.get(r.last) ?? r.last });
  const read = parseSpacedTables(stacked.lines);
  const tables = read.tables.map((t) =>
    withUnplacedAmounts({ ...t, lines: widen(t.lines), rows: t.rows.map((row) => ({ ...row, lines: widen(row.lines) })) }, stacked.loose),
  );
  const claimed = read.claimed.map(widen);
  const inTable = (no: number): boolean => claimed.some((r) => r.first <= no && no <= r.last);
  const unplaced = (lines: readonly SourceLine[], reason: string): Unparsed[] =>
    lines.filter((l) => inTable(l.no)).map((l) => ({ lines: { first: l.no, last: l.no }, text: l.text.trim(), reason }));
  const loose = [...unplaced(stacked.loose, LOOSE), ...unplaced(stacked.totals, TOTAL)];
  return { ...read, tables, claimed, unparsed: [...read.unparsed.map((u) => ({ ...u, lines: widen(u.lines) })), ...loose] };
}
