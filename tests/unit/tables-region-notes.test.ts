import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { findAlignedRegions } from '../../src/ingest/tables/aligned/regions.ts';
import { findRegions } from '../../src/ingest/tables/spaced/regions.ts';
import { findTabbedRegions } from '../../src/ingest/tables/tabbed/regions.ts';

// A table's notes end it by one rule in every layout (tables/shared/region-text.ts TableNotes). Made-up tables, each
// as its layout prints it: title (line 1), unit (2), header (3), a row (4), then what the test puts under them.
const bodies = {
  aligned: ['一般公共预算支出表', '单位：万元', '  项目            合计        基本支出', '  合计           10.00        10.00'],
  spaced: ['一般公共预算支出表', '单位：万元', '项目 合计 基本支出', '合计 10.00 10.00'],
  tabbed: ['一般公共预算支出表', '单位：万元', '项目\t合计\t基本支出', '合计\t10.00\t10.00'],
};

/** The last line (1-based) of each layout's first table, with `under` printed below its row. */
function lastLines(under: string[]): Record<keyof typeof bodies, number> {
  const text = (body: string[]) => toSourceLines([...body, ...under].join('\n'));
  const aligned = text(bodies.aligned);
  const tabbed = text(bodies.tabbed);
  return {
    aligned: aligned[findAlignedRegions(aligned)[0].end].no,
    spaced: findRegions(text(bodies.spaced))[0].last,
    tabbed: tabbed[findTabbedRegions(tabbed)[0].end].no,
  };
}

describe('a table’s notes, the same in every layout', () => {
  it('takes a short statement that the table is empty, with no 注：, and ends the table after it', () => {
    expect(lastLines(['本表无数据。', '三、其他重要事项的情况说明'])).toEqual({ aligned: 5, spaced: 5, tabbed: 5 });
  });

  it('ends the table at a paragraph after a note', () => {
    expect(lastLines(['注：本表金额单位为万元。', '本部门2026年收入预算较上年增加，主要原因是人员增加。'])).toEqual({ aligned: 5, spaced: 5, tabbed: 5 });
  });

  it('leaves a row printed after the notes to no table of theirs', () => {
    const row = { aligned: '  合计           20.00        20.00', spaced: '合计 20.00 20.00', tabbed: '合计\t20.00\t20.00' };
    const text = (layout: keyof typeof bodies) => toSourceLines([...bodies[layout], '注：本表金额单位为万元。', row[layout]].join('\n'));
    expect(findAlignedRegions(text('aligned'))[0].end + 1).toBe(5);
    expect(findRegions(text('spaced'))[0].last).toBe(5);
    expect(findTabbedRegions(text('tabbed'))[0].end + 1).toBe(5);
  });

  it('runs a note without a full stop on over the next line only where lines wrap (not in tab-separated text)', () => {
    expect(lastLines(['注：本表反映部门本年度一般公共预算支出', '情况，金额单位为万元。'])).toEqual({ aligned: 6, spaced: 6, tabbed: 5 });
  });
});
