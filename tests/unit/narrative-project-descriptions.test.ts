import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

const parse = (text: string) => parseDisclosure(text, { file: 'fixture.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });

// A project's 经费情况说明 as the Shanghai 部门预算 print it (a centred title, 一、项目概述 … 六、年度预算安排, an amount
// alone on its line, 七、绩效目标), written for this test with two projects of its own: the first states its budget by
// quarter (as 万里街道 2024 does, L847) and points to a table for its goal (as 区政府办 2025 does, L411).
const fixture = [
  '2025年部门预算', // L1
  '部门预算安排购置车辆0辆。', // L2
  '               道路养护项目经费情况说明', // L3
  '', // L4
  '六、年度预算安排', // L5
  '第一季度用款计划15万元，第二季度用款计划15万元。', // L6
  '七、绩效目标', // L7
  '详见单位的项目绩效目标表。', // L8
  '', // L9
  '               社区食堂项目经费情况说明', // L10
  '', // L11
  '一、项目概述', // L12
  '为辖区老年人提供助餐服务，依托社区食堂和助餐点，解决老年人特别是独居、高龄、失能老年人的就餐难问题，提高老年人的生活', // L13
  '质量，推进社区嵌入式养老服务体系建设，使老年人在家门口就能吃上热乎饭。', // L14
  '二、立项依据', // L15
  '《关于推进社区助餐服务的实施意见》。', // L16
  '三、实施主体', // L17
  '某某街道办事处', // L18
  '五、实施周期', // L19
  '2025年1月1日-2025年12月31日', // L20
  '六、年度预算安排', // L21
  '120万元', // L22
  '七、绩效目标', // L23
  '全年提供助餐服务不少于3万人次，老年人满意度不低于90%。', // L24
].join('\n');

describe('a project described in its own 经费情况说明', () => {
  const doc = parse(fixture);

  it('is a project named by its title, its fields the chapters that hold them, its amount the one 年度预算安排 states', () => {
    // L3 and L10 the titles, L6 and L22 the chapters' text.
    expect(doc.projects.map((p) => [p.name, p.amount, p.scale, p.lines.first])).toEqual([
      ['道路养护', null, '第一季度用款计划15万元，第二季度用款计划15万元', 3],
      ['社区食堂', 120, '120万元', 10],
    ]);
    expect(doc.projects[1]).toMatchObject({ basis: '《关于推进社区助餐服务的实施意见》', implementer: '某某街道办事处', schedule: '2025年1月1日-2025年12月31日' });
  });

  it("gives its 绩效目标 the 年度预算安排's amount as funds, linked to the project, with no check of the amount against itself", () => {
    expect(doc.targets.map((t) => [t.projectName, t.funds.total, t.projectId, t.lines])).toEqual([['社区食堂', 120, 'p2', { first: 23, last: 24 }]]);
    expect(doc.checks.filter((c) => c.id.includes('project-amount'))).toEqual([]);
  });
});

// Two descriptions one after the other, written for this test: the first's 绩效目标 (L15–16) is a target's, so the
// line before the second's centred title (L18) is the first's amount alone, `120万元` (L14), which ends no sentence.
const consecutive = [
  '2025年部门预算', // L1
  '部门预算安排购置车辆0辆。', // L2
  '               社区食堂项目经费情况说明', // L3
  '', // L4
  '一、项目概述', // L5
  '为辖区老年人提供助餐服务。', // L6
  '三、实施主体', // L7
  '某某街道办事处', // L8
  '五、实施周期', // L9
  '2025年1月1日-2025年12月31日', // L10
  '', // L11
  '', // L12
  '六、年度预算安排', // L13
  '120万元', // L14
  '七、绩效目标', // L15
  '全年提供助餐服务不少于3万人次，老年人满意度不低于90%。', // L16
  '', // L17
  '               道路养护项目经费情况说明', // L18
  '', // L19
  '一、项目概述', // L20
  '养护辖区内的支路和街坊道路。', // L21
  '六、年度预算安排', // L22
  '80万元', // L23
  '七、绩效目标', // L24
  '道路完好率不低于95%。', // L25
].join('\n');

describe('two 经费情况说明 one after the other', () => {
  const doc = parse(consecutive);

  it("takes the second's centred title after the first's lone amount as its heading, not as the amount's continuation", () => {
    expect(doc.projects.map((p) => [p.name, p.amount, p.scale, p.lines.first])).toEqual([
      ['社区食堂', 120, '120万元', 3],
      ['道路养护', 80, '80万元', 18],
    ]);
    expect(doc.projects[0].lines.last).toBeLessThan(18);
  });

  it('links each 绩效目标 to its own project with its own funds', () => {
    expect(doc.targets.map((t) => [t.projectName, t.funds.total, t.projectId, t.lines])).toEqual([
      ['社区食堂', 120, 'p1', { first: 15, last: 16 }],
      ['道路养护', 80, 'p2', { first: 24, last: 25 }],
    ]);
  });
});

// The same description as plain `pdftotext` prints it, written for this test: no line indented, so the title (L3) is
// told by the chapter it opens (L4, 一、项目概述) after a sentence's end (L2); a short line before a later chapter
// titles nothing (L7, before 六、 at L8: 某某街道办事处 stays the 实施主体).
const unindented = [
  '2025年部门预算', // L1
  '部门预算安排购置车辆0辆。', // L2
  '社区食堂项目经费情况说明', // L3
  '一、项目概述', // L4
  '为辖区老年人提供助餐服务。', // L5
  '三、实施主体', // L6
  '某某街道办事处', // L7
  '六、年度预算安排', // L8
  '120万元', // L9
  '七、绩效目标', // L10
  '全年提供助餐服务不少于3万人次，老年人满意度不低于90%。', // L11
].join('\n');

describe('a 经费情况说明 in text without indentation', () => {
  it('takes the line before its 一、 chapter as its title', () => {
    const doc = parse(unindented);
    expect(doc.projects.map((p) => [p.name, p.amount, p.implementer, p.lines.first])).toEqual([['社区食堂', 120, '某某街道办事处', 3]]);
    expect(doc.targets.map((t) => [t.projectName, t.funds.total, t.lines.first])).toEqual([['社区食堂', 120, 10]]);
  });
});

const dir = '../shared/samples';
const sample = (name: string) => `${dir}/shanghai-putuo-${name}.txt`;
describe.skipIf(!existsSync(dir))('项目经费情况说明 in the Shanghai samples', () => {
  it('司法局 2026 部门预算: 人民调解 (title L379), 六、年度预算安排 795万元 (L399–400)', () => {
    const doc = parse(readFileSync(sample('justice-bureau-2026-department-budget'), 'utf8'));
    const project = doc.projects.find((p) => p.name === '人民调解');
    expect(project).toMatchObject({ scale: '795万元', implementer: '上海市普陀区司法局', schedule: '2025年1月1日-2025年12月31日' });
    expect(project?.lines.first).toBe(379);
    // In the document's unit, 元: its tables print 单位：元 (L139, L156 …), only its last 单位:万元 (L342).
    expect(project?.amount).toBe(7950000);
    const target = doc.targets.find((t) => t.projectName === '人民调解');
    expect(target?.funds.total).toBe(795);
    expect(target?.projectId).toBe(project?.id);
  });

  it('区政府办 2025 部门预算: 区政府督查及建议提案工作业务经费 (L395), whose 年度预算安排 (L408–409) states no amount', () => {
    const doc = parse(readFileSync(sample('government-office-2025-department-budget'), 'utf8'));
    expect(doc.projects.map((p) => [p.name, p.amount, p.schedule])).toEqual([['区政府督查及建议提案工作业务经费', null, '2025全年度']]);
  });

  it('万里街道 2024: a title that names no project (L822) and a budget by quarter (L846–847) give no project and no funds', () => {
    const doc = parse(readFileSync(sample('wanli-subdistrict-2024-department-budget'), 'utf8'));
    expect(doc.projects).toEqual([]);
    expect(doc.targets.filter((t) => t.title.includes('经费情况说明')).map((t) => t.funds.total)).toEqual([null]);
  });
});
