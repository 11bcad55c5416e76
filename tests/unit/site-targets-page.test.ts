import { describe, expect, it } from 'vitest';
import { printedSaysMore, targetLabel, targetsHaveOwnPage, valueReading } from '../../src/site/targets-page.ts';

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

describe('the printed 指标值 beside its reading', () => {
  const value = (text: string, operator: '>=' | '<=' | '=' | null, number: number, unit: string | null) => ({ text, operator, number, unit, qualitative: null, date: null });

  it('is not repeated where it says what the reading says', () => {
    // kashgar-2021-poverty-monitoring-project-evaluation.txt L113: 行业部门及县市业务干部培训 人数 ≥24 人; L120: =100%.
    const trainees = value('≥24 人', '>=', 24, '人');
    expect(valueReading(trainees)).toBe('≥ 24 人');
    expect(printedSaysMore(trainees)).toBe(false);
    expect(printedSaysMore(value('=100%', '=', 100, '%'))).toBe(false);
    expect(printedSaysMore(value('>=1000人', '>=', 1000, '人'))).toBe(false); // read as ≥ 1,000 人
  });

  it('is shown where it prints more than the reading: precision, or words', () => {
    // kashgar-edz-party-mass-work-dept-2024-budget.txt L1075: 一次性吸纳就业补贴标准(万元) <=0.10万元.
    expect(printedSaysMore(value('<=0.10万元', '<=', 0.1, '万元'))).toBe(true);
    expect(printedSaysMore(value('≥95%以上', '>=', 95, '%'))).toBe(true);
  });
});

describe('whether a disclosure’s targets have their own page', () => {
  it('is decided by their indicators, and by the target tables themselves', () => {
    // kashgar-edz-party-mass-work-dept-2024-budget: its targets page is one the browser tests open (reader-pages).
    expect(targetsHaveOwnPage({ targets: 20, indicators: 151 })).toBe(true);
    expect(targetsHaveOwnPage({ targets: 20, indicators: 150 })).toBe(false);
    // 广州市水务局 2026 表12 gives a 总体目标 and funds to each of its projects and no indicators: 257 such cards made
    // 39.5 KB gzip of a 92 KB disclosure page (N = 10,000 synthetic build, a 广州 copy).
    expect(targetsHaveOwnPage({ targets: 257, indicators: 0 })).toBe(true);
    expect(targetsHaveOwnPage({ targets: 60, indicators: 0 })).toBe(false);
  });
});
