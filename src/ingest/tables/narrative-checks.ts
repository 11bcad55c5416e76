import type { Check, LineRange } from '../../schema/common.ts';
import type { Table, TableKind, TableRow } from '../../schema/table.ts';
import { AMOUNT_TOLERANCE, compareAmounts } from '../checks.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { FUNCTION_CLASSES } from '../../core/codes.ts';
import { isBlank, type SourceLine } from '../source-lines.ts';
import { compact, foldWidth } from '../../core/width.ts';
import { anchoredMatches } from '../../core/anchored-matches.ts';
import { markerKind, markerOf, withoutMarker, type MarkerKind } from '../../core/outline.ts';
import { isGrandTotalName, isPartTotalName, totalRole } from '../../core/totals.ts';
import { convertAmount, VIEW_UNIT } from '../../core/units.ts';
import { inferredSaying } from '../../core/inferred-title.ts';
import { FIGURE_SOURCE } from '../../core/amounts.ts';
import { parseAmount } from '../numbers.ts';

/**
 * The 情况说明 repeats the tables' figures: 收支总预算, 收入/支出 totals, 基本支出 and 项目支出, 人员经费 and 公用经费,
 * per-类 amounts with their shares and 财政拨款 totals. Each stated figure is compared with the table it describes (the
 * section it is in names the table); a figure no table holds is reported as not-checkable. The 三公经费 the text states
 * are compared with the “三公” table by the narrative parser (`fact:three-public:table:*`).
 */

interface Stream {
  text: string;
  /**
   * Where each line's piece of `text` starts, with its source line, the table kind the section around it describes,
   * and the unit whose section (`一、深圳市水务局（本级）`) it is in where the tables print per unit: one entry per line,
   * not per character (per character, an 8 MB document's narrative took 56 MB).
   */
  pieces: Array<{ start: number; no: number; kind: TableKind | null; unit: string | null }>;
}

/** The piece of the stream that holds character `index`. */
function pieceAt(stream: Stream, index: number): Stream['pieces'][number] {
  let lo = 0;
  let hi = stream.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stream.pieces[mid].start <= index) lo = mid;
    else hi = mid - 1;
  }
  return stream.pieces[lo];
}

/** Section headings name the table their figures come from; most specific first. */
const SECTION_KINDS: ReadonlyArray<readonly [RegExp, TableKind]> = [
  [/三公/, 'three-public-expenditure'],
  [/基本支出/, 'general-budget-basic-expenditure'],
  [/项目支出/, 'general-budget-project-expenditure'],
  [/一般公共预算/, 'general-budget-expenditure'],
  [/政府性基金/, 'government-fund-expenditure'],
  [/国有资本经营/, 'state-capital-expenditure'],
  [/财政拨款收(?:入)?支/, 'fiscal-appropriation-summary'],
  [/结转结余/, 'carryover-detail'],
  [/收支|收入支出/, 'income-expenditure-summary'],
  [/收入/, 'income-summary'],
  [/支出/, 'expenditure-summary'],
];

/** The outline markers of the 说明's parts, chapters and sections (not its numbered items). */
const HEADING_KINDS: readonly MarkerKind[] = ['part', 'cn', 'paren'];

/** A heading: an outline marker, or the second half of a wrapped one (`2021年一般公共预算基本支出情况说明`). */
function isHeading(text: string): boolean {
  return (markerOf(text, HEADING_KINDS) !== null || /说明$/.test(text)) && text.length <= 80 && !/万元|[。；]/.test(text);
}

/** The table kind a heading names. */
function sectionKind(text: string): TableKind | null {
  for (const [pattern, kind] of SECTION_KINDS) if (pattern.test(text)) return kind;
  return null;
}

/** The narrative as one string: paragraphs are wrapped over several lines, often with blank lines between. */
function narrativeStream(lines: readonly SourceLine[], tables: readonly Table[]): Stream {
  // The tables' lines marked once, not each line tested against every table.
  let last = 0;
  for (const line of lines) last = Math.max(last, line.no);
  const tableLine = new Uint8Array(last + 1);
  for (const t of tables) tableLine.fill(1, Math.max(0, t.lines.first), Math.min(last, t.lines.last) + 1);
  const inTable = (no: number) => tableLine[no] === 1;
  const texts: string[] = [];
  const pieces: Stream['pieces'] = [];
  let length = 0;
  const units = new Set(tables.flatMap((t) => t.rows.filter(isUnitRow).map((r) => normalize(r.name))));
  let kind: TableKind | null = null;
  let unit: string | null = null;
  for (const line of lines) {
    if (isBlank(line) || inTable(line.no)) continue;
    const t = foldWidth(line.text).trim().replace(/\s+/g, ' ');
    const isHeadingLine = isHeading(t);
    if (isHeadingLine) {
      // Most headings open with no dash: not asked again whether they are one.
      const bare = t.replace(/^-\s*/, '');
      kind = (bare === t || isHeading(bare) ? sectionKind(bare) : null) ?? kind;
    }
    // A heading naming a unit opens its section; a part's heading (第三部分) closes it, sub-headings keep it.
    // A unit's name may wrap in its heading (`十、深圳市深圳河湾流域管理中心（深圳市治理深圳河办` / `公室）`).
    // Only a heading's name is normalized: this runs over every line outside the tables.
    const named = isHeadingLine ? normalize(withoutMarker(t, HEADING_KINDS)) : '';
    const opened = isHeadingLine && named.length >= 4 ? [...units].find((u) => u === named || u.startsWith(named)) : undefined;
    if (opened) unit = opened;
    else if (markerKind(t) === 'part') unit = null;
    // The spaces dropped are those before 万元 or before an amount in 万元: a line without 万元 keeps its text.
    const piece = t.includes('万元') ? t.replace(SPACE_AROUND_AMOUNT, '') : t;
    if (piece === '') continue;
    texts.push(piece);
    pieces.push({ start: length, no: line.no, kind, unit });
    length += piece.length;
  }
  // Wrapped lines join without a separator: paragraphs are broken anywhere, even inside a name (卫生健 / 康支出).
  return { text: texts.join(''), pieces };
}

/** A figure, after a comma the label may end in (`收入预算,1,234.56万元` once folded). */
const AMOUNT = `,?(${FIGURE_SOURCE})`;
/** A space extraction puts between a word and an amount in 万元, or between the amount and 万元. */
const SPACE_AROUND_AMOUNT = new RegExp(`(?<=[^\\x00-\\x7f]) (?=${FIGURE_SOURCE}\\s*万元)|(?<=[\\d.]) (?=万元)`, 'g');
const GAP = String.raw`[\s\n]*`;
const SHARE = String.raw`(?:[，,；;]?${GAP}占${GAP}(?:[^\d%，。；]{0,12}?)${GAP}([\d.]+)${GAP}%)?`;
/**
 * `涉及一般公共预算支出 940.15 万元` states the funds an evaluation or a self-assessment covered (预算绩效管理), a part
 * of the budget no table totals: such a figure is not compared with a table.
 */
const NOT_SCOPE = String.raw`(?<!涉及)`;

/** What a check says of a figure found loosely (FIGURE_SOURCE) but printed out of shape (`1,23`, a comma out of place). */
const MALFORMED = (printed: string) => `（说明中的「${printed}」不是完整的金额写法，无法核对）`;

/** A name as a key: compacted (full-width brackets folded too, core/width.ts), without quotation marks. */
function normalize(s: string): string {
  return compact(s).replace(/["“”]/g, '');
}

/** The total row a figure of the whole is read from: the grand total, else a total by its name, else by its place. */
function totalRow(table: Table, side?: 'income' | 'expenditure'): TableRow | null {
  const rows = table.rows.filter((r) => r.role === 'total' && (!side || r.texts.side === side));
  const grand = rows.find((r) => isGrandTotalName(r.name));
  return grand ?? rows.find((r) => totalRole(r.name) === 'total') ?? rows[0] ?? null;
}

function firstValue(row: TableRow, table: Table, keys: readonly string[] = []): number | null {
  for (const k of keys) if (row.values[k] != null) return row.values[k]!;
  for (const c of table.columns) if (c.key in row.values) return row.values[c.key] ?? null;
  return null;
}

/**
 * A column of the total row by shared key, or by a label that names the item; tables that list 人员经费 and 公用经费
 * side by side print each total as a row of its own (人员经费合计).
 */
function columnTotal(table: Table, key: string | null, label: string | null): number | null {
  const row = totalRow(table, table.rows.some((r) => r.texts.side) ? 'expenditure' : undefined);
  if (row && key && row.values[key] != null) return row.values[key]!;
  if (label) {
    const l = normalize(label);
    const column = table.columns.find((c) => normalize(c.label) === l) ?? table.columns.find((c) => normalize(c.label).includes(l));
    if (row && column && row.values[column.key] !== undefined) return row.values[column.key] ?? null;
    const named = table.rows.find((r) => r.role !== 'data' && normalize(r.name).startsWith(l));
    if (named) return firstValue(named, table, ['total', 'actual']);
  }
  return null;
}

/**
 * 人员经费 and 公用经费 of a basic-expenditure table printed by 经济分类 in one amount column (福州 2026 一般公共预算基本支出
 * 经济分类情况表, lines 412–535): 人员经费 is 301 工资福利支出 + 303 对个人和家庭的补助, 公用经费 the rest of the 合计
 * (基本支出 = 人员经费 + 公用经费). Null where the table prints no 301 row or no 合计.
 */
function byEconomicClass(table: Table, key: 'personnel' | 'public'): number | null {
  const amountOf = (code: string) => {
    const row = table.rows.find((r) => r.code === code && r.role === 'data');
    return row ? (firstValue(row, table, ['total']) ?? 0) : null;
  };
  const wages = amountOf('301');
  const whole = grandTotal(table, undefined);
  if (wages === null || whole === null) return null;
  const personnel = sumAmounts([wages, amountOf('303') ?? 0]);
  return key === 'personnel' ? personnel : sumAmounts([whole, -personnel]);
}

/** The table's grand total; where only part totals are printed (人员经费合计, 公用经费合计), their sum. */
function wholeOf(table: Table): number | null {
  const parts = table.rows.filter((r) => r.role === 'subtotal' && isPartTotalName(r.name));
  if (parts.length > 1 && !table.rows.some((r) => r.role === 'total')) {
    const values = parts.map((r) => firstValue(r, table, ['total', 'actual']));
    return values.every((v) => v != null) ? sumAmounts(values as number[]) : null;
  }
  return grandTotal(table, table.rows.some((r) => r.texts.side) ? 'expenditure' : undefined);
}

/** The row of a sub-unit in a table printed per unit (see readUnits). */
function isUnitRow(row: TableRow): boolean {
  return !row.code && row.group !== null && row.role === 'subtotal';
}

/** The table as one unit's section reads it: that unit's row stands for the total where the table prints one. */
function ofUnit(table: Table, unit: string | null): Table {
  const row = unit ? table.rows.find((r) => isUnitRow(r) && normalize(r.name) === unit) : undefined;
  if (!row) return table;
  const rows = table.rows.filter((r) => r.group === row.group).map((r) => (r === row ? { ...r, role: 'total' as const, group: null } : r));
  return { ...table, rows };
}

interface Figure {
  id: string;
  message: string;
  /** As the core grammar reads it (numbers.ts parseAmount): null where the figure is printed out of shape (MALFORMED). */
  stated: number | null;
  /** The figure as printed. */
  printed: string;
  /** The share as printed (`86.5`): its decimals say how closely it was rounded. */
  share: string | null;
  kind: TableKind | null;
  lines: LineRange;
  unit: string | null;
  lookup: (tables: readonly Table[]) => { value: number | null; table: Table | null; whole: number | null; absent?: string };
}

function tableOf(tables: readonly Table[], kinds: readonly (TableKind | null)[]): Table | null {
  for (const k of kinds) {
    if (!k) continue;
    const t = tables.find((x) => x.kind === k && (x.rows.length > 0 || x.declaredEmpty));
    if (t) return t;
  }
  return null;
}

function grandTotal(table: Table, side: 'income' | 'expenditure' | undefined): number | null {
  const row = totalRow(table, side);
  return row ? firstValue(row, table, ['total', 'actual']) : null;
}

/** The tables whose total a stated total of this kind is compared with, in order of preference. */
const TOTAL_RULES: ReadonlyArray<{
  id: string;
  what: string;
  pattern: RegExp;
  kinds: readonly TableKind[];
  side?: 'income' | 'expenditure';
}> = [
  { id: 'fiscal-total', what: '财政拨款收支总额', pattern: new RegExp(String.raw`财政拨款收(?:入)?支(?:出)?(?:决算)?总(?:预算|计)${GAP}${AMOUNT}${GAP}万元`, 'g'), kinds: ['fiscal-appropriation-summary'], side: 'income' },
  { id: 'total', what: '收支总额', pattern: new RegExp(String.raw`(?<!财政拨款)收(?:入)?支(?:出)?(?:决算)?总(?:预算|计)${GAP}${AMOUNT}${GAP}万元`, 'g'), kinds: ['income-expenditure-summary'], side: 'income' },
  { id: 'total-income', what: '收入总额', pattern: new RegExp(String.raw`(?<!拨款)(?:收入预算|本年收入合计)${GAP}${AMOUNT}${GAP}万元`, 'g'), kinds: ['income-summary'] },
  { id: 'total-expenditure', what: '支出总额', pattern: new RegExp(String.raw`(?<!拨款)(?<!财政拨款支出)(?<!项目|基本)(?:支出预算|本年支出合计)${GAP}${AMOUNT}${GAP}万元`, 'g'), kinds: ['expenditure-summary'] },
];

/** Column figures: the amount stated for a column of the section's table (基本支出 539.99 万元，占 7.42%). */
const COLUMN_RULES: ReadonlyArray<{ id: string; key: string; label: string; defaultKind: TableKind }> = [
  { id: 'basic', key: 'basic', label: '基本支出', defaultKind: 'expenditure-summary' },
  { id: 'project', key: 'project', label: '项目支出', defaultKind: 'expenditure-summary' },
  { id: 'personnel', key: 'personnel', label: '人员经费', defaultKind: 'general-budget-basic-expenditure' },
  { id: 'public', key: 'public', label: '公用经费', defaultKind: 'general-budget-basic-expenditure' },
];

/** 一般公共预算 in the text: a column of the income table, a row of the 财政拨款 table, or the 一般公共预算 table's total. */
function generalBudgetFigure(
  tables: readonly Table[],
  section: TableKind | null,
  ofSpending: boolean,
): { value: number | null; table: Table | null; whole: number | null } {
  if (section === 'income-summary') {
    const t = tableOf(tables, ['income-summary']);
    return { value: t ? columnTotal(t, 'general', '一般公共预算') : null, table: t, whole: t ? grandTotal(t, undefined) : null };
  }
  if (section === 'fiscal-appropriation-summary') {
    const t = tableOf(tables, ['fiscal-appropriation-summary']);
    const row = t?.rows.find((r) => r.texts.side === 'income' && /一般公共预算/.test(r.name) && !/其中/.test(r.name));
    return { value: row && t ? firstValue(row, t, ['total', 'actual']) : null, table: t, whole: null };
  }
  const t = tableOf(tables, ['general-budget-expenditure']);
  const spending = ofSpending ? tableOf(tables, ['expenditure-summary']) : t;
  return { value: t ? grandTotal(t, undefined) : null, table: t, whole: spending ? grandTotal(spending, undefined) : null };
}

/** A 类 row's amount; a department's table repeats the 类 under each sub-unit, and the text states their sum. */
function classAmount(t: Table, code: string): number | null {
  const rows = t.rows.filter((r) => r.code === code && r.role === 'data');
  const whole = rows.find((r) => r.group === null);
  if (whole || rows.length === 1) return firstValue(whole ?? rows[0], t, ['total', 'actual']);
  const values = rows.map((r) => firstValue(r, t, ['total', 'actual']));
  return values.length > 0 && values.every((v) => v != null) ? sumAmounts(values as number[]) : null;
}

function classCodeOf(name: string): string | null {
  const n = normalize(name).replace(/^[\d.、\s-]+/, '');
  for (const [code, className] of Object.entries(FUNCTION_CLASSES)) {
    const c = normalize(className);
    if (n === c || n === c.replace(/支出$/, '') || n.endsWith(c) || (n.length >= 4 && n.endsWith(c.replace(/支出$/, '')))) return code;
  }
  return null;
}

function figuresOf(stream: Stream): Figure[] {
  const figures: Figure[] = [];
  const at = (index: number, length: number): LineRange => ({
    first: pieceAt(stream, index).no,
    last: pieceAt(stream, Math.min(index + length - 1, stream.text.length - 1)).no,
  });
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && x < b);

  for (const rule of TOTAL_RULES) {
    for (const m of stream.text.matchAll(rule.pattern)) {
      if (!free(m.index!, m.index! + m[0].length)) continue;
      taken.push([m.index!, m.index! + m[0].length]);
      figures.push({
        id: `narrative:${rule.id}`,
        message: `说明中的${rule.what}（${m[0].replace(/\s+/g, '')}）= 表中合计`,
        stated: parseAmount(m[1]),
      printed: m[1],
        share: null,
        kind: rule.kinds[0],
        lines: at(m.index!, m[0].length),
        unit: pieceAt(stream, m.index!).unit,
        lookup: (tables) => {
          const t = tableOf(tables, rule.kinds);
          if (!t) return { value: null, table: null, whole: null };
          const two = t.rows.some((r) => r.texts.side);
          return { value: grandTotal(t, two ? rule.side : undefined), table: t, whole: null };
        },
      });
    }
  }

  for (const rule of COLUMN_RULES) {
    // `水务发展资金项目支出 939.06 万元` is a fund's project, not the 项目支出 column.
    const pattern = new RegExp(String.raw`${NOT_SCOPE}(?<!资金)${rule.label}(?:支出)?(?:预算|决算)?(?:为)?${GAP}${AMOUNT}${GAP}万元${SHARE}`, 'g');
    for (const m of stream.text.matchAll(pattern)) {
      if (!free(m.index!, m.index! + m[0].length)) continue;
      taken.push([m.index!, m.index! + m[0].length]);
      const section = pieceAt(stream, m.index!).kind;
      const kind = section && section !== 'general-budget-project-expenditure' && section !== 'income-summary' ? section : rule.defaultKind;
      figures.push({
        id: `narrative:${kind}:${rule.id}`,
        message: `说明中的${rule.label}（${m[0].replace(/\s+/g, '')}）= 表中${rule.label}一列的合计`,
        stated: parseAmount(m[1]),
      printed: m[1],
        share: m[2] ?? null,
        kind,
        lines: at(m.index!, m[0].length),
        unit: pieceAt(stream, m.index!).unit,
        lookup: (tables) => {
          // The section's table, or the table the figure always belongs to when the section's has no such column.
          const candidates = [tableOf(tables, [kind]), tableOf(tables, [rule.defaultKind])];
          for (const t of candidates) {
            if (!t) continue;
            const whole = wholeOf(t);
            if (t.kind === 'general-budget-basic-expenditure' && rule.id === 'basic') return { value: whole, table: t, whole: null };
            const value =
              columnTotal(t, rule.key, rule.label) ??
              (t.kind === 'general-budget-basic-expenditure' && (rule.key === 'personnel' || rule.key === 'public') && t.columns.length === 1 ? byEconomicClass(t, rule.key) : null);
            if (value != null) return { value, table: t, whole };
          }
          // No column of that name in any of them: the tables do not print the figure (深圳 2026's 支出总表 has no
          // 人员经费 column), which the check says rather than sending the reader to a table.
          const found = candidates.filter((t): t is Table => t !== null);
          const l = normalize(rule.label);
          const printsColumn = (t: Table) =>
            t.columns.some((c) => c.key === rule.key || normalize(c.label).includes(l)) || t.rows.some((r) => r.role !== 'data' && normalize(r.name).startsWith(l));
          const absent = found.length > 0 && !found.some(printsColumn) ? `（${[...new Set(found.map((t) => `《${t.title}》`))].join('、')}没有${rule.label}一列）` : undefined;
          return { value: null, table: found[0] ?? null, whole: null, absent };
        },
      });
    }
  }

  for (const m of stream.text.matchAll(new RegExp(String.raw`${NOT_SCOPE}一般公共预算(?:财政拨款|当年拨款|拨款)?(?:支出)?(?:合计)?${GAP}${AMOUNT}${GAP}万元${SHARE}`, 'g'))) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    taken.push([m.index!, m.index! + m[0].length]);
    const section = pieceAt(stream, m.index!).kind;
    const ofSpending = /占本年支出合计/.test(m[0]);
    // In a unit's section `其中：一般公共预算 …` splits the funds of the item the sentence is about (a project), not the
    // unit's: no table row holds it.
    const ofItem = pieceAt(stream, m.index!).unit !== null && /其中[:：]?\s*$/.test(stream.text.slice(Math.max(0, m.index! - 4), m.index!));
    figures.push({
      id: `narrative:${section ?? 'general-budget-expenditure'}:general`,
      message: `说明中的一般公共预算（${m[0].replace(/\s+/g, '')}）= 表中一般公共预算数`,
      stated: parseAmount(m[1]),
      printed: m[1],
      share: m[2] ?? null,
      kind: section,
      lines: at(m.index!, m[0].length),
      unit: pieceAt(stream, m.index!).unit,
      lookup: (tables) => (ofItem ? { value: null, table: null, whole: null } : generalBudgetFigure(tables, section, ofSpending)),
    });
  }

  for (const m of classMatches(stream.text)) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    taken.push([m.index!, m.index! + m[0].length]);
    const code = classCodeOf(m[1]);
    const section = pieceAt(stream, m.index!).kind;
    const kind: TableKind =
      section === 'expenditure-summary' || section === 'fiscal-appropriation-summary' || section === 'income-expenditure-summary'
        ? section
        : 'general-budget-expenditure';
    figures.push({
      id: `narrative:${kind}:class:${code ?? m[1]}`,
      message: `说明中的${m[1]}（类）= 表中该类一行`,
      stated: parseAmount(m[2]),
      printed: m[2],
      share: m[3] ?? null,
      kind,
      lines: at(m.index!, m[0].length),
      unit: pieceAt(stream, m.index!).unit,
      lookup: (tables) => {
        const t = tableOf(tables, [kind, 'general-budget-expenditure']);
        if (!t || !code) return { value: null, table: t, whole: null };
        const two = t.rows.some((r) => r.texts.side);
        return {
          value: classAmount(t, code),
          table: t,
          whole: grandTotal(t, two ? 'expenditure' : undefined),
        };
      },
    });
  }
  return figures;
}

const CLASS_FIGURE = new RegExp(String.raw`([\u4e00-\u9fa5]{2,16})[（(]类[）)]${GAP}${AMOUNT}${GAP}万元${SHARE}`, 'y');

/**
 * The matches of CLASS_FIGURE (`一般公共服务支出（类）123.45 万元，占…%`), tried only 3–17 characters before each 类
 * (a name of 2–16 CJK characters, then the bracket): a search from every CJK character of the narrative cost some 15
 * steps each.
 */
const classMatches = (text: string) => anchoredMatches(text, CLASS_FIGURE, '类', 3, 17);

/** Checks the amounts the 情况说明 states (收支总预算, 基本支出, 项目支出, per-类 amounts and shares) against the tables. */
export function checkTablesAgainstNarrative(lines: readonly SourceLine[], tables: readonly Table[]): Check[] {
  if (tables.length === 0) return [];
  const stream = narrativeStream(lines, tables);
  const checks: Check[] = [];
  const used = new Map<string, number>();
  const uniqueId = (id: string) => {
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    return n === 1 ? id : `${id}:${n}`;
  };
  // The tables as each unit's section reads them, made once per unit, not once per figure: finding a unit's row
  // reads every row of every table.
  const views = new Map<string | null, Table[]>();
  const viewOf = (unit: string | null) => views.get(unit) ?? views.set(unit, tables.map((t) => ofUnit(t, unit))).get(unit)!;
  for (const f of figuresOf(stream)) {
    const { value, table, whole, absent } = f.lookup(viewOf(f.unit));
    // The 说明 states its figures in 万元; a table without a stated unit is in 万元 too.
    const inTenThousand = convertAmount(value, table?.unit ?? VIEW_UNIT, VIEW_UNIT);
    // A table named by the reader, not the print, is said to be so (core/inferred-title.ts) here as on the site.
    const saying = table ? inferredSaying(table) : '';
    const where = (absent ?? (table ? `（见《${table.title}》${saying && `，${saying}`}）` : '（没有表列出此数）')) + (f.stated == null ? MALFORMED(f.printed) : '');
    checks.push(
      compareAmounts(uniqueId(f.id), `${f.message}${where}`, round(inTenThousand), f.stated, tableLines(table, f.lines)),
    );
    if (f.share != null) {
      const share = value != null && whole ? round((value / whole) * 100) : null;
      // A share printed out of shape (`8.6.5%`) is no figure: compared with nothing, and said so.
      const stated = /^\d+(?:\.\d+)?$/.test(f.share) ? Number(f.share) : null;
      const malformed = stated == null ? `（说明中的「${f.share}%」不是完整的百分数写法，无法核对）` : '';
      checks.push(
        compareAmounts(
          uniqueId(`${f.id}:share`),
          `说明中的占比（占 ${f.share}%）= 表中金额 ÷ 合计${where}${malformed}`,
          share,
          stated,
          tableLines(table, f.lines),
          shareTolerance(f.share),
        ),
      );
    }
  }
  return checks;
}

/** A share is printed rounded to its last decimal (`占 86.5%` for 86.517 %): it agrees within half that decimal. */
function shareTolerance(printed: string): number {
  const decimals = printed.split('.')[1]?.length ?? 0;
  return Math.max(AMOUNT_TOLERANCE, 5 / 10 ** (decimals + 1));
}

function round(v: number | null): number | null {
  return v == null ? null : Math.round(v * 1e6) / 1e6;
}

function tableLines(table: Table | null, text: LineRange): LineRange[] {
  return table ? [text, table.lines] : [text];
}
