import { checkCounts } from '../schema/common.ts';
import type { Disclosure, DisclosureSansChecks } from '../schema/disclosure.ts';
import type { Table } from '../schema/table.ts';
import { formatAmount } from './format.ts';
import { inferredMark } from '../core/inferred-title.ts';
import { spendingTable } from './totals.ts';

/**
 * The answer first: a few plain sentences at the top of a department page, generated from the parsed figures only —
 * the total, the three largest uses by 功能分类 with their shares, 基本支出 against 项目支出, “三公”经费, the change
 * from the previous year where the document states it, and how many problems the checks found. Every figure is one
 * the document prints (or a share of two printed figures); nothing is estimated. Pure: no parser imports.
 */

/**
 * A disclosure as its summaries read it: its checks in either form, read by the schema or as the file holds them,
 * since they need only how many have each status (common.ts `checkCounts`) and the content loader counts them
 * without reading them (scripts/summary-loader.ts).
 */
export type SummarySource = DisclosureSansChecks & { checks: unknown };

export interface SummaryUse {
  code: string;
  name: string;
  amount: number;
  /** Percent of the total, one decimal. */
  share: number;
}

export interface PageSummary {
  sentences: string[];
  /** The sentence about the checks, which the page links to its 数据校验 panel. */
  checks: string;
  /** Figures behind the sentences, for tests and for anyone who wants them without the wording. */
  total: { amount: number; unit: string; label: string } | null;
  uses: SummaryUse[];
  problems: number;
}

const STAGE: Readonly<Record<Disclosure['kind'], string>> = {
  budget: '预算',
  'final-account': '决算',
  'performance-target': '',
  'performance-evaluation': '',
  other: '',
};

function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 1000) / 10;
}

/** 类 amounts summed over the sub-units of a department table (the same 类 repeats under each unit). */
function largestUses(table: Table, whole: number): SummaryUse[] {
  const byCode = new Map<string, { name: string; amount: number }>();
  for (const r of table.rows) {
    if (r.codeScheme !== 'function' || r.level !== 1 || !r.code || r.role !== 'data' || r.values.total == null) continue;
    if (r.texts.side === 'income') continue;
    const seen = byCode.get(r.code);
    byCode.set(r.code, { name: seen?.name ?? r.name, amount: (seen?.amount ?? 0) + r.values.total });
  }
  return [...byCode]
    .map(([code, { name, amount }]) => ({ code, name, amount: Math.round(amount * 100) / 100, share: percent(amount, whole) }))
    .filter((u) => u.amount > 0)
    .sort((a, b) => b.amount - a.amount || a.code.localeCompare(b.code))
    .slice(0, 3);
}

function changeText(change: number | null, unit: string): string {
  if (change === null) return '';
  if (change === 0) return '，与上年持平';
  return `，比上年${change > 0 ? '增加' : '减少'} ${formatAmount(Math.abs(change))} ${unit}`;
}

export function pageSummary(doc: SummarySource, findings: number): PageSummary {
  const sentences: string[] = [];
  const stage = STAGE[doc.kind];
  const found = spendingTable(doc);
  const unit = found?.table.unit ?? doc.unit ?? '';
  let total: PageSummary['total'] = null;
  let uses: SummaryUse[] = [];
  if (found) {
    const amount = found.total.values.total!;
    total = { amount, unit, label: `${stage}支出合计` };
    const previous = found.total.values['previous-year'];
    const change = previous != null ? changeText(Math.round((amount - previous) * 100) / 100, unit) : '';
    // A total taken from a table whose kind was told from its contents says so where it is stated (core/inferred-title.ts).
    sentences.push(`${doc.department}${doc.year ? ` ${doc.year} 年` : ''}${stage}支出合计 ${formatAmount(amount)} ${unit}${inferredMark(found.table, false)}${change}。`);
    uses = amount > 0 ? largestUses(found.table, amount) : [];
    if (uses.length > 0) {
      const list = uses.map((u) => `${u.name} ${formatAmount(u.amount)} ${unit}（占 ${u.share}%）`).join('，');
      sentences.push(`按功能分类，${uses.length > 1 ? `最大的 ${uses.length} 项用途是` : '用途是'}${list}。`);
    }
    const { basic, project } = found.total.values;
    if (basic != null && project != null && amount > 0) {
      sentences.push(
        `其中基本支出（人员工资和日常运转）${formatAmount(basic)} ${unit}，占 ${percent(basic, amount)}%；` +
          `项目支出（完成特定任务）${formatAmount(project)} ${unit}，占 ${percent(project, amount)}%。`,
      );
    }
  }
  const threePublic = doc.facts.find((f) => f.id === 'three-public.total');
  if (threePublic?.value != null) {
    const u = threePublic.unit ?? unit;
    sentences.push(`“三公”经费（因公出国、公务用车、公务接待）${formatAmount(threePublic.value)} ${u}${changeText(threePublic.change, u)}。`);
  }
  const checks = checkCounts(doc.checks);
  const problems = checks.fail + findings;
  const checksText =
    problems > 0
      ? `自动校验发现 ${problems} 处数字不一致或需要注意的地方。`
      : checks.pass + checks.fail + checks['not-applicable'] + checks['not-checkable'] > 0
        ? '自动校验未发现数字不一致。'
        : '本文件没有可自动校验的数字。';
  return { sentences, checks: checksText, total, uses, problems };
}
