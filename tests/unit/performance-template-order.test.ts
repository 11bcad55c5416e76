import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// A single-space target form whose header prints cells after 指标值 (指标值内容, 度量单位, 指标值类型, 备注), written
// for this test after 长沙职业教育基地 2026's 项目支出绩效目标表 with its spaces collapsed. The row at line 3 prints its
// rule wrapped and its 指标值内容 empty, so its last words are a unit, a sign and a 备注 score (`万元 ＝ 7`): read from
// its last words, its value was `＝7`, which the form never printed as a value (it is 水费 ＝ 120 万元).
// Line 5 prints one word a cell, nine words under nine headers: the template's order places each. Line 4, touching
// line 5 with no blank line between, may as well be the upper piece of line 5's 指标值内容 or 评（扣）分标准 (the
// sample prints a wrapped cell around its row's line, L376–L378): those two cells of line 5 are not read.
describe('a single-space target form whose header prints cells after 指标值', () => {
  const text = [
    '水电气项目绩效目标表', // 1
    '一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注',
    '成本指标 经济成本指标 水费 120 偏离目标30%得4分；偏离 万元 ＝ 7', // 3
    '10%得8分；无偏离得满分',
    '产出指标 数量指标 用水量 92.32 用水总量 偏离不得分 万吨 ＝ 7', // 5
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());
  const [target] = result.targets;

  it('reads no value from the last words of the row at line 3: lines 3–4 are unparsed', () => {
    expect(target.indicators.some((i) => i.value.text === '＝7')).toBe(false);
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last, u.text])).toEqual([
      [3, 3, '成本指标 经济成本指标 水费 120 偏离目标30%得4分；偏离 万元 ＝ 7'],
      [4, 4, '10%得8分；无偏离得满分'],
      [5, 5, '用水总量 偏离不得分'],
    ]);
    expect(result.unparsed[0].reason).toContain('分不清哪个词是指标值');
    expect(result.unparsed[1].reason).toContain('可能是该行指标值内容、评（扣）分标准栏折行的一段');
    expect(target.flag).toContain('1 行未能按列读出指标');
  });

  it('reads line 5 by the header order: 用水量 ＝92.32万吨, its 备注 kept in the description, its text cells left empty', () => {
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.value.number, i.description, i.scoringRule, i.lines.first])).toEqual([
      ['产出指标', '数量指标', '用水量', '＝92.32万吨', 92.32, '备注：7', null, 5],
    ]);
    expect(target.flag).toContain('「用水量」的指标值内容、评（扣）分标准栏折行印在本行上下');
  });
});

// The same form's rows whose level cells span several rows (written for this test after 长沙职业教育基地 2026's
// 项目支出绩效目标表, runs of spaces made one, L376–L456): a level's name is printed on one row's line, centred over the
// rows it spans, or wrapped across their lines (`经济成本指` / `标` at line 3 and 5), so a row's line prints its level
// names or not. Line 4 prints none and one word for each other cell (7 words); line 7 a 一级 name and line 9 a 二级
// name before them; line 10 both level names and no 指标值内容 (8 words under 9 cells), which cell is empty the words
// do not say. The -layout text prints 水费 ＝ 120 万元 (备注 7), 燃气费 ＝ 10 万元 (6), 及时支付 ≥ 90 % (5). Line 6,
// touching both line 4 and line 7, is a piece of a text cell of either: the text cells of both are not read.
describe('a single-space form whose level names stand on other lines than a row', () => {
  const text = [
    '水电气项目绩效目标表', // 1
    '一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注',
    '经济成本指', // 3
    '水费 120 水费财政拨款总费用 得4分；偏离 万元 ＝ 7',
    '标', // 5
    '10%得8分；无偏离得满分',
    '成本指标 燃气费 10 燃气财政拨款总费用 得4分；偏离 万元 ＝ 6', // 7
    '产出指标',
    '时效指标 及时支付 90 及时支付率 得4分；偏离 % ≥ 5', // 9
    '产出指标 数量指标 用水量 92.32 偏离不得分 万吨 ＝ 7',
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());
  const [target] = result.targets;

  it('reads lines 4, 7 and 9 by the header order, each level name printed on its line in its cell, the others left empty', () => {
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.description, i.lines.first])).toEqual([
      [null, null, '水费', '＝120万元', '备注：7', 4],
      ['成本指标', null, '燃气费', '＝10万元', '备注：6', 7],
      [null, '时效指标', '及时支付', '≥90%', '及时支付率；备注：5', 9],
    ]);
    expect(target.flag).toContain('3 项指标的一级或二级指标不在本行');
  });

  it('keeps the level pieces, line 6, the text cells of lines 4 and 7, and line 10 as printed', () => {
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last, u.text])).toEqual([
      [3, 3, '经济成本指'],
      [4, 4, '水费财政拨款总费用 得4分；偏离'],
      [5, 5, '标'],
      [6, 6, '10%得8分；无偏离得满分'],
      [7, 7, '燃气财政拨款总费用 得4分；偏离'],
      [8, 8, '产出指标'],
      [10, 10, '产出指标 数量指标 用水量 92.32 偏离不得分 万吨 ＝ 7'],
    ]);
  });
});

// The same form where the text keeps its lines' places (`-layout` with its runs of spaces made one, each line's indent
// one space), written for this test after 长沙职业教育基地 2026's L376–L428: its level cells are merged over several
// rows, each printing its name once in the middle of them. 经济成本指 / 标 (lines 6 and 8) stand around 电费's line 7,
// the middle of lines 4–10; 成本指标 on 燃气费's line 10, the middle of lines 4–16 with the 二级 cells 社会成本指标
// (12–13) and 生态环境成本指标 (15–16) over no row; 产出指标 数量指标 on 用水量's line 20, the middle of 18–22.
describe('a single-space form keeping its lines, its level cells merged over several rows', () => {
  const text = [
    ' 水电气项目绩效目标表', // 1
    ' 一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注',
    '',
    ' 水费 120 水费总费用 偏离不得分 万元 ＝ 7', // 4
    '',
    ' 经济成本指', // 6
    ' 电费 140 电费总费用 偏离不得分 万元 ＝ 7',
    ' 标', // 8
    '',
    ' 成本指标 燃气费 10 燃气总费用 偏离不得分 万元 ＝ 6', // 10
    '',
    ' 社会成本指', // 12
    ' 标',
    '',
    ' 生态环境成', // 15
    ' 本指标',
    '',
    ' 燃气用量 38.61 用燃气总量 偏离不得分 万立方 ＝ 7', // 18
    '',
    ' 产出指标 数量指标 用水量 92.32 用水总量 偏离不得分 万吨 ＝ 7', // 20
    '',
    ' 用电量 653.99 用电总量 偏离不得分 万度 ＝ 7', // 22
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());
  const [target] = result.targets;

  it('gives each row the cells centred on it: 水费, 电费, 燃气费 成本指标 / 经济成本指标; 燃气用量, 用水量, 用电量 产出指标 / 数量指标', () => {
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.lines.first])).toEqual([
      ['成本指标', '经济成本指标', '水费', '＝120万元', 4],
      ['成本指标', '经济成本指标', '电费', '＝140万元', 7],
      ['成本指标', '经济成本指标', '燃气费', '＝10万元', 10],
      ['产出指标', '数量指标', '燃气用量', '＝38.61万立方', 18],
      ['产出指标', '数量指标', '用水量', '＝92.32万吨', 20],
      ['产出指标', '数量指标', '用电量', '＝653.99万度', 22],
    ]);
    expect(target.flag).toBeNull();
  });

  it('leaves nothing unparsed: lines 6 and 8 are 电费’s cell, lines 12–16 the cells over no row, printed apart', () => {
    expect(result.unparsed).toEqual([]);
    expect(target.printed!.map((p) => [p.lines.first, p.text])).toEqual([
      [1, '水电气项目绩效目标表'], [2, '一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注'],
      [12, '社会成本指'], [13, '标'], [15, '生态环境成'], [16, '本指标'],
    ]);
  });
});

// A described form (its header names 指标解释) whose header prints 指标解释, 评（扣）分标准 and 备注 after 指标值, written
// for this test after 长沙职业教育基地 2026's 部门整体支出绩效目标表. Line 3 prints one word a cell, seven words under
// seven headers. Line 4 prints its value as a sign, a number and a unit (9 words): the described reader took `10次` for
// its value and the sign `≥` for its description, and which words are the value the words alone do not say.
describe('a described target form whose header prints cells after 指标值', () => {
  const text = [
    '部门整体支出绩效目标表', // 1
    '一级指标 二级指标 三级指标 指标值 指标解释 评（扣）分标准 备注',
    '成本指标 经济成本指标 项目支出 ≤270万元 反映项目支出成本控制情况 偏离目标40%不得分 10', // 3
    '产出指标 数量指标 党建情况 ≥ 10 次 严格落实三会一课制度 每少一次扣3分 7', // 4
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());
  const [target] = result.targets;

  it('reads line 3 by the header order: 项目支出 ≤270万元, its 备注 kept in the description', () => {
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.value.number, i.description, i.scoringRule, i.lines.first])).toEqual([
      ['成本指标', '经济成本指标', '项目支出', '≤270万元', 270, '反映项目支出成本控制情况；备注：10', '偏离目标40%不得分', 3],
    ]);
  });

  it('keeps line 4 in unparsed with the reason, and flags the form', () => {
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last, u.reason])).toEqual([
      [4, 4, '表头在指标值之后还有指标解释、评（扣）分标准、备注列，单空格印出的这些行的词数与表头的 7 列不符，分不清哪个词是指标值，未读作指标'],
    ]);
    expect(target.flag).toBe('表头在指标值之后还有指标解释、评（扣）分标准、备注列，1 行未能按列读出指标（见未解析内容）');
  });
});

// The described form's own template, 指标值 then its basis (巨鹿 2021: 绩效指标描述 before the value, 指标值确定依据
// after it), stays the described reader's: line 3's value is the first target-looking word after its description.
describe('a described target form whose header prints only the basis after 指标值', () => {
  const text = [
    '项目支出绩效目标表', // 1
    '一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据',
    '产出指标 数量指标 培训人次 全年培训基层干部 ≥300人次 按上年培训计划', // 3
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());

  it('reads 培训人次 ≥300人次 with its description and basis, nothing unparsed', () => {
    expect(result.targets[0].indicators.map((i) => [i.name, i.value.text, i.description, i.basis])).toEqual([['培训人次', '≥300人次', '全年培训基层干部', '按上年培训计划']]);
    expect(result.unparsed).toEqual([]);
  });
});

// A 部门整体 form whose header names the unit's columns (单位编码 … 项目支出) before the indicators', printed with single
// spaces, written after 长沙职业教育基地 2026's (its `-layout` text with the runs of spaces made one, L501–L551). The
// described reader read it as `270万元` described `≤`, and 党建情况 under 成本指标, a level line 8 does not print. The
// header is no row's template: every row is kept as printed. Its lines above the indicator header are the table's
// column labels, no form's fields: the goal was read from them (`部门整体支出年度绩效目标` taken for a goal's label,
// `按收入性质分按支出性质分` for the goal), and the unit's name ran on into its line's `单位：万元` and the labels.
describe('a 部门整体 form with the unit’s columns, printed with single spaces', () => {
  const text = [
    '2026年部门整体支出绩效目标表', // 1
    '单位名称：某某办公室 单位：万元',
    '部门整体支出年度绩效目标',
    '按收入性质分 按支出性质分',
    '单位编码 单位名称 资金总额 基本支出 项目支出 整体绩效目标 一级指标 二级指标 三级指标 指标值 指标解释 评（扣）分标准 备注',
    ' 成本指标 经济成本指标 项目支出 ≤ 270 万元 反映项目支出成本控制情况 10', // 6
    '201056 某某办公室 656.73 386.73 270.00 筑牢基地安全屏障。',
    ' 数量指标 党建情况 ≥ 10 次 每少一次扣3分， 7', // 8
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());

  it('reads no indicator: lines 6–8 are unparsed with the reason, the form flagged', () => {
    expect(result.targets.map((t) => [t.title, t.indicators.length, t.lines.first, t.lines.last])).toEqual([['2026年部门整体支出绩效目标表', 0, 1, 8]]);
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last, u.reason])).toEqual([
      [6, 8, '表头在指标值之后还有指标解释、评（扣）分标准、备注列，表头还有单位编码、单位名称、资金总额、基本支出、项目支出、整体绩效目标列，不是一行指标的列，分不清哪个词是指标值，未读作指标'],
    ]);
    expect(result.targets[0].flag).toBe('表头在指标值之后还有指标解释、评（扣）分标准、备注列，3 行未能按列读出指标（见未解析内容）');
  });

  it('names the unit from line 2 up to its unit, 单位：万元; the column labels of lines 3–5 give no goal', () => {
    expect(result.targets.map((t) => [t.unitName, t.projectName, t.goal])).toEqual([['某某办公室', null, null]]);
  });
});

// The same form in 长沙职业教育基地 2026's `-layout` text with every run of spaces made one (line numbers the text's).
// Its header (L508) prints its labels one space apart, nowhere near their columns: placing the rows' words under the
// labels by where they stand read one indicator, its value 7, the 备注 score 党建情况's row prints last on L547
// (`-layout` L545–L549: 党建情况 ≥ 10 次, 备注 7). The form is now read by its header's order, which places no row.
const SAMPLE = '../shared/samples/other-provinces/changsha-education-2026-budget.txt';
describe.skipIf(!existsSync(SAMPLE))(`长沙 教育 2026 部门整体支出绩效目标表, its runs of spaces made one (L501–L644)${existsSync(SAMPLE) ? '' : ' — skipped: ../shared/samples is absent'}`, () => {
  // Vitest runs a skipped suite's body to collect its tests: the sample is read only where it is.
  const text = existsSync(SAMPLE) ? readFileSync(SAMPLE, 'utf8').replace(/ {2,}/g, ' ') : '';
  const before = new Set(Array.from({ length: 500 }, (_, k) => k + 1));
  const result = parsePerformance(toSourceLines(text), before);
  const form = result.targets.find((t) => t.title === '2026年部门整体支出绩效目标表')!;

  it('reads no indicator; L509–L644 are unparsed, the form flagged', () => {
    expect([form.indicators.length, form.lines.first, form.lines.last]).toEqual([0, 501, 644]);
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last])).toEqual([[509, 644]]);
    expect(form.flag).toBe('表头在指标值之后还有指标解释、评（扣）分标准、备注列，85 行未能按列读出指标（见未解析内容）');
  });
});

// The same document's 项目支出绩效目标表 (L358–L500), its runs of spaces made one: its level cells are merged over
// several rows and print their names once, centred on them (the `-layout` text, same line numbers: 经济成本指 / 标 at
// L384/L386 around 电费's line, 成本指标 on 燃气费's L393, centred over L377–L407 with the empty 社会成本指标 and
// 生态环境成本指标 cells; 产出指标 数量指标 on 用水量's L420 between 燃气用量 L413 and 用电量 L427; on the next page
// 产出指标 again at L448 over L438–L456, 时效指标 on 及时支付's L456; 效益指标 at L476 over L464–L489, 生态效益指 / 标
// at L480/L482 around 绿化绿植存活率's L481). Each row read by the header's order takes the cells centred on it.
describe.skipIf(!existsSync(SAMPLE))(`长沙 教育 2026 项目支出绩效目标表, its runs of spaces made one (L358–L500)${existsSync(SAMPLE) ? '' : ' — skipped: ../shared/samples is absent'}`, () => {
  const text = existsSync(SAMPLE) ? readFileSync(SAMPLE, 'utf8').replace(/ {2,}/g, ' ') : '';
  const before = new Set(Array.from({ length: 357 }, (_, k) => k + 1));
  const result = parsePerformance(toSourceLines(text), before);
  const form = result.targets.find((t) => t.title === '2026年项目支出绩效目标表')!;

  it('gives each row read its 一级 and 二级 names from the cells centred on it', () => {
    expect(form.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.lines.first])).toEqual([
      ['成本指标', '经济成本指标', '水费', '＝120万元', 377],
      ['成本指标', '经济成本指标', '电费', '＝140万元', 385],
      ['成本指标', '经济成本指标', '燃气费', '＝10万元', 393],
      ['产出指标', '数量指标', '燃气用量', '＝38.61万立方', 413],
      ['产出指标', '数量指标', '用水量', '＝92.32万吨', 420],
      ['产出指标', '数量指标', '用电量', '＝653.99万度', 427],
      ['产出指标', '时效指标', '及时支付', '≥90%', 456],
      ['效益指标', '生态效益指标', '绿化绿植存活率', '＝100%', 481],
    ]);
    expect(form.flag).not.toContain('一级或二级指标不在本行');
  });

  it('reads the lines of the wrapped 经济成本指 / 标 and 生态效益指 / 标 as their cells; the cells over no row are printed apart, as the -layout text’s are', () => {
    const unparsed = (n: number) => result.unparsed.some((u) => u.lines.first <= n && n <= u.lines.last);
    expect([384, 386, 480, 482, 399, 400, 406, 407, 472, 473, 488, 489].filter(unparsed)).toEqual([]);
    const printed = form.printed!.filter((p) => [384, 386, 399, 400, 406, 407, 472, 473, 488, 489].includes(p.lines.first));
    expect(printed.map((p) => [p.lines.first, p.text])).toEqual([
      [399, '社会成本指'], [400, '标'], [406, '生态环境成'], [407, '本指标'], [472, '社会效益指'], [473, '标'], [488, '可持续影响'], [489, '指标'],
    ]);
  });
});

// A single-space form whose header prints 分值 after 指标值, written for this test. 分值 ends in 值, and read as a
// second value column it ran line 3's score into its value (`≥300人次10`). It is the score's column: the row is read by
// the header's order, its score kept in the description under its label.
describe('a single-space target form with a 分值 column after 指标值', () => {
  const text = [
    '项目支出绩效目标表', // 1
    '一级指标 二级指标 三级指标 指标值 分值',
    '产出指标 数量指标 培训人次 ≥300人次 10', // 3
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());

  it('reads 培训人次 ≥300人次, 分值 10 in the description', () => {
    expect(result.targets[0].indicators.map((i) => [i.name, i.value.text, i.value.number, i.value.unit, i.description])).toEqual([['培训人次', '≥300人次', 300, '人次', '分值：10']]);
    expect(result.unparsed).toEqual([]);
  });
});

// A single-space form whose header prints 上年完成值 before 指标值, written for this test. 上年完成值 ends in 值: read as a
// value column it ran each row's figure of last year into its target (`1150人≥1200人`). It is last year's figure, kept
// as `previous`: rows 3 and 4, one word a cell, are read by the header's order; row 5, its levels printed once for
// rows 4 and 5, has fewer words than the header has cells and stays unparsed.
describe('a single-space target form with 上年完成值 before 指标值', () => {
  const text = [
    '项目支出绩效目标表', // 1
    '一级指标 二级指标 三级指标 上年完成值 指标值',
    '产出指标 数量指标 服务老年人数 1150人 ≥1200人', // 3
    '产出指标 质量指标 服务合格率 97% ≥98%',
    '服务对象满意度 92% ≥95%', // 5
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());

  it('reads ≥1200人 and ≥98% as the targets, 1150人 and 97% as last year’s', () => {
    expect(result.targets[0].indicators.map((i) => [i.level2, i.name, i.value.text, i.value.number, i.previous, i.lines.first])).toEqual([
      ['数量指标', '服务老年人数', '≥1200人', 1200, '1150人', 3],
      ['质量指标', '服务合格率', '≥98%', 98, '97%', 4],
    ]);
  });

  it('keeps line 5 unparsed, its reason naming the column beside the value', () => {
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last, u.text, u.reason])).toEqual([
      [5, 5, '服务对象满意度 92% ≥95%', '表头在指标值旁还有上年完成值列，单空格印出的这些行的词数与表头的 5 列不符，分不清哪个词是指标值，未读作指标'],
    ]);
    expect(result.targets[0].flag).toBe('表头在指标值旁还有上年完成值列，1 行未能按列读出指标（见未解析内容）');
  });
});

// A table of projects printed as a form with its runs of spaces made one, written for this test after 长沙职业教育基地
// 2026's 项目支出绩效目标表 (opcoll L358–L428): line 4 names the project's columns over the indicator header, line 7 is
// the 合计 row, line 9 the unit's row (a code, a name, an amount, no goal), line 15 the project's row with its goal
// alone between blank lines, printed again on the next page (line 24). Line 12's 指标值内容 and 评（扣）分标准 are
// wrapped onto lines 11 and 13 (which piece is which cell's the words do not say); line 17 prints every cell whole on
// its own line, the next page's title (line 18, after a form feed) touching it.
describe('a table of projects printed with single spaces: the project’s row and a row’s wrapped text cells', () => {
  const text = [
    '2026年项目支出绩效目标表', // 1
    '单位名称：某某办公室 单位：万元',
    ' 绩效指标',
    ' 单位编码 单位（项目）名称 资金总额 绩效目标', // 4
    ' 一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注',
    '',
    '合计 270.00', // 7
    '',
    '201056 某某办公室 270.00', // 9
    '',
    ' 偏离目标40%不得分；偏离目标30%', // 11
    ' 水费 120 水费财政拨款总费用 得4分；偏离目标20%得6分；偏离 万元 ＝ 7',
    ' 10%得8分；无偏离得满分', // 13
    '',
    '201056 经常性运转经费（水电气） 270.00 保障基地正常运转', // 15
    '',
    ' 产出指标 数量指标 用水量 92.32 用水总量 偏离不得分 万吨 ＝ 7', // 17
    '\f 2026年项目支出绩效目标表', // 18
    '单位名称：某某办公室 单位：万元',
    ' 绩效指标', // 20
    ' 单位编码 单位（项目）名称 资金总额 绩效目标',
    ' 一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注', // 22
    '',
    '201056 经常性运转经费（水电气） 270.00 保障基地正常运转', // 24
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());
  const [target] = result.targets;

  it('reads line 15 as the target’s project: 201056 经常性运转经费（水电气）, 270.00, 保障基地正常运转', () => {
    expect([target.projectName, target.code, target.funds.total, target.goal]).toEqual(['经常性运转经费（水电气）', '201056', 270, '保障基地正常运转']);
  });

  it('reads 水费 without its wrapped text cells and 用水量 whole', () => {
    expect(target.indicators.map((i) => [i.name, i.value.text, i.description, i.scoringRule, i.lines.first])).toEqual([
      ['水费', '＝120万元', '备注：7', null, 12],
      ['用水量', '＝92.32万吨', '用水总量；备注：7', '偏离不得分', 17],
    ]);
    expect(target.flag).toContain('「水费」的指标值内容、评（扣）分标准栏折行印在本行上下');
  });

  it('keeps lines 7–9, 11, line 12’s text cells, 13 and the next page’s title and labels as printed, each with its reason; line 24 prints the project again', () => {
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last, u.text])).toEqual([
      [7, 9, '合计 270.00\n201056 某某办公室 270.00'],
      [11, 11, '偏离目标40%不得分；偏离目标30%'],
      [12, 12, '水费财政拨款总费用 得4分；偏离目标20%得6分；偏离'],
      [13, 13, '10%得8分；无偏离得满分'],
      [18, 21, '2026年项目支出绩效目标表\n单位名称：某某办公室 单位：万元\n绩效指标\n单位编码 单位（项目）名称 资金总额 绩效目标'],
    ]);
    expect(result.unparsed[0].reason).toContain('没有绩效目标的行');
    expect(result.unparsed[4].reason).toContain('分不清哪个词是指标值');
    expect(result.unparsed[2].reason).toContain('「水费」的指标值内容、评（扣）分标准栏');
  });
});

// The same table printing two projects' rows (lines 7 and 11, written for this test): which project each indicator
// row is the words do not say, and neither is read as the target's project.
describe('a table of two projects printed with single spaces', () => {
  const text = [
    '2026年项目支出绩效目标表', // 1
    '单位名称：某某办公室 单位：万元',
    ' 绩效指标',
    ' 单位编码 单位（项目）名称 资金总额 绩效目标', // 4
    ' 一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注',
    '',
    '201056 水电气经费 270.00 保障基地正常运转', // 7
    '',
    ' 产出指标 数量指标 用水量 92.32 用水总量 偏离不得分 万吨 ＝ 7', // 9
    '',
    '201057 物业经费 80.50 保障基地环境整洁', // 11
    '',
    ' 产出指标 质量指标 保洁合格率 95 保洁合格率 偏离不得分 % ≥ 10', // 13
  ];
  const result = parsePerformance(toSourceLines(text.join('\n')), new Set());
  const [target] = result.targets;

  it('reads no project; lines 7 and 11 are unparsed with the reason', () => {
    expect([target.projectName, target.code, target.funds.total, target.goal]).toEqual([null, null, null, null]);
    expect(target.indicators.map((i) => i.name)).toEqual(['用水量', '保洁合格率']);
    expect(result.unparsed.map((u) => [u.lines.first, u.lines.last, u.reason])).toEqual([
      [7, 7, '表中印有不止一个项目，指标行分不清属于哪个项目，未读作本表的项目'],
      [11, 11, '表中印有不止一个项目，指标行分不清属于哪个项目，未读作本表的项目'],
    ]);
  });
});
