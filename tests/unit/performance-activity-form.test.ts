import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { splitLevels } from '../../src/ingest/performance/levels.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { lostText } from '../fixtures/content-check.ts';
import { parse } from '../fixtures/fuzz/disclosure-mutations.ts';

// A 部门整体支出绩效目标表 laid out by activity: a card (部门名称, funds by source, 整体绩效目标), then one grid row per
// indicator with its 一级/二级 names run into the indicator cell, which wraps around its row's line.

describe('an indicator cell with its level names run in', () => {
  it('takes the national 一级 and 二级 names off its front', () => {
    expect(splitLevels('产出指标数量指标演出场次')).toEqual({ level1: '产出指标', level2: '数量指标', name: '演出场次' });
    expect(splitLevels('满意度指标服务对象满意度指标观众满意度')).toEqual({ level1: '满意度指标', level2: '服务对象满意度指标', name: '观众满意度' });
    expect(splitLevels('群众满意度')).toEqual({ level1: null, level2: null, name: '群众满意度' });
  });
});

// Other names and figures than any sample; the activity column headed 履职活动, as other places print it.
/** A line with each text starting at its column, as `pdftotext -layout` prints cells. */
function at(...cells: Array<[number, string]>): string {
  return cells.reduce((line, [column, text]) => `${line.padEnd(column)}${text}`, '');
}

const form = [
  at([20, '2026年部门整体支出绩效目标表']),
  '',
  at([2, '部门名称'], [16, '某区文化馆']),
  at([40, '财政拨款'], [76, '其他资金']),
  at([14, '预算支出总额']),
  at([2, '总体资金情况（万元）'], [30, '合计'], [40, '基本支出'], [52, '项目支出'], [66, '合计'], [76, '基本支出'], [88, '项目支出']),
  at([15, '120.50'], [29, '100.50'], [40, '60.00'], [52, '40.50'], [65, '20.00'], [77, '20.00'], [89, '0.00']),
  '',
  at([20, '开展公益演出，丰富群众文化生活，']),
  at([6, '整体绩效目标'], [20, '提升公共文化服务水平。']),
  at([6, '其他说明']),
  '',
  at([10, '履职活动'], [30, '绩效指标'], [50, '指标性质'], [66, '指标值'], [78, '度量单位']),
  at([8, '公益演出'], [24, '产出指标数量指标演出场次 ≥'], [60, '12'], [74, '场']),
  at([24, '产出指标质量指标演出安全']),
  at([8, '公益演出'], [44, '＝'], [60, '100'], [74, '%']),
  at([24, '事故发生率为零的比例']),
  at([24, '满意度指标服务对象满意度']),
  at([8, '群众文化培训'], [44, '≥'], [60, '90'], [74, '%']),
  at([0, '整体绩效目标'], [24, '指标观众满意度']),
].join('\n');

describe('a 部门整体 form laid out by activity', () => {
  const targets = parsePerformance(toSourceLines(form), new Set()).targets;

  it('is one department-wide target: the unit, total, 财政拨款 and 其他资金 合计, the goal', () => {
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({
      scope: 'organization',
      unitName: '某区文化馆',
      funds: { total: 120.5, fiscal: 100.5, other: 20 },
      goal: '开展公益演出，丰富群众文化生活，提升公共文化服务水平。',
    });
  });

  it('reads each grid row with its activity, the wrapped indicator cell joined, the level names taken off', () => {
    expect(targets[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.description, i.lines])).toEqual([
      ['产出指标', '数量指标', '演出场次', '≥12场', '履职活动：公益演出', { first: 14, last: 14 }],
      ['产出指标', '质量指标', '演出安全事故发生率为零的比例', '＝100%', '履职活动：公益演出', { first: 15, last: 17 }],
      ['满意度指标', '服务对象满意度指标', '观众满意度', '≥90%', '履职活动：群众文化培训', { first: 18, last: 20 }],
    ]);
  });

  // The goal's label on L10 is no word of the goal: kept as printed by itself (the same label on L21 is the grid's).
  it('keeps the card, the goal’s label and the header as printed: nothing lost', () => {
    expect(lostText(form, parse(form))).toEqual([]);
    expect(targets[0].printed!.map((p) => p.lines.first)).toEqual([1, 3, 4, 5, 6, 7, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(targets[0].printed!.find((p) => p.lines.first === 10)!.text).toBe('整体绩效目标');
  });
});

// The form above on single spaces, where no position parts the cells: with its spaces collapsed (lines as
// `pdftotext -layout` sets them), and as `pdftotext -raw` prints it, in reading order, each row's cells before its
// value. Both read as the aligned form does.
const collapsed = form.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).join('\n');
const raw = [
  '2026年部门整体支出绩效目标表',
  '部门名称 某区文化馆',
  '总体资金情况（万元）',
  '预算支出总额',
  '财政拨款 其他资金',
  '合计 基本支出 项目支出 合计 基本支出 项目支出',
  '120.50 100.50 60.00 40.50 20.00 20.00 0.00',
  '整体绩效目标',
  '开展公益演出，丰富群众文化生活，提升公共文化服务水平。',
  '其他说明',
  '履职活动 绩效指标 指标性质 指标值 度量单位',
  '公益演出 产出指标数量指标演出场次 ≥ 12 场',
  '公益演出',
  '产出指标质量指标演出安全',
  '事故发生率为零的比例',
  '＝ 100 %',
  '群众文化培训',
  '满意度指标服务对象满意度',
  '指标观众满意度',
  '≥ 90 %',
].join('\n');

describe('a 部门整体 form laid out by activity, on single spaces', () => {
  const read = (text: string) => parsePerformance(toSourceLines(text), new Set()).targets;
  const rows = (text: string) => read(text)[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.description, i.lines]);

  it('gives each 合计 the amount printed in its place among the labels, after the total', () => {
    expect(read(collapsed)[0].funds).toEqual({ total: 120.5, fiscal: 100.5, other: 20 });
    expect(read(raw)[0].funds).toEqual({ total: 120.5, fiscal: 100.5, other: 20 });
  });

  it('reads the goal without its label, printed on the goal’s last line or on a line of its own', () => {
    expect(read(collapsed)[0].goal).toBe('开展公益演出，丰富群众文化生活，提升公共文化服务水平。');
    expect(read(raw)[0].goal).toBe('开展公益演出，丰富群众文化生活，提升公共文化服务水平。');
  });

  it('parts each row’s activity from its indicator cell by the cell’s opening 一级 name', () => {
    expect(rows(collapsed)).toEqual([
      ['产出指标', '数量指标', '演出场次', '≥12场', '履职活动：公益演出', { first: 14, last: 14 }],
      ['产出指标', '质量指标', '演出安全事故发生率为零的比例', '＝100%', '履职活动：公益演出', { first: 15, last: 17 }],
      ['满意度指标', '服务对象满意度指标', '观众满意度', '≥90%', '履职活动：群众文化培训', { first: 18, last: 20 }],
    ]);
    // In reading order the lines since the row above are a row's own, its value standing alone on the last.
    expect(rows(raw)).toEqual([
      ['产出指标', '数量指标', '演出场次', '≥12场', '履职活动：公益演出', { first: 12, last: 12 }],
      ['产出指标', '质量指标', '演出安全事故发生率为零的比例', '＝100%', '履职活动：公益演出', { first: 13, last: 16 }],
      ['满意度指标', '服务对象满意度指标', '观众满意度', '≥90%', '履职活动：群众文化培训', { first: 17, last: 20 }],
    ]);
    expect(lostText(collapsed, parse(collapsed))).toEqual([]);
    expect(lostText(raw, parse(raw))).toEqual([]);
  });
});

const SAMPLES = '../shared/samples/other-provinces';
const absent = !existsSync(SAMPLES);
if (absent) console.warn(`skipping the 北京 预算13表: ${SAMPLES} is not present`);

describe.skipIf(absent)('北京 民政局 预算13表 部门整体支出绩效目标表 (L2878–2931)', () => {
  const text = absent ? '' : readFileSync(`${SAMPLES}/beijing-civil-affairs-2026-tables.txt`, 'utf8');
  const form = () => parsePerformance(toSourceLines(text), new Set()).targets.filter((t) => t.title === '预算13表部门整体支出绩效目标表');

  it('is one department-wide target of 北京市民政局 with its funds and goal', () => {
    const [target, ...rest] = form();
    expect(rest).toHaveLength(0);
    // L2881 部门名称 北京市民政局; L2885 69,317.305202 (预算支出总额), 68,310.156361 (财政拨款 合计), 1,007.148841 (其他资金 合计).
    expect(target).toMatchObject({
      scope: 'organization',
      unitName: '北京市民政局',
      funds: { total: 69317.305202, fiscal: 68310.156361, other: 1007.148841 },
      lines: { first: 2878, last: 2931 },
    });
    expect(target.goal).toMatch(/^以习近平新时代中国特色社会主义思想为指导，.*推动首都民政事业高质量发展。$/); // L2887–2889
  });

  it('has its 12 indicator rows (L2898–2931), each with its activity', () => {
    const [target] = form();
    expect(target.indicators).toHaveLength(12);
    const rows = target.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.description]);
    expect(rows[0]).toEqual(['产出指标', '数量指标', '加载社会优待功能受理率', '＝100%', '活动：养老服务']); // L2898
    expect(rows[2]).toEqual(['产出指标', '数量指标', '老年人意外伤害保险覆盖人群数量', '≥75000人', '活动：养老服务']); // L2900–2902
    expect(rows[4]).toEqual(['产出指标', '数量指标', '残疾人及救助托养机构安全检查机构数量', '=26家', '活动：残疾人福利']); // L2908–2910
    expect(rows[11]).toEqual([
      '效益指标', '社会效益指标', '持续优化基本社会服务供给，提升婚姻登记服务水平，强化殡葬服务管理，加快慈善和福利彩票事业发展。', '定性优', '活动：事务管理',
    ]); // L2929–2931
    // L2903–2907: the cell wraps over five lines; L2907 also holds the grid's label 整体绩效目标, kept as printed.
    expect(target.indicators[3].lines).toEqual({ first: 2903, last: 2907 });
    expect(target.indicators[3].name).toBe('养老服务体系不断完善，养老服务模式不断创新，养老政策体系建设持续优化，养老服务质量稳步提升，养老服务综合监管持续加强');
  });
});
