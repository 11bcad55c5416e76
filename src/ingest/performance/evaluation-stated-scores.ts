/**
 * The 一级 scores a report states in the headings of its 绩效评价指标分析 (`（一）决策情况（分值20分，得分17分）`), for a
 * report that prints no 评分汇总表: each 一级's name, 分值 and 得分, with the line it stands on. The headings stay in
 * the narrative; only their figures are read. Pure.
 */
import type { EvaluationScore } from '../../schema/performance.ts';
import type { ProseBlock } from '../layout/blocks.ts';
import { CN_NUMERAL } from '../../core/outline.ts';
import { compact } from './text.ts';

// Compacted, so brackets and commas folded to ASCII: `(一)决策情况(分值20分,得分17分)`.
const HEADING = new RegExp(`^[（(]${CN_NUMERAL}[)）](.{2,10}?)(?:情况|指标)?[（(]分值(\\d+(?:\\.\\d+)?)分[,，;；](?:实际)?得分(\\d+(?:\\.\\d+)?)分[)）]$`);

/** The 一级 headings in print order, each 一级 once (its first); none where fewer than two state their figures. */
export function readStatedScores(blocks: readonly ProseBlock[]): EvaluationScore[] {
  const scores: EvaluationScore[] = [];
  for (const { line, card } of blocks.flatMap((b) => b.rows)) {
    if (card) continue;
    const m = HEADING.exec(compact(line.text));
    if (!m || scores.some((s) => s.level1 === m[1])) continue;
    scores.push({ level1: m[1], weight: Number(m[2]), score: Number(m[3]), rate: null, lines: { first: line.no, last: line.no } });
  }
  return scores.length >= 2 ? scores : [];
}
