import { keepingResults } from '../../core/recent-results.ts';
import { compact } from '../../core/width.ts';

/**
 * The column vocabulary shared by every layout: the same header means the same key in every document, so that
 * checks and cross-department views can rely on `total`, `basic`, `project` … whatever the print looked like.
 * Keys not listed here are made from the position (`c1`, `c2` …) and keep their printed label.
 */
const COLUMN_KEYS: ReadonlyArray<readonly [key: string, pattern: RegExp]> = [
  ['total', /^项目支出合计$/],
  ['personnel', /^人员(?:经费|支出|类)/],
  ['public', /^(?:日常)?公用(?:经费|支出)/],
  ['basic', /^基本支出/],
  ['project', /^项目支出/],
  // The 部门决算 template's 本年支出 group over 合计 | 基本支出 | 项目支出 (收入支出决算表); `本年支出合计` alone stays a
  // total (支出决算表).
  ['expenditure', /^本年支出$/],
  // Its neighbours, the row's balance (年末 = 年初 + 本年收入 − 本年支出): `本年收入合计` alone stays a total (收入决算表).
  // Not `carryover…`: 上年结转 is an income source of a budget's 合计, 年初结转和结余 no part of any.
  ['opening-balance', /^年初(?:财政拨款)?结转和?结余$/],
  ['income', /^本年(?:财政拨款)?收入$/],
  ['closing-balance', /^年末(?:财政拨款)?结转和?结余$/],
  // 上级…安排的转移支付 beside the fund it belongs to (新疆 income tables): part of 财政拨款, like the fund itself.
  ['transfer-general', /^上级一般公共预算(?:安排)?(?:的)?转移支付/],
  ['transfer-fund', /^上级政府性基金(?:预算)?(?:安排)?(?:的)?转移支付/],
  ['transfer-state-capital', /^上级国有资本经营预算(?:安排)?(?:的)?转移支付/],
  // 上年结转结余 split by source; checked before 财政拨款, which the first one starts with.
  ['carryover-fiscal', /^(?:上年)?财政拨款结转(?:结余)?$/],
  ['carryover-non-fiscal', /^(?:上年)?非财政拨款结转(?:结余)?$/],
  // The 三公 subtotal of a table that adds 会议费 and 培训费 to its 合计 (`一般公共预算拨款安排的“三公”经费预算 / 小计`),
  // or the 三公 table's own total (北京 预算09表 `“三公”经费财政拨款预算总额`).
  ['three-public', /三公经费(?:财政拨款)?(?:预算)?(?:数)?(?:小计|合计|总额)$/],
  // 公共财政拨款 is 一般公共预算拨款 by its name before the 2015 budget law (2015–2017 budgets).
  ['general', /^(?:一般公共预算|公共财政)/],
  ['fund', /^政府性基金/],
  ['state-capital', /^国有资本经营/],
  ['fiscal', /^财政拨款/],
  ['fiscal-special', /^财政专户/],
  // 财政专户拨款收入 broken down (广州 收入总体情况表: 教育收费 | 其他专户收入拨款 under it, no 小计 of its own).
  ['education-fees', /^(?:专户管理)?教育收费/],
  ['special-account-other', /^其他专户收入/],
  ['unit-funds', /^单位资金/],
  ['business', /^事业收入/],
  ['operating', /^(?:事业单位)?经营(?:服务)?(?:收入|支出)/],
  ['subsidy-from-superior', /^上级补助/],
  ['affiliated', /^附属单位/],
  ['other-income', /^(?:单位)?其[他它](?:资金)?(?:收入|资金)/],
  ['carryover', /^(?:单位)?上年结[转余]/],
  // 使用非财政拨款结余 (收入总表 of 山东 and others): an income source beside 上年结转, part of 合计.
  ['non-fiscal-balance', /^使用非财政拨款结余/],
  ['remit-superior', /^上缴上级/],
  // The expenditure side's own columns beside 基本支出 / 项目支出 (江苏 支出预算总表, 烟台 支出总体情况表): parts of 合计,
  // as 收支总表's 支出总计 = 本年支出合计 + 结转下年.
  ['reserve', /^(?:单位)?预留机动经费/],
  ['carryover-next', /^结转下年/],
  ['subsidy-to-affiliated', /^对附属单位补助/],
  ['previous-year', /^上年(?:预算|决算|执行)?数?$/],
  ['budget-initial', /^年初预算/],
  ['budget-adjusted', /^(?:全年|调整)预算/],
  ['actual', /^决算数?$/],
  ['outbound-travel', /^因公出国/],
  ['vehicles', /^公务用车购置及运行/],
  ['vehicle-purchase', /^(?:公务用车)?购置(?:经)?费?$/],
  ['vehicle-operation', /^(?:公务用车)?运行(?:维护)?(?:经)?费?$/],
  ['reception', /^公务接待/],
  ['operating-costs', /^机关运行经费/],
  // Added to the 三公 subtotal in the “三公”经费、会议费、培训费 tables (江苏, 西安): 合计 = 三公 小计 + 会议费 + 培训费.
  ['meeting', /^会议费/],
  ['training', /^培训费/],
  // 支出经济分类 类 as columns (项目支出 tables break each project down by them).
  ['econ-301', /^工资福利支出$/],
  ['econ-302', /^商品和服务支出$/],
  ['econ-303', /^对个人和家庭的?补助(?:支出)?$/],
  ['econ-307', /^债务利息及费用支出$/],
  ['econ-309', /^资本性支出[(（]基本建设[)）]$/],
  ['econ-310', /^资本性支出$/],
  ['econ-311', /^对企业补助[(（]基本建设[)）]$/],
  ['econ-312', /^对企业补助$/],
  ['econ-313', /^对社会保障基金补助$/],
  ['econ-399', /^其他支出$/],
  ['quantity', /^数量/],
  ['value', /^(?:价值|账面价值|原值)/],
  ['total', /^(?:合计|总计|小计|本年(?:收入|支出)合计|(?:收入|支出)总计|(?:\d{4}年|本年)?预算数?|(?:预算)?金额|支出预算|预算)$/],
];

/**
 * Text columns of the 政府采购 / 政府购买服务 / 项目支出 templates, and the economic classifications printed beside a
 * row's function code (北京 支出总表: `2050802-干部教育  50501-工资福利支出  30101-基本工资`): what describes a row
 * beside its name (采购目录, 规格型号, 采购组织形式 …). Their cells are kept under these keys; the names (采购项目,
 * 项目名称, 采购物品名称 …) stay the row's name.
 */
const TEXT_COLUMN_KEYS: ReadonlyArray<readonly [key: string, pattern: RegExp]> = [
  ['procurement-catalog', /^(?:采购目录|采购品目)$/],
  ['specification', /^规格(?:型号)?$/],
  ['service-content', /^(?:购买)?服务内容$/],
  ['procurement-method', /^采购(?:组织形式|方式)$/],
  ['economic-subject', /^(?:经济科目|部门(?:支出|预算)经济分类(?:科目)?)$/],
  ['government-economic-subject', /^政府(?:支出|预算)经济分类(?:科目)?$/],
  ['project-summary', /^(?:项目(?:简介|概述|内容)|主要内容)$/],
  // A project's 绩效目标 as prose (广州 部门预算项目支出及其他支出预算表), beside its amounts.
  ['performance-goal', /^(?:项目|年度)?绩效目标$/],
  ['project-category', /^项目(?:类别|类型|属性)$/],
  ['note', /^(?:说明|备注)$/],
  // A table by unit and year (深圳 三公: each unit's `2025 年`, `2026 年` and `增减变化金额` as rows).
  ['year', /^(?:年度|年份)$/],
];

/** The key under which a project table keeps a row's project name, where its own name is a classification's. */
export const PROJECT_TEXT_KEY = 'project-name';

export function textColumnKeyFor(label: string): string | null {
  const t = compact(label);
  for (const [key, pattern] of TEXT_COLUMN_KEYS) if (pattern.test(t)) return key;
  return null;
}

/** `其中：` opening a column's label: the column is a part of one beside it (of its group's 小计, or of one of its parts). */
export const PART_OF_BESIDE = /^其中[:：]/;

/**
 * Whether a column of a label the vocabulary does not know opens with `其中：` (西安 一般公共预算拨款 / 小计 beside
 * `其中：专项资金列入部门预算项目`): which column it is part of is not known, so no sum can count it.
 */
export function isUnknownPart(column: { key: string; label: string }): boolean {
  return isPositionalKey(column.key) && PART_OF_BESIDE.test(compact(column.label));
}

/** The same of a header's label, before the columns have keys: `其中：` opening a label the vocabulary does not know. */
export function namesUnknownPart(label: string): boolean {
  return PART_OF_BESIDE.test(compact(label)) && columnKeyFor(label) === null;
}

/** Asked of every label of every header by several readers, each against all the patterns: the results are kept. */
export const columnKeyFor = keepingResults((label): string | null => {
  // `其中：基本支出` is the 基本支出 column, printed as part of the total beside it.
  const t = compact(label).replace(/["“”]/g, '').replace(PART_OF_BESIDE, '');
  for (const [key, pattern] of COLUMN_KEYS) if (pattern.test(t)) return key;
  return null;
});

/** The keys of the labels a header's text names anywhere in it, for a header whose labels cannot be told apart. */
export function keysNamedIn(text: string): Set<string> {
  const t = compact(text);
  const out = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    const rest = t.slice(i);
    for (const [key, pattern] of COLUMN_KEYS) if (pattern.test(rest)) out.add(key);
  }
  return out;
}

/**
 * The stage a label heading a block of items names (预算数 | 决算数 each over 合计 | 基本支出 | 项目支出, or over a 三公
 * table's items): the budget as passed or as adjusted (年初 / 全年 / 调整后预算数) or what was spent; null for any other.
 * Its columns take the stage as a suffix (`total-budget`, `total-actual`).
 */
export function bandStage(label: string): 'budget' | 'actual' | null {
  if (!/^(?:(?:年初|全年|调整后?)?预算|决算)数$/.test(label)) return null;
  return label.startsWith('决算') ? 'actual' : 'budget';
}

/** The key of a column the vocabulary does not know, by its place in the table (1-based): `c3`. */
export function positionalKey(place: number): string {
  return `c${place}`;
}

/** A positional key: its column may be any part of any total, so no identity over the row may count on it. */
export function isPositionalKey(key: string): boolean {
  return /^c\d+$/.test(key);
}

/** Keys for a header row: known labels get their shared key; the rest, and repeats, get positional keys. */
export function columnKeys(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label, i) => {
    const key = columnKeyFor(label);
    const chosen = key && !used.has(key) ? key : positionalKey(i + 1);
    used.add(chosen);
    return chosen;
  });
}

/** Columns that break another column down: 基本支出 = 人员经费 + 公用经费, 公务用车购置及运行费 = 购置费 + 运行费 … */
const SUB_COLUMNS: Readonly<Record<string, string>> = {
  personnel: 'basic',
  public: 'basic',
  'vehicle-purchase': 'vehicles',
  'vehicle-operation': 'vehicles',
  // 本年支出 = 基本支出 + 项目支出 where a 决算 table prints the year's spending beside its balances.
  basic: 'expenditure',
  project: 'expenditure',
  general: 'fiscal',
  fund: 'fiscal',
  'state-capital': 'fiscal',
  'transfer-general': 'fiscal',
  'transfer-fund': 'fiscal',
  'transfer-state-capital': 'fiscal',
  'carryover-fiscal': 'carryover',
  'carryover-non-fiscal': 'carryover',
  'education-fees': 'fiscal-special',
  'special-account-other': 'fiscal-special',
  'outbound-travel': 'three-public',
  vehicles: 'three-public',
  reception: 'three-public',
};

/**
 * The columns a group label stands over in the national templates, whether or not it prints a 小计 of its own:
 * a group label printed over only one of its columns (`财政拨款` centred on 政府性基金预算) still heads the others.
 */
const TEMPLATE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  fiscal: ['general', 'fund', 'state-capital', 'transfer-general', 'transfer-fund', 'transfer-state-capital'],
  'unit-funds': ['business', 'operating', 'subsidy-from-superior', 'affiliated', 'other-income'],
  'fiscal-special': ['education-fees', 'special-account-other'],
  basic: ['personnel', 'public'],
  vehicles: ['vehicle-purchase', 'vehicle-operation'],
  expenditure: ['basic', 'project'],
};

/** The label of the column that totals a template group's members: 小计, or 合计 where the template prints it so. */
const TEMPLATE_SUBTOTALS: Readonly<Record<string, RegExp>> = {
  // 部门决算 收入支出决算表 (../shared/samples/national-final-accounts-template.txt L339–L346): 本年支出 / 合计.
  expenditure: /^(?:小计|合计)$/,
  // 广州 部门预算基本支出预算表 and 项目支出及其他支出预算表: 总计 | 财政拨款 / 合计 | 财政专户拨款 | 其他资金.
  fiscal: /^(?:小计|合计)$/,
};

/**
 * The key of a template group (see templateMembers) when a label under it is the column totalling its members: that
 * column is the group's (本年支出 / 合计 is `expenditure`, not the table's `total`); null for any other label or group.
 */
export function templateSubtotalKey(group: string, label: string): string | null {
  const key = columnKeyFor(group);
  if (key === null || !TEMPLATE_GROUPS[key]) return null;
  return TEMPLATE_SUBTOTALS[key]?.test(label) || label === '小计' ? key : null;
}

/** The keys of the columns a group label heads in the templates, or null when the label is no template group. */
export function templateMembers(label: string): readonly string[] | null {
  const key = columnKeyFor(label);
  return key ? (TEMPLATE_GROUPS[key] ?? null) : null;
}

/** Whether a key belongs to some template group (一般公共预算 to 财政拨款, 购置费 to 公务用车购置及运行费 …). */
export function inTemplateGroup(key: string): boolean {
  return Object.values(TEMPLATE_GROUPS).some((members) => members.includes(key));
}

/** Keys that are parts of a row's total: a row's `total` is the sum of those present (minus broken-down ones). */
const TOTAL_PARTS = new Set([
  'basic', 'project', 'personnel', 'public', 'general', 'fund', 'state-capital', 'fiscal', 'fiscal-special',
  'unit-funds', 'business', 'operating', 'subsidy-from-superior', 'affiliated', 'other-income', 'carryover',
  'non-fiscal-balance', 'transfer-general', 'transfer-fund', 'transfer-state-capital', 'carryover-fiscal',
  'carryover-non-fiscal', 'remit-superior', 'subsidy-to-affiliated', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation',
  'reception', 'three-public', 'meeting', 'training', 'education-fees', 'special-account-other', 'reserve', 'carryover-next',
]);

/** Whether a known column may be a part of a row's total: 机关运行经费 or 上年数 beside 三公 or this year's are not. */
export function isTotalPart(key: string): boolean {
  return TOTAL_PARTS.has(key) || key.startsWith('econ-');
}

/** An arithmetic identity between the columns of one row, by key or by index: `whole` = sum of `parts`. */
export interface ColumnIdentity<Column extends string | number = string> {
  whole: Column;
  parts: Column[];
}

/**
 * The identities that hold within every row of a table with these columns: 合计 = the sum of its parts (基本支出 +
 * 项目支出, the income sources, the economic classes …) and each broken-down column = the sum of its sub-columns.
 * The total identity is only asserted when every other column is a part of the total (a 上年数 or 决算数 column
 * would make it false).
 */
export function columnIdentities(keys: readonly string[]): ColumnIdentity[] {
  if (keys.length === 0) return [];
  // 预算数 / 决算数 under every item (`reception-budget`, `reception-actual`): the identities hold within each stage.
  const stages = ['-budget', '-actual'];
  if (keys.every((k) => stages.some((s) => k.endsWith(s)))) return identitiesWithin(keys, stages);
  // An earlier year's block beside the document's own (`total-previous` … beside `total` …: 2024年预算数 | 2025年预算数
  // over the same items, aligned/header.ts periodColumns): the identities hold within each year's block.
  const previous = keys.filter((k) => k.endsWith(PREVIOUS));
  if (previous.length > 0) return [...identitiesWithin(previous, [PREVIOUS]), ...columnIdentities(keys.filter((k) => !k.endsWith(PREVIOUS)))];
  // Each item broken down the same way (`reception.general`, `reception.fund` …): the identities hold within each
  // part of the breakdown.
  if (keys.every((k) => k.includes('.'))) return identitiesWithin(keys, [...new Set(keys.map((k) => k.slice(k.indexOf('.'))))]);
  return itemIdentities(keys);
}

/** The suffix of an earlier year's columns printed beside the document's year. */
const PREVIOUS = '-previous';

/** An identity that also takes away: `whole` = sum of `parts` − sum of `less`. */
export interface BalanceIdentity extends ColumnIdentity {
  less: string[];
}

/** A row's balance in a 部门决算 收入支出决算表: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出. */
const BALANCE: BalanceIdentity = { whole: 'closing-balance', parts: ['opening-balance', 'income'], less: ['expenditure'] };

/**
 * The balance of every row of a table that prints it (the 部门决算 收入支出决算表 and its 财政拨款, 政府性基金预算 and
 * 国有资本经营预算 siblings: ../shared/samples/national-final-accounts-template.txt L339–L346). Only a table printing
 * nothing beside the balance's columns and 本年支出's breakdown has it: a 用事业基金弥补收支差额 or 结余分配 column moves the
 * balance too, and any other column may. Not a constraint of placement: a check that placed the amounts would pass
 * whatever the document printed.
 */
export function balanceIdentities(keys: readonly string[]): BalanceIdentity[] {
  const own = [BALANCE.whole, ...BALANCE.parts, ...BALANCE.less];
  const beside = TEMPLATE_GROUPS.expenditure;
  const complete = own.every((k) => keys.includes(k)) && keys.every((k) => own.includes(k) || beside.includes(k));
  return complete ? [BALANCE] : [];
}

/** columnIdentities by column index: the column of `keys[k]` is `at[k]` (k itself unless given). */
export function indexedIdentities(keys: readonly string[], at: readonly number[] = keys.map((_, k) => k)): ColumnIdentity<number>[] {
  const index = (key: string) => at[keys.indexOf(key)];
  return columnIdentities(keys).map(({ whole, parts }) => ({ whole: index(whole), parts: parts.map(index) }));
}

/** The items' identities among the keys that end in each suffix, the suffix kept on every key. */
function identitiesWithin(keys: readonly string[], suffixes: readonly string[]): ColumnIdentity[] {
  return suffixes.flatMap((suffix) => {
    const within = keys.filter((k) => k.endsWith(suffix)).map((k) => k.slice(0, -suffix.length));
    return itemIdentities(within).map(({ whole, parts }) => ({ whole: whole + suffix, parts: parts.map((p) => p + suffix) }));
  });
}

function itemIdentities(keys: readonly string[]): ColumnIdentity[] {
  const present = new Set(keys);
  const identities: ColumnIdentity[] = [];
  for (const parent of new Set(Object.values(SUB_COLUMNS))) {
    const parts = keys.filter((k) => SUB_COLUMNS[k] === parent);
    if (present.has(parent) && parts.length > 0) identities.push({ whole: parent, parts });
  }
  const others = keys.filter((k) => k !== 'total');
  if (present.has('total') && others.length > 0 && others.every(isTotalPart)) {
    const parts = others.filter((k) => !(SUB_COLUMNS[k] && present.has(SUB_COLUMNS[k])));
    identities.push({ whole: 'total', parts });
  }
  return identities;
}
