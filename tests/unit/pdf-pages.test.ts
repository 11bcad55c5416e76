import { describe, expect, it } from 'vitest';
import { pagesOfLines } from '../../src/core/pages.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { checkPanel } from '../../src/site/check-panel.ts';
import { conformancePdf } from '../fixtures/conformance/pdf.ts';

// Rows and checks record their lines; from a PDF their page follows from `source.pageStarts` (issue 10, point 4).
describe('the page of a row and of a check, from a PDF', () => {
  it('pages of line ranges: none without pages, each page a range touches', () => {
    expect(pagesOfLines([], [{ first: 1, last: 900 }])).toEqual([]);
    // Pages 2 and 3 start at lines 10 and 20.
    expect(pagesOfLines([10, 20], [{ first: 3, last: 3 }])).toEqual([1]);
    expect(pagesOfLines([10, 20], [{ first: 9, last: 10 }, { first: 25, last: 25 }])).toEqual([1, 2, 3]);
  });

  it('every row of the conformance PDF is on the page its table is printed on, and a check names its page', async () => {
    const read = await readSource(conformancePdf());
    if (!read.ok) throw new Error(read.reason);
    const doc = parseDisclosure(read.text, { file: 'c.pdf', sha256: '0'.repeat(64), format: 'pdf', encoding: 'pdf', pageStarts: read.pageStarts });
    // One table a page: 收支总表 on page 1 … 三公 table on page 4.
    expect(doc.tables.map((t) => [t.kind, pagesOfLines(doc.source.pageStarts, t.rows.map((r) => r.lines))])).toEqual([
      ['income-expenditure-summary', [1]],
      ['general-budget-expenditure', [2]],
      ['general-budget-basic-expenditure', [3]],
      ['three-public-expenditure', [4]],
    ]);
    const basic = doc.tables[2];
    const row = basic.rows.find((r) => r.code === '30201')!;
    doc.checks.push({ id: `${basic.id}:row:30201:total`, status: 'fail', message: '示例', expected: 12, actual: 13, lines: [row.lines] });
    const item = checkPanel(doc).failed.flatMap((g) => g.items).find((i) => i.check.id === `${basic.id}:row:30201:total`)!;
    expect(item.where).toBe(`第 ${row.lines.first} 行（第 3 页）`);
  });
});
