import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { pageSummary } from '../../src/site/summary.ts';

function seed(name: string) {
  const file = `content/sources/${name}.txt`;
  return parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
}

describe('the summary at the top of a department page', () => {
  // 喀什地区扶贫开发办公室 2021 预算, 支出预算总表: 合计 1439.48 = 基本 993.81 + 项目 445.67 (L193);
  // 213 农林水支出 1282.76 (L179), 208 社会保障和就业支出 86.86 (L173), 221 住房保障支出 69.87 (L187);
  // “三公”经费 4.20 万元, 比上年增加 0 万元 (L729, L735). The text prints no table's title (L169 is 编制部门：…单位：万元
  // over the table), so the table's kind is the parser's reading, and the sentence giving its total says so.
  const doc = seed('kashgar-poverty-alleviation-office-2021-budget');
  const summary = pageSummary(doc, 0);

  it('states the total and the three largest uses with their shares', () => {
    expect(summary.total).toEqual({ amount: 1439.48, unit: '万元', label: '预算支出合计' });
    expect(summary.uses).toEqual([
      { code: '213', name: '农林水支出', amount: 1282.76, share: 89.1 },
      { code: '208', name: '社会保障和就业支出', amount: 86.86, share: 6 },
      { code: '221', name: '住房保障支出', amount: 69.87, share: 4.9 },
    ]);
    expect(summary.sentences[0]).toBe('新疆维吾尔自治区喀什地区扶贫开发办公室 2021 年预算支出合计 1,439.48 万元（表的类别据表格内容推定）。');
    expect(summary.sentences[1]).toBe(
      '按功能分类，最大的 3 项用途是农林水支出 1,282.76 万元（占 89.1%），社会保障和就业支出 86.86 万元（占 6%），住房保障支出 69.87 万元（占 4.9%）。',
    );
  });

  it('splits 基本 from 项目 and gives “三公”经费 with the stated change', () => {
    expect(summary.sentences[2]).toBe(
      '其中基本支出（人员工资和日常运转）993.81 万元，占 69%；项目支出（完成特定任务）445.67 万元，占 31%。',
    );
    expect(summary.sentences[3]).toBe('“三公”经费（因公出国、公务用车、公务接待）4.2 万元，与上年持平。');
  });

  it('counts failed checks and review findings together', () => {
    const failed = doc.checks.filter((c) => c.status === 'fail').length;
    expect(pageSummary(doc, 2).problems).toBe(failed + 2);
  });

  it('says nothing about spending where no table gives it (an evaluation report)', () => {
    const evaluation = pageSummary(seed('kashgar-2021-poverty-monitoring-project-evaluation'), 0);
    expect(evaluation.total).toBeNull();
    expect(evaluation.uses).toEqual([]);
  });
});
