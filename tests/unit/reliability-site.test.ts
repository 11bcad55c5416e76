import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/site/csv.ts';
import { termPath, termSlug } from '../../src/site/glossary.ts';
import { sourceBytes, sourceContentType, sourceFileName, sourceLink } from '../../src/site/sources.ts';
import type { Disclosure } from '../../src/schema/disclosure.ts';

describe('CSV cells a spreadsheet would read as formulas (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    ['  =HYPERLINK("http://x")', `"'  =HYPERLINK(""http://x"")"`],
    ['\u3000=1', `"'\u3000=1"`],
    ['＝1+1', `"'＝1+1"`],
    ['＋1', `"'＋1"`],
    ['－1', `"'－1"`],
    ['＠A1', `"'＠A1"`],
  ])('%j is escaped', (value, csv) => {
    expect(csvCell(value)).toBe(csv);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(csvCell('一般公共服务支出')).toBe('"一般公共服务支出"');
    expect(csvCell('合计 = 基本支出 + 项目支出')).toBe('"合计 = 基本支出 + 项目支出"');
    expect(csvCell(-12.5)).toBe('-12.5');
  });
});

describe('glossary term slugs', () => {
  it('keeps short terms readable and bounds a 200-character term to a file name a file system accepts', () => {
    expect(termSlug('机关运行经费')).toBe('机关运行经费');
    const long = '经'.repeat(200);
    const slug = termSlug(long);
    expect(Array.from(slug).length).toBeLessThanOrEqual(33);
    expect(Buffer.byteLength(slug)).toBeLessThan(255);
    expect(slug).toMatch(/^经{24}-[0-9a-f]{8}$/);
    // Two long terms with the same beginning stay apart.
    expect(termSlug(`${long}甲`)).not.toBe(slug);
    expect(termPath(long).length).toBeLessThan(255 * 3);
  });
});

describe('published originals', () => {
  const doc = (file: string, format: Disclosure['source']['format'], encoding = 'utf-8') =>
    ({ slug: 'x-doc', source: { file, format, encoding, sha256: '0'.repeat(64) } }) as Disclosure;

  it('are named by slug and format, so an HTML or SVG source is never published as a page', () => {
    expect(sourceFileName(doc('report.html', 'html'))).toBe('x-doc.txt');
    expect(sourceFileName(doc('report.txt', 'text'))).toBe('x-doc.txt');
    expect(sourceFileName(doc('a.pdf', 'pdf'))).toBe('x-doc.pdf');
    expect(sourceContentType(doc('report.html', 'html'))).toBe('text/plain; charset=utf-8');
    expect(sourceContentType(doc('r.txt', 'text', 'utf-8-bom'))).toBe('text/plain; charset=utf-8');
    expect(sourceContentType(doc('r.txt', 'text', 'gb18030'))).toBe('text/plain; charset=gb18030');
  });

  it('are linked under the name of what they are', () => {
    expect(sourceFileName(doc('预算.docx', 'docx'))).toBe('x-doc.docx');
    expect(sourceLink(doc('预算.docx', 'docx'))).toEqual({ label: '原始 Word 文档', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(sourceLink(doc('book.xlsx', 'xlsx')).label).toBe('原始 Excel 工作簿');
    expect(sourceFileName(doc('book.xls', 'xls'))).toBe('x-doc.xls');
    expect(sourceLink(doc('book.xls', 'xls'))).toEqual({ label: '原始 Excel 工作簿（.xls）', type: 'application/vnd.ms-excel' });
    expect(sourceLink(doc('a.pdf', 'pdf'))).toEqual({ label: '原始 PDF', type: 'application/pdf' });
    expect(sourceLink(doc('page.html', 'html'))).toEqual({ label: '原始网页（文本）', type: 'text/plain' });
  });

  it('are served only when the bundled file is the one parsed (same SHA-256)', () => {
    expect(sourceBytes(doc('kashgar-poverty-alleviation-office-2021-budget.txt', 'text'))).toBeNull();
    expect(sourceBytes(doc('../../../etc/passwd', 'text'))).toBeNull();
  });
});
