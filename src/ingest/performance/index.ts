import type { Evaluation, PerformanceTarget, SelfEvaluation } from '../../schema/performance.ts';
import type { LineRange, Unparsed } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import { claimedSet, emptyClaims, printedRest, type Claims } from '../claims.ts';
import { readActivityForm } from './activity-form.ts';
import { detectLayout, type Layout } from '../layout/detect.ts';
import { alignedGrid, headsOverValue, holdsOwnLevels, overHeader, tallHeader, wrappedHeader } from './aligned.ts';
import type { LinePiece } from './level-cells.ts';
import { tabbedRows, tabRow, type GridRow } from '../layout/grid.ts';
import { readColumnLists } from './column-lists.ts';
import { readStackedForm } from './stacked-form.ts';
import { readDescribedBody } from './described.ts';
import { parseEvaluation } from './evaluation.ts';
import { readHeader, readScrambledHeader } from './header.ts';
import { withReadingOrderHeaders } from './reading-order-header.ts';
import { isProjectTableHeader, namesUnit, readProjectTable } from './project-table.ts';
import { readProseTargets } from './prose-targets.ts';
import { readKeyProjectTables } from './key-projects.ts';
import { readSpacedBody } from './spaced.ts';
import { cellsAfterValue, projectColumnsOver, readByTemplate } from './template-order.ts';
import { holdsMarginLabel, isIndicatorHeader, outOfMargin, readGridBody, roleOf, type DrawnGridOf } from './tabbed.ts';
import { rolesOfLine } from './header-roles.ts';
import { isTotalRow, readFundsBlock, targetFunds, type FundsBlock } from './self-evaluation.ts';
import { drawnGrid } from './ruled-bands.ts';
import { drawnRows, withDrawnHeaders } from './drawn-header.ts';
import { drawnForm } from './drawn-fields.ts';
import { fundsCheck, selfEvaluationChecks } from './target-checks.ts';
import { isPageNumber } from '../page-furniture.ts';
import { cleanCell, compact } from './text.ts';
import { parseAmount } from '../numbers.ts';
import { isYearLine } from '../../core/table-numbers.ts';
import type { PageGeometry } from '../page-geometry.ts';
import { cellsOf, type BlockRow, type ProseBlock } from '../layout/blocks.ts';
import { wordsOf } from '../layout/cells.ts';
import { proseBlocks, proseLeft } from '../layout/prose-blocks.ts';
import { hasDigit } from '../../core/width.ts';

export { linkTargets } from './link.ts';

/**
 * A target table's title without the spaces a PDF prints between its characters (项 目 支 出), but the one between two
 * numbers (表5 2025年…: as 表52025年 the table's number would be 52025).
 */
function titleText(title: string): string {
  return cleanCell(title).replace(/\s+/g, (space, at: number, text: string) => (hasDigit(text[at - 1] ?? '') && hasDigit(text[at + space.length] ?? '') ? ' ' : ''));
}

export interface PerformanceResult extends Claims {
  targets: PerformanceTarget[];
  evaluation: Evaluation | null;
}

function isTitle(text: string): boolean {
  // Asked of every line: one without 表 is no title, and is not compacted to learn it.
  if (!text.includes('表')) return false;
  const c = compact(text).replace(/[（(]\d{4}年?[)）]$/, '');
  return c.length <= 60 && /绩效(?:目标|自评)表$/.test(c) && !/[，。；见]/.test(c);
}

/**
 * A title of its own names what its target is for in a word before 绩效目标表 (项目绩效目标表, 部门整体绩效目标表); one
 * character there is the end of a word wrapped from the line above (福州's `…（福厦泉自创区专项资金）项` / `目绩效目标表`).
 */
function namesTarget(text: string): boolean {
  return isTitle(text) && compact(text).replace(/[（(]\d{4}年?[)）]$/, '').replace(/绩效(?:目标|自评)表$/, '').length >= 2;
}

/**
 * A title wrapped onto the next line of its block, line `last` its block's last (…项目绩 / 效目标表): the two lines read
 * as one title, and the second, by itself, is no title; the second line, or null.
 */
function wrappedTitle(lines: readonly SourceLine[], k: number, last: number): SourceLine | null {
  // Asked of every line: the two lines hold no title without 表 in one of them, the second the next line or the one
  // after, and without one in any of the three are not asked which is the second.
  if (!lines[k].text.includes('表') && !(k + 1 <= last && lines[k + 1].text.includes('表')) && !(k + 2 <= last && lines[k + 2].text.includes('表'))) return null;
  // A PDF's lines of a larger font may stand a blank line apart.
  const next = k + 1 <= last && lines[k + 1].text.trim() ? lines[k + 1] : k + 2 <= last && lines[k + 2].text.trim() ? lines[k + 2] : undefined;
  if (!next || !(lines[k].text.includes('表') || next.text.includes('表'))) return null;
  if (namesTarget(next.text) || compact(next.text).length > 8) return null;
  return isTitle(`${compact(lines[k].text)}${compact(next.text)}`) ? next : null;
}

function isUnitLine(text: string): boolean {
  // Asked of every line: compacting only drops spaces and folds ASCII, so a line without 位 starts with none of these.
  if (!text.includes('位')) return false;
  return /^(?:预算单位|部门（单位）名称|部门\(单位\)名称)/.test(compact(text));
}

interface Segment {
  start: number;
  title: string | null;
  /** The numbers of the lines the title is printed on: one, or two where it wraps. */
  titleNos: number[];
  header: number | null;
  /** The line before the next segment's first, or the text's last. */
  end: number;
  /**
   * The block it starts in: a form never runs on past its last line (a line another reader took), and its rows mark
   * page furniture for the readers of its words (spaced.ts, described.ts).
   */
  block: ProseBlock;
}

/** A segment's last line (an index of the forms' lines): its end, within its block. */
function lastOf(seg: Segment): number {
  return Math.min(seg.end, seg.block.lines.last - 1);
}

/**
 * The lines from `from` to before `to` that print a word: a label a narrow drawn cell wraps a character or two a line
 * (`部` / `门` / `（` / `单` / `位` / `）`) is one line of the form, not seven.
 */
function wordLines(lines: readonly SourceLine[], from: number, to: number): number {
  return lines.slice(from, to).filter((l) => compact(l.text).length > 2).length;
}

/**
 * Splits the text that no table or evaluation reader took (`blocks`, layout/prose-blocks.ts) into 绩效目标表 regions: a
 * title or 预算单位 line starts one; repeated header rows stay in it. `lines` is the whole text as the forms read it
 * (line n at n − 1, a drawn header row one line), each block's lines read there.
 */
function findSegments(lines: readonly SourceLine[], blocks: readonly ProseBlock[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const block of blocks) {
    const first = block.lines.first - 1;
    const blockEnd = block.lines.last - 1;
    for (let k = first; k <= blockEnd; k++) {
      const line = lines[k];
      const text = line.text;
      const whole = isTitle(text);
      const wrapped = whole ? null : wrappedTitle(lines, k, blockEnd);
      const title = whole ? text : wrapped ? `${compact(text)}${compact(wrapped.text)}` : null;
      if (title != null || isUnitLine(text)) {
        if (current && current.header == null && k - current.start <= 12) continue;
        if (current) current.end = k - 1;
        let start = k;
        for (let j = k - 1; j >= first && j >= k - 3; j--) {
          if (!lines[j].text.trim()) continue;
          if (isYearLine(lines[j].text)) start = j;
          break;
        }
        const titleNos = title == null ? [] : wrapped == null ? [line.no] : [line.no, wrapped.no];
        current = { start, title: title != null ? titleText(title) : null, titleNos, header: null, end: lines.length - 1, block };
        segments.push(current);
        continue;
      }
      const over = k > first ? lines[k - 1] : undefined;
      const under = k < blockEnd ? lines[k + 1] : undefined;
      if (isIndicatorHeader(text) || headsOverValue(over, line, under) || tallHeader(lines, k) != null) {
        if (!current || (current.header != null && current.end < k)) {
          current = { start: k, title: null, titleNos: [], header: k, end: lines.length - 1, block };
          segments.push(current);
        } else if (current.header == null && wordLines(lines, current.start, k) > 40) {
          current.end = k - 1;
          current = { start: k, title: null, titleNos: [], header: k, end: lines.length - 1, block };
          segments.push(current);
        } else if (current.header == null) current.header = k;
      }
    }
  }
  return segments;
}

interface ParsedSegment {
  target: Omit<PerformanceTarget, 'id'>;
  unparsed: Unparsed[];
  /** Text of the indicator grid read apart from its rows (its label in the margin, a level cell over no row). */
  apart: LinePiece[];
  /** Lines read besides the indicators': a table's row of its project (template-order.ts). */
  held?: LineRange[];
}

function parseSegment(
  lines: readonly SourceLine[],
  seg: Segment,
  geometry?: PageGeometry,
  drawnHeaders: ReadonlyMap<number, string[]> = new Map(),
  projectTable = false,
): ParsedSegment | null {
  const end = lastOf(seg);
  const scope = seg.title && /整体/.test(seg.title) ? 'organization' : 'project';
  const titleLine = seg.titleNos.length;
  if (seg.header == null) {
    const region = lines.slice(seg.start, end + 1);
    const nameLabel = region.findIndex((l) => compact(l.text) === '三级指标');
    if (nameLabel < 0) return null;
    const stacked = readStackedForm(region.slice(nameLabel), markedFurniture(seg.block));
    const lists = stacked ? null : readColumnLists(wordRows(region, seg.block));
    const body = stacked ?? lists;
    if (!body || body.indicators.length === 0) return null;
    const header = readScrambledHeader(region.slice(titleLine, nameLabel), seg.title);
    return {
      target: assemble(header, scope, seg.title, body.indicators, [...header.flags, ...body.flags], {
        first: lines[seg.start].no,
        last: body.last,
      }),
      unparsed: body.unparsed,
      apart: lists?.apart ?? [],
    };
  }
  const headerLine = lines[seg.header];
  // A table of many projects read as a form (not by position, isProjectTable): the lines over its indicator header are
  // its columns' labels, and only its unit's line is a form's field (长沙 教育 2026 部门整体, runs of spaces made one:
  // `部门整体支出年度绩效目标` over the goal column was read as the label of a goal, the labels after it as the goal).
  // The form's layout, by its header line (the tables' rule, layout/detect.ts): decided here once, for its fields and
  // its rows (readBody).
  const layout = detectLayout([headerLine]);
  const tall = layout === 'aligned' ? tallerHeader(lines, seg.header) : null;
  const fields = lines.slice(seg.start, tall?.first ?? seg.header).filter((l) => (projectTable ? namesUnit(l.text) : !isTitle(l.text)));
  // A 绩效自评表's funds block is a grid of its own, and the upper pieces of its stacked labels (年度 / 指标值) are the
  // indicator header's: neither is a field of the form. A tab-separated source's block (a web page's, a workbook's) is
  // read by its cells' slots; a PDF's drawn header row (a tab-separated line the page's cells make) has its form's
  // block read by the cells the page draws.
  const textFunds = geometry && layout === 'tabbed' ? null : readFundsBlock(fields);
  const over = layout === 'aligned' && overHeader(lines[seg.header - 1], headerLine) ? lines[seg.header - 1].no : null;
  const fieldLines = fields.filter((l) => !seg.titleNos.includes(l.no) && !isYearLine(l.text) && !isPageNumber(l.text) && !textFunds?.held.has(l.no) && l.no !== over);
  const drawn = geometry ? drawnForm(fieldLines, geometry, headerLine) : null;
  // A funds block whose labels its narrow columns wrap a character or two a line (全 / 年 / 执 / 行 / 数), its figures
  // touching across them (114.0010), is read by the cells the page draws.
  const funds = textFunds ?? (drawn && readFundsBlock(drawn.rows));
  const header = readHeader(fieldLines, seg.title, drawn);
  const body = lines.slice(seg.header + 1, end + 1);
  const above = lines.slice(Math.max(0, seg.header - 2), seg.header).reverse().find((l) => l.text.trim());
  const drawnOf: DrawnGridOf | undefined = geometry && ((anchors, grid, before) => drawnGrid(geometry, headerLine.no, grid, anchors, before));
  // A header drawn in cells narrower than its labels has its rows drawn so too: they are read by their cells, and
  // where the cells cannot be read, the text (each cell's characters scattered over lines) is not read instead.
  const labels = drawnHeaders.get(headerLine.no);
  const cells = geometry && labels ? drawnRows(lines.slice(0, end + 1), seg.header, geometry, labels) : null;
  if (geometry && labels && !cells) return null;
  const read: ReturnType<typeof readBody> = cells
    ? drawnBody(cells)
    : readBody(headerLine, layout, body, markedFurniture(seg.block), () => wordRows(body, seg.block), above, drawnOf, tall && { header: tall.header, last: lines[tall.last].no },
      projectTable ? projectColumnsOver(lines.slice(seg.start, seg.header)) : null);
  // A form whose rows could not be read by its columns is kept, its rows as printed.
  if (read.indicators.length === 0 && !read.unparsed?.length) return null;
  const target = assemble(header, scope, seg.title, read.indicators, [...header.flags, ...read.flags], {
    first: lines[seg.start].no,
    last: Math.max(read.last, headerLine.no, read.total?.line ?? 0),
  });
  target.selfEvaluation = selfEvaluationOf(funds, header.achieved, read.total);
  if (funds) target.funds = targetFunds(funds.funds);
  if (read.project) Object.assign(target, { projectName: read.project.name || null, code: read.project.code, funds: read.project.funds, goal: read.project.goal });
  return {
    target,
    unparsed: read.unparsed ?? [],
    apart: read.apart ?? [],
    held: read.held,
  };
}

/**
 * The header around line `at` (its line of one-line labels) where it is centred over more lines than the three the
 * header readers read (aligned.ts tallHeader), or where they read no label wrapped around the line and it names
 * columns the line does not (偏差原因分析及改进 / 措施 over and under a line of labels each whole): a header they read
 * is read as before.
 */
function tallerHeader(lines: readonly SourceLine[], at: number): ReturnType<typeof tallHeader> {
  const tall = tallHeader(lines, at);
  if (!tall || tall.first < at - 1 || tall.last > at + 1) return tall;
  if (headsOverValue(lines[at - 1], lines[at], lines[at + 1])) return null;
  if (!isIndicatorHeader(lines[at].text)) return tall;
  return wrappedHeader(lines[at - 1], lines[at], lines[at + 1]) == null && rolesOfLine(tall.header.text).size > rolesOfLine(lines[at].text).size ? tall : null;
}

/**
 * A form's lines as rows of single-space words, each page furniture by its prose block's mark (layout/prose-blocks.ts,
 * decided once from the whole text): the lines are the forms' text (a drawn header row one line), numbered as the
 * block's.
 */
function wordRows(lines: readonly SourceLine[], block: ProseBlock): BlockRow[] {
  const isFurniture = markedFurniture(block);
  return lines.map((line) => ({ line, cells: cellsOf('spaced', line), furniture: isFurniture(line) }));
}

/** Whether a line of the block is page furniture, by the block's mark: one rule, asked once of the whole text. */
function markedFurniture(block: ProseBlock): (line: SourceLine) => boolean {
  return (line) => block.rows[line.no - block.lines.first].furniture;
}

/** A 绩效自评表's parts beside its indicators, or null where the form prints none of them (a 绩效目标表). */
function selfEvaluationOf(funds: FundsBlock | null, achieved: string | null, total: TotalRow | undefined): SelfEvaluation | null {
  if (!funds && achieved == null && !total) return null;
  return {
    funds: funds?.funds ?? [],
    achieved,
    totalWeight: total?.weight ?? null,
    totalScore: total?.score ?? null,
    totalLines: total ? { first: total.line, last: total.line } : null,
  };
}

/** A 绩效自评表's 总分 row: its 分值 and 得分 where printed under those columns. */
interface TotalRow {
  weight: number | null;
  score: number | null;
  line: number;
}

/** The 总分 row of a grid whose header names a 得分 column, read as a row of the grid (`cells`). */
function totalRow(header: readonly string[], cells: readonly string[], line: number): TotalRow {
  const at = (role: 'weight' | 'score') => {
    const i = header.findIndex((label) => roleOf(cleanCell(label)) === role);
    return i < 0 ? null : parseAmount(cleanCell(cells[i] ?? ''));
  };
  return { weight: at('weight'), score: at('score'), line };
}

/**
 * An aligned 总分 row's cells with its figures under the 分值 and 得分 columns in turn, where it prints one for each,
 * wherever they stand: `pdftotext -layout` prints a header's CJK labels in fewer columns than the figures under them
 * take (`分值 得分` squeezed left of the rows' `15     15`), so that the header's places put 100 under 得分 and 95.5
 * under the column after it. The funds block's full rows are read so (self-evaluation.ts readFundsBlock).
 */
function figuresInTurn(header: readonly string[], cells: readonly string[]): string[] {
  // Figures one space apart in one cell (`100 97.5`) are a figure each.
  const figures = cells.flatMap((c, i) => {
    const words = wordsOf(cleanCell(c));
    return words.length > 0 && words.every((w) => parseAmount(w) != null) ? words.map((text) => ({ text, cell: i })) : [];
  });
  const columns = header.flatMap((label, i) => (['weight', 'score'].includes(roleOf(cleanCell(label)) ?? '') ? [i] : []));
  if (figures.length !== columns.length) return [...cells];
  const out = cells.map((c, i) => (figures.some((f) => f.cell === i) ? '' : c));
  columns.forEach((column, k) => (out[column] = figures[k].text));
  return out;
}

/** A grid read by its drawn cells: each indicator holds the lines its row prints on, its cells' characters wrapped. */
function drawnBody(cells: NonNullable<ReturnType<typeof drawnRows>>): ReturnType<typeof readGridBody> & { total?: TotalRow } {
  // A 绩效自评表's 总分 row sums the grid's columns: no indicator of it, as in the text (readBody).
  const scored = cells.header.cells.some((label) => /得分/.test(compact(label)));
  const totalAt = scored ? cells.body.findIndex((row) => isTotalRow(row.cells.join(' '))) : -1;
  const totalCells = totalAt < 0 ? null : cells.body[totalAt];
  const read = readGridBody(cells.header, cells.body.filter((_, k) => k !== totalAt));
  const indicators = read.indicators.map((i) => ({ ...i, lines: { ...i.lines, last: Math.max(i.lines.last, cells.lastLines.get(i.lines.first) ?? i.lines.last) } }));
  const total = totalCells ? totalRow(cells.header.cells, totalCells.cells, totalCells.no) : undefined;
  return { ...read, indicators, last: Math.max(read.last, ...indicators.map((i) => i.lines.last)), apart: [...cells.apart, ...read.apart], total };
}

/**
 * The rows under a target table's header, by the layout its header line shows (`layout`, its segment's): a
 * tab-separated table and an aligned one whose header prints the columns are rows of one grid (layout/grid.ts), read
 * alike; otherwise, as a single-space one, it has
 * the single-space reader, or the described reader when the header names a description column, or, when it prints
 * cells after the value's that the reader does not read there, the template's order (template-order.ts). Deciding on the header
 * and its rows together reads worse: the wrapped cells of an aligned table's rows are single runs, and 开发区's seed
 * loses a target that way. `drawnOf`, where a PDF draws the grid, gives its cells as drawn; `wordsOf`, the body as rows
 * of single-space words for the single-space and described readers.
 */
function readBody(
  headerLine: SourceLine,
  layout: Layout,
  body: readonly SourceLine[],
  isFurniture: (line: SourceLine) => boolean,
  wordsOf: () => BlockRow[],
  above?: SourceLine,
  drawnOf?: DrawnGridOf,
  /** A header centred over many lines (tallerHeader): its labels on one line, and the number of its last line. */
  tall?: { header: SourceLine; last: number } | null,
  /** The project's columns a table of many projects prints over the header (template-order.ts projectColumnsOver). */
  projectColumns: ReturnType<typeof projectColumnsOver> = null,
): {
  indicators: PerformanceTarget['indicators'];
  flags: string[];
  last: number;
  apart?: LinePiece[];
  unparsed?: Unparsed[];
  total?: TotalRow;
  project?: ReturnType<typeof readByTemplate>['project'];
  held?: LineRange[];
} {
  const below = body.find((l) => l.text.trim());
  const wrapped = tall ? { header: tall.header, usesBelow: false } : layout === 'aligned' ? wrappedHeader(above, headerLine, below) : null;
  // A 绩效自评表's 总分 row sums the grid's columns: no indicator of it.
  const scored = /得分/.test(compact((wrapped?.header ?? headerLine).text));
  const totalLine = scored && layout !== 'spaced' ? body.find((l) => isTotalRow(l.text)) : undefined;
  const gridBody = body.filter((l) => !(wrapped?.usesBelow && l === below) && l !== totalLine && l.no > (tall?.last ?? 0));
  const grid = layout === 'aligned' ? alignedGrid(wrapped?.header ?? headerLine, gridBody, undefined, isFurniture, true) : null;
  // A wrapped header's columns, placed from its pieces, are used where the body's level names stand under them.
  const aligned = grid && (!wrapped || holdsOwnLevels(grid)) ? grid : null;
  if (aligned) {
    // The text of a PDF read here (drawnOf) is laid out by its baselines' distances on the page (sources/pdf/layout.ts):
    // its line numbers measure the page and its blank lines may part the lines of one cell. Text printed by
    // `pdftotext -layout` does neither: its blank lines and lines of other text are read (readGridBody `printing`).
    const printing = drawnOf ? undefined : new Set(gridBody.filter((l) => l.text.trim()).map((l) => l.no));
    const read = readGridBody(aligned.header, aligned.body, true, drawnOf, printing);
    const totalCells = totalLine && alignedGrid(wrapped?.header ?? headerLine, [totalLine], undefined, isFurniture, true)!.body[0].cells;
    const total = totalLine && totalCells && totalRow(aligned.header.cells, figuresInTurn(aligned.header.cells, totalCells), totalLine.no);
    return { ...read, apart: [...aligned.margin, ...read.apart].sort((a, b) => a.line - b.line), total };
  }
  if (layout === 'tabbed') {
    const printed = tabRow(headerLine);
    const rows = tabbedRows(gridBody);
    // The total row is read by the header's columns, so a margin label comes out of both before the body is read.
    const margin = holdsMarginLabel(printed, rows);
    const inside = (row: GridRow): GridRow => (margin ? outOfMargin(row) : row);
    const header = inside(printed);
    const total = totalLine && totalRow(header.cells, inside(tabRow(totalLine)).cells, totalLine.no);
    return { ...readGridBody(header, rows.map(inside)), total };
  }
  const reader = /指标描述|确定依据|指标解释/.test(compact(headerLine.text)) ? 'described' : 'spaced';
  const template = cellsAfterValue(headerLine.text, reader);
  if (template) return readByTemplate(template, wordsOf(), projectColumns);
  return reader === 'described' ? readDescribedBody(wordsOf()) : readSpacedBody(wordsOf());
}

/** A 绩效目标表 listing many projects: its header names a project column and an amount column beside the indicators. */
/**
 * The header is its line and the few printed above it (a header wrapped over lines); a one-project form's fields
 * further up (项目 / 名称 and 专项 / 资金 stacked in narrow label cells, over the 年度目标) name no columns.
 */
const HEADER_LINES = 5;

function isProjectTable(lines: readonly SourceLine[], seg: Segment): boolean {
  if (seg.header == null) return false;
  const printed = lines.slice(seg.start, seg.header + 1).filter((l) => l.text.trim() && !seg.titleNos.includes(l.no));
  return isProjectTableHeader(printed.slice(-HEADER_LINES));
}

function sameTitle(a: Segment, b: Segment): boolean {
  return b.title == null || a.title == null || compact(a.title) === compact(b.title);
}

function assemble(
  header: ReturnType<typeof readHeader>,
  scope: 'project' | 'organization',
  title: string | null,
  indicators: PerformanceTarget['indicators'],
  flags: string[],
  lines: LineRange,
): Omit<PerformanceTarget, 'id'> {
  return {
    scope,
    title: title ?? (scope === 'organization' ? '部门（单位）整体绩效目标表' : '项目支出绩效目标表'),
    unitName: header.unitName,
    projectName: scope === 'project' ? header.projectName : null,
    code: null,
    projectId: null,
    owner: header.owner,
    funds: header.funds,
    goal: header.goal,
    periodGoal: header.periodGoal,
    indicators,
    flag: flags.length ? flags.join('；') : null,
    selfEvaluation: null,
    lines,
  };
}

/**
 * Finds 绩效目标表 and evaluation-report structures. `taken` holds line numbers other parsers already claimed;
 * `geometry`, a PDF's line boxes and rules, by which a table of many projects drawn with rules is read (project-table.ts);
 * `positioned`, the text is the PDF reader's, each character where its glyph stands (evaluation-aligned.ts); `layout`,
 * how the document separates cells (layout/detect.ts: which bare number is a page's); `prose`,
 * the document's prose blocks once `taken` is known (layout/prose-blocks.ts), which parse-disclosure.ts makes once for
 * this stage and the narrative: a caller with no stage before this one has them made here. The evaluation report is
 * read from them, then the target forms from what it left (a form ends with its block), then the targets stated in
 * prose from what the forms left.
 */
export function parsePerformance(
  printedLines: readonly SourceLine[],
  taken: ReadonlySet<number>,
  geometry?: PageGeometry,
  positioned = false,
  layout: Layout = detectLayout(printedLines),
  prose: readonly ProseBlock[] = proseBlocks(printedLines, taken, layout),
): PerformanceResult {
  // The forms are read with their drawn header rows, or a header printed in reading order a piece a line
  // (reading-order-header.ts), as one line each; what a target leaves unread is as printed.
  const drawn = geometry ? withDrawnHeaders(printedLines, geometry) : { lines: withReadingOrderHeaders(printedLines), headers: new Map<number, string[]>() };
  const lines = drawn.lines;
  const result: PerformanceResult = { targets: [], evaluation: null, ...emptyClaims() };
  const evaluation = parseEvaluation(printedLines, taken, prose, layout, positioned);
  // The tables' lines, and the report's: copied only where there is a report (a document's tables hold most of its lines).
  const blocked = evaluation ? claimedSet(evaluation.claimed, taken) : taken;
  if (evaluation) {
    result.evaluation = evaluation.evaluation;
    result.claimed.push(...evaluation.claimed);
    result.checks.push(...evaluation.checks);
    result.warnings.push(...evaluation.warnings);
  }
  // A target as the document's next: numbered, its lines that no field holds kept as printed, its range claimed.
  const add = (fields: Omit<PerformanceTarget, 'id'>, held: readonly LineRange[], unparsed: readonly Unparsed[] = [], apart: readonly LinePiece[] = []) => {
    const target: PerformanceTarget = { id: `target-${result.targets.length + 1}`, ...fields };
    target.printed = printedRest(printedLines, target.lines, held, unparsed, layout, apart);
    result.targets.push(target);
    result.claimed.push(target.lines);
    return target;
  };
  const segments = findSegments(lines, proseLeft(prose, blocked));
  // Asked once a segment: the look ahead for a table's continuation asks the next segment before the loop comes to it.
  const projectTables = segments.map((seg) => isProjectTable(lines, seg));
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    if (projectTables[s]) {
      // The table continued on later pages under its title and header again: one table.
      while (s + 1 < segments.length && projectTables[s + 1] && sameTitle(seg, segments[s + 1])) seg.end = segments[++s].end;
      const end = lastOf(seg);
      const read = readProjectTable(seg.title ?? '项目支出绩效目标表', lines.slice(seg.start, seg.header! + 1), lines.slice(seg.header! + 1, end + 1), isTitle, geometry);
      if (read) {
        for (const { target, held } of read) result.checks.push(fundsCheck(add(target, held)));
        continue;
      }
    }
    if (seg.header == null) {
      // A 部门整体 form laid out by activity: its grid has no 一级/二级/三级 columns of its own.
      const form = readActivityForm(seg.title ?? '部门整体支出绩效目标表', lines.slice(seg.start, lastOf(seg) + 1), layout);
      if (form) {
        result.checks.push(fundsCheck(add(form.target, form.held, [], form.apart)));
        continue;
      }
    }
    const parsed = parseSegment(lines, seg, geometry, drawn.headers, projectTables[s]);
    if (!parsed) continue;
    const target = add(parsed.target, [...parsed.target.indicators.map((i) => i.lines), ...(parsed.held ?? [])], parsed.unparsed, parsed.apart);
    if (evaluation && target.projectName == null) target.projectName = evaluation.evaluation.projectName;
    result.unparsed.push(...parsed.unparsed);
    result.checks.push(fundsCheck(target), ...selfEvaluationChecks(target));
  }
  // A 说明's table of key projects, each row a target without indicators (key-projects.ts).
  const claimed = claimedSet(result.claimed, blocked);
  for (const { target, held } of readKeyProjectTables(proseLeft(prose, claimed))) {
    add(target, held);
    // Its lines join the set (was made again from every claim and the tables' lines).
    for (let n = target.lines.first; n <= target.lines.last; n++) claimed.add(n);
  }
  // The heading is kept as printed; the paragraph is the goal.
  for (const t of readProseTargets(proseLeft(prose, claimed))) add(t, [{ first: t.lines.first + 1, last: t.lines.last }]);
  return result;
}
