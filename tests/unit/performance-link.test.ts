import { describe, expect, it } from 'vitest';
import { project as projectSchema, type Project } from '../../src/schema/narrative.ts';
import type { PerformanceTarget } from '../../src/schema/performance.ts';
import { table as tableSchema, tableRow, type Table, type TableRow } from '../../src/schema/table.ts';
import { linkTargets, projectKey } from '../../src/ingest/performance/link.ts';

function target(id: string, projectName: string, total: number | null): PerformanceTarget {
  return {
    id, scope: 'project', title: '项目支出绩效目标表', unitName: null, projectName, code: null, projectId: null, owner: null,
    funds: { total, fiscal: total, other: null }, goal: null, indicators: [], flag: null, lines: { first: 1, last: 2 },
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
});
