import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { alignedCells } from '../../src/ingest/layout/cells.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import type { Table } from '../../src/schema/table.ts';

/**
 * A word processor (Word, WPS) and some portals print a table's figures in full-width digits (`１，２３４．５６`). A
 * 支出总表 of our own, printed three ways, first in ASCII and then with every digit, `,` and `.` full-width: its figures
 * add up (合计 2,700.00 = 201 1,500.00 + 208 1,200.00; 基本支出 2,200.00 = 1,000.00 + 1,200.00; 项目支出 500.00;
 * 201 = 20101 1,000.00 + 20103 500.00 in each column).
 */
const ROWS: Array<[string, string, string, string, string]> = [
  ['', '合计', '2,700.00', '2,200.00', '500.00'],
  ['201', '一般公共服务支出', '1,500.00', '1,000.00', '500.00'],
  ['20101', '人大事务', '1,000.00', '1,000.00', ''],
  ['2010101', '行政运行', '1,000.00', '1,000.00', ''],
  ['20103', '政府办公厅（室）及相关机构事务', '500.00', '', '500.00'],
  ['2010350', '事业运行', '500.00', '', '500.00'],
  ['208', '社会保障和就业支出', '1,200.00', '1,200.00', ''],
  ['20805', '行政事业单位养老支出', '1,200.00', '1,200.00', ''],
  ['2080505', '机关事业单位基本养老保险缴费支出', '1,200.00', '1,200.00', ''],
];
const TITLE = ['2026年部门支出预算总表', '单位：万元'];
const LABELS = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

/** A `-layout` line: code at column 0, name at 9, amounts right-aligned to end at 34, 46 and 58. */
function layoutLine([code, name, ...amounts]: string[]): string {
  let line = code.padEnd(9) + name;
  for (const [k, a] of amounts.entries()) line = line.padEnd([34, 46, 58][k] - a.length) + a;
  return line.trimEnd();
}

/** `-layout`: the 2080505 row's name (columns 9–24) and its 合计 `1,200.00` (26–33) stand one space apart. */
const LAYOUT = [...TITLE, layoutLine(['科目编码', '科目名称', '合计', '基本支出', '项目支出']), ...ROWS.map(layoutLine)];
/** Text copied out of a PDF: one space between words, an empty cell printing nothing. */
const SPACED = [...TITLE, LABELS.join(' '), ...ROWS.map((r) => r.filter((c) => c !== '').join(' '))];
/** Plain `pdftotext`: one cell a line, a blank line between cells, an empty cell printing nothing. */
const STACKED = [...TITLE, ...[...LABELS, ...ROWS.flat()].filter((c) => c !== '').flatMap((c) => [c, ''])];

/** The same text with every ASCII digit, `,` and `.` full-width, as a word processor prints them. */
function fullWidth(lines: string[]): string[] {
  return lines.map((l) => l.replace(/[\d,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

function rowsOf(table: Table): Array<[string, Record<string, number | null>]> {
  return table.rows.map((r) => [r.code ?? r.name, r.values]);
}

const EXPECTED = [
  ['合计', { total: 2700, basic: 2200, project: 500 }],
  ['201', { total: 1500, basic: 1000, project: 500 }],
  ['20101', { total: 1000, basic: 1000, project: null }],
  ['2010101', { total: 1000, basic: 1000, project: null }],
  ['20103', { total: 500, basic: null, project: 500 }],
  ['2010350', { total: 500, basic: null, project: 500 }],
  ['208', { total: 1200, basic: 1200, project: null }],
  ['20805', { total: 1200, basic: 1200, project: null }],
  ['2080505', { total: 1200, basic: 1200, project: null }],
];

describe('a table printed in full-width digits reads as its ASCII print', () => {
  for (const [route, lines, layout] of [
    ['-layout', LAYOUT, 'aligned'],
    ['one space apart', SPACED, 'spaced'],
    ['one cell a line', STACKED, 'stacked'],
  ] as const) {
    it(`${route}: the same layout, rows and values in either width`, () => {
      for (const print of [lines, fullWidth(lines)]) {
        const source = toSourceLines(print.join('\n'));
        expect(detectLayout(source)).toBe(layout);
        const { tables } = parseTables(source);
        expect(tables.map((t) => t.kind)).toEqual(['expenditure-summary']);
        expect(rowsOf(tables[0])).toEqual(EXPECTED);
      }
    });
  }

  it('cuts a full-width amount one space after a name off as its own cell, keeping the text as printed', () => {
    // LAYOUT's last line: 2080505 at 0–6, the name at 9–24, 1,200.00 at 26–33 and 38–45.
    const line = fullWidth([LAYOUT[LAYOUT.length - 1]])[0];
    expect(alignedCells(line)).toEqual([
      { text: '２０８０５０５', start: 0, end: 7 },
      { text: '机关事业单位基本养老保险缴费支出', start: 9, end: 25 },
      { text: '１，２００．００', start: 26, end: 34 },
      { text: '１，２００．００', start: 38, end: 46 },
    ]);
  });
});

describe('a table printed with a Chinese input method\'s comma, or its codes full-width and run into the names', () => {
  for (const [route, lines, layout] of [
    ['-layout', LAYOUT, 'aligned'],
    ['one space apart', SPACED, 'spaced'],
    ['one cell a line', STACKED, 'stacked'],
  ] as const) {
    it(`${route}: ASCII digits grouped by a full-width comma (\`1，200.00\`) read as \`1,200.00\``, () => {
      const mixed = lines.map((l) => l.replace(/(?<=\d),(?=\d{3})/g, '，'));
      // 208, 20805 and 2080505 print 1，200.00 twice each: on their lines, or as six lines of one cell.
      expect(mixed.filter((l) => l.includes('1，200.00'))).toHaveLength(route === 'one cell a line' ? 6 : 3);
      const source = toSourceLines(mixed.join('\n'));
      expect(detectLayout(source)).toBe(layout);
      const { tables } = parseTables(source);
      expect(rowsOf(tables[0])).toEqual(EXPECTED);
    });
  }

  it('-layout: a full-width code run into its name (`２０１０１人大事务`) is the row\'s code', () => {
    // LAYOUT with each code full-width and the name right after it, no space: `２０８０５行政事业单位养老支出`.
    const glued = LAYOUT.map((l) => l.replace(/^(\d+) +/, (_, d: string) => d.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))));
    expect(glued.filter((l) => /^２０８０５行政事业单位养老支出 +1,200\.00/.test(l))).toHaveLength(1);
    const { tables } = parseTables(toSourceLines(glued.join('\n')));
    expect(rowsOf(tables[0])).toEqual(EXPECTED);
    expect(tables[0].rows.map((r) => r.name)).toEqual(ROWS.map((r) => r[1]));
  });
});
