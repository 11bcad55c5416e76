import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as codepages from '@e965/xlsx/dist/cpexcel.full.mjs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { sameNameSuffixes } from '../../src/ingest/sources/names.ts';
import { docx, para } from '../fixtures/docx.ts';
import { asFods, asOds } from '../fixtures/ods.ts';
import { asXls } from '../fixtures/xls.ts';

const { encode } = (codepages as unknown as { utils: { encode(cp: number, text: string): Buffer } }).utils;

const NODE = resolve('node_modules/.bin/node');
const CLI = resolve('scripts/ingest.ts');
const work = mkdtempSync(join(tmpdir(), 'sources-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the CLI reads every source format a folder holds', () => {
  it('ingests .xlsx, .xls, .docx, .html and .md files found in a folder, and refuses a broken .xls in Chinese', async () => {
    const dir = join(work, 'in');
    const out = join(work, 'out');
    spawnSync('mkdir', ['-p', dir]);
    for (const name of ['portal-budget-page.html', 'converted-budget.md']) copyFileSync(`tests/fixtures/formats/${name}`, join(dir, name));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['某县财政局2024年部门预算'];
    ws.getRow(3).values = ['项目', '预算数'];
    ws.getRow(4).values = ['合计', 12.5];
    writeFileSync(join(dir, 'workbook.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    ws.getRow(1).values = ['某县财政局2023年部门预算'];
    writeFileSync(join(dir, 'old-workbook.xls'), asXls(new Uint8Array(await wb.xlsx.writeBuffer())));
    writeFileSync(join(dir, 'letter.docx'), await docx(para('某县财政局2024年部门预算编制说明')));
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set([...Buffer.from('Workbook\0', 'utf16le')], 512);
    writeFileSync(join(work, 'old.xls'), ole);

    const run = spawnSync(NODE, [CLI, '--quiet', '--out', out, dir], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['converted-budget.json', 'letter.json', 'old-workbook.json', 'portal-budget-page.json', 'workbook.json']);
    const formats = readdirSync(out).map((n) => JSON.parse(readFileSync(join(out, n), 'utf8')).source.format).sort();
    expect(formats).toEqual(['docx', 'html', 'markdown', 'xls', 'xlsx']);

    const refused = spawnSync(NODE, [CLI, '--quiet', '--strict', '--out', out, join(work, 'old.xls')], { encoding: 'utf8', timeout: 120_000 });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/old\.xls.*无法读取这个 \.xls 工作簿：文件已损坏、不完整或已加密/);
  });
});

describe('legacy Word and WPS documents', () => {
  it('names each .doc, .wps and archive of a folder with why it is not read and what to do, and reads the rest', () => {
    const dir = join(work, 'legacy');
    spawnSync('mkdir', ['-p', dir]);
    // An OLE compound file holding a WordDocument stream, as Word 97–2003 (and LibreOffice's "Word 97") saves a .doc.
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set([...Buffer.from('WordDocument\0', 'utf16le')], 1024);
    writeFileSync(join(dir, '说明.doc'), ole);
    writeFileSync(join(dir, 'report.WPS'), ole);
    // A year's disclosures packed as one archive: named with its own reason, not passed over.
    writeFileSync(join(dir, '2026年部门预算.rar'), Uint8Array.from([...Buffer.from('Rar!'), 0x1a, 0x07, 0x01, 0x00]));
    copyFileSync('tests/fixtures/formats/portal-budget-page.html', join(dir, 'page.html'));

    const run = spawnSync(NODE, [CLI, '--quiet', '--out', join(work, 'legacy-out'), dir], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('错误：'));
    const reason = '这是旧版 Word 或 WPS 文档（.doc、.wps 等旧版 Office 格式），本工具不读取这种格式：请在 Word 或 WPS 中另存为 .docx 或 PDF（表格另存为 .xlsx）后再导入';
    // The CLI names a file by its path from where it runs (here, the repository).
    expect(errors).toEqual([
      `错误：${relative(process.cwd(), join(dir, '2026年部门预算.rar'))}：这是 RAR 压缩包，不是文本：请先解压，再导入其中的文件`,
      ...['report.WPS', '说明.doc'].map((name) => `错误：${relative(process.cwd(), join(dir, name))}：${reason}`),
    ]);
    expect(run.stdout).toMatch(/文件：解析 1 份，失败 3 份/);
    expect(readdirSync(join(work, 'legacy-out'))).toEqual(['page.json']);
  });
});

describe('files of one name', () => {
  it('keeps the output name for the exactest format and adds the extension to the others', () => {
    expect(sameNameSuffixes(['d/x.pdf', 'd/x.xlsx', 'd/y.md', 'd/y.html', 'd/z.txt', 'e/x.pdf'])).toEqual(
      new Map([
        ['d/x.pdf', { suffix: '-pdf', keeps: 'd/x.xlsx' }],
        ['d/y.md', { suffix: '-md', keeps: 'd/y.html' }],
      ]),
    );
  });
});

const SAMPLES = '../shared/samples';
const JUSTICE = 'shanghai-putuo-justice-bureau-2026-unit-budget';
const samplesAbsent = !existsSync(`${SAMPLES}/${JUSTICE}.xlsx`);
if (samplesAbsent) console.warn(`skipping the two-formats CLI test: ${SAMPLES}/${JUSTICE}.xlsx is not present`);

describe.skipIf(samplesAbsent)('files of one name in two formats', () => {

  it('reads x.xlsx and x.pdf (the 司法局 2026 单位预算) each, the PDF under x-pdf, and says so', () => {
    // The same name is not the same disclosure: this workbook is the district's 公开情况检查表 of the PDF (23 lines,
    // no budget table), the PDF holds the budget's nine tables. Each is read, none refused; the workbook keeps the
    // name. A checklist of a disclosure is no volume of it (its kind is other), so the two are not joined.
    const dir = join(work, 'two');
    const out = join(work, 'two-out');
    spawnSync('mkdir', ['-p', dir]);
    for (const ext of ['xlsx', 'pdf']) copyFileSync(`${SAMPLES}/${JUSTICE}.${ext}`, join(dir, `${JUSTICE}.${ext}`));
    const run = spawnSync(NODE, [CLI, '--quiet', '--out', out, dir], { encoding: 'utf8', timeout: 300_000 });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      new RegExp(`${JUSTICE}\\.pdf 与 \\S*${JUSTICE}\\.xlsx 同名：同名文件未必是同一份公开文件，两者分别解析；\\S*${JUSTICE}\\.xlsx 保留原输出名，${JUSTICE}\\.pdf 的输出名为 ${JUSTICE}-pdf\\.json`),
    );
    expect(run.stdout).not.toContain('合并：');
    expect(readdirSync(out).sort()).toEqual([`${JUSTICE}-pdf.json`, `${JUSTICE}.json`]);
    const checklist = JSON.parse(readFileSync(join(out, `${JUSTICE}.json`), 'utf8'));
    expect([checklist.kind, checklist.department, checklist.tables.length]).toEqual(['other', '上海市普陀区司法局', 0]);
    const budget = JSON.parse(readFileSync(join(out, `${JUSTICE}-pdf.json`), 'utf8'));
    expect([budget.kind, budget.scope, budget.tables.length]).toEqual(['budget', 'unit', 9]);
  });
});

describe('a folder of every kind of file', () => {
  it('reads .csv, .ods, .fods and documents without an extension, refuses .zip and .doc, and names every other file with why', async () => {
    const dir = join(work, 'mixed');
    spawnSync('mkdir', ['-p', join(dir, '2025年')]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['某县财政局2024年部门预算'];
    ws.getRow(3).values = ['项目', '预算数'];
    ws.getRow(4).values = ['合计', 12.5];
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    writeFileSync(join(dir, '支出总表.ods'), await asOds(xlsx));
    writeFileSync(join(dir, '支出总表（单文件）.fods'), asFods(xlsx));
    // A portal's download saved under its URL's last part: the bytes are a workbook.
    writeFileSync(join(dir, 'download'), xlsx);
    // GBK, quoted amounts holding commas, as Excel saves "CSV (逗号分隔)": the 司法局's 2026 收支总表 (its extraction's
    // lines 138–153), shortened to the first row of each side.
    const summary = ['2026年部门财务收支预算总表,,,', '编制部门：上海市普陀区司法局,,,单位：元', '项目,预算数,项目,预算数'];
    summary.push('一、财政拨款收入,"96,282,213.44",一、公共安全支出,"96,282,213.44"', '收入总计,"96,282,213.44",支出总计,"96,282,213.44"');
    writeFileSync(join(dir, '收支总表.csv'), encode(936, `${summary.join('\r\n')}\r\n`));
    // The same as Excel writes it where the decimal mark is a comma: semicolons, named on a first line.
    writeFileSync(join(dir, '收支总表（分号）.csv'), encode(936, `sep=;\r\n${summary.join('\r\n').replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';')}\r\n`));
    writeFileSync(join(dir, 'scan.jpg'), Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    writeFileSync(join(dir, 'batch.zip'), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set([...Buffer.from('WordDocument\0', 'utf16le')], 1024);
    writeFileSync(join(dir, '说明.doc'), ole);
    writeFileSync(join(dir, 'notes'), '下载时间：2024年3月\n');
    writeFileSync(join(dir, 'x.pdf'), '%PDF-1.4 cut off');
    writeFileSync(join(dir, 'x.txt'), '某县财政局2024年部门预算\n');
    // Hidden: the system's and Office's own files, passed over without a word.
    for (const name of ['.DS_Store', 'Thumbs.db', '~$支出总表.xlsx']) writeFileSync(join(dir, name), ole);

    // The folder is its own output folder and holds its report: those files are this program's, read by no run.
    const args = ['--quiet', '--out', dir, '--report', join(dir, '报告.csv'), dir];
    const first = spawnSync(NODE, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
    const run = spawnSync(NODE, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
    for (const r of [first, run]) {
      expect(r.status).toBe(0);
      const shown = (name: string) => relative(process.cwd(), join(dir, name));
      expect(r.stderr.split('\n').filter((l) => l.startsWith('错误：')).map((l) => l.split('：')[1])).toEqual(['batch.zip', 'x.pdf', '说明.doc'].map(shown));
      expect(r.stdout).toContain(
        [
          '未读取：4 个，不计为失败',
          `  ${shown('2025年')}：这是子文件夹：不读取文件夹中的子文件夹；要读取其中的文件，请把它也列在命令行上`,
          `  ${shown('notes')}：没有扩展名的文本文件：本工具读取 .txt、.pdf、.xlsx、.xls、.ods、.fods、.csv、.docx、.html、.htm、.md 文件，不凭内容把其他文本当作公开文件；如果这是公开文件的文字，请改扩展名为 .txt，或在命令行上直接指定这个文件`,
          `  ${shown('scan.jpg')}：这是 JPEG 图片，不是文本：扫描件需要先做文字识别`,
          `  ${shown('x.txt')}：与 x.pdf 同名，视为该 PDF 提取出的文字：只读取 PDF 原件`,
        ].join('\n'),
      );
    }
    expect(first.stdout).toMatch(/文件：解析 5 份，失败 3 份/);
    expect(run.stdout).toMatch(/沿用：5 份/);
    const outputs = readdirSync(dir).filter((n) => n.endsWith('.json'));
    const docs = outputs.map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')));
    expect(docs.map((d) => [d.source.file, d.source.format, d.source.encoding]).sort()).toEqual([
      ['download', 'xlsx', 'utf-8'],
      ['支出总表.ods', 'ods', 'utf-8'],
      ['支出总表（单文件）.fods', 'fods', 'utf-8'],
      ['收支总表.csv', 'csv', 'gb18030'],
      ['收支总表（分号）.csv', 'csv', 'gb18030'],
    ]);
    const [comma, semicolon] = ['收支总表.csv', '收支总表（分号）.csv'].map((f) => docs.find((d) => d.source.file === f));
    expect(semicolon.tables).toEqual(comma.tables);
    expect(semicolon.warnings).toEqual([...(comma.warnings ?? []), 'CSV 文件的第一行“sep=;”是 Excel 的分隔符声明：字段按分号分隔，这一行不是表格的一行，未计入表格']);
    const [table] = docs.find((d) => d.source.format === 'csv').tables;
    expect(table.kind).toBe('income-expenditure-summary');
    expect(table.rows.map((r: { name: string; values: object }) => [r.name, Object.values(r.values)])).toContainEqual(['收入总计', [96282213.44]]);
  });
});
