import type { TableColumn, TableKind } from '../../../schema/table.ts';
import type { BlockRow, GridBlock } from '../../layout/blocks.ts';
import { columnKeys, keysNamedIn, PART_OF_BESIDE, templateMembers } from '../columns.ts';
import { columnName } from '../column-names.ts';
import { compact, printedWidth } from '../../../core/width.ts';
import { holdsTotalWord, holdsWholeTotalWord, isTotalName } from '../../../core/totals.ts';
import { isTwoSidedKind } from '../kinds.ts';
import { columnNumbersOf, startsData } from '../shared/header-rows.ts';
import { wordsIn } from './tokens.ts';
import { statedUnit } from '../../../core/units.ts';
import { headerColumns, STUB, type HeaderColumns } from '../shared/header-tree.ts';
import { wrappedLabel, wrapWidth, type NextPiece, type Piece } from '../shared/wrapped-label.ts';

export interface RegionParts {
  header: BlockRow[];
  notes: BlockRow[];
  data: BlockRow[];
}

/** How many amount columns a header numbers from 1 (`** 1 2 3 4 5 6 7`), or null where it numbers none from 1. */
function numberedColumns(header: readonly BlockRow[]): number | null {
  const numbers = header.map(columnNumbersOf).find((n) => n !== null && n[0] === 1);
  return numbers ? numbers.length : null;
}

/** A block's rows in its header, data and notes, as the block stage marked them (shared/header-rows.ts). */
export function partsOf(block: GridBlock): RegionParts {
  const { rows, headerRows, notesFrom, statement } = block;
  const data = rows.slice(headerRows, notesFrom);
  if (statement === undefined) return { header: rows.slice(0, headerRows), notes: rows.slice(notesFrom), data };
  return { header: rows.slice(0, headerRows), notes: [rows[statement], ...rows.slice(notesFrom)], data: data.filter((r) => r !== rows[statement]) };
}

/**
 * The parts of a table continued over pages, each header ending with the lines every page prints alike between its
 * header and its first row: the last pieces of a wrapped header label without a header word (深圳 支出总表's
 * `目资金规模` `模`). Two lines or more without an amount that a later part prints again right where the first part
 * printed them are the header's, not the start of a row's name (one line alone may be a wrapped name, and stays).
 * Not where a header is printed again (shared/repeated-header.ts says that, and regions.ts pagesOf parts the table
 * there): how far each part's header runs past its last header word, which the aligned reader reads from where such
 * pieces stand under the labels (aligned/header-marks.ts) and single-space text, whose words keep no column, only
 * from what every page prints alike.
 */
export function withHeaderTails(parts: readonly RegionParts[]): RegionParts[] {
  const texts = (p: RegionParts) => p.data.map((r) => compact(r.line.text));
  const first = texts(parts[0]);
  const common = (p: RegionParts) => {
    const own = texts(p);
    let n = 0;
    while (n < own.length && n < first.length && own[n] === first[n] && !startsData(p.data[n])) n++;
    return n >= 2 ? n : 0;
  };
  const tails = parts.map((p, i) => (i === 0 ? 0 : common(p)));
  const firstTail = Math.max(0, ...tails);
  return parts.map((p, i) => {
    const n = i === 0 ? firstTail : tails[i];
    return n === 0 ? p : { header: [...p.header, ...p.data.slice(0, n)], notes: p.notes, data: p.data.slice(n) };
  });
}

/** Column labels in the order a header prints them, longest first where one label contains another. */
const LABELS = [
  '项目支出合计', '总计', '合计', '基本支出', '项目支出', '人员经费', '日常公用经费', '公用经费',
  '一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款', '国有资本经营预算', '财政专户（教育收费）', '财政专户管理资金',
  '事业收入', '事业单位经营收入', '单位其他资金收入', '其他收入', '单位上年结余', '上年结转', '上缴上级支出',
  '对附属单位补助支出', '事业单位经营支出', '工资福利支出', '商品和服务支出', '对个人和家庭的补助', '债务利息及费用支出',
  '资本性支出（基本建设）', '资本性支出', '对企业补助（基本建设）', '对企业补助', '对社会保障基金补助', '其他支出',
  '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费', '数量', '价值',
];

/**
 * The labels above and the other ways the templates print them (人员支出, 本年支出合计, 经营支出 …), which pieces of
 * a label wrapped over several header lines are joined into (derived-columns.ts).
 */
export const COLUMN_LABELS: readonly string[] = [
  ...LABELS, '本年支出合计', '本年收入合计', '人员支出', '日常公用支出', '公用支出', '财政拨款', '一般公共预算',
  '政府性基金预算', '政府性基金', '财政专户', '单位资金', '经营支出', '经营收入', '上级补助收入',
  '附属单位上缴收入', '上年结转结余', '上年结余', '公务用车购置及运行维护费', '公务用车运行维护费',
  // The sources other than 财政拨款 and 财政专户 in one column (广东's 部门预算基本支出预算表).
  '其他资金',
  // The income sources as the 收入预算总表 template names them.
  '一般公共预算拨款收入', '政府性基金预算拨款收入', '国有资本经营预算拨款收入', '财政专户管理资金收入',
];

/** The column labels found in a header's text, in printed order. */
export function headerLabels(header: readonly BlockRow[]): string[] {
  return labelsIn(header, LABELS);
}

/** A header's lines joined as one key (compact): where a label is printed, whatever lines and spaces cut it. */
export function headerText(header: readonly BlockRow[]): string {
  return header.map((r) => compact(r.line.text)).join('');
}

/** The labels of `vocabulary` a header's text prints, in printed order, the longest where one contains another. */
function labelsIn(header: readonly BlockRow[], vocabulary: readonly string[]): string[] {
  const text = vocabularyText(header.map((r) => r.line.text).join(''));
  const found: string[] = [];
  for (let i = 0; i < text.length; ) {
    const label = vocabulary.filter((l) => text.startsWith(l, i)).sort((a, b) => b.length - a.length)[0];
    if (label) {
      found.push(label);
      i += label.length;
    } else i++;
  }
  return found;
}

/** A group's own total, printed first among its columns. */
const SUBTOTAL = '小计';
/** The labels a header prints over groups of columns (本年收入 over its sources), and their columns' labels. */
const GROUPED_LABELS: readonly string[] = [...COLUMN_LABELS, SUBTOTAL, '本年收入', '本年支出'];

/**
 * The columns of a header printing groups over their columns: numbered (numberedGroupColumns), or printed one cell a
 * line with its groups' parts after its columns (wrappedGroupColumns). Null where neither reads it.
 */
export function groupedColumns(header: readonly BlockRow[]): HeaderColumns | null {
  return numberedGroupColumns(header) ?? wrappedGroupColumns(header);
}

/**
 * The columns of a header printing groups over their columns (杭州 2026 表2 收入预算总表, -raw L542-L567: `总计`, then
 * `本年收入 上年结转结余` on a line of their own, then each group's `小计` and its sources, `** 1 2 … 17` numbering
 * them): the table's total, the groups' labels before the first 小计, and as many 小计 after them as groups, each
 * opening its group's columns. Read as the header tree (shared/header-tree.ts) reads a grid of them: the identities
 * are the groups' and the total's, and a column the vocabulary does not know (一般公共预算 under 上年结转结余) is part
 * of its group. Only where the header numbers its columns and every one of them was read; null otherwise.
 */
function numberedGroupColumns(header: readonly BlockRow[]): HeaderColumns | null {
  const numbered = numberedColumns(header);
  if (numbered === null) return null;
  const labels = labelsIn(header, GROUPED_LABELS);
  const first = labels.indexOf(SUBTOTAL);
  if (first < 2 || !holdsWholeTotalWord(labels[0])) return null;
  const groups = labels.slice(1, first);
  const columns = labels.slice(first);
  const opens = columns.flatMap((l, i) => (l === SUBTOTAL ? [i] : []));
  if (opens.length !== groups.length || 1 + columns.length !== numbered || groups.some(holdsTotalWord)) return null;
  return groupTree(labels[0], groups.map((label, g) => ({ label, members: columns.slice(opens[g], opens[g + 1]) })));
}

/** A column of the header under its total: a label of its own, or a group's label over its members (its 小计 first). */
interface TopColumn {
  label: string;
  members?: readonly string[];
}

/** The columns under a total, read as the header tree (shared/header-tree.ts) reads a grid of them. */
function groupTree(total: string, top: readonly TopColumn[]): HeaderColumns {
  const over = [total];
  const under = [''];
  for (const column of top) {
    const members = column.members ?? [''];
    members.forEach((member, i) => {
      over.push(i === 0 ? column.label : '');
      under.push(member);
    });
  }
  return headerColumns([over, under], 0, over.length - 1, null, 0);
}

/** A label of a header printed one cell a line: its text, and its lines as printed. */
interface PrintedLabel {
  text: string;
  lines: string[];
}

/** A header's text as the vocabulary spells it: no spaces, ASCII but for the brackets (`财政专户（教育收费）`). */
function vocabularyText(text: string): string {
  return compact(text).replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Whether a piece may open a label of the vocabulary. */
const opensLabel = (text: string) => COLUMN_LABELS.some((l) => l.startsWith(vocabularyText(text)));
/** Whether a piece ends as the vocabulary's labels end (`预算收入`, `拨款`: …收入, …拨款). */
const endsLabel = (text: string) => COLUMN_LABELS.some((l) => l.endsWith(vocabularyText(text).slice(-2)));
/** A label of the row-name area (单位名称, 科目编码, 序号, the 类 款 项 under 科目编码): no amount column's. */
const isTextLabel = (text: string) => STUB.test(compact(text));
/** A word a header prints whole beside others on its line: a total, a label of the vocabulary or a text column's. */
const isWholeLabel = (text: string) => isTotalName(text) || isTextLabel(text) || COLUMN_LABELS.includes(vocabularyText(text));

/**
 * The labels of a header that reading order prints one cell a line (`pdftotext -raw`: 西安 2022 部门综合预算收入总表,
 * -raw L447-L475: `政府性基` / `金拨款`, `事业单` / `位经营` / `收入`, `对附属` / `单位上` / `缴收入` …, the -layout text's
 * L455-L463 the same labels side by side). A cell's label wraps at its column's width, so that its lines but the last
 * are as wide as the first (shared/wrapped-label.ts fillsLine) and a narrower line ends it; a line wider than the
 * label's first opens the next, but a bracket goes on the label before it (烟台 2026 收入总体情况表, -raw L159-L161:
 * `事业收入` / `（不含教育` / `收费）`). Where the widths leave it open, the vocabulary tells: a line narrower than the
 * first that opens a label of its own opens the next (`一般公共预算拨款` / `政府性基`), a line as wide opens the next
 * after lines ending as labels end (…收入, …拨款), a whole label goes on only with a narrower line ending so
 * (`政府性基金` / `拨款`), and 合计, 小计, `其中：…` or a text column's label (单位名称) stand alone. A line of several
 * words prints several cells, each a whole label; the line numbering the columns and the unit line over them are none
 * of them. Null where another line prints several words, or no label wraps.
 */
function labelsOneALine(header: readonly BlockRow[]): PrintedLabel[] | null {
  // Each line as printed, its width before full-width marks (`其中：`) are folded; not the caption's unit line.
  const lines = header
    .filter((r) => columnNumbersOf(r) === null && statedUnit(r.line.text) === null)
    .map((r) => wordsIn(r).map((w): Piece => ({ text: w.trim(), start: 0, end: printedWidth(w.trim()) })));
  if (lines.some((words) => words.length > 1 && !words.every((w) => isWholeLabel(w.text)))) return null;
  const bracket = (text: string) => /^[（(]/.test(text);
  const next: NextPiece<Piece> = (sofar, line) => {
    const [piece] = line;
    if (line.length !== 1 || isTotalName(piece.text) || PART_OF_BESIDE.test(compact(piece.text)) || isTextLabel(piece.text)) return null;
    if (isTextLabel(sofar[0].text)) return null;
    if (bracket(piece.text)) return piece;
    // The lines from the last bracket on wrap at one width.
    const from = sofar.findLastIndex((p) => bracket(p.text));
    const own = sofar.slice(Math.max(0, from));
    const width = own[0].end;
    if (own.some((p) => p.end < width) || piece.end > width) return null;
    const narrower = piece.end < width;
    const text = sofar.map((p) => p.text).join('');
    if (COLUMN_LABELS.includes(vocabularyText(text))) return narrower && endsLabel(piece.text) && !opensLabel(piece.text) ? piece : null;
    // A line as wide goes on a label not yet ended as labels end (`财政拨` / `款收入` then `事业收` is two labels).
    if (!narrower && endsLabel(text)) return null;
    return narrower && opensLabel(piece.text) ? null : piece;
  };
  const labels: PrintedLabel[] = [];
  for (let at = 0; at < lines.length; at++) {
    if (lines[at].length !== 1) {
      labels.push(...lines[at].map((p) => ({ text: compact(p.text), lines: [p.text] })));
      continue;
    }
    const label = wrappedLabel(lines, at, lines[at][0], next, 1);
    labels.push({ text: compact(label.text), lines: label.pieces.map((p) => p.text) });
    at = label.lines[label.lines.length - 1];
  }
  return labels.some((l) => l.lines.length > 1) ? labels : null;
}

/**
 * The columns of a header printed one cell a line (labelsOneALine) whose groups print their 小计 and parts under them
 * (西安 2022 收入总表 and 支出总表, -raw L447-L475 and L494-L510: 合计, then 一般公共预算拨款 among the sources, then
 * `小计` and `其中：专项资金列入部门预算项目` after the last source): the labels before the table's total are over
 * every column (部门预算), and text columns' labels (序号 单位编码 单位名称) name no amount; those after the total are
 * the columns up to the first 小计, from which the groups' parts are printed, each 小计 opening its group's. Which of
 * the columns heads them the print order does not say; their widths do: the other labels wrap at their columns'
 * width, and a label printed on one line wider than any of them stands over several columns. Only where the labels
 * so wide are as many as the 小计, and as many columns as the header numbers where it numbers them; null otherwise.
 */
function wrappedGroupColumns(header: readonly BlockRow[]): HeaderColumns | null {
  const labels = labelsOneALine(header)?.filter((l) => !isTextLabel(l.text));
  if (!labels) return null;
  const total = labels.findIndex((l) => holdsWholeTotalWord(l.text));
  const first = labels.findIndex((l, i) => i > total && l.text === SUBTOTAL);
  if (total < 0 || first < 0) return null;
  const top = labels.slice(total + 1, first);
  const parts = labels.slice(first).map((l) => l.text);
  const opens = parts.flatMap((l, i) => (l === SUBTOTAL ? [i] : []));
  const width = wrapWidth(top.map((l) => l.lines));
  const wide = top.flatMap((l, i) => (l.lines.length === 1 && printedWidth(l.lines[0]) > width ? [i] : []));
  if (width === 0 || wide.length !== opens.length || top.some((l) => holdsTotalWord(l.text))) return null;
  const numbered = numberedColumns(header);
  if (numbered !== null && numbered !== 1 + top.length - wide.length + parts.length) return null;
  return groupTree(
    labels[total].text,
    top.map((l, i) => {
      const g = wide.indexOf(i);
      return g < 0 ? { label: l.text } : { label: l.text, members: parts.slice(opens[g], opens[g + 1]) };
    }),
  );
}

const ECONOMIC_COLUMNS = [
  '工资福利支出', '商品和服务支出', '对个人和家庭的补助', '债务利息及费用支出', '资本性支出（基本建设）', '资本性支出',
  '对企业补助（基本建设）', '对企业补助', '对社会保障基金补助', '其他支出',
];

/** The columns of the standard template (部门预算公开表) for each kind, used where the header does not say. */
const TEMPLATE_COLUMNS: Partial<Record<TableKind, readonly string[]>> = {
  'income-expenditure-summary': ['预算数'],
  'income-summary': [
    '合计', '一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算', '财政专户（教育收费）', '事业收入',
    '事业单位经营收入', '单位其他资金收入', '单位上年结余',
  ],
  'expenditure-summary': ['合计', '基本支出', '项目支出'],
  'fiscal-appropriation-summary': ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
  'general-budget-expenditure': ['合计', '基本支出', '项目支出'],
  'general-budget-basic-expenditure': ['合计', '人员经费', '公用经费'],
  'general-budget-project-expenditure': ['项目支出合计', ...ECONOMIC_COLUMNS],
  'three-public-expenditure': ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费'],
  'government-fund-expenditure': ['合计', '基本支出', '项目支出'],
  'state-capital-expenditure': ['合计', '基本支出', '项目支出'],
  'fixed-assets': ['数量', '价值'],
};

/**
 * The columns of a 政府性基金 or 国有资本经营预算财政拨款收入支出决算表, the national final-account template's
 * (../shared/samples/national-final-accounts-template.txt L339-L346): 年初结转和结余, 本年收入, 本年支出 (合计, 基本支出,
 * 项目支出), 年末结转和结余. Its labels the template's, the 本年支出 total as printed (佛山 表8 prints 小计).
 */
function finalAccountFundColumns(kind: TableKind, header: readonly BlockRow[]): TableColumn[] | null {
  if (kind !== 'government-fund-expenditure' && kind !== 'state-capital-expenditure') return null;
  const text = headerText(header);
  if (!/年初结转/.test(text) || !/年末结转/.test(text)) return null;
  const labels = ['年初结转和结余', '本年收入', /小计/.test(text) ? '小计' : '合计', '基本支出', '项目支出', '年末结转和结余'];
  // Its 小计 or 合计 is 本年支出's, not the table's: keyed by the group, as a header tree keys a group's 小计.
  return toColumns(labels, labels.with(2, '本年支出'));
}

/** Kinds whose column set varies between provinces, so a printed header decides over the template. */
const HEADER_DECIDES = new Set<TableKind>(['income-summary', 'expenditure-summary', 'fixed-assets']);

/** Columns printing `labels`, keyed by `keyLabels` where a label alone does not name its column (a group's 小计). */
export function toColumns(labels: readonly string[], keyLabels: readonly string[] = labels): TableColumn[] {
  const keys = columnKeys(keyLabels);
  return labels.map((label, i) => ({ key: keys[i], label }));
}

/**
 * Whether a 财政拨款收支总表's header prints one amount a side (`项目 预算数 项目 预算数`: 北京, 广州, 深圳, 杭州) rather
 * than the template's expenditure breakdown by fund (合计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算): it names a
 * 预算数 for each of its two sides (not four panels, 西安), or only 金额 (江苏 公开04表 `项目名称 金额`, whose second side's
 * labels `-raw` prints after the rows), and none of the funds nor their 合计.
 */
function printsOneAmountASide(header: readonly BlockRow[]): boolean {
  const text = headerText(header);
  const budgets = text.split('预算').length - 1;
  return (budgets === 2 || (budgets === 0 && /金额/.test(text))) && !/一般公共|政府性基金|国有资本/.test(text) && !holdsTotalWord(text);
}

/**
 * Whether a 收支总表's header prints 决算数 as the amount of each side (final accounts: 佛山 收入支出决算总表 `项 目 行次
 * 决算数 项 目 行次 决算数`) and no 预算数: its one column is the final figure, keyed as every reader keys 决算数.
 */
function printsActualASide(header: readonly BlockRow[]): boolean {
  const text = headerText(header);
  return text.split('决算数').length - 1 === 2 && !/预算数/.test(text);
}

/**
 * The amount columns of a table: the template's, or the printed header's where the kind's columns vary and the
 * header names a total and at least one other column, or its one amount where it names one and none of the
 * template's and no row prints more than one (`widest`; 江苏 公开07表 一般公共预算支出预算表 `功能科目代码 功能科目名称 金额`,
 * opraw jiangsu-cppcc-office-2018-budget-tables.txt L129: the template's 合计 / 基本支出 / 项目支出 are not printed).
 */
export function amountColumns(kind: TableKind, labels: readonly string[], header: readonly BlockRow[], widest: number, elsewhere: readonly BlockRow[] = []): TableColumn[] {
  const template = TEMPLATE_COLUMNS[kind] ?? [];
  if (kind === 'fiscal-appropriation-summary' && printsOneAmountASide(header)) return toColumns(['预算数']);
  const one = labels.length === 0 && !isTwoSidedKind(kind) ? oneAmountColumn(header, widest) : null;
  if (one) return one;
  // A fund's 收入支出决算表 prints its header's bands in an order single-space text loses (佛山 表8, -raw L470-L477:
  // 年末结转和结余 before 小计 基本支出 项目支出).
  const final = finalAccountFundColumns(kind, header);
  if (final) return final;
  if (kind === 'income-expenditure-summary' && printsActualASide(header)) return toColumns(['决算数']);
  // Group headers (支出预算, 项目) come before the first total column; the columns start there. The table's total, not
  // a group's 小计 (which holdsTotalWord also takes): a group's parts follow its 小计.
  const fromTotal = labels.slice(Math.max(0, labels.findIndex(holdsWholeTotalWord)));
  const hasTotal = fromTotal.length > 0 && holdsWholeTotalWord(fromTotal[0]);
  if (HEADER_DECIDES.has(kind) && hasTotal && fromTotal.length >= 2 && new Set(fromTotal).size === fromTotal.length) {
    return toColumns(fromTotal);
  }
  if (kind === 'fixed-assets' && labels.length >= 2) return toColumns(labels);
  return fromTemplate(toColumns(template), [...header, ...elsewhere]);
}

/**
 * The template's columns, each whose label the header (or its lines printed among the rows, or after a 空表 note:
 * 上海 社会福利院 政府性基金预算支出功能分类预算表 in plain pdftotext) does not print marked as
 * the template's: the reader sees which names the document gave and which the standard form lent (西安 收入总表 with
 * its spaces collapsed prints no 财政专户（教育收费）; a label printed in pieces among others' is not read as printed
 * either). The total's column is the table's whatever its header: one cell a line, its 合计 is read as the total row's
 * name (plain pdftotext, 上海 社会福利院 一般公共预算支出功能分类预算表).
 */
function fromTemplate(columns: TableColumn[], header: readonly BlockRow[]): TableColumn[] {
  const printed = headerText(header);
  return columns.map((c, i) => ((i === 0 && holdsWholeTotalWord(c.label)) || printed.includes(compact(c.label)) ? c : { ...c, fromTemplate: true }));
}

/**
 * A header word naming an amount of its own (项目金额, 预算金额, 预算数, 决算数, or the stage alone: 预算 over the one
 * amount of 广州's 基本支出情况表 `部门预算支出经济科目 预算`), not a column of text.
 */
const AMOUNT_WORD = /(?:金额|预算数|决算数)$|^[预决]算$/;

/**
 * The one amount column of a table whose kind has no template columns (西安 专项业务经费支出表, 北京 政府购买服务明细表)
 * where its header names one amount among columns of text (序号, 单位编码, 项目简介 …) and no row prints more than one
 * amount: each row's amount is in it, whatever text stands around it. Null otherwise.
 */
export function oneAmountColumn(header: readonly BlockRow[], widest: number): TableColumn[] | null {
  if (widest !== 1) return null;
  const words = [...new Set(header.flatMap((r) => wordsIn(r).map(compact)))];
  const named = words.filter((w) => AMOUNT_WORD.test(w));
  if (named.length === 1) return toColumns(named);
  // A header naming no amount word but the whole's total heads its one amount with it (江苏 政协 2018 公开12表 政府采购
  // 预算表, -layout L310: `采购品目大类 专项名称 经济科目 采购物品名称 采购组织形式 总计`, each row one amount under 总计).
  const totals = words.filter((w) => isTotalName(w) && holdsWholeTotalWord(w));
  return named.length === 0 && totals.length > 0 ? toColumns(totals.slice(0, 1)) : null;
}

/**
 * A template column broken down into its parts beside it (基本支出 into 人员经费 and 公用经费: 烟台 and 北京 print 合计 /
 * 基本支出 小计 人员 公用 / 项目支出). Where the header names every part, and the widest row prints at least as many
 * amounts more than the template has columns as there are parts, the parts are columns after their group's; the
 * identities then check the group against its parts. Where the header numbers its columns (`** 1 2 … 7`) and the
 * parts in the group's place make that count, the group heads them and prints no column of its own (杭州 表3, -raw
 * L619-L632: 基本支出 over 人员支出 日常公用支出, seven columns numbered). Otherwise the columns stand. A row printing
 * more still (北京 预算05表's 扣除基建项目后预算数 after 项目支出) prints a column outside these (index.ts, spare amounts).
 */
export function withBreakdown(columns: TableColumn[], header: readonly BlockRow[], widest: number): TableColumn[] {
  const named = keysNamedIn(header.map((r) => r.line.text).join(''));
  const numbered = numberedColumns(header);
  for (const [i, column] of columns.entries()) {
    const parts = templateMembers(column.label);
    if (!parts || !parts.every((k) => named.has(k))) continue;
    const split = parts.map((key) => ({ key, label: columnName(key) }));
    if (numbered === columns.length - 1 + parts.length) return [...columns.slice(0, i), ...split, ...columns.slice(i + 1)];
    if (widest < columns.length + parts.length) continue;
    return [...columns.slice(0, i + 1), ...split, ...columns.slice(i + 1)];
  }
  return columns;
}
