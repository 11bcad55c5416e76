import type { TableKind } from '../../../schema/table.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { foldWidth } from '../../../core/width.ts';
import { cellAmount, cleanName, headerLabel } from '../shared/cell-text.ts';
import { piecesOf } from '../shared/code-reassembly.ts';
import { declaresEmpty, isCompilerLine, isNoteLine, isPageFurniture, unitOf } from '../shared/region-text.ts';
import type { DraftRow, DraftTable, DraftToken, Side } from '../shared/table-draft.ts';
import { alignedHeader, type AlignedColumn } from './header.ts';
import type { AlignedRegion } from './regions.ts';
import { center, segmentsOf, type Segment } from './segments.ts';

/** From the lines of one aligned table region to a draft: header, then rows rebuilt from codes, names and amounts. */

const TOTAL = /^(?:合计|总计|小计|收入总计|支出总计|本年收入合计|本年支出合计|人员经费合计|公用经费合计)$/;
const OUTLINE = /^(?:[一二三四五六七八九十]+、|\d+[、.．])/;
const FILLER = /^[…。.]+$/;

interface SidePart {
  codes: Segment[];
  texts: Segment[];
  amounts: Segment[];
  /** The second classification's code pieces and name, in a crosswalk table (see AlignedHeader.crosswalkStart). */
  crosswalk: Segment[];
}

interface LineParts {
  line: SourceLine;
  parts: Map<Side | null, SidePart>;
}

function isDataStart(segs: readonly Segment[]): boolean {
  if (segs.length === 0) return false;
  const first = headerLabel(segs[0].text);
  return (
    /^\d{3,7}$/.test(first) ||
    segs.some((s) => cellAmount(s.text) != null && !/^\d{1,2}$/.test(s.text)) ||
    (TOTAL.test(first) && segs.slice(1).every((s) => cellAmount(s.text) != null)) ||
    OUTLINE.test(first) ||
    FILLER.test(first)
  );
}

/** Order-preserving assignment of amounts to columns, nearest by position (dynamic programming). */
function nearestColumns(amounts: readonly Segment[], columns: readonly AlignedColumn[]): number[] {
  const n = amounts.length;
  const m = columns.length;
  if (n === 0 || n > m) return amounts.map((_, i) => Math.min(i, m - 1));
  // Amounts sit right-aligned or centred under their labels: the nearer of the two readings counts.
  const cost = (i: number, j: number) =>
    Math.min(
      Math.abs(center(amounts[i]) - (columns[j].start + columns[j].end) / 2),
      Math.abs(amounts[i].end - columns[j].end),
    );
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(Infinity));
  for (let j = 0; j <= m; j++) best[0][j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) best[i][j] = Math.min(best[i][j - 1], best[i - 1][j - 1] + cost(i - 1, j - 1));
  }
  const out: number[] = new Array(n);
  let j = m;
  for (let i = n; i >= 1; i--) {
    while (j > i && best[i][j] === best[i][j - 1]) j--;
    out[i - 1] = j - 1;
    j--;
  }
  return out;
}

export function draftAlignedTable(lines: readonly SourceLine[], region: AlignedRegion): DraftTable {
  let unit: string | null = null;
  const notes: string[] = [];
  let declaredEmpty = false;
  const headerLines: Segment[][] = [];
  const body: { line: SourceLine; segs: Segment[] }[] = [];
  for (let i = region.bodyStart; i <= region.end; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const t = line.text.trim();
    if (isPageFurniture(t) || isPageNumber(lines, i)) continue;
    if (isNoteLine(t) || (notes.length > 0 && (declaresEmpty(t) || /[:：]$/.test(t)))) {
      notes.push(t);
      if (declaresEmpty(t)) declaredEmpty = true;
      continue;
    }
    if (body.length === 0 && (isCompilerLine(t) || unitOf(t))) {
      unit ??= unitOf(t);
      continue;
    }
    const segs = segmentsOf(line.text);
    if (body.length === 0 && !isDataStart(segs)) headerLines.push(segs);
    else body.push({ line, segs });
  }

  joinWrappedDigits(body);

  // A name printed above its code line (`社会保障和就` over `208 754.75`) is not a header line.
  while (headerLines.length > 0 && body.length > 0) {
    const last = headerLines[headerLines.length - 1];
    if (last.length !== 1 || isHeaderWord(last[0].text)) break;
    headerLines.pop();
    const lineNo = lastHeaderLine(lines, region, body[0].line.no, last[0]);
    if (lineNo) body.unshift(lineNo);
  }

  const sidesAre = summaryKind(region.kind) ? 'summary' : 'lists';
  const header = alignedHeader(headerLines, sidesAre);
  const sides: (Side | null)[] = header.twoSided ? ['income', 'expenditure'] : [null];
  const firstAmount = (side: Side | null) =>
    Math.min(...header.positions.filter((p) => p.side === side).map((p) => p.start), Infinity);

  // Cut every line into its sides: names left of the side's first amount column, amounts by nearest column.
  const parsed: LineParts[] = body.map(({ line, segs: printed }) => {
    const segs = withoutCounters(printed, header.counters);
    const parts = new Map<Side | null, SidePart>(sides.map((s) => [s, { codes: [], texts: [], amounts: [], crosswalk: [] }]));
    const amounts = segs.filter((s) => cellAmount(s.text) != null && !isCodeAt(s, header.positions, sides, firstAmount));
    const placed = nearestColumns(amounts, header.positions);
    amounts.forEach((s, i) => parts.get(header.positions[placed[i]]?.side ?? null)?.amounts.push(s));
    for (const s of segs) {
      if (amounts.includes(s) || FILLER.test(s.text)) continue;
      const side = header.twoSided && s.start >= firstAmount('income') - 1 ? 'expenditure' : sides[0];
      const part = parts.get(side)!;
      // In a crosswalk table a code after the row's name (or a second 类 code, the name left blank) opens the second
      // classification's code and name.
      const opensCrosswalk =
        /^\d{3,7}(?!\d)/.test(s.text) && (part.texts.length > 0 || part.codes.some((c) => c.text.length >= 3));
      if (header.crosswalkStart !== null && (part.crosswalk.length > 0 || opensCrosswalk)) {
        part.crosswalk.push(s);
        continue;
      }
      // Names never start with digits: `01行政运行` is the 项 code run into its name.
      // A code in brackets before the name (`[201]一般公共服务支出`, 广州) is the row's code.
      const bracketed = part.texts.length === 0 ? /^[\[【]\s*(\d{3,7})\s*[\]】]\s*/.exec(s.text) : null;
      if (bracketed) {
        part.codes.push({ text: bracketed[1], start: s.start, end: s.start + bracketed[0].length });
        part.texts.push({ text: s.text.slice(bracketed[0].length), start: s.start + bracketed[0].length, end: s.end });
        continue;
      }
      const glued = part.texts.length === 0 ? /^(\d{2})(?=[\u4e00-\u9fff])/.exec(s.text) : null;
      // Six digits are a unit's code (单位编码 222001), never a 3+2+2 classification code: not part of the name.
      if (/^\d{6}$/.test(s.text) && part.texts.length === 0) continue;
      if (/^\d{1,7}$/.test(s.text) && part.texts.length === 0) part.codes.push(s);
      else if (glued) {
        part.codes.push({ text: glued[1], start: s.start, end: s.start + 2 });
        part.texts.push({ text: s.text.slice(2), start: s.start + 2, end: s.end });
      } else part.texts.push(s);
    }
    return { line, parts };
  });

  const coded = parsed.some(({ parts }) => [...parts.values()].some((p) => p.codes.length > 0));
  const rows: DraftRow[] = [];
  for (const side of sides) {
    const columnsOfSide = header.positions.map((p, i) => (p.side === side ? i : -1)).filter((i) => i >= 0);
    const sideName: Side | null = header.twoSided && sidesAre === 'summary' ? side : null;
    const sideRows = coded ? codedRows(parsed, side, header.codeColumns) : itemRows(parsed, side);
    for (const r of sideRows) {
      const preferred = nearestColumns(r.amounts, header.positions.filter((p) => p.side === side));
      const tokens: DraftToken[] = r.amounts.map((s, i) => ({
        text: s.text,
        value: cellAmount(s.text)!.value,
        split: cellAmount(s.text)!.split,
        preferred: columnsOfSide[Math.min(preferred[i], columnsOfSide.length - 1)],
        lo: columnsOfSide[0],
        hi: columnsOfSide[columnsOfSide.length - 1],
        line: r.amountLines[i],
      }));
      rows.push({
        pieces: r.pieces,
        name: r.name,
        texts: crosswalkTexts(r.crosswalk),
        tokens,
        trusted: false,
        positional: true,
        side: sideName,
        allowed: columnsOfSide,
        project: false,
        outline: sideName === 'income' ? outlineOf(r.name) : null,
        lines: { first: Math.min(...r.lineNos), last: Math.max(...r.lineNos) },
      });
    }
  }
  rows.sort((a, b) => a.lines.first - b.lines.first || (a.side === 'income' ? -1 : 1));

  return {
    kind: region.kind,
    title: region.title,
    titleInferred: false,
    unit,
    columns: header.columns,
    identities: header.identities,
    rows,
    declaredEmpty,
    notes,
    lines: { first: lines[region.titleIndex].no, last: lines[region.end].no },
  };
}

/**
 * The second classification of a crosswalk row as text cells: its code (pieces joined, `505 01` → `50501`) and its
 * name as printed. It is kept beside the row, not as the row's code, because each row belongs to one scheme.
 */
function crosswalkTexts(segs: readonly Segment[]): Record<string, string> {
  if (segs.length === 0) return {};
  const digits = segs.filter((s) => /^\d{1,7}$/.test(s.text)).map((s) => s.text);
  const name = cleanName(segs.filter((s) => !/^\d{1,7}$/.test(s.text)).map((s) => s.text).join(''));
  const texts: Record<string, string> = {};
  if (digits.length > 0) texts['crosswalk-code'] = digits.join('');
  if (name) texts['crosswalk-name'] = name;
  return texts;
}

/** A lone whole number after a blank line, at the foot of a page: the page's number, not a cell. */
function isPageNumber(lines: readonly SourceLine[], i: number): boolean {
  return /^\d{1,4}$/.test(lines[i].text.trim()) && i > 0 && isBlank(lines[i - 1]);
}

/**
 * An amount wider than its cell wraps its last digits onto the next line (`811,669.9` over `7`): a line of nothing
 * but a digit or two, touching the line of an amount that ends one decimal short, completes that amount.
 */
function joinWrappedDigits(body: { line: SourceLine; segs: Segment[] }[]): void {
  for (let k = body.length - 1; k >= 0; k--) {
    const { line, segs } = body[k];
    if (segs.length !== 1 || !/^\d{1,2}$/.test(segs[0].text)) continue;
    const digits = segs[0];
    const fits = (s: Segment) => /\.\d$/.test(s.text) && cellAmount(s.text) != null && digits.start >= s.start - 2 && digits.end <= s.end + 2;
    // The first part may sit on the line above, or above the row's own line (`350,034.4` / `合计 …` / `2`).
    const above = [body[k - 1], body[k - 2]].find(
      (b) => b && line.no - b.line.no <= 2 && b.line.no >= body[k - 1].line.no - 1 && b.segs.some(fits),
    );
    if (!above) continue;
    const short = above.segs.findIndex(fits);
    const s = above.segs[short];
    above.segs[short] = { text: s.text + digits.text, start: s.start, end: s.end + digits.text.length };
    body.splice(k, 1);
  }
}

/** A row's number under 行次 / 序号 (`27`, or `1 一、部门预算` run into the name) is dropped: it is no amount. */
function withoutCounters(segs: readonly Segment[], counters: readonly Segment[]): Segment[] {
  const under = (s: Segment) => counters.some((c) => s.start <= c.end + 2 && s.end >= c.start - 2);
  const out: Segment[] = [];
  for (const s of segs) {
    if (/^\d{1,3}$/.test(s.text) && under(s)) continue;
    const lead = /^(\d{1,3}) +(?=\D)/.exec(s.text);
    if (lead && under({ text: lead[1], start: s.start, end: s.start + lead[1].length })) {
      out.push({ text: s.text.slice(lead[0].length), start: s.start + lead[0].length, end: s.end });
    } else out.push(s);
  }
  return out;
}

function isHeaderWord(text: string): boolean {
  return /项目|分类|科目|编码|名称|合计|预算|决算|支出|收入|经费|[类款项]$/.test(headerLabel(text));
}

function lastHeaderLine(
  lines: readonly SourceLine[],
  region: AlignedRegion,
  before: number,
  seg: Segment,
): { line: SourceLine; segs: Segment[] } | null {
  for (let i = before - 2; i > region.titleIndex; i--) {
    const segs = segmentsOf(lines[i].text);
    if (segs.length === 1 && segs[0].text === seg.text && segs[0].start === seg.start) return { line: lines[i], segs };
  }
  return null;
}

function summaryKind(kind: TableKind): boolean {
  return kind === 'income-expenditure-summary' || kind === 'fiscal-appropriation-summary';
}

/** A whole number left of every amount column of its side is a code, not an amount. */
function isCodeAt(
  s: Segment,
  positions: readonly AlignedColumn[],
  sides: readonly (Side | null)[],
  firstAmount: (side: Side | null) => number,
): boolean {
  if (!/^\d{1,7}$/.test(s.text) || positions.length === 0) return false;
  return sides.some((side) => {
    const start = firstAmount(side);
    const previousEnd = Math.max(-1, ...positions.filter((p) => p.side !== side && p.start < start).map((p) => p.end));
    return s.end < start - 1 && (s.start > previousEnd || (s.text.length >= 3 && s.start >= previousEnd - 1));
  });
}

function outlineOf(name: string): number | null {
  const t = foldWidth(name);
  if (/^[一二三四五六七八九十]+、/.test(t)) return 1;
  if (/^\d+[、.．]/.test(t)) return 2;
  return null;
}

interface AssembledRow {
  pieces: string[] | null;
  name: string;
  amounts: Segment[];
  amountLines: number[];
  lineNos: number[];
  inlineName: boolean;
  crosswalk: Segment[];
}

/** Code tables: each code starts a row; name fragments and stray amounts join the nearest code row of their side. */
function codedRows(parsed: readonly LineParts[], side: Side | null, codeColumns: readonly Segment[] | null): AssembledRow[] {
  const rows: AssembledRow[] = [];
  const anchors: { lineNo: number; row: AssembledRow }[] = [];
  let previousLevel = 0;
  const orphans: { lineNo: number; part: SidePart }[] = [];
  for (const { line, parts } of parsed) {
    const part = parts.get(side);
    if (!part || (part.codes.length === 0 && part.texts.length === 0 && part.amounts.length === 0)) continue;
    const name = cleanName(part.texts.map((t) => t.text).join(''));
    if (part.codes.length > 0 || TOTAL.test(headerLabel(name))) {
      const row: AssembledRow = {
        pieces: part.codes.length > 0 ? codePieces(part.codes, codeColumns, previousLevel) : null,
        name,
        amounts: [...part.amounts],
        amountLines: part.amounts.map(() => line.no),
        lineNos: [line.no],
        inlineName: name !== '',
        crosswalk: [...part.crosswalk],
      };
      rows.push(row);
      anchors.push({ lineNo: line.no, row });
      if (row.pieces) previousLevel = row.pieces[2] ? 3 : row.pieces[1] ? 2 : 1;
    } else {
      orphans.push({ lineNo: line.no, part });
    }
  }
  for (const { lineNo, part } of orphans) {
    const target = nearestAnchor(anchors, lineNo, part.amounts.length > 0);
    if (!target) {
      rows.push({
        pieces: null,
        name: cleanName(part.texts.map((t) => t.text).join('')),
        amounts: [...part.amounts],
        amountLines: part.amounts.map(() => lineNo),
        lineNos: [lineNo],
        inlineName: true,
        crosswalk: [...part.crosswalk],
      });
      continue;
    }
    // A wrapped name under the second classification's name continues that name, not the row's own.
    const crosswalkAt = target.crosswalk[0]?.start ?? Infinity;
    const own = part.texts.filter((t) => t.start < crosswalkAt - 1);
    const crossed = part.texts.filter((t) => t.start >= crosswalkAt - 1);
    if (crossed.length > 0) {
      target.crosswalk = lineNo < target.lineNos[0] ? [...crossed, ...target.crosswalk] : [...target.crosswalk, ...crossed];
    }
    const fragment = cleanName(own.map((t) => t.text).join(''));
    target.name = lineNo < target.lineNos[0] ? fragment + target.name : target.name + fragment;
    target.amounts.push(...part.amounts);
    target.amountLines.push(...part.amounts.map(() => lineNo));
    target.lineNos.push(lineNo);
  }
  return rows.sort((a, b) => a.lineNos[0] - b.lineNos[0]);
}

/**
 * A row's code pieces. Under a 类 / 款 / 项 header each piece sits in its column: a 款 printed without its 类
 * (`      03   职业教育`, the 类 left blank as in the row above) is a 款, not a 类 of two digits.
 */
function codePieces(codes: readonly Segment[], codeColumns: readonly Segment[] | null, previousLevel: number): string[] {
  // A lone two-digit piece is never a 类 (3 digits): a 款 under a 类 row, else a 项.
  if (!codeColumns && codes.length === 1 && codes[0].text.length === 2) {
    return previousLevel === 1 ? ['', codes[0].text, ''] : ['', '', codes[0].text];
  }
  if (!codeColumns || codes.some((c) => c.text.length > 3)) return piecesOf(codes.map((c) => c.text));
  const pieces = ['', '', ''];
  for (const c of codes) {
    const k = codeColumns.reduce((best, col, j) => (Math.abs(center(col) - center(c)) < Math.abs(center(codeColumns[best]) - center(c)) ? j : best), 0);
    pieces[k] += c.text;
  }
  return pieces;
}

/** The code row a fragment belongs to: the nearest line; on a tie, the row that has no name of its own, else the earlier. */
function nearestAnchor(
  anchors: readonly { lineNo: number; row: AssembledRow }[],
  lineNo: number,
  hasAmounts: boolean,
): AssembledRow | null {
  const eligible = anchors.filter((a) => !hasAmounts || a.row.amounts.length === 0);
  let best: { lineNo: number; row: AssembledRow } | null = null;
  for (const a of eligible) {
    const d = Math.abs(a.lineNo - lineNo);
    if (!best) {
      best = a;
      continue;
    }
    const bd = Math.abs(best.lineNo - lineNo);
    const tieBreak =
      a.row.inlineName !== best.row.inlineName
        ? !a.row.inlineName
        : a.row.lineNos.length < best.row.lineNos.length;
    if (d < bd || (d === bd && tieBreak)) best = a;
  }
  return best && Math.abs(best.lineNo - lineNo) <= 2 ? best.row : null;
}

/** Item tables (two-sided summaries, 三公): each line is a row; a wrapped end of a name (`出`) joins the row above. */
function itemRows(parsed: readonly LineParts[], side: Side | null): AssembledRow[] {
  const rows: AssembledRow[] = [];
  let previousLine = -1;
  for (const { line, parts } of parsed) {
    const part = parts.get(side);
    if (!part || (part.texts.length === 0 && part.amounts.length === 0)) continue;
    const name = cleanName(part.texts.map((t) => t.text).join(''));
    const last = rows[rows.length - 1];
    if (last && part.amounts.length === 0 && name.length <= 2 && previousLine === line.no - 1 && !TOTAL.test(name)) {
      last.name += name;
      last.lineNos.push(line.no);
    } else {
      rows.push({ pieces: null, name, amounts: [...part.amounts], amountLines: part.amounts.map(() => line.no), lineNos: [line.no], inlineName: true, crosswalk: [...part.crosswalk] });
    }
    previousLine = line.no;
  }
  return withLabelledAmounts(rows);
}

/**
 * A line of amounts without a name, printed just above or below a named row (the amount of a tall cell is set
 * at its middle, the label at its top): its amounts belong to that row when they fill cells the row leaves empty.
 * The row below is tried first, as the amount line usually sits above its label.
 */
function withLabelledAmounts(rows: AssembledRow[]): AssembledRow[] {
  const out = [...rows];
  const disjoint = (a: readonly Segment[], b: readonly Segment[]) => a.every((x) => b.every((y) => x.end < y.start || y.end < x.start));
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (r.name !== '' || r.amounts.length === 0) continue;
    const at = r.lineNos[0];
    const target = [out[i + 1], out[i - 1]].find(
      (n) => n && n.name !== '' && n.lineNos.some((l) => Math.abs(l - at) === 1) && disjoint(n.amounts, r.amounts),
    );
    if (!target) continue;
    target.amounts.push(...r.amounts);
    target.amountLines.push(...r.amountLines);
    target.lineNos.push(...r.lineNos);
    const order = target.amounts.map((a, k) => ({ a, line: target.amountLines[k] })).sort((x, y) => x.a.start - y.a.start);
    target.amounts = order.map((o) => o.a);
    target.amountLines = order.map((o) => o.line);
    out.splice(i, 1);
    i--;
  }
  return out;
}
