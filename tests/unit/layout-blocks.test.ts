import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { toSourceLines, type SourceLine } from '../../src/ingest/source-lines.ts';
import { cellAmount } from '../../src/ingest/layout/cell-text.ts';
import { blockRow, rowPart, type BlockCell, type BlockLayout, type GridBlock } from '../../src/ingest/layout/blocks.ts';
import { rowMarks } from '../../src/ingest/tables/shared/header-rows.ts';
import { alignedBlocks, spacedBlocks, tabbedBlocks } from '../../src/ingest/tables/table-blocks.ts';
import { statedUnit } from '../../src/core/units.ts';
import { conformancePdf } from '../fixtures/conformance/pdf.ts';

/**
 * Issue 10 point 1: the block stage turns each table of the conformance fixtures (tests/fixtures/conformance/, the
 * same 收支总表, 一般公共预算支出表, 基本支出表 and 三公 table in every layout) into a grid block, its rows cut once.
 * Whatever the layout, the blocks name the same tables in their captions and print the same rows of amounts; a
 * cell's window is its slot (tabbed), its character columns (aligned) or its word's place (spaced), and only a
 * single-space word is uncertain.
 */
const lines = (name: string) => toSourceLines(readFileSync(new URL(`../fixtures/conformance/${name}.txt`, import.meta.url), 'utf8'));

async function pdfLines(): Promise<SourceLine[]> {
  const read = await readSource(conformancePdf());
  if (!read.ok) throw new Error(read.reason);
  return toSourceLines(read.text);
}

const TITLES = ['部门收支总体情况表', '一般公共预算支出情况表', '一般公共预算基本支出情况表', '一般公共预算“三公”经费支出情况表'];
/** Rows printing an amount, counted by hand in each fixture: 3 in the 收支总表, 合计 and 7 coded rows, 合计 and 8, the 三公 row. */
const AMOUNT_ROWS = [3, 8, 9, 1];

const amountRows = (b: GridBlock) => b.rows.filter((r) => r.cells.some((c) => cellAmount(c.text) != null));
const cellsOfLine = (b: GridBlock, no: number) => b.rows.find((r) => r.line.no === no)!.cells;
const window = (c: BlockCell) => [c.text, c.start, c.end];

describe('the block stage on the same tables in every layout', () => {
  it.each([
    ['tabbed', async () => tabbedBlocks(lines('tabbed'))],
    ['aligned', async () => alignedBlocks(lines('aligned'))],
    ['PDF', async () => alignedBlocks(await pdfLines())],
    ['spaced', async () => spacedBlocks(lines('spaced'))],
  ] as const)('%s text: the same captions and rows of amounts', async (layout, blocksOf) => {
    const blocks: GridBlock[] = await blocksOf();
    expect(blocks.map((b) => b.title)).toEqual(TITLES);
    // Each caption prints the title and the unit line (单位：万元).
    for (const b of blocks) {
      expect(b.caption.map((l) => l.text.trim())).toContain(b.title);
      expect(b.caption.map((l) => statedUnit(l.text)).filter(Boolean)).toEqual(['万元']);
    }
    expect(blocks.map((b) => amountRows(b).length)).toEqual(AMOUNT_ROWS);
    // A word of single-space text is no certain cell; a slot or an aligned run is.
    const uncertain = blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)).map((c) => c.uncertain === true);
    expect(new Set(uncertain)).toEqual(new Set([layout === 'spaced']));
  });

  // 行政运行 of the 一般公共预算支出表: 80.00 under 合计 and under 基本支出, nothing under 项目支出.
  it('cuts a tab-separated row into its slots, an empty one kept (tabbed.txt L29)', () => {
    const [, expenditure] = tabbedBlocks(lines('tabbed'));
    expect(cellsOfLine(expenditure, 29).map(window)).toEqual([
      ['201', 0, 1],
      ['03', 1, 2],
      ['01', 2, 3],
      ['行政运行', 3, 4],
      ['80.00', 4, 5],
      ['80.00', 5, 6],
      ['', 6, 7],
    ]);
    // The header line L24 names the slots: 合计 is slot 4, 基本支出 slot 5.
    expect(cellsOfLine(expenditure, 24).map((c) => c.text).slice(4)).toEqual(['合计', '基本支出', '项目支出']);
  });

  it('cuts an aligned row at its character columns, each amount under its label (aligned.txt L18 under L13)', () => {
    const [, expenditure] = alignedBlocks(lines('aligned'));
    const row = cellsOfLine(expenditure, 18);
    expect(row.map(window)).toEqual([
      ['201', 0, 3],
      ['03', 6, 8],
      ['01', 11, 13],
      ['行政运行', 16, 20],
      ['80.00', 41, 46],
      ['80.00', 57, 62],
    ]);
    const labels = cellsOfLine(expenditure, 13);
    expect(labels.map(window)).toEqual([
      ['功能分类科目名称', 24, 32],
      ['合计', 44, 46],
      ['基本支出', 57, 61],
      ['项目支出', 72, 76],
    ]);
    const under = (c: BlockCell) => labels.find((l) => l.start < c.end && c.start < l.end)?.text;
    expect(row.slice(4).map(under)).toEqual(['合计', '基本支出']);
  });

  it('cuts a single-space row into words, in order and uncertain (spaced.txt L31)', () => {
    const [, expenditure] = spacedBlocks(lines('spaced'));
    expect(cellsOfLine(expenditure, 31)).toEqual(
      ['201', '03', '01', '行政运行', '80.00', '80.00'].map((text, i) => ({ text, start: i, end: i + 1, uncertain: true })),
    );
  });

  // The 三公 row: 合计 30.50, 因公出国（境）费 0.00, 小计 28.00, 购置费 20.00, 运行费 8.00, 接待费 2.50.
  it('gives the 三公 row the same six amounts in every layout (tabbed L66, aligned L44, spaced L82)', () => {
    const amounts = ['30.50', '0.00', '28.00', '20.00', '8.00', '2.50'];
    expect(cellsOfLine(tabbedBlocks(lines('tabbed'))[3], 66).map((c) => c.text)).toEqual(amounts);
    expect(cellsOfLine(alignedBlocks(lines('aligned'))[3], 44).map((c) => c.text)).toEqual(amounts);
    expect(cellsOfLine(spacedBlocks(lines('spaced'))[3], 82).map((c) => c.text)).toEqual(amounts);
  });
});

// A 基本支出 table printed as two lists side by side (人员经费 left, 公用经费 right), as 佛山's 2019 决算 prints its
// 一般公共预算财政拨款基本支出决算表 in `pdftotext -raw` text, with made-up amounts (tests/fixtures/two-lists.txt): each
// line a row of each list. Its L5 is one row of the block, cut once into six words; its two rows are parts of it.
describe('a row printing two rows side by side', () => {
  const [block] = spacedBlocks(toSourceLines(readFileSync(new URL('../fixtures/two-lists.txt', import.meta.url), 'utf8')));
  const row = block.rows.find((r) => r.line.no === 5)!;
  const words = (texts: string[], from: number) => texts.map((text, i) => ({ text, start: from + i, end: from + i + 1, uncertain: true }));

  it('is parted into two rows of the block, each its cells as cut and the same line number (L5)', () => {
    expect(row.cells.map((c) => c.text)).toEqual(['301', '工资福利支出', '150.00', '302', '商品和服务支出', '30.00']);
    const left = rowPart(row, 0, 3);
    const right = rowPart(row, 3);
    expect(left.cells).toEqual(words(['301', '工资福利支出', '150.00'], 0));
    expect(right.cells).toEqual(words(['302', '商品和服务支出', '30.00'], 3));
    // A part's line prints its own words only, so that what a reader asks of its text it asks of the part.
    expect([left.line, right.line].map((l) => [l.no, l.text])).toEqual([
      [5, '301 工资福利支出 150.00'],
      [5, '302 商品和服务支出 30.00'],
    ]);
  });
});

/**
 * The block stage marks each block's header rows by one rule (tables/shared/header-rows.ts), whatever the layout. The
 * header lines counted by hand in each fixture (a spaced block keeps no blank line): tabbed.txt L9–L10, L23–L25,
 * L43–L45, L64–L65; aligned.txt L3–L4, L11–L14 (项目 / 功能分类科目编码 / 名称 合计 … / 类 款 项), L26–L29, L42–L43
 * (公务用车购置及运行费 over 小计); spaced.txt L6 L8, L20 L21 L23 (its 支出表 prints no 项目 line), L45 L47 L48 L50,
 * and the 三公 table's five lines L74–L80 (`合计 因公出国` / `（境）费` / … / `合计 公务用车购置费 公务用车运行费`).
 * No fixture prints a note under its table, so every row after the header is data.
 */
describe('the header rows of each block, marked once', () => {
  const HEADER_LINES = {
    tabbed: [[9, 10], [23, 24, 25], [43, 44, 45], [64, 65]],
    aligned: [[3, 4], [11, 12, 13, 14], [26, 27, 28, 29], [42, 43]],
    spaced: [[6, 8], [20, 21, 23], [45, 47, 48, 50], [74, 75, 77, 78, 80]],
  };
  it.each([
    ['tabbed', () => tabbedBlocks(lines('tabbed'))],
    ['aligned', () => alignedBlocks(lines('aligned'))],
    ['spaced', () => spacedBlocks(lines('spaced'))],
  ] as const)('%s text', (layout, blocksOf) => {
    const blocks: GridBlock[] = blocksOf();
    expect(blocks.map((b) => b.rows.slice(0, b.headerRows).map((r) => r.line.no))).toEqual(HEADER_LINES[layout]);
    expect(blocks.map((b) => b.notesFrom)).toEqual(blocks.map((b) => b.rows.length));
    // The first row after the header prints an amount: 一般公共预算拨款收入 120.00, the 合计 rows, the 三公 row.
    for (const b of blocks) expect(b.rows[b.headerRows].cells.some((c) => cellAmount(c.text) != null)).toBe(true);
  });
});

/**
 * A table printed empty (a department without such funds) prints its header, its total row's name with no amount, and
 * a note: the total row is data, whatever the layout, and the note line ends the table. The same table in each
 * layout, written for this test: line 1 and 2 the header, line 3 `合计`, line 4 the note.
 */
describe('the header of a table printed empty ends at its total row', () => {
  const EMPTY = {
    tabbed: ['科目\t\t政府性基金预算支出\t\t', '科目编码\t科目名称\t合计\t基本支出\t项目支出', '\t合计\t\t\t', '注：本单位没有政府性基金预算支出，本表为空表。'],
    aligned: ['   科目                 政府性基金预算支出', '科目编码   科目名称     合计     基本支出    项目支出', '           合    计', '注：本单位没有政府性基金预算支出，本表为空表。'],
    spaced: ['科目 政府性基金预算支出', '科目编码 科目名称 合计 基本支出 项目支出', '合 计', '注：本单位没有政府性基金预算支出，本表为空表。'],
  };
  it.each(Object.entries(EMPTY))('%s text', (layout, text) => {
    const printed = toSourceLines(text.join('\n'));
    const rows = printed.map((_, i) => blockRow(layout as BlockLayout, printed, i));
    expect(rowMarks(rows)).toEqual({ headerRows: 2, notesFrom: 3 });
  });

  // hangzhou-transport-2026 表9 (opcoll L951–L958): a one-column table numbers its column `** 1`, which is the
  // header's, not a row of its own.
  it('under a one-column header numbered `** 1`', () => {
    const printed = toSourceLines(['功能分类科目名称 项目支出', '** 1', '合计', '备注：本部门没有国有资本经营预算拨款安排的支出，故本表无数据。'].join('\n'));
    expect(rowMarks(printed.map((_, i) => blockRow('spaced', printed, i)))).toEqual({ headerRows: 2, notesFrom: 3 });
  });

  // shanghai-putuo-justice-bureau-2026 department budget, -layout text L277–L287: `类 款 项` closes the header, then
  // `无` (the table's statement that it is empty, read as a note: row 4) and, four blank lines below, `合计`.
  it('at a row reading 无 above its total row', () => {
    const printed = toSourceLines(
      ['                 项目              政府性基金预算支出', '功能分类科目编码', '                  功能分类科目名称       合计     基本支出      项目支出', '类   款   项', '无', '', '                 合计', '注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。'].join('\n'),
    );
    expect(rowMarks(printed.map((_, i) => blockRow('aligned', printed, i)))).toEqual({ headerRows: 4, notesFrom: 7, statement: 4 });
  });

  it('not at a total column of a header printed one label a line (`-raw` and one-cell-a-line text)', () => {
    const printed = toSourceLines(['科目名称', '合计', '基本支出', '项目支出'].join('\n'));
    expect(rowMarks(printed.map((_, i) => blockRow('spaced', printed, i)))).toEqual({ headerRows: 4, notesFrom: 4 });
  });

  // kashgar-edz-party-mass-work-dept-2024-budget, tab-separated: 表8 政府性基金预算支出情况表 prints its header on
  // L510–L512, `合计` alone in the 科目名称 slot on L513 and its 备注 on L515; the 三公 table its header on L532–L533,
  // 合计 and five named rows, all without amounts, on L534–L539, and its 备注 on L541.
  it('kashgar-edz seed: the 政府性基金 and 三公 tables', () => {
    const seed = toSourceLines(readFileSync('content/sources/kashgar-edz-party-mass-work-dept-2024-budget.txt', 'utf8'));
    const at = (first: number) => tabbedBlocks(seed).find((b) => b.rows.some((r) => r.line.no === first))!;
    const parts = (b: GridBlock) => {
      const nos = (from: number, to: number) => b.rows.slice(from, to).filter((r) => r.cells.length > 0).map((r) => r.line.no);
      return [nos(0, b.headerRows), nos(b.headerRows, b.notesFrom), nos(b.notesFrom, b.rows.length)];
    };
    expect(parts(at(513))).toEqual([[510, 511, 512], [513], [515]]);
    expect(parts(at(534))).toEqual([[532, 533], [534, 535, 536, 537, 538, 539], [541]]);
  });
});
