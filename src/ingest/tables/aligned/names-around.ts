import { isTotalName } from '../../../core/totals.ts';
import { cutAtStarts, type Cell } from '../../layout/cells.ts';
import { cleanName } from '../../layout/cell-text.ts';
import { markerOf } from '../../../core/outline.ts';
import { fillsLine, wrapWidth } from '../shared/wrapped-label.ts';
import { printedWidth } from '../../../core/width.ts';

/**
 * A name wrapped in its tall cell around its row's amount line, its first piece on the line above the amounts and its
 * rest below, when the amount line prints a piece of the name too (深圳 项目支出总表 -layout L4906–L4910:
 * `深圳市深圳河湾流域` / `管理中心（深圳市治理深  182,653.26 …` / `圳河办公室）`) or a cell of another column (杭州 表10
 * -layout L987–L989: `杭州技师学院（杭州交通高级技工` / `日常保障运行  210.00 …` under 项目名称 / `学校）`). The line
 * by line reading makes the first piece a row of its own, with no amount; here it joins the row under it, which the
 * column windows show to be wrapped around its amount line:
 * - the row's line leaves the piece's column empty and a line under it prints the rest in that column: the piece and
 *   that rest are the row's cell there, read between the row's cells left and right of it (北京 预算11表 -layout
 *   L550–L552: `0202-课题研究和社会调查` / `02-政府履职辅助性服务  课题研究服务  145.6` / `服务`);
 * - or the row's name is printed left of where the piece starts (where a wrapped name's later lines stand, the piece
 *   at its level's indent) and goes on on a line below.
 * The piece may also be the end of the name above it: it is given to the row under it only when that name is whole, its
 * last piece ending short of where the piece ends (a piece filling the cell goes on on the next line); otherwise the
 * piece stays a row of its own, flagged. Pure.
 */

export interface NamedRow {
  name: string;
  amounts: readonly unknown[];
  lineNos: number[];
  cells: Record<string, string>;
  flag?: string;
}

/** Rows in print order, a name-only piece above its row joined to it; `textsAt`: the text cells a line printed. */
export function withNamesAround<R extends NamedRow>(rows: readonly R[], textsAt: (lineNo: number) => readonly Cell[]): R[] {
  const out = [...rows];
  for (let i = 1; i < out.length; i++) {
    const [piece, row, under] = [out[i - 1], out[i], out[i + 1]];
    if (!isPiece(piece, textsAt) || row.amounts.length === 0 || row.name === '' || isTotalName(row.name) || row.cells.rowNumber) continue;
    const at = piece.lineNos[0];
    if (Math.min(...row.lineNos) !== at + 1) continue;
    const named = row.lineNos.filter((n) => textsAt(n).length > 0).sort((a, b) => a - b);
    if (named.length === 0) continue;
    // The line under the row's name line that goes on with a name: the row's own, or a piece after the row.
    const rest = named.length === 1 && under && isPiece(under, textsAt) && under.lineNos[0] === Math.max(...row.lineNos) + 1 ? under : null;
    const tailLine = named[1] ?? rest?.lineNos[0];
    if (tailLine === undefined) continue;
    const [start, own, tail] = [textsAt(at)[0].start, textsAt(named[0]), textsAt(tailLine)[0]];
    // A line opening with an outline marker (四、教育支出) starts an item of its own: no later piece of a name.
    if (markerOf(tail.text) || markerOf(own[0].text)) continue;
    // Where the wrapped cell's lines start: its first piece's place, or left of it where its later lines stand.
    const from = Math.min(start, tail.start);
    const inColumn = (c: Cell) => c.start >= from - 1 && c.start <= start + 1;
    let name: string | null = null;
    if (!own.some((c) => inColumn(c) || (c.start < from && c.end > from + 1))) {
      if (inColumn(tail)) name = byColumn([at, ...named, ...(rest?.lineNos ?? [])], from, inColumn, textsAt);
    } else if (own[0].start < start && Math.abs(tail.start - own[0].start) <= 1) name = piece.name + row.name + (rest?.name ?? '');
    if (name === null) {
      // Pieces printed at one place above and below a row's line are a cell wrapped around it, whose column the
      // row's own cells overlap as placed on its page (北京 预算11表 -layout L659–L661: `其他适合通过市场化方式提供的`
      // / `02-政府履职辅助性服务  0211-后勤服务  13.900000` / `后勤服务`): whose it is cannot be read, and it is said.
      if (rest && Math.abs(tail.start - start) <= 1) {
        const said = `「${piece.name}」和「${rest.name}」印在「${row.name}」一行的上下，像是某一单元格折行的文字，不能确定属于哪一行哪一列`;
        for (const taken of [piece, rest]) taken.flag ??= said;
      }
      continue;
    }
    const above = out[i - 2];
    if (above && !endsShortOf(above, textsAt(at), textsAt)) {
      piece.flag = `「${piece.name}」印在两行金额之间，不能确定是上一行名称的末尾还是下一行名称的开头`;
      continue;
    }
    row.name = name;
    for (const taken of rest ? [piece, rest] : [piece]) {
      row.lineNos.push(...taken.lineNos);
      out.splice(out.indexOf(taken), 1);
    }
    i--;
  }
  return out;
}

/**
 * A name wrapped in its tall cell whose last piece a page break carried over: `pdftotext` and the PDF reader print the
 * piece at the top of the next page, the page's number between (杭州 表2 -layout L634–L640: `杭州市综合` / the amounts /
 * `交通运输研究`, then `23` and, over the page break, `中心`). The line by line reading makes the piece a row of its own,
 * with no amount. It is the end of the name above when
 * - it opens its page and the row's last line is the last printed before the break (`lineBefore`: for a line opening a
 *   page, the line printed last on the page before; only blank lines and page furniture between);
 * - the row's name goes on: its last line is full (shared/wrapped-label.ts wrapWidth), where a whole name may end
 *   anywhere;
 * - and the piece cannot open the next name: the line under it is a piece of name wider than it, with no amount, so
 *   that the name goes on below it (a name printed over several lines fills each line but its last, so that none is
 *   wider than its first).
 * Where the row's name goes on and the piece may open the next name, whose it is cannot be read: it stays a row of its
 * own, flagged. Pure.
 */
export function withNameEndsOverPages<R extends NamedRow>(
  rows: readonly R[],
  textsAt: (lineNo: number) => readonly Cell[],
  lineBefore: (lineNo: number) => number | undefined,
): R[] {
  const nameLines = (r: NamedRow) => r.lineNos.filter((n) => textsAt(n).length > 0).sort((a, b) => a - b);
  const textAt = (n: number) => textsAt(n).map((c) => c.text).join('');
  const width = wrapWidth(rows.map((r) => nameLines(r).map(textAt)));
  const out = [...rows];
  if (width === 0) return out;
  for (let i = 1; i < out.length; i++) {
    const [row, piece, under] = [out[i - 1], out[i], out[i + 1]];
    if (!isPiece(piece, textsAt) || markerOf(piece.name)) continue;
    const at = piece.lineNos[0];
    if (lineBefore(at) !== Math.max(...row.lineNos) || row.amounts.length === 0 || row.name === '' || isTotalName(row.name)) continue;
    const own = nameLines(row);
    if (own.length === 0 || !fillsLine(textAt(own[own.length - 1]), width)) continue;
    if (under === undefined || !isPiece(under, textsAt) || printedWidth(piece.name) >= printedWidth(under.name)) {
      piece.flag ??= `「${piece.name}」印在新一页的顶端，不能确定是上一页末行「${row.name}」名称的末尾还是下一行名称的开头`;
      continue;
    }
    row.name += piece.name;
    row.lineNos.push(at);
    out.splice(i, 1);
    i--;
  }
  return out;
}

/**
 * A row's name read from its lines' cells, a column of it wrapped around its amount line: the cells left of that
 * column, the column's top to bottom, then the cells right of it, each side line by line.
 */
function byColumn(lines: readonly number[], from: number, inColumn: (c: Cell) => boolean, textsAt: (lineNo: number) => readonly Cell[]): string {
  const cells = lines.flatMap((n) => {
    // Two cells printed one space apart (北京 预算11表 -layout L613: `0209-机关工作人员培训服 其他适合通过市场化方式提供的`)
    // part where the row's other lines start cells (`务`, `机关工作人员培训服务` on L615).
    const others = lines.filter((m) => m !== n).flatMap((m) => textsAt(m).map((c) => c.start));
    return textsAt(n).flatMap((c) => cutAtStarts(c, others));
  });
  const column = cells.filter(inColumn);
  const left = cells.filter((c) => !inColumn(c) && c.start < from);
  const right = cells.filter((c) => !inColumn(c) && c.start >= from);
  return cleanName([...left, ...column, ...right].map((c) => c.text).join(''));
}

/** A row that is one line printing a piece of name and nothing else. */
function isPiece(r: NamedRow, textsAt: (lineNo: number) => readonly Cell[]): boolean {
  return (
    r.amounts.length === 0 &&
    r.lineNos.length === 1 &&
    r.name !== '' &&
    !isTotalName(r.name) &&
    Object.keys(r.cells).length === 0 &&
    textsAt(r.lineNos[0]).length > 0
  );
}

function spanOf(cells: readonly Cell[]): { start: number; end: number } {
  return { start: cells[0].start, end: cells[cells.length - 1].end };
}

/** Whether a row's name ends, in the piece's column, short of where the piece ends (or prints nothing there). */
function endsShortOf(r: NamedRow, piece: readonly Cell[], textsAt: (lineNo: number) => readonly Cell[]): boolean {
  const window = spanOf(piece);
  const lastLine = Math.max(...r.lineNos.filter((n) => textsAt(n).length > 0));
  if (!Number.isFinite(lastLine)) return true;
  const inWindow = textsAt(lastLine).filter((c) => c.start < window.end && c.end > window.start - 2);
  return inWindow.every((c) => c.end < window.end);
}
