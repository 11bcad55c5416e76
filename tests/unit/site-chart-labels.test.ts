import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../src/site/chart-labels.ts';

describe('chart axis labels on a phone', () => {
  it('keeps a name that fits on one line with its code, and gives the code a line of its own otherwise', () => {
    expect(wrapLabel('221 住房保障支出', 14, 2)).toEqual(['221 住房保障支出']);
    expect(wrapLabel('221 住房保障支出', 8, 3)).toEqual(['221', '住房保障支出']);
  });

  it('puts a 功能分类 code on its own line and wraps the name after it', () => {
    // 208 社会保障和就业支出 of the administrative office's 收支总体情况表 (seed lines 85–158).
    expect(wrapLabel('208 社会保障和就业支出', 8, 3)).toEqual(['208', '社会保障和就业支', '出']);
  });

  it('ends a name longer than the lines allow with an ellipsis', () => {
    // A project of the 喀什经开区 budget: 深圳市龙岗区人民政府援疆扶贫资金 (16 characters).
    expect(wrapLabel('深圳市龙岗区人民政府援疆扶贫资金', 6, 2)).toEqual(['深圳市龙岗区', '人民政府援…']);
    expect(wrapLabel('深圳市龙岗区人民政府援疆扶贫资金', 8, 2)).toEqual(['深圳市龙岗区人民', '政府援疆扶贫资金']);
  });

  it('reads a year at the start of a project name on with the name', () => {
    // A project of the 喀什经开区 budget, printed with a space after its year.
    expect(wrapLabel('2024 年中央财政就业补助资金', 8, 3)).toEqual(['2024 年中央', '财政就业补助资金']);
  });

  it('never splits a character outside the BMP', () => {
    expect(wrapLabel('𠀀𠀁𠀂𠀃', 2, 1)).toEqual(['𠀀…']);
  });
});
