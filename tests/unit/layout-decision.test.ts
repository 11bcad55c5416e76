import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { alignedGrid } from '../../src/ingest/performance/aligned.ts';
import { toSourceLines, type SourceLine } from '../../src/ingest/source-lines.ts';

/** Line `no` of a source file, as the parser numbers it. */
function lineOf(file: string, no: number): SourceLine {
  return toSourceLines(readFileSync(file, 'utf8'))[no - 1];
}

const SAMPLES = '../shared/samples/other-provinces';

describe('one layout decision for tables and performance headers (layout.ts)', () => {
  it('decides a whole document as before: seeds single-space or tabbed', () => {
    const layout = (name: string) => detectLayout(toSourceLines(readFileSync(`content/sources/${name}.txt`, 'utf8')));
    expect(layout('kashgar-administrative-office-2021-budget')).toBe('spaced');
    expect(layout('kashgar-edz-party-mass-work-dept-2024-budget')).toBe('tabbed');
  });

  it('decides a web page with one table among its prose by the table: its rows of amounts are tab-separated', () => {
    const prose = Array.from({ length: 12 }, (_, i) => `第${i + 1}段：本部门负责全县相关工作，按规定公开预算。`);
    const rows = ['科目编码\t科目名称\t合计\t基本支出\t项目支出', '213\t农林水支出\t1,200.50\t700.50\t500.00', '21301\t农业农村\t1,200.50\t700.50\t500.00', '2130101\t行政运行\t700.50\t700.50\t'];
    expect(detectLayout(toSourceLines([...prose, ...rows].join('\n')))).toBe('tabbed');
    // Two rows decide nothing: one tab-separated line pasted into single-space text does not make it a workbook.
    expect(detectLayout(toSourceLines([...prose, ...rows.slice(0, 3)].join('\n')))).toBe('spaced');
  });

  it('decides a target table header line by the same rule: tabs, single spaces', () => {
    // 开发区 seed line 1037: 一级指标⇥二级指标⇥三级指标⇥指标值⇥指标值设定依据及数据来源; 行政办 seed line 1767.
    expect(detectLayout([lineOf('content/sources/kashgar-edz-party-mass-work-dept-2024-budget.txt', 1037)])).toBe('tabbed');
    expect(detectLayout([lineOf('content/sources/kashgar-administrative-office-2021-budget.txt', 1767)])).toBe('spaced');
  });

  it.skipIf(!existsSync(SAMPLES))('an aligned header line is rewritten only where it prints the four columns', () => {
    // 北京民政局 line 2961: 一级指标 / 二级指标 / 三级指标 / 指标值 at their places.
    const beijing = lineOf(`${SAMPLES}/beijing-civil-affairs-2026-tables.txt`, 2961);
    expect(detectLayout([beijing])).toBe('aligned');
    expect(alignedGrid(beijing, [])?.header.cells).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
    // 福州科学技术局 line 672: 二级指标 / 三级指标 / 指标值, its 一级指标 on a line of its own.
    const fuzhou = lineOf(`${SAMPLES}/fuzhou-science-2026-budget.txt`, 672);
    expect(detectLayout([fuzhou])).toBe('aligned');
    expect(alignedGrid(fuzhou, [])).toBeNull();
  });
});
