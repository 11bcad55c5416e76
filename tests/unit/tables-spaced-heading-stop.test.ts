import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';
import type { Table, TableRow } from '../../src/schema/table.ts';

// A made-up 财政拨款收入支出决算总表 in `pdftotext -raw` text, as 佛山 轨道交通局 2019 决算 prints it (opraw L229-L297):
// its header's fund labels wrapped, an expenditure item whose name wraps and whose amounts stand a line apart (L13-L15,
// as L246-L248 `七、文化旅游体育与传媒支` / `出` / `34 0.00 0.00 0.00`), the year's totals, the carry-over lines printing
// 0, the grand 总计, its note. The table prints three amount columns; the reader takes the template's four.
const table = [
  '表 4', //                                                                  L1
  '财政拨款收入支出决算总表',
  '部门： 某市交通局 单位：万元',
  '收入 支出',
  '项 目 金额 项 目 合计', //                                                  L5
  '一般公共预算财',
  '政拨款',
  '政府性基金预算',
  '财政拨款',
  '栏 次 1 栏 次 2 3 4', //                                                   L10
  '一、一般公共预算财政拨款 1000.00 一、一般公共服务支出 200.00 200.00 0.00',
  '二、政府性基金预算财政拨款 50.00 二、教育支出 0.00 0.00 0.00',
  '三、文化旅游体育与传媒支',
  '出',
  '0.00 0.00 0.00', //                                                        L15
  '四、交通运输支出 850.00 800.00 50.00',
  '本年收入合计 1050.00 本年支出合计 1050.00 1000.00 50.00',
  '年初财政拨款结转和结余 0.00 年末财政拨款结转和结余 0.00 0.00 0.00',
  '一般公共预算财政拨款 0.00',
  '政府性基金预算财政拨款 0.00', //                                           L20
  '总计 1050.00 总计 1050.00 1000.00 50.00',
];

function tableOf(lines: readonly string[]): Table {
  const [found] = parseSpacedTables(toSourceLines(lines.join('\n'))).tables;
  return found;
}

function rowOn(t: Table, line: number, side: 'income' | 'expenditure'): TableRow {
  const found = t.rows.filter((r) => r.lines.first === line && r.texts.side === side);
  if (found.length !== 1) throw new Error(`${found.length} rows on line ${line}`);
  return found[0];
}

describe('where single-space text’s tables stop: the shared rule alone, and a chapter under the grand total', () => {
  it('goes on past an item whose wrapped name reads like a chapter heading (一、…) to the total rows', () => {
    const t = tableOf([...table, '注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。', '第三部分 部门决算情况说明', '一、收入支出决算总体情况说明']);
    expect(t.lines).toEqual({ first: 1, last: 22 });
    expect(t.notes).toEqual(['注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。']);
    // The wrapped item is the table's (L13), and so are the rows under it: L16 and the totals.
    expect(t.rows.some((r) => r.lines.first === 13)).toBe(true);
    expect(rowOn(t, 16, 'expenditure').values.total).toBe(850);
  });

  it('places each fund’s figure of both expenditure totals where the carry-over lines print 0', () => {
    const t = tableOf(table);
    // The income side's funds (L11 1000.00, L12 50.00) are the 一般公共预算 and 政府性基金 columns of 本年支出合计 (L17)
    // and of 总计 (L21): 年初 and 年末 carry-over (L18) print 0, and the carry-over's parts by fund (L19, L20) pin
    // nothing.
    const fundsOf = (r: TableRow) => [r.values.total, r.values.general, r.values.fund];
    expect(fundsOf(rowOn(t, 17, 'expenditure'))).toEqual([1050, 1000, 50]);
    expect(fundsOf(rowOn(t, 21, 'expenditure'))).toEqual([1050, 1000, 50]);
    expect(rowOn(t, 17, 'expenditure').flag).toBeNull();
  });

  it('pins only 总计 where a carry-over to next year stands between it and 本年支出合计', () => {
    const carried = table.map((l, i) =>
      i === 17 ? '年初财政拨款结转和结余 0.00 年末财政拨款结转和结余 30.00 30.00 0.00' : i === 16 ? '本年收入合计 1050.00 本年支出合计 1020.00 970.00 50.00' : l,
    );
    const t = tableOf(carried);
    expect([rowOn(t, 21, 'expenditure').values.general, rowOn(t, 21, 'expenditure').values.fund]).toEqual([1000, 50]);
    // 本年支出合计's 970.00 is 1000.00 less the 30.00 carried over: no fund's income, so nothing pins it.
    expect(rowOn(t, 17, 'expenditure').values.general).toBeNull();
  });

  it('pins nothing where last year’s carry-over adds to the income', () => {
    const carried = table.map((l, i) => (i === 17 ? '年初财政拨款结转和结余 10.00 年末财政拨款结转和结余 0.00 0.00 0.00' : l));
    expect(rowOn(tableOf(carried), 21, 'expenditure').values.general).toBeNull();
  });

  it('ends at a chapter heading under the grand total, which no item of the table follows', () => {
    const t = tableOf([...table, '三、其他重要事项的说明', '本部门2019年度无政府采购支出。']);
    expect(t.lines).toEqual({ first: 1, last: 21 });
    expect(t.rows.map((r) => r.name)).not.toContain('三、其他重要事项的说明');
  });
});

// A 三公 table in `pdftotext -raw` text and the part heading after it, as the probe's 青山区城市管理局 2025 预算 prints
// them (Word document printed to PDF, /tmp/probeL10-gen/qsw.pdf, -raw L109-L124): the header's labels one a line, the
// one row of amounts, the page number, then `第三部分 2025 年部门预算情况说明` (the running head between, which the
// document prints on every page, left out).
const threePublic = [
  '三、某区城市管理局 2025 年一般公共预算“三公”经费支出表', // L1
  '单位：万元',
  '合计',
  '因公出国',
  '（境）费', //                                                              L5
  '公务用车购置及运行费',
  '公务接待费',
  '小计',
  '公务用车购置费',
  '公务用车运行费', //                                                        L10
  '7.20 0.00 6.00 0.00 6.00 1.20',
  '- 5 -',
  '第三部分 2025 年部门预算情况说明',
  '一、收支预算总体情况',
];

describe('a part heading holding a year', () => {
  it('ends the table above it: its year (2025 年, 2025年度) is no amount', () => {
    for (const heading of ['第三部分 2025 年部门预算情况说明', '第三部分 2025 年度部门预算情况说明']) {
      const t = tableOf(threePublic.map((l, i) => (i === 12 ? heading : l)));
      expect(t.rows.map((r) => r.lines.first)).toEqual([11]);
      expect(t.rows[0].values.total).toBe(7.2);
      expect(t.lines.last).toBeLessThan(13);
    }
  });
});
