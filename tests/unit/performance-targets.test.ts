import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Indicator, PerformanceTarget } from '../../src/schema/performance.ts';
import { performanceTarget } from '../../src/schema/performance.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { fundsCheck } from '../../src/ingest/performance/target-checks.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

function parseSeed(name: string) {
  const text = readFileSync(new URL(`../../content/sources/${name}`, import.meta.url), 'utf8');
  return parsePerformance(toSourceLines(text), new Set());
}

/** The indicator whose row starts at `line` (source line numbers are cited in each test). */
function at(targets: readonly PerformanceTarget[], line: number): Indicator {
  const found = targets.flatMap((t) => t.indicators).find((i) => i.lines.first === line);
  if (!found) throw new Error(`no indicator at line ${line}`);
  return found;
}

const poverty = parseSeed('kashgar-poverty-alleviation-office-2021-budget.txt');
const admin = parseSeed('kashgar-administrative-office-2021-budget.txt');
const julu = parseSeed('julu-county-poverty-office-2021-budget.txt');
const edz = parseSeed('kashgar-edz-party-mass-work-dept-2024-budget.txt');
const evaluation = parseSeed('kashgar-2021-poverty-monitoring-project-evaluation.txt');

describe('target tables and indicators per seed (counted by hand in the sources)', () => {
  it('kashgar-poverty-alleviation-office: 5 tables, 122 indicators', () => {
    // 820–864: 16 rows; 868–1010: 20 listed names + 5 rows; 1027–1075: 18; 1099–1200: 40; 1219–1281: 23.
    expect(poverty.targets.map((t) => t.indicators.length)).toEqual([16, 25, 18, 40, 23]);
  });

  it('kashgar-administrative-office: 16 tables (text: 16 projects), 197 indicators', () => {
    expect(admin.targets.map((t) => t.indicators.length)).toEqual([9, 9, 7, 9, 9, 20, 13, 14, 9, 15, 7, 13, 13, 11, 12, 27]);
  });

  it('julu-county-poverty-office: 6 tables, 43 indicators', () => {
    expect(julu.targets.map((t) => t.indicators.length)).toEqual([7, 7, 7, 7, 7, 8]);
  });

  it('kashgar-edz: the 整体 table and 28 project tables, 263 indicators', () => {
    expect(edz.targets.map((t) => t.indicators.length)).toEqual([
      5, 19, 9, 12, 15, 9, 9, 8, 8, 12, 8, 8, 8, 13, 9, 8, 8, 7, 7, 9, 7, 8, 8, 9, 8, 8, 8, 8, 8,
    ]);
    expect(edz.targets[0].scope).toBe('organization');
    expect(edz.targets.slice(1).every((t) => t.scope === 'project')).toBe(true);
  });

  it('the evaluation report: its year table of 23 三级指标 (line 107: 二十三个三级指标)', () => {
    expect(evaluation.targets.map((t) => t.indicators.length)).toEqual([23]);
  });

  it('every target validates against the schema', () => {
    for (const r of [poverty, admin, julu, edz, evaluation]) for (const t of r.targets) performanceTarget.parse(t);
  });
});

describe('indicator values across the layouts', () => {
  it('single-space 4-column rows (kashgar 2021)', () => {
    // poverty 849: 调研人员差旅费成本支出 ≤210元/人/天
    expect(at(poverty.targets, 849)).toMatchObject({ name: '调研人员差旅费成本支出', level1: '产出指标', level2: '成本指标', value: { operator: '<=', number: 210, unit: '元/人/天' } });
    // poverty 843: 项目完成时间 2021年10月
    expect(at(poverty.targets, 843).value).toMatchObject({ date: '2021-10', operator: null, text: '2021年10月' });
    // poverty 858: 社会效益指标 巩固拓展脱贫攻坚成果 有效巩固
    expect(at(poverty.targets, 858)).toMatchObject({ level2: '社会效益指标', value: { qualitative: '有效巩固', number: null } });
    // poverty 1010: ★使用人员满意度 ≥98%
    expect(at(poverty.targets, 1010)).toMatchObject({ name: '使用人员满意度', key: true, value: { operator: '>=', number: 98, unit: '%' } });
    // admin 1781: 系统运行维护响应时间 ≤24小时
    expect(at(admin.targets, 1781).value).toMatchObject({ operator: '<=', number: 24, unit: '小时' });
    // admin 2386: 普查数据差错率 ≤0.4%
    expect(at(admin.targets, 2386).value).toMatchObject({ operator: '<=', number: 0.4, unit: '%' });
    // admin 2478: ★采购复印机数数量 =1台
    expect(at(admin.targets, 2478)).toMatchObject({ key: true, value: { operator: '=', number: 1, unit: '台' } });
    // admin 2247–2248: a 三级 name wrapped over two lines, value 长期 on the second
    const wrapped = at(admin.targets, 2247);
    expect(wrapped.name).toBe('保障四个新设办公室的日常办公，顺利落实各项政策，完成各项任务');
    expect(wrapped.value.qualitative).toBe('长期');
    expect(wrapped.lines).toEqual({ first: 2247, last: 2248 });
  });

  it('a date value printed with spaces between its pieces (2021 年 12 月), as a converter prints poverty L1247', () => {
    // poverty 1247–1249: 项目结束时间 2021年12月, 外聘驾驶员时间 =9个月; LibreOffice's text of the seed sets the pieces apart.
    const text = ['项目支出绩效目标表', '一级指标 二级指标 三级指标 指标值', '产出指标 时效指标 项目结束时间 2021 年 12 月', '外聘驾驶员时间 =9 个月'].join('\n');
    const [target] = parsePerformance(toSourceLines(text), new Set()).targets;
    expect(target.indicators.map((i) => [i.name, i.value.text, i.value.date ?? i.value.number])).toEqual([
      ['项目结束时间', '2021年12月', '2021-12'],
      ['外聘驾驶员时间', '=9个月', 9],
    ]);
  });

  it('6-column rows with wrapped description and basis (julu)', () => {
    // 383–401: 理赔金额 / 本年度申请并审核通过后，获得保险理赔的总金额 / ≥135 万元 / 巨扶贫脱贫【2018】27 …
    const claims = at(julu.targets, 383);
    expect(claims).toMatchObject({ name: '理赔金额', level2: '成本指标', value: { operator: '>=', number: 135, unit: '万元' } });
    expect(claims.description).toBe('本年度申请并审核通过后，获得保险理赔的总金额');
    expect(claims.basis).toMatch(/^巨扶贫脱贫【2018】27号巨鹿县扶贫开发和脱贫工作领导小组/);
    // 315–319: 参保数量 … 30000 人 (no operator)
    expect(at(julu.targets, 315).value).toMatchObject({ operator: null, number: 30000, unit: '人' });
    // 592–594: ≥1000 and 元 on separate lines
    expect(at(julu.targets, 584).value).toMatchObject({ operator: '>=', number: 1000, unit: '元' });
    // 425–433: a qualitative target after a wrapped description: 自主发展 调查问卷
    expect(at(julu.targets, 425)).toMatchObject({ value: { qualitative: '自主发展' }, basis: '调查问卷' });
    // 435: 满意度指标 服务对象满意度指标 服务对象满意度 … ≥95% 调查问卷
    expect(at(julu.targets, 435)).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', value: { operator: '>=', number: 95 } });
  });

  it('9-column tab-separated rows (kashgar-edz 2024)', () => {
    // 1060: 产出 指标 | 数量 指标 | 社保补贴数量 | >=518 人 | 计划标准 | 新增 | 5 | 按照完 成比例 赋分 | 工作资料
    expect(at(edz.targets, 1060)).toMatchObject({
      level1: '产出指标', level2: '数量指标', name: '社保补贴数量',
      value: { operator: '>=', number: 518, unit: '人' },
      basis: '计划标准', previous: '新增', weight: 5, scoringRule: '按照完成比例赋分', evidence: '工作资料',
    });
    // 1071: 项目完成时间 =2024年11月15日前
    expect(at(edz.targets, 1071).value).toMatchObject({ operator: '=', date: '2024-11-15' });
    // 1289: 补助资金按月支付费用 ≤5980 元/次
    expect(at(edz.targets, 1289).value).toMatchObject({ operator: '<=', number: 5980, unit: '元/次' });
    // 1395: 项目预算完成率 $\leq 100\%$, and 1397: 援疆干部满意度 $\geq 95\%$: the LaTeX read as the text it prints
    expect(at(edz.targets, 1395).value).toMatchObject({ text: '≤100%', operator: '<=', number: 100, unit: '%' });
    expect(at(edz.targets, 1397).value).toMatchObject({ text: '≥95%', operator: '>=', number: 95, unit: '%' });
    // 1080–1082: 满 / 意 度 指 标 and 补贴人员满意 / 度 printed vertically over two lines
    expect(at(edz.targets, 1080)).toMatchObject({ level1: '满意度指标', name: '补贴人员满意度', scoringRule: '满意度赋分', lines: { first: 1080, last: 1082 } });
    // 1169–1171: 成本 指 / 标 and 经济 成 / 本指标 cut between rows
    expect(at(edz.targets, 1171)).toMatchObject({ level1: '成本指标', level2: '经济成本指标', name: '发展党员培训成本(万元)' });
    // 1328 / 1330: 质量 and 物资采购验收合格率, then 指标 alone in the 二级 column: the end of 质量指标, not of the name
    expect(at(edz.targets, 1328)).toMatchObject({ level2: '质量指标', name: '物资采购验收合格率', value: { operator: '=', number: 100 } });
    // 1534 / 1536: 满意 | 满意 | 受益人员满意度, then 度指 标 under both level cells
    expect(at(edz.targets, 1534)).toMatchObject({ level1: '满意度指标', level2: '满意度指标', name: '受益人员满意度' });
    // 1040: 整体绩效目标表 履职效能 | 数量指标 | 2024 年实现就业 | >=6.21 万人 | … | 20
    expect(at(edz.targets, 1040)).toMatchObject({ level1: '履职效能', value: { operator: '>=', number: 6.21, unit: '万人' }, weight: 20 });
  });

  it('the evaluation report’s year table (tab-separated, 4 columns)', () => {
    // 133: 效益指标 | 社会效益指标 | 收益脱贫人口数 | =119.57 万人
    expect(at(evaluation.targets, 133)).toMatchObject({ level1: '效益指标', value: { operator: '=', number: 119.57, unit: '万人' } });
    // 129 + 132: 脱贫攻坚大数据平台二期项目 / 质保金 continued after a repeated header
    expect(at(evaluation.targets, 129).name).toBe('脱贫攻坚大数据平台二期项目质保金');
  });
});

describe('header blocks', () => {
  it('reads unit, project and funds of the single-space layout (poverty 808–818)', () => {
    expect(poverty.targets[0]).toMatchObject({
      unitName: '新疆维吾尔自治区喀什地区扶贫开发办公室',
      projectName: '“十四五”巩固拓展脱贫攻坚成果规划编制工作项目',
      funds: { total: 77.04, fiscal: 77.04, other: null },
      lines: { first: 806, last: 864 },
    });
  });

  it('reads owner and a project name wrapped with its owner (edz 1602–1604)', () => {
    expect(edz.targets[1]).toMatchObject({ projectName: '稳就业保障项目', owner: '庞仁泉', funds: { total: 1000, fiscal: 1000, other: 0 } });
    expect(edz.targets[27]).toMatchObject({ projectName: '丝路人才资本产业园及试行干部聘用制可行性及实现路径研究项目', owner: '庞仁泉' });
  });

  it('reads the 整体 table: contact, fiscal funds as the sum of its sources (1034–1036)', () => {
    // 财政资金: 上级安排 1986.24 + 本级安排 5141.47; 其他 150.97; no printed total.
    expect(edz.targets[0]).toMatchObject({ owner: '迪丽努尔', funds: { total: null, fiscal: 7127.71, other: 150.97 } });
  });

  it('takes the project name from a title that carries it (julu 302)', () => {
    expect(julu.targets[0].projectName).toBe('防贫工作补充保险经费');
  });
});

describe('the table printed as separate columns (poverty 868–1010)', () => {
  const scrambled = poverty.targets[1];
  it('keeps the 20 names without values, flags the table and keeps the values in unparsed', () => {
    const listed = scrambled.indicators.slice(0, 20);
    expect(listed.every((i) => i.value.text === '')).toBe(true);
    expect(listed[0]).toMatchObject({ name: '定点抽样检测发放补助户数', key: true, lines: { first: 905, last: 905 } });
    expect(scrambled.flag).toMatch(/分列印出/);
    expect(poverty.unparsed).toEqual([expect.objectContaining({ lines: { first: 960, last: 998 } })]);
    // 20 names (905–943) vs 20 values (960–998): counts agree but the first pair (户数 / =119.57万人) does not.
  });
  it('reads the header fields a label still sits next to, and flags the stray amount', () => {
    expect(scrambled).toMatchObject({ unitName: '新疆维吾尔自治区喀什地区扶贫开发办公室', projectName: '防返贫致贫监测预警工作专项项目', funds: { total: 76.38, fiscal: null } });
    expect(scrambled.flag).toMatch(/第 884 行的数 76\.38/);
  });
  it('reads the rows printed normally after the lists', () => {
    // 999: 受益边缘户人口 ≥17.85万人
    expect(at(poverty.targets, 999).value).toMatchObject({ operator: '>=', number: 17.85, unit: '万人' });
  });
});

describe('funds checks: 财政拨款 + 其他资金 = 年度资金总额', () => {
  const status = (r: typeof edz, id: string) => r.checks.find((c) => c.id === `performance:${id}:funds-sum`)?.status;
  it('passes where the print agrees', () => {
    expect(poverty.checks.filter((c) => c.id.endsWith('funds-sum')).map((c) => c.status)).toEqual(['pass', 'not-checkable', 'pass', 'pass', 'pass']);
    expect(admin.checks.every((c) => c.status === 'pass')).toBe(true);
  });
  it('fails on the source’s truncated amounts, and says why', () => {
    // 1240: 年度预算总额 1.76, 其中:财政拨款 "1.", 其他资金 0
    expect(status(edz, 'target-10')).toBe('fail');
    expect(edz.targets[9].flag).toMatch(/「1\.」/);
    // 1521–1523: 其他资 29.5 with its last digit 5 on the next line; total 29.55
    expect(status(edz, 'target-24')).toBe('fail');
  });
  it('is not checkable where the table prints no funds (julu), and says so', () => {
    expect(julu.checks.map((c) => c.status)).toEqual(Array(6).fill('not-checkable'));
    expect(julu.checks.every((c) => c.message.endsWith('（表中未列出或未能读出资金数）'))).toBe(true);
  });

  // 长沙 教育 2026 -layout L358–L368: the 项目支出绩效目标表 prints 资金总额 270.00 and no 财政拨款 / 其他资金 columns.
  it('says where a form prints its total only', () => {
    const target = performanceTarget.parse({
      id: 'target-1', scope: 'project', title: '2026年项目支出绩效目标表', unitName: null, projectName: '经常性运转经费（水电气）', code: null,
      projectId: null, owner: null, funds: { total: 270, fiscal: null, other: null }, goal: null, periodGoal: null, indicators: [], flag: null,
      selfEvaluation: null, lines: { first: 358, last: 500 },
    });
    expect(fundsCheck(target)).toMatchObject({
      status: 'not-checkable',
      message: '经常性运转经费（水电气）：财政拨款 + 其他资金 = 年度资金总额（只读出资金总额，未读出财政拨款和其他资金）',
    });
  });
});

describe('claims', () => {
  it('claims each table from its title to its last row, and nothing after', () => {
    // admin 2458 title … 2539 last row; 2540 （五）其他需说明的事项 stays with the narrative.
    expect(admin.claimed[15]).toEqual({ first: 2458, last: 2539 });
    // poverty 1285 "无。" after the last table is not part of it.
    expect(poverty.claimed[4]).toEqual({ first: 1201, last: 1281 });
    // edz 1637 is the last row; 1639 (五) 其他需说明的事项 is prose.
    expect(edz.claimed[28]).toEqual({ first: 1619, last: 1637 });
  });
});
