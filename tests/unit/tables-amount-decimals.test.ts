import { describe, expect, it } from 'vitest';
import { joinStackedRows } from '../../src/ingest/layout/stacked.ts';
import { leadingMoney, parseAmount } from '../../src/ingest/numbers.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { parseStackedTables } from '../../src/ingest/tables/stacked.ts';
import { alignedBlocks } from '../../src/ingest/tables/table-blocks.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import type { Table } from '../../src/schema/table.ts';
import { parse, unaccounted } from '../fixtures/fuzz/disclosure-mutations.ts';

/**
 * Amounts in 万元 printed with four or six decimals and thousands separators (北京 prints `808.277000`): one table of
 * our own, printed three ways, aligned (`pdftotext -layout`), one space between cells, and one cell a line (plain
 * `pdftotext`). Its figures add up in each column: 合计 1,808.277000 = 201 808.277000 + 208 1,000.000000, and each
 * row's 合计 = 基本支出 + 项目支出 (808.277000 = 700.250000 + 108.027000). The four-decimal table likewise:
 * 2,345.6789 = 1,345.6789 + 1,000.0000, 1,345.6789 = 1,200.1234 + 145.5555.
 */
type Row = [code: string, name: string, total: string, basic: string, project: string];
const SIX: Row[] = [
  ['', '合计', '1,808.277000', '1,500.250000', '308.027000'],
  ['201', '一般公共服务支出', '808.277000', '700.250000', '108.027000'],
  ['20101', '人大事务', '808.277000', '700.250000', '108.027000'],
  ['2010101', '行政运行', '808.277000', '700.250000', '108.027000'],
  ['208', '社会保障和就业支出', '1,000.000000', '800.000000', '200.000000'],
  ['20805', '行政事业单位养老支出', '1,000.000000', '800.000000', '200.000000'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '1,000.000000', '800.000000', '200.000000'],
];
const FOUR: Row[] = [
  ['', '合计', '2,345.6789', '2,000.1234', '345.5555'],
  ['201', '一般公共服务支出', '1,345.6789', '1,200.1234', '145.5555'],
  ['20101', '人大事务', '1,345.6789', '1,200.1234', '145.5555'],
  ['2010101', '行政运行', '1,345.6789', '1,200.1234', '145.5555'],
  ['208', '社会保障和就业支出', '1,000.0000', '800.0000', '200.0000'],
  ['20805', '行政事业单位养老支出', '1,000.0000', '800.0000', '200.0000'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '1,000.0000', '800.0000', '200.0000'],
];
const TITLE = ['2026年部门支出预算总表', '单位：万元'];

/** -layout: each amount right-aligned under its label, the name column wide enough for the longest name. */
function aligned(rows: readonly Row[]): string[] {
  const cell = (s: string) => s.padStart(16);
  return [
    ...TITLE,
    `${'科目编码'.padEnd(10)}${'科目名称'.padEnd(20)}${cell('合计')}${cell('基本支出')}${cell('项目支出')}`,
    ...rows.map(([code, name, ...amounts]) => `${code.padEnd(10)}${name.padEnd(20)}${amounts.map(cell).join('')}`),
  ];
}

function spaced(rows: readonly Row[]): string[] {
  return [...TITLE, '科目编码 科目名称 合计 基本支出 项目支出', ...rows.map((r) => r.filter((c) => c !== '').join(' '))];
}

function stacked(rows: readonly Row[]): string[] {
  return [...TITLE, '科目编码', '科目名称', '合计', '基本支出', '项目支出', ...rows.flatMap((r) => r.filter((c) => c !== ''))];
}

function valuesOf(table: Table): Array<[string, Record<string, number | null>]> {
  return table.rows.map((r) => [r.code ?? r.name, r.values]);
}

describe('amounts printed with four or six decimals and thousands separators', () => {
  it('are read by the one amount grammar, whatever the count of decimals', () => {
    expect(parseAmount('808.277000')).toBe(808.277);
    expect(parseAmount('1,808.277000')).toBe(1808.277);
    expect(parseAmount('2,345.6789')).toBe(2345.6789);
    expect(parseAmount('１，２３４.５６')).toBe(1234.56);
  });

  for (const [decimals, rows, expected] of [
    [
      'six',
      SIX,
      [
        ['合计', { total: 1808.277, basic: 1500.25, project: 308.027 }],
        ['201', { total: 808.277, basic: 700.25, project: 108.027 }],
        ['20101', { total: 808.277, basic: 700.25, project: 108.027 }],
        ['2010101', { total: 808.277, basic: 700.25, project: 108.027 }],
        ['208', { total: 1000, basic: 800, project: 200 }],
        ['20805', { total: 1000, basic: 800, project: 200 }],
        ['2080505', { total: 1000, basic: 800, project: 200 }],
      ],
    ],
    [
      'four',
      FOUR,
      [
        ['合计', { total: 2345.6789, basic: 2000.1234, project: 345.5555 }],
        ['201', { total: 1345.6789, basic: 1200.1234, project: 145.5555 }],
        ['20101', { total: 1345.6789, basic: 1200.1234, project: 145.5555 }],
        ['2010101', { total: 1345.6789, basic: 1200.1234, project: 145.5555 }],
        ['208', { total: 1000, basic: 800, project: 200 }],
        ['20805', { total: 1000, basic: 800, project: 200 }],
        ['2080505', { total: 1000, basic: 800, project: 200 }],
      ],
    ],
  ] as const) {
    for (const [route, print] of [
      ['aligned', aligned],
      ['one space apart', spaced],
      ['one cell a line', stacked],
    ] as const) {
      it(`with ${decimals} decimals, printed ${route}: every route reads the values written`, () => {
        const text = print(rows).join('\n');
        if (print === stacked) expect(detectLayout(toSourceLines(text))).toBe('stacked');
        const [table] = parseTables(toSourceLines(text)).tables;
        expect(table.unit).toBe('万元');
        expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project']);
        expect(valuesOf(table)).toEqual(expected);
        const doc = parse(text);
        expect(unaccounted(text, doc).lost).toEqual([]);
        expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
      });
    }
  }
});

/**
 * A 收支总表 printed one cell a line, whose reading order prints the income side's amount and the expenditure side's
 * next item on one line (北京 民政局 2026 预算01表, plain pdftotext L19 `808.277000 二、外交支出`), in 万元 with six
 * decimals and no thousands separator. Ours: income 958.277000 = expenditure 808.277000 + 150.000000.
 */
const GLUED = [
  '2026年部门收支总表', // 1
  '单位：万元',
  '收入',
  '支出',
  '项目',
  '预算数',
  '项目',
  '预算数',
  '一、一般公共预算拨款收入',
  '958.277000 一、一般公共服务支出', // 10
  '808.277000',
  '二、社会保障和就业支出',
  '150.000000',
  '本年收入合计',
  '958.277000 本年支出合计', // 15
  '958.277000',
];

/**
 * The same, its reading order broken as 北京's is: the income side's items among the header's labels, so that the
 * amount before `一、一般公共服务支出` (L11) shows no row it is of.
 */
const BROKEN = [
  '2026年部门收支总表', // 1
  '单位：万元',
  '收',
  '项目',
  '一、一般公共预算拨款收入',
  '二、事业收入',
  '入',
  '支',
  '预算数',
  '出', // 10
  '808.277000 一、一般公共服务支出',
  '二、社会保障和就业支出',
  '1,000.000000',
  '三、卫生健康支出',
];

describe('a money amount of any count of decimals, then the next item, on one line printed one cell a line', () => {
  it('is the grammar of the core amount with decimals or separators, a bare number or one decimal being no money', () => {
    expect(leadingMoney('808.277000 二、外交支出')).toBe('808.277000');
    expect(leadingMoney('66,197.668103 一、一般公共服务支出')).toBe('66,197.668103');
    expect(leadingMoney('１２３４.５６ 一、教育支出')).toBe('1234.56');
    expect(leadingMoney('213 农林水支出')).toBeNull();
    expect(leadingMoney('1.1 产出指标')).toBeNull();
    expect(leadingMoney('808.277000二、外交支出')).toBeNull();
  });

  it('joins the amount to the row before and reads the item after it on the other side', () => {
    const joined = joinStackedRows(toSourceLines(GLUED.join('\n')));
    expect(joined.lines[8].text).toBe('一、一般公共预算拨款收入 958.277000 一、一般公共服务支出 808.277000');
    // Too short a text for the layout to be told from it (layout/detect.ts): the one-cell-a-line reader is asked.
    const [table] = parseStackedTables(toSourceLines(GLUED.join('\n'))).tables;
    expect(table.rows.map((r) => [r.name, r.values.total, r.texts?.side])).toEqual([
      ['一、一般公共预算拨款收入', 958.277, 'income'],
      ['一、一般公共服务支出', 808.277, 'expenditure'],
      ['二、社会保障和就业支出', 150, 'expenditure'],
      ['本年收入合计', 958.277, 'income'],
      ['本年支出合计', 958.277, 'expenditure'],
    ]);
  });

  it('where the amount shows no row, leaves it unparsed and the item after it a row of its own, its amount unknown', () => {
    const joined = joinStackedRows(toSourceLines(BROKEN.join('\n')));
    expect(joined.lines[10].text).toBe('一、一般公共服务支出');
    expect(joined.loose.map((l) => [l.no, l.text])).toEqual([
      [11, '808.277000'],
      [13, '1,000.000000'],
    ]);
    const read = parseStackedTables(toSourceLines(BROKEN.join('\n')));
    expect(read.tables[0].rows.map((r) => [r.name, r.values.total, r.lines.first])).toEqual([
      ['一、一般公共服务支出', null, 11],
      ['二、社会保障和就业支出', null, 12],
      ['三、卫生健康支出', null, 14],
    ]);
    expect(read.unparsed.map((u) => [u.lines.first, u.text])).toEqual([
      [11, '808.277000'],
      [13, '1,000.000000'],
    ]);
  });
});

/**
 * A prose column (绩效目标) right of amounts of six decimals, its text opening with a figure one space after the last
 * amount (as 广州 2026 部门预算项目支出表 prints `0.00 展年审…`, tests/fixtures/prose-column-guangzhou.txt L20): ours,
 * under its title and unit line, L4 `5.000000` then `0.12亿元用于…`.
 */
const PROSE = [
  '2026年部门项目支出预算表',
  '单位：万元',
  '项目名称                    合计      一般公共预算    绩效目标',
  '专项工作经费            5.000000          5.000000 0.12亿元用于保障相关工作顺利推进。',
  '其他运行经费           98.000000         98.000000',
];

describe('an amount of six decimals one space before a prose column\'s text that opens with a figure', () => {
  it('is cut off whole: the amount to its column, the text from its figure on to the prose', () => {
    const [block] = alignedBlocks(toSourceLines(PROSE.join('\n')));
    expect([...block.prose.texts]).toEqual([[4, '0.12亿元用于保障相关工作顺利推进。']]);
    expect(block.rows[1].line.text).toBe('专项工作经费            5.000000          5.000000');
  });
});

/**
 * The same prose column with the text glued to the last amount (no space), as a PDF prints a narrow cell: ours, L4
 * `12.345600` then `目标：完成…`. The table prints six decimals (L4's 合计 `12.345600`, L5's `98.000000`), so the glued
 * amount ends after six, not two (`12.34` and `5600目标…`).
 */
const GLUED_PROSE = [
  '2026年部门项目支出预算表',
  '单位：万元',
  '项目名称                    合计      一般公共预算    绩效目标',
  '专项工作经费           12.345600         12.345600目标：完成年度工作任务。',
  '其他运行经费           98.000000         98.000000',
];

describe('an amount of six decimals glued to a prose column\'s text', () => {
  it('is cut after the six decimals the table prints', () => {
    const [block] = alignedBlocks(toSourceLines(GLUED_PROSE.join('\n')));
    expect([...block.prose.texts]).toEqual([[4, '目标：完成年度工作任务。']]);
    expect(block.rows[1].line.text).toBe('专项工作经费           12.345600         12.345600');
  });
});
