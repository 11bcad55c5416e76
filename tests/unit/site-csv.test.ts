import { describe, expect, it } from 'vitest';
import { table } from '../../src/schema/table.ts';
import { tableCsv, tableCsvHeader } from '../../src/site/csv.ts';
import { tableCsvOf } from '../../src/site/table-csv.ts';

/**
 * The 政府性基金预算财政拨款收入支出决算表 of the national final-accounts template prints 合计 twice (the table's total
 * and 本年支出's own 合计); its CSV header must stay unique without showing the reader an internal column key.
 */
const fundTable = table.parse({
  id: 't9',
  kind: 'other',
  title: '政府性基金预算财政拨款收入支出决算表',
  unit: '万元',
  columns: [
    { key: 'total', label: '合计' },
    { key: 'c2', label: '年初结转和结余' },
    { key: 'c3', label: '本年收入' },
    { key: 'c4', label: '合计' },
    { key: 'c5', label: '' },
  ],
  rows: [{ code: '212', name: '城乡社区支出', values: { total: 10, c2: 1, c3: 9, c4: 10, c5: null }, group: null, lines: { first: 3, last: 3 } }],
  lines: { first: 1, last: 3 },
});

describe('table CSV header', () => {
  it('numbers a repeated or empty label by its column (第N列) instead of its key', () => {
    expect(tableCsvHeader(fundTable).columns).toEqual(['合计', '年初结转和结余', '本年收入', '合计（第4列）', '第5列']);
  });

  it('says of a column whose label the header did not print that the label is the standard form\'s, as the page stars it', () => {
    const templated = table.parse({ ...fundTable, columns: fundTable.columns.map((c, i) => (i === 1 ? { ...c, fromTemplate: true } : c)) });
    expect(tableCsvHeader(templated).columns.slice(0, 2)).toEqual(['合计', '年初结转和结余（原表表头未能读出，按标准表式）']);
  });

  it('writes every header field in Chinese, BOM first', () => {
    const header = tableCsv(fundTable).split('\r\n')[0]!;
    expect(header.startsWith('\uFEFF')).toBe(true);
    expect(header).not.toMatch(/[a-z]\d/);
  });
});

describe("a table's CSV from the published JSON", () => {
  it('reads the compact form ingest writes (defaults left out, line ranges as numbers) into the same CSV', () => {
    // The fund table above as data/<slug>.json carries it: no group, texts or role, lines 3 and [1, 3].
    const compact = {
      slug: 'x',
      tables: [
        { id: 't1', kind: 'other', title: '其他表', unit: null, columns: [], rows: [], lines: 1 },
        {
          id: 't9',
          kind: 'other',
          title: '政府性基金预算财政拨款收入支出决算表',
          unit: '万元',
          columns: fundTable.columns,
          rows: [{ code: '212', name: '城乡社区支出', values: { total: 10, c2: 1, c3: 9, c4: 10, c5: null }, lines: 3 }],
          lines: [1, 3],
        },
      ],
    };
    expect(tableCsvOf(compact, 't9')).toBe(tableCsv(fundTable));
    expect(tableCsvOf(compact, 't9')!.split('\r\n')[1]).toBe(',"212","城乡社区支出",10,1,9,10,');
    expect(tableCsvOf(compact, 't2')).toBeNull();
  });
});
