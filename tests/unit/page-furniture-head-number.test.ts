import { describe, expect, it } from 'vitest';
import { isPageFurnitureAt } from '../../src/ingest/page-furniture.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// Written for this test, as `pdftotext -raw` prints a page whose number the PDF draws first: the number opens the page,
// the form feed before it (佛山 2019 决算 -raw `\f9` between the two parts of 收入决算表; 杭州 2026 表2 -raw L610 `\f24`
// over `中心`, the end of a name wrapped over the page break). Pages open with 8 (line 1), 9 (line 4), 12 (line 7) and
// 3 (line 9).
const lines = toSourceLines(['\f8', '收入决算表', '合计 100.00', '\f9', '表 2', '某项 50.00', '\f12', '说明', '\f3', '其中 3 项'].join('\n'));

describe('a bare number opening its page', () => {
  it('is the page’s number where the page before or after opens with the number one less or one more', () => {
    // 8 (the next page opens with 9) and 9 (the page before with 8); not 12 (9 before, 3 after) nor 3 (12 before).
    expect(lines.filter((l) => isPageFurnitureAt(lines, l.no, 'spaced')).map((l) => l.no)).toEqual([1, 4]);
  });
});
