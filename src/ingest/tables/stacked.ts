import type { LineRange, Unparsed } from '../../schema/common.ts';
import type { Table, TableRow } from '../../schema/table.ts';
import type { SourceLine } from '../source-lines.ts';
import { isWholeCode, joinStackedRows } from '../layout/stacked.ts';
import { codeLevel, parentCode, schemeOf } from '../../core/codes.ts';
import { foldFigures, foldWidth } from '../../core/width.ts';
import type { LayoutTables } from './layout-result.ts';
import { readSpacedBlocks } from './spaced/index.ts';
import type { StatedFigures } from './spaced/stated-figures.ts';
import { spacedBlocks, type SpacedBlock } from './table-blocks.ts';
import { cellsOf, type BlockRow } from '../layout/blocks.ts';
import { columnKeyFor, columnKeys, indexedIdentities, isPositionalKey } from './columns.ts';
import { isTwoSidedKind } from './kinds.ts';
import type { ColumnIdentity } from './columns.ts';
import { findRegions } from './spaced/regions.ts';
import { headerWidths, printsLabelsOnly } from './spaced/derived-columns.ts';
import { groupedColumns } from './spaced/header.ts';
import { splitTrailingNumbers, wordsIn, type NumberToken } from './spaced/tokens.ts';
import { cellAmount, codePiece, withoutItemMarkers } from '../layout/cell-text.ts';
import { isBlank } from '../source-lines.ts';
import { printedDecimals } from '../numbers.ts';
import { isPageFurnitureAt } from '../page-furniture.ts';
import { rowMarks } from './shared/header-rows.ts';

const LOOSE = '逐格一行打印的表格中，这个数字前后没有可确定的科目编码或名称（表头、页眉之后，或阅读顺序被打乱），无法确定它属于哪一行、哪一栏，未填入';

const TOTAL = '逐格一行打印的表格中，这一合计行后面没有可确定属于它的金额（印在别处，或阅读顺序被打乱），未作为表格行读出';

const PIECE =
  '逐格一行打印的表格中，编码按类、款、项分栏印出，这两位数字是款还是项的编码看不出（整行印出时由所在栏看出），没有作为这一行的编码读出';

const CHAINED =
  '逐格一行打印的表格中，几个科目编码接连印在一个名称之前（编码栏与名称栏被分开读出），其中哪个是这一名称的编码看不出，没有作为这一行的编码读出';

const NONE_PRINTED =
  '逐格一行打印的表格中，这一行没有印出金额，而本表有金额无法确定属于哪一行（见未解析的行或其他有标记的行），不能断定这一行的各栏为空';

const ORDER_BROKEN =
  '逐格一行打印的表格中，这一行和另一行所印的数字各自都不合本行的合计关系，而把后一行最后的数移到前一行之后，两行就都相合：阅读顺序把前一行的格印在了后一行的格之间，这些数属于哪一行不能确定，未填入';

/**
 * Whether amounts, in printed order, fill some of `width` columns so that the identities hold (blank cells 0) to the
 * precision they are printed in: half a unit of the last printed decimal a term, not a cent (北京 prints 万元 to six
 * decimals, where a cent's tolerance lets 0.510180 pass for 0.426000 + 0.081000).
 */
function fitsSomeColumns(amounts: readonly NumberToken[], identities: readonly ColumnIdentity<number>[], width: number): boolean {
  if (amounts.length === 0 || amounts.length > width) return false;
  const values = amounts.map((n) => n.value);
  if (values.some((v) => v === null)) return false;
  const unit = 10 ** -Math.max(0, ...amounts.map((n) => printedDecimals(n.text)));
  const holds = (row: readonly number[]) =>
    identities.every(({ whole, parts }) => Math.abs(row[whole] - parts.reduce((a, p) => a + row[p], 0)) <= ((parts.length + 1) * unit) / 2 + 1e-9);
  const fill = (from: number, chosen: readonly number[]): boolean => {
    if (chosen.length === values.length) {
      const row: number[] = new Array(width).fill(0);
      chosen.forEach((c, k) => (row[c] = values[k]!));
      return holds(row);
    }
    for (let c = from; c <= width - (values.length - chosen.length); c++) if (fill(c + 1, [...chosen, c])) return true;
    return false;
  };
  return fill(0, []);
}

/**
 * A row's amounts as printed: they end its last line that prints any (a name without amounts may join the row after
 * it). `blockRows`: the rows of the tables' blocks, by line number.
 */
function printedAmounts(row: Table['rows'][number], rows: ReadonlyMap<number, BlockRow>): NumberToken[] {
  const amounts: NumberToken[] = [];
  for (let no = row.lines.first; no <= row.lines.last; no++) {
    const printed = rows.get(no);
    if (printed) amounts.push(...splitTrailingNumbers(wordsIn(printed)).numbers);
  }
  return amounts;
}

/** The printed texts of `values`, each matched to one printed amount of that value. */
function printedTexts(printed: readonly NumberToken[], values: readonly number[]): string[] {
  const left = [...values];
  return printed.flatMap((n) => {
    const at = n.value === null ? -1 : left.indexOf(n.value);
    if (at < 0) return [];
    left.splice(at, 1);
    return [n.text];
  });
}

/**
 * Rows whose amounts reading order mixed: a row printing its first cells, then the next rows' label and amounts, then
 * its last cells (北京 预算03表 L852-L870: 30226 劳务费 `4.494832`, then 30227 委托业务费 `91.531758` and 30226's
 * `0.814832` / `3.680000`, the -layout text's L119-L120; 西安 表7 L3833-L4041: the 合计 row's `1703.48` printed last
 * on its page, after row 50102's `24.38` / `24.38`). Each of the two rows fails its identities under every placement
 * of its amounts in printed order (blank cells 0), and the last amounts of the later one, moved after the earlier
 * one's, make the earlier hold, and the later too (or leave it one amount, which holds nothing: 30227 prints its
 * 项目支出 `91.531758` with the column's others, -layout L120): then neither row's amounts are known to be its own,
 * and they are left unplaced, not asserted. A failing row with no such partner is the department's figure and stays,
 * for the checks to report.
 */
function withOrderBroken(table: Table, blockRows: ReadonlyMap<number, BlockRow>): { table: Table; unparsed: Unparsed[] } {
  const identities = indexedIdentities(table.columns.map((c) => c.key));
  const width = table.columns.length;
  const printed = table.rows.map((row) => printedAmounts(row, blockRows));
  const fits = (amounts: readonly NumberToken[]) => fitsSomeColumns(amounts, identities, width);
  const failing = table.rows.flatMap((row, i) => (printed[i].length > 0 && !row.texts.side && !fits(printed[i]) ? [i] : []));
  const broken = new Set<number>();
  for (const later of failing) {
    const own = printed[later];
    for (const earlier of failing.filter((i) => i < later)) {
      // Only as many amounts as a row has columns fit (fitsSomeColumns): the moved ones with the earlier row's, and
      // the ones kept unless one. Bounded so, a line of thousands of amounts (`npm run fuzz`) is not tried a count at a
      // time (5.8 s of CPU for 西安's default text with 5,573 of them).
      for (let k = Math.max(1, own.length - width); k <= Math.min(own.length - 1, width - printed[earlier].length); k++) {
        // What the later row keeps fits, or is one amount, which says nothing (its other cells printed elsewhere).
        const rest = own.slice(0, -k);
        if (fits([...printed[earlier], ...own.slice(-k)]) && (rest.length === 1 || fits(rest))) broken.add(earlier).add(later);
      }
    }
  }
  if (broken.size === 0) return { table, unparsed: [] };
  const unparsed: Unparsed[] = [...broken].flatMap((i) => {
    // The amounts the reader placed go to unparsed; those it left open are there already.
    const texts = printedTexts(printed[i], Object.values(table.rows[i].values).filter((v) => v !== null));
    return texts.length > 0 ? [{ lines: table.rows[i].lines, text: texts.join(' '), reason: ORDER_BROKEN }] : [];
  });
  const rows = table.rows.map((row, i) =>
    broken.has(i) ? { ...row, values: Object.fromEntries(Object.keys(row.values).map((k) => [k, null])), flag: ORDER_BROKEN, uncertain: [] } : row,
  );
  return { table: { ...table, rows }, unparsed };
}

const UNREAD_COLUMNS =
  '逐格一行打印的表格中，表头印有人员经费、公用经费（人员支出、日常公用支出）栏，读出的栏目却没有（表头被数字隔断）：除合计外，这个数属于哪一栏无法确定，未填入';

/** Columns that break 基本支出 down: a header printing them has columns a reading without them places amounts past. */
const BREAKDOWN = new Set(['personnel', 'public']);

/**
 * A table whose header prints 人员经费 / 公用经费 (人员支出 / 日常公用支出) where the columns read have neither: reading
 * order cut the header with amounts (西安 表5 L1608-L1622: `合计` / `人员经费支出` / `74868.33` / `17739.88` /
 * `公用经费支出` / `专项业务经费支出`), and the template's 合计 / 基本支出 / 项目支出 were taken. A row's `9,856.98` /
 * `9,854.88` / `2.10` (杭州 表3 L1102-L1108) would then read 基本支出 9,854.88 and 项目支出 2.10, where the -layout
 * text prints them under 人员支出 and 日常公用支出 (L677; 基本支出 there is only their group's heading). Only a row's
 * first amount is known, its 合计 (the sum of its parts, printed whenever any part is): the others go to unparsed as
 * printed. Not a two-sided table, whose rows are named 人员经费 and 公用经费 (上海 收支总表).
 */
function withUnreadColumns(table: Table, lines: readonly SourceLine[], blockRows: ReadonlyMap<number, BlockRow>): { table: Table; unparsed: Unparsed[] } {
  const keys = new Set(table.columns.map((c) => c.key));
  if (isTwoSidedKind(table.kind) || [...BREAKDOWN].some((k) => keys.has(k)) || !keys.has('total')) return { table, unparsed: [] };
  const inRow = (no: number) => table.rows.some((r) => r.lines.first <= no && no <= r.lines.last);
  const named = lines
    .slice(table.lines.first - 1, table.lines.last)
    .some((l) => !isBlank(l) && !inRow(l.no) && BREAKDOWN.has(columnKeyFor(l.text.trim()) ?? ''));
  return named ? keepingTotals(table, blockRows, UNREAD_COLUMNS) : { table, unparsed: [] };
}

/** The table with each row's 合计 only: its other amounts placed go to unparsed as printed, for `reason`. */
function keepingTotals(table: Table, blockRows: ReadonlyMap<number, BlockRow>, reason: string): { table: Table; unparsed: Unparsed[] } {
  const unparsed: Unparsed[] = [];
  const rows = table.rows.map((row) => {
    const past = Object.entries(row.values).flatMap(([k, v]) => (k !== 'total' && v !== null ? [v] : []));
    if (past.length === 0) return row;
    const texts = printedTexts(printedAmounts(row, blockRows), past);
    unparsed.push(...texts.map((text) => ({ lines: row.lines, text, reason })));
    const values = Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, k === 'total' ? v : null]));
    const uncertain = Object.keys(row.values).filter((k) => k !== 'total');
    return { ...row, values, flag: row.flag ?? reason, uncertain };
  });
  return { table: { ...table, rows }, unparsed };
}

const ROW_WISE =
  '逐格一行打印的表格中，“三公”经费各项印为行（每行一项），读出的栏目却是各项（表头被数字隔断，未读出合计、一般公共预算等栏）：除合计外，这个数属于哪一栏无法确定，未填入';

/**
 * A “三公” table printed row-wise, one item a row (广州 表8: `1.公务用车购置费` / `96.00` / `96.00` / `0.00` / `0.00`,
 * plain pdftotext L2199-L2207, under 合计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算, -layout L578), read in the
 * template's columns, which are the items (因公出国（境）费, 公务用车 …), where its header's labels were cut by amounts:
 * the row's 96.00 would read 因公出国（境）费 96.00. A row named by one of the items shows the table row-wise; only its
 * first amount, its 合计, is known, and the others go to unparsed as printed.
 */
function withRowWiseItems(table: Table, blockRows: ReadonlyMap<number, BlockRow>): { table: Table; unparsed: Unparsed[] } {
  if (table.kind !== 'three-public-expenditure') return { table, unparsed: [] };
  const items = new Set(table.columns.map((c) => c.key).filter((k) => k !== 'total'));
  const itemRow = (row: Table['rows'][number]) => items.has(columnKeyFor(withoutItemMarkers(row.name)) ?? '');
  return items.size > 0 && table.rows.some(itemRow) ? keepingTotals(table, blockRows, ROW_WISE) : { table, unparsed: [] };
}

const LOST_CODE =
  '逐格一行打印的表格中，这一科目编码后面没有紧接着印出它的名称和金额（印在别处，或阅读顺序被打乱），这一行的名称和金额无法确定，未填入';

/**
 * The 款 and 项 codes no row took in a table (深圳 2026 表3 L5419-L5420: `2080505` / `2080506` printed together after
 * the header a later page repeats, their names after them and their amounts after those, loose): each is a row the
 * table prints, whose name and amounts are not known. Given to the table as a nameless row of that code, flagged, its
 * cells unknown, so that its parent's sum is not taken over the children read without it (20805 176.41 against
 * 2080502's 37.74 alone). Only where the table read that parent's row: elsewhere (a table printed column by column,
 * its codes, then its names, then its amounts) no sum is taken without it. A 类's three digits may be a page's or a
 * row's number, and stay loose. The lines taken.
 */
function withLostCodes(table: Table, loose: readonly SourceLine[]): { table: Table; taken: SourceLine[] } {
  const read = new Set(table.rows.map((r) => r.code));
  const taken = loose.filter((l) => {
    const code = foldWidth(l.text.trim());
    // A 类 has no parent: its three digits stay loose.
    const parent = isWholeCode(code) ? parentCode(code) : null;
    return table.lines.first <= l.no && l.no <= table.lines.last && parent !== null && read.has(parent);
  });
  if (taken.length === 0) return { table, taken };
  const rows = [...table.rows];
  for (const line of taken) {
    const code = foldWidth(line.text.trim());
    const scheme = schemeOf(code)!;
    const values = Object.fromEntries(table.columns.map((c) => [c.key, null]));
    insertRow(rows, { code, codeScheme: scheme, level: codeLevel(code, scheme), values, flag: LOST_CODE, lines: { first: line.no, last: line.no } });
  }
  return { table: { ...table, rows }, taken };
}

/** A nameless row put among `rows` where its lines stand, in the group of the row before it. */
function insertRow(rows: TableRow[], row: Pick<TableRow, 'code' | 'codeScheme' | 'level' | 'values' | 'flag' | 'lines'>): void {
  const at = rows.findIndex((r) => r.lines.first > row.lines.first);
  const before = rows[(at < 0 ? rows.length : at) - 1];
  rows.splice(at < 0 ? rows.length : at, 0, { ...row, name: '', texts: {}, group: before?.group ?? null, role: 'data', uncertain: [] });
}

const NAMELESS =
  '逐格一行打印的表格中，这一行的各栏金额接在另一行的金额之后印出，它的名称没有印在金额之前（阅读顺序把它印在别处，如本页末尾），这一行是哪一行无法确定，只读出金额';

const NAMELESS_UNREAD =
  '逐格一行打印的表格中，这个数和前后几个数是一行的各栏金额，接在另一行的金额之后印出，名称没有印在它们之前（阅读顺序把它印在别处，如本页末尾）；本表读出的栏目与这些数对不上（栏数不同，或不合本行的合计关系），未填入';

/**
 * The rows printed whole after another row's amounts, their names printed elsewhere (layout/stacked.ts nameless): a
 * block the table takes as a row where it prints an amount for each of the table's columns and they hold the row's
 * identities in printed order (every cell printed, zeros too: 广州 2026 表11 L2462-L2476, 1,521.14 / 1,521.14 /
 * 1,521.14 / 0.00 / 0.00 / 0.00 / 0.00, 总计 = 财政拨款合计 + 财政专户拨款 + 其他资金). Its amounts are known, its name
 * not: flagged. Elsewhere (a header read with fewer columns than the rows print, 深圳 2026 收入总表's eleven amounts a
 * row under nine) the block is unparsed as printed, with why. The lines placed in rows, and all the lines taken.
 */
function withNamelessRows(table: Table, nameless: readonly SourceLine[][]): { table: Table; placed: SourceLine[]; unparsed: Unparsed[]; taken: SourceLine[] } {
  const identities = indexedIdentities(table.columns.map((c) => c.key));
  const width = table.columns.length;
  const tokens = (block: readonly SourceLine[]): NumberToken[] => block.map((l) => ({ text: l.text.trim(), value: cellAmount(l.text)?.value ?? null }));
  const within = nameless.filter((block) => table.lines.first <= block[0].no && block[block.length - 1].no <= table.lines.last);
  const lines = (block: readonly SourceLine[]): LineRange => ({ first: block[0].no, last: block[block.length - 1].no });
  const fits = (block: readonly SourceLine[]) => block.length === width && fitsSomeColumns(tokens(block), identities, width);
  const rows = [...table.rows];
  for (const block of within.filter(fits)) {
    const values = Object.fromEntries(table.columns.map((c, k) => [c.key, tokens(block)[k].value]));
    insertRow(rows, { code: null, codeScheme: null, level: null, values, flag: NAMELESS, lines: lines(block) });
  }
  const unparsed = within
    .filter((block) => !fits(block))
    .flatMap((block) => block.map((l) => ({ lines: { first: l.no, last: l.no }, text: l.text.trim(), reason: NAMELESS_UNREAD })));
  return { table: { ...table, rows }, placed: within.filter(fits).flat(), unparsed, taken: within.flat() };
}

/** A loose line of zeros only (`0.00  0`): asked of the whole line, which the table code does not cut into cells. */
const ZEROS = /^[\s0.,]*0[\s0.,]*$/;

/**
 * A table some of whose amounts no row could take (loose, or more than a row's columns): a row of it printing no
 * amount may be the row they belong to, so it is unknown, not zero (table-checks.ts reads a blank cell as zero); and
 * the table prints amounts, whatever a note under it says (`本表为空表` under 万里街道 2024's 三公 table, whose
 * amounts all went loose): it is not declared empty, or its figures would be read as zeros. Zeros are no figures: a
 * table printing only zeros (广州 水务局's 国有资本经营 table, `0.00` over `注：本表本年无发生额。`) is still empty
 * as its note says.
 */
function withUnplacedAmounts(table: Table, loose: readonly SourceLine[]): Table {
  const within = (no: number) => table.lines.first <= no && no <= table.lines.last;
  const looseIn = loose.filter((l) => within(l.no));
  if (looseIn.length === 0 && !table.rows.some((r) => r.flag !== null)) return table;
  const amountless = (row: Table['rows'][number]) => row.flag === null && Object.values(row.values).every((v) => v === null);
  const onlyZeros = looseIn.every((l) => ZEROS.test(foldFigures(l.text)));
  return {
    ...table,
    declaredEmpty: table.declaredEmpty && onlyZeros,
    rows: table.rows.map((row) => (amountless(row) ? { ...row, flag: NONE_PRINTED } : row)),
  };
}

/** Rows printing as many amounts as the header names columns, at least, before their count is taken as the columns'. */
const FEW_ROWS = 3;
/**
 * A row printing fewer amounts than the columns may have lost a cell (万里街道 2025 收入预算总表 L776-L792: 2080505's
 * last `0`, last on its page, reads as the page's number); more than one row in this many doing so shows fewer
 * columns than the header names.
 */
const LOST_CELL_SHARE = 10;

/**
 * The totals' names no row took that head a column: the first of a header's labels printed one a line (广州 表3
 * L700-L711 `合计` / `基本支出` / `项目支出` / `事业单位经营支出` / `对附属单位补助支` / `出` / `上缴上级支出`), given back to
 * the reader, which then reads the header's columns. Elsewhere it stays out (layout/stacked.ts): a header printing
 * only some of its labels before the rows (上海 规划资源局 收入决算表: `本年收入合计` / `财政拨款收入`, the other sources
 * printed after) would read as fewer columns than the table has, and in reading order an empty cell prints nothing
 * (北京 预算03表's rows print 合计 and one of 基本支出 / 项目支出), so a row's count of amounts does not show them either.
 * Given back only where the table (its page) prints its empty cells, as zeros (`0.00`), and most of its rows print as
 * many amounts as the lines from the total's name to the first row printing amounts name columns (a line a label or a
 * piece of one, `出` naming none), or as the whole header names columns of the kind's template, at least FEW_ROWS, hardly
 * any fewer (LOST_CELL_SHARE; more: other rows' amounts joined to one where reading order broke, which the reader
 * leaves unplaced).
 */
function columnTotals(lines: readonly SourceLine[], totals: readonly SourceLine[], rowStarts: ReadonlySet<number>): SourceLine[] {
  const regions = findRegions(lines, false);
  return totals.filter((total) => {
    const region = regions.find((r) => r.first <= total.no && total.no <= r.last);
    if (!region) return false;
    const amountsOf = (r: BlockRow) => splitTrailingNumbers(wordsIn(r)).numbers;
    // The first row printing amounts: a label before it that no amount followed (their amounts went loose) is the header's.
    const firstRow = region.rows.findIndex((r) => r.line.no > total.no && rowStarts.has(r.line.no) && amountsOf(r).length > 0);
    if (firstRow < 0) return false;
    const header = region.rows.slice(0, firstRow).map((r) => r.line);
    // Each line a label or a piece of one: the columns its lines name (a piece naming none: `出` of `对附属单位补助支 / 出`).
    const keysOf = (labels: readonly SourceLine[]) => new Set(columnKeys([total, ...labels].map((l) => l.text.trim())).filter((k) => !isPositionalKey(k)));
    const amounts = region.rows
      .slice(firstRow)
      .filter((r) => rowStarts.has(r.line.no))
      .map(amountsOf);
    const zeros = amounts.some((row) => row.some((n) => n.value === 0));
    const counts = amounts.map((row) => row.length).filter((n) => n > 0);
    const fits = (width: number) => {
      const exact = counts.filter((n) => n === width).length;
      const fewer = counts.filter((n) => n < width).length;
      return width > 1 && exact >= FEW_ROWS && exact * 2 > counts.length && fewer * LOST_CELL_SHARE <= counts.length;
    };
    // The labels from the total's name on; or, where reading order printed some of the header's labels before it
    // (上海 万里街道 2025 收入预算总表 L305-L331: `财政拨款收入` / `事业单位` / `经营收入` / `事业收入` / … `合计` / … `其他收入`,
    // the -layout text's 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入), the template columns of the table's kind that
    // the whole header names (headerWidths), its wrapped labels' pieces joined, the totals' names among them (深圳 2026
    // 基本支出总表 L10848-L10893: `总计` / `小计` / `财政专户` … `国有资本经` … `营预算拨款`, twelve amounts a row; 支出总表
    // L2794-L2834, nine: 支出总计 … 上缴上级支出, then 政府采购项目's `小计` and two `其中`): a band over the columns
    // (`一般公共预算支出` over 合计 / 基本支出 / 项目支出) is none of them.
    const after = keysOf(header.filter((l) => l.no > total.no)).size;
    // A row a code opens, joined before the first printing amounts (万里街道 2024 L2429-L2437: `201` / `38` / `基本支出` /
    // `项目支出` / `项`, a code whose name went elsewhere), is no header's line; a label joined alone is.
    const labels = region.rows.slice(0, firstRow).filter((r) => !(rowStarts.has(r.line.no) && codePiece(r.cells[0]?.text ?? '')));
    const before = region.rows[firstRow].line.no;
    const names = totals.filter((t) => region.first <= t.no && t.no < before).map((line) => ({ line, cells: cellsOf('spaced', line), furniture: false }));
    const printed = [...labels, ...names].sort((a, b) => a.line.no - b.line.no);
    // A list of one amount a row (政府采购, 政府购买服务, 项目明细 …) leaves no empty cell out: where every row prints one
    // amount and no label of the header names an amount column, the total's name heads that one column (江苏 政协
    // 2018 公开12表, plain pdftotext L786-L805: `采购品目大类` / `合计` / … / `采购组织形式` / `总计` / `1,281.76`, the
    // -layout text's L310 header ending in 总计 over every row's one amount).
    // Not where another label names the amount (福州 2026 基本支出经济分类表 L816-L823: `预算数`, then the total row's
    // amount and its name `合计` after it).
    const unnamed = header.every((l) => columnKeyFor(l.text.trim()) === null);
    const oneEach = unnamed && counts.length >= FEW_ROWS && counts.every((n) => n === 1);
    // A header printing groups over their columns numbers them all, its 总计 and each group's 小计 among its labels
    // (spaced/header.ts groupedColumns): as many as its rows print.
    const grouped = groupedColumns(printed)?.columns.length ?? 0;
    // Or with the header's labels reading order set after the rows (derived-columns.ts printsLabelsOnly: 深圳 2026 收入总表
    // L2643-L2665, after the page's rows, `上级补助收入` / `其他收入` / `上年结余` … of the eleven columns its rows print).
    // Not those alone: a row's name printed apart from its amounts may be a label too (广州 2026 表11 L2704-L2718,
    // `对个人和家庭的补助` / `资本性支出` …, 经济分类 items that name columns elsewhere).
    const withTail = [...printed, ...region.rows.slice(firstRow).filter(printsLabelsOnly)];
    const named = (header: readonly BlockRow[]) => region.titleKind !== null && headerWidths(region.titleKind, header).some(fits);
    return oneEach || (zeros && (fits(after) || fits(grouped) || named(printed) || named(withTail)));
  });
}

/**
 * The first line printed after each run of loose amounts: the amounts stand between it and the lines before, which
 * are therefore not one cell with it. A row whose amounts went loose (a run holding another row's too) is joined
 * without them, and the reader would run the next label on into its name (深圳 2026 支出总表 L4651-L4691: `2210203` /
 * `购房补贴` / 18 amounts, two rows' / `深圳市北部水源工程管理处`, a unit's row).
 */
function afterLoose(lines: readonly SourceLine[], loose: readonly SourceLine[]): number[] {
  const isLoose = new Set(loose.map((l) => l.no));
  return loose.flatMap((l) => {
    let no = l.no + 1;
    while (no <= lines.length && isBlank(lines[no - 1]) && !isLoose.has(no)) no++;
    return no <= lines.length && !isLoose.has(no) ? [no] : [];
  });
}

/**
 * A header prints no amount: where a loose amount opened a line that goes on with a name (layout/stacked.ts: the amount
 * no row took, the next row's label after it), the header ended before that line, at its last header row there, and
 * the name is a row's. The header mark (rowMarks) knows where the data starts only from an amount on a line, and the
 * loose amount is taken off: 北京 民政局 2026 预算01表, plain pdftotext L19 `808.277000 二、外交支出`, would leave L1-L82
 * all header, no row read; 杭州 交通 2026 表1 L712 `665964.37 支出总计`, a total's name, would take L704 `上年结转结余` and
 * L708 `年终结转结余` into the header with it.
 */
function headersBeforeAmounts(blocks: readonly SpacedBlock[], lines: readonly SourceLine[], loose: readonly SourceLine[]): SpacedBlock[] {
  const named = new Set(loose.filter((l) => !isBlank(lines[l.no - 1])).map((l) => l.no));
  if (named.size === 0) return [...blocks];
  return blocks.map((b) => {
    const at = b.rows.findIndex((r, i) => i < b.headerRows && named.has(r.line.no));
    return at < 0 ? b : { ...b, headerRows: rowMarks(b.rows.slice(0, at), b.region.titleKind).headerRows };
  });
}

/**
 * The last line of a table, or of a part of it, whose reader read up to `last`: its print runs on over the lines the join took from the
 * reader (layout/stacked.ts: amounts no row took, the header's labels reading order printed after the rows) up to the
 * next line the reader reads, the next title (福州 2026 支出预算总表, plain pdftotext L534-L546: the header's last labels
 * `事业单位经营` / `支出` / `上缴上级支出` / `单位：万元` / `对附属单位补` / `助支出` after the page's number, the 合计 row's
 * three `0.00` among them, -layout L246-L248): they stay the table's, unparsed or its printed text.
 */
function runsOn(lines: readonly SourceLine[], read: readonly SourceLine[], last: number): number {
  const apart = (no: number) => isBlank(lines[no - 1]) || isPageFurnitureAt(lines, no, 'stacked');
  let no = last;
  while (no < read.length && (isBlank(read[no]) || isPageFurnitureAt(lines, no + 1, 'stacked'))) no++;
  while (no > last && apart(no)) no--;
  return no;
}

/**
 * Tables printed one cell a line (layout/stacked.ts): their rows joined into single-space lines, read by the
 * single-space reader, whose rows, tables and claims then cover every line a joined row was made of, with the totals'
 * names that head a header's columns (columnTotals). The reader runs no row on into a joined one: the labels left
 * before it (a header's, a row's whose amounts went loose) are not the first lines of its name, which the join holds
 * whole (万里街道 2025 支出预算总表 L1395-L1467 would read `201 一般公共服务支出 合计 基本支出 项目支出 项 统计信息事务`
 * as one row's name). Amounts no row could be made of are unparsed where they stand in a table.
 */
export function parseStackedTables(lines: readonly SourceLine[], elsewhere: StatedFigures = {}): LayoutTables {
  const joinedRows = joinStackedRows(lines);
  const heads = new Set(columnTotals(joinedRows.lines, joinedRows.totals, new Set(joinedRows.joined.map((r) => r.first))));
  const stacked = {
    ...joinedRows,
    lines: joinedRows.lines.map((l, i) => (heads.has(lines[i]) ? lines[i] : l)),
    totals: joinedRows.totals.filter((t) => !heads.has(t)),
  };
  const lastOf = new Map(stacked.joined.map((r) => [r.first, r.last]));
  const widen = (r: LineRange): LineRange => ({ first: r.first, last: lastOf.get(r.last) ?? r.last });
  // A row printing no amount here may be a row whose amounts went loose or stand elsewhere: not known to be empty.
  const blocks = headersBeforeAmounts(spacedBlocks(stacked.lines, false), stacked.lines, stacked.loose);
  const read = readSpacedBlocks(blocks, stacked.lines, new Set([...lastOf.keys(), ...afterLoose(stacked.lines, stacked.loose)]), true, elsewhere);
  // A table's range, and each part of it the reader claimed (a page's), run on to where its print ends (runsOn).
  const widenTable = (r: LineRange): LineRange => ({ first: r.first, last: runsOn(lines, stacked.lines, widen(r).last) });
  // What a row printed is read again from its block's rows, not from its lines cut anew.
  const blockRows = new Map(blocks.flatMap((b) => b.rows.map((r) => [r.line.no, r] as const)));
  const mixed = read.tables.map((t) => {
    const broken = withOrderBroken(t, blockRows);
    const unread = withUnreadColumns(broken.table, stacked.lines, blockRows);
    const rowWise = withRowWiseItems(unread.table, blockRows);
    return { table: rowWise.table, unparsed: [...broken.unparsed, ...unread.unparsed, ...rowWise.unparsed] };
  });
  const coded = mixed.map(({ table: t }) => {
    const named = withNamelessRows({ ...t, lines: widenTable(t.lines), rows: t.rows.map((row) => ({ ...row, lines: widen(row.lines) })) }, stacked.nameless);
    // Amounts unparsed with a reason of their own are still amounts no row took: a row printing none may be theirs.
    const placed = new Set(named.placed);
    const loose = stacked.loose.filter((l) => !placed.has(l));
    const taken = new Set(named.taken);
    const lost = withLostCodes(withUnplacedAmounts(named.table, loose), loose.filter((l) => !taken.has(l)));
    return { table: lost.table, taken: [...named.taken, ...lost.taken], unparsed: named.unparsed };
  });
  const tables = coded.map((c) => c.table);
  const taken = new Set(coded.flatMap((c) => c.taken));
  const claimed = read.claimed.map(widenTable);
  const inTable = (no: number): boolean => claimed.some((r) => r.first <= no && no <= r.last);
  const unplaced = (lines: readonly SourceLine[], reason: string): Unparsed[] =>
    lines.filter((l) => inTable(l.no)).map((l) => ({ lines: { first: l.no, last: l.no }, text: l.text.trim(), reason }));
  const loose = [
    ...unplaced(stacked.loose.filter((l) => !taken.has(l)), LOOSE),
    ...unplaced(stacked.totals, TOTAL),
    ...unplaced(stacked.pieces, PIECE),
    ...unplaced(stacked.chained, CHAINED),
  ];
  const reread = [...read.unparsed, ...mixed.flatMap((m) => m.unparsed)].map((u) => ({ ...u, lines: widen(u.lines) }));
  reread.push(...coded.flatMap((c) => c.unparsed));
  return { ...read, tables, claimed, unparsed: [...reread, ...loose] };
}
