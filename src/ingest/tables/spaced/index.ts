import type { LineRange, Unparsed } from '../../../schema/common.ts';
import type { Table, TableColumn, TableRow } from '../../../schema/table.ts';
import type { SourceLine } from '../../source-lines.ts';
import { isTwoSidedKind, STANDARD_TITLES } from '../kinds.ts';
import type { LayoutTables } from '../layout-result.ts';
import { amountColumns, headerLabels, splitBody, toColumns, withBreakdown } from './header.ts';
import { inferKinds } from './kind.ts';
import { placeNumbers, type Placement } from './placement.ts';
import { incomeKeyOf, pinTotals, rowConstraints, solverRows } from './constraints.ts';
import { splitProjectNames } from './projects.ts';
import { findRegions, type Region } from './regions.ts';
import { declaredEmptyKinds, declaresEmpty, unitOf } from '../shared/region-text.ts';
import { tableOf, type TableHead } from '../shared/table-draft.ts';
import { assignGroups, groupLines, readRows, type RawRow } from './rows.ts';
import { statedThreePublic } from './stated-three-public.ts';
import { readTextTable } from './text-table.ts';
import { looksTwoSided, readTwoSidedRows } from './two-sided.ts';
import { looksTwoList, readTwoListRows, TWO_LIST_COLUMNS } from './two-list.ts';

interface Draft {
  parts: Region[];
  header: SourceLine[];
  notes: SourceLine[];
  data: SourceLine[];
  labels: string[];
  twoSided: boolean;
  twoList: boolean;
  rows: RawRow[];
}

/** A region that repeats the label or title of the one before it is that table continued on a new page. */
function mergeContinuations(regions: readonly Region[]): Region[][] {
  const tables: Region[][] = [];
  for (const region of regions) {
    const previous = tables[tables.length - 1]?.[0];
    const continues =
      previous && ((region.label && region.label === previous.label) || (!region.label && region.title && region.title === previous.title));
    if (continues) tables[tables.length - 1].push(region);
    else tables.push([region]);
  }
  return tables;
}

function draftOf(parts: Region[]): Draft {
  const split = parts.map((p) => splitBody(p.body));
  const header = split[0].header;
  const notes = split.flatMap((s) => s.notes);
  const data = split.flatMap((s) => s.data);
  const titleKind = parts[0].titleKind;
  const twoSided = titleKind ? isTwoSidedKind(titleKind) : looksTwoSided(data);
  const twoList = !twoSided && looksTwoList(titleKind, data);
  const partStarts = split.slice(1).flatMap((s) => (s.data.length > 0 ? [s.data[0].no] : []));
  const rows = twoSided ? readTwoSidedRows(data, 1) : twoList ? readTwoListRows(data, partStarts) : readRows(groupLines(data, partStarts));
  if (!twoSided && !twoList) assignGroups(rows);
  return { parts, header, notes, data, labels: twoList ? [...TWO_LIST_COLUMNS] : headerLabels(header), twoSided, twoList, rows };
}

const FLAG_IDENTITY = '所印数字在任何排列下都不满足本行的合计关系（合计 = 各分项之和），可能有数字缺失';
const FLAG_OVERFLOW = '所印数字多于表的列数，无法确定各数字所在的列';

function flagOf(p: Placement, columns: readonly TableColumn[]): string | null {
  if (p.overflow) return FLAG_OVERFLOW;
  const label = (key: string) => columns.find((c) => c.key === key)?.label ?? key;
  const notes: string[] = [];
  if (p.identityFails) notes.push(FLAG_IDENTITY);
  if (p.uncertain.length > 0) {
    const named = p.uncertain.slice(0, 4).map(label).join('、');
    const more = p.uncertain.length > 4 ? `等 ${p.uncertain.length} 列` : '';
    notes.push(`有 ${p.alternatives} 种排列符合勾稽关系，无法确定数字在哪一列：${named}${more}`);
  }
  return notes.length > 0 ? notes.join('；') : null;
}

function toTableRow(row: RawRow, values: Record<string, number | null>, flag: string | null, uncertain: string[]): TableRow {
  return {
    code: row.code,
    codeScheme: row.scheme,
    level: row.level,
    name: row.name,
    values,
    texts: row.texts,
    group: row.group,
    role: row.role,
    flag,
    uncertain,
    lines: { first: row.first, last: row.last },
  };
}

/** 收支总表's income items by column key, the figures 收入总表's 合计 row must show per source. */
function incomeBySource(table: Table | undefined): Map<string, number> {
  const known = new Map<string, number>();
  if (!table) return known;
  for (const row of table.rows) {
    if (row.texts.side !== 'income' || row.flag) continue;
    const key = incomeKeyOf(row.name);
    if (key && !known.has(key)) known.set(key, row.values.total ?? 0);
  }
  return known;
}

/** The “三公” items the text states in the table's unit. */
function statedIn(lines: readonly SourceLine[], drafts: readonly Draft[], unit: string | null): Map<string, number> {
  const stated = statedThreePublic(lines, drafts.flatMap((d) => d.parts));
  return new Map([...stated].filter(([, item]) => item.unit === unit).map(([key, item]) => [key, item.value]));
}

function unplacedTokens(row: RawRow, p: Placement, tableId: string): Unparsed[] {
  const lost = row.numbers.filter((_, i) => !p.placed[i]);
  if (lost.length === 0) return [];
  return [
    {
      lines: { first: row.first, last: row.last },
      text: lost.map((n) => n.text).join(' '),
      reason: `表 ${tableId}「${row.name || '（无名称行）'}」：${p.overflow ? FLAG_OVERFLOW : '无法确定这些数字所在的列'}`,
    },
  ];
}

/** Tables printed one row per line with cells separated by single spaces, empty cells collapsed. */
export function parseSpacedTables(lines: readonly SourceLine[]): LayoutTables {
  const drafts = mergeContinuations(findRegions(lines)).map(draftOf);
  const kinds = inferKinds(
    drafts.map((d) => ({ titleKind: d.parts[0].titleKind, shape: { twoSided: d.twoSided, rows: d.rows, headerLabels: d.labels } })),
  );
  const emptyKinds = declaredEmptyKinds(lines.map((l) => l.text));
  const tables: Table[] = [];
  const unparsed: Unparsed[] = [];
  const claimed: LineRange[] = [];
  drafts.forEach((draft, k) => {
    const kind = kinds[k];
    const id = `t${k + 1}`;
    const first = draft.parts[0];
    const unit = unitOf(first.unitLine?.text ?? '') ?? draft.header.map((l) => unitOf(l.text)).find((u) => u) ?? null;
    let columns: TableColumn[] = [];
    let rows: TableRow[];
    if (kind === 'institution-list') {
      ({ columns, rows } = readTextTable(draft.header, draft.data));
    } else {
      const widest = Math.max(0, ...draft.rows.filter((r) => r.side !== 'income').map((r) => r.numbers.length));
      columns = draft.twoList ? toColumns(draft.labels) : withBreakdown(amountColumns(kind, draft.labels), draft.header, widest);
      const keys = columns.map((c) => c.key);
      if (kind === 'general-budget-project-expenditure') splitProjectNames(draft.rows);
      const constraints = rowConstraints(draft.rows, keys);
      if (kind === 'income-summary') {
        constraints.push(...pinTotals(draft.rows, incomeBySource(tables.find((t) => t.kind === 'income-expenditure-summary')), keys));
      }
      if (kind === 'three-public-expenditure') {
        constraints.push(...pinTotals(draft.rows, statedIn(lines, drafts, unit), keys));
      }
      const placements = placeNumbers(solverRows(draft.rows, keys), constraints);
      rows = draft.rows.map((row, i) => toTableRow(row, placements[i].values, flagOf(placements[i], columns), placements[i].uncertain));
      draft.rows.forEach((row, i) => unparsed.push(...unplacedTokens(row, placements[i], id)));
    }
    const hasNumbers = rows.some((r) => Object.values(r.values).some((v) => v !== null));
    const head: TableHead = {
      kind,
      title: first.title ?? STANDARD_TITLES[kind],
      titleInferred: first.title === null,
      unit,
      declaredEmpty: !hasNumbers && (draft.notes.some((l) => declaresEmpty(l.text)) || emptyKinds.has(kind)),
      notes: draft.notes.map((l) => l.text.trim()),
      lines: { first: first.first, last: draft.parts[draft.parts.length - 1].last },
    };
    // Single-space text keeps no positions: every amount was placed by the table's identities.
    tables.push(tableOf(head, id, columns, rows, 'placed'));
    for (const part of draft.parts) claimed.push({ first: part.first, last: part.last });
  });
  const warnings = unparsed.length > 0 ? [`表格：${unparsed.length} 行的数字无法确定所在的列`] : [];
  return { tables, claimed, unparsed, warnings };
}
