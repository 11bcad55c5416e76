/**
 * A PDF read from its glyph positions into the same lines every other source becomes: a text layer (layer.ts:
 * PDFium, pdfium.ts, or pdf.js, each offline with its CJK CMaps) gives each page's text items with their positions,
 * `turn` decides the direction the page reads in, `runs` cuts them into cells, `lines` groups them by vertical
 * overlap, `layout` prints them at columns that follow x positions. Page starts are recorded so that every line can be traced to its page, and each line's box on it.
 */
import { fileURLToPath } from 'node:url';
import type { SourceRead } from '../index.ts';
import { cjkShare, ordinaryShare } from '../../decode.ts';
import { boxOfLine, linesOf, type PageLine } from './lines.ts';
import { layoutPage } from './layout.ts';
import { runsOf, type Run, type TextPiece } from './runs.ts';
import { withoutOverprints } from './overprint.ts';
import { multiply, rulesOf, type PageRules, type RuleOps } from './rules.ts';
import { turning, turningBack, turnsOfPage, type Matrix } from './turn.ts';
import { chosenLibrary, MAX_PAGE_CHARS, PAGE_TOO_LONG, TEXT_DROPPED, type PdfLibrary, type TextLayer } from './layer.ts';

/** A disclosure runs to tens of pages, a whole year's collection to a few hundred; more is not one document. */
export const MAX_PDF_PAGES = 2000;

const NO_BOX = [NaN, NaN, NaN, NaN];

const PACKAGE = fileURLToPath(new URL('./', import.meta.resolve('pdfjs-dist/package.json')));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/** Loaded on the first PDF only: text sources never pay for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function failure(error: unknown): string {
  const name = (error as Error)?.name;
  if (name === 'PasswordException') return 'PDF 已加密，需要密码才能打开，无法读取其中的文字';
  if (name === 'InvalidPDFException') return 'PDF 文件已损坏或不完整，无法读取';
  return `PDF 无法读取（${(error as Error)?.message ?? String(error)}）`;
}

/** Refusals another library would meet alike (a password, the bounds on pages and characters): not asked twice (readPdf). */
const alike = new WeakSet<SourceRead>();

function refusal(read: SourceRead): SourceRead {
  alike.add(read);
  return read;
}

function tooLong(page: number): SourceRead {
  return refusal({ ok: false, reason: `PDF 第 ${page} 页的文字超过 ${MAX_PAGE_CHARS} 个字符，不像是一份公开文件`, line: null, page });
}

/** A page pdf.js could not read: the document is not read, and the reason names the page. */
function pageFailure(error: unknown, page: number): SourceRead {
  return { ok: false, reason: `${failure(error)}：第 ${page} 页`, line: null, page };
}

/**
 * Rules are read on pages of performance indicators (产出指标, 效益指标, 满意度指标 …, three mentions at least): the
 * only tables whose reading uses them (project cells drawn over many indicator rows). Reading a page's drawing costs
 * about as much as reading its text, so other pages are not read for it, except the page after one whose drawn grid
 * holds its last line (goesOn): the grid may go on there without naming a level (稳就业保障项目's rows of 数量指标,
 * their level cells on the page before); and a page printing a target form's title (…绩效目标表), whose fields may be
 * drawn in cells narrower than their text (drawn-fields.ts) above indicators on the next page. A title alone carries
 * the reading to no next page: a contents page lists the forms' titles in a drawn grid too.
 */
function ofIndicators(text: string): boolean {
  return (text.match(/指标/g)?.length ?? 0) >= 3;
}

const FORM_TITLE = /绩效(?:目标|自评)表/;

/** True when a rule of the page lies below the middle of its last line: the line is in a grid that may go on. */
function goesOn(rules: PageRules | null, lines: ReadonlyArray<{ from: PageLine | null }>): boolean {
  const last = lines.findLast((l) => l.from != null)?.from;
  if (!rules || !last) return false;
  return rules.horizontal.some((r) => r.y > (last.top + last.bottom) / 2);
}

const GARBLED = 'PDF 的文字层读出来是乱码（字体没有给出字形与文字的对应，常见于部分转换工具生成的文件）：请换用原始文件，或先做文字识别（OCR）';

/**
 * A text layer whose fonts map their glyphs to no characters reads as Latin symbols or private-use codes: a
 * disclosure is Chinese (a third of the characters of every sample PDF at the least are hanzi), so a long text with
 * almost none, or of few ordinary characters, is not read, rather than published as nonsense. Too little text decides
 * nothing.
 */
function isGarbled(text: string): boolean {
  const ordinary = ordinaryShare(text);
  return ordinary.counted >= 1000 && (ordinary.share < 0.5 || cjkShare(text) < 0.05);
}

/**
 * pdf.js opened on a document as the reader opens it: offline, no fonts handed to a renderer, no code evaluated.
 * The bench (scripts/bench.ts) opens the same way to time pdf.js's own text extraction beside this reader.
 */
export async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await loadPdfJs();
  return getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given; the caller's bytes are still needed for the hash.
    data: new Uint8Array(bytes),
    cMapUrl: `${PACKAGE}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PACKAGE}standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
}

/** pdf.js as a text layer (layer.ts): its text items and, where asked, its operator lists. */
async function openPdfJs(bytes: Uint8Array): Promise<TextLayer> {
  const { OPS } = await loadPdfJs();
  const ruleOps: RuleOps = OPS;
  const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  const task = await openPdf(bytes);
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw error;
  }
  return {
    pageCount: doc.numPages,
    async page(p) {
      const page = await doc.getPage(p);
      const { transform, width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextPiece[] = [];
      for (const item of content.items) if ('str' in item) items.push(item);
      return {
        viewport: { transform: transform as Matrix, width, height },
        items,
        rules: async (frame) => rulesOf(await page.getOperatorList(), ruleOps, frame),
        close: () => page.cleanup(),
      };
    },
    async paintsImage(p) {
      const page = await doc.getPage(p);
      const painted = (await page.getOperatorList()).fnArray.some((op) => imageOps.has(op));
      page.cleanup();
      return painted;
    },
    destroy: () => task.destroy(),
  };
}

/**
 * The layer of `library`. PDFium's hands a page whose text its text page left out (pdfium.ts dropsText) to pdf.js,
 * opened for the first such page only: the other pages stay PDFium's, each page being laid out on its own.
 */
async function openLayer(bytes: Uint8Array, library: PdfLibrary): Promise<TextLayer> {
  if (library === 'pdfjs') return openPdfJs(bytes);
  const pdfium = await (await import('./pdfium.ts')).openPdfium(bytes);
  let pdfjs: Promise<TextLayer> | null = null;
  return {
    pageCount: pdfium.pageCount,
    async page(p) {
      try {
        return await pdfium.page(p);
      } catch (error) {
        if ((error as Error)?.name !== TEXT_DROPPED) throw error;
        pdfjs ??= openPdfJs(bytes);
        return (await pdfjs).page(p);
      }
    },
    paintsImage: (p) => pdfium.paintsImage(p),
    async destroy() {
      await pdfium.destroy();
      if (pdfjs) await (await pdfjs).destroy();
    },
  };
}

/**
 * The PDF read with `library`. Where PDFium cannot read a file (a broken structure, a font whose glyphs it maps to no
 * characters, no text found) pdf.js, whose repairs and font fallbacks are its own, reads it again, and its reading or
 * its reason stands; a password, or a file beyond the bounds, is not asked twice.
 */
export async function readPdf(bytes: Uint8Array, library: PdfLibrary = chosenLibrary()): Promise<SourceRead> {
  const read = await readWith(bytes, library);
  if (read.ok || library !== 'pdfium' || alike.has(read)) return read;
  (await import('./pdfium.ts')).forgetPdfium();
  return readWith(bytes, 'pdfjs');
}

async function readWith(bytes: Uint8Array, library: PdfLibrary): Promise<SourceRead> {
  let layer: TextLayer;
  try {
    layer = await openLayer(bytes, library);
  } catch (error) {
    const read: SourceRead = { ok: false, reason: failure(error), line: null };
    return (error as Error)?.name === 'PasswordException' ? refusal(read) : read;
  }
  try {
    if (layer.pageCount > MAX_PDF_PAGES) {
      return refusal({ ok: false, reason: `PDF 有 ${layer.pageCount} 页，超过一份公开文件的上限 ${MAX_PDF_PAGES} 页`, line: null });
    }
    const lines: string[] = [];
    const pageStarts: number[] = [];
    const boxes: number[] = [];
    const glyphs: Array<Float32Array | null> = [];
    const pageRules: Array<PageRules | null> = [];
    const pageTurns: Array<number[] | null> = [];
    let chars = 0;
    const textless: number[] = [];
    let goingOn = false;
    let carried = false;
    for (let p = 1; p <= layer.pageCount; p++) {
      let runs: Run[];
      try {
        const page = await layer.page(p);
        const { viewport } = page;
        // The page is read in the frame its text reads upright in (turn.ts): lines, their boxes and the rules alike.
        const turns = turnsOfPage(page.items, viewport.transform);
        const frame = turns === 0 ? viewport.transform : multiply(turning(turns, viewport.width, viewport.height), viewport.transform);
        pageTurns.push(turns === 0 ? null : turningBack(turns, viewport.width, viewport.height));
        let pageChars = 0;
        let pageText = '';
        const pieces: TextPiece[] = [];
        for (const item of page.items) {
          pageChars += item.str.length;
          pageText += item.str;
          if (pageChars > MAX_PAGE_CHARS) return tooLong(p);
          pieces.push({ str: item.str, transform: multiply(frame, item.transform), width: item.width });
        }
        runs = withoutOverprints(pieces).flatMap(runsOf);
        if (runs.length === 0) textless.push(p);
        carried = ofIndicators(pageText) || goingOn;
        pageRules.push(carried || FORM_TITLE.test(pageText) ? await page.rules(frame) : null);
        page.close();
      } catch (error) {
        if ((error as Error)?.name === PAGE_TOO_LONG) return tooLong(p);
        return pageFailure(error, p);
      }
      chars += runs.length;
      const laidOut = layoutPage(linesOf(runs), pageRules[p - 1]?.vertical);
      goingOn = carried && goesOn(pageRules[p - 1], laidOut);
      if (p > 1) pageStarts.push(lines.length + 1);
      // Pages are separated by a form feed at the start of the next page, as `pdftotext` prints them.
      const page = laidOut.length > 0 ? laidOut : [{ text: '', from: null, xs: [] }];
      for (const [i, { text, from, xs }] of page.entries()) {
        lines.push(i === 0 && p > 1 ? `\f${text}` : text);
        boxes.push(...(from ? boxOfLine(from) : NO_BOX));
        // Kept where the rules are read, the only pages whose cells are read from them; the form feed has no glyph.
        glyphs.push(pageRules[p - 1] && from ? Float32Array.from(i === 0 && p > 1 ? [NaN, ...xs] : xs) : null);
      }
    }
    if (chars === 0) {
      return { ok: false, reason: 'PDF 没有可读的文字层（可能是扫描件）：需要先做文字识别（OCR）', line: null, page: 1 };
    }
    const text = lines.join('\n');
    if (isGarbled(text)) return { ok: false, reason: GARBLED, line: null, page: 1 };
    // A page without text that paints an image is a scanned page among pages of text (a blank page paints none).
    // Asked only of a document that has text: a scan without any is refused above without reading its images.
    const scanned: number[] = [];
    for (const p of textless) {
      try {
        if (await layer.paintsImage(p)) scanned.push(p);
      } catch (error) {
        return pageFailure(error, p);
      }
    }
    return {
      ok: true,
      text: `${text}\n`,
      format: 'pdf',
      encoding: 'pdf',
      pageStarts,
      lineBoxes: Float64Array.from(boxes),
      ...(pageRules.some((r) => r != null) ? { pageRules, lineGlyphs: glyphs } : {}),
      ...(pageTurns.some((t) => t != null) ? { pageTurns } : {}),
      ...(scanned.length > 0 ? { scannedPages: scanned } : {}),
    };
  } finally {
    await layer.destroy();
  }
}
