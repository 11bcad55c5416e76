import { isTotalName } from '../../../core/totals.ts';
import { isTwoSidedKind } from '../kinds.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { FUNCTION_CLASSES } from '../../../core/codes.ts';
import { cellAmount, cleanName, headerLabel, itemDepth, type CellAmount } from '../../layout/cell-text.ts';
import { isClassCode, piecesOf } from '../shared/code-reassembly.ts';
import { declaresEmpty, isCompilerLine, isTableFurniture } from '../shared/region-text.ts';
import { statedUnit } from '../../../core/units.ts';
import type { DraftRow, PositionedDraft, PositionedToken, Side } from '../shared/table-draft.ts';
import { alignedHeader, amountWindows, packedWindows, type AlignedColumn, type ExtraPanel } from './header.ts';
import { nearestColumns, undecidedColumns } from './amount-columns.ts';
import { pagesFrom, toHeaderPage } from '../../layout/page-frame.ts';
import { withoutRowNumbers, type RowNumberColumn } from '../../layout/row-numbers.ts';
import type { AlignedBlock } from '../table-blocks.ts';
import { alignedHeaderRows, isTotalRowName } from './header-marks.ts';
import { rowMarks } from '../shared/header-rows.ts';
import { continuedHeaderEnd } from '../shared/repeated-header.ts';
import { giveCentred } from '../shared/text-column.ts';
import { withNameEndsOverPages, withNamesAround } from './names-around.ts';
import { center, isAmountCell, isCodeCell, stepsRight, type Cell } from '../../layout/cells.ts';
import { foldFigures, foldWidth, hasDigit } from '../../../core/width.ts';
import { printsPoint } from '../../numbers.ts';

/**
 * From the block of one aligned table (its rows cut once, table-blocks.ts) to a draft: header, then rows rebuilt from
 * codes, names and amounts.
 */

const FILLER = /^[…。.]+$/;

/** An amount cell with its amount: read once a cell, for every pass of the draft that asks. */
interface AmountCell extends Cell {
  amount: CellAmount;
  /** The line it was printed on, where that is a line below its row's (a staircase: joinStaircases). */
  line?: number;
}

interface SidePart {
  codes: Cell[];
  texts: Cell[];
  amounts: AmountCell[];
  /** The second classification's code pieces and name, in a crosswalk table (see AlignedHeader.crosswalkStart). */
  crosswalk: Cell[];
  /**
   * Row text beside the name: the printed row number (行次, 序号) and unit code (单位编码), which are neither code
   * nor amount, the economic codes and the text columns of a 政府采购 table (采购目录, 规格型号 …).
   */
  cells: Record<string, string>;
  /** The code opens the name's own cell (`[201]一般…`, `2050802-干部教育`): no piece of that name stands above it. */
  codeOpensName?: boolean;
}

/** The economic-code columns of a 政府采购 table, in the template's order: 部门预算支出经济分类, then 政府预算支出经济分类. */
const OTHER_CODE_KEYS = ['economic-code', 'government-economic-code'];

interface LineParts {
  line: SourceLine;
  parts: Map<Side | null, SidePart>;
}

export function draftAlignedTable(block: AlignedBlock): PositionedDraft {
  // A prose column right of the amounts (绩效目标) was taken out of the rows before they were cut (table-blocks.ts)
  // and is given to the rows at the end.
  const { region, rows: printed } = block;
  const { texts: prose, key: proseKey } = block.prose;
  // The caption's compiler and unit lines, under the title's lines.
  const captioned = block.caption.slice(region.bodyStart - region.titleIndex);
  let unit: string | null = null;
  for (const line of captioned) if (!isBlank(line)) unit ??= statedUnit(line.text.trim());
  const notes: string[] = [];
  let declaredEmpty = false;
  // Which rows are the header is the block's mark, read with the cells' columns (header-marks.ts).
  const headerRows = alignedHeaderRows(block);
  const headerLines: Cell[][] = [];
  const body: { line: SourceLine; segs: Cell[] }[] = [];
  // A form feed opens a page, whatever its first line prints.
  let pageTop = captioned.some((line) => line.raw.startsWith('\f'));
  for (let k = 0; k < printed.length; k++) {
    const { line, cells, furniture } = printed[k];
    if (line.raw.startsWith('\f')) pageTop = true;
    if (isBlank(line)) continue;
    const t = line.text.trim();
    if (furniture || isTableFurniture(t)) continue;
    if (pageTop && body.length > 0) {
      pageTop = false;
      // The header printed again over a continued page's rows: its labels are no row's words (they are kept as printed).
      const repeated = repeatedHeaderEnd(block, k);
      if (repeated >= 0) {
        k = repeated;
        continue;
      }
    }
    if (k >= block.notesFrom || k === block.statement) {
      notes.push(t);
      if (declaresEmpty(t)) declaredEmpty = true;
      continue;
    }
    if (body.length === 0 && (isCompilerLine(t) || statedUnit(t))) {
      unit ??= statedUnit(t);
      continue;
    }
    // The block's cells, as a list of the draft's own: wrapped digits and a page's frame change the lists it keeps.
    const segs = [...cells];
    if (k < headerRows) headerLines.push(segs);
    else if (body.length === 0 && segs.length > 1 && isTotalRowName(segs, headerLines)) {
      // The rest of the total row's line is the header's last line printed in its cells.
      headerLines.push(segs.slice(1));
      body.push({ line, segs: segs.slice(0, 1) });
    } else body.push({ line, segs });
  }

  joinWrappedDigits(body);

  const header = alignedHeader(headerLines, isTwoSidedKind(region.kind) ? 'summary' : 'lists', () => body.flatMap((b) => b.segs.filter(isAmountCell)));
  joinSpacedThousands(body, header.counters);
  if (header.codeColumns) joinWrappedClassCodes(body, header.codeColumns);
  // A page is fitted to where the amounts stand, not to labels packed closer than their amounts (see packedWindows).
  const fitted = packedWindows(header.positions, () => body.map((b) => b.segs.filter(isAmountCell)), header.packed);
  const pageOf = pagesFrom([...block.caption.slice(1), ...printed.map((r) => r.line)]);
  toHeaderPage(body, fitted, header.codeColumns ?? [], header.counters.map((c) => c.label), pageOf);
  const sides: (Side | null)[] = header.twoSided ? ['income', 'expenditure'] : [null];
  // Where each side's first amount column starts, worked out once: the side of every cell of a summary's lines asks.
  const firstAmountOf = new Map(sides.map((side) => [side, Math.min(...header.positions.filter((p) => p.side === side).map((p) => p.start), Infinity)]));
  const firstAmount = (side: Side | null) => firstAmountOf.get(side)!;

  const { lines: read, panelOf } = foldedPanels(body, header.panels);
  // Amounts set flush left in their cells (Word's and LibreOffice's default) start left of their column's label: a
  // whole number printed where a decimal amount of another row reaching into the first amount column starts is
  // an amount too, not a code run into the name (就业管理事务 8).
  // Asked for each code-like cell of each line: worked out once per side, not by a scan of the table's decimals and
  // columns per cell.
  const codeSpans = sides.map((side) => codeSpanOf(side, decimalsFrom(read, firstAmount(side)), header.positions));
  // Each line's cells without its row number, cut at coded names: the text columns and the cutting below both read
  // them, so they are made once a line (made twice, they were 12 % of the bytes the draft allocated: a heap profile of
  // the 300-document synthetic corpus).
  const unnumbered = read.map(({ segs }) => withoutRowNumbers(segs, header.counters));
  const rowCells = unnumbered.map(({ segs }) => codedCells(segs));
  // Each cell's amount, or null, read once: the text columns, the sides and the tokens below all ask it, and asked
  // in each pass, it was some 1 % of the table stage (docs/benchmarks.md).
  const rowAmounts = rowCells.map((segs) => segs.map((s) => cellAmount(s.text)));
  const textColumnOf = flushLeftColumns(
    rowCells,
    rowAmounts,
    header.textColumns.filter((c) => c.key !== proseKey),
    header.nameColumns,
  );
  // Cut every line into its sides: names left of the side's first amount column, amounts by nearest column.
  const parsed: LineParts[] = read.map(({ line, segs: printed }, k) => {
    const { numbers } = unnumbered[k];
    const segs = rowCells[k];
    const amountOf = rowAmounts[k];
    const parts = new Map<Side | null, SidePart>(sides.map((s) => [s, { codes: [], texts: [], amounts: [], crosswalk: [], cells: {} }]));
    const sideAt = (s: Cell) => (header.twoSided && s.start >= firstAmount('income') - 1 ? 'expenditure' : sides[0]);
    // A counter belongs to the side its 行次 column heads (the amount columns may reach left of the names).
    for (const { number, column } of numbers) {
      const side = header.twoSided && column.label.start >= (header.rightStubStart ?? Infinity) ? 'expenditure' : sides[0];
      parts.get(side)!.cells.rowNumber = number.text;
    }
    const codeCell = (s: Cell) => otherCodeKey(s, header.otherCodeColumns);
    const isAmount = segs.map((s, i) => amountOf[i] !== null && !codeCell(s) && !isCodeAt(s, header.positions, codeSpans));
    const amounts: AmountCell[] = [];
    for (let i = 0; i < segs.length; i++) if (isAmount[i]) amounts.push({ ...segs[i], amount: amountOf[i]! });
    const placed = nearestColumns(amounts, header.positions);
    amounts.forEach((s, i) => parts.get(header.positions[placed[i]]?.side ?? null)?.amounts.push(s));
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      if (isAmount[i] || FILLER.test(s.text)) continue;
      const part = parts.get(sideAt(s))!;
      const codeKey = codeCell(s);
      if (codeKey) {
        part.cells[codeKey] = (part.cells[codeKey] ?? '') + s.text;
        continue;
      }
      // Codes read width-folded, one character for one (`２０１０１`, a word processor's print).
      const plain = foldFigures(s.text);
      const textKey = /^\d+$/.test(plain) ? null : textColumnOf(s);
      if (textKey) {
        part.cells[textKey] = (part.cells[textKey] ?? '') + s.text;
        continue;
      }
      // In a crosswalk table a code after the row's name (or a second 类 code, the name left blank) opens the second
      // classification's code and name.
      const opensCrosswalk =
        /^\d{3,7}(?!\d)/.test(plain) && (part.texts.length > 0 || part.codes.some((c) => c.text.length >= 3));
      if (header.crosswalkStart !== null && (part.crosswalk.length > 0 || opensCrosswalk)) {
        part.crosswalk.push(s);
        continue;
      }
      // Names never start with digits: `01行政运行` is the 项 code run into its name.
      // A code in brackets before the name (`[201]一般公共服务支出`, 广州) is the row's code.
      const bracketed = part.texts.length === 0 ? /^[\[【]\s*(\d{3,7})\s*[\]】]\s*/.exec(plain) : null;
      if (bracketed) {
        part.codes.push({ text: bracketed[1], start: s.start, end: s.start + bracketed[0].length });
        part.codeOpensName = true;
        part.texts.push({ text: s.text.slice(bracketed[0].length), start: s.start + bracketed[0].length, end: s.end });
        continue;
      }
      // A function code joined to its name by a hyphen (`2050802-干部教育`, 北京); not a catalogue's `0101-公共安全服务`.
      const hyphened = part.texts.length === 0 ? /^(\d{3,7}) ?[-－—–] ?(?=[^\x00-\x7f])/.exec(plain) : null;
      if (hyphened && hyphened[1].slice(0, 3) in FUNCTION_CLASSES) {
        part.codes.push({ text: hyphened[1], start: s.start, end: s.start + hyphened[1].length });
        part.codeOpensName = true;
        part.texts.push({ text: s.text.slice(hyphened[0].length), start: s.start + hyphened[0].length, end: s.end });
        continue;
      }
      // Six digits are a unit's code (单位编码 222001), never a 3+2+2 classification code; so is any number under
      // the 单位编码 column (the department's own `222`).
      const underUnitCode = header.unitCodes.some((c) => s.start <= c.end + 2 && s.end >= c.start - 2);
      if (part.texts.length === 0 && (/^\d{6}$/.test(plain) || (underUnitCode && /^\d{3,9}$/.test(plain)))) {
        part.cells.unitCode = s.text;
        continue;
      }
      // `222001 西安市交通运输局`: the unit's code one space before its name.
      const unitLead = part.texts.length === 0 ? /^(\d{6}) +(?=\D)/.exec(plain) : null;
      if (unitLead) {
        part.cells.unitCode = s.text.slice(0, unitLead[1].length);
        part.texts.push({ text: s.text.slice(unitLead[0].length), start: s.start + unitLead[0].length, end: s.end });
        continue;
      }
      // Digits run into a name right of the printed 类 / 款 / 项 columns (`95128助老服务热线`) start the name.
      const item = header.codeColumns?.[2];
      const inName = item !== undefined && s.start > item.end + 4 && segs.some((o) => o.start === s.end && /^[^\x00-\x7f]/.test(o.text));
      // A code printed in full-width digits (`２０１`) is the code `201`, as the other readers fold it.
      if (isCodeCell(s) && part.texts.length === 0 && !inName) {
        part.codes.push({ ...s, text: foldWidth(s.text) });
        continue;
      }
      // One space apart (`01 归口管理…`, Chromium's print of a 2016 收入预算总表 whose 类 款 项 label is one narrow cell)
      // only after the row's 类, or its 类 and 款, printed in cells of their own: then the piece is the next level's.
      const glued = part.texts.length === 0 ? gluedPattern(part.codes).exec(plain) : null;
      if (glued) {
        part.codes.push({ text: glued[1], start: s.start, end: s.start + 2 });
        part.texts.push({ text: s.text.slice(glued[0].length), start: s.start + glued[0].length, end: s.end });
      } else part.texts.push(s);
    }
    const panel = panelOf.get(printed);
    if (panel) parts.get('expenditure')!.cells.panel = panel;
    return { line, parts };
  });

  joinStaircases(parsed, sides);

  // For each row line opening a page, the row line printed last before the break: a name's last piece may stand over it.
  const lastBefore = new Map<number, number>();
  for (let k = 1; k < parsed.length; k++) if (pageOf(parsed[k].line.no) > pageOf(parsed[k - 1].line.no)) lastBefore.set(parsed[k].line.no, parsed[k - 1].line.no);

  const rows: DraftRow[] = [];
  for (const side of sides) {
    // Codes on one side of a summary (`201 一般公共服务支出`) say nothing of the other side's rows (收入 items).
    const coded = parsed.some(({ parts }) => (parts.get(side)?.codes.length ?? 0) > 0);
    const columnsOfSide = header.positions.map((p, i) => (p.side === side ? i : -1)).filter((i) => i >= 0);
    const sideName: Side | null = header.twoSided && header.sidesAre === 'summary' ? side : null;
    const sideRows = coded ? codedRows(parsed, side, codeColumnsAsPrinted(parsed, side, header.codeColumns)) : itemRows(parsed, side, (no) => lastBefore.get(no));
    const windows = amountWindows(header.positions.filter((p) => p.side === side), sideRows.map((r) => r.amounts), header.packed);
    const preferredOf = sideRows.map((r) => nearestColumns(r.amounts, windows));
    const undecidedOf = undecidedColumns(sideRows.map((r) => r.amounts), windows, preferredOf);
    for (const [n, r] of sideRows.entries()) {
      const preferred = preferredOf[n];
      const undecided = undecidedOf[n];
      const tokens: PositionedToken[] = r.amounts.map((s, i) => {
        const { value, split } = s.amount;
        const either = eitherOf(s, preferred[i], undecided[i], columnsOfSide.length);
        return {
          text: s.text,
          value,
          split,
          preferred: columnsOfSide[Math.min(preferred[i], columnsOfSide.length - 1)],
          ...(either ? { either: either.map((j) => columnsOfSide[j]) } : {}),
          lo: columnsOfSide[0],
          hi: columnsOfSide[columnsOfSide.length - 1],
          line: r.amountLines[i],
        };
      });
      rows.push({
        pieces: r.pieces,
        name: r.name,
        texts: { ...crosswalkTexts(r.crosswalk), ...r.cells },
        tokens,
        trusted: false,
        positional: true,
        side: sideName,
        allowed: columnsOfSide,
        project: false,
        outline: sideName === 'income' ? itemDepth(r.name) : null,
        lines: lineSpan(r.lineNos),
        ...(r.flag ? { flag: r.flag } : {}),
      });
    }
  }
  // A prose column left empty (西安's 项目简介) says nothing of the rows.
  if (proseKey !== null && prose.size > 0) withProse(rows, prose, proseKey);
  // Each extra panel's rows follow the rows of the panels before it, as its own list.
  const panelRank = (r: DraftRow) => (r.texts.panel === undefined ? -1 : header.panels.findIndex((p) => p.label === r.texts.panel));
  rows.sort((a, b) => panelRank(a) - panelRank(b) || a.lines.first - b.lines.first || (a.side === 'income' ? -1 : 1));

  return {
    placement: 'position',
    kind: region.kind,
    title: region.title,
    titleInferred: false,
    kindInferred: false,
    unit,
    columns: header.columns,
    identities: header.identities,
    rows,
    declaredEmpty,
    notes,
    lines: block.lines,
  };
}

/** The first and last of a row's lines, in one walk: every row of every aligned table asks. */
function lineSpan(lineNos: readonly number[]): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const no of lineNos) {
    if (no < first) first = no;
    if (no > last) last = no;
  }
  return { first, last };
}

/**
 * Where the amounts of a side whose first amount column starts at `first` are printed from: there, or where the
 * leftmost amount with decimals that reaches across that start begins. Only the cells across it are read as amounts
 * (reading every cell of the table was a pass of its own).
 */
function decimalsFrom(lines: readonly { segs: readonly Cell[] }[], first: number): number {
  let from = first;
  for (const { segs } of lines) {
    for (const s of segs) if (s.start < from && s.end > first && printsPoint(s.text) && cellAmount(s.text) != null) from = s.start;
  }
  return from;
}

/**
 * The rows of a table with a prose column, each given its text and the pieces of its name printed above and below its
 * amount line in its tall cell (shared/text-column.ts giveCentred): the lines that print a piece of name and no amount are no
 * rows of their own. A row is anchored at the line printing most of its amounts.
 */
function withProse(rows: DraftRow[], prose: ReadonlyMap<number, string>, key: string): void {
  const pieces = rows.filter((r) => r.tokens.length === 0 && r.name !== '' && r.lines.first === r.lines.last);
  const names = new Map(pieces.map((r) => [r.lines.first, r.name]));
  const anchored = rows.filter((r) => r.tokens.length > 0);
  const anchors = anchored.map((row) => {
    const count = new Map<number, number>();
    for (const t of row.tokens) count.set(t.line, (count.get(t.line) ?? 0) + 1);
    return { at: [...count].reduce((a, b) => (b[1] > a[1] ? b : a))[0], row };
  });
  const given = anchors.map(({ at, row }) => ({ at, lines: { ...row.lines }, name: row.name, texts: row.texts }));
  giveCentred(given, prose, key, names);
  anchors.forEach(({ row }, k) => {
    row.name = given[k].name;
    row.lines = given[k].lines;
  });
  if (anchors.length > 0) rows.splice(0, rows.length, ...rows.filter((r) => !pieces.includes(r)));
  // Every project states its text; a row of amounts without any, other than the total, is a 资金使用单位's, the sum of
  // the projects under it: the total is the sum of the units, not of every row.
  const stated = anchors.filter(({ row }) => row.texts[key]).length;
  for (const { row } of anchors) {
    if (stated * 2 < anchors.length || row.texts[key] || isTotalName(row.name) || row.name === '') continue;
    row.settled = { code: { code: null, scheme: null, level: null, printed: null, flag: null }, group: row.name, role: 'subtotal' };
  }
}

/**
 * Lines of a summary with expenditure panels beyond the first (支出 by 功能分类 | 支出 by 支出用途): each line's cells in
 * an extra panel become a line of their own, moved under the first expenditure panel's columns, so that the panel's
 * rows are rows of the expenditure side; `panelOf` names the panel of each moved line. A line whose cells there are
 * only amounts (支出合计 printed once across the panels, its amount at the far right) stays whole.
 */
function foldedPanels(
  body: readonly { line: SourceLine; segs: Cell[] }[],
  panels: readonly ExtraPanel[],
): { lines: { line: SourceLine; segs: Cell[] }[]; panelOf: Map<Cell[], string> } {
  const panelOf = new Map<Cell[], string>();
  if (panels.length === 0) return { lines: [...body], panelOf };
  // A panel's names begin after the previous panel's amount label and by its own names' label; labels centred in
  // their cells (PDF route) stand right of where the names begin.
  const names = body.flatMap((b) => b.segs).filter((s) => cellAmount(s.text) == null);
  const cuts = panels.map((p) => Math.min(p.cut, ...names.filter((s) => s.start > p.after && s.start <= p.namesEnd).map((s) => s.start)));
  const kept: { line: SourceLine; segs: Cell[] }[] = [];
  const moved: { line: SourceLine; segs: Cell[] }[][] = panels.map(() => []);
  for (const { line, segs } of body) {
    const inPanel = panels.map((_, k) => segs.filter((s) => s.start >= cuts[k] && s.start < (cuts[k + 1] ?? Infinity)));
    const isNamed = (cells: readonly Cell[]) => cells.some((s) => cellAmount(s.text) == null);
    // Amounts alone in a panel with a named panel right of it are the panel's own, its row's name wrapped onto the
    // lines around (西安 交通运输局 2022 L360: 19443.34 between `1、人员经费和公用经费支` / `出` and the next panel's
    // `1、机关工资福利支出 2243.55`); only amounts printed last on the line may be one total's across the panels.
    const named = inPanel.map((cells, k) => (isNamed(cells) || (cells.length > 0 && inPanel.slice(k + 1).some(isNamed)) ? cells : []));
    kept.push({ line, segs: segs.filter((s) => !named.some((cells) => cells.includes(s))) });
    named.forEach((cells, k) => {
      if (cells.length === 0) return;
      const shifted = cells.map((s) => ({ ...s, start: s.start - panels[k].shift, end: s.end - panels[k].shift }));
      panelOf.set(shifted, panels[k].label);
      moved[k].push({ line, segs: shifted });
    });
  }
  return { lines: [...kept, ...moved.flat()], panelOf };
}

/**
 * The second classification of a crosswalk row as text cells: its code (pieces joined, `505 01` → `50501`) and its
 * name as printed. It is kept beside the row, not as the row's code, because each row belongs to one scheme.
 */
function crosswalkTexts(segs: readonly Cell[]): Record<string, string> {
  if (segs.length === 0) return {};
  const digits = segs.filter(isCodeCell).map((s) => foldFigures(s.text));
  const name = cleanName(segs.filter((s) => !isCodeCell(s)).map((s) => s.text).join(''));
  const texts: Record<string, string> = {};
  if (digits.length > 0) texts['crosswalk-code'] = digits.join('');
  if (name) texts['crosswalk-name'] = name;
  return texts;
}

/**
 * An amount wider than its cell wraps its last digits onto the next line (`811,669.9` over `7`): a line of nothing
 * but a digit or two, touching the line of an amount that ends one decimal short, completes that amount. The digits
 * stand under its end, or past it by as much as the amount is wide: at a finer character pitch than the PDF's a
 * figure prints in fewer columns than it covers, so the amount looks narrower and its wrapped digits further right
 * (杭州 交通运输局 2026 表3, `pdftotext -layout -fixed 3` L689–L691: `437,000.0` at 196–205, `0` at 210–211).
 */
function joinWrappedDigits(body: { line: SourceLine; segs: Cell[] }[]): void {
  for (let k = body.length - 1; k >= 0; k--) {
    const { line, segs } = body[k];
    // The digits may share their line with the end of a wrapped name (`级）      1`, 深圳), never with other numbers.
    // Folding keeps a text's length: a cell of three characters or more is ruled out before it is folded.
    const wrapped = segs.filter((s) => s.text.length <= 2 && /^\d{1,2}$/.test(foldFigures(s.text)));
    if (wrapped.length !== 1 || segs.some((s) => s !== wrapped[0] && hasDigit(s.text))) continue;
    const digits = wrapped[0];
    const fits = (s: Cell) => SHORT.test(foldFigures(s.text)) && cellAmount(s.text) != null && digits.start >= s.start - 2 && digits.end <= s.end + Math.max(3, s.text.length);
    // The first part may sit on the line above, or above the row's own line (`350,034.4` / `合计 …` / `2`).
    const above = [body[k - 1], body[k - 2]].find(
      (b) => b && line.no - b.line.no <= 2 && b.line.no >= body[k - 1].line.no - 1 && b.segs.some(fits),
    );
    if (!above) continue;
    const short = above.segs.findIndex(fits);
    const s = above.segs[short];
    above.segs[short] = { text: s.text + digits.text, start: s.start, end: s.end + digits.text.length };
    if (segs.length === 1) body.splice(k, 1);
    else body[k] = { line, segs: segs.filter((x) => x !== digits) };
  }
}

/** An amount printed one decimal short: the rest of it may be wrapped onto the next line. */
const SHORT = /\.\d$/;

/** How far apart the right edges of one column's amounts may print (`pdftotext -layout` rounds glyph positions). */
const EDGE_SLACK = 1;

/**
 * Amounts grouped by thousands with spaces (`1 234.56`), cut into their groups as cells (layout/cells.ts), are joined
 * where the columns say they are one: amounts stand right-aligned in their columns, so a group of one to three digits
 * one space left of the next group, ending where no other amount of the table ends, is no column's amount but the head
 * of the one after it. A group that ends where other amounts end (a column of counts, 数量 `2`, whose other rows print
 * theirs apart) stays a cell of its own, which the columns' placement reads, or flags where the row has more amounts
 * than columns.
 */
function joinSpacedThousands(body: { line: SourceLine; segs: Cell[] }[], counters: readonly RowNumberColumn[]): void {
  const joinable = (segs: readonly Cell[], i: number) =>
    i + 1 < segs.length && segs[i + 1].start === segs[i].end + 1 && GROUP_HEAD.test(foldFigures(segs[i].text)) && SPACED_GROUP.test(foldFigures(segs[i + 1].text));
  if (!body.some(({ segs }) => segs.some((_, i) => joinable(segs, i)))) return;
  // Where the table's amounts end, heads that may be groups of the amount after them left out.
  const edges = new Set<number>();
  for (const { segs } of body) segs.forEach((s, i) => !joinable(segs, i) && cellAmount(s.text) != null && edges.add(s.end));
  const atEdge = (end: number) => [-EDGE_SLACK, 0, EDGE_SLACK].some((d) => edges.has(end + d));
  for (const { segs } of body) {
    for (let i = segs.length - 2; i >= 0; i--) {
      const [head, rest] = [segs[i], segs[i + 1]];
      // A row's number (行次 1) one space before its first amount is the counter's, not a group of it.
      const counted = counters.some((c) => head.start >= c.from && head.end <= c.to);
      if (joinable(segs, i) && !counted && !atEdge(head.end)) segs.splice(i, 2, { text: `${head.text} ${rest.text}`, start: head.start, end: rest.end });
    }
  }
}

const GROUP_HEAD = /^\d{1,3}$/;
/** What follows a head of an amount grouped by spaces: its next group, and the rest of it (`234.56`, `234 567.89`). */
const SPACED_GROUP = /^\d{3}(?: \d{3})*\.\d+$/;

/**
 * A 类 code wider than its cell wraps around its row's line, as a cell of a table row centred on its line prints (a Word
 * table's narrow 类 column printed to PDF: `20` over `      03   01    行政运行    400.00`, `1` under it): the two
 * pieces, left of the 款 column and three digits together, are the row's 类, and the lines above and below keep the
 * rest of what they print (a wrapped name's first and last pieces). A line left with nothing is kept as printed, as
 * an amount's wrapped digits' line is (joinWrappedDigits).
 */
function joinWrappedClassCodes(body: { line: SourceLine; segs: Cell[] }[], codeColumns: readonly Cell[]): void {
  const classPiece = (segs: readonly Cell[]) =>
    segs.length > 0 && /^\d{1,2}$/.test(foldFigures(segs[0].text)) && segs[0].end <= codeColumns[1].start && !segs.slice(1).some(isAmountCell) ? segs[0] : null;
  for (let k = 1; k + 1 < body.length; k++) {
    const [above, row, below] = [body[k - 1], body[k], body[k + 1]];
    if (above.line.no !== row.line.no - 1 || below.line.no !== row.line.no + 1) continue;
    const top = classPiece(above.segs);
    const bottom = classPiece(below.segs);
    if (!top || !bottom || top.text.length + bottom.text.length !== 3 || !row.segs.some(isAmountCell)) continue;
    if (row.segs[0].end <= codeColumns[1].start && /^\d/.test(foldFigures(row.segs[0].text))) continue;
    row.segs.unshift({ text: top.text + bottom.text, start: Math.min(top.start, bottom.start), end: Math.max(top.end, bottom.end) });
    above.segs.shift();
    below.segs.shift();
    k++;
  }
}

/**
 * The last row of a header printed again at the top of a continued page, or -1: the shared rule
 * (shared/repeated-header.ts) on the page's rows from `from`, read as the block's own header is (header-marks.ts)
 * (上海 司法局 2026 一般公共预算支出功能分类预算表 lines 262–265: `项目  一般公共预算支出` / `功能分类科目编码` /
 * `功能分类科目名称  合计  基本支出  项目支出` / `类  款  项`). The piece of a name under the repeated header is the
 * row's (广州 水务局 2026 项目支出表, -layout L1377: `黄龙带水库移民村社会` over its amount line).
 */
function repeatedHeaderEnd(block: AlignedBlock, from: number): number {
  const { prose } = block;
  // A line of the prose column is a row's (see text-column.ts), and so is the name beside it.
  let to = from;
  while (to < block.notesFrom && !prose.texts.has(block.rows[to].line.no)) to++;
  const end = continuedHeaderEnd(block.rows.slice(0, to), from, {
    headerRows: (rows) => alignedHeaderRows({ ...block, rows, ...rowMarks(rows) }),
  });
  return end < 0 ? -1 : end - 1;
}

/** Where a side's codes stand: left of where its amounts are printed (`start`), right of the other side's columns before that. */
interface CodeSpan {
  start: number;
  previousEnd: number;
}

function codeSpanOf(side: Side | null, amountsFrom: number, positions: readonly AlignedColumn[]): CodeSpan {
  const previousEnd = Math.max(-1, ...positions.filter((p) => p.side !== side && p.start < amountsFrom).map((p) => p.end));
  return { start: amountsFrom, previousEnd };
}

/** A whole number left of where its side's amounts are printed (codeSpanOf) is a code, not an amount. */
function isCodeAt(s: Cell, positions: readonly AlignedColumn[], spans: readonly CodeSpan[]): boolean {
  if (!isCodeCell(s) || positions.length === 0) return false;
  return spans.some(({ start, previousEnd }) => s.end < start - 1 && (s.start > previousEnd || (s.text.length >= 3 && s.start >= previousEnd - 1)));
}

/**
 * A row printed as a staircase: where the character pitch of the extraction is coarser than the print, a row's
 * amounts would overlap on one line, and the extractor sets each that would on a line of its own, the next lower
 * and further right (北京 民政局 2026 预算02表 at `pdftotext -layout -fixed 5`, L44–L50: `71,094.166056` at columns
 * 10–23, `67,538.364392` at 19–32 on the line below, …, each column's amount right of the one before it). A line of
 * nothing but amounts right under a line of amounts, its first starting right of where the line above's last starts
 * and before that one's end is past (the two could not stand on one line as two cells), goes on that row: its
 * amounts are joined to the row's line, each keeping the line it was printed on. Lines printing anything else, or
 * amounts that would fit beside the line above, stay rows of their own.
 */
function joinStaircases(parsed: readonly LineParts[], sides: readonly (Side | null)[]): void {
  for (const side of sides) {
    let head: SidePart | null = null;
    let above: { no: number; amounts: readonly AmountCell[] } | null = null;
    for (const { line, parts } of parsed) {
      const part = parts.get(side);
      if (!part || isEmptyPart(part)) continue;
      const amounts = part.amounts;
      const amountsOnly = part.codes.length === 0 && part.texts.length === 0 && part.crosswalk.length === 0 && hasNoCells(part);
      if (head && above && amountsOnly && line.no === above.no + 1 && stepsRight(above.amounts, amounts)) {
        head.amounts.push(...amounts.map((a) => ({ ...a, line: line.no })));
        part.amounts = [];
      } else head = amounts.length > 0 ? part : null;
      above = amounts.length > 0 ? { no: line.no, amounts } : null;
    }
  }
}

/** The lines a part's amounts were printed on, and the lines of its row they add (joinStaircases). */
function printedLines(part: SidePart, lineNo: number): { amountLines: number[]; lineNos: number[] } {
  const amountLines = part.amounts.map((a) => a.line ?? lineNo);
  // Most rows print their amounts on their own line (no staircase): their one line needs no set.
  const own = amountLines.every((n) => n === lineNo);
  return { amountLines, lineNos: own ? [lineNo] : [...new Set([lineNo, ...amountLines])] };
}

interface AssembledRow {
  pieces: string[] | null;
  name: string;
  cells: Record<string, string>;
  /** The text cells its own line printed: a wrapped cell's other lines go to a row that left that cell empty. */
  ownCells: string[];
  amounts: AmountCell[];
  amountLines: number[];
  lineNos: number[];
  inlineName: boolean;
  /** Its code opens its name's cell (SidePart.codeOpensName). */
  codeOpensName?: boolean;
  crosswalk: Cell[];
  /** A piece of name that could end the row above or open the row below (names-around.ts). */
  flag?: string;
}

const GLUED = /^(\d{2})(?=[\u4e00-\u9fff])/;
const GLUED_OR_SPACED = /^(\d{2}) ?(?=[\u4e00-\u9fff])/;

/** The pattern of a code piece run into a row's name, by the row's code cells before it (names never start with digits). */
function gluedPattern(codes: readonly Cell[]): RegExp {
  // The row's 类 alone (three digits), or its 类 and 款 (three and two).
  const classFirst = codes.length >= 1 && codes.length <= 2 && codes[0].text.length === 3 && (codes.length === 1 || codes[1].text.length === 2);
  return classFirst && isClassCode(codes[0].text) ? GLUED_OR_SPACED : GLUED;
}

/** Code tables: each code starts a row; name fragments and stray amounts join the nearest code row of their side. */
function codedRows(parsed: readonly LineParts[], side: Side | null, codeColumns: readonly Cell[] | null): AssembledRow[] {
  const rows: AssembledRow[] = [];
  const anchors: { lineNo: number; row: AssembledRow }[] = [];
  let previousLevel = 0;
  const orphans: { lineNo: number; part: SidePart }[] = [];
  for (const { line, parts } of parsed) {
    const part = parts.get(side);
    if (!part || isEmptyPart(part)) continue;
    const name = cleanName(part.texts.map((t) => t.text).join(''));
    if (part.codes.length > 0 || isTotalName(headerLabel(name))) {
      const row: AssembledRow = {
        pieces: part.codes.length > 0 ? codePieces(part.codes, codeColumns, previousLevel) : null,
        name,
        cells: { ...part.cells },
        ownCells: Object.keys(part.cells),
        amounts: [...part.amounts],
        ...printedLines(part, line.no),
        inlineName: name !== '',
        codeOpensName: part.codeOpensName,
        crosswalk: [...part.crosswalk],
      };
      rows.push(row);
      anchors.push({ lineNo: line.no, row });
      if (row.pieces) previousLevel = row.pieces[2] ? 3 : row.pieces[1] ? 2 : 1;
    } else {
      orphans.push({ lineNo: line.no, part });
    }
  }
  rows.push(...uncodedWrappedRows(orphans));
  for (const { lineNo, part } of orphans) {
    const target = nearestAnchor(anchors, lineNo, part, orphans);
    if (!target) {
      rows.push({
        pieces: null,
        name: cleanName(part.texts.map((t) => t.text).join('')),
        cells: { ...part.cells },
        ownCells: [],
        amounts: [...part.amounts],
        ...printedLines(part, lineNo),
        inlineName: true,
        crosswalk: [...part.crosswalk],
      });
      continue;
    }
    // A wrapped name under the second classification's name continues that name, not the row's own.
    const crosswalkAt = target.crosswalk[0]?.start ?? Infinity;
    const own = part.texts.filter((t) => t.start < crosswalkAt - 1);
    // And what the line prints of the second classification itself (a code's piece, or a name read as one: `2026年…`).
    const crossed = [...part.texts.filter((t) => t.start >= crosswalkAt - 1), ...part.crosswalk].sort((a, b) => a.start - b.start);
    if (crossed.length > 0) {
      target.crosswalk = lineNo < target.lineNos[0] ? [...crossed, ...target.crosswalk] : [...target.crosswalk, ...crossed];
    }
    const fragment = cleanName(own.map((t) => t.text).join(''));
    target.name = lineNo < target.lineNos[0] ? fragment + target.name : target.name + fragment;
    target.amounts.push(...part.amounts);
    const printed = printedLines(part, lineNo);
    target.amountLines.push(...printed.amountLines);
    target.lineNos.push(...printed.lineNos);
    target.cells = joinedCells(target.cells, part.cells, lineNo < target.lineNos[0]);
  }
  return rows.sort((a, b) => a.lineNos[0] - b.lineNos[0]);
}

/**
 * An uncoded row (a unit of a table printed per unit) whose name is wrapped around its amount line in a tall cell
 * (`深圳市水务工程质量安全监` / the amounts / `督站`): the name lines just above and below the nameless amount line
 * are its name, not fragments of the code rows nearby. The lines joined are taken out of `orphans`.
 */
function uncodedWrappedRows(orphans: { lineNo: number; part: SidePart }[]): AssembledRow[] {
  const rows: AssembledRow[] = [];
  const textOnly = (p: SidePart) => p.texts.length > 0 && p.amounts.length === 0 && p.codes.length === 0;
  for (const o of [...orphans]) {
    if (o.part.texts.length > 0 || o.part.amounts.length === 0) continue;
    const above = orphans.find((a) => a.lineNo === o.lineNo - 1 && textOnly(a.part));
    const below = orphans.find((b) => b.lineNo === o.lineNo + 1 && textOnly(b.part));
    if (!above || !below) continue;
    const joined = [above, o, below];
    rows.push({
      pieces: null,
      name: cleanName([above, below].map((l) => l.part.texts.map((t) => t.text).join('')).join('')),
      cells: joined.reduce<Record<string, string>>((cells, l) => joinedCells(cells, l.part.cells, false), {}),
      ownCells: [],
      amounts: [...o.part.amounts],
      amountLines: printedLines(o.part, o.lineNo).amountLines,
      lineNos: joined.map((l) => l.lineNo),
      inlineName: true,
      crosswalk: joined.flatMap((l) => l.part.crosswalk),
    });
    for (const l of joined) orphans.splice(orphans.indexOf(l), 1);
  }
  return rows;
}

/**
 * Where a table prints its 类, 款 and 项 codes: where its rows printing all three put them, else under the header's
 * labels. A workbook's print centres each label over its cell and sets the codes at the cell's left edge, so that a
 * 款's `03` stands nearer the 类 label than the 款 label and a 项's `01` nearer the 款 label (LibreOffice, pdftotext).
 */
function codeColumnsAsPrinted(parsed: readonly LineParts[], side: Side | null, codeColumns: readonly Cell[] | null): readonly Cell[] | null {
  if (!codeColumns) return null;
  const whole = parsed
    .map(({ parts }) => parts.get(side)?.codes ?? [])
    .filter((codes) => codes.map((c) => c.text.length).join() === '3,2,2');
  if (whole.length === 0) return codeColumns;
  return codeColumns.map((label, k) => {
    const at = whole.reduce((sum, codes) => sum + center(codes[k]), 0) / whole.length;
    return { text: label.text, start: at, end: at };
  });
}

/**
 * A row's code pieces. Under a 类 / 款 / 项 header each piece sits in its column: a 款 printed without its 类
 * (`      03   职业教育`, the 类 left blank as in the row above) is a 款, not a 类 of two digits.
 */
function codePieces(codes: readonly Cell[], codeColumns: readonly Cell[] | null, previousLevel: number): string[] {
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

/**
 * The code row a fragment belongs to: the nearest line, two lines off at most. On a tie, a cell printed over several
 * lines is centred on its row's line: the row with a fragment of the same cell as far on its other side wins (`农村公路管养体制改革试` /
 * `点及四好农村路建设专项` on row 17's line / `经费`); then the row whose own line left the fragment's cells empty (a cell of two lines is printed
 * above and below a one-line row); then the row without a name of its own, else the earlier.
 */
function nearestAnchor(
  anchors: readonly { lineNo: number; row: AssembledRow }[],
  lineNo: number,
  part: SidePart,
  orphans: readonly { lineNo: number; part: SidePart }[],
): AssembledRow | null {
  // A code alone on the middle line of a cell centred over three lines prints its row's first amounts on the name's
  // first line and the others on its last (`其他巩固…成果  428.92` / `2130599` / `衔接…支出  0.00  34.62  394.30`):
  // the last line's amounts join a row whose amounts so far are its first line's, in the columns left of them by
  // their right edges (a page fitted to its header's columns may make the cells overlap). Lines join in reading
  // order, so the row's amounts stay in the order of their columns.
  const splitAround = (a: { lineNo: number; row: AssembledRow }) =>
    lineNo === a.lineNo + 1 &&
    a.row.amountLines.every((n) => n === a.lineNo - 1) &&
    Math.max(...a.row.amounts.map((c) => c.end)) < Math.min(...part.amounts.map((c) => c.end));
  // A name piece above a row whose code opens the name's cell is the end of the name above (北京 预算03表 -layout
  // L201–L204: `2080505-机关事业单位基本养老保险缴费` / its amounts / `支出` / `2080505-机关…`).
  const opensBelow = (a: { lineNo: number; row: AssembledRow }) => part.texts.length > 0 && lineNo < a.lineNo && a.row.codeOpensName === true;
  // Only a row within two lines takes the fragment: the rows farther off are not asked, so that a long table's
  // fragments do not each go through all of its rows' tie-breaks.
  const eligible = anchors.filter(
    (a) => Math.abs(a.lineNo - lineNo) <= 2 && (part.amounts.length === 0 || a.row.amounts.length === 0 || splitAround(a)) && !opensBelow(a),
  );
  const clashes = (row: AssembledRow) =>
    (part.texts.length > 0 && row.inlineName ? 1 : 0) + Object.keys(part.cells).filter((k) => row.ownCells.includes(k)).length;
  const sameCell = (other: SidePart) =>
    (part.texts.length > 0 && other.texts.length > 0) || Object.keys(part.cells).some((k) => k in other.cells);
  const closest = (at: number) => Math.min(...anchors.map((a) => Math.abs(a.lineNo - at)));
  // Only a row whose own line prints the middle of its name is centred that way, and only a fragment two lines or
  // more away says so: one line off, a name set at the top of its cell (`机关事业单位职业年金缴费支` / `出`) looks alike.
  const mirrored = (a: { lineNo: number; row: AssembledRow }) =>
    Math.abs(lineNo - a.lineNo) >= 2 &&
    a.row.inlineName &&
    orphans.some((o) => o.lineNo === 2 * a.lineNo - lineNo && sameCell(o.part) && Math.abs(a.lineNo - o.lineNo) <= closest(o.lineNo));
  // A 类 row whose own line prints its class's whole national name (`212 城乡社区支出`) is complete: a piece as near
  // to it as to the next row is the next row's (佛山 2019 决算 表8: `国有土地使用权出让收入` over `21208`).
  const wholeClass = (row: AssembledRow) =>
    row.pieces !== null && !row.pieces[1] && !row.pieces[2] && FUNCTION_CLASSES[row.pieces[0]] === row.name;
  // A row whose name begins above its line and goes on on it is centred in its cell: it goes on below as far (pieces
  // are joined top to bottom, so the one above is already its). A name only above its line (`行政运行` over
  // `2120101`) is a name of one line set a little high, and says nothing of the line below.
  const centred = (a: { lineNo: number; row: AssembledRow }) =>
    lineNo > a.lineNo && a.row.inlineName && a.row.lineNos.some((n) => n < a.lineNo);
  let best: { lineNo: number; row: AssembledRow } | null = null;
  for (const a of eligible) {
    const d = Math.abs(a.lineNo - lineNo);
    if (!best) {
      best = a;
      continue;
    }
    const bd = Math.abs(best.lineNo - lineNo);
    const tieBreak =
      mirrored(a) !== mirrored(best)
        ? mirrored(a)
        : wholeClass(a.row) !== wholeClass(best.row)
        ? !wholeClass(a.row)
        : centred(a) !== centred(best)
        ? centred(a)
        : clashes(a.row) !== clashes(best.row)
        ? clashes(a.row) < clashes(best.row)
        : a.row.inlineName !== best.row.inlineName
          ? !a.row.inlineName
          : a.row.lineNos.length < best.row.lineNos.length;
    if (d < bd || (d === bd && tieBreak)) best = a;
  }
  return best?.row ?? null;
}

function isEmptyPart(part: SidePart): boolean {
  return part.codes.length === 0 && part.texts.length === 0 && part.amounts.length === 0 && hasNoCells(part);
}

/** Whether a part holds no text cell: asked of every line of every side, so its keys are not listed to be counted. */
function hasNoCells(part: SidePart): boolean {
  for (const _ in part.cells) return false;
  return true;
}

/**
 * Item tables (two-sided summaries, 三公, tables per unit): each line is a row; a wrapped end of a name (`出`) joins
 * the row above, unless it prints a row number of its own. A name wrapped around its amount line in a tall cell (`西安市交通运` / `3 222001 24.59 …` / `输局`:
 * the amounts at the cell's middle) is one row: the nameless amount line and the name line after it join the name
 * line just above; where the amount line prints a piece of the name or another column's cell, the piece above joins
 * it afterwards (names-around.ts), and so does a name's last piece carried over a page break to the row above it.
 */
function itemRows(parsed: readonly LineParts[], side: Side | null, lineBefore: (lineNo: number) => number | undefined): AssembledRow[] {
  const rows: AssembledRow[] = [];
  let previousLine = -1;
  let wrapped: AssembledRow | null = null;
  const lines = parsed.filter(({ parts }) => parts.get(side) && !isEmptyPart(parts.get(side)!));
  lines.forEach(({ line, parts }, k) => {
    const part = parts.get(side)!;
    const name = cleanName(part.texts.map((t) => t.text).join(''));
    const last = rows[rows.length - 1];
    const next = last && previousLine === line.no - 1;
    // A label's wrapped end may stand a line further down, past a line of the other side's or another panel's row
    // (西安 交通运输局 2022 收支总表, -layout L372–L374: `7、文化旅游体育与传媒支` / row 8 of the income side / `出`).
    const near = last && line.no - previousLine <= 2;
    const after = lines[k + 1];
    // A row's amounts printed as a staircase (joinStaircases) end on its last step: the name's rest is under that one
    // (西安 2022 “三公” table at -fixed 5, L2192–L2195: `西安市出租汽` / `4 222002 13.692.34…` / `-6.01` / `车管理处`).
    const lastLine = part.amounts.reduce((last, a) => Math.max(last, a.line ?? line.no), line.no);
    const nameBelow = after && after.line.no === lastLine + 1 && after.parts.get(side)!.amounts.length === 0 && after.parts.get(side)!.texts.length > 0;
    // The name line above may hold an amount of its own, wrapped in a column the amount line leaves empty (`深圳市水务局（本  170,390.3` /
    // the other amounts / `级）  1`).
    // So may a numbered row's label be set around its number, with no amount printed (西安 2022 收支总表 L375–L377:
    // `其中：纳入财政专户管理` / `9` / `的收费`).
    const numberedMiddle = name === '' && part.amounts.length === 0 && !!part.cells.rowNumber && !last?.cells.rowNumber && last?.amounts.length === 0;
    if (next && nameBelow && name === '' && (part.amounts.length > 0 || numberedMiddle) && disjoint(last.amounts, part.amounts) && last.name !== '' && !isTotalName(last.name)) {
      last.amounts.push(...part.amounts);
      const printed = printedLines(part, line.no);
      last.amountLines.push(...printed.amountLines);
      last.lineNos.push(...printed.lineNos);
      last.cells = joinedCells(last.cells, part.cells, false);
      wrapped = last;
    } else if (
      part.amounts.length === 0 &&
      !part.cells.rowNumber &&
      ((next && (last === wrapped || (name.length <= 2 && !isTotalName(name)))) || (near && last.name !== '' && (name.length <= 2 || unclosed(last.name)) && !isTotalName(name)))
    ) {
      last.name += name;
      last.lineNos.push(line.no);
      last.cells = joinedCells(last.cells, part.cells, false);
      // What the line prints of the crosswalk's classification goes on with the row's (else it was in no field).
      last.crosswalk.push(...part.crosswalk);
      wrapped = null;
    } else {
      rows.push({ pieces: null, name, cells: { ...part.cells }, ownCells: [], amounts: [...part.amounts], ...printedLines(part, line.no), inlineName: true, crosswalk: [...part.crosswalk] });
      wrapped = null;
    }
    // A name line joined by the amounts under it (wrapped) goes on under their last step.
    previousLine = wrapped ? lastLine : line.no;
  });
  const texts = new Map(lines.map(({ line, parts }) => [line.no, parts.get(side)!.texts]));
  const textsAt = (no: number) => texts.get(no) ?? [];
  return withNamesAround(withNameEndsOverPages(withLabelledAmounts(rows), textsAt, lineBefore), textsAt);
}

/** A name with a bracket opened and not closed (`(7)对企业补助(基本`): its end is on a line below. */
function unclosed(name: string): boolean {
  return (name.match(/[（(]/g)?.length ?? 0) > (name.match(/[）)]/g)?.length ?? 0);
}

/**
 * The columns an amount's print cannot tell apart (PositionedToken.either), as indices of its side's columns. An amount
 * cut from others glued to it (layout/cells.ts gluedParts) stands a column or so off its own: an extraction at a coarser
 * character pitch than the PDF's prints each digit in a column of its own and pushes the amounts after it right, so
 * the columns either side of the nearest are as likely, and the row's and the table's sums choose among them.
 */
function eitherOf(s: Cell, own: number, undecided: readonly number[], count: number): readonly number[] | null {
  const open = s.glued ? [...new Set([own - 1, own, own + 1, ...undecided])].filter((j) => j >= 0 && j < count).sort((a, b) => a - b) : undecided;
  return open.length > 1 ? open : null;
}

/**
 * Whether two lines' amounts sit in different columns: no two of them overlap, but by the one column an extraction at a
 * coarser character pitch than the PDF's sets an amount into the one before it (杭州 交通运输局 2026 表5, `pdftotext
 * -layout -fixed 6` L840–L841: `114,185.1` at 85–94 over `10,190.89` at 77–86), their right edges apart, or where
 * one ends the next starts (深圳 水务局 2026 项目支出总表, `-fixed 6` L4740–L4742: `811,669.9` / `7` read as one amount
 * ending at 37, over the row's `677,349.91` at 37–47).
 */
function disjoint(a: readonly Cell[], b: readonly Cell[]): boolean {
  const apart = (x: Cell, y: Cell) => x.end < y.start || (x.end <= y.start + 1 && y.end - x.end > EDGE_SLACK);
  return a.every((x) => b.every((y) => apart(x, y) || apart(y, x)));
}

/**
 * A line of amounts without a name, printed just above or below a named row (the amount of a tall cell is set
 * at its middle, the label at its top): its amounts belong to that row when they fill cells the row leaves empty.
 * The row below is tried first, as the amount line usually sits above its label.
 */
function withLabelledAmounts(rows: AssembledRow[]): AssembledRow[] {
  const out = [...rows];
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
    target.cells = joinedCells(target.cells, r.cells, r.lineNos[0] < target.lineNos[0]);
    const order = target.amounts.map((a, k) => ({ a, line: target.amountLines[k] })).sort((x, y) => x.a.start - y.a.start);
    target.amounts = order.map((o) => o.a);
    target.amountLines = order.map((o) => o.line);
    out.splice(i, 1);
    i--;
  }
  return out;
}

/**
 * The cells of a row and of a line that joins it. A text cell wrapped over several lines is read top to bottom
 * (`城市公交及轨道交通发展` / `综合业务`).
 */
function joinedCells(row: Record<string, string>, line: Record<string, string>, lineAbove: boolean): Record<string, string> {
  const out = { ...row };
  for (const [key, text] of Object.entries(line)) {
    if (out[key] === undefined) out[key] = text;
    // A row keeps its own number and unit code; the panel names where the row is printed, the same on every line.
    else if (key !== 'rowNumber' && key !== 'unitCode' && key !== 'panel') out[key] = lineAbove ? text + out[key] : out[key] + text;
  }
  return out;
}

/** The economic-code cell a whole number sits in: under a 类 / 款 beyond the function code's; a new code opens at each 类. */
function otherCodeKey(s: Cell, columns: readonly Cell[]): string | null {
  if (columns.length === 0 || !/^\d{2,3}$/.test(foldFigures(s.text))) return null;
  const k = columns.findIndex((c) => s.start <= c.end + 2 && s.end >= c.start - 2);
  if (k < 0) return null;
  const group = columns.slice(0, k + 1).filter((c) => c.text.trim() === '类').length - 1;
  return OTHER_CODE_KEYS[Math.max(0, group)] ?? null;
}

/** The text column a piece of row text sits in, when the table has any: the nearest of the text and name columns. */
function textColumnAt(
  s: Cell,
  textColumns: readonly (Cell & { key: string })[],
  nameColumns: readonly Cell[],
): string | null {
  if (textColumns.length === 0) return null;
  const candidates: (Cell & { key: string | null })[] = [...textColumns, ...nameColumns.map((n) => ({ ...n, key: null }))];
  const nearest = candidates.reduce((best, c) => (Math.abs(center(c) - center(s)) < Math.abs(center(best) - center(s)) ? c : best));
  return nearest.key;
}

/**
 * The text column of each piece of row text (null: the row's name): the one the widest of the pieces that start where
 * it starts stands nearest to. Text is set flush left in its cell, so the pieces of one column start at one place and
 * the widest fills the most of the cell, its middle nearest the cell's, where the label is centred; a short piece's
 * middle may lie nearer the label of the column beside (江苏 政府采购预算表 PDF: 复印机 and 印刷品 under
 * 采购物品名称, its label centred in a cell wider than 经济科目's). A piece nearest the names stays theirs: names
 * are indented by level, and a level's names may start where a text column's pieces do. `amounts`: each piece's
 * amount, or null.
 */
function flushLeftColumns(
  lines: readonly (readonly Cell[])[],
  amounts: readonly (readonly (CellAmount | null)[])[],
  textColumns: readonly (Cell & { key: string })[],
  nameColumns: readonly Cell[],
): (s: Cell) => string | null {
  const widest = new Map<number, Cell>();
  lines.forEach((segs, k) =>
    segs.forEach((s, i) => {
      const w = widest.get(s.start);
      // Only a piece wider than the widest so far is asked whether it is a number: most of a column's are not wider.
      if (amounts[k][i] === null && (!w || s.end > w.end) && !/^\d+$/.test(foldFigures(s.text))) widest.set(s.start, s);
    }),
  );
  return (s) => {
    const own = textColumnAt(s, textColumns, nameColumns);
    return own === null ? null : textColumnAt(widest.get(s.start) ?? s, textColumns, nameColumns);
  };
}

/**
 * Cells of coded names one space apart (`2296002-用于社会福利的彩票公益金支出 50205-委托业务费`, 北京): each code with
 * its hyphen opens a cell. One list a line, not one a cell: every line of every aligned table is cut here.
 */
function codedCells(segs: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const s of segs) {
    // Only a space can be cut at, and most cells hold none: they are copied without running the pattern.
    if (!s.text.includes(' ')) {
      out.push({ ...s });
      continue;
    }
    let at = 0;
    for (const m of foldFigures(s.text).matchAll(/(?<=[^\x00-\x7f]) (?=\d{3,7}[-－—–][^\x00-\x7f])/g)) {
      out.push({ text: s.text.slice(at, m.index), start: s.start + at, end: s.start + m.index! });
      at = m.index! + 1;
    }
    out.push({ text: s.text.slice(at), start: s.start + at, end: s.end });
  }
  return out;
}
