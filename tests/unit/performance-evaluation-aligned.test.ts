import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { runsOf } from '../../src/ingest/layout/cells.ts';
import { tinyPdf } from '../fixtures/tiny-pdf.ts';

// An evaluation report as the PDF reader (or `pdftotext -layout`) prints it: the card, the 评分汇总表, the 综合评分表
// and the funds table aligned by runs of spaces instead of tabs, a long rule wrapped onto a line of its own. Written
// for this test after the evaluation seed's structure, with other numbers (they add up: 18 + 17 + 27.5 + 24 = 86.5).
function at(...cells: Array<[number, string]>): string {
  let line = '';
  for (const [column, text] of cells) line = `${line.padEnd(column)}${line.length && line.length >= column ? ' ' : ''}${text}`;
  return line;
}

const sheet = (l1: string, l2: string, name: string, weight: string, rule: string, score: string, reason = '') =>
  at([0, l1], [10, l2], [20, name], [36, weight], [44, rule], [64, score], [72, reason]);

const report = [
  '某县 2023 年度农村饮水安全项目绩效评价报告',
  at([0, '项目名称'], [12, '某县农村饮水安全项目']),
  at([0, '预算金额'], [12, '120.00 万元'], [28, '执行金额'], [40, '110.00 万元'], [56, '执行率'], [66, '91.67%']),
  at([0, '评价分值'], [12, '86.5 分']),
  at([0, '评价等级'], [12, '良']),
  '',
  '一、项目基本情况',
  '本项目由某县水利局实施。',
  '',
  '表 1 评分汇总表',
  at([0, '一级指标'], [12, '分值'], [22, '得分'], [32, '得分率']),
  at([0, '决策'], [12, '20'], [22, '18'], [32, '90.00%']),
  at([0, '过程'], [12, '20'], [22, '17'], [32, '85.00%']),
  at([0, '产出'], [12, '30'], [22, '27.5'], [32, '91.67%']),
  at([0, '效益'], [12, '30'], [22, '24'], [32, '80.00%']),
  at([0, '合计'], [12, '100'], [22, '86.5'], [32, '86.50%']),
  '',
  '表 2 综合评分表',
  sheet('一级指标', '二级指标', '三级指标', '分值', '评分规则', '得分', '扣分原因'),
  sheet('决策', '项目立项', '立项依据充分性', '10', '符合规划得满分', '10'),
  at([44, '否则酌情扣分']),
  sheet('', '绩效目标', '目标明确性', '10', '目标清晰得满分', '8', '指标未量化'),
  sheet('过程', '资金管理', '资金到位率', '10', '全部到位得满分', '9', '到位滞后'),
  sheet('', '组织实施', '制度执行有效性', '10', '执行有效得满分', '8', '档案不全'),
  sheet('产出', '产出数量', '完成率', '15', '全部完成得满分', '14', '一处未完工'),
  sheet('', '产出质量', '合格率', '15', '全部合格得满分', '13.5', '抽检不合格'),
  sheet('效益', '社会效益', '受益人口', '15', '达到目标得满分', '12', '未达目标'),
  sheet('', '满意度', '群众满意度', '15', '90%以上得满分', '12', '满意度偏低'),
  sheet('合计', '', '', '100', '', '86.5'),
  '',
  '表 3 资金使用情况',
  at([0, '项目内容'], [16, '预算金额（万元）'], [36, '实际执行金额（万元）']),
  at([0, '管网改造'], [16, '80.00'], [36, '75.00']),
  at([0, '水质检测'], [16, '40.00'], [36, '35.00']),
  '',
  '二、主要经验及做法',
  '加强资金监管。',
];

describe('an evaluation report printed aligned', () => {
  const { evaluation, checks } = parsePerformance(toSourceLines(report.join('\n')), new Set());
  const e = evaluation!;

  it('reads the card by its runs (lines 2–5)', () => {
    expect(e).toMatchObject({ projectName: '某县农村饮水安全项目', budgetAmount: 120, spentAmount: 110, executionRate: 91.67, score: 86.5, grade: '良' });
  });

  it('reads the 评分汇总表 (lines 12–16) and the funds table (lines 33–34) by their header columns', () => {
    expect(e.scores.map((s) => [s.level1, s.weight, s.score, s.lines.first])).toEqual([
      ['决策', 20, 18, 12],
      ['过程', 20, 17, 13],
      ['产出', 30, 27.5, 14],
      ['效益', 30, 24, 15],
    ]);
    expect(e.fundsUse.map((f) => [f.item, f.budget, f.spent])).toEqual([
      ['管网改造', 80, 75],
      ['水质检测', 40, 35],
    ]);
  });

  it('reads the 综合评分表 row by row, a wrapped rule joined to its row (lines 20–21)', () => {
    expect(e.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', 10, 10],
      ['决策', '绩效目标', '目标明确性', 10, 8],
      ['过程', '资金管理', '资金到位率', 10, 9],
      ['过程', '组织实施', '制度执行有效性', 10, 8],
      ['产出', '产出数量', '完成率', 15, 14],
      ['产出', '产出质量', '合格率', 15, 13.5],
      ['效益', '社会效益', '受益人口', 15, 12],
      ['效益', '满意度', '群众满意度', 15, 12],
    ]);
    expect(e.indicators[0]).toMatchObject({ rule: '符合规划得满分否则酌情扣分', lines: { first: 20, last: 21 } });
    expect(e.indicators[1].deduction).toBe('指标未量化');
  });

  it('checks the sheet against the summary and the total, all passing', () => {
    const evaluationChecks = checks.filter((c) => c.id.startsWith('evaluation'));
    expect(evaluationChecks.length).toBeGreaterThan(0);
    expect(evaluationChecks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});

// A 综合评分表 printed from a PDF whose table has narrow columns (the kashgar evaluation seed printed by LibreOffice,
// issue 11 point 6): the 一级 / 二级 labels and names stand a character a line (a character of each column touching
// the other's on a row's first line: `决立` is 决 of 决策 and 立 of 立项), 得分 and 扣分原因 are one character
// wide so their labels stack (`得扣` over `分分`) and a 得分 of two digits goes on under itself (`1` over `0`), the
// name and 指标解释 wrap inside their columns, and 合计 wraps to `合` over `计`. The grid moves from page to page, so
// the places come from each row's first line. Written for this test, its numbers adding up (10 + 10 = 20, 10 + 10 = 20;
// 9 + 10 = 19, 8 + 10 = 18, 37 in all).
/** A report's title, its 评分汇总表 (一级, 分值, 得分, 得分率 a row) and the narrow 综合评分表's header stack. */
const narrowHead = (title: string, summary: ReadonlyArray<readonly [string, string, string, string]>) => [
  title,
  '',
  at([0, '一级指标'], [12, '分值'], [22, '得分'], [32, '得分率']),
  ...summary.map(([l1, weight, score, rate]) => at([0, l1], [12, weight], [22, score], [32, rate])),
  '',
  '附件 1：综合评分表',
  at([0, '一二'], [3, '三级指标'], [12, '指标解释'], [22, '分值'], [27, '评分规则'], [45, '评分过程'], [63, '得扣']),
  at([0, '级级'], [63, '分分']),
  at([1, '指']),
  at([1, '标']),
];

const narrowReport = [
  ...narrowHead('某县 2023 年度监测预警项目绩效评价报告', [
    ['决策', '20', '19', '95.00%'],
    ['效益', '20', '18', '90.00%'],
    ['合计', '40', '37', '92.50%'],
  ]),
  at([0, '决立'], [3, '立项依据'], [12, '项目立项是'], [22, '10'], [27, '符合规划得满分，'], [45, '查阅批复文件，'], [63, '9']),
  at([0, '策项'], [3, '充分'], [12, '否符合规划'], [27, '否则扣分'], [45, '得 9 分']),
  at([3, '性']),
  at([1, '绩'], [3, '绩效目标'], [12, '目标是否合'], [22, '10'], [27, '目标合理得满分'], [45, '目标合理，得 10 分'], [63, '1']),
  at([1, '效'], [3, '合理性'], [12, '理'], [63, '0']),
  at([1, '目']),
  at([1, '标']),
  at([0, '效社'], [3, '受益人口'], [12, '受益人口是'], [22, '10'], [27, '全部覆盖得满分'], [45, '覆盖 80%，得 8 分'], [63, '8']),
  at([0, '益会'], [3, '覆盖率'], [12, '否覆盖']),
  at([1, '效']),
  at([1, '益']),
  at([1, '满'], [3, '群众满意度'], [12, '群众对项目'], [22, '10'], [27, '90%以上得满分'], [45, '满意度 95%'], [63, '1']),
  at([1, '意'], [12, '的满意程度'], [63, '0']),
  at([1, '度']),
  at([0, '合'], [22, '40'], [63, '3']),
  at([63, '7']),
  at([0, '计']),
  '',
  '附件 2：调查问卷',
];

describe('a 综合评分表 printed in narrow columns (labels and figures a character a line)', () => {
  // As the PDF reader prints it: each character where its glyph stands.
  const { evaluation, checks, warnings } = parsePerformance(toSourceLines(narrowReport.join('\n')), new Set(), undefined, true);
  const e = evaluation!;

  it('finds the header by its stacked 得分 label (lines 9–12) and reads each row from its 分值 line', () => {
    expect(e.indicators.map((i) => [i.level1, i.name, i.weight, i.score, i.lines.first, i.lines.last])).toEqual([
      ['决策', '立项依据充分性', 10, 9, 13, 15],
      ['决策', '绩效目标合理性', 10, 10, 16, 19],
      ['效益', '受益人口覆盖率', 10, 8, 20, 23],
      ['效益', '群众满意度', 10, 10, 24, 26],
    ]);
    expect(e.indicators.map((i) => i.description)).toEqual(['项目立项是否符合规划', '目标是否合理', '受益人口是否覆盖', '群众对项目的满意程度']);
  });

  it("reads the 二级 down its narrow column, and each row's 评分规则 and 评分过程 by where its first line prints them", () => {
    expect(e.indicators.map((i) => [i.level2, i.rule, i.process, i.deduction])).toEqual([
      ['立项', '符合规划得满分，否则扣分', '查阅批复文件，得9分', null],
      ['绩效目标', '目标合理得满分', '目标合理，得10分', null],
      ['社会效益', '全部覆盖得满分', '覆盖80%，得8分', null],
      ['满意度', '90%以上得满分', '满意度95%', null],
    ]);
  });

  it('checks the rows against the 一级 subtotals and the total (line 27), all passing, and flags nothing', () => {
    const sheet = checks.filter((c) => /^evaluation:(?:indicator|level1)/.test(c.id));
    const status = (id: string) => sheet.find((c) => c.id === id)?.status;
    expect([status('evaluation:indicator-scores-sum'), status('evaluation:indicator-weights-sum')]).toEqual(['pass', 'pass']);
    expect(sheet.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(warnings.filter((w) => w.includes('评分表'))).toEqual([]);
  });

  it('reads no narrow column, nor a further line right of 分值, from text whose columns may have moved (pdftotext -layout)', () => {
    const { evaluation: layout } = parsePerformance(toSourceLines(narrowReport.join('\n')), new Set());
    expect(layout!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score, i.rule, i.process])).toEqual([
      ['决策', null, '立项依据充分性', 10, 9, null, null],
      ['决策', null, '绩效目标合理性', 10, 10, null, null],
      ['效益', null, '受益人口覆盖率', 10, 8, null, null],
      ['效益', null, '群众满意度', 10, 10, null, null],
    ]);
  });

  it('keeps every line of the sheet printed as well: its cells are read by position, which the print keeps', () => {
    const printed = e.printed.map((p) => p.lines.first);
    for (const no of [13, 14, 15, 16, 20, 24]) expect(printed).toContain(no);
  });
});

// The same report as a PDF: each word set where the text puts it (a character position 8 pt wide, CJK 8 pt, digits
// 4 pt), read from its glyph positions by the PDF reader.
describe('the same narrow-column 综合评分表 read from a PDF', async () => {
  const pdf = tinyPdf([narrowReport.flatMap((line, i) => runsOf(line).map((w) => ({ text: w.text, x: 30 + w.start * 8, y: 40 + i * 14, size: 8 })))]);
  const read = await readSource(pdf);
  if (!read.ok) throw new Error(read.reason);
  const { evaluation, warnings } = parsePerformance(toSourceLines(read.text), new Set(), undefined, true);

  it('reads the same rows, 分值 and 得分', () => {
    expect(evaluation!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['决策', '立项', '立项依据充分性', 10, 9],
      ['决策', '绩效目标', '绩效目标合理性', 10, 10],
      ['效益', '社会效益', '受益人口覆盖率', 10, 8],
      ['效益', '满意度', '群众满意度', 10, 10],
    ]);
    expect(evaluation!.indicators.map((i) => i.rule)).toEqual(['符合规划得满分，否则扣分', '目标合理得满分', '全部覆盖得满分', '90%以上得满分']);
    expect(warnings.filter((w) => w.includes('评分表'))).toEqual([]);
  });
});

// Rows that lost their leading cell, as the evaluation seed prints them from its L478 on (`组织 实施` / `管 理 制 度
// 健 全 性` / 指标解释 … in the first cells, the 一级 merged over the rows above): the PDF sets each cell one column
// left, the 二级 in the first narrow column, the name a character a line in the second (its first character touching
// the 二级's: `组管`), 指标解释 in the name column and 分值 in 指标解释's. Values after the seed's L473–480, shortened.
const shiftedReport = [
  ...narrowHead('某地区 2021 年度监测预警项目绩效评价报告', [
    ['过程', '13', '13', '100.00%'],
    ['合计', '13', '13', '100.00%'],
  ]),
  at([0, '过资'], [3, '资金使用合规'], [12, '项目资金使用是'], [22, '5'], [27, '①符合财经法规'], [45, '通过翻阅凭证，'], [63, '5']),
  at([0, '程金'], [3, '性'], [12, '否符合制度规定'], [27, '（1分）否则，不得分；'], [45, '得5分。']),
  at([1, '管']),
  at([1, '理']),
  at([27, '②资金的拨付有完整的审批程序']),
  at([0, '组管'], [3, '项目实施单位'], [12, '4'], [17, '①已制定管理制度'], [35, '依据管理制度文件'], [55, '4']),
  at([0, '织'], [3, '的财务和业务'], [17, '（2分）否则，不得分；'], [35, '，得4分。']),
  at([1, '理'], [3, '管理制度是否健全']),
  at([1, '制']),
  at([1, '度']),
  at([1, '健']),
  at([1, '全']),
  at([1, '性']),
  at([17, '②制度合法、合规、完整（2分）否则，不得分。']),
  at([1, '制'], [3, '项目实施是否'], [12, '4'], [17, '①遵守相关规定（1分）否则，不得分；'], [37, '依据实施方案，得4分。'], [55, '4']),
  at([1, '度'], [3, '符合管理规定']),
  ...['执', '行', '有', '效', '性'].map((c) => at([1, c])),
  at([0, '合'], [22, '13'], [63, '1']),
  at([63, '3']),
  at([0, '计']),
];

describe('a narrow-column 综合评分表 whose rows lost their leading cell', () => {
  const { evaluation, warnings } = parsePerformance(toSourceLines(shiftedReport.join('\n')), new Set(), undefined, true);

  it('reads the name down the last narrow column and the 二级 in the one before it; an empty 二级 is the one above', () => {
    expect(evaluation!.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.weight, i.score, i.lines.first, i.lines.last])).toEqual([
      ['过程', '资金管理', '资金使用合规性', '项目资金使用是否符合制度规定', 5, 5, 12, 16],
      ['过程', '组织', '管理制度健全性', '项目实施单位的财务和业务管理制度是否健全', 4, 4, 17, 25],
      ['过程', '组织', '制度执行有效性', '项目实施是否符合管理规定', 4, 4, 26, 32],
    ]);
    expect(warnings.filter((w) => w.includes('评分表'))).toEqual([]);
  });

  it("reads 评分规则 and 评分过程 at the places each row's first line prints them, a rule's further item (L16, L25) its own", () => {
    expect(evaluation!.indicators.map((i) => [i.rule, i.process])).toEqual([
      ['①符合财经法规（1分）否则，不得分；②资金的拨付有完整的审批程序', '通过翻阅凭证，得5分。'],
      ['①已制定管理制度（2分）否则，不得分；②制度合法、合规、完整（2分）否则，不得分。', '依据管理制度文件，得4分。'],
      ['①遵守相关规定（1分）否则，不得分；', '依据实施方案，得4分。'],
    ]);
  });
});
