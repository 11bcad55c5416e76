import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import type { Table, TableRow } from '../../src/schema/table.ts';
import { alignedCells, stepsRight, wordCells } from '../../src/ingest/layout/cells.ts';

// 西安 交通运输局 2022 部门综合预算's “三公”经费、会议费、培训费表 (three blocks of nine columns: 2021年, 2022年,
// 增减变化情况) extracted at coarser character pitches than its print. The header's labels print narrower than their
// cells, a row's amounts stand right of their labels, run together or step down as a staircase. The values were read
// against the default -layout text of the same PDF: its 合计 row L2155, 西安市出租汽 / `4 222002 13.69 …` / 车管理处
// L2164–L2166, each row's amounts on one line.

// `pdftotext -layout -fixed 5`: L2125–L2148 (title, caption and header), L2149–L2165 (the 合计 row, a staircase of
// amounts, some run together) and L2192–L2195 (row 4, its amounts run together and its last one a line lower).
// 2022年's 合计 at 74–76 stands over amounts that end at 80, under 小计 at 79–81 too.
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

// `pdftotext -layout -fixed 6`: L2125–L2148 (title, caption and header) and L2220–L2233 (row 4, a staircase of
// amounts run together). 公务接待费 and 小计 stand 2 to 6 columns from 因公出国 and 公务用车购置费 printed lower.
const THREE_PUBLIC_6 = [
  '                              2022年部门综合预算一般公共预算拨款“三公”经费、',
  '                                           会议费、培训费表（不含上年结转）',
  '         预算单位：西安市交通运输局                                                                                                  金额单位：万元',
  '',
  '                                          2021年                             2022年                            增减变化情况',
  '',
  '                                 一般公共预算拨款安排的“三                    一般公共预算拨款安排的“三公”                   一般公共预算拨款安排的“三公”',
  '                                      公”经费预算                              经费预算                              经费预算',
  '',
  '                                     因     公务用车购置                     因      公务用车购置及                     因      公务用车购置及',
  '                                     公     及运行维护费                     公        运行维护费                     公        运行维护费',
  '             单位编                                      会                                  会',
  '         序号         单位名称             出  公                培训           出   公                 培训           出   公              会议 培训',
  '               码            合计                 公   公  议      合计                   公      议      合计                  公',
  '                                     国  务      务   务      费           国   务       务          费           国   务      务        费   费',
  '                                小计   （  接             费           小计  （   接          公务  费           小计  （   接          公务',
  '                                               用   用                              用                                 用',
  '                                     境  待   小                         境   待          用车                  境   待          用车',
  '                                               车   车                         小计   车                             小计  车',
  '                                     ）  费   计                         ）   费          运行                  ）   费          运行',
  '                                               购   运                              购                                 购',
  '                                     费                                费               费                  费               费',
  '                                               置   行                              置                                 置',
  '                                     用         费   费                  用           费                      用          费',
  '                  西安市出租汽',
  '          4  222002          13.69',
  '                                 2.340.00',
  '                                        2.340.00',
  '                                               0.000.00',
  '                                                      2.34 9.017.792.34',
  '                                                                      0.002.340.00',
  '                                                                                 0.00 0.00',
  '                                                                                         2.453.00-5.90',
  '                                                                                                     0.000.00',
  '                                                                                                            0.00 0.00',
  '                                                                                                                    0.00 0.000.11',
  '                                                                                                                                -6.01',
  '                  车管理处',
].join('\n');

const TOTAL = [
  346.73, 117.49, 0, 40.49, 77, 0, 77, 85.46, 143.76, 472.89, 248.84, 0, 38.84, 210, 0, 210, 44.89, 179.18, 126.16, 131.35, 0,
  -1.65, 133, 0, 133, -40.58, 35.4,
];
const TAXI = [13.69, 2.34, 0, 2.34, 0, 0, 0, 2.34, 9.01, 7.79, 2.34, 0, 2.34, 0, 0, 0, 2.45, 3, -5.9, 0, 0, 0, 0, 0, 0, 0.11, -6.01];

function read(text: string): { table: Table; unparsed: unknown[] } {
  const result = parseTables(toSourceLines(text), 'aligned');
  expect(result.tables).toHaveLength(1);
  return { table: result.tables[0], unparsed: result.unparsed };
}

const valuesOf = (t: Table, row: TableRow | undefined) => t.columns.map((c) => row?.values[c.key] ?? null);

describe('a three-year 三公 table at a coarse character pitch', () => {
  for (const [pitch, text] of [
    ['5', THREE_PUBLIC_5],
    ['6', THREE_PUBLIC_6],
  ] as const) {
    it(`reads the header's 27 columns at -fixed ${pitch}, 合计 and 小计 of each block among them`, () => {
      const { table: t } = read(text);
      expect(t.columns.map((c) => c.key)).toEqual([
        ...['total', 'three-public', 'outbound-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation'].map((k) => `${k}-previous`),
        'meeting-previous',
        'training-previous',
        ...['total', 'three-public', 'outbound-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'meeting', 'training'],
        ...['c19', 'c20', 'c21', 'c22', 'c23', 'c24', 'c25', 'c26', 'c27'],
      ]);
      expect(t.columns[18].label).toBe('增减变化情况合计');
      // 公务用车购置 / 及运行维护费 is one group over 小计, 购置费 and 运行费.
      const parent = (key: string) => t.columns.find((c) => c.key === key)?.parent;
      expect(parent('vehicle-purchase-previous')).toBe('vehicles-previous');
      expect(parent('vehicle-operation')).toBe('vehicles');
    });

    it(`places row 4's 27 amounts and joins its name around them at -fixed ${pitch}`, () => {
      const { table: t, unparsed } = read(text);
      const row = t.rows.find((r) => r.texts?.unitCode === '222002');
      expect(row?.name).toBe('西安市出租汽车管理处');
      expect(valuesOf(t, row)).toEqual(TAXI);
      expect(unparsed).toEqual([]);
    });
  }

  it('reads the 合计 row printed as a staircase at -fixed 5', () => {
    const { table: t } = read(THREE_PUBLIC_5);
    expect(valuesOf(t, t.rows.find((r) => r.name === '合计'))).toEqual(TOTAL);
  });

  it('takes a step under a cell pushed right of its column (-fixed 6 L2149–L2150)', () => {
    const [above, below] = ['          1       合计         346.73 117.49', '                                     0.00'].map(wordCells);
    // `117.49` at 36–42, one space after `346.73`; `0.00` at 37–41 ends short of it.
    expect(stepsRight(above.slice(2), below)).toBe(true);
    // A narrower amount ending under a lone one is that column's next row.
    expect(stepsRight(wordCells('          1,234.00'), wordCells('              5.00'))).toBe(false);
  });
});

describe('an amount run on into a numbered item at a coarse character pitch', () => {
  // 西安 2022 收支总表 at -fixed 6, L354: the income side's `74868.34` touches the expenditure side's `1、` (the default
  // -layout text's L360 prints `74868.34    1、一般公共服务支出`); the line's `2243.55` says its amounts print two decimals.
  it('cuts it where the decimals of the line\'s amounts end', () => {
    const cells = alignedCells('          2   1、财政拨款                 74868.341、一般公共服务支出                                         19443.341、机关工资福利支出            2243.55').map((c) => c.text);
    expect(cells).toEqual(['2', '1、财政拨款', '74868.34', '1、一般公共服务支出', '19443.34', '1、机关工资福利支出', '2243.55']);
  });

  // L361: no amount of its own on the line says where `552.72` ends (`552.724、机关资本性支出（二）`): left as printed.
  it('leaves it whole where no amount of the line says its decimals', () => {
    expect(alignedCells('          5    (2)政府性基金拨款                    4、公共安全支出                                             552.724、机关资本性支出（二）').map((c) => c.text)).toContain('552.724、机关资本性支出（二）');
  });
});
