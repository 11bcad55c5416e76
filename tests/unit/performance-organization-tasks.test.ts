import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { readHeader } from '../../src/ingest/performance/header.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';

// A 部门整体支出绩效目标表 written for this test in the national template's shape, as `pdftotext -layout` prints it
// (西安 交通运输局 2022's 附表15 its model): 年度主要任务 a table of tasks under 预算金额（万元） over 总额 | 财政拨款 |
// 其他资金, one row a task, closed by 金额合计. Task 1 (L6): 1200.00 | 1200.00 | —; task 2 (L8): 350.50 | 300.50 |
// 50.00; 金额合计 (L9): 1550.50 | 1500.50 | 50.00, the tasks' sums. Its 成本指标 基本支出 1200.00万元 (L18) is an indicator.
const FORM = [
  '                      2024年部门整体支出绩效目标表',
  '        部门（单位）名称                             某市水务局',
  '                                                     预算金额（万元）',
  '              任务名称          主要内容',
  '                                            总额           财政拨款                 其他资金',
  '       年度      任务1    保障机构正常运转              1200.00        1200.00',
  '       主要',
  '       任务      任务2    河道巡查与水质监测             350.50         300.50                50.00',
  '                     金额合计                 1550.50        1500.50                50.00',
  '',
  '       年度   目标1：保障机构正常运转，履行水务管理职责。',
  '       总体   目标2：完成河道巡查，水质稳定达标。',
  '       目标',
  '',
  '              一级指标          二级指标          指标内容                        指标值',
  '                            数量指标   河道巡查里程                           ≥600公里',
  '              产出指标      质量指标   水质达标率                             ≥95%',
  '                            成本指标   基本支出                             1200.00万元',
  '              效益指标    社会效益指标   群众用水条件                           明显改善',
  '              满意度指标   服务对象满意度指标   群众满意度                     ≥90%',
];

const targetOf = (lines: readonly string[]) => parsePerformance(toSourceLines(lines.join('\n')), new Set()).targets[0];

describe('the funds of a 部门整体 form’s table of tasks', () => {
  it('are its 金额合计 row (L9), each amount under its head; the tasks’ amounts are no field', () => {
    const target = targetOf(FORM);
    expect(target).toMatchObject({ unitName: '某市水务局', funds: { total: 1550.5, fiscal: 1500.5, other: 50 } });
    expect(target.goal).toBe('目标1：保障机构正常运转，履行水务管理职责。目标2：完成河道巡查，水质稳定达标。');
    expect(target.flag ?? '').not.toContain('不是完整的金额');
    // The tasks are kept as printed, every amount on its line.
    expect(target.printed!.filter((p) => p.lines.first === 6 || p.lines.first === 8).map((p) => p.text)).toEqual([FORM[5].trim(), FORM[7].trim()]);
  });

  it('are the total row’s whatever word names it (合计)', () => {
    const target = targetOf(FORM.map((l, i) => (i === 8 ? l.replace('金额合计', '    合计') : l)));
    expect(target.funds).toEqual({ total: 1550.5, fiscal: 1500.5, other: 50 });
  });

  it('are not read from a task’s row where no total row closes the table', () => {
    const target = targetOf(FORM.filter((_, i) => i !== 8));
    expect(target.funds).toEqual({ total: null, fiscal: null, other: null });
  });
});

// The same form as single-space text: the -layout lines above with every run of spaces made one (what a viewer's
// copy gives), and as `pdftotext -raw` prints 西安's (opraw L2296–2309): the wrapped label 年度 / 主要 / 任务 on lines
// of its own, each task's name, content and amounts on one line. No places: the heads 总额 | 财政拨款 | 其他资金 (L5 /
// L8) take 金额合计's three amounts in order.
const COLLAPSED = FORM.map((l) => l.replace(/ {2,}/g, ' '));
const RAW = [
  '2024年部门整体支出绩效目标表',
  '部门（单位）名称 某市水务局',
  '年度',
  '主要',
  '任务',
  '任务名称 主要内容',
  '预算金额（万元）',
  '总额 财政拨款 其他资金',
  '任务1 保障机构正常运转 1200.00 1200.00',
  '任务2 河道巡查与水质监测 350.50 300.50 50.00',
  '金额合计 1550.50 1500.50 50.00',
  '年度',
  '总体',
  '目标',
  '目标1：保障机构正常运转，履行水务管理职责。',
  '目标2：完成河道巡查，水质稳定达标。',
  '一级指标 二级指标 指标内容 指标值',
  '产出指标 数量指标 河道巡查里程 ≥600公里',
  '质量指标 水质达标率 ≥95%',
  '效益指标 社会效益指标 群众用水条件 明显改善',
  '满意度指标 服务对象满意度指标 群众满意度 ≥90%',
];

describe('the funds of a 部门整体 form’s table of tasks in single-space text', () => {
  it('are 金额合计’s amounts in the heads’ order, spaces collapsed (L9) and in -raw order (L11)', () => {
    expect(targetOf(COLLAPSED).funds).toEqual({ total: 1550.5, fiscal: 1500.5, other: 50 });
    expect(targetOf(RAW).funds).toEqual({ total: 1550.5, fiscal: 1500.5, other: 50 });
  });

  it('are not placed where 金额合计 prints fewer amounts than there are heads (an empty cell the text does not show)', () => {
    const two = RAW.map((l, i) => (i === 10 ? '金额合计 1550.50 1500.50' : l));
    expect(targetOf(two).funds).toEqual({ total: null, fiscal: null, other: null });
  });
});

// The same form as a web page's table: 年度主要任务 merged down its rows, 预算金额（万元） over the three heads, 金额合计
// over two slots. Its cells exactly: 1200.00 | 1200.00 | (empty); 350.50 | 300.50 | 50.00; 金额合计 1550.50 | 1500.50 | 50.00.
const td = (text: string, rows = 1, cols = 1) => `<td${rows > 1 ? ` rowspan="${rows}"` : ''}${cols > 1 ? ` colspan="${cols}"` : ''}>${text}</td>`;
const PAGE = `<html><body><h3>2024年部门整体支出绩效目标表</h3><table>
<tr>${td('部门（单位）名称', 1, 2)}${td('某市水务局', 1, 4)}</tr>
<tr>${td('年度主要任务', 5)}${td('任务名称', 2)}${td('主要内容', 2)}${td('预算金额（万元）', 1, 3)}</tr>
<tr>${td('总额')}${td('财政拨款')}${td('其他资金')}</tr>
<tr>${td('任务1')}${td('保障机构正常运转')}${td('1200.00')}${td('1200.00')}${td('')}</tr>
<tr>${td('任务2')}${td('河道巡查与水质监测')}${td('350.50')}${td('300.50')}${td('50.00')}</tr>
<tr>${td('金额合计', 1, 2)}${td('1550.50')}${td('1500.50')}${td('50.00')}</tr>
<tr>${td('年度总体目标')}${td('目标1：保障机构正常运转，履行水务管理职责。目标2：完成河道巡查，水质稳定达标。', 1, 5)}</tr>
<tr>${td('年度绩效指标', 6)}${td('一级指标')}${td('二级指标')}${td('指标内容', 1, 2)}${td('指标值')}</tr>
<tr>${td('产出指标', 3)}${td('数量指标')}${td('河道巡查里程', 1, 2)}${td('≥600公里')}</tr>
<tr>${td('质量指标')}${td('水质达标率', 1, 2)}${td('≥95%')}</tr>
<tr>${td('成本指标')}${td('基本支出', 1, 2)}${td('1200.00万元')}</tr>
<tr>${td('效益指标')}${td('社会效益指标')}${td('群众用水条件', 1, 2)}${td('明显改善')}</tr>
<tr>${td('满意度指标')}${td('服务对象满意度指标')}${td('群众满意度', 1, 2)}${td('≥90%')}</tr>
</table></body></html>`;

// A project form's funds on one row of a workbook (after 喀什经济开发区党群工作部 2024's L1134–1135: 年度预算总额 2000,
// 财政拨款 2000, 其他资金 0), its goal stating a 合计 in its text: one row of amounts is no table of tasks.
describe('the funds of a form printed on one row', () => {
  it('are its own, the 合计 in the goal below no total row', () => {
    const lines = ['项目名称\t\t人才专项项目', '项目资金 (万元)\t\t年度预算总额:\t2000\t其中:财政拨款\t2000\t其他资金\t0', '项目总体目标\t\t人才补贴共计 719 万元，租房补贴 21.6 万元，合计 800 万元。'];
    expect(readHeader(toSourceLines(lines.join('\n')), '项目支出绩效目标表').funds).toEqual({ total: 2000, fiscal: 2000, other: 0 });
  });
});

describe('the funds of a 部门整体 form’s table of tasks on a web page', () => {
  it('are its 金额合计 row, each amount in its head’s slot', async () => {
    const read = await readSource(new TextEncoder().encode(PAGE), 'form.html');
    if (!read.ok) throw new Error(read.reason);
    const [target] = parsePerformance(toSourceLines(read.text), new Set()).targets;
    expect(target).toMatchObject({ unitName: '某市水务局', funds: { total: 1550.5, fiscal: 1500.5, other: 50 } });
    expect(target.indicators).toHaveLength(5);
  });
});

const SAMPLES = '../shared/samples/other-provinces';
const absent = !existsSync(SAMPLES);

// 西安 交通运输局 2022 budget, 附表15 (PDF page 86, checked on the rendered page): 任务1 19443.34 + 任务2 26504.00 =
// 金额合计 45947.34 (L2477), all 财政拨款, 其他资金 0; L2493 is the form's 成本指标 基本支出 19443.34万元.
describe.skipIf(absent)('西安 交通运输局 2022’s 部门整体支出绩效目标表', () => {
  const file = 'xian-transport-2022-budget.txt';
  const doc = absent ? null : parseDisclosure(readFileSync(`${SAMPLES}/${file}`, 'utf8'), { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });

  it('reads its funds from 金额合计 (L2477)', () => {
    const target = doc!.targets.find((t) => t.lines.first === 2468)!;
    expect(target).toMatchObject({ unitName: '西安市交通运输局', funds: { total: 45947.34, fiscal: 45947.34, other: 0 } });
  });

  it('reads the same funds with the text’s runs of spaces made one (L2477: `金额合计 45947.34 45947.34 0`)', () => {
    const collapsed = readFileSync(`${SAMPLES}/${file}`, 'utf8').replace(/ {2,}/g, ' ');
    const read = parseDisclosure(collapsed, { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    const target = read.targets.find((t) => t.scope === 'organization')!;
    expect(target).toMatchObject({ unitName: '西安市交通运输局', funds: { total: 45947.34, fiscal: 45947.34, other: 0 } });
  });

  it('leaves its indicator 基本支出 19443.34万元 (L2493) to the form: no check of the 说明 quotes it', () => {
    const cites = (v: unknown): boolean =>
      Array.isArray(v) ? v.some(cites) : typeof v === 'object' && v !== null && ('first' in v && 'last' in v ? Number(v.first) <= 2493 && 2493 <= Number(v.last) : Object.values(v).some(cites));
    expect(doc!.checks.filter((c) => c.id.startsWith('narrative:') && cites(c))).toEqual([]);
  });
});
