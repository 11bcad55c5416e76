import { describe, expect, it } from 'vitest';
import { projectNameCore } from '../../src/site/related.ts';

describe('matching a project across documents', () => {
  it('the evaluation report and the poverty-alleviation office budget name the same project differently', () => {
    // evaluation line 2–3: 喀什地区 2021 年度防返贫致贫监测预警工作专项项目; budget line 586: 防返贫致贫监测预警工作专项项目
    const evaluated = projectNameCore('喀什地区 2021 年度防返贫致贫监测预警工作专项项目', ['新疆维吾尔自治区', '喀什地区']);
    const budgeted = projectNameCore('防返贫致贫监测预警工作专项项目', ['新疆维吾尔自治区', '喀什地区']);
    expect(evaluated).toBe('防返贫致贫监测预警工作');
    expect(budgeted).toBe(evaluated);
  });
});
