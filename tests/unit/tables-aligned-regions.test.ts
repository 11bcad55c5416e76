import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { findAlignedRegions } from '../../src/ingest/tables/aligned/regions.ts';

// Where a table of `pdftotext -layout` text (or the PDF reader's, laid out the same way) starts: its title.
describe('aligned text: a table’s title', () => {
  const body = ['单位：万元', '  项目            合计        基本支出', '  合计           10.00        10.00'];
  const regions = (title: string[]) => findAlignedRegions(toSourceLines([...title, ...body].join('\n')));

  it('joins a title wrapped onto a second line, with the blank lines a wider gap leaves between them', () => {
    // As the PDF reader prints 西安 交通运输局 2022 表13 (page 78): three blank lines between the title's two lines.
    for (const gap of [0, 1, 3]) {
      const found = regions(['   2026年部门一般公共预算拨款“三公”经费、', ...Array<string>(gap).fill(''), '      会议费、培训费表']);
      expect(found.map((r) => [r.kind, r.title, r.bodyStart])).toEqual([['three-public-expenditure', '2026年部门一般公共预算拨款“三公”经费、会议费、培训费表', gap + 2]]);
    }
  });

  it('does not join lines further apart than a wrapped title leaves', () => {
    expect(regions(['   2026年部门一般公共预算拨款“三公”经费、', '', '', '', '', '      会议费、培训费表'])).toEqual([]);
  });
});

// A table's number set a column apart from its title: 北京 民政局 2026 报表 at a character pitch of 3 points
// (`pdftotext -layout -fixed 3`, L1–L2 and L37), where the default pitch prints `预算01表 收支总表` one space apart.
describe('aligned text: a table’s number a column apart from its title', () => {
  const body = ['  项目            合计        基本支出', '  合计           10.00        10.00'];
  const regions = (lines: string[]) => findAlignedRegions(toSourceLines(lines.join('\n')));

  it('reads the number and the title as one title', () => {
    const found = regions(['                  预算01表          收支总表', '                                  金额单位：万元', ...body]);
    expect(found.map((r) => [r.kind, r.title, r.bodyStart])).toEqual([['income-expenditure-summary', '预算01表 收支总表', 1]]);
  });

  it('takes no other pair of cells for a title: a row naming a table beside its amount', () => {
    expect(regions(['  收支总表          10.00', '                                  金额单位：万元', ...body])).toEqual([]);
  });
});
