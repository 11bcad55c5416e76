/**
 * Every format a disclosure is published in becomes the same thing before any reader sees it: lines of text in
 * reading order, plus where each page (or sheet) starts, so that every line the readers claim can be traced to the
 * page it was printed on. The format is decided from the bytes, never from the file name. Pure: the CLI reads the
 * file, this decides what it is.
 */
import type { Disclosure } from '../../schema/disclosure.ts';
import { binaryReason, decodeInput, startsWith } from '../decode.ts';
import { csvDelimiter, readCsv } from './csv.ts';
import { isDocx, readDocx } from './docx.ts';
import { readHtml, looksLikeHtml } from './html.ts';
import { looksLikeMarkdown, readMarkdown } from './markdown.ts';
import { readPdf } from './pdf/index.ts';
import type { PageRules } from './pdf/rules.ts';
import { isOds, readOds } from './ods.ts';
import { isLegacyXls, looksLikeSpreadsheetXml, readXls } from './xls.ts';
import { isXlsx, readXlsx } from './xlsx.ts';

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
    }
  | { ok: false; reason: string; line: number | null; page?: number };

/** File name endings that a folder given to the CLI is searched for; single files are read whatever their name. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.txt', '.pdf', '.xlsx', '.xls', '.ods', '.csv', '.docx', '.html', '.htm', '.md'];

/**
 * File name endings of formats that disclosures are published in but that are not read (legacy Word and WPS
 * documents and workbooks, OFD, archives of a batch) and that a folder is searched for too, so that the batch names
 * each with its reason rather than passing over it in silence; the bytes decide, so a `.doc` that is a web page or a
 * Word 2007 document is read as one.
 */
export const REFUSED_EXTENSIONS: readonly string[] = ['.doc', '.wps', '.et', '.ofd', '.zip', '.rar', '.7z'];

/**
 * The files of a folder to read: a text file beside the PDF of the same name (`x.txt` next to `x.pdf`) is that PDF's
 * extracted text, the same disclosure, so only the PDF, the original, is read.
 */
export function originalsOnly(names: readonly string[]): string[] {
  const pdfs = new Set(names.filter((n) => n.toLowerCase().endsWith('.pdf')).map((n) => n.slice(0, -4)));
  return names.filter((n) => !(n.toLowerCase().endsWith('.txt') && pdfs.has(n.slice(0, -4))));
}

/** Why a folder's `x.txt` beside `x.pdf` is not read (originalsOnly). */
export function extractedTextReason(name: string): string {
  return `与 ${name.slice(0, -4)}.pdf 同名，视为该 PDF 提取出的文字：只读取 PDF 原件`;
}

/**
 * Files of a folder that are nobody's document and are passed over without a word: dot files, and what Windows and
 * Office keep hidden (thumbnail caches, folder settings, the `~$` owner file beside a document open in Word or Excel).
 */
export function isHiddenFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /^(?:thumbs\.db|desktop\.ini)$/i.test(name);
}

/**
 * A folder's file of another ending is read when its bytes are a document this tool reads whatever its name (a
 * portal's download saved as `download.do` or without an extension).
 */
export function isDocumentBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, PDF_SIGNATURE) || isXlsx(bytes) || isDocx(bytes) || isOds(bytes) || isLegacyXls(bytes);
}

/**
 * Why a folder's file of another ending is not read, for the batch summary: what its bytes are when they say it (an
 * image, an archive), else that a text is not taken for a disclosure by its content alone, else that the format is
 * not one this tool reads.
 */
export function unreadReason(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) return '文件是空的';
  const binary = binaryReason(bytes);
  if (binary !== null) return binary;
  const ext = extensionOf(name);
  const read = `本工具读取 ${SOURCE_EXTENSIONS.join('、')} 文件`;
  if (decodeInput(bytes).ok) {
    const kind = ext === '' ? '没有扩展名的文本文件' : `扩展名为 ${ext} 的文本文件`;
    return `${kind}：${read}，不凭内容把其他文本当作公开文件；如果这是公开文件的文字，请改扩展名为 .txt，或在命令行上直接指定这个文件`;
  }
  return `${ext === '' ? '没有扩展名，内容' : `扩展名为 ${ext}，内容`}也不是本工具读取的格式：${read}`;
}

/**
 * Formats by how exactly they hold a disclosure's figures: a workbook's cells are the numbers themselves (a CSV's are
 * a workbook's cells without their merges), a PDF
 * prints them, a Word document types them (its tables' cells are known, but a PDF is what offices publish as the
 * document of record), a portal page or a converter's Markdown is made from one of those, a text file is extracted.
 * A `.doc` or `.wps` that is read at all is a web page or text saved under that name.
 */
const EXACTEST_FIRST: readonly string[] = ['.xlsx', '.xls', '.ods', '.csv', '.pdf', '.docx', '.html', '.htm', '.md', ...REFUSED_EXTENSIONS, '.txt'];

function extensionOf(path: string): string {
  const m = /\.[^./\\]+$/.exec(path);
  return m ? m[0].toLowerCase() : '';
}

/**
 * Files of one name in several formats (x.xlsx and x.pdf in one folder) would get one output name. A file of the
 * same name is not always the same disclosure (the 司法局's x.xlsx beside x.pdf is the district's checklist of the
 * PDF, not its tables), so each is read on its own: the exactest format keeps the name, each other one gets its
 * extension added (x-pdf). Returns those other files with the suffix of their output name.
 */
export function sameNameSuffixes(paths: readonly string[]): Map<string, { suffix: string; keeps: string }> {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const ext = extensionOf(path);
    if (!EXACTEST_FIRST.includes(ext)) continue;
    const key = path.slice(0, path.length - ext.length);
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  const out = new Map<string, { suffix: string; keeps: string }>();
  for (const files of groups.values()) {
    const [first, ...rest] = [...files].sort((a, b) => EXACTEST_FIRST.indexOf(extensionOf(a)) - EXACTEST_FIRST.indexOf(extensionOf(b)));
    for (const f of rest) out.set(f, { suffix: `-${extensionOf(f).slice(1)}`, keeps: first });
  }
  return out;
}

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * `name`, the file's name where known, is only a hint: a text named `.csv` is a table when some record has two
 * comma-separated fields, any other text only when it shows it throughout (csv.ts).
 */
export async function readSource(bytes: Uint8Array, name = ''): Promise<SourceRead> {
  if (startsWith(bytes, PDF_SIGNATURE)) return readPdf(bytes);
  // Workbooks and Word documents are ZIP or OLE files, which the text decoder refuses as binary: they are recognised first.
  if (isXlsx(bytes)) return readXlsx(bytes);
  if (isDocx(bytes)) return readDocx(bytes);
  if (isOds(bytes)) return readOds(bytes);
  if (isLegacyXls(bytes)) return readXls(bytes);
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return decoded;
  if (looksLikeSpreadsheetXml(decoded.text)) return readXls(decoded.text);
  if (looksLikeHtml(decoded.text)) return readHtml(decoded.text, decoded.encoding);
  const delimiter = csvDelimiter(decoded.text, extensionOf(name) === '.csv');
  if (delimiter !== null) return readCsv(decoded.text, delimiter, decoded.encoding);
  if (looksLikeMarkdown(decoded.text)) return readMarkdown(decoded.text, decoded.encoding);
  return { ok: true, text: decoded.text, format: 'text', encoding: decoded.encoding, pageStarts: [] };
}
