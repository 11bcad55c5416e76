import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import type { Table } from '../../src/schema/table.ts';
import { alignedCells } from '../../src/ingest/layout/cells.ts';

// 北京 民政局 2026 报表 volume extracted at a character pitch coarser than its print (`pdftotext -layout -fixed 5`):
// amounts that would overlap on one line are set each on a line of its own, the next lower and further right (a
// staircase), or run together into one cell (`2,983.9440002,983.944000`). Excerpts of that extraction, as printed;
// the comments give the extraction's line numbers. The values were read against the default -layout text of the same
// volume (L44, L76, L132 and L226), where each row prints on one line.

// 预算02表 收入总表, L37–L50: its one row of amounts printed L44–L50.
const INCOME = [
  '                                                                             预算02表 收入总表',
  '                                                                                                                                                       金额单位：万元',
  '',
  '                                                           本年收入                                                                  上年结转结余',
  '            合计              一般公共预算   政府性基金预 国有资本经营 财政专户管理               事业单位经营            附属单位上缴                   一般公共预算 政府性基金预 国有资本经营 财政专户管理',
  '                      小计                                         事业收入            上级补助收入            其他收入      小计                                         单位资金',
  '                               资金      算资金      预算资金      资金               收入                收入                       资金      算资金     预算资金      资金',
  '          71,094.166056',
  '                   67,538.364392',
  '                             66,197.668103',
  '                                        808.277000               150.000000                         382.419289',
  '                                                                                                           3,555.801664',
  '                                                                                                                    1,270.007258',
  '                                                                                                                               34.204000                2,251.590406',
].join('\n');

// 预算03表 支出总表, L51–L58 (caption, header, its first row), L82, L138 and its 合计 row L232–L234.
const EXPENDITURE = [
  '                                                                            预算03表 支出总表',
  '                                                                                                                                                     金额单位：万元',
  '',
  '                                                                                                                                             其中',
  '                支出功能分类科目                  政府支出经济分类科目                  部门支出经济分类科目                合计        基本支出       项目支出      事业单位经营                对附属单位补',
  '                                                                                                                                          上缴上级支出',
  '                                                                                                                                  支出                   助支出',
  '         2050802-干部教育                50501-工资福利支出               30101-基本工资                     290.658800  290.658800',
  '         2080201-行政运行                50101-工资奖金津补贴              30101-基本工资                    2,983.9440002,983.944000',
  '         2080206-社会组织管理              50299-其他商品和服务支出            30299-其他商品和服务支出               2,671.051856  6.251856 2,664.800000',
  '                    合   计                                                                    69,317.305202',
  '                                                                                                         45,980.555005',
  '                                                                                                                    23,336.750197',
].join('\n');

// The same table at `pdftotext -layout -fixed 6`, L51–L63: the two amounts of each row run together on L58–L60, L62.
const EXPENDITURE_6 = [
  '                                                               预算03表 支出总表',
  '                                                                                                                            金额单位：万元',
  '',
  '                                                                                                                      其中',
  '             支出功能分类科目              政府支出经济分类科目             部门支出经济分类科目            合计      基本支出      项目支出    事业单位经营            对附属单位补',
  '                                                                                                                   上缴上级支出',
  '                                                                                                             支出               助支出',
  '        2050802-干部教育           50501-工资福利支出           30101-基本工资               290.658800290.658800',
  '        2050802-干部教育           50501-工资福利支出           30102-津贴补贴               238.995680238.995680',
  '        2050802-干部教育           50501-工资福利支出           30107-绩效工资               820.639500820.639500',
  '        2050802-干部教育           50501-工资福利支出           30112-其他社会保障缴费             9.082907 9.082907',
  '        2050802-干部教育           50501-工资福利支出           30113-住房公积金              130.482400130.482400',
  '        2050802-干部教育           50502-商品和服务支出          30201-办公费                 10.800000 10.800000',
].join('\n');

function table(text: string): { table: Table; unparsed: { text: string; reason: string }[] } {
  const result = parseTables(toSourceLines(text), 'aligned');
  expect(result.tables).toHaveLength(1);
  return { table: result.tables[0], unparsed: result.unparsed.map((u) => ({ text: u.text, reason: u.reason })) };
}

describe('aligned text at a coarse character pitch', () => {
  it('reads a staircase of lone amounts under a header as one row', () => {
    const { table: t, unparsed } = table(INCOME);
    expect(t.rows).toHaveLength(1);
    const [row] = t.rows;
    expect(row.name).toBe('');
    expect(row.lines).toEqual({ first: 8, last: 14 }); // L44–L50
    expect(row.values.total).toBe(71094.166056);
    expect(row.values.income).toBe(67538.364392);
    expect(row.values.general).toBe(66197.668103);
    expect(row.values.fund).toBe(808.277);
    expect(row.values['other-income']).toBe(382.419289);
    expect(row.values.carryover).toBe(3555.801664);
    // L47: 150.000000 between 事业收入 and 事业单位经营收入, which the identities do not tell apart.
    expect(row.values.business).toBeNull();
    expect(unparsed).toEqual([{ text: '150.000000', reason: expect.stringContaining('事业收入、经营收入') }]);
  });

  it('joins a total row whose amounts step down to the right, and cuts amounts run together', () => {
    const { table: t, unparsed } = table(EXPENDITURE);
    const total = t.rows.find((r) => r.name === '合计')!;
    expect(total.lines).toEqual({ first: 11, last: 13 }); // L232–L234
    expect([total.values.total, total.values.basic, total.values.project]).toEqual([69317.305202, 45980.555005, 23336.750197]);
    // L138 `2,671.051856  6.251856 2,664.800000`: three cells.
    const society = t.rows.find((r) => r.code === '2080206')!;
    expect([society.values.total, society.values.basic, society.values.project]).toEqual([2671.051856, 6.251856, 2664.8]);
    // L82 `2,983.9440002,983.944000`: the 合计 and, set right of where it was printed, 基本支出 (default -layout L76); its place
    // alone does not tell 基本支出 from 项目支出, nor do the row's identities.
    const office = t.rows.find((r) => r.code === '2080201')!;
    expect(office.values.total).toBe(2983.944);
    expect(office.values.basic).toBeNull();
    expect(unparsed).toEqual([{ text: '2,983.944000', reason: expect.stringContaining('基本支出、项目支出') }]);
  });
});

describe('rows whose amounts run together', () => {
  it('are rows of the table under its header, not lines of the header', () => {
    const { table: t, unparsed } = table(EXPENDITURE_6);
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'operating', 'remit-superior', 'subsidy-to-affiliated']);
    expect(t.rows.map((r) => [r.code, r.name, r.values.total])).toEqual([
      ['2050802', '干部教育', 290.6588], // L58 `290.658800290.658800`
      ['2050802', '干部教育', 238.99568],
      ['2050802', '干部教育', 820.6395],
      ['2050802', '干部教育', 9.082907], // L61 `9.082907 9.082907`
      ['2050802', '干部教育', 130.4824],
      ['2050802', '干部教育', 10.8],
    ]);
    // Each second amount (基本支出 in the default -layout text, L52–L57) was set right of its place: 基本支出 or 项目支出.
    expect(unparsed.map((u) => u.text)).toEqual(['290.658800', '238.995680', '820.639500', '130.482400']);
  });
});

describe('amounts run together into one cell, cut as the line becomes cells (alignedCells)', () => {
  const texts = (line: string) => alignedCells(line).map((c) => c.text);
  it('cuts each amount where the last one’s decimals say it ends', () => {
    // 北京 -fixed 4 L46 and -fixed 5 L82, L187.
    expect(texts('382.4192893,555.801664')).toEqual(['382.419289', '3,555.801664']);
    expect(texts('2,983.9440002,983.944000')).toEqual(['2,983.944000', '2,983.944000']);
    expect(texts('2,440.936836 366.6912822,074.245554')).toEqual(['2,440.936836', '366.691282', '2,074.245554']);
  });

  it('cuts nothing that is not wholly amounts of those decimals', () => {
    expect(texts('1,234.56')).toEqual(['1,234.56']); // one amount
    expect(texts('2024.01.15')).toEqual(['2024.01.15']); // a date
  });
});
