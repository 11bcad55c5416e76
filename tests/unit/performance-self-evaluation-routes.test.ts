import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';

// A 项目支出绩效自评表 after the finance ministry's template, written for this test: 项目资金（万元） a cell over the funds
// block's five rows, 年度总体目标 over 预期目标 | 实际完成情况 and their texts, 绩效指标 a cell down the left of the
// indicator rows, the 一级/二级 names cells over their rows, the 总分 row under them. Its sums add up: 160.00 + 40.00 +
// 0.00 = 200.00, 150.00 + 30.00 + 0.00 = 180.00, 141.00 + 30.00 + 0.00 = 171.00; 171.00 ÷ 180.00 = 95.00 %; 分值
// 10 + 20 + 7 × 10 = 100; 得分 9.5 + 19 + 10 + 10 + 10 + 10 + 9 + 10 + 10 = 97.5.
const FUNDS = [
  ['年度资金总额', '200.00', '180.00', '171.00', '10', '95.00%', '9.5'],
  ['其中：当年财政拨款', '160.00', '150.00', '141.00', '—', '—', '—'],
  ['上年结转资金', '40.00', '30.00', '30.00', '—', '—', '—'],
  ['其他资金', '0.00', '0.00', '0.00', '—', '—', '—'],
];
const GOAL = '完成农村公路养护里程120公里，优良路率达到85%以上，群众出行条件明显改善。';
const ACHIEVED = '完成养护里程118公里，优良路率87%，群众出行条件明显改善。';
/** 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施. */
const ROWS = [
  ['产出指标', '数量指标', '养护里程', '≥120公里', '118公里', '20', '19', '部分路段因雨季推迟养护'],
  ['产出指标', '数量指标', '危桥改造座数', '3座', '3座', '10', '10', ''],
  ['产出指标', '质量指标', '优良路率', '≥85%', '87%', '10', '10', ''],
  ['产出指标', '时效指标', '养护完成时间', '11月底前', '11月', '10', '10', ''],
  ['产出指标', '成本指标', '每公里养护成本', '≤1.5万元', '1.45万元', '10', '10', ''],
  ['效益指标', '社会效益指标', '群众出行条件', '明显改善', '明显改善', '10', '9', '个别村道仍需提升，下年纳入计划'],
  ['效益指标', '可持续影响指标', '路况保持年限', '≥3年', '3年', '10', '10', ''],
  ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '92%', '10', '10', ''],
];

const td = (text: string, rowspan = 1, colspan = 1) => `<td rowspan="${rowspan}" colspan="${colspan}">${text}</td>`;
/** How many rows from row `k` on share its first `depth` cells: the rowspan of its level cell. */
const span = (k: number, depth: number) => {
  let n = 1;
  while (k + n < ROWS.length && ROWS[k + n].slice(0, depth).join() === ROWS[k].slice(0, depth).join()) n++;
  return n;
};
const starts = (k: number, depth: number) => k === 0 || ROWS[k - 1].slice(0, depth).join() !== ROWS[k].slice(0, depth).join();
/** The form as a web page prints it: nine columns, merged cells as rowspan and colspan. */
const HTML = `<html><head><meta charset="utf-8"><title>项目支出绩效自评表</title></head><body>
<h3>项目支出绩效自评表</h3><p>（2024年度）</p><table>
<tr>${td('项目名称')}${td('农村公路养护补助项目', 1, 8)}</tr>
<tr>${td('主管部门')}${td('某县交通运输局', 1, 3)}${td('实施单位', 1, 2)}${td('某县公路管理所', 1, 3)}</tr>
<tr>${td('项目资金（万元）', 5)}${td('', 1, 2)}${['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].map((h) => td(h)).join('')}</tr>
${FUNDS.map(([item, ...figures]) => `<tr>${td(item, 1, 2)}${figures.map((f) => td(f)).join('')}</tr>`).join('\n')}
<tr>${td('年度总体目标', 2)}${td('预期目标', 1, 4)}${td('实际完成情况', 1, 4)}</tr>
<tr>${td(GOAL, 1, 4)}${td(ACHIEVED, 1, 4)}</tr>
<tr>${td('绩效指标', ROWS.length + 1)}${['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map((h) => td(h)).join('')}</tr>
${ROWS.map((r, k) => `<tr>${starts(k, 1) ? td(r[0], span(k, 1)) : ''}${starts(k, 2) ? td(r[1], span(k, 2)) : ''}${r.slice(2).map((c) => td(c)).join('')}</tr>`).join('\n')}
<tr>${td('总分', 1, 6)}${td('100')}${td('97.5')}${td('')}</tr>
</table></body></html>`;

async function read(bytes: string, file = 'form.html') {
  const source = await readSource(new TextEncoder().encode(bytes), file);
  if (!source.ok) throw new Error(source.reason);
  const { ok: _ok, text, ...fields } = source;
  return parseDisclosure(text, { ...fields, file, sha256: '0'.repeat(64) });
}

/** The form's values as each route should read them. */
function expectTheForm(doc: Awaited<ReturnType<typeof read>>) {
  expect(doc.targets).toHaveLength(1);
  const [t] = doc.targets;
  expect([t.projectName, t.unitName, t.goal]).toEqual(['农村公路养护补助项目', '某县公路管理所', GOAL]);
  expect(t.funds).toEqual({ total: 180, fiscal: 150, other: 0 });
  expect(t.selfEvaluation?.funds.map((f) => [f.item, f.planned, f.budget, f.spent, f.weight, f.rate, f.score])).toEqual([
    ['年度资金总额', 200, 180, 171, 10, 95, 9.5],
    ['当年财政拨款', 160, 150, 141, null, null, null],
    ['上年结转资金', 40, 30, 30, null, null, null],
    ['其他资金', 0, 0, 0, null, null, null],
  ]);
  expect(t.selfEvaluation).toMatchObject({ achieved: ACHIEVED, totalWeight: 100, totalScore: 97.5 });
  expect(t.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.actual, String(i.weight), String(i.score), i.deviation ?? ''])).toEqual(ROWS);
  expect(t.flag).toBeNull();
  // The form's own sums (project-amount compares it with a table of projects, which this document has not).
  const sums = doc.checks.filter((c) => c.id.startsWith('performance:target-1:') && !c.id.endsWith('project-amount'));
  expect(sums.map((c) => [c.id.replace('performance:target-1:', ''), c.status])).toEqual([
    ['funds-sum', 'pass'],
    ['score-sum', 'pass'],
    ['weight-sum', 'pass'],
    ['execution-rate:1', 'pass'],
  ]);
}

describe('a 绩效自评表 as a web page', () => {
  it('is a target form, not a table of its own: its title two lines over the grid, a year line between', async () => {
    const doc = await read(HTML);
    expect(doc.tables).toEqual([]);
    expectTheForm(doc);
  });
});

// The same form as `pdftotext -layout` prints a browser's print of it (L5, L14): the funds block's and the indicator
// header's labels one space apart and narrower than the figures under them, so that no label stands over its column
// (the label 分值 at character 53 of L14, the rows' 分值 and 得分 at 67–71: `10 10`, one space apart); 项目资金 one space before
// the item 其中：当年财政拨款 (L7); the 总分 row's `100 97.5` one space apart (L26). Written by hand.
const SQUEEZED = [
  '                          项目支出绩效自评表',
  '                          （2024年度）',
  '项目名称                      农村公路养护补助项目',
  '主管部门       某县交通运输局                实施单位              某县公路管理所',
  '                  年初预算数 全年预算数 全年执行数 分值 执行率                  得分',
  '       年度资金总额      200.00  180.00      171.00 10 95.00%     9.5',
  '项目资金 其中：当年财政拨款     160.00  150.00      141.00  — —           —',
  '（万元）',
  '       上年结转资金      40.00   30.00        30.00  — —           —',
  '        其他资金        0.00    0.00        0.00   — —           —',
  '                预期目标                             实际完成情况',
  '年度总体  完成农村公路养护里程120公里，优良路率达到85%以     完成养护里程118公里，优良路率87%，群众出行条件',
  ' 目标     上，群众出行条件明显改善。                       明显改善。',
  '     一级指标     二级指标         三级指标          年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
  '                           养护里程            ≥120公里        118公里     20 19   部分路段因雨季推迟养护',
  '              数量指标',
  '                           危桥改造座数          3座            3座        10 10',
  '              质量指标         优良路率            ≥85%          87%       10 10',
  '     产出指标     时效指标         养护完成时间          11月底前         11月       10 10',
  '              成本指标         每公里养护成本         ≤1.5万元        1.45万元    10 10',
  '              社会效益指标       群众出行条件          明显改善          明显改善      10 9    个别村道仍需提升，下年纳入计划',
  '     效益指标',
  '              可持续影响指标      路况保持年限          ≥3年           3年        10 10',
  '     满意度指标    服务对象满意       沿线群众满意度         ≥90%          92%       10 10',
  '              度指标',
  '                    总分                                            100 97.5',
].join('\n');

describe('a 绩效自评表 whose headers `pdftotext -layout` printed narrower than the cells under them', () => {
  it('reads each label as a column, and each row\'s cells under them in turn, as the web page gives them', async () => {
    expectTheForm(await read(SQUEEZED, 'form.txt'));
  });
});

// The same -layout text with its indicator header centred over seven lines (L14–L20), as a browser prints narrow
// header cells: 偏差原因分析及改进措施 two characters a line, 年度指标值, 实际完成值, 分值 and 得分 over two lines centred
// on the line of the one-line labels (L17), which prints none of their pieces. Written by hand.
const TALL = [
  ...SQUEEZED.split('\n').slice(0, 13),
  '                                                                           偏差',
  '                                                                           原因',
  '                                           年度指           实际完       分  得    分析',
  '     一级指标     二级指标         三级指标',
  '                                           标值            成值        值  分    及改',
  '                                                                           进措',
  '                                                                           施',
  ...SQUEEZED.split('\n').slice(14),
].join('\n');

describe('a 绩效自评表 whose indicator header `pdftotext -layout` printed over seven lines', () => {
  it('reads each label from its pieces down its column, its lines no field of the form, as the web page gives it', async () => {
    expectTheForm(await read(TALL, 'form.txt'));
  });
});

// The same form as `pdftotext -layout` prints Chromium's print of the web page with wide columns, as it came (its
// first ten lines the squeezed text's): the rows' level names, 三级 names and values one space apart, one run across
// the columns (`产出指标 质量指标 优良路率`, L19; `时效指标 养护完成时间 11月底前`, L20; `标 意度指标`, L27); a row's
// value, 分值 and 得分 one space apart and left of the rows above (`≤1.5万元        1.45万元 10 10`, L21); the first
// row's 偏差原因 wrapped to the line between it and the next row (`养护`, L17), the sixth's two lines under its own
// (`下年纳入计划`, L24); 预期目标 a line over 实际完成情况 (L11, L12), the goal's text begun beside 年度总体 one space
// apart (L12).
const WIDE = [
  ...SQUEEZED.split('\n').slice(0, 10),
  '                预期目标',
  '年度总体 完成农村公路养护里程120公里，优良路率达到85%以                 实际完成情况',
  ' 目标                                 完成养护里程118公里，优良路率87%，群众出行条件',
  '            上，群众出行条件明显改善。                        明显改善。',
  '     一级指标 二级指标 三级指标       年度指标值 实际完成值 分值 得分 偏差原因分析及改进       措施',
  '                  养护里程    ≥120公里      118公里   20   19   部分路段因雨季推迟',
  '           数量指标                                             养护',
  '                 危桥改造座数     3座           3座   10 10',
  '     产出指标 质量指标 优良路率        ≥85%         87%   10 10',
  '绩效指标       时效指标 养护完成时间 11月底前             11月  10 10',
  '           成本指标 每公里养护成本 ≤1.5万元        1.45万元 10 10',
  '          社会效益指 群众出行条件 明显改善           明显改善    10    9   个别村道仍需提升，',
  '             标',
  '     效益指标 可持续影响                                           下年纳入计划',
  '            指标 路况保持年限      ≥3年           3年   10 10',
  '     满意度指 服务对象满 沿线群众满意度 ≥90%            92%   10 10',
  '       标 意度指标',
  '                    总分                        100 97.5',
  '\f',
].join('\n');

describe('a 绩效自评表 printed by a browser with wide columns, through `pdftotext -layout`', () => {
  it('reads the rows\' cells printed one space apart in their columns, each wrapped cell with its row, as the web page gives them', async () => {
    expectTheForm(await read(WIDE, 'form.txt'));
  });
});
