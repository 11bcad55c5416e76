import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { markupIn } from './sources-markup.ts';

// An evaluation report as a converter writes it (Markdown, `#` on paragraphs, HTML tables with rowspan, the 评分表
// split at a page break with its header repeated, LaTeX percentages), written for this test after the structure of
// the evaluation seed (cover, 基本情况 card, 评分汇总表, 经验/问题/建议, 附件1 评分表) with other numbers and the
// conventions of other places: no summary card score — the conclusion sentence states 得分 and 等级 — and indicator
// codes A101… with no 指标解释 column. Every value below was written into the fixture by hand.
const FIXTURE = 'tests/fixtures/formats/converted-evaluation.md';

async function report() {
  const read = await readSource(readFileSync(FIXTURE));
  if (!read.ok) throw new Error(read.reason);
  return parseDisclosure(read.text, { file: 'converted-evaluation.md', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding });
}

describe('an evaluation report from another place, converted to Markdown', () => {
  it('reads the project, unit, commissioner, evaluator and amounts from the cover and 基本情况', async () => {
    const doc = await report();
    expect(doc.kind).toBe('performance-evaluation');
    expect(doc.department).toBe('示例县人力资源和社会保障局');
    expect(doc.evaluation).toMatchObject({
      projectName: '示例县2023年度农村劳动力转移就业技能培训项目',
      budgetUnit: '示例县人力资源和社会保障局',
      implementer: '示例县就业服务中心',
      commissioner: '示例县财政局',
      evaluator: '示例会计师事务所有限责任公司',
      budgetAmount: 120,
      spentAmount: 113.4,
      executionRate: 94.5,
      period: { label: '评价期间', text: '2023年1月1日至2023年12月31日', from: '2023-01-01', to: '2023-12-31' }, // line 11
    });
  });

  it('takes score and grade from the conclusion sentence (总体评价得分 $88.60$ 分，评价等级为“良”)', async () => {
    const doc = await report();
    expect(doc.evaluation).toMatchObject({ score: 88.6, grade: '良' });
    const grade = doc.checks.find((c) => c.id === 'evaluation:grade-matches-score');
    expect(grade).toMatchObject({ status: 'pass', actual: '良' });
  });

  it('reads the 评分汇总表 and every 评分表 row by its code, with weight, score and deduction reason', async () => {
    const e = (await report()).evaluation!;
    expect(e.scores.map((s) => [s.level1, s.weight, s.score, s.rate])).toEqual([
      ['决策', 15, 14, 93.33],
      ['过程', 25, 22.6, 90.4],
      ['产出', 35, 30, 85.71],
      ['效益', 25, 22, 88],
    ]);
    expect(e.indicators.map((i) => i.code)).toEqual([
      'A101', 'A102', 'A201', 'A202', 'A301', 'B101', 'B102', 'B103', 'B201', 'B202', 'C101', 'C201', 'C301', 'C401', 'D101', 'D102', 'D201',
    ]);
    expect(e.indicators.find((i) => i.code === 'B102')).toMatchObject({
      level1: '过程', level2: '资金管理', name: '预算执行率', weight: 5, score: 4.6, rule: '执行率×5分', deduction: '执行率94.50%，扣0.40分',
    });
    // 一级 and 二级 cells span several rows (rowspan): every row carries them.
    expect(e.indicators.find((i) => i.code === 'A202')).toMatchObject({ level1: '决策', level2: '绩效目标', description: null });
    expect(e.indicators.find((i) => i.code === 'D201')).toMatchObject({ level1: '效益', level2: '满意度', score: 5, deduction: null });
  });

  it('checks each 一级 subtotal against its rows, and the rows against the total: all pass', async () => {
    const doc = await report();
    const evaluation = doc.checks.filter((c) => c.id.startsWith('evaluation:'));
    expect(evaluation.filter((c) => /level1-\d+:rows-sum/.test(c.id)).map((c) => [c.expected, c.actual])).toEqual([
      [14, 14], [22.6, 22.6], [30, 30], [22, 22],
    ]);
    expect(evaluation.find((c) => c.id === 'evaluation:indicator-scores-sum')).toMatchObject({ status: 'pass', expected: 88.6 });
    expect(evaluation.filter((c) => c.status !== 'pass')).toEqual([]);
  });

  it('keeps 经验, 问题 and 建议, and lets no markup reach any field', async () => {
    const doc = await report();
    expect(doc.evaluation?.problems).toEqual(['1.部分绩效指标未量化，目标设置不够明确。', '2.培训台账管理不规范。']);
    expect(doc.evaluation?.suggestions).toEqual(['1.细化量化绩效指标。', '2.规范培训台账管理。']);
    expect(markupIn(doc)).toEqual([]);
    expect(doc.unparsed).toEqual([]);
  });
});

// A second converted report, written for this test after the seed's 基本情况 with other names and figures, that has
// no cover labels and no summary card: who evaluated what, and the amounts, are stated only in its sentences.
const PROSE_FIXTURE = 'tests/fixtures/formats/converted-evaluation-prose.md';

describe('an evaluation report that states its object only in prose', async () => {
  const read = await readSource(readFileSync(PROSE_FIXTURE));
  if (!read.ok) throw new Error(read.reason);
  const doc = parseDisclosure(read.text, { file: 'converted-evaluation-prose.md', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding });

  it('reads project, commissioner, evaluator, implementer and the amounts from the sentences, each with its line', () => {
    expect(doc.evaluation).toMatchObject({
      projectName: '示例市2024年度城乡社区公共卫生服务补助项目', // line 5: 对…项目（以下简称“本项目”）开展绩效评价
      commissioner: '示例市财政局', // line 5: 示例市财政局委托示例资产评估有限公司
      evaluator: '示例资产评估有限公司',
      implementer: '示例市卫生健康服务中心', // line 11
      budgetAmount: 250, // line 15: 共安排下达资金 250.00 万元
      arrivedAmount: 240, // line 15: 实际到位资金 240.00 万元
      spentAmount: 228, // line 17: 实际支出 228.00 万元
      executionRate: 95, // line 17: 预算执行率 $95.00\%$
      score: 91.2,
      grade: '优',
      card: [],
    });
    expect(doc.evaluation!.stated.map((s) => [s.label, s.value, s.lines.first])).toEqual([
      ['委托评价', '示例市财政局', 5],
      ['受托评价', '示例资产评估有限公司', 5],
      ['以下简称本项目', '示例市2024年度城乡社区公共卫生服务补助项目', 5],
      ['实施单位', '示例市卫生健康服务中心', 11],
      ['安排资金', '250.00', 15],
      ['到位资金', '240.00', 15],
      ['实际支出', '228.00', 17],
      ['预算执行率', '95.00', 17],
    ]);
  });

  it('reads amounts in 基本情况 only (line 25, in 二、, restates a budget of 260.00 万元) and checks the rate against the arrived funds', () => {
    expect(doc.evaluation!.budgetAmount).toBe(250);
    // 228.00 / 240.00 = 95.00% (预算执行率 = 实际支出 / 实际到位资金); against the 250.00 budget it would be 91.2%.
    expect(doc.checks.find((c) => c.id === 'evaluation:execution-rate')).toMatchObject({ status: 'pass', expected: 95, actual: 95 });
  });

  it('reads the funds-use table under the sentences (lines 19–21), its header not taken for a card: sums checked', () => {
    expect(doc.evaluation!.fundsUse.map((r) => [r.item, r.budget, r.spent])).toEqual([
      ['家庭医生签约服务补助', 150, 140],
      ['居民健康档案管理补助', 100, 88],
    ]);
    expect(doc.checks.filter((c) => c.id.startsWith('evaluation:funds-use')).map((c) => [c.status, c.expected])).toEqual([
      ['pass', 250],
      ['pass', 228],
    ]);
  });

  it('keeps every sentence in the narrative: nothing unparsed, no markup in any field', () => {
    expect(doc.unparsed).toEqual([]);
    expect(markupIn(doc)).toEqual([]);
  });
});

