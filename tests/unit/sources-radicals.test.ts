import { describe, expect, it } from 'vitest';
import { unifyRadicals } from '../../src/ingest/sources/radicals.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// Some PDF producers (Chromium printing a portal page is one: its text through pdf.js read ⾸⻚ and ⽀出 where the page
// shows 首页 and 支出) store a glyph under its radical's code point; text copied out of such a PDF keeps them.
describe('radicals read as the ideographs they are drawn as', () => {
  it('maps Kangxi radicals and the radicals supplement to their ideographs, one unit for one', () => {
    // U+2F40 ⽀ → 支, U+2EDA ⻚ → 页, U+2F00 ⼀ → 一, U+2EA0 ⺠ → 民, U+2ECB ⻋ → 车 (Unicode's Equivalent_Unified_Ideograph).
    const text = '\u2f40\u51fa \u2eda \u2f00\u822c \u4eba\u2ea0 \u516c\u52a1\u7528\u2ecb';
    expect(unifyRadicals(text)).toEqual({ text: '支出 页 一般 人民 公务用车', count: 5 });
    expect(unifyRadicals(text).text).toHaveLength(text.length);
    expect(unifyRadicals('一般公共预算支出表')).toEqual({ text: '一般公共预算支出表', count: 0 });
  });

  it('lets a table whose title and rows hold radicals be read, and says so in a warning', async () => {
    // Written for this test: the seed EDZ's 一般公共预算支出情况表 header and two rows, tab-separated, with ⼀ and ⽀.
    const text = [
      '某局2024年单位预算',
      '\u2f00般公共预算\u2f40出情况表',
      '单位：万元',
      '科目编码\t科目名称\t合计\t基本\u2f40出\t项目\u2f40出',
      '\t合计\t30.00\t10.00\t20.00',
      '201\t\u2f00般公共服务\u2f40出\t30.00\t10.00\t20.00',
    ].join('\n');
    const read = await readSource(new TextEncoder().encode(text), 'radicals.txt');
    if (!read.ok) throw new Error(read.reason);
    expect(read.radicals).toBe(6); // two in the title, two in the header, two in the row
    const doc = parseDisclosure(read.text, { file: 'radicals.txt', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding, radicals: read.radicals });
    expect(doc.tables.map((t) => [t.kind, t.title, t.rows.map((r) => r.name)])).toEqual([
      ['general-budget-expenditure', '一般公共预算支出情况表', ['合计', '一般公共服务支出']],
    ]);
    expect(doc.warnings.filter((w) => w.includes('部首'))).toHaveLength(1);
    expect(doc.warnings.find((w) => w.includes('部首'))).toContain('6 个字');
  });
});
