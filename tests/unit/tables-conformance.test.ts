import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import type { Table } from '../../src/schema/table.ts';
import { conformancePdf } from '../fixtures/conformance/pdf.ts';
import { tabbedAsDocx } from '../fixtures/docx.ts';

/**
 * One small set of tables (收支总表, 一般公共预算支出表, 基本支出表, 三公 table) printed in each layout the parser
 * reads: single-space text (the 喀什/巨鹿 extractions), tab-separated text (the 经开区 extraction), `pdftotext
 * -layout` text (the 上海 samples), a PDF, and a Word document (the tab-separated tables as Word tables, group labels
 * merged over their columns). Whatever the layout, the parse must give the same tables.
 */
const text = (name: string) => readFileSync(new URL(`../fixtures/conformance/${name}.txt`, import.meta.url), 'utf8');

/** What a reader of the table sees: its kind, columns, and each row's code, name, role, side and amounts. */
function shape(t: Table) {
  return {
    kind: t.kind,
    unit: t.unit,
    columns: t.columns.map((c) => c.key),
    rows: t.rows.map((r) => ({ code: r.code, name: r.name, role: r.role, side: r.texts.side ?? null, values: r.values })),
  };
}

/** A row of a table with columns 合计 and two parts (基本支出 / 项目支出, 人员经费 / 公用经费). */
const rowOf = (parts: readonly [string, string]) => (code: string | null, name: string, role: string, [total, a, b]: Array<number | null>) => ({
  code,
  name,
  role,
  side: null,
  values: { total, [parts[0]]: a, [parts[1]]: b },
});
const fn = rowOf(['basic', 'project']);
const econ = rowOf(['personnel', 'public']);
const v = (total: number | null, a: number | null, b: number | null) => [total, a, b];

/** The tables as printed, checked by hand against the fixtures (they print the same numbers). */
const EXPECTED = [
  {
    kind: 'income-expenditure-summary',
    unit: '万元',
    columns: ['total'],
    rows: [
      { code: null, name: '一般公共预算拨款收入', role: 'data', side: 'income', values: { total: 120 } },
      { code: '201', name: '一般公共服务支出', role: 'data', side: 'expenditure', values: { total: 100 } },
      { code: null, name: '政府性基金预算拨款收入', role: 'data', side: 'income', values: { total: null } },
      { code: '208', name: '社会保障和就业支出', role: 'data', side: 'expenditure', values: { total: 20 } },
      { code: null, name: '本年收入合计', role: 'total', side: 'income', values: { total: 120 } },
      { code: null, name: '本年支出合计', role: 'total', side: 'expenditure', values: { total: 120 } },
    ],
  },
  {
    kind: 'general-budget-expenditure',
    unit: '万元',
    columns: ['total', 'basic', 'project'],
    rows: [
      fn(null, '合计', 'total', v(120, 100, 20)),
      fn('201', '一般公共服务支出', 'data', v(100, 80, 20)),
      fn('20103', '政府办公厅（室）及相关机构事务', 'data', v(100, 80, 20)),
      fn('2010301', '行政运行', 'data', v(80, 80, null)),
      fn('2010302', '一般行政管理事务', 'data', v(20, null, 20)),
      fn('208', '社会保障和就业支出', 'data', v(20, 20, null)),
      fn('20805', '行政事业单位养老支出', 'data', v(20, 20, null)),
      fn('2080505', '机关事业单位基本养老保险缴费支出', 'data', v(20, 20, null)),
    ],
  },
  {
    kind: 'general-budget-basic-expenditure',
    unit: '万元',
    columns: ['total', 'personnel', 'public'],
    rows: [
      econ(null, '合计', 'total', v(100, 80, 20)),
      econ('301', '工资福利支出', 'data', v(70, 70, null)),
      econ('30101', '基本工资', 'data', v(40, 40, null)),
      econ('30102', '津贴补贴', 'data', v(30, 30, null)),
      econ('302', '商品和服务支出', 'data', v(20, null, 20)),
      econ('30201', '办公费', 'data', v(12, null, 12)),
      econ('30211', '差旅费', 'data', v(8, null, 8)),
      econ('303', '对个人和家庭的补助', 'data', v(10, 10, null)),
      econ('30305', '生活补助', 'data', v(10, 10, null)),
    ],
  },
  {
    kind: 'three-public-expenditure',
    unit: '万元',
    columns: ['total', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception'],
    rows: [
      {
        code: null,
        name: '',
        role: 'data',
        side: null,
        values: { total: 30.5, 'outbound-travel': 0, vehicles: 28, 'vehicle-purchase': 20, 'vehicle-operation': 8, reception: 2.5 },
      },
    ],
  },
];

async function sourceText(bytes: Uint8Array): Promise<string> {
  const read = await readSource(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.text;
}
const pdfText = () => sourceText(conformancePdf());
const docxText = async () => sourceText(await tabbedAsDocx(text('tabbed')));

describe('the same tables in every layout', () => {
  it.each([
    ['spaced', () => text('spaced')],
    ['tabbed', () => text('tabbed')],
    ['aligned', () => text('aligned')],
    ['aligned', pdfText],
    ['tabbed', docxText],
  ] as const)('%s text gives the same tables', async (layout, source) => {
    const lines = toSourceLines(await source());
    expect(detectLayout(lines)).toBe(layout);
    expect(parseTables(lines).tables.map(shape)).toEqual(EXPECTED);
  });

  // The same tables, and each says how its cells were known: single-space text placed them by the identities.
  it.each([
    ['spaced', 'placed', () => text('spaced')],
    ['tabbed', 'exact', () => text('tabbed')],
    ['aligned', 'positioned', () => text('aligned')],
    ['PDF', 'positioned', pdfText],
    ['Word', 'exact', docxText],
  ] as const)('%s text marks its cells %s', async (_, cells, source) => {
    expect(new Set(parseTables(toSourceLines(await source())).tables.map((t) => t.cells))).toEqual(new Set([cells]));
  });
});
