import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/ingest/sources/docx.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { cell, docx, para, row, table } from '../fixtures/docx.ts';

async function lines(body: string): Promise<string[]> {
  const read = await readSource(await docx(body));
  if (!read.ok) throw new Error(read.reason);
  expect(read.format).toBe('docx');
  return read.text.split('\n');
}

describe('Word documents (.docx)', () => {
  it('reads the body in order: paragraphs as lines, a table as tab-separated rows, the page header not at all', async () => {
    const body = [
      para('某县某局2026年部门预算'),
      para('单位：万元'),
      table([
        row([cell('项目'), cell('预算数')]),
        row([cell('一般公共服务支出'), cell('100.00')]),
      ]),
      para('注：本表无数据的项目以空表列示。'),
    ].join('');
    expect(await lines(body)).toEqual(['某县某局2026年部门预算', '单位：万元', '', '项目\t预算数', '一般公共服务支出\t100.00', '', '注：本表无数据的项目以空表列示。', '']);
  });

  it('expands merged cells: a group label over its columns, a label down its rows, a row that starts late', async () => {
    // The 三公 table's header as offices merge it: 合计 and 公务接待费 down two rows, 公务用车 over its three columns.
    const body = table([
      row([cell('合计', { merge: 'restart' }), cell('因公出国（境）费', { merge: 'restart' }), cell('公务用车购置及运行费', { span: 3 }), cell('公务接待费', { merge: 'restart' })]),
      row([cell('', { merge: 'continue' }), cell('', { merge: 'continue' }), cell('小计'), cell('购置费'), cell('运行费'), cell('', { merge: 'continue' })]),
      row([cell('30.50'), cell('0'), cell('28.00'), cell('20.00'), cell('8.00'), cell('2.50')]),
      // gridBefore: Word's way of starting a row in a later column.
      row([cell('甲'), cell('乙')], 4),
    ]);
    expect(await lines(body)).toEqual([
      '合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费',
      '\t\t小计\t购置费\t运行费\t',
      '30.50\t0\t28.00\t20.00\t8.00\t2.50',
      '\t\t\t\t甲\t乙',
      '',
    ]);
  });

  it('reads what is printed: not deleted revisions, field codes or the fallback copy of a text box; a text box and a line break give lines', async () => {
    const body = [
      '<w:p><w:r><w:t>本年收入</w:t></w:r><w:del w:id="1"><w:r><w:delText>九</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>120.00</w:t></w:r></w:ins><w:r><w:t>万元</w:t></w:r></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>续</w:t></w:r></w:p>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>之后</w:t></w:r></w:p>',
    ].join('');
    expect(await lines(body)).toEqual(['本年收入120.00万元', '3', '第一行', '第二行 续', '文本框', '之后', '']);
  });

  it('reads a table inside a table cell as the text of that cell', async () => {
    const inner = table([row([cell('子项一'), cell('子项二')])]);
    const body = table([row([cell('项目'), `<w:tc>${para('说明')}${inner}</w:tc>`])]);
    expect(await lines(body)).toEqual(['项目\t说明 子项一 子项二', '']);
  });

  it('keeps markup in the text as text', async () => {
    expect(await lines(para('<script>alert(1)</script> & 单位'))).toEqual(['<script>alert(1)</script> & 单位', '']);
  });

  it('says why a package cannot be read: no main part, broken XML, no text, too large when unpacked', async () => {
    const renamed = new JSZip();
    renamed.file('[Content_Types].xml', '<Types/>');
    renamed.file('word/document.xml.bak', '<w:document/>');
    expect(await readSource(await renamed.generateAsync({ type: 'uint8array' }))).toMatchObject({
      ok: false,
      reason: '这个 Word 文档（.docx）缺少正文部分（word/document.xml），文件可能已损坏',
    });

    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>未闭合');
    const broken = await readSource(await zip.generateAsync({ type: 'uint8array' }));
    expect(broken).toMatchObject({ ok: false, reason: '这个 Word 文档的正文（word/document.xml）不是完好的 XML（第 1 行第 50 列附近），无法读取' });
    // Cut before its end: the parts' names are there, the archive's directory (at the end) is not.
    const whole = await docx(para('预算'));
    const truncated = await readSource(whole.slice(0, whole.length - 40));
    expect(truncated).toMatchObject({ ok: false, reason: '无法读取这个 Word 文档（.docx）：文件已损坏、不完整或已加密' });

    const empty = await readSource(await docx(para('')));
    expect(empty).toMatchObject({ ok: false, reason: '这个 Word 文档中没有文字' });

    // Bounded before the whole part is inflated: 2 MB of XML against a limit of 100 KB.
    const big = await readDocx(await docx(para('预算'.repeat(1_000_000))), 100_000);
    expect(big).toMatchObject({ ok: false, reason: '这个 Word 文档的正文解压后超过 100000 字节，不是一份公开文件的大小，不予读取' });
  });

  it('tells a ZIP that is no Word document or workbook from one that is', async () => {
    const zip = new JSZip();
    zip.file('Doc_0/Content.xml', '<ofd/>');
    const other = await readSource(await zip.generateAsync({ type: 'uint8array' }));
    expect(other).toMatchObject({ ok: false, reason: expect.stringMatching(/^这是 ZIP 压缩包，不是文本，也不是 \.docx、\.xlsx 或 \.ods/) });
  });
});
