import type { Indicator } from '../schema/performance.ts';
import { printedSaysMore } from './targets-page.ts';

/**
 * What an indicator's card says under its name and value, label and text, in the order a reader compares them: the
 * value as printed (where it says more than the reading), what a 绩效自评表 reports against it (实际完成值, 分值 and
 * 得分, 偏差原因), then how the target was set and is scored. Only the columns the form printed. Pure: the card
 * escapes each text.
 */
export function indicatorNotes(ind: Indicator): Array<readonly [label: string, text: string]> {
  const notes: Array<readonly [string, string | null]> = [
    ['原文：', ind.value.number != null && printedSaysMore(ind.value) ? ind.value.text : null],
    ['上年完成值：', ind.previous],
    ['实际完成值：', ind.actual],
    ['分值权重：', ind.weight == null ? null : String(ind.weight)],
    ['得分：', ind.score == null ? null : String(ind.score)],
    ['偏差原因：', ind.deviation],
    ['说明：', ind.description],
    ['依据：', ind.basis],
    ['评分标准：', ind.scoringRule],
    ['佐证材料：', ind.evidence],
  ];
  return notes.filter((n): n is readonly [string, string] => !!n[1]);
}
