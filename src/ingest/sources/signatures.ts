/**
 * What a file's bytes say it is, for each binary format this tool reads: the format is decided from the bytes, never
 * from the name. Kept apart from the readers (and their libraries) so that the CLI can sort a folder's files without
 * loading any of them.
 */
import { binaryReason, decodeInput, startsWith, ZIP_SIGNATURE } from '../decode.ts';
import { extensionOf, SOURCE_EXTENSIONS } from './names.ts';

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export function isPdf(bytes: Uint8Array): boolean {
  return startsWith(bytes, PDF_SIGNATURE);
}

/**
 * A ZIP archive whose bytes show each of `texts`: entry names, and an entry stored uncompressed (ODS's `mimetype`),
 * are readable in the archive without unpacking it.
 */
export function zipShows(bytes: Uint8Array, texts: readonly string[]): boolean {
  if (!startsWith(bytes, ZIP_SIGNATURE)) return false;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return texts.every((t) => view.includes(t, 0, 'latin1'));
}

/**
 * An Office Open XML package (a workbook, a Word document): a ZIP archive whose entries include [Content_Types].xml
 * and the format's main part (the part list itself is compressed).
 */
function isOfficePackage(bytes: Uint8Array, mainPart: string): boolean {
  return zipShows(bytes, ['[Content_Types].xml', mainPart]);
}

/** An xlsx package: its main part is the SpreadsheetML workbook. */
export function isXlsx(bytes: Uint8Array): boolean {
  return isOfficePackage(bytes, 'xl/workbook.xml');
}

/** A WordprocessingML package: its main part is the document. */
export function isDocx(bytes: Uint8Array): boolean {
  return isOfficePackage(bytes, 'word/document.xml');
}

/**
 * An ODS package: a ZIP whose `mimetype` entry names the spreadsheet type. The standard has that entry stored
 * uncompressed, so its content shows in the bytes (the type of a text document, .odt, differs).
 */
export function isOds(bytes: Uint8Array): boolean {
  return zipShows(bytes, [`mimetype${ODS_MIMETYPE}`]) || zipShows(bytes, [ODS_MIMETYPE, 'content.xml']);
}

/**
 * A legacy binary workbook: an OLE compound file with a `Workbook` (or Excel 5 `Book`) stream, named in its
 * directory in UTF-16 with a terminating NUL (so that the word in a Word document's text does not count).
 */
export function isLegacyXls(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, OLE)) return false;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.includes(Buffer.from('Workbook\0', 'utf16le')) || view.includes(Buffer.from('Book\0', 'utf16le'));
}

/** What each ending promises that only a file's bytes can be: a text with such a name is read as text all the same. */
const BINARY_FORMATS: Readonly<Record<string, string>> = {
  '.pdf': 'PDF 文件',
  '.xlsx': 'Excel 工作簿',
  '.xls': 'Excel 工作簿',
  '.ods': 'ODS 工作簿',
  '.docx': 'Word 文档',
};

/**
 * Why a file is not read whose name promises a format this tool reads and whose bytes are neither that format nor any
 * text: said of the name, since whoever gave a .pdf needs to hear that it is no PDF, not which text encodings failed
 * on it (a download cut short, an error page saved under the document's name is read as the page it is). Null for
 * any other name.
 */
export function misnamedReason(name: string): string | null {
  const ext = extensionOf(name);
  const format = BINARY_FORMATS[ext];
  return format === undefined ? null : `扩展名为 ${ext}，内容却不是 ${format}，也不是文本：文件可能已损坏或没有下载完整，请重新取得原件`;
}

/**
 * A folder's file of another ending is read when its bytes are a document this tool reads whatever its name (a
 * portal's download saved as `download.do` or without an extension).
 */
export function isDocumentBytes(bytes: Uint8Array): boolean {
  return isPdf(bytes) || isXlsx(bytes) || isDocx(bytes) || isOds(bytes) || isLegacyXls(bytes);
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
