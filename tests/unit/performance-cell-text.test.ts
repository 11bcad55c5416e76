import { describe, expect, it } from 'vitest';
import { cleanCell } from '../../src/ingest/performance/text.ts';

// The cells of a tab-separated 绩效目标表 as printed in content/sources/kashgar-edz-party-mass-work-dept-2024-budget.txt
// lines 1059-1061: the PDF's extraction put spaces between CJK characters of one cell.
describe('an indicator cell as printed', () => {
  it('loses the spaces extraction put between CJK characters, and keeps those beside a figure', () => {
    expect(cleanCell('一 级 指 标')).toBe('一级指标'); // line 1059, cell 1
    expect(cleanCell('按照完 成比例 赋分')).toBe('按照完成比例赋分'); // line 1060, cell 8
    expect(cleanCell('就业见习补贴 数量')).toBe('就业见习补贴数量'); // line 1061, cell 3
    expect(cleanCell('>=518 人')).toBe('>=518 人'); // line 1060, cell 4
  });

  it('is a cell without white space as printed, trimmed', () => {
    // line 1060, cells 5 and 7, and the empty cells 1-2 of line 1061; then line 1060's last cell padded, written for this test
    expect(cleanCell('计划标准')).toBe('计划标准');
    expect(cleanCell('5')).toBe('5');
    expect(cleanCell('')).toBe('');
    expect(cleanCell(' 工作资料 ')).toBe('工作资料');
  });
});
