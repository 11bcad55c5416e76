import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import type { Indicator, SelfEvaluationFunds } from '../../src/schema/performance.ts';
import { anchorHref, checkPanel } from '../../src/site/check-panel.ts';
import { indicatorNotes } from '../../src/site/indicator-notes.ts';
import { fundsTable, totalScore } from '../../src/site/self-evaluation.ts';

// A 项目支出绩效自评表 in the finance ministry's template, written by hand (tests/fixtures/self-evaluation): funds
// block L5–L10 (66 + 10 + 0 = 76; 68.40 ÷ 76.00 = 90.00 %), 预期目标 and 实际完成情况 L11–L13, indicators L14–L21,
// 总分 L22 printing 96 where 9 + 20 + 20 + 10 + 16 + 20 = 95: a misprint the check panel must list and link.
const FORM = readFileSync('tests/fixtures/self-evaluation/national-form.txt', 'utf8');
const parse = (text: string) => parseDisclosure(text, { file: 'national-form.txt', sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });

const fundsRow = (item: string, figures: Partial<Omit<SelfEvaluationFunds, 'item' | 'lines'>>): SelfEvaluationFunds => ({
  item,
  planned: null,
  budget: null,
  spent: null,
  weight: null,
  rate: null,
  score: null,
  ...figures,
  lines: { first: 1, last: 1 },
});

describe("a 绩效自评表's funds block and 总分 on a target's card", () => {
  it('shows the rows under the template\'s columns, a dash or blank cell empty, the 执行率 in %', () => {
    const doc = parse(FORM);
    expect(fundsTable(doc.targets[0].selfEvaluation!.funds)).toEqual({
      columns: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      rows: [
        { item: '年度资金总额', cells: ['80', '76', '68.4', '10', '90%', '9'] },
        { item: '当年财政拨款', cells: ['70', '66', '58.4', '', '', ''] },
        { item: '上年结转资金', cells: ['10', '10', '10', '', '', ''] },
        { item: '其他资金', cells: ['0', '0', '0', '', '', ''] },
      ],
    });
    expect(totalScore(doc.targets[0].selfEvaluation!)).toBe('96（分值 100）');
  });

  it('shows only the columns the form filled, and groups thousands', () => {
    const funds = [fundsRow('年度资金总额', { budget: 1234.5, spent: 1200, rate: 97.21 }), fundsRow('', { budget: 34.5, spent: 0 })];
    expect(fundsTable(funds)).toEqual({
      columns: ['全年预算数', '全年执行数', '执行率'],
      rows: [
        { item: '年度资金总额', cells: ['1,234.5', '1,200', '97.21%'] },
        { item: '资金', cells: ['34.5', '0', ''] },
      ],
    });
    expect(fundsTable([])).toBeNull();
  });

  it('says which half of the 总分 row is missing, and nothing without one', () => {
    expect(totalScore({ totalScore: 94.5, totalWeight: null })).toBe('94.5');
    expect(totalScore({ totalScore: null, totalWeight: 100 })).toBe('未填得分（分值 100）');
    expect(totalScore({ totalScore: null, totalWeight: null })).toBeNull();
  });
});

describe("an indicator card's notes", () => {
  it('shows what the 自评表 reports against the target: 实际完成值, 分值, 得分, 偏差原因', () => {
    const [target] = parse(FORM).targets;
    // L19: 效益指标 社会效益指标 新建社区助餐点 6个 4个 20 16 两个助餐点选址未定，下年督促开放.
    const built = target.indicators.find((i) => i.name === '新建社区助餐点')!;
    expect(indicatorNotes(built)).toEqual([
      ['实际完成值：', '4个'],
      ['分值权重：', '20'],
      ['得分：', '16'],
      ['偏差原因：', '两个助餐点选址未定，下年督促开放'],
    ]);
  });

  it('shows every column a form may print, in order, the printed value where it says more', () => {
    const ind: Indicator = {
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人数',
      value: { text: '≥95人以上', operator: '>=', number: 95, unit: '人', qualitative: null, date: null },
      key: false,
      description: '参加培训的基层干部人数',
      weight: 10,
      basis: '年度培训计划',
      previous: '90人',
      scoringRule: '完成得满分，每少5人扣1分',
      evidence: '培训签到表',
      actual: '96人',
      score: 0,
      deviation: null,
      lines: { first: 1, last: 1 },
    };
    expect(indicatorNotes(ind).map(([label]) => label)).toEqual([
      '原文：', '上年完成值：', '实际完成值：', '分值权重：', '得分：', '说明：', '依据：', '评分标准：', '佐证材料：',
    ]);
    expect(indicatorNotes(ind)[4]).toEqual(['得分：', '0']);
  });
});

describe("the check panel's links to a 绩效自评表", () => {
  it('links the failed 总分 sum and the unmatched project amount to the target table', () => {
    const panel = checkPanel(parse(FORM));
    expect(panel.failed.flatMap((g) => g.items.map((i) => [i.check.id, i.anchor, i.where]))).toEqual([
      ['performance:target-1:score-sum', 'target-target-1', '第 1–22 行'],
    ]);
    expect(panel.uncheckable.flatMap((g) => g.items.map((i) => [i.check.id, i.anchor]))).toEqual([['performance:target-1:project-amount', 'target-target-1']]);
  });

  it('links a funds row\'s 执行率 from its own line to the target table', () => {
    // L6 printing 91.00% where 68.40 ÷ 76.00 is 90.00 %.
    const panel = checkPanel(parse(FORM.replace('90.00%', '91.00%')));
    const rate = panel.failed.flatMap((g) => g.items).find((i) => i.check.id === 'performance:target-1:execution-rate:1');
    expect([rate?.anchor, rate?.where]).toEqual(['target-target-1', '第 6 行']);
  });

  it('sends a link to the text page or the targets page where the document has one', () => {
    const pages = { text: '/d/x/text/', targets: '/d/x/targets/' };
    expect(anchorHref('sec-s3', pages)).toBe('/d/x/text/#sec-s3');
    expect(anchorHref('target-target-1', pages)).toBe('/d/x/targets/#target-target-1');
    expect(anchorHref('t3-L120', pages)).toBe('#t3-L120');
    expect(anchorHref('sec-s3', { text: null, targets: null })).toBe('#sec-s3');
    expect(anchorHref('target-target-1', { text: null, targets: null })).toBe('#target-target-1');
  });
});
