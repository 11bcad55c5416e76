import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { originalsOnly } from '../../src/ingest/sources/names.ts';
import { linesOf } from '../../src/ingest/sources/pdf/lines.ts';
import { layoutLine, layoutPage } from '../../src/ingest/sources/pdf/layout.ts';
import { runsOf, type Run } from '../../src/ingest/sources/pdf/runs.ts';
import { pageOfLine } from '../../src/core/pages.ts';
import { pdfFile } from '../fixtures/tiny-pdf.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

/** A PDF of `pages` pages with the given content stream on each, objects and cross-reference table written out. */
function pdf(pages: number, content: string, trailerExtra = ''): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(' ')}] /Count ${pages} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>'),
  ];
  return pdfFile(objects, trailerExtra);
}

/** A PDF with the given content stream on each page in turn. */
function pdfOfPages(contents: readonly string[]): Uint8Array {
  const font = '<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${contents.map((_, i) => `${3 + 2 * i} 0 R`).join(' ')}] /Count ${contents.length} >>`,
    ...contents.flatMap((content, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${4 + 2 * i} 0 R /Resources ${font} >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    ]),
  ];
  return pdfFile(objects);
}

const run = (text: string, x0: number, baseline: number, size = 12, gapBefore: number | null = null): Run => ({
  text,
  x0,
  x1: x0 + [...text].reduce((w, c) => w + (/[\x00-\x7f]/.test(c) ? 0.5 : 1) * size, 0),
  baseline,
  size,
  gapBefore,
});

describe('PDF reader', () => {
  it('reads the text layer of each page into lines, and records where pages 2, 3, … start', async () => {
    const read = await readSource(pdf(3, 'BT /F1 12 Tf 72 700 Td (Total 1,234.50) Tj 0 -24 Td (- 1 -) Tj ET'));
    expect(read).toMatchObject({ ok: true, format: 'pdf', encoding: 'pdf', pageStarts: [3, 5] });
    if (!read.ok) return;
    const lines = read.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Total 1,234.50', '- 1 -']);
    // Like `pdftotext`, a form feed opens each later page.
    expect(lines[2]).toBe('\fTotal 1,234.50');
    expect(pageOfLine(read.pageStarts, 2)).toBe(1);
    expect(pageOfLine(read.pageStarts, 3)).toBe(2);
    expect(pageOfLine(read.pageStarts, 6)).toBe(3);
  });

  it('gives each line its box on its page: points, origin top left, y downwards', async () => {
    const read = await readSource(pdf(2, 'BT /F1 12 Tf 72 700 Td (Total 1,234.50) Tj 0 -24 Td (- 1 -) Tj ET'));
    if (!read.ok) throw new Error(read.reason);
    expect(read.lineBoxes).toHaveLength(4 * 4);
    // Baseline 700 up from the bottom of an 842 pt page is 142 down from its top; a 12 pt glyph box reaches 0.85 em
    // above it and 0.15 em below. Helvetica's advances (T 611, o 556, t 278, a 556, l 222, space 278, digits 556,
    // comma and point 278 thousandths of an em) make the text 6,393 thousandths of 12 pt long: it ends at x 148.716.
    const [x0, y0, x1, y1] = read.lineBoxes!.subarray(0, 4);
    expect([x0, y0, x1, y1].map((v) => Math.round(v * 1000) / 1000)).toEqual([72, 131.8, 148.716, 143.8]);
    // The same line on page 2 has the same box on its page.
    expect([...read.lineBoxes!.subarray(8, 12)]).toEqual([...read.lineBoxes!.subarray(0, 4)]);
  });

  it('refuses a PDF without a text layer (a scan) with a plain reason', async () => {
    const read = await readSource(pdf(2, '0 0 m 100 100 l S'));
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/^PDF 没有可读的文字层（可能是扫描件）/), line: null, page: 1 });
  });

  it('refuses a text layer that reads as nonsense (fonts that map glyphs to no characters), and reads a short one', async () => {
    // What such a font gives: symbols and letters instead of hanzi, here 30 lines of 40 a page.
    const line = (y: number) => `BT /F1 12 Tf 72 ${y} Td (#$%&*+;<=>?@^_{|}~#$%&*+;<=>?@^_{|}~#$) Tj ET`;
    const garbled = await readSource(pdf(2, Array.from({ length: 30 }, (_, i) => line(750 - i * 20)).join('\n')));
    expect(garbled).toEqual({ ok: false, reason: expect.stringMatching(/^PDF 的文字层读出来是乱码/), line: null, page: 1 });
    // A little Latin text (a cover page, a form) decides nothing.
    expect((await readSource(pdf(1, line(750)))).ok).toBe(true);
  });

  it('names the scanned pages among pages of text (an image, no text; a blank page is none), and the document warns', async () => {
    const text = 'BT /F1 12 Tf 72 700 Td (Total 1,234.50) Tj ET';
    const image = 'q 200 0 0 200 72 500 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x80\x40\x40\x80\nEI Q';
    const read = await readSource(pdfOfPages([text, image, '', image, text]));
    expect(read).toMatchObject({ ok: true, scannedPages: [2, 4] });
    if (!read.ok) return;
    const { format, encoding, pageStarts, scannedPages } = read;
    const doc = parseDisclosure(read.text, { file: 'x.pdf', sha256: '0'.repeat(64), format, encoding, pageStarts, scannedPages });
    expect(doc.warnings).toContain('原文 PDF 第 2、4 页是扫描的图片，没有文字：这些页上的内容未能读出，需要先做文字识别（OCR）');
    expect(doc.source).not.toHaveProperty('scannedPages');
  });

  it('refuses a broken or encrypted PDF with a plain reason', async () => {
    const broken = await readSource(Buffer.from('%PDF-1.4\nnot a pdf at all\n'));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.reason).toMatch(/^PDF/);
    const o = '<' + 'ab'.repeat(32) + '>';
    const encrypted = await readSource(
      pdf(1, 'BT /F1 12 Tf 72 700 Td (x) Tj ET', `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${o} /U ${o} /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `),
    );
    expect(encrypted).toEqual({ ok: false, reason: 'PDF 已加密，需要密码才能打开，无法读取其中的文字', line: null });
  });
});

describe('PDF layout', () => {
  it('puts an amount set lower than its label on the label’s line (vertical overlap, not equal baselines)', () => {
    const lines = linesOf([run('行政运行', 60, 100), run('1,234.00', 300, 104), run('事业运行', 60, 124), run('5.00', 300, 124)]);
    expect(lines.map((l) => l.runs.map((r) => r.text))).toEqual([['行政运行', '1,234.00'], ['事业运行', '5.00']]);
  });

  it('puts a row on the upper of the two lines of a name wrapped half a line either side of it, however the halves round', () => {
    // 烟台 水务 2026, 基本支出预算情况表 (PDF page 25): `机关事业单位基本养老保` 3.78 pt above row 301 08's baseline and
    // `险缴费` 3.77 pt below it, 7.54 pt glyphs; the row shares exactly half its box with each.
    const page = (upper: number, lower: number) =>
      linesOf([
        ...[['301', 37.1], ['03', 60.2], ['奖金', 84.1], ['157.13', 346.9]].map(([t, x]) => run(t as string, x as number, 219.84, 7.54)),
        run('机关事业单位基本养老保', 84.1, upper, 7.54),
        ...[['301', 37.1], ['08', 60.2], ['社会保障缴费', 225.5], ['127.42', 346.9]].map(([t, x]) => run(t as string, x as number, 238.94, 7.54)),
        run('险缴费', 76.5, lower, 7.54),
        ...[['301', 37.1], ['09', 60.2], ['职业年金缴费', 84.1], ['23.00', 350.6]].map(([t, x]) => run(t as string, x as number, 258.03, 7.54)),
      ]).map((l) => l.runs.map((r) => r.text).join(' '));
    const printed = ['301 03 奖金 157.13', '301 08 机关事业单位基本养老保 社会保障缴费 127.42', '险缴费', '301 09 职业年金缴费 23.00'];
    expect(page(235.16, 242.71)).toEqual(printed);
    expect(page(235.17, 242.72)).toEqual(printed);
    // A run a hair more than half a line off a line whose cell goes on nowhere under it stands on its own line.
    expect(linesOf([run('合计', 60, 100, 7.54), run('12.00', 300, 103.78, 7.54)]).map((l) => l.runs.map((r) => r.text))).toEqual([['合计'], ['12.00']]);
  });

  it('keeps header labels in neighbouring cells two spaces apart, and a word space inside a cell single', () => {
    // Two pdf.js items (a gap over 0.6 em): two cells, however close their columns put them.
    const header = [run('基本支出', 100, 100), run('项目支出', 100 + 12 * 4 + 8, 100)];
    expect(layoutLine({ runs: header, top: 90, bottom: 102 }, 100, 6)).toMatch(/^ *基本支出 {2,}项目支出$/);
    // One item, glyphs closer than 0.6 em: a word space.
    const numbered = runsOf({ str: '1. 一般公共预算', transform: [12, 0, 0, -12, 100, 100], width: 12 * 7 + 6 });
    expect(numbered.map((r) => r.text)).toEqual(['1.', '一般公共预算']);
    expect(layoutLine({ runs: numbered, top: 90, bottom: 102 }, 100, 6)).toBe('1. 一般公共预算');
  });

  it('parts two Chinese labels of two pdf.js items by two spaces however close: Chinese sets no word spaces', () => {
    // 西安 交通运输局 2022 支出总表 (PDF page 31): 事业单位经 (559.8–604.8) and 对附属单位 (608.8–653.8), 9 pt, 0.44 em
    // apart, two cells each wrapped onto its rest below (营收入, 上缴收入).
    const labels = [run('事业单位经', 559.8, 175.9, 9), run('对附属单位', 608.8, 175.9, 9)];
    expect(layoutLine({ runs: labels, top: 168, bottom: 177 }, 559.8, 4.5)).toMatch(/^ *事业单位经 {2,}对附属单位$/);
    // A label leading its value (`部门：` then the name, a font change) keeps its word space; so do words of one item.
    const lead = [run('部门：', 60, 100, 9), run('佛山市轨道交通局', 60 + 27 + 4, 100, 9)];
    expect(layoutLine({ runs: lead, top: 92, bottom: 101 }, 60, 4.5)).toMatch(/^ *部门： 佛山市轨道交通局$/);
    const item = runsOf({ str: '事业单位经 对附属单位', transform: [9, 0, 0, -9, 559.8, 175.9], width: 9 * 10 + 4 });
    expect(layoutLine({ runs: item, top: 168, bottom: 177 }, 559.8, 4.5)).toMatch(/^ *事业单位经 对附属单位$/);
  });

  it('parts a lone character a letter space past a label of several from it: the rest of the next cell, not letter spacing', () => {
    // 西安 交通运输局 2022 表12 (PDF page 68, row 26): the name's rest 业服务质量绩效考核项目 (9 pt, 199.8–298.8) and `务`,
    // the rest of C0901技术测试和分析服 in the next column (309.9), 1.2 em apart, two pdf.js items.
    const cells = [run('业服务质量绩效考核项目', 199.8, 291.3, 9), run('务', 309.9, 291.3, 9)];
    expect(layoutLine({ runs: cells, top: 284.1, bottom: 293.1 }, 62, 4.5)).toMatch(/^ *业服务质量绩效考核项目 {2,}务$/);
    // Two lone characters that far apart stay one letter-spaced label.
    expect(layoutLine({ runs: [run('合', 100, 100, 9), run('计', 100 + 9 + 11, 100, 9)], top: 92, bottom: 101 }, 100, 4.5)).toMatch(/^ *合 计$/);
  });

  it('prints a line set with character spacing as its words, and single Latin characters a word space apart as words', () => {
    // 广州 水务 2026 (PDF page 71, its text L2969): one pdf.js item, 15 pt, every character 0.12 em from the next, which
    // pdf.js spaces out; pdftotext prints `2026年本部门收入预算300,185.19万元` (txt L2767).
    const str = '2 0 2 6 年 本 部 门 收 入 预 算 3 0 0 , 1 8 5 . 1 9 万 元';
    const justified = runsOf({ str, transform: [15, 0, 0, -15, 117, 144.4], width: 15 * (4 * 0.5 + 8 + 10 * 0.5 + 2) + 1.8 * 23 });
    expect(layoutLine({ runs: justified, top: 131.7, bottom: 146.7 }, 117, 7.5)).toBe('2026年本部门收入预算300,185.19万元');
    // A page number `- 1 -`: Latin characters alone, a word space apart, stay words.
    const folio = runsOf({ str: '- 1 -', transform: [10, 0, 0, -10, 0, 0], width: 10 * (1.5 + 0.15 * 2) });
    expect(layoutLine({ runs: folio, top: -8.5, bottom: 1.5 }, 0, 5)).toBe('- 1 -');
  });

  it('prints a line set with character spacing across items as its words, quotation marks amid Chinese an em wide', () => {
    // The same 广州 line as the PDF reads after `pdftocairo -pdf` (PDF page 71): cairo sets the digits in a font of their
    // own, so the line is four items, every glyph 0.12 em from the next inside them and between them (items as PDFium
    // gives them: x and advance in points, 14.98 pt).
    const item = (str: string, x: number, width: number) => runsOf({ str, transform: [14.98, 0, 0, -14.98, x, 144.4], width });
    const split = [item('2 0 2 6', 116.86, 35.39), item('年 本 部 门 收 入 预 算', 154.06, 132.51), item('3 0 0 , 1 8 5 . 1 9', 288.37, 91.18), item('万 元 ， 比 上 年 减 少', 381.36, 132.52)];
    expect(layoutLine({ runs: split.flat(), top: 131.7, bottom: 146.7 }, 86.89, 7.49)).toMatch(/^ *2026年本部门收入预算300,185\.19万元，比上年减少$/);
    // 广州 水务 2026 (PDF page 75, its text L3118): one item, 20 glyphs 0.11 em apart, three of them quotation marks a
    // Chinese font sets an em wide; pdftotext prints `指除上述“财政拨款收入”、“事业收` (txt L2946).
    const quoted = runsOf({ str: '指 除 上 述 “ 财 政 拨 款 收 入 ” 、 “ 事 业 收', transform: [15, 0, 0, -15, 233.4, 257.6], width: 281.09 });
    expect(layoutLine({ runs: quoted, top: 244.9, bottom: 259.9 }, 233.4, 7.5)).toMatch(/^ *指除上述“财政拨款收入”、“事业收$/);
    // Single Latin characters a word space apart, items of their own, stay words: no Chinese among them.
    const folio = [item('-', 300, 5), item('1', 308, 7.5), item('-', 318.5, 5), item('2', 326.5, 7.5)];
    expect(layoutLine({ runs: folio.flat(), top: 131.7, bottom: 146.7 }, 300, 7.49)).toMatch(/^ *- 1 - 2$/);
    // Two gaps alike are no line's tracking yet: 合 and 计 two items 0.15 em apart keep their word space.
    const pair = [item('合', 100, 14.98), item('计', 117.23, 14.98)];
    expect(layoutLine({ runs: pair.flat(), top: 131.7, bottom: 146.7 }, 100, 7.49)).toMatch(/^ *合 计$/);
  });

  it('parts two runs with a cell border drawn between them by two spaces, however close they stand, in one pdf.js item too', () => {
    // 北京 预算表12 L3390 (PDF page 57): the 二级 cell 服务对象满意度 and the 三级 cell 设备设施使用人 half an em apart,
    // two pdf.js items, a vertical rule between them (two Chinese labels of two items are two cells with or without it).
    const cells = [run('服务对象满意度', 100, 100), run('设备设施使用人', 100 + 12 * 7 + 6, 100)];
    const border = { x: 100 + 12 * 7 + 3, y0: 80, y1: 110 };
    expect(layoutLine({ runs: cells, top: 90, bottom: 102 }, 100, 6, [border])).toMatch(/^ *服务对象满意度 {2,}设备设施使用人$/);
    // 长沙's header (PDF page 25, L556): 一级指标 and 二级指标 one pdf.js item with a word space, a border between them:
    // only the border parts them.
    const labels = runsOf({ str: '一级指标 二级指标', transform: [12, 0, 0, -12, 100, 100], width: 12 * 8 + 6 });
    const line = { runs: labels, top: 90, bottom: 102 };
    expect(layoutLine(line, 100, 6)).toMatch(/^ *一级指标 二级指标$/);
    expect(layoutLine(line, 100, 6, [{ x: 151, y0: 80, y1: 110 }])).toMatch(/^ *一级指标 {2,}二级指标$/);
    // A border beside the line, above or below it, parts nothing.
    expect(layoutLine(line, 100, 6, [{ x: 151, y0: 104, y1: 130 }])).toMatch(/^ *一级指标 二级指标$/);
  });

  it('parts characters of labels set a character a line from their neighbours, and keeps a letter-spaced label one', () => {
    // 西安 交通运输局 2022 三公 table (PDF page 78): 因公出国（境）费用 and 公务接待费 each down a narrow cell, 21 pt apart,
    // 9 pt glyphs; other cells' lines fall between their characters (单位编 / 序号 / 码 at other heights).
    const down = (chars: string, x: number, from: number) => [...chars].map((ch, i) => run(ch, x, from + 11 * i, 9));
    const page = linesOf([...down('因公出国', 220, 100), ...down('公务接待', 241, 122), run('序号', 60, 127, 9)]);
    const text = layoutPage(page).map((l) => l.text);
    expect(text.find((t) => t.includes('出'))).toMatch(/出 {2,}公/);
    expect(text.find((t) => t.includes('国'))).toMatch(/国 {2,}务/);
    // The same two characters on one line only, as a label set with a space (合  计): one label.
    expect(layoutPage(linesOf([run('合', 220, 100, 9), run('计', 241, 100, 9)])).map((l) => l.text.trim())).toEqual(['合 计']);
  });

  // 西安 交通运输局 2022, 三公 table (PDF page 78, txt L2137–L2155), the 2021 and 2022 blocks' first columns: 9 pt
  // labels over 6 pt amounts (`346.73` 18 pt wide, 27 pt as text); 合计 346.73 | 三公 小计 117.49 | 因公出国 0.00 |
  // 公务接待费 40.49, and 2022's 小计 248.84 | 0.00 | 38.84, at the PDF's x.
  const xian = () =>
    linesOf([
      run('一般公共预算拨款安排的“三', 195.9, 188.2, 9),
      run('一般公共预算拨款安排的“三公”', 393.6, 188.2, 9),
      run('公”经费预算', 227.4, 199.5, 9),
      run('经费预算', 443.1, 199.5, 9),
      run('合计', 168.6, 246.8, 9),
      // 因公出国（境）费用 and 公务接待费 are set a character a line down narrow cells: 因 / 公 / 出 / 国, 公 / 务 / 接 / 待.
      ...[192.9, 394.7].flatMap((x) => [
        run('小计', x, 261.6, 9),
        ...[...'因公出国'].map((ch, i) => run(ch, x + 27, [218.6, 229.7, 241.2, 254.5][i], 9)),
        ...[...'公务接待'].map((ch, i) => run(ch, x + 48, [241.2, 254.5, 261.6, 275][i], 9)),
      ]),
      ...[['346.73', 171.1], ['117.49', 192.1], ['0.00', 219.1], ['40.49', 237.1], ['248.84', 393.9], ['0.00', 420.9], ['38.84', 438.9]].map(
        ([text, x]) => run(text as string, x as number, 332.5, 6),
      ),
    ]);
  const spans = (text: readonly string[], label: string) =>
    text.flatMap((t) => [...t.matchAll(new RegExp(label.replace('.', '\\.'), 'g'))].map((m) => [m.index, m.index + label.length]));
  const over = ([a, b]: number[], [c, d]: number[]) => c < b && a < d;

  it('stretches the page where a line’s cells need more columns than their width, so that small amounts stay under their labels', () => {
    const text = layoutPage(xian()).map((l) => l.text);
    const [small2021, small2022] = spans(text, '小计');
    const [out2021, out2022] = spans(text, '出');
    const [zero2021, zero2022] = spans(text, '0.00');
    expect(over(spans(text, '合计')[0], spans(text, '346.73')[0])).toBe(true);
    expect([over(small2021, spans(text, '117.49')[0]), over(out2021, zero2021), over(spans(text, '接')[0], spans(text, '40.49')[0])]).toEqual([true, true, true]);
    expect([over(small2022, spans(text, '248.84')[0]), over(out2022, zero2022), over(spans(text, '接')[1], spans(text, '38.84')[0])]).toEqual([true, true, true]);
    // Amounts pdf.js gave as two items stay two spaces apart at the least.
    expect(text.find((t) => t.includes('346.73'))).toMatch(/346\.73 117\.49 {2,}0\.00 {2,}40\.49 {2,}248\.84 {2,}0\.00 {2,}38\.84$/);
  });

  it('prints the rest of a group label, wrapped onto the next line of its cell, within the label as printed', () => {
    const text = layoutPage(xian()).map((l) => l.text);
    const within = ([a, b]: number[], [c, d]: number[]) => c >= a && d <= b;
    expect(within(spans(text, '一般公共预算拨款安排的“三')[0], spans(text, '公”经费预算')[0])).toBe(true);
    // (经费预算's first match is the end of 公”经费预算.)
    expect(within(spans(text, '一般公共预算拨款安排的“三公”')[0], spans(text, '经费预算')[1])).toBe(true);
  });

  // 长沙 教育 2026 收入总体情况表 (PDF page 13; txt L171–L178): 本级财政拨款 alone on its line over 金额 and
  // 其中:经费拨款, their amounts 656.73 | 656.73 in the 合计 row.
  it('centres a label alone on its line over the gap between two header cells, as a header line’s labels are', () => {
    const page = linesOf([
      run('本级财政拨款', 379.5, 87.5, 10),
      run('合计', 290.3, 100.3, 10),
      run('金额', 365.3, 112.3, 10),
      run('其中:经费拨款', 414.8, 112.3, 10),
      run('合计', 129.8, 151.3, 10),
      run('656.73', 304.5, 151.3, 10),
      run('656.73', 379.5, 151.3, 10),
      run('656.73', 447.8, 151.3, 10),
    ]);
    const text = layoutPage(page).map((l) => l.text);
    const at = (label: string) => {
      const line = text.find((t) => t.includes(label))!;
      return [line.indexOf(label), line.indexOf(label) + label.length];
    };
    const [a, b] = at('本级财政拨款');
    // In the gap between the two labels, within 3 columns of the pair's middle (aligned/header.ts headsBlock).
    expect(a >= at('金额')[1] && b <= at('其中:经费拨款')[0]).toBe(true);
    expect(Math.abs((a + b) / 2 - (at('金额')[0] + at('其中:经费拨款')[1]) / 2)).toBeLessThanOrEqual(3);
    // A line of prose split into items a word space apart is no pair of cells: a label over it keeps its left edge.
    const prose = linesOf([run('年度目标', 317.7, 272, 8.2), run('、失能、失智老年人给予补贴', 213.1, 311.8, 8.2), run('，扶持养老机构发展', 320.7, 311.8, 8.2, 0.2)]);
    expect(layoutPage(prose)[0].text.indexOf('年度目标')).toBe(Math.round((317.7 - 213.1) / 4.1));
  });

  it('prints runs at columns that follow x, so that right-aligned amounts end in one column', () => {
    const a = layoutLine({ runs: [run('合计', 60, 100), run('1,234,567.00', 300, 100)], top: 90, bottom: 102 }, 60, 6);
    const b = layoutLine({ runs: [run('行政运行', 60, 100), run('4,567.00', 324, 100)], top: 90, bottom: 102 }, 60, 6);
    expect(a.length).toBe(b.length);
  });
});

describe('a folder of sources', () => {
  it('reads a PDF rather than its extracted text beside it, and every other file', () => {
    expect(originalsOnly(['a.pdf', 'a.txt', 'b.txt', 'c.PDF', 'c.txt'])).toEqual(['a.pdf', 'b.txt', 'c.PDF']);
  });
});
