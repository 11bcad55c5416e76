import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Table, TableRow } from '../../src/schema/table.ts';
import { checkTables } from '../../src/ingest/tables/table-checks.ts';
import { parentsOfTree, topRowsOfTree } from '../../src/ingest/tables/row-tree.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { rowConstraints } from '../../src/ingest/tables/spaced/constraints.ts';
import type { RawRow } from '../../src/ingest/tables/spaced/rows.ts';

function r(name: string, total: number | null, partial: Partial<TableRow> = {}): TableRow {
  return {
    code: null, codeScheme: null, level: null, name, texts: {}, group: null, role: 'data', flag: null, uncertain: [],
    values: { total }, lines: { first: 1, last: 1 }, ...partial,
  };
}

const list = (rows: TableRow[]): Table => ({
  id: 't1', kind: 'government-procurement', title: '政府采购预算明细表', titleInferred: false, kindInferred: false, unit: '万元', declaredEmpty: false,
  cells: 'positioned', notes: [], columns: [{ key: 'total', label: '金额' }], rows, lines: { first: 1, last: rows.length },
});

const totalCheck = (rows: TableRow[]) => checkTables([list(rows)]).find((c) => c.id === 't1:total-sum:total');

describe('topRowsOfTree', () => {
  it('reads a flat list as its own top rows', () => {
    // 北京 预算10表 (tables -layout L495-L498): A-货物 634.200375 + B-工程 281.959515 + C-服务 7,857.487518 = 8,773.647408.
    expect(topRowsOfTree([[634.200375], [281.959515], [7857.487518]], [8773.647408])).toEqual({ tops: [0, 1, 2], only: true });
  });

  it('finds parents printed before their parts, at any depth', () => {
    // 江苏 2018 政府采购预算表 (tables -layout L311-L323, 一、货物A only): 货物A 355.67 = 办公设备购置费 300.00 (= 18 + 12 + 2 +
    // 53 + 7 + 10 + 198) + 省政协专项会议 55.67 (= 15.16 + 40.51).
    const amounts = [355.67, 300, 18, 12, 2, 53, 7, 10, 198, 55.67, 15.16, 40.51].map((v) => [v]);
    expect(topRowsOfTree(amounts, [355.67])).toEqual({ tops: [0], only: true });
  });

  it('finds none where no reading adds up to the total', () => {
    expect(topRowsOfTree([[5], [3], [3]], [10])).toBeNull();
  });

  // Rows of our own: 4.00, 4.00, 4.00 under a total of 8.00. Two trees add up: the first over the second, then the third
  // (4 + 4 = 8); or the first, then the second over the third (4 + 4 = 8). The others do not: all three as top rows make
  // 12, the first over the other two 4 (4 + 4 = 8 under it), the first over the second over the third 4.
  it('says when more than one tree adds up', () => {
    const reading = topRowsOfTree([[4], [4], [4]], [8]);
    expect(reading?.only).toBe(false);
    expect([[0, 2], [0, 1]]).toContainEqual(reading?.tops);
  });

  it('finds the one tree where a second column rules the other out', () => {
    // The same rows with a second column of our own: 3.00, 3.00, 2.00 under 5.00. The first over the second (3 = 3),
    // then the third (3 + 2 = 5) adds up; the second over the third (3 ≠ 2) does not.
    expect(topRowsOfTree([[4, 3], [4, 3], [4, 2]], [8, 5])).toEqual({ tops: [0, 2], only: true });
  });
});

describe('parentsOfTree', () => {
  it('gives each parent its children: the total its top rows, a department its units', () => {
    // 杭州 交通运输局 2026 表2 (other-provinces -layout L601–L643), 总计: 合计 665964.37 = 杭州市交通运输局 665964.37 =
    // 510,673.56 + 27,718.25 + 28,774.51 + 41,308.52 + 23,763.09 + 10,148.93 + 5,290.70 + 18,286.81, its eight units.
    const units = [510673.56, 27718.25, 28774.51, 41308.52, 23763.09, 10148.93, 5290.7, 18286.81];
    expect(parentsOfTree([[665964.37], ...units.map((v) => [v])], [665964.37])).toEqual([
      { whole: -1, parts: [0] },
      { whole: 0, parts: [1, 2, 3, 4, 5, 6, 7, 8] },
    ]);
  });

  it('reads the top rows from the reading the caller already searched, and searches only below them', () => {
    // The 杭州 表2 rows above: the caller's reading of the whole list (合计 665964.37 over the department's row) is asked
    // once and used as it is; the department's eight units are searched under it.
    const units = [510673.56, 27718.25, 28774.51, 41308.52, 23763.09, 10148.93, 5290.7, 18286.81];
    const amounts = [[665964.37], ...units.map((v) => [v])];
    let asked = 0;
    const top = () => {
      asked++;
      return topRowsOfTree(amounts, [665964.37]);
    };
    expect(parentsOfTree(amounts, [665964.37], top)).toEqual([
      { whole: -1, parts: [0] },
      { whole: 0, parts: [1, 2, 3, 4, 5, 6, 7, 8] },
    ]);
    expect(asked).toBe(1);
  });

  it('finds none where more than one tree adds up: which rows are parts of which is not known', () => {
    // The rows of topRowsOfTree's two trees above (4.00, 4.00, 4.00 under 8.00).
    expect(parentsOfTree([[4], [4], [4]], [8])).toBeNull();
  });

  it('finds none where a parent is not the sum of the rows under it', () => {
    // 10 = 10 at the top, but 5 + 3 under it make 8.
    expect(parentsOfTree([[10], [5], [3]], [10])).toBeNull();
  });
});

describe('合计 of a list with no 类 rows', () => {
  it('passes a flat list and fails one that lost a row', () => {
    const rows = [r('合计', 8773.647408, { role: 'total' }), r('A-货物', 634.200375), r('B-工程', 281.959515), r('C-服务', 7857.487518)];
    expect(totalCheck(rows)).toMatchObject({ status: 'pass', expected: 8773.647408, actual: 8773.647408 });
    expect(totalCheck(rows.filter((x) => x.name !== 'B-工程'))).toMatchObject({ status: 'fail', expected: 8773.647408, actual: 8491.687893 });
  });

  it('adds a 三公 table\'s numbered items, not their 其中 parts again', () => {
    // 福州 2026 三公 table (-layout L540-L545): 合计 9.14 = 6.14 + 1.00 + 2.00; 公务用车 2.00 = 购置 0.00 + 运行 2.00.
    const rows = [r('合计', 9.14, { role: 'total' }), r('1、因公出国（境）费用', 6.14), r('2、公务接待费', 1), r('3、公务用车购置及运行费', 2),
      r('其中：（1）公务用车购置费', 0), r('（2）公务用车运行费', 2)];
    expect(totalCheck(rows)).toMatchObject({ status: 'pass', expected: 9.14, actual: 9.14 });
  });

  it('compares the items numbered 一、二、 where their parts do not add up to them', () => {
    // 江苏 2018 政府采购预算表's top items (L311, L312, L324: 1,281.76 = 355.67 + 926.09) over parts of our own that do not
    // add up to them: the numbering still says which rows the total adds.
    const rows = [r('合计', 1281.76, { role: 'total' }), r('一、货物A', 355.67), r('办公设备购置费', 300), r('三、服务C', 926.09), r('会议费', 700)];
    expect(totalCheck(rows)).toMatchObject({ status: 'pass', actual: 1281.76 });
    rows[0] = r('合计', 1300, { role: 'total' });
    expect(totalCheck(rows)).toMatchObject({ status: 'fail', expected: 1300, actual: 1281.76 });
  });

  it('is not checkable where rows add up to more than the total and no reading tells parts from parents', () => {
    const rows = [r('合计', 10, { role: 'total' }), r('甲', 5), r('乙', 3), r('丙', 3)];
    expect(totalCheck(rows)).toMatchObject({ status: 'not-checkable', expected: 10, actual: 11 });
    expect(totalCheck(rows)!.message).toContain('无法校验');
  });

  it('checks only the first column where it alone makes more than one tree, and the others differ between them', () => {
    // Rows of our own: 合计 8.00 | 5.00; 甲 4.00 | 3.00, 乙 4.00 | 1.00, 丙 4.00 | 2.00. No tree adds up in both columns
    // (甲 over 乙: 3 ≠ 1; 乙 over 丙: 1 ≠ 2); in 金额 alone two do (甲 over 乙, then 丙; or 甲, then 乙 over 丙), each
    // 4 + 4 = 8, whose top rows make 3 + 2 = 5 and 3 + 1 = 4 in 其中: which one the total adds there is not known.
    const table: Table = {
      ...list([r('合计', 8, { role: 'total', values: { total: 8, part: 5 } }), r('甲', 4, { values: { total: 4, part: 3 } }),
        r('乙', 4, { values: { total: 4, part: 1 } }), r('丙', 4, { values: { total: 4, part: 2 } })]),
      columns: [{ key: 'total', label: '金额' }, { key: 'part', label: '其中' }],
    };
    const checks = checkTables([table]);
    expect(checks.find((c) => c.id === 't1:total-sum:total')).toMatchObject({ status: 'pass', expected: 8, actual: 8 });
    // Not checkable: every row added is 3 + 1 + 2 = 6.
    const part = checks.find((c) => c.id === 't1:total-sum:part');
    expect(part).toMatchObject({ status: 'not-checkable', expected: 5, actual: 6 });
    expect(part!.message).toContain('不止一种上下级关系');
  });

  it('is not checkable where a row\'s amount is not known', () => {
    const rows = [r('合计', 10, { role: 'total' }), r('甲', 5), r('乙', null, { flag: '金额无法确定' })];
    expect(totalCheck(rows)).toMatchObject({ status: 'not-checkable', actual: null });
    expect(totalCheck(rows)!.message).toContain('1 行的金额未能确定');
  });
});

describe('合计 of 类 rows where a row\'s code was not read', () => {
  it('is not checkable where the 类 fall short and a row without a code may be one of them', () => {
    // 普陀区政府办公室 2025 部门预算 基本支出表 (-layout L312, L328, L357; plain pdftotext lost 302's code): 合计
    // 24,606,775.35 = 301 工资福利支出 21,170,337.81 + 302 商品和服务支出 1,932,777.54 + the rest; here 302 without its code.
    const rows = [r('工资福利支出', 21170337.81, { code: '301', codeScheme: 'economic', level: 1 }), r('商品和服务支出', 1932777.54),
      r('合计', 24606775.35, { role: 'total' })];
    const check = checkTables([{ ...list(rows), kind: 'general-budget-basic-expenditure' }]).find((c) => c.id === 't1:total-sum:total');
    expect(check).toMatchObject({ status: 'not-checkable', expected: 24606775.35, actual: 21170337.81 });
    expect(check!.message).toContain('1 行没有读出科目编码');
  });
});

// Rows of our own after 杭州 2026 表2 收入预算总表 (other-provinces -layout L601-L643): 合计, the department's row printing
// the same amounts, then its units. 金额 | 一般公共预算 | 上年结转: 合计 100.00 | 60.00 | 40.00; 某局 100.00 | 60.00 |
// 40.00; 某局（本级） 70.00 | 50.00 | 20.00; 某中心 30.00 | 10.00 | 20.00.
const units = (centre = 10): TableRow[] => [
  r('合计', 100, { role: 'total', values: { total: 100, general: 60, carryover: 40 } }),
  r('某局', 100, { values: { total: 100, general: 60, carryover: 40 } }),
  r('某局（本级）', 70, { values: { total: 70, general: 50, carryover: 20 } }),
  r('某中心', 30, { values: { total: 30, general: centre, carryover: 20 } }),
];
const unitTable = (rows: TableRow[]): Table => ({
  ...list(rows),
  kind: 'income-summary',
  columns: [{ key: 'total', label: '合计' }, { key: 'general', label: '一般公共预算' }, { key: 'carryover', label: '上年结转' }],
});

describe('a department\'s row over its units in a list with no codes', () => {
  it('adds the units to the department\'s row, and the department\'s row alone to the total', () => {
    const checks = checkTables([unitTable(units())]);
    expect(checks.find((c) => c.id === 't1:total-sum:total')).toMatchObject({ status: 'pass', expected: 100, actual: 100 });
    expect(checks.find((c) => c.id === 't1:parent-sum:r2:total')).toMatchObject({ status: 'pass', expected: 100, actual: 100 });
    expect(checks.find((c) => c.id === 't1:parent-sum:r2:general')).toMatchObject({ status: 'pass', expected: 60, actual: 60 });
    expect(checks.find((c) => c.id === 't1:parent-sum:r2:carryover')).toMatchObject({ status: 'pass', expected: 40, actual: 40 });
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('fails the column where the units do not add up to the department\'s row', () => {
    // 某中心's 一般公共预算 11.00: 50.00 + 11.00 = 61.00 against 60.00; 金额 still makes the tree (70.00 + 30.00 = 100.00).
    const checks = checkTables([unitTable(units(11))]);
    expect(checks.find((c) => c.id === 't1:parent-sum:r2:general')).toMatchObject({ status: 'fail', expected: 60, actual: 61 });
    expect(checks.find((c) => c.id === 't1:parent-sum:r2:total')).toMatchObject({ status: 'pass' });
    expect(checks.find((c) => c.id === 't1:total-sum:general')).toMatchObject({ status: 'pass', expected: 60, actual: 60 });
  });
});

function raw(name: string, amounts: number[], role: RawRow['role'] = 'data', texts: Record<string, string> = {}): RawRow {
  const numbers = amounts.map((value) => ({ text: String(value), value }));
  return { first: 1, last: 1, code: null, scheme: null, level: null, name, fragments: [name], numbers, role, group: null, side: null, texts };
}

describe('amounts of a list with no codes placed by its tree (pdftotext -raw)', () => {
  const keys = ['total', 'general', 'carryover'];
  // Each sum as [row, column] of its target (a cell: no figure from elsewhere here) and the rows of its parts.
  const sums = (rows: RawRow[]) =>
    rowConstraints(rows, keys).map((c) => [typeof c.target === 'number' ? c.target : [c.target.row, c.target.column], c.parts.map((p) => p.row)]);

  it('makes the total the sum of the department\'s row and that row the sum of its units, column by column', () => {
    // The rows of the checks above as -raw prints them: 某中心's 上年结转 20.00 broken off to a line of its own, no name
    // (杭州 表2 -raw L586-L590: 杭州市道路运输管理服务中心 over three lines, L589 27,718.25 13,317.69 13,317.69, then L590
    // 14,400.56 14,400.56).
    const rows = [raw('合计', [100, 60, 40], 'total'), raw('某局', [100, 60, 40]), raw('某局（本级）', [70, 50, 20]), raw('某中心', [30, 10]), raw('', [20])];
    expect(sums(rows)).toEqual([
      [[0, 0], [1]], [[0, 1], [1]], [[0, 2], [1]],
      [[1, 0], [2, 3]], [[1, 1], [2, 3]], [[1, 2], [2, 3]],
    ]);
  });

  it('keeps in the tree a row whose words are all in another text column', () => {
    // 江苏 2018 政府采购预算表 (-layout L337-L339): `培训费 16.00` under no name of its own, over 住宿服务 8.00 and 餐饮服务
    // 8.00; here under a 合计 of our own, 16.00. Left out, the total would be read as 8.00 + 8.00.
    const rows = [raw('合计', [16], 'total'), raw('', [16], 'data', { item: '培训费' }), raw('住宿服务', [8]), raw('餐饮服务', [8])];
    expect(rowConstraints(rows, ['total']).map((c) => [c.target, c.parts.map((p) => p.row)])).toEqual([
      [{ row: 0, column: 0 }, [1]],
      [{ row: 1, column: 0 }, [2, 3]],
    ]);
  });

  it('states no sum where more than one tree adds up', () => {
    // 4.00, 4.00, 4.00 under 8.00 (topRowsOfTree's two trees above).
    expect(sums([raw('合计', [8], 'total'), raw('甲', [4]), raw('乙', [4]), raw('丙', [4])])).toEqual([]);
  });
});

const DIR = '../shared/samples/other-provinces';
const absent = !existsSync(DIR);

describe.skipIf(absent)('合计 of the samples\' lists', () => {
  const parse = (name: string) => {
    const file = `${DIR}/${name}.txt`;
    return parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
  };

  it('江苏 2018 政府采购预算表: 合计 = 一、货物A + 三、服务C, the rows under them not added again', () => {
    const d = parse('jiangsu-cppcc-office-2018-budget-tables');
    const table = d.tables.find((t) => t.kind === 'government-procurement')!;
    const check = d.checks.find((c) => c.id === `${table.id}:total-sum:total`)!;
    expect(check).toMatchObject({ status: 'pass', expected: 1281.76, actual: 1281.76 });
    expect(check.lines.map((l) => l.first)).toEqual([311, 312, 324]);
  });

  it('杭州 2026 表2 收入预算总表: 杭州市交通运输局 = its eight units, 合计 = that row alone', () => {
    // -layout L601 合计 665964.37 | 上年结转 17,858.84; L603-L605 杭州市交通运输局 the same; its units L607-L644: 总计
    // 510,673.56 + 27,718.25 + 28,774.51 + 41,308.52 + 23,763.09 + 10,148.93 + 5,290.70 + 18,286.81 = 665,964.37, 上年结转
    // 683.83 + 14,400.56 + 2,660.55 + 0.72 + 70.97 + 42.21 = 17,858.84.
    const d = parse('hangzhou-transport-2026-budget');
    const table = d.tables.find((t) => t.kind === 'income-summary')!;
    const id = (key: string) => d.checks.find((c) => c.id === `${table.id}:parent-sum:r2:${key}`)!;
    expect(id('total')).toMatchObject({ status: 'pass', expected: 665964.37, actual: 665964.37 });
    expect(id('carryover')).toMatchObject({ status: 'pass', expected: 17858.84, actual: 17858.84 });
    expect(id('total').lines.map((l) => l.first)).toEqual([603, 607, 611, 616, 620, 624, 630, 634, 642]);
    expect(d.checks.find((c) => c.id === `${table.id}:total-sum:total`)).toMatchObject({ status: 'pass', expected: 665964.37, actual: 665964.37 });
  });

  it('西安 2022 收入总表: each unit\'s 小计 under 一般公共预算拨款, where its department\'s is (header-tree.ts)', () => {
    // -layout L457-L463: 一般公共预算拨款 over 小计 and 其中：专项资金列入部门预算项目, a part of no known column. L471
    // 西安市出租汽车管理处 2074.57 | 2074.57, the second under 小计 (chars 50-57; 小计 L462 49-51), as L467 the
    // department's 74868.34 (49-57). Its units' 小计 (L469-L491) add up to it: 44572.50 + 30295.84 = 74868.34.
    const d = parse('xian-transport-2022-budget');
    const table = d.tables.find((t) => t.kind === 'income-summary')!;
    expect(table.rows.find((r) => r.lines.first === 471)?.values).toMatchObject({ total: 2074.57, general: 2074.57, fund: null });
    expect(d.checks.find((c) => c.id === `${table.id}:parent-sum:r2:general`)).toMatchObject({ status: 'pass', expected: 74868.34, actual: 74868.34 });
  });

  it('广州 2026 部门预算基本支出预算表: 合计 = its twelve units, each the sum of its 工资福利支出 …', () => {
    // -layout L631 合计 30,245.68; L632 广州市水务局（本级） 7,995.71 = L633-L635 5,790.71 + 683.86 + 1,521.14.
    const d = parse('guangzhou-water-2026-budget');
    const table = d.tables.find((t) => t.kind === 'basic-expenditure')!;
    const check = d.checks.find((c) => c.id === `${table.id}:total-sum:total`)!;
    expect(check).toMatchObject({ status: 'pass', expected: 30245.68, actual: 30245.68 });
    expect(check.lines.length).toBe(13);
    expect(check.lines[1].first).toBe(632);
  });
});
