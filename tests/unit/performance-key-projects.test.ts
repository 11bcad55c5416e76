import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { checkList } from '../../src/schema/common.ts';

// A 说明's table of key projects, written after the layout of 广州 水务局 2026 部门预算 (sample text L2861–2925): 项目 |
// 预算数（单位：万元） | 绩效目标, each name wrapped around its amount's line and each goal centred on it, the header printed
// again after the page break (L12–14), the table ended by 注：无。 (L20). Three invented projects.
const table = [
  '    七、重点项目预算绩效目标情况',
  '    2026年，本部门重点项目绩效目标情况如下：',
  '        项目     预算数（单位：万元）                     绩效目标',
  '                                     完成全市河道巡查保洁，保障河道',
  '河道保洁养护经                              水面整洁，水质稳定达标，',
  '               1,250.50',
  '费                                    汛期河道无明显漂浮物，群众',
  '                                     满意度不低于90%。',
  '                                     完成3座泵站设备更新改造，',
  '泵站更新改造工程       860                   提升排涝能力，汛期泵站完',
  '                                     好率100%。',
  '',
  '                            - 12 -',
  '\f        项目     预算数（单位：万元）                     绩效目标',
  '                                     开展水资源调查评价，完成',
  '水资源调查评价项                             调查报告编制，为水资源管理',
  '               96.8',
  '目                                    提供依据。',
  '                                     按期提交成果。',
  '注：无。',
].join('\n');

const tied = [
  '        项目     金额（元）                               绩效目标',
  '甲项目            1,000,000             完成甲任务。',
  '                                     按期验收。',
  '乙项目            2,000,000             完成乙任务。',
].join('\n');

const keyTargets = (text: string) => parsePerformance(toSourceLines(text), new Set()).targets.filter((t) => t.indicators.length === 0);

describe('a table of key projects in the 说明', () => {
  const targets = keyTargets(table);

  it('reads a project a row: the name joined from its pieces, the amount on its line, the goal centred on it', () => {
    expect(targets.map((t) => [t.projectName, t.funds.total, t.goal])).toEqual([
      // L5 + L7 around L6's 1,250.50; goal L4–L5, L7–L8.
      ['河道保洁养护经费', 1250.5, '完成全市河道巡查保洁，保障河道水面整洁，水质稳定达标，汛期河道无明显漂浮物，群众满意度不低于90%。'],
      // L10: name, 860 and the goal's middle line; goal L9–L11.
      ['泵站更新改造工程', 860, '完成3座泵站设备更新改造，提升排涝能力，汛期泵站完好率100%。'],
      // After the page break: L16 + L18 around L17's 96.8; goal L15–L16, L18–L19.
      ['水资源调查评价项目', 96.8, '开展水资源调查评价，完成调查报告编制，为水资源管理提供依据。按期提交成果。'],
    ]);
    expect(targets.every((t) => t.title === '重点项目预算绩效目标情况' && t.flag == null && t.funds.fiscal == null)).toBe(true);
  });

  it('shares the table\'s lines: the header (L3) to the first row, the page break and the header again to the row above', () => {
    expect(targets.map((t) => t.lines)).toEqual([{ first: 3, last: 8 }, { first: 9, last: 14 }, { first: 15, last: 19 }]);
    expect(targets[0].printed?.map((p) => p.text.trim())).toEqual(['项目     预算数（单位：万元）                     绩效目标']);
  });

  it('leaves the heading, the sentence over the table and the note to the prose', () => {
    const d = parseDisclosure(table, { file: 'key.txt', sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(d.sections.flatMap((s) => s.paragraphs)).toEqual(['2026年，本部门重点项目绩效目标情况如下：', '注：无。']);
  });

  it('converts an amount in 元 to the 万元 of every target\'s funds, by the unit the amount column\'s label states', () => {
    expect(keyTargets(tied).map((t) => [t.projectName, t.funds.total])).toEqual([['甲项目', 100], ['乙项目', 200]]);
  });

  it('flags a goal line halfway between two rows (tied L3, between the amount lines L2 and L4) rather than guess', () => {
    const flags = keyTargets(tied).map((t) => t.flag).filter((f) => f != null);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatch(/^第 3 行的「按期验收。」属于「甲项目」还是「乙项目」，文本无法确定，暂列在「(甲|乙)项目」下$/);
  });

  it('reads no amount where the table states no unit, and says so', () => {
    const bare = ['        项目     预算数                         绩效目标', '甲项目            100                   完成甲任务。'].join('\n');
    expect(keyTargets(bare).map((t) => [t.funds.total, t.flag])).toEqual([[null, '第 2 行的预算数 100 未注明单位，未读入资金总额']]);
  });
});

const SAMPLE = '../shared/samples/other-provinces/guangzhou-water-2026-budget.txt';
describe.skipIf(!existsSync(SAMPLE))(`广州 水务局 2026 部门预算's 重点项目 table${existsSync(SAMPLE) ? '' : ' — skipped: ../shared/samples is absent'}`, () => {
  const d = existsSync(SAMPLE) ? parseDisclosure(readFileSync(SAMPLE, 'utf8'), { file: SAMPLE, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' }) : null;
  const targets = d?.targets.filter((t) => t.title === '重点项目预算绩效目标情况') ?? [];

  it('reads its nine rows (L2864–2925, PDF pp. 73–74, printed 71–72) with their amounts in 万元', () => {
    expect(targets.map((t) => [t.projectName, t.funds.total])).toEqual([
      ['广州市中心城区污水处理特许经营经费', 203500.29],
      ['广州市牛路水库建设工程', 13200],
      ['广州市珠江前后航道清淤项目', 4500],
      ['流溪河堤防白云区蚌湖桥右岸段整治工程', 2500],
      ['流溪河堤防从化区良口镇良新村右岸段工程', 3500],
      ['平洲水道（沙尾水闸-生南涌段）堤岸达标加固工程', 3500],
      ['花都区污水治理定额补助', 12157.01],
      ['番禺区水环境治理三年攻坚行动计划市级补助资金', 10000],
      ['番禺区排水设施运行维修养护经费', 10000],
    ]);
    // L2872–2878: the goal wrapped over six lines around `广州市牛路水库建设工程    13,200` (L2875).
    expect(targets[1].goal).toBe(
      '通过开展广州市牛路水库建设工程：1.完成主体工程合同完工验收，完成年度固投任务；2.完成下闸蓄水验收，推进蓄水试运行，发挥水库应急供水、防洪和发电效益；3.推进项目合同结算，完成进场道路施工合同等不少于10项合同结算工作。',
    );
    expect(targets.every((t) => t.flag == null)).toBe(true);
  });

  it('compares each amount with 表11 where it lists the project, and passes', () => {
    const checks = targets.map((t) => checkList.parse(d!.checks).find((c) => c.id === `performance:${t.id}:project-amount`));
    // 表11 rows: L863–867 203,500.29; L1676–1682 13,200.00; L1649–1653 4,500.00; L1715–1719 2,500.00; L1764–1768
    // 3,500.00. The last four projects are in no project table of the document (grep finds them only in the 说明).
    expect(checks.map((c) => c && [c.status, c.expected])).toEqual([
      ['pass', 203500.29], ['pass', 13200], ['pass', 4500], ['pass', 2500], ['pass', 3500],
      ['not-checkable', null], ['not-checkable', null], ['not-checkable', null], ['not-checkable', null],
    ]);
  });

  it('no longer prints the table as paragraphs of the 说明', () => {
    const section = d!.sections.find((s) => s.heading === '七、重点项目预算绩效目标情况')!;
    expect(section.paragraphs).toEqual(['2026年，本部门重点项目绩效目标情况如下：', '注：无。']);
  });
});

const HANGZHOU = '../shared/samples/other-provinces/hangzhou-transport-2026-budget.txt';
describe.skipIf(!existsSync(HANGZHOU))(`杭州 交通运输局 2026 部门预算's 表11 项目支出绩效表${existsSync(HANGZHOU) ? '' : ' — skipped: ../shared/samples is absent'}`, () => {
  const d = existsSync(HANGZHOU) ? parseDisclosure(readFileSync(HANGZHOU, 'utf8'), { file: HANGZHOU, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' }) : null;
  const targets = d?.targets.filter((t) => t.title === '表11：2026年市级部门项目支出绩效表') ?? [];

  it('reads its 24 rows (header L1019, last row L1118) with the unit of each from the 单位名称 column', () => {
    expect(targets).toHaveLength(24);
    // L1056: `杭州市公路与港航管理服务中心   日常保障运行         7,294.80   保证单位开展工作需要，…` (单位:万元, L1017).
    expect(targets[8]).toMatchObject({ unitName: '杭州市公路与港航管理服务中心', projectName: '日常保障运行', funds: { total: 7294.8 }, goal: '保证单位开展工作需要，保障交通运输管理服务工作等' });
    // L1087: the goal's first line begins `1 通过跟踪…`, its figure under the amount column: the goal's, not an amount.
    expect(targets[17]).toMatchObject({ unitName: '杭州市综合交通运输研究中心', projectName: '综合交通研究', funds: { total: 30 } });
    expect(targets[17].goal).toMatch(/^1 通过跟踪道路运输行业市场发展变化/);
  });

  it('compares each with 表10\'s row of its unit and project: six units each list a 日常保障运行', () => {
    const checks = checkList.parse(d!.checks);
    const of = (t: (typeof targets)[number]) => checks.find((c) => c.id === `performance:${t.id}:project-amount`);
    // 表10 L974 杭州市交通运输局 日常保障运行 64.90, L982 杭州市公路与港航管理服务中心 日常保障运行 7,294.80.
    expect(targets.map((t) => of(t)?.status)).toEqual(new Array(24).fill('pass'));
  });
});
