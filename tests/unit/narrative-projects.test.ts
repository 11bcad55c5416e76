import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sumAmounts } from '../../src/core/decimal.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { table, type Table } from '../../src/schema/table.ts';
import { narrativeOfText, seed } from './narrative-seed.ts';

describe('projects of the 项目支出情况说明', () => {
  const admin = seed('kashgar-administrative-office-2021-budget');

  it('kashgar-administrative-office: 16 published projects with names and 预算安排规模 (lines 1312–1660)', () => {
    expect(admin.projects.map((p) => [p.id, p.name, p.amount])).toEqual([
      ['p1', '协同办公网关项目', 20], // 1324
      ['p2', '行署机关运行项目', 240], // 1343
      ['p3', '提质增效业务工作专项', 50], // 1363
      ['p4', '电子政务项目', 40], // 1385
      ['p5', '基础设施保障项目', 22.33], // 1406
      ['p6', '多媒体培训室建设项目', 152], // 1428
      ['p7', '军民共建及慰问项目', 260], // 1450
      ['p8', '行署办视频会议室改造项目', 24.64], // 1473
      ['p9', '业务能力提升项目', 150], // 1495
      ['p10', '行署机关电路改造', 350], // 1520
      ['p11', '新成立专班专项', 6], // 1538
      // 1548–1550: the name runs into `设立的政策依据` split over the line break (`…项目设` / `立的政策依据：`).
      ['p12', '2021年喀什地区营商环境专项整治项目', 20.85], // 1562
      ['p13', '驻京办业务专项', 70.94], // 1579
      ['p14', '2021年第七次全国人口普查项目', 5], // 1607
      ['p15', '2021年统计咨询服务印刷项目', 10.26], // 1622
      ['p16', '喀什人民群众来访接待中心运行费用项目', 24.66], // 1652
    ]);
    // The sum equals the 16 projects under 绩效管理 (line 1752: 1446.68 万元). With the withheld 218.82 万元 it
    // comes to 1665.5, not the 项目支出 of 1662.5 万元 (line 1159): a discrepancy of the source.
    expect(sumAmounts(admin.projects.map((p) => p.amount ?? 0))).toBe(1446.68);
    expect(admin.projects.every((p) => !p.withheld)).toBe(true);
  });

  it('keeps every field as printed, defects included', () => {
    const p4 = admin.projects[3];
    expect(p4.implementer).toBe('新疆维吾尔自治区喀什地区行政公署办公室'); // 1387–1389, wrapped
    expect(p4.allocation).toBe('委托业务费40元'); // 1391: the source says 元, not 万元
    expect(p4.schedule).toBe('2021年1月至12月'); // 1393
    expect(p4.scale).toBe('40万元'); // 1385
    expect(p4.basis).toMatch(/^本项目为行署办电子政务系统运行经费，08年电子政务系统建成后/); // 1375
    expect(admin.projects[11].implementer).toBe('喀什地区政务服务和公共资源管理局'); // 1564, no full stop
    expect(admin.projects[13].allocation).toBe('办公费2.04万元，差旅费1.92万元，其他交通费用1.04万元'); // 1611–1613
  });

  it('kashgar-administrative-office: 6 projects withheld, 218.82 万元 (lines 2542–2552)', () => {
    expect(admin.withheldProjects).toMatchObject({ count: 6, amount: 218.82, lines: { first: 2542, last: 2552 } });
    expect(admin.withheldProjects?.text).toMatch(/6个项目,共计218\.82万元资金，不予公开。$/);
  });

  it('kashgar-poverty-alleviation-office: 5 projects, the first name wrapped over two lines (564–566)', () => {
    const { projects, withheldProjects } = seed('kashgar-poverty-alleviation-office-2021-budget');
    expect(projects.map((p) => [p.name, p.amount])).toEqual([
      ['“十四五”巩固拓展脱贫攻坚成果规划编制工作项目', 77.04], // 574
      ['防返贫致贫监测预警工作专项项目', 76.38], // 596
      ['扶贫资产管理专班专项', 25], // 624
      ['扶贫宣传项目', 110], // 656
      ['脱贫攻坚专项', 157.25], // 711
    ]);
    // 662–664: the allocation line runs on into 资金执行时间 without a break.
    expect(projects[3].allocation).toBe('业务委托费用18万元，办公经费92万元');
    expect(projects[3].schedule).toBe('2021年4月-2021年12月');
    expect(withheldProjects).toBeNull();
  });

  it('kashgar-edz-party-mass-work-dept: 23 projects, 3 listed but withheld (不宜公开)', () => {
    const { projects, withheldProjects } = seed('kashgar-edz-party-mass-work-dept-2024-budget');
    expect(projects).toHaveLength(23);
    // 774–778, 828–832, 898–902: name and amount only, then 此项目为…不宜公开。
    expect(projects.filter((p) => p.withheld).map((p) => [p.id, p.name, p.amount, p.basis])).toEqual([
      ['p7', '信息奖励项目', 10, null],
      ['p12', '公共安全保障运行项目', 166.48, null],
      ['p18', '2024 年自治区驻守管委会工作及人员经费', 4.39, null],
    ]);
    // 712–714: the name continues on its own line (`项目`); 718: a damaged label `预算安排：`.
    expect(projects[1]).toMatchObject({ name: '喀什经济开发区老年养护院运行保障项目', amount: 15.6 });
    // 796–800: damaged labels `预算：` and `情况：`.
    expect(projects[8]).toMatchObject({ name: '意识形态领域项目', amount: 10, scale: '10万元' });
    expect(projects[8].allocation).toMatch(/^本项目预算金额 10 万元。1、开展团结/);
    // 826: 资金执行时间 printed inside the allocation line.
    expect(projects[10].schedule).toBe('2024年1月-2024年11月');
    // 1641 withholds only performance target tables (绩效目标表不予公开), not projects.
    expect(withheldProjects).toBeNull();
  });

  it('documents without a project list have none', () => {
    expect(seed('kashgar-2021-poverty-monitoring-project-evaluation').projects).toEqual([]);
  });

  it('reads the projects a sentence lists with their amounts, where no section describes them', () => {
    // julu L104–110: 项目支出 211.47 万元，全部为本级支出，主要是：正常公用经费 21.41 万元、…、提前下达 2021 年省级驻村工作队
    // 综合经费 4 万元。 Seven items that add up to 232.88, more than the 211.47 they are the main part of: 正常公用经费 is
    // a 基本支出 item (L104: 日常公用经费 21.41 万元), listed among the projects.
    const d = seed('julu-county-poverty-office-2021-budget');
    expect(d.projects.map((p) => [p.name, p.amount])).toEqual([
      ['正常公用经费', 21.41],
      ['自收自支人员工资及保险费用', 6.6],
      ['脱贫防贫专项工作经费', 40],
      ['乡村振兴工作经费', 5],
      ['“防贫预警及管理系统”平台运行维护费', 5.87],
      ['防贫工作补充保险经费', 150],
      ['提前下达 2021 年省级驻村工作队综合经费', 4],
    ]);
    expect(d.projects[5].lines).toEqual({ first: 110, last: 110 });
    expect(d.checks.find((c) => c.id === 'narrative:listed-projects:sum')).toMatchObject({ status: 'fail', expected: 211.47, actual: 232.88 });
    // The six target tables (L302 on) are linked to their projects, the fifth by the longer name it is printed with.
    const file = 'content/sources/julu-county-poverty-office-2021-budget.txt';
    const whole = parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(whole.targets.map((t) => t.projectId)).toEqual(['p6', 'p5', 'p4', 'p3', 'p7', 'p2']);
  });

  it('reads a list that is the whole of the total against all of it', () => {
    const text = ['二、支出预算说明', '项目支出 30 万元，包括：设备购置费 10 万元、系统运维费 20 万元。'].join('\n');
    const d = parseDisclosure(text, { file: 'listed.txt', sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(d.projects.map((p) => [p.name, p.amount])).toEqual([['设备购置费', 10], ['系统运维费', 20]]);
    expect(d.checks.find((c) => c.id === 'narrative:listed-projects:sum')).toMatchObject({ status: 'pass', expected: 30, actual: 30 });
  });
});

describe('projects against the project-expenditure table', () => {
  const text = [
    '七、关于2024年一般公共预算项目支出情况说明',
    '(一)项目名称:稳就业保障项目',
    '设立的政策依据:依据有关文件实施。',
    '预算安排规模：1000 万元',
    '项目承担单位：某单位',
    '资金分配情况：社保补贴 570.1 万元。',
    '资金执行时间：2024 年 1 月-2024 年 11 月',
  ].join('\n');

  function projectTable(rows: Array<[string, string, number]>): Table {
    return table.parse({
      id: 't7',
      kind: 'general-budget-project-expenditure',
      title: '一般公共预算项目支出情况表',
      unit: '万元',
      columns: [{ key: 'total', label: '合计' }],
      rows: rows.map(([code, name, total], i) => ({
        code,
        name: '就业补助',
        texts: { project: name },
        values: { total },
        group: null,
        lines: { first: 10 + i, last: 10 + i },
      })),
      lines: { first: 9, last: 20 },
    });
  }

  it('sums the rows of a project funded under several codes, and reports a shortfall', () => {
    // As in kashgar-edz-party-mass-work-dept lines 475–486: 152 + 570.1 + 1 + 82.5 under the project's name.
    const rows: Array<[string, string, number]> = [
      ['2080702', '稳就业保障项目', 152],
      ['2080704', '稳就业保障项目', 570.1],
      ['2080713', '稳就业保障项目', 1],
      ['2080799', '稳就业保障项目', 82.5],
    ];
    const short = narrativeOfText(text, [projectTable(rows)]);
    expect(short.projects[0]).toMatchObject({ amount: 1000, code: null });
    expect(short.checks.find((c) => c.id === 'project:p1:table-amount')).toMatchObject({ status: 'fail', expected: 805.6, actual: 1000 });
    const whole = narrativeOfText(text, [projectTable([...rows, ['2080711', '稳就业保障项目', 194.4]])]);
    expect(whole.checks.find((c) => c.id === 'project:p1:table-amount')?.status).toBe('pass');
    const single = narrativeOfText(text, [projectTable([['2080704', '稳就业保障项目', 1000]])]);
    expect(single.projects[0].code).toBe('2080704');
  });
});

describe('through the whole parse, with the lines the table and performance parsers take', () => {
  it('kashgar-administrative-office keeps its 16 projects and the withheld 6 / 218.82 万元', () => {
    const file = 'content/sources/kashgar-administrative-office-2021-budget.txt';
    const d = parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(d.projects).toHaveLength(16);
    expect(d.projects[15]).toMatchObject({ name: '喀什人民群众来访接待中心运行费用项目', amount: 24.66 });
    expect(d.withheldProjects).toMatchObject({ count: 6, amount: 218.82 });
    expect(d.facts.find((f) => f.id === 'three-public.total')?.value).toBe(63);
  });
});
