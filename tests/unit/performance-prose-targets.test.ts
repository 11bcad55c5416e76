import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkTargets, parsePerformance } from '../../src/ingest/performance/index.ts';
import { project } from '../../src/schema/narrative.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// Targets stated only in prose: a project's 经费情况说明 closes with 七、绩效目标 and a paragraph. Written after the
// layout of the Shanghai 部门预算 (项目经费情况说明), with another project.
const fixture = [
  '               社区食堂项目经费情况说明',
  '',
  '一、项目概述',
  '为辖区老年人提供助餐服务。',
  '六、年度预算安排',
  '120万元',
  '七、绩效目标',
  '全年提供助餐服务不少于3万人次，',
  '老年人满意度不低于90%。',
  '',
  '               信息系统运维项目经费情况说明',
  '七、绩效目标',
  '详见单位的项目绩效目标表',
].join('\n');

// The same paragraph as a web page prints a converted PDF's lines: each a paragraph of its own, a blank line apart, the
// sentence cut between them (万里街道 2025 department budget's HTML variant, its sample text L805–806).
const perLine = ['社区食堂项目经费情况说明', '', '七、绩效目标', '', '全年提供助餐服务不少于3万人次，老年人满', '', '意度不低于90%。', '', '八、其他'].join('\n');

describe('a 绩效目标 paragraph printed a line a paragraph', () => {
  it('goes on across a blank line that cuts its sentence, and ends where the sentence does', () => {
    const [target] = parsePerformance(toSourceLines(perLine), new Set()).targets;
    expect(target).toMatchObject({ goal: '全年提供助餐服务不少于3万人次，老年人满意度不低于90%。', lines: { first: 3, last: 7 } });
  });
});

describe('targets stated in a 经费情况说明', () => {
  const targets = parsePerformance(toSourceLines(fixture), new Set()).targets;

  it('reads the paragraph under 七、绩效目标 as the target of the project the title names; a pointer to a table is none', () => {
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({
      scope: 'project',
      projectName: '社区食堂',
      goal: '全年提供助餐服务不少于3万人次，老年人满意度不低于90%。',
      indicators: [],
      lines: { first: 7, last: 9 },
      printed: [{ text: '七、绩效目标', lines: { first: 7, last: 7 } }],
    });
  });

  it('takes its funds from the one amount 六、年度预算安排 states (fixture L5–6: 120万元)', () => {
    expect(targets[0].funds).toEqual({ total: 120, fiscal: null, other: null });
  });

  it('takes none from a budget stated by quarter: no one amount is the whole', () => {
    const quarterly = ['道路养护项目经费情况说明', '六、年度预算安排', '第一季度用款计划15万元，第二季度用款计划15万元。', '七、绩效目标', '辖区道路完好率不低于95%。'].join('\n');
    expect(parsePerformance(toSourceLines(quarterly), new Set()).targets.map((t) => t.funds.total)).toEqual([null]);
  });

  it('links the target to its project by name', () => {
    const projects = [project.parse({ id: 'p-1', name: '社区食堂项目', amount: 120, code: null, basis: null, scale: null, implementer: null, allocation: null, schedule: null, lines: { first: 30, last: 30 } })];
    expect(linkTargets(targets, projects, []).targets[0].projectId).toBe('p-1');
  });
});

const SAMPLE = '../shared/samples/shanghai-putuo-justice-bureau-2026-department-budget.txt';
describe.skipIf(!existsSync(SAMPLE))('a 项目经费情况说明 as published', () => {
  it('司法局 2026 部门预算: 人民调解 (title L379), 七、绩效目标 L401, its paragraph L402–403', () => {
    const targets = parsePerformance(toSourceLines(readFileSync(SAMPLE, 'utf8')), new Set()).targets;
    expect(targets.map((t) => [t.projectName, t.lines])).toEqual([['人民调解', { first: 401, last: 403 }]]);
    // 六、年度预算安排 L399, `795万元` L400.
    expect(targets[0].funds.total).toBe(795);
    expect(targets[0].goal).toBe(
      '通过政府购买区人民调解协会服务工作模式，完善人民调解经费保障体系，满足人民调解员专业化、职业化建设的发展需要，从而推动人民调解工作规范化、专业化、社会化发展。',
    );
  });
});
