/**
 * Every format a disclosure is published in becomes the same thing before any reader sees it: lines of text in
 * reading order, plus where each page (or sheet) starts, so that every line the readers claim can be traced to the
 * page it was printed on. The format is decided from the bytes, never from the file name. Pure: the CLI reads the
 * file, this decides what it is.
 */
import type { Disclosure } from '../../schema/disclosure.ts';
import { decodeInput } from '../decode.ts';
import { csvDelimiter, readCsv } from './csv.ts';
import type { PageRules } from './pdf/rules.ts';
import { extensionOf } from './names.ts';
import { unifyRadicals } from './radicals.ts';
import { withPageBreaks } from './page-breaks.ts';
import { isDocx, isLegacyXls, isOds, isPdf, isXlsx, misnamedReason } from './signatures.ts';
import { looksLikeFlatOds, looksLikeHtml, looksLikeMarkdown, looksLikeSpreadsheetXml } from './text-formats.ts';

export type SourceFormat = Disclosure['source']['format'];

/**
 * Where each line of a PDF's text is printed on its page (the page follows from `pageStarts`): four numbers a line,
 * x0, y0, x1, y1 of line n at index 4(n − 1), in points on the page as a viewer shows it (after its rotation), origin
 * at the top left corner and y downwards, as `pdftotext -bbox` gives them; NaN for a line that prints nothing (a
 * blank line the layout leaves for a wider gap, an empty page). One flat array rather than an object a line: a
 * document of a few hundred pages has tens of thousands of lines. On a page whose text the viewer shows sideways or
 * upside down, the page is turned first so that its text reads upright (PageTurns), and the boxes are on the turned
 * page, where lines are rows and the rules' y and x are those of the lines.
 */
export type LineBoxes = Float64Array;

/**
 * The ruling lines a PDF page draws (a table's cell borders), in the line boxes' page space: horizontal rules with
 * their y and x extent, vertical ones with their x and y extent. One entry a page, null where the page was not read
 * for them (see pdf/index.ts: only pages of performance indicators are); an empty list where it draws none.
 */
export type { PageRules } from './pdf/rules.ts';

/**
 * For each line of a PDF's text, where each of its characters (UTF-16 unit) is printed: the x its glyph begins at
 * in the line boxes' space, NaN for a space the layout puts between runs (and for a page's form feed); null for a
 * line of a page not read for rules (the readers of drawn cells read no other) or a blank line.
 */
export type LineGlyphs = Array<Float32Array | null>;

/**
 * For each page of a PDF, null where its text reads upright as a viewer shows the page; else the affine map
 * [a, b, c, d, e, f] (x' = a·x + c·y + e, y' = b·x + d·y + f) from the page turned upright, where its line boxes and
 * rules are, back to the page as the viewer shows it, where a datum's published boxes are (schema/common.ts).
 */
export type PageTurns = Array<number[] | null>;

/**
 * An image in a converter's Markdown or a web page's article: where the converter could not read a region of the page
 * as text (a scanned table) it wrote the region out as a picture, and a portal's editor pastes a scanned table as one. Its address as written (`images/x.jpg`; null where the converter gives
 * none, docling's `<!-- image -->`), and the line of text before it (null at the document's start), for a reader to
 * find it by; `after` is absent only while the reader is still placing it.
 */
export interface Image {
  address: string | null;
  after?: string | null;
}

export type SourceRead =
  | {
      ok: true;
      text: string;
      format: SourceFormat;
      encoding: string;
      /** 1-based line numbers where page (or sheet) 2, 3, … starts; empty when the source has no pages. */
      pageStarts: number[];
      /** PDF only: where each line is printed on its page, see LineBoxes. */
      lineBoxes?: LineBoxes;
      /** PDF only, where some page was read for them: each page's rules, see PageRules. */
      pageRules?: Array<PageRules | null>;
      /** PDF only, with pageRules: on the pages read for rules, the x of each character of each line, see LineGlyphs. */
      lineGlyphs?: LineGlyphs;
      /** PDF only, where the text of some page does not read upright as the viewer shows it: see PageTurns. */
      pageTurns?: PageTurns;
      /** PDF only: pages without text that print an image (scanned among pages of text), when some page has text. */
      scannedPages?: number[];
      /** CSV only: Excel's first line naming the delimiter (`sep=;`), which is not a row and not in `text`. */
      separatorLine?: string;
      /** Workbooks only: cells a sheet hides and formulas saved without their result, in Chinese, naming sheet and cells. */
      sheetNotes?: string[];
      /**
       * HTML only: the first line of the portal's own text (its menus, breadcrumbs, 附件 list, footer), which runs to
       * the end of the text and is no part of the disclosure.
       */
      portalFrom?: number;
      /** Markdown and HTML only: the images it holds (a page's in its article), whose content is no text (see Image). */
      images?: Image[];
      /** How many radicals the text read as the ideographs they are drawn as (radicals.ts); absent where none. */
      radicals?: number;
      /** Plain text only: the page breaks put before the line after each printed page number (page-breaks.ts). */
      pageBreaks?: number;
    }
  | { ok: false; reason: string; line: number | null; page?: number };


/**
 * `name`, the file's name where known, is only a hint: a text named `.csv` is a table when some record has two
 * comma-separated fields, any other text only when it shows it throughout (csv.ts).
 * Each reader is loaded with the first file of its format (the format is told from the bytes or the text without
 * it): a parse thread of a batch of plain texts never loads the PDF, workbook, Word, HTML page or Markdown readers
 * and their libraries, some 0.15 s of CPU each thread spent loading them (docs/benchmarks.md).
 */
export async function readSource(bytes: Uint8Array, name = ''): Promise<SourceRead> {
  const read = await readFormat(bytes, name);
  if (!read.ok) return read;
  const { text, count } = unifyRadicals(read.text);
  return count > 0 ? { ...read, text, radicals: count } : read;
}

async function readFormat(bytes: Uint8Array, name: string): Promise<SourceRead> {
  if (isPdf(bytes)) return (await import('./pdf/index.ts')).readPdf(bytes);
  // Workbooks and Word documents are ZIP or OLE files, which the text decoder refuses as binary: they are recognised first.
  if (isXlsx(bytes)) return (await import('./xlsx.ts')).readXlsx(bytes);
  if (isDocx(bytes)) return (await import('./docx.ts')).readDocx(bytes);
  if (isOds(bytes)) return (await import('./ods.ts')).readOds(bytes);
  if (isLegacyXls(bytes)) return (await import('./xls.ts')).readXls(bytes);
  const decoded = decodeInput(bytes);
  if (!decoded.ok) {
    const misnamed = decoded.notText ? misnamedReason(name) : null;
    return misnamed === null ? { ok: false, reason: decoded.reason, line: decoded.line } : { ok: false, reason: misnamed, line: null };
  }
  if (looksLikeSpreadsheetXml(decoded.text)) return (await import('./xls.ts')).readXls(decoded.text, 'xls', new Set(), decoded.encoding);
  if (looksLikeFlatOds(decoded.text)) return (await import('./ods.ts')).readFlatOds(decoded.text, decoded.encoding);
  if (looksLikeHtml(decoded.text)) return (await import('./html.ts')).readHtml(decoded.text, decoded.encoding);
  const delimiter = csvDelimiter(decoded.text, extensionOf(name) === '.csv');
  if (delimiter !== null) return readCsv(decoded.text, delimiter, decoded.encoding);
  if (looksLikeMarkdown(decoded.text)) return (await import('./markdown.ts')).readMarkdown(decoded.text, decoded.encoding);
  const { text, breaks } = withPageBreaks(decoded.text);
  return { ok: true, text, format: 'text', encoding: decoded.encoding, pageStarts: [], ...(breaks > 0 && { pageBreaks: breaks }) };
}
