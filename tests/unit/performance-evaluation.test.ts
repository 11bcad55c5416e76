import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluation as evaluationSchema } from '../../src/schema/performance.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { statedBands } from '../../src/ingest/performance/evaluation-checks.ts';
import { readProseFields } from '../../src/ingest/performance/evaluation-prose.ts';
import { proseBlocks } from '../../src/ingest/layout/prose-blocks.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { readSections } from '../../src/ingest/performance/evaluation-sections.ts';
import { readFields } from '../../src/ingest/performance/evaluation-fields.ts';
import { toSourceLines, type SourceLine } from '../../src/ingest/source-lines.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

/** The text's prose blocks, its page numbers told by its layout as the parse tells them. */
const proseOf = (lines: readonly SourceLine[], held: ReadonlySet<number>) => proseBlocks(lines, held, detectLayout(lines));

const text = readFileSync(new URL('../../content/sources/kashgar-2021-poverty-monitoring-project-evaluation.txt', import.meta.url), 'utf8');
const result = parsePerformance(toSourceLines(text), new Set());
const e = result.evaluation!;

describe('evaluation report (kashgar-2021-poverty-monitoring-project-evaluation)', () => {
  it('reads the summary card and cover (lines 8–33)', () => {
    expect(e).toMatchObject({
      projectName: '喀什地区 2021 年度防返贫致贫监测预警工作专项项目', // 24
      budgetUnit: '喀什地区乡村振兴局', // 8
      implementer: '喀什地区乡村振兴局', // 26
      commissioner: '喀什地区财政局', // 12
      evaluator: '新疆高博有限责任会计师事务所', // 33
      budgetAmount: 56.38, // 25
      spentAmount: 56.38,
      executionRate: 100,
      score: 100, // 27: 评价分值 100 分
      grade: '优', // 28
    });
    evaluationSchema.parse(e);
  });

  it('takes the amount no card gives from 基本情况 (line 80: 本项目实际到位资金总数为 56.38 万元), with its line', () => {
    expect(e.arrivedAmount).toBe(56.38);
    expect(e.stated).toEqual([{ label: '到位资金', value: '56.38', lines: { first: 80, last: 80 } }]);
    // The card states the rest; its values win over the sentences that restate them.
    expect(e.card.map((c) => c.label)).toContain('预算金额');
  });

  it('reads who evaluated what, and the amounts, from the sentences alone (as a report without a card would be read)', () => {
    const prose = Object.fromEntries([...readProseFields(proseOf(toSourceLines(text), new Set()))].map(([k, f]) => [k, [f.value, f.lines.first]]));
    expect(prose).toEqual({
      // 54: …新疆高博有限责任会计师事务所受喀什地区财政局的委托…开展喀什地区 2021 年度…专项项目（以下简称“本项目”）
      evaluator: ['新疆高博有限责任会计师事务所', 54],
      commissioner: ['喀什地区财政局', 54],
      projectName: ['喀什地区2021年度防返贫致贫监测预警工作专项项目', 54],
      implementer: ['喀什地区乡村振兴局', 74], // 74: 项目具体实施单位为喀什地区乡村振兴局。
      budgetAmount: ['56.38', 80], // 80: 共安排下达资金 56.38 万元
      arrivedAmount: ['56.38', 80], // 80: 本项目实际到位资金总数为 56.38 万元
      spentAmount: ['56.38', 84], // 84: 本项目实际支出 56.38 万元，预算执行率 100%
      executionRate: ['100', 84],
    });
    // Line 269 (绩效分析, not 基本情况) restates the budget as 56.3 万元: not read.
  });

  it('reads the period from the sentence that states it (line 180: 本次项目的评价期间为 2022 年 7 月 1 日至 2022 年 9 月 15)', () => {
    expect(e.period).toEqual({
      label: '评价期间', text: '2022年7月1日至2022年9月15', from: '2022-07-01', to: '2022-09-15', lines: { first: 180, last: 180 },
    });
  });

  it('without a stated period, takes the 年度 of the title', () => {
    const lines = toSourceLines('示例区2024年度社区养老服务项目绩效评价报告\n\n项目名称：社区养老服务项目\n评价等级：良\n');
    expect(parsePerformance(lines, new Set()).evaluation!.period).toEqual({
      label: '评价年度', text: '2024年度', from: '2024', to: '2024', lines: { first: 1, last: 1 },
    });
  });

  it('reads the 评分汇总表 (lines 208–215)', () => {
    expect(e.scores.map((s) => [s.level1, s.weight, s.score, s.rate])).toEqual([
      ['决策指标', 20, 20, 100],
      ['过程指标', 20, 20, 100],
      ['产出指标', 30, 30, 100],
      ['效益指标', 30, 30, 100],
    ]);
  });

  it('reads the 17 三级指标 of the 综合评分表 (附件1, lines 456–506)', () => {
    expect(e.indicators).toHaveLength(17);
    // 457: 决策 | 项目立项 | 立项依据充分性 | … | 5 | … | 5
    expect(e.indicators[0]).toMatchObject({ level1: '决策', level2: '项目立项', name: '立项依据充分性', weight: 5, score: 5 });
    // 459 + 461: 绩效 / 目标 and 绩效 / 目标合理性 printed over two lines
    expect(e.indicators[2]).toMatchObject({ level2: '绩效目标', name: '绩效目标合理性', weight: 3, score: 3, lines: { first: 459, last: 461 } });
    // 478: the row lost its 一级 cell: 组织 实施 | 管 理 制 度 健 全 性 | … | 4 | … | 4
    expect(e.indicators[9]).toMatchObject({ level1: '过程', level2: '组织实施', name: '管理制度健全性', weight: 4, score: 4 });
    // 499: 效益 | 实施效益 | … | 20 | … | 20
    expect(e.indicators[15]).toMatchObject({ level1: '效益', name: '实施效益', weight: 20, score: 20 });
    expect(e.indicators.map((i) => i.weight)).toEqual([5, 3, 3, 2, 5, 2, 2, 5, 5, 4, 4, 8, 8, 6, 8, 20, 10]);
    expect(e.indicators[6].rule).toMatch(/^①资金到位率为100%的，得满分。（2分）。②资金未全额到位的/);
    // Full marks everywhere: the 扣分原因 column is empty on every row; 504's stray cell continues 评分过程.
    expect(e.indicators.every((i) => i.deduction === null)).toBe(true);
    expect(e.indicators[15].process).toMatch(/100%，该指标得 20 分$/);
  });

  it('reads the funds-use table (lines 86–92)', () => {
    expect(e.fundsUse.map((r) => [r.budget, r.spent])).toEqual([[9.952, 9.952], [4.99, 4.99], [12.75, 12.75], [10.95, 10.95], [17.74, 17.74]]);
  });

  it('reads 经验 as items, with markup cleaned; no 问题 or 建议 chapter in this report', () => {
    expect(e.experience).toHaveLength(3);
    expect(e.experience[0]).toMatch(/^1\.积极发现问题,解决问题,进一步完善了防返贫监测工作机制。在项目调研中/);
    expect(e.problems).toEqual([]);
    expect(e.suggestions).toEqual([]);
    expect(e.summary).not.toMatch(/<p>|\*\*/);
  });

  it('passes every arithmetic check of the report', () => {
    const statuses = Object.fromEntries(result.checks.filter((c) => c.id.startsWith('evaluation:')).map((c) => [c.id, c.status]));
    expect(statuses['evaluation:indicator-scores-sum']).toBe('pass'); // 17 scores sum to 100
    expect(statuses['evaluation:level1-scores-sum']).toBe('pass'); // 20 + 20 + 30 + 30 = 100
    expect(statuses['evaluation:grade-matches-score']).toBe('pass'); // 100 ≥ 90 → 优
    expect(statuses['evaluation:execution-rate']).toBe('pass'); // 56.38 / 56.38 = 100%
    expect(statuses['evaluation:funds-use-budget-sum']).toBe('pass'); // 56.382 ≈ 56.38
    expect(Object.values(statuses).every((s) => s === 'pass')).toBe(true);
  });

  it('claims its tables and structured lines, leaving the prose to the narrative', () => {
    const claimed = new Set(result.claimed.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i)));
    for (const n of [25, 28, 209, 215, 457, 506, 87, 427]) expect(claimed.has(n)).toBe(true);
    for (const n of [3, 54, 202, 227, 301]) expect(claimed.has(n)).toBe(false);
  });
});

describe('the converter’s markup in the evaluation report, read as the text it prints (issue 11)', () => {
  const doc = parseDisclosure(text, { file: 'kashgar-2021-poverty-monitoring-project-evaluation.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
  const paragraphAt = (line: number) => {
    const section = doc.sections.find((s) => s.lines.first <= line && line <= s.lines.last)!;
    return section.paragraphs.find((p) => p.includes(LINE_WORDS[line]));
  };
  const LINE_WORDS: Record<number, string> = { 273: '本项目资金均已', 524: '满意度 =', 605: '法人类型', 607: '项目性质' };

  it('writes the formulas of lines 273 and 524 as plain text', () => {
    expect(paragraphAt(273)).toContain('本项目资金均已 100% 执行，即(56.38/56.38)×100%=100%，项目资金支出总体能够按照预算执行');
    expect(paragraphAt(524)).toBe('满意度 = (∑样本数(“满意”×1.0+“一般”×0.8+“不满意”×0))/总样本数×100%');
  });

  it('keeps which boxes the 基础数据采集表 ticks (lines 605: 事业法人, 607: 连续性项目)', () => {
    expect(paragraphAt(605)).toBe('法人类型 ☑ 事业法人； ☐ 企业法人； ☐ 社团法人； ☐ 民办非企业法人； ☐ 其它');
    expect(paragraphAt(607)).toMatch(/^项目名称 防返贫致贫监测预警工作专项项目 项目性质 1\.新建 ☐ 2\.连续性项目 ☑ 3\.改造 ☐/);
  });

  it('lets no tag or LaTeX reach any field', () => {
    expect(JSON.stringify(doc)).not.toMatch(/<input|<p>|\$|\\times|\\frac|\\text|\\[lg]eq?\b/);
  });
});

describe('the 问题 and 建议 chapters, read from the report\'s prose blocks', () => {
  // A 问题 item wrapped across a page break (L3: the page's number), then the 建议 chapter (L6–L7) and a table (L8).
  const report = [
    '六、存在的问题',
    '1.项目资金支付进度较慢，',
    '                                   - 3 -',
    '部分资金年底才支付。',
    '2.绩效目标设置不够细化。',
    '七、有关建议',
    '1.加快资金支付进度。',
    '表1 资金使用情况表',
  ].join('\n');

  it('leave the page number out of an item, and end a chapter where its block ends', () => {
    const sections = readSections(proseOf(toSourceLines(report), new Set([8])));
    expect(sections.map((s) => [s.kind, s.items, s.lines])).toEqual([
      ['problems', ['1.项目资金支付进度较慢，部分资金年底才支付。', '2.绩效目标设置不够细化。'], { first: 1, last: 5 }],
      ['suggestions', ['1.加快资金支付进度。'], { first: 6, last: 7 }],
    ]);
  });
});

describe('the cover and the card, read from the report\'s prose blocks', () => {
  // A cover (L1–L3, the project's name wrapped onto L2), a card line (L4, tab-separated), and a cover line (L5) just
  // above a table's title (L6), which the table reader holds.
  const report = [
    '项目名称：某县农村饮水安全巩固',
    '提升工程',
    '预算单位：某县水利局',
    '预算金额\t100\t执行金额\t80',
    '评价期间：2023年度',
    '表1 资金使用情况表',
  ].join('\n');
  const blocks = proseOf(toSourceLines(report), new Set([6]));

  it('mark the tab-separated line a card\'s once, where the blocks are made', () => {
    expect(blocks.flatMap((b) => b.rows.filter((r) => r.card).map((r) => r.line.no))).toEqual([4]);
  });

  it('join a value wrapped onto the next line of its block, never onto a card\'s line or a table\'s title', () => {
    const fields = Object.fromEntries([...readFields(blocks)].map(([k, f]) => [k, [f.value, f.lines.first, f.lines.last, f.card]]));
    expect(fields).toEqual({
      projectName: ['某县农村饮水安全巩固提升工程', 1, 2, false], // L1 + L2
      budgetUnit: ['某县水利局', 3, 3, false], // L3: L4 is the card's
      budgetAmount: ['100', 4, 4, true], // L4
      spentAmount: ['80', 4, 4, true], // L4
      period: ['2023年度', 5, 5, false], // L5: L6 is the table's
    });
  });
});

describe('grade bands', () => {
  it('reads bands a report states itself', () => {
    const lines = toSourceLines('评价等级：85分（含）以上为“优”，70-84分为“良”，60-69分为“中”，60分以下为“差”。');
    expect(statedBands(lines)).toEqual([
      { grade: '优', min: 85 },
      { grade: '良', min: 70 },
      { grade: '中', min: 60 },
      { grade: '差', min: 0 },
    ]);
  });
});

describe('a report whose arithmetic is wrong', () => {
  it('fails the checks instead of fixing the figures', () => {
    const report = [
      '某项目绩效评价报告',
      '预算金额\t100 万元\t执行金额\t80 万元\t执行率\t90%',
      '评价分值\t85 分',
      '评价等级\t优',
      '一级指标\t标准分值\t得分\t得分率',
      '决策指标\t20\t25\t125%',
      '产出指标\t80\t60\t75%',
      '合计\t100\t85\t85%',
    ].join('\n');
    const r = parsePerformance(toSourceLines(report), new Set());
    const statuses = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
    expect(statuses['evaluation:level1-1:score-within-weight']).toBe('fail');
    expect(statuses['evaluation:grade-matches-score']).toBe('fail');
    expect(statuses['evaluation:execution-rate']).toBe('fail');
    expect(statuses['evaluation:level1-scores-sum']).toBe('pass');
    expect(r.evaluation).toMatchObject({ score: 85, grade: '优', executionRate: 90 });
  });
});
