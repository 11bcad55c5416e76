import { compact } from '../core/width.ts';
import type { IndicatorValue } from '../schema/performance.ts';
import { formatAmount } from './format.ts';

/**
 * Above this many indicators, or this many target tables, a disclosure's 绩效目标 have their own page
 * (`d/<slug>/targets/`) and the disclosure page lists the target tables with links; up to them they are on the
 * disclosure page, which saves a page and its search fragment (static hosts limit a site's files). A page may weigh
 * 60 KB gzip and hold 5,000 elements (tests/browser/reader-budget.test.ts); an indicator card is 33–40 bytes gzip and
 * 7–11 elements (measured: 718 indicators made a 25 KB targets page; on the disclosure page 197 cards were 1,386
 * elements and 263 were 2,852), so 150 indicators are at most ~6 KB and ~1,650 elements, and the tables, text and
 * checks keep the rest, as a long 正文 is held to ~14 KB (text-page.ts). About half the documents with targets print
 * fewer. A target table costs more than its indicators: its title, funds and 总体目标 alone are ~150 bytes gzip (广州
 * 水务局 2026's 257 project targets, printed without indicators, made 39.5 KB of a 92 KB page), so 60 tables (~9 KB)
 * are as many as the page keeps.
 */
export const TARGETS_PAGE_INDICATORS = 150;
export const TARGETS_PAGE_TABLES = 60;

/** The indicators of a disclosure's targets: what decides, with their number, whether they have their own page. */
export function indicatorCount(targets: ReadonlyArray<{ indicators: readonly unknown[] }>): number {
  return targets.reduce((n, t) => n + t.indicators.length, 0);
}

export function targetsHaveOwnPage(counts: { targets: number; indicators: number }): boolean {
  return counts.indicators > TARGETS_PAGE_INDICATORS || counts.targets > TARGETS_PAGE_TABLES;
}

/** The site path of a disclosure's targets page, when it has one. */
export function targetsPagePath(slug: string): string {
  return `d/${slug}/targets/`;
}

/**
 * What a target table is called to a reader: its printed title, with the project it is for when the title does not
 * name it. Documents print one 项目支出绩效目标表 per project under that same title, so the title alone cannot tell a
 * list or a page of them apart; the project name printed in the form does.
 */
export function targetLabel(target: { title: string; projectName: string | null }): string {
  const title = target.title.trim();
  const project = target.projectName?.trim() ?? '';
  if (!title) return project || '绩效目标';
  return project && !title.includes(project) ? `${title}：${project}` : title;
}

/** The signs a 指标值's operator is shown with. */
export const OPERATOR_SIGNS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** A numeric 指标值 as the page shows it (≥ 24 人); empty for a value that is not a number. */
export function valueReading(value: IndicatorValue): string {
  if (value.number == null) return '';
  return [value.operator && OPERATOR_SIGNS[value.operator], formatAmount(value.number), value.unit].filter(Boolean).join(' ');
}

/**
 * Whether the printed 指标值 says more than the page's reading of it, and so is shown beside it as 原文: a word or a
 * figure the reading leaves out does; ≥24人 read as ≥ 24 人 only repeats it on every card.
 */
export function printedSaysMore(value: IndicatorValue): boolean {
  const bare = (text: string) => compact(text).replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/,/g, '');
  return value.text.trim() !== '' && bare(value.text) !== bare(valueReading(value));
}
