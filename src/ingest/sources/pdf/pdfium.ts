/**
 * A second text layer for the PDF reader: PDFium (Chrome's PDF engine, BSD) compiled to WebAssembly
 * (`@embedpdf/pdfium`, the .wasm read from node_modules, offline). It reads the text of the 21 sample PDFs in about a
 * third of the CPU pdf.js's getTextContent takes, every CJK character of their `pdftotext` text found
 * (docs/benchmarks.md, "PDFium against pdf.js"). PDFium gives characters, not pdf.js's text items: `itemsOf` joins
 * them into items by pdf.js's own rules (gaps in em, font changes, lines), so that runs.ts, lines.ts and layout.ts,
 * written against pdf.js items, read both layers alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextPiece } from './runs.ts';
import { multiply, rulesOfPaths, type DrawnPath, type PageRules } from './rules.ts';
import type { Matrix } from './turn.ts';
import { MAX_PAGE_CHARS, PAGE_TOO_LONG, TEXT_DROPPED, type TextLayer, type LayerPage } from './layer.ts';

/** The PDFium functions read here, called on the module's exports directly (the wrapper's ccall costs per character). */
interface Exports {
  malloc(size: number): number;
  free(ptr: number): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDFPage_GetRotation(page: number): number;
  FPDFPage_SetRotation(page: number, rotation: number): void;
  FPDFPage_GetMediaBox(page: number, l: number, b: number, r: number, t: number): number;
  FPDFPage_GetCropBox(page: number, l: number, b: number, r: number, t: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(text: number): void;
  FPDFText_CountChars(text: number): number;
  FPDFText_GetUnicode(text: number, i: number): number;
  FPDFText_IsGenerated(text: number, i: number): number;
  FPDFText_GetFontSize(text: number, i: number): number;
  FPDFText_GetLooseCharBox(text: number, i: number, rect: number): number;
  FPDFText_GetCharOrigin(text: number, i: number, x: number, y: number): number;
  FPDFText_GetMatrix(text: number, i: number, matrix: number): number;
  FPDFText_GetTextObject(text: number, i: number): number;
  FPDFTextObj_GetFont(obj: number): number;
  FPDFPageObj_GetMarkedContentID(obj: number): number;
  FPDFFont_GetGlyphWidth(font: number, unicode: number, size: number, width: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, i: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, i: number): number;
  FPDFPageObj_GetType(obj: number): number;
  FPDFPageObj_GetBounds(obj: number, l: number, b: number, r: number, t: number): number;
  FPDFPageObj_GetMatrix(obj: number, matrix: number): number;
  FPDFPath_GetDrawMode(path: number, fill: number, stroke: number): number;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, i: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetClose(segment: number): number;
}

interface Pdfium {
  ex: Exports;
  /** The module's memory views: replaced when the memory grows, so read through this object each time. */
  heap: { HEAPU8: Uint8Array; HEAP32: Int32Array; HEAPF32: Float32Array; HEAPF64: Float64Array };
}

let pdfium: Promise<Pdfium> | null = null;

/** Loaded on the first PDF only; the .wasm is read from the package, never fetched. */
function loadPdfium(): Promise<Pdfium> {
  pdfium ??= (async () => {
    const { init } = await import('@embedpdf/pdfium');
    const wasmBinary = readFileSync(fileURLToPath(import.meta.resolve('@embedpdf/pdfium/pdfium.wasm')));
    const module = await init({ wasmBinary });
    module.PDFiumExt_Init();
    return { ex: module.pdfium.wasmExports as unknown as Exports, heap: module.pdfium as unknown as Pdfium['heap'] };
  })();
  return pdfium;
}

/**
 * Drops the module after a file it failed on: a trap inside the WebAssembly (a crafted file) leaves its memory as the
 * trap found it, the document unclosed; the next file gets a module of its own.
 */
export function forgetPdfium(): void {
  pdfium = null;
}

/** FPDF_GetLastError's codes, as the names pdf.js gives the same failures (index.ts words them for the reader). */
function loadError(code: number): Error {
  const error = new Error(`PDFium 错误 ${code}`);
  if (code === 4 || code === 5) error.name = 'PasswordException';
  else if (code === 2 || code === 3) error.name = 'InvalidPDFException';
  return error;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const OBJECT_TEXT = 1;
const OBJECT_PATH = 2;
const OBJECT_IMAGE = 3;
const OBJECT_FORM = 5;
const SEGMENT_LINE = 0;
const SEGMENT_BEZIER = 1;
const SEGMENT_MOVE = 2;

/** pdf.js's path commands (rules.ts reads them). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 4;

/** pdf.js's thresholds for joining glyphs into one item, in em (evaluator.js getTextContent). */
const NOT_A_SPACE = 0.03;
const TRACKING_SPACE = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const NEGATIVE_SPACE = -0.2;
const VERTICAL_SHIFT = 0.25;

/** One character of the page as PDFium gives it, in PDF user space. */
interface Glyph {
  ch: string;
  /** Baseline direction (a unit vector), and the em: the font size in user units. */
  ux: number;
  uy: number;
  em: number;
  /** Where the glyph starts on the baseline and where its advance ends. */
  x: number;
  y: number;
  endX: number;
  endY: number;
  /** Text-space to user-space matrix of the glyph at its origin, scaled by the font size (pdf.js's item transform). */
  transform: Matrix;
  font: number;
  size: number;
  /** The marked-content sequence (MCID) the glyph is shown in, -1 outside any. */
  mark: number;
}

const WHITESPACE = /^[\s\u00a0\u2000-\u200b\u3000]$/u;

/**
 * Two glyphs pdf.js may show in one item: the same font at the same size, in the same marked-content sequence. An
 * office program (Word, WPS) wraps each run of text in its own sequence and graphics state (`BDC q BT /F1 15 Tf … ET Q
 * EMC`); pdf.js starts a new item at each such run, since the Q that closes a run takes its font back and the next
 * Tf sets it anew. PDFium keeps no trace of the Tf, but each run's sequence is its own.
 */
function sameRun(a: Glyph, b: Glyph): boolean {
  return a.font === b.font && a.size === b.size && a.mark === b.mark;
}

/**
 * The page's glyphs joined into pdf.js-like items: a new item where the font or its size changes, where the next
 * glyph stands more than 0.6 em on, or back more than 0.2 em, or off the baseline by more than an em; a space inside
 * an item where the gap is wider than 0.102 em; an item ends after a glyph set 0.25 em off its baseline. A space
 * character only moves the pen, as pdf.js skips it: the gap it leaves decides. A glyph outside the page's visible box
 * is left out, as pdf.js leaves it out.
 */
export function itemsOf(glyphs: readonly Glyph[], view: readonly number[]): TextPiece[] {
  const items: TextPiece[] = [];
  let str = '';
  let first: Glyph | null = null;
  let last: Glyph | null = null;
  // The item's advance along its baseline: its glyphs' and the gaps between them.
  let width = 0;
  let afterSpace = false;
  const flush = () => {
    if (first && str !== '') items.push({ str, transform: first.transform, width: Math.abs(width) });
    str = '';
    first = null;
    last = null;
    width = 0;
  };
  for (const g of glyphs) {
    // A space in another font or sequence ends the item all the same: pdf.js changes font to show it.
    if (last && !sameRun(last, g)) flush();
    if (WHITESPACE.test(g.ch)) {
      afterSpace = last !== null;
      continue;
    }
    const advance = (g.endX - g.x) * g.ux + (g.endY - g.y) * g.uy;
    if (g.x + Math.max(advance, 0) < view[0] || g.x > view[2] || g.y < view[1] || g.y > view[3]) continue;
    if (last) {
      const prev: Glyph = last;
      const dx = g.x - prev.endX;
      const dy = g.y - prev.endY;
      const along = (dx * prev.ux + dy * prev.uy) / prev.em;
      const across = (-dx * prev.uy + dy * prev.ux) / prev.em;
      if (along < NEGATIVE_SPACE || Math.abs(across) > 1 || along > SPACE_IN_FLOW_MAX) flush();
      else {
        if (along <= NOT_A_SPACE) afterSpace = false;
        // A space character followed by a glyph set close: pdf.js ends the item there rather than lose the space.
        if (along <= TRACKING_SPACE && afterSpace) flush();
        else {
          if (along > TRACKING_SPACE) str += ' ';
          width += along * prev.em;
        }
        // Off the baseline by a quarter em, the glyph starts an item of its own; the one before keeps the gap.
        if (Math.abs(across) > VERTICAL_SHIFT) flush();
      }
    }
    afterSpace = false;
    first ??= g;
    str += g.ch;
    width += advance;
    last = g;
  }
  flush();
  return items;
}

/** pdf.js's PageViewport at scale 1: user space to the page as a viewer shows it, origin top left, y downwards. */
export function viewportOf(view: readonly number[], quarterTurns: number): { transform: Matrix; width: number; height: number } {
  const [x0, y0, x1, y1] = view;
  const [a, b, c, d] = [[1, 0, 0, -1], [0, 1, 1, 0], [-1, 0, 0, 1], [0, -1, -1, 0]][quarterTurns & 3];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const sideways = a === 0;
  const [ox, oy] = sideways ? [Math.abs(cy - y0), Math.abs(cx - x0)] : [Math.abs(cx - x0), Math.abs(cy - y0)];
  const [width, height] = sideways ? [y1 - y0, x1 - x0] : [x1 - x0, y1 - y0];
  return { transform: [a, b, c, d, ox - a * cx - c * cy, oy - b * cx - d * cy], width, height };
}

/**
 * PDFium keeps positions and matrices in single precision (75.74 comes back as 75.73999786): rounded to a thousandth
 * of a point they are the numbers the content stream wrote, as pdf.js reads them in double precision, so that a
 * position the layout rounds at half a column falls the same way from either library.
 */
function fine(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** A document opened in PDFium; its bytes live in the module's memory until `destroy`. */
export async function openPdfium(bytes: Uint8Array): Promise<TextLayer> {
  const { ex, heap } = await loadPdfium();
  const data = ex.malloc(bytes.length);
  heap.HEAPU8.set(bytes, data);
  const doc = ex.FPDF_LoadMemDocument(data, bytes.length, 0);
  if (!doc) {
    const code = ex.FPDF_GetLastError();
    ex.free(data);
    throw loadError(code);
  }
  // Scratch space for the out-parameters: 4 doubles, then a rect or matrix of 6 floats.
  const scratch = ex.malloc(64);
  const f32 = () => heap.HEAPF32;
  const f64 = () => heap.HEAPF64;

  const matrixAt = (ptr: number): Matrix => {
    const F = f32();
    const k = ptr >> 2;
    return [F[k], F[k + 1], F[k + 2], F[k + 3], F[k + 4], F[k + 5]];
  };

  const boxOf = (page: number, get: Exports['FPDFPage_GetMediaBox']): number[] | null => {
    if (!get(page, scratch, scratch + 4, scratch + 8, scratch + 12)) return null;
    const F = f32();
    const k = scratch >> 2;
    return [Math.min(F[k], F[k + 2]), Math.min(F[k + 1], F[k + 3]), Math.max(F[k], F[k + 2]), Math.max(F[k + 1], F[k + 3])];
  };

  /** pdf.js's `view`: the crop box within the media box (US Letter where neither is given). */
  const viewOf = (page: number): number[] => {
    const media = boxOf(page, ex.FPDFPage_GetMediaBox) ?? [0, 0, 612, 792];
    const crop = boxOf(page, ex.FPDFPage_GetCropBox);
    if (!crop) return media;
    const cut = [Math.max(crop[0], media[0]), Math.max(crop[1], media[1]), Math.min(crop[2], media[2]), Math.min(crop[3], media[3])];
    return cut[0] < cut[2] && cut[1] < cut[3] ? cut : media;
  };

  /** The page's characters; `shown` gets each text object any of them is shown in. */
  const glyphsOf = (page: number, shown: Set<number>): Glyph[] => {
    const text = ex.FPDFText_LoadPage(page);
    if (!text) return [];
    try {
      const glyphs: Glyph[] = [];
      const count = ex.FPDFText_CountChars(text);
      if (count > MAX_PAGE_CHARS) {
        const error = new Error(`${count} 个字符`);
        error.name = PAGE_TOO_LONG;
        throw error;
      }
      let object = 0;
      let font = 0;
      let mark = -1;
      for (let i = 0; i < count; i++) {
        if (ex.FPDFText_IsGenerated(text, i)) continue;
        const raw = ex.FPDFText_GetUnicode(text, i);
        // PDFium gives a hyphen that ends a line as U+0002 (its mark of a word broken there); it is the `-` printed.
        const code = raw === 2 ? 0x2d : raw;
        const obj = ex.FPDFText_GetTextObject(text, i);
        if (obj !== object) {
          object = obj;
          shown.add(obj);
          font = obj ? ex.FPDFTextObj_GetFont(obj) : 0;
          mark = obj ? ex.FPDFPageObj_GetMarkedContentID(obj) : -1;
        }
        const size = ex.FPDFText_GetFontSize(text, i);
        ex.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8);
        const x = fine(f64()[scratch >> 3]);
        const y = fine(f64()[(scratch >> 3) + 1]);
        ex.FPDFText_GetMatrix(text, i, scratch + 32);
        const m = matrixAt(scratch + 32);
        const scale = Math.hypot(m[0], m[1]) || 1;
        const [ux, uy] = [m[0] / scale, m[1] / scale];
        const em = size * (Math.hypot(m[2], m[3]) || scale);
        // The advance is the font's width of the glyph (its /W entry), as pdf.js takes it: the loose box reaches
        // past it where the glyph's outline does (a `2` of STSongStd-Light, 烟台 水务 2026 p. 3: 0.462 em wide, box 0.613).
        let advance: number;
        if (font && ex.FPDFFont_GetGlyphWidth(font, code, size, scratch + 16)) advance = f32()[(scratch + 16) >> 2] * scale;
        else {
          ex.FPDFText_GetLooseCharBox(text, i, scratch + 16);
          const F = f32();
          const k = (scratch + 16) >> 2;
          advance = Math.abs(ux) * (F[k + 2] - F[k]) + Math.abs(uy) * Math.abs(F[k + 1] - F[k + 3]);
        }
        glyphs.push({
          ch: String.fromCodePoint(code),
          ux,
          uy,
          em: em > 0 ? em : 1,
          x,
          y,
          endX: fine(x + ux * advance),
          endY: fine(y + uy * advance),
          transform: [fine(m[0] * size), fine(m[1] * size), fine(m[2] * size), fine(m[3] * size), x, y],
          font,
          size,
          mark,
        });
      }
      return glyphs;
    } finally {
      ex.FPDFText_ClosePage(text);
    }
  };

  /**
   * Whether `visit` says yes of some object of the page, forms' objects followed in them, each given its type and the
   * matrix from the space it stands in to `frame`'s; the walk stops at the first yes.
   */
  const someObject = (page: number, frame: Matrix, visit: (obj: number, type: number, outer: Matrix) => boolean): boolean => {
    const within = (obj: number, outer: Matrix): boolean => {
      const type = ex.FPDFPageObj_GetType(obj);
      if (type !== OBJECT_FORM) return visit(obj, type, outer);
      const inner = ex.FPDFPageObj_GetMatrix(obj, scratch + 32) ? multiply(outer, matrixAt(scratch + 32)) : outer;
      const n = ex.FPDFFormObj_CountObjects(obj);
      for (let i = 0; i < n; i++) if (within(ex.FPDFFormObj_GetObject(obj, i), inner)) return true;
      return false;
    };
    const n = ex.FPDFPage_CountObjects(page);
    for (let i = 0; i < n; i++) if (within(ex.FPDFPage_GetObject(page, i), frame)) return true;
    return false;
  };

  /**
   * Whether PDFium's text page left out a text object of the page: it drops a text object that repeats one of the five
   * before it, same font, size and characters, overlapping it and less than an eighth of its width off (its test of
   * text drawn twice for a bold face, CPDF_TextPage::IsSameTextObject), which also takes a line printed again just
   * under a wide line of the same text (ten lines of twenty 一 twelve points apart read as one). pdf.js keeps them.
   */
  const dropsText = (page: number, shown: ReadonlySet<number>): boolean =>
    someObject(page, IDENTITY, (obj, type) => {
      if (type !== OBJECT_TEXT || shown.has(obj) || !ex.FPDFPageObj_GetBounds(obj, scratch, scratch + 4, scratch + 8, scratch + 12)) return false;
      // A space's box is a point wide and tall at most, and PDFium may keep no character of it; the text it drops as
      // repeated stands within an eighth of its width, so is wide, and of a font not embedded it has no height.
      const F = f32();
      const k = scratch >> 2;
      return Math.abs(F[k + 2] - F[k]) > 2 || Math.abs(F[k + 3] - F[k + 1]) > 2;
    });

  const pathOf = (obj: number, matrix: Matrix): DrawnPath | null => {
    if (!ex.FPDFPath_GetDrawMode(obj, scratch, scratch + 4)) return null;
    const H = heap.HEAP32;
    const fill = H[scratch >> 2] !== 0;
    const stroke = H[(scratch >> 2) + 1] !== 0;
    if (!fill && !stroke) return null;
    const data: number[] = [];
    const n = ex.FPDFPath_CountSegments(obj);
    let bezier: number[] = [];
    for (let i = 0; i < n; i++) {
      const seg = ex.FPDFPath_GetPathSegment(obj, i);
      ex.FPDFPathSegment_GetPoint(seg, scratch, scratch + 4);
      const x = f32()[scratch >> 2];
      const y = f32()[(scratch >> 2) + 1];
      const type = ex.FPDFPathSegment_GetType(seg);
      if (type === SEGMENT_MOVE) data.push(MOVE, x, y);
      else if (type === SEGMENT_LINE) data.push(LINE, x, y);
      else if (type === SEGMENT_BEZIER) {
        bezier.push(x, y);
        if (bezier.length === 6) {
          data.push(CURVE, ...bezier);
          bezier = [];
        }
      }
      if (ex.FPDFPathSegment_GetClose(seg)) data.push(CLOSE);
    }
    return { data, matrix, stroke, fill };
  };

  const open = (p: number): number => {
    const page = ex.FPDF_LoadPage(doc, p - 1);
    if (!page) throw loadError(ex.FPDF_GetLastError());
    return page;
  };

  return {
    pageCount: ex.FPDF_GetPageCount(doc),
    async page(p: number): Promise<LayerPage> {
      const page = open(p);
      const view = viewOf(page);
      const viewport = viewportOf(view, ex.FPDFPage_GetRotation(page));
      // PDFium's text page orders the characters as the page is shown: a page shown upside down (/Rotate 180) gives each
      // line backwards, and itemsOf, joining a glyph to the one before only forwards along the baseline, then made an
      // item of every glyph (杭州 交通运输 2026 turned by `qpdf --rotate=+180`: 56 checks failing). Read unturned, in the
      // order the page sets its text, as pdf.js reads it; the viewport above keeps the turn.
      ex.FPDFPage_SetRotation(page, 0);
      const shown = new Set<number>();
      let glyphs: Glyph[];
      try {
        glyphs = glyphsOf(page, shown);
        // Text PDFium did not read is read by pdf.js (index.ts openLayer), never left out.
        if (dropsText(page, shown)) {
          const error = new Error('PDFium 的文字层漏掉了页面上的文字');
          error.name = TEXT_DROPPED;
          throw error;
        }
      } catch (error) {
        ex.FPDF_ClosePage(page);
        throw error;
      }
      return {
        viewport,
        items: itemsOf(glyphs, view),
        async rules(frame: Matrix): Promise<PageRules> {
          const paths: DrawnPath[] = [];
          someObject(page, frame, (obj, type, outer) => {
            const path = type === OBJECT_PATH && ex.FPDFPageObj_GetMatrix(obj, scratch + 32) ? pathOf(obj, multiply(outer, matrixAt(scratch + 32))) : null;
            if (path) paths.push(path);
            return false;
          });
          return rulesOfPaths(paths);
        },
        close() {
          ex.FPDF_ClosePage(page);
        },
      };
    },
    async paintsImage(p: number): Promise<boolean> {
      const page = open(p);
      try {
        return someObject(page, IDENTITY, (_, type) => type === OBJECT_IMAGE);
      } finally {
        ex.FPDF_ClosePage(page);
      }
    },
    async destroy() {
      ex.FPDF_CloseDocument(doc);
      ex.free(scratch);
      ex.free(data);
    },
  };
}
