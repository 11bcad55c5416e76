import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { parseDisclosure, sourceInfo } from '../../src/ingest/parse-disclosure.ts';
import type { Disclosure } from '../../src/schema/disclosure.ts';
import { compact } from '../../src/core/width.ts';
import { ems, tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

/**
 * Empty tables as offices print them (issue 10): a 政府性基金 and a 国有资本经营 table with the national template's
 * header and no amount, saying so in a row inside the table (`本表无数据` or `本单位无此项支出` across its columns, `无`
 * in its first cell above its total row), in a line under it (注：… / a plain sentence / 备注：…), or only in the
 * 情况说明; and a table of zeros or of dashes, which says nothing and is read with its total row. Each printed four ways, all written for this test: text as
 * `pdftotext -layout` prints it (one column a character), a workbook (the statement one cell merged across the
 * columns), a web page (a `<td colspan>`) and a PDF of positioned glyphs. Each must give the table of its kind,
 * declared empty, its statement a note (not a row, not lost), no failed check and no finding that the statement is
 * missing.
 */

type Place = 'row' | 'first' | 'under' | 'prose' | 'zeros' | 'dashes';

interface Variant {
  name: string;
  place: Place;
  /** The statement of the 政府性基金 table and of the 国有资本经营 table. */
  fund: string;
  capital: string;
}

const VARIANTS: Variant[] = [
  { name: '本表无数据 across the columns', place: 'row', fund: '本表无数据', capital: '本表无数据' },
  { name: '本单位无此项支出 across the columns', place: 'row', fund: '本单位无此项支出', capital: '本单位无此项支出' },
  { name: '无 in the first cell above the total row', place: 'first', fund: '无', capital: '无' },
  {
    name: 'a 注 under the table',
    place: 'under',
    fund: '注：本单位2025年没有使用政府性基金预算拨款安排的支出，故本表无数据。',
    capital: '注：本单位2025年没有使用国有资本经营预算拨款安排的支出，故本表无数据。',
  },
  { name: 'a sentence under the table', place: 'under', fund: '本部门无政府性基金预算收支，此表为空表', capital: '本部门无国有资本经营预算收支，此表为空表' },
  { name: 'a 备注 under the table', place: 'under', fund: '备注：本单位不涉及政府性基金预算支出。', capital: '备注：本单位不涉及国有资本经营预算支出。' },
  { name: 'the 情况说明 only', place: 'prose', fund: '', capital: '' },
  { name: 'zeros in every cell of its total row, no statement', place: 'zeros', fund: '', capital: '' },
  { name: 'a dash in every cell of its total row, no statement', place: 'dashes', fund: '', capital: '' },
];

interface TableSpec {
  kind: 'government-fund-expenditure' | 'state-capital-expenditure';
  title: string;
  /** Two header lines, a cell a column ('' where a label above spans it). */
  header: [string[], string[]];
  statement: string;
}

const BUDGET_HEADER = (band: string): [string[], string[]] => [
  ['项目', '', band, '', ''],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
];
const FINAL_HEADER: [string[], string[]] = [
  ['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
  ['科目编码', '科目名称', '', '', '小计', '基本支出', '项目支出', ''],
];

function tablesOf(final: boolean, v: Variant): TableSpec[] {
  return [
    {
      kind: 'government-fund-expenditure',
      title: final ? '表2 政府性基金预算财政拨款收入支出决算表' : '表2 政府性基金预算支出表',
      header: final ? FINAL_HEADER : BUDGET_HEADER('本年政府性基金预算支出'),
      statement: v.fund,
    },
    {
      kind: 'state-capital-expenditure',
      title: final ? '表3 国有资本经营预算财政拨款支出决算表' : '表3 国有资本经营预算支出表',
      header: final ? FINAL_HEADER : BUDGET_HEADER('本年国有资本经营预算支出'),
      statement: v.capital,
    },
  ];
}

/** The document around the tables: its title and 概况, and the 情况说明 after them. */
function document(final: boolean, v: Variant) {
  const year = final ? 2024 : 2025;
  const kind = final ? '决算' : '预算';
  const tables = tablesOf(final, v);
  const prose =
    v.place === 'prose'
      ? tables.map((t) => `本部门${year}年没有使用${t.kind === 'government-fund-expenditure' ? '政府性基金' : '国有资本经营'}预算拨款安排的支出，${t.title.slice(3)}为空表。`)
      : [`本部门${year}年政府性基金预算支出情况见表2。`];
  return {
    head: [`某县农业农村局${year}年部门${kind}公开`, '第一部分 部门概况', '一、主要职能', '贯彻落实国家关于农业农村工作的方针政策。', `第二部分 ${year}年部门${kind}表`],
    tables,
    tail: [`第三部分 ${year}年部门${kind}情况说明`, '一、政府性基金预算支出情况说明', ...prose],
  };
}

/** The rows under a table's header: its statement in a row, and its total row where the variant prints one. */
function bodyRows(v: Variant, t: TableSpec): Array<{ cells: string[]; span: boolean }> {
  const n = t.header[0].length;
  const blank = (first: string, name = '') => [first, name, ...Array<string>(n - 2).fill('')];
  if (v.place === 'row') return [{ cells: blank(t.statement), span: true }];
  if (v.place === 'first') return [{ cells: blank(t.statement), span: false }, { cells: blank('', '合计'), span: false }];
  if (v.place === 'zeros') return [{ cells: ['', '合计', ...Array<string>(n - 2).fill('0.00')], span: false }];
  if (v.place === 'dashes') return [{ cells: ['', '合计', ...Array<string>(n - 2).fill('-')], span: false }];
  return [];
}

const under = (v: Variant, t: TableSpec) => (v.place === 'under' ? [t.statement] : []);

// ---- `pdftotext -layout` text: one column a character, labels from their column's start, amounts to its end.

function layoutLine(cells: string[], starts: readonly number[], ends: readonly number[]): string {
  let line = '';
  cells.forEach((c, i) => {
    if (c === '') return;
    const at = /^(?:[\d.]+|-)$/.test(c) ? ends[i] - c.length : starts[i];
    line = line.padEnd(Math.max(at, line.length + 1)) + c;
  });
  return line;
}

function layoutText(final: boolean, v: Variant): string {
  const doc = document(final, v);
  const starts = final ? [0, 9, 24, 34, 42, 50, 58, 66] : [0, 9, 30, 40, 50];
  const ends = final ? [8, 23, 33, 41, 49, 57, 65, 76] : [8, 29, 39, 49, 58];
  const lines = [...doc.head];
  for (const t of doc.tables) {
    lines.push(`${' '.repeat(20)}${t.title}`, '编制单位：某县农业农村局                    单位：万元');
    for (const h of t.header) lines.push(layoutLine(h, starts, ends));
    for (const r of bodyRows(v, t)) lines.push(layoutLine(r.cells, starts, ends));
    lines.push(...under(v, t));
  }
  return [...lines, ...doc.tail, ''].join('\n');
}

// ---- A web page: the statement row one `<td colspan>`.

function html(final: boolean, v: Variant): Uint8Array {
  const doc = document(final, v);
  const tr = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const parts = doc.head.map((l) => `<p>${l}</p>`);
  for (const t of doc.tables) {
    parts.push(`<p style="text-align:center">${t.title}</p>`, '<p>编制单位：某县农业农村局　　单位：万元</p>', '<table border="1">');
    for (const h of t.header) parts.push(tr(h));
    for (const r of bodyRows(v, t)) parts.push(r.span ? `<tr><td colspan="${r.cells.length}">${r.cells[0]}</td></tr>` : tr(r.cells));
    parts.push('</table>', ...under(v, t).map((l) => `<p>${l}</p>`));
  }
  parts.push(...doc.tail.map((l) => `<p>${l}</p>`));
  return Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${doc.head[0]}</title></head><body>\n${parts.join('\n')}\n</body></html>\n`);
}

// ---- A workbook: one sheet, the statement one cell merged across the table's columns.

async function workbook(final: boolean, v: Variant): Promise<Uint8Array> {
  const doc = document(final, v);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  let row = 0;
  const put = (cells: string[]) => {
    row++;
    cells.forEach((c, i) => {
      if (c !== '') ws.getRow(row).getCell(i + 1).value = /^[\d.]+$/.test(c) ? Number(c) : c;
    });
  };
  for (const l of doc.head) put([l]);
  for (const t of doc.tables) {
    const n = t.header[0].length;
    put([t.title]);
    put(['编制单位：某县农业农村局', ...Array<string>(n - 2).fill(''), '单位：万元']);
    for (const h of t.header) put(h);
    for (const r of bodyRows(v, t)) {
      put(r.cells);
      if (r.span) ws.mergeCells(row, 1, row, n);
    }
    for (const l of under(v, t)) put([l]);
    row++;
  }
  for (const l of doc.tail) put([l]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---- A PDF: a page for the head, one for each table, one for the 情况说明.

const SIZE = 9;

function pdf(final: boolean, v: Variant): Uint8Array {
  const doc = document(final, v);
  const lines = (texts: readonly string[]): PlacedText[] => texts.map((text, i) => ({ text, x: 40, y: 60 + i * 20, size: 10 }));
  // Column edges (points), and each header label: its text, the columns it is centred over, its line. The 决算
  // header's long labels wrap onto two lines, as offices print them.
  const edges = final ? [40, 90, 190, 255, 315, 370, 430, 490, 555] : [40, 110, 250, 350, 450, 550];
  const labels = (band: string): Array<[string, number, number, number]> =>
    final
      ? [
          ['项目', 0, 2, 0], ['年初结转', 2, 3, 0], ['本年收入', 3, 4, 0], ['本年支出', 4, 7, 0], ['年末结转', 7, 8, 0],
          ['科目编码', 0, 1, 1], ['科目名称', 1, 2, 1], ['和结余', 2, 3, 1], ['小计', 4, 5, 1], ['基本支出', 5, 6, 1], ['项目支出', 6, 7, 1], ['和结余', 7, 8, 1],
        ]
      : [['项目', 0, 2, 0], [band, 2, 5, 0], ['科目编码', 0, 1, 1], ['科目名称', 1, 2, 1], ['合计', 2, 3, 1], ['基本支出', 3, 4, 1], ['项目支出', 4, 5, 1]];
  const pages = [lines(doc.head)];
  for (const t of doc.tables) {
    const page: PlacedText[] = [
      { text: t.title, x: 297 - (ems(t.title) * 12) / 2, y: 50, size: 12 },
      { text: '编制单位：某县农业农村局', x: 40, y: 80, size: SIZE },
      { text: '单位：万元', x: 505, y: 80, size: SIZE },
    ];
    for (const [text, from, to, line] of labels(t.header[0][2])) {
      page.push({ text, x: (edges[from] + edges[to]) / 2 - (ems(text) * SIZE) / 2, y: 105 + line * 16, size: SIZE });
    }
    let y = 105 + 2 * 16 + 4;
    for (const r of bodyRows(v, t)) {
      r.cells.forEach((c, i) => {
        if (c === '') return;
        const amount = /^(?:[\d.]+|-)$/.test(c);
        page.push({ text: c, x: amount ? edges[i + 1] - 4 - ems(c) * SIZE : r.span ? 200 : edges[i] + 3, y, size: SIZE });
      });
      y += 18;
    }
    for (const l of under(v, t)) page.push({ text: l, x: 40, y: y + 6, size: SIZE });
    pages.push(page);
  }
  pages.push(lines(doc.tail));
  return tinyPdf(pages);
}

// ---- Reading each and what it must give.

const SHA256 = '0'.repeat(64);

async function parsed(bytes: Uint8Array, file: string): Promise<{ doc: Disclosure; text: string }> {
  const read = await readSource(bytes);
  if (!read.ok) throw new Error(read.reason);
  return { doc: parseDisclosure(read.text, sourceInfo(read, file, SHA256)), text: read.text };
}

function expectEmptyTables(doc: Disclosure, text: string, final: boolean, v: Variant) {
  const lines = text.split('\n');
  for (const spec of tablesOf(final, v)) {
    const tables = doc.tables.filter((t) => t.kind === spec.kind);
    expect(tables.map((t) => compact(t.title))).toEqual([compact(spec.title)]);
    const [table] = tables;
    expect(table.declaredEmpty).toBe(v.place !== 'zeros' && v.place !== 'dashes');
    const amounts = final ? 6 : 3;
    const rows = table.rows.map((r) => [r.name, Object.values(r.values)]);
    if (v.place === 'first' || v.place === 'dashes') expect(rows).toEqual([['合计', Array(amounts).fill(null)]]);
    else if (v.place === 'zeros') expect(rows).toEqual([['合计', Array(amounts).fill(0)]]);
    else expect(rows).toEqual([]);
    if (v.place === 'row' || v.place === 'first' || v.place === 'under') {
      expect(table.notes).toEqual([spec.statement]);
      // Kept as printed, with the line of the table's that prints it.
      const line = lines.findIndex((l, i) => i + 1 >= table.lines.first && i + 1 <= table.lines.last && compact(l) === compact(spec.statement)) + 1;
      expect(line).toBeGreaterThan(0);
      expect(table.printed?.filter((p) => p.lines.first === line).map((p) => compact(p.text))).toEqual([compact(spec.statement)]);
    } else expect(table.notes).toEqual([]);
  }
  expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
  expect(doc.findings.filter((f) => f.id.startsWith('completeness.empty-table'))).toEqual([]);
  expect(doc.unparsed).toEqual([]);
}

describe.each([false, true])('empty 政府性基金 and 国有资本经营 tables (决算 %s)', (final) => {
  it.each(VARIANTS.map((v) => [v.name, v] as const))('%s: -layout text', async (_, v) => {
    const text = layoutText(final, v);
    const doc = parseDisclosure(text, { file: 't.txt', sha256: SHA256, format: 'text', encoding: 'utf-8' });
    expectEmptyTables(doc, text, final, v);
  });
  it.each(VARIANTS.map((v) => [v.name, v] as const))('%s: web page', async (_, v) => {
    const { doc, text } = await parsed(html(final, v), 't.html');
    expectEmptyTables(doc, text, final, v);
  });
  it.each(VARIANTS.map((v) => [v.name, v] as const))('%s: workbook', async (_, v) => {
    const { doc, text } = await parsed(await workbook(final, v), 't.xlsx');
    expectEmptyTables(doc, text, final, v);
  });
  it.each(VARIANTS.map((v) => [v.name, v] as const))('%s: PDF', async (_, v) => {
    const { doc, text } = await parsed(pdf(final, v), 't.pdf');
    expectEmptyTables(doc, text, final, v);
  });
});

// guangzhou-water-2026-budget as plain `pdftotext` prints it (one cell a line), its lines 2236–2370: the 政府性基金
// table, then 表10 国有资本经营预算支出情况表 (fixture lines 112–132) printing one `0.00` (line 130) that no row takes,
// over `注：本表本年无发生额。` (line 132). The loose amount is a zero: the table is empty as its note says.
describe('a table one cell a line whose only amount, a zero, no row takes', () => {
  it('is declared empty by its note, the zero kept in unparsed', () => {
    const text = readFileSync(new URL('../fixtures/stacked-zero-guangzhou.txt', import.meta.url), 'utf8');
    const doc = parseDisclosure(text, { file: 't.txt', sha256: SHA256, format: 'text', encoding: 'utf-8' });
    const table = doc.tables.find((t) => t.kind === 'state-capital-expenditure')!;
    expect([table.title, table.lines, table.declaredEmpty, table.rows, table.notes]).toEqual([
      '国有资本经营预算支出情况表',
      { first: 112, last: 132 },
      true,
      [],
      ['注：本表本年无发生额。'],
    ]);
    expect(doc.unparsed.filter((u) => u.lines.first === 130).map((u) => u.text)).toEqual(['0.00']);
  });
});
