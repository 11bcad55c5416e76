import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';

// A 评价指标体系及评分表 written for these tests (formats/evaluation-merged-sheet.html): 18 indicators in the national
// template's order (一级 二级 三级 指标解释 评分标准 分值 得分 得分率), its 一级 and 二级 cells merged over their rows
// (rowspan), every cell vertically centred. Its figures add up: 决策 4+3+3+2+2+1 = 15 (得分 13.5), 过程 4+6+5+5+5 = 25
// (22), 产出 10+10+8+7 = 35 (30), 效益 10+5+10 = 25 (21); 100 and 86.5 in all, as its 评分汇总表 and 合计 say.
const ROWS: Array<[string, string, string, number, number]> = [
  ['决策', '项目立项', '立项依据充分性', 4, 4], ['决策', '项目立项', '立项程序规范性', 3, 3],
  ['决策', '绩效目标', '绩效目标合理性', 3, 2.5], ['决策', '绩效目标', '绩效指标明确性', 2, 1.5],
  ['决策', '资金投入', '预算编制科学性', 2, 1.5], ['决策', '资金投入', '资金分配合理性', 1, 1],
  ['过程', '资金管理', '资金到位率', 4, 4], ['过程', '资金管理', '预算执行率', 6, 5],
  ['过程', '资金管理', '资金使用合规性', 5, 4], ['过程', '组织实施', '管理制度健全性', 5, 5],
  ['过程', '组织实施', '制度执行有效性', 5, 4],
  ['产出', '产出数量', '救助人次完成率', 10, 9], ['产出', '产出质量', '救助对象识别准确率', 10, 8],
  ['产出', '产出时效', '救助资金发放及时率', 8, 7], ['产出', '产出成本', '人均救助成本控制率', 7, 6],
  ['效益', '社会效益', '困难群众就医负担减轻程度', 10, 8], ['效益', '可持续影响', '长效机制健全性', 5, 4],
  ['效益', '满意度', '救助对象满意度', 10, 9],
];

const status = (checks: ReadonlyArray<{ id: string; status: string }>, id: string) => checks.find((c) => c.id === id)?.status;

describe('a merged 评分表 read from the web page itself', async () => {
  const read = await readSource(readFileSync('tests/fixtures/formats/evaluation-merged-sheet.html'), 'evaluation-merged-sheet.html');
  if (!read.ok) throw new Error(read.reason);
  const { evaluation, checks } = parsePerformance(toSourceLines(read.text), new Set());

  it('gives every row the 一级 and 二级 cells it spans, its name and figures', () => {
    expect(evaluation!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual(ROWS);
    const sufficiency = evaluation!.indicators[8];
    expect([sufficiency.description, sufficiency.rule]).toEqual([
      '项目资金使用是否符合相关的财务管理制度规定。',
      '①符合国家财经法规和财务管理制度（2分）；②资金拨付有完整的审批程序和手续（2分）；③不存在截留、挤占、挪用等情况（1分）。',
    ]);
    expect(status(checks, 'evaluation:indicator-weights-sum')).toBe('pass');
    for (let k = 1; k <= 4; k++) expect(status(checks, `evaluation:level1-${k}:rows-sum`)).toBe('pass');
  });
});

// The same page printed by Chromium and put through `pdftotext -layout` (evaluation-layout-merged.txt, the report's
// filler paragraphs left out). Its header (lines 14–15) prints 分值 得分 得分率 whole, a space apart, the narrow
// columns' labels wrapped (`一级` over `指标`, `二级指` over `标`). The table goes on over a page break inside the 过程
// rows (the form feed and the header again on lines 45–46): 过程 is printed once, on line 33, at the top of its
// first page's rows, and 组织实施 (lines 49–50) only on the second. The rows' lines stand above and below their
// figures unevenly (资金使用合规性: its name on lines 41 and 43, its figures on line 42 beside `；③不`), and a line
// may print pieces of two rows (56: `量产出时`, the end of 产出质量 and the start of 产出时效).
const text = readFileSync(new URL('../fixtures/evaluation-layout-merged.txt', import.meta.url), 'utf8');

describe('a merged 评分表 in -layout text, cut by a page break', () => {
  const { evaluation, checks, warnings } = parsePerformance(toSourceLines(text), new Set());
  const indicators = evaluation!.indicators;

  it('reads its header of two lines and every row by its closing 分值, 得分 and 得分率 (was no row)', () => {
    expect(indicators.map((i) => [i.level1, i.weight, i.score])).toEqual(ROWS.map(([level1, , , weight, score]) => [level1, weight, score]));
    expect(Math.min(...indicators.map((i) => i.lines.first))).toBe(16);
    expect(status(checks, 'evaluation:indicator-weights-sum')).toBe('pass');
    expect(status(checks, 'evaluation:indicator-scores-sum')).toBe('pass');
  });

  it('reads each row\'s 三级 name and 指标解释 by the pieces of their column, one cell a row', () => {
    expect(indicators.map((i) => i.name)).toEqual(ROWS.map(([, , name]) => name));
    // 立项依据充分性: five lines (16–20) around its figures on line 18.
    expect(indicators[0].description).toBe('项目立项是否符合法律法规、相关政策、发展规划以及部门职责，用以反映和考核项目立项依据情况。');
    // Either side of the page break: 资金使用合规性 (lines 41–43) and 管理制度健全性 (47 and 49).
    expect(indicators[8].description).toBe('项目资金使用是否符合相关的财务管理制度规定。');
    expect(indicators[9].description).toBe('项目实施单位的管理制度是否健全。');
    expect(indicators[9].lines.last).toBe(49);
  });

  it('leaves what its pieces do not say, and says so', () => {
    // 评分标准's lines are cut where a number or a bracket would not fit, so a short line need not end a cell; the
    // 二级 cells (量产出时 on line 56) join into no name of the framework.
    expect(indicators.every((i) => i.rule == null && i.level2 == null)).toBe(true);
    expect(warnings).toContain('评分表的单元格在文本中只隔一个空格，各行读出一级指标、三级指标名称、指标解释、分值和得分，二级指标、评分标准未能读出，原文逐行保留');
    // Every row's 一级 is given by the 评分汇总表's weights (lines 8–11: 15, 25, 35, 25), none is named unread.
    expect(warnings.filter((w) => w.includes('一级指标未能读出'))).toEqual([]);
    const printed = evaluation!.printed.map((p) => p.text).join('\n');
    for (const piece of ['量产出时', '；③不', '完整（2.5分）。']) expect(printed).toContain(piece);
  });
});

// The same text with its 评分汇总表 (lines 6–12) blanked: the rows printed between two 一级 cells of different names
// (绩效指标明确性, 预算编制科学性, 资金分配合理性 on lines 26–32, between 决策 on line 24 and 过程 on line 33, and so on
// to 效益 on line 64) have no weights to place them by, and their 一级 is left unread and named row by row.
describe('a merged 评分表 in -layout text without a 评分汇总表', () => {
  const blanked = text.split('\n').map((l, i) => (i >= 5 && i <= 11 ? '' : l)).join('\n');
  const { evaluation, warnings } = parsePerformance(toSourceLines(blanked), new Set());

  it('names each row it gives no 一级, and does not say every row read one', () => {
    const unread = [26, 28, 30, 35, 38, 43, 49, 52, 54, 58, 60];
    expect(evaluation!.indicators.filter((i) => i.level1 == null).map((i) => i.lines.first)).toEqual(unread);
    expect(evaluation!.indicators.slice(0, 3).map((i) => i.level1)).toEqual(['决策', '决策', '决策']);
    expect(warnings.filter((w) => w.includes('一级指标未能读出')).map((w) => Number(/第 (\d+) 行/.exec(w)![1]))).toEqual(unread);
    expect(warnings).toContain('评分表的单元格在文本中只隔一个空格，各行读出三级指标名称、指标解释、分值和得分，二级指标、评分标准未能读出，原文逐行保留');
  });
});

// A web page's 评分表 in the order 一级 二级 三级 分值 评分标准 得分 (no 得分率), written for this test: 过程 and 资金管理
// merged over three rows, so the rows of 预算执行率 and 资金使用合规性 open with two empty cells. 预算执行率 is a label of
// an evaluation's summary card too (执行率), but its row prints a 评分标准 and a 得分 after its 分值: a table's row, not a
// card's pair (was read as the card's 执行率 6, and the table ended above it). 4 + 6 + 5 = 15; 4 + 5 + 4 = 13.
const page = `<html><body><h2>某县2023年度医疗救助项目绩效评价报告</h2><p>附件：绩效评价指标体系及评分表</p><table>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>分值</th><th>评分标准</th><th>得分</th></tr>
<tr><td rowspan="3">过程</td><td rowspan="3">资金管理</td><td>资金到位率</td><td>4</td><td>资金到位率=（实际到位资金/预算资金）×100%，每低1个百分点扣0.1分。</td><td>4</td></tr>
<tr><td>预算执行率</td><td>6</td><td>预算执行率=（实际支出资金/实际到位资金）×100%，每低1个百分点扣0.2分。</td><td>5</td></tr>
<tr><td>资金使用合规性</td><td>5</td><td>①符合财务管理制度（3分）；②无截留、挪用（2分）。</td><td>4</td></tr>
<tr><td colspan="3">合计</td><td>15</td><td></td><td>13</td></tr></table></body></html>`;

describe('a merged 评分表 whose 三级 name is a card label', async () => {
  const read = await readSource(new TextEncoder().encode(page), 'sheet.html');
  if (!read.ok) throw new Error(read.reason);
  const { evaluation, checks } = parsePerformance(toSourceLines(read.text), new Set());

  it('reads the row as the table\'s, not as the card\'s 执行率', () => {
    expect(evaluation!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['过程', '资金管理', '资金到位率', 4, 4], ['过程', '资金管理', '预算执行率', 6, 5], ['过程', '资金管理', '资金使用合规性', 5, 4],
    ]);
    expect(evaluation!.indicators[1].rule).toBe('预算执行率=（实际支出资金/实际到位资金）×100%，每低1个百分点扣0.2分。');
    expect(evaluation!.executionRate).toBeNull();
    expect(status(checks, 'evaluation:indicator-weights-sum')).toBe('pass');
  });
});

// The same table with no merged cell (every row prints its 一级 and 二级), printed by Chromium and put through
// `pdftotext -layout` (evaluation-layout-unmerged.txt): its header on lines 14–15 and again on 48–49, the rows' lines
// above and below their figures unevenly, 评分标准's lines cut where a number or a bracket would not fit (so its pieces
// do not say their rows). Line 45 (`点扣0.1分。`, the end of 资金到位率's rule) stands halfway between the figures on
// lines 44 and 46, line 56 (`（1分）。`, the end of 资金使用合规性's) between those on 54 and 58, and line 50 (`100%的…`)
// between 46 and 54 across the header printed again: read as the row under them, 预算执行率's rule began
// `点扣0.1分。` and 管理制度健全性's `（1分）。`.
const unmerged = readFileSync(new URL('../fixtures/evaluation-layout-unmerged.txt', import.meta.url), 'utf8');

describe('an unmerged 评分表 in -layout text, its 评分标准 ending halfway between two rows', () => {
  const { evaluation, checks, warnings } = parsePerformance(toSourceLines(unmerged), new Set());
  const indicators = evaluation!.indicators;

  it('reads every row\'s levels, name, 指标解释 and figures', () => {
    expect(indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual(ROWS);
    // 资金到位率: lines 43–44; 资金使用合规性: lines 53–54, under the header printed again.
    expect(indicators[6].description).toBe('实际到位资金与预算资金的比率。');
    expect(indicators[8].description).toBe('项目资金使用是否符合相关的财务管理制度规定。');
    expect(status(checks, 'evaluation:indicator-scores-sum')).toBe('pass');
  });

  it('puts no 评分标准 in a row it may not be, and says which were not read', () => {
    // 资金到位率, 预算执行率, 资金使用合规性, 管理制度健全性 (indicators 7–10) are left empty.
    expect(indicators.slice(6, 10).map((i) => i.rule)).toEqual([null, null, null, null]);
    expect(warnings).toContain('评分表第 43 行指标的评分标准未能读出：第 45 行在两行的分值、得分之间正中，不能确定属于哪一行，原文逐行保留');
    expect(warnings).toContain('评分表第 56 行指标的评分标准未能读出：第 56 行在两行的分值、得分之间正中，不能确定属于哪一行，原文逐行保留');
    const printed = evaluation!.printed.map((p) => p.text);
    for (const piece of ['点扣0.1分。', '100%的每低1个百分点扣0.2', '（1分）。']) expect(printed).toContain(piece);
  });

  it('reads the other rows\' 评分标准 whole, as the web page prints them', () => {
    // 立项程序规范性 (lines 23–25), 制度执行有效性 (60–62), 长效机制健全性 (80–81).
    expect(indicators[1].rule).toBe('①按规定程序申请设立（1.5分）；②审批文件、材料符合要求（1.5分）。');
    expect(indicators[10].rule).toBe('①遵守相关法律法规和管理规定（2.5分）；②项目调整及支出调整手续完备（2.5分）。');
    expect(indicators[16].rule).toBe('机制健全得满分，部分健全酌情扣分。');
    expect(indicators.filter((i) => i.rule != null)).toHaveLength(14);
  });
});
