import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { spacedBlocks } from '../../src/ingest/tables/table-blocks.ts';
import { blockRow } from '../../src/ingest/layout/blocks.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';
import { continuedHeaderEnd, printedHeader } from '../../src/ingest/tables/shared/repeated-header.ts';

// A made-up 一般公共预算支出情况表 in single-space text over two pages: the second page prints the header's two lines
// again under the page number (L10–L11), and its first row's name is wrapped over two lines (L12–L13).
const text = [
  '表3', //                                                  L1
  '一般公共预算支出情况表',
  '编制部门：某区教育局 单位：万元',
  '功能分类科目 2026年预算数',
  '科目编码 科目名称 合计 基本支出 项目支出', //            L5
  '205 教育支出 120.00 100.00 20.00',
  '20502 普通教育 120.00 100.00 20.00',
  '2050201 学前教育 30.00 30.00 0.00',
  '- 12 -',
  '功能分类科目 2026年预算数', //                           L10
  '科目编码 科目名称 合计 基本支出 项目支出',
  '其他普通教育',
  '2050299 （含小学） 90.00 70.00 20.00',
  '合计 120.00 100.00 20.00',
];

describe('the column header a table continued over pages prints again', () => {
  const blocks = spacedBlocks(toSourceLines(text.join('\n')));
  const lineNos = (rows: readonly { line: { no: number } }[]) => rows.map((r) => r.line.no);

  it('parts the single-space table where its header is printed again, each part with that header marked', () => {
    expect(blocks.map((b) => [b.lines, b.region.continued, lineNos(b.rows), b.headerRows])).toEqual([
      [{ first: 1, last: 9 }, false, [4, 5, 6, 7, 8, 9], 2],
      [{ first: 10, last: 14 }, true, [10, 11, 12, 13, 14], 2],
    ]);
  });

  // The table's rows in print order: rows[6] is L10, rows[8] L12, rows[9] L13.
  const rows = [...blocks[0].rows, ...blocks[1].rows];

  it('ends the repeated header after its last line, and finds none at a wrapped name or a row', () => {
    expect(continuedHeaderEnd(rows, 6)).toBe(8);
    expect(continuedHeaderEnd(rows, 8)).toBe(-1);
    expect(continuedHeaderEnd(rows, 9)).toBe(-1);
  });

  it('counts the header by the reader\'s own rule where it passes one, and still asks a line of two labels', () => {
    expect(continuedHeaderEnd(rows, 6, { headerRows: () => 1 })).toBe(7);
    expect(continuedHeaderEnd(rows, 6, { headerRows: () => 0 })).toBe(-1);
    // A reader taking the wrapped name for a header line: it prints no two labels, so no header is printed there.
    expect(continuedHeaderEnd(rows, 8, { headerRows: () => 1 })).toBe(-1);
  });

  it('knows a header printed again by the first header\'s lines where the reader passes them, and ends it with them', () => {
    const firstHeader = printedHeader(blocks[0].rows.slice(0, 2));
    // L10–L11 print L4–L5 again; L12 is the row's name wrapped, no line of the header.
    expect(continuedHeaderEnd(rows, 6, { firstHeader })).toBe(8);
    expect(continuedHeaderEnd(rows, 7, { firstHeader })).toBe(-1);
    expect(continuedHeaderEnd(rows, 8, { firstHeader })).toBe(-1);
  });
});

// Text printed one cell a line (as opdef 深圳 水务局 2026 L3063–L3077 and 西安 交通运输局 2022 L6680–L6684): a header's
// labels printed again between two rows, in the header's order for a stretch, then a label of it out of that order.
describe('a header printed again between the rows of text printed one cell a line', () => {
  const lines = toSourceLines(
    [
      '科目编码', //                      L1
      '科目名称',
      '类',
      '款',
      '项', //                            L5
      '中预留给',
      '中小企业的项',
      '目资金规模',
      '2130301 行政运行 4,260.52',
      '中预留给', //                      L10
      '中小企业的项',
      '项',
      '2130304 水利行业业务管理 16,487.39',
      '项',
    ].join('\n'),
  );
  const rows = lines.map((_, i) => blockRow('spaced', lines, i));
  const firstHeader = printedHeader(rows.slice(0, 8));

  it('takes the labels printed again in order, two at least, whatever their words, and a label of the header after them', () => {
    // L10–L11 print L6–L7 again (no header word in them), L12 prints L5.
    expect(continuedHeaderEnd(rows, 9, { firstHeader })).toBe(12);
    // One label alone (L14 `项`) may be a wrapped name's last piece.
    expect(continuedHeaderEnd(rows, 13, { firstHeader })).toBe(-1);
    expect(continuedHeaderEnd(rows, 8, { firstHeader })).toBe(-1);
  });
});


const header = ['收 入 支 出', '项目 金 额 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算'];
const caption = ['2026年财政拨款收支总体情况表', '单位名称：某区教育局 单位：万元'];

// A made-up 财政拨款收支总体情况表 in `pdftotext -raw` text, as 长沙 教育 2026 prints it (-raw L185–L218): the title,
// unit line and header printed again on the next page (L9–L12), then an outline item of the expenditure side with no
// amount opening that page (L13), which the header words (支出) alone would take for a header line.
describe('an outline item without amounts opening a continued page under the header printed again', () => {
  const result = parseSpacedTables(
    toSourceLines(
      [
        ...caption, //                                                      L1–L2
        ...header, //                                                       L3–L4
        '一、本年收入 656.73 一、本年支出 656.73 656.73', //               L5
        '1、一般公共预算拨款收入 656.73 1、一般公共服务支出',
        '2、政府性基金预算拨款收入 2、教育支出 656.73 656.73',
        '3、国有资本经营预算拨款收入 3、灾害防治及应急管理支出',
        ...caption, //                                                      L9–L10
        ...header, //                                                       L11–L12
        '4、其他支出', //                                                   L13
        '二、上年结转 二、结转下年',
        '收 入 总 计 656.73 支 出 总 计 656.73 656.73', //                 L15
      ].join('\n'),
    ),
  );

  it('is a row of the table, not a line of its header', () => {
    const [table] = result.tables;
    expect(table.rows.filter((r) => r.lines.first === 13).map((r) => [r.name, r.texts.side])).toEqual([['4、其他支出', 'expenditure']]);
    // The lines printed again are no row's.
    expect(table.rows.filter((r) => r.lines.first >= 9 && r.lines.first <= 12)).toEqual([]);
  });
});

// The same made-up table, its continued page opening with an item whose name wraps (L13-L14), as 佛山 轨道交通局 2019
// 决算's plain pdftotext prints 财政拨款收入支出决算总表 (L1428-L1429 `十八、自然资源海洋气象等` / `支出`, one cell a line).
describe('an outline item without amounts, its name wrapped, opening a continued page', () => {
  const result = parseSpacedTables(
    toSourceLines(
      [
        ...caption, //                                                      L1–L2
        ...header, //                                                       L3–L4
        '一、一般公共预算拨款收入 656.73 一、一般公共服务支出',
        '二、政府性基金预算拨款收入 二、教育支出 656.73 656.73',
        '三、国有资本经营预算拨款收入 三、住房保障支出',
        '四、社会保障和就业支出', //                                        L8
        ...caption, //                                                      L9–L10
        ...header, //                                                       L11–L12
        '五、自然资源海洋气象等', //                                        L13
        '支出',
        '六、其他支出', //                                                  L15
        '本年收入合计 656.73 本年支出合计 656.73 656.73',
      ].join('\n'),
    ),
  );

  it('reads the item and the one after it as rows, the wrapped rest of its name no header line', () => {
    const [table] = result.tables;
    const names = table.rows.map((r) => r.name);
    expect(names).toContain('五、自然资源海洋气象等');
    expect(names).toContain('六、其他支出');
  });
});
