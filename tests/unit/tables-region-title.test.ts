import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { findAlignedRegions } from '../../src/ingest/tables/aligned/regions.ts';
import { findRegions } from '../../src/ingest/tables/spaced/regions.ts';
import { findTabbedRegions } from '../../src/ingest/tables/tabbed/regions.ts';

// A table's title is found by one rule in every layout (tables/shared/region-title.ts); each finder says only which
// of its lines print one phrase. The tables are made up, each body as its layout prints it.
const bodies = {
  aligned: ['单位：万元', '  项目            合计        基本支出', '  合计           10.00        10.00'],
  spaced: ['单位：万元', '项目 合计 基本支出', '合计 10.00 10.00'],
  tabbed: ['单位：万元', '项目\t合计\t基本支出', '合计\t10.00\t10.00'],
};

function titles(title: string[]): Record<keyof typeof bodies, [string, string][]> {
  const text = (body: string[]) => toSourceLines([...title, ...body].join('\n'));
  return {
    aligned: findAlignedRegions(text(bodies.aligned)).map((r) => [r.kind, r.title]),
    spaced: findRegions(text(bodies.spaced)).map((r) => [r.titleKind ?? '', r.title ?? '']),
    tabbed: findTabbedRegions(text(bodies.tabbed)).map((r) => [r.kind, r.title]),
  };
}

describe('a table’s title, the same in every layout', () => {
  const wrapped = ['2026年部门一般公共预算拨款“三公”经费、', '会议费、培训费表'];
  const joined: [string, string] = ['three-public-expenditure', '2026年部门一般公共预算拨款“三公”经费、会议费、培训费表'];

  it('joins a title wrapped onto a second line, up to three blank lines between the two', () => {
    for (const gap of [0, 1, 3]) {
      const found = titles([wrapped[0], ...Array<string>(gap).fill(''), wrapped[1]]);
      expect(found, `${gap} blank lines`).toEqual({ aligned: [joined], spaced: [joined], tabbed: [joined] });
    }
  });

  it('does not join two lines four blank lines apart', () => {
    expect(titles([wrapped[0], '', '', '', '', wrapped[1]])).toEqual({ aligned: [], spaced: [], tabbed: [] });
  });

  it('does not end a wrapped title with a title of its own: the line above is a row’s name', () => {
    const own: [string, string] = ['income-summary', '收入预算总表'];
    expect(titles(['上年结转和结余资金', '收入预算总表'])).toEqual({ aligned: [own], spaced: [own], tabbed: [own] });
  });
});

// What confirms a title is one rule too (confirmedTitleAt): a unit line near it, or else the header under it; each
// finder says how far its unit line may stand and what its header is.
function found(layout: keyof typeof bodies, lines: string[]): string[] {
  const text = toSourceLines(lines.join('\n'));
  if (layout === 'aligned') return findAlignedRegions(text).map((r) => r.title);
  if (layout === 'spaced') return findRegions(text).map((r) => r.title ?? '');
  return findTabbedRegions(text).map((r) => r.title);
}

describe('what confirms a table’s title, the same in every layout', () => {
  it('a unit line under it, where the table is printed empty', () => {
    const empty = ['收入预算总表', '单位：万元', '本表无数据。'];
    for (const layout of ['aligned', 'spaced', 'tabbed'] as const) expect(found(layout, empty), layout).toEqual(['收入预算总表']);
  });

  it('a tab-separated document’s empty table is a table declared empty, not a row of its unit line and note', () => {
    const text = ['某某局2026年部门预算', '收入预算总表', '单位：万元', '项目\t合计\t财政拨款', '合计\t10.00\t10.00', '', '政府性基金预算支出表', '单位：万元', '本表无数据。'];
    const doc = parseDisclosure(text.join('\n'), { file: 'x.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    const empty = doc.tables.find((t) => t.title === '政府性基金预算支出表');
    expect([empty?.declaredEmpty, empty?.rows.length, empty?.notes, empty?.lines]).toEqual([true, 0, ['本表无数据。'], { first: 7, last: 9 }]);
  });

  it('no unit line and no header: a table of contents names the tables, one a line', () => {
    const contents = ['收入预算总表', '支出预算总表', '财政拨款收支预算总表'];
    for (const layout of ['aligned', 'spaced', 'tabbed'] as const) expect(found(layout, contents), layout).toEqual([]);
  });

  it('the header under it where no unit line is printed, except in aligned text', () => {
    expect(found('spaced', ['支出预算总表', '项目 合计 基本支出', '合计 10.00 10.00'])).toEqual(['支出预算总表']);
    expect(found('tabbed', ['支出预算总表', '项目\t合计\t基本支出', '合计\t10.00\t10.00'])).toEqual(['支出预算总表']);
    expect(found('aligned', ['支出预算总表', '  项目            合计        基本支出', '  合计           10.00        10.00'])).toEqual([]);
  });

  it('a unit line over it, past the table’s number, only in single-space text (as pdftotext -raw prints it)', () => {
    // No header words over the row: the unit line alone confirms the title.
    expect(found('spaced', ['单位：万元', '表2', '支出预算总表', '合计 10.00 10.00'])).toEqual(['支出预算总表']);
    expect(found('spaced', ['单位：万元', '说明', '支出预算总表', '合计 10.00 10.00'])).toEqual([]);
  });
});

// A page that opens with a numbered heading over the table's full title (as 福州 2026 prints each table, -layout
// L223–L226: `\f二、收入预算总表` / blank / `2026 年度收入预算总表` / `单位：万元`). The fixture, line by line:
// L1 title, L2 unit line, L3 header, L4 row 合计 10.00; L5 form feed and heading `二、支出预算总表`, L6 blank,
// L7 the full title `2026年度支出预算总表`, L8 unit line, L9 header, L10 row 合计 20.00.
describe('a heading over the table’s own title, the same in every layout', () => {
  const printed = (body: string[]) => ['收入预算总表', ...body, '\f二、支出预算总表', '', '2026年度支出预算总表', ...body.map((l) => l.replace('10.00', '20.00'))].join('\n');
  const fixture = (body: string[]) => toSourceLines(printed(body));

  it('starts the next table at the heading, and the table before ends on its last row', () => {
    const expected = [
      ['income-summary', '收入预算总表', 1, 4],
      ['expenditure-summary', '2026年度支出预算总表', 5, 10],
    ];
    const aligned = findAlignedRegions(fixture(bodies.aligned)).map((r) => [r.kind, r.title, r.titleIndex + 1, r.end + 1]);
    const spaced = findRegions(fixture(bodies.spaced)).map((r) => [r.titleKind, r.title, r.first, r.last]);
    const tabbed = findTabbedRegions(fixture(bodies.tabbed)).map((r) => [r.kind, r.title, r.start + 1, r.end + 1]);
    expect({ aligned, spaced, tabbed }).toEqual({ aligned: expected, spaced: expected, tabbed: expected });
  });

  it('a tab-separated table reads the full title under the heading as its title: no row, no note', () => {
    // The title's own line (L7) is the one a tab-separated table's notes are read under.
    expect(findTabbedRegions(fixture(bodies.tabbed)).map((r) => r.titleIndex + 1)).toEqual([1, 7]);
    const doc = parseDisclosure(printed(bodies.tabbed), { file: 'x.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.tables.map((t) => [t.title, t.rows.map((r) => [r.name, r.lines.first])])).toEqual([
      ['收入预算总表', [['合计', 4]]],
      ['2026年度支出预算总表', [['合计', 10]]],
    ]);
    expect(doc.tables.map((t) => t.notes ?? [])).toEqual([[], []]);
  });
});
