import { headerColumns, STUB } from '../shared/header-tree.ts';
import { headerLabel } from '../../layout/cell-text.ts';
import { columnNumberOf, isColumnNumbering } from '../shared/header-rows.ts';
import {
  bandStage,
  columnKeyFor,
  inTemplateGroup,
  isPositionalKey,
  isTotalPart,
  positionalKey,
  templateMembers,
  templateSubtotalKey,
  textColumnKeyFor,
  type ColumnIdentity,
} from '../columns.ts';
import type { DraftColumn, Side } from '../shared/table-draft.ts';
import { cellWords, center, type Cell } from '../../layout/cells.ts';
import { wrappedLabel } from '../shared/wrapped-label.ts';
import { amountEdges, rightEdgeWindows } from './amount-columns.ts';
import { ROW_NUMBER_LABEL, rowNumberColumns, type RowNumberColumn } from '../../layout/row-numbers.ts';

/**
 * Column headers of an aligned table. Labels are stacked over several lines (`一般公共 / 预算财政 / 拨款`) and group
 * labels sit over their columns (`基本支出` over `人员经费 公用经费`). The leaves are the lowest labels of each stack;
 * a label over two or more leaves is a group. The result is the same header grid the tabbed reader builds, so both
 * layouts share the column tree and its identities.
 */

/**
 * Labels of code columns: a label over nothing else (部门预算支出 over its 类 / 款) heads codes, not amounts, unless
 * it is an amount's name (预算金额 printed just above the last 款).
 */
const CODE_STUB = /^[类款项]$|编码|科目/;

/** Whether a header's label heads the codes' or names' columns (CODE_STUB), not an amount's. */
export function headsCodes(text: string): boolean {
  return CODE_STUB.test(text);
}
/** The column of each unit's code in tables printed per unit (单位编码 222001, 预算单位代码). */
const UNIT_CODE = /单位(?:编码|代码)$/;
const STAGE = /^(?:预算|决算)数$/;
/** A period heading a block of columns (2025年预算数 … 2026年预算数, 上年 … 本年). */
const PERIOD = /^(?:(\d{4})年|上年|本年)/;
/** The block of the change between the periods (增减, 增减变化情况), printed beside them. */
const CHANGE = /^增减/;
const SIDE_TITLES = /^(?:本年)?(?:财政拨款)?收入$|^(?:本年)?(?:财政拨款)?支出$/;

export interface AlignedColumn {
  start: number;
  end: number;
  side: Side | null;
}

/** How a two-sided header's sides are read: a summary's income and expenditure, or two lists side by side. */
type SidesAre = 'summary' | 'lists' | null;

export interface AlignedHeader {
  /** As asked, unless the header's own side titles make it a summary. */
  sidesAre: SidesAre;
  columns: DraftColumn[];
  positions: AlignedColumn[];
  identities: ColumnIdentity<number>[];
  /** Positions of the 类, 款 and 项 code columns, when the header prints all three; else null. */
  codeColumns: Cell[] | null;
  /** The row-number columns (行次, 序号): their labels' positions and where their numbers stand. */
  counters: RowNumberColumn[];
  /** Positions of the unit-code columns (单位编码, 单位代码) of tables printed per unit. */
  unitCodes: Cell[];
  /** 类 / 款 columns beyond the function code's (the economic codes of a 政府采购 table), in print order. */
  otherCodeColumns: Cell[];
  /** Text columns beside the row's name (采购目录, 规格型号 …) with their keys, and the name columns they share the stub with. */
  textColumns: (Cell & { key: string })[];
  nameColumns: Cell[];
  /** Where the names of the right-hand side begin, for two-sided tables; null otherwise. */
  rightStubStart: number | null;
  /**
   * Where a second classification's code and name begin (部门预算支出经济分类 beside 政府预算支出经济分类, one row
   * printing both): a second row-name block with no amount column before it is a crosswalk, not a second side.
   */
  crosswalkStart: number | null;
  twoSided: boolean;
  /** Runs of labels printed one space apart (see packedWindows): where they stand says little of their columns. */
  packed: Cell[];
  /**
   * Expenditure panels printed right of a summary's 支出 panel (支出 by 功能分类, then by 支出用途 / 经济分类): each is
   * one more list of the expenditure side.
   */
  panels: ExtraPanel[];
}

export interface ExtraPanel {
  /** Where the panel begins by its labels: halfway between the previous panel's last amount label and its names' label. */
  cut: number;
  /** The end of the previous panel's last amount label and the end of the panel's names' label: its names begin between. */
  after: number;
  namesEnd: number;
  /** Moves the panel's cells under the first expenditure panel's columns. */
  shift: number;
  /** The panel's printed title (支出用途), else its place (支出第2栏). */
  label: string;
}

interface Placed extends HeaderCell {
  line: number;
}

/** A header label; `rise`: how many lines above its own its first piece stands (a label wrapped down its cell). */
interface HeaderCell extends Cell {
  rise?: number;
}

function overlaps(a: Cell, b: Cell, slack = 0): boolean {
  return a.start < b.end + slack && b.start < a.end + slack;
}

/** Whether a printed piece of a header, as it stands, names a column of the template. */
const named = (text: string) => columnKeyFor(headerLabel(text)) !== null;

/**
 * Two labels one space apart in one printed run (`政府性基金预算 国有资本经营预算`); the first may end in a letter after
 * its bracket (`因公出国（境）费 小计`, a 三公 决算's header).
 */
const PACKED_GAP = /(?<=[\u4e00-\u9fff）)][\u4e00-\u9fff]) (?=[（(]?[\u4e00-\u9fff]{2})/;

/**
 * Header cells as printed: two labels one space apart (`政府性基金预算 国有资本经营预算`) are two cells. Pieces none
 * of which is a label of the template, while together they make one, are one label printed with a space where its
 * narrow cell wrapped it (`非财政 拨款结转 结余`: 非财政拨款结转结余); a piece that is the start of a label
 * (`财政专户管 （不含教育`, labels wrapped down their cells) is a label of its own.
 */
function splitCells(segs: readonly Cell[]): Cell[] {
  const split: Cell[] = [];
  // Column numbers (栏次 1 2 3, `**`) number the columns; they are not labels.
  for (const s of segs.filter((x) => columnNumberOf(x.text) === null && !/^\*+$/.test(x.text))) {
    const pieces = s.text.split(PACKED_GAP);
    if (pieces.length > 1 && named(pieces.join('')) && !pieces.some(named)) {
      split.push(s);
      continue;
    }
    let at = s.start;
    for (const piece of pieces) {
      split.push({ text: piece, start: at, end: at + piece.length });
      at += piece.length + 1;
    }
  }
  return split;
}

/** How far below a run of labels one space apart its labels' rests may print (one line of other labels between). */
const RUN_REST_REACH = 2;

/**
 * Labels packed one space apart each wrapped onto a line below (`一般公共预 政府性基金 国有资本经` over `算  预算
 * 营预算`, `其他专户 事业收` over `收入拨款  入`): the run printed its labels closer than their columns are apart, so a
 * rest may stand under the next label or past the run's end, where no overlap finds it. The first line below with as
 * many pieces as the run has labels from under its first label up to the next label on its line, in order, holds
 * their rests when each label with its piece names a template column; a label over a piece that name columns each
 * (a group over its one column: 财政专户管理 over 事业收入) stay apart for the tree, which finds the one under the other. A joined label stands where its
 * rest does: the rests, printed apart, keep their columns' places, which the run lost.
 * The rests may be packed one space apart in their turn, a rest of one letter among them (`基本支 项目支 上缴上 对附属`
 * over `合计 出    出 级支出 单位补`): when the line's cells as split do not fit the run, its cells under the run split at
 * every single space are tried.
 * A label wrapped over three lines goes on with the one piece under its rest (`对附属` / `单位补` / `助支出`) when
 * only the three together name a column.
 */
function packedRests(lines: readonly Cell[][]): HeaderCell[][] {
  const out: HeaderCell[][] = lines.map((l) => [...l]);
  for (let i = 0; i < out.length; i++) {
    for (const run of packedRuns(out[i])) {
      const next = out[i].find((o) => o.start > run[run.length - 1].end)?.start ?? Infinity;
      const span: Cell = { text: '', start: run[0].start, end: run[run.length - 1].end };
      const window: Cell = { text: '', start: run[0].start - 1, end: next };
      const under = (line: readonly Cell[]) => line.filter((o) => o.start >= window.start && o.start < window.end);
      const fits = (line: readonly Cell[]) => {
        const pieces = under(line);
        return pieces.length === run.length && overlaps(pieces[0], run[0]) && pieces.every((p, m) => p.start >= run[m].start - 1);
      };
      const spaced = (line: readonly Cell[]) => line.flatMap((o) => (overlaps(o, window) ? cellWords(o) : [o]));
      for (let j = i + 1; j < out.length && j - i <= RUN_REST_REACH; j++) {
        const line = fits(out[j]) ? out[j] : fits(spaced(out[j])) ? spaced(out[j]) : null;
        if (line) {
          out[j] = line;
          const pieces = under(line);
          run.forEach((label, m) => {
            const rest = pieces[m];
            if (named(label.text) && named(rest.text) && overlaps(label, rest)) return;
            const two = label.text + rest.text;
            const below = named(two) ? [] : (out[j + 1] ?? []).filter((o) => overlaps(o, rest));
            const foot = below.length === 1 && named(two + below[0].text) && !named(below[0].text) ? below[0] : undefined;
            if (!named(two) && !foot) return;
            out[i] = out[i].filter((o) => o !== label);
            if (foot) out[j + 1] = out[j + 1].filter((o) => o !== foot);
            const text = two + (foot?.text ?? '');
            out[j] = out[j].map((o) => (o === rest ? { ...rest, text, rise: j - i } : o));
          });
          break;
        }
        if (out[j].some((o) => overlaps(o, span))) break;
      }
    }
  }
  return out;
}

/** The runs of two or more labels one space apart on a line (splitCells leaves each label's end one before the next's start). */
function packedRuns(line: readonly Cell[]): Cell[][] {
  const runs: Cell[][] = [];
  for (const c of line) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].end + 1 === c.start) last.push(c);
    else runs.push([c]);
  }
  return runs.filter((r) => r.length >= 2);
}

/** A piece of a label set down a narrow column: a few letters (`单位编 / 码`), or a bracket of `（境）`. */
const STACKED_PIECE = /^[\u4e00-\u9fff（）()]{1,3}$/;
/** Lines under a vertical label's piece that may hold its next one: up to two print nothing at its place. */
const STACK_REACH = 3;

/**
 * Labels printed vertically in narrow columns (陕西's three-year 三公 table: `会 / 议 / 费`, `因 / 公 / 出 / 国 / （ /
 * 境 / ） / 费 / 用`, `培训 / 费`): pieces of one or two letters stacked at the same place, with at most two lines
 * between them that print nothing there, are one label, set at the line of its last piece. A stack needs a single
 * letter and three pieces or letters (小计 down two lines is the exception), so that two short labels of a
 * horizontal header that happen to sit one above the other stay apart.
 */
function stackedLabels(lines: readonly Cell[][]): Cell[][] {
  const out = lines.map((l) => [...l]);
  const taken = new Set<Cell>();
  // A header word of its own (项目 under a spread `收   入`, 类 / 款 / 项) is no piece of a stack.
  const isPiece = (s: Cell) => STACKED_PIECE.test(s.text) && !STUB.test(s.text) && columnKeyFor(s.text) === null;
  for (let i = 0; i < out.length; i++) {
    for (const first of [...out[i]]) {
      if (taken.has(first) || !isPiece(first)) continue;
      // The one label over the piece's place, when it is the next piece set right under it; another label ends the stack.
      const next = (sofar: readonly Cell[], line: readonly Cell[]) => {
        const last = sofar[sofar.length - 1];
        const hits = line.filter((o) => overlaps(o, last));
        if (hits.length === 0) return undefined;
        const [below] = hits;
        return hits.length > 1 || taken.has(below) || !isPiece(below) || Math.abs(center(below) - center(last)) > 1 ? null : below;
      };
      const { pieces, lines: at, text } = wrappedLabel(out, i, first, next, STACK_REACH);
      const letters = text.replace(/[（）()]/g, '').length;
      const single = pieces.some((p) => p.text.length === 1);
      const known = textColumnKeyFor(text) !== null;
      if (pieces.length < 2 || (!known && (!single || (pieces.length < 3 && letters < 3 && !/^[合小]计$/.test(text))))) continue;
      pieces.forEach((p, k) => {
        taken.add(p);
        out[at[k]] = out[at[k]].filter((s) => s !== p);
      });
      const foot = at[at.length - 1];
      out[foot].push({
        text,
        start: Math.min(...pieces.map((p) => p.start)),
        end: Math.max(...pieces.map((p) => p.end)),
      });
      out[foot].sort((a, b) => a.start - b.start);
    }
  }
  return out;
}

/**
 * A line's cells, once vertical labels are taken out: a short label spread over its column (`收   入`, `项     目`)
 * is one. 类 / 款 / 项 stay single: they are three columns.
 */
function joinedLetters(split: readonly Cell[]): Cell[] {
  const letter = (s: Cell | undefined) => s !== undefined && /^[\u4e00-\u9fff]$/.test(s.text);
  const out: Cell[] = [];
  split.forEach((s, i) => {
    const last = out[out.length - 1];
    // Letters far apart still make one label when together they are a header word (`收      入` across its column).
    const word = last && /^[\u4e00-\u9fff]+$/.test(last.text) && isKnownLabel(last.text + s.text);
    if (letter(s) && !/^[类款项]$/.test(s.text) && letter(split[i - 1]) && (s.start - last.end <= 8 || word)) {
      out[out.length - 1] = { text: last.text + s.text, start: last.start, end: s.end };
    } else out.push(s);
  });
  return out;
}

/** A label of the template's vocabulary: a side title, a row-name label or a known column. */
export function isKnownLabel(text: string): boolean {
  return SIDE_TITLES.test(text) || STUB.test(text) || columnKeyFor(text) !== null;
}

/** How many quotation marks or brackets a piece of a label leaves open (less than 0: it closes some it did not open). */
const unclosed = (t: string) => (t.match(/[“（(]/g) ?? []).length - (t.match(/[”）)]/g) ?? []).length;

/**
 * A label wrapped onto the next line goes on with the label there that it overlaps: when it breaks inside an open
 * quotation mark or bracket (`一般公共预算拨款安排的“三` over `公”经费预算`), or when the next line's piece lies within
 * its width, heads nothing below and is no column name by itself (`一般公共预算拨款安排的“三公”` over `经费预算`).
 */
function continuedLabels(lines: readonly HeaderCell[][]): HeaderCell[][] {
  const out: HeaderCell[][] = lines.map((l) => [...l]);
  const open = (t: string) => unclosed(t) > 0;
  const headsBelow = (seg: Cell, from: number) => out.slice(from).some((l) => l.some((o) => overlaps(o, seg)));
  for (let i = 0; i + 1 < out.length; i++) {
    for (const printed of [...out[i]]) {
      let s = printed;
      const below = out[i + 1].find((o) => overlaps(o, s));
      // A label already joined from pieces (rise) stands where its last piece is, not over its cell's width.
      const candidate = below || s.rise !== undefined ? undefined : besideInCell(out, i, s);
      // A piece beside the label two lines down is its rest only where no rest stands under it.
      const nextLine = candidate?.at === i + 1 ? candidate : undefined;
      const found = nextLine ?? (below ? { rest: below, at: i + 1 } : (centredWrap(out, i, s) ?? tiedRest(out, i, s)));
      const beside = found ? nextLine : candidate;
      if (beside) {
        // The label covers its cell as far as the piece: read so by every later step (a group over the piece).
        s = { ...s, end: beside.rest.end };
        out[i] = out[i].map((o) => (o === printed ? s : o));
      }
      const { rest, at } = found ?? candidate ?? {};
      if (!rest || at === undefined) continue;
      const within = rest.start >= s.start && rest.end <= s.end && rest.end - rest.start < s.end - s.start;
      // A lone 类, 款 or 项 under an amount label is that label's last letter (政府性基 / 金预算拨 / 款), not the code's label.
      const stub = STUB.test(headerLabel(rest.text)) && !(/^[类款项]$/.test(rest.text) && !STUB.test(headerLabel(s.text)));
      const fragment = within && !headsBelow(rest, at + 1) && columnKeyFor(headerLabel(rest.text)) === null && !stub;
      if (!open(s.text) && !fragment && !namesGroup(s, rest) && !readWrapped(out, s.text + rest.text) && (at === i + 1 || beside)) {
        // A piece two lines down that is no rest says nothing of the label's cell. One beside it on the next line
        // still does, and so does one two lines down that besideInCell took for a name the label reads on into: a
        // later step joins a rest that names a column by itself (政府性基金 / 预算).
        if (beside && at > i + 1 && columnKeyFor(headerLabel(rest.text)) === null) out[i] = out[i].map((o) => (o === s ? printed : o));
        continue;
      }
      const joined = { text: s.text + rest.text, start: Math.min(s.start, rest.start), end: Math.max(s.end, rest.end) };
      out[i] = out[i].filter((o) => o !== s);
      // Every wrapped label keeps the line of its first piece: a neighbour wrapped from that line is its peer, however
      // far down its own rest goes (资本性支 / 出 beside 资本性支 / 出（基本 / 建设）). A label joined again keeps it too.
      out[at] = out[at].map((o) => (o === rest ? { ...joined, rise: at - i + (s.rise ?? 0) } : o));
    }
  }
  return out;
}

/**
 * Two pieces that name a template group together and none by themselves (`公务用车购置` / `及运行维护费`, `公务用车购置及` /
 * `运行维护费`: what either names alone is a member of the group at most) are one label wrapped in its cell, however
 * wide each prints: at a coarser character pitch the group's piece reaches over its members' labels and would read as
 * a group of its own over some of them (西安 2022 “三公” table at pdftotext -layout -fixed 5, 公务用车购置 at 52–58
 * over 小计 at 52–53 and 公务用车购置费 at 57–58). A 合计 or 小计 under a group names the table's total alone: its column.
 */
function namesGroup(s: Cell, rest: Cell): boolean {
  const members = templateMembers(headerLabel(s.text + rest.text));
  if (!members) return false;
  const alone = (t: string) => templateMembers(headerLabel(t)) === null && [null, ...members].includes(columnKeyFor(headerLabel(t)));
  return alone(s.text) && alone(rest.text);
}

/**
 * Whether a label wrapped in its cell (a piece with a rise) already reads as these pieces together: a group printed
 * again over each block of columns (2021年 | 2022年 | 增减变化情况) is one label however each print breaks it, and one
 * broken inside its quotation marks (`一般公共预算拨款安排的“三` / `公”经费预算`) says how the others read (`…的“三公”`
 * / `经费预算`, its rest over columns of its own at a coarse pitch: 西安 2022 “三公” table, pdftotext -layout -fixed 5).
 */
function readWrapped(lines: readonly HeaderCell[][], text: string): boolean {
  const label = headerLabel(text);
  return /[“”]/.test(label) && lines.some((l) => l.some((o) => o.rise !== undefined && headerLabel(o.text) === label));
}

/** How far past a label's end the piece of the next line that may be its rest starts at most (see besideInCell). */
const BESIDE_GAP = 2;

/**
 * The piece that a label's rest may be though it overlaps no part of the label: narrower than the label (one as wide
 * is a label of its own: `其中：公务用车购置` one column right of `公务用车购置及运行`, 长沙 教育 2026 “三公”经费表
 * -layout L340), before the next label of the label's line and overlapping none of that line's labels, and either the
 * first one right of the label's end on the next line, starting BESIDE_GAP columns past it at most, else, where the
 * next line prints nothing from the label's start to the piece's end, the first one on the line after, no label by
 * itself unless the label reads on into it (readsOn), ending no further past the label's end than the label is wide
 * (a label wrapped in a cell two lines high, its neighbours' labels printed between: 深圳 水务局 2026 收入总表, `-fixed 3`
 * L2707–L2709, `一般公共预算` at 92–98 over `拨款` at 99–101, `附属单位上缴` at 275–281 over `收入` at 282–284). Other labels on the label's
 * line say nothing of its cell: a row-name group (`功能分类科目` beside `对附属单位补助支` / `出`, 广州 水务局 2026
 * 本年支出总体情况表 `-fixed 4` L309–L311, 158–166 and 167–168) or the labels of the cells beside it (`支出项目类别（资金
 * 使用单` / `位）` beside `财政专` and `其他资`, 表12 L724–L726). A wrapped label fills its cell's width and its rest is centred under it; at a finer character
 * pitch than the PDF's an ideograph prints in one column of the two or three it covers, so the label looks as much
 * narrower and its rest stands right of its end (烟台 水利局 2026 基本支出预算情况表, `pdftotext -layout -fixed 3`:
 * `一般公共预` at 144–149 over `算` at 150–151, `政府性基金` at 163–168 over `预算` at 168–170; 普陀 司法局 2026
 * “三公”经费和机关运行经费预算表, `-fixed 4` L345–L347: `机关运行经费预算` at 169–177, `数` at 180–181 two lines
 * down, `-fixed 3`: at 225–233 and 239–240). On the next line a piece further off is a neighbour's label (烟台 “三公”
 * table, `-layout` L789–L790: `小计` 3 columns right of `（境）经费`). Whether it is the rest, continuedLabels decides as
 * for one under it.
 */
function besideInCell(lines: readonly Cell[][], i: number, s: Cell): { rest: Cell; at: number } | undefined {
  const next = lines[i].filter((o) => o.start >= s.end).reduce((a, o) => Math.min(a, o.start), Infinity);
  const firstRight = (k: number) => lines[k]?.filter((o) => o.start >= s.end).sort((a, b) => a.start - b.start)[0];
  const fits = (p: Cell) => p.end <= next && !lines[i].some((o) => overlaps(o, p)) && p.end - p.start < s.end - s.start;
  const near = firstRight(i + 1);
  if (near && near.start - s.end <= BESIDE_GAP) return fits(near) ? { rest: near, at: i + 1 } : undefined;
  const after = firstRight(i + 2);
  if (!after || after.end - s.end > s.end - s.start || (isKnownLabel(headerLabel(after.text)) && !readsOn(s, after)) || !fits(after)) return undefined;
  const cell = { text: '', start: s.start, end: after.end };
  return lines[i + 1].some((o) => overlaps(o, cell)) ? undefined : { rest: after, at: i + 2 };
}

/**
 * The rest tied to a label two lines up, the line between printing nothing under it (a centred cell's neighbours),
 * where centredWrap finds none: a bracket the label leaves open that the piece closes (`部门预算支出经济科目（按` /
 * `大类）`), a piece opening with a bracket of its own (`政府预算支出经济分类科目` / `（按大类）`) — no label begins
 * with one —, or, under a row-name label, which centredWrap leaves alone, a piece set within its width that heads no
 * column of its own and ends the row-name label (`政府预算支出经济分类科` / `目（按大类）`, `功能分类科` / `目名称`).
 */
function tiedRest(lines: readonly Cell[][], i: number, s: Cell): { rest: Cell; at: number } | null {
  if (i + 2 >= lines.length || lines[i + 1].some((o) => overlaps(o, s))) return null;
  const under = lines[i + 2].filter((o) => overlaps(o, s));
  if (under.length !== 1) return null;
  const [rest] = under;
  const t = headerLabel(rest.text);
  const bracketed = unclosed(s.text) > 0 ? unclosed(t) < 0 : /^[（(]/.test(t) && unclosed(t) === 0;
  const inside = rest.start >= s.start && rest.end <= s.end;
  // A row-name piece reads as a row-name label (`目名称`); a code column's 类 / 款 / 项, an amount's label or a text
  // column's is a column of its own.
  const restIsColumn = SIDE_TITLES.test(t) || /^[类款项]{1,3}$/.test(t) || columnKeyFor(t) !== null || textColumnKeyFor(t) !== null;
  const stub = STUB.test(headerLabel(s.text)) && inside && !restIsColumn && STUB.test(headerLabel(s.text + rest.text));
  return bracketed || stub ? { rest, at: i + 2 } : null;
}

/**
 * A label wrapped in a cell that is centred down a header three lines high prints its pieces on the first and the
 * last line, with its neighbours' one-line labels between (`附属单位` / … / `上缴收入`, `对附属单位补` / … / `助支出`,
 * `年末结转和` / … / `结余`). The lower piece is the label's rest when it is the only label under the upper one and
 * either the two together name a column of the template that the lower one alone does not, or it is set under the
 * upper one (same start or centre, or within its width) and is no label of its own. A group label (基本支出 over
 * 人员经费) heads labels that name columns by themselves.
 */
function centredWrap(lines: readonly Cell[][], i: number, s: Cell): { rest: Cell; at: number } | null {
  // A rest two lines down at least (restBelow): over the header's last two lines no run is gathered to find none.
  if (i + 2 >= lines.length) return null;
  // Labels one space apart stand where their printed run put them, not over their columns (packedWindows): a run's
  // labels are read as wrapped only when each of them finds its rest, so that none is left over its columns alone.
  const run = [s];
  for (let grown = true; grown; ) {
    grown = false;
    for (const o of lines[i]) {
      if (run.includes(o) || !run.some((r) => Math.abs(o.end - r.start) <= 1 || Math.abs(r.end - o.start) <= 1)) continue;
      run.push(o);
      grown = true;
    }
  }
  return run.every((o) => o === s || restBelow(lines, i, o) !== null) ? restBelow(lines, i, s) : null;
}

/** A column's label or a text column's, as the template names it; else null. */
const templateKeyOf = (t: string) => columnKeyFor(headerLabel(t)) ?? textColumnKeyFor(headerLabel(t));

/** Whether a piece names no column by itself and completes the label's name of one (`附属单位上缴` / `收入`). */
const completes = (label: Cell, rest: Cell) => templateKeyOf(label.text + rest.text) !== null && templateKeyOf(rest.text) === null;

/**
 * Whether a label reads on into a piece that is a label of the template by itself: together they name the column the
 * label names, and the piece alone names no part of a total but the total's word or a side's title that ends the
 * column's name (`政府性基金` / `预算`, `附属单位上缴` / `收入`). A part (`基本支出` beside a table's name
 * `一般公共预算支出`, `公务用车运行` beside its group `公务用车购置及运行维护费`) is a column of its own.
 */
function readsOn(label: Cell, rest: Cell): boolean {
  const joined = templateKeyOf(label.text + rest.text);
  const own = templateKeyOf(rest.text);
  return joined !== null && (templateKeyOf(label.text) ?? joined) === joined && (own === null || !isTotalPart(own));
}

function restBelow(lines: readonly Cell[][], i: number, s: Cell): { rest: Cell; at: number } | null {
  if (i + 2 >= lines.length || SIDE_TITLES.test(headerLabel(s.text)) || STUB.test(headerLabel(s.text))) return null;
  if (lines[i + 1].some((o) => overlaps(o, s))) return null;
  // The one label below (none or a second: no rest), found without listing every label under the piece: this is asked
  // of each label of a packed run for each of its neighbours (centredWrap). Pieces of one label centred down a header
  // five lines high or more stand every other line (`对附属` / … / `单位补` / … / `助支出` beside `上缴上` / `级支出`):
  // where only all of them together name a column of the template, the nearest is the rest, and the next that one's in
  // turn.
  let rest: Cell | null = null;
  let at = -1;
  let last = -1;
  let stack = s.text;
  for (let k = i + 2; k < lines.length; k++) {
    for (const o of lines[k]) {
      if (!overlaps(o, s, 1)) continue;
      if (rest === null) {
        rest = o;
        at = k;
      } else if (k !== last + 2) return null;
      last = k;
      stack += o.text;
    }
  }
  if (rest === null) return null;
  if (last !== at && (templateKeyOf(stack) === null || templateKeyOf(s.text) !== null || templateKeyOf(s.text + rest.text) !== null)) return null;
  const setAt = (o: Cell, x: Cell) => Math.abs(o.start - x.start) <= 1 || Math.abs(center(o) - center(x)) <= 1;
  // A piece set under another as wide (a wrapped label fills its cell's width first) is the middle or the foot of a
  // longer stack (`财政专` / `户管理` / `资金`), which stackedLabels and the column tree read; a narrower label over it
  // is its group (财政拨款 over 政府性基金预算).
  if (lines.slice(0, i).some((l) => l.some((o) => overlaps(o, s, 1) && setAt(o, s) && o.text.length >= s.text.length))) return null;
  // The first piece fills its cell's width (the letters of a spread `项   目` / `栏   次` are no wrapped label).
  if (STUB.test(headerLabel(rest.text)) || s.text.length < 3 || rest.text.length > s.text.length) return null;
  const inside = rest.start >= s.start - 1 && rest.end <= s.end + 1;
  return completes(s, rest) || ((inside || setAt(rest, s)) && !isKnownLabel(headerLabel(rest.text))) ? { rest, at } : null;
}

/**
 * `bodyAmounts`: the amount cells of the table's rows, asked only where a leaf label stands above the header's lowest
 * line (a header printed on one line, or with its groups over leaves all of one line, never asks).
 */
export function alignedHeader(headerLines: readonly Cell[][], asked: SidesAre, bodyAmounts: () => readonly Cell[] = () => []): AlignedHeader {
  const read = stackedLabels(continuedLabels(packedRests(headerLines.map(splitCells)))).map(joinedLetters);
  // A header that opens with 收入 | 支出 over its halves is a summary's, whatever its title makes the table (西安
  // 政府性基金收支表, printed as its 收支总表 is): the titles name the sides, no columns.
  const titled = read.length > 0 && read[0].length === 2 && read[0].every((s) => SIDE_TITLES.test(headerLabel(s.text)));
  const sidesAre: SidesAre = titled && asked === 'lists' ? 'summary' : asked;
  const lines = titled ? read.slice(1) : read;
  // Period labels head blocks of columns, not groups of the tree: they are taken out before it is built.
  const periods = periodsOf(lines);
  const stubs: Placed[] = [];
  let amount: Placed[] = [];
  lines.forEach((segs, line) => {
    if (periods.some((p) => p.line === line)) segs = segs.filter((s) => !periods.some((p) => p.start === s.start));
    // The unit-code column (单位编码, 预算单位代码) is the row's, as the row-name labels are, not an amount's.
    for (const s of segs) {
      const label = headerLabel(s.text);
      // A row-name label may name in brackets whose rows it lists (支出项目类别（资金使用单位）, 广州 部门预算表).
      const named = STUB.test(label) || STUB.test(label.replace(/[(（][^()（）]*[)）]$/, ''));
      (named || UNIT_CODE.test(label) || textColumnKeyFor(label) ? stubs : amount).push({ ...s, line });
    }
  });
  amount = amount.filter((a) => {
    if (columnKeyFor(headerLabel(a.text))) return true;
    // The labels under it, counted where they stand (the row-name labels, this filter's among them, and the amount
    // labels as read): not copied into one list for every label.
    let below = 0;
    let codes = 0;
    for (const labels of [stubs, amount]) {
      for (const o of labels) {
        if (o.line <= a.line || !overlaps(o, a)) continue;
        below++;
        if (CODE_STUB.test(headerLabel(o.text))) codes++;
      }
    }
    if (below === 0 || codes < below) return true;
    stubs.push(a);
    return false;
  });
  // Whatever sits under the row-name labels (a 合计 printed in the name column) is not an amount column.
  const firstStubs = stubs.filter((s) => s.start < 12);
  const stubEnd = Math.max(-1, ...firstStubs.map((s) => s.end));
  for (const s of amount.filter((a) => a.end <= stubEnd)) stubs.push(s);
  amount = amount.filter((a) => a.end > stubEnd);
  // The code label of the same side (功能分类科目编码 beside 功能分类科目名称) does not open a second side. A label
  // naming a classification's 科目, its scope in brackets aside (西安's `支出功能分科目（按大类）`, `部门预算支出经济
  // 科目（按大类）`), heads that panel's names as 功能分类科目名称 does.
  const isNameStub = (s: Placed) => /^(?:收入|支出)?项目$|分类|名称$|内容$|科目(?:[(（][^()（）]*[)）]?)?$/.test(headerLabel(s.text)) && !/编码$/.test(headerLabel(s.text));
  const panelStubs = panelsOf(stubs.filter(isNameStub), amount);
  const panels = sidesAre === 'summary' && panelStubs.length >= 3 ? extraPanels(panelStubs, amount, lines) : [];
  if (panels.length > 0) {
    // The extra panels' labels are read with their rows (draft.ts folds them under the first expenditure panel).
    const inPanel = (s: Placed) => center(s) >= panels[0].cut;
    stubs.splice(0, stubs.length, ...stubs.filter((s) => !inPanel(s)));
    amount = amount.filter((s) => !inPanel(s));
  }
  const nameStubs = stubs.filter(isNameStub);
  const rightStub =
    panels.length > 0 ? panelStubs[1] : nameStubs.find((s) => nameStubs.some((o) => o.line === s.line && o.start < s.start - 10));
  const crosswalk = rightStub !== undefined && !amount.some((a) => a.end <= rightStub.start);
  const twoSided = sidesAre !== null && rightStub !== undefined && !crosswalk;
  // Where the right side begins: its name label, or for two lists side by side the first label of its stub (科目编码
  // before 科目名称, the national 基本支出决算表), over which `pdftotext -layout` may print the list's own label.
  const leftEnd = twoSided ? Math.max(-1, ...amount.filter((a) => a.line === rightStub!.line && a.end <= rightStub!.start).map((a) => a.end)) : -1;
  const rightStart = !twoSided
    ? Infinity
    : sidesAre === 'lists'
      ? Math.min(rightStub!.start, ...stubs.filter((s) => s.line === rightStub!.line && s.start > leftEnd).map((s) => s.start))
      : rightStub!.start;
  // Two lists side by side (人员经费 | 公用经费), each named by one label above its code, name and amount columns:
  // the label heads its side's amounts wherever it is printed over the side.
  if (twoSided && sidesAre === 'lists') {
    const sideOfPos = (x: Cell) => (center(x) < rightStart ? 0 : 1);
    amount = amount.map((s) => {
      const below = amount.filter((o) => o.line > s.line && sideOfPos(o) === sideOfPos(s));
      const peers = amount.filter((o) => o.line === s.line && sideOfPos(o) === sideOfPos(s));
      if (peers.length !== 1 || below.length === 0 || below.some((o) => overlaps(o, s))) return s;
      return { ...s, start: Math.min(...below.map((o) => o.start)), end: Math.max(...below.map((o) => o.end)) };
    });
  }

  // A single label over the whole header (决算数, 收入预算, 2024年“三公”经费预算数) names the table, not a group.
  const amountLines = [...new Set(amount.map((s) => s.line))].sort((a, b) => a - b);
  const firstLine = amount.filter((s) => s.line === amountLines[0]);
  // It stands over the header: no label wrapped down from above it (合计 alone on its line is a column's where the labels
  // beside it wrap above and below it, one of them centred down a header five lines high). … unless it is a group of
  // the template (公务用车购置及运行费 alone above 小计 / 购置费 / 运行费), the group of a 小计 printed off it (see
  // subtotalOwnedBy), or centred over a block of the columns off the header's middle (see headsBlock).
  const lone =
    amountLines.length > 1 &&
    firstLine.length === 1 &&
    !twoSided &&
    !templateMembers(headerLabel(firstLine[0].text)) &&
    !amount.some((o) => o.line - (o.rise ?? 0) < firstLine[0].line);
  const owned = lone ? subtotalOwnedBy(firstLine[0], amount) : null;
  if (lone && !owned && !headsBlock(firstLine[0], amount)) amount = amount.filter((s) => s.line !== amountLines[0]);
  // Labels side by side over the header are groups, none the table's name: each opens the 小计 printed off it, the
  // nearest left of it with no other of them between (杭州 表2: 本年收入 printed over 财政专户管理资金 heads 小计 …
  // 其他收入; 上年结转结余 over 政府性基金预算 heads 小计 … 单位资金).
  const owners = new Map<Placed, Placed>(owned ? [[firstLine[0], owned]] : []);
  if (amountLines.length > 1 && firstLine.length > 1 && !twoSided) {
    for (const g of firstLine) {
      const s = orphanSubtotal(g, amount);
      if (s && !firstLine.some((o) => o !== g && o.start >= s.end && o.end <= g.start)) owners.set(g, s);
    }
  }

  const lowest = Math.max(-1, ...amount.map((s) => s.line));
  // A label wrapped down a centred cell (rise) stands, as its neighbours see it, halfway between its pieces: the
  // lowest labels are those of the lowest line and those level with it.
  const levelOf = (s: Placed) => s.line - ((s.rise ?? 0) >> 1);
  const lowestLevel = Math.max(-1, ...amount.map(levelOf));
  const isLowest = (s: Placed) => s.line === lowest || levelOf(s) === lowestLevel;
  // A label that opens a 小计 off it heads that block, whether or not it stands over one of its labels (杭州 表2 PDF:
  // 上年结转结余 between the tops of 政府性基金预算 and 国有资本经营预算, over neither).
  const isLeaf = (s: Placed) => !owners.has(s) && !amount.some((o) => o.line > s.line && overlaps(o, s));
  let leaves = amount.filter(isLeaf);
  const groups: Placed[] = amount.filter((s) => !isLeaf(s));
  // A short label centred between two labels of the lowest line (合计 over 预算数 决算数) is their group. Centred over
  // a block of labels of unequal length (预算数 over 总计 一般公共预算 政府性基金预算 …), it sits a few columns off the
  // middle gap: up to six on either side. So is a group of the template between labels of any lower lines (基本支出
  // between 人员支出 and 日常公用支 / 出, 杭州).
  const numbers = columnNumbers(headerLines);
  // A column number printed under a label, nearer to it than to any other leaf, makes it a column whatever stands
  // beside it (杭州 表2: `国有资本 / 经营预算` over 15, between 政府性基金预算 and 财政专户管理资金 of lower lines).
  const numberedColumn = (s: Placed) =>
    numbers?.some((n) => leaves.every((o) => o === s || Math.abs(center(n) - center(s)) < Math.abs(center(n) - center(o)))) ?? false;
  // The rows' amounts, grouped by where they end, show where the columns are: a label over amounts that all stand
  // under another label as well (西安 2022 支出总表 -layout L497-L508: 公共预算拨款 at 51–57 between 小计 at 48–50 and
  // `其中：专项资金…` at 58–64, the column's amounts ending at 55 under 小计 too) heads no column of its own. A label
  // over no amounts at all is an empty column's (上年 / 结转 of its 收入总表, L459–L461, empty in every row). Amounts
  // under the other label are its own only where it has no others: a label over two edges, one of them shared, leaves
  // the shared one to the label beside it. At a coarser pitch a row's amounts stand right of their labels (西安 2022
  // “三公” table at pdftotext -layout -fixed 5: 2022年 合计 at 74–76, its amounts ending at 80 under 小计 at 79–81 too,
  // whose own end at 85) and 合计 is a column, not a group over 培训费 and 小计.
  // Read off the rows only when a leaf above the lowest line asks: every header paid for listing and sorting the rows'
  // amounts before (some 1 % of parse CPU on the synthetic corpus), whether a label asked or not.
  let edgesRead: Cell[] | undefined;
  const amountEdgesOfRows = () => (edgesRead ??= amountEdges(bodyAmounts()).edges);
  const ownsNoAmounts = (s: Placed) => {
    const edges = amountEdgesOfRows();
    const under = edges.filter((e) => overlaps(e, s));
    const onlyUnder = (o: Placed) => !edges.some((f) => overlaps(f, o) && !overlaps(f, s));
    return under.length > 0 && under.every((e) => leaves.some((o) => o !== s && overlaps(e, o) && onlyUnder(o)));
  };
  // A group of the template between two labels printed lower that are its members (or the 小计 of them) heads them
  // however far it stands from them: at another character pitch than the PDF's (`pdftotext -layout -fixed 4`, 广州
  // 水务局 2026 表11) a label prints in fewer columns than it covers, and 财政拨款 at 104–108 stands 8 and 3 columns off
  // 一般公共预算 and 政府性基金预算 under it, over the end of the first one's amounts. Between its members it is no column
  // of its own: a template group printed as a column stands before them.
  const betweenMembers = (s: Placed, below: readonly Placed[]) => {
    const members = templateMembers(headerLabel(s.text)) ?? [];
    const left = below.filter((o) => o.end <= s.start).sort((a, b) => b.end - a.end)[0];
    const right = below.filter((o) => o.start >= s.end).sort((a, b) => a.start - b.start)[0];
    const member = (o: Placed | undefined) => o !== undefined && members.includes(columnKeyFor(headerLabel(o.text)) ?? '');
    return (member(left) || (left !== undefined && isSubtotal(left))) && member(right);
  };
  // Where no column numbers say it, the rows' amounts standing at as many right edges as there are labels left to
  // read as columns or groups, each ending past the start of its label in order, say that a label over its own edge
  // is a column (西安 2022 “三公” table at pdftotext -layout -fixed 6: 27 edges, 27 labels; 公务接待费 and 小计 stand 2
  // to 6 columns from 因公出国 and 公务用车购置费 of lower lines and would read as a group over them). A group of the
  // template stays one (see betweenMembers): its members' amounts may stand off its label in ragged edges. Edges ending
  // before the first label (a row's number or code) are no amount column's.
  // Worked out at the first label asked of, from the leaves as they stand before any is found a group.
  let edgesRight: { each: boolean; edges: Cell[]; inOrder: Placed[] } | undefined;
  const rightEdges = () => {
    if (edgesRight) return edgesRight;
    const firstLabel = Math.min(...leaves.map((s) => s.start));
    const edges = amountEdgesOfRows().filter((e) => e.end > firstLabel);
    const inOrder = [...leaves].sort((a, b) => center(a) - center(b));
    const each = numbers === null && edges.length === leaves.length && edges.every((e, k) => e.end > inOrder[k].start);
    return (edgesRight = { each, edges, inOrder });
  };
  const overOwnEdge = (s: Placed) => {
    const { each, edges, inOrder } = rightEdges();
    return each && overlaps(edges[inOrder.indexOf(s)], s);
  };
  // A label centred over the amount labels of its side (between the row-name labels either side of it), every other
  // label there below it, heads them however far it stands from the nearest: at a finer character pitch than the PDF's
  // a label prints in fewer columns than it covers (烟台 水利局 2026 财政拨款收支总体情况表, `pdftotext -layout -fixed 4` L513–L515: 预算数 at 153–156
  // over 总计 at 123–125 … 国有资本经营预算 at 179–187, 8 columns right of 一般公共预算's end).
  const centredOverSide = (s: Placed, below: readonly Placed[]) => {
    const from = Math.max(-1, ...stubs.filter((o) => o.end <= s.start).map((o) => o.end));
    const to = Math.min(Infinity, ...stubs.filter((o) => o.start >= s.end).map((o) => o.start));
    const side = below.filter((o) => o.start >= from && o.end <= to);
    const others = leaves.filter((o) => o !== s && o.start >= from && o.end <= to);
    if (side.length < 3 || others.some((o) => !side.includes(o))) return false;
    const first = Math.min(...side.map((o) => o.start));
    const last = Math.max(...side.map((o) => o.end));
    return Math.abs(center(s) - (first + last) / 2) <= 3;
  };
  leaves = leaves.filter((s) => {
    if (isLowest(s) || numberedColumn(s)) return true;
    const group = templateMembers(headerLabel(s.text)) !== null;
    if (!group && overOwnEdge(s)) return true;
    // A label whose first piece stands on this one's line or above it (`事业单位经营` / … / `支出`) is its peer. Where
    // the rows print nothing under this one alone, the columns printed lower beside it are its members too.
    const amountless = ownsNoAmounts(s);
    const below = amount.filter(
      (o) => (isLowest(o) || ((group || (amountless && leaves.includes(o))) && o.line > s.line)) && o.line - (o.rise ?? 0) > s.line,
    );
    // A label whose stack starts on the line of this one's first piece, beside it (政府性基 / 金预算拨 / 款 beside
    // 国有资本 / 经营预算), is a longer label wrapped further: a peer, not a member.
    const heads = amount.filter((x) => x.line < s.line && overlaps(x, s));
    const headed = (o: Placed) => amount.some((x) => heads.some((h) => h.line === x.line) && overlaps(x, o) && !overlaps(x, s));
    const left = below.filter((o) => o.end <= s.start && s.start - o.end <= 6 && !headed(o));
    const right = below.filter((o) => o.start >= s.end && o.start - s.end <= 6 && !headed(o));
    const between = (left.length > 0 && right.length > 0) || (group && betweenMembers(s, below)) || centredOverSide(s, below);
    if (between && !below.some((o) => overlaps(o, s))) {
      groups.push(s);
      return false;
    }
    return true;
  });
  leaves.sort((a, b) => center(a) - center(b));
  const numbered = snapToColumnNumbers(leaves, numbers, twoSided ? rightStart : Infinity);
  leaves = numbered.leaves;

  // A leaf's whole label is its stack of labels between the group and the leaf (一般公共 / 预算拨款).
  const labelUnder = (g: Placed, leaf: Placed) =>
    headerLabel(amount.filter((o) => o.line > g.line && overlaps(o, leaf)).sort((a, b) => a.line - b.line).map((o) => o.text).join(''));
  const cycle = breakdownCycle(leaves, groups, amount);
  // Under a repeated breakdown, a group's members are named by the labels over their blocks (小计, 公务用车购置费),
  // not by the breakdown's own labels under them.
  const blockLabel = (g: Placed, leaf: Placed) => {
    const first = Math.floor(leaves.indexOf(leaf) / cycle) * cycle;
    const block = { text: '', start: leaves[first].start, end: leaves[first + cycle - 1].end };
    const over = amount.filter((o) => o.line > g.line && !leaves.includes(o) && overlaps(o, block) && !isBreakdownPiece(o, amount));
    return headerLabel(over.sort((a, b) => a.line - b.line).map((o) => o.text).join(''));
  };
  // A template group that opens a 小计 off it heads its members beside the block its label is centred over too: at a
  // finer character pitch than the PDF's the label prints narrower than the block, its centre left of the block's
  // (烟台 水利局 2026 一般公共预算“三公”经费支出情况表, `pdftotext -layout -fixed 4` L784–L787: 公务用车购置及运行维护费
  // at 53–65 over 小计 at 49–51, 公务用车购置 / 经费 at 60–67 and 公务用车运行 / 维护费 at 75–82).
  const coverage = (g: Placed, all: readonly Placed[]) =>
    withTemplateMembers(
      g,
      all,
      (owners.has(g) ? subtotalBlock(g, owners.get(g)!, all) : null) ?? cycleInstance(g, coverageOf(g, all), all, cycle, amount),
      cycle > 0 ? blockLabel : labelUnder,
    );
  // Each group's columns worked out once: which groups span columns and what each covers both ask.
  const coverages = new Map(groups.map((g) => [g, coverage(g, leaves)]));
  const spanning = groups.filter((g) => coverages.get(g)!.length >= 2);
  // The labels over one leaf are the first pieces of the leaf's label (一般公共 / 预算拨款, 政府性基金预算 / 财政拨款: a
  // fund over the template group it belongs to), up to one that names a column of its own over pieces that already
  // name another, neither heading the other in the template: a group the national template does not know, printed
  // over one of its columns (广州 其他资金收入 over 事业单 / 位经营 / 收入), names no part of that column.
  const namesTemplateColumn = (text: string) => {
    const key = columnKeyFor(headerLabel(text));
    return key !== null && key !== 'total';
  };
  const isMemberOf = (member: string, group: string) =>
    templateMembers(headerLabel(group))?.includes(columnKeyFor(headerLabel(member)) ?? '') ?? false;
  // A stage under a label (决算数 under 人员经费, a 决算's two lists) says which of its amounts the column is, not what.
  const apart = (upper: string, lower: string) =>
    namesTemplateColumn(upper) && namesTemplateColumn(lower) && !STAGE.test(headerLabel(lower)) &&
    !templateMembers(headerLabel(upper)) && !isMemberOf(upper, lower);
  const stackOf = (leaf: Placed) => {
    const over = groups
      .filter((g) => !spanning.includes(g) && g.line < leaf.line && overlaps(g, leaf))
      .sort((a, b) => b.line - a.line);
    const stack: Placed[] = [];
    let below = leaf.text;
    for (const g of over) {
      if (apart(g.text, below)) break;
      stack.unshift(g);
      below = g.text + below;
    }
    return stack;
  };

  // Rows of the grid are logical depths (how many groups sit above a label), not print lines: a label printed
  // lower than its neighbours is still at their level when no group covers it.
  const coverOf = (g: Placed) => coverages.get(g)!.map((l) => leaves.indexOf(l));
  // Two labels over the same columns: a lower one opening with a bracket continues the upper (因公出国 / （境）费);
  // otherwise the lower one is their group and the upper one names a wider block.
  const covering = spanning.map((g) => ({ g, covered: coverOf(g), label: g.text }));
  // Header groups nest. A wide group label printed off-centre (公务用车购置及运行维护费 over the edge of its 小计) reaches
  // into only part of a lower group's columns: it heads all of them.
  for (let grown = true; grown; ) {
    grown = false;
    for (const o of covering) {
      for (const x of covering.filter((x) => x.g.line > o.g.line)) {
        const crossing = x.covered.some((c) => o.covered.includes(c)) && x.covered.some((c) => !o.covered.includes(c)) &&
          o.covered.some((c) => !x.covered.includes(c));
        if (!crossing) continue;
        o.covered = [...new Set([...o.covered, ...x.covered])].sort((a, b) => a - b);
        grown = true;
      }
    }
  }
  // The columns each covers as one key, made once for the comparisons of every pair below.
  const columnsKey = new Map(covering.map((o) => [o, o.covered.join()]));
  const sameColumns = (x: (typeof covering)[number], o: (typeof covering)[number]) => columnsKey.get(x) === columnsKey.get(o);
  for (const o of covering) {
    const above = covering.filter((x) => x.g.line < o.g.line && sameColumns(x, o));
    if (above.length > 0 && /^[（(]/.test(o.g.text)) o.label = above.map((x) => x.g.text).join('') + o.g.text;
  }
  const spans = covering.filter((o, _, all) => !all.some((x) => x.g.line > o.g.line && sameColumns(x, o)));
  const depthOf = (covered: readonly number[], line: number) =>
    spans.filter((o) => o.g.line < line && covered.every((c) => o.covered.includes(c)) && o.covered.length > covered.length).length;
  // Each depth worked out once: sizing the grid and filling it both ask it.
  const spanDepths = spans.map((o) => depthOf(o.covered, o.g.line));
  const leafDepths = leaves.map((l, c) => depthOf([c], l.line));
  const grid: string[][] = Array.from({ length: Math.max(1, ...[...spanDepths, ...leafDepths].map((d) => d + 1)) }, () =>
    new Array(leaves.length).fill(''),
  );
  leaves.forEach((leaf, c) => {
    grid[leafDepths[c]][c] = headerLabel([...stackOf(leaf).map((g) => g.text), leaf.text].join(''));
  });
  spans.forEach(({ covered, label }, k) => {
    grid[spanDepths[k]][covered[0]] ||= headerLabel(label);
  });

  const sideOf = (leaf: Placed): Side | null =>
    twoSided ? (center(leaf) < rightStart ? 'income' : 'expenditure') : null;
  const sides: (Side | null)[] = twoSided ? ['income', 'expenditure'] : [null];
  const columns: DraftColumn[] = [];
  const identities: ColumnIdentity<number>[] = [];
  const positions: AlignedColumn[] = [];
  const periodOf = twoSided ? null : periodBlocks(periods, leaves);
  const blocks = sides.flatMap((side) => (periodOf ? periods.map((_, k) => ({ side, period: k })) : [{ side, period: -1 }]));
  for (const { side, period } of blocks) {
    const idx = leaves.map((l, c) => (sideOf(l) === side && (period < 0 || periodOf![c] === period) ? c : -1)).filter((c) => c >= 0);
    if (idx.length === 0) continue;
    const part = headerColumns(grid, idx[0], idx[idx.length - 1], twoSided && sidesAre === 'summary' ? side : null, columns.length);
    if (period >= 0) part.columns = periodColumns(part.columns, periods, period, columns.length);
    columns.push(...part.columns);
    identities.push(...part.identities);
    for (const cell of part.cells) {
      const at = numbered.at.get(leaves[cell]) ?? leaves[cell];
      positions.push({ start: at.start, end: at.end, side });
    }
  }
  const counters = rowNumberColumns(
    stubs.filter((x) => ROW_NUMBER_LABEL.test(headerLabel(x.text))),
    [...stubs, ...positions],
  );
  const unitCodes = stubs.filter((x) => UNIT_CODE.test(headerLabel(x.text)));
  // 类, 款 and 项 head code columns together on one line; a lone one is a wrapped label's last letter (政府性基 /
  // 金预算拨 / 款) that its label did not take in, set a column off it.
  const codeLabels = stubs.filter(
    (x) => /^[类款项]$/.test(headerLabel(x.text)) && stubs.some((y) => y !== x && y.line === x.line && /^[类款项]$/.test(headerLabel(y.text))),
  );
  const codeColumns = ['类', '款', '项'].map((c) => codeLabels.find((x) => headerLabel(x.text) === c));
  const otherCodeColumns = codeLabels
    .filter((x) => !codeColumns.includes(x))
    .sort((a, b) => a.start - b.start);
  const textColumns = stubs.flatMap((x) => {
    const key = textColumnKeyFor(headerLabel(x.text));
    return key ? [{ text: x.text, start: x.start, end: x.end, key }] : [];
  });
  const nameColumns = stubs.filter((x) => /项目$|名称$|^[一二三]级$|大类$|功能分类(?:科目)?$|^预算单位$/.test(headerLabel(x.text)));
  return {
    sidesAre,
    columns,
    positions,
    identities,
    counters,
    unitCodes,
    otherCodeColumns,
    textColumns,
    nameColumns,
    codeColumns: codeColumns.every((c) => c !== undefined) && !twoSided ? (codeColumns as Cell[]) : null,
    rightStubStart: twoSided ? rightStub!.start : null,
    crosswalkStart: crosswalk ? rightStub!.start : null,
    twoSided,
    packed: headerLines.flat().filter((s) => PACKED_GAP.test(s.text)),
    panels: twoSided ? panels : [],
  };
}

/**
 * The panels of a header, left to right: each opens with a row-name label (项目名称, 功能科目名称) that has an amount
 * label between it and the previous panel's names. Labels of one panel's names stacked over each other (功能分类 over
 * 功能科目名称) stay one panel. Returns the first name label of each panel.
 */
function panelsOf(nameStubs: readonly Placed[], amount: readonly Placed[]): Placed[] {
  const sorted = [...nameStubs].sort((a, b) => a.start - b.start);
  const panels: Placed[] = [];
  let namesEnd = -Infinity;
  for (const s of sorted) {
    if (panels.length === 0 || amount.some((a) => a.start >= namesEnd && a.end <= s.start)) panels.push(s);
    namesEnd = Math.max(namesEnd, s.end);
  }
  return panels;
}

/**
 * The panels beyond the second of a summary (收入 | 支出 by 功能分类 | 支出 by 支出用途, as the national 收支总表 prints
 * expenditure both ways): each begins halfway between the previous panel's last amount label and its own names, and is
 * titled by the label above its names that is neither a name nor an amount (支出用途), else by its place.
 */
function extraPanels(panelStubs: readonly Placed[], amount: readonly Placed[], lines: readonly Cell[][]): ExtraPanel[] {
  const afters = panelStubs.map((s) => Math.max(...amount.filter((a) => a.end <= s.start).map((a) => a.end)));
  const cuts = panelStubs.map((s, k) => (afters[k] + s.start) / 2);
  return panelStubs.slice(2).map((s, k) => {
    const cut = cuts[k + 2];
    const next = cuts[k + 3] ?? Infinity;
    const title = lines
      .slice(0, s.line)
      .flat()
      .find((o) => center(o) >= cut && center(o) < next && !isKnownLabel(headerLabel(o.text)) && !SIDE_TITLES.test(o.text));
    const label = title ? headerLabel(title.text) : `支出第${k + 2}栏`;
    return { cut, after: afters[k + 2], namesEnd: s.end, shift: s.start - panelStubs[1].start, label };
  });
}

/** A period label: its year (上年 before 本年), or null for the change between the periods. */
interface Period extends Placed {
  year: number | null;
  /** The stage a block prints (预算数 beside 决算数 in final accounts), or null for a block of a year. */
  stage: 'budget' | 'actual' | null;
}

/**
 * Period labels that each head a block of columns (`2025年预算数` over six columns, `2026年预算数` over the next six,
 * as 三公 tables print this year beside last year; 陕西's `2021年 | 2022年 | 增减变化情况`): two or more on a line of
 * nothing else, with labels printed under them, each year once and in order.
 */
function periodsOf(lines: readonly Cell[][]): Period[] {
  for (let line = 0; line < lines.length - 1; line++) {
    const labels = lines[line].map((s) => headerLabel(s.text));
    // 预算数 | 决算数 each over a block of items (final accounts' 三公 table), not printed under every item, the row
    // names' 项目 beside them where the table has a stub (一般公共预算财政拨款支出决算表: 全年预算数 | 决算数).
    const banded = lines[line].filter((s) => !STUB.test(headerLabel(s.text)));
    const heads = lines.slice(line + 1).some((l) => l.length > banded.length);
    const stages = banded.map((s) => bandStage(headerLabel(s.text)));
    if (banded.length === 2 && stages.every((t) => t !== null) && stages[0] !== stages[1] && heads) {
      return banded.map((s, k) => ({ ...s, line, year: null, stage: stages[k] }));
    }
    if (labels.length < 2 || !labels.every((t) => PERIOD.test(t) || CHANGE.test(t))) continue;
    const years = labels.map((t) => (CHANGE.test(t) ? null : Number(PERIOD.exec(t)![1] ?? (/^上年/.test(t) ? 0 : 1))));
    const dated = years.filter((y) => y !== null);
    if (dated.length === 0 || new Set(dated).size !== dated.length || dated.some((y, k) => k > 0 && y < dated[k - 1])) continue;
    return lines[line].map((s, k) => ({ ...s, line, year: years[k], stage: null }));
  }
  return [];
}

/**
 * The period block of each leaf, or null when the header has no periods. Blocks of equal width that each open with
 * their 合计 are split by count, wherever their labels stand (陕西 prints them far left of their columns); otherwise
 * each leaf goes to the nearest period label.
 */
function periodBlocks(periods: readonly Period[], leaves: readonly Placed[]): number[] | null {
  if (periods.length === 0) return null;
  const size = leaves.length / periods.length;
  if (Number.isInteger(size) && periods.every((_, k) => columnKeyFor(headerLabel(leaves[k * size].text)) === 'total')) {
    return leaves.map((_, c) => Math.floor(c / size));
  }
  const distance = (p: Cell, leaf: Placed) => Math.abs(center(p) - center(leaf));
  return leaves.map((leaf) => periods.reduce((best, p, k) => (distance(p, leaf) < distance(periods[best], leaf) ? k : best), 0));
}

/**
 * A period block's columns: labels name the period. The latest year's block, the one the document is about, keeps
 * the standard keys; an earlier year's keep them apart with `-previous`, so that each year's block is checked on its own;
 * a stage's take its suffix (`total-budget`, `total-actual`), as 预算数 / 决算数 printed under every item do; the change
 * block keys by position. `offset` is the number of columns before the block.
 */
function periodColumns(columns: DraftColumn[], periods: readonly Period[], k: number, offset: number): DraftColumn[] {
  const { year, stage } = periods[k];
  const latest = Math.max(...periods.map((p) => p.year ?? -1));
  const period = headerLabel(periods[k].text);
  const keyOf = (key: string, i: number) => {
    if (year === null && !stage) return positionalKey(offset + i + 1);
    if (isPositionalKey(key) || year === latest) return key;
    return `${key}-${stage ?? 'previous'}`;
  };
  return columns.map((c, i) => ({
    ...c,
    label: c.label.startsWith(period) ? c.label : `${period}${c.label}`,
    key: keyOf(c.key, i),
  }));
}

/**
 * Where a side's amount columns print, read off its data: `pdftotext -layout` gives a CJK label one position per
 * letter though it is printed twice as wide, so labels drift left of the amounts they head (福州: 基本支出 at 43–47,
 * its amounts ending at 55, nearer 项目支出 at 59–63). A row with as many amounts as the side has columns fills every
 * column in order (the placement can do nothing else with it), so its amounts show each column's window. When such
 * rows agree (each column's window clear of the next), the windows are theirs. Without such a row, where the rows'
 * amounts are right-aligned, their right edges together (rightEdgeWindows); otherwise the header's positions stand.
 */
export function amountWindows(
  positions: readonly AlignedColumn[],
  rows: readonly (readonly Cell[])[],
  packed: readonly Cell[] = [],
): AlignedColumn[] {
  const full = rows.filter((r) => r.length === positions.length && r.length > 1);
  if (full.length === 0) {
    const fitted = packedWindows(positions, () => rows, packed);
    return rightEdgeWindows(fitted, rows) ?? fitted;
  }
  const windows = positions.map((p, j) => ({
    start: Math.min(...full.map((r) => r[j].start)),
    end: Math.max(...full.map((r) => r[j].end)),
    side: p.side,
  }));
  return windows.every((w, j) => j === 0 || windows[j - 1].end < w.start) ? windows : [...positions];
}

/**
 * Labels that `pdftotext -layout` packed into one run one space apart (`一般公共预 政府性基金 国有资本经` at 61–78 in
 * 烟台's 政府采购 table) may have lost their places: the run begins where its first column does, but the rest follow
 * closer than their columns are apart (there 1,494.24 at 64–72 and 60.00 at 70–75 are both 一般公共预算's, 60.00 right
 * of 政府性基金's label). Under such a run the amounts say where the columns are: amounts that overlap from row to row
 * are one column's (no row prints two of them). When the first window begins within the run's first label, it is that
 * column's, the one place the run keeps. The other windows follow in order when there are as many as columns, or when
 * the labels stand closer than the amounts are wide; otherwise the labels keep their places (三公's `公务用车购置
 * 公务用车运行` over `经费  维护费`, 13.40 under the second and nothing under the first). A column of the run left
 * without a window (no row prints it) sits just past the one before it.
 */
export function packedWindows(
  positions: readonly AlignedColumn[],
  amountRows: () => readonly (readonly Cell[])[],
  packed: readonly Cell[],
): AlignedColumn[] {
  const out = [...positions];
  // The rows' amount cells, asked of only under a run of packed labels: most tables print none.
  let rows: readonly (readonly Cell[])[] | undefined;
  // Runs stacked over the same columns (`一般公共预 政府性基金 …` over `预算收入 营预算收入`) are one.
  for (const run of overlapping(packed)) {
    const mid = (p: AlignedColumn) => (p.start + p.end) / 2;
    const cols = positions.map((_, j) => j).filter((j) => mid(positions[j]) >= run.start && mid(positions[j]) <= run.end);
    if (cols.length < 2) continue;
    const first = packed.filter((p) => overlaps(p, run)).sort((a, b) => a.start - b.start)[0];
    const firstEnd = first.start + first.text.split(PACKED_GAP)[0].length;
    const next = positions[cols[cols.length - 1] + 1]?.start ?? Infinity;
    rows ??= amountRows();
    const under = rows.map((r) => r.filter((a) => center(a) >= run.start && center(a) < next));
    const windows = overlapping(under.flat());
    const inOne = (r: readonly Cell[], w: Cell) => r.filter((a) => overlaps(a, w)).length;
    if (windows.length === 0 || windows.length > cols.length || windows[0].start >= firstEnd) continue;
    if (under.some((r) => windows.some((w) => inOne(r, w) > 1))) continue;
    const pitch = Math.min(...cols.slice(1).map((j) => positions[j].start - positions[j - 1].start));
    const squeezed = Math.max(...under.flat().map((a) => a.end - a.start)) > pitch;
    const taken = windows.length === cols.length || squeezed ? windows : windows.slice(0, 1);
    cols.forEach((j, i) => {
      const w = taken[i];
      if (w) out[j] = { start: w.start, end: w.end, side: positions[j].side };
      else if (taken.length === windows.length) out[j] = { start: out[j - 1].end + 1, end: out[j - 1].end + 1, side: positions[j].side };
    });
  }
  return out;
}

/** Segments merged where they overlap, left to right (the window of a column's amounts printed row under row). */
function overlapping(segs: readonly Cell[]): Cell[] {
  const windows: Cell[] = [];
  for (const s of [...segs].sort((a, b) => a.start - b.start)) {
    const last = windows[windows.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else windows.push({ text: '', start: s.start, end: s.end });
  }
  return windows;
}

/** The column-number row (`**  1  2  3`, `栏次  1`): consecutive numbers, each centred in its amount column. */
function columnNumbers(headerLines: readonly Cell[][]): Cell[] | null {
  for (const segs of headerLines) {
    const numbers = segs.filter((s) => columnNumberOf(s.text) !== null);
    if (numbers.length < 2 || !segs.every((s) => isColumnNumbering(headerLabel(s.text)))) continue;
    if (numbers.every((s, i) => columnNumberOf(s.text) === columnNumberOf(numbers[0].text)! + i)) return numbers;
  }
  return null;
}

/**
 * Labels wrapped in narrow columns (`事业单 / 位经营 / 收入`) may read as more leaves than there are columns; the
 * printed column numbers say how many there are and where. Leaves nearest the same number are one column, placed at
 * its number. Without a number for every column the labels stand as read. A two-sided table's sides (split at
 * `rightStart`) number their columns each on its own (栏次 1 | 栏次 2): no column reaches across to the other side.
 */
function snapToColumnNumbers(
  leaves: readonly Placed[],
  numbers: readonly Cell[] | null,
  rightStart: number,
): { leaves: Placed[]; at: Map<Placed, Cell> } {
  const at = new Map<Placed, Cell>();
  if (!numbers || numbers.length > leaves.length) return { leaves: [...leaves], at };
  const nearest = (l: Placed) =>
    numbers.reduce((best, n, k) => (Math.abs(center(n) - center(l)) < Math.abs(center(numbers[best]) - center(l)) ? k : best), 0);
  const byNumber: Placed[][] = numbers.map(() => []);
  for (const l of leaves) byNumber[nearest(l)].push(l);
  if (byNumber.some((b) => b.length === 0)) return { leaves: [...leaves], at };
  const merged = byNumber.map((b) => {
    if (b.length === 1) return b[0];
    const sorted = [...b].sort((x, y) => x.line - y.line || x.start - y.start);
    return {
      text: sorted.map((x) => x.text).join(''),
      start: Math.min(...b.map((x) => x.start)),
      end: Math.max(...b.map((x) => x.end)),
      line: Math.max(...b.map((x) => x.line)),
    };
  });
  // Each column reaches halfway to its neighbours' numbers on its side: right-aligned amounts end near that edge.
  const sideOf = (k: number) => (center(numbers[k]) < rightStart ? 0 : 1);
  const sameSide = (k: number) => k + 1 < numbers.length && sideOf(k) === sideOf(k + 1);
  const mid = (k: number) => (center(numbers[k]) + center(numbers[k + 1])) / 2;
  const firstOf = (k: number) => numbers.findIndex((_, j) => sideOf(j) === sideOf(k));
  const half = (k: number) => (sameSide(firstOf(k)) ? (center(numbers[firstOf(k) + 1]) - center(numbers[firstOf(k)])) / 2 : 4);
  merged.forEach((l, k) =>
    at.set(l, {
      text: numbers[k].text,
      start: k > 0 && sameSide(k - 1) ? mid(k - 1) : center(numbers[k]) - half(k),
      end: sameSide(k) ? mid(k) : center(numbers[k]) + half(k),
    }),
  );
  return { leaves: merged, at };
}

/**
 * The 小计 that a lone label over the header opens, when no label stands over it and a column of the header lies left
 * of it (合计): a 小计 is always some group's, so the label is that group, centred over its block rather than printed
 * over the 小计 (江苏 “三公”经费 over 小计 | 因公出国 | 公务用车… | 公务接待费, printed above 公务用车购置及运行维护费
 * only), not the table's name, which would head the whole header (其中：, 一般公共预算支出 over 小计 | 基本支出 | …).
 */
function subtotalOwnedBy(g: Placed, labels: readonly Placed[]): Placed | null {
  const s = orphanSubtotal(g, labels);
  if (!s) return null;
  // A group printed between them, right of the 小计, without a 小计 of its own is the one it opens (基本支出 centred
  // over 小计 | 人员经费 | 公用经费 under 预算数, 北京 预算05表).
  const heads = (o: Placed) => labels.some((x) => x.line > o.line && overlaps(x, o));
  const between = labels.filter((o) => o.line > g.line && o.line < s.line && o.start >= s.end && heads(o));
  return between.every((o) => labels.some((x) => isSubtotal(x) && x.line > o.line && overlaps(x, o))) ? s : null;
}

const isSubtotal = (s: Cell) => headerLabel(s.text) === '小计';

/**
 * Whether a lone label over the header heads a block of its columns rather than naming the table: set in the gap
 * between two of the lowest labels, over neither, centred over the two, and the header's middle outside them (长沙
 * 收入总体情况表: 本级财政拨款 between 金额 and 其中:经费拨款, 合计 left of them and six columns right). A table's
 * name stands over some label of the header, over the row-name labels (北京 预算11表 指导性目录 over 一级 | 二级 |
 * 三级), or in the middle of the header (上海 普陀区政府办公室 2025 收入预算总表: 收入预算 between 财政拨款收入 and
 * 事业收入, 合计 and 财政拨款收入 left of it, 事业单位经营收入 and 其他收入 right).
 */
function headsBlock(g: Placed, labels: readonly Placed[]): boolean {
  const lowest = labels
    .filter((o) => o.line > g.line && !labels.some((x) => x.line > o.line && overlaps(x, o)))
    .sort((a, b) => a.start - b.start);
  if (lowest.some((o) => overlaps(o, g))) return false;
  const covered = coverageOf(g, lowest);
  if (covered.length !== 2) return false;
  const [first, last] = covered;
  const middle = (lowest[0].start + lowest[lowest.length - 1].end) / 2;
  return Math.abs(center(g) - (first.start + last.end) / 2) <= 3 && (middle < first.start || middle > last.end);
}

/** The nearest 小计 left of a label, below it, with no label over it and a column of the header left of it. */
function orphanSubtotal(g: Placed, labels: readonly Placed[]): Placed | undefined {
  const orphans = labels.filter(
    (s) =>
      s.line > g.line && s.end <= g.start && isSubtotal(s) && !labels.some((o) => o.line < s.line && overlaps(o, s)) &&
      labels.some((o) => o.line > g.line && o.end <= s.start),
  );
  return orphans.sort((a, b) => b.start - a.start)[0];
}

/** The columns a group heads from its 小计 (see subtotalOwnedBy): up to the one that centres the block under its label. */
function subtotalBlock<T extends Cell>(g: Cell, subtotal: Cell, leaves: readonly T[]): T[] | null {
  const i = leaves.findIndex((l) => l.start === subtotal.start && l.text === subtotal.text);
  if (i < 0) return null;
  const offCentre = (j: number) => Math.abs((leaves[i].start + leaves[j].end) / 2 - center(g));
  let end = i;
  for (let j = i + 1; j < leaves.length; j++) if (offCentre(j) < offCentre(end)) end = j;
  return leaves.slice(i, end + 1);
}

/**
 * The leaves under a label: those it overlaps, and — for a label centred over columns it does not reach, or one much
 * wider than the single column it touches — the columns just beyond its edges on both sides.
 */
function coverageOf<T extends Cell>(g: Cell, leaves: readonly T[]): T[] {
  // Labels set edge to edge (`政府性基金` beside `国有资本经`) touch the next column by one position only: a column
  // the label overlaps outright is its own, the one-position slack only finds a column for a label that overlaps none.
  const strict = leaves.filter((l) => overlaps(g, l));
  const touched = strict.length > 0 ? strict : leaves.filter((l) => overlaps(g, l, 1));
  // 预算数 / 决算数 printed under every item (final accounts): an item label over one of them heads both.
  if (touched.length === 1 && STAGE.test(headerLabel(touched[0].text))) {
    const i = leaves.indexOf(touched[0]);
    const partner = [leaves[i - 1], leaves[i + 1]].find(
      (l) => l && STAGE.test(headerLabel(l.text)) && headerLabel(l.text) !== headerLabel(touched[0].text) &&
        Math.abs(center(l) - center(touched[0])) <= 12 && !pairedWithOther(leaves, l, touched[0]),
    );
    if (partner) return leaves.filter((l) => l === partner || l === touched[0]);
  }
  // At a finer character pitch than the PDF's an item label prints narrower than its cell, centred between its 预算数
  // and 决算数 and over neither (普陀 规划资源局 2024 “三公” table, `pdftotext -layout -fixed 4`: 合计 at 35–37 between
  // 预算数 at 27–30 and 决算数 at 41–44): it heads the pair beside it.
  if (touched.length === 0) {
    const pair = stagePairAround(g, leaves);
    if (pair) return pair;
  }
  // A label reaching into one column from the gap beside it, centred over that column and its neighbour across the
  // gap (北京 预算05表 PDF: 项目支出 over 项目支出总数 | 扣除基建项目后预算数), heads both.
  if (touched.length === 1) {
    const i = leaves.indexOf(touched[0]);
    const across = [leaves[i - 1], leaves[i + 1]].find((l) => l && (l.end <= g.start || l.start >= g.end));
    if (across) {
      const middle = (Math.min(across.start, touched[0].start) + Math.max(across.end, touched[0].end)) / 2;
      if (Math.abs(center(g) - middle) + 2 < Math.abs(center(g) - center(touched[0]))) {
        return leaves.filter((l) => l === across || l === touched[0]);
      }
    }
  }
  const wide = touched.length === 1 && g.end - g.start >= 2.5 * (touched[0].end - touched[0].start);
  if (touched.length > 1 || (touched.length === 1 && !wide)) return touched;
  const left = leaves.filter((l) => l.end <= g.start && g.start - l.end <= 4);
  const right = leaves.filter((l) => l.start >= g.end && l.start - g.end <= 4);
  return left.length > 0 && right.length > 0 ? [...left, ...touched, ...right] : touched;
}

/**
 * The length of the block of labels that the leaves repeat under items (一般公共预算 政府性基金预算 国有资本经营预算
 * under each of 总计, 因公出国(境)费, 公务接待费 …: each item broken down by fund), or 0. Each block must have its
 * item's label centred over it: items repeated under 预算数 and 决算数 are no breakdown of theirs.
 */
function breakdownCycle(leaves: readonly Placed[], groups: readonly Cell[], labels: readonly Placed[]): number {
  // A leaf's label goes on from the pieces printed over it alone that the breakdown prints again over other blocks: a
  // wrapped label reads as a piece over its rest where the rest sticks out past the piece's end (深圳 水务局 2026
  // “三公”经费支出表, `pdftotext -layout -fixed 4`: `国有资本经` at 110–115 over `营预算` at 113–116, within it in the
  // other blocks), as the breakdown's own group over a leaf of the same name.
  // A breakdown is two blocks of two labels at least: fewer leaves print none, and their labels are not read.
  if (leaves.length < 4) return 0;
  const alone = (o: Placed, l: Placed) => o.line < l.line && overlaps(o, l) && !leaves.some((x) => x !== l && overlaps(o, x));
  const over = (l: Placed) => labels.filter((o) => alone(o, l) && isBreakdownPiece(o, labels)).sort((a, b) => a.line - b.line);
  const texts = leaves.map((l) => headerLabel([...over(l), l].map((o) => o.text).join('')));
  let cycle = 0;
  for (let m = 2; m * 2 <= texts.length && cycle === 0; m++) {
    if (texts.length % m !== 0 || new Set(texts.slice(0, m)).size !== m) continue;
    if (texts.every((t, i) => i < m || t === texts[i - m])) cycle = m;
  }
  if (cycle === 0) return 0;
  const headed = new Set(groups.map((g) => headedBlock(g, coverageOf(g, leaves), leaves, cycle, labels)));
  for (let b = 0; b * cycle < leaves.length; b++) if (!headed.has(b)) return 0;
  return cycle;
}

/**
 * The block of a repeated breakdown that a label heads, or -1. An item label is centred over its block, so it
 * overlaps only the block's middle column (or the two middle ones); a piece of the breakdown's own label
 * (`一般公共预` over `算`) is printed over every block alike.
 */
function headedBlock(g: Cell, covered: readonly Cell[], leaves: readonly Cell[], cycle: number, labels: readonly Cell[]): number {
  if (covered.length > cycle) return -1;
  const blockOf = (b: number) => ({ start: leaves[b * cycle].start, end: leaves[b * cycle + cycle - 1].end });
  // At a finer character pitch than the PDF's an ideograph prints in one column of the two or three it covers: a label
  // narrower than its block may reach none of its columns (深圳 水务局 2026 “三公”经费支出表, `pdftotext -layout
  // -fixed 3`: 公务用车购置费 at 370–377, its block's middle label `政府性基金` / `预算` at 373–378 / 378–380). It heads
  // the block its centre stands in, if any.
  const block =
    covered.length > 0
      ? Math.floor(leaves.indexOf(covered[0]) / cycle)
      : Array.from({ length: leaves.length / cycle }, (_, b) => b).find((b) => blockOf(b).start <= center(g) && center(g) < blockOf(b).end);
  if (block === undefined) return -1;
  const own = leaves.slice(block * cycle, block * cycle + cycle);
  const middle = cycle % 2 === 1 ? [own[(cycle - 1) / 2]] : [own[cycle / 2 - 1], own[cycle / 2]];
  const whole = covered.length === cycle && covered.every((l) => own.includes(l));
  if (!whole && !covered.every((l) => middle.includes(l))) return -1;
  // Centred: in the block's middle third. A label printed narrower than its cell (see above) has its centre left of
  // the cell's, by up to a sixth of the block (the same table at `-fixed 3`: 公务用车运行维护费 at 428–437 over 414–462).
  const { start, end } = blockOf(block);
  if (Math.abs(center(g) - (start + end) / 2) > Math.max(3, (end - start) / 6)) return -1;
  return isBreakdownPiece(g, labels) ? -1 : block;
}

/** The whole block a label heads (see headedBlock), or what it covers. */
function cycleInstance<T extends Cell>(g: Cell, covered: T[], leaves: readonly T[], cycle: number, labels: readonly Cell[]): T[] {
  if (cycle === 0) return covered;
  const block = headedBlock(g, covered, leaves, cycle, labels);
  return block < 0 ? covered : leaves.slice(block * cycle, block * cycle + cycle);
}

/** A piece of a breakdown's label (`政府性基金` over `预算`): printed again over each block, unlike an item's label. */
function isBreakdownPiece(g: Cell, labels: readonly Cell[]): boolean {
  const text = headerLabel(g.text);
  return labels.some((o) => o !== g && headerLabel(o.text) === text);
}

/**
 * A template group (财政拨款, 单位资金, 基本支出 …) printed off its columns. A known column that the template places
 * elsewhere is not under it, however far the label reaches (公务用车购置及运行维护费 drawn over the edge of 因公出国);
 * and when the group is printed over fewer columns than it heads, the contiguous neighbours whose labels are its
 * members in the template are under it too, with the group's own 小计 that opens them (财政拨款收入: 小计, 一般公共预算 …).
 */
function withTemplateMembers<T extends Cell>(
  g: T,
  leaves: readonly T[],
  covered: T[],
  labelUnder: (g: T, leaf: T) => string,
): T[] {
  const members = templateMembers(headerLabel(g.text));
  if (!members) return covered;
  const isMember = (l: T | undefined) => l !== undefined && members.includes(columnKeyFor(labelUnder(g, l)) ?? '');
  const isSubtotal = (l: T | undefined) => l !== undefined && templateSubtotalKey(headerLabel(g.text), labelUnder(g, l)) !== null;
  if (covered.length === 0) {
    // Centred over its columns, the label may stand in the gap between two of them and touch neither (广州 表12:
    // 财政拨款 between 一般公共预 and 政府性基金, the middle of 合计 … 国有资本经营预算): two members either side of it are
    // under it, and so are their neighbours as below.
    const next = leaves.findIndex((l) => l.start >= g.end);
    const pair = next > 0 ? [leaves[next - 1], leaves[next]] : [];
    if (pair.length === 0 || pair[0].end > g.start || !pair.every(isMember)) return covered;
    covered = pair;
  }
  // Only a column of the group's own level counts (因公出国 beside 公务用车购置及运行费): a member of another group may be
  // a sub-column printed under every item (一般公共预算 under 总计, 因公出国 … in 深圳's 三公 table), and a 预算数 / 决算数
  // leaf is half of its item's pair, which the pairing places.
  const foreign = (l: T) => {
    const key = columnKeyFor(labelUnder(g, l));
    return key !== null && key !== 'total' && !inTemplateGroup(key) && !STAGE.test(headerLabel(l.text));
  };
  let a = leaves.indexOf(covered[0]);
  let b = leaves.indexOf(covered[covered.length - 1]);
  while (a < b && foreign(leaves[a])) a++;
  while (b > a && foreign(leaves[b])) b--;
  const own = leaves.slice(a, b + 1);
  if (own.some(foreign) || !own.every((l) => isMember(l) || isSubtotal(l))) return own.some(foreign) ? covered : own;
  while (isMember(leaves[a - 1])) a--;
  while (isMember(leaves[b + 1])) b++;
  // A table prints one total: a 合计 opening the amounts is the table's, printed the header's height beside the group
  // (广州 表2 收入总体情况表: 合计 | 财政拨款收入 {一般公共预算 …}); after a 总计 it is the group's (表11, 表12).
  if (isSubtotal(leaves[a - 1]) && (a > 1 || labelUnder(g, leaves[a - 1]) !== '合计')) a--;
  return leaves.slice(a, b + 1);
}

/** Stage leaves pair up left to right (预算数 then 决算数); `l` already belongs to the pair on its other side. */
/** The 预算数 and 决算数 either side of a label that reaches neither, paired with each other, or null. */
function stagePairAround<T extends Cell>(g: Cell, leaves: readonly T[]): T[] | null {
  const i = leaves.findIndex((l) => l.start >= g.end);
  const [left, right] = [leaves[i - 1], leaves[i]];
  if (i < 1 || left.end > g.start) return null;
  const stages = [left, right].map((l) => headerLabel(l.text));
  if (!stages.every((t) => STAGE.test(t)) || stages[0] === stages[1] || pairedWithOther(leaves, left, right)) return null;
  return [left, right];
}

function pairedWithOther<T extends Cell>(leaves: readonly T[], l: T, other: T): boolean {
  const i = leaves.indexOf(l);
  const starts = leaves.findIndex((x) => STAGE.test(headerLabel(x.text)));
  if (starts < 0) return false;
  const partnerIndex = (i - starts) % 2 === 0 ? i + 1 : i - 1;
  return leaves[partnerIndex] !== other;
}
