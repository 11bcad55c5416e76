import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
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

// A table printed over pages repeats its title at the top of each, and not always the unit line that confirmed it on
// its first page. Read as prose, the repeated title ended the table and the page's rows were no table's.
describe('aligned text: a title repeated over a continued page without its unit line', () => {
  const page = (rows: string[]) => ['  项目            合计        基本支出', ...rows];
  const first = ['   2026年一般公共预算支出表', '单位：万元', ...page(['  合计           30.00        30.00', '  教育支出       10.00        10.00'])];

  it('opens a region of the same table where the region before ends at it', () => {
    const lines = [...first, '\f   2026年一般公共预算支出表', ...page(['  卫生健康支出   20.00        20.00'])];
    const found = findAlignedRegions(toSourceLines(lines.join('\n')));
    expect(found.map((r) => [r.title, r.titleIndex + 1, r.end + 1])).toEqual([
      ['2026年一般公共预算支出表', 1, 5],
      ['2026年一般公共预算支出表', 6, 8],
    ]);
  });

  it('opens none for another table’s title that nothing confirms', () => {
    const lines = [...first, '\f   2026年一般公共预算基本支出表', ...page(['  工资福利支出   20.00        20.00'])];
    expect(findAlignedRegions(toSourceLines(lines.join('\n'))).map((r) => r.titleIndex + 1)).toEqual([1]);
  });

  // 西安 交通运输局 2022 -layout L659–L660: 表5's title printed again over its second page, its 预算单位 line taken out.
  const XIAN = '../shared/samples/other-provinces/xian-transport-2022-budget.txt';
  it.skipIf(!existsSync(XIAN))('reads the rows of 西安’s 表5 page under the title alone as the table’s', () => {
    const lines = readFileSync(XIAN, 'utf8').split('\n');
    expect(lines[659]).toMatch(/^预算单位：西安市交通运输局\s+金额单位：万元$/);
    const table = parseTables(toSourceLines([...lines.slice(0, 659), ...lines.slice(660)].join('\n'))).tables.find((t) => t.title === '2022年部门综合预算一般公共预算支出明细表（按功能科目分）')!;
    // L664 of the sample (L663 here) to L698 (L697): rows 18 to 35 of the table's 37.
    expect(table.rows.filter((r) => r.lines.first >= 663 && r.lines.first <= 697).map((r) => r.texts.rowNumber)).toEqual(
      Array.from({ length: 18 }, (_, i) => String(18 + i)),
    );
    expect(table.rows.find((r) => r.code === '2101102')).toMatchObject({ name: '事业单位医疗', values: { total: 522.61, personnel: 522.61 } });
  });
});

