import type { LineRange, Unparsed } from '../../schema/common.ts';
import type { Table } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';
import { joinStackedRows } from '../layout/stacked.ts';
import type { LayoutTables } from './layout-result.ts';
import { parseSpacedTables } from './spaced/index.ts';

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

/**
 * Tables printed one cell a line (layout/stacked.ts): their rows joined into single-space lines, read by the
 * single-space reader, whose rows, tables and claims then cover every line a joined row was made of. Amounts no row
 * could be made of are unparsed where they stand in a table.
 */
export function parseStackedTables(lines: readonly SourceLine[]): LayoutTables {
  const stacked = joinStackedRows(lines);
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
