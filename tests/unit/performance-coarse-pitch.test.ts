import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { alignedCells, amountsRunOn, stepsRight, wordCells } from '../../src/ingest/layout/cells.ts';

// Target forms extracted at a coarser character pitch than the print: 北京 民政局 2026 报表 volume as
// `pdftotext -layout -fixed 6` gives it, where a row's amounts overlap and the extractor sets them on lines of their own
// further right (a staircase) or runs them into the cell after them.

// pdftotext -layout -fixed 6 of beijing-civil-affairs-2026-tables.pdf, L2905–L2918, L2923, L2926–L2928 (the goal's
// three lines cut short): 预算13表's funds printed as a staircase of amounts run together.
const card = `                                                         预算13表 部门整体支出绩效目标表
                                                                  （2026年度）

                         部门名称             北京市民政局
                                                                     财政拨款                                 其他资金
                                           预算支出总额
                     总体资金情况（万元）                           合计         基本支出        项目支出          合计         基本支出        项目支出
                                             69,317.30520268,310.156361
                                                                      45,537.409377
                                                                                  22,772.7469841,007.148841 443.145628  564.003213

                                          以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党
                               整体绩效目标     署，立足职责定位，锚定目标任务，不断健全完善养老服务体系
                                          平，持续夯实基层基础工作，推动首都民政事业高质量发展。
                                其他说明
                                        活动                     绩效指标              指标性质               指标值               度量单位
                             养老服务                     产出指标数量指标加载社会优待功能受理率     ＝           100                      %
                             养老服务                     产出指标数量指标居家养老床位投保人数      ≥           4500                     人`;

describe('a 部门整体 form whose funds row is printed as a staircase', () => {
  const targets = parsePerformance(toSourceLines(card), new Set()).targets;

  it('reads the steps as one row: the total, then each 合计 under 财政拨款 and 其他资金', () => {
    expect(targets).toHaveLength(1);
    // Default -layout L2885: 69,317.305202  68,310.156361  45,537.409377  22,772.746984  1,007.148841  443.145628  564.003213
    expect(targets[0].funds).toEqual({ total: 69317.305202, fiscal: 68310.156361, other: 1007.148841 });
    expect(targets[0].goal).toMatch(/^以习近平新时代中国特色社会主义思想为指导/);
  });
});

// The same text, L702–L707 (the table's title and header) and L2886–L2903: 久敬庄接济服务中心项目尾款's 其他资金 runs
// into the first line of its goal (`107.515237提供相应条件，`).
const projects = `                                                         预算表12    项目支出绩效目标表
                                                                                                                     金额单位：万元

                                          其中：
          项目名称         项目总额                                绩效目标       一级指标      二级指标       三级指标     绩效指标性质     本年绩效指标值      绩效度量单位
                                   财政资金         其他资金
                                                         通过开展相关服                            成及时率
       11000026T00000374                                 务，为工作开展      成本指标      经济成本指标   社会化服务成本        ≤        187.383956    万元
       5220-久敬庄接济服    756.960156   649.444919  107.515237提供相应条件，                         中心工作正常运
        务中心项目尾款                                          确保整体服务工      效益指标      社会效益指标                  ＝           100         %
                                                                                             转率
                                                          作有序进行。                         驻中心工作人员
                                                                               服务对象满意度
                                                                     满意度指标               对各项服务满意        ≥           90          %
                                                                                  指标
                                                                                              度
                                                                      产出指标       质量指标    采购验收合格率        ＝           100         %
                                                                      产出指标       时效指标     购置完成时间        ≤           10          月
       11000026T00000374                                 购置业务用品，
       8243-久敬庄接济用     90.200000   90.200000             保障日常工作开                         保障工作正常运
                                                                      效益指标      社会效益指标                 定性           优
          品采购项目                                              展。                               转
                                                                               服务对象满意度
                                                                     满意度指标               使用人员满意度        ≥           90          %`;

describe('a project table whose last amount runs into the goal beside it', () => {
  const targets = parsePerformance(toSourceLines(projects), new Set()).targets;

  it('cuts the amount from the goal: the project’s three funds, its goal without it', () => {
    const target = targets.find((t) => t.projectName === '5220-久敬庄接济服务中心项目尾款');
    // Default -layout L2861: 5220-久敬庄接济服  756.960156   649.444919   107.515237   提供相应条件，
    expect(target?.funds).toEqual({ total: 756.960156, fiscal: 649.444919, other: 107.515237 });
    expect(target?.goal).toBe('通过开展相关服务，为工作开展提供相应条件，确保整体服务工作有序进行。');
  });
});

describe('the layout stage’s cuts for a coarse pitch', () => {
  it('cuts an amount run into an ideograph after an amount of its decimals, not before a money unit', () => {
    expect(amountsRunOn(wordCells('  649.444919  107.515237提供相应条件，')).map((c) => c.text)).toEqual(['649.444919', '107.515237', '提供相应条件，']);
    expect(amountsRunOn(wordCells('  1.00  2.00万元')).map((c) => c.text)).toEqual(['1.00', '2.00万元']);
    expect(amountsRunOn(wordCells('  1.0  2.00提供相应条件')).map((c) => c.text)).toEqual(['1.0', '2.00提供相应条件']);
    expect(amountsRunOn(wordCells('  名称  2.00提供相应条件')).map((c) => c.text)).toEqual(['名称', '2.00提供相应条件']);
  });

  it('cuts a cell opening with an amount run into the next cell’s text, not into its unit', () => {
    // pdftotext -layout -fixed 6 of hangzhou-transport-2026-budget.pdf L738 (表4, 财政拨款收支预算总表); the default
    // -layout L728 prints `414883.38   一般公共服务支出`.
    const line = '           一般公共预算                          414883.38一般公共服务支出                             6,701.98';
    expect(alignedCells(line)).toEqual([
      { text: '一般公共预算', start: 11, end: 17 },
      { text: '414883.38', start: 43, end: 52, glued: true },
      { text: '一般公共服务支出', start: 52, end: 60 },
      { text: '6,701.98', start: 89, end: 97 },
    ]);
    expect(alignedCells('  30.00平方米').map((c) => c.text)).toEqual(['30.00平方米']);
    expect(alignedCells('  12.00万元以上的').map((c) => c.text)).toEqual(['12.00万元以上的']);
  });

  it('takes a line’s cells as the next step of the row above only where the two could not share a line', () => {
    const [above, below, apart] = ['  69,317.305202', '              45,537.409377', '                  45,537.409377'].map(wordCells);
    expect(stepsRight(above, below)).toBe(true);
    expect(stepsRight(above, apart)).toBe(false);
  });
});
