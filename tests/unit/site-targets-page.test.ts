import { describe, expect, it } from 'vitest';
import { targetLabel } from '../../src/site/targets-page.ts';

describe('what a target table is called to a reader', () => {
  it('adds the project a generic title does not name', () => {
    // kashgar-administrative-office-2021-budget.txt L1755–1758: 项 目 支 出 绩 效 目 标 表 … 项目名称 协同办公网关项目,
    // one of 16 forms under the same title.
    expect(targetLabel({ title: '项目支出绩效目标表', projectName: '协同办公网关项目' })).toBe('项目支出绩效目标表：协同办公网关项目');
  });

  it('keeps a title that names its project, or that has no project', () => {
    // julu-county-poverty-office-2021-budget.txt L302: 1、防贫工作补充保险经费绩效目标表, its 项目名称 防贫工作补充保险经费.
    expect(targetLabel({ title: '1、防贫工作补充保险经费绩效目标表', projectName: '防贫工作补充保险经费' })).toBe('1、防贫工作补充保险经费绩效目标表');
    // kashgar-edz-party-mass-work-dept-2024-budget.txt L1027: the department's own form, no project.
    expect(targetLabel({ title: '部门（单位）整体绩效目标表', projectName: null })).toBe('部门（单位）整体绩效目标表');
  });

  it('falls back to the project, then to 绩效目标, when no title was printed', () => {
    expect(targetLabel({ title: ' ', projectName: '协同办公网关项目' })).toBe('协同办公网关项目');
    expect(targetLabel({ title: '', projectName: null })).toBe('绩效目标');
  });
});
