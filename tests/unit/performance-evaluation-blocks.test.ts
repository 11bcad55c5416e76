import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { evaluationBlock, findHeader } from '../../src/ingest/performance/evaluation-blocks.ts';
import { isFundsUseHeader, isScoreSummaryHeader } from '../../src/ingest/performance/evaluation-tables.ts';
import { proseBlocks } from '../../src/ingest/layout/prose-blocks.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { toSourceLines, type SourceLine } from '../../src/ingest/source-lines.ts';

/** The text's prose blocks, its page numbers told by its layout as the parse tells them. */
const proseOf = (lines: readonly SourceLine[], held: ReadonlySet<number>) => proseBlocks(lines, held, detectLayout(lines));

// An evaluation report's own tables read from grid blocks (performance/evaluation-blocks.ts): the layout stage's
// cells and furniture marks, a table ending with the prose block it stands in. Written for this test, one report in
// two prints — tab-separated (a Word or web page conversion) and aligned by runs of spaces (`pdftotext -layout`) —
// line for line the same, its numbers adding up (18 + 19 + 27 + 25 = 89; 30.00 + 20.00 = 50.00 budgeted, 29.00 +
// 18.50 = 47.50 spent). Each table runs over a page break: `- 2 -` (line 11) and a bare `3` between blank lines
// (line 21) are the pages' numbers, and line 13 opens page 3 with a form feed.
function at(...cells: Array<[number, string]>): string {
  let line = '';
  for (const [column, text] of cells) line = `${line.padEnd(column)}${line.length && line.length >= column ? ' ' : ''}${text}`;
  return line;
}

type Row = readonly string[];
const SUMMARY_AT = [0, 12, 22, 32];
const FUNDS_AT = [0, 16, 36];

function report(print: (row: Row, columns: readonly number[]) => string): string[] {
  const summary = (row: Row) => print(row, SUMMARY_AT);
  const funds = (row: Row) => print(row, FUNDS_AT);
  return [
    '某县 2024 年度乡村道路养护项目绩效评价报告', // 1
    '',
    '一、项目基本情况',
    '本项目由某县交通运输局实施，养护农村公路 12 条。',
    '',
    '绩效评价评分汇总表', // 6
    summary(['一级指标', '标准分值', '得分', '得分率']),
    summary(['决策', '20', '18', '90.00%']),
    summary(['过程', '20', '19', '95.00%']),
    '',
    '- 2 -', // 11
    '',
    `\f${summary(['产出', '30', '27', '90.00%'])}`, // 13
    summary(['效益', '30', '25', '83.33%']),
    summary(['合计', '100', '89', '89.00%']), // 15
    '',
    '二、资金使用情况',
    funds(['项目内容', '预算金额（万元）', '实际执行金额（万元）']), // 18
    funds(['路面修补', '30.00', '29.00']),
    '',
    '3', // 21
    '',
    funds(['桥涵维护', '20.00', '18.50']), // 23
    '',
    '三、主要经验及做法', // 25
    '加强日常巡查。',
  ];
}

const tabbed = report((row) => row.join('\t'));
const aligned = report((row, columns) => at(...row.map((text, i): [number, string] => [columns[i], text])));

describe.each([
  ['tab-separated', tabbed],
  ['aligned', aligned],
])('an evaluation report’s tables printed %s, read from grid blocks', (_print, text) => {
  const lines = toSourceLines(text.join('\n'));
  const { evaluation } = parsePerformance(lines, new Set());
  const e = evaluation!;

  it('reads the 评分汇总表 on past the page number between its pages (lines 8, 9, 13, 14; 合计 line 15)', () => {
    expect(e.scores.map((s) => [s.level1, s.weight, s.score, s.rate, s.lines.first])).toEqual([
      ['决策', 20, 18, 90, 8],
      ['过程', 20, 19, 95, 9],
      ['产出', 30, 27, 90, 13],
      ['效益', 30, 25, 83.33, 14],
    ]);
  });

  it('reads the funds table on past the bare page number between blank lines (lines 19 and 23), not as a row', () => {
    expect(e.fundsUse.map((f) => [f.item, f.budget, f.spent, f.lines.first])).toEqual([
      ['路面修补', 30, 29, 19],
      ['桥涵维护', 20, 18.5, 23],
    ]);
  });

  it('makes each table a block: its title the caption, its header one row, the page number a furniture row', () => {
    const blocks = proseOf(lines, new Set());
    const summary = evaluationBlock(findHeader(blocks, (ls, i) => (isScoreSummaryHeader(ls[i]) ? 1 : null))!, true);
    expect(summary).toMatchObject({ title: '绩效评价评分汇总表', headerRows: 1, lines: { first: 6, last: 15 } });
    expect(summary.caption.map((l) => l.no)).toEqual([6]);
    expect(summary.rows.map((r) => r.line.no)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(summary.rows.filter((r) => r.furniture).map((r) => r.line.no)).toEqual([11]);
    expect(summary.rows[1].cells.map((c) => c.text)).toEqual(['决策', '20', '18', '90.00%']);
    const funds = evaluationBlock(findHeader(blocks, (ls, i) => (isFundsUseHeader(ls[i]) ? 1 : null))!, false);
    // No caption: the funds table's claim starts at its header; the blank and the heading under line 23 are not its.
    expect(funds).toMatchObject({ title: null, caption: [], lines: { first: 18, last: 23 } });
    expect(funds.rows.filter((r) => r.furniture).map((r) => r.line.no)).toEqual([21]);
  });
});

describe('an evaluation table’s cells, cut once by the layout stage', () => {
  it('are tab slots in a tab-separated print and character windows in an aligned one', () => {
    const cellsOf = (text: readonly string[]) => {
      const block = evaluationBlock(findHeader(proseOf(toSourceLines(text.join('\n')), new Set()), (ls, i) => (isScoreSummaryHeader(ls[i]) ? 1 : null))!, true);
      return block.rows[1].cells.map((c) => [c.text, c.start, c.end]);
    };
    expect(cellsOf(tabbed)).toEqual([['决策', 0, 1], ['20', 1, 2], ['18', 2, 3], ['90.00%', 3, 4]]);
    expect(cellsOf(aligned)).toEqual([['决策', 0, 2], ['20', 12, 14], ['18', 22, 24], ['90.00%', 32, 38]]);
  });
});

describe('an evaluation table ending where another reader’s lines begin', () => {
  // The funds table of the tab-separated print, its line 19 followed at once by a tab-separated line that a budget
  // table holds (line 20, in `taken`): the table ends at line 19, the held line no row of it.
  const lines = toSourceLines(
    [...tabbed.slice(0, 19), '附表\t合计\t50.00\t47.50', '', '三、主要经验及做法', '加强日常巡查。'].join('\n'),
  );
  const { evaluation, claimed } = parsePerformance(lines, new Set([20]));

  it('reads the rows above the held line only (line 19)', () => {
    expect(evaluation!.fundsUse.map((f) => [f.item, f.budget, f.spent, f.lines.first])).toEqual([['路面修补', 30, 29, 19]]);
    expect(claimed.some((r) => r.first <= 20 && 20 <= r.last)).toBe(false);
  });
});
