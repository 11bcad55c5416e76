import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

const parse = (file: string) =>
  parseDisclosure(readFileSync(`content/sources/${file}`, 'utf8'), {
    file,
    sha256: '0'.repeat(64),
    format: 'text',
    encoding: 'utf-8',
  });

describe('targets linked to projects by the orchestrator', () => {
  it('kashgar-administrative-office: each of the 16 target tables belongs to one of the 16 published projects', () => {
    const doc = parse('kashgar-administrative-office-2021-budget.txt');
    expect(doc.targets).toHaveLength(16);
    const ids = new Set(doc.projects.map((p) => p.id));
    expect(doc.targets.every((t) => t.projectId !== null && ids.has(t.projectId))).toBe(true);
    // 电子政务项目: 40 万元 in the 项目支出 table (line 858) and in its target table.
    const project = doc.projects.find((p) => p.name === '电子政务项目');
    expect(project?.amount).toBe(40);
    expect(doc.targets.find((t) => t.projectId === project?.id)?.funds.total).toBe(40);
  });

  it('the evaluation report is filed under its 预算单位 and its region', () => {
    const doc = parse('kashgar-2021-poverty-monitoring-project-evaluation.txt');
    expect(doc.department).toBe('喀什地区乡村振兴局');
    expect(doc.region).toEqual(['新疆维吾尔自治区', '喀什地区']);
  });
});
