import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
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
