import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { holdsFigure, looksLikeValue, looksLikeValueList, looksQualitative } from '../../src/ingest/performance/value.ts';
import { lostText } from '../fixtures/content-check.ts';
import { parse } from '../fixtures/fuzz/disclosure-mutations.ts';

// One-project 绩效目标 forms as `pdftotext -raw` prints them (reading order, one space between cells, no column
// kept): written for this test after the layouts of 西安 交通运输局 2022 (level names wrapped in their narrow merged
// cells, values such as 78万 and 》95%) and 烟台 水务 2026 (the grid's label 绩效指标 and short 二级 names on every row),
// with other names and figures.
const targetOf = (lines: string[]) => parsePerformance(toSourceLines(lines.join('\n')), new Set()).targets[0];
const rows = (lines: string[]) => targetOf(lines).indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.lines.first, i.lines.last]);

describe('a -raw form whose level names wrap in their merged cells', () => {
  const text = [
    '2022年部门专项业务经费绩效目标表', // 1
    '项目名称 档案数字化',
    '一级指标 二级指标 指标内容 指标值',
    '产出指标',
    '数量指标 整理卷数 12万册', // 5
    '时效指标 按期完成率 》95%',
    '成本指标 扫描费用 36万',
    '效益指标',
    '经济效益',
    '指标', // 10
    '社会效益',
    '指标',
    '档案查阅效率 有所提升',
    '可持续影响',
    '指标', // 15
    '档案保存年限 长久',
    '满意度',
    '指标',
    '服务对象',
    '满意度指标', // 20
    '查档群众满意度 基本满意',
  ];

  it('joins 经济效益 / 指标, 满意度 / 指标 and 服务对象 / 满意度指标, and reads 36万 and 》95% as values', () => {
    expect(rows(text)).toEqual([
      ['产出指标', '数量指标', '整理卷数', '12万册', 5, 5],
      ['产出指标', '时效指标', '按期完成率', '》95%', 6, 6],
      ['产出指标', '成本指标', '扫描费用', '36万', 7, 7],
      ['效益指标', '社会效益指标', '档案查阅效率', '有所提升', 13, 13],
      ['效益指标', '可持续影响指标', '档案保存年限', '长久', 16, 16],
      ['满意度指标', '服务对象满意度指标', '查档群众满意度', '基本满意', 21, 21],
    ]);
    expect(targetOf(text).flag).toBeNull();
  });
});

describe('a -raw form printing the grid’s label and the short 二级 names on every row', () => {
  const text = [
    '政策和项目预算绩效目标表', // 1
    '项目名称 河道保洁',
    '一级指标 二级指标 三级指标 指标值',
    '绩效指标 成本指标 经济成本 保洁成本控制 ≤26万元',
    '绩效指标 成本指标 社会成本 用工人数 ≤12人', // 5
    '绩效指标 产出指标 时效指标 保洁完成时间 2026年6月底前',
    '绩效指标 满意度指标 服务对象满意度',
    '指标',
    '沿岸居民满意度 ≥90%',
  ];

  it('reads 经济成本 and 社会成本 as 二级 names, and 服务对象满意度 / 指标 as one', () => {
    expect(rows(text)).toEqual([
      ['成本指标', '经济成本', '保洁成本控制', '≤26万元', 4, 4],
      ['成本指标', '社会成本', '用工人数', '≤12人', 5, 5],
      ['产出指标', '时效指标', '保洁完成时间', '2026年6月底前', 6, 6],
      ['满意度指标', '服务对象满意度指标', '沿岸居民满意度', '≥90%', 9, 9],
    ]);
  });

  it('keeps the label 绩效指标 as printed on the lines of its rows', () => {
    const printed = (targetOf(text).printed ?? []).filter((p) => p.text === '绩效指标').map((p) => p.lines.first);
    // Line 7 prints levels only: no indicator holds it, and it is kept whole.
    expect(printed).toEqual([4, 5, 6]);
    expect((targetOf(text).printed ?? []).find((p) => p.lines.first === 7)?.text).toBe('绩效指标 满意度指标 服务对象满意度');
  });
});

describe('a -raw form whose last 三级 name repeats its 二级 name', () => {
  // 福州 科技局 prints 服务对象满意度指 / 标 in the 二级 cell and 服务对象满意度指标 again as the row's own name.
  const text = [
    '项目支出绩效目标表', // 1
    '一级指标 二级指标 三级指标 指标值',
    '产出指标',
    '数量指标 举办讲座场次 ≥6场次',
    '满意度指标', // 5
    '服务对象满意度指',
    '标',
    '服务对象满意度指标 ≥85%',
  ];

  it('reads the repeated name as the row’s, its value kept', () => {
    expect(rows(text)).toEqual([
      ['产出指标', '数量指标', '举办讲座场次', '≥6场次', 4, 4],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度指标', '≥85%', 8, 8],
    ]);
  });
});

describe('a -raw form whose values are told from the names only in part', () => {
  const text = [
    '2022年部门整体支出绩效目标表', // 1
    '部门（单位）名称 某某局',
    '一级指标 二级指标 指标内容 指标值',
    '产出指标',
    '数量指标', // 5
    '在编人员 214',
    '养护里程 国道52.6公里，县道318公里',
    '质量指标',
    '年度考核等次 优',
    '巡查覆盖率 >90%', // 10
    '效益指标',
    '社会效益指标',
    '营造良好营商环境，提高',
    '服务群众能力',
    '有所提升', // 15
    '生态效益指标 河道环境 清、净、美',
    '可持续影响指标',
    '依法行政理念 长期',
  ];
  const target = targetOf(text);

  it('reads a bare figure and a text of figures at a line’s end as values, and flags each', () => {
    expect(rows(text).slice(0, 4)).toEqual([
      ['产出指标', '数量指标', '在编人员', '214', 6, 6],
      ['产出指标', '数量指标', '养护里程', '国道52.6公里，县道318公里', 7, 7],
      ['产出指标', '质量指标', '年度考核等次', '优', 9, 9],
      ['产出指标', '质量指标', '巡查覆盖率', '>90%', 10, 10],
    ]);
    expect(target.flag).toContain('第 6 行的指标值「214」只凭行末的数字读出');
    expect(target.flag).toContain('第 7 行的指标值「国道52.6公里，县道318公里」只凭行末的数字读出');
  });

  it('reads a lone qualitative word as a piece of the name when a value’s line follows it', () => {
    expect(rows(text)[4]).toEqual(['效益指标', '社会效益指标', '营造良好营商环境，提高服务群众能力', '有所提升', 13, 15]);
  });

  // 清、净、美 is no value by its form: the line is a row of its own only because the next prints another 二级 name.
  it('reads a row of its 二级 name and two words before another 二级 name as a row, its value by its place, flagged', () => {
    expect(rows(text).slice(5)).toEqual([
      ['效益指标', '生态效益指标', '河道环境', '清、净、美', 16, 16],
      ['效益指标', '可持续影响指标', '依法行政理念', '长期', 18, 18],
    ]);
    expect(target.flag).toContain('第 16 行的指标值「清、净、美」只凭它在行中的位置读出');
  });
});

describe('value forms of single-space rows', () => {
  it('knows a counted unit in ten thousands, 万 alone and 平方', () => {
    expect(looksLikeValue('20万辆')).toBe(true);
    expect(looksLikeValue('78万')).toBe(true);
    expect(looksLikeValue('2380平方')).toBe(true);
    expect(looksLikeValue('2021')).toBe(false);
  });

  it('knows a percentage behind a mark, a due date with 底前, and a grade', () => {
    expect(looksLikeValue('》95%')).toBe(true);
    expect(looksLikeValue('2026年7月底前')).toBe(true);
    expect(looksQualitative('优')).toBe(true);
    expect(looksQualitative('正常')).toBe(true);
  });

  it('knows a list of values, one for each indicator a name lists', () => {
    expect(looksLikeValueList('1：>=95%；2：有所提升；3：有所提高')).toBe(true);
    expect(looksLikeValueList('<=96万/年；<=4万/年；<=16.58万/年.')).toBe(true);
    expect(looksLikeValueList('2条/年；500M的1条，300M的2条')).toBe(false);
    expect(looksLikeValueList('有所提升')).toBe(false);
  });

  it('tells a figure among words from a name without one', () => {
    expect(holdsFigure('1318')).toBe(true);
    expect(holdsFigure('上年合同结束时间；12个月')).toBe(true);
    expect(holdsFigure('执法规范、程序合法可持续')).toBe(false);
  });
});

// A row printing its own 二级 name and two words whose last is a value said in a phrase, not known by its form:
// 烟台 水务局 2026 `-raw` L1127 (`绩效指标 效益指标 社会效益指标 保障地方政府公信力 有效保障，避免信用风险`) and
// 西安 交通运输局 2022 `-raw` L2337 (`生态效益指标 道路通行环境 绿、洁、畅、通`), with other names here.
describe('a -raw row whose value is a phrase, before a line printing another 二级 name', () => {
  const head = ['2026年项目支出绩效目标表', '项目名称 河道保洁', '一级指标 二级指标 三级指标 指标值'];

  it('is a row of its own when the next row prints its 二级 name, its value read by its place and flagged', () => {
    const lines = [...head, '绩效指标 效益指标 社会效益指标 保障河道环境 有效维护，避免水体污染', '绩效指标 效益指标 生态效益指标 项目可持续性 可持续'];
    expect(rows(lines)).toEqual([
      ['效益指标', '社会效益指标', '保障河道环境', '有效维护，避免水体污染', 4, 4],
      ['效益指标', '生态效益指标', '项目可持续性', '可持续', 5, 5],
    ]);
    expect(targetOf(lines).flag).toContain('第 4 行的指标值「有效维护，避免水体污染」只凭它在行中的位置读出');
  });

  it('is a row of its own when the next line is a 二级 name alone', () => {
    const lines = [...head, '效益指标', '生态效益指标 河道通行环境 清、洁、畅、美', '可持续影响指标', '长效管护、群众参与的', '机制', '长期'];
    expect(rows(lines)).toEqual([
      ['效益指标', '生态效益指标', '河道通行环境', '清、洁、畅、美', 5, 5],
      ['效益指标', '可持续影响指标', '长效管护、群众参与的机制', '长期', 7, 9],
    ]);
  });

  it('is still a piece of the next row’s name where no other 二级 name follows', () => {
    const lines = [...head, '效益指标', '社会效益指标 群众满意的 河道环境', '改善程度 明显提升'];
    expect(rows(lines)).toEqual([['效益指标', '社会效益指标', '群众满意的河道环境改善程度', '明显提升', 5, 6]]);
  });
});

// 烟台 水务局 2026 `-raw` L1177–L1189, other names here: a 社会效益指标 row whose name and value are sentences, no
// value known by its form, then a 可持续影响指标 row whose value is none either, then the 满意度 row.
describe('-raw rows whose values are sentences, before rows printing their own level names', () => {
  const lines = [
    '2026年项目支出绩效目标表',
    '项目名称 河道保洁',
    '一级指标 二级指标 三级指标 指标值',
    '绩效指标 效益指标 社会效益指标', // 4
    '研判河道水质状况，', // 5
    '形成评价成果，提出治理建',
    '议.对水质状况研判的有效性；成',
    '因分析的准确性。', // 8
    '绩效指标 效益指标 可持续影响指标 建立河道长效管护', // 9
    '机制',
    '绩效指标 满意度指标', // 11
    '服务对象满意度',
    '指标 沿河居民满意度 ≥90%', // 13
  ];
  const target = targetOf(lines);

  it('keeps as printed and flags the lines pending before a line of other level names and a name', () => {
    expect(target.flag).toContain('第 5–8 行没有认出指标值，按原样保留');
    expect(target.printed!.filter((p) => p.lines.first >= 5 && p.lines.first <= 8).map((p) => p.text)).toEqual([
      '研判河道水质状况，',
      '形成评价成果，提出治理建',
      '议.对水质状况研判的有效性；成',
      '因分析的准确性。',
    ]);
  });

  it('keeps as printed the level names of a line read into a row of other level names', () => {
    expect(rows(lines)).toEqual([['满意度指标', '服务对象满意度指标', '建立河道长效管护机制沿河居民满意度', '≥90%', 9, 13]]);
    expect(target.flag).toContain('第 9–13 行的指标名称由几行拼成');
    expect(target.printed!.filter((p) => p.lines.first === 9).map((p) => p.text)).toEqual(expect.arrayContaining(['效益指标', '可持续影响指标']));
    expect(lostText(lines.join('\n'), parse(lines.join('\n')))).toEqual([]);
  });
});
