/**
 * A single-space 绩效目标表 whose header prints cells after 指标值 that its reader does not read there (长沙's 指标值内容,
 * 评（扣）分标准, 度量单位, 指标值类型, 备注; its 部门整体 form's 指标解释, 评（扣）分标准, 备注), or a figure beside the
 * value (上年完成值, 实际完成值) wherever it stands: a row's words after its name are those cells, and a reader that takes
 * the last words for the value (spaced.ts: `… 万元 ＝ 7` is a unit, a
 * sign and a 备注 score) or the first target-looking word after the name (described.ts) would invent one. A row is
 * read only where the template's order places every word: one word a cell, as many words as the header has cells.
 * The other lines are kept as printed in `unparsed`, and the form is flagged. Pure.
 */
import type { Indicator, PerformanceTarget } from '../../schema/performance.ts';
import type { LineRange, Unparsed } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import type { BlockRow } from '../layout/blocks.ts';
import { wordsOf } from '../layout/cells.ts';
import { isOutlineHeading } from './level-state.ts';
import { endsLevelName, isLevel1, isLevelName, startsLevelName } from './levels.ts';
import { roleOfHeader, type ColumnRole as Role } from './header-roles.ts';
import { fundsColumns, indicatorByRole, isLabelledRole, PROJECT_ROLES, type Column } from './project-table.ts';
import { amountsOf, isProjectCode, isReadingOrder, isSignWord } from './reading-order-table.ts';
import { centredLevels, levelsOnLines } from './spaced.ts';
import type { LinePiece } from './level-cells.ts';
import { parseAmount } from '../numbers.ts';
import { isIndicatorHeader } from './tabbed.ts';
import { cleanCell } from './text.ts';

export interface TemplateHeader {
  /** The header's words, each a cell (one header never holds a space), with the column each names. */
  cells: { label: string; role: Role | null }[];
  /** The labels of the cells the reader does not read: a figure beside the value, and those after the value's. */
  after: string[];
  /** True when such a figure stands before the value: the cells are beside the value, not only after it. */
  beside: boolean;
}

/** Cells an indicator row holds: a header naming a project's or an unknown column is not one row's template. */
const ROW_ROLES: ReadonlySet<Role | null> = new Set([
  'level1', 'level2', 'name', 'operator', 'value', 'unit', 'description', 'rule', 'weight', 'other',
  'previous', 'actual', 'score', 'basis', 'evidence', 'deviation',
]);

/**
 * The cells each reader reads after a row's value. The single-space reader: a 备注 column alone, which 西安交通运输局
 * 2022's leaves empty on every row (its rows, levels printed once for several, never hold as many words as its header).
 * The described reader: the value's basis (指标值确定依据, 巨鹿 2021), the words after the value to the row's end.
 */
const READ_AFTER_VALUE: Record<'spaced' | 'described', (cell: TemplateHeader['cells'][number]) => boolean> = {
  spaced: (c) => c.role === 'other',
  described: (c) => c.role === 'basis',
};

/** Figures printed beside the value, that neither reader tells from it: a sign or a number each. */
const FIGURES: ReadonlySet<Role | null> = new Set(['previous', 'actual']);

/**
 * The header's cells when it prints cells after its value's that `reader` does not read there (READ_AFTER_VALUE), or
 * a figure before its value's; null otherwise, the header being that reader's form.
 */
export function cellsAfterValue(headerText: string, reader: keyof typeof READ_AFTER_VALUE): TemplateHeader | null {
  const cells = wordsOf(headerText).map((w) => ({ label: cleanCell(w), role: roleOfHeader(w) }));
  const value = cells.findIndex((c) => c.role === 'value');
  const before = cells.slice(0, value).filter((c) => FIGURES.has(c.role));
  const after = cells.slice(value + 1);
  if (value < 0 || (before.length === 0 && after.every(READ_AFTER_VALUE[reader]))) return null;
  return { cells, after: [...before, ...after].map((c) => c.label), beside: before.length > 0 };
}

/**
 * A row's words one a cell of the header, in its order: as many words as cells; or, a row whose level cells are
 * printed on other lines (a level cell spans the rows under it, its name centred over them, 长沙's forms with runs of
 * spaces made one), the level names it starts with, each in the cell the vocabulary gives it (levels.ts), and one word
 * for each of the other cells. Null where the words do not fill the cells so.
 */
function wordsByCell(header: TemplateHeader, words: readonly string[]): string[] | null {
  if (words.length === header.cells.length) return [...words];
  const levels = header.cells.findIndex((c) => c.role !== 'level1' && c.role !== 'level2');
  if (levels <= 0 || header.cells.slice(levels).some((c) => c.role === 'level1' || c.role === 'level2')) return null;
  const out = header.cells.map(() => '');
  let k = 0;
  for (; k < words.length && k < levels && isLevelName(words[k]); k++) {
    const cell = header.cells.findIndex((c, i) => i < levels && out[i] === '' && c.role === (isLevel1(words[k]) ? 'level1' : 'level2'));
    if (cell < 0) return null;
    out[cell] = words[k];
  }
  if (words.length - k !== header.cells.length - levels) return null;
  words.slice(k).forEach((w, i) => (out[levels + i] = w));
  return out;
}

/** Cells of running text: wrapped, a cell prints a piece a line on the lines around its row's. */
const TEXT_ROLES: ReadonlySet<Role | null> = new Set(['description', 'rule', 'basis', 'evidence', 'deviation']);

/**
 * A row printed one word a cell, read by the header's order; the 备注 and 分值 cells go to the description, labelled.
 * The cells of `blank` are left empty.
 */
function byOrder(header: TemplateHeader, words: readonly string[], line: SourceLine, blank: ReadonlySet<Role | null> = new Set()): Indicator {
  const cell = (role: Role) => (blank.has(role) ? '' : words.filter((_, i) => header.cells[i].role === role).join(''));
  const labelled = header.cells.flatMap((c, i) => (isLabelledRole(c.role) ? [`${c.label}：${words[i]}`] : []));
  return indicatorByRole(cell, labelled, { first: line.no, last: line.no });
}

/**
 * The project's columns a table of many projects prints over its indicator header (单位编码 单位（项目）名称 资金总额
 * 绩效目标): the labels of the nearest line above it that names them and nothing else, in the order printed, its
 * code and name before its amounts and its goal after them; null where no line so names them.
 */
export function projectColumnsOver(lines: readonly SourceLine[]): Column[] | null {
  for (const line of [...lines].reverse()) {
    const labels = wordsOf(line.text).map(cleanCell);
    const roles = labels.map(roleOfHeader);
    if (labels.length === 0 || !roles.every((r) => r != null && PROJECT_ROLES.has(r))) continue;
    const order = roles.map((r) => (r === 'code' || r === 'project' ? 0 : r === 'amount' ? 1 : 2));
    if (!roles.includes('project') || !roles.includes('amount') || order.some((o, i) => i > 0 && o < order[i - 1])) return null;
    return labels.map((label, i) => ({ role: roles[i]!, label, centre: i }));
  }
  return null;
}

/** A project's row as its columns print it: its code and name, its amounts, its goal (none where the row prints none). */
interface ProjectRow {
  code: string | null;
  name: string;
  funds: PerformanceTarget['funds'];
  goal: string | null;
}

/**
 * A line printed one word a cell under the project's columns: an amount in each amount column (the only amounts of
 * the line), the code and the name before them each in its column by the header's order (a code is the project
 * column's code pattern), a goal's word after them at most; null otherwise.
 */
function projectRow(columns: readonly Column[], words: readonly string[]): ProjectRow | null {
  const amountColumns = columns.filter((c) => c.role === 'amount');
  const amounts = amountsOf(words, amountColumns.length);
  if (!amounts || amounts.count !== amountColumns.length) return null;
  const heads = columns.filter((c) => c.role === 'code' || c.role === 'project');
  const before = words.slice(0, amounts.at);
  const after = words.slice(amounts.at + amounts.count);
  if (after.length > columns.filter((c) => c.role === 'goal').length) return null;
  // One word before the amounts where the header has a code and a name: a code by its pattern, else the name.
  const roles = before.length === heads.length ? heads.map((c) => c.role) : before.length === 1 ? [isProjectCode(before[0]) && heads.some((c) => c.role === 'code') ? 'code' : 'project'] : null;
  if (!roles || roles.some((r, i) => (r === 'code') !== isProjectCode(before[i]))) return null;
  const figures = words.slice(amounts.at, amounts.at + amounts.count).map((w) => parseAmount(w));
  const read = fundsColumns(columns);
  const fund = (c: Column | undefined) => (c ? figures[amountColumns.indexOf(c)] ?? null : null);
  return {
    code: before.find((_, i) => roles[i] === 'code') ?? null,
    name: before.find((_, i) => roles[i] === 'project') ?? '',
    funds: { total: fund(read.total), fiscal: fund(read.fiscal), other: fund(read.other) },
    goal: after.join(' ') || null,
  };
}

/**
 * The levels of the rows read by order where the text keeps its lines' places (`-layout` with its runs of spaces made
 * one): a level cell merged over several rows prints its name once, centred on them, or wrapped around their lines
 * (长沙 2026: `经济成本指` / `标` around 电费's line, 成本指标 on 燃气费's, 社会成本指标 over no row), and each row takes
 * the cells centred on it (spaced.ts centredLevels, as the single-space reader's rows do). A line whose words hold a
 * sign but not one a cell (its name wrapped around it, `水电气设备运行` / `100 … ＝ 7` / `安全率`) is a row too: it takes
 * its place among the rows a cell is centred on, though it is not read. Each read row's levels by its line; the flags
 * of the read rows the centring gives to either of two cells; the lines (indexes of `lines`) printing only level
 * pieces, each of a cell over a read row; those printing only pieces of cells over no row (社会成本指标 without 三级
 * rows), read apart from the rows as the `-layout` text's are. Text in reading order (`-raw`) keeps no places: its
 * rows keep their own levels.
 */
function centredLevelsOf(
  header: TemplateHeader,
  body: readonly BlockRow[],
  lines: ReadonlyArray<{ line: SourceLine; kind: LineKind | null; words: string[] | null }>,
): { of: Map<number, Pick<Indicator, 'level1' | 'level2'>>; flags: string[]; held: number[]; apart: LinePiece[] } {
  const none = { of: new Map(), flags: [], held: [], apart: [] };
  // Where no row is read, the rows a cell spans may all be printed otherwise: no cell is known to span none.
  if (!lines.some((l) => l.words) || isReadingOrder(lines.filter((l) => l.kind != null).map((l) => l.line))) return none;
  const { met, pieces } = levelsOnLines(body);
  if (pieces.level1.length + pieces.level2.length === 0) return none;
  const printed = (words: readonly string[], role: Role) => words.find((w, i) => w && header.cells[i].role === role) ?? null;
  const rows = lines.flatMap(({ line, kind, words }, k) =>
    words || (kind === 'other' && wordsOf(line.text).some(isSignWord))
      ? [{ read: words != null, level1: words && printed(words, 'level1'), level2: words && printed(words, 'level2'), line: line.no, printed: met[k].map((m) => m.role) }]
      : [],
  );
  const { flags, placed } = centredLevels(rows, pieces);
  // What each line printing level pieces only holds: pieces of cells over read rows, or of cells over no row at all.
  const over = new Map<number, Set<'read' | 'none' | 'unread'>>();
  for (const p of placed) {
    const holds = p.rows.length === 0 ? 'none' : p.rows.some((r) => rows[r].read) ? 'read' : 'unread';
    for (const piece of p.cell.pieces) over.set(piece.line, (over.get(piece.line) ?? new Set()).add(holds));
  }
  const only = (line: SourceLine, holds: 'read' | 'none') => over.get(line.no)?.size === 1 && over.get(line.no)!.has(holds) && wordsOf(line.text).every(isLevelPiece);
  const others = lines.filter(({ kind }) => kind === 'other');
  return {
    of: new Map(rows.filter((r) => r.read).map((r) => [r.line, { level1: r.level1, level2: r.level2 }])),
    flags: flags.filter((f) => rows[f.row].read).map((f) => f.text),
    held: lines.flatMap(({ line, kind }, k) => (kind === 'other' && only(line, 'read') ? [k] : [])),
    apart: others.filter(({ line }) => only(line, 'none')).map(({ line }) => ({ text: line.text.trim(), line: line.no })),
  };
}

/** A word of a level cell: a level's name, or a piece of one its narrow cell wraps (`经济成本指` / `标`). */
const isLevelPiece = (word: string) => isLevelName(word) || startsLevelName(word) || endsLevelName(word);

type LineKind = 'row' | 'project' | 'other' | 'wrap' | 'level';

/**
 * Reads the rows under such a header up to the next outline heading: page furniture and repeated headers are no rows;
 * each run of lines between rows read by order is kept as printed, one entry. A row's cells of running text wrap
 * around its line onto the lines next to it (no blank line between): where those lines print words other than a
 * level cell's, the text does not tell which of its cells they continue, and those cells are left empty, their
 * words kept as printed. Under a table of many projects (`projectColumns`, projectColumnsOver), a line printed one
 * word a cell under the project's columns with a goal, alone between blank lines, is the target's project where the
 * table prints one project only (printed again after a page break).
 */
export function readByTemplate(
  header: TemplateHeader,
  body: readonly BlockRow[],
  projectColumns: readonly Column[] | null = null,
): { indicators: Indicator[]; flags: string[]; unparsed: Unparsed[]; last: number; project: ProjectRow | null; held: LineRange[]; apart: LinePiece[] } {
  // A header with columns of the form's unit (长沙's 部门整体 form: 其他资金, 基本支出, 项目支出 before its levels) is
  // no row's template: no row is read by it.
  const apart = header.cells.filter((c) => !ROW_ROLES.has(c.role)).map((c) => c.label);
  const named = header.cells.some((c) => c.role === 'name');
  const ordered = apart.length === 0 && named;
  const why = apart.length
    ? `表头还有${apart.join('、')}列，不是一行指标的列`
    : !named
      ? '表头没有三级指标列'
      : `单空格印出的这些行的词数与表头的 ${header.cells.length} 列不符`;
  const where = header.beside ? '在指标值旁' : '在指标值之后';
  const reason = `表头${where}还有${header.after.join('、')}列，${why}，分不清哪个词是指标值，未读作指标`;
  const textLabels = header.cells.filter((c) => TEXT_ROLES.has(c.role)).map((c) => c.label).join('、');
  // The lines read, to the first outline heading: blank ones, page furniture and repeated headers part no run.
  const lines: Array<{ line: SourceLine; kind: LineKind | null; words: string[] | null; project: ProjectRow | null }> = [];
  for (const { line, cells, furniture } of body) {
    const blank = cells.length === 0 || furniture || isIndicatorHeader(line.text);
    if (!blank && isOutlineHeading(line.text)) break;
    const texts = cells.map((c) => c.text);
    const words = blank || !ordered ? null : wordsByCell(header, texts);
    const project = blank || words || !ordered || !projectColumns ? null : projectRow(projectColumns, texts);
    lines.push({ line, kind: blank ? null : words ? 'row' : project ? 'project' : 'other', words, project });
  }
  // The lines next to a row's or a project's, no blank line between, that print words other than a level cell's. A
  // line printing a sign alone is a row's own (a one-character cell wraps onto no other line), and a page's first line
  // (its title printed again) no piece of a cell on the page before: either ends the lines next to it.
  const piece = (j: number) => lines[j]?.kind === 'other' && !wordsOf(lines[j].line.text).some(isSignWord);
  const pageStart = (j: number) => lines[j].line.raw.startsWith('\f');
  const wrapped = lines.map(({ kind }, k) => {
    const near: number[] = [];
    if (kind !== 'row' && kind !== 'project') return near;
    for (let j = k - 1; !pageStart(j + 1) && piece(j); j--) near.push(j);
    for (let j = k + 1; piece(j) && !pageStart(j); j++) near.push(j);
    return near.filter((j) => !wordsOf(lines[j].line.text).every(isLevelPiece));
  });
  // A header without cells of running text has no cell to wrap: a line beside a row is another row, not read.
  if (textLabels) for (let k = 0; k < lines.length; k++) if (lines[k].kind === 'row') for (const j of wrapped[k]) lines[j].kind = 'wrap';
  const levels = centredLevelsOf(header, body.slice(0, lines.length), lines);
  for (const k of levels.held) lines[k].kind = 'level';
  for (const { line } of levels.apart) lines.find((l) => l.line.no === line)!.kind = null;
  // The project: the rows printing one with its goal and nothing wrapped around them, all the same project.
  const projects = lines.filter((l, k) => l.project?.goal != null && wrapped[k].length === 0);
  const same = (a: ProjectRow, b: ProjectRow) => a.code === b.code && a.name === b.name && a.goal === b.goal && JSON.stringify(a.funds) === JSON.stringify(b.funds);
  const project = projects.length && projects.every((l) => same(l.project!, projects[0].project!)) ? projects[0].project : null;
  const projectReason = (k: number) =>
    lines[k].project!.goal == null
      ? '只印编码、名称和金额而没有绩效目标的行：看不出是合计行、单位行，还是绩效目标折行印在别处的项目行，未读'
      : wrapped[k].length
        ? '项目行上下还印有折行的文字，项目名称或绩效目标可能折在其中，未读'
        : '表中印有不止一个项目，指标行分不清属于哪个项目，未读作本表的项目';
  const wrapReason = `紧挨着指标行印出、未能按列读出的文字：可能是该行${textLabels}栏折行的一段，属于哪一栏文本看不出，未读`;
  const indicators: Indicator[] = [];
  const unparsed: Unparsed[] = [];
  const held: LineRange[] = [];
  const wrappedRows: string[] = [];
  let run: { lines: SourceLine[]; reason: string } | null = null;
  let runLines = 0;
  let last = 0;
  const flush = () => {
    if (run) unparsed.push({ lines: { first: run.lines[0].no, last: run.lines[run.lines.length - 1].no }, text: run.lines.map((l) => l.text.trim()).join('\n'), reason: run.reason });
    if (run?.reason === reason) runLines += run.lines.length;
    run = null;
  };
  lines.forEach(({ line, kind, words }, k) => {
    if (kind == null) return;
    last = line.no;
    if (kind === 'row' && words) {
      flush();
      const cut = textLabels && wrapped[k].length > 0 ? TEXT_ROLES : new Set<Role | null>();
      const indicator = { ...byOrder(header, words, line, cut), ...levels.of.get(line.no) };
      indicators.push(indicator);
      const text = words.filter((_, i) => cut.has(header.cells[i].role)).join(' ');
      if (!text) return;
      wrappedRows.push(indicator.name);
      unparsed.push({ lines: { first: line.no, last: line.no }, text, reason: `「${indicator.name}」的${textLabels}栏折行印在本行上下，本行只印出其中一段，看不出上下的文字属于哪一栏，未读作这几栏` });
      return;
    }
    if (kind === 'level' || (kind === 'project' && project && lines[k].project && same(lines[k].project!, project))) {
      flush();
      held.push({ first: line.no, last: line.no });
      return;
    }
    const why = kind === 'project' ? projectReason(k) : kind === 'wrap' ? wrapReason : reason;
    if (run?.reason !== why) flush();
    run ??= { lines: [], reason: why };
    run.lines.push(line);
  });
  flush();
  const flags = runLines ? [`表头${where}还有${header.after.join('、')}列，${runLines} 行未能按列读出指标（见未解析内容）`] : [];
  flags.push(...levels.flags);
  if (projects.length && !project) flags.push('表中印有不止一个项目，指标行分不清属于哪个项目，项目未读（见未解析内容）');
  if (wrappedRows.length) flags.push(`「${wrappedRows.join('」「')}」的${textLabels}栏折行印在本行上下，看不出折行的文字属于哪一栏，这几栏未填（见未解析内容）`);
  // A level cell spanning rows prints its name on one of their lines, or wrapped across them: which rows it spans the
  // words do not tell.
  const unlevelled = indicators.filter((i) => i.level1 == null || i.level2 == null).length;
  if (unlevelled) flags.push(`${unlevelled} 项指标的一级或二级指标不在本行，跨行的指标级别看不出属于哪几行，未填`);
  return { indicators, flags, unparsed, last, project, held, apart: levels.apart };
}
