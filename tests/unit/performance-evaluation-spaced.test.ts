import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// A third party's 项目支出绩效评价报告 (probeEval10's report A: an HTML table printed by Chromium, then
// `pdftotext -layout`), trimmed to its title, its 评分汇总表 and its 评价指标体系及评分表 of 18 rows in the national
// template's order (一级 二级 三级 指标解释 评分标准 分值 得分 得分率). The 分值 and 得分 labels stand a character a
// line, the cells one space apart, the level and name cells wrapped above and below each row's figures, and the
// table goes on over a page break (the form feed before its header printed again). The figures below are the
// generator's, read off its table by hand; so are the rows' lines, told by the print: `pdftotext -layout` moves a
// row's 一级 to its first line and its figures to its middle or lower lines, and a wrapped name's last piece may stand
// over its first (`性` on line 15, over `立项依据充分`).
const text = readFileSync(new URL('../fixtures/evaluation-layout-sheet.txt', import.meta.url), 'utf8');
const { evaluation, checks, warnings } = parsePerformance(toSourceLines(text), new Set());
const e = evaluation!;

describe('a 评分表 in -layout text whose cells stand one space apart', () => {
  it('reads every row by its closing 分值, 得分 and 得分率, with its 一级, 二级 and 三级 names but two', () => {
    expect(e.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', 4, 4], ['决策', '项目立项', '立项程序规范性', 3, 3],
      ['决策', '绩效目标', '绩效目标合理性', 3, 2.5], ['决策', '绩效目标', '绩效指标明确性', 2, 1.5],
      ['决策', '资金投入', '预算编制科学性', 2, 1.5], ['决策', '资金投入', '资金分配合理性', 1, 1],
      ['过程', '资金管理', '资金到位率', 4, 4], ['过程', '资金管理', '预算执行率', 6, 5],
      ['过程', '资金管理', '资金使用合规性', 5, 4], ['过程', '组织实施', '管理制度健全性', 5, 5],
      ['过程', '组织实施', '制度执行有效性', 5, 4],
      ['产出', '产出数量', '救助人次完成率', 10, 9], ['产出', '产出质量', '救助对象识别准确率', 10, 8],
      ['产出', '产出时效', '救助资金发放及时率', 8, 7], ['产出', '产出成本', '人均救助成本控制率', 7, 6],
      // `可持 长效机制健全` (line 68) stands halfway between the figures on lines 67 and 69: its piece of a name may be
      // either row's (evaluation-order/paged.layout.txt's `担减轻程度`, line 66, is the row above's), and both are left.
      ['效益', '社会效益', '', 10, 8], ['效益', '可持续影响', '', 5, 4],
      ['效益', '满意度', '救助对象满意度', 10, 9],
    ]);
    // Each row from the line its 一级 opens (or its first piece) to its last; the 合计 (line 74) is no row.
    expect(e.indicators.map((i) => [i.lines.first, i.lines.last])).toEqual([
      [14, 17], [18, 21], [22, 25], [26, 29], [30, 33], [34, 37], [38, 40], [41, 42], [43, 46], [47, 50], [51, 54],
      [55, 57], [58, 59], [60, 61], [62, 63], [66, 67], [68, 70], [71, 73],
    ]);
  });

  it('reads 指标解释 and 评分标准 over the row\'s lines', () => {
    const [first, , , , , , , second] = e.indicators;
    expect([first.description, first.rule]).toEqual([
      '项目立项是否符合法律法规、相关政策、发展规划以及部门职责，用以反映和考核项目立项依据情况。',
      '①符合国家法律法规和国民经济发展规划（2分）；②与部门职责范围相符（2分）。',
    ]);
    expect([second.description, second.rule]).toEqual([
      '项目预算资金是否按照计划执行，用以反映或考核项目预算执行情况。',
      '预算执行率=（实际支出资金/实际到位资金）×100%，低于100%的每低1个百分点扣0.2分。',
    ]);
  });

  it('adds up: the rows to each 一级 of the 评分汇总表, the 分值 to 100, the 得分 to 86.5', () => {
    const status = (id: string) => checks.find((c) => c.id === id)?.status;
    for (let k = 1; k <= 4; k++) expect(status(`evaluation:level1-${k}:rows-sum`)).toBe('pass');
    expect(status('evaluation:indicator-weights-sum')).toBe('pass');
    expect(status('evaluation:indicator-scores-sum')).toBe('pass');
    for (let k = 1; k <= 18; k++) expect(status(`evaluation:indicator-${k}:score-within-weight`)).toBe('pass');
    expect(checks.find((c) => c.id === 'evaluation:indicator-7:score-within-weight')?.message).toBe('资金到位率：得分 ≤ 分值');
  });

  it('names the two names it leaves, and keeps every line of the table printed', () => {
    expect(warnings.filter((w) => w.includes('评分表'))).toEqual([
      '评分表第 66 行指标的三级指标名称未能读出：第 68 行在两行的分值、得分之间正中，不能确定属于哪一行，原文逐行保留',
      '评分表第 68 行指标的三级指标名称未能读出：第 68 行在两行的分值、得分之间正中，不能确定属于哪一行，原文逐行保留',
    ]);
    const printed = new Set(e.printed.flatMap((p) => Array.from({ length: p.lines.last - p.lines.first + 1 }, (_, k) => p.lines.first + k)));
    for (let no = 12; no <= 74; no++) if (text.split('\n')[no - 1].trim()) expect(printed.has(no), `line ${no}`).toBe(true);
  });
});

// The same report's table with its cells at the top of their rows (probeEval10's a-top: `vertical-align: top`, then
// `pdftotext -layout`), its first three rows: each row's figures on its first line, its wrapped cells under it.
const topText = [
  '某市2023年度城乡居民医疗救助项目支出绩效评价报告',
  '附件：某市2023年度城乡居民医疗救助项目绩效评价指标体系及评分表',
  ...readFileSync(new URL('../fixtures/evaluation-layout-top.txt', import.meta.url), 'utf8').trimEnd().split('\n'),
  '合计                                                             10 9.5 95.00%',
].join('\n');

describe('a -layout 评分表 whose cells stand at the top of their rows', () => {
  const top = parsePerformance(toSourceLines(topText), new Set()).evaluation!;

  it('reads each row from its figures line down to the next', () => {
    expect(top.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score, i.lines.first, i.lines.last])).toEqual([
      ['决策', '项目立项', '立项依据充分性', 4, 4, 5, 6],
      ['决策', '项目立项', '立项程序规范性', 3, 3, 7, 8],
      ['决策', '绩效目标', '绩效目标合理性', 3, 2.5, 9, 10],
    ]);
    expect(top.indicators[2].rule).toBe('①有绩效目标（1分）；②与实际工作内容相关（1分）；③与预算确定的资金量相匹配（1分）。');
  });
});
