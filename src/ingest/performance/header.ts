import { parseAmount } from '../numbers.ts';
import type { SourceLine } from '../source-lines.ts';
import { wordCells, wordsOf } from '../layout/cells.ts';
import { detectLayout, type Layout } from '../layout/detect.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { cleanCell, compact, cleanCells, joinWrapped } from './text.ts';
import { goalOf, labelOf, NAME_ENDS, readFormFields, taskFunds, type FormField, type FormValue } from './form-fields.ts';
import type { DrawnForm } from './drawn-fields.ts';
import { withoutMarker } from '../../core/outline.ts';
import { withoutTableNumber } from '../../core/table-numbers.ts';
import { FIGURE_SOURCE } from '../../core/amounts.ts';
import { foldFigures } from '../../core/width.ts';

/** What the block above a 绩效目标表's indicator rows says about the project (or the organization). */
export interface TargetHeader {
  title: string | null;
  unitName: string | null;
  projectName: string | null;
  owner: string | null;
  funds: { total: number | null; fiscal: number | null; other: number | null };
  goal: string | null;
  periodGoal: string | null;
  /** A 绩效自评表's 实际完成情况 of its goal. */
  achieved: string | null;
  flags: string[];
}

const NUM = `(-?${FIGURE_SOURCE})`;

/** Field labels of the header block, by the start of their compacted text. */
const LABELS = [
  '预算单位', '项目名称', '项目负责人', '项目资金', '年度预算', '年度资金', '其中', '财政', '其他资', '项目总体',
  '部门（单位）', '部门(单位)', '单位名称', '联系人', '联系电话', '年度绩效目标', '资金来源', '资金总额', '绩效目标',
  '主管部门', '主管单位', '实施单位', '项目实施单位', '执行单位',
];

const PROJECT_NAME = /项目名称\s*[:：]?\s*/;
const NAME_END = new RegExp(NAME_ENDS);

/**
 * The project's name in a form's joined text: up to the label that starts the next field (form-fields.ts NAME_ENDS).
 * Searched for after the label, not as a lazy match up to any of the labels, which tries them all at every character
 * of a name that runs on to the end (a form with no field after it).
 */
function projectNameIn(joined: string): string | null {
  const label = PROJECT_NAME.exec(joined);
  if (!label) return null;
  const rest = joined.slice(label.index + label[0].length);
  const end = NAME_END.exec(rest);
  return (end ? rest.slice(0, end.index) : rest).trim();
}

function isLabel(cell: string): boolean {
  const c = compact(cell);
  return LABELS.some((l) => c.startsWith(l));
}

/**
 * Tab-separated header lines whose first cell is empty and that carry neither a label nor an amount continue the
 * line above (a wrapped project name, a wrapped owner): their cells are appended, in order, to its value cells.
 */
function mergeTabbedContinuations(rows: string[][]): string[][] {
  const out: string[][] = [];
  for (const cells of rows) {
    const prev = out[out.length - 1];
    const filled = cells.filter((c) => c !== '');
    const continues = filled.length > 0 && !filled.some((c) => isLabel(c) || parseAmount(c) != null);
    if (prev && cells[0] === '' && continues) {
      const valueSlots = prev.map((c, i) => (c !== '' && !isLabel(c) ? i : -1)).filter((i) => i >= 0);
      filled.forEach((piece, k) => {
        const slot = valueSlots[k];
        if (slot === undefined) prev.push(piece);
        else prev[slot] += piece;
      });
      continue;
    }
    out.push([...cells]);
  }
  return out;
}

function match(s: string, patterns: readonly RegExp[]): string | null {
  for (const p of patterns) {
    const m = p.exec(s);
    if (m) return m[1].trim();
  }
  return null;
}

function amount(s: string, patterns: readonly RegExp[]): number | null {
  const v = match(foldFigures(s), patterns);
  return v == null ? null : parseAmount(v);
}

/** The organization template lists its funds by source (财政资金: 上级安排, 本级安排 …); fiscal is their sum. */
function fiscalBySource(s: string): number | null {
  const m = /财政资金(.*?)(?:其他资金|$)/.exec(s);
  if (!m) return null;
  const amounts = wordsOf(m[1]).map((t) => parseAmount(t)).filter((v): v is number => v != null);
  return amounts.length ? sumAmounts(amounts) : null;
}

/** The project name a title carries (`1、防贫工作补充保险经费绩效目标表`), when it names one. */
export function projectFromTitle(title: string): string | null {
  const name = withoutMarker(cleanCell(title), ['digit'])
    .replace(/[（(]\s*[0-9０-９]{4}\s*年?\s*[)）]\s*$/, '')
    .replace(/绩效目标表$/, '')
    .trim();
  // A table's title names no project, whatever number or year it opens with (预算表12项目支出, 2026年项目支出).
  const kind = compact(withoutTableNumber(name)).replace(/^\d{4}年度?/, '');
  if (!name || /^(?:项目支出|部门（单位）整体|部门整体|单位整体|部门\(单位\)整体)$/.test(kind)) return null;
  return name;
}

/**
 * Reads the header block (the lines between a table's title and its indicator header row). Where the PDF draws the
 * form's cells (`drawn`: the block read by them, drawn-fields.ts), they are its fields, and the joined text is that of
 * the drawn rows.
 */
export function readHeader(lines: readonly SourceLine[], title: string | null, drawn?: DrawnForm | null): TargetHeader {
  if (drawn) {
    // A drawn row prints only the cells drawn in it: its slots are no columns, the table of tasks is read by the cells'
    // edges (drawnForm), never by slot.
    const header = headerFromForm(drawn.fields, readJoinedHeader(drawn.rows, title, 'tabbed', false));
    return drawn.tasks ? { ...header, funds: drawn.tasks } : header;
  }
  const layout = detectLayout(lines);
  const form = layout === 'tabbed' ? null : readFormFields(lines);
  const fromText = readJoinedHeader(lines, title, layout);
  return form ? headerFromForm(form, fromText) : fromText;
}

/**
 * A form's fields by position; what the form does not label (a 财政拨款 printed in prose, say) is still taken from the
 * joined text. An amount field whose value is not an amount is flagged, not guessed.
 */
function headerFromForm(form: Map<FormField, FormValue>, fromText: TargetHeader): TargetHeader {
  const text = (field: FormField) => form.get(field)?.text || null;
  const flags = [...fromText.flags];
  const money = (field: FormField, fallback: number | null) => {
    const value = form.get(field);
    if (!value) return fallback;
    const parsed = parseAmount(value.text.replace(/[（(]?万?元[)）]?$/, ''));
    if (parsed == null) flags.push(`${value.text}（第 ${value.lines.first} 行）不是完整的金额，未作为资金数读取`);
    return parsed;
  };
  return {
    title: fromText.title,
    unitName: text('unit') ?? text('implementer') ?? fromText.unitName,
    projectName: text('projectName') ?? fromText.projectName,
    owner: text('owner') ?? fromText.owner,
    funds: { total: money('total', fromText.funds.total), fiscal: money('fiscal', fromText.funds.fiscal), other: money('other', fromText.funds.other) },
    // A form's only goal is its goal, whatever period it is for; beside the year's, the period's is kept apart.
    goal: text('goal') ?? text('periodGoal') ?? fromText.goal,
    periodGoal: text('goal') == null ? null : text('periodGoal'),
    achieved: text('achieved'),
    flags,
  };
}

/** The cell after the first cell labelled a goal (form-fields.ts), where it is no label itself; else null. */
function goalCell(rows: readonly string[][]): string | null {
  for (const cells of rows) {
    const at = cells.findIndex((c) => labelOf(c) === 'goal');
    const value = at < 0 ? undefined : cells.slice(at + 1).find((c) => c !== '');
    if (value && labelOf(value) == null) return value;
  }
  return null;
}

type Goals = Partial<Record<'goal' | 'periodGoal' | 'achieved', string>>;

/**
 * Goals' heads printed side by side in a row of cells (a 绩效自评表's 预期目标 | 实际完成情况, 实施期总目标 | 年度目标)
 * over rows of their texts: each text is the goal of the head in its cell's slot, as a web page's or a workbook's
 * cells keep their columns (a label over both rows, 年度总体目标, heads no text). The rows they take and the goals;
 * null where a row of heads has a text in a slot no head stands in, which cannot be told a goal.
 */
function goalsUnderHeads(rows: readonly string[][]): { rows: Set<number>; goals: Goals } | null {
  const at = rows.findIndex((cells) => cells.filter((c) => c !== '').length >= 2 && cells.every((c) => c === '' || goalOf(c) != null));
  if (at < 0) return null;
  const texts: string[][] = rows[at].map(() => []);
  let end = at + 1;
  for (; end < rows.length && rows[end].every((c) => c === '' || labelOf(c) == null); end++) {
    for (const [k, c] of rows[end].entries()) {
      if (c === '') continue;
      if (rows[at][k] === '' || texts[k] == null) return null;
      texts[k].push(c);
    }
  }
  const goals: Goals = {};
  for (const [k, head] of rows[at].entries()) {
    const goal = goalOf(head);
    if (goal && texts[k].length > 0 && goals[goal] == null) goals[goal] = joinWrapped(texts[k]);
  }
  if (Object.keys(goals).length === 0) return null;
  return { rows: new Set(Array.from({ length: end - at }, (_, k) => at + k)), goals };
}

function readJoinedHeader(lines: readonly SourceLine[], title: string | null, layout: Layout, tasksBySlot = layout === 'tabbed'): TargetHeader {
  const tabbed = layout === 'tabbed';
  let joined: string;
  let labelledGoal: string | null = null;
  let heads: ReturnType<typeof goalsUnderHeads> = null;
  let tasks: TargetHeader['funds'] | null = null;
  if (tabbed) {
    const printed = lines.filter((l) => l.text.trim()).map(cleanCells);
    // A web page's or workbook's rows keep their slots: a head and the amounts under it share one.
    if (tasksBySlot) tasks = taskFunds(
      printed.map((cells) => cells.map((text, slot) => ({ text, slot }))),
      (c) => c.slot,
    );
    heads = goalsUnderHeads(printed);
    const rows = mergeTabbedContinuations(printed.filter((_, k) => !heads?.rows.has(k)));
    joined = rows.map((cells) => cells.filter(Boolean).join(' ')).join(' ');
    labelledGoal = goalCell(rows);
  } else {
    // Wrapped lines of the single-space layout split words (`财政拨` / `款`): join them without a space.
    joined = lines.map((l) => cleanCell(l.text)).join('');
    // Single-space text keeps no places: a table of tasks is read by the order of its heads and its total's amounts.
    if (layout !== 'aligned') tasks = taskFunds(lines.map((l) => wordsOf(l.text).map((text) => ({ text }))), null);
  }
  const flags: string[] = [];
  // The name ends where its line states the unit of its amounts (长沙 教育 2026, runs of spaces made one: `单位名称：长沙
  // 职业教育基地综合协调办公室 单位：万元`, the space between them dropped with the others between CJK characters), or
  // where the labels of the table under it begin, the lines joined without a space (西安 交通运输局 2022's 部门整体
  // form: `西安市交通运输局` / `预算金额（万元）`, or read raw / `年度` / `主要` / `任务`).
  const unitName =
    match(joined, [
      /预算单位\s*[:：]?\s*(.*?)\s*(?:项目名称|$)/,
      /(?:部门（单位）名称|部门\(单位\)名称|单位名称)(?:（盖章）|\(盖章\))?\s*[:：]?\s*(\S+?)(?=(?:金额)?单位[:：]|预算金额[（(]|年度主要任务|任务名称|\s|$)/,
    ]) ?? labelledUnit(lines);
  // The name ends where the national form's next label begins (项目名称 | 城管执法 over 主管部门 | 青山区城市管理局, a
  // Word table's rows joined): a label starts a field of its own, it never goes on with a value.
  const projectName = projectNameIn(joined);
  const owner = match(joined, [/(?:项目负责人|联系人)\s*[:：]?\s*([^\s:：]+)/]);
  // 年度金额 heads the funds of a 转移支付 target table (北京 民政局 2026 tables L2932–L2945: 年度金额： 62400.000000).
  const total = amount(joined, [new RegExp(`(?:年度资金总额|年度预算总额|资金总额|年度金额)\\s*[:：]?\\s*${NUM}`)]);
  const fiscal =
    amount(joined, [new RegExp(`财政拨款\\s*[:：]?\\s*${NUM}`), new RegExp(`其中\\s*[:：]?\\s*财\\S*\\s+${NUM}`)]) ??
    fiscalBySource(joined);
  const other = amount(joined, [
    new RegExp(`其他资金(?:（万元）|\\(万元\\))?\\s*[:：]?\\s*(?:其他\\s+)?${NUM}`),
    new RegExp(`其他资\\S{0,2}\\s+${NUM}(?=\\s|$)`),
  ]);
  const printedFiscal = match(foldFigures(joined), [/财政拨款\s*[:：]?\s*(\d[\d.,]*)/]);
  if (printedFiscal && parseAmount(printedFiscal) == null) flags.push(`财政拨款印为「${printedFiscal}」，不是完整的金额`);
  const goal = match(joined, [/(?:项目总体目标|年度绩效目标|总体目标|绩效目标)\s*[:：]?\s*(.*?)\s*(?:年度预算（万元）|年度预算\(万元\)|$)/]);
  // A cell labelled as a goal the joined text's labels do not name (年度目标 | 完成全年…, a web page's or workbook's cells).
  const goalOrCell = goal || labelledGoal;
  return {
    title,
    unitName: unitName || null,
    projectName: projectName || (title ? projectFromTitle(title) : null),
    owner: owner || null,
    funds: tasks ?? { total, fiscal, other },
    // A form's only goal is its goal, whatever period it is for; beside the year's, the period's is kept apart.
    goal: heads?.goals.goal ?? heads?.goals.periodGoal ?? (goalOrCell || null),
    periodGoal: heads?.goals.goal == null ? null : (heads.goals.periodGoal ?? null),
    achieved: heads?.goals.achieved ?? null,
    flags,
  };
}

/**
 * The national project form names its units by 实施单位 (the unit that spends the funds) and 主管部门 (its department):
 * the target's unit is its 实施单位, or where the form has none its 主管部门. Read only where the name stands on its
 * label's line: a name its narrow cell wraps (福州's 福州市科学 / 技术局 around 实施单位) is printed in pieces apart from
 * it, any piece alone another name, and the 主管部门 beside it no stand-in (烟台's 实施单位 are its centres, under
 * 烟台市水利局). A 主管部门及代码 prints the department's code before its name (273_烟台市水利局).
 */
function labelledUnit(lines: readonly SourceLine[]): string | null {
  // A lone word beside the label's line that is no label or amount may be the rest of the name, wrapped; in text that
  // keeps the columns (runs of spaces before the label), not one that ends before the label begins (北京's
  // 转移支付名称, wrapped in the cell left of 市级主管部门 | 北京市民政局). Text that keeps no columns decides nothing by them.
  const piece = (labelStart: number, line?: SourceLine, columns = false) => {
    const words = wordCells(line?.text ?? '');
    const word = words[0]?.text ?? '';
    const leftOfLabel = columns && words.length === 1 && words[0].end <= labelStart;
    return words.length === 1 && !leftOfLabel && !isLabel(word) && labelOf(word) == null && parseAmount(word) == null;
  };
  const nameAfter = (label: RegExp): string | null | undefined => {
    const at = lines.findIndex((l) => label.test(l.text));
    if (at < 0) return undefined;
    const found = new RegExp(`${label.source}\\s*[:：]?\\s*([^\\s:：]+)`).exec(lines[at].text);
    const name = found?.[1].replace(/^\d+_/, '');
    const labelStart = found?.index ?? 0;
    const columns = /\s{2}/.test(lines[at].text.slice(0, labelStart));
    const whole = !piece(labelStart, lines[at - 1], columns) && !piece(labelStart, lines[at + 1], columns);
    return name && whole && !isLabel(name) && parseAmount(name) == null ? name : null;
  };
  const implementer = nameAfter(/(?:项目)?(?:实施|执行)(?:单位|主体)/);
  return implementer === undefined ? (nameAfter(/主管(?:部门|单位)(?:及代码)?/) ?? null) : implementer;
}

/**
 * The header block of a table emitted column by column: labels first, then the values, out of order. Only what a
 * label still sits next to is read (`<unit> 项目名称` followed by the project name, `年度资金总额： 76.38`); prose
 * lines make the goal; a number left on a line of its own cannot be placed and is reported in `flags`.
 */
export function readScrambledHeader(lines: readonly SourceLine[], title: string | null): TargetHeader {
  const texts = lines.map((l) => cleanCell(l.text)).filter(Boolean);
  const joined = texts.join('');
  const flags: string[] = [];
  let unitName: string | null = null;
  let projectName: string | null = null;
  const at = texts.findIndex((t) => /项目名称$/.test(t) && t.length > 4);
  if (at >= 0) {
    unitName = texts[at].replace(/\s*项目名称$/, '').trim() || null;
    projectName = texts.slice(at + 1).find((t) => parseAmount(t) == null && !isLabel(t) && t.length <= 40) ?? null;
  }
  const total = amount(joined, [new RegExp(`(?:年度资金总额|年度预算总额)\\s*[:：]?\\s*${NUM}`)]);
  const fiscal = amount(joined, [new RegExp(`财政拨款\\s*[:：]?\\s*${NUM}`)]);
  const other = amount(joined, [new RegExp(`其他资金\\s*[:：]?\\s*${NUM}`)]);
  for (const l of lines) {
    const v = parseAmount(l.text);
    if (v != null) flags.push(`第 ${l.no} 行的数 ${l.text.trim()} 单独成行，无法确定属于哪一栏`);
  }
  const goal = texts.filter((t) => t.length >= 25 && !isLabel(t) && !/项目名称/.test(t)).join('');
  return {
    title,
    unitName,
    projectName: projectName ?? (title ? projectFromTitle(title) : null),
    owner: null,
    funds: { total, fiscal, other },
    goal: goal || null,
    periodGoal: null,
    achieved: null,
    flags,
  };
}
