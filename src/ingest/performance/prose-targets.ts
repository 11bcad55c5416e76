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
import { soleStatedAmount } from '../numbers.ts';
import { inViewUnit } from '../../core/units.ts';

/** A 经费情况说明's title, compacted: the project it describes, if it names one, before it. */
export const DESCRIPTION_TITLE = /^(.*?)(?:项目)?经费情况说明$/;
const SENTENCE_END = /[。！？；.!?;]$/;

const GOAL_TITLE = '项目经费情况说明·绩效目标';

/** Whether a target is a 经费情况说明's own 绩效目标, its funds that description's 年度预算安排. */
export function isDescriptionGoal(target: Pick<PerformanceTarget, 'title'>): boolean {
  return target.title.endsWith(GOAL_TITLE);
}

/** The 经费情况说明 being read: the project its title names, and the amount its 年度预算安排 states (in 万元). */
interface Description {
  project: string | null;
  total: number | null;
}

/** The 绩效目标 paragraphs of the document's 经费情况说明, as targets (without ids), with their heading's lines. */
export function readProseTargets(blocks: readonly ProseBlock[]): Array<Omit<PerformanceTarget, 'id'>> {
  const out: Array<Omit<PerformanceTarget, 'id'>> = [];
  let description: Description | undefined; // undefined: outside any 经费情况说明
  for (const block of blocks) description = readBlock(block.rows.map((r) => r.line), description, out);
  return out;
}

/** The lines of the chapter whose heading is line k: up to the next chapter or title, or the end of its paragraph. */
function chapterBody(lines: readonly SourceLine[], k: number): SourceLine[] {
  const body: SourceLine[] = [];
  for (let j = k + 1; j < lines.length; j++) {
    const t = compact(lines[j].text);
    // A blank line ends the paragraph where its sentence ends: a web page or converter may print each line of the
    // PDF as a paragraph of its own, a blank line apart, cutting a sentence (`…便捷、优` / `质的…设施。`).
    if (t === '' ? body.length > 0 && SENTENCE_END.test(compact(body[body.length - 1].text)) : markerOf(t, ['cn', 'paren']) !== null || DESCRIPTION_TITLE.test(t)) break;
    if (t !== '') body.push(lines[j]);
  }
  return body;
}

/** The 绩效目标 paragraphs of one block into `out`; the 经费情况说明 the block ends in, if any. */
function readBlock(lines: readonly SourceLine[], description: Description | undefined, out: Array<Omit<PerformanceTarget, 'id'>>): Description | undefined {
  for (let k = 0; k < lines.length; k++) {
    // A title ends in 明, a 绩效目标 heading in 标 and a 年度预算安排 one in 排, as printed too (compacting only drops
    // white space and folds ASCII): the other lines, nearly all, are not compacted (each a text of its own, so
    // compact's store misses).
    const text = lines[k].text;
    if (!text.includes('明') && !text.includes('标') && !text.includes('排')) continue;
    const c = compact(text);
    if (c === '') continue;
    const title = /[…．.]{3,}/.test(c) ? null : DESCRIPTION_TITLE.exec(c);
    if (title && c.length <= 50) {
      description = { project: title[1] || null, total: null };
      continue;
    }
    if (description === undefined) continue;
    const chapter = afterMarker(c, ['cn']) ?? '';
    // The chapter on the year's budget (六、年度预算安排): the target's funds where it states one amount, and only one.
    if (/^(?:年度)?预算安排$/.test(chapter)) {
      const stated = soleStatedAmount(chapterBody(lines, k).map((l) => l.text.trim()).join(''));
      description.total = stated ? inViewUnit(stated.amount, stated.unit) : null;
      continue;
    }
    // The chapter on the goal (三、绩效目标), then its paragraphs up to the next chapter or section.
    if (!/^(?:年度)?绩效目标$/.test(chapter)) continue;
    const body = chapterBody(lines, k);
    const goal = joinWrapped(body.map((l) => l.text.trim()));
    if (goal && !/^详见|见.{0,20}绩效目标表/.test(goal)) {
      out.push({
        scope: 'project',
        title: `${description.project ?? ''}${GOAL_TITLE}`,
        unitName: null,
        projectName: description.project,
        code: null,
        projectId: null,
        owner: null,
        funds: { total: description.total, fiscal: null, other: null },
        goal,
        periodGoal: null,
        indicators: [],
        flag: null,
        selfEvaluation: null,
        lines: { first: lines[k].no, last: body[body.length - 1].no },
      });
    }
    description = undefined;
  }
  return description;
}
