import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// A third party's 项目支出绩效评价报告 (probeEval10's report A: an HTML table printed by Chromium, then
// `pdftotext -layout`), trimmed to its title, its 评分汇总表 and its 评价指标体系及评分表 of 18 rows in the national
// template's order (一级 二级 三级 指标解释 评分标准 分值 得分 得分率). The 分值 and 得分 labels stand a character a
// line, the cells one space apart, the level and name cells wrapped above and below each row's figures, and the
// table goes on over a page break (the form feed before its header printed again). The figures below are the
// generator's, read off its table by hand.
const text = readFileSync(new URL('../fixtures/evaluation-layout-sheet.txt', import.meta.url), 'utf8');
const { evaluation, checks, warnings } = parsePerformance(toSourceLines(text), new Set());
const e = evaluation!;

describe('a 评分表 in -layout text whose cells stand one space apart', () => {
  it('reads every row by its closing 分值, 得分 and 得分率, with its 一级', () => {
    expect(e.indicators.map((i) => [i.level1, i.weight, i.score])).toEqual([
      ['决策', 4, 4], ['决策', 3, 3], ['决策', 3, 2.5], ['决策', 2, 1.5], ['决策', 2, 1.5], ['决策', 1, 1],
      ['过程', 4, 4], ['过程', 6, 5], ['过程', 5, 4], ['过程', 5, 5], ['过程', 5, 4],
      ['产出', 10, 9], ['产出', 10, 8], ['产出', 8, 7], ['产出', 7, 6],
      ['效益', 10, 8], ['效益', 5, 4], ['效益', 10, 9],
    ]);
    // Each row ends on the line of its figures; the 合计 (line 74) is no row.
    expect(e.indicators.map((i) => i.lines.last)).toEqual([16, 20, 24, 28, 32, 36, 40, 42, 45, 49, 53, 57, 59, 60, 63, 67, 69, 73]);
  });

  it('adds up: the rows to each 一级 of the 评分汇总表, the 分值 to 100, the 得分 to 86.5', () => {
    const status = (id: string) => checks.find((c) => c.id === id)?.status;
    for (let k = 1; k <= 4; k++) expect(status(`evaluation:level1-${k}:rows-sum`)).toBe('pass');
    expect(status('evaluation:indicator-weights-sum')).toBe('pass');
    expect(status('evaluation:indicator-scores-sum')).toBe('pass');
    for (let k = 1; k <= 18; k++) expect(status(`evaluation:indicator-${k}:score-within-weight`)).toBe('pass');
    // A row without its names is named in its check by its place and 一级, never by an empty name (`：得分 ≤ 分值`).
    expect(checks.find((c) => c.id === 'evaluation:indicator-7:score-within-weight')?.message).toBe('评分表第 7 项指标（过程）：得分 ≤ 分值');
  });

  it('names what it could not read, and keeps every line of the table printed', () => {
    expect(e.indicators.every((i) => i.name === '' && i.level2 == null)).toBe(true);
    expect(warnings.some((w) => w.includes('二级、三级指标名称等未能读出'))).toBe(true);
    const printed = new Set(e.printed.flatMap((p) => Array.from({ length: p.lines.last - p.lines.first + 1 }, (_, k) => p.lines.first + k)));
    for (let no = 12; no <= 74; no++) if (text.split('\n')[no - 1].trim()) expect(printed.has(no), `line ${no}`).toBe(true);
  });
});
