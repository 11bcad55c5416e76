import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// Written for this test: a tab-separated 支出表 cut by a page break, the page's number printed between its two pages'
// rows as a converter keeps it (`- 5 -` at line 8; `5` alone between blank lines in the second case). The table goes
// on after it (tabbed/regions.ts), and the block stage marks the line furniture: it is no note of the table.
const table = (pageNumber: string) =>
  [
    '表3', // 1
    '一般公共预算支出表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '201\t一般公共服务支出\t30.00\t20.00\t10.00', // 5
    '20101\t人大事务\t30.00\t20.00\t10.00',
    '',
    pageNumber, // 8
    '',
    '\f2010101\t行政运行\t20.00\t20.00\t', // 10
    '2010102\t一般行政管理事务\t10.00\t\t10.00',
    '注：本表无数据的项目不列示。',
  ].join('\n');

describe('a page number between two pages of a tab-separated table', () => {
  for (const pageNumber of ['- 5 -', '5']) {
    it(`(${pageNumber}) is read as furniture, not as a note, and the rows on both sides stay one table`, () => {
      const doc = parseDisclosure(table(pageNumber), { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
      expect(doc.tables).toHaveLength(1);
      const [t] = doc.tables;
      expect(t.notes).toEqual(['注：本表无数据的项目不列示。']);
      expect(t.rows.map((r) => [r.code, r.lines.first])).toEqual([
        ['201', 5],
        ['20101', 6],
        ['2010101', 10],
        ['2010102', 11],
      ]);
      expect(doc.unparsed).toEqual([]);
    });
  }
});
