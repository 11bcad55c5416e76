/**
 * Targets stated only in prose: a project's 经费情况说明 (a title `人民调解项目经费情况说明`, then 一、项目概述 …
 * 六、年度预算安排 … 七、绩效目标 and its paragraph). The paragraph under the 绩效目标 heading is the project's
 * target; the project is named by the title. A paragraph that only points to a table (详见…绩效目标表) is no
 * target. Read from the prose blocks (layout/prose-blocks.ts) that no table or target reader took: a paragraph ends
 * with its block, and a 经费情况说明 runs on across a table to its 绩效目标 chapter. Pure, linear in the document's size.
 */
import type { PerformanceTarget } from '../../schema/performance.ts';
import type { SourceLine } from '../source-lines.ts';
import type { ProseBlock } from '../layout/blocks.ts';
import { compact, joinWrapped } from './text.ts';
import { afterMarker, markerOf } from '../../core/outline.ts';

const TITLE = /^(.*?)(?:项目)?经费情况说明$/;
const SENTENCE_END = /[。！？；.!?;]$/;

/** The 绩效目标 paragraphs of the document's 经费情况说明, as targets (without ids), with their heading's lines. */
export function readProseTargets(blocks: readonly ProseBlock[]): Array<Omit<PerformanceTarget, 'id'>> {
  const out: Array<Omit<PerformanceTarget, 'id'>> = [];
  let project: string | null | undefined; // undefined: outside any 经费情况说明
  for (const block of blocks) project = readBlock(block.rows.map((r) => r.line), project, out);
  return out;
}

/** The 绩效目标 paragraphs of one block into `out`; the 经费情况说明 the block ends in, if any. */
function readBlock(lines: readonly SourceLine[], project: string | null | undefined, out: Array<Omit<PerformanceTarget, 'id'>>): string | null | undefined {
  for (let k = 0; k < lines.length; k++) {
    // A title ends in 明 and a 绩效目标 heading in 标, as printed too (compacting only drops white space and folds
    // ASCII): the other lines, nearly all, are not compacted (each a text of its own, so compact's store misses).
    const text = lines[k].text;
    if (!text.includes('明') && !text.includes('标')) continue;
    const c = compact(text);
    if (c === '') continue;
    const title = /[…．.]{3,}/.test(c) ? null : TITLE.exec(c);
    if (title && c.length <= 50) {
      project = title[1] || null;
      continue;
    }
    // The chapter on the goal (三、绩效目标), then its paragraphs up to the next chapter or section.
    if (project === undefined || !/^(?:年度)?绩效目标$/.test(afterMarker(c, ['cn']) ?? '')) continue;
    const body: SourceLine[] = [];
    for (let j = k + 1; j < lines.length; j++) {
      const t = compact(lines[j].text);
      // A blank line ends the paragraph where its sentence ends: a web page or converter may print each line of the
      // PDF as a paragraph of its own, a blank line apart, cutting a sentence (`…便捷、优` / `质的…设施。`).
      if (t === '' ? body.length > 0 && SENTENCE_END.test(compact(body[body.length - 1].text)) : markerOf(t, ['cn', 'paren']) !== null || TITLE.test(t)) break;
      if (t !== '') body.push(lines[j]);
    }
    const goal = joinWrapped(body.map((l) => l.text.trim()));
    if (goal && !/^详见|见.{0,20}绩效目标表/.test(goal)) {
      out.push({
        scope: 'project',
        title: `${project ?? ''}项目经费情况说明·绩效目标`,
        unitName: null,
        projectName: project,
        code: null,
        projectId: null,
        owner: null,
        funds: { total: null, fiscal: null, other: null },
        goal,
        periodGoal: null,
        indicators: [],
        flag: null,
        selfEvaluation: null,
        lines: { first: lines[k].no, last: body[body.length - 1].no },
      });
    }
    project = undefined;
  }
  return project;
}
