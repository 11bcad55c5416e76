import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/ingest/sources/pdf/index.ts';
import { chosenLibrary, pdfiumInstalled } from '../../src/ingest/sources/pdf/layer.ts';
import { itemsOf, openPdfium, viewportOf } from '../../src/ingest/sources/pdf/pdfium.ts';
import { pdfFile, tinyPdf } from '../fixtures/tiny-pdf.ts';

// The second text layer (PDFium, pdfium.ts): pdf.js's text items built from PDFium's characters, so that the reader
// reads the same lines, boxes and rules from either library.

type Glyph = Parameters<typeof itemsOf>[0][number];

/** A 10 pt glyph, upright, starting at x on the baseline y (PDF space), one em wide if CJK, else half. */
function glyph(ch: string, x: number, y = 700, { font = 1, mark = -1, size = 10 } = {}): Glyph {
  const advance = (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.5) * size;
  return { ch, ux: 1, uy: 0, em: size, x, y, endX: x + advance, endY: y, transform: [size, 0, 0, size, x, y], font, size, mark };
}

/** Glyphs of a text set from x, each `gap` em after the one before. */
function set(text: string, x: number, gap = 0, options = {}): Glyph[] {
  const out: Glyph[] = [];
  for (const ch of text) {
    const g = glyph(ch, x, 700, options);
    out.push(g);
    x = g.endX + gap * 10;
  }
  return out;
}

const PAGE = [0, 0, 595, 842];

describe('PDFium glyphs joined into pdf.js items', () => {
  it('joins glyphs closer than 0.6 em, with a space past 0.102 em, and counts the gaps in the width', () => {
    // 合计 then 0.05 em: no space; 0.3 em: a word space; 0.7 em: a new item. Each glyph 10 pt.
    expect(itemsOf([...set('合计', 100, 0.05), ...set('基本', 120.5 + 3, 0)], PAGE).map((i) => [i.str, i.width])).toEqual([
      // 合 100–110, 0.5 pt, 计 110.5–120.5, 3 pt, 基 123.5–133.5, 本 to 143.5: 43.5 pt from 100.
      ['合计 基本', 43.5],
    ]);
    const apart = itemsOf([...set('合计', 100), ...set('基本', 127)], PAGE);
    expect(apart.map((i) => [i.str, i.transform[4], i.width])).toEqual([
      ['合计', 100, 20],
      ['基本', 127, 20],
    ]);
  });

  it('starts an item where the font, its size or the marked-content sequence changes, and after a space set close', () => {
    expect(itemsOf([...set('年', 100), ...set('佛山', 110, 0, { font: 2 })], PAGE).map((i) => i.str)).toEqual(['年', '佛山']);
    expect(itemsOf([...set('第一部分', 100), ...set('上海市', 140.5, 0, { mark: 7 })], PAGE).map((i) => i.str)).toEqual(['第一部分', '上海市']);
    // A space 0.05 em wide, then 本 right after it: pdf.js keeps the space by ending the item.
    const spaced = [...set('合计', 100), glyph(' ', 120), ...set('本', 120.5)];
    expect(itemsOf(spaced, PAGE).map((i) => i.str)).toEqual(['合计', '本']);
    // A line 14 pt further down is a new item.
    expect(itemsOf([glyph('合', 100, 700), glyph('计', 110, 686)], PAGE).map((i) => i.str)).toEqual(['合', '计']);
  });

  it('leaves out glyphs outside the page’s visible box, as pdf.js does', () => {
    expect(itemsOf([glyph('上', 100, 861.95), glyph('海', 100, 700)], PAGE).map((i) => i.str)).toEqual(['海']);
  });
});

describe('PDFium page frames', () => {
  it('maps PDF space to the page as shown, as pdf.js’s viewport does, turned by /Rotate', () => {
    expect(viewportOf([0, 0, 595, 842], 0)).toEqual({ transform: [1, 0, 0, -1, 0, 842], width: 595, height: 842 });
    // A quarter turn: x up the page becomes x across the landscape view (烟台 水务 2026 p. 10 has this viewport).
    expect(viewportOf([0, 0, 595, 842], 1)).toEqual({ transform: [0, 1, 1, 0, 0, 0], width: 842, height: 595 });
  });
});

describe('the reader with PDFium', () => {
  it('reads a page of positioned CJK text into the same lines and boxes as with pdf.js', async () => {
    const bytes = tinyPdf([
      [
        { text: '项目', x: 72, y: 100 },
        { text: '合计', x: 300, y: 100 },
        { text: '一、一般公共服务支出', x: 72, y: 120 },
        { text: '1,234.50', x: 300, y: 120 },
      ],
    ]);
    const [pdfjs, pdfium] = [await readPdf(bytes, 'pdfjs'), await readPdf(bytes, 'pdfium')];
    if (!pdfjs.ok || !pdfium.ok) throw new Error('not read');
    expect(pdfium.text.split('\n')[1].trim().split(/\s{2,}/)).toEqual(['一、一般公共服务支出', '1,234.50']);
    expect(pdfium.text).toBe(pdfjs.text);
    // 一、一般公共服务支出 at x 72, baseline 120, 10 pt: 10 ems wide, box 8.5 pt above the baseline and 1.5 below.
    expect([...pdfium.lineBoxes!.subarray(4, 8)].map((v) => Math.round(v * 100) / 100)).toEqual([72, 111.5, 340, 121.5]);
    expect([...pdfium.lineBoxes!]).toEqual([...pdfjs.lineBoxes!].map((v) => expect.closeTo(v, 2)));
  });

  it('reads the ruling lines of a page of indicators as pdf.js does', async () => {
    const text = [
      { text: '产出指标', x: 72, y: 100 },
      { text: '效益指标', x: 72, y: 120 },
      { text: '满意度指标', x: 72, y: 140 },
    ];
    // The same drawing as pdf-rules.test.ts: a segment moved 10 right and 20 up (x 60–260 at y 842 − 720 = 122), a
    // rectangle of no height (x 110–310, y 222), and a filled rectangle 0.8 pt high (x 50–250, y 842 − 500.4 = 341.6).
    const drawing = 'q 1 0 0 1 10 20 cm 0.5 w 50 700 m 250 700 l S 100 600 200 0 re S Q 50 500 200 0.8 re f';
    const read = await readPdf(tinyPdf([text], [drawing]), 'pdfium');
    if (!read.ok) throw new Error(read.reason);
    const rounded = read.pageRules![0]!.horizontal.map((r) => [r.y, r.x0, r.x1].map((v) => Math.round(v * 10) / 10));
    expect(rounded).toEqual([
      [122, 60, 260],
      [222, 110, 310],
      [341.6, 50, 250],
    ]);
  });

  it('refuses a broken or encrypted PDF with the reasons pdf.js’s failures get', async () => {
    const broken = await readPdf(Buffer.from('%PDF-1.4\nnot a pdf at all\n'), 'pdfium');
    expect(broken).toEqual({ ok: false, reason: 'PDF 文件已损坏或不完整，无法读取', line: null });
    const o = '<' + 'ab'.repeat(32) + '>';
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      '<< /Length 0 >>\nstream\n\nendstream',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>',
    ];
    const encryption = `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${o} /U ${o} /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `;
    expect(await readPdf(pdfFile(objects, encryption), 'pdfium')).toEqual({
      ok: false,
      reason: 'PDF 已加密，需要密码才能打开，无法读取其中的文字',
      line: null,
    });
  });

  it('refuses a page of more than 200,000 characters before reading them, with either library', async () => {
    // Page 2 of two: 400 lines of 501 hanzi set in 1 pt (each line its own character), 200,400 characters on the page.
    const dense = Array.from({ length: 400 }, (_, i) => ({ text: String.fromCodePoint(0x4e00 + i).repeat(501), x: 10, y: 10 + i * 2, size: 1 }));
    const bytes = tinyPdf([[{ text: '支出', x: 72, y: 100 }], dense]);
    const reason = 'PDF 第 2 页的文字超过 200000 个字符，不像是一份公开文件';
    expect(await readPdf(bytes, 'pdfium')).toEqual({ ok: false, reason, line: null, page: 2 });
    expect(await readPdf(bytes, 'pdfjs')).toEqual({ ok: false, reason, line: null, page: 2 });
  });

  it('reads a page whose text PDFium drops as repeated with pdf.js, every line kept', async () => {
    // Ten lines of twenty 一 (200 pt wide), 12 pt apart: PDFium's text page keeps the first only, taking each line for
    // the one above drawn again (within an eighth of its width); the layer says so, and pdf.js reads that page, page 1
    // staying PDFium's.
    const lines = Array.from({ length: 10 }, (_, i) => ({ text: '一'.repeat(20), x: 10, y: 100 + i * 12 }));
    const bytes = tinyPdf([[{ text: '支出合计', x: 72, y: 100 }], lines]);
    const layer = await openPdfium(bytes);
    await expect(layer.page(2)).rejects.toThrow('PDFium 的文字层漏掉了页面上的文字');
    await layer.destroy();
    const read = await readPdf(bytes, 'pdfium');
    if (!read.ok) throw new Error(read.reason);
    expect(read.pageStarts).toEqual([2]);
    expect(read.text.split('\n')[0]).toBe('支出合计');
    expect(read.text.split('\n').filter((l) => l.replace('\f', '') === '一'.repeat(20))).toHaveLength(10);
  });

  it('reads text drawn twice over itself for a bold face once, with either library, and the same words elsewhere twice', async () => {
    // A 合计 row and its amount printed again 0.3 pt to the right (a bold face the font lacks, as report engines make
    // it); the 收入合计 two lines down is the same words set again, not a copy. PDFium's text page drops the copies
    // and hands the page to pdf.js, which keeps them: read twice they were `合计合计  1,234.001,234.00`.
    const row = [{ text: '合计', x: 72, y: 100 }, { text: '1,234.00', x: 300, y: 100 }];
    const bold = [...row, ...row.map((t) => ({ ...t, x: t.x + 0.3 })), { text: '合计', x: 72, y: 124 }];
    const bytes = tinyPdf([bold]);
    for (const library of ['pdfium', 'pdfjs'] as const) {
      const read = await readPdf(bytes, library);
      if (!read.ok) throw new Error(read.reason);
      expect(read.text.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().replace(/ {2,}/g, '  '))).toEqual(['合计  1,234.00', '合计']);
    }
  });

  it('gives a page the viewer shows turned by /Rotate the items of the page unturned, upside down too', async () => {
    // PDFium's text page orders characters as the page is shown: upside down (/Rotate 180) each line came backwards and
    // every glyph became an item of its own (杭州 交通运输 2026 turned by `qpdf --rotate=+180`: 56 checks failing).
    const texts = [{ text: '一般公共预算拨款收入', x: 72, y: 100 }, { text: '1,234.00', x: 300, y: 100 }, { text: '2026年 部门预算', x: 72, y: 130 }];
    const itemsOf = async (bytes: Uint8Array) => {
      const layer = await openPdfium(bytes);
      const page = await layer.page(1);
      const items = page.items.map((i) => [i.str, ...i.transform.map((v) => Math.round(v * 100) / 100)]);
      page.close();
      await layer.destroy();
      return items;
    };
    const upright = await itemsOf(tinyPdf([texts]));
    expect(upright.map(([s]) => s)).toEqual(['一般公共预算拨款收入', '1,234.00', '2026年 部门预算']);
    for (const rotate of [90, 180, 270]) expect(await itemsOf(tinyPdf([texts], [], rotate))).toEqual(upright);
  });

  it('reads with PDFium unless PDF_TEXT_LAYER=pdfjs asks for pdf.js', () => {
    const before = process.env.PDF_TEXT_LAYER;
    try {
      delete process.env.PDF_TEXT_LAYER;
      expect(chosenLibrary()).toBe('pdfium');
      process.env.PDF_TEXT_LAYER = 'pdfjs';
      expect(chosenLibrary()).toBe('pdfjs');
    } finally {
      if (before === undefined) delete process.env.PDF_TEXT_LAYER;
      else process.env.PDF_TEXT_LAYER = before;
    }
  });

  it('tells whether PDFium is installed: the CLI warns once a batch where it is not (every PDF then goes to pdf.js)', () => {
    expect(pdfiumInstalled()).toBe(true);
    expect(
      pdfiumInstalled(() => {
        throw new Error("Cannot find package '@embedpdf/pdfium'");
      }),
    ).toBe(false);
    expect(pdfiumInstalled(() => 'file:///nonexistent/pdfium.wasm')).toBe(false);
  });

  const sample = '../shared/samples/shanghai-putuo-social-welfare-home-2024-budget';
  it.runIf(existsSync(`${sample}.pdf`))('reads a Shanghai sample to the same text as pdf.js, every hanzi of its pdftotext text found', async () => {
    const bytes = readFileSync(`${sample}.pdf`);
    const [pdfjs, pdfium] = [await readPdf(bytes, 'pdfjs'), await readPdf(bytes, 'pdfium')];
    if (!pdfjs.ok || !pdfium.ok) throw new Error('not read');
    expect(pdfium.text).toBe(pdfjs.text);
    expect(pdfium.pageStarts).toHaveLength(15);
    // `pdftotext -layout` of the same file prints 3,516 hanzi; each is in PDFium's text as often.
    const count = (text: string) => {
      const n = new Map<string, number>();
      for (const ch of text.match(/\p{sc=Han}/gu) ?? []) n.set(ch, (n.get(ch) ?? 0) + 1);
      return n;
    };
    const want = count(readFileSync(`${sample}.txt`, 'utf8'));
    const got = count(pdfium.text);
    expect([...want.values()].reduce((a, b) => a + b, 0)).toBe(3516);
    expect([...want].filter(([ch, n]) => (got.get(ch) ?? 0) < n)).toEqual([]);
  });
});
