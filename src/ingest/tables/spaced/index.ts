import type { LineRange, Unparsed } from '../../../schema/common.ts';
import type { Table, TableColumn } from '../../../schema/table.ts';
import type { SourceLine } from '../../source-lines.ts';
import { isTwoSidedKind, STANDARD_TITLES } from '../kinds.ts';
import type { LayoutTables } from '../layout-result.ts';
import { amountColumns, groupedColumns, headerLabels, oneAmountColumn, partsOf, toColumns, withBreakdown, withHeaderTails } from './header.ts';
import { inferKinds } from '../shared/kind.ts';
import { derivedColumns, MAX_ALTERNATIVES, namedColumns, namesNoOtherColumn, printsLabelsOnly } from './derived-columns.ts';
import { incomeKeyOf, personnelPins, pinTotals, rowConstraints } from './constraints.ts';
import { splitProjectNames } from './projects.ts';
import { thousandsReadings, wordsIn } from './tokens.ts';
import { fullRowSatisfies, insideCount, type Reading } from '../shared/amount-placement.ts';
import type { Region } from './regions.ts';
import { spacedBlocks, type SpacedBlock } from '../table-blocks.ts';
import { declaresEmpty } from '../shared/region-text.ts';
import { statedUnit } from '../../../core/units.ts';
import { opensWithDigit } from '../../../core/width.ts';
import { buildTable, placementWarnings, type BuiltTable, type DraftRow, type DraftToken, type SummedDraft } from '../shared/table-draft.ts';
import { CODE_FROM_NAME, functionClassNamed } from '../shared/class-names.ts';
import { amountsAgree, sumAmounts } from '../../../core/decimal.ts';
import { CodeDictionary } from '../shared/code-reassembly.ts';
import type { CellSum } from '../shared/amount-placement.ts';
import { withGroupsAndNames, groupLines, readRows, rowCounters, type RawRow } from './rows.ts';
import { statedFor, type StatedFigures, type StatedItem, type StatedKind } from './stated-figures.ts';
import { continuedHeaderEnd, printedHeader, type PrintedHeader } from '../shared/repeated-header.ts';
import { textColumnKeyFor } from '../columns.ts';
import type { HeaderColumns } from '../shared/header-tree.ts';
import type { BlockRow } from '../../layout/blocks.ts';
import { headerLabel, itemDepth } from '../../layout/cell-text.ts';
import { pagesFrom } from '../../layout/page-frame.ts';
import { readTextTable } from '../shared/text-table.ts';
import { looksTwoSided, readTwoSidedRows } from './two-sided.ts';
import { looksTwoList, readTwoListRows, TWO_LIST_COLUMNS } from './two-list.ts';

interface Draft {
  parts: Region[];
  header: BlockRow[];
  notes: BlockRow[];
  data: BlockRow[];
  labels: string[];
  /**
   * The header's lines printed elsewhere than before the first row: a later page's header, and rows printing its
   * labels only (derived-columns.ts printsLabelsOnly), which reading order set among or after the rows.
   */
  outside: BlockRow[];
  twoSided: boolean;
  twoList: boolean;
  rows: RawRow[];
  /** Lines of amounts alone that no row of a two-sided table could take. */
  unlabelled: SourceLine[];
  /** Lines of a two-sided table printing more than two sides, whose amounts no row took. */
  panels: SourceLine[];
}

/** Amounts a row may print beyond the columns read (see parseSpacedTables). */
const MAX_SPARE = 2;

const UNLABELLED = '单独一行的数字，不合总计的关系（表中已印出总计，或与收入合计、上年结转、支出总计对不上），无法确定它属于哪一行：可能是折行名称的金额、序号或页码';

const READINGS = '单个空格隔开的数字中有多处可能是按千位分组的数（如「2 700.00」），读法太多，未逐一以合计关系核对；各数按单独的数填入';

const PANELS = '这一行并列印有两栏以上（收入、功能分类、经济分类等），单个空格分不出各数字属于哪一栏，未填入';

/**
 * A region after a repeated column header (regions.ts pagesOf), or one repeating the label or title of the one before
 * it, is that table continued on a new page. Two labels printed and different are two tables, whatever their titles;
 * a label printed over one part only (`公开表5` at the top of a later page) does not part them.
 */
function mergeContinuations(blocks: readonly SpacedBlock[]): SpacedBlock[][] {
  const tables: SpacedBlock[][] = [];
  for (const block of blocks) {
    const { region } = block;
    const previous = tables[tables.length - 1]?.[0].region;
    const continues =
      previous &&
      (region.continued || (region.label && region.label === previous.label) || (!(region.label && previous.label) && region.title && region.title === previous.title));
    if (continues) tables[tables.length - 1].push(block);
    else tables.push([block]);
  }
  return tables;
}

/**
 * Data lines less the header printed again on a later page without the title that would make it a part of its own
 * (shared/repeated-header.ts: known by the first header's lines printed again).
 */
function withoutRepeatedHeader(data: readonly BlockRow[], header: readonly BlockRow[]): BlockRow[] {
  const kept: BlockRow[] = [];
  const firstHeader = printedHeader(header);
  for (let i = 0; i < data.length; i++) {
    const end = continuedHeaderEnd(data, i, { firstHeader });
    if (end < 0) kept.push(data[i]);
    else i = end - 1;
  }
  return kept;
}

/**
 * A later part of a table, its header ending with the first header's lines printed again over it
 * (shared/repeated-header.ts) where the block's mark goes on past them over outline items alone: the mark takes an
 * item without amounts opening the page for a header line by its words (长沙 教育 2026 -raw L215 `22、其他支出`
 * under the 财政拨款收支总体情况表's header printed again; 烟台 水利局 2026 -raw L360–L363). The aligned reader stops
 * at such an item by where it stands (aligned/header-marks.ts opensStubRow); text in reading order may set a header's
 * labels after the first item (one cell a line: 烟台 opdef L1143–L1149 `本` `年` `收` `入合计` after `二十一、其他支出`),
 * so not where any other line follows the items in the mark.
 */
function continuedPart(block: SpacedBlock, firstHeader: PrintedHeader): SpacedBlock {
  const again = continuedHeaderEnd(block.rows, 0, { firstHeader });
  if (again < 0 || again >= block.headerRows) return block;
  const items = block.rows.slice(again, block.headerRows);
  return items.every((row, i) => opensOutlineItem(row) || endsItemName(items[i - 1], row)) ? { ...block, headerRows: again } : block;
}

/**
 * The rest of an outline item's name wrapped onto the next line: the item names a 类 with it and not without it (佛山
 * 2019 决算 plain pdftotext L1428-L1429 `十八、自然资源海洋气象等` / `支出`, L351-L352 `二十一、灾害防治及应急管理支` /
 * `出`), unlike a header's label printed after an item whose name is whole (烟台 opdef L1143-L1149 `二十一、其他支出`,
 * then `本` `年` `收` `入合计`).
 */
function endsItemName(item: BlockRow | undefined, row: BlockRow): boolean {
  if (!item || !opensOutlineItem(item) || row.cells.length !== 1) return false;
  const name = item.line.text.trim();
  return functionClassNamed(name) === null && functionClassNamed(name + row.cells[0].text) !== null;
}

function opensOutlineItem(row: BlockRow): boolean {
  return row.cells.length > 0 && itemDepth(headerLabel(row.cells[0].text)) !== null;
}

/** Where a name runs into the next coded cell (`干部教育50501-工资福利支出`): before a code joined to its text by a hyphen. */
const CODED_CELL = /(?<=^|[^\x00-\x7f０-９])(?=[\d０-９]{3,7}[-－—–][^\x00-\x7f])/;

/**
 * The coded cells a row prints after its name, one a text column the header names (北京 支出总表: `2050802-干部教育
 * 50501-工资福利支出 30101-基本工资` under 支出功能分类科目 / 政府支出经济分类科目 / 部门支出经济分类科目): each is kept
 * under its column's key, as the -layout reader keeps it, and the name is what comes before them. A row printing
 * them without a name of its own (预算06表: `50101-工资奖金津补贴 30101-基本工资`) keeps none. Only where the row prints
 * as many of them as the header names such columns.
 */
function withCodedTexts(rows: RawRow[], header: readonly BlockRow[]): void {
  const keys = header.flatMap((r) => wordsIn(r).map(textColumnKeyFor)).filter((k): k is string => k !== null);
  if (keys.length === 0) return;
  for (const row of rows) {
    const cells = row.name.split(CODED_CELL).filter((c) => c !== '');
    const named = cells.length === keys.length + 1 || (cells.length === keys.length && CODED_CELL.test(cells[0]) && opensWithDigit(cells[0]));
    if (!named) continue;
    const texts = cells.slice(cells.length - keys.length);
    row.name = cells.length > keys.length ? cells[0] : '';
    keys.forEach((key, i) => (row.texts[key] = texts[i]));
  }
}

/**
 * The 类 rows of a table printing no code at all (杭州 表3 支出预算总表, 表5, 表8), known by their names as the summary
 * tables' are (shared/class-names.ts): each row whose name is a 类's whole name is that 类's row, so that the total is
 * checked and placed as the sum of them. Only where the table has no sub-units, and the 类 so named add up to its
 * total's 合计: a 类 not named so (a name of its own) would leave the total more than the sum. A 款 named like the 类
 * before it (229 其他支出 / 22999 其他支出) is not a second one.
 */
function withNamedClasses(rows: RawRow[]): void {
  if (rows.some((r) => r.code !== null || r.group !== null)) return;
  let last: string | null = null;
  const named = rows.flatMap((row, i) => {
    const code = row.role === 'data' ? functionClassNamed(row.name) : null;
    if (!code || code === last) return [];
    last = code;
    return [{ i, code }];
  });
  const total = rows.find((r) => r.role === 'total')?.numbers[0]?.value;
  const sum = sumAmounts(named.map(({ i }) => rows[i].numbers[0]?.value ?? 0));
  if (named.length === 0 || total == null || !amountsAgree(total, sum, 0.01 * Math.max(1, Math.floor(named.length / 2)))) return;
  for (const { i, code } of named) Object.assign(rows[i], { code, scheme: 'function', level: 1, texts: { ...rows[i].texts, ...CODE_FROM_NAME } });
}

/**
 * The draft of a table's blocks (one a part), read from their rows' words as the block stage cut them: no line is cut
 * again here (rows.ts, two-sided.ts, two-list.ts, header.ts).
 */
function draftOf(blocks: readonly SpacedBlock[], rowStarts: ReadonlySet<number>, pageOf: (no: number) => number): Draft {
  const parts = blocks.map((b) => b.region);
  const first = partsOf(blocks[0]);
  const printed = printedHeader(first.header);
  const split = withHeaderTails([first, ...blocks.slice(1).map((b) => partsOf(continuedPart(b, printed)))]);
  const header = split[0].header;
  const notes = split.flatMap((s) => s.notes);
  const data = withoutRepeatedHeader(split.flatMap((s) => s.data), header);
  const titleKind = parts[0].titleKind;
  const twoSided = titleKind ? isTwoSidedKind(titleKind) : looksTwoSided(data);
  const twoList = !twoSided && looksTwoList(titleKind, data);
  // No row runs on into a line another stage made one row of (tables/stacked.ts), as none runs on into a later part.
  const partStarts = [
    ...split.slice(1).flatMap((s) => (s.data.length > 0 ? [s.data[0].line.no] : [])),
    ...data.filter((r) => rowStarts.has(r.line.no)).map((r) => r.line.no),
  ];
  const sides = twoSided ? readTwoSidedRows(data, 1, header.some((r) => /行\s*次/.test(r.line.text))) : null;
  const counters = rowCounters(header, data);
  const rows = sides ? sides.rows : twoList ? readTwoListRows(data, partStarts) : readRows(groupLines(data, partStarts, counters, pageOf), counters);
  if (!twoSided && !twoList) {
    withCodedTexts(rows, header);
    withGroupsAndNames(rows);
    withNamedClasses(rows);
  }
  const labels = twoList ? [...TWO_LIST_COLUMNS] : headerLabels(header);
  const outside = [...split.slice(1).flatMap((s) => s.header), ...data.filter(printsLabelsOnly)].sort((a, b) => a.line.no - b.line.no);
  return { parts, header, notes, data, labels, outside, twoSided, twoList, rows, unlabelled: sides?.unlabelled ?? [], panels: sides?.panels ?? [] };
}

/**
 * A grouped header's columns (header.ts groupedColumns) unless every row printing all of them breaks their identities:
 * then the header was misread (a band outside the total read as one column's group), not every row misprinted.
 */
function borneOut(grouped: HeaderColumns | null, rows: readonly RawRow[]): HeaderColumns | null {
  if (!grouped) return null;
  const full = rows.filter((r) => r.side !== 'income' && r.numbers.length === grouped.columns.length && r.numbers.every((n) => n.value !== null));
  return full.length > 0 && full.every((r) => !fullRowSatisfies(r.numbers.map((n) => n.value), grouped.identities)) ? null : grouped;
}

/** Whether a row is made of the header's labels printed elsewhere (Draft.outside) alone: no code, no amount. */
function madeOfOutsideLabels(row: RawRow, draft: Draft): boolean {
  const labels = new Set(draft.outside.map((r) => r.line.no));
  const lines = draft.data.filter((r) => row.first <= r.line.no && r.line.no <= row.last);
  return row.code === null && row.numbers.length === 0 && lines.length > 0 && lines.every((r) => labels.has(r.line.no));
}

/**
 * A row as the shared draft takes it: its code, sub-unit and role settled here, its amounts without positions.
 * `columns` are the table's amount columns: a two-sided table's income side fills the first (its 合计), a row of a
 * two-list table the column of its list.
 */
function draftRowOf(row: RawRow, columns: number, readings: Reading[] | null): DraftRow<DraftToken> {
  const all = Array.from({ length: columns }, (_, c) => c);
  const flag = [row.flag, readings ? null : READINGS].filter((f) => f).join('；');
  return {
    ...(readings && readings.length > 0 ? { readings } : {}),
    pieces: null,
    settled: {
      code: { code: row.code, scheme: row.scheme, level: row.level, printed: null, flag: null },
      group: row.group,
      role: row.role,
    },
    name: row.name,
    texts: row.texts,
    tokens: row.numbers.map((n) => ({ text: n.text, value: n.value, split: false, line: null })),
    trusted: false,
    allowed: row.column != null ? all.slice(row.column, row.column + 1) : row.side === 'income' ? all.slice(0, 1) : all,
    side: row.side,
    project: false,
    outline: null,
    lines: { first: row.first, last: row.last },
    ...(flag ? { flag } : {}),
  };
}

/** Whether two readings of one table put the same figure in every cell of every row. */
function samePlacement(a: Table, b: Table): boolean {
  return a.rows.every((row, i) => Object.entries(row.values).every(([key, value]) => b.rows[i].values[key] === value));
}

/** 收支总表's income items by column key, the figures 收入总表's 合计 row must show per source. */
function incomeBySource(table: Table | undefined): Map<string, number> {
  const known = new Map<string, number>();
  if (!table) return known;
  // The table's one amount column: 预算数 (`total`) or, in final accounts, 决算数 (`actual`).
  const amount = table.columns[0]?.key ?? 'total';
  for (const row of table.rows) {
    if (row.texts.side !== 'income' || row.flag) continue;
    const key = incomeKeyOf(row.name);
    if (key && !known.has(key)) known.set(key, row.values[amount] ?? 0);
  }
  return known;
}

/** The figures the text states (stated-figures.ts) in the table's unit. */
function statedIn(stated: ReadonlyMap<string, StatedItem>, unit: string | null): Map<string, number> {
  return new Map([...stated].filter(([, item]) => item.unit === unit).map(([key, item]) => [key, item.value]));
}

/**
 * Tables printed one row per line with cells separated by single spaces, empty cells collapsed. `rowStarts`: lines
 * another stage made whole rows of (tables/stacked.ts), which no row before them runs on into; `emptyUnknown`: a row
 * printing no amount is not known to be empty (constraints.ts rowConstraints).
 */
export function parseSpacedTables(lines: readonly SourceLine[], rowStarts: ReadonlySet<number> = new Set(), emptyUnknown = false): LayoutTables {
  return readSpacedBlocks(spacedBlocks(lines), lines, rowStarts, emptyUnknown);
}

/**
 * The tables of a document's single-space blocks (table-blocks.ts spacedBlocks); `lines`, the whole text, for what
 * its prose states of them (the “三公” figures, a table declared empty); `elsewhere`, what the document's 说明 volume
 * states, where it is published as a file of its own (companions.ts).
 */
export function readSpacedBlocks(
  blocks: readonly SpacedBlock[],
  lines: readonly SourceLine[],
  rowStarts: ReadonlySet<number> = new Set(),
  emptyUnknown = false,
  elsewhere: StatedFigures = {},
): LayoutTables {
  const pageOf = pagesFrom(lines);
  const drafts = mergeContinuations(blocks).map((parts) => draftOf(parts, rowStarts, pageOf));
  const kinds = inferKinds(
    drafts.map((d) => ({ titleKind: d.parts[0].titleKind, shape: { twoSided: d.twoSided, rows: d.rows, headerLabels: d.labels } })),
  );
  const built: BuiltTable[] = [];
  const claimed: LineRange[] = [];
  const tableLines = drafts.flatMap((d) => d.parts);
  // What the 说明 states is read from the whole document's prose: once, whichever tables and column readings ask.
  const stated = new Map<StatedKind, Map<string, StatedItem>>();
  const statedOf = (kind: StatedKind) => stated.get(kind) ?? stated.set(kind, statedFor(kind, lines, tableLines, elsewhere)).get(kind)!;
  // Codes are settled while reading (see SettledRow): the dictionary of the other readers is never asked.
  const dictionary = new CodeDictionary();
  drafts.forEach((draft, k) => {
    const kind = kinds[k];
    const first = draft.parts[0];
    const unit = statedUnit(first.unitLine?.text ?? '') ?? draft.header.map((r) => statedUnit(r.line.text)).find((u) => u) ?? null;
    let given: TableColumn[] = [];
    let derived: TableColumn[][] | null = null;
    let spare = 0;
    let identities: SummedDraft['identities'];
    // Each row's readings of its amounts grouped by thousands (tokens.ts thousandsReadings), asked once.
    const readings = new Map(draft.rows.map((r) => [r, thousandsReadings(r.numbers)]));
    // A row counts as printing as few amounts as a reading of it gives: `2 700.00` is no evidence of a fourth column.
    const fewest = (r: RawRow) => Math.min(r.numbers.length, ...(readings.get(r) ?? []).map(insideCount));
    if (kind !== 'institution-list') {
      const widest = Math.max(0, ...draft.rows.filter((r) => r.side !== 'income').map(fewest));
      const grouped = draft.twoList || draft.twoSided ? null : borneOut(groupedColumns(draft.header), draft.rows);
      given = draft.twoList ? toColumns(draft.labels) : withBreakdown(amountColumns(kind, draft.labels, draft.header, widest, [...draft.outside, ...draft.notes]), draft.header, widest);
      if (grouped) {
        given = grouped.columns.map(({ key, label }) => ({ key, label }));
        identities = grouped.identities;
      }
      if (given.length === 0 && !draft.twoSided) given = namedColumns(kind, draft.header, draft.rows) ?? oneAmountColumn(draft.header, widest) ?? [];
      // Where the header before the rows names too few columns, its labels printed elsewhere in the table may name them.
      if (!draft.twoList && !draft.twoSided && !grouped) {
        derived = derivedColumns(kind, draft.header, given, draft.rows);
        if (!derived && draft.outside.length > 0) {
          derived = derivedColumns(kind, [...draft.header, ...draft.outside], given, draft.rows);
          // Labels that named the columns are the header's, set after the rows, not a row of no amounts.
          if (derived) draft.rows = draft.rows.filter((row) => !madeOfOutsideLabels(row, draft));
        }
      }
      // Rows printing more amounts than the columns, where the header names no template column beyond them: the
      // amounts beyond stand in columns outside the template, anywhere in the row; at most MAX_SPARE, past which
      // the columns read are too few to place anything by.
      const beyond = widest - given.length;
      if (!derived && given.length > 0 && beyond > 0 && beyond <= MAX_SPARE && namesNoOtherColumn(kind, draft.header, given)) spare = beyond;
      if (kind === 'general-budget-project-expenditure') splitProjectNames(draft.rows);
    }
    const summedWith = (columns: readonly TableColumn[], orders?: string[][]): SummedDraft => {
      const keys = columns.map((c) => c.key);
      const constraints: CellSum[] = [];
      let rows: DraftRow<DraftToken>[];
      if (kind === 'institution-list') {
        rows = readTextTable(draft.header, draft.data);
      } else {
        constraints.push(...rowConstraints(draft.rows, keys, emptyUnknown), ...personnelPins(draft.rows, keys));
        if (kind === 'income-summary') {
          constraints.push(...pinTotals(draft.rows, incomeBySource(built.find((b) => b.table.kind === 'income-expenditure-summary')?.table), keys, spare));
        }
        if (kind === 'three-public-expenditure' || kind === 'expenditure-summary') {
          constraints.push(...pinTotals(draft.rows, statedIn(statedOf(kind), unit), keys, spare));
        }
        rows = draft.rows.map((row) => draftRowOf(row, columns.length, readings.get(row) ?? null));
      }
      return {
        placement: 'sums',
        kind,
        title: first.title ?? STANDARD_TITLES[kind],
        titleInferred: first.title === null,
        kindInferred: first.titleKind === null,
        unit,
        declaredEmpty: draft.notes.some((r) => declaresEmpty(r.line.text)),
        notes: draft.notes.map((r) => r.line.text.trim()),
        lines: { first: first.first, last: draft.parts[draft.parts.length - 1].last },
        columns: columns.map((c) => ({ ...c, side: null })),
        orders,
        spare,
        identities,
        constraints,
        rows,
      };
    };
    // Single-space text keeps no positions: every amount was placed by the table's identities. Columns derived in
    // several orders are placed in each (a few at most) and taken where every order places every amount alike;
    // otherwise, or where the orders are many, the rows are placed under all orders at once, each amount only where
    // every placement under any order puts it (amount-placement.ts PlacementRow.orders).
    const build = (columns: readonly TableColumn[], orders?: string[][]) => buildTable(summedWith(columns, orders), `t${k + 1}`, dictionary, 'placed');
    const builds = (derived ?? [given]).length <= MAX_ALTERNATIVES ? (derived ?? [given]).map((columns) => build(columns)) : [];
    const b =
      builds.length > 0 && builds.every((x) => samePlacement(x.table, builds[0].table))
        ? builds[0]
        : build(derived![0], derived!.slice(1).map((columns) => columns.map((c) => c.key)));
    built.push(b);
    for (const part of draft.parts) claimed.push({ first: part.first, last: part.last });
  });
  const unparsed: Unparsed[] = built.flatMap((b) => b.unparsed);
  for (const line of drafts.flatMap((d) => d.unlabelled)) {
    unparsed.push({ lines: { first: line.no, last: line.no }, text: line.text.trim(), reason: UNLABELLED });
  }
  for (const line of drafts.flatMap((d) => d.panels)) {
    unparsed.push({ lines: { first: line.no, last: line.no }, text: line.text.trim(), reason: PANELS });
  }
  const warnings = placementWarnings(built);
  return { tables: built.map((b) => b.table), claimed, unparsed, warnings };
}
