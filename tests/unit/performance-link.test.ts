import { describe, expect, it } from 'vitest';
import { project as projectSchema, type Project } from '../../src/schema/narrative.ts';
import type { PerformanceTarget } from '../../src/schema/performance.ts';
import { table as tableSchema, tableRow, type Table, type TableRow } from '../../src/schema/table.ts';
import { linkTargets, projectKey } from '../../src/ingest/performance/link.ts';

function target(id: string, projectName: string, total: number | null): PerformanceTarget {
  return {
    id, scope: 'project', title: '项目支出绩效目标表', unitName: null, projectName, code: null, projectId: null, owner: null,
    funds: { total, fiscal: total, other: null }, goal: null, periodGoal: null, indicators: [], flag: null, selfEvaluation: null, lines: { first: 1, last: 2 },
  };
}

function project(id: string, name: string, amount: number | null): Project {
  return projectSchema.parse({ id, name, amount, code: null, basis: null, scale: null, implementer: null, allocation: null, schedule: null, lines: { first: 10, last: 10 } });
}

function row(name: string, projectName: string | null, total: number, line: number): TableRow {
  return tableRow.parse({
    code: '2130502', codeScheme: 'function', level: 3, name, values: { total }, texts: projectName ? { 'project-name': projectName } : {},
    group: null, lines: { first: line, last: line },
  });
}

function projectTable(rows: TableRow[], unit = '万元'): Table {
  return tableSchema.parse({
    id: 't7', kind: 'general-budget-project-expenditure', title: '一般公共预算项目支出情况表', unit, columns: [], rows, lines: { first: 340, last: 400 },
  });
}

describe('linkTargets', () => {
  // Names as printed in kashgar-poverty-alleviation-office: target 808 vs 项目支出 table row 362 vs 项目情况说明 564.
  const table = projectTable([
    row('一般行政管理事务（扶贫）', '防返贫致贫监测预警工作专项', 76.38, 353),
    row('一般行政管理事务（扶贫）', '“十四五”巩固拓展脱贫攻坚成果规划编制工作经费项目', 77.04, 362),
    row('一般行政管理事务（扶贫）', '脱贫攻坚专项', 157.25, 375),
  ]);
  const projects = [project('p1', '“十四五”巩固拓展脱贫攻坚成果规划编制工作项目', 77.04), project('p2', '防返贫致贫监测预警工作专项项目', 76.38)];

  it('reduces names to their key: no quotes, year or trailing 项目/专项/经费', () => {
    expect(projectKey('“十四五”巩固拓展脱贫攻坚成果规划编制工作经费项目')).toBe('十四五巩固拓展脱贫攻坚成果规划编制');
    expect(projectKey('2021年 第七次全国人口普查项目')).toBe('第七次全国人口普查');
  });

  it('links by name variants and checks the amount against the 项目支出 row', () => {
    const r = linkTargets([target('target-1', '“十四五”巩固拓展脱贫攻坚成果规划编制工作项目', 77.04), target('target-2', '防返贫致贫监测预警工作专项项目', 76.38)], projects, [table]);
    expect(r.targets.map((t) => t.projectId)).toEqual(['p1', 'p2']);
    expect(r.checks.map((c) => [c.id, c.status, c.expected])).toEqual([
      ['performance:target-1:project-amount', 'pass', 77.04],
      ['performance:target-2:project-amount', 'pass', 76.38],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('matches a target that names its unit by unit and name, where the rows are named so', () => {
    // 杭州 交通运输局 2026 部门预算: 表10 names each row 单位 + 项目 (L974 杭州市交通运输局 日常保障运行 64.90, L982
    // 杭州市公路与港航管理服务中心 日常保障运行 7,294.80); 表11 gives each target its 单位名称 (L1022, L1056).
    const rows = projectTable([row('杭州市交通运输局日常保障运行', null, 64.9, 974), row('杭州市公路与港航管理服务中心日常保障运行', null, 7294.8, 982)]);
    const of = (unitName: string, id: string, total: number) => ({ ...target(id, '日常保障运行', total), unitName });
    const r = linkTargets([of('杭州市交通运输局', 'target-1', 64.9), of('杭州市公路与港航管理服务中心', 'target-2', 7294.8)], [], [rows]);
    expect(r.checks.map((c) => [c.id, c.status, c.expected])).toEqual([
      ['performance:target-1:project-amount', 'pass', 64.9],
      ['performance:target-2:project-amount', 'pass', 7294.8],
    ]);
  });

  it('compares a target with its described project in 万元 where the document prints 元', () => {
    // 司法局 2026 部门预算: 人民调解项目经费情况说明, 年度预算安排 795万元 (L399–L400), its amount 7,950,000 in the document's
    // unit (its tables print 元); the target's funds are 795 万元. No 项目支出 table names the project.
    const described = [project('p1', '人民调解项目', 7950000)];
    const r = linkTargets([target('target-1', '人民调解项目', 795)], described, [], '元');
    expect(r.checks.map((c) => [c.status, c.expected, c.actual])).toEqual([['pass', 795, 795]]);
    expect(r.targets[0].projectId).toBe('p1');
    expect(linkTargets([target('target-1', '人民调解项目', 800)], described, [], '元').checks[0]).toMatchObject({ status: 'fail', expected: 795, actual: 800 });
  });

  it('sums a project printed on several rows (several classification codes) and reports a mismatch', () => {
    // kashgar-edz 475–486: 稳就业保障项目 on four rows, 152 + 570.1 + 1 + 82.5 = 805.6, vs 1000 in its target table (1057).
    const split = projectTable([row('职业培训补贴', '稳就业保障项目', 152, 475), row('社会保险补贴', '稳就业保障项目', 570.1, 480), row('促进创业补贴', '稳就业保障项目', 1, 484), row('其他就业补助支出', '稳就业保障项目', 82.5, 486)]);
    const r = linkTargets([target('target-2', '稳就业保障项目', 1000)], [project('p1', '稳就业保障项目', 1000)], [split]);
    expect(r.checks[0]).toMatchObject({ status: 'fail', expected: 805.6, actual: 1000 });
    expect(r.targets[0].projectId).toBe('p1');
  });

  it('converts a 元 table to 万元', () => {
    const r = linkTargets([target('target-1', '扶贫宣传项目', 110)], [], [projectTable([row('扶贫', '扶贫宣传项目', 1100000, 392)], '元')]);
    expect(r.checks[0]).toMatchObject({ status: 'pass', expected: 110 });
  });

  it('reports a target whose project is nowhere as a warning and a not-checkable check', () => {
    const r = linkTargets([target('target-9', '深圳援疆博士团科研费用', 9.15)], projects, [table]);
    expect(r.targets[0].projectId).toBeNull();
    expect(r.checks[0].status).toBe('not-checkable');
    expect(r.warnings[0]).toMatch(/深圳援疆博士团科研费用/);
  });

  it('does not link a short key contained in a longer name when a better match exists', () => {
    // 脱贫攻坚 (脱贫攻坚专项) is contained in the 十四五 project's name; the closer row wins.
    const r = linkTargets([target('target-1', '“十四五”巩固拓展脱贫攻坚成果规划编制工作项目', 77.04)], [], [table]);
    expect(r.checks[0]).toMatchObject({ status: 'pass', expected: 77.04 });
  });

  it('leaves 整体 targets alone and does not modify its input', () => {
    const org = { ...target('target-1', 'x', null), scope: 'organization' as const, projectName: null };
    const input = [org];
    const r = linkTargets(input, projects, [table]);
    expect(r.targets[0]).toBe(org);
    expect(r.checks).toEqual([]);
  });

  // yantai-water-2026-budget 公开表11 项目支出预算情况表: 实施公车统管费用 on four rows (L984 18.00, L1010 3.00, L1014 5.00,
  // L1037 3.00), one per unit, and four target forms of that name (L1221 18, L1801 3, L1936 5, L2155 3), one per
  // 实施单位; the table does not say which row is whose.
  function plainProjectTable(rows: TableRow[]): Table {
    return { ...projectTable(rows), kind: 'project-expenditure', title: '项目支出预算情况表' };
  }
  const plain = (name: string, total: number, line: number) => tableRow.parse({ code: null, name, values: { total }, texts: { 'project-category': '其他运转类' }, lines: { first: line, last: line } });
  const carPool = plainProjectTable([plain('实施公车统管费用', 18, 984), plain('办公楼运行维护费', 112, 986), plain('实施公车统管费用', 3, 1010), plain('实施公车统管费用', 5, 1014), plain('实施公车统管费用', 3, 1037)]);

  it('checks the targets of a project every unit has, and their rows, by their sums', () => {
    const r = linkTargets([target('target-1', '实施公车统管费用', 18), target('target-2', '办公楼运行维护费', 112), target('target-14', '实施公车统管费用', 3), target('target-16', '实施公车统管费用', 5), target('target-19', '实施公车统管费用', 3)], [], [carPool]);
    expect(r.checks.find((c) => c.id === 'performance:target-1:project-amount-shared')).toMatchObject({ status: 'pass', expected: 29, actual: 29 });
    expect(r.checks.filter((c) => c.id.endsWith(':project-amount') && c.status === 'not-checkable').map((c) => c.id)).toEqual([
      'performance:target-1:project-amount', 'performance:target-14:project-amount', 'performance:target-16:project-amount', 'performance:target-19:project-amount',
    ]);
    expect(r.checks.find((c) => c.id === 'performance:target-2:project-amount')).toMatchObject({ status: 'pass', expected: 112 });
    expect(r.warnings).toEqual([]);
  });

  it('reads the 项目支出表 of every template, and its plain rows by their own names', () => {
    const r = linkTargets([target('target-2', '办公楼运行维护费', 100)], [], [carPool]);
    expect(r.checks[0]).toMatchObject({ status: 'fail', expected: 112, actual: 100 });
  });

  it('does not compare a target with one unit\'s row of a table listing each unit\'s projects', () => {
    // xian-transport-2022-budget 附表: 委托咨询业务 9.00 (L1325) is one unit's; the department's target (L2264) is 544.
    const byUnit = plainProjectTable([
      tableRow.parse({ code: null, name: '西安市交通运输局', values: { total: 43200.5 }, texts: { rowNumber: '3', unitCode: '222001' }, lines: { first: 1243, last: 1243 } }),
      tableRow.parse({ code: null, name: '委托咨询业务', values: { total: 9 }, texts: { rowNumber: '40' }, lines: { first: 1325, last: 1325 } }),
    ]);
    const r = linkTargets([target('target-2', '委托咨询业务', 544), target('target-3', '信息化运行维护', 955)], [], [byUnit]);
    expect(r.checks.map((c) => c.status)).toEqual(['not-checkable', 'not-checkable']);
    expect(r.warnings).toEqual(['项目支出表按单位分列各单位的项目，无法确定2 份项目绩效目标对应其中哪些行，资金未与项目金额核对']);
  });

  it('says once that a document lists no project to check its targets against', () => {
    // julu-county-poverty-office-2021-budget: six target tables, no 项目支出 table and no 项目说明 (L108–110 state
    // the amounts in a sentence: 乡村振兴工作经费 5 万元, 防贫工作补充保险经费 150 万元).
    const r = linkTargets([target('target-1', '防贫工作补充保险经费', 150), target('target-2', '乡村振兴工作经费', 5)], [], []);
    expect(r.warnings).toEqual(['本文件没有按项目列出金额的项目支出表，也没有项目说明：2 份项目绩效目标的资金无法与项目金额核对']);
    expect(r.checks.map((c) => c.status)).toEqual(['not-checkable', 'not-checkable']);
    // Each check says why, as the warning does: the source is silent, not the project missed.
    expect(r.checks[0].message).toBe('防贫工作补充保险经费：绩效目标的年度资金总额 = 项目支出表中该项目的金额（本文件没有按项目列出金额的项目支出表，也没有项目说明）');
  });
  it('links names a character or two apart by their bigrams (Dice ≥ 0.8), not names further apart', () => {
    // 智慧水务监控监测系统 has 9 bigrams, 智慧水务监测系统 7, sharing 7 (智慧 慧水 水务 务监 监测 测系 系统): 2 × 7 / 16 = 0.875.
    // 智慧水务监测 has 5, all shared: 2 × 5 / 14 ≈ 0.714, and neither key contains the other.
    const near = linkTargets([target('target-1', '智慧水务监控监测系统', 50)], [], [projectTable([row('其他水利支出', '智慧水务监测系统', 50, 12)])]);
    expect(near.checks.map((c) => [c.status, c.expected])).toEqual([['pass', 50]]);
    const far = linkTargets([target('target-1', '智慧水务监控监测系统', 50)], [], [projectTable([row('其他水利支出', '智慧水务监测', 50, 12)])]);
    expect(far.checks.map((c) => [c.status, c.expected])).toEqual([['not-checkable', null]]);
  });
});
