import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import * as codepages from '@e965/xlsx/dist/cpexcel.full.mjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInput, MAX_INPUT_BYTES } from '../../src/ingest/decode.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

const SEED = 'content/sources/kashgar-poverty-alleviation-office-2021-budget.txt';
// The fixture is lines 1-140 of the seed, converted once with `iconv -f UTF-8 -t GB18030` (Debian's iconv).
const GB18030_FIXTURE = 'tests/fixtures/encodings/kashgar-poverty-office-lines-1-140.gb18030.txt';
const seedHead = () => `${readFileSync(SEED, 'utf8').split('\n').slice(0, 140).join('\n')}\n`;

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

// SheetJS's code-page module exports `utils` by name; its type declarations describe a default export instead.
const { encode } = (codepages as unknown as { utils: { encode(cp: number, text: string): Buffer } }).utils;
/** Text in GBK (code page 936), as older Chinese Windows tools and portals write it. */
const gbk = (text: string) => new Uint8Array(encode(936, text));

const withBom = (bom: number[], body: Uint8Array) => Buffer.concat([Buffer.from(bom), body]);

/** A minimal PDF as a converter would write it: header, the binary-marker comment, one object, a trailer. */
function tinyPdf(): Uint8Array {
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%'),
    Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
    Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n'),
    Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
    Buffer.from('\nendstream\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);
}

describe('decodeInput: bad and unusual input files', () => {
  it('refuses an empty file and a file of white space only', () => {
    expect(decodeInput(new Uint8Array())).toEqual({ ok: false, reason: '文件是空的', line: null });
    expect(decodeInput(Buffer.from(' \n\r\n\t\n'))).toEqual({ ok: false, reason: '文件里只有空白', line: null });
  });

  it('reads bytes that open with %PDF- as a PDF, never as text: this broken one is refused as a PDF', async () => {
    const result = await readSource(tinyPdf());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^PDF 文件已损坏/);
  });

  it('names PNG, JPEG, GIF, ZIP (DOCX/XLSX), OFD, RAR, 7z, gzip, OLE (DOC/WPS) and RTF files', () => {
    const cases: Array<[number[], RegExp]> = [
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52], /PNG 图片/],
      [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46], /JPEG 图片/],
      [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0], /GIF 图片/],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], /^这是 ZIP 压缩包.*一批文件的压缩包请先解压/],
      // A local file header (30 bytes) naming the entry OFD.xml, as every OFD package holds one.
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...new Array(16).fill(0), 7, 0, 0, 0, ...Buffer.from('OFD.xml')], /^这是 OFD 版式文档，本工具不读取这种格式：请用 OFD 阅读器/],
      [[...Buffer.from('Rar!'), 0x1a, 0x07, 0x01, 0x00], /^这是 RAR 压缩包，不是文本：请先解压/],
      [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4], /^这是 7z 压缩包/],
      [[0x1f, 0x8b, 0x08, 0], /^这是 gzip 压缩文件/],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /^这是旧版 Word 或 WPS 文档.*本工具不读取这种格式：请在 Word 或 WPS 中另存为 \.docx 或 PDF/],
      [[...Buffer.from('{\\rtf1\\ansi ')], /^这是 RTF 文档，本工具不读取这种格式：请在 Word 或 WPS 中另存为 \.docx 或 PDF/],
    ];
    for (const [bytes, reason] of cases) {
      const result = decodeInput(Uint8Array.from(bytes));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });

  it('refuses binary data without a known signature, with the line where it starts', () => {
    // Text on lines 1-2, then a NUL-laden record on line 3: the report points at line 3.
    const bytes = Buffer.concat([Buffer.from('部门预算\n单位：万元\n'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41])]);
    expect(decodeInput(bytes)).toEqual({
      ok: false,
      reason: '文本中有二进制数据（控制字符）：不是提取出的文本',
      line: 3,
      notText: true,
    });
  });

  it('reports the line of an invalid byte sequence that is no known encoding', () => {
    // 0xff 0xff is invalid in UTF-8 and in GB18030; the Latin text around it makes it no GB18030 document either.
    const bytes = Buffer.concat([Buffer.from('budget\nline two\n'), Buffer.from([0xff, 0xff, 0x41]), Buffer.from('\n')]);
    expect(decodeInput(bytes)).toEqual({
      ok: false,
      reason: '文本的编码既不是 UTF-8、UTF-16，也不是 GB18030/GBK（有无效的字节序列）',
      line: 3,
      notText: true,
    });
  });

  it('says of a file named as a PDF, workbook or Word document whose bytes are none of them nor text that it is not one', async () => {
    // The bytes of the case above: no signature, and no encoding reads them.
    const bytes = Buffer.concat([Buffer.from('budget\nline two\n'), Buffer.from([0xff, 0xff, 0x41]), Buffer.from('\n')]);
    expect(await readSource(bytes, 'in/部门预算.pdf')).toEqual({
      ok: false,
      reason: '扩展名为 .pdf，内容却不是 PDF 文件，也不是文本：文件可能已损坏或没有下载完整，请重新取得原件',
      line: null,
    });
    expect(await readSource(bytes, 'in/部门预算.xls')).toMatchObject({ ok: false, reason: expect.stringMatching(/^扩展名为 \.xls，内容却不是 Excel 工作簿/) });
    // Named as text, or without a name, it is text in no known encoding, with the line that shows it.
    for (const name of ['in/部门预算.txt', '']) {
      expect(await readSource(bytes, name)).toEqual({ ok: false, reason: '文本的编码既不是 UTF-8、UTF-16，也不是 GB18030/GBK（有无效的字节序列）', line: 3 });
    }
    // What the bytes are, when they say it, is said whatever the name: a RAR archive named .pdf is a RAR archive.
    expect(await readSource(Buffer.from([...Buffer.from('Rar!'), 0x1a, 0x07, 0x01, 0x00]), 'x.pdf')).toMatchObject({ ok: false, reason: expect.stringMatching(/^这是 RAR 压缩包/) });
  });

  it('decodes GB18030 (a GBK-compatible extraction) to the same text as the UTF-8 seed', () => {
    const result = decodeInput(readFileSync(GB18030_FIXTURE));
    expect(result).toEqual({ ok: true, text: seedHead(), encoding: 'gb18030' });
    // Line 78 of the seed is the first table's 编制部门 line; the decoded text keeps it on the same line.
    if (result.ok) expect(toSourceLines(result.text)[77].text).toBe(' 编制部门：新疆维吾尔自治区喀什地区扶贫开发办公室 单位：万元');
  });

  it('decodes a GBK web page and a GBK Excel 2003 XML export, whose markup is mostly ASCII, as GB18030', async () => {
    // A portal page saved in GBK (its own meta says utf-8, as copied templates often do: the bytes decide).
    const page = readFileSync('tests/fixtures/formats/portal-budget-page.html', 'utf8');
    const gbPage = await readSource(gbk(page));
    const utf8Page = await readSource(Buffer.from(page));
    expect(gbPage).toMatchObject({ ok: true, format: 'html', encoding: 'gb18030' });
    expect(gbPage.ok && utf8Page.ok && gbPage.text === utf8Page.text).toBe(true);
    // The same workbook as XML Spreadsheet, in UTF-8 and in GBK with the declaration saying so.
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['一般公共预算支出情况表'], ['项目', '合计'], ['行政运行', 181.23]]), '表5');
    const xml = (XLSX.write(book, { type: 'buffer', bookType: 'xlml' }) as Buffer).toString('utf8');
    const gbXml = await readSource(gbk(xml.replace('encoding="UTF-8"', 'encoding="GB2312"')));
    const utf8Xml = await readSource(Buffer.from(xml));
    for (const read of [gbXml, utf8Xml]) expect(read).toMatchObject({ ok: true, format: 'xls', text: '一般公共预算支出情况表\n项目\t合计\n行政运行\t181.23\n' });
  });

  it('decodes UTF-16 LE and BE, with and without a byte-order mark', () => {
    const text = seedHead();
    const le = Buffer.from(text, 'utf16le');
    const be = utf16be(text);
    expect(decodeInput(withBom([0xff, 0xfe], le))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeInput(withBom([0xfe, 0xff], be))).toEqual({ ok: true, text, encoding: 'utf-16be' });
    expect(decodeInput(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeInput(be)).toEqual({ ok: true, text, encoding: 'utf-16be' });
    const ascii = '2021 budget\r\ntotal 1439.48\r\n';
    expect(decodeInput(Buffer.from(ascii, 'utf16le'))).toEqual({ ok: true, text: ascii, encoding: 'utf-16le' });
  });

  it('decodes UTF-8 with a byte-order mark, without keeping the mark', () => {
    const text = seedHead();
    expect(decodeInput(withBom([0xef, 0xbb, 0xbf], Buffer.from(text)))).toEqual({ ok: true, text, encoding: 'utf-8-bom' });
  });

  it('reads CRLF text as the same source lines as LF text', () => {
    const text = seedHead();
    const crlf = decodeInput(Buffer.from(text.replace(/\n/g, '\r\n')));
    expect(crlf.ok).toBe(true);
    if (crlf.ok) expect(toSourceLines(crlf.text)).toEqual(toSourceLines(text));
  });

  it('keeps form feeds (page breaks in pdftotext output) as text', () => {
    const result = decodeInput(Buffer.from('第一页\n\f第二页\n'));
    expect(result.ok).toBe(true);
  });

  it(`refuses an input over ${MAX_INPUT_BYTES} bytes before decoding it`, () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41);
    expect(decodeInput(big)).toEqual({
      ok: false,
      reason: `文件有 ${MAX_INPUT_BYTES + 1} 字节，超过一份公开文件 ${MAX_INPUT_BYTES} 字节的上限`,
      line: null,
    });
  });

  it('never throws on arbitrary bytes, and either decodes to text or gives a reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const result = decodeInput(bytes);
        if (result.ok) expect(typeof result.text).toBe('string');
        else expect(result.reason.length).toBeGreaterThan(0);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('decodeInput: GB18030 bytes that are also valid UTF-8 (issue 16)', () => {
  // A GB18030 character whose lead byte is 0xC2–0xDF and trail byte 0xA1–0xBF is also a valid two-byte UTF-8
  // sequence (U+0080–U+07FF: Latin-1 symbols, Greek, Cyrillic …). The fixture's own bytes, cut to the characters of
  // that kind (with ASCII and line breaks), are real GB18030 text that UTF-8 accepts as mojibake.
  const fixture = readFileSync(GB18030_FIXTURE);
  const kept: number[] = [];
  for (let i = 0; i < fixture.length; ) {
    const b = fixture[i];
    if (b < 0x80) {
      kept.push(b);
      i++;
    } else {
      const trail = fixture[i + 1];
      if (b >= 0xc2 && b <= 0xdf && trail >= 0xa1 && trail <= 0xbf) kept.push(b, trail);
      i += 2;
    }
  }
  const bytes = new Uint8Array(kept);
  const gbText = new TextDecoder('gb18030').decode(bytes);

  it('the bytes are valid UTF-8 and hold Chinese text when read as GB18030', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    // Line 1 of the seed, 新疆维吾尔自治区喀什地区扶贫开发办公室2021年预, keeps 维, 什, 贫, 2021 and 预.
    expect(gbText.split('\n')[0]).toBe(' 维什贫2021预');
    expect(gbText.match(/[\u4e00-\u9fff]/g)!.length).toBeGreaterThan(200);
  });

  it('is decoded as GB18030 on the evidence of the characters, not as UTF-8 mojibake', () => {
    expect(decodeInput(bytes)).toEqual({ ok: true, text: gbText, encoding: 'gb18030' });
  });

  it('leaves real UTF-8 Chinese (every seed) as UTF-8', () => {
    for (const name of ['kashgar-poverty-alleviation-office-2021-budget.txt', 'kashgar-edz-party-mass-work-dept-2024-budget.txt', 'julu-county-poverty-office-2021-budget.txt']) {
      const result = decodeInput(readFileSync(`content/sources/${name}`));
      expect(result.ok && result.encoding, name).toBe('utf-8');
    }
  });

  it('leaves short or Latin UTF-8 text (café, naïve, Ωmega) as UTF-8: too little evidence', () => {
    expect(decodeInput(Buffer.from('café naïve Ωmega 合计 1.00\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});
