import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// Target forms printed with single spaces (text copied out of a PDF), read as rows of words from their prose block,
// page furniture by the block's mark (layout/prose-blocks.ts). Written for this test: each form breaks its page inside
// a row, the page's number printed alone between blank lines (`12` at line 6, `7` at line 7). Read from the line's
// shape alone, a bare number is no page number, and it was glued into the row it broke (a name `培训合格率12`, a
// description `…获得7保险理赔…`); by the block's mark it is the page's, and no field holds it.
describe('a single-space target form broken by a bare page number', () => {
  const text = [
    '培训项目绩效目标表', // 1
    '一级指标 二级指标 三级指标 指标值',
    '产出指标 数量指标 培训人次 ≥200人次', // 3
    '质量指标 培训合格率',
    '',
    '12', // 6
    '',
    '≥95%', // 8
    '效益指标 社会效益指标 受训人员满意度 ≥90%', // 9
  ];
  const [target] = parsePerformance(toSourceLines(text.join('\n')), new Set()).targets;

  it('reads the row on past the page number: 培训合格率 ≥95% (lines 4–8)', () => {
    expect(target.indicators.map((i) => [i.level2, i.name, i.value.text, i.lines.first, i.lines.last])).toEqual([
      ['数量指标', '培训人次', '≥200人次', 3, 3],
      ['质量指标', '培训合格率', '≥95%', 4, 8],
      ['社会效益指标', '受训人员满意度', '≥90%', 9, 9],
    ]);
  });
});

describe('a described target form (指标描述, 指标值, 确定依据) broken by a bare page number', () => {
  const text = [
    '保险项目绩效目标表', // 1
    '一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据',
    '产出指标',
    '成本指标 理赔金额', // 4
    '本年度审核通过后获得',
    '',
    '7', // 7
    '',
    '保险理赔的总金额', // 9
    '≥135 万元',
    '保险合同', // 11
  ];
  const [target] = parsePerformance(toSourceLines(text.join('\n')), new Set()).targets;

  it('reads the description around the page number and ≥135 万元 as the value (lines 4–11)', () => {
    expect(target.indicators.map((i) => [i.level2, i.name, i.description, i.value.text, i.basis, i.lines.first, i.lines.last])).toEqual([
      ['成本指标', '理赔金额', '本年度审核通过后获得保险理赔的总金额', '≥135万元', '保险合同', 4, 11],
    ]);
  });
});
