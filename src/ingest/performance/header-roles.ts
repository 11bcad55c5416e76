/**
 * What a column of a 绩效目标表, a 绩效自评表 or an evaluation's 评分表 holds, by the label its header prints: the one
 * vocabulary every reader of those tables asks (the grid reader, the table of many projects, the forms read by their
 * header's order, the 评分表 read by its labels). Built from the national templates (财政部 项目支出 / 部门整体支出绩效
 * 目标申报表, 绩效自评表, 评价指标体系) and the labels the provinces print for the same columns. A reader that reads
 * fewer columns takes its view of these roles; it does not classify labels of its own.
 * Pure.
 */
import { keepingResults } from '../../core/recent-results.ts';
import { compact } from './text.ts';
import { splitRun, runsOf, type Cell } from '../layout/cells.ts';

export type ColumnRole =
  | 'code' | 'project' | 'amount' | 'goal'
  | 'level1' | 'level2' | 'name'
  | 'operator' | 'unit' | 'value' | 'previous' | 'actual' | 'weight' | 'score'
  | 'description' | 'basis' | 'rule' | 'process' | 'deduction' | 'deviation' | 'evidence' | 'other';

/**
 * Labels by the column they name, the first that matches deciding; the order matters where one label holds
 * another's words, as each entry says.
 */
const HEADER_ROLES: ReadonlyArray<readonly [ColumnRole, RegExp]> = [
  // 单位编码, 项目编码, a 评分表's 指标编号.
  ['code', /(?:编码|代码|编号)$/],
  // 单位名称: the 部门整体 form, one row per unit.
  ['project', /^(?:单位[（(])?项目[)）]?名称$|^单位名称$/],
  ['level1', /^一级/],
  ['level2', /^二级/],
  // 指标内容: 西安's 三级 column (一级指标, 二级指标, 指标内容, 指标值), not a description (长沙's 指标值内容 is one).
  ['name', /^三级|^指标(?:内容|名称)$/],
  // 指标性质, 指标方向, 符号: the sign of the value. Before the value's: 指标值类型 is this column, not a value.
  ['operator', /(?:性质|类型|符号|方向)$/],
  ['unit', /(?:度量|计量)单位$/],
  ['goal', /^(?:整体|年度)?(?:绩效)?目标$/],
  // By source (一般公共预算, 政府性基金拨款) and by kind of spending (基本支出, 项目支出) too. Before the actual's: 实际
  // 支出金额 is an amount.
  ['amount', /(?:总额|金额|资金|合计|预算数|公共预算|(?:基金|财政)拨款)$|^(?:基本|项目)支出$/],
  // 上年完成值, 上年实际完成值, 上年指标值, 历史值: a figure for context, printed beside the target. Before the
  // actual's and the value's, whose words it holds.
  ['previous', /^(?:上年度?|历史)(?:实际)?(?:完成|指标)?值$/],
  // 得分, 实际得分, 自评得分, 得分率, a 评分表's 评分. Before the actual's: 实际得分 is a score.
  ['score', /^(?:实际|评价|自评|最终)?得分率?$|^评分$/],
  // 实际完成值, 完成值: what a 绩效自评表 reports against the target.
  ['actual', /^(?:全年|年度)?(?:实际(?:完成)?(?:值|数|情况)?|完成值)$/],
  // 分值, 权重, 标准分值, 指标分值, 权重分, 分值权重. Before the value's: 分值 ends in 值 too, and a score read as a
  // value column gave `指标值 分值` rows their score for a value, or both run together.
  ['weight', /(?:分值|权重|权重分)$|^权重/],
  // 评分过程, 评分依据, 评价依据: how a 评分表 scored the row. Before the basis's, whose word it holds.
  ['process', /^(?:评分(?:过程|依据|说明)|评价依据)$/],
  // 扣分原因, 存在问题: a 评分表's. Before the deviation's, whose word it holds.
  ['deduction', /^(?:扣分(?:原因|理由|说明)|存在问题)$/],
  // 指标解释, 指标描述, 指标值内容, 指标说明. Before the value's: 指标值内容 is the target's wording, not its value.
  ['description', /(?:描述|解释|内容)$|^指标(?:解释|描述|说明|内涵)/],
  // 指标值设定依据及数据来源, 指标值确定依据. Before the value's, whose words it holds.
  ['basis', /依据(?:及数据来源)?$/],
  // 偏差原因分析及改进措施: a 绩效自评表's.
  ['deviation', /^(?:偏差|原因|改进措施)/],
  // 评（扣）分标准, 评分规则, 赋分规则, 评分细则.
  ['rule', /(?:规则|赋则|标准|细则)$/],
  ['evidence', /^佐证/],
  // 指标值, 年度指标值, 全年指标值, 中期指标值, 目标值. Only at the end: 指标值类 is the head of 指标值类型 wrapped over
  // two lines (stacked-header.ts joins a head no column names), 指标值设 of 指标值设定依据.
  ['value', /值$/],
  ['other', /^备注$/],
];

/**
 * The column a header label names, or null. Asked of every word of every target form's header, once per stack of
 * pieces it may join (stacked-header.ts): a word's answer is kept.
 */
export const roleOfHeader = keepingResults((text: string): ColumnRole | null => {
  // A note in brackets at the end says what the column holds or in what unit: 指标值（包含数字及文字描述）, 权重（%）.
  const c = compact(text).replace(/[:：]$/, '').replace(/[（(][^（()）]*[)）]$/, '');
  if (c === '') return null;
  for (const [role, pattern] of HEADER_ROLES) if (pattern.test(c)) return role;
  return null;
});

/**
 * The label a target form prints over its indicator grid as a whole, heading no column of its own: in the grid's
 * left margin (烟台's `绩效指标` before each row's 一级 name, 福州's `绩效目标指标` once, a 绩效自评表's left of 一级指标,
 * 北京's activity form's merged label cell) or over the indicator columns of a table of many projects. No role:
 * a reader that meets it sets it apart from the grid's cells.
 */
const GRID_LABEL = /^(?:绩效指标|绩效目标指标|年度绩效指标)$/;

export function isGridLabel(text: string): boolean {
  return GRID_LABEL.test(compact(text));
}

/**
 * The column a label of a 说明's table of key projects names (key-projects.ts): the vocabulary's, and the project's
 * by a bare 项目 or 重点项目 too, which only a line of other labels makes a header. Not in the vocabulary: in a target
 * table a 项目 alone on a line is the end of a wrapped name (北京 预算表12's `2430-公务用车购置` / `项目`).
 */
export function keyProjectRole(label: string): ColumnRole | null {
  return roleOfHeader(label) ?? (/^(?:重点)?项目$/.test(compact(label)) ? 'project' : null);
}

/** A reader's view of the vocabulary: the roles it reads, any other label no column of its own. */
export function viewOf<R extends ColumnRole>(roles: readonly R[]): (label: string) => R | null {
  const read = new Set<ColumnRole>(roles);
  return (label) => {
    const role = roleOfHeader(label);
    return role != null && read.has(role) ? (role as R) : null;
  };
}

/**
 * A header's run as the labels it prints (layout/cells.ts splitRun): its words where half of them or more name a column
 * alone (a label beside one the vocabulary lacks), else the run whole; a character alone names none (`上 年 完 成 值`,
 * whose 值 alone would read as a value; `成 值`, the end of 上年完成值).
 */
export const headerRunLabels = (run: Cell): Cell[] => splitRun(run, namesAlone, 1 / 2);

const namesAlone = (word: string) => word.length > 1 && roleOfHeader(word) != null;

/**
 * The columns a header line names, by the vocabulary: its tab-separated or aligned cells, each as the labels it prints
 * (splitRun). What a reader's header test asks of a line.
 */
export function rolesOfLine(text: string): Set<ColumnRole> {
  const roles = new Set<ColumnRole>();
  for (const run of runsOf(text)) {
    const labels = headerRunLabels(run);
    for (const label of labels) {
      const role = labels.length === 1 || namesAlone(label.text) ? roleOfHeader(label.text) : null;
      if (role) roles.add(role);
    }
  }
  return roles;
}
