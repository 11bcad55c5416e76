import type { LineRange } from '../../schema/common.ts';
import { runsOf } from '../layout/cells.ts';
import { cleanCell, compact, cleanCells } from './text.ts';
import type { ProseBlock, ProseRow } from '../layout/blocks.ts';
import { FIGURE_SOURCE } from '../../core/amounts.ts';
import { hasDigit } from '../../core/width.ts';

export type FieldKey =
  | 'projectName' | 'budgetUnit' | 'implementer' | 'commissioner' | 'evaluator' | 'period'
  | 'budgetAmount' | 'arrivedAmount' | 'spentAmount' | 'executionRate' | 'score' | 'grade' | 'summary' | 'experience';

/** Labels of an evaluation report's cover and summary card, as they start (compacted). */
const LABELS: ReadonlyArray<readonly [FieldKey, RegExp]> = [
  ['projectName', /^项目名称$/],
  ['budgetUnit', /^(?:预算单位|预算部门|主管部门)$/],
  ['implementer', /^(?:实施单位|项目实施单位)$/],
  ['commissioner', /^(?:委托单位|委托方)$/],
  ['evaluator', /^(?:评价机构|第三方评价机构|评价单位)$/],
  ['period', /^(?:评价期间|评价时段|评价期|评价区间|评价年度|评价时间)$/],
  ['budgetAmount', /^(?:预算金额|预算资金|预算数)(?:（万元）|\(万元\))?$/],
  ['arrivedAmount', /^(?:到位金额|到位资金|实际到位资金|资金到位数)(?:（万元）|\(万元\))?$/],
  ['spentAmount', /^(?:执行金额|实际支出|执行数|支出金额)(?:（万元）|\(万元\))?$/],
  ['executionRate', /^(?:执行率|预算执行率)$/],
  ['score', /^(?:评价分值|评价得分|综合得分|评价总分)$/],
  ['grade', /^(?:评价等级|绩效等级|评价结果)$/],
  ['summary', /^主要绩效$/],
  ['experience', /^主要经验(?:及做法)?$/],
];

/** A figure alone in its cell: a score, an amount or a rate. */
const BARE_FIGURE = new RegExp(`^-?${FIGURE_SOURCE}[%％]?$`);

/** A cell of sentences (a 评分标准), which no card's label is. */
const SENTENCE = /[，。；]/;

/** Fields whose value is a number. */
const NUMERIC: ReadonlySet<FieldKey> = new Set(['budgetAmount', 'arrivedAmount', 'spentAmount', 'executionRate', 'score']);

export interface Field {
  /** The label as printed (cleaned). */
  label: string;
  value: string;
  lines: LineRange;
  /** From a tab-separated summary card (preferred) rather than a `label：value` cover line. */
  card: boolean;
}

function keyOf(label: string): FieldKey | null {
  const c = compact(label);
  for (const [key, pattern] of LABELS) if (pattern.test(c)) return key;
  return null;
}

/**
 * A line of the summary card as cells: a card's line among the prose (ProseRow `card`: tab-separated), or aligned (a
 * report from a PDF) in runs two spaces apart or more, an indented line starting with an empty cell as a
 * tab-separated continuation does. Null for a line of prose.
 */
function cardCells({ line, card }: ProseRow): string[] | null {
  if (card) return cleanCells(line);
  const runs = runsOf(line.text);
  if (runs.length === 0 || (runs.length === 1 && runs[0].start === 0)) return null;
  return [...(runs[0].start > 0 ? [''] : []), ...runs.map((r) => cleanCell(r.text))];
}

/**
 * Reads `label → value` pairs from the summary card (tab-separated cells, several pairs a line) and `label：value`
 * cover lines (a value wrapped onto a short next line of its block is joined) in the report's prose blocks
 * (layout/prose-blocks.ts: the text no budget table holds). A card value wins over a cover value.
 */
export function readFields(blocks: readonly ProseBlock[]): Map<FieldKey, Field> {
  const fields = new Map<FieldKey, Field>();
  const put = (key: FieldKey, field: Field) => {
    const had = fields.get(key);
    if (!had || (field.card && !had.card)) fields.set(key, field);
  };
  for (const { rows } of blocks) rows.forEach((row, k) => {
    const { line } = row;
    const cells = cardCells(row);
    if (cells) {
      let lastKey: FieldKey | null = null;
      for (let i = 0; i < cells.length; i++) {
        const key = keyOf(cells[i]);
        if (key) {
          const after = cells.slice(i + 1).filter((c) => c !== '');
          const value = after[0] ?? '';
          // A numeric field beside a value without a digit is a table's header row (项目内容 预算金额（万元） 实际执行金额（万元）).
          const header = NUMERIC.has(key) && !hasDigit(value);
          // A label whose figure another figure follows names a table's row (a 评分表's 三级指标 预算执行率, its 分值 and
          // 得分), not a card's pair: a card prints a label after each value.
          // So does one whose figure a sentence and then a figure follow (分值, 评分标准, 得分), tab-separated or not; in
          // aligned text a sentence alone after the figure, the 得分 printed one space after it or on another line
          // (`-layout` text of a 评分表 whose 得分 stands after its 评分标准).
          const sentence = SENTENCE.test(after[1] ?? '') && !keyOf(after[1]);
          const tableRow = NUMERIC.has(key) && after.length > 1 &&
            ((!row.card && (BARE_FIGURE.test(after[1]) || (sentence && BARE_FIGURE.test(value)))) || (sentence && after.slice(2).some((c) => BARE_FIGURE.test(c))));
          if (value && !keyOf(value) && !header && !tableRow) put(key, { label: cells[i], value, lines: { first: line.no, last: line.no }, card: true });
          lastKey = key;
        }
      }
      // A card cell continued on a line of its own (first cell empty) belongs to the last label above it.
      if (!lastKey && cells[0] === '') {
        // The card field printed last above it (the one beside the line above), not the first one near it.
        const prevKey = [...fields.entries()]
          .filter(([, f]) => f.card && f.lines.last >= line.no - 2)
          .sort(([, a], [, b]) => b.lines.first - a.lines.first)[0]?.[0];
        const text = cells.filter(Boolean).join(' ');
        const prev = prevKey ? fields.get(prevKey) : undefined;
        if (prev && prevKey && text) fields.set(prevKey, { ...prev, value: `${prev.value}\n${text}`, lines: { ...prev.lines, last: line.no } });
      }
      return;
    }
    const m = /^\s*([^：:]{2,12})[：:]\s*(.+)$/.exec(line.text);
    if (!m) return;
    const key = keyOf(m[1]);
    if (!key) return;
    let value = cleanCell(m[2]);
    let last = line.no;
    const next = rows[k + 1];
    if (next && !next.card && next.line.text.trim() && !/[：:]/.test(next.line.text) && next.line.text.trim().length <= 20) {
      value += cleanCell(next.line.text);
      last = next.line.no;
    }
    put(key, { label: cleanCell(m[1]), value, lines: { first: line.no, last }, card: false });
  });
  return fields;
}

export interface StatedResult {
  score: { value: number; lines: LineRange } | null;
  grade: { value: string; lines: LineRange } | null;
}

const STATED_SCORE = /(?:总体评价得分|综合评价得分|综合得分|评价总分|评价得分|总得分|最终得分)(?:为|是|[:：])?(\d+(?:\.\d+)?)分/;
const STATED_GRADE = /(?:评价等级|绩效等级|评价结果|评价结论)(?:为|是|[:：])[“"「『]?(优秀|优|良好|良|中等|中|合格|及格|差|不合格)(?![\u4e00-\u9fff])/;

/**
 * The total score and grade as a report states them in its conclusion (`总体评价得分 88.60 分，评价等级为“良”`),
 * for reports without a summary card, from the report's prose blocks (layout/prose-blocks.ts). The sentence stays in
 * the narrative; only its numbers are read.
 */
export function readStatedResult(blocks: readonly ProseBlock[]): StatedResult {
  const result: StatedResult = { score: null, grade: null };
  for (const { line, card } of blocks.flatMap((b) => b.rows)) {
    if (card) continue;
    const c = compact(line.text);
    const range = { first: line.no, last: line.no };
    const score = STATED_SCORE.exec(c);
    if (score && !result.score) result.score = { value: Number(score[1]), lines: range };
    const grade = STATED_GRADE.exec(c);
    if (grade && !result.grade) result.grade = { value: grade[1], lines: range };
  }
  return result;
}
