import type { Check } from '../../schema/common.ts';
import type { Project } from '../../schema/narrative.ts';
import { compareAmounts } from '../checks.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { parseAmount } from '../numbers.ts';
import { FIGURE_SOURCE, MONEY_UNIT_SOURCE } from '../../core/amounts.ts';
import { linesOfSpan, matchable, type ProseText } from './prose.ts';
import type { ProseSection } from './sections.ts';

/**
 * Projects a 说明 names only in a sentence, each with its amount: `项目支出 211.47 万元，全部为本级支出，主要是：正常公用
 * 经费 21.41 万元、自收自支人员工资及保险费用 6.6 万元、…`. A county's budget often has no project table and no
 * 项目支出情况说明; this list is then the only place its projects and their amounts are published, and what its
 * performance targets can be checked against. Read only where the document describes no project in a section of
 * its own, so that a project is never listed twice.
 *
 * The listed amounts are checked against the total the sentence states: all of it where the list is the whole
 * (包括, 分别是, 具体是), at most all of it where it names the main ones (主要是, 主要用于). Pure and linear: one
 * pass over each paragraph, each item matched where the last one ended.
 */

/** The total and the word that opens the list, in one sentence: nothing but a clause may stand between them. */
const LIST_OPENING = new RegExp(
  `项目支出(?:预算)?(?:安排)?(?:为|共计|合计)?\\s*(${FIGURE_SOURCE})\\s*(${MONEY_UNIT_SOURCE})[^。；;：:]{0,40}?(主要(?:是|为|用于|包括)|具体(?:是|为|包括)|包括|分别(?:是|为))\\s*[：:]?\\s*`,
  'g',
);
/** One item: a name that does not start with a figure, its amount and unit, then a separator or the sentence's end. */
const ITEM = new RegExp(`([^\\d\\s、，,；;。：:（(][^、，,；;。：:]{1,59}?)\\s*(${FIGURE_SOURCE})\\s*(${MONEY_UNIT_SOURCE})\\s*([、，,；;。]|$)`, 'y');

export interface ListedProjects {
  projects: Project[];
  checks: Check[];
}

function readList(p: ProseText): ListedProjects | null {
  const text = matchable(p);
  for (const opening of text.matchAll(LIST_OPENING)) {
    const [, total, unit, word] = opening;
    const items: Array<{ name: string; amount: number; from: number; to: number }> = [];
    ITEM.lastIndex = opening.index + opening[0].length;
    for (let m = ITEM.exec(text); m; m = ITEM.exec(text)) {
      if (m[3] !== unit) break;
      items.push({ name: m[1].trim(), amount: parseAmount(m[2])!, from: m.index, to: m.index + m[0].length });
      if (m[4] === '。' || m[4] === '') break;
    }
    // One item is a sentence about one project, not a list; the 项目支出情况说明 reader is for those.
    if (items.length < 2) continue;
    const projects = items.map((item, i): Project => ({
      id: `p${i + 1}`,
      name: item.name,
      amount: item.amount,
      code: null,
      group: null,
      basis: null,
      scale: `${item.amount}${unit}`,
      implementer: null,
      allocation: null,
      schedule: null,
      withheld: false,
      lines: linesOfSpan(p, item.from, item.to),
    }));
    const whole = !word.startsWith('主要');
    const listed = sumAmounts(items.map((i) => i.amount));
    const stated = parseAmount(total)!;
    const lines = [linesOfSpan(p, opening.index, items[items.length - 1].to)];
    const message = whole ? '说明中列出的各项目金额之和 = 所述项目支出' : '说明中列出的主要项目金额之和不超过所述项目支出';
    const check = whole
      ? compareAmounts('narrative:listed-projects:sum', message, stated, listed, lines)
      : { ...compareAmounts('narrative:listed-projects:sum', message, stated, listed, lines), status: listed <= stated ? ('pass' as const) : ('fail' as const) };
    return { projects, checks: [check] };
  }
  return null;
}

/** The first list of projects with amounts in the document's prose, with its check; none where there is none. */
export function readListedProjects(all: readonly ProseSection[], excluded: ReadonlySet<ProseText>): ListedProjects {
  for (const s of all) {
    for (const p of s.paragraphs) {
      if (excluded.has(p)) continue;
      const found = readList(p);
      if (found) return found;
    }
  }
  return { projects: [], checks: [] };
}
