import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import type { EvaluationIndicator } from '../../src/schema/performance.ts';

// A 评价指标体系及评分表 in the order 一级指标 二级指标 三级指标 分值 评分标准 得分 (the 评分标准 between 分值 and 得分),
// written for these tests (tests/fixtures/evaluation-order): merged.html with its 一级 and 二级 cells merged over their
// rows (rowspan), deduction.html with every row printing its levels and a 扣分原因 column after 得分, description.html
// merged as merged.html with a 指标解释 column before 分值 (一级 二级 三级 指标解释 分值 评分标准 得分). Each page was printed
// by Chromium; `*.layout.txt` is `pdftotext -layout` of the PDF, `*.pdf.txt` the text the PDF reader gives of it. The
// 18 rows are the national framework's, their figures adding up: 决策 4+3+3+2+2+1 = 15 (得分 13.5), 过程 4+6+5+5+5 = 25
// (22), 产出 10+10+8+7 = 35 (30), 效益 10+5+10 = 25 (21); 100 and 86.5 in all, as the 合计 row says.
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

/** The 评分标准 of each row, as the pages print them. */
const RULES = [
  '①符合国家法律法规和国民经济发展规划（2分）；②与部门职责范围相符（2分）。',
  '①按规定程序申请设立（1.5分）；②审批文件、材料符合要求（1.5分）。',
  '①有绩效目标（1分）；②与实际工作内容相关（1分）；③与预算确定的资金量相匹配（1分）。',
  '①分解为具体指标（1分）；②指标清晰、可衡量（1分）。',
  '①经过科学论证（1分）；②预算额度测算依据充分（1分）。',
  '分配依据充分、额度合理的得满分，否则酌情扣分。',
  '资金到位率=（实际到位资金/预算资金）×100%，每低1个百分点扣0.1分。',
  '预算执行率=（实际支出资金/实际到位资金）×100%，低于100%的每低1个百分点扣0.2分。',
  '①符合国家财经法规和财务管理制度（2分）；②资金拨付有完整的审批程序和手续（2分）；③不存在截留、挤占、挪用等情况（1分）。',
  '①已制定相应的项目管理制度（2.5分）；②制度合法、合规、完整（2.5分）。',
  '①遵守相关法律法规和管理规定（2.5分）；②项目调整及支出调整手续完备（2.5分）。',
  '完成率100%得满分，每低1个百分点扣0.5分。',
  '准确率100%得满分，每低1个百分点扣1分。',
  '及时率100%得满分，每低1个百分点扣0.5分。',
  '控制在计划成本以内得满分，每超1个百分点扣0.5分。',
  '明显减轻得满分，有所减轻得一半分值，未减轻不得分。',
  '机制健全得满分，部分健全酌情扣分。',
  '满意度≥90%得满分，每低1个百分点扣0.5分。',
];

/** deduction.html's 扣分原因, empty where a row lost no point. */
const DEDUCTIONS = [
  null, null, '目标与资金量匹配不足', '部分指标未细化', '测算依据不充分', null, null, '执行率未达100%', '个别支出手续不全', null,
  '调整手续滞后', '完成率95%', '识别准确率98%', '部分资金延迟发放', '成本超计划', '减轻程度一般', '机制尚不健全', '满意度88%',
];

const fixture = (name: string) => readFileSync(new URL(`../fixtures/evaluation-order/${name}`, import.meta.url), 'utf8');
const parse = (name: string, positioned = false) => parsePerformance(toSourceLines(fixture(name)), new Set(), undefined, positioned);
const status = (checks: ReadonlyArray<{ id?: string; status: string }>, id: string) => checks.find((c) => c.id === id)?.status;
const levels = (i: EvaluationIndicator) => [i.level1, i.level2, i.name, i.weight, i.score];

/**
 * What the -layout text reads of a row is what the PDF reader reads of it, or nothing: a cell left empty is named in a
 * warning (its row's first line and the column), or the table's level cells all are.
 */
function agrees(text: readonly EvaluationIndicator[], pdf: readonly EvaluationIndicator[], warnings: readonly string[]) {
  expect(text).toHaveLength(pdf.length);
  text.forEach((ind, k) => {
    expect([ind.weight, ind.score]).toEqual([pdf[k].weight, pdf[k].score]);
    const unplaced = warnings.includes('评分表的一级、二级指标单元格跨行合并，在文本中未能确定各行所属的一级、二级指标，未能读出，原文逐行保留');
    for (const [key, column] of [['name', '三级指标名称'], ['rule', '评分标准'], ['deduction', null], ['level1', '一级指标'], ['level2', '二级指标']] as const) {
      if (ind[key]) expect(ind[key]).toBe(pdf[k][key]);
      else if (column) expect(unplaced && key.startsWith('level') || warnings.some((w) => w.startsWith(`评分表第 ${ind.lines.first} 行指标的${column}未能读出`))).toBe(true);
      else expect(pdf[k].deduction).toBeNull();
    }
  });
}

describe('a merged 评分表 whose 评分标准 stands between 分值 and 得分 (merged.*)', async () => {
  const page = await readSource(new TextEncoder().encode(fixture('merged.html')), 'merged.html');
  if (!page.ok) throw new Error(page.reason);
  const web = parsePerformance(toSourceLines(page.text), new Set()).evaluation!.indicators;
  const pdf = parse('merged.pdf.txt', true);
  const text = parse('merged.layout.txt');

  it('reads every row from the web page and from the PDF reader\'s text alike', () => {
    expect(web.map(levels)).toEqual(ROWS);
    expect(web.map((i) => i.rule)).toEqual(RULES);
    expect(pdf.evaluation!.indicators.map(levels)).toEqual(ROWS);
    expect(pdf.evaluation!.indicators.map((i) => i.rule)).toEqual(RULES);
  });

  it('reads the -layout text by its header\'s labels: each row\'s 分值, and its 得分 where it stands a line off (was names with 分值, rules with 得分)', () => {
    const indicators = text.evaluation!.indicators;
    // Header on lines 6–7 (`一级指` over `标`); the 得分 of 绩效目标合理性 on line 12 over its 分值 on 13, of 预算编制科学性
    // on 15 over 16, of 预算执行率 on 20 over 21; 合计 100 / 86.5 on line 41.
    expect(indicators.map((i) => [i.weight, i.score])).toEqual(ROWS.map(([, , , weight, score]) => [weight, score]));
    expect(indicators.map((i) => i.lines.first)).toEqual([8, 9, 12, 14, 15, 17, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 39]);
    expect(status(text.checks, 'evaluation:indicator-weights-sum')).toBe('pass');
    expect(status(text.checks, 'evaluation:indicator-scores-sum')).toBe('pass');
    // 绩效目标合理性's 评分标准 wraps over lines 12–13, its 得分 on the first, its 分值 on the second.
    expect(indicators[2].rule).toBe(RULES[2]);
    expect(indicators[6].rule).toBe(RULES[6]);
  });

  it('gives the -layout text\'s rows nothing the PDF reader does not, and names what it leaves', () => {
    agrees(text.evaluation!.indicators, pdf.evaluation!.indicators, text.warnings);
    // The merged level cells, centred on the rows they span, each row measured from its first line to its last (was
    // none read): 决策 on line 13 over the rows of lines 8–17; 过程 on 23 over 18–28; 产出质量 on 30 over 救助对象识别准 /
    // 确率 (lines 30–31, line 30 halfway between the figures on 29 and 31, and the 二级 cell printed on it says which
    // row it is); 可持续影 / 响 on 38–39 over the row of line 38. Where a grouping within a line as good, or the other
    // order of placing the columns, puts a row under another cell, the row's cell is left and named: the 二级 of
    // 资金使用合规性 (lines 22–24) and 管理制度健全性 (24–26), 资金管理 on 21 and 组织实施 on 26; of 绩效指标明确性
    // (line 14), 绩效目标 on 13 over lines 12–14 and 资金投入 on 16 over 14–17 each within half a line of its rows'
    // middle. A row printing a cell on one of its own lines is that cell's: 人均救助成本控制率 (34–35) prints 产出成本
    // beside its name's first piece on line 34 (was left, 社会效益 on 36 as near), and 产出成本 stands under 产出.
    // 资金到位率 (lines 18–19) is left in both columns (was 过程 / 资金管理): 决策 on 13 over lines 8–19 (middle 13.5) or
    // 过程 on 23 over 20–28 (24), 资金投入 on 16 over 15–19 (17) or 资金管理 on 21 over 20–24 (22), each within a line; the
    // two orders of placing centre the table alike (a tie), and the rows either leaves uncertain are.
    const unsure = new Map([[3, [true, false]], [6, [false, false]], [8, [true, false]], [9, [true, false]]]);
    expect(text.evaluation!.indicators.map((i) => [i.level1, i.level2]))
      .toEqual(ROWS.map(([level1, level2], k) => [unsure.get(k)?.[0] === false ? null : level1, unsure.has(k) ? null : level2]));
    expect(text.warnings).toContain('评分表第 22 行指标的二级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“资金管理”，也可属“组织实施”，原文逐行保留');
    expect(text.warnings).toContain('评分表第 14 行指标的二级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“绩效目标”，也可属“资金投入”，原文逐行保留');
    expect(text.warnings).toContain('评分表第 18 行指标的一级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“决策”，也可属“过程”，原文逐行保留');
    expect(text.warnings).toContain('评分表第 18 行指标的二级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“资金投入”，也可属“资金管理”，原文逐行保留');
    // 门职责范围相符（2分）。 (line 9) stands halfway between the figures on lines 8 and 10: both rows' 评分标准 are left.
    expect(text.warnings).toContain('评分表第 8 行指标的评分标准未能读出：第 9 行在两行的分值、得分之间正中，不能确定属于哪一行，原文逐行保留');
    expect(text.evaluation!.indicators.filter((i) => i.rule).length).toBe(11);
    // So is a wrapped name's piece halfway (救助对象识别准, line 30, between the figures on lines 29 and 31): its row's
    // figures may stand on the upper or the lower of its lines (救助资金发放及时率's on the upper, line 32).
    expect(text.warnings).toContain('评分表第 30 行指标的三级指标名称未能读出：第 30 行在两行的分值、得分之间正中，不能确定属于哪一行，原文逐行保留');
    expect(text.evaluation!.indicators.filter((i) => i.name).length).toBe(14);
    const printed = text.evaluation!.printed.map((p) => p.text).join('\n');
    for (const piece of ['决策', '门职责范围相符（2分）。', '救助对象识别准']) expect(printed).toContain(piece);
  });
});

describe('an unmerged 评分表 with 扣分原因 after 得分 (deduction.*)', async () => {
  const page = await readSource(new TextEncoder().encode(fixture('deduction.html')), 'deduction.html');
  if (!page.ok) throw new Error(page.reason);
  const web = parsePerformance(toSourceLines(page.text), new Set()).evaluation!.indicators;
  const pdf = parse('deduction.pdf.txt', true);
  const text = parse('deduction.layout.txt');

  it('reads every row and its 扣分原因 from the web page and from the PDF reader\'s text alike (the PDF\'s was read by the 分值 anchor: 二级 names in 一级, rules one row down)', () => {
    for (const indicators of [web, pdf.evaluation!.indicators]) {
      expect(indicators.map(levels)).toEqual(ROWS);
      expect(indicators.map((i) => i.rule)).toEqual(RULES);
      expect(indicators.map((i) => i.deduction)).toEqual(DEDUCTIONS);
    }
  });

  it('reads the -layout text\'s levels, names, figures and 扣分原因 by its header\'s labels', () => {
    const indicators = text.evaluation!.indicators;
    expect(indicators.map(levels)).toEqual(ROWS);
    // `决策 绩效目标 绩效目标合理性 3 （1分）；③与预算确定的资金量相匹配（1 2.5 目标与资金量匹配不足` (line 13); the 得分 of
    // 绩效指标明确性 two lines under its 分值 (lines 15 and 17); 救助对象识别准确率's levels on line 38, its 分值 on 39.
    expect(indicators.map((i) => i.deduction)).toEqual(DEDUCTIONS);
    expect(status(text.checks, 'evaluation:indicator-weights-sum')).toBe('pass');
    expect(status(text.checks, 'evaluation:indicator-scores-sum')).toBe('pass');
    agrees(indicators, pdf.evaluation!.indicators, text.warnings);
  });

  it('leaves a 评分标准 whose line pdftotext printed in two pieces, and says so', () => {
    // `；②审批文 3` (line 11): the end of line 9's 评分标准 printed under line 10, past the column's left edge.
    expect(text.evaluation!.indicators[1].rule).toBeNull();
    expect(text.warnings).toContain('评分表第 9 行指标的评分标准未能读出：第 11 行的文字不在该列的左端，是文本拆开另印的一段，前后次序不能确定，原文逐行保留');
    expect(text.evaluation!.indicators.filter((i) => i.rule).length).toBe(11);
  });
});

// paged.layout.txt: merged.html's table after 30 lines of prose, so a page break falls before its last row (满意度,
// line 71, the header printed again on 69–70), printed as merged.layout.txt was.
describe('a merged -layout 评分表 whose level cells pdftotext prints a line off (paged.layout.txt)', () => {
  const text = parse('paged.layout.txt');
  const indicators = text.evaluation!.indicators;

  it('gives no row a level cell the centring could give another, and names each it leaves', () => {
    expect(indicators.map((i) => [i.weight, i.score])).toEqual(ROWS.map(([, , , weight, score]) => [weight, score]));
    // Every level read is the row's own.
    indicators.forEach((ind, k) => {
      if (ind.level1) expect(ind.level1).toBe(ROWS[k][0]);
      if (ind.level2) expect(ind.level2).toBe(ROWS[k][1]);
    });
    // 绩效目标 is printed on line 41, the line of the first of its two rows (41–42 and 43), not between them: centred
    // on the lines, 绩效指标明确性 (line 43) would be 资金投入's (line 45) and 资金到位率 (47–48) 资金管理's. The rows a
    // grouping within a line as good puts under another cell keep no cell of that level.
    expect(indicators[3].level2).toBeNull();
    expect(text.warnings).toContain('评分表第 42 行指标的二级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“绩效目标”，也可属“资金投入”，原文逐行保留');
    // 救助人次完成率 (line 57) and 人均救助成本控制率 (63), which the two orders of placing put under 产出 or the 一级 next
    // to it, print 产出数量 (58) and 产出成本 (63): each stands under 产出 only, so they are 产出's (were left).
    expect(indicators.filter((i) => !i.level1).map((i) => i.lines.first)).toEqual([45, 47]);
    expect([indicators[11].level1, indicators[14].level1]).toEqual(['产出', '产出']);
    // 人均救助成本控制率 (lines 63–64) prints 产出成本 on its first line: that cell's (was left).
    expect(indicators.filter((i) => !i.level2).map((i) => i.lines.first)).toEqual([42, 45, 47]);
    for (const ind of indicators.filter((i) => !i.level1)) expect(text.warnings.some((w) => w.startsWith(`评分表第 ${ind.lines.first} 行指标的一级指标未能读出`))).toBe(true);
    // 满意度 on line 71, alone on the page after the break: read as the centring puts it, and said to be so.
    expect([indicators[17].level1, indicators[17].level2]).toEqual(['效益', '满意度']);
    expect(text.warnings).toContain('评分表第 71 行在新的一页上，其上没有本页的一级、二级指标单元格，跨页合并的单元格所跨的行按居中位置推定，请核对原文');
  });

  it('with a 评分汇总表, takes each row\'s 一级 from its weights, and leaves a 二级 the centring left', () => {
    // The 评分汇总表 of the fixture's header comment put before the table (8 lines, so the table's lines move 8 down).
    const summary = [
      '表1 评分汇总表', '        一级指标             分值         得分            得分率',
      '决策                  15         13.5       90.00%', '过程                  25         22         88.00%',
      '产出                  35         30         85.71%', '效益                  25         21         84.00%',
      '合计                  100        86.5       86.50%', '',
    ];
    const lines = fixture('paged.layout.txt').split('\n');
    const withSummary = parsePerformance(toSourceLines([...lines.slice(0, 4), ...summary, ...lines.slice(4)].join('\n')), new Set()).evaluation!.indicators;
    expect(withSummary.map((i) => i.level1)).toEqual(ROWS.map(([level1]) => level1));
    // 人均救助成本控制率 was given 产出时效, the 二级 of the row above it, then none; it prints its own, 产出成本, on its
    // first line (63 of the fixture, 71 here).
    expect(withSummary[14].level2).toBe('产出成本');
    withSummary.forEach((ind, k) => ind.level2 && expect(ind.level2).toBe(ROWS[k][1]));
  });
});

// cut.layout.txt: merged.html's table after a paragraph, printed by Chromium with a page break after 救助人次完成率
// (line 29; the header again on 30–31), `pdftotext -layout`, the report's filler paragraphs left out. 产出, merged over
// 救助人次完成率 and the three rows on the next page, is printed once, on line 29, at the top of its first part; the
// 二级 cells of the rows after the break are each printed on their row's first line (产出质量 beside 救助对象识别准 on
// line 32, 产出时效 on 34, 产出成本 on 36, 社会效益 on 38).
describe('a merged -layout 评分表 whose 一级 a page break cuts (cut.layout.txt)', () => {
  const text = parse('cut.layout.txt');
  const indicators = text.evaluation!.indicators;

  it('reads the level cells the centring places, each row measured from its first line to its last (was none read)', () => {
    expect(indicators.map((i) => [i.weight, i.score])).toEqual(ROWS.map(([, , , weight, score]) => [weight, score]));
    expect(text.warnings).not.toContain('评分表的一级、二级指标单元格跨行合并，在文本中未能确定各行所属的一级、二级指标，未能读出，原文逐行保留');
    // A row printing a 二级 cell on one of its lines is that cell's (救助对象识别准确率, lines 32–33, 产出质量 on 32; was
    // 产出时效's over it and the next row, 产出质量 over none, so no level of the table was read).
    expect(indicators.slice(12, 14).map((i) => i.level2)).toEqual(['产出质量', '产出时效']);
    indicators.forEach((ind, k) => {
      if (ind.level1) expect(ind.level1).toBe(ROWS[k][0]);
      if (ind.level2) expect(ind.level2).toBe(ROWS[k][1]);
    });
    // Left, and named: 资金到位率 (line 18, between 决策 on 12 and 过程 on 23), the rows after the break whose 一级 may be
    // 产出 printed off their middle or 效益 (line 40); the 二级 of 绩效指标明确性 (13–14, 绩效目标 on 12, 资金投入 on 16)
    // and 资金到位率 (18–19, 资金投入 on 16, 资金管理 on 21), and of 人均救助成本控制率 (36–37, 产出成本, 社会效益 on 38).
    // 救助对象识别准确率 (32) and 救助资金发放及时率 (34), after the break, print 产出质量 and 产出时效, which stand under 产出
    // only, not 效益: 产出's (were left). 人均救助成本控制率 (36) may be 产出成本 under 产出 or 社会效益 under 效益, both pairs
    // of the framework, and stays left in both columns.
    expect(indicators.filter((i) => !i.level1).map((i) => i.lines.first)).toEqual([18, 36]);
    expect(indicators.slice(12, 14).map((i) => i.level1)).toEqual(['产出', '产出']);
    expect(indicators.filter((i) => !i.level2).map((i) => i.lines.first)).toEqual([13, 18, 36]);
    for (const ind of indicators.filter((i) => !i.level1)) expect(text.warnings.some((w) => w.startsWith(`评分表第 ${ind.lines.first} 行指标的一级指标未能读出`))).toBe(true);
    for (const ind of indicators.filter((i) => !i.level2)) expect(text.warnings.some((w) => w.startsWith(`评分表第 ${ind.lines.first} 行指标的二级指标未能读出`))).toBe(true);
  });
});

// cut-process.pdf.txt: the PDF reader's text of merged.html's table printed by Chromium with a page break after 预算执行率
// (line 48; the header again on 50–52), the report's filler paragraphs left out. 过程 and 资金管理, merged over
// 资金到位率 to 制度执行有效性 and 资金到位率 to 资金使用合规性, are printed once, on line 44, at the top of their first part
// (资金到位率's first line), not at the middle of their rows; 决策 on line 37 and 资金投入 on 42 at the middle of theirs.
describe('a merged 评分表 in the PDF reader\'s text whose 一级 and 二级 a page break cuts (cut-process.pdf.txt)', () => {
  const text = parse('cut-process.pdf.txt', true);
  const indicators = text.evaluation!.indicators;

  it('leaves the row above a cut cell\'s line that the centring gave it, and names it (was 过程 and 资金管理)', () => {
    expect(indicators.map((i) => [i.weight, i.score])).toEqual(ROWS.map(([, , , weight, score]) => [weight, score]));
    // 立项依据充分性 to 预算编制科学性 (lines 29–41) under 决策, 资金到位率 (44) and 预算执行率 (47) under 过程 / 资金管理.
    expect(indicators.slice(0, 8).map((i) => [i.level1, i.level2])).toEqual(
      ROWS.slice(0, 8).map(([level1, level2], k) => (k === 5 ? [null, null] : [level1, level2])),
    );
    // 资金分配合理性 (line 43, under the 资金投入 printed on 42): the centring put it under 过程 / 资金管理 printed on 44.
    expect(indicators[5].lines.first).toBe(43);
    expect(text.warnings).toContain('评分表第 43 行指标的一级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“决策”，也可属“过程”，原文逐行保留');
    expect(text.warnings).toContain('评分表第 43 行指标的二级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“资金投入”，也可属“资金管理”，原文逐行保留');
    // 资金使用合规性 (lines 54–58), first on page 2 with no level piece of its page above it, is flagged as before.
    expect(text.warnings).toContain('评分表第 56 行在新的一页上，其上没有本页的一级、二级指标单元格，跨页合并的单元格所跨的行按居中位置推定，请核对原文');
  });

  it('gives the row after the break the cut cells, those under it being centred on their own rows (was 组织实施, then none)', () => {
    // Its 二级 is 资金管理, printed on line 44 on the page before. 组织实施 (line 63) is centred on 管理制度健全性 and
    // 制度执行有效性 (figures on 61 and 65) and stands 2.5 lines off the middle with it (56–65); the cut 资金管理 is centred
    // on its rows of page 1 whatever rows of page 2 it spans. Its 一级, 过程 (line 44) or 产出 (line 74): 产出 is centred on
    // its four rows (figures on 68–79, middle 73.5), 6.5 lines off with it (56–79).
    expect(indicators[8].lines.first).toBe(54);
    expect([indicators[8].level1, indicators[8].level2]).toEqual(['过程', '资金管理']);
    expect(text.warnings.filter((w) => w.startsWith('评分表第 54 行指标'))).toEqual([]);
    expect(indicators.slice(9).map((i) => [i.level1, i.level2])).toEqual(ROWS.slice(9).map(([level1, level2]) => [level1, level2]));
  });
});

// spaced.layout.txt: the same 18 rows in the national template's order closing with 得分率 (一级 二级 三级 指标解释 评分标准
// 分值 得分 得分率), the level cells merged, printed by Chromium with a page break after 资金分配合理性, `pdftotext
// -layout`; its 评分汇总表 taken out, so no 一级's weights say which rows are its. Each merged 一级 is printed once, on
// a line of one of its rows: 决策 on line 18 (绩效目标合理性's), 过程 on 39 (资金使用合规性's), 产出 on 53 (救助资金发放
// 及时率's), 效益 on 61 (长效机制健全性's).
describe('a merged -layout 评分表 closing with 得分率 whose 一级 the centring does not place (spaced.layout.txt)', () => {
  const text = parse('spaced.layout.txt');
  const indicators = text.evaluation!.indicators;

  it('gives a row the 一级 printed on its lines, or the one above and below it, and no other (was the nearest above)', () => {
    expect(indicators.map((i) => [i.weight, i.score])).toEqual(ROWS.map(([, , , weight, score]) => [weight, score]));
    // Rows 1–3 (立项依据充分性 to 绩效目标合理性, the first printing 决策) and 17–18 (长效机制健全性 printing 效益, and the
    // last row) are certain; so are the rows printing 过程 and 产出.
    const read = [0, 1, 2, 8, 13, 16, 17];
    expect(indicators.map((i) => i.level1)).toEqual(ROWS.map(([level1], k) => (read.includes(k) ? level1 : null)));
    // 预算执行率 (line 33) and 资金到位率 (28) were 决策's, the nearest 一级 above them: they are 过程's, whose 一级 is printed
    // on line 39, below them. Every row between two printed 一级 is named.
    const unread = indicators.filter((i) => !i.level1);
    expect(unread.map((i) => i.lines.first)).toEqual([22, 24, 26, 28, 33, 43, 46, 49, 51, 55, 57]);
    for (const ind of unread) expect(text.warnings).toContain(`评分表第 ${ind.lines.first} 行指标的一级指标未能读出：跨行合并的一级指标单元格只印一次，该行在两个一级指标之间，不能确定属于哪一个，原文逐行保留`);
  });
});

describe('a -layout 评分表 whose figures the text does not pair or part', async () => {
  it('reads no row\'s 得分 where one is missing (line 14\'s 1.5 taken out: 18 分值, 17 得分), and says so', () => {
    const lines = fixture('merged.layout.txt').split('\n');
    lines[13] = lines[13].replace(/ 1\.5$/, '');
    const { evaluation, checks, warnings } = parsePerformance(toSourceLines(lines.join('\n')), new Set());
    expect(evaluation!.indicators.map((i) => i.weight)).toEqual(ROWS.map(([, , , weight]) => weight));
    expect(evaluation!.indicators.every((i) => i.score == null)).toBe(true);
    expect(warnings).toContain('评分表的分值与得分不能逐行对应（分值 18 个，得分 17 个），各行得分未能读出，原文逐行保留');
    expect(status(checks, 'evaluation:indicator-weights-sum')).toBe('pass');
  });

  it('reads no row where pdftotext runs a 分值 into the 指标解释 before it (description.layout.txt line 12, `是否符3`), and keeps the lines', async () => {
    const page = await readSource(new TextEncoder().encode(fixture('description.html')), 'description.html');
    if (!page.ok) throw new Error(page.reason);
    const web = parsePerformance(toSourceLines(page.text), new Set()).evaluation!.indicators;
    const pdf = parse('description.pdf.txt', true).evaluation!.indicators;
    for (const indicators of [web, pdf]) {
      expect(indicators.map(levels)).toEqual(ROWS);
      expect(indicators.map((i) => i.rule)).toEqual(RULES);
    }
    expect(pdf[0].description).toBe('项目立项是否符合法律法规、相关政策、发展规划以及部门职责，用以反映和考核项目立项依据情况。');
    const text = parse('description.layout.txt');
    expect(text.evaluation!.indicators).toEqual([]);
    expect(text.warnings).toContain('评分表的各列在文本中未能按表头分开（分值、得分或文字列的位置不一），未能读出，原文逐行保留');
    const printed = text.evaluation!.printed.map((p) => p.text).join('\n');
    for (const piece of ['立项程序规范', '项目申请、设立过程是否符3', '86.5']) expect(printed).toContain(piece);
  });
});

// spaced-cut.layout.txt: the 18 rows in the national template's order closing with 得分率 (一级 二级 三级 指标解释 评分标准
// 分值 得分 得分率), the level cells merged and centred, no 评分汇总表, printed by Chromium with a page break inside
// 绩效目标合理性 (the form feed and the header again on lines 19–20, its last line, `观实际。`, on 21), `pdftotext
// -layout`, the report's filler paragraphs left out. Its cells one space apart, the table is read by its figures
// (readFiguresOnly). 决策 is printed once, on line 9, at the top of its rows; 绩效目标 on 17–18, page 1 only, centred on
// 绩效目标合理性 alone (figures on 17) though it is 绩效指标明确性's (figures on 22) as well; 资金投入 on 25–26; 过程 on 36.
describe('a -layout 评分表 read by its figures whose level cells a page break cuts (spaced-cut.layout.txt)', () => {
  const text = parse('spaced-cut.layout.txt');
  const indicators = text.evaluation!.indicators;

  it('leaves the levels the cut cells leave uncertain on the page after the break, names them, and reads the others right (were 资金投入 and 决策; 组织实施)', () => {
    expect(indicators.map((i) => [i.weight, i.score])).toEqual(ROWS.map(([, , , weight, score]) => [weight, score]));
    // 绩效指标明确性 (figures on 22), first on page 2, above 资金投入: the cut 绩效目标's or 资金投入's, which stands
    // within a line of the middle of the rows the centring gave it with it (22–29) and without it (24–29). Was
    // 资金投入, unflagged.
    expect(indicators[3].level2).toBeNull();
    expect(text.warnings).toContain('评分表第 18 行指标的二级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“绩效目标”，也可属“资金投入”，原文逐行保留');
    // 预算编制科学性 (figures on 24): 资金投入 (25–26) stands within a line of the middle of its rows whether they begin at
    // it or at 资金分配合理性 (26), so it may be the cut 绩效目标's (was 资金投入, read by a centring thrown off by the cut
    // cell), and its 一级 决策's or 过程's.
    expect([indicators[4].level1, indicators[4].level2]).toEqual([null, null]);
    expect(text.warnings).toContain('评分表第 23 行指标的二级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“绩效目标”，也可属“资金投入”，原文逐行保留');
    expect(text.warnings).toContain('评分表第 23 行指标的一级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“决策”，也可属“过程”，原文逐行保留');
    // 资金到位率 (figures on 29) is 过程's (was left): 过程 (36) is centred on its rows from it to 制度执行有效性 (29–45
    // by their figures, middle 37), the cut 决策 on its rows of page 1 whatever rows of page 2 it spans.
    expect(indicators[6].level1).toBe('过程');
    // 资金使用合规性 (figures on 39) is 资金管理's (33–34, centred on 29–39 by their figures, middle 34; was 组织实施,
    // unflagged, the page's rows shifted by one by the cut 绩效目标's off-centre placement).
    expect(indicators[8].level2).toBe('资金管理');
    expect(indicators.filter((i) => !i.level1).map((i) => i.lines.first)).toEqual([23]);
    expect(indicators.filter((i) => !i.level2).map((i) => i.lines.first)).toEqual([18, 23]);
    indicators.forEach((ind, k) => {
      if (ind.level1) expect(ind.level1).toBe(ROWS[k][0]);
      if (ind.level2) expect(ind.level2).toBe(ROWS[k][1]);
    });
    // The summary warning no longer says every row's 二级 was read.
    expect(text.warnings).toContain('评分表的单元格在文本中只隔一个空格，各行读出三级指标名称、指标解释、分值和得分，评分标准未能读出，原文逐行保留');
  });
});

// spaced-cut-later.pdf.txt: the PDF reader's text of the same table printed by Chromium with a page break inside
// 资金到位率 (the header again on lines 50–52), the report's filler paragraphs left out. 过程 and 资金管 / 理 are printed on
// 48–49, at the top of their first part, page 1 only; the two rows after the break, 预算执行率 (figures on 59) and
// 资金使用合规性 (68), are 资金管理's, and the first 二级 printed on page 2 is 组织实 / 施 (78, 80), centred on
// 管理制度健全性 (76) and 制度执行有效性 (82).
describe('a merged 评分表 in the PDF reader\'s text whose 二级 a page break cuts over two rows of the next page (spaced-cut-later.pdf.txt)', () => {
  const text = parse('spaced-cut-later.pdf.txt', true);
  const indicators = text.evaluation!.indicators;

  it('gives the rows above the first 二级 printed on the page the cut cell, the one printed there being centred on its own rows (were 组织实施, then none)', () => {
    expect(indicators.map((i) => [i.weight, i.score])).toEqual(ROWS.map(([, , , weight, score]) => [weight, score]));
    // 组织实施 over 预算执行率 to 制度执行有效性 (59–82) would stand 8.5 lines above their middle; it is centred on the last
    // two (76–82), so the rows above them on the page are the cut 资金管理's, centred on its rows of page 1 whatever rows
    // of page 2 it spans.
    expect(indicators.slice(7, 9).map((i) => [i.name, i.level1, i.level2])).toEqual([['预算执行率', '过程', '资金管理'], ['资金使用合规性', '过程', '资金管理']]);
    expect(indicators.map((i) => i.lines.first).slice(7, 9)).toEqual([54, 64]);
    expect(text.warnings.filter((w) => w.includes('指标未能读出'))).toEqual([]);
    // Every row's levels are read, and right.
    expect(indicators.map((i) => [i.level1, i.level2])).toEqual(ROWS.map(([level1, level2]) => [level1, level2]));
  });
});

// spaced-cut-above.pdf.txt: the PDF reader's text of the same table printed by Chromium with a page break inside
// 预算执行率 (the header again on lines 66–68), the report's filler paragraphs left out. 过程 and 资金管 / 理 are printed
// on 57–59, at the top of their first part (资金到位率's lines), page 1 only; 资金投 / 入 on 51 and 53, centred on
// 预算编制科学性 (figures on 50) and 资金分配合理性 (54).
describe('a merged 评分表 in the PDF reader\'s text whose cut 二级 looks centred on the row above it (spaced-cut-above.pdf.txt)', () => {
  const text = parse('spaced-cut-above.pdf.txt', true);
  const indicators = text.evaluation!.indicators;

  it('leaves the 二级 of a row left between two 一级 where it stands under one of them only, and names it (was 资金管理)', () => {
    expect(indicators.map((i) => [i.weight, i.score])).toEqual(ROWS.map(([, , , weight, score]) => [weight, score]));
    // 资金分配合理性 (53–55) stands above 过程's line (57), printed off the middle of the rows the centring gave it: 决策's
    // or 过程's. Its 二级 as given, 资金管理 (57–59, which looks centred on it, 资金到位率 and 预算执行率), stands under 过程
    // only, so it is as uncertain: 资金管理 or 资金投入, the 二级 of 预算编制科学性 above it, under 决策.
    expect([indicators[5].name, indicators[5].level1, indicators[5].level2]).toEqual(['资金分配合理性', null, null]);
    expect(text.warnings).toContain('评分表第 53 行指标的一级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“决策”，也可属“过程”，原文逐行保留');
    expect(text.warnings).toContain('评分表第 53 行指标的二级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“资金投入”，也可属“资金管理”，原文逐行保留');
    // 资金使用合规性 (figures on 78), first on page 2, was given 组织实施, then none: 组织实施 is centred on the two rows
    // under it, and the cut 资金管理 on its rows of page 1 whatever rows of page 2 it spans.
    expect([indicators[8].name, indicators[8].level1, indicators[8].level2]).toEqual(['资金使用合规性', '过程', '资金管理']);
    expect(text.warnings.filter((w) => w.startsWith('评分表第 72 行指标'))).toEqual([]);
    indicators.forEach((ind, k) => {
      if (k === 5) return;
      expect(ind.level1).toBe(ROWS[k][0]);
      expect(ind.level2).toBe(ROWS[k][1]);
    });
  });
});
