import { describe, expect, it } from 'vitest';
import { projectNameCore, relatedProjectsByDocument } from '../../src/site/related.ts';

describe('matching a project across documents', () => {
  it('the evaluation report and the poverty-alleviation office budget name the same project differently', () => {
    // evaluation line 2–3: 喀什地区 2021 年度防返贫致贫监测预警工作专项项目; budget line 586: 防返贫致贫监测预警工作专项项目
    const evaluated = projectNameCore('喀什地区 2021 年度防返贫致贫监测预警工作专项项目', ['新疆维吾尔自治区', '喀什地区']);
    const budgeted = projectNameCore('防返贫致贫监测预警工作专项项目', ['新疆维吾尔自治区', '喀什地区']);
    expect(evaluated).toBe('防返贫致贫监测预警工作');
    expect(budgeted).toBe(evaluated);
  });
});

describe('the same project elsewhere, looked up once for the corpus', () => {
  const region = ['新疆维吾尔自治区', '喀什地区'];
  const project = (id: string, name: string, amount: number | null = null) => ({ id, name, amount, code: null });
  const doc = (slug: string, projects: ReturnType<typeof project>[], evaluatedProject: string | null = null) => ({
    slug,
    title: `${slug} 标题`,
    region,
    unit: '万元',
    projects,
    evaluatedProject,
  });
  // The bundled evaluation (line 2–3) and the poverty office budget's project (line 586), with decoys.
  const docs = [
    doc('evaluation', [project('p1', '防返贫致贫监测预警工作专项项目')], '喀什地区 2021 年度防返贫致贫监测预警工作专项项目'),
    doc('budget', [project('p1', '办公楼维修'), project('p2', '防返贫致贫监测预警工作专项项目', 120)]),
    doc('wider', [project('p7', '2022年防返贫致贫监测预警工作及培训经费')]),
    doc('short', [project('p1', '监测')], '监测'),
  ];

  it('lists the projects whose core contains or is contained in the evaluated one, never the evaluation itself', () => {
    const related = relatedProjectsByDocument(docs);
    expect(related.get('evaluation')).toEqual([
      { slug: 'budget', title: 'budget 标题', projectId: 'p2', name: '防返贫致贫监测预警工作专项项目', amount: 120, unit: '万元' },
      { slug: 'wider', title: 'wider 标题', projectId: 'p7', name: '2022年防返贫致贫监测预警工作及培训经费', amount: null, unit: '万元' },
    ]);
    // A core under four characters matches too much to mean the same project.
    expect(related.has('short')).toBe(false);
    expect(related.has('budget')).toBe(false);
  });
});
