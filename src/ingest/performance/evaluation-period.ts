/**
 * The period an evaluation report covers: a labelled cover or card field (评价期间：2023年1月1日至2023年12月31日),
 * else the sentence that states it (本次项目的评价期间为 2022 年 7 月 1 日至 2022 年 9 月 15 日), else the 年度 its
 * title names (… 绩效评价报告（2021 年度）). The text is kept as printed; the dates are read as far as it gives them.
 */
import type { LineRange } from '../../schema/common.ts';
import type { EvaluationPeriod } from '../../schema/performance.ts';
import { openingLines, type SourceLine } from '../source-lines.ts';
import type { ProseBlock } from '../layout/blocks.ts';
import { compact } from './text.ts';

const DATE = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日?)?)?/g;

function iso(m: RegExpMatchArray): string {
  const [, y, mo, d] = m;
  return [y, mo?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

/** `from` and `to` of a printed period: its first and last dates; one date (2021年度) is both. */
export function periodOf(label: string, printed: string, lines: LineRange): EvaluationPeriod {
  const dates = [...compact(printed).matchAll(DATE)];
  return {
    label,
    text: printed.trim(),
    from: dates.length ? iso(dates[0]) : null,
    to: dates.length ? iso(dates[dates.length - 1]) : null,
    lines,
  };
}

const STATED = /评价(?:期间|时段|区间)(?:为|是|[:：])((?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日?)?)?(?:至|—|－|-|~|～|到)?){1,2})/;
const TITLE_YEAR = /(\d{4})年度/;

/**
 * The stated period of a report without a labelled one: its sentence, in the report's prose blocks
 * (layout/prose-blocks.ts), else the 年度 of its title, among the first printed lines of the whole text (`lines`).
 */
export function readStatedPeriod(blocks: readonly ProseBlock[], lines: readonly SourceLine[]): EvaluationPeriod | null {
  for (const { line, card } of blocks.flatMap((b) => b.rows)) {
    if (card) continue;
    const m = STATED.exec(compact(line.text));
    if (m) return periodOf('评价期间', m[1].replace(/(?:至|—|－|-|~|～|到)$/, ''), { first: line.no, last: line.no });
  }
  const title = openingLines(lines, 10).find((l) => /绩效评价报告/.test(compact(l.text)));
  const year = title ? TITLE_YEAR.exec(compact(title.text)) : null;
  return title && year ? periodOf('评价年度', `${year[1]}年度`, { first: title.no, last: title.no }) : null;
}
