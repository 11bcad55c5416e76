import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { proseBlocks } from '../../src/ingest/layout/prose-blocks.ts';
import { isPageFurnitureAt } from '../../src/ingest/page-furniture.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// Written for this test: a list printed one cell a line, as plain `pdftotext` prints a table or a target form (长沙
// 教育局 2026's target form: `水费` / blank / `120` / blank). Its 20 lines of one money amount make it one cell a line
// (layout/detect.ts). A value, `120` at line 19, stands between blank lines as a page's number would in `-layout`
// text; the pages' own numbers stand last on their pages, `1` at line 30 and `2` at line 50, each the next page's
// number less one, the next line opening a page with a form feed.
const text = [
  '某单位2026年部门预算支出明细', // 1
  '单位：万元',
  '项目',
  '金额',
  '办公费', // 5
  '12.50',
  '印刷费',
  '3.20',
  '邮电费',
  '1.80', // 10
  '差旅费',
  '25.00',
  '会议费',
  '4.60',
  '培训费', // 15
  '6.40',
  '水费',
  '',
  '120', // 19: a value
  '', // 20
  '电费',
  '45.30',
  '物业管理费',
  '88.00',
  '维修费', // 25
  '9.90',
  '租赁费',
  '30.00',
  '',
  '1', // 30: page 1's number
  '\f公务接待费',
  '2.10',
  '公务用车运行维护费',
  '7.70',
  '其他交通费用', // 35
  '5.50',
  '工会经费',
  '3.30',
  '福利费',
  '2.20', // 40
  '劳务费',
  '11.00',
  '委托业务费',
  '19.00',
  '专用材料费', // 45
  '8.80',
  '取暖费',
  '6.60',
  '',
  '2', // 50: page 2's number
  '\f咨询费',
  '4.40',
].join('\n');
const lines = toSourceLines(text);

describe('a bare number in text printed one cell a line', () => {
  it('is decided one cell a line by the layout stage', () => {
    expect(detectLayout(lines)).toBe('stacked');
  });

  it('is a value between blank lines (line 19) and the page’s number only last on its page (lines 30, 50)', () => {
    const furniture = (layout: 'stacked' | 'spaced') => lines.filter((l) => isPageFurnitureAt(lines, l.no, layout)).map((l) => l.no);
    expect(furniture('stacked')).toEqual([30, 50]);
    // In text that keeps its rows, blank lines on both sides of a bare number show page breaks.
    expect(furniture('spaced')).toEqual([19, 30, 50]);
  });

  it('is marked so in the prose blocks made with the document’s layout', () => {
    const marked = proseBlocks(lines, new Set(), detectLayout(lines)).flatMap((b) => b.rows.filter((r) => r.furniture).map((r) => r.line.no));
    expect(marked).toEqual([30, 50]);
  });

  it('keeps the value in the parsed document: no table reader takes the list, and its prose holds 水费, 120 (lines 17, 19) and no page number', () => {
    const doc = parseDisclosure(text, { file: 'stacked.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.tables).toEqual([]);
    expect(doc.sections.map((s) => s.lines)).toEqual([{ first: 1, last: 52 }]);
    const paragraphs = doc.sections[0].paragraphs;
    const at = paragraphs.indexOf('水费');
    expect(paragraphs.slice(at, at + 3)).toEqual(['水费', '120', '电费']);
    expect(paragraphs.filter((p) => p === '1' || p === '2')).toEqual([]);
    expect(doc.unparsed).toEqual([]);
  });
});

// Written for this test: seven pages printed one cell a line, numbered 1 to 7. Pages 3, 4 and 5 print their numbers
// among their cells (lines 11, 20, 27), as 杭州交通运输局 2026 in plain `pdftotext` prints `22` under a note and `24`
// among a table's values; pages 1, 2, 6 and 7 print theirs last (lines 3, 6, 32, 35). Among the cells, values that
// rise by one from page to page (`7`, `8`, `9`: lines 13, 18, 25) and codes (`301`, `302`, `303`: lines 9, 16, 23)
// continue the pages around them too, but the run of pages they rise over reaches no page's number printed last.
const numbered = toSourceLines(
  [
    '某部门2026年部门预算', // 1
    '',
    '1', // 3: page 1's number, last on it
    '\f一、部门职责',
    '', // 5
    '2', // 6: page 2's
    '\f表1 支出表',
    '',
    '301', // 9: a code
    '', // 10
    '3', // 11: page 3's, mid-page
    '',
    '7', // 13: a value
    '',
    '12.50', // 15
    '\f302', // 16: a code
    '',
    '8', // 18: a value
    '',
    '4', // 20: page 4's
    '',
    '8.00',
    '\f303', // 23: a code
    '',
    '9', // 25: a value
    '',
    '5', // 27: page 5's
    '',
    '6.40',
    '\f二、其他说明', // 30
    '',
    '6', // 32: page 6's, last on it
    '\f附件',
    '',
    '7', // 35: page 7's, last on it
    '\f',
  ].join('\n'),
);

describe('a page’s number printed among the cells of text printed one cell a line', () => {
  it('is furniture where the pages around it print one less and one more, in a run of pages that reaches a page numbered last on it', () => {
    const furniture = numbered.filter((l) => isPageFurnitureAt(numbered, l.no, 'stacked')).map((l) => l.no);
    expect(furniture).toEqual([3, 6, 11, 20, 27, 32, 35]);
  });
});
