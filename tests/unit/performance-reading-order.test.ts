import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readReadingOrderTable } from '../../src/ingest/performance/reading-order-table.ts';

// 北京市民政局 2026 预算表12 项目支出绩效目标表 through `pdftotext -raw` (reading order: each cell after the one
// before it, a wrapped cell on lines of its own, no indent). Lines are quoted from
// /tmp/in/opraw/beijing-civil-affairs-2026-tables.txt (abridged where a goal runs long); the values were checked
// against the PDF's table (the `-layout` text prints the same cells side by side).

const HEADER = [
  '预算表12 项目支出绩效目标表', // 717
  '金额单位：万元',
  '项目名称 项目总额',
  '其中：',
  '绩效目标 一级指标 二级指标 三级指标 绩效指标性质 本年绩效指标值 绩效度量单位',
  '财政资金 其他资金', // 722
];

function read(lines: readonly string[]) {
  return parsePerformance(toSourceLines([...HEADER, ...lines].join('\n')), new Set()).targets;
}

function rows(target: { indicators: unknown[] }) {
  return (target.indicators as Array<{ level1: string; level2: string; name: string; value: { text: string } }>).map((i) => [i.level1, i.level2, i.name, i.value.text]);
}

describe('a many-project table in reading order', () => {
  // Lines 723–744: a project's code, name and amounts, its goal, rows whose names wrap, a 二级 name wrapped
  // (服务对象满意度 / 指标, 服务对象满意度 being a 一级 name of the 部门整体 template by itself); lines 745–754 the next
  // project; lines 929–931 a qualitative target (定性 优).
  const targets = read([
    '11000022T00000048', '9978-儿童福利和保', '护工作服务', '18.853800 18.853800',
    '按照有关工作精', '神和民政部工作', '部署。',
    '产出指标 数量指标', '形成家庭收养能', '力评估报告数量', '≥ 1 份',
    '产出指标 质量指标 报告验收合格率 ＝ 100 %',
    '满意度指标', '服务对象满意度', '指标', '社会回归孤儿满', '意度', '≥ 90 %',
    '11000022T00000048', '9984-和谐婚姻家庭', '建设服务', '90.324000 90.324000',
    '通过和谐婚姻家', '庭建设工作的开', '展。',
    '产出指标 数量指标 集体婚礼场次 ≥ 1 次',
    '效益指标 社会效益指标', '保障局机关内部', '正常办公', '定性 优',
  ]);

  it('reads one target per project: its code, name, amounts and goal', () => {
    expect(targets.map((t) => [t.code, t.projectName, t.funds.total, t.funds.fiscal, t.goal])).toEqual([
      ['11000022T00000048', '9978-儿童福利和保护工作服务', 18.8538, 18.8538, '按照有关工作精神和民政部工作部署。'],
      ['11000022T00000048', '9984-和谐婚姻家庭建设服务', 90.324, 90.324, '通过和谐婚姻家庭建设工作的开展。'],
    ]);
  });

  it('reads each row: its levels, its wrapped name, and the sign, value and unit cells', () => {
    expect(rows(targets[0])).toEqual([
      ['产出指标', '数量指标', '形成家庭收养能力评估报告数量', '≥ 1 份'],
      ['产出指标', '质量指标', '报告验收合格率', '＝ 100 %'],
      ['满意度指标', '服务对象满意度指标', '社会回归孤儿满意度', '≥ 90 %'],
    ]);
    expect(rows(targets[1])).toEqual([
      ['产出指标', '数量指标', '集体婚礼场次', '≥ 1 次'],
      ['效益指标', '社会效益指标', '保障局机关内部正常办公', '定性优'],
    ]);
  });

  it('keeps in a name a word that reads as a header label (北京市地方标准, line 1115)', () => {
    const [target] = read([
      '11000024T00000287', '2548-免费殡仪服务', '补贴', '399.000000 399.000000', '对选择骨灰海葬', '或者骨灰自然葬。',
      '产出指标 质量指标', '殡仪服务质量与', '北京市地方标准', '符合度', '＝ 100 %',
    ]);
    expect(rows(target)).toEqual([['产出指标', '质量指标', '殡仪服务质量与北京市地方标准符合度', '＝ 100 %']]);
  });

  it("reads the 一级 name printed on the goal's last line (line 2029 `负担。 满意度指标`)", () => {
    const [target] = read([
      '11000026T00000378', '5491-老年人意外伤', '害险政府补贴服务', '105.000000 105.000000', '减少困难群', '体老年人因意外', '伤害造成的经济',
      '负担。 满意度指标', '服务对象满意度', '指标', '投保老年人意外', '伤害险的老年人', '综合满意度', '≥ 90 %',
    ]);
    expect(target.goal).toBe('减少困难群体老年人因意外伤害造成的经济负担。');
    expect(rows(target)).toEqual([['满意度指标', '服务对象满意度指标', '投保老年人意外伤害险的老年人综合满意度', '≥ 90 %']]);
  });
});

describe('a project cell cut by a page break, in reading order', () => {
  it('joins the top of the next page to the goal where the two pages show the same text (lines 1068, 1096)', () => {
    const [target] = read([
      '11000024T00000287', '2392-残疾人福利体', '系创制和促进发', '展服务', '50.639200 50.639200',
      '品免税审核并组', '织专项工作。', '产出指标 质量指标 残疾人专用品进口免税审核准确度 ＝ 100 %',
      '\f织专项工作。', '满意度指标', '服务对象满意度', '指标', '残疾人免税进口', '企业满意度', '≥ 90 %',
    ]);
    expect(target.goal).toBe('品免税审核并组织专项工作。');
    expect(rows(target).map((r) => r[2])).toEqual(['残疾人专用品进口免税审核准确度', '残疾人免税进口企业满意度']);
  });

  it("gives the rows under a cell cut at a page's foot to the project printed whole on the next page (lines 3217–3262)", () => {
    const targets = read([
      '11000024T00000279', '7691-宣传交流中心', '互联网接入项目', '10.560000 10.560000', '通过政府采购互', '联网接入服务。',
      '产出指标 数量指标 租用互联网带宽 ＝ 100 Mbps',
      '满意度指标', '服务对象满意度', '指标', '使用人员满意度 ≥ 95 %',
      // The next project's cells at the foot of the page, its amounts cut off, above its first row.
      '11000024Y00000279', '3718-宣传交流中心', '保障中心办公及', '业务用房需要，',
      '效益指标 社会效益指标 用房需求保障率 ＝ 100 %',
      '\f11000024Y00000279', '3718-宣传交流中心', '办公及业务用房用', '房租赁项目', '150.803650 150.803650',
      '保障中心办公及', '业务用房需要，', '确保宣传交流中', '心能够保质保量。',
      '效益指标 社会效益指标', '满足日常办公及', '业务需要', '定性 优',
    ]);
    expect(targets.map((t) => [t.projectName, t.funds.total, t.goal, rows(t).map((r) => r[2])])).toEqual([
      ['7691-宣传交流中心互联网接入项目', 10.56, '通过政府采购互联网接入服务。', ['租用互联网带宽', '使用人员满意度']],
      ['3718-宣传交流中心办公及业务用房用房租赁项目', 150.80365, '保障中心办公及业务用房需要，确保宣传交流中心能够保质保量。', ['用房需求保障率', '满足日常办公及业务需要']],
    ]);
  });
});

// 长沙职业教育基地综合协调办公室 2026 项目支出绩效目标表 through `pdftotext -raw`: after 三级指标 the header names 指标值,
// then two text columns (指标值内容, 评（扣）分标准), then 度量单位, 指标值类型 and 备注. Lines quoted from
// /tmp/in/opraw/changsha-education-2026-budget.txt 290–396 (abridged); the values were checked against the PDF's
// page 22–23 (水费: 指标值 120, 度量单位 万元, 指标值类型 ＝, 备注 7).
describe('a many-project table in reading order with text columns after the value', () => {
  const RULE = ['偏离目标40%不得分；偏离目标30%', '得4分；偏离目标20%得6分；偏离', '10%得8分；无偏离得满分'];
  const targets = parsePerformance(
    toSourceLines(
      [
        '2026年项目支出绩效目标表', // 290
        '单位名称：长沙职业教育基地综合协调办公室 单位：万元',
        '单位编码 单位（项目）名称 资金总额 绩效目标',
        '绩效指标',
        '一级指标 二级指标 三级指标 指标值 指标值内容 评（扣）分标准 度量单位 指标值类型 备注',
        '合计 270.00', // 295
        '201056 长沙职业教育基地综合协调办公室 270.00',
        '201056 经常性运转经费（水电气） 270.00 保障基地正常运转',
        '成本指标', '经济成本指', '标',
        '水费 120 水费财政拨款总费用', ...RULE, '万元 ＝ 7', // 301–305
        '社会成本指', '标', '生态环境成', '本指标', // 316–319: two 二级 groups of no rows
        '产出指标 数量指标', // 321
        '燃气用量 38.61 用燃气总量', ...RULE, '万立方 ＝ 7', // 322–326
        '质量指标', // 343
        '水电气设备运行', '安全率', '100 水电气安全事故发生率', ...RULE, '% ＝ 7', // 344–351
        '满意度指', '标', '服务对象满', '意度指标', // 384–387
        '基地各院校人员', '满意度', '90 基地各院校人员满意度', // 388–390
        '该指标分值为10分，满意度大于等', '于90% 得10分，满意度小于90%且', '% ≥ 10', // 391–396, abridged
      ].join('\n'),
    ),
    new Set(),
  ).targets;

  it('reads the project (the 合计 and unit rows, without rows of their own, aside)', () => {
    expect(targets.map((t) => [t.code, t.projectName, t.funds.total, t.goal])).toEqual([['201056', '经常性运转经费（水电气）', 270, '保障基地正常运转']]);
  });

  it('keeps the names of 二级 groups of no rows as printed, the name of a group with rows in its rows', () => {
    const names = new Set(['经济成本指', '社会成本指', '标', '生态环境成', '本指标']);
    expect(targets[0].printed!.filter((p) => names.has(p.text)).map((p) => p.text)).toEqual(['社会成本指', '标', '生态环境成', '本指标']);
  });

  it('takes 指标值 as the value, with the unit and sign printed after the text, and keeps the text and 备注', () => {
    const rows = (targets[0].indicators as Array<Record<string, unknown> & { value: { text: string } }>).map((i) => [i.level1, i.level2, i.name, i.value.text, i.description, i.scoringRule]);
    const rule = '偏离目标40%不得分；偏离目标30%得4分；偏离目标20%得6分；偏离10%得8分；无偏离得满分';
    expect(rows).toEqual([
      ['成本指标', '经济成本指标', '水费', '＝120万元', '水费财政拨款总费用；备注：7', rule],
      // An amount-like value (38.61) beside text among the rows is the row's value, not another project.
      ['产出指标', '数量指标', '燃气用量', '＝38.61万立方', '用燃气总量；备注：7', rule],
      // A name wrapped on lines of its own: its last piece (安全率) is no qualitative value, the number is.
      ['产出指标', '质量指标', '水电气设备运行安全率', '＝100%', '水电气安全事故发生率；备注：7', rule],
      ['满意度指标', '服务对象满意度指标', '基地各院校人员满意度', '≥90%', '基地各院校人员满意度；备注：10', '该指标分值为10分，满意度大于等于90%得10分，满意度小于90%且'],
    ]);
  });
});

describe('text columns the words alone cannot part', () => {
  const lines = toSourceLines(['201056 经常性运转经费（水电气） 270.00 保障基地正常运转', '成本指标 经济成本指标', '水费 120 水费财政拨款总费用 7'].join('\n'));
  it('reads no table whose text cells end the row, or stand before the value', () => {
    // No sign or unit after the text, and no line of a figure alone in a 备注 after it: the line a row ends on is
    // not known, and no row is read.
    expect(readReadingOrderTable('T', lines, { cells: ['value', 'description', 'other'] }, 1, new Set())).toBeNull();
    expect(readReadingOrderTable('T', lines, { cells: ['description', 'value', 'unit'] }, 1, new Set())).toBeNull();
  });
});

// 长沙职业教育基地综合协调办公室 2026 部门整体支出绩效目标表 through `pdftotext -raw` (changsha-education-2026-budget.txt
// lines 397–562, abridged): the header's labels come a few a line, those of its narrow cells a piece a line (单位编 /
// 码, 一般公共 / 预算, 指标值类 / 型, 计量 / 单位), labels over groups of columns (年度预算申请, 按收入性质分) among them;
// the page break prints the title, the header and the unit's row again. The values were checked against the `-layout`
// text (lines 501–644): 资金总额 656.73 with 一般公共预算 656.73, 基本支出 386.73 and 项目支出 270.00, the other two
// source columns empty; 项目支出 ≤ 270 万元 with 备注 10; 行政管理职能正常完成 定性 无.
describe('a 部门整体 form in reading order whose header wraps its labels a piece a line', () => {
  const PAGE = [
    '2026年部门整体支出绩效目标表', // 397
    '单位名称：长沙职业教育基地综合协调办公室 单位：万元',
    '单位编', '码', '单位名称', '年度预算申请', '整体绩效目标', '部门整体支出年度绩效目标', '资金总额', '按收入性质分 按支出性质分', // 399–406
    '一般公共', '预算', '政府性基', '金拨款', '财政专户', '管理资金', // 407–412
    '其他资金 基本支出 项目支出 一级指标 二级指标 三级指标', // 413
    '指标值类', '型', '指标值', '计量', '单位', '指标解释 评（扣）分标准 备注', // 414–419
    '201056', '长沙职业教育基地综合协', '调办公室', '656.73 656.73 386.73 270.00', // 420–423
    '夯实思想政治根基，推进以学促干。构建立体安全体', '系，筑牢基地安全屏障。', // 424–425, abridged
  ];
  const targets = parsePerformance(
    toSourceLines(
      [
        ...PAGE,
        '成本指标', '经济成本', '指标', // 427–429
        '项目支出 ≤ 270 万元 反映项目支出成本控制情况', '偏离目标40%不得分，偏离', '目标30%得6分。', '10', // 430–435, abridged
        '产出指标', '数量指标', // 446–447
        '场馆使用次数 ≥ 160 次', '全年提供使用体育馆、图书馆报', '告厅、田径场次数', '全年提供使用体育馆、图', '书馆报告厅、田径场不少', '于160余次，扣完为止', '7', // 448–456, abridged
        // The page break: a form feed before the title.
        `\f${PAGE[0]}`, ...PAGE.slice(1), // 492–519
        '效益指标', '社会效益', '指标', // 521–524
        '行政管理职能', '正常完成', '定性 无 行政管理职能正常完成', '符号要求得满分，不符合', '要求不得分或扣相应分', '8', // 525–530
        '满意度指', '标', '服务对象', '满意度指', '标', // 553–557
        '师生满意度 ≥ 90 % 学师生对公共区使用满意度', '学生满意比例达到90%，每', '下降1个百分点扣1分，扣', '完为止', '10', // 558–562
      ].join('\n'),
    ),
    new Set(),
  ).targets;

  it('reads one target of the unit, printed again after the page break: its code, name, total and goal', () => {
    expect(targets.map((t) => [t.scope, t.code, t.unitName, t.goal])).toEqual([
      ['organization', '201056', '长沙职业教育基地综合协调办公室', '夯实思想政治根基，推进以学促干。构建立体安全体系，筑牢基地安全屏障。'],
    ]);
  });

  it('reads the total only: four amounts under seven amount columns say nothing of which are empty', () => {
    expect(targets[0].funds).toEqual({ total: 656.73, fiscal: null, other: null });
  });

  it('reads each row by its sign, value and unit, a 备注 figure alone ending it', () => {
    const rows = (targets[0].indicators as Array<Record<string, unknown> & { value: { text: string } }>).map((i) => [i.level1, i.level2, i.name, i.value.text, i.description]);
    expect(rows).toEqual([
      ['成本指标', '经济成本指标', '项目支出', '≤270万元', '反映项目支出成本控制情况；备注：10'],
      ['产出指标', '数量指标', '场馆使用次数', '≥160次', '备注：7'],
      // The name wrapped on lines of its own ends at 定性: 正常完成 is the name's, not a qualitative value.
      ['效益指标', '社会效益指标', '行政管理职能正常完成', '定性无', '行政管理职能正常完成；备注：8'],
      // 服务对象 / 满意度指 / 标: a 二级 name wrapped over three lines.
      ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%', '学师生对公共区使用满意度；备注：10'],
    ]);
    expect(targets[0].indicators[0].scoringRule).toBe('偏离目标40%不得分，偏离目标30%得6分。');
  });

  it('flags the row whose 指标解释 starts on a line of its own: where it ends and the 评（扣）分标准 begins is not known', () => {
    expect(targets[0].flag).toBe('「场馆使用次数」的指标说明和评分标准两栏印在相连的几行里，文本看不出两栏的分界，全部列作评分标准');
  });
});
