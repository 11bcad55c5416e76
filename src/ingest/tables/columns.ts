import { foldWidth } from '../source-lines.ts';

/**
 * The column vocabulary shared by every layout: the same header means the same key in every document, so that
 * checks and cross-department views can rely on `total`, `basic`, `project` … whatever the print looked like.
 * Keys not listed here are made from the position (`c1`, `c2` …) and keep their printed label.
 */
const COLUMN_KEYS: ReadonlyArray<readonly [key: string, pattern: RegExp]> = [
  ['personnel', /^人员经费/],
  ['public', /^(?:日常)?公用经费/],
  ['basic', /^基本支出/],
  ['project', /^项目支出/],
  ['general', /^一般公共预算/],
  ['fund', /^政府性基金/],
  ['state-capital', /^国有资本经营/],
  ['fiscal', /^财政拨款/],
  ['fiscal-special', /^财政专户/],
  ['unit-funds', /^单位资金/],
  ['business', /^事业收入/],
  ['operating', /^(?:事业单位)?经营(?:收入|支出)/],
  ['subsidy-from-superior', /^上级补助/],
  ['affiliated', /^附属单位/],
  ['other-income', /^其他(?:收入|资金)/],
  ['carryover', /^上年结转/],
  ['remit-superior', /^上缴上级/],
  ['subsidy-to-affiliated', /^对附属单位补助/],
  ['previous-year', /^上年(?:预算|决算|执行)?数?$/],
  ['budget-initial', /^年初预算/],
  ['budget-adjusted', /^(?:全年|调整)预算/],
  ['actual', /^决算数?$/],
  ['outbound-travel', /^因公出国/],
  ['vehicles', /^公务用车购置及运行/],
  ['vehicle-purchase', /^(?:公务用车)?购置费?$/],
  ['vehicle-operation', /^(?:公务用车)?运行(?:维护)?费?$/],
  ['reception', /^公务接待/],
  ['operating-costs', /^机关运行经费/],
  ['total', /^(?:合计|总计|小计|本年(?:收入|支出)合计|预算数|金额|支出预算|年初结转和结余|预算)$/],
];

export function columnKeyFor(label: string): string | null {
  const t = foldWidth(label).replace(/\s+/g, '').replace(/["“”]/g, '');
  for (const [key, pattern] of COLUMN_KEYS) if (pattern.test(t)) return key;
  return null;
}

/** Keys for a header row: known labels get their shared key; the rest, and repeats, get positional keys. */
export function columnKeys(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label, i) => {
    const key = columnKeyFor(label);
    const chosen = key && !used.has(key) ? key : `c${i + 1}`;
    used.add(chosen);
    return chosen;
  });
}
