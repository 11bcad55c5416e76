import * as codepages from '@e965/xlsx/dist/cpexcel.full.mjs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { csvDelimiter, parseCsv, separatorLine } from '../../src/ingest/sources/csv.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { hiddenSheets } from '../../src/ingest/sources/ods.ts';

const { encode } = (codepages as unknown as { utils: { encode(cp: number, text: string): Buffer } }).utils;
/** Text in GBK (code page 936), as Excel and WPS on a Chinese Windows save "CSV (逗号分隔)". */
const gbk = (text: string) => new Uint8Array(encode(936, text));

/**
 * Rows as Excel writes them to a CSV: every row to the sheet's width, a field quoted when it holds the delimiter, a
 * comma, " or a line break.
 */
const csv = (rows: readonly (readonly string[])[], delimiter = ',') =>
  rows.map((r) => r.map((f) => (/[,;"\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(delimiter)).join('\r\n') + '\r\n';

/**
 * Two tables of the 司法局's 2026 department budget (../shared/samples/shanghai-putuo-justice-bureau-2026-department-
 * budget.txt, lines 138–153 and 154–170) as the sheet an office would save as CSV: 部门财务收支预算总表 with amounts as
 * displayed (thousands separators, so quoted), and 部门收入预算总表 with its codes in 类/款/项 cells and the two-line
 * header cell 事业单位经营收入 (a quoted line break), the tables one blank row apart.
 */
const JUSTICE_ROWS: string[][] = [
  ['2026年部门财务收支预算总表', '', '', ''],
  ['编制部门：上海市普陀区司法局', '', '', '单位：元'],
  ['本年收入', '', '本年支出', ''],
  ['项目', '预算数', '项目', '预算数'],
  ['一、财政拨款收入', '96,282,213.44', '一、公共安全支出', '87,267,272.44'],
  ['1. 一般公共预算', '96,282,213.44', '二、社会保障和就业支出', '3,343,704.00'],
  ['2. 政府性基金预算', '0.00', '三、卫生健康支出', '1,149,678.00'],
  ['3. 国有资本经营预算', '0.00', '四、住房保障支出', '4,521,559.00'],
  ['二、事业收入', '0.00', '', ''],
  ['三、事业单位经营收入', '0.00', '', ''],
  ['四、其他收入', '0.00', '', ''],
  ['收入总计', '96,282,213.44', '支出总计', '96,282,213.44'],
];
const INCOME_ROWS: string[][] = [
  ['2026年部门收入预算总表', '', '', '', '', '', '', '', ''],
  ['编制部门：上海市普陀区司法局', '', '', '', '', '', '', '', '单位：元'],
  ['项目', '', '', '', '收入预算', '', '', '', ''],
  ['功能分类科目编码', '', '', '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位\n经营收入', '其他收入'],
  ['类', '款', '项', '', '', '', '', '', ''],
  ['204', '', '', '公共安全支出', '87267272.44', '87267272.44', '0.00', '0.00', '0.00'],
  ['204', '06', '', '司法', '87267272.44', '87267272.44', '0.00', '0.00', '0.00'],
  ['204', '06', '01', '行政运行', '16726725.44', '16726725.44', '0.00', '0.00', '0.00'],
  ['204', '06', '04', '基层司法业务', '21703947.00', '21703947.00', '0.00', '0.00', '0.00'],
];
const widen = (rows: string[][], width: number) => rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
const JUSTICE_SHEET = [...widen(JUSTICE_ROWS, 9), Array(9).fill(''), ...INCOME_ROWS];
const JUSTICE_CSV = csv(JUSTICE_SHEET);

const info = { file: '收支总表.csv', sha256: '0'.repeat(64), format: 'csv' as const, encoding: 'gb18030' };

describe('CSV: records and fields', () => {
  it('splits fields at the separator, keeps quoted commas, quotes and line breaks, reads CRLF and LF alike', () => {
    expect(parseCsv('项目,预算数\r\n"一、财政拨款收入","96,282,213.44"\n"说""明","两\r\n行"\r\n', ',')).toEqual([
      ['项目', '预算数'],
      ['一、财政拨款收入', '96,282,213.44'],
      ['说"明', '两\r\n行'],
    ]);
    expect(parseCsv('a,"b\nc', ',')).toBeNull();
  });

  it('is decided from the content: a .csv name is a hint, any other text must be a table throughout', () => {
    const layout = '  一、财政拨款收入        96,282,213.44 一、公共安全支出   87,267,272.44\n收入总计   96,282,213.44\n';
    expect(csvDelimiter(layout, false)).toBeNull();
    expect(csvDelimiter('项目,预算数\n合计,12.5\n', false)).toBe(',');
    // A title line without the separators Excel pads a row with: a table only under a .csv name.
    expect(csvDelimiter('收支总表\n项目,预算数\n合计,12.5\n', false)).toBeNull();
    expect(csvDelimiter('收支总表\n项目,预算数\n合计,12.5\n', true)).toBe(',');
    // Excel in locales whose decimal mark is a comma separates by semicolons.
    expect(csvDelimiter('项目;预算数\n合计;"12,5"\n', true)).toBe(';');
    // Tab-separated cells are the extractions' own format, read as text.
    expect(csvDelimiter('项目\t预算数,说明\n合计\t12.5,无\n', false)).toBeNull();
    expect(csvDelimiter('一行说明，没有逗号分隔的字段\n', true)).toBeNull();
  });
});

describe('CSV: the sep= line of Excel', () => {
  it('names the delimiter, whatever the name of the file and whichever the character', () => {
    expect(separatorLine('sep=;\r\n项目;预算数\r\n')).toEqual({ delimiter: ';', line: 'sep=;', rest: '项目;预算数\r\n' });
    expect(csvDelimiter('sep=;\n项目;预算数\n合计;"12,5"\n', false)).toBe(';');
    // A tab too, which an undeclared text is never split at (an extraction's cells are tab-separated).
    expect(csvDelimiter('sep=\t\n项目\t预算数\n合计\t12.5\n', false)).toBe('\t');
    expect(csvDelimiter('sep=|\n项目|预算数\n合计|12.5\n', true)).toBe('|');
    // Only as the first line, and only one character: anything else is text.
    expect(separatorLine('项目,预算数\nsep=;\n')).toBeNull();
    expect(separatorLine('sep=;;\n')).toBeNull();
    expect(separatorLine('sep=\n')).toBeNull();
  });

  it('is not a row: the 司法局 tables read the same with it, by its delimiter, and the document says what became of it', async () => {
    const plain = await readSource(gbk(JUSTICE_CSV), '收支总表.csv');
    if (!plain.ok) throw new Error(plain.reason);
    // As Excel writes the sheet in a locale whose decimal mark is a comma: semicolons, and the line naming them.
    const semicolons = csv(JUSTICE_SHEET, ';');
    expect(semicolons.split('\r\n')[4]).toBe('一、财政拨款收入;"96,282,213.44";一、公共安全支出;"87,267,272.44";;;;;');
    for (const [line, body] of [['sep=,', JUSTICE_CSV], ['sep=;', semicolons]]) {
      const read = await readSource(gbk(`${line}\r\n${body}`), 'download');
      expect(read).toMatchObject({ ok: true, format: 'csv', encoding: 'gb18030', text: plain.text, separatorLine: line });
      if (!read.ok) continue;
      const doc = parseDisclosure(read.text, { ...info, pageStarts: read.pageStarts, separatorLine: read.separatorLine });
      expect(doc.title).toBe(parseDisclosure(plain.text, info).title);
      expect(doc.warnings).toContain(`CSV 文件的第一行“${line}”是 Excel 的分隔符声明：字段按${line === 'sep=,' ? '逗号' : '分号'}分隔，这一行不是表格的一行，未计入表格`);
    }
    expect(plain).not.toHaveProperty('separatorLine');
  });
});

describe('CSV: a GBK table as an office saves it', () => {
  it('reads the 司法局 收支总表 and 收入预算总表 as grids: amounts, codes and checks a person can follow', async () => {
    const read = await readSource(gbk(JUSTICE_CSV), '收支总表.csv');
    if (!read.ok) throw new Error(read.reason);
    expect(read).toMatchObject({ format: 'csv', encoding: 'gb18030', pageStarts: [] });
    expect(read.text.split('\n').slice(0, 5)).toEqual([
      '2026年部门财务收支预算总表',
      '编制部门：上海市普陀区司法局  单位：元',
      '本年收入\t\t本年支出\t',
      '项目\t预算数\t项目\t预算数',
      '一、财政拨款收入\t96,282,213.44\t一、公共安全支出\t87,267,272.44',
    ]);
    // The quoted line break is a cell's, not a row's; the blank row between the tables ends the first.
    expect(read.text).toContain('功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位 经营收入\t其他收入');
    expect(read.text).toContain('\n\n2026年部门收入预算总表\n');

    const doc = parseDisclosure(read.text, { ...info, pageStarts: read.pageStarts });
    expect(doc.department).toBe('上海市普陀区司法局');
    expect(doc.tables.map((t) => [t.kind, t.title, t.unit])).toEqual([
      ['income-expenditure-summary', '2026年部门财务收支预算总表', '元'],
      ['income-summary', '2026年部门收入预算总表', '元'],
    ]);
    const [summary, income] = doc.tables;
    // Line 143 and 153 of the extraction: 一般公共预算 96,282,213.44; 收入总计 = 支出总计 = 96,282,213.44.
    expect(summary.rows.filter((r) => r.role === 'total').map((r) => [r.name, Object.values(r.values)])).toEqual([
      ['收入总计', [96282213.44]],
      ['支出总计', [96282213.44]],
    ]);
    expect(summary.rows.filter((r) => r.code).map((r) => [r.code, Object.values(r.values)])).toEqual([
      ['204', [87267272.44]],
      ['208', [3343704]],
      ['210', [1149678]],
      ['221', [4521559]],
    ]);
    // Lines 164–170: 204 公共安全支出 87,267,272.44; 2040601 行政运行 16,726,725.44; 2040604 基层司法业务 21,703,947.00.
    expect(income.rows.map((r) => [r.code, r.name, Object.values(r.values)[0]])).toEqual([
      ['204', '公共安全支出', 87267272.44],
      ['20406', '司法', 87267272.44],
      ['2040601', '行政运行', 16726725.44],
      ['2040604', '基层司法业务', 21703947],
    ]);
    expect(doc.checks.filter((c) => c.id.includes('income-equals-expenditure')).map((c) => c.status)).toEqual(['pass']);
  });

  it('reads the same with a UTF-8 BOM, as Excel\'s "CSV UTF-8" writes it', async () => {
    const gb = await readSource(gbk(JUSTICE_CSV), 'x.csv');
    const utf8 = await readSource(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JUSTICE_CSV)]), 'x.csv');
    expect(utf8).toMatchObject({ ok: true, format: 'csv', encoding: 'utf-8-bom' });
    expect(utf8.ok && gb.ok && utf8.text === gb.text).toBe(true);
  });

  it('keeps a code written ="2040601" (so that Excel keeps it text) as the code', async () => {
    const read = await readSource(new TextEncoder().encode('科目编码,科目名称,合计\n="2040601",行政运行,16726725.44\n'), 'x.csv');
    expect(read.ok && read.text).toBe('科目编码\t科目名称\t合计\n2040601\t行政运行\t16726725.44\n');
  });

  it('reads a .csv without a second field as text, and a text of uniform comma-separated records as CSV whatever its name', async () => {
    expect(await readSource(new TextEncoder().encode('某县财政局2024年部门预算\n一、部门职责\n'), 'x.csv')).toMatchObject({ ok: true, format: 'text' });
    expect(await readSource(new TextEncoder().encode('项目,预算数\n合计,12.5\n'), 'download')).toMatchObject({ ok: true, format: 'csv' });
    expect(await readSource(new TextEncoder().encode(',,\n, ,\n'), 'x.csv')).toEqual({ ok: false, reason: '这个 CSV 文件中没有内容：所有单元格都是空的', line: null });
  });
});

describe('OpenDocument packages', () => {
  it('finds the sheets a table style hides, by their place', () => {
    const xml =
      '<office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
      '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>' +
      '<table:table table:name="表1" table:style-name="ta1"><table:table-row/></table:table><table:table table:name="lookup" table:style-name="ta2"></table:table>';
    expect(hiddenSheets(xml)).toEqual(new Set([1]));
  });

  it('refuses a text document (.odt) with what to save it as, not as a ZIP archive', async () => {
    const odt = new JSZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    odt.file('content.xml', '<office:document-content/>');
    expect(await readSource(await odt.generateAsync({ type: 'uint8array' }), '说明.odt')).toEqual({
      ok: false,
      reason: '这是 OpenDocument 文档（.odt 文字文档等，LibreOffice 或 WPS 保存的格式），本工具不读取这种格式：请另存为 .docx 或 PDF（表格另存为 .ods 或 .xlsx）后再导入',
      line: null,
    });
  });

  it('refuses a damaged .ods in Chinese', async () => {
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<office:document-content');
    const bytes = await ods.generateAsync({ type: 'uint8array' });
    expect(await readSource(bytes.subarray(0, bytes.length - 30))).toEqual({ ok: false, reason: '无法读取这个 .ods 工作簿：文件已损坏、不完整或已加密', line: null });
  });
});
