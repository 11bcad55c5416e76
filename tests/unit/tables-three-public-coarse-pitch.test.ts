import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';

// 西安 交通运输局 2022 部门综合预算's “三公”经费、会议费、培训费表 extracted at a coarser character pitch than its print
// (`pdftotext -layout -fixed 5`): L2125–L2148 (title, caption and header), L2149–L2165 (the 合计 row, a staircase of
// amounts, some run together) and L2192–L2195 (row 4, its amounts run together and its last one a line lower). The header's labels print narrower than their cells, and a row's amounts
// stand right of their labels: 2022年's 合计 at 74–76 over amounts that end at 80, under 小计 at 79–81 too. The values
// were read against the default -layout text of the same PDF, L2155 and L2163–L2165, where each row prints on one line.
const THREE_PUBLIC_5 = [
  '                                    2022年部门综合预算一般公共预算拨款“三公”经费、',
  '                                                    会议费、培训费表（不含上年结转）',
  '           预算单位：西安市交通运输局                                                                                                                        金额单位：万元',
  '',
  '                                                   2021年                                    2022年                                  增减变化情况',
  '',
  '                                       一般公共预算拨款安排的“三                           一般公共预算拨款安排的“三公”                          一般公共预算拨款安排的“三公”',
  '                                             公”经费预算                                      经费预算                                     经费预算',
  '',
  '                                            因       公务用车购置                          因        公务用车购置及                          因       公务用车购置及',
  '                                            公       及运行维护费                          公          运行维护费                          公         运行维护费',
  '                单位编                                              会                                         会',
  '           序号           单位名称                出   公                    培训             出    公                     培训             出   公                  会议 培训',
  '                  码               合计                     公   公   议        合计                      公        议        合计                      公',
  '                                            国   务        务   务        费             国    务        务             费             国   务         务         费   费',
  '                                       小计   （   接                费             小计   （    接            公务   费             小计   （   接            公务',
  '                                                         用   用                                    用                                         用',
  '                                            境   待   小                               境    待            用车                      境   待            用车',
  '                                                         车   车                              小计    车                                   小计    车',
  '                                            ）   费   计                               ）    费            运行                      ）   费            运行',
  '                                                         购   运                                    购                                         购',
  '                                            费                                       费                  费                      费                 费',
  '                                                         置   行                                    置                                         置',
  '                                            用            费   费                      用             费                           用             费',
  '             1        合计          346.73 117.49',
  '                                            0.00',
  '                                               40.4977.00',
  '                                                        0.0077.00',
  '                                                                85.46143.76',
  '                                                                          472.89',
  '                                                                               248.84',
  '                                                                                    0.0038.84',
  '                                                                                            210.000.00210.00',
  '                                                                                                           44.89',
  '                                                                                                               179.18',
  '                                                                                                                    126.16',
  '                                                                                                                        131.350.00',
  '                                                                                                                                 -1.65133.00',
  '                                                                                                                                           0.00 133.00',
  '                                                                                                                                                    -40.58',
  '                                                                                                                                                         35.40',
  '                     西安市出租汽',
  '             4 222002              13.692.340.002.340.000.00 0.002.34 9.01 7.79 2.340.002.34 0.00 0.00 0.002.45 3.00-5.90 0.000.000.00 0.000.00  0.00 0.11',
  '                                                                                                                                                         -6.01',
  '                     车管理处',
].join('\n');

describe('a three-year 三公 table at a coarse character pitch', () => {
  const result = parseTables(toSourceLines(THREE_PUBLIC_5), 'aligned');
  const [t] = result.tables;

  it('finds a column under each 合计, the 2022年 and 增减变化情况 ones beside 培训费 and 小计', () => {
    expect(result.tables).toHaveLength(1);
    const keys = t.columns.map((c) => c.key);
    expect(keys).toHaveLength(27);
    expect(keys[0]).toBe('total-previous');
    expect(keys[9]).toBe('total');
    expect(keys[18]).toBe('c19'); // 增减变化情况 合计
    expect(t.columns[18].label).toBe('增减变化情况合计');
  });

  it('reads 公务用车购置 / 及运行维护费 as one group over 小计, 购置费 and 运行费', () => {
    const parent = (key: string) => t.columns.find((c) => c.key === key)?.parent;
    expect(parent('vehicles-previous')).toBe('total-previous');
    expect(parent('vehicle-purchase-previous')).toBe('vehicles-previous');
    expect(parent('vehicle-operation-previous')).toBe('vehicles-previous');
  });

  it('places each of the 27 amounts in its column (L2155 and L2165 as printed)', () => {
    const total = t.rows.find((r) => r.name === '合计');
    expect(t.columns.map((c) => total?.values[c.key] ?? null)).toEqual([
      346.73, 117.49, 0, 40.49, 77, 0, 77, 85.46, 143.76, 472.89, 248.84, 0, 38.84, 210, 0, 210, 44.89, 179.18, 126.16, 131.35,
      0, -1.65, 133, 0, 133, -40.58, 35.4,
    ]);
    const row = t.rows.find((r) => r.texts?.unitCode === '222002');
    expect(t.columns.map((c) => row?.values[c.key] ?? null)).toEqual([
      13.69, 2.34, 0, 2.34, 0, 0, 0, 2.34, 9.01, 7.79, 2.34, 0, 2.34, 0, 0, 0, 2.45, 3, -5.9, 0, 0, 0, 0, 0, 0, 0.11, -6.01,
    ]);
    expect(result.unparsed).toEqual([]);
  });
});
